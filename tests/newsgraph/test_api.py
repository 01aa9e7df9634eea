"""``import newsgraph``: the public API under the project's name, lazy about its heavy
imports, and README's example of it run as written, its output compared with README's."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

import newsgraph
from exports.rdf import to_graph
from graph.kg import add_article, new_graph
from graph.nlp import DEFAULT_MODEL, load
from graph.vocab import article_graph_iri
from tests.records import coalition_article

ROOT = Path(__file__).resolve().parents[2]


def test_every_public_name_resolves() -> None:
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        newsgraph.nothing  # noqa: B018


def test_import_newsgraph_imports_no_spacy_rdflib_or_pandas(tmp_path: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, newsgraph; "
         "print(*(m in sys.modules for m in ('spacy', 'rdflib', 'pandas', 'networkx')))"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split() == ["False", "False", "False", "False"]


def test_to_rdflib_is_the_export_as_a_graph_or_a_dataset() -> None:
    kg = new_graph()
    add_article(kg, coalition_article("a1"))
    add_article(kg, coalition_article("a2"))
    rdf = newsgraph.to_rdflib(kg)
    assert isinstance(rdf, Graph) and set(rdf) == set(to_graph(kg))
    dataset = newsgraph.to_rdflib(kg, dataset=True)
    assert isinstance(dataset, Dataset)
    names = {g.identifier for g in dataset.graphs()}
    assert {article_graph_iri("a1"), article_graph_iri("a2")} <= names


def readme_example() -> tuple[str, str]:
    """The Python block of README's Python API section that uses to_dataframe, and the text
    block right under it (what it prints)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", section, re.S | re.M)
    for (kind, code), (after, shown) in zip(blocks, blocks[1:]):  # noqa: B905
        if kind == "python" and "newsgraph.to_dataframe" in code and after == "text":
            return code, shown
    raise AssertionError("README's Python API section has no to_dataframe example with output")


def test_readme_example_prints_what_readme_shows(monkeypatch) -> None:  # noqa: ANN001
    pytest.importorskip("pandas")
    import spacy

    import newsgraph.spacy_component  # noqa: F401  (the entry point does this once installed)

    code, shown = readme_example()
    shared = load()  # the pipeline the other tests share, not a second copy of the model

    def load_shared(name: str):  # noqa: ANN202
        assert name == DEFAULT_MODEL
        return shared

    monkeypatch.setattr(spacy, "load", load_shared)
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    finally:
        if "newsgraph" in shared.pipe_names:
            shared.remove_pipe("newsgraph")
    assert printed.getvalue() == shown
