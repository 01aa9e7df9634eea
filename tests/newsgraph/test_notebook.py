"""The notebook display: ``newsgraph.show(graph)`` renders the view's page in a sandboxed
iframe (every character of it escaped into ``srcdoc``, so nothing runs in the notebook's own
page) and reprs as the build summary. The graph is made by hand (tests/records.py)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

import newsgraph
from exports.html import render
from graph.kg import add_article, new_graph, summary
from newsgraph.notebook import GraphView
from tests.exports.browser import browser_page, needs_browser
from tests.records import coalition_article

SCRIPT_TITLE = "<script>alert(1)</script> Oslo talks"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    g = new_graph()
    resolved = coalition_article("a1")
    add_article(g, replace(resolved, article=replace(resolved.article, title=SCRIPT_TITLE)))
    return g


def srcdoc(markup: str) -> str:
    return html.unescape(re.fullmatch(r'<iframe srcdoc="([^"]*)".*</iframe>', markup, re.S)[1])


def test_html_is_the_view_page_in_a_sandboxed_iframe(graph) -> None:  # noqa: ANN001
    view = newsgraph.show(graph)
    assert isinstance(view, GraphView) and view.graph is graph
    markup = view._repr_html_()
    assert 'sandbox="allow-scripts allow-popups"' in markup and "height: 600px" in markup
    assert srcdoc(markup) == render(graph, SCRIPT_TITLE)  # one-article graph: its headline
    for label in ("Nordic Alliance", "Norway", "Sweden", "Finland", "Oslo"):
        assert f'"label": "{label}"' in srcdoc(markup)
    assert "<script" not in markup  # the page's scripts and the headline are all escaped
    titled = newsgraph.show(graph, title="Coalition", height=400)._repr_html_()
    assert "<title>Coalition</title>" in srcdoc(titled) and "height: 400px" in titled


def test_repr_is_the_build_summary(graph) -> None:  # noqa: ANN001
    text = repr(newsgraph.show(graph))
    assert text == "newsgraph graph\n" + summary(graph)
    assert "relations: 4 (memberOf 3, locatedIn 1)" in text
    assert "stances: asserted 1, negated 1, proposed 1, reported 1" in text  # ties by name


def test_save_writes_the_page(graph, tmp_path: Path) -> None:  # noqa: ANN001
    path = newsgraph.show(graph, title="Coalition").save(tmp_path / "view" / "graph.html")
    assert path.read_text("utf-8") == render(graph, "Coalition")


@needs_browser
def test_browser_draws_the_graph_inside_the_iframe(graph, tmp_path: Path) -> None:  # noqa: ANN001
    """A notebook cell's output, as a page: the iframe's view draws every entity offline."""
    cell = tmp_path / "cell.html"
    output = newsgraph.show(graph)._repr_html_()
    cell.write_text(f"<!DOCTYPE html><html><body>{output}</body></html>", "utf-8")
    with browser_page() as page:
        page.goto(cell.as_uri())
        frame = page.frame_locator("iframe")
        frame.locator("body[data-ready='1']").wait_for(timeout=120_000)
        counts = frame.locator("#counts")
        assert int(counts.get_attribute("data-nodes")) == graph.number_of_nodes() == 5
        assert int(counts.get_attribute("data-edges")) == graph.number_of_edges()
        assert page.evaluate("typeof window.newsgraph") == "undefined"  # ran in the iframe only
        assert page.errors == [] and page.requests == []
