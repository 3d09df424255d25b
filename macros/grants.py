"""Tableau's grants, kept through every promotion (config.yaml `after_all`).

SQLMesh recreates the prod views of the changed models on every promotion; `after_all` runs this
macro at the end of every prod plan and run. On Postgres, when the role `tableau_reader` exists
(`catwalk postgres setup-roles`), it grants SELECT on the view of every model of schema `analytics`
that is not tagged `pii`, and revokes every privilege on the views of `pii` models. Elsewhere (DuckDB,
dev environments, no such role) it emits a no-op `SELECT 1` (SQLMesh logs a warning for a statement
that renders to nothing). The statements come from catwalk.postgres.
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro


@macro()
def grant_tableau_reader(evaluator):
    """GRANT/REVOKE statements for tableau_reader on the prod views of schema analytics."""
    from catwalk.postgres import READER, tableau_grants

    # a named column: Spark rejects the `SELECT 1 AS 1` that SQLMesh writes for a bare literal
    nothing = exp.select(exp.alias_(exp.Literal.number(1), "nothing"))
    if evaluator.runtime_stage != "after_all" or evaluator.this_env != "prod":
        return nothing
    adapter = evaluator.engine_adapter
    if adapter.dialect != "postgres":
        return nothing
    if adapter.fetchone(f"SELECT 1 FROM pg_roles WHERE rolname = '{READER}'") is None:
        return nothing
    statements = tableau_grants(evaluator.snapshots.values())
    # Handed over as raw commands: SQLGlot has no grammar for a GRANT on several views and would
    # log a fallback warning for each statement at every prod plan and run.
    commands = [exp.Command(this=verb, expression=rest) for verb, rest in (text.split(" ", 1) for text in statements)]
    return commands or nothing
