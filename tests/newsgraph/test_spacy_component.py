"""The spaCy component: ``nlp.add_pipe("newsgraph")`` puts newsgraph's entities and
relations on the Doc of the pipeline it joins, the same facts ``build`` finds, in records
that survive spaCy's serialisation; spaCy finds it through the entry point alone."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from spacy.tokens import Doc

import newsgraph.spacy_component  # noqa: F401  (registers the factory)
from graph.errors import ModelError
from graph.nlp import load

ROOT = Path(__file__).resolve().parents[2]
DATE = "2024-05-01"


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    """The pipeline the other tests share, with the component added for this module only."""
    shared = load()
    shared.add_pipe("newsgraph", config={"date": DATE})
    yield shared
    shared.remove_pipe("newsgraph")


def triples(doc: Doc) -> set[tuple[str, str, str, str]]:
    return {
        (r["subject_label"], r["predicate"], r["object_label"], r["stance"])
        for r in doc._.newsgraph_relations
    }


def test_entities_and_relations_on_the_doc(nlp) -> None:  # noqa: ANN001
    text = "Apple chief executive Tim Cook met Rishi Sunak in London."
    doc = nlp(text)
    entities = {e["label"]: e for e in doc._.newsgraph_entities}
    cook = entities["Tim Cook"]
    assert (cook["key"], cook["type"]) == ("Person/tim-cook", "Person")
    assert [(m["start"], m["end"], m["text"]) for m in cook["mentions"]] == [(22, 30, "Tim Cook")]
    assert entities["Apple"]["type"] == "Organization"
    assert entities["London"]["type"] in {"Place", "Country"}
    found = triples(doc)
    assert ("Tim Cook", "positionHeld", "Chief Executive of Apple", "asserted") in found
    assert ("Tim Cook", "meets", "Rishi Sunak", "asserted") in found
    for relation in doc._.newsgraph_relations:
        assert relation["sentence"] == text
        assert 0 <= relation["start"] < relation["end"] <= len(text)
        assert relation["subject_type"] == entities[relation["subject_label"]]["type"]
    assert not any(p == "meets" and o == "London" for _, p, o, _ in found)  # a place, not a person


@pytest.mark.parametrize(
    ("text", "fact", "speaker"),
    [
        (
            "Ghana will not join the trade bloc, President John Mahama said.",
            ("Ghana", "memberOf", "trade bloc", "negated"),
            "John Mahama",
        ),
        (
            "The coalition of France and Germany, excluding Poland, met in Brussels.",
            ("Poland", "memberOf", "coalition", "negated"),
            None,
        ),
    ],
)
def test_a_negated_fact_keeps_its_stance_and_speaker(nlp, text, fact, speaker) -> None:  # noqa: ANN001
    doc = nlp(text)
    assert fact in triples(doc)
    assert (fact[0], fact[1], fact[2], "asserted") not in triples(doc)
    relation = next(
        r
        for r in doc._.newsgraph_relations
        if (r["subject_label"], r["predicate"], r["stance"]) == (fact[0], fact[1], fact[3])
    )
    assert relation["speaker_label"] == speaker


def test_the_component_finds_what_build_finds(nlp) -> None:  # noqa: ANN001
    from graph.pipeline import build_text

    text = "Kenyan President William Ruto met Tanzania's Samia Suluhu Hassan in Nairobi."
    kg = build_text(text, date=DATE, link=False)
    built = {
        (kg.nodes[u]["label"], d["predicate"], kg.nodes[v]["label"], d["stance"])
        for u, v, d in kg.edges(data=True)
    }
    assert built and triples(nlp(text)) == built


def test_mentions_as_a_span_group_and_records_survive_serialisation(nlp) -> None:  # noqa: ANN001
    doc = nlp("Nigerian novelist Chimamanda Ngozi Adichie lives in Lagos.")
    spans = doc.spans["newsgraph"]
    keys = {e["key"] for e in doc._.newsgraph_entities}
    assert {span.kb_id_ for span in spans} == keys
    adichie = next(span for span in spans if span.kb_id_ == "Person/chimamanda-ngozi-adichie")
    assert (adichie.text, adichie.label_) == ("Chimamanda Ngozi Adichie", "Person")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert triples(again) == triples(doc) != set()
    assert [e["key"] for e in again._.newsgraph_entities] == [
        e["key"] for e in doc._.newsgraph_entities
    ]


def test_relative_dates_are_read_against_the_configured_date(nlp) -> None:  # noqa: ANN001
    doc = nlp("Kenyan President William Ruto visited Mombasa on Friday.")
    friday = next(e for e in doc._.newsgraph_entities if e["type"] == "Date")
    assert (friday["label"], friday["value"]) == ("Friday", "2024-04-26")


def test_blank_text_and_a_pipeline_without_a_parser(nlp) -> None:  # noqa: ANN001
    blank = nlp("  \n ")
    assert blank._.newsgraph_entities == () and blank._.newsgraph_relations == ()
    import spacy

    bare = spacy.blank("en")
    bare.add_pipe("newsgraph")
    with pytest.raises(ModelError, match="dependency parse and named entities"):
        bare("Tim Cook met Rishi Sunak.")


def test_spacy_finds_the_factory_through_the_entry_point_alone(tmp_path: Path) -> None:
    """The entry point pyproject.toml declares, installed as package metadata in a folder of
    its own: spaCy builds the component from it with no `import newsgraph` first."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    factories = declared["project"]["entry-points"]["spacy_factories"]
    assert factories == {"newsgraph": "newsgraph.spacy_component:make_component"}
    info = tmp_path / "newsgraph_entry_point_probe-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newsgraph-entry-point-probe\nVersion: 0\n"
    )
    (info / "entry_points.txt").write_text(
        "[spacy_factories]\n" + "".join(f"{k} = {v}\n" for k, v in factories.items())
    )
    probe = (
        "import sys, spacy\n"
        "before = 'newsgraph' in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('newsgraph')\n"
        "print(before, nlp.pipe_names, type(nlp.get_pipe('newsgraph')).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{tmp_path}"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['newsgraph']", "NewsgraphComponent"]
