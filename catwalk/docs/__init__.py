"""Documentation site: `catwalk docs build` writes a static site, `catwalk docs serve` serves it.

The site is built from the project's metadata only (no warehouse data), is self-contained (no CDN,
only relative links, no request made by a script) and has a page per model, source, seed and
archive with columns, lineage and tests, plus the dashboards of `exposures.yaml`. The output folder
can be published as it is on any static host (GitHub Pages, S3, an nginx folder) or opened from disk.
"""

from __future__ import annotations

import errno
import functools
import http.server
import json
import shutil
import sys
import time
import typing as t
from pathlib import Path

from catwalk.docs.metadata import collect
from catwalk.docs.render import catalog_page, catalog_script, dashboards_page, home_page, node_page, page_file
from catwalk.project import PROJECT_ROOT, CatwalkError

STATIC = Path(__file__).parent / "static"


def _site(output: str | Path) -> Path:
    return Path(output) if Path(output).is_absolute() else PROJECT_ROOT / output


def _progress(message: str) -> None:
    print(f"catwalk docs: {message}", file=sys.stderr, flush=True)


def build(output: str | Path = "site", paths: str | Path | None = None,
          progress: t.Callable[[str], None] = _progress) -> dict:
    """Write the site into `output` (relative paths are under the project root); returns a summary.

    Progress goes to `progress` (stderr by default), the one-line summary to stdout."""
    started = time.monotonic()
    metadata = collect(paths, progress)
    progress(f"writing {len(metadata['nodes']) + 3} pages")
    site = _site(output)
    if site.exists():
        shutil.rmtree(site)
    (site / "models").mkdir(parents=True)
    shutil.copytree(STATIC, site / "static")
    nodes = metadata["nodes"]
    (site / "index.html").write_text(home_page(metadata))
    (site / "catalog.html").write_text(catalog_page(nodes))
    (site / "catalog.js").write_text(catalog_script(nodes))
    (site / "dashboards.html").write_text(dashboards_page(metadata["dashboards"], nodes))
    for node in nodes.values():
        (site / page_file(node["name"])).write_text(node_page(node, nodes))
    (site / "metadata.json").write_text(json.dumps(metadata, indent=1, default=str))
    (site / ".nojekyll").write_text("")  # GitHub Pages: publish the files as they are
    summary = {"output": str(site), "pages": len(nodes) + 3, "seconds": round(time.monotonic() - started, 1)}
    print(f"catwalk docs: {summary['pages']} pages written to {site} in {summary['seconds']} s")
    return summary


def _server(port: int, site: Path) -> http.server.ThreadingHTTPServer:
    """The HTTP server bound to 127.0.0.1:port, or CatwalkError saying why it cannot be."""
    if not 1 <= port <= 65535:
        raise CatwalkError(f"--port {port} is not a TCP port: choose one from 1 to 65535")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise CatwalkError(f"port {port} on 127.0.0.1 is already in use: stop what listens there "
                               "or choose another with --port") from None
        raise CatwalkError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None


def serve(output: str | Path = "site", port: int = 8080, paths: str | Path | None = None) -> None:
    """Serve the site on 127.0.0.1 (building it first if missing) until interrupted.

    The port is taken before anything is built: a busy or invalid port creates nothing."""
    site = _site(output)
    with _server(port, site) as server:
        if not (site / "index.html").exists():
            build(site, paths)
        print(f"catwalk docs: serving {site} on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever()
