"""The data diff: each changed model in the dev environment against prod on its grain (SQLMesh
table_diff), with a few differing rows, person-identifying columns masked; row counts of added
models."""

from __future__ import annotations

import math
import typing as t

from catwalk.review.common import column_types, grain_names, one_line, pii_columns

MASK = "***"
SAMPLE_ROWS = 3
MAX_CELL = 40
CHANGED_SHOWN = 6
CONTEXT_COLUMNS = 3


def add_data_diffs(context, report: dict[str, t.Any], against_name: str, env_name: str) -> None:
    for entry in report["directly_modified"]:
        if entry["category"] == "metadata only":
            continue
        entry["data_diff"] = data_diff(context, entry["name"], against_name, env_name)
        if entry["category"] == "forward-only" and not entry["data_diff"].get("error"):
            entry["data_diff"]["note"] = (
                f"`{env_name}` holds a preview built from the current source only: history that "
                f"exists only in `{against_name}` shows as rows only in `{against_name}`"
            )
    for entry in report["indirectly_modified"]:
        if entry["is_tableau"]:  # what reaches dashboards: each flagged mart gets its own diff
            entry["data_diff"] = (
                data_diff(context, entry["name"], against_name, env_name)
                if entry["rebuilt"]
                else {"error": None, "identical_table": True}
            )
    for entry in report["added"]:
        entry["data_diff"] = _row_count(context, entry["name"], env_name)


def data_diff(context, name: str, against_name: str, env_name: str) -> dict[str, t.Any]:
    model = context.get_model(name)
    if not model.grains:
        return {"error": "the model has no grain; no row-level diff"}
    try:
        diffs = context.table_diff(
            source=against_name,
            target=env_name,
            select_models=[name],
            show=False,
            limit=SAMPLE_ROWS,
            warn_grain_check=True,
        )
    except Exception as error:
        return {"error": one_line(error)}
    if diffs:
        table_diff = diffs[0]
    else:
        # SQLMesh skips models whose version did not change (forward-only kinds such as SCD2): the
        # dev view then points at a preview table, so compare the two views directly.
        table_diff = _view_diff(context, model, against_name, env_name)
        if table_diff is None:
            return {"error": None, "identical_table": True}
    try:
        row_diff = table_diff.row_diff()
    except Exception as error:
        return {"error": one_line(error)}
    return _diff_entry(model, row_diff, table_diff.schema_diff())


def _diff_entry(model, row_diff, schema) -> dict[str, t.Any]:
    column_match = {
        str(column): _number(value)
        for column, value in row_diff.column_stats["pct_match"].items()
    }
    changed = [c for c, pct in column_match.items() if pct is None or pct < 100]
    changed += [c for c, _ in schema.added] + [c for c, _ in schema.removed]
    show = _Shown(model, changed)
    return {
        "error": None,
        "identical_table": False,
        "on": [str(c) for c in grain_names(model)],
        "against_rows": row_diff.source_count,
        "env_rows": row_diff.target_count,
        "matched_rows": row_diff.join_count,
        "fully_matching_rows": row_diff.full_match_count,
        "only_in_against": row_diff.s_only_count,
        "only_in_env": row_diff.t_only_count,
        "columns_added": [[c, d.sql(dialect="duckdb")] for c, d in schema.added],
        "columns_removed": [[c, d.sql(dialect="duckdb")] for c, d in schema.removed],
        "columns_retyped": [
            [c, old.sql(dialect="duckdb"), new.sql(dialect="duckdb")]
            for c, (old, new) in schema.modified.items()
        ],
        "column_match_pct": column_match,
        "masked_columns": sorted(show.pii),
        "sample_only_in_against": show.sample(row_diff.s_sample),
        "sample_only_in_env": show.sample(row_diff.t_sample),
        "sample_differing": show.sample(row_diff.joined_sample),
    }


def _view_diff(context, model, against_name: str, env_name: str):
    views = []
    for name in (against_name, env_name):
        environment = context.state_reader.get_environment(name)
        snapshot = next(
            (s for s in (environment.snapshots if environment else []) if s.name == model.fqn), None
        )
        if snapshot is None:
            return None
        views.append((snapshot, environment))
    (source, source_env), (target, target_env) = views
    if source.snapshot_id == target.snapshot_id:
        return None
    dialect = context.engine_adapter.dialect
    return context.table_diff(
        source=source.qualified_view_name.for_environment(source_env.naming_info, dialect),
        target=target.qualified_view_name.for_environment(target_env.naming_info, dialect),
        on=grain_names(model),
        show=False,
        limit=SAMPLE_ROWS,
    )[0]


def _row_count(context, name: str, env_name: str) -> dict[str, t.Any]:
    from sqlglot import exp

    table = context.get_model(name).name
    schema, _, table_name = table.rpartition(".")
    view = exp.table_(table_name, db=f"{schema}__{env_name}")
    try:
        count = context.engine_adapter.fetchone(exp.select("count(*)").from_(view))[0]
    except Exception as error:
        return {"error": one_line(error)}
    return {"error": None, "env_rows": int(count)}


class _Shown:
    """Which columns a sample shows, and how: the grain, the changed columns (at most
    CHANGED_SHOWN) and CONTEXT_COLUMNS more in table order; DATE columns as dates; person-
    identifying columns masked (also in table_diff's `PROD__email`-style column names)."""

    def __init__(self, model, changed: list[str]):
        types = column_types(model)
        self.pii = pii_columns(model)
        self.dates = {c for c, data_type in types.items() if data_type == "DATE"}
        grain = grain_names(model)
        changed = [c for c in changed if c not in grain][:CHANGED_SHOWN]
        context = [
            c for c in types if c not in grain and c not in changed and c not in self.pii
        ][:CONTEXT_COLUMNS]
        self.keep = {*grain, *changed, *context}

    def sample(self, frame) -> dict[str, t.Any]:
        columns = [str(c) for c in frame.columns]
        shown = [i for i, c in enumerate(columns) if _base(c) in self.keep]
        rows = []
        for record in frame.head(SAMPLE_ROWS).itertuples(index=False):
            rows.append([self._value(columns[i], record[i]) for i in shown])
        return {
            "columns": [columns[i] for i in shown],
            "rows": rows,
            "hidden_columns": len({_base(c) for c in columns} - self.keep - {"__sqlmesh_join_key"}),
        }

    def _value(self, column: str, value) -> t.Any:
        base = _base(column)
        if base in self.pii or column in self.pii:
            return MASK
        if base in self.dates and hasattr(value, "date") and not _missing(value):
            return value.date().isoformat()
        return _cell(value)


def _base(column: str) -> str:
    """`PROD__email` -> `email` (table_diff's joined sample names columns by environment)."""
    return column.split("__", 1)[1] if "__" in column else column


def _missing(value) -> bool:
    return str(value) in ("NaT", "nan", "<NA>", "None")


def _cell(value) -> t.Any:
    if value is None:
        return None
    try:
        if isinstance(value, float) and math.isnan(value):
            return None
    except TypeError:
        pass
    if hasattr(value, "item"):  # numpy scalars
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    if text in ("NaT", "nan", "<NA>"):
        return None
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else round(number, 2)
