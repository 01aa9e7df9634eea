"""Pages nested deeper than lxml parses keep their text (graph/html_depth.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.html_depth import MAX_DEPTH, flatten_deep_html, too_deep_for_lxml
from graph.ingest import from_html, read_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = (
    "<p>Cyril Ramaphosa met Narendra Modi in Johannesburg on Friday to discuss trade.</p>"
    "<p>The two leaders signed an agreement on mining &amp; energy.</p>"
)


def page(depth: int, tag: str = "div", closed: bool = True) -> str:
    """A page whose story sits ``depth`` ``tag`` elements deep, with the page furniture
    (navigation, a script, a footer) at the top level."""
    return (
        "<!DOCTYPE html><html><head><title>Leaders meet</title>"
        "<script>var x = '<div>';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/sport'>Sport</a></nav>"
        + f"<{tag} class='c'>" * depth
        + STORY
        + (f"</{tag}>" * depth if closed else "")
        + "<footer>Copyright 2024 Example News</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("depth", "tag", "closed"),
    [(255, "div", True), (300, "section", True), (5000, "span", True), (3000, "div", False)],
)
def test_a_deep_page_is_built_with_its_sentence_s_entities(
    tmp_path: Path, depth: int, tag: str, closed: bool
) -> None:
    from graph import build

    path = tmp_path / "deep.html"
    path.write_text(page(depth, tag, closed), encoding="utf-8")
    graph = build(path, link=False)
    labels = {data["label"]: data["type"] for _, data in graph.nodes(data=True)}
    assert labels.get("Cyril Ramaphosa") == "Person"
    assert labels.get("Narendra Modi") == "Person"
    assert "Johannesburg" in labels
    (article,) = graph.graph["articles"].values()
    assert article["title"] == "Leaders meet"


def test_the_deep_page_text_is_the_story_without_the_furniture() -> None:
    article = from_html(page(1000), source="deep.html")
    assert article.text.splitlines() == [
        "Cyril Ramaphosa met Narendra Modi in Johannesburg on Friday to discuss trade.",
        "The two leaders signed an agreement on mining & energy.",
    ]


def test_only_pages_past_the_limit_are_flattened() -> None:
    assert not too_deep_for_lxml(page(100))
    assert not too_deep_for_lxml((FIXTURES / "page.html").read_text("utf-8"))
    assert too_deep_for_lxml(page(255))
    shallow, depth = flatten_deep_html(page(100))
    assert depth == 103  # html, body and the 100 divs, plus the p
    assert shallow.count('<div class="c">') == 100  # nothing flattened


def test_flattening_keeps_the_outer_levels_and_makes_flat_paragraphs() -> None:
    flat, depth = flatten_deep_html(page(400) + "<p>after</p>")
    assert depth == 403
    assert flat.count('<div class="c">') == MAX_DEPTH - 2  # html and body: the first two
    assert flat.count("</div>") == MAX_DEPTH - 2
    assert (
        "<p>Cyril Ramaphosa met Narendra Modi in Johannesburg on Friday to discuss trade.</p>"
        "<p>The two leaders signed an agreement on mining &amp; energy.</p>"
    ) in flat
    assert "var x = '<div>';" in flat  # a script above the limit is kept verbatim
    assert not too_deep_for_lxml(flat)


def test_script_text_below_the_limit_is_no_article_text() -> None:
    deep = "<html><body>" + "<div>" * 300 + "<script>alert('x')</script><p>Rain in Lima.</p>"
    flat, _ = flatten_deep_html(deep)
    assert "alert" not in flat and "<p>Rain in Lima.</p>" in flat


def test_a_page_with_no_text_at_any_depth_is_still_refused(tmp_path: Path) -> None:
    from graph.errors import InputError

    path = tmp_path / "empty.html"
    path.write_text("<html><body>" + "<div>" * 400 + "</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text found"):
        list(read_articles([path]))
