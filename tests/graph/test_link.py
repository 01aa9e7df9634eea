"""Entity linking: GeoNames for countries and cities (ambiguous names only with context),
ISO codes, a newsroom knowledge base; links keep method and score; gazetteer facts are
background, never an article's evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports import export
from graph.errors import InputError
from graph.link import link_graph, read_kb
from graph.pipeline import build_text
from graph.query import load_file, select

KB = Path(__file__).resolve().parents[1] / "fixtures" / "kb"
PARIS_FRANCE = "https://sws.geonames.org/2988507/"
PARIS_TEXAS = "https://sws.geonames.org/4717560/"


def links(text: str, kb=None) -> dict[str, list[dict]]:  # noqa: ANN001
    graph = link_graph(build_text(text, link=False), kb)
    return {d["label"]: d.get("links", []) for _, d in graph.nodes(data=True)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Protesters marched in Paris, the French capital, on Monday.", PARIS_FRANCE),
        ("Students in Lyon and Paris, France, walked out.", PARIS_FRANCE),
        ("The rodeo in Paris, Texas, drew crowds from the United States and Mexico.", PARIS_TEXAS),
    ],
)
def test_ambiguous_city_is_linked_by_the_articles_other_places(text: str, expected: str) -> None:
    (link,) = links(text)["Paris"]
    assert link["target"] == expected
    assert link["method"] == "geonames-city-in-article-country" and link["score"] == 0.8


def test_ambiguous_city_without_context_is_not_linked() -> None:
    assert links("Officials in Paris said nothing on Monday.")["Paris"] == []


def test_unambiguous_city_and_country_are_linked_with_iso_code() -> None:
    graph = link_graph(build_text("Floods hit Nairobi, the capital of Kenya.", link=False))
    kenya = graph.nodes["Country/kenya"]
    assert kenya["iso3166"] == "KE"
    assert kenya["links"][0]["method"] == "geonames-country"
    nairobi = graph.nodes["Place/nairobi"]["links"][0]
    assert nairobi["target"].startswith("https://sws.geonames.org/") and nairobi["score"] == 0.9


def test_knowledge_base_links_people_and_organisations() -> None:
    kb = read_kb(KB / "newsroom.csv")
    found = links("William Ruto met Raila Odinga. The Kenya Red Cross said 40 people died.", kb)
    assert found["William Ruto"][0]["target"] == "https://kb.example.org/person/william-ruto"
    assert found["William Ruto"][0]["method"] == "kb-label"
    assert found["Raila Odinga"][0]["score"] == 1.0
    assert found["Kenya Red Cross"][0]["target"].endswith("/org/kenya-red-cross")


def test_shared_surname_is_not_linked_from_the_kb() -> None:
    kb = read_kb(KB / "newsroom.csv")
    assert links("Clinton said the plan would fail.", kb)["Clinton"] == []
    ruto = links("Mr Ruto said the roads would be rebuilt.", kb)["Ruto"]
    assert ruto and ruto[0]["method"] in {"kb-alias", "kb-surname"}


@pytest.mark.parametrize(
    "name, message",
    [("bad_header.csv", "CSV header"), ("bad_row.csv", ":2:"), ("missing.csv", "cannot read")],
)
def test_bad_kb_is_a_one_line_error(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_kb(KB / name)


def test_links_and_background_in_rdf(tmp_path: Path) -> None:
    graph = build_text("Protesters marched in Paris, the French capital, on Monday.")
    store = load_file(export(graph, "nquads", tmp_path / "g.nq"))
    rows = select(
        store,
        """SELECT ?target ?method ?score WHERE {
        ?e rdfs:label "Paris" ; owl:sameAs ?target .
        ?l a ng:Link ; ng:linkSubject ?e ; ng:linkTarget ?target ; ng:method ?method ;
           ng:confidence ?score }""",
    ).rows
    assert rows == ((PARIS_FRANCE, "geonames-city-in-article-country", "0.8"),)
    background = select(
        store,
        """SELECT ?g WHERE { GRAPH ?g {
        ?e rdfs:label "Paris" . } }""",
    ).rows
    facts = select(store, """SELECT ?g WHERE { GRAPH ?g { ?city ng:country ?c } }""").rows
    assert facts == (("https://w3id.org/newsgraph/background",),)
    statements = select(store, "SELECT ?s WHERE { ?s rdf:predicate ng:country }").rows
    assert statements == ()
    assert background
