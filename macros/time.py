"""Time macros: the single place where time zones and durations are spelled.

Raw timestamps are TIMESTAMPTZ (UTC). Business days are Montreal-local days:
`_est` columns hold timezone-naive local timestamps. Durations are computed from epoch seconds so
DuckDB and Postgres agree to the microsecond (DuckDB's date_diff counts boundaries instead).

Examples (authoring dialect DuckDB):
    @to_est(timestamp)              -> timestamp AT TIME ZONE 'America/Montreal'   (naive local time)
    @to_utc(timestamp)              -> timestamp AT TIME ZONE 'UTC'                (naive UTC time)
    @from_est(local_timestamp)      -> local_timestamp AT TIME ZONE 'America/Montreal'
                                       (the UTC instant, TIMESTAMPTZ, of a naive Montreal-local time;
                                       on Spark TO_UTC_TIMESTAMP: SQLGlot writes AT TIME ZONE as
                                       FROM_UTC_TIMESTAMP there, the conversion the other way)
    @minutes_between(a, b)          -> EXTRACT(EPOCH FROM (b - a)) / 60.0          (minutes from a to b)
    @seconds_between(a, b)          -> EXTRACT(EPOCH FROM (b - a))
    (on Spark, which cannot take the epoch of an interval, the sum of the interval's fields)
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro

from macros.portable import target_dialect

LOCAL_TIMEZONE = "America/Montreal"


def _at_time_zone(column: exp.Expression, zone: str) -> exp.Expression:
    return exp.Paren(this=exp.AtTimeZone(this=column, zone=exp.Literal.string(zone)))


@macro()
def to_est(evaluator, column: exp.Expression) -> exp.Expression:
    """Naive Montreal-local timestamp of a TIMESTAMPTZ column (DST-aware)."""
    return _at_time_zone(column, LOCAL_TIMEZONE)


@macro()
def to_utc(evaluator, column: exp.Expression) -> exp.Expression:
    """Naive UTC timestamp of a TIMESTAMPTZ column, independent of the session time zone."""
    return _at_time_zone(column, "UTC")


@macro()
def from_est(evaluator, column: exp.Expression) -> exp.Expression:
    """UTC instant (TIMESTAMPTZ) of a naive Montreal-local timestamp (DST-aware): the inverse of
    @to_est. DuckDB and Postgres read `naive AT TIME ZONE zone` this way; Spark has no such
    operator and SQLGlot writes it as FROM_UTC_TIMESTAMP, which shifts the other way."""
    zone = exp.Literal.string(LOCAL_TIMEZONE)
    if target_dialect(evaluator) == "spark":
        return exp.Anonymous(this="TO_UTC_TIMESTAMP", expressions=[column, zone])
    return exp.AtTimeZone(this=column, zone=zone)


@macro()
def seconds_between(evaluator, start: exp.Expression, end: exp.Expression) -> exp.Expression:
    """Seconds from `start` to `end` (negative when end precedes start), as a float."""
    if target_dialect(evaluator) == "spark":
        # Spark cannot EXTRACT(EPOCH) from an interval: sum its fields (seconds with microseconds).
        difference = f"(CAST({end.sql('duckdb')} AS TIMESTAMPTZ) - CAST({start.sql('duckdb')} AS TIMESTAMPTZ))"
        return exp.maybe_parse(
            f"CAST(EXTRACT(DAY FROM {difference}) * 86400 + EXTRACT(HOUR FROM {difference}) * 3600"
            f" + EXTRACT(MINUTE FROM {difference}) * 60 + EXTRACT(SECOND FROM {difference}) AS DOUBLE)",
            dialect="duckdb",
        )
    return exp.Cast(
        this=exp.Extract(this=exp.var("EPOCH"), expression=exp.Paren(this=exp.Sub(this=end, expression=start))),
        to=exp.DataType.build("DOUBLE"),
    )


@macro()
def minutes_between(evaluator, start: exp.Expression, end: exp.Expression) -> exp.Expression:
    """Minutes from `start` to `end`, as a float."""
    return exp.Div(
        this=seconds_between(evaluator, start, end),
        expression=exp.Literal.number("60.0"),
    )
