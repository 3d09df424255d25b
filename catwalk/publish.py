"""Publishing model data: a failed run never changes what prod shows.

SQLMesh writes a batch (FULL rebuild, time-range DELETE + INSERT, merge, SCD2 update) into the
model's physical table, then runs the model's audits on that table. In a scheduled run the prod
view already reads that table, so without more care a batch that fails half-way, or whose blocking
audit fails, is what Tableau shows. Catwalk publishes a batch only once it is written *and*
audited, on both engines:

1. **Every write is atomic on DuckDB too.** SQLMesh's DuckDB adapter declares no transaction
   support (`SUPPORTS_TRANSACTIONS = False`), so a time-range overwrite commits its DELETE even when
   the INSERT fails. DuckDB has ACID transactions; SQLMesh leaves them off because its generic
   `execute` commits after every statement and a DuckDB connection drops its pending result set on
   COMMIT: `columns()` (DESCRIBE, then fetch) would read nothing. DDL, ATTACH/DETACH and USE all
   run inside DuckDB transactions (checked with DuckDB 1.5). So `install()` turns transactions on
   for the DuckDB adapter and runs `columns()` inside one, which is all the adapter needs. The
   `local` gateway keeps `concurrent_tasks: 1` (one writer per DuckDB file): concurrent DuckDB
   transactions touching the same catalog entries would conflict.
2. **Write, audit, publish.** `Scheduler.evaluate` (write the batch, audit it, record the interval)
   runs its write and its audits in one transaction: the audits read the batch inside the
   transaction, and a failing blocking audit (or any error) rolls the batch back, so the model's
   table — and the prod view over it — still holds the last good data. SQLMesh then skips the
   downstream models as usual, so they keep their last good data too; the interval stays missing
   and the next run tries it again. The interval is recorded after the commit (a crash in between
   recomputes the batch, which every kind tolerates). No copy of any table is made: readers see
   the old rows until the commit (Postgres MVCC, DuckDB snapshot isolation).
3. **Failures say what failed.** A failed audit names the audit, its column, the offending values
   and a sample key of the model's grain, read from the rolled-back batch before the rollback; a
   Postgres data error (`invalid input syntax for type integer: "abc"`) names the column whose cast
   failed and the raw table holding the value, as DuckDB's conversion errors do.

Why a patch and not a SQLMesh setting: 0.236 has no option to enable DuckDB transactions or to
audit before publishing (its own write-audit-publish is Iceberg/Spark only), and a CUSTOM
materialization would replace SQLMesh's time-range, merge and SCD2 kinds with Catwalk code.
`install()` is applied by `catwalk.project.open_context` (every catwalk command and test) and by
`materializations/publish.py`, which SQLMesh imports first on every project load (bare `sqlmesh
plan` and `sqlmesh run`). It keeps SQLMesh's signatures and is checked against the pinned version.
"""

from __future__ import annotations

import re
import typing as t

from sqlmesh.utils.errors import NodeAuditsErrors, SQLMeshError

from catwalk import audits, tablenames

SQLMESH_VERSION = "0.236.4"  # the version whose Scheduler.evaluate this module reproduces
SAMPLE_ROWS = 3

_installed = False


def install() -> None:
    """Apply both publishing rules to SQLMesh (idempotent)."""
    global _installed
    if _installed:
        return
    import sqlmesh

    if sqlmesh.__version__ != SQLMESH_VERSION:
        raise RuntimeError(
            f"catwalk.publish reproduces SQLMesh {SQLMESH_VERSION}'s Scheduler.evaluate; "
            f"found SQLMesh {sqlmesh.__version__}: check the scheduler before upgrading"
        )
    _enable_duckdb_transactions()
    _publish_after_audits()
    audits.install()  # the built-in column audits of a batch checked in one query first
    tablenames.install()  # physical table names computed once per snapshot version
    _iceberg_interval_writes()
    _spark_seed_frames()
    _installed = True


def _iceberg_interval_writes() -> None:
    """Time-range intervals on Spark are written as on DuckDB and Postgres: DELETE the interval,
    then INSERT it, into unpartitioned Iceberg tables.

    SQLMesh 0.236 writes a Spark interval with INSERT OVERWRITE in dynamic partition mode and
    partitions the table by the raw time column (one partition per distinct timestamp): on
    Iceberg that opens one Parquet writer per timestamp (the Java heap ran out on a 14-day tiny
    build) and only replaces the timestamps the new batch contains, so rows of the interval that
    the recomputation drops would stay. Iceberg deletes rows (its SQL extensions), so the
    DELETE + INSERT strategy is exact whatever the layout; the partition spec is left out.
    (Spark has no multi-statement transactions: a failure between the two leaves the interval
    empty until the next run recomputes it.)
    """
    try:
        from sqlmesh.core.engine_adapter.shared import InsertOverwriteStrategy
        from sqlmesh.core.engine_adapter.spark import SparkEngineAdapter
    except ImportError:  # pragma: no cover - pyspark-free installs still import the adapter module
        return
    properties = SparkEngineAdapter._build_table_properties_exp

    def _build_table_properties_exp(self: t.Any, *args: t.Any, **kwargs: t.Any) -> t.Any:
        if kwargs.get("table_format") == "iceberg":
            kwargs["partitioned_by"] = None
        return properties(self, *args, **kwargs)

    SparkEngineAdapter.INSERT_OVERWRITE_STRATEGY = InsertOverwriteStrategy.DELETE_INSERT
    SparkEngineAdapter._build_table_properties_exp = _build_table_properties_exp  # type: ignore[method-assign]


def _spark_seed_frames() -> None:
    """Seeds reach Spark with the values their CSV holds, whatever pandas inferred.

    SQLMesh 0.236 hands a seed's pandas frame to `createDataFrame` with a schema built from the
    model's column types, which PySpark checks value by value: a DOUBLE column whose CSV values are
    all whole numbers (pandas int64) fails with `DoubleType() can not accept object 15000 in type
    int`, and every DECIMAL(p, s) column becomes `DecimalType()` (precision 10, scale 0), which
    rejects 0.02. The frame is given Python values of the schema's types instead (floats for
    DOUBLE/FLOAT, ints for integer columns, and DECIMAL columns as their text, which Spark then casts
    to the declared DECIMAL(p, s) exactly, as DuckDB and Postgres read the same CSV text).
    """
    try:
        from sqlglot import exp
        from sqlmesh.core.engine_adapter.spark import SparkEngineAdapter
    except ImportError:  # pragma: no cover
        return
    ensure = SparkEngineAdapter._ensure_pyspark_df
    floats = {exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT}
    integers = {exp.DataType.Type.TINYINT, exp.DataType.Type.SMALLINT, exp.DataType.Type.INT,
                exp.DataType.Type.BIGINT}

    def _ensure_pyspark_df(self: t.Any, generic_df: t.Any, target_columns_to_types: t.Any = None,
                           source_columns: t.Any = None) -> t.Any:
        df = self.try_get_pandas_df(generic_df)
        if df is None or not target_columns_to_types or self.try_get_pyspark_df(generic_df):
            return ensure(self, generic_df, target_columns_to_types, source_columns)
        import pandas as pd
        from sqlmesh.utils import get_source_columns_to_types

        types = get_source_columns_to_types(target_columns_to_types, source_columns)
        df = df[list(types)].copy()  # other columns (timestamps, text) go to Spark as before
        frame_types = dict(types)
        for name, kind in types.items():
            convert = None
            if kind.this in floats:
                convert = float
            elif kind.this in integers:
                convert = int
            elif kind.this == exp.DataType.Type.DECIMAL:
                convert, frame_types[name] = _decimal_text, exp.DataType.build("TEXT")
            if convert is not None:
                df[name] = pd.Series([None if _missing(v) else convert(v) for v in df[name]],
                                     index=df.index, dtype=object)
        spark_df = self.spark.createDataFrame(df, schema=self.sqlglot_to_spark_types(frame_types))
        return ensure(self, spark_df, target_columns_to_types, source_columns)

    SparkEngineAdapter._ensure_pyspark_df = _ensure_pyspark_df  # type: ignore[method-assign]


def _missing(value: t.Any) -> bool:
    try:
        import pandas as pd

        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decimal_text(value: t.Any) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _enable_duckdb_transactions() -> None:
    from sqlmesh.core.engine_adapter.duckdb import DuckDBEngineAdapter

    describe = DuckDBEngineAdapter.columns

    def columns(self: t.Any, table_name: t.Any, include_pseudo_columns: bool = False) -> t.Any:
        # DESCRIBE then fetch: inside one transaction, or the COMMIT drops the result set.
        with self.transaction():
            return describe(self, table_name, include_pseudo_columns)

    DuckDBEngineAdapter.SUPPORTS_TRANSACTIONS = True
    DuckDBEngineAdapter.columns = columns  # type: ignore[method-assign]


def _publish_after_audits() -> None:
    from sqlmesh.core.scheduler import Scheduler

    Scheduler.evaluate = evaluate  # type: ignore[method-assign]


def evaluate(
    self: t.Any,
    snapshot: t.Any,
    start: t.Any,
    end: t.Any,
    execution_time: t.Any,
    deployability_index: t.Any,
    batch_index: int,
    environment_naming_info: t.Any = None,
    allow_destructive_snapshots: t.Any = None,
    allow_additive_snapshots: t.Any = None,
    target_table_exists: t.Optional[bool] = None,
    **kwargs: t.Any,
) -> t.List[t.Any]:
    """SQLMesh's Scheduler.evaluate, with the write and its audits in one transaction."""
    from sqlmesh.core.snapshot.definition import parent_snapshots_by_name
    from sqlmesh.utils.date import now_timestamp, validate_date_range

    validate_date_range(start, end)
    snapshots = parent_snapshots_by_name(snapshot, self.snapshots)
    is_deployable = deployability_index.is_deployable(snapshot)
    adapter = self.snapshot_evaluator.get_adapter(snapshot.model_gateway)
    try:
        with adapter.transaction():
            wap_id = self.snapshot_evaluator.evaluate(
                snapshot,
                start=start,
                end=end,
                execution_time=execution_time,
                snapshots=snapshots,
                allow_destructive_snapshots=allow_destructive_snapshots,
                allow_additive_snapshots=allow_additive_snapshots,
                deployability_index=deployability_index,
                batch_index=batch_index,
                target_table_exists=target_table_exists,
                **kwargs,
            )
            audit_results = _audit_before_publish(
                self,
                adapter,
                snapshot=snapshot,
                environment_naming_info=environment_naming_info,
                start=start,
                end=end,
                execution_time=execution_time,
                snapshots=snapshots,
                deployability_index=deployability_index,
                wap_id=wap_id,
                **kwargs,
            )
    except Exception as error:
        explained = explain_data_error(adapter, snapshot, error)
        if explained is not None:
            raise explained from error
        raise
    self.state_sync.add_interval(
        snapshot, start, end, is_dev=not is_deployable, last_altered_ts=now_timestamp()
    )
    return audit_results


def _audit_before_publish(scheduler: t.Any, adapter: t.Any, **audit_args: t.Any) -> t.List[t.Any]:
    """The batch's audits, run inside its transaction; failures described before the rollback."""
    try:
        return scheduler._audit_snapshot(**audit_args)
    except NodeAuditsErrors as error:
        details = describe_audit_errors(adapter, audit_args["snapshot"], error.errors)
        raise AuditsFailed(error.errors, details) from None


# --------------------------------------------------------------------------------------------
# Failed audits


class AuditsFailed(NodeAuditsErrors):
    """SQLMesh's NodeAuditsErrors, with a message naming columns, values and a sample key."""

    def __init__(self, errors: t.List[t.Any], details: t.List[str]) -> None:
        super().__init__(errors)
        self.details = details
        self.args = ("Audits failed (batch rolled back, prod unchanged): " + "; ".join(details),)


def describe_audit_errors(adapter: t.Any, snapshot: t.Any, errors: t.List[t.Any]) -> t.List[str]:
    return [describe_audit_error(adapter, snapshot, error) for error in errors]


def describe_audit_error(adapter: t.Any, snapshot: t.Any, error: t.Any) -> str:
    """One failed audit: `accepted_values on charge_strategy: 1 row failed, e.g.
    charge_strategy='bogus' at plan_id=7` (audit, its columns, offending values, grain key)."""
    from sqlglot import exp

    rows_word = "row" if error.count == 1 else "rows"
    checked = _audit_columns(error)
    heading = f"{error.audit_name}" + (f" on {', '.join(checked)}" if checked else "")
    try:
        sample = adapter.fetchdf(
            exp.select("*").from_(error.query.subquery("failed_rows")).limit(SAMPLE_ROWS)
        )
    except Exception:  # the description must never hide the failure itself
        return f"{heading}: {error.count} {rows_word} failed"
    columns = [str(name) for name in sample.columns]
    keys = [name for name in _grain_columns(snapshot) if name in columns]
    shown = [name for name in checked if name in columns] or [
        name for name in _where_columns(error.query) if name in columns and name not in keys
    ]
    examples = []
    for row in sample.head(SAMPLE_ROWS).to_dict("records"):
        values = ", ".join(f"{name}={_show(row[name])}" for name in shown)
        key = ", ".join(f"{name}={_show(row[name])}" for name in keys)
        examples.append(" ".join(part for part in (values, f"at {key}" if key else "") if part))
    detail = f"{heading}: {error.count} {rows_word} failed"
    return detail + (f", e.g. {'; '.join(examples)}" if any(examples) else "")


def _audit_columns(error: t.Any) -> t.List[str]:
    """Column names given to the audit (`column :=`, `columns :=`, `criteria :=`, ...)."""
    from sqlglot import exp

    names: t.List[str] = []
    for key, value in (error.audit_args or {}).items():
        if str(key) in ("condition", "blocking"):
            continue
        if isinstance(value, exp.Expr):
            for column in [value] if isinstance(value, exp.Column) else value.find_all(exp.Column):
                if column.name not in names:
                    names.append(column.name)
    return names


def _where_columns(query: t.Any) -> t.List[str]:
    """Columns a custom audit filters on (its outermost WHERE), to show for audits without args."""
    from sqlglot import exp

    where = query.args.get("where") if isinstance(query, exp.Select) else None
    found = where.find_all(exp.Column) if where is not None else query.find_all(exp.Column)
    names: t.List[str] = []
    for column in found:
        if column.name not in names:
            names.append(column.name)
    return names


def _grain_columns(snapshot: t.Any) -> t.List[str]:
    from sqlglot import exp

    names: t.List[str] = []
    for grain in getattr(snapshot.model, "grains", None) or []:
        columns = [grain] if isinstance(grain, exp.Column) else list(grain.find_all(exp.Column))
        names.extend(column.name for column in columns if column.name not in names)
    return names


def _show(value: t.Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "NULL"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --------------------------------------------------------------------------------------------
# Postgres data errors

_PG_INVALID_INPUT = re.compile(r'invalid input syntax for type ([a-z ]+?): "(.*)"', re.S)


def explain_data_error(
    adapter: t.Any, snapshot: t.Any, error: Exception
) -> t.Optional[SQLMeshError]:
    """A Postgres cast error that names its column, like DuckDB's `... from source column x`.

    Postgres reports `invalid input syntax for type integer: "abc"` without the column. The
    candidates are the model's casts to that type; each candidate's source column is looked up in
    the tables the model reads for the offending value (after the rollback, in a new transaction).
    Returns None when the error is not such an error or no column could be named.
    """
    if getattr(error, "pgcode", None) is None or not snapshot.is_model:
        return None
    match = _PG_INVALID_INPUT.search(str(error))
    if not match:
        return None
    type_name, value = match.group(1), match.group(2)
    try:
        found = _columns_holding(adapter, snapshot.model, type_name, value)
    except Exception:  # e.g. a Python model (no query): keep Postgres's own message
        return None
    if not found:
        return None
    where = ", ".join(f"source column {column} of {table}" for table, column in found)
    message = (
        f"{' '.join(str(error).split())} (when casting from {where}; "
        f"model {snapshot.model.name}; batch rolled back, prod unchanged)"
    )
    return SQLMeshError(message)


def _columns_holding(
    adapter: t.Any, model: t.Any, type_name: str, value: str
) -> t.List[t.Tuple[str, str]]:
    """(table, column) pairs among the model's casts to `type_name` whose table holds `value`."""
    from sqlglot import exp

    try:
        wanted = exp.DataType.build(type_name, dialect="postgres").this
    except Exception:
        return []
    query = model.query
    ctes = {cte.alias_or_name for cte in query.find_all(exp.CTE)}
    tables = [  # the model's tables, not its CTEs (a CTE may share a table's bare name)
        exp.table_name(table)
        for table in query.find_all(exp.Table)
        if table.db or table.name not in ctes
    ]
    casts = {
        cast.this.name
        for cast in query.find_all(exp.Cast)
        if isinstance(cast.this, exp.Column) and cast.to.this == wanted
    }
    found = []
    for table in sorted(set(tables)):
        for column in sorted(casts):
            probe = (
                exp.select("1")
                .from_(exp.to_table(table))
                .where(exp.cast(exp.column(column), "TEXT").eq(exp.Literal.string(value)))
                .limit(1)
            )
            try:
                if adapter.fetchone(probe):
                    found.append((table, column))
            except Exception:  # the column is not in this table
                continue
    return found
