"""The lineage graph of a node page: a layered SVG (ancestors left, descendants right).

Boxes are as wide as the longest name they hold (node names are never cut) and the SVG's viewBox
covers every box with a margin, so the initial view shows the whole graph; `static/graph.js` pans
and zooms it by moving the viewBox, and its Fit button returns to this view.
"""

from __future__ import annotations

import html
from collections import defaultdict

LAYER_COLOURS = {
    "source": "#8d99ae", "seed": "#b5838d", "base": "#6d9dc5", "transform": "#80b192",
    "table": "#e9c46a", "meta": "#f4a261", "tableau": "#e76f51", "archive": "#9b5de5", "model": "#adb5bd",
}
CHAR_WIDTH = 7.6  # px per character of the 12 px monospace label font (0.6 em, with a margin)
BOX_H, GAP_X, GAP_Y, MARGIN, PADDING = 26, 60, 10, 20, 8


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _levels(name: str, nodes: dict, depth: int) -> dict[str, int]:
    """Node -> column: 0 for the node, -k for ancestors k steps up, +k for descendants."""
    levels: dict[str, int] = {name: 0}
    for direction, sign in (("upstream", -1), ("downstream", 1)):
        frontier = [name]
        for level in range(1, depth + 1):
            frontier = sorted({n for f in frontier for n in nodes[f][direction] if n in nodes and n not in levels})
            for node in frontier:
                levels[node] = sign * level
    return levels


def layout(name: str, nodes: dict, depth: int = 2) -> tuple[dict[str, tuple[float, float]], float, float, float]:
    """(top-left corner of each box, box width, total width, total height) of the graph of `name`."""
    columns: dict[int, list[str]] = defaultdict(list)
    for node, level in sorted(_levels(name, nodes, depth).items(), key=lambda item: (item[1], item[0])):
        columns[level].append(node)
    box_w = round(2 * PADDING + CHAR_WIDTH * max(len(node) for nodes_ in columns.values() for node in nodes_))
    positions = {}
    for index, level in enumerate(sorted(columns)):
        for row, node in enumerate(columns[level]):
            positions[node] = (MARGIN + index * (box_w + GAP_X), MARGIN + row * (BOX_H + GAP_Y))
    width = 2 * MARGIN + len(columns) * (box_w + GAP_X) - GAP_X
    height = 2 * MARGIN + max(len(v) for v in columns.values()) * (BOX_H + GAP_Y) - GAP_Y
    return positions, box_w, width, height


def lineage_svg(name: str, nodes: dict, page_file, depth: int = 2) -> str:
    """The graph of `name` as inline SVG, with the pan/zoom controls of static/graph.js."""
    positions, box_w, width, height = layout(name, nodes, depth)
    edges = []
    for node, (x2, y2) in positions.items():
        for parent in nodes[node]["upstream"]:
            if parent in positions:
                x1, y1 = positions[parent]
                x1, y1, y2m = x1 + box_w, y1 + BOX_H / 2, y2 + BOX_H / 2
                mid = (x1 + x2) / 2
                edges.append(f'<path class="edge" d="M{x1},{y1} C{mid},{y1} {mid},{y2m} {x2},{y2m}"/>')
    boxes = []
    for node, (x, y) in positions.items():
        colour = LAYER_COLOURS.get(nodes[node]["layer"], "#adb5bd")
        css = "node current" if node == name else "node"
        boxes.append(
            f'<a href="../{page_file(node)}"><g class="{css}" data-name="{_e(node)}">'
            f'<title>{_e(node)} ({_e(nodes[node]["layer"])})</title>'
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{BOX_H}" rx="5" fill="{colour}"/>'
            f'<text x="{x + PADDING}" y="{y + 17}">{_e(node)}</text></g></a>'
        )
    shown_height = min(height, 640)
    controls = (
        '<div class="graph-controls"><button type="button" data-zoom="in" title="Zoom in">+</button>'
        '<button type="button" data-zoom="out" title="Zoom out">−</button>'
        '<button type="button" data-zoom="fit" title="Show the whole graph">Fit</button>'
        '<span class="hint">drag to pan, wheel or buttons to zoom</span></div>'
    )
    return (
        f'{controls}<svg id="lineage-graph" class="pan-zoom" xmlns="http://www.w3.org/2000/svg" '
        f'width="100%" height="{shown_height}" viewBox="0 0 {width} {height}" '
        f'data-width="{width}" data-height="{height}" preserveAspectRatio="xMidYMid meet" '
        f'role="img" aria-label="Lineage of {_e(name)}">' + "".join(edges) + "".join(boxes) + "</svg>"
    )
