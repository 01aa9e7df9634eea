"""The interactive view: one offline file, escaped text, and (in a real browser) the node
count, a clicked node's evidence, filters and search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exports import export
from exports.html import render, view_data
from graph.ingest import make_article
from graph.kg import add_article, new_graph
from graph.pipeline import build
from tests.exports.browser import browser_page, chromium_path, click_node
from tests.records import coalition_article

ROOT = Path(__file__).resolve().parents[2]
needs_browser = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed")


def test_page_is_self_contained(seed_graph) -> None:  # noqa: ANN001
    page = render(seed_graph)
    assert "vis.Network" in page
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "https://cdn" not in page and "unpkg.com" not in page


def test_script_in_a_headline_stays_text() -> None:
    graph = new_graph()
    resolved = coalition_article("x1")
    article = make_article(
        resolved.article.text, id="x1", title="<script>alert(1)</script> Oslo", detect_title=False
    )
    add_article(graph, type(resolved)(article, resolved.entities, resolved.relations))
    page = render(graph, title="<b>bold</b>")
    assert "<script>alert(1)</script>" not in page
    assert "<b>bold</b>" not in page
    assert view_data(graph)["articles"]["x1"]["title"].startswith("<script>")


def test_view_data_carries_evidence_and_wikidata() -> None:
    graph = new_graph()
    add_article(graph, coalition_article("a1"))
    data = view_data(graph)
    member = next(
        e for e in data["edges"] if e["predicate"] == "memberOf" and e["stance"] == "asserted"
    )
    assert member["wikidata"] == "P463" and member["label"] == "member of"
    assert member["sentence"].startswith("Norway")
    assert {p["id"] for p in data["predicates"]} == {"memberOf", "locatedIn"}


@pytest.fixture(scope="module")
def seed_page(seed_path, tmp_path_factory) -> Path:  # noqa: ANN001
    out = tmp_path_factory.mktemp("view") / "graph.html"
    export(build(seed_path), "html", out)
    return out


@needs_browser
def test_browser_renders_nodes_and_shows_clicked_evidence(seed_page, seed_graph) -> None:  # noqa: ANN001
    with browser_page() as page:
        page.goto(seed_page.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        counts = page.locator("#counts")
        assert int(counts.get_attribute("data-nodes")) == seed_graph.number_of_nodes()
        assert int(counts.get_attribute("data-edges")) == seed_graph.number_of_edges()
        click_node(page, "Person/emmanuel-macron")
        page.wait_for_selector("#details[data-selected='Person/emmanuel-macron']", timeout=30_000)
        details = page.inner_text("#details")
        assert "Emmanuel Macron" in details and "Macron" in page.inner_text("#details .aliases")
        assert "French President Emmanuel Macron has put forward a proposition" in details
        page.evaluate("window.newsgraph.network.fit({ animation: false })")
        page.screenshot(path=str(ROOT / "docs" / "view.png"))
        assert page.errors == []


@needs_browser
def test_browser_filters_and_search(seed_page) -> None:  # noqa: ANN001
    with browser_page() as page:
        page.goto(seed_page.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        before = int(page.get_attribute("#counts", "data-nodes"))
        page.locator("#types input[value='Person']").uncheck()
        after = int(page.get_attribute("#counts", "data-nodes"))
        assert after == before - 3
        negated = int(page.get_attribute("#counts", "data-edges"))
        page.locator("#stances input[value='negated']").uncheck()
        assert int(page.get_attribute("#counts", "data-edges")) == negated - 1
        page.fill("#search", "Amman")
        page.wait_for_selector("#details[data-selected='Place/amman']", timeout=30_000)
        assert "capital" in page.inner_text("#details")
