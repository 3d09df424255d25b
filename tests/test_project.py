"""The project as a whole: SQLMesh unit tests, lint, format, and the house linter rules."""

from __future__ import annotations

import textwrap

import pytest

from catwalk.project import open_context
from catwalk.project import copy_project


@pytest.fixture(scope="module")
def project():
    return open_context(load_state=False)


def test_sqlmesh_unit_tests_pass(project):
    result = project.test()
    failures = [f"{test}: {message.splitlines()[-1] if message else ''}" for test, message in result.failures + result.errors]
    assert result.wasSuccessful(), "failing SQLMesh unit tests:\n" + "\n".join(failures)
    assert result.testsRun > 0


def test_lint_is_clean(project):
    violations = project.lint_models(raise_on_error=False)
    assert not violations, f"lint violations: {violations}"


def test_format_is_clean(project):
    assert project.format(check=True), "run `sqlmesh format`: some files need reformatting"


def _write_model(root, relative, sql):
    path = root / "models" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(sql))


def test_house_rules_catch_violations(tmp_path, monkeypatch):
    """A model that breaks each house rule is reported by name with the broken rule."""
    root = copy_project(tmp_path / "project", include_models=False)
    _write_model(
        root,
        "table/reads_raw.sql",
        """
        MODEL (name analytics.reads_raw, kind VIEW, owner analytics, grain post_id, tags (table),
               description 'A table-layer model reading raw data.',
               audits (not_null(columns := (post_id))));
        SELECT post_id /* post */ FROM messaging.posts
        """,
    )
    _write_model(
        root,
        "tableau/leaky/tableau_leaky.sql",
        """
        MODEL (name analytics.tableau_leaky, kind VIEW, owner analytics, grain user_id,
               tags (tableau), description 'A mart exposing an email.',
               audits (not_null(columns := (user_id))));
        SELECT id AS user_id /* user */, email /* [PII] email */ FROM analytics.reads_raw_base
        """,
    )
    _write_model(
        root,
        "base/scribe/reads_raw_base.sql",
        """
        MODEL (name analytics.reads_raw_base, kind VIEW, owner analytics, grain id, tags (base),
               description 'A base model with an undocumented column.',
               audits (not_null(columns := (id))));
        SELECT id /* user id */, email FROM scribe.users
        """,
    )
    _write_model(
        root,
        "meta/chats/percentiles.sql",
        """
        MODEL (name analytics.percentiles, kind VIEW, owner analytics, grain id, tags (meta),
               description 'A non-portable percentile.', audits (not_null(columns := (id))));
        SELECT id /* id */, QUANTILE_CONT(x, 0.9 ORDER BY x) AS p90 /* p90 */
        FROM analytics.reads_raw_base GROUP BY id
        """,
    )
    _write_model(
        root,
        "meta/chats/idle_at_18.sql",
        """
        MODEL (name analytics.idle_at_18, kind FULL, cron '0 7,18 * * *', owner analytics, grain id,
               tags (meta), description 'Recomputed at 18:00 for no reader.',
               audits (not_null(columns := (id))));
        SELECT id /* id */ FROM analytics.reads_raw_base
        """,
    )
    _write_model(
        root,
        "table/twice_table.sql",
        """
        MODEL (name analytics.twice_table, kind FULL, cron '0 7,18 * * *', owner analytics, grain id,
               tags (table), description 'A business table analysts read twice a day.',
               audits (not_null(columns := (id))));
        SELECT id /* id */ FROM analytics.reads_raw_base
        """,
    )
    _write_model(
        root,
        "table/cites_outside.sql",
        """
        MODEL (name analytics.cites_outside, kind VIEW, owner analytics, grain id, tags (table),
               description 'Pricing follows domain.md §2.5 (quirk 3).',
               audits (not_null(columns := (id))));
        SELECT id /* id, see ../shared/style.md */ FROM analytics.reads_raw_base
        """,
    )
    _write_model(
        root,
        "table/cites_inside.sql",
        """
        MODEL (name analytics.cites_inside, kind VIEW, owner analytics, grain id, tags (table),
               description 'Quick start in README.md; a tiny 2.5 % share is not a citation.',
               audits (not_null(columns := (id))));
        SELECT id /* id */ FROM analytics.reads_raw_base
        """,
    )
    (root / "README.md").write_text("# a document of the repository\n")
    monkeypatch.setenv("CATWALK_DUCKDB", str(tmp_path / "lint.duckdb"))
    context = open_context(paths=root, load_state=False)
    violations = str(context.lint_models(raise_on_error=False))
    assert "reads raw tables" in violations and "analytics.reads_raw" in violations
    assert "Tableau mart exposing person-identifying columns email" in violations
    assert "undocumented columns email" in violations
    assert "analytics.percentiles: write percentiles as @continuous_percentile(x, q)" in violations
    assert "analytics.percentiles: percentile: use @continuous_percentile" in violations
    assert "analytics.idle_at_18 runs at 18:00" in violations
    # a table-layer model may run at 18:00 with no reader: analysts read it
    assert "analytics.twice_table runs at 18:00" not in violations
    # descriptions state their rule: no pointer to a document outside the repository
    assert "analytics.cites_outside: description cites §, quirk 3, domain.md" in violations
    assert "column id cites ../shared/style.md" in violations
    assert "analytics.cites_inside" not in violations


def test_opening_the_project_sets_the_garbage_collector_thresholds(project):
    import gc

    from catwalk.project import GC_THRESHOLDS

    assert gc.get_threshold() == GC_THRESHOLDS
