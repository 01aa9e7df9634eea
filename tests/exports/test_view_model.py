"""What the view draws and says, without a browser: entities drawn by default, communities,
parallel relations fanned out, and the panel's plain words (exports/view_model.py)."""

from __future__ import annotations

import networkx as nx
import pytest

from exports.html import view_data
from exports.view_model import (
    communities,
    drawn_entities,
    edge_curves,
    edge_label,
    evidence_span,
    prominence,
    stance_words,
    wikidata_link,
)
from graph.kg import new_graph
from graph.vocab import relation_schema

SENTENCE = "Christian Horner said Red Bull had not joined the league."


def add(graph: nx.MultiDiGraph, key: str, label: str | None = None, **extra: object) -> str:
    graph.add_node(
        key,
        label=label or key.split("/")[1].replace("-", " ").title(),
        type=key.split("/")[0],
        aliases=[],
        mentions=1,
        articles=["a1"],
        **extra,
    )
    return key


def relate(
    graph: nx.MultiDiGraph, u: str, predicate: str, v: str, stance: str = "asserted", **extra
) -> str:  # noqa: ANN003
    key = f"s{graph.number_of_edges()}"
    data = {
        "predicate": predicate,
        "stance": stance,
        "confidence": 0.9,
        "extractor": "test",
        "article": "a1",
        "sentence": SENTENCE,
        "sentence_start": 100,
        "start": 100,
        "end": 117,
        "speaker": None,
    }
    graph.add_edge(u, v, key=key, **{**data, **extra})
    return key


@pytest.fixture
def story() -> nx.MultiDiGraph:
    """Two clusters joined by one relation, a date, a quantity and an entity in no relation."""
    g = new_graph()
    g.graph["articles"]["a1"] = {"title": "T", "date": None, "url": None}
    for name in (
        "Person/a",
        "Person/b",
        "Person/c",
        "Person/e",
        "Organization/x",
        "Organization/y",
    ):
        add(g, name)
    add(g, "Person/d")  # in no relation
    add(g, "Date/may-2024", "May 2024", date_value="2024-05")
    add(g, "Quantity/nine", "nine", numeric_value=9)
    add(g, "Group/fans")
    relate(g, "Person/a", "memberOf", "Organization/x")
    relate(g, "Person/b", "memberOf", "Organization/x")
    relate(g, "Person/e", "memberOf", "Organization/x")
    relate(g, "Person/a", "meets", "Person/b")
    relate(g, "Person/c", "memberOf", "Organization/y")
    relate(g, "Organization/x", "affiliatedWith", "Organization/y")
    relate(g, "Group/fans", "quantity", "Quantity/nine")
    relate(g, "Group/fans", "supports", "Organization/y")
    relate(g, "Organization/x", "pointInTime", "Date/may-2024")
    return g


def test_dates_quantities_and_entities_in_no_relation_are_not_drawn(story) -> None:  # noqa: ANN001
    drawn = drawn_entities(story)
    assert "Person/d" not in drawn
    assert "Date/may-2024" not in drawn and "Quantity/nine" not in drawn
    assert drawn == {
        "Person/a",
        "Person/b",
        "Person/c",
        "Person/e",
        "Organization/x",
        "Organization/y",
        "Group/fans",
    }


def test_a_graph_of_dates_alone_draws_nothing() -> None:
    g = new_graph()
    add(g, "Event/match")
    add(g, "Date/monday")
    relate(g, "Event/match", "pointInTime", "Date/monday")
    assert drawn_entities(g) == set()  # the event's only fact is a date: drawn with everything


def test_dates_and_quantities_are_folded_into_the_panels_of_their_facts(story) -> None:  # noqa: ANN001
    nodes = {n["id"]: n for n in view_data(story)["nodes"]}
    assert [(v["label"], v["text"]) for v in nodes["Group/fans"]["values"]] == [
        ("quantity", "nine (9)")
    ]
    assert nodes["Quantity/nine"]["drawn"] is False and nodes["Group/fans"]["drawn"] is True
    assert nodes["Person/d"]["values"] == [] and nodes["Person/d"]["community"] is None


def test_communities_are_seeded_numbered_by_size_and_independent_of_order(story) -> None:  # noqa: ANN001
    found = communities(story)
    assert found["Person/a"] == found["Person/b"] == found["Organization/x"]
    assert found["Person/c"] == found["Organization/y"] != found["Person/a"]
    assert found["Person/a"] == 0  # the larger community comes first
    reversed_graph = new_graph()
    reversed_graph.add_nodes_from(reversed(list(story.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(story.edges(keys=True, data=True))))
    assert communities(reversed_graph) == found


def test_the_most_connected_entity_ranks_first(story) -> None:  # noqa: ANN001
    rank = prominence(story, drawn_entities(story))
    assert rank["Organization/x"] == 0 and sorted(rank.values()) == list(range(len(rank)))


def test_parallel_relations_are_fanned_out_on_both_sides() -> None:
    g = new_graph()
    add(g, "Country/israel")
    add(g, "Organization/coalition")
    add(g, "Person/p")
    excluded = relate(g, "Country/israel", "excludedFrom", "Organization/coalition")
    negated = relate(g, "Country/israel", "memberOf", "Organization/coalition", "negated")
    alone = relate(g, "Person/p", "citizenOf", "Country/israel")
    curves = edge_curves(g)
    assert alone not in curves  # drawn straight
    assert {curves[excluded][0], curves[negated][0]} == {"curvedCW", "curvedCCW"}
    assert curves[excluded][1] == curves[negated][1] > 0
    # two relations in opposite directions bend the same way seen from their own start,
    # which puts them on opposite sides of the line
    g2 = new_graph()
    add(g2, "Person/a")
    add(g2, "Person/b")
    ab = relate(g2, "Person/a", "meets", "Person/b")
    ba = relate(g2, "Person/b", "meets", "Person/a")
    assert edge_curves(g2)[ab][0] == edge_curves(g2)[ba][0]
    third = relate(g2, "Person/a", "meets", "Person/b")
    curves = edge_curves(g2)
    assert sum(key not in curves for key in (ab, ba, third)) == 1  # the middle of three is straight


@pytest.mark.parametrize(
    ("stance", "speaker", "label", "words"),
    [
        ("asserted", None, "member of", "stated by the article"),
        ("negated", None, "not member of", "negated: the article says this is not so"),
        ("proposed", None, "member of (proposed)", "proposed: put forward, not (yet) the case"),
        ("reported", "Christian Horner", "member of (reported)", "said by Christian Horner"),
        ("reported", None, "member of (reported)", "reported, speaker not named"),
    ],
)
def test_stance_in_plain_words(stance, speaker, label, words) -> None:  # noqa: ANN001
    assert edge_label("member of", stance) == label
    assert stance_words(stance, speaker) == words


def test_panel_words_come_from_the_ontology_and_link_wikidata(story) -> None:  # noqa: ANN001
    schema = relation_schema()
    assert schema["positionHeld"].label == "position held"
    link = wikidata_link(schema["positionHeld"])
    assert link == {
        "id": "P39",
        "url": "https://www.wikidata.org/wiki/Property:P39",
        "match": "same meaning",
    }
    speaker = add(story, "Person/christian-horner", "Christian Horner")
    key = relate(story, "Organization/x", "memberOf", "Organization/y", "reported", speaker=speaker)
    data = view_data(story)
    edge = next(e for e in data["edges"] if e["id"] == key)
    assert edge["label"] == "member of" and edge["stance_words"] == "said by Christian Horner"
    assert SENTENCE[slice(*edge["span"])] == "Christian Horner "
    member = next(p for p in data["predicates"] if p["id"] == "memberOf")
    assert member["drawn"]["reported"] == "member of (reported)"
    assert member["drawn"]["negated"] == "not member of"
    assert member["wikidata"]["url"] == "https://www.wikidata.org/wiki/Property:P463"
    assert data["stance_words"]["negated"] == "negated: the article says this is not so"
    asserted = next(e for e in data["edges"] if e["stance"] == "asserted")
    assert "stance_words" not in asserted  # said once, in data["stance_words"]


def test_evidence_span_outside_its_sentence_is_dropped() -> None:
    assert (
        evidence_span({"sentence": "Short.", "sentence_start": 10, "start": 12, "end": 40}) is None
    )
    assert evidence_span(
        {"sentence": "Short one.", "sentence_start": 10, "start": 16, "end": 19}
    ) == (6, 9)
