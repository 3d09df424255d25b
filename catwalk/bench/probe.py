"""The one-model change of the leaf-change `plan dev` measurements."""

from __future__ import annotations

import re
from pathlib import Path

# top-level clauses a WHERE goes before (`sqlmesh format` puts them at the left margin)
_AFTER_WHERE = r"^(GROUP BY|HAVING|QUALIFY|WINDOW|ORDER BY|LIMIT)\b"


def add_probe_filter(text: str, value: int = 1) -> str:
    """One-line change that keeps every row and column: `RANDOM() >= -value AND` in the final WHERE.

    It changes the model's rendered query (a new version to backfill) but neither its columns nor
    its rows, so the model's unit tests still pass; `value` makes each probe a different version.
    (A constant condition such as `1 = 1` is not enough: the optimizer removes it, the rendered
    query stays the same and SQLMesh categorizes the change as metadata-only, with no backfill.) The
    final query is the last SELECT ... FROM at the left margin (`sqlmesh format` indents nested
    queries); models whose top level is a set operation, or without a top-level FROM, are refused
    (ValueError).
    """
    if re.search(r"^(UNION|INTERSECT|EXCEPT)\b", text, flags=re.MULTILINE):
        raise ValueError("the final query is a set operation")
    selects = [m.start() for m in re.finditer(r"^SELECT\b", text, flags=re.MULTILINE)]
    froms = [m.start() for m in re.finditer(r"^FROM\b", text, flags=re.MULTILINE)]
    if not selects or not froms or froms[-1] < selects[-1]:
        raise ValueError("no top-level SELECT ... FROM")
    probe = f"RANDOM() >= -{value} /* Benchmark probe */"
    where = re.compile(r"^WHERE\b[ \t]*\n?", flags=re.MULTILINE).search(text, froms[-1])
    if where:  # TRUE AND x OR y is x OR y: the condition keeps its meaning whatever it holds
        return text[:where.end()] + f"    {probe} AND\n" + text[where.end():]
    clause = re.compile(_AFTER_WHERE, flags=re.MULTILINE).search(text, froms[-1])
    if clause:
        return text[:clause.start()] + f"WHERE\n    {probe}\n" + text[clause.start():]
    body = text.rstrip()
    end = ";" if body.endswith(";") else ""
    return body.removesuffix(";").rstrip() + f"\nWHERE\n    {probe}{end}\n"


def leaf_change(project: Path, leaves: list[dict], value: int = 1) -> str:
    """Apply add_probe_filter to the first leaf model it fits (Tableau marts first); its name."""
    for leaf in leaves:
        path = project / leaf["path"]
        try:
            path.write_text(add_probe_filter(path.read_text(), value))
        except ValueError:
            continue
        return leaf["name"]
    raise RuntimeError("no leaf model to change")
