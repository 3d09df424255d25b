"""Postgres administration: least-privilege roles for prod.

`setup_roles()` is idempotent. Run it as an administrator of the warehouse database (the
CATWALK_PG_* settings), once, and again whenever a raw schema is added:

- `transformer` (LOGIN): the role SQLMesh runs as. Reads the raw schemas, creates and owns every
  model object (schemas analytics, archive, meta, sqlmesh__*, dev environments, SQLMesh state).
- `tableau_reader` (LOGIN): reads the prod views of the person-free models of schema `analytics`
  (every model not tagged `pii`) and the run log `meta.run_log` — not the `pii` models, not the raw
  schemas, not the `sqlmesh__*` physical schemas, not the dev schemas `analytics__<env>`, and not
  `archive` unless `grant_archive=True`.

Grants are per model, from the `pii` tag (`tableau_grants`: one GRANT and one REVOKE statement).
They survive every promotion: SQLMesh (re)creates the prod views of changed models, and
config.yaml's `after_all` statement (`@grant_tableau_reader()`, macros/grants.py) applies
`tableau_grants` to every prod view at the end of every prod plan and run. No default privilege grants anything in `analytics` (a new view stays
unreadable until that statement has judged it). `setup_roles` applies the same grants to the prod
environment already deployed, if any.
Passwords come from CATWALK_TRANSFORMER_PASSWORD / CATWALK_TABLEAU_PASSWORD when set (never printed).
"""

from __future__ import annotations

import os
import typing as t

from psycopg2 import sql

from catwalk.project import connect_postgres, describe_postgres, postgres_settings

TRANSFORMER = "transformer"
READER = "tableau_reader"
MODEL_SCHEMAS = ("analytics", "archive", "meta")


def raw_schemas() -> list[str]:
    from catwalk.warehouse.schema import raw_schemas as schemas

    return list(schemas())


def tableau_views(snapshots: t.Iterable[t.Any]) -> tuple[list[str], list[str]]:
    """(person-free, pii) prod views of schema analytics among the snapshots, sorted by name."""
    from sqlglot import exp

    free, pii = [], []
    for snapshot in snapshots:
        if not snapshot.is_model or snapshot.is_external or snapshot.is_symbolic:
            continue
        table = exp.to_table(snapshot.model.name)
        if table.db != "analytics":
            continue
        view = exp.table_(table.name, db=table.db).sql("postgres")
        (pii if "pii" in snapshot.model.tags else free).append(view)
    return sorted(free), sorted(pii)


def tableau_grants(snapshots: t.Iterable[t.Any]) -> list[str]:
    """GRANT SELECT to the reader on the prod view of every model of schema analytics not tagged
    `pii`, REVOKE ALL on the views of `pii` models: at most two Postgres statements, each naming
    all its views. (One statement per view made SQLMesh resolve every model's table name once per
    statement when it renders `after_all`: ~440 x 440 name parses, 50-110 s per prod plan and run.)"""
    return grant_statements(*tableau_views(snapshots))


def grant_statements(free: list[str], pii: list[str]) -> list[str]:
    """The GRANT on the person-free views and the REVOKE on the pii views (none for an empty list)."""
    statements = []
    if free:
        statements.append(f"GRANT SELECT ON {', '.join(free)} TO {READER}")
    if pii:
        statements.append(f"REVOKE ALL ON {', '.join(pii)} FROM {READER}")
    return statements


def _deployed_views(settings: dict[str, str]) -> tuple[list[str], list[str]]:
    """tableau_views of the prod environment deployed in this database (none before the first plan)."""
    from catwalk.project import open_context

    saved = {key: os.environ.get(key) for key in _SETTING_VARIABLES.values()}
    os.environ.update({variable: settings[key] for key, variable in _SETTING_VARIABLES.items() if settings.get(key)})
    try:
        context = open_context("postgres", load=False)
        try:
            state = context._new_state_sync()
            if state.get_versions(validate=False).schema_version == 0:
                return [], []
            environment = state.get_environment("prod")
            if environment is None:
                return [], []
            return tableau_views(state.get_snapshots(environment.snapshots).values())
        finally:
            context.close()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


_SETTING_VARIABLES = {
    "host": "CATWALK_PG_HOST", "port": "CATWALK_PG_PORT", "user": "CATWALK_PG_USER",
    "password": "CATWALK_PG_PASSWORD", "dbname": "CATWALK_PG_DATABASE",
}


def _ensure_role(cursor, role: str, password_variable: str) -> None:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    password = os.environ.get(password_variable)
    if password:
        cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD %s").format(sql.Identifier(role)), (password,))


def _grant_reader(cursor, transformer, reader, free: list[str], pii: list[str]) -> list[str]:
    """Schema analytics model by model (no blanket grant, no default privilege); meta.run_log."""
    cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA analytics TO {}").format(reader))
    cursor.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA analytics FROM {}").format(reader))
    for owner in ("", " FOR ROLE {}"):  # earlier versions granted every future view: undo that
        statement = "ALTER DEFAULT PRIVILEGES" + owner + " IN SCHEMA analytics REVOKE SELECT ON TABLES FROM {}"
        arguments = (transformer, reader) if owner else (reader,)
        cursor.execute(sql.SQL(statement).format(*arguments))
    for statement in grant_statements(free, pii):
        cursor.execute(statement)
    cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA meta TO {}").format(reader))
    cursor.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA meta TO {}").format(reader))
    cursor.execute(
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA meta GRANT SELECT ON TABLES TO {}").format(
            transformer, reader
        )
    )
    return [
        f"{READER} reads the {len(free)} person-free prod views of analytics deployed so far (later "
        "promotions grant theirs), not the pii ones",
        f"{READER} reads the run log meta.run_log",
    ]


def setup_roles(settings: dict[str, str] | None = None, grant_archive: bool = False) -> list[str]:
    """Create/refresh the roles and grants in the warehouse database; returns the statements' summary."""
    settings = settings or postgres_settings()
    database = settings["dbname"]
    connection = connect_postgres(settings)
    connection.autocommit = True
    done = []
    with connection.cursor() as cursor:
        _ensure_role(cursor, TRANSFORMER, "CATWALK_TRANSFORMER_PASSWORD")
        _ensure_role(cursor, READER, "CATWALK_TABLEAU_PASSWORD")
        db = sql.Identifier(database)
        t, r = sql.Identifier(TRANSFORMER), sql.Identifier(READER)
        cursor.execute(sql.SQL("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE {} TO {}").format(db, t))
        cursor.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, r))
        done.append(f"roles {TRANSFORMER} and {READER} exist; CONNECT granted on {database}")
        for schema in raw_schemas():
            s = sql.Identifier(schema)
            cursor.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(s))
            cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, t))
            cursor.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(s, t))
            cursor.execute(
                sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT ON TABLES TO {}").format(s, t)
            )
            cursor.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(s, r))
        done.append(f"{TRANSFORMER} reads the raw schemas {', '.join(raw_schemas())}")
        for schema in MODEL_SCHEMAS:
            s = sql.Identifier(schema)
            cursor.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {} AUTHORIZATION {}").format(s, t))
            cursor.execute(sql.SQL("GRANT ALL ON SCHEMA {} TO {}").format(s, t))
        done.extend(_grant_reader(cursor, t, r, *_deployed_views(settings)))
        if grant_archive:
            cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA archive TO {}").format(r))
            cursor.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA archive TO {}").format(r))
            cursor.execute(
                sql.SQL(
                    "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA archive GRANT SELECT ON TABLES TO {}"
                ).format(t, r)
            )
            done.append(f"{READER} reads schema archive")
        else:
            cursor.execute(sql.SQL("REVOKE ALL ON SCHEMA archive FROM {}").format(r))
    connection.close()
    for line in done:
        print(f"catwalk postgres: {line}")
    print(f"catwalk postgres: roles ready on {describe_postgres(settings)}")
    return done
