"""Person-identifying data never reaches a Tableau mart in clear.

For every column of every Tableau mart, walk its column lineage down to the raw tables. If the
path reaches a column tagged [PII] through identity-like steps only (plain references, casts,
coalesce, trim, case changes, concatenation), the mart leaks it. A salted hash (@pii_hash), an
aggregate or any other transformation breaks the path.
"""

from __future__ import annotations

import pytest
from sqlglot import exp

from catwalk.project import open_context

IDENTITY = (exp.Column, exp.Alias, exp.Cast, exp.TryCast, exp.Coalesce, exp.Trim, exp.Upper, exp.Lower,
            exp.Concat, exp.DPipe, exp.Paren, exp.Identifier, exp.Literal, exp.Null, exp.Case, exp.If,
            exp.Max, exp.Min, exp.AnyValue, exp.First, exp.Last, exp.Window)


@pytest.fixture(scope="module")
def project():
    return open_context(load_state=False, load_tests=False)


def _pii_columns(context) -> dict[str, set[str]]:
    tagged = {}
    for model in context.models.values():
        columns = {c for c, d in (model.column_descriptions or {}).items() if (d or "").lstrip().startswith("[PII]")}
        if columns:
            tagged[model.fqn] = columns
    return tagged


def _is_identity(expression: exp.Expression) -> bool:
    return all(isinstance(node, IDENTITY) or isinstance(node, (exp.Star, exp.Var)) for node in expression.walk())


def leaks(context, model_fqn: str, column: str, pii: dict[str, set[str]], depth: int = 0) -> list[str]:
    """The PII columns that `model.column` exposes in clear (recursively through upstream models)."""
    from sqlmesh.core.lineage import column_dependencies

    if column in pii.get(model_fqn, set()):
        return [f"{model_fqn}.{column}"]
    if depth > 30:
        return []
    model = context.get_model(model_fqn)
    if model is None or model.kind.name in ("EXTERNAL", "SEED"):
        return []
    query = model.render_query()
    projection = next((p for p in query.selects if p.alias_or_name == column), None)
    if projection is None or not _is_identity(projection):
        return []
    found = []
    for parent, columns in column_dependencies(context, model_fqn, column).items():
        for parent_column in columns:
            found += leaks(context, parent, parent_column, pii, depth + 1)
    return found


def test_scan_detects_a_leak_through_identity_steps(project):
    """The scanner itself: an email passed through a base model is found; a hashed one is not."""
    pii = _pii_columns(project)
    users = project.get_model("analytics.scribe_users")
    assert "email" in pii[users.fqn]
    assert leaks(project, users.fqn, "email", pii) == [f"{users.fqn}.email"]
    assert leaks(project, users.fqn, "user_id", pii) == []


def test_no_tableau_mart_exposes_person_identifying_columns(project):
    pii = _pii_columns(project)
    marts = [m for m in project.models.values() if m.name.startswith("analytics.tableau_")]
    assert marts, "no Tableau mart in the project"
    problems = []
    for mart in marts:
        for column in mart.columns_to_types or {}:
            for source in leaks(project, mart.fqn, column, pii):
                problems.append(f"{mart.name}.{column} exposes {source}")
    assert not problems, "\n".join(problems)
