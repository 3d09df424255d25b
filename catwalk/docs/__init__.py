"""Documentation site: `catwalk docs build` writes a static site, `catwalk docs serve` serves it.

The site is built from the project's metadata only (no warehouse data), is self-contained (no CDN)
and has a page per model, source, seed and archive with columns, lineage and tests.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import time
from pathlib import Path

from catwalk.docs.metadata import collect
from catwalk.docs.render import catalog_page, catalog_script, home_page, node_page, page_file
from catwalk.project import PROJECT_ROOT

STATIC = Path(__file__).parent / "static"


def build(output: str | Path = "site", paths: str | Path | None = None) -> dict:
    """Write the site into `output` (relative paths are under the project root); returns a summary."""
    started = time.monotonic()
    metadata = collect(paths)
    site = Path(output) if Path(output).is_absolute() else PROJECT_ROOT / output
    if site.exists():
        shutil.rmtree(site)
    (site / "models").mkdir(parents=True)
    shutil.copytree(STATIC, site / "static")
    nodes = metadata["nodes"]
    (site / "index.html").write_text(home_page(metadata))
    (site / "catalog.html").write_text(catalog_page(nodes))
    (site / "catalog.js").write_text(catalog_script(nodes))
    for node in nodes.values():
        (site / page_file(node["name"])).write_text(node_page(node, nodes))
    (site / "metadata.json").write_text(json.dumps(metadata, indent=1, default=str))
    summary = {"output": str(site), "pages": len(nodes) + 2, "seconds": round(time.monotonic() - started, 1)}
    print(f"catwalk docs: {summary['pages']} pages written to {site} in {summary['seconds']} s")
    return summary


def serve(output: str | Path = "site", port: int = 8080, paths: str | Path | None = None) -> None:
    """Serve the site on 127.0.0.1 (building it first if missing) until interrupted."""
    site = Path(output) if Path(output).is_absolute() else PROJECT_ROOT / output
    if not (site / "index.html").exists():
        build(site, paths)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"catwalk docs: serving {site} on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        server.serve_forever()
