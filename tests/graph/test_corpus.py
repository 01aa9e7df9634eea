"""Cross-article entity resolution: hand-made records for the rules, and short articles
written here through the whole pipeline."""

from __future__ import annotations

import pytest

from graph.corpus import KnownEntities, Merge, merge_nodes, resolve_against
from graph.ingest import make_article
from graph.kg import add_article, new_graph
from graph.model import (
    Article,
    Entity,
    EntityType,
    Evidence,
    Relation,
    ResolvedArticle,
    Stance,
)
from graph.pipeline import build
from graph.vocab import entity_key

PERSON = EntityType.PERSON


def record(article_id: str, *names: str, relate: tuple[str, str] | None = None) -> ResolvedArticle:
    """An article whose entities are people (or a country when the name starts with '@')."""
    entities = []
    for name in names:
        etype = EntityType.COUNTRY if name.startswith("@") else PERSON
        label = name.lstrip("@")
        entities.append(Entity(entity_key(etype.value, label), label, etype, (), ()))
    relations = ()
    if relate:
        evidence = Evidence(article_id, "s", 0, 0, 1, "test", 1.0)
        subject, obj = (entity_key(PERSON.value, n) for n in relate)
        relations = (Relation(subject, "memberOf", obj, Stance.ASSERTED, evidence),)
    return ResolvedArticle(Article(article_id, " ".join(names)), tuple(entities), relations)


def keys(result: ResolvedArticle) -> list[str]:
    return [e.key for e in result.entities]


def run_corpus(*articles: ResolvedArticle):  # noqa: ANN201
    known = KnownEntities()
    return known, [resolve_against(a, known) for a in articles]


@pytest.mark.parametrize(
    "full, short",
    [
        ("Benjamin Netanyahu", "Netanyahu"),
        ("Mark Rutte", "Rutte"),
        ("Luiz Inacio Lula da Silva", "da Silva"),
        ("Xi Jinping", "Jinping"),
    ],
)
def test_short_name_after_the_full_name_becomes_it(full: str, short: str) -> None:
    _, (first, second) = run_corpus(record("a", full), record("b", short))
    assert keys(second.article) == [entity_key("Person", full)]
    assert second.article.entities[0].label == full
    assert short in second.article.entities[0].aliases
    assert first.merges == second.merges == ()


@pytest.mark.parametrize(
    "full, short", [("Benjamin Netanyahu", "Netanyahu"), ("Mark Rutte", "Rutte")]
)
def test_full_name_after_the_short_name_absorbs_it(full: str, short: str) -> None:
    known, (first, second) = run_corpus(record("a", short), record("b", full))
    assert keys(first.article) == [entity_key("Person", short)]
    assert second.merges == (Merge(entity_key("Person", short), entity_key("Person", full)),)
    assert entity_key("Person", short) not in known.labels
    # a third article naming the short form again goes straight to the full name
    third = resolve_against(record("c", short), known)
    assert keys(third.article) == [entity_key("Person", full)] and third.merges == ()


def test_two_known_full_names_keep_a_surname_apart() -> None:
    known, results = run_corpus(
        record("a", "Hillary Clinton"), record("b", "Bill Clinton"), record("c", "Clinton")
    )
    assert keys(results[2].article) == ["Person/clinton"]
    assert all(r.merges == () for r in results)
    # a short name stays apart when a second full name arrives later, too
    _, later = run_corpus(record("a", "Johnson"), record("b", "Boris Johnson"))
    assert later[1].merges == (Merge("Person/johnson", "Person/boris-johnson"),)
    _, ambiguous = run_corpus(
        record("a", "Boris Johnson"),
        record("b", "Lyndon Johnson"),
        record("c", "Johnson"),
        record("d", "Andrew Johnson"),
    )
    assert keys(ambiguous[2].article) == ["Person/johnson"]
    assert all(r.merges == () for r in ambiguous)


def test_one_article_naming_two_full_names_merges_no_known_short_name() -> None:
    _, results = run_corpus(record("a", "Smith"), record("b", "John Smith", "Mary Smith"))
    assert results[1].merges == ()


def test_short_name_in_the_same_article_is_left_to_article_resolution() -> None:
    # resolve.py already decided within the article; the corpus step does not undo it
    _, results = run_corpus(record("a", "Rutte", "Mark Rutte"))
    assert results[0].merges == ()
    assert sorted(keys(results[0].article)) == ["Person/mark-rutte", "Person/rutte"]


def test_only_people_match_by_surname_and_words_must_match_exactly() -> None:
    _, results = run_corpus(
        record("a", "@Jordan Valley", "Michael Jordan"), record("b", "@Jordan", "Jordana")
    )
    assert sorted(keys(results[1].article)) == ["Country/jordan", "Person/jordana"]


def test_relations_and_keys_are_rewritten_together() -> None:
    _, results = run_corpus(
        record("a", "Benjamin Netanyahu", "Isaac Herzog"),
        record("b", "Netanyahu", "Herzog", relate=("Netanyahu", "Herzog")),
    )
    relation = results[1].article.relations[0]
    assert (relation.subject, relation.object) == (
        "Person/benjamin-netanyahu",
        "Person/isaac-herzog",
    )


def test_merge_nodes_moves_counts_edges_and_aliases() -> None:
    graph = new_graph()
    known = KnownEntities()
    for article in (
        record("a", "Netanyahu", "Herzog", relate=("Netanyahu", "Herzog")),
        record("b", "Benjamin Netanyahu"),
    ):
        linked = resolve_against(article, known)
        add_article(graph, linked.article)
        for merge in linked.merges:
            merge_nodes(graph, merge)
    assert "Person/netanyahu" not in graph
    node = graph.nodes["Person/benjamin-netanyahu"]
    assert node["articles"] == ["b", "a"] and node["mentions"] == 0
    assert node["aliases"] == ["Netanyahu"]
    assert list(graph.edges()) == [("Person/benjamin-netanyahu", "Person/herzog")]
    assert graph.nodes["Person/herzog"]["articles"] == ["a"]


# ---- through the pipeline, on articles written here ----------------------------------------
def people(texts: list[str]) -> dict[str, list[str]]:
    graph = build([make_article(t, id=f"a{i}", detect_title=False) for i, t in enumerate(texts)])
    return {
        d["label"]: sorted(d["articles"])
        for _, d in graph.nodes(data=True)
        if d["type"] == "Person"
    }


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (1, 2, 0)])
def test_netanyahu_three_ways_is_one_person_in_any_order(order: tuple[int, int, int]) -> None:
    texts = [
        "Israeli Prime Minister Benjamin Netanyahu met the envoy in Jerusalem.",
        "Netanyahu later flew to Washington for talks.",
        "Critics said Benjamin Netanyahu had ignored the warnings.",
    ]
    found = people([texts[i] for i in order])
    assert list(found) == ["Benjamin Netanyahu"] and found["Benjamin Netanyahu"] == [
        "a0",
        "a1",
        "a2",
    ]


def test_shared_surname_without_evidence_is_not_merged() -> None:
    found = people(
        [
            "Hillary Clinton spoke in New York on Monday.",
            "Bill Clinton visited Little Rock on Tuesday.",
            "Clinton said the plan would fail.",
        ]
    )
    assert found == {"Hillary Clinton": ["a0"], "Bill Clinton": ["a1"], "Clinton": ["a2"]}


def test_surname_first_then_full_name_through_the_pipeline() -> None:
    found = people(
        [
            "Putin spoke to reporters in Moscow.",
            "Vladimir Putin met Xi Jinping in Beijing.",
            "Rutte told reporters that talks went well.",
        ]
    )
    assert found["Vladimir Putin"] == ["a0", "a1"] and "Putin" not in found
    assert found["Rutte"] == ["a2"]


def test_same_full_name_is_one_node_with_evidence_from_each_article() -> None:
    graph = build(
        [
            make_article(
                "Kenyan President William Ruto visited Mombasa on Monday.",
                id="x",
                detect_title=False,
            ),
            make_article("William Ruto met farmers in Eldoret.", id="y", detect_title=False),
        ],
    )
    node = graph.nodes["Person/william-ruto"]
    assert node["articles"] == ["x", "y"] and node["mentions"] == 2
