"""What the plan changes: the dev plan of the working tree, and per model its change category and
why, SQL diff, column changes, downstream models and whether it is rebuilt."""

from __future__ import annotations

import typing as t

from catwalk.project import CatwalkError
from catwalk.review.common import (
    column_types,
    display_name,
    grain_names,
    is_archive,
    is_tableau,
    kind,
    one_line,
    table_info_name,
)

CATEGORY_LABELS = {
    "BREAKING": "breaking",
    "NON_BREAKING": "non-breaking",
    "FORWARD_ONLY": "forward-only",
    "INDIRECT_BREAKING": "indirect breaking",
    "INDIRECT_NON_BREAKING": "indirect non-breaking",
    "METADATA": "metadata only",
}


def build_plan(context, env_name: str, against_name: str, against_env):
    from sqlmesh.core.config.categorizer import CategorizerConfig
    from sqlmesh.utils.errors import SQLMeshError

    try:
        return context.plan_builder(
            env_name,
            # Without a start SQLMesh picks the window (only the last interval when the plan
            # holds a forward-only preview, README "Daily work"): backfill from the start of
            # AGAINST so that the data diff compares like with like.
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
            f"cannot build the plan for {env_name!r}: {one_line(error)}{hint}"
        ) from None


def empty_sections() -> dict[str, t.Any]:
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


def plan_structure(context, plan) -> dict[str, t.Any]:
    """Added, removed, directly and indirectly modified models, and the backfill per model."""
    diff = plan.context_diff
    missing = {
        plan.snapshots[si.snapshot_id].name: si
        for si in plan.missing_intervals
        if si.snapshot_id in plan.snapshots
    }
    directly, indirectly = _modified(context, diff, plan.deployability_index)
    return {
        "added": _added(context, diff),
        "removed": [
            {"name": table_info_name(info)}
            for info in sorted(diff.removed_snapshots.values(), key=lambda i: i.name)
        ],
        "directly_modified": directly,
        "indirectly_modified": indirectly,
        "_backfill_models": _backfill_models(plan, missing),
    }


def _modified(context, diff, deployability) -> tuple[list[dict], list[dict]]:
    from sqlmesh.core.snapshot import SnapshotChangeCategory

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
            directly.append(_direct_entry(context, diff, new, old, category, deployability))
        elif diff.indirectly_modified(name):
            indirectly.append(
                {
                    "name": display_name(new),
                    "category": _category_label(new),
                    **_rebuilt(new, old, deployability),
                    "is_tableau": is_tableau(new.model),
                    "is_archive": is_archive(new.model),
                }
            )
    return directly, indirectly


def _added(context, diff) -> list[dict[str, t.Any]]:
    added = []
    for snapshot_id in sorted(diff.added):
        snapshot = diff.snapshots[snapshot_id]
        added.append(
            {
                "name": display_name(snapshot),
                "kind": kind(snapshot.model),
                "columns": [[c, d] for c, d in column_types(snapshot.model).items()],
                "downstream": _downstream(context, snapshot.name),
                "is_tableau": is_tableau(snapshot.model),
                "is_archive": is_archive(snapshot.model),
                "data_diff": None,
            }
        )
    return added


def _backfill_models(plan, missing) -> list[dict[str, t.Any]]:
    snapshots_by_name = {s.name: s for s in plan.snapshots.values()}
    return [
        {
            "name": display_name(snapshots_by_name[name]),
            "intervals": len(si.intervals),
            "full_refresh": _is_full_refresh(snapshots_by_name[name]),
            "ranges": si.format_intervals(snapshots_by_name[name].node.interval_unit),
            "preview": not plan.deployability_index.is_deployable(plan.snapshots[si.snapshot_id]),
        }
        for name, si in sorted(missing.items())
    ]


def _direct_entry(context, diff, new, old, category, deployability) -> dict[str, t.Any]:
    model, old_model = new.model, old.model
    label = CATEGORY_LABELS.get(category.name, category.name.lower()) if category else "uncategorized"
    if new.is_forward_only or model.forward_only:
        label = "forward-only"
    return {
        "name": display_name(new),
        "category": label,
        "reason": reason(label, model, old_model),
        "sql_diff": _tidy_diff(diff.text_diff(new.name)),
        "schema_changes": _schema_changes(old_model, model),
        "downstream": _downstream(context, new.name),
        "is_tableau": is_tableau(model),
        "is_archive": is_archive(model),
        **_rebuilt(new, old, deployability),
        "grain": grain_names(model),
        "data_diff": None,
    }


def _rebuilt(new, old, deployability) -> dict[str, bool]:
    """Whether the environment reads another physical table than prod for this model.

    Decided by table versions, not by what this plan still has to backfill: an environment that
    was planned before the review already holds its rebuilt tables. A dev view reads the
    snapshot's own table when it is representative, else its dev preview table (forward-only).
    """
    representative = deployability.is_representative(new)
    env_table = new.table_name(is_deployable=representative)
    return {
        "rebuilt": env_table != old.table_name(is_deployable=True),
        "preview": not representative,
    }


def _tidy_diff(text: str) -> str:
    """SQLMesh's unified diff, without the blank line it leaves after each header line."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() and lines and lines[-1].startswith(("---", "+++", "@@")):
            continue
        lines.append(line.rstrip())
    return "\n".join(lines)


def reason(label: str, model, old_model) -> str:
    """Why SQLMesh picked the category (SQLMesh's own rules, spelled out)."""
    if label == "metadata only":
        return (
            "only metadata changed (description, column comments, tags, owner, audits, cron...): "
            "the rendered query and data are the same, nothing is rebuilt; audits are re-run"
        )
    if label == "forward-only":
        return (
            f"the model kind ({kind(model)}) is forward-only: prod keeps its table and history, "
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
        return _breaking_reason(model, old_model)
    return (
        f"SQLMesh could not categorize this change: {_why_not_categorized(model, old_model)}. "
        "The plan cannot be applied until someone chooses breaking or non-breaking "
        "(`sqlmesh plan <env>` asks)"
    )


def _why_not_categorized(model, old_model) -> str:
    """Plain words for the cases where SQLMesh's categorizer gives up (categorizer.py)."""
    if type(model) is not type(old_model):
        return (
            f"the model changed from a {_source(old_model)} model to a {_source(model)} model, "
            "and SQLMesh cannot compare the two"
        )
    unknown = _unknown_columns(model, old_model)
    if unknown:
        return unknown
    return (
        "it compares the old and new query and only recognises a change that adds columns; "
        "this change is not one it could compare"
    )


def _unknown_columns(model, old_model) -> str | None:
    if _has_columns(model) and _has_columns(old_model):
        return None
    return (
        "SQLMesh does not know the columns of this model (a SELECT * over a source without "
        "declared columns, or a Python model without `columns`), so it cannot tell whether "
        "columns were only added"
    )


def _has_columns(model) -> bool:
    try:
        return model.columns_to_types is not None
    except Exception:  # a query that does not render has no known columns
        return False


def _source(model) -> str:
    return {"sql": "SQL", "python": "Python", "seed": "seed"}.get(model.source_type, model.source_type)


def _breaking_reason(model, old_model) -> str:
    if type(model) is not type(old_model) or kind(model) != kind(old_model):
        return "the model type or kind changed; the model and everything downstream is rebuilt"
    if model.kind.is_seed:
        return (
            "seed rows or existing seed columns changed; the seed and every model downstream "
            "are rebuilt"
        )
    if getattr(model, "lookback", None) != getattr(old_model, "lookback", None):
        return "the lookback changed; the model and everything downstream is rebuilt"
    unknown = _unknown_columns(model, old_model)
    if unknown:
        return (
            f"{unknown}; auto-categorization 'full' then treats the change as breaking: the "
            "model and everything downstream is rebuilt"
        )
    return (
        "the query changed beyond adding columns (filter, join, expression or type change), "
        "so SQLMesh cannot prove downstream data is unaffected (auto-categorization 'full' "
        "falls back to breaking): the model and everything downstream is rebuilt"
    )


def _schema_changes(old_model, new_model) -> dict[str, list]:
    old_columns = column_types(old_model)
    new_columns = column_types(new_model)
    return {
        "added": [[c, new_columns[c]] for c in new_columns if c not in old_columns],
        "removed": [[c, old_columns[c]] for c in old_columns if c not in new_columns],
        "retyped": [
            [c, old_columns[c], new_columns[c]]
            for c in new_columns
            if c in old_columns and old_columns[c] != new_columns[c]
        ],
    }


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
                "is_tableau": is_tableau(model),
                "is_archive": is_archive(model),
            }
        )
    return sorted(entries, key=lambda e: (not e["is_tableau"], not e["is_archive"], e["name"]))


def _is_full_refresh(snapshot) -> bool:
    """FULL, seed and view models rebuild in one go, whatever their interval count."""
    return bool(snapshot.is_full or snapshot.is_seed or snapshot.is_view)


def _category_label(snapshot) -> str:
    category = snapshot.change_category
    return CATEGORY_LABELS.get(category.name, category.name.lower()) if category else "uncategorized"
