"""The plain-string writer (exports/quads.py) writes the bytes rdflib wrote, and the files
written from its lines hold the triples of the rdflib graphs."""

from __future__ import annotations

import itertools
import shutil
import subprocess

import pytest
import rdflib
from rdflib.compare import isomorphic

from exports import export, quads
from exports.rdf import to_dataset, to_graph
from graph import build
from tests.conftest import EXAMPLES, ROOT

BBC = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"


def _rdflib_lines(rdf: rdflib.Graph, fmt: str) -> bytes:
    """What the build wrote before exports/quads.py: rdflib's lines, sorted."""
    lines = sorted(rdf.serialize(format=fmt, encoding="utf-8").splitlines())
    return b"".join(line + b"\n" for line in lines if line)


@pytest.fixture(scope="module", params=["seed", "examples", "bbc"])
def built(request, tmp_path_factory):  # noqa: ANN001, ANN201
    if request.param == "seed":
        inputs = [ROOT.parent / "shared" / "seed" / "article.txt"]
    elif request.param == "examples":
        inputs = [EXAMPLES]
    else:
        inputs = [tmp_path_factory.mktemp("bbc") / "bbc.jsonl"]
        if BBC.exists():
            with BBC.open(encoding="utf-8") as lines:
                inputs[0].write_text("".join(itertools.islice(lines, 20)), "utf-8")
    if not inputs[0].exists():
        pytest.skip(f"{inputs[0]} is not beside the checkout")
    return build(inputs)


def test_nquads_are_the_bytes_rdflib_wrote(built, tmp_path) -> None:  # noqa: ANN001
    path = export(built, "nquads", tmp_path / "graph.nq")
    assert path.read_bytes() == _rdflib_lines(to_dataset(built), "nquads")


def test_ntriples_are_the_bytes_rdflib_wrote(built, tmp_path) -> None:  # noqa: ANN001
    path = export(built, "ntriples", tmp_path / "graph.nt")
    assert path.read_bytes() == _rdflib_lines(to_graph(built), "nt")


@pytest.mark.parametrize("name, fmt", [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_triple_formats_hold_the_rdflib_graph(built, tmp_path, name, fmt) -> None:  # noqa: ANN001
    path = export(built, name, tmp_path / f"graph.{name}")
    assert isomorphic(rdflib.Graph().parse(path, format=fmt), to_graph(built))


def test_trig_holds_the_rdflib_dataset(built, tmp_path) -> None:  # noqa: ANN001
    path = export(built, "trig", tmp_path / "graph.trig")
    read = rdflib.Dataset()
    read.parse(path, format="trig")
    expected = to_dataset(built)
    assert sorted(_rdflib_lines(read, "nquads").splitlines()) == sorted(
        _rdflib_lines(expected, "nquads").splitlines()
    )


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not found")
def test_rapper_reads_the_turtle_with_rdflibs_count(built, tmp_path) -> None:  # noqa: ANN001
    path = export(built, "turtle", tmp_path / "graph.ttl")
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True
    )
    assert f"returned {len(to_graph(built))} triples" in result.stderr


@pytest.mark.parametrize(
    "text, written",
    [
        ('say "hi"\\ now', '"say \\"hi\\"\\\\ now"'),
        ("two\nlines\r", '"two\\nlines\\r"'),
        ("tab\tand é", '"tab\tand é"'),
    ],
)
def test_literals_are_escaped_as_ntriples_wants(text: str, written: str) -> None:
    from rdflib.plugins.serializers.nt import _quoteLiteral

    assert quads.literal(text) == written == _quoteLiteral(rdflib.Literal(text))


def test_numbers_are_written_as_rdflib_wrote_them() -> None:
    from decimal import Decimal

    from rdflib.namespace import XSD

    for value in (0.9, 1.0, 1, 1e20, 1.5e-7, 12345678901234567890, float("inf")):
        assert quads.decimal(value) == rdflib.Literal(value, datatype=XSD.decimal).n3()
    for value in (0.9, 1, 1e-7, 0.123456789):
        expected = Decimal(format(Decimal(repr(float(value))), "f"))
        assert quads.confidence(value) == rdflib.Literal(expected, datatype=XSD.decimal).n3()
    assert quads.integer(7) == rdflib.Literal(7).n3()


def test_an_iri_no_writer_accepts_is_refused() -> None:
    from graph.errors import ExportError

    with pytest.raises(ExportError, match="as an IRI"):
        quads.iri("https://example.org/a b")
