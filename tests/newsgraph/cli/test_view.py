"""``newsgraph view`` and ``newsgraph build --view`` end to end, as a user runs them
(subprocesses, real files), once on the seed article in a real browser."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from exports import export
from exports.rdf_read import read_graph
from graph.kg import add_article, new_graph
from tests.exports.browser import browser_page, click_node, needs_browser, open_view
from tests.records import coalition_article

ROOT = Path(__file__).resolve().parents[3]


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def page_data(path: Path) -> dict:
    """The graph data a view page carries."""
    found = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>',
        path.read_text("utf-8"),
        re.S,
    )
    assert found, f"no graph data in {path}"
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def turtle(tmp_path_factory) -> Path:
    graph = new_graph()
    add_article(graph, coalition_article("a1"))
    return export(graph, "turtle", tmp_path_factory.mktemp("rdf") / "graph.ttl")


@pytest.mark.parametrize("suffix", [".html", ".svg", ".png"])
def test_view_writes_the_format_its_suffix_names(turtle, tmp_path, suffix) -> None:  # noqa: ANN001
    out = tmp_path / f"graph{suffix}"
    result = newsgraph("view", str(turtle), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (5 entities, 4 relations)"
    if suffix == ".html":
        assert {n["label"] for n in page_data(out)["nodes"]} >= {"Norway", "Nordic Alliance"}
    elif suffix == ".svg":
        assert "Nordic Alliance" in out.read_text("utf-8")
    else:
        with Image.open(out) as image:
            assert image.format == "PNG"


def test_view_refuses_an_unknown_suffix_and_a_missing_file(turtle, tmp_path) -> None:  # noqa: ANN001
    result = newsgraph("view", str(turtle), "-o", str(tmp_path / "graph.pdf"))
    assert result.returncode != 0 and not (tmp_path / "graph.pdf").exists()
    assert "graph.pdf" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    missing = newsgraph("view", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "g.html"))
    assert missing.returncode != 0 and "none.ttl" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def seed_views(seed_path, tmp_path_factory) -> Path:  # noqa: ANN001
    """`build --view` on the seed article, then `view` of the N-Quads it wrote."""
    out = tmp_path_factory.mktemp("seed-view")
    built = newsgraph("build", str(seed_path), "-o", str(out), "--view", "-q")
    assert built.returncode == 0, built.stderr
    viewed = newsgraph("view", str(out / "graph.nq"), "-o", str(out / "view.html"))
    assert viewed.returncode == 0, viewed.stderr
    return out


def test_build_view_and_view_of_its_rdf_draw_the_same_graph(seed_views) -> None:  # noqa: ANN001
    built, viewed = page_data(seed_views / "graph.html"), page_data(seed_views / "view.html")
    assert built["nodes"] and built["edges"]
    for data in (built, viewed):  # the RDF store lists them in another order
        data["nodes"].sort(key=lambda n: n["id"])
        data["edges"].sort(key=lambda e: e["id"])
    assert built == viewed


@needs_browser
def test_seed_view_in_a_browser(seed_views, tmp_path) -> None:  # noqa: ANN001
    """The node count drawn, and the evidence of the best-connected entity once clicked.
    NEWSGRAPH_SCREENSHOT=docs/view.png saves the README's picture."""
    graph = read_graph(seed_views / "graph.nq")
    hub = max(graph.nodes, key=lambda n: (graph.degree(n), n))
    with browser_page() as page:
        open_view(page, seed_views / "graph.html")
        assert int(page.get_attribute("#counts", "data-nodes")) == graph.number_of_nodes()
        assert int(page.get_attribute("#counts", "data-edges")) == graph.number_of_edges()
        click_node(page, hub)
        page.wait_for_selector(f"#details[data-selected='{hub}']", timeout=30_000)
        assert page.inner_text("#details h1") == graph.nodes[hub]["label"]
        shown = set(page.locator("#details .evidence").all_inner_texts())
        sentences = {d["sentence"] for *_, d in graph.edges(hub, data=True)}
        sentences |= {d["sentence"] for *_, d in graph.in_edges(hub, data=True)}
        assert shown == sentences
        page.evaluate("window.newsgraph.network.fit({ animation: false })")
        shot = Path(os.environ.get("NEWSGRAPH_SCREENSHOT") or tmp_path / "view.png")
        page.screenshot(path=str(shot))
        assert page.errors == [] and page.requests == []
    with Image.open(shot) as image:
        assert image.size == (1400, 850)
