"""Id macros: the texts the original Catwalk hashed or concatenated into its surrogate ids.

The original ran on Postgres and built its ids from the text Postgres gives a value in a UTC
session. These macros spell those texts explicitly, so DuckDB and Postgres give identical ids and
the ids stay continuous with the original's (Tableau extracts, archives and analysts' sheets join
on them).

Examples (authoring dialect DuckDB):
    @day_timestamp_text(day)       -> CAST(day AS TEXT) || ' 00:00:00'          ('2026-10-01 00:00:00')
    @utc_timestamptz_text(ts)      -> CAST(ts AT TIME ZONE 'UTC' AS TEXT) || '+00'
                                      ('2026-10-01 12:34:56+00', '2026-10-01 12:34:56.12+00')

Both engines render a DATE as YYYY-MM-DD and a naive timestamp as YYYY-MM-DD HH:MI:SS with the
fraction of a second only when it is not zero, trailing zeros dropped: the text Postgres gives a
timestamptz in a UTC session, without its '+00' suffix.
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro

from macros.time import to_utc


def _text(expression: exp.Expression) -> exp.Expression:
    return exp.Cast(this=expression, to=exp.DataType.build("TEXT"))


@macro()
def day_timestamp_text(evaluator, day: exp.Expression) -> exp.Expression:
    """A local day rendered as the timestamp text of its midnight: 'YYYY-MM-DD 00:00:00'."""
    return exp.Paren(this=exp.DPipe(this=_text(day), expression=exp.Literal.string(" 00:00:00")))


@macro()
def utc_timestamptz_text(evaluator, column: exp.Expression) -> exp.Expression:
    """A TIMESTAMPTZ rendered as Postgres renders it in a UTC session: 'YYYY-MM-DD HH:MI:SS[.ffffff]+00'."""
    return exp.Paren(
        this=exp.DPipe(this=_text(to_utc(evaluator, column)), expression=exp.Literal.string("+00"))
    )
