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
from catwalk.docs.exposures import load_exposures
from catwalk.docs.metadata import collect
from catwalk.docs.render import shorten
from catwalk.project import CatwalkError, PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


PROGRESS: list[str] = []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site")
    build(output, progress=PROGRESS.append)
    return output


def test_build_reports_progress_stage_by_stage(site, metadata):
    total = len(metadata["nodes"])
    assert PROGRESS[0] == "loading the project"
    assert f"columns, lineage and SQL of {total}/{total} nodes" in PROGRESS
    assert "columns, lineage and SQL of 50/" + str(total) + " nodes" in PROGRESS
    assert PROGRESS[-1] == f"writing {total + 3} pages"


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
    """Every link is relative and reaches a file of the site, and every #column- anchor a row."""
    broken = []
    for page in site.rglob("*.html"):
        text = page.read_text()
        external = set(re.findall(r'<a class="external" href="([^"]+)"', text))  # dashboard addresses
        for target, anchor in re.findall(r'(?:href|src)="([^"#?]*)(#[^"]*)?', text):
            if target in external:
                continue
            if target.startswith(("http://", "https://", "/", "file:")):
                broken.append(f"{page.name} has a link that is not relative: {target}")
            elif target and not (page.parent / target).resolve().exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
            elif anchor.startswith("#column-"):
                linked = (page.parent / target).resolve() if target else page
                if f'id="{anchor[1:]}"' not in linked.read_text():
                    broken.append(f"{page.relative_to(site)} -> {target}{anchor}")
    assert not broken, "\n".join(broken[:20])


def test_the_site_needs_no_server_and_names_no_build_machine_path(site):
    """Publishable as-is: no script requests a file (pages open from disk), GitHub Pages publishes
    it untouched, and no page carries the folder it was built in."""
    assert (site / ".nojekyll").exists()
    for script in [*site.glob("*.js"), *(site / "static").glob("*.js")]:
        text = script.read_text()
        assert "fetch(" not in text and "XMLHttpRequest" not in text, script.name
    leaked = [str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()
              and str(PROJECT_ROOT) in path.read_text(errors="ignore")]
    assert not leaked, f"absolute paths of the build machine in {leaked[:5]}"


def test_seed_pages_show_repository_relative_paths(site, metadata):
    seeds = [node for node in metadata["nodes"].values() if node["layer"] == "seed"]
    assert seeds
    for node in seeds:
        assert node["seed_path"].startswith("seeds/data_") and (PROJECT_ROOT / node["seed_path"]).is_file(), node
        assert not Path(node["path"]).is_absolute() and (PROJECT_ROOT / node["path"]).is_file(), node
        page = (site / "models" / f"{node['name']}.html").read_text()
        assert f"<th>Seed file</th><td>{node['seed_path']}</td>" in page


def test_catalog_descriptions_are_cut_at_a_word_with_an_ellipsis(site, metadata):
    assert shorten("one two three", 20) == "one two three"
    assert shorten("alpha beta gamma delta", 13) == "alpha beta…"
    assert shorten("alpha beta, gamma", 12) == "alpha beta…"
    assert shorten("a verylongwordthatdoesnotfit", 10) == "a…"
    entries = json.loads((site / "catalog.js").read_text().removeprefix("window.CATALOG = ").rstrip(";\n"))
    cut = 0
    for entry in entries:
        full = " ".join(metadata["nodes"][entry["name"]]["description"].split())
        shown = entry["description"]
        assert len(shown) <= 240, entry["name"]
        if shown != full:
            cut += 1
            assert shown.endswith("…"), entry["name"]
            kept = shown.removesuffix("…")
            assert full.startswith(kept) and full[len(kept)] in " ,;:.-—(", (entry["name"], shown[-30:])
    assert cut > 10  # most model descriptions are longer than the catalog shows


def test_column_lineage_goes_back_to_the_source_columns(site, metadata):
    nodes = metadata["nodes"]
    episode_id = next(c for c in nodes["analytics.episodes"]["columns"] if c["name"] == "episode_id")
    assert episode_id["lineage"] == [{"model": "analytics.messaging_channels", "column": "episode_id"}]
    assert {"model": "messaging.posts", "column": "channel_id"} in episode_id["sources"]
    traced = 0
    for node in nodes.values():
        for column in node["columns"]:
            for source in column.get("sources", []):
                assert nodes[source["model"]]["layer"] in ("source", "seed"), (node["name"], column["name"], source)
            traced += bool(column.get("sources"))
    assert traced > 1500
    page = (site / "models" / "analytics.episodes.html").read_text()
    row = page[page.index('id="column-episode_id"'):]
    row = row[:row.index("</tr>")]
    # each step is linked: the chain reaches the raw column through every model in between
    for step in ("analytics.messaging_channels.html#column-episode_id",
                 "analytics.messaging_posts.html#column-episode_id", "messaging.posts.html#column-channel_id"):
        assert f'href="../models/{step}"' in row, step


def test_tableau_marts_list_the_dashboards_that_read_them(site, metadata):
    nodes, dashboards = metadata["nodes"], metadata["dashboards"]
    marts = [node for node in nodes.values() if node["layer"] == "tableau"]
    assert marts and dashboards
    unread = [mart["name"] for mart in marts if not mart["dashboards"]]
    assert not unread, f"Tableau marts read by no dashboard of exposures.yaml: {unread}"
    index = (site / "dashboards.html").read_text()
    for dashboard in dashboards:
        assert f'id="{dashboard["slug"]}"' in index
        for mart in dashboard["marts"]:
            page = (site / "models" / f"{mart}.html").read_text()
            assert f'<a href="../dashboards.html#{dashboard["slug"]}">' in page, (mart, dashboard["name"])
    cost = nodes["analytics.tableau_cost_per_chat_video_monthly"]["dashboards"]
    assert {d["name"] for d in cost} == {"Investor Update", "Finance monthly gross margin"}


@pytest.mark.parametrize("content, message", [
    ("dashboards:\n  - name: Ops\n    description: d\n    marts: [analytics.tableau_nosuch]\n",
     "dashboard 'Ops' reads 'analytics.tableau_nosuch', which is not a model"),
    ("dashboards:\n  - name: Ops\n    marts: [analytics.tableau_x]\n", "dashboard 'Ops' has no description"),
    ("dashboards:\n  - name: Ops\n    description: d\n    marts: [analytics.tableau_x]\n    owners: x\n",
     "unknown keys owners"),
    ("dashboards:\n  - name: Ops\n    description: d\n    marts: [analytics.tableau_x]\n    url: tableau/ops\n",
     "is not an http"),
    ("dashboards:\n  - name: Ops\n    description: d\n    marts: [analytics.tableau_x]\n"
     "  - name: ops\n    description: e\n    marts: [analytics.tableau_x]\n", "declares the dashboard 'ops' twice"),
    ("dashboards: [unclosed\n", "not valid YAML"),
    ("- name: Ops\n", "a list under the key 'dashboards'"),
])
def test_a_wrong_exposures_file_is_named_clearly(tmp_path, content, message):
    nodes = {"analytics.tableau_x": {"name": "analytics.tableau_x", "layer": "tableau"}}
    (tmp_path / "exposures.yaml").write_text(content)
    with pytest.raises(CatwalkError, match=re.escape(message)):
        load_exposures(tmp_path, nodes)


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


def _serve(output: Path, port: int | str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "catwalk.cli", "docs", "serve", "--output", str(output), "--port", str(port)],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.parametrize("port, problem", [("99999", "--port 99999 is not a TCP port"),
                                           ("0", "--port 0 is not a TCP port"),
                                           ("busy", "is already in use")])
def test_serve_on_a_bad_or_busy_port_says_so_in_one_line(tmp_path, port, problem):
    output = tmp_path / "never-built"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        if port == "busy":
            port = str(busy.getsockname()[1])
        server = _serve(output, port)
        try:
            _, stderr = server.communicate(timeout=60)
        finally:
            server.kill()
    assert server.returncode == 2
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and problem in lines[0] and lines[0].startswith("catwalk: error:"), stderr
    assert not output.exists()  # nothing built, nothing created


def _chromium(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"],
    )


GRAPH_GEOMETRY = """() => {
  const svg = document.getElementById("lineage-graph").getBoundingClientRect();
  const clipped = [];
  for (const node of document.querySelectorAll("#lineage-graph g.node")) {
    const rect = node.querySelector("rect").getBoundingClientRect();
    const text = node.querySelector("text").getBoundingClientRect();
    if (rect.left < svg.left - 0.5 || rect.right > svg.right + 0.5 || rect.top < svg.top - 0.5 || rect.bottom > svg.bottom + 0.5)
      clipped.push(node.dataset.name + " outside the graph");
    if (text.left < rect.left - 0.5 || text.right > rect.right + 0.5)
      clipped.push(node.dataset.name + " label wider than its box");
  }
  return {clipped, nodes: document.querySelectorAll("#lineage-graph g.node").length,
          viewBox: document.getElementById("lineage-graph").getAttribute("viewBox")};
}"""


def _check_graph_pans_zooms_and_clips_nothing(page) -> None:
    geometry = page.evaluate(GRAPH_GEOMETRY)
    assert geometry["nodes"] >= 2 and not geometry["clipped"], geometry["clipped"][:5]
    fit = geometry["viewBox"]
    page.locator("#lineage-graph").scroll_into_view_if_needed()
    box = page.locator("#lineage-graph").bounding_box()
    viewport = page.viewport_size
    # a point of the graph that is on screen (a tall graph may extend below the window)
    box["height"] = min(box["height"], viewport["height"] - max(box["y"], 0) - 10)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)  # zoom in around the pointer
    page.wait_for_function(
        "fit => document.getElementById('lineage-graph').getAttribute('viewBox') !== fit", arg=fit,
        timeout=5000,
    )
    zoomed = [float(v) for v in page.evaluate(GRAPH_GEOMETRY)["viewBox"].split()]
    assert zoomed[2] < float(fit.split()[2]), "the wheel does not zoom in"
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 120, box["y"] + box["height"] / 2 - 40, steps=5)
    page.mouse.up()
    panned = [float(v) for v in page.evaluate(GRAPH_GEOMETRY)["viewBox"].split()]
    assert panned[0] > zoomed[0] and panned[1] > zoomed[1] and panned[2] == zoomed[2], "dragging does not pan"
    page.click(".graph-controls button[data-zoom=out]")
    assert float(page.evaluate(GRAPH_GEOMETRY)["viewBox"].split()[2]) > panned[2], "the − button does not zoom out"
    page.click(".graph-controls button[data-zoom=fit]")
    geometry = page.evaluate(GRAPH_GEOMETRY)
    assert geometry["viewBox"] == fit and not geometry["clipped"], geometry["clipped"][:5]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_browser_search_open_episodes_and_see_lineage(site, tmp_path):
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = _serve(site, port)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = _chromium(playwright)
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
            _check_graph_pans_zooms_and_clips_nothing(page)
            lineage = page.locator("#column-episode_id td.column-lineage a")
            assert lineage.count() >= 1, "episode_id lists no upstream column"
            page.screenshot(path=str(tmp_path / "episodes.png"), full_page=True)
            browser.close()
        assert (tmp_path / "episodes.png").stat().st_size > 10_000
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_browser_from_disk_on_a_phone(site, tmp_path):
    """The built folder works opened from disk (as on any static host, no server), and the header
    search fits a phone screen."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _chromium(playwright)
        page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
        page.goto((site / "index.html").as_uri())
        header = page.evaluate("""() => {
          const box = (s) => document.querySelector(s).getBoundingClientRect();
          return {scroll: document.querySelector("header").scrollWidth, width: window.innerWidth,
                  input: box(".quick-search input"), picture: box("#layer-picture")};
        }""")
        assert header["scroll"] <= header["width"], header
        assert header["input"]["left"] >= 0 and header["input"]["right"] <= header["width"], header
        assert header["input"]["width"] >= 200, "the search box is too small to use"
        assert header["picture"]["right"] <= header["width"], "the layer picture overflows the phone screen"
        page.fill(".quick-search input", "tableau_active_months")
        page.press(".quick-search input", "Enter")
        page.wait_for_selector("#results tr.result")
        page.locator("#results tr.result a").first.click()
        page.wait_for_selector("#lineage-graph")
        assert page.url.startswith("file://") and page.url.endswith("analytics.tableau_active_months.html")
        geometry = page.evaluate(GRAPH_GEOMETRY)
        assert geometry["nodes"] >= 2 and not geometry["clipped"], geometry["clipped"][:5]
        page.goto((site / "catalog.html").as_uri() + "?q=investor+update")  # marts found by dashboard
        page.wait_for_selector("#results tr.result")
        found = set(page.locator("#results tr.result td:first-child a").all_inner_texts())
        assert found >= {"analytics.tableau_monthly_service_level", "analytics.tableau_cost_per_chat_video_monthly",
                         "analytics.tableau_contracts_active_monthly", "analytics.tableau_organizations_cohort"}, found
        page.go_back()
        page.wait_for_selector("#lineage-graph")
        page.locator("ul.dashboards a").first.click()
        page.wait_for_selector("section.dashboard")
        assert "Customer Success" in page.locator("section.dashboard:target h2").inner_text()
        page.screenshot(path=str(tmp_path / "phone.png"), full_page=False)
        browser.close()
