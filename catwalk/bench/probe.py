"""The one-line change of the leaf-change `plan dev` measurement."""

from __future__ import annotations

import re
from pathlib import Path


def add_probe_column(text: str) -> str:
    """One-line non-breaking change: a constant column appended to the model's final SELECT.

    The final SELECT is the last one at the left margin (`sqlmesh format` indents nested queries);
    models whose top level is a set operation, or without a top-level FROM, are refused (ValueError).
    """
    if re.search(r"^(UNION|INTERSECT|EXCEPT)\b", text, flags=re.MULTILINE):
        raise ValueError("the final query is a set operation")
    selects = [m.start() for m in re.finditer(r"^SELECT\b", text, flags=re.MULTILINE)]
    froms = [m.start() for m in re.finditer(r"^FROM\b", text, flags=re.MULTILINE)]
    if not selects or not froms or froms[-1] < selects[-1]:
        raise ValueError("no top-level SELECT ... FROM")
    at = froms[-1]
    return text[:at] + "    , 1 AS bench_probe /* Benchmark probe column */\n" + text[at:]


def leaf_change(project: Path, leaves: list[dict]) -> str:
    """Apply add_probe_column to the first leaf model it fits (Tableau marts first); its name."""
    for leaf in leaves:
        path = project / leaf["path"]
        try:
            path.write_text(add_probe_column(path.read_text()))
        except ValueError:
            continue
        return leaf["name"]
    raise RuntimeError("no leaf model to change")


