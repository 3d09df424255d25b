"""Plan review report: what a change does, whether it breaks, and how the data moves.

`catwalk review ENV` builds the SQLMesh plan of the working tree for the dev environment ENV
(created from `--against`, prod by default), applies it to ENV only (never to prod) so that ENV is
backfilled over prod's whole range, then writes one report fit for a pull-request comment:

- a summary line (added / removed / directly / indirectly modified models, backfill intervals);
- per directly modified model: change category and why SQLMesh chose it, SQL diff, column
  changes, downstream models (Tableau marts and archives first);
- a data diff of each directly modified model against prod on the model's grain (SQLMesh
  table_diff) with a few differing rows, person-identifying (`[PII]`) columns masked as `***`;
- unit test and audit results of the changed models.

Everything is gathered into a plain dict (`--format json` prints it) and rendered as markdown.
"""

from __future__ import annotations

import io
import json
import math
import typing as t
from pathlib import Path

from catwalk.project import CatwalkError, open_context

PII_PREFIX = "[PII]"
MASK = "***"
SAMPLE_ROWS = 3
MAX_CELL = 40
DOWNSTREAM_LISTED = 25
MAX_DIFF_LINES = 150  # per model in markdown (the JSON keeps the whole diff)

CATEGORY_LABELS = {
    "BREAKING": "breaking",
    "NON_BREAKING": "non-breaking",
    "FORWARD_ONLY": "forward-only",
    "INDIRECT_BREAKING": "indirect breaking",
    "INDIRECT_NON_BREAKING": "indirect non-breaking",
    "METADATA": "metadata only",
}


# --------------------------------------------------------------------------------------------
# entry point


def review(
    env: str,
    gateway: str = "local",
    against: str = "prod",
    output: str | None = None,
    fmt: str = "markdown",
    *,
    paths: str | Path | None = None,
) -> int:
    """Build the plan of ENV against AGAINST, backfill ENV, write the report.

    Returns 0 when the report was written and every test, audit and dev backfill passed, 1 when
    the report was written but something failed (the report says what). Raises CatwalkError for
    errors that prevent a report (project does not load, AGAINST does not exist, ENV is prod).
    """
    if fmt not in ("markdown", "json"):
        raise CatwalkError(f"unknown format {fmt!r}; choose markdown or json")
    report = build_report(env, gateway=gateway, against=against, paths=paths)
    text = render_json(report) if fmt == "json" else render_markdown(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0 if report["ok"] else 1


def build_report(
    env: str, gateway: str = "local", against: str = "prod", paths: str | Path | None = None
) -> dict[str, t.Any]:
    """Everything the report shows, as plain JSON-serialisable data."""
    from sqlmesh.core.environment import Environment

    try:
        env_name = Environment.sanitize_name(env)
        against_name = Environment.sanitize_name(against)
    except Exception as error:
        raise CatwalkError(f"invalid environment name: {_one_line(error)}") from None
    if not env_name:
        raise CatwalkError("the environment name is empty; pass a dev environment such as pr_123")
    if env_name == "prod" or env_name == against_name:
        raise CatwalkError(
            f"review plans into a dev environment and never into {env_name!r}; "
            "pass a dev environment name such as pr_123"
        )

    context = open_context(gateway, paths)
    try:
        return _report(context, env_name, against_name, gateway)
    finally:
        context.close()


def _report(context, env_name: str, against_name: str, gateway: str) -> dict[str, t.Any]:
    try:
        against_env = context.state_reader.get_environment(against_name)
    except Exception as error:  # unreachable warehouse, missing state tables, wrong credentials
        raise CatwalkError(
            f"cannot read the SQLMesh state on gateway {gateway!r}: {_one_line(error)}"
        ) from None
    if against_env is None or against_env.expired:
        raise CatwalkError(
            f"environment {against_name!r} does not exist on gateway {gateway!r} "
            "(apply the prod plan first, or pass --against with an existing environment)"
        )

    report: dict[str, t.Any] = {
        "environment": env_name,
        "against": against_name,
        "gateway": gateway,
        "has_changes": True,
        "ok": True,
    }
    # Nothing differs from AGAINST: say so, and build nothing (a dev plan would refuse anyway).
    if not context.diff(against_name):
        report["has_changes"] = False
        report.update(_empty_sections())
        report["summary"] = _summary(report, plan_requires_backfill=False)
        return report

    # Always diff against AGAINST, even when ENV exists from an earlier push of the same PR.
    # Tables built by that earlier push are reused (same fingerprints), so this costs nothing.
    context.config.plan.always_recreate_environment = True
    plan = _build_plan(context, env_name, against_name, against_env)

    structure = _plan_structure(context, plan)
    backfill_models = structure.pop("_backfill_models")
    report.update(structure)
    report["backfill"] = {
        "start": _ts(plan.start),
        "end": _ts(plan.end),
        "models": backfill_models,
    }
    report["summary"] = _summary(report, plan_requires_backfill=plan.requires_backfill)

    report["apply"] = _apply_dev(context, plan, env_name, against_name)
    if not report["apply"]["ok"]:
        report["ok"] = False

    changed = [m["name"] for m in report["directly_modified"]] + [
        m["name"] for m in report["added"]
    ]
    report["tests"] = _run_tests(context, changed)
    if report["tests"]["failed"]:
        report["ok"] = False

    if report["apply"]["ok"]:
        report["audits"] = _run_audits(context, plan, changed)
        if any(a["status"] == "fail" for a in report["audits"]):
            report["ok"] = False
        _add_data_diffs(context, report, against_name, env_name)
    else:
        report["audits"] = []
    return report


# --------------------------------------------------------------------------------------------
# the plan


def _build_plan(context, env_name: str, against_name: str, against_env):
    from sqlmesh.core.config.categorizer import CategorizerConfig
    from sqlmesh.utils.errors import SQLMeshError

    try:
        return context.plan_builder(
            env_name,
            # sqlmesh.md trap 3: a dev plan backfills only the last interval by default; backfill
            # from the start of AGAINST so that the data diff compares like with like.
            start=against_env.start_at,
            create_from=against_name,
            skip_tests=True,  # run below and reported, instead of blocking the plan
            skip_linter=True,  # CI lints separately
            categorizer_config=CategorizerConfig.all_full(),
        ).build()
    except SQLMeshError as error:
        hint = ""
        if "destructive change" in str(error):
            hint = (
                " (a forward-only model such as an SCD2 archive would lose or retype a column in "
                "prod; keep the column, or allow it deliberately with on_destructive_change; an "
                "SCD2 kind without an explicit `time_data_type TIMESTAMP` hits this on any change)"
            )
        raise CatwalkError(
            f"cannot build the plan for {env_name!r}: {_one_line(error)}{hint}"
        ) from None


def _empty_sections() -> dict[str, t.Any]:
    return {
        "added": [],
        "removed": [],
        "directly_modified": [],
        "indirectly_modified": [],
        "backfill": {"start": None, "end": None, "models": []},
        "apply": {"applied": False, "ok": True, "error": None},
        "tests": {"run": 0, "failed": 0, "failures": []},
        "audits": [],
    }


def _plan_structure(context, plan) -> dict[str, t.Any]:
    from sqlmesh.core.snapshot import SnapshotChangeCategory

    diff = plan.context_diff
    snapshots_by_name = {s.name: s for s in plan.snapshots.values()}
    missing = {
        plan.snapshots[si.snapshot_id].name: si
        for si in plan.missing_intervals
        if si.snapshot_id in plan.snapshots
    }

    directly, indirectly = [], []
    for name in sorted(diff.modified_snapshots):
        new, old = diff.modified_snapshots[name]
        category = new.change_category
        metadata_only = (
            diff.metadata_updated(name)
            and not diff.directly_modified(name)
            and not diff.indirectly_modified(name)
        )
        if diff.directly_modified(name) or metadata_only:
            if metadata_only:
                category = SnapshotChangeCategory.METADATA
            directly.append(_direct_entry(context, diff, new, old, category, missing))
        elif diff.indirectly_modified(name):
            indirectly.append(
                {
                    "name": _display_name(new),
                    "category": _category_label(new),
                    "rebuilt": name in missing,
                    "is_tableau": _is_tableau(new.model),
                    "is_archive": _is_archive(new.model),
                }
            )

    added = []
    for snapshot_id in sorted(diff.added):
        snapshot = diff.snapshots[snapshot_id]
        added.append(
            {
                "name": _display_name(snapshot),
                "kind": _kind(snapshot.model),
                "columns": _columns(snapshot.model),
                "downstream": _downstream(context, snapshot.name),
                "is_tableau": _is_tableau(snapshot.model),
                "is_archive": _is_archive(snapshot.model),
                "data_diff": None,
            }
        )
    removed = [
        {"name": _table_info_name(info)}
        for info in sorted(diff.removed_snapshots.values(), key=lambda i: i.name)
    ]
    backfill_models = [
        {
            "name": _display_name(snapshots_by_name[name]),
            "intervals": len(si.intervals),
            "full_refresh": _is_full_refresh(snapshots_by_name[name]),
            "ranges": si.format_intervals(snapshots_by_name[name].node.interval_unit),
            "preview": not plan.deployability_index.is_deployable(plan.snapshots[si.snapshot_id]),
        }
        for name, si in sorted(missing.items())
    ]
    return {
        "added": added,
        "removed": removed,
        "directly_modified": directly,
        "indirectly_modified": indirectly,
        "_backfill_models": backfill_models,
    }


def _direct_entry(context, diff, new, old, category, missing) -> dict[str, t.Any]:
    model, old_model = new.model, old.model
    label = CATEGORY_LABELS.get(category.name, category.name.lower()) if category else "uncategorized"
    if new.is_forward_only or model.forward_only:
        label = "forward-only"
    return {
        "name": _display_name(new),
        "category": label,
        "reason": _reason(label, model, old_model),
        "sql_diff": _tidy_diff(diff.text_diff(new.name)),
        "schema_changes": _schema_changes(old_model, model),
        "downstream": _downstream(context, new.name),
        "is_tableau": _is_tableau(model),
        "is_archive": _is_archive(model),
        "rebuilt": new.name in missing,
        "grain": _grain_names(model),
        "data_diff": None,
    }


def _tidy_diff(text: str) -> str:
    """SQLMesh's unified diff, without the blank line it leaves after each header line."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() and lines and lines[-1].startswith(("---", "+++", "@@")):
            continue
        lines.append(line.rstrip())
    return "\n".join(lines)


def _reason(label: str, model, old_model) -> str:
    """Why SQLMesh picked the category (SQLMesh's own rules, spelled out)."""
    if label == "metadata only":
        return (
            "only metadata changed (description, column comments, tags, owner, audits, cron...): "
            "the rendered query and data are the same, nothing is rebuilt; audits are re-run"
        )
    if label == "forward-only":
        return (
            f"the model kind ({_kind(model)}) is forward-only: prod keeps its table and history, "
            "the change applies to new intervals only; dev gets a separate preview table"
        )
    if label == "non-breaking":
        if model.kind.is_seed:
            return "only new seed columns were added; existing columns kept their values"
        return (
            "only new columns (projections) were added to the query: the model is rebuilt, its "
            "downstream models keep their data and are not rebuilt"
        )
    if label == "breaking":
        if type(model) is not type(old_model) or _kind(model) != _kind(old_model):
            return "the model type or kind changed; the model and everything downstream is rebuilt"
        if model.kind.is_seed:
            return (
                "seed rows or existing seed columns changed; the seed and every model downstream "
                "are rebuilt"
            )
        if getattr(model, "lookback", None) != getattr(old_model, "lookback", None):
            return "the lookback changed; the model and everything downstream is rebuilt"
        return (
            "the query changed beyond adding columns (filter, join, expression or type change), "
            "so SQLMesh cannot prove downstream data is unaffected (auto-categorization 'full' "
            "falls back to breaking): the model and everything downstream is rebuilt"
        )
    return "SQLMesh could not categorize this change automatically"


def _schema_changes(old_model, new_model) -> dict[str, list]:
    old_columns = _column_types(old_model)
    new_columns = _column_types(new_model)
    return {
        "added": [[c, new_columns[c]] for c in new_columns if c not in old_columns],
        "removed": [[c, old_columns[c]] for c in old_columns if c not in new_columns],
        "retyped": [
            [c, old_columns[c], new_columns[c]]
            for c in new_columns
            if c in old_columns and old_columns[c] != new_columns[c]
        ],
    }


def _column_types(model) -> dict[str, str]:
    try:
        columns = model.columns_to_types or {}
    except Exception:  # an unrenderable old model: no column information
        return {}
    return {name: data_type.sql(dialect="duckdb") for name, data_type in columns.items()}


def _columns(model) -> list[list[str]]:
    return [[name, data_type] for name, data_type in _column_types(model).items()]


def _downstream(context, fqn: str) -> list[dict[str, t.Any]]:
    """Models downstream of FQN, Tableau marts first, then archives, then the rest."""
    entries = []
    for child in context.dag.downstream(fqn):
        model = context.get_model(child)
        if model is None:
            continue
        entries.append(
            {
                "name": model.name,
                "is_tableau": _is_tableau(model),
                "is_archive": _is_archive(model),
            }
        )
    return sorted(entries, key=lambda e: (not e["is_tableau"], not e["is_archive"], e["name"]))


def _is_full_refresh(snapshot) -> bool:
    """FULL, seed and view models rebuild in one go, whatever their interval count."""
    return bool(snapshot.is_full or snapshot.is_seed or snapshot.is_view)


def _is_tableau(model) -> bool:
    table = model.name.split(".")[-1]
    return table.startswith("tableau_") or "tableau" in (model.tags or [])


def _is_archive(model) -> bool:
    return model.name.split(".")[0] == "archive" or model.kind.is_scd_type_2


def _kind(model) -> str:
    name = model.kind.name
    return getattr(name, "value", str(name))


def _flatten_grain(model):
    from sqlglot import exp

    for grain in model.grains:
        if isinstance(grain, exp.Tuple):
            yield from grain.expressions
        else:
            yield grain


def _display_name(snapshot) -> str:
    return snapshot.model.name if hasattr(snapshot, "model") else _table_info_name(snapshot)


def _table_info_name(info) -> str:
    from sqlglot import exp

    table = exp.to_table(info.name)
    return ".".join(part for part in (table.db, table.name) if part)


def _category_label(snapshot) -> str:
    category = snapshot.change_category
    return CATEGORY_LABELS.get(category.name, category.name.lower()) if category else "uncategorized"


# --------------------------------------------------------------------------------------------
# applying to dev, tests, audits, data diff


def _apply_dev(context, plan, env_name: str, against_name: str) -> dict[str, t.Any]:
    if not plan.is_dev or plan.environment_naming_info.name != env_name or env_name == against_name:
        raise CatwalkError(f"refusing to apply a plan that is not for the dev environment {env_name!r}")
    try:
        context.apply(plan)
    except Exception as error:  # PlanError, audit failures, engine errors: reported, not raised
        return {"applied": True, "ok": False, "error": _one_line(error)}
    return {"applied": True, "ok": True, "error": None}


def _run_tests(context, model_names: list[str]) -> dict[str, t.Any]:
    fqns = [context.get_model(name).fqn for name in model_names if context.get_model(name)]
    if not fqns:
        return {"run": 0, "failed": 0, "failures": []}
    result = context.test(model_names=fqns, stream=io.StringIO())
    failures = [
        {"test": _test_name(test), "message": _one_line(message)}
        for test, message in [*result.failures, *result.errors]
    ]
    return {"run": result.testsRun, "failed": len(failures), "failures": failures}


def _test_name(test) -> str:
    return getattr(test, "test_name", None) or str(test)


def _run_audits(context, plan, model_names: list[str]) -> list[dict[str, t.Any]]:
    by_name = {s.model.name: s for s in plan.snapshots.values() if s.is_model}
    results = []
    for name in model_names:
        snapshot = by_name.get(name)
        if snapshot is None or not snapshot.model.audits_with_args:
            continue
        audit_results = context.snapshot_evaluator.audit(
            snapshot=snapshot,
            snapshots={s.name: s for s in plan.snapshots.values()},
            start=plan.start,
            end=plan.end,
            deployability_index=plan.deployability_index,
        )
        for result in audit_results:
            status = "skipped" if result.skipped else ("fail" if result.count else "pass")
            results.append(
                {
                    "model": name,
                    "audit": result.audit.name,
                    "status": status,
                    "failing_rows": int(result.count or 0),
                    "blocking": bool(result.blocking),
                }
            )
    return results


def _add_data_diffs(context, report: dict[str, t.Any], against_name: str, env_name: str) -> None:
    for entry in report["directly_modified"]:
        if entry["category"] == "metadata only":
            continue
        entry["data_diff"] = _data_diff(context, entry["name"], against_name, env_name)
        if entry["category"] == "forward-only" and not entry["data_diff"].get("error"):
            entry["data_diff"]["note"] = (
                f"`{env_name}` holds a preview built from the current source only: history that "
                f"exists only in `{against_name}` shows as rows only in `{against_name}`"
            )
    for entry in report["added"]:
        entry["data_diff"] = _row_count(context, entry["name"], env_name)


def _data_diff(context, name: str, against_name: str, env_name: str) -> dict[str, t.Any]:
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
        return {"error": _one_line(error)}
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
        return {"error": _one_line(error)}
    schema = table_diff.schema_diff()
    pii = pii_columns(model)
    column_match = {
        str(column): _number(value)
        for column, value in row_diff.column_stats["pct_match"].items()
    }
    return {
        "error": None,
        "identical_table": False,
        "on": [str(c) for c in _grain_names(model)],
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
        "masked_columns": sorted(pii),
        "sample_only_in_against": _sample(row_diff.s_sample, pii),
        "sample_only_in_env": _sample(row_diff.t_sample, pii),
        "sample_differing": _sample(row_diff.joined_sample, pii),
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
        on=_grain_names(model),
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
        return {"error": _one_line(error)}
    return {"error": None, "env_rows": int(count)}


def pii_columns(model) -> set[str]:
    """Columns whose description starts with [PII] (the project's person-identifying marker)."""
    return {
        column
        for column, description in (model.column_descriptions or {}).items()
        if (description or "").strip().startswith(PII_PREFIX)
    }


def _grain_names(model) -> list[str]:
    from sqlglot import exp

    return [g.name if isinstance(g, exp.Column) else g.sql() for g in _flatten_grain(model)]


def _sample(frame, pii: set[str]) -> dict[str, list]:
    """A few rows of a table_diff sample; PII columns (also `PROD__email`-style) masked."""
    columns = [str(c) for c in frame.columns]
    rows = []
    for record in frame.head(SAMPLE_ROWS).itertuples(index=False):
        row = []
        for column, value in zip(columns, record):
            base = column.split("__", 1)[1] if "__" in column else column
            row.append(MASK if base in pii or column in pii else _cell(value))
        rows.append(row)
    return {"columns": columns, "rows": rows}


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


# --------------------------------------------------------------------------------------------
# rendering


def _summary(report: dict[str, t.Any], plan_requires_backfill: bool) -> str:
    if not report["has_changes"]:
        return f"No changes: the working tree matches `{report['against']}`."
    models = report["backfill"]["models"]
    incremental = [m for m in models if not m["full_refresh"]]
    intervals = sum(m["intervals"] for m in incremental)
    full = len(models) - len(incremental)
    parts = []
    if incremental:
        parts.append(
            f"{intervals} interval{'s' if intervals != 1 else ''} of {len(incremental)} "
            f"incremental model{'s' if len(incremental) != 1 else ''}"
        )
    if full:
        parts.append(f"{full} full refresh{'es' if full != 1 else ''}")
    backfill = (
        f"backfill needed: {' + '.join(parts)}"
        if plan_requires_backfill and models
        else "no backfill needed"
    )
    return (
        f"{len(report['added'])} added · {len(report['removed'])} removed · "
        f"{len(report['directly_modified'])} directly modified · "
        f"{len(report['indirectly_modified'])} indirectly modified · {backfill}"
    )


def render_json(report: dict[str, t.Any]) -> str:
    return json.dumps(report, indent=2, default=str) + "\n"


def render_markdown(report: dict[str, t.Any]) -> str:
    env, against = report["environment"], report["against"]
    lines = [f"## Catwalk plan review: `{env}` against `{against}`", ""]
    lines += [f"**Summary:** {report['summary']}", ""]
    if not report["has_changes"]:
        lines += [
            "No model, seed, audit or environment-statement change was found: nothing to review, "
            f"nothing was built, and the environment `{env}` was not touched.",
            "",
        ]
        return "\n".join(lines)

    lines += _callouts(report)
    backfill = report["backfill"]
    lines += [
        f"> The dev environment `{env}` was created or updated from `{against}` and backfilled "
        f"from {backfill['start']} to {backfill['end']} to compute the data diff. "
        f"`{against}` was not changed.",
        "",
    ]
    if report["apply"]["error"]:
        lines += [f"**Dev backfill failed:** {report['apply']['error']}", ""]

    if report["directly_modified"]:
        lines += ["### Directly modified", ""]
        for entry in report["directly_modified"]:
            lines += _render_direct(entry, env, against)
    if report["added"]:
        lines += ["### Added models", ""]
        for entry in report["added"]:
            flags = _flags(entry)
            rows = entry["data_diff"] or {}
            count = f" · {rows['env_rows']} rows in `{env}`" if rows.get("env_rows") is not None else ""
            lines.append(f"- `{entry['name']}` ({entry['kind']}){flags}{count}")
            if entry["columns"]:
                lines.append(
                    "  - columns: " + ", ".join(f"`{c}` {d}" for c, d in entry["columns"])
                )
        lines.append("")
    if report["removed"]:
        lines += ["### Removed models", ""]
        lines += [
            f"- `{entry['name']}`: dropped from `{env}`; promoting this change drops it from "
            f"`{against}` (check dashboards and ad-hoc queries that read it)"
            for entry in report["removed"]
        ]
        lines.append("")
    if report["indirectly_modified"]:
        lines += ["### Indirectly modified", ""]
        for entry in report["indirectly_modified"]:
            rebuilt = "rebuilt" if entry["rebuilt"] else "not rebuilt (reuses prod data)"
            lines.append(f"- `{entry['name']}`{_flags(entry)}: {entry['category']}, {rebuilt}")
        lines.append("")
    if backfill["models"]:
        lines += ["### Backfill", "", "| model | intervals | ranges |", "|---|---:|---|"]
        for entry in backfill["models"]:
            preview = " (preview, not reused in prod)" if entry["preview"] else ""
            count = "full refresh" if entry["full_refresh"] else entry["intervals"]
            lines.append(f"| `{entry['name']}`{preview} | {count} | {_md(entry['ranges'])} |")
        lines.append("")
    lines += _render_checks(report)
    return "\n".join(lines)


def _callouts(report: dict[str, t.Any]) -> list[str]:
    tableau, archives = set(), set()
    for entry in [*report["directly_modified"], *report["added"]]:
        if entry["is_tableau"]:
            tableau.add(entry["name"])
        if entry["is_archive"]:
            archives.add(entry["name"])
        for child in entry.get("downstream", []):
            if child["is_tableau"]:
                tableau.add(child["name"])
            if child["is_archive"]:
                archives.add(child["name"])
    lines = []
    if tableau:
        lines.append(
            "> ⚠️ **Tableau marts affected:** "
            + ", ".join(f"`{n}`" for n in sorted(tableau))
            + " (dashboards read these)"
        )
    if archives:
        lines.append(
            "> ⚠️ **Archives affected:** "
            + ", ".join(f"`{n}`" for n in sorted(archives))
            + " (history in prod is kept; new rows follow the new logic)"
        )
    return lines + [""] if lines else []


def _flags(entry: dict[str, t.Any]) -> str:
    flags = []
    if entry.get("is_tableau"):
        flags.append("**Tableau mart**")
    if entry.get("is_archive"):
        flags.append("**archive**")
    return (" — " + ", ".join(flags)) if flags else ""


def _render_direct(entry: dict[str, t.Any], env: str, against: str) -> list[str]:
    lines = [f"#### `{entry['name']}` — {entry['category']}{_flags(entry)}", ""]
    lines += [f"*Why:* {entry['reason']}.", ""]
    changes = entry["schema_changes"]
    parts = (
        [f"added `{c}` ({d})" for c, d in changes["added"]]
        + [f"removed `{c}` ({d})" for c, d in changes["removed"]]
        + [f"retyped `{c}` {o} → {n}" for c, o, n in changes["retyped"]]
    )
    lines += [f"*Columns:* {'; '.join(parts) if parts else 'no column changes'}.", ""]
    downstream = entry["downstream"]
    if downstream:
        shown = downstream[:DOWNSTREAM_LISTED]
        more = len(downstream) - len(shown)
        names = [f"`{d['name']}`{_flags(d)}" for d in shown]
        lines += [
            f"*Downstream ({len(downstream)}):* "
            + ", ".join(names)
            + (f" and {more} more" if more > 0 else "")
            + ".",
            "",
        ]
    else:
        lines += ["*Downstream:* none.", ""]
    if entry["sql_diff"]:
        diff_lines = entry["sql_diff"].splitlines()
        if len(diff_lines) > MAX_DIFF_LINES:
            hidden = len(diff_lines) - MAX_DIFF_LINES
            diff_lines = diff_lines[:MAX_DIFF_LINES] + [f"... ({hidden} more lines)"]
        lines += [
            "<details><summary>SQL diff</summary>",
            "",
            "```diff",
            *diff_lines,
            "```",
            "",
            "</details>",
            "",
        ]
    lines += _render_data_diff(entry.get("data_diff"), env, against)
    return lines


def _render_data_diff(diff: dict[str, t.Any] | None, env: str, against: str) -> list[str]:
    if diff is None:
        return []
    if diff.get("error"):
        return [f"*Data diff:* not available ({diff['error']}).", ""]
    if diff.get("identical_table"):
        return [f"*Data diff:* `{env}` reads the same table as `{against}` (no data change).", ""]
    lines = [
        f"*Data diff* (`{against}` vs `{env}`, joined on {', '.join(f'`{c}`' for c in diff['on'])}):",
        "",
        f"| rows in `{against}` | rows in `{env}` | matched | fully matching | only in `{against}` "
        f"| only in `{env}` |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {diff['against_rows']} | {diff['env_rows']} | {diff['matched_rows']} "
        f"| {diff['fully_matching_rows']} | {diff['only_in_against']} | {diff['only_in_env']} |",
        "",
    ]
    if diff.get("note"):
        lines += [f"Note: {diff['note']}.", ""]
    if diff["columns_added"] or diff["columns_removed"] or diff["columns_retyped"]:
        parts = (
            [f"new column `{c}` ({d}) only in `{env}`" for c, d in diff["columns_added"]]
            + [f"column `{c}` ({d}) only in `{against}`" for c, d in diff["columns_removed"]]
            + [f"`{c}` {o} → {n}" for c, o, n in diff["columns_retyped"]]
        )
        lines += ["Table schema: " + "; ".join(parts) + ".", ""]
    differing = {c: p for c, p in diff["column_match_pct"].items() if p is None or p < 100}
    if diff["column_match_pct"]:
        if differing:
            lines += [
                "Column match rate on matched rows (columns below 100%): "
                + ", ".join(f"`{c}` {_pct(p)}" for c, p in sorted(differing.items()))
                + f"; the other {len(diff['column_match_pct']) - len(differing)} shared columns "
                "match 100%.",
                "",
            ]
        else:
            lines += [
                f"All {len(diff['column_match_pct'])} shared columns match 100% on matched rows.",
                "",
            ]
    if diff["masked_columns"]:
        lines += [
            "Person-identifying columns are masked as `***` in samples: "
            + ", ".join(f"`{c}`" for c in diff["masked_columns"])
            + ".",
            "",
        ]
    for key, title in (
        ("sample_only_in_against", f"Sample rows only in `{against}`"),
        ("sample_only_in_env", f"Sample rows only in `{env}`"),
        ("sample_differing", "Sample matched rows with differences"),
    ):
        sample = diff[key]
        if sample["rows"]:
            lines += [f"{title}:", "", *_md_table(sample["columns"], sample["rows"]), ""]
    return lines


def _render_checks(report: dict[str, t.Any]) -> list[str]:
    lines = ["### Unit tests and audits", ""]
    tests = report["tests"]
    if tests["run"]:
        status = "✅ all passed" if not tests["failed"] else f"❌ {tests['failed']} failed"
        lines.append(f"- Unit tests of the changed models: {tests['run']} run, {status}.")
        for failure in tests["failures"]:
            lines.append(f"  - `{failure['test']}`: {failure['message']}")
    else:
        lines.append("- Unit tests of the changed models: none found.")
    audits = report["audits"]
    if audits:
        failed = [a for a in audits if a["status"] == "fail"]
        skipped = [a for a in audits if a["status"] == "skipped"]
        status = "✅ all passed" if not failed else f"❌ {len(failed)} failed"
        extra = f", {len(skipped)} skipped" if skipped else ""
        lines.append(
            f"- Audits of the changed models over the backfilled range: {len(audits)} run, "
            f"{status}{extra}."
        )
        for audit in failed:
            blocking = "blocking" if audit["blocking"] else "non-blocking"
            lines.append(
                f"  - `{audit['model']}` `{audit['audit']}` ({blocking}): "
                f"{audit['failing_rows']} failing rows"
            )
    elif report["apply"]["ok"]:
        lines.append("- Audits of the changed models: none declared.")
    else:
        lines.append("- Audits: not run (the dev backfill failed).")
    lines.append("")
    return lines


def _md_table(columns: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(_md(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        out.append("| " + " | ".join("NULL" if v is None else _md(v) for v in row) + " |")
    return out


def _md(value: t.Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}%"


def _ts(value) -> str | None:
    from sqlmesh.utils.date import to_datetime

    if value is None:
        return None
    return to_datetime(value).strftime("%Y-%m-%d %H:%M UTC")


def _one_line(error: t.Any) -> str:
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[:3]) if lines else type(error).__name__
