"""Helpers of the membership tests: a slice of the project (the membership layer and everything
upstream of it) so the tests neither wait for nor break on unrelated models."""

from __future__ import annotations

import shutil
from pathlib import Path

from catwalk.project import PROJECT_ROOT, copy_project


# The membership layer: the folders and table models of issue 3.
MEMBERSHIP_FILES = (
    "models/base/scribe/", "models/base/salesforce/", "models/base/dimension/dimension_province.sql",
    "models/meta/organizations/", "models/archive/scribe_",
    *(f"models/table/{name}.sql" for name in (
        "scribe_users_detailed", "scribe_plans_detailed", "scribe_organizations_contracts",
        "scribe_organizations_detailed", "scribe_contracts_detailed", "scribe_user_contract_detailed",
        "salesforce_scribe_organizations_detailed", "organizations", "user_contract", "accounts",
    )),
)


def copy_membership_project(target: Path, tags: tuple[str, ...] = ("membership",)) -> Path:
    """Copy config, seeds, macros, audits and the membership models carrying one of `tags`, plus all
    their upstream models."""
    from sqlmesh import Context

    copy_project(target, include_models=False)
    full = Context(paths=str(PROJECT_ROOT), load_state=False)
    try:
        wanted: set[str] = set()
        for model in full.models.values():
            path = str(Path(model._path).relative_to(PROJECT_ROOT)) if model._path else ""
            if set(model.tags) & set(tags) and path.startswith(MEMBERSHIP_FILES):
                wanted.add(model.fqn)
                wanted |= set(full.dag.upstream(model.fqn))
        for fqn in sorted(wanted):
            model = full.get_model(fqn)
            if model is None or model.kind.is_external or model._path is None:
                continue
            relative = Path(model._path).relative_to(PROJECT_ROOT)
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(model._path, target / relative)
    finally:
        full.close()
    return target


def rows(context, sql: str) -> list[tuple]:
    """All rows of a query, as plain tuples (pandas NaT/NaN turned into None)."""
    frame = context.fetchdf(sql)
    frame = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in frame.itertuples(index=False)]
