"""Acceptance checks on the seed article, through SPARQL on the exported RDF (N-Quads,
loaded into pyoxigraph with the named graphs as the default union)."""

from __future__ import annotations

from graph.query import select


def rows(store, sparql: str) -> list[tuple[str, ...]]:  # noqa: ANN001
    return list(select(store, sparql).rows)


def labels_of_type(store, cls: str) -> set[str]:  # noqa: ANN001
    return {r[0] for r in rows(store, f"SELECT ?l WHERE {{ ?e a ng:{cls} ; rdfs:label ?l }}")}


def test_macron_is_one_node_with_his_aliases(seed_store) -> None:  # noqa: ANN001
    found = rows(
        seed_store,
        """SELECT ?e ?l WHERE { ?e a ng:Person ; rdfs:label ?l .
             FILTER(CONTAINS(LCASE(?l), "macron")) }""",
    )
    assert [r[1] for r in found] == ["Emmanuel Macron"]
    aliases = {
        r[0]
        for r in rows(
            seed_store,
            """SELECT ?a WHERE {
        ?e rdfs:label "Emmanuel Macron" ; skos:altLabel ?a }""",
        )
    }
    assert "Macron" in aliases
    assert not any("’" in a or "'" in a for a in aliases)


def test_no_entity_from_headline_or_boilerplate(seed_store, seed_path) -> None:  # noqa: ANN001
    headline = seed_path.read_text("utf-8").splitlines()[0].strip()
    all_labels = {r[0] for r in rows(seed_store, "SELECT ?l WHERE { ?e rdfs:label ?l }")}
    for label in all_labels:
        assert label not in headline or label == "Macron", label
        assert "Related" not in label and "Photo" not in label and "Source" not in label
        assert "cvvnews" not in label.lower()


def test_offices_of_macron_and_netanyahu(seed_store) -> None:  # noqa: ANN001
    offices = dict(
        rows(
            seed_store,
            """SELECT ?person ?country WHERE {
                 ?p rdfs:label ?person ; ng:positionHeld ?office .
                 ?office ng:appliesToJurisdiction ?c . ?c rdfs:label ?country }""",
        )
    )
    assert offices["Emmanuel Macron"] == "France"
    assert offices["Benjamin Netanyahu"] == "Israel"
    heads = set(
        rows(
            seed_store,
            """SELECT ?c ?p WHERE {
        { ?country ng:headOfState ?person } UNION { ?country ng:headOfGovernment ?person }
        ?country rdfs:label ?c . ?person rdfs:label ?p }""",
        )
    )
    assert {("France", "Emmanuel Macron"), ("Israel", "Benjamin Netanyahu")} <= heads


def test_coalition_led_by_us_fighting_islamic_state(seed_store) -> None:  # noqa: ANN001
    coalitions = rows(
        seed_store,
        """SELECT DISTINCT ?c WHERE { ?c a ng:Organization ; rdfs:label ?l .
             FILTER(CONTAINS(LCASE(?l), "coalition")) }""",
    )
    assert len(coalitions) == 1
    leaders = {
        r[0]
        for r in rows(
            seed_store,
            """SELECT ?l WHERE {
        ?c rdfs:label ?cl ; ng:ledBy ?x . ?x rdfs:label ?l .
        FILTER(CONTAINS(?cl, "coalition")) }""",
        )
    }
    assert leaders == {"United States"}
    enemies = {
        r[0]
        for r in rows(
            seed_store,
            """SELECT ?l WHERE {
        ?c rdfs:label ?cl ; ng:fights ?x . ?x rdfs:label ?l .
        FILTER(CONTAINS(?cl, "coalition")) }""",
        )
    }
    assert enemies & {"Islamic State", "ISIS"}


def test_israel_exclusion_is_a_negated_membership_only(seed_store) -> None:  # noqa: ANN001
    direct = rows(seed_store, """SELECT ?c WHERE { ?i rdfs:label "Israel" ; ng:memberOf ?c }""")
    assert direct == []
    negated = rows(
        seed_store,
        """SELECT ?s WHERE {
        ?s a ng:Statement ; rdf:subject ?i ; rdf:predicate ng:memberOf ; rdf:object ?c ;
           ng:stance ng:Negated ; ng:sentence ?sentence .
        ?i rdfs:label "Israel" . ?c rdfs:label ?cl . FILTER(CONTAINS(?cl, "coalition"))
        FILTER(CONTAINS(?sentence, "excluding Israel")) }""",
    )
    assert len(negated) == 1
    excluded = rows(
        seed_store, """SELECT ?c WHERE { ?i rdfs:label "Israel" ; ng:excludedFrom ?c }"""
    )
    assert len(excluded) == 1


def test_places(seed_store) -> None:  # noqa: ANN001
    located = set(
        rows(
            seed_store,
            """SELECT ?a ?b WHERE {
        { ?x ng:basedIn ?y } UNION { ?x ng:locatedIn ?y }
        ?x rdfs:label ?a . ?y rdfs:label ?b }""",
        )
    )
    assert ("Hamas", "Gaza") in located
    assert ("Amman", "Jordan") in located
    assert ("Ramallah", "West Bank") in located


def test_evidence_of_a_fact_is_reachable(seed_store, seed_path) -> None:  # noqa: ANN001
    text = seed_path.read_text("utf-8")
    found = rows(
        seed_store,
        """SELECT ?sentence ?start ?end ?extractor ?confidence ?article WHERE {
        ?s rdf:subject ?a ; rdf:predicate ng:capitalOf ; rdf:object ?j ;
           ng:sentence ?sentence ; ng:startOffset ?start ; ng:endOffset ?end ;
           ng:extractor ?extractor ; ng:confidence ?confidence ; prov:wasDerivedFrom ?article .
        ?a rdfs:label "Amman" . ?j rdfs:label "Jordan" }""",
    )
    assert found
    sentence, start, end, _, confidence, _ = found[0]
    assert sentence in text
    assert text[int(start) : int(end)] in sentence
    assert 0 < float(confidence) <= 1
