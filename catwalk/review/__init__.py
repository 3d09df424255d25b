"""Plan review report: what a change does, whether it breaks, and how the data moves.

`catwalk review ENV` builds the SQLMesh plan of the working tree for the dev environment ENV
(created from `--against`, prod by default), applies it to ENV only (never to prod) so that ENV is
backfilled over prod's whole range, then writes one report fit for a pull-request comment:

- a summary line (added / removed / directly / indirectly modified models, backfill intervals);
- per directly modified model: change category and why SQLMesh chose it, SQL diff, column
  changes, downstream models (Tableau marts and archives first);
- a data diff of each directly modified model against prod on the model's grain (SQLMesh
  table_diff) with a few differing rows, person-identifying (`[PII]`) columns masked as `***`;
- unit test and audit results of the changed models.

Everything is gathered into a plain dict (`--format json` prints it) and rendered as markdown.
The modules are the steps: `changes` (what the plan changes), `checks` (dev apply, unit tests,
audits), `data_diff` (dev against prod), `render` (summary, JSON, markdown); `report` runs them
in order.
"""

from __future__ import annotations

from pathlib import Path

from catwalk.project import CatwalkError
from catwalk.review.common import pii_columns
from catwalk.review.render import render_json, render_markdown
from catwalk.review.report import build_report

__all__ = ["build_report", "pii_columns", "render_json", "render_markdown", "review"]


def review(
    env: str,
    gateway: str = "local",
    against: str = "prod",
    output: str | None = None,
    fmt: str = "markdown",
    *,
    paths: str | Path | None = None,
) -> int:
    """Build the plan of ENV against AGAINST, backfill ENV, write the report.

    Returns 0 when the report was written and every test, audit and dev backfill passed, 1 when
    the report was written but something failed (the report says what). Raises CatwalkError for
    errors that prevent a report (project does not load, AGAINST does not exist, ENV is prod).
    """
    if fmt not in ("markdown", "json"):
        raise CatwalkError(f"unknown format {fmt!r}; choose markdown or json")
    report = build_report(env, gateway=gateway, against=against, paths=paths)
    text = render_json(report) if fmt == "json" else render_markdown(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0 if report["ok"] else 1
