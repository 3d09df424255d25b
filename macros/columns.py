"""Projection macros: select the columns of an upstream model without repeating their names.

    @passthrough_columns(analytics.episodes, episodes)
        -> CAST(episodes.episode_id AS TEXT) AS episode_id /* episode_id of analytics.episodes, unchanged */, ...

Every column of the model, in its order and cast to its own type (as SQLMesh's @STAR does), read
from the given alias, each with a column comment saying where it comes from (SQLMesh turns the
trailing comments of the final select into column descriptions). A column added to the upstream
model appears in the downstream one without editing it.
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro
from sqlmesh.core.macros import star


@macro()
def passthrough_columns(evaluator, relation: exp.Table, alias: exp.Column) -> list[exp.Expression]:
    """Every column of `relation`, read unchanged from `alias`, documented as passed through."""
    name = exp.table_name(relation)
    projections = star(evaluator, relation, alias)
    for projection in projections:
        projection.comments = [f"{projection.alias} of {name}, unchanged (described there)"]
    return projections
