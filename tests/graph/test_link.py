"""Entity linking: GeoNames for countries, continents, US states and cities (ambiguous names
only as the article's other places settle them), ISO codes, a newsroom knowledge base; links
keep method and score; gazetteer facts are background, never an article's evidence."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from exports import export
from graph.errors import InputError
from graph.link import link_graph, normalise, read_kb
from graph.pipeline import build_text
from graph.query import load_file, select
from graph.vocab import entity_key
from newsgraph.cli import main

KB = Path(__file__).resolve().parents[1] / "fixtures" / "kb"
GEONAMES = "https://sws.geonames.org/{}/"
PARIS_FRANCE, PARIS_TEXAS = GEONAMES.format(2988507), GEONAMES.format(4717560)
SPRINGFIELD_IL, SPRINGFIELD_MA = GEONAMES.format(4250542), GEONAMES.format(4951788)
AFRICA, KYIV, TEXAS = GEONAMES.format(6255146), GEONAMES.format(703448), GEONAMES.format(4736286)


def article(*names: str, edges: tuple[tuple[str, str, str], ...] = (), aid: str = "a1"):  # noqa: ANN201
    """A hand-made one-article graph: names as "Type:Label", edges as (label, predicate, label)."""
    graph = nx.MultiDiGraph()
    keys = {}
    for name in names:
        etype, label = name.split(":")
        keys[label] = entity_key(etype, label)
        graph.add_node(keys[label], label=label, type=etype, aliases=[], articles=[aid])
    for subject, predicate, obj in edges:
        graph.add_edge(keys[subject], keys[obj], predicate=predicate, article=aid)
    return graph


def linked(graph: nx.MultiDiGraph, label: str, kb=None) -> list[dict]:  # noqa: ANN001
    link_graph(graph, kb)
    (node,) = [d for _, d in graph.nodes(data=True) if d["label"] == label]
    return node.get("links", [])


@pytest.mark.parametrize(
    "names, edges, target, method, score",
    [
        (("Place:Paris", "Country:France"), (), PARIS_FRANCE, "geonames-city-country", 0.7),
        (("Place:Paris", "Place:Lyon"), (), PARIS_FRANCE, "geonames-city-country", 0.7),
        (
            ("Place:Paris", "Place:Texas"),
            (("Paris", "locatedIn", "Texas"),),
            PARIS_TEXAS,
            "geonames-city-related",
            0.85,
        ),
        (("Place:Paris", "Place:Texas"), (), PARIS_TEXAS, "geonames-city-region", 0.8),
        (
            ("Place:Springfield", "Place:Illinois"),
            (("Springfield", "capitalOf", "Illinois"),),
            SPRINGFIELD_IL,
            "geonames-city-related",
            0.85,
        ),
        (
            ("Place:Springfield", "Place:Massachusetts", "Country:United States"),
            (),
            SPRINGFIELD_MA,
            "geonames-city-region",
            0.8,
        ),
        (("Place:Springfield", "Place:Chicago"), (), SPRINGFIELD_IL, "geonames-city-region", 0.8),
        # The article relates Paris to the United States, though it also names France.
        (
            ("Place:Paris", "Country:France", "Country:United States"),
            (("Paris", "country", "United States"),),
            PARIS_TEXAS,
            "geonames-city-related",
            0.85,
        ),
        # Two countries named, nothing relating Paris to either: population decides. Only a
        # relation whose subject is the place places it; the reverse says nothing.
        (
            ("Place:Paris", "Country:France", "Country:United States"),
            (("United States", "locatedIn", "Paris"),),
            PARIS_FRANCE,
            "geonames-city-country-population",
            0.55,
        ),
    ],
)
def test_ambiguous_city_is_linked_by_the_articles_other_places(
    names: tuple[str, ...], edges: tuple, target: str, method: str, score: float
) -> None:
    (link,) = linked(article(*names, edges=edges), names[0].split(":")[1])
    assert (link["target"], link["method"], link["score"]) == (target, method, score)
    assert link["article"] == "a1"


@pytest.mark.parametrize(
    "names, edges",
    [
        (("Place:Paris",), ()),  # nothing to go by
        (("Place:Paris", "Person:Emmanuel Macron"), ()),
        (("Place:Springfield", "Country:United States"), ()),  # many US Springfields, similar size
        (("Place:Paris", "Country:Germany"), ()),  # no Paris in the country named
    ],
)
def test_ambiguous_city_without_settling_context_is_not_linked(
    names: tuple[str, ...], edges: tuple
) -> None:
    graph = article(*names, edges=edges)
    assert linked(graph, names[0].split(":")[1]) == []
    assert not any(
        f["subject"] == entity_key(*names[0].split(":")) for f in graph.graph["background"]
    )


def test_unique_names_continents_and_states() -> None:
    graph = link_graph(article("Place:Nairobi", "Place:Africa", "Place:Texas"))
    found = {d["label"]: d["links"] for _, d in graph.nodes(data=True)}
    assert found["Nairobi"][0]["method"] == "geonames-city" and found["Nairobi"][0]["score"] == 0.9
    # "Africa" is also an alternate name of a Tunisian city: the continent comes first.
    assert [(x["target"], x["method"]) for x in found["Africa"]] == [(AFRICA, "geonames-continent")]
    assert [(x["target"], x["method"]) for x in found["Texas"]] == [(TEXAS, "geonames-region")]


def test_an_alternate_name_needs_the_article_to_support_it() -> None:
    kiev = linked(article("Place:Kiev", "Country:Ukraine"), "Kiev")
    assert [(x["target"], x["method"], x["score"]) for x in kiev] == [
        (KYIV, "geonames-city-country-alternate-name", 0.65)
    ]
    assert linked(article("Place:Kiev"), "Kiev") == []
    # "Iberia" names only a Louisiana town (New Iberia), and only as an alternate name.
    assert linked(article("Place:Iberia", "Country:Spain"), "Iberia") == []


def test_part_of_a_name_needs_a_relation_placing_it() -> None:
    # "Palmeiras" (Santa Cruz das Palmeiras, Sao Paulo state) is more often the football club.
    assert (
        linked(article("Place:Palmeiras", "Place:Sao Paulo", "Country:Brazil"), "Palmeiras") == []
    )
    assert linked(article("Place:Frankfurt", "Country:Germany"), "Frankfurt") == []
    edges = (("Frankfurt", "locatedIn", "Germany"),)
    frankfurt = linked(article("Place:Frankfurt", "Country:Germany", edges=edges), "Frankfurt")
    assert [(x["target"], x["method"]) for x in frankfurt] == [
        (GEONAMES.format(2925533), "geonames-city-related-population-short-name")
    ]


def test_a_country_named_does_not_outweigh_a_far_larger_namesake() -> None:
    # Geneva, Illinois is the only Geneva in the United States, but a tenth of Geneva's size.
    assert linked(article("Place:Geneva", "Country:United States"), "Geneva") == []
    assert linked(article("Place:Geneva", "Country:Switzerland"), "Geneva")[0]["target"] == (
        GEONAMES.format(2660646)
    )
    # A state is strong enough: the article says which Geneva it means.
    geneva = linked(article("Place:Geneva", "Place:Illinois"), "Geneva")
    assert geneva[0]["target"] == GEONAMES.format(4893591)


def test_a_country_typed_as_a_place_is_linked_and_settles_its_cities() -> None:
    graph = link_graph(article("Place:Amsterdam", "Place:Netherlands"))
    netherlands = graph.nodes["Place/netherlands"]
    assert netherlands["links"][0]["method"] == "geonames-country"
    assert "iso3166" not in netherlands  # the code belongs to Country entities
    amsterdam = graph.nodes["Place/amsterdam"]["links"]
    assert amsterdam[0]["target"] == GEONAMES.format(2759794)


def test_countries_get_geonames_and_iso_code_and_unknown_names_nothing() -> None:
    graph = link_graph(article("Country:France", "Country:Kenya", "Country:Narnia"))
    assert graph.nodes["Country/france"]["iso3166"] == "FR"
    assert graph.nodes["Country/kenya"]["iso3166"] == "KE"
    assert graph.nodes["Country/kenya"]["links"][0] == {
        "target": GEONAMES.format(192950),
        "method": "geonames-country",
        "score": 1.0,
        "article": "a1",
    }
    assert "links" not in graph.nodes["Country/narnia"]
    assert "iso3166" not in graph.nodes["Country/narnia"]


def test_gazetteer_country_is_background_with_its_source() -> None:
    graph = link_graph(article("Place:Paris", "Place:Lyon"))
    facts = sorted((f["subject"], f["object"], f["source"]) for f in graph.graph["background"])
    assert facts == [
        ("Place/lyon", "Country/france", GEONAMES.format(2996944)),
        ("Place/paris", "Country/france", PARIS_FRANCE),
    ]
    assert graph.number_of_edges() == 0  # nothing became an article's relation


def test_each_article_settles_its_own_mention_and_linking_twice_adds_nothing() -> None:
    graph = article("Place:Paris", "Country:France", aid="a1")
    texas = article("Place:Paris", "Place:Texas", aid="a2")
    graph.add_node("Place/texas", **texas.nodes["Place/texas"])
    graph.nodes["Place/paris"]["articles"].append("a2")
    link_graph(graph)
    first = (
        [dict(x) for x in graph.nodes["Place/paris"]["links"]],
        list(graph.graph["background"]),
    )
    link_graph(graph)
    assert (graph.nodes["Place/paris"]["links"], graph.graph["background"]) == first
    assert sorted((x["article"], x["target"]) for x in first[0]) == [
        ("a1", PARIS_FRANCE),
        ("a2", PARIS_TEXAS),
    ]


@pytest.mark.parametrize(
    "text, place, expected",
    [
        ("Protesters marched in Paris, the French capital, on Monday.", "Paris", PARIS_FRANCE),
        ("Students in Lyon and Paris walked out of classes on Friday.", "Paris", PARIS_FRANCE),
        ("The rodeo in Paris, Texas, drew large crowds on Saturday.", "Paris", PARIS_TEXAS),
        ("Residents of Springfield, Illinois, voted on Tuesday.", "Springfield", SPRINGFIELD_IL),
        ("Flooding hit Springfield, Massachusetts, on Monday.", "Springfield", SPRINGFIELD_MA),
    ],
)
def test_articles_through_the_pipeline(text: str, place: str, expected: str) -> None:
    graph = build_text(text)
    (node,) = [d for _, d in graph.nodes(data=True) if d["label"] == place]
    assert [x["target"] for x in node["links"]] == [expected]


def test_pipeline_without_context_or_linking_links_nothing() -> None:
    assert (
        "links" not in build_text("Officials in Paris said nothing on Monday.").nodes["Place/paris"]
    )
    assert not any("links" in d for _, d in build_text("Kenya won.", link=False).nodes(data=True))


# ---- the knowledge base ------------------------------------------------------------------
@pytest.fixture(scope="module")
def kb():  # noqa: ANN201
    return read_kb(KB / "newsroom.csv")


@pytest.mark.parametrize(
    "names, label, target, method, score",
    [
        (("Person:William Ruto",), "William Ruto", "person/william-ruto", "kb-label", 1.0),
        (("Person:william ruto",), "william ruto", "person/william-ruto", "kb-label", 1.0),
        (
            ("Person:Jose Manuel Barroso",),
            "Jose Manuel Barroso",
            "person/jose-manuel-barroso",
            "kb-label",
            1.0,
        ),
        (("Organization:KRCS",), "KRCS", "org/kenya-red-cross", "kb-alias", 0.9),
        (("Organization:the UN",), "the UN", "org/un", "kb-alias", 0.9),
        (("Organization:U.N.",), "U.N.", "org/un", "kb-alias", 0.9),
        (("Person:Odinga",), "Odinga", "person/raila-odinga", "kb-surname", 0.6),
    ],
)
def test_kb_links_by_label_alias_and_surname(kb, names, label, target, method, score) -> None:  # noqa: ANN001
    (link,) = linked(article(*names), label, kb)
    assert link["target"] == f"https://kb.example.org/{target}"
    assert (link["method"], link["score"]) == (method, score)


@pytest.mark.parametrize(
    "names, label",
    [
        (("Person:Clinton",), "Clinton"),  # two Clintons in the knowledge base
        (("Person:Odinga", "Person:Ida Odinga"), "Odinga"),  # another Odinga in the article
        (("Organization:Acme",), "Acme"),  # a label two entries share
        (("Organization:William Ruto",), "William Ruto"),  # the entry is a person
        (("Person:Baba Yaga",), "Baba Yaga"),  # an alias is matched whole, never in part
    ],
)
def test_kb_leaves_unsettled_names_unlinked(kb, names, label) -> None:  # noqa: ANN001
    assert linked(article(*names), label, kb) == []


def test_kb_through_the_pipeline(kb) -> None:  # noqa: ANN001
    graph = build_text(
        "President William Ruto met Raila Odinga in Nairobi. The Kenya Red Cross said 40 "
        "people had died. Mr Ruto said the roads would be rebuilt.",
        kb=KB / "newsroom.csv",
    )
    found = {
        d["label"]: [x["target"] for x in d.get("links", [])] for _, d in graph.nodes(data=True)
    }
    assert found["William Ruto"] == ["https://kb.example.org/person/william-ruto"]
    assert found["Raila Odinga"] == ["https://kb.example.org/person/raila-odinga"]
    assert found["Kenya Red Cross"] == ["https://kb.example.org/org/kenya-red-cross"]
    assert found["Nairobi"] == [GEONAMES.format(184745)]


def test_normalise_ignores_case_accents_dots_and_a_leading_the() -> None:
    assert normalise("The  Hague") == normalise("hague")
    assert normalise("José Manuel Barroso") == "jose manuel barroso"
    assert normalise("U.N.") == normalise("UN")
    assert normalise("Thessaloniki") == "thessaloniki"


@pytest.mark.parametrize(
    "name, message",
    [
        ("bad_header.csv", r"bad_header\.csv: expected a CSV header with iri, label"),
        ("bad_row.csv", r"bad_row\.csv:2: needs an absolute iri"),
        ("bad_type.csv", r"bad_type\.csv:3: unknown type 'Planet'"),
        ("bad_fields.csv", r"bad_fields\.csv:2: expected 4 fields"),
        ("empty.csv", r"empty\.csv: expected a CSV header"),
        ("missing.csv", r"missing\.csv: cannot read the knowledge base"),
    ],
)
def test_bad_kb_is_a_one_line_error_naming_file_and_row(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as error:
        read_kb(KB / name)
    assert "\n" not in str(error.value)


def test_cli_build_with_kb_without_linking_and_with_a_bad_kb(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    text = tmp_path / "a.txt"
    text.write_text("Raila Odinga spoke in Mombasa, Kenya, on Monday.")
    build = lambda out, *args: main(["build", str(text), "-o", str(tmp_path / out), *args])  # noqa: E731
    assert build("bad", "--kb", str(KB / "bad_row.csv")) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("bad_row.csv:2: needs an absolute iri and a label") and "\n" not in err
    assert not (tmp_path / "bad").exists()
    assert build("out", "--kb", str(KB / "newsroom.csv")) == 0
    assert "links: 3 (" in capsys.readouterr().out
    query = """SELECT ?name ?m WHERE { ?e rdfs:label ?name ; owl:sameAs ?t .
        ?l ng:linkSubject ?e ; ng:linkTarget ?t ; ng:method ?m } ORDER BY ?name"""
    rows = select(load_file(tmp_path / "out" / "graph.nq"), query).rows
    assert rows == (
        ("Kenya", "geonames-country"),
        ("Mombasa", "geonames-city"),
        ("Raila Odinga", "kb-label"),
    )
    assert build("plain", "--no-link", "-q") == 0
    assert select(load_file(tmp_path / "plain" / "graph.nq"), query).rows == ()


# ---- RDF ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def paris(tmp_path_factory):  # noqa: ANN201, ANN001
    graph = build_text("Protesters marched in Paris, the French capital, on Monday.", id="p1")
    out = tmp_path_factory.mktemp("rdf")
    return load_file(export(graph, "nquads", out / "g.nq")), load_file(
        export(graph, "turtle", out / "g.ttl")
    )


def test_links_with_method_and_score_in_the_articles_graph(paris) -> None:  # noqa: ANN001
    rows = select(
        paris[0],
        """SELECT ?g ?target ?method ?score ?source WHERE { GRAPH ?g {
        ?e owl:sameAs ?target .
        ?l a ng:Link ; ng:linkSubject ?e ; ng:linkTarget ?target ; ng:method ?method ;
           ng:confidence ?score ; prov:wasDerivedFrom ?source } ?e rdfs:label "Paris" }""",
    ).rows
    assert rows == (
        (
            "https://w3id.org/newsgraph/graph/p1",
            PARIS_FRANCE,
            "geonames-city-related",
            "0.85",
            "art:p1",  # the article, as select() abbreviates it
        ),
    )
    iso = select(paris[0], "SELECT ?c WHERE { ?e rdfs:label 'France' ; ng:iso3166Code ?c }").rows
    assert iso == (("FR",),)


def test_background_facts_are_told_apart_from_the_articles(paris) -> None:  # noqa: ANN001
    nquads, turtle = paris
    facts = select(
        nquads,
        """SELECT DISTINCT ?g WHERE {
        GRAPH ?g { ?city ng:country ?c } ?city rdfs:label "Paris" }""",
    ).rows
    assert facts == (("https://w3id.org/newsgraph/background",),)
    for store in paris:  # no statement, so no sentence presents the gazetteer's fact
        assert (
            select(store, "SELECT ?s WHERE { ?s rdf:predicate ng:country ; a ng:Statement }").rows
            == ()
        )
    # A single graph has no graph names: the fact is a described node, never a bare triple.
    assert select(turtle, "SELECT ?c WHERE { ?city ng:country ?c }").rows == ()
    rows = select(
        turtle,
        """SELECT ?label ?source WHERE { ?f a ng:BackgroundFact ; rdf:subject ?city ;
        rdf:predicate ng:country ; rdf:object ?c ; prov:wasDerivedFrom ?source .
        ?city rdfs:label "Paris" . ?c rdfs:label ?label }""",
    ).rows
    assert rows == (("France", PARIS_FRANCE),)
