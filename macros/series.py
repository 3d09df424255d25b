"""Number series in portable SQL: the integers 0 .. n-1 as a derived table.

    CROSS JOIN @number_series(10000) AS day_numbers        -> day_numbers.n = 0, 1, ..., 9999

It expands to cross-joined digit tables of ten VALUES rows each (as many as n needs), so the
same SQL runs on DuckDB and Postgres without an engine's series function:

    (SELECT d0.digit + 10 * d1.digit + ... AS n
     FROM (VALUES (0), ..., (9)) AS d0(digit) CROSS JOIN ... [WHERE ... < n]) AS day_numbers
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro


def _digits(alias: str) -> exp.Expression:
    values = exp.Values(
        expressions=[exp.Tuple(expressions=[exp.Literal.number(digit)]) for digit in range(10)],
        alias=exp.TableAlias(this=exp.to_identifier(alias), columns=[exp.to_identifier("digit")]),
    )
    return values


def number_series_query(count: int) -> exp.Select:
    """SELECT of the integers 0 .. count-1 in a column n (count >= 1)."""
    if count < 1:
        raise ValueError(f"number_series needs a positive count, got {count}")
    places = max(1, len(str(count - 1)))
    terms = [
        exp.column("digit", table=f"d{place}") if place == 0
        else exp.Mul(this=exp.Literal.number(10**place), expression=exp.column("digit", table=f"d{place}"))
        for place in range(places)
    ]
    total: exp.Expression = terms[0]
    for term in terms[1:]:
        total = exp.Add(this=total, expression=term)
    query = exp.select(exp.alias_(total, "n")).from_(_digits("d0"))
    for place in range(1, places):
        query = query.join(_digits(f"d{place}"), join_type="CROSS")
    if count < 10**places:
        query = query.where(exp.LT(this=total.copy(), expression=exp.Literal.number(count)))
    return query


@macro()
def number_series(evaluator, count: exp.Expression) -> exp.Expression:
    """The integers 0 .. count-1 as a derived table with one column n; alias it in the query."""
    return exp.Subquery(this=number_series_query(int(count.name)))
