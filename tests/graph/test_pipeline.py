"""graph.pipeline: one article per id, whatever the policy for a second one."""

from __future__ import annotations

import pytest

from graph.errors import InputError
from graph.ingest import make_article
from graph.pipeline import build, one_per_id


def _article(article_id: str, text: str, source: str):  # noqa: ANN202
    return make_article(text, id=article_id, source=source, detect_title=False)


FEED = [
    _article("a", "Snow fell in Oslo on Monday.", "feed:1"),
    _article("b", "Rain fell in Lima.", "feed:2"),
    _article("a", "Kenyatta met Museveni in Kampala.", "feed:3"),
    _article("a", "Modi spoke in Mumbai.", "feed:4"),
]


def test_error_refuses_each_later_article_of_an_id() -> None:
    with pytest.raises(InputError, match="feed:3: article id 'a' was already read from feed:1"):
        list(one_per_id(FEED))
    refused: list[InputError] = []
    kept = list(one_per_id(FEED, "error", on_error=refused.append))
    assert [a.source for a in kept] == ["feed:1", "feed:2"]
    assert [str(e) for e in refused] == [
        "feed:3: article id 'a' was already read from feed:1",
        "feed:4: article id 'a' was already read from feed:1",
    ]


def test_skip_keeps_the_first_and_names_each_later_one() -> None:
    notices: list[str] = []
    kept = list(one_per_id(FEED, "skip", on_notice=notices.append))
    assert [a.source for a in kept] == ["feed:1", "feed:2"]
    assert notices == [
        "feed:3: article id 'a' was already read from feed:1; skipped, the first is kept",
        "feed:4: article id 'a' was already read from feed:1; skipped, the first is kept",
    ]


def test_replace_keeps_the_last_at_its_place() -> None:
    notices: list[str] = []
    kept = list(one_per_id(FEED, "replace", on_notice=notices.append))
    assert [a.source for a in kept] == ["feed:2", "feed:4"]
    assert notices == [
        "feed:1: article id 'a' is read again from feed:3; replaced by that later article",
        "feed:3: article id 'a' is read again from feed:4; replaced by that later article",
    ]


def test_no_duplicate_passes_through_unchanged() -> None:
    distinct = [FEED[0], FEED[1]]
    for policy in ("error", "skip", "replace"):
        assert list(one_per_id(distinct, policy)) == distinct


def test_build_keeps_one_article_of_an_id_and_never_merges_two() -> None:
    first = _article("a", "Cyril Ramaphosa visited Lagos on Monday.", "one")
    second = _article("a", "Olaf Scholz visited Hamburg on Friday.", "two")
    labels = lambda graph: {d["label"] for _, d in graph.nodes(data=True)}  # noqa: E731
    skipped = build([first, second], on_duplicate="skip", link=False)
    assert {"Cyril Ramaphosa", "Lagos"} <= labels(skipped)
    assert "Olaf Scholz" not in labels(skipped)
    replaced = build([first, second], on_duplicate="replace", link=False)
    assert {"Olaf Scholz", "Hamburg"} <= labels(replaced)
    assert "Cyril Ramaphosa" not in labels(replaced)
    assert list(replaced.graph["articles"]) == ["a"]
    assert replaced.graph["articles"]["a"]["source"] == "two"
    with pytest.raises(InputError, match="two: article id 'a' was already read from one"):
        build([first, second], link=False)
    with pytest.raises(ValueError, match="on_duplicate"):
        build([first], on_duplicate="merge")


FAILING_EXTRACTION = """
import graph.pipeline as pipeline
from graph.ingest import make_article

def failing(article, doc, **options):
    raise RuntimeError("extraction failed")

pipeline.resolve_parsed = failing
articles = [make_article(f"Report {n}. Ruto met Museveni.", id=f"r{n}") for n in range(6)]
list(pipeline.resolve_articles(articles, jobs=2, batch_size=2))
"""


def test_a_failure_downstream_stops_the_parsing_workers() -> None:
    """With --jobs 2 an error in extraction used to leave spaCy's workers waiting for texts,
    and the interpreter waited for them at exit: the process never ended."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", FAILING_EXTRACTION], capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 1
    assert "RuntimeError: extraction failed" in run.stderr


def _facts(text: str) -> set[tuple[str, str, str]]:
    from graph.pipeline import build_text

    kg = build_text(text)
    label = {n: d["label"] for n, d in kg.nodes(data=True)}
    return {(label[u], d["predicate"], label[v]) for u, v, d in kg.edges(data=True)}


def test_a_unit_named_after_its_parent_is_not_the_parent() -> None:
    facts = _facts(
        "Nestle has bought a majority stake in Pure Encapsulations. The firm will become part "
        "of Nestle Health Science, a unit of Nestle. Nestle chief executive Mark Schneider "
        "said health products were a priority."
    )
    assert ("Nestle Health Science", "parentOrganization", "Nestle") in facts
    assert ("Mark Schneider", "leaderOf", "Nestle") in facts
    assert ("Mark Schneider", "leaderOf", "Nestle Health Science") not in facts


def test_the_company_as_a_subject_is_the_last_sentence_s_subject() -> None:
    facts = _facts(
        "Shares in Pure Encapsulations rose. Pure Encapsulations, a maker of vitamins, will "
        "become part of Nestle Health Science, a unit of Nestle. The company was founded in "
        "1991 by Edward Miller, a pharmacist."
    )
    assert ("Pure Encapsulations", "foundedBy", "Edward Miller") in facts
    assert ("Nestle", "foundedBy", "Edward Miller") not in facts
