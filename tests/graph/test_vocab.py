"""Vocab: IRIs are deterministic and valid for any text; the relation schema is complete."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import RDFS

from graph.errors import SchemaError
from graph.model import EntityType
from graph.vocab import (
    ENTITY,
    NG,
    article_graph_iri,
    article_iri,
    check_predicate,
    entity_iri,
    entity_key,
    extractor_iri,
    relation_schema,
    slug,
    statement_iri,
)

NAMES = [
    "Emmanuel Macron",
    "Macron’s",
    "Mahmoud Abbas's",
    'The "Quoted" Brigade',
    "“Operation Dawn”",
    "São Paulo",
    "Zürich",
    "Ngũgĩ wa Thiong'o",
    "北京",
    "محمود عباس",
    "Москва",
    "🔥",
    "🔥 Fire Brigade 🚒",
    "  leading and trailing spaces  ",
    "tab\tand\nnewline",
    "a/b?c#d&e=f",
    "<script>alert(1)</script>",
    "100% {curly} [square] |pipe| ^caret^ `tick` \\back\\",
    "AT&T",
    "-",
    "",
    "x" * 500,
]
# Characters RFC 3987 forbids in an IRI, plus whitespace and controls.
FORBIDDEN = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')


def _check_with_parsers(iri: str) -> None:
    """Both rdflib and pyoxigraph accept a triple whose subject is ``iri``."""
    line = f'<{iri}> <{RDFS.label}> "x" .\n'
    graph = rdflib.Graph().parse(data=line, format="nt")
    assert {str(s) for s in graph.subjects()} == {iri}
    (quad,) = list(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert quad.subject.value == iri


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("etype", list(EntityType))
def test_entity_iri_is_valid_for_any_text(name: str, etype: EntityType) -> None:
    iri = str(entity_iri(entity_key(etype.value, name)))
    assert iri.startswith(str(ENTITY))
    assert not FORBIDDEN.search(iri), iri
    _check_with_parsers(iri)


@pytest.mark.parametrize("name", NAMES)
def test_entity_iri_survives_a_turtle_round_trip(name: str) -> None:
    graph = rdflib.Graph()
    iri = entity_iri(entity_key("Person", name))
    graph.add((iri, RDFS.label, Literal(name)))
    turtle = graph.serialize(format="turtle")
    assert set(rdflib.Graph().parse(data=turtle, format="turtle")) == set(graph)
    store = ox.Store()
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert [q.subject.value for q in store] == [str(iri)]


@pytest.mark.parametrize("name", NAMES)
def test_minting_is_deterministic(name: str) -> None:
    assert entity_key("Person", name) == entity_key("Person", name)
    assert entity_iri(entity_key("Place", name)) == entity_iri(entity_key("Place", name))


def test_slug_is_readable_ascii_for_latin_names() -> None:
    assert slug("Emmanuel Macron") == "emmanuel-macron"
    assert slug("São Paulo") == "sao-paulo"
    assert slug("  Zürich!! ") == "zurich"
    assert entity_key("Person", "Emmanuel Macron") == "Person/emmanuel-macron"


def test_spelling_variants_of_one_name_share_a_key() -> None:
    assert entity_key("Place", "Sao Paulo") == entity_key("Place", "São Paulo")
    assert entity_key("Person", "EMMANUEL MACRON") == entity_key("Person", "Emmanuel Macron")


@pytest.mark.parametrize(
    "a, b",
    [("北京", "上海"), ("Москва", "Киев"), ("🔥", "🚒"), ("Paris", "Parys"), ("AT&T", "ATT Inc")],
)
def test_different_names_get_different_iris(a: str, b: str) -> None:
    assert entity_iri(entity_key("Place", a)) != entity_iri(entity_key("Place", b))


def test_type_is_part_of_the_key() -> None:
    assert entity_key("Person", "Jordan") != entity_key("Country", "Jordan")


@pytest.mark.parametrize("article_id", ["seed", "wire/chile lithium#1", "ünïcode-é", "a b?c"])
def test_article_and_graph_iris_are_valid(article_id: str) -> None:
    for iri in (article_iri(article_id), article_graph_iri(article_id)):
        assert not FORBIDDEN.search(str(iri))
        _check_with_parsers(str(iri))
    assert article_iri(article_id) != article_iri(article_id + "x")


def test_statement_and_extractor_iris_are_deterministic() -> None:
    parts = ("a1", "Person/x", "memberOf", "Organization/y", "asserted", 3, 9)
    assert statement_iri(*parts) == statement_iri(*parts)
    assert statement_iri(*parts) != statement_iri(*parts[:-1], 10)
    assert extractor_iri("appositive title") == extractor_iri("appositive title")
    _check_with_parsers(str(extractor_iri("verb relations / “lexicon”")))


def test_schema_declares_at_least_25_relation_types_with_label_domain_range() -> None:
    schema = relation_schema()
    assert len(schema) >= 25
    classes = {t.value for t in EntityType}
    for rel in schema.values():
        assert rel.label.strip(), rel.id
        assert rel.domain and set(rel.domain) <= classes, rel.id
        assert rel.range and set(rel.range) <= classes, rel.id


def test_inverse_relations_swap_domain_and_range() -> None:
    schema = relation_schema()
    for rel in schema.values():
        if rel.inverse:
            inverse = schema[rel.inverse]
            assert inverse.inverse == rel.id
            assert (inverse.domain, inverse.range) == (rel.range, rel.domain), rel.id


@pytest.mark.parametrize(
    "predicate",
    [
        "positionHeld",
        "appliesToJurisdiction",
        "memberOf",
        "excludedFrom",
        "ledBy",
        "fights",
        "basedIn",
        "locatedIn",
        "capitalOf",
        "meets",
        "participant",
        "location",
        "proposes",
    ],
)
def test_predicates_the_queries_use_are_declared(predicate: str) -> None:
    assert check_predicate(predicate) == predicate
    assert str(NG[predicate]).endswith("#" + predicate)


def test_an_undeclared_predicate_fails_loudly() -> None:
    with pytest.raises(SchemaError, match="memberof"):
        check_predicate("memberof")


def test_wikidata_mappings_name_properties() -> None:
    mapped = [r for r in relation_schema().values() if r.wikidata]
    assert mapped
    for rel in mapped:
        assert re.fullmatch(r"P\d+", rel.wikidata), rel.id
        assert rel.wikidata_match in {"exact", "close", "inverse"}
    assert relation_schema()["memberOf"].wikidata == "P463"
    assert relation_schema()["positionHeld"].wikidata == "P39"
