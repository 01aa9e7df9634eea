"""The interactive view: one offline file, escaped text, and, in a real browser, the node
count, a clicked node's and edge's evidence, filters and search. The graphs are made by hand
(tests/records.py), so these tests do not move when the extractors improve."""

from __future__ import annotations

import re
from dataclasses import replace

import networkx as nx
import pytest

from exports import export
from exports.html import VIS_VERSION, layout, render, view_data
from graph.kg import add_article, new_graph
from graph.vocab import relation_schema
from tests.exports.browser import (
    browser_page,
    click_edge,
    click_node,
    needs_browser,
    open_view,
    wait_laid_out,
)
from tests.exports.synthetic import synthetic_graph, with_values
from tests.records import coalition_article

SCRIPT_TITLE = "<script>alert(1)</script> Oslo talks"


def titled(article_id: str, title: str):  # noqa: ANN201
    resolved = coalition_article(article_id)
    return replace(resolved, article=replace(resolved.article, title=title))


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    """Two articles telling the same story; the second one's headline holds a script tag."""
    g = new_graph()
    add_article(g, titled("a1", "Nordic alliance meets"))
    add_article(g, titled("a2", SCRIPT_TITLE))
    return g


@pytest.fixture(scope="module")
def page_path(graph, tmp_path_factory):  # noqa: ANN001, ANN201
    return export(graph, "html", tmp_path_factory.mktemp("view") / "graph.html")


def edge_key(graph: nx.MultiDiGraph, predicate: str, stance: str, article: str) -> str:
    return next(
        k
        for _, _, k, d in graph.edges(keys=True, data=True)
        if (d["predicate"], d["stance"], d["article"]) == (predicate, stance, article)
    )


def test_page_is_self_contained(graph) -> None:  # noqa: ANN001
    page = render(graph)
    assert "vis.Network" in page
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "https://cdn" not in page and "unpkg.com" not in page


def test_script_in_a_headline_stays_text(graph) -> None:  # noqa: ANN001
    page = render(graph, title="<b>bold</b>")
    assert "<script>alert(1)</script>" not in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert view_data(graph)["articles"]["a2"]["title"] == SCRIPT_TITLE


def test_view_data_carries_evidence_and_wikidata(graph) -> None:  # noqa: ANN001
    data = view_data(graph)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    member = next(
        e for e in data["edges"] if e["predicate"] == "memberOf" and e["stance"] == "asserted"
    )
    assert member["label"] == "member of"
    wikidata = {p["id"]: p["wikidata"]["id"] for p in data["predicates"]}
    assert wikidata["memberOf"] == "P463"
    assert member["sentence"].startswith("Norway")
    assert {p["id"]: p["count"] for p in data["predicates"]} == {"memberOf": 6, "locatedIn": 2}
    norway = next(n for n in data["nodes"] if n["id"] == "Country/norway")
    assert norway["aliases"] == ["Norge"] and norway["articles"] == ["a1", "a2"]


def test_graphs_are_laid_out_before_the_page_opens() -> None:
    big = synthetic_graph(600, 900)
    alone = [n for n in big if big.degree(n) == 0]
    assert alone
    positions = layout(big)
    assert positions == layout(big) and set(positions) == set(big)  # seeded, complete
    assert len(set(positions.values())) == len(positions)
    lowest_linked = max(y for n, (_, y) in positions.items() if big.degree(n))
    assert all(positions[n][1] > lowest_linked for n in alone)  # in rows beneath
    data = view_data(big)
    assert all((n["x"], n["y"]) == positions[n["id"]] for n in data["nodes"])


def test_each_component_is_laid_out_apart() -> None:
    """Two stories sharing no entity do not overlap on the canvas."""
    g = synthetic_graph(40, 60, seed=3)
    other = synthetic_graph(40, 60, seed=4)
    g.add_nodes_from((f"x{n}", d) for n, d in other.nodes(data=True))
    g.add_edges_from((f"x{u}", f"x{v}", k, d) for u, v, k, d in other.edges(keys=True, data=True))
    positions = layout(g)
    linked = nx.Graph((u, v) for u, v in g.edges() if u != v)
    boxes = []
    for component in nx.connected_components(linked):
        xs = [positions[n][0] for n in component]
        ys = [positions[n][1] for n in component]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]


@needs_browser
def test_browser_draws_every_node_and_shows_a_clicked_node(graph, page_path) -> None:  # noqa: ANN001
    with browser_page() as page:
        open_view(page, page_path)
        counts = page.locator("#counts")
        assert int(counts.get_attribute("data-nodes")) == graph.number_of_nodes()
        assert int(counts.get_attribute("data-edges")) == graph.number_of_edges()
        assert page.evaluate("window.newsgraph.network.body.nodeIndices.length") == 5
        click_node(page, "Country/norway")
        page.wait_for_selector("#details[data-selected='Country/norway']", timeout=30_000)
        assert page.inner_text("#details h1") == "Norway"
        assert page.inner_text("#details .type") == "Country"
        assert page.inner_text("#details .aliases") == "Norge"
        facts = page.locator("#details .fact")
        assert facts.count() == graph.degree("Country/norway")  # 2 articles x 2 relations
        evidence = page.locator("#details .evidence").all_inner_texts()
        assert set(evidence) == {
            graph.edges[e]["sentence"] for e in graph.edges("Country/norway", keys=True)
        }
        links = page.locator("#details .fact .secondary a")
        schema = relation_schema()
        expected = {
            schema[d["predicate"]].wikidata for *_, d in graph.edges("Country/norway", data=True)
        }
        expected |= {
            schema[d["predicate"]].wikidata for *_, d in graph.in_edges("Country/norway", data=True)
        }
        assert set(links.all_inner_texts()) == expected and "P463" in expected
        assert links.first.get_attribute("href").startswith(
            "https://www.wikidata.org/wiki/Property:"
        )
        sources = "\n".join(page.locator("#details .fact .source").all_inner_texts())
        assert "Nordic alliance meets" in sources and SCRIPT_TITLE in sources
        assert page.errors == [] and page.requests == []


@needs_browser
def test_browser_shows_a_clicked_edge_with_its_wikidata_property(graph, page_path) -> None:  # noqa: ANN001
    key = edge_key(graph, "memberOf", "proposed", "a1")
    with browser_page() as page:
        open_view(page, page_path)
        click_edge(page, key)
        page.wait_for_selector(f"#details[data-selected='{key}']", timeout=30_000)
        assert page.inner_text("#details h1") == "Sweden member of (proposed) Nordic Alliance"
        assert page.inner_text("#details .wikidata a") == "P463"
        assert page.get_attribute("#details .wikidata a", "href") == (
            "https://www.wikidata.org/wiki/Property:P463"
        )
        assert page.inner_text("#details .stance-words").startswith("proposed")
        assert (
            page.inner_text("#details .evidence")
            == graph.edges["Country/sweden", "Organization/nordic-alliance", key]["sentence"]
        )
        assert page.errors == []


@needs_browser
def test_browser_filters_and_search(graph, page_path) -> None:  # noqa: ANN001
    def shown() -> tuple[int, int]:
        counts = page.locator("#counts")
        return int(counts.get_attribute("data-nodes")), int(counts.get_attribute("data-edges"))

    stances = nx.get_edge_attributes(graph, "stance")
    with browser_page() as page:
        open_view(page, page_path)
        nodes, edges = shown()
        page.locator("#stances input[value='negated']").uncheck()
        # Finland's only relation is negated: with it, Finland goes
        assert shown() == (nodes - 1, edges - list(stances.values()).count("negated"))
        page.locator("#stances input[value='negated']").check()
        page.locator("#predicates input[value='locatedIn']").uncheck()
        assert shown() == (nodes - 1, edges - 2)  # Oslo's relations are both located-in
        page.locator("#predicates input[value='locatedIn']").check()
        page.locator("#types input[value='Place']").uncheck()  # Oslo, and its located-in
        assert shown() == (nodes - 1, edges - 2)
        page.locator("#types input[value='Place']").check()
        page.select_option("#article", "a2")
        assert shown() == (nodes, edges // 2)
        wait_laid_out(page)
        page.click("#back")
        assert shown() == (nodes, edges)
        wait_laid_out(page)
        page.fill("#search", "norge")  # an alias
        page.wait_for_selector("#details[data-selected='Country/norway']", timeout=30_000)
        assert page.evaluate("window.newsgraph.network.getSelectedNodes()") == ["Country/norway"]
        assert page.errors == []


@needs_browser
def test_browser_shows_a_script_headline_as_text(page_path) -> None:  # noqa: ANN001
    with browser_page() as page:
        open_view(page, page_path)
        assert page.locator("#article option[value='a2']").inner_text() == SCRIPT_TITLE
        assert page.locator("script").count() == 3  # the data, vis-network, the page's own
        assert page.errors == []  # a dialog from alert() would be recorded here


@needs_browser
def test_browser_corpus_scale_view(tmp_path) -> None:  # noqa: ANN001
    """Past 2,000 relations dashes are drawn only when zoomed in, and a hub's panel lists its
    first 200 relations (bench/view_load.py measures why)."""
    big = synthetic_graph(600, 2500)
    hub = max(big.nodes, key=big.degree)
    proposed = next(k for *_, k, d in big.edges(keys=True, data=True) if d["stance"] == "proposed")
    dashes = f"window.newsgraph.network.body.edges[{proposed!r}].options.dashes"
    with browser_page() as page:
        open_view(page, export(big, "html", tmp_path / "big.html"))
        drawn = sum(1 for n in big if big.degree(n))
        assert int(page.get_attribute("#counts", "data-nodes")) == drawn
        arrow = f"window.newsgraph.network.body.edges[{proposed!r}].options.arrows.to.enabled"
        assert page.evaluate(dashes) is False and page.evaluate(arrow) is False
        page.evaluate(
            "window.newsgraph.network.moveTo({ scale: 1 }); window.newsgraph.network.redraw()"
        )
        assert page.evaluate(dashes) == [8, 5] and page.evaluate(arrow) is True
        page.evaluate(f"window.newsgraph.showNode({hub!r})")
        relations = sum(hub in (u, v) for u, v in big.edges())  # a self-loop once
        assert page.locator("#details .fact").count() == 200 < relations
        assert page.text_content("#details h2") == f"relations ({relations})"
        assert page.errors == []


def test_the_script_is_the_vendored_one_not_pyvis(graph) -> None:  # noqa: ANN001
    import sys

    page = render(graph)
    assert f"@version {VIS_VERSION}" in page and "pyvis" not in sys.modules


@needs_browser
def test_browser_corpus_reading(tmp_path) -> None:  # noqa: ANN001
    """Dates and quantities are not drawn until asked for; choosing an article draws its
    entities only, laid out again; an entity's ego view draws its neighbours only; back."""
    g = with_values(synthetic_graph(90, 160, seed=5, articles=3))
    values = {n for n, d in g.nodes(data=True) if d["type"] in ("Date", "Quantity")}
    drawn = {n["id"] for n in view_data(g)["nodes"] if n["drawn"]}
    shown = "[...window.newsgraph.shown().nodes]"
    drawn_ids = "window.newsgraph.network.body.nodeIndices"
    positions = "window.newsgraph.network.getPositions()"
    with browser_page() as page:
        open_view(page, export(g, "html", tmp_path / "g.html"))
        assert set(page.evaluate(drawn_ids)) == drawn and not values & drawn
        before = page.evaluate(positions)
        page.check("#show-all")
        wait_laid_out(page)
        assert values <= set(page.evaluate(drawn_ids))
        page.uncheck("#show-all")
        wait_laid_out(page)

        page.select_option("#article", "a1")
        wait_laid_out(page)
        in_article = {
            n
            for u, v, d in g.edges(data=True)
            if d["article"] == "a1" and not {u, v} & values
            for n in (u, v)
        }
        assert set(page.evaluate(drawn_ids)) == in_article
        after = page.evaluate(positions)
        moved = [n for n in after if n in before and after[n] != before[n]]
        assert len(moved) > len(after) / 2  # laid out again, not left where they were
        assert "Article 1" in page.inner_text("#focus")

        page.click("#back")
        wait_laid_out(page)
        hub = max(drawn, key=g.degree)
        page.evaluate(f"window.newsgraph.ego({hub!r})")
        wait_laid_out(page)
        neighbours = {n for n in nx.all_neighbors(g, hub)} | {hub}
        assert set(page.evaluate(drawn_ids)) == neighbours - values
        assert set(page.evaluate(shown)) == neighbours - values
        assert page.inner_text("#details h1") == g.nodes[hub]["label"]
        page.keyboard.press("Escape")
        wait_laid_out(page)
        assert set(page.evaluate(drawn_ids)) == drawn
        assert page.evaluate("window.newsgraph.network.getPositions()") == before  # Python's
        assert page.errors == [] and page.requests == []
