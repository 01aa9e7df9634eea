"""The persistent store: one named graph per article, entities merged across articles,
idempotent adds, replace and remove, exports, and atomicity under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import store
from graph.errors import StoreError
from graph.ingest import make_article
from graph.link import linker
from graph.pipeline import resolve_articles
from graph.query import select

ROOT = Path(__file__).resolve().parents[2]
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"

TEXTS = ROOT / "tests" / "fixtures" / "store"
"""Short articles written here, one per file, named by the article id."""


def text(article_id: str) -> str:
    return (TEXTS / f"{article_id}.txt").read_text("utf-8").strip()


def articles(*ids: str):  # noqa: ANN201
    return resolve_articles(make_article(text(i), id=i, detect_title=False) for i in ids)


def count(directory: Path, sparql: str) -> int:
    return int(select(store.open_store(directory), sparql).rows[0][0])


ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article }"


def test_entities_merge_across_articles_with_evidence_from_each(tmp_path: Path) -> None:
    report = store.add(tmp_path, articles("a1", "a2", "a3"))
    assert report.added == ("a1", "a2", "a3")
    db = store.open_store(tmp_path)
    rows = select(
        db,
        """SELECT ?n (COUNT(DISTINCT ?a) AS ?articles) WHERE {
        ?e rdfs:label "William Ruto" ; ng:mentionCount ?n ; ng:mentionedIn ?a } GROUP BY ?n""",
    ).rows
    assert rows == (("3", "3"),)
    labels = select(
        db,
        """SELECT ?l WHERE { ?e a ng:Person ; rdfs:label ?l .
        FILTER(CONTAINS(?l, "Ruto")) }""",
    ).rows
    assert labels == (("William Ruto",),)
    graphs = {g.value for g in db.named_graphs()}
    assert {f"https://w3id.org/newsgraph/graph/{i}" for i in ("a1", "a2", "a3")} <= graphs


def test_adding_again_changes_nothing_and_replace_reextracts(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a1"))
    before = len(store.open_store(tmp_path))
    again = store.add(tmp_path, articles("a1"))
    assert again.added == () and again.skipped == ("a1",)
    same_text = resolve_articles([make_article(text("a1"), id="other-id", detect_title=False)])
    assert store.add(tmp_path, same_text).skipped == ("other-id",)
    assert len(store.open_store(tmp_path)) == before
    assert store.add(tmp_path, articles("a1"), replace=True).replaced == ("a1",)
    assert len(store.open_store(tmp_path)) == before


def test_remove_drops_the_article_and_entities_left_without_evidence(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a1", "a2"))
    assert count(tmp_path, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Yoweri Museveni" }') == 1
    store.remove(tmp_path, ["a2"])
    assert count(tmp_path, ARTICLES) == 1
    assert count(tmp_path, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Yoweri Museveni" }') == 0
    assert (
        count(tmp_path, 'SELECT ?n WHERE { ?e rdfs:label "William Ruto" ; ng:mentionCount ?n }')
        == 1
    )
    with pytest.raises(StoreError, match="no article with id missing"):
        store.remove(tmp_path, ["missing"])


def test_export_dumps_every_format(tmp_path: Path) -> None:
    """Quad formats give back every stored quad; triple formats the union of the graphs."""
    import pyoxigraph as ox

    directory = tmp_path / "db"
    store.add(directory, articles("a1", "a2"))
    db = store.open_store(directory)
    quads = {str(q) for q in db}
    union = {str(t) for t in db.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert len(union) < len(quads)  # Ruto's articleMentionCount 1 is in both graphs
    for fmt, rdf_format in [
        ("nquads", ox.RdfFormat.N_QUADS),
        ("trig", ox.RdfFormat.TRIG),
        ("turtle", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ]:
        path = store.export(directory, fmt, tmp_path / f"dump.{fmt}")
        parsed = list(ox.parse(path=str(path), format=rdf_format))
        if fmt in {"nquads", "trig"}:
            assert {str(q) for q in parsed} == quads, fmt
        else:
            assert {str(ox.Triple(q.subject, q.predicate, q.object)) for q in parsed} == union


def test_opening_a_folder_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a newsgraph store"):
        store.open_store(tmp_path)
    with pytest.raises(StoreError, match="no such store"):
        store.open_store(tmp_path / "missing")


def test_adding_the_same_article_again_keeps_the_live_generation(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a1"))
    pointer = (tmp_path / store.POINTER).read_text()
    assert store.add(tmp_path, articles("a1")).skipped == ("a1",)
    assert (tmp_path / store.POINTER).read_text() == pointer
    assert [p.name for p in tmp_path.glob("gen-*")] == [json.loads(pointer)["current"]]


def _quads(db) -> set[str]:  # noqa: ANN001
    return {str(q) for q in db}


@pytest.mark.parametrize(
    "order", [("short", "full", "again", "a1"), ("full", "a1", "short", "again")]
)
def test_store_built_one_article_at_a_time_equals_build(tmp_path: Path, order) -> None:  # noqa: ANN001
    """Cross-article resolution gives the same graph whether articles arrive in one build or
    in separate adds, including a short name stored before the full name that absorbs it."""
    import pyoxigraph as ox

    from exports.rdf import to_dataset
    from graph.pipeline import build

    inputs = [make_article(text(i), id=i, detect_title=False) for i in order]
    for article in inputs:
        store.add(tmp_path, resolve_articles([article]), link=linker(None))
    built = ox.Store()
    built.extend(
        ox.Quad(store._term(s), store._term(p), store._term(o), ox.NamedNode(str(g)))
        for s, p, o, g in to_dataset(build(inputs)).quads((None, None, None, None))
    )
    db = store.open_store(tmp_path)
    assert _quads(db) == _quads(built)
    putin = select(
        db,
        """SELECT ?l (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a ng:Person ; rdfs:label ?l ;
        ng:mentionedIn ?a . FILTER(CONTAINS(?l, "Putin")) } GROUP BY ?l""",
    ).rows
    assert putin == (("Vladimir Putin", "3"),)


def test_a_later_full_name_renames_the_stored_short_name_everywhere(tmp_path: Path) -> None:
    store.add(tmp_path, articles("short"))
    report = store.add(tmp_path, articles("full"))
    assert report.merged == (("Person/putin", "Person/vladimir-putin"),)
    db = store.open_store(tmp_path)
    old = "<https://w3id.org/newsgraph/entity/person/putin>"
    assert (
        count(
            tmp_path,
            f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {old} ?p ?o }} UNION {{ ?s ?p {old} }} }}",
        )
        == 0
    )
    rows = select(
        db,
        """SELECT ?g ?alt WHERE { GRAPH ?g { ?e ng:mentionedIn ?a }
        ?e rdfs:label "Vladimir Putin" ; skos:altLabel ?alt } ORDER BY ?g""",
    ).rows
    assert [alt for _, alt in rows] == ["Putin", "Putin"]
    assert {g.rsplit("/", 1)[-1] for g, _ in rows} == {"short", "full"}


def test_two_stored_full_names_keep_a_surname_apart(tmp_path: Path) -> None:
    for i in ("h", "b", "c"):
        assert store.add(tmp_path, articles(i)).merged == ()
    rows = select(
        store.open_store(tmp_path),
        """SELECT ?l (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a ng:Person ; rdfs:label ?l ;
        ng:mentionedIn ?a } GROUP BY ?l ORDER BY ?l""",
    ).rows
    assert rows == (("Bill Clinton", "1"), ("Clinton", "1"), ("Hillary Clinton", "1"))


def test_links_are_stored_in_the_article_graph_and_go_with_it(tmp_path: Path) -> None:
    """Whatever the linker puts on a node is stored like any other article triple."""

    def fake_linker(graph) -> None:  # noqa: ANN001
        for key, node in graph.nodes(data=True):
            if node["type"] == "Person":
                for article in node["articles"]:
                    node.setdefault("links", []).append(
                        {
                            "target": f"https://kb.example/{key}",
                            "method": "test",
                            "score": 0.5,
                            "article": article,
                        }
                    )

    store.add(tmp_path, articles("a1", "a2"), link=fake_linker)
    rows = select(
        store.open_store(tmp_path),
        """SELECT ?g ?t WHERE { GRAPH ?g { ?e owl:sameAs ?t } ?e rdfs:label "William Ruto" }
        ORDER BY ?g""",
    ).rows
    assert [g.rsplit("/", 1)[-1] for g, _ in rows] == ["a1", "a2"]
    assert {t for _, t in rows} == {"https://kb.example/Person/william-ruto"}
    store.remove(tmp_path, ["a2"])
    assert count(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?e owl:sameAs ?t }") == 1
    assert count(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?l a ng:Link }") == 1


def test_gazetteer_background_facts_leave_with_their_last_article(tmp_path: Path) -> None:
    store.add(tmp_path, articles("a2"), link=linker(None))
    store.add(tmp_path, articles("m"), link=linker(None))
    background = (
        "SELECT (COUNT(*) AS ?n) WHERE "
        "{ GRAPH <https://w3id.org/newsgraph/background> { ?s ?p ?o } }"
    )
    subjects = """SELECT DISTINCT ?s WHERE {
        GRAPH <https://w3id.org/newsgraph/background> { ?s ng:country ?c } } ORDER BY ?s"""

    def places() -> list[str]:
        rows = select(store.open_store(tmp_path), subjects).rows
        return [s.rsplit("/", 1)[-1] for (s,) in rows]

    assert places() == ["kampala", "mombasa", "nairobi"]
    store.remove(tmp_path, ["m"])
    assert places() == ["kampala"]
    store.remove(tmp_path, ["a2"])
    assert count(tmp_path, background) == 0 and len(store.open_store(tmp_path)) == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:  # noqa: ANN001
    if not BBC.exists():
        pytest.skip("../shared/data/news/bbc.jsonl is not beside the checkout")
    path = tmp_path_factory.mktemp("corpus") / "bbc60.jsonl"
    with BBC.open() as source:
        path.write_text("".join(next(source) for _ in range(60)))
    return path


def _add_process(directory: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "add", "--store", str(directory), str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_new_generation(directory: Path, before: set[str], process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if {p.name for p in directory.glob("gen-*")} - before:
            return
        time.sleep(0.02)
    pytest.fail("the add finished or stalled before it started writing")


def test_sigkill_mid_add_leaves_the_store_as_before(tmp_path: Path, corpus: Path) -> None:
    store.add(tmp_path, articles("a1"))
    pointer = (tmp_path / store.POINTER).read_text()
    before = {p.name for p in tmp_path.glob("gen-*")}
    process = _add_process(tmp_path, corpus)
    _wait_for_new_generation(tmp_path, before, process)
    time.sleep(0.5)  # let it write some articles into the new generation
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert (tmp_path / store.POINTER).read_text() == pointer
    assert count(tmp_path, ARTICLES) == 1
    # the next add works and clears what the killed one left
    report = store.add(tmp_path, articles("a2"))
    assert report.added == ("a2",) and count(tmp_path, ARTICLES) == 2
    assert len(list(tmp_path.glob("gen-*"))) <= 2


def test_queries_during_an_add_see_the_state_before_or_after(tmp_path: Path, corpus: Path) -> None:
    store.add(tmp_path, articles("a1"))
    before = {p.name for p in tmp_path.glob("gen-*")}
    process = _add_process(tmp_path, corpus)
    _wait_for_new_generation(tmp_path, before, process)
    seen = set()
    while process.poll() is None:
        seen.add(count(tmp_path, ARTICLES))
        time.sleep(0.05)
    assert process.returncode == 0, process.stderr.read()
    seen.add(count(tmp_path, ARTICLES))
    assert seen <= {1, 61} and 1 in seen and 61 in seen
    assert json.loads((tmp_path / store.POINTER).read_text())["generation"] == 2


def _under(article_id: str, *texts: str):  # noqa: ANN202
    """The fixture texts ``texts`` as articles that all carry one id."""
    return resolve_articles(
        make_article(text(t), id=article_id, source=t, detect_title=False) for t in texts
    )


def test_a_different_article_under_a_stored_id_is_refused_by_default(tmp_path: Path) -> None:
    from graph.errors import InputError

    store.add(tmp_path, _under("x", "full"))
    before = _quads(store.open_store(tmp_path))
    with pytest.raises(InputError, match="article id 'x' is already stored with another text"):
        store.add(tmp_path, _under("x", "short"))
    assert _quads(store.open_store(tmp_path)) == before
    refused: list[InputError] = []
    report = store.add(tmp_path, [*_under("x", "short"), *articles("a1")], on_error=refused.append)
    assert [str(e) for e in refused] == [
        "short: article id 'x' is already stored with another text; not added "
        "(on duplicate: skip keeps the stored one, replace replaces it)"
    ]
    assert report.added == ("a1",) and report.replaced == () and report.skipped == ()
    assert count(tmp_path, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Putin" }') == 0


def test_skip_keeps_the_stored_article_and_says_so(tmp_path: Path) -> None:
    store.add(tmp_path, _under("x", "full"))
    before = _quads(store.open_store(tmp_path))
    notices: list[str] = []
    report = store.add(
        tmp_path, _under("x", "short"), on_duplicate="skip", on_notice=notices.append
    )
    assert report.kept == ("x",) and report.added == () and report.replaced == ()
    assert notices == [
        "short: article id 'x' is already stored with another text; skipped, the stored one is kept"
    ]
    assert _quads(store.open_store(tmp_path)) == before


def test_replace_leaves_the_store_as_if_only_the_new_article_was_added(tmp_path: Path) -> None:
    """The old article's quads all go (its graph, the entities only it named, their
    counts), and the new one is resolved without them: 'Putin' does not become the
    'Vladimir Putin' of the replaced text."""
    replaced, fresh = tmp_path / "replaced", tmp_path / "fresh"
    store.add(replaced, [*articles("a1"), *_under("x", "full")])
    notices: list[str] = []
    report = store.add(
        replaced, _under("x", "short"), on_duplicate="replace", on_notice=notices.append
    )
    assert report.replaced == ("x",) and report.added == ()
    assert notices == [
        "short: article id 'x' is already stored with another text; replaced by this one"
    ]
    store.add(fresh, [*articles("a1"), *_under("x", "short")])
    assert _quads(store.open_store(replaced)) == _quads(store.open_store(fresh))
    assert count(replaced, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Xi Jinping" }') == 0
    assert count(replaced, 'SELECT (COUNT(*) AS ?n) WHERE { ?e rdfs:label "Putin" }') == 1


def test_a_replace_that_fails_midway_changes_nothing(tmp_path: Path) -> None:
    store.add(tmp_path, _under("x", "full"))
    before = _quads(store.open_store(tmp_path))

    def failing():  # noqa: ANN202
        yield from _under("x", "short")  # replaces x in the new generation ...
        raise RuntimeError("killed")  # ... which never goes live

    with pytest.raises(RuntimeError):
        store.add(tmp_path, failing(), on_duplicate="replace")
    assert _quads(store.open_store(tmp_path)) == before


@pytest.mark.parametrize(
    ("policy", "label", "report_added"),
    [("skip", "Vladimir Putin", ("x",)), ("replace", "Putin", ("x",))],
)
def test_two_articles_of_one_id_in_one_add(tmp_path: Path, policy, label, report_added) -> None:  # noqa: ANN001
    """Within one add the first is kept (skip) or the last (replace); the other is not
    merged into it, and a store that was empty reports the id as added, not replaced."""
    from graph.errors import InputError

    with pytest.raises(InputError, match="already stored with another text"):
        store.add(tmp_path / "error", _under("x", "full", "short"))
    report = store.add(tmp_path, _under("x", "full", "short"), on_duplicate=policy)
    assert report.added == report_added and report.replaced == ()
    rows = select(
        store.open_store(tmp_path),
        'SELECT ?l WHERE { ?e a ng:Person ; rdfs:label ?l . FILTER(CONTAINS(?l, "Putin")) }',
    ).rows
    assert rows == ((label,),)
    assert count(tmp_path, ARTICLES) == 1


def test_an_add_that_compacts_its_generation_stores_the_same(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    plain, compacted = tmp_path / "plain", tmp_path / "compacted"
    store.add(plain, articles("a1", "a2", "a3"))
    monkeypatch.setattr(store, "COMPACT_AFTER", 1)
    store.add(compacted, articles("a1", "a2", "a3"))
    assert _quads(store.open_store(plain)) == _quads(store.open_store(compacted))
    assert store.add(compacted, articles("m")).added == ("m",)
    assert count(compacted, ARTICLES) == 4


def test_removing_articles_leaves_what_adding_the_rest_gives(tmp_path: Path) -> None:
    """Only the entities the removed articles mentioned are checked after a removal: the
    result still equals a store that never had them (totals, orphans, gazetteer facts)."""
    kept, trimmed = tmp_path / "kept", tmp_path / "trimmed"
    store.add(kept, articles("a1", "a2", "extra"), link=linker(None))
    store.add(trimmed, articles("a1", "a2", "m", "extra", "b"), link=linker(None))
    store.remove(trimmed, ["m", "b"])
    assert _quads(store.open_store(trimmed)) == _quads(store.open_store(kept))


def test_replacing_an_article_leaves_what_adding_its_new_text_gives(tmp_path: Path) -> None:
    """The same with gazetteer facts: those only the replaced text needed go."""
    fresh, replaced = tmp_path / "fresh", tmp_path / "replaced"
    store.add(fresh, articles("a1", "a2"), link=linker(None))
    new_text = resolve_articles([make_article(text("extra"), id="m", detect_title=False)])
    store.add(fresh, new_text, link=linker(None))
    store.add(replaced, articles("a1", "a2", "m"), link=linker(None))
    new_text = resolve_articles([make_article(text("extra"), id="m", detect_title=False)])
    report = store.add(replaced, new_text, on_duplicate="replace", link=linker(None))
    assert report.replaced == ("m",)
    assert _quads(store.open_store(replaced)) == _quads(store.open_store(fresh))
