"""Render the documentation metadata as a static, self-contained HTML site (no CDN, works offline)."""

from __future__ import annotations

import html
import json
import typing as t
from collections import defaultdict

from catwalk.docs.metadata import LAYER_ORDER

LAYER_COLOURS = {
    "source": "#8d99ae", "seed": "#b5838d", "base": "#6d9dc5", "transform": "#80b192",
    "table": "#e9c46a", "meta": "#f4a261", "tableau": "#e76f51", "archive": "#9b5de5", "model": "#adb5bd",
}
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
<nav><a href="{up}index.html">Home</a><a href="{up}catalog.html">Catalog</a></nav>
<form action="{up}catalog.html" method="get" class="quick-search"><input name="q" placeholder="Search models…" aria-label="Search"></form>
</header><main>{body}</main>
<footer>Generated from the SQLMesh project metadata by <code>catwalk docs build</code>.</footer></body></html>
"""


def _link(name: str, nodes: dict, depth: int = 1) -> str:
    up = "../" * depth
    if name not in nodes:
        return _e(name)
    return f'<a href="{up}{page_file(name)}">{_e(name)}</a>'


def lineage_svg(name: str, nodes: dict, depth: int = 2) -> str:
    """A layered lineage graph of a node: ancestors and descendants up to `depth` levels."""
    levels: dict[str, int] = {name: 0}
    frontier = [name]
    for level in range(1, depth + 1):
        frontier = [p for n in frontier for p in nodes[n]["upstream"] if p in nodes and p not in levels]
        for p in frontier:
            levels[p] = -level
    frontier = [name]
    for level in range(1, depth + 1):
        frontier = [c for n in frontier for c in nodes[n]["downstream"] if c in nodes and c not in levels]
        for c in frontier:
            levels[c] = level
    columns: dict[int, list[str]] = defaultdict(list)
    for node, level in sorted(levels.items(), key=lambda item: (item[1], item[0])):
        columns[level].append(node)
    box_w, box_h, gap_x, gap_y = 250, 26, 60, 10
    positions = {}
    for index, level in enumerate(sorted(columns)):
        for row, node in enumerate(columns[level]):
            positions[node] = (20 + index * (box_w + gap_x), 20 + row * (box_h + gap_y))
    width = 40 + len(columns) * (box_w + gap_x) - gap_x
    height = 40 + max(len(v) for v in columns.values()) * (box_h + gap_y)
    edges = []
    for node in positions:
        for parent in nodes[node]["upstream"]:
            if parent in positions:
                x1, y1 = positions[parent]
                x2, y2 = positions[node]
                x1, y1, y2 = x1 + box_w, y1 + box_h / 2, y2 + box_h / 2
                mid = (x1 + x2) / 2
                edges.append(f'<path class="edge" d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"/>')
    boxes = []
    for node, (x, y) in positions.items():
        colour = LAYER_COLOURS.get(nodes[node]["layer"], "#adb5bd")
        css = "node current" if node == name else "node"
        label = node if len(node) <= 36 else node[:35] + "…"
        boxes.append(
            f'<a href="../{page_file(node)}"><g class="{css}"><title>{_e(node)} ({_e(nodes[node]["layer"])})</title>'
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="5" fill="{colour}"/>'
            f'<text x="{x + 8}" y="{y + 17}">{_e(label)}</text></g></a>'
        )
    return (
        f'<svg id="lineage-graph" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Lineage of {_e(name)}">'
        + "".join(edges) + "".join(boxes) + "</svg>"
    )


def node_page(node: dict, nodes: dict) -> str:
    name = node["name"]
    rows = []
    for column in node["columns"]:
        lineage = ", ".join(
            f'{_link(item["model"], nodes)}.<code>{_e(item["column"])}</code>' for item in column["lineage"]
        )
        pii = '<span class="pii" title="identifies a person">PII</span>' if column["pii"] else ""
        rows.append(
            f'<tr class="column-row" id="column-{_e(column["name"])}"><td><code>{_e(column["name"])}</code></td>'
            f'<td>{_e(column["type"])}</td><td>{_e(column["description"])}</td><td>{pii}</td>'
            f'<td class="column-lineage">{lineage or "—"}</td></tr>'
        )
    facts = [
        ("Layer", node["layer"]), ("Kind", node["kind"]), ("Grain", ", ".join(node["grain"]) or "—"),
        ("Cron", node["cron"] or "—"), ("Owner", node["owner"] or "—"),
        ("Tags", ", ".join(node["tags"]) or "—"), ("Source file", node["path"]),
    ]
    if node["seed_path"]:
        facts.append(("Seed file", node["seed_path"]))
    fact_rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
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
<table class="facts">{fact_rows}</table>
<h2>Lineage</h2><div class="graph">{lineage_svg(name, nodes)}</div>
<div class="deps"><div><h3>Upstream</h3><ul>{upstream}</ul></div><div><h3>Downstream</h3><ul>{downstream}</ul></div></div>
<h2>Columns ({len(node['columns'])})</h2>
<table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>PII</th><th>Column lineage</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<h2>Audits</h2><ul>{audits}</ul>
<h2>Unit tests</h2><ul>{tests}</ul>
{sql}
"""
    return _layout(name, body, depth=1)


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
<table class="catalog"><thead><tr><th>Name</th><th>Layer</th><th>Kind</th><th>Tags</th><th>Description</th></tr></thead>
<tbody id="results"></tbody></table>
<script src="catalog.js"></script><script src="static/app.js"></script>
"""
    return _layout("Catalog", body)


def catalog_script(nodes: dict) -> str:
    entries = [
        {
            "name": n["name"], "layer": n["layer"], "kind": n["kind"].split(" ")[0], "tags": n["tags"],
            "description": n["description"][:240], "columns": [c["name"] for c in n["columns"]],
            "href": page_file(n["name"]),
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
    picture = f'<svg id="layer-picture" width="{x}" height="110" viewBox="0 0 {x} 110">{"".join(boxes)}</svg>'
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
<b>{audits}</b> audits · <b>{tests}</b> unit tests</p>
"""
    return _layout("Home", body)
