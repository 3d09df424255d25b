"""Engine portability: idioms that SQLGlot does not carry from DuckDB to every engine, spelled once.

Models are written in DuckDB's dialect and SQLGlot transpiles them to the engine of the gateway
(Postgres, Spark). A few DuckDB idioms transpile to SQL that Spark 3.5 rejects or that gives another
answer there; these macros render per engine (the engine of the evaluating gateway; DuckDB while
the project loads and in the unit tests). On DuckDB and Postgres they render exactly the DuckDB
idiom they replace, so results there do not change.

    @ordered_string_agg(value, ', ', key1, key2)  -> STRING_AGG(value, ', ' ORDER BY key1, key2)
        the non-null values joined in key order (ascending, nulls last; ties by value); NULL when
        there is none. Spark: sorted COLLECT_LIST of (key, value) structs, joined.
    @continuous_percentile(value, 0.9)          -> QUANTILE_CONT(value, 0.9)
        linear interpolation between the closest ranks. Spark: PERCENTILE(value, 0.9).
    @discrete_percentile(value, 0.9)          -> QUANTILE_DISC(value, 0.9)
        the first value (in ascending order) whose cumulative share reaches the fraction. Spark:
        element ceil(fraction x count) of the sorted non-null values.
    @iso_day_of_week(day)                 -> EXTRACT(ISODOW FROM day)   (1 = Monday ... 7 = Sunday)
    @days_between(start_date, end_date)   -> (end_date - start_date)   (whole days, an integer)
        Spark subtracts dates into an interval: DATEDIFF there.
    @list_length(list)                    -> ARRAY_LENGTH(list)   (DuckDB's LEN(list) is text length on Spark)
    @json_text(text, '$.key')             -> (CAST(text AS JSON) ->> '$.key')
        the value at a JSON path of a JSON document held as text, as text ('$[0]': first element);
        NULL for a JSON null. Spark: GET_JSON_OBJECT, whose text 'null' for a JSON null becomes
        NULL (so does a JSON string whose whole text is null: the one case where Spark differs).
    @decimal_as_double(x)                 -> x   (Spark: CAST(x AS DOUBLE))
        for a decimal operand of a division or of AVG: DuckDB computes those in double precision,
        Spark in decimals rounded to 6 fractional digits (division) or to the scale + 4 (AVG).

`@seconds_between` / `@minutes_between` (macros/time.py) use the same per-engine rendering.

Why macros and not plain SQL: SQLMesh turns each macro's result into DuckDB SQL and parses it
again before SQLGlot writes the engine's SQL, so each Spark form below is written as the DuckDB
SQL whose Spark translation is the intended Spark SQL (checked by tests/test_portable.py).
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro


def target_dialect(evaluator) -> str:
    """The dialect of the engine the query is rendered for (the project dialect while loading)."""
    adapter = evaluator.locals.get("engine_adapter")
    return getattr(adapter, "dialect", None) or evaluator.dialect


def _sql(expression: exp.Expression) -> str:
    return expression.sql(dialect="duckdb")


def _parse(sql: str) -> exp.Expression:
    return exp.maybe_parse(sql, dialect="duckdb")


@macro()
def ordered_string_agg(evaluator, value: exp.Expression, separator: exp.Expression, *order_by: exp.Expression) -> exp.Expression:
    """Non-null `value`s joined with `separator`, ordered by `order_by` (ascending, nulls last)."""
    for key in order_by:
        if isinstance(key, exp.Ordered):
            raise ValueError("@ordered_string_agg orders ascending by its keys: pass plain expressions")
    keys = list(order_by) or [value]
    if target_dialect(evaluator) != "spark":
        order = ", ".join(_sql(key) for key in keys)
        return _parse(f"STRING_AGG({_sql(value)}, {_sql(separator)} ORDER BY {order})")
    fields = []
    for i, key in enumerate(keys):
        fields.append(f"'n{i}': ({_sql(key)}) IS NULL")
        fields.append(f"'k{i}': {_sql(key)}")
    fields.append(f"'v': {_sql(value)}")
    struct = "{" + ", ".join(fields) + "}"
    v = _sql(value)
    return _parse(
        f"CASE WHEN COUNT({v}) = 0 THEN NULL ELSE ARRAY_TO_STRING(LIST_TRANSFORM(ARRAY_SORT("
        f"ARRAY_AGG({struct}) FILTER (WHERE ({v}) IS NOT NULL)), s -> s.v), {_sql(separator)}) END"
    )


@macro()
def continuous_percentile(evaluator, value: exp.Expression, fraction: exp.Expression) -> exp.Expression:
    """Continuous percentile (linear interpolation), as QUANTILE_CONT / Postgres percentile_cont."""
    if target_dialect(evaluator) != "spark":
        return _parse(f"QUANTILE_CONT({_sql(value)}, {_sql(fraction)})")
    return _parse(f"QUANTILE({_sql(value)}, {_sql(fraction)})")  # Spark: PERCENTILE(value, q)


@macro()
def discrete_percentile(evaluator, value: exp.Expression, fraction: exp.Expression) -> exp.Expression:
    """Discrete percentile, as QUANTILE_DISC / Postgres percentile_disc."""
    v, q = _sql(value), _sql(fraction)
    if target_dialect(evaluator) != "spark":
        return _parse(f"QUANTILE_DISC({v}, {q})")
    # A DuckDB list index is 1-based; SQLGlot writes it 0-based for Spark (index + -1).
    return _parse(
        f"ARRAY_SORT(ARRAY_AGG({v}) FILTER (WHERE ({v}) IS NOT NULL))"
        f"[CAST(GREATEST(CEIL(({q}) * COUNT({v})), 1) AS INT)]"
    )


@macro()
def iso_day_of_week(evaluator, day: exp.Expression) -> exp.Expression:
    """ISO day of the week of a date: 1 = Monday ... 7 = Sunday."""
    if target_dialect(evaluator) != "spark":
        return _parse(f"EXTRACT(ISODOW FROM {_sql(day)})")
    # Spark: DAYOFWEEK is 1 = Sunday ... 7 = Saturday (the DuckDB DAYOFWEEK call is written as it).
    return _parse(f"(((DAYOFWEEK({_sql(day)}) + 5) % 7) + 1)")


@macro()
def days_between(evaluator, start: exp.Expression, end: exp.Expression) -> exp.Expression:
    """Whole days from the date `start` to the date `end` (negative when end precedes start)."""
    if target_dialect(evaluator) != "spark":
        return _parse(f"(({_sql(end)}) - ({_sql(start)}))")
    return _parse(f"DATE_DIFF('day', {_sql(start)}, {_sql(end)})")  # Spark: DATEDIFF(DAY, start, end)


@macro()
def list_length(evaluator, value: exp.Expression) -> exp.Expression:
    """Number of elements of a list (NULL for a NULL list)."""
    return _parse(f"ARRAY_LENGTH({_sql(value)})")


@macro()
def json_text(evaluator, value: exp.Expression, path: exp.Expression) -> exp.Expression:
    """The value at JSON `path` ('$.key', '$[0]') of a JSON document held as text, as text."""
    if target_dialect(evaluator) != "spark":
        return _parse(f"(CAST({_sql(value)} AS JSON) ->> {_sql(path)})")
    # Spark: GET_JSON_OBJECT, which gives the text 'null' for a JSON null ('[null]' at '$[0]')
    return _parse(f"NULLIF(JSON_EXTRACT_STRING({_sql(value)}, {_sql(path)}), 'null')")


@macro()
def decimal_as_double(evaluator, value: exp.Expression) -> exp.Expression:
    """`value` unchanged on DuckDB and Postgres, as DOUBLE on Spark: for a decimal operand of a
    division or an average, which DuckDB computes in double precision (Postgres exactly) and Spark
    in decimals rounded to 6 fractional digits (division) or to the operand's scale + 4 (AVG)."""
    if target_dialect(evaluator) != "spark":
        return value
    return _parse(f"CAST({_sql(value)} AS DOUBLE)")
