"""RDF exports: every format parses back (rdflib, pyoxigraph, and Debian's rapper for
Turtle), one named graph per article, and only asserted relations become direct triples."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from exports import export, exporters, suffix
from graph.kg import add_article, new_graph
from graph.query import load_file, select
from graph.vocab import relation_schema
from tests.records import coalition_article

PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
GRAPH_NS = "https://w3id.org/newsgraph/graph/"
RDF_FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld"]
RDFLIB_FORMAT = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}


@pytest.fixture(scope="module")
def two_article_graph():  # noqa: ANN201
    graph = new_graph()
    add_article(graph, coalition_article("a1"))
    add_article(graph, coalition_article("a2"))
    return graph


@pytest.fixture(scope="module")
def written(two_article_graph, tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    out = tmp_path_factory.mktemp("rdf")
    return {
        name: export(two_article_graph, name, out / f"graph{suffix(name)}") for name in RDF_FORMATS
    }


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_format_parses_back_with_rdflib_and_pyoxigraph(written, name: str) -> None:  # noqa: ANN001
    path = written[name]
    if name in {"nquads", "trig"}:
        parsed = rdflib.Dataset()
        parsed.parse(path, format=RDFLIB_FORMAT[name])
        count = len(list(parsed.quads((None, None, None, None))))
    else:
        count = len(rdflib.Graph().parse(path, format=RDFLIB_FORMAT[name]))
    assert count > 50
    store = load_file(path)
    assert len(store) > 50


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils is not installed")
def test_turtle_parses_with_rapper(written) -> None:  # noqa: ANN001
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(written["turtle"])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "returned" in result.stderr and "triples" in result.stderr


def test_nquads_has_one_named_graph_per_article(written) -> None:  # noqa: ANN001
    store = ox.Store()
    store.bulk_load(path=str(written["nquads"]), format=ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    assert {g for g in graphs if g.startswith(GRAPH_NS)} == {GRAPH_NS + "a1", GRAPH_NS + "a2"}
    assert "https://w3id.org/newsgraph/entities" in graphs
    for article_id in ("a1", "a2"):
        named = ox.NamedNode(GRAPH_NS + article_id)
        sources = {q.object.value for q in store.quads_for_pattern(None, PROV_DERIVED, None, named)}
        assert sources == {f"https://w3id.org/newsgraph/article/{article_id}"}


def test_only_asserted_relations_are_direct_triples(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    members = select(store, "SELECT DISTINCT ?l WHERE { ?x ng:memberOf ?a ; rdfs:label ?l }")
    assert [r[0] for r in members.rows] == ["Norway"]
    located = select(store, "SELECT ?x WHERE { ?x ng:locatedIn ?y }")
    assert located.rows == ()
    stances = select(
        store,
        """SELECT DISTINCT ?l ?stance WHERE {
        ?s rdf:subject ?x ; rdf:predicate ng:memberOf ; ng:stance ?stance . ?x rdfs:label ?l }""",
    )
    assert set(stances.rows) == {
        ("Norway", "ng:Asserted"),
        ("Sweden", "ng:Proposed"),
        ("Finland", "ng:Negated"),
    }


def test_evidence_is_reachable_and_offsets_slice_the_sentence(written) -> None:  # noqa: ANN001
    store = load_file(written["nquads"])
    table = select(
        store,
        """SELECT ?sentence ?start ?end ?extractor ?confidence ?article WHERE {
        ?s a ng:Statement ; rdf:predicate ng:memberOf ; ng:sentence ?sentence ;
           ng:startOffset ?start ; ng:endOffset ?end ; ng:extractor ?e ;
           ng:confidence ?confidence ; prov:wasDerivedFrom ?article . ?e rdfs:label ?extractor }""",
    )
    assert len(table.rows) == 6  # three memberships in each of two articles
    text = coalition_article().article.text
    for sentence, start, end, extractor, confidence, article in table.rows:
        assert text[int(start) : int(end)] == sentence[int(start) : int(end)]
        assert text[int(start) : int(end)].strip()
        assert extractor == "test" and float(confidence) == 0.9
        assert article in {"art:a1", "art:a2"}


def test_entities_have_one_label_and_alt_labels(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    labels = select(store, "SELECT ?e (COUNT(?l) AS ?n) WHERE { ?e rdfs:label ?l } GROUP BY ?e")
    assert labels.rows and all(n == "1" for _, n in labels.rows)
    alt = select(store, 'SELECT ?a WHERE { ?e rdfs:label "Norway" ; skos:altLabel ?a }')
    assert alt.rows == (("Norge",),)
    types = select(store, 'SELECT ?t WHERE { ?e rdfs:label "Norway" ; a ?t }')
    assert {"ng:Country", "schema:Country"} <= {t for (t,) in types.rows}


def test_mention_count_sums_over_articles(written) -> None:  # noqa: ANN001
    store = load_file(written["turtle"])
    counts = select(store, 'SELECT ?n WHERE { ?e rdfs:label "Norway" ; ng:mentionCount ?n }')
    assert counts.rows == (("2",),)


def test_unknown_format_is_an_export_error(two_article_graph, tmp_path) -> None:  # noqa: ANN001
    from graph.errors import ExportError

    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export(two_article_graph, "xml", tmp_path / "g.xml")
    assert "turtle" in exporters.names()


def test_failed_write_leaves_no_partial_file(two_article_graph, tmp_path) -> None:  # noqa: ANN001
    target = tmp_path / "graph.ttl"
    target.write_text("previous content")

    class Broken(dict):
        def items(self):  # noqa: ANN202
            raise RuntimeError("interrupted")

    graph = two_article_graph.copy()
    graph.graph["articles"] = Broken()
    with pytest.raises(RuntimeError):
        export(graph, "turtle", target)
    assert target.read_text() == "previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


# ---- through the seed article --------------------------------------------------------


@pytest.fixture(scope="module")
def seed_written(seed_graph, tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    out = tmp_path_factory.mktemp("seed-rdf")
    return {name: export(seed_graph, name, out / f"graph{suffix(name)}") for name in RDF_FORMATS}


def _triples(path: Path, name: str) -> set:
    """The distinct triples of a file (the union of its graphs), parsed by rdflib, with
    literals compared by value (Turtle writes the decimal "30" as 30.0)."""
    if name in {"nquads", "trig"}:
        dataset = rdflib.Dataset()
        dataset.parse(path, format=RDFLIB_FORMAT[name])
        triples = {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    else:
        triples = set(rdflib.Graph().parse(path, format=RDFLIB_FORMAT[name]))
    return {(s, p, _value(o)) for s, p, o in triples}


def _facts(path: Path, name: str) -> set:
    """What a file says: its triples, with each ng:BackgroundFact node (how formats without
    named graphs write a gazetteer fact, see exports/rdf.py) folded back into its triple."""
    triples = _triples(path, name)
    fact = rdflib.URIRef("https://w3id.org/newsgraph/ontology#BackgroundFact")
    nodes = {s for s, p, o in triples if p == rdflib.RDF.type and o == fact}
    part = {(s, p): o for s, p, o in triples if s in nodes}
    return {t for t in triples if t[0] not in nodes} | {
        (part[n, rdflib.RDF.subject], part[n, rdflib.RDF.predicate], part[n, rdflib.RDF.object])
        for n in nodes
    }


def _value(term: object) -> object:
    if isinstance(term, rdflib.Literal) and term.value is not None:
        return (term.value, term.datatype, term.language)
    return term


def test_seed_formats_parse_back_to_the_same_triples(seed_written) -> None:  # noqa: ANN001
    reference = _facts(seed_written["ntriples"], "ntriples")
    assert len(reference) > 200
    for name in RDF_FORMATS:
        assert _facts(seed_written[name], name) == reference, name
        store = ox.Store()
        store.bulk_load(path=str(seed_written[name]), format=load_format(name))
        distinct = {(q.subject, q.predicate, q.object) for q in store}
        assert len(distinct) == len(_triples(seed_written[name], name)), name


def load_format(name: str) -> ox.RdfFormat:
    return {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "nquads": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[name]


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils is not installed")
def test_seed_turtle_parses_with_rapper(seed_written) -> None:  # noqa: ANN001
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(seed_written["turtle"])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    count = int(result.stderr.split("returned")[1].split()[0])
    assert count == len(_triples(seed_written["ntriples"], "ntriples"))


def test_seed_has_one_named_graph_holding_each_articles_statements(seed_written) -> None:  # noqa: ANN001
    store = load_file(seed_written["nquads"])
    graphs = {g.value for g in store.named_graphs() if g.value.startswith(GRAPH_NS)}
    assert graphs == {GRAPH_NS + "article"}
    placed = select(
        store,
        """SELECT ?g ?id (COUNT(?s) AS ?n) WHERE {
          GRAPH ?g { ?s a ng:Statement ; prov:wasDerivedFrom ?a } ?a schema:identifier ?id }
        GROUP BY ?g ?id""",
    )
    assert [(g, i) for g, i, _ in placed.rows] == [(GRAPH_NS + "article", "article")]
    assert int(placed.rows[0][2]) >= 10
    misplaced = select(
        store,
        """SELECT ?s WHERE { ?s a ng:Statement .
          FILTER NOT EXISTS { GRAPH ?g { ?s prov:wasDerivedFrom ?a } } }""",
    )
    assert misplaced.rows == ()


def test_seed_non_asserted_relations_are_never_bare_triples(seed_written) -> None:  # noqa: ANN001
    store = load_file(seed_written["nquads"])
    stances = select(store, "SELECT DISTINCT ?st WHERE { ?s ng:stance ?st }")
    assert {"ng:Asserted", "ng:Negated", "ng:Proposed"} <= {r[0] for r in stances.rows}
    leaked = select(
        store,
        """SELECT ?p WHERE { GRAPH ?g {
          ?st ng:stance ?stance ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          FILTER(?stance != ng:Asserted)
          ?s ?p ?o .
          FILTER NOT EXISTS { ?st2 ng:stance ng:Asserted ; rdf:subject ?s ;
                                   rdf:predicate ?p ; rdf:object ?o } } }""",
    )
    assert leaked.rows == ()
    # ... and inside an article's graph every bare relation triple has an asserted statement.
    predicates = " ".join(f"ng:{p}" for p in relation_schema())
    unsupported = select(
        store,
        f"""SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }}
          GRAPH ?g {{ ?s ?p ?o .
            FILTER NOT EXISTS {{ ?st ng:stance ng:Asserted ; rdf:subject ?s ;
                                    rdf:predicate ?p ; rdf:object ?o }} }}
          FILTER(STRSTARTS(STR(?g), "{GRAPH_NS}")) }}""",
    )
    assert unsupported.rows == ()
    bare = select(
        store,
        f"""SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {predicates} }}
          GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH_NS}")) }}""",
    )
    assert int(bare.rows[0][0]) >= 10


def test_seed_evidence_offsets_slice_the_article_text(seed_written, seed_path) -> None:  # noqa: ANN001
    from graph.ingest import read_articles

    (article,) = read_articles([seed_path])
    store = load_file(seed_written["nquads"])
    table = select(
        store,
        """SELECT ?sentence ?sstart ?start ?end ?extractor ?confidence ?stance WHERE {
        ?s a ng:Statement ; ng:sentence ?sentence ; ng:sentenceStart ?sstart ;
           ng:startOffset ?start ; ng:endOffset ?end ; ng:extractor/rdfs:label ?extractor ;
           ng:confidence ?confidence ; ng:stance ?stance ; prov:wasDerivedFrom ?a .
        ?a schema:identifier ?id }""",
    )
    assert len(table.rows) >= 10
    for sentence, sstart, start, end, extractor, confidence, stance in table.rows:
        sstart, start, end = int(sstart), int(start), int(end)
        assert article.body[sstart : sstart + len(sentence)] == sentence
        assert sstart <= start < end <= sstart + len(sentence)
        evidence = article.text[start:end]
        assert evidence.strip() and evidence == sentence[start - sstart : end - sstart]
        assert extractor and 0 < float(confidence) <= 1
        assert stance in {"ng:Asserted", "ng:Proposed", "ng:Negated", "ng:Reported"}


def test_statement_only_extractors_write_no_bare_triple(tmp_path: Path) -> None:
    """An asserted relation from an extractor listed in statement_only.tsv stays a statement."""
    from dataclasses import replace

    from graph.lexicon import statement_only_extractors

    untrusted = sorted(statement_only_extractors())[0]
    resolved = coalition_article("a1")
    relations = tuple(
        replace(r, evidence=replace(r.evidence, extractor=untrusted)) for r in resolved.relations
    )
    graph = new_graph()
    add_article(graph, replace(resolved, relations=relations))
    store = load_file(export(graph, "turtle", tmp_path / "graph.ttl"))
    assert select(store, "SELECT ?x WHERE { ?x ng:memberOf ?a }").rows == ()
    asserted = select(
        store,
        """SELECT ?l WHERE { ?s rdf:subject ?x ; rdf:predicate ng:memberOf ;
           ng:stance ng:Asserted . ?x rdfs:label ?l }""",
    )
    assert [r[0] for r in asserted.rows] == ["Norway"]
