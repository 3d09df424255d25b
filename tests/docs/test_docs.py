"""The documentation site: complete pages, resolvable links, and a real browser session."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catwalk.docs import build
from catwalk.docs.metadata import collect
from catwalk.project import CatwalkError, PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site")
    build(output)
    return output


@pytest.fixture(scope="module")
def metadata(site):
    """The metadata the site was built from (written beside the pages)."""
    return json.loads((site / "metadata.json").read_text())


def test_every_node_has_a_page_and_every_column_a_row(site, metadata):
    assert len(metadata["nodes"]) > 50
    for name, node in metadata["nodes"].items():
        page = site / "models" / f"{name}.html"
        assert page.exists(), f"no page for {name}"
        text = page.read_text()
        assert text.count('class="column-row"') == len(node["columns"]), name
        for column in node["columns"]:
            assert f'id="column-{column["name"]}"' in text, f"{name}.{column['name']} has no row"
        if node["layer"] not in ("source", "seed"):
            assert 'id="lineage-graph"' in text and "<rect" in text, f"{name} has no lineage graph"


def test_links_resolve(site):
    broken = []
    for page in site.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text()):
            if target.startswith(("http://", "https://")):
                broken.append(f"{page.name} links outside the site: {target}")
            elif not (page.parent / target).resolve().exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert not broken, "\n".join(broken[:20])


def test_pii_columns_are_flagged(metadata):
    users = metadata["nodes"]["analytics.scribe_users"]
    flagged = {c["name"] for c in users["columns"] if c["pii"]}
    assert {"email", "first_name", "last_name", "birthday"} <= flagged
    assert "user_id" not in flagged


def test_a_project_that_does_not_load_gives_a_clear_error(tmp_path):
    (tmp_path / "config.yaml").write_text("model_defaults:\n  dialect: duckdb\nnot_a_key: 1\n")
    with pytest.raises(CatwalkError, match="does not load"):
        collect(tmp_path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_browser_search_open_episodes_and_see_lineage(site, tmp_path):
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "catwalk.cli", "docs", "serve", "--output", str(site), "--port", str(port)],
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/index.html")
            assert page.locator("#layer-picture").is_visible()
            page.fill(".quick-search input", "episodes")
            page.press(".quick-search input", "Enter")
            page.wait_for_selector("#results tr.result")
            first = page.locator("#results tr.result a").first
            assert first.inner_text() == "analytics.episodes"
            first.click()
            page.wait_for_selector("#lineage-graph")
            graph = page.locator("#lineage-graph")
            assert graph.is_visible()
            box = graph.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 20
            assert page.locator("#lineage-graph rect").count() >= 2
            lineage = page.locator("#column-episode_id td.column-lineage a")
            assert lineage.count() >= 1, "episode_id lists no upstream column"
            page.screenshot(path=str(tmp_path / "episodes.png"), full_page=True)
            browser.close()
        assert (tmp_path / "episodes.png").stat().st_size > 10_000
    finally:
        server.terminate()
        server.wait(timeout=10)
