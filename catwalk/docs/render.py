"""Render the documentation metadata as a static, self-contained HTML site (no CDN, works offline)."""

from __future__ import annotations

import html
import json
import typing as t

from catwalk.docs.graph import LAYER_COLOURS, lineage_svg
from catwalk.docs.metadata import LAYER_ORDER

LAYER_TEXT = {
    "source": "raw tables written by the loaders",
    "seed": "reference and finance CSVs",
    "base": "one model per raw table or seed",
    "transform": "derivations within one source",
    "table": "cross-source business objects",
    "meta": "per-subject features and series",
    "tableau": "one mart per dashboard",
    "archive": "SCD type 2 history",
}


def page_file(name: str) -> str:
    return f"models/{name}.html"


def _e(value: t.Any) -> str:
    return html.escape(str(value), quote=True)


def _layout(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)} · Catwalk docs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{up}static/style.css"></head>
<body><header><a class="brand" href="{up}index.html">Catwalk</a>
<nav><a href="{up}index.html">Home</a><a href="{up}catalog.html">Catalog</a><a href="{up}dashboards.html">Dashboards</a></nav>
<form action="{up}catalog.html" method="get" class="quick-search"><input name="q" placeholder="Search models…" aria-label="Search"></form>
</header><main>{body}</main>
<footer>Generated from the SQLMesh project metadata by <code>catwalk docs build</code>.</footer></body></html>
"""


def _link(name: str, nodes: dict, depth: int = 1) -> str:
    up = "../" * depth
    if name not in nodes:
        return _e(name)
    return f'<a href="{up}{page_file(name)}">{_e(name)}</a>'


def _column_link(model: str, column: str, nodes: dict) -> str:
    """`model.column`, linked to the column's row on the model's page."""
    label = f"{_e(model)}.<code>{_e(column)}</code>"
    if model not in nodes:
        return label
    return f'<a href="../{page_file(model)}#column-{_e(column)}">{label}</a>'


def column_index(nodes: dict) -> dict[tuple[str, str], dict]:
    return {(n["name"], c["name"]): c for n in nodes.values() for c in n["columns"]}


def _lineage_steps(column: dict, nodes: dict, columns: dict) -> list[str]:
    """Each model column between `column` and its source columns, with the columns it is computed
    from: one list item per step, breadth first from the column back to the sources."""
    steps, seen = [], set()
    frontier = [(p["model"], p["column"]) for p in column["lineage"]]
    while frontier:
        following = []
        for key in frontier:
            parent = columns.get(key)
            if key in seen or parent is None or not parent["lineage"] or nodes[key[0]]["layer"] in ("source", "seed"):
                continue
            seen.add(key)
            parents = ", ".join(_column_link(p["model"], p["column"], nodes) for p in parent["lineage"])
            steps.append(f"<li>{_column_link(*key, nodes)} ← {parents}</li>")
            following += [(p["model"], p["column"]) for p in parent["lineage"]]
        frontier = following
    return steps


def column_lineage(column: dict, nodes: dict, columns: dict) -> str:
    """The Column lineage cell: direct parents, the source columns at the root, and every step."""
    if not column["lineage"]:
        return "—"
    parents = ", ".join(_column_link(p["model"], p["column"], nodes) for p in column["lineage"])
    html_ = f'<div class="lineage-from">from {parents}</div>'
    sources = column.get("sources", [])
    direct = {(p["model"], p["column"]) for p in column["lineage"]}
    if sources and {(s["model"], s["column"]) for s in sources} != direct:
        links = ", ".join(_column_link(s["model"], s["column"], nodes) for s in sources)
        steps = _lineage_steps(column, nodes, columns)
        html_ += (
            f'<details class="lineage-path"><summary>{len(sources)} source column{"s" if len(sources) != 1 else ""}'
            f', {len(steps)} step{"s" if len(steps) != 1 else ""}</summary>'
            f'<ol class="lineage-steps">{"".join(steps)}</ol><div class="lineage-sources">sources: {links}</div></details>'
        )
    return html_


def _column_rows(node: dict, nodes: dict) -> str:
    rows, columns = [], column_index(nodes)
    for column in node["columns"]:
        pii = '<span class="pii" title="identifies a person">PII</span>' if column["pii"] else ""
        rows.append(
            f'<tr class="column-row" id="column-{_e(column["name"])}"><td><code>{_e(column["name"])}</code></td>'
            f'<td>{_e(column["type"])}</td><td>{_e(column["description"])}</td><td>{pii}</td>'
            f'<td class="column-lineage">{column_lineage(column, nodes, columns)}</td></tr>'
        )
    return "".join(rows)


def _facts(node: dict) -> str:
    facts = [
        ("Layer", node["layer"]), ("Kind", node["kind"]), ("Grain", ", ".join(node["grain"]) or "—"),
        ("Cron", node["cron"] or "—"), ("Owner", node["owner"] or "—"),
        ("Tags", ", ".join(node["tags"]) or "—"), ("Source file", node["path"]),
    ]
    if node["seed_path"]:
        facts.append(("Seed file", node["seed_path"]))
    return "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)


def _dashboards_section(node: dict) -> str:
    """The dashboards reading a mart (exposures.yaml); Tableau marts always get the section."""
    dashboards = node.get("dashboards") or []
    if not dashboards and node["layer"] != "tableau":
        return ""
    items = "".join(
        f'<li><a href="../dashboards.html#{_e(d["slug"])}">{_e(d["name"])}</a></li>' for d in dashboards
    ) or "<li>none declared in exposures.yaml</li>"
    return f'<h2>Dashboards</h2><ul class="dashboards">{items}</ul>'


def node_page(node: dict, nodes: dict) -> str:
    name = node["name"]
    audits = "".join(
        f'<li><code>{_e(a["name"])}</code> {_e(", ".join(f"{k} := {v}" for k, v in a["arguments"].items()))}'
        f'{"" if a["blocking"] else " <em>(non-blocking)</em>"}</li>'
        for a in node["audits"]
    ) or "<li>none</li>"
    tests = "".join(f'<li><code>{_e(t["name"])}</code> in {_e(t["file"])}</li>' for t in node["tests"]) or "<li>none</li>"
    upstream = "".join(f"<li>{_link(n, nodes)}</li>" for n in node["upstream"]) or "<li>none</li>"
    downstream = "".join(f"<li>{_link(n, nodes)}</li>" for n in node["downstream"]) or "<li>none</li>"
    sql = f'<h2>SQL (rendered)</h2><pre class="sql">{_e(node["sql"])}</pre>' if node["sql"] else ""
    body = f"""
<h1 class="node-title">{_e(name)} <span class="badge" style="background:{LAYER_COLOURS.get(node['layer'], '#adb5bd')}">{_e(node['layer'])}</span></h1>
<p class="description">{_e(node['description']) or '<em>No description.</em>'}</p>
<table class="facts">{_facts(node)}</table>
{_dashboards_section(node)}
<h2>Lineage</h2><div class="graph">{lineage_svg(name, nodes, page_file)}</div>
<div class="deps"><div><h3>Upstream</h3><ul>{upstream}</ul></div><div><h3>Downstream</h3><ul>{downstream}</ul></div></div>
<h2>Columns ({len(node['columns'])})</h2>
<div class="table-scroll"><table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>PII</th><th>Column lineage</th></tr></thead>
<tbody>{_column_rows(node, nodes)}</tbody></table></div>
<h2>Audits</h2><ul>{audits}</ul>
<h2>Unit tests</h2><ul>{tests}</ul>
{sql}
<script src="../static/graph.js"></script>
"""
    return _layout(name, body, depth=1)


def dashboards_page(dashboards: list[dict], nodes: dict) -> str:
    """Every dashboard of exposures.yaml with the marts it reads."""
    sections = []
    for dashboard in dashboards:
        marts = "".join(f"<li>{_link(mart, nodes, depth=0)}</li>" for mart in dashboard["marts"])
        facts = f"<li>Owner: {_e(dashboard['owner'])}</li>" if dashboard["owner"] else ""
        if dashboard["url"]:
            facts += f'<li>Address: <a class="external" href="{_e(dashboard["url"])}">{_e(dashboard["url"])}</a></li>'
        sections.append(
            f'<section class="dashboard" id="{_e(dashboard["slug"])}"><h2>{_e(dashboard["name"])}</h2>'
            f'<p>{_e(dashboard["description"])}</p><ul class="facts">{facts}</ul>'
            f'<h3>Reads</h3><ul class="marts">{marts}</ul></section>'
        )
    unread = sorted(n["name"] for n in nodes.values() if n["layer"] == "tableau" and not n.get("dashboards"))
    warning = (
        "<p><b>Marts no dashboard reads:</b> " + ", ".join(_link(n, nodes, depth=0) for n in unread) + "</p>"
        if unread else ""
    )
    body = f"""
<h1>Dashboards</h1>
<p>The dashboards that read the Tableau marts, as declared in <code>exposures.yaml</code> at the root
of the project. A change to one of these marts reaches these dashboards.</p>
{warning}{"".join(sections) or "<p>No dashboard is declared.</p>"}
"""
    return _layout("Dashboards", body)


def catalog_page(nodes: dict) -> str:
    layers = [layer for layer in LAYER_ORDER if any(n["layer"] == layer for n in nodes.values())]
    tags = sorted({tag for n in nodes.values() for tag in n["tags"]})
    layer_options = "".join(f'<option value="{_e(l)}">{_e(l)}</option>' for l in layers)
    tag_options = "".join(f'<option value="{_e(t)}">{_e(t)}</option>' for t in tags)
    body = f"""
<h1>Catalog</h1>
<div class="filters">
<input id="search" type="search" placeholder="Filter by name, description or column…" autofocus>
<select id="layer"><option value="">all layers</option>{layer_options}</select>
<select id="tag"><option value="">all tags</option>{tag_options}</select>
<span id="count"></span></div>
<div class="table-scroll"><table class="catalog"><thead><tr><th>Name</th><th>Layer</th><th>Kind</th><th>Tags</th><th>Description</th></tr></thead>
<tbody id="results"></tbody></table></div>
<script src="catalog.js"></script><script src="static/app.js"></script>
"""
    return _layout("Catalog", body)


def shorten(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its longest prefix ending at a word, then '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-—(") + "…"


def catalog_script(nodes: dict) -> str:
    entries = [
        {
            "name": n["name"], "layer": n["layer"], "kind": n["kind"].split(" ")[0], "tags": n["tags"],
            "description": shorten(n["description"], 240), "columns": [c["name"] for c in n["columns"]],
            "href": page_file(n["name"]), "dashboards": [d["name"] for d in n.get("dashboards", [])],
        }
        for n in sorted(nodes.values(), key=lambda n: (LAYER_ORDER.index(n["layer"]) if n["layer"] in LAYER_ORDER else 99, n["name"]))
    ]
    return "window.CATALOG = " + json.dumps(entries) + ";\n"


def home_page(metadata: dict) -> str:
    nodes, counts = metadata["nodes"], metadata["counts"]
    boxes = []
    x = 10
    for layer in LAYER_ORDER:
        colour = LAYER_COLOURS[layer]
        boxes.append(
            f'<a href="catalog.html?layer={layer}"><g class="layer-box"><rect x="{x}" y="10" width="130" height="90" rx="8" fill="{colour}"/>'
            f'<text x="{x + 65}" y="42" text-anchor="middle" class="layer-name">{layer}</text>'
            f'<text x="{x + 65}" y="70" text-anchor="middle" class="layer-count">{counts.get(layer, 0)}</text></g></a>'
        )
        if layer != LAYER_ORDER[-1]:
            boxes.append(f'<path class="edge" d="M{x + 130},55 L{x + 150},55"/>')
        x += 150
    picture = f'<svg id="layer-picture" width="100%" style="max-width:{x}px" viewBox="0 0 {x} 110">{"".join(boxes)}</svg>'
    legend = "".join(f"<li><b>{_e(l)}</b> ({counts.get(l, 0)}): {_e(LAYER_TEXT[l])}</li>" for l in LAYER_ORDER)
    columns = sum(len(n["columns"]) for n in nodes.values())
    pii = sum(1 for n in nodes.values() for c in n["columns"] if c["pii"])
    audits = sum(len(n["audits"]) for n in nodes.values())
    tests = sum(len(n["tests"]) for n in nodes.values())
    body = f"""
<h1>Catwalk — the modelling layer of Dialogue's analytics warehouse</h1>
<p>Raw data landed by the loaders flows left to right through the layers into business tables and
Tableau marts. Click a layer to list its models, or search the <a href="catalog.html">catalog</a>.</p>
{picture}
<ul class="legend">{legend}</ul>
<p class="stats"><b>{len(nodes)}</b> nodes · <b>{columns}</b> columns (<b>{pii}</b> person-identifying) ·
<b>{audits}</b> audits · <b>{tests}</b> unit tests ·
<a href="dashboards.html"><b>{len(metadata.get("dashboards", []))}</b> dashboards</a> read the Tableau marts</p>
"""
    return _layout("Home", body)
