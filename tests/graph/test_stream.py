"""The streaming build (graph/stream.py via graph.pipeline.build_files) writes the bytes the
networkx build's export writes, whatever the merges, the chunk size or the number of jobs."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from exports import export
from graph import stream
from graph.ingest import make_article
from graph.pipeline import build, build_files
from tests.conftest import EXAMPLES, ROOT

STORE_TEXTS = ROOT / "tests" / "fixtures" / "store"


def _stored(*ids: str) -> list:
    return [
        make_article((STORE_TEXTS / f"{i}.txt").read_text("utf-8"), id=i, detect_title=False)
        for i in ids
    ]


def _written(inputs: list, tmp_path: Path, name: str) -> bytes:
    """graph.nq of the networkx build."""
    return export(build(inputs), "nquads", tmp_path / f"{name}.nq").read_bytes()


def _streamed(inputs: list, out: Path, **options: object) -> bytes:
    built = build_files(inputs, out, ["turtle", "nquads"], **options)
    assert built.files == (out / "graph.ttl", out / "graph.nq")
    return (out / "graph.nq").read_bytes()


# A short name, the full name that absorbs it, a namesake that makes the short name
# ambiguous again, and the short name once more: the last is its own entity again, so the
# merge must rewrite only the lines written before it.
PUTIN = [
    make_article("Putin spoke to reporters in Moscow on Monday.", id="p1", detect_title=False),
    make_article("Vladimir Putin met Xi Jinping in Beijing.", id="p2", detect_title=False),
    make_article("Lyudmila Putin visited a school in Paris.", id="p3", detect_title=False),
    make_article("Putin said the talks in Berlin had failed.", id="p4", detect_title=False),
]


@pytest.mark.parametrize(
    "ids",
    [
        ("short", "full", "again", "a1"),
        ("full", "a1", "short", "again"),
        ("bn-short", "a2", "bn-full", "short", "full"),
    ],
)
def test_streamed_nquads_are_the_networkx_builds_after_merges(ids, tmp_path) -> None:  # noqa: ANN001
    inputs = _stored(*ids)
    assert _streamed(inputs, tmp_path / "out") == _written(inputs, tmp_path, "nx")


def test_a_merge_rewrites_only_what_was_written_before_it(tmp_path) -> None:  # noqa: ANN001
    written = _written(PUTIN, tmp_path, "nx")
    assert _streamed(PUTIN, tmp_path / "out") == written
    putin = b"<https://w3id.org/newsgraph/entity/person/putin>"
    mentioned = b"<https://w3id.org/newsgraph/ontology#mentionedIn>"
    lines = [line for line in written.splitlines() if line.startswith(putin + b" " + mentioned)]
    assert [line.rsplit(b"/", 2)[-1] for line in lines] == [b"p4> ."]


def test_a_build_without_links_is_streamed_too(tmp_path) -> None:  # noqa: ANN001
    inputs = _stored("short", "full")
    written = export(build(inputs, link=False), "nquads", tmp_path / "nx.nq").read_bytes()
    assert _streamed(inputs, tmp_path / "out", link=False) == written
    assert b"owl#sameAs" not in written


def test_the_external_sort_gives_the_same_bytes(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(stream, "CHUNK_BYTES", 2000)
    inputs = [EXAMPLES]
    assert _streamed(inputs, tmp_path / "out") == _written(inputs, tmp_path, "nx")


def test_two_jobs_write_the_bytes_of_one(tmp_path) -> None:  # noqa: ANN001
    one = _streamed([EXAMPLES], tmp_path / "one", jobs=1)
    assert _streamed([EXAMPLES], tmp_path / "two", jobs=2) == one


def test_every_format_of_a_streamed_build_reads_back(tmp_path) -> None:  # noqa: ANN001
    inputs = _stored("short", "full", "again", "a1")
    formats = ["turtle", "nquads", "ntriples", "trig", "jsonld", "graphml", "gexf", "cytoscape"]
    build_files(inputs, tmp_path / "out", formats)
    graph = build(inputs)
    for name, fmt in (("turtle", "ttl"), ("ntriples", "nt"), ("jsonld", "jsonld")):
        export(graph, name, tmp_path / f"nx.{fmt}")
        rdflib_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt]
        read = rdflib.Graph().parse(tmp_path / "out" / f"graph.{fmt}", format=rdflib_format)
        assert isomorphic(read, rdflib.Graph().parse(tmp_path / f"nx.{fmt}", format=rdflib_format))
    trig = rdflib.Dataset()
    trig.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert len(trig) == len(rdflib.Dataset().parse(tmp_path / "out" / "graph.nq", format="nquads"))
    for name in ("graphml", "gexf"):
        read = getattr(nx, f"read_{name}")(tmp_path / "out" / f"graph.{name}")
        assert read.number_of_nodes() == graph.number_of_nodes()
        assert read.number_of_edges() == graph.number_of_edges()


def test_nothing_is_written_when_no_article_is_read(tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.nq").write_text("old\n", "utf-8")
    built = build_files([], out)
    assert (built.articles, built.files) == (0, ())
    assert (out / "graph.nq").read_text("utf-8") == "old\n"
