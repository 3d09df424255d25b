"""Helpers of the membership tests: a slice of the project (the membership layer and everything
upstream of it) so the tests neither wait for nor break on unrelated models."""

from __future__ import annotations

import shutil
from pathlib import Path

from catwalk.project import PROJECT_ROOT, copy_project


def copy_membership_project(target: Path, tags: tuple[str, ...] = ("membership",)) -> Path:
    """Copy config, seeds, macros, audits and the models tagged `tags` plus all their upstream models."""
    from sqlmesh import Context

    copy_project(target, include_models=False)
    full = Context(paths=str(PROJECT_ROOT), load_state=False)
    try:
        wanted: set[str] = set()
        for model in full.models.values():
            if set(model.tags) & set(tags):
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
