"""Postgres administration: least-privilege roles for prod.

`setup_roles()` is idempotent. Run it as an administrator of the warehouse database (the
CATWALK_PG_* settings), once, and again whenever a raw schema is added:

- `transformer` (LOGIN): the role SQLMesh runs as. Reads the raw schemas, creates and owns every
  model object (schemas analytics, archive, meta, sqlmesh__*, dev environments, SQLMesh state).
- `tableau_reader` (LOGIN): reads the prod views in schema `analytics` only — not the raw schemas,
  not the `sqlmesh__*` physical schemas, not the dev schemas `analytics__<env>`, and not `archive`
  unless `grant_archive=True`.

Grants survive every promotion: SQLMesh (re)creates the prod views as `transformer`, and the
default privileges set here (`ALTER DEFAULT PRIVILEGES FOR ROLE transformer IN SCHEMA analytics`)
grant SELECT on every view `transformer` creates there; `CREATE OR REPLACE VIEW` keeps existing grants.
Passwords come from CATWALK_TRANSFORMER_PASSWORD / CATWALK_TABLEAU_PASSWORD when set (never printed).
"""

from __future__ import annotations

import os

from psycopg2 import sql

from catwalk.project import connect_postgres, describe_postgres, postgres_settings

TRANSFORMER = "transformer"
READER = "tableau_reader"
MODEL_SCHEMAS = ("analytics", "archive", "meta")


def raw_schemas() -> list[str]:
    from catwalk.warehouse.schema import raw_schemas as schemas

    return list(schemas())


def _ensure_role(cursor, role: str, password_variable: str) -> None:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    password = os.environ.get(password_variable)
    if password:
        cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD %s").format(sql.Identifier(role)), (password,))


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
        cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA analytics TO {}").format(r))
        cursor.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO {}").format(r))
        cursor.execute(
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA analytics GRANT SELECT ON TABLES TO {}"
            ).format(t, r)
        )
        done.append(f"{READER} reads schema analytics (current and future views of {TRANSFORMER})")
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
