"""Properties over hostile text, HTML and JSON Lines inputs (hypothesis, tests/strategies.py):
a build never crashes (a bad input is one NewsgraphError of one line, the rest is built),
every RDF output parses in rdflib, pyoxigraph and rapper with the same number of triples,
the graph-tool outputs read back in networkx, and N-Quads is sorted and byte-identical
across two processes. The number of examples is the settings profile's (tests/conftest.py:
a few dozen by default, HYPOTHESIS_PROFILE=thorough for more)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from graph.errors import NewsgraphError
from tests.strategies import html_pages, jsonl_files, text_files

ROOT = Path(__file__).resolve().parent.parent
HTML_BYTES = html_pages().map(lambda page: page.encode("utf-8", "surrogatepass"))
FILES = {
    "text": (".txt", text_files()),
    "html": (".html", HTML_BYTES),
    "jsonl": (".jsonl", jsonl_files()),
}
RDF = {  # export name: (rdflib format, pyoxigraph format name, rapper parser or None)
    "turtle": ("turtle", "TURTLE", "turtle"),
    "ntriples": ("nt", "N_TRIPLES", "ntriples"),
    "nquads": ("nquads", "N_QUADS", "nquads"),
    "trig": ("trig", "TRIG", "trig"),
    "jsonld": ("json-ld", "JSON_LD", None),
}
RAPPER = shutil.which("rapper")


def _write(folder: Path, kind: str, contents: list[bytes]) -> list[Path]:
    paths = []
    for number, data in enumerate(contents):
        path = folder / f"in{number}{FILES[kind][0]}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _one_line(error: BaseException) -> None:
    assert isinstance(error, NewsgraphError), repr(error)
    message = str(error)
    assert message.strip() and "\n" not in message and "\r" not in message, repr(message)


def build_or_refuse(paths: list[Path]):  # noqa: ANN201
    """The graph of the inputs (None when none could be built); every refusal is checked
    to be one line of the project's own error class."""
    from graph import build

    errors: list[NewsgraphError] = []
    try:
        graph = build(paths, on_error=errors.append)
    except NewsgraphError as error:  # e.g. nothing in any input to build
        errors.append(error)
        graph = None
    for error in errors:
        _one_line(error)
    return graph if graph is not None and graph.graph["articles"] else None


def _rdflib_count(path: Path, fmt: str) -> int:
    from rdflib import Dataset, Graph

    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        return sum(len(g) for g in dataset.graphs())
    return len(Graph().parse(path, format=fmt))


def _rapper_count(path: Path, parser: str) -> int:
    result = subprocess.run(
        [RAPPER, "-i", parser, "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "rapper: Error" not in result.stderr, result.stderr
    (line,) = [ln for ln in result.stderr.splitlines() if "Parsing returned" in ln]
    return int(line.split()[-2])


def check_outputs(graph, folder: Path) -> None:  # noqa: ANN001
    """Every RDF format parses alike in three parsers; N-Quads is sorted; the graph-tool
    formats read back in networkx."""
    import networkx as nx
    import pyoxigraph as ox

    from exports import export

    for name, (rdflib_format, ox_format, rapper_parser) in RDF.items():
        path = export(graph, name, folder / f"graph.{name}")
        quads = list(ox.parse(path=str(path), format=getattr(ox.RdfFormat, ox_format)))
        assert quads, name
        assert _rdflib_count(path, rdflib_format) == len(set(quads)), name
        if RAPPER and rapper_parser:
            assert _rapper_count(path, rapper_parser) == len(quads), name
        if name == "nquads":
            lines = path.read_bytes().splitlines()
            assert lines == sorted(lines) and len(lines) == len(quads)
    nx.read_graphml(export(graph, "graphml", folder / "graph.graphml"))
    nx.read_gexf(export(graph, "gexf", folder / "graph.gexf"))
    json.loads(export(graph, "cytoscape", folder / "graph.cyjs").read_text("utf-8"))


@pytest.mark.parametrize("kind", sorted(FILES))
@given(data=st.data())
def test_any_input_is_built_or_refused_and_its_outputs_read_back(kind: str, data) -> None:  # noqa: ANN001
    contents = data.draw(st.lists(FILES[kind][1], min_size=1, max_size=2), label=kind)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        graph = build_or_refuse(_write(folder, kind, contents))
        event("built" if graph is not None else "all refused")
        if graph is not None:
            event(f"relations: {min(graph.number_of_edges(), 3)}+")
            check_outputs(graph, folder)


@given(data=st.one_of(text_files(), jsonl_files(), HTML_BYTES))
def test_stdin_is_read_or_refused_in_one_line(data: bytes) -> None:
    """Ingest alone (no parsing, so more examples are cheap): stdin of any bytes."""
    from graph.ingest import from_stream

    errors: list[NewsgraphError] = []
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    try:
        articles = list(from_stream(stream, errors.append))
    except NewsgraphError as error:
        errors.append(error)
        articles = []
    for error in errors:
        _one_line(error)
    for article in articles:
        assert len(article.body) == len(article.text)  # offsets index the original text


WORKER = """
import sys, json
from pathlib import Path
from exports import export
from graph import build
for folder in json.loads(sys.argv[1]):
    folder = Path(folder)
    graph = build(sorted(folder.glob("in*")), on_error=lambda e: None)
    export(graph, "nquads", folder / f"run{sys.argv[2]}.nq")
"""


@settings(max_examples=1)
@given(st.lists(st.sampled_from(sorted(FILES)).flatmap(
    lambda kind: st.tuples(st.just(kind), FILES[kind][1])), min_size=6, max_size=6))  # fmt: skip
def test_nquads_are_byte_identical_across_two_processes(inputs) -> None:  # noqa: ANN001
    """Two processes with different hash seeds (rdflib's store order follows them) write
    the same bytes for each of a few generated inputs."""
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for number, (kind, data) in enumerate(inputs):
            folder = Path(tmp) / str(number)
            folder.mkdir()
            _write(folder, kind, [data])
            folders.append(str(folder))
        for seed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
            command = [sys.executable, "-c", WORKER, json.dumps(folders), seed]
            result = subprocess.run(
                command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
            )
            assert result.returncode == 0, result.stderr
        for folder in map(Path, folders):
            first, second = (folder / "run1.nq").read_bytes(), (folder / "run2.nq").read_bytes()
            assert first == second, folder
