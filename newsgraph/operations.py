"""The operations of the command line as Python functions, so ``import newsgraph`` offers
what ``newsgraph`` does: query, validate, write (a build's output folder), view, evaluate,
train (the store's add, remove, export and serve are newsgraph/store.py's Store). Each
imports its library module on first call."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx
    import pyoxigraph as ox

    from graph.validate import Report


def _oxigraph(source: Any) -> ox.Store:
    """``source`` as a pyoxigraph Store to run SPARQL on."""
    import pyoxigraph as ox

    from newsgraph.store import Store

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Store):
        return source.open()
    if isinstance(source, (str, Path)):
        from graph.query import open_source

        return open_source(Path(source))
    from exports.rdf import to_dataset

    store = ox.Store()
    store.load(to_dataset(source).serialize(format="nquads"), format=ox.RdfFormat.N_QUADS)
    return store


def query(source: Any, sparql: str, format: str | None = None) -> Any:  # noqa: A002
    """Run SPARQL over ``source`` (a graph file, a store folder or Store, a pyoxigraph Store,
    or a graph that ``build`` returned); the project's prefixes (ng:, rdfs:, schema: ...) are
    declared for it, as ``newsgraph query`` declares them. Returns pyoxigraph's result
    (QuerySolutions, QueryBoolean or QueryTriples) or, with ``format`` ("table", "csv",
    "tsv", "json", "xml"), the text the CLI prints."""
    from graph.query import render, run

    result = run(_oxigraph(source), sparql)
    return result if format is None else render(result, format)


def validate(source: Any) -> Report:
    """Check a graph file, an rdflib Graph or a graph ``build`` returned against the SHACL
    shapes (graph/schema/shapes.ttl). Returns a Report: conforms, violations, text."""
    from graph.validate import validate_file, validate_graph

    if isinstance(source, (str, Path)):
        return validate_file(Path(source))
    import networkx as nx

    if isinstance(source, nx.MultiDiGraph):
        from exports.rdf import to_graph

        source = to_graph(source)
    return validate_graph(source)


def write(graph: nx.MultiDiGraph, outdir: str | Path, formats: Iterable[str] = ()) -> list[Path]:
    """What ``newsgraph build -o OUTDIR -f FORMAT`` writes: OUTDIR/graph.ttl, graph.nq and
    one file per extra format, replacing the folder's previous build as a whole."""
    from exports.outdir import build_formats, write_build

    return write_build(graph, Path(outdir), build_formats(formats))


def view(source: nx.MultiDiGraph | str | Path, path: str | Path = "graph.html") -> Path:
    """What ``newsgraph view`` draws: the interactive HTML view, or an SVG/PNG picture (by
    the suffix of ``path``), of a graph or a graph file."""
    from exports import view as draw
    from exports import view_format

    path = Path(path)
    view_format(path)  # an unknown suffix fails before any reading
    if isinstance(source, (str, Path)):
        from exports.rdf_read import read_graph

        source = read_graph(Path(source))
    return draw(source, path)


def evaluate(dataset: str, path: str | Path, model: str | None = None, **options: Any) -> dict:
    """``newsgraph eval DATASET FILE``: the scores as the ``--json`` line holds them.
    ``dataset`` is "conll04" (options: ``system``, "newsgraph" or "textacy"), "news"
    (options: ``keep``, ``errors``, ``on_error``) or "coref"."""
    path = Path(path)
    if dataset == "conll04":
        from graph.evaluate import evaluate as conll04

        return conll04(path, options.get("system", "newsgraph"), model)
    if dataset == "news":
        from graph.learn import news_eval

        results = news_eval.evaluate(
            path, model=model, keep=options.get("keep"), on_error=options.get("on_error")
        )
        summary = news_eval.summarise(results)
        if options.get("errors"):
            summary["errors"] = news_eval.errors(results)
        return summary
    if dataset == "coref":
        from graph import coref_eval

        return coref_eval.evaluate(path, model)
    from graph.errors import InputError

    raise InputError(f"unknown evaluation data set {dataset!r} (known: conll04, news, coref)")


def train_relations(
    redocred: Iterable[str | Path],
    conll04: str | Path | None = None,
    output: str | Path | None = None,
    **options: Any,
) -> dict:
    """``newsgraph train relations``: fit the relation model (graph/learn/train.py) and
    save it to ``output`` (default: the shipped model). Options: ``c``, ``model``,
    ``min_precision``. Returns the training report."""
    from graph.learn.model import MODEL
    from graph.learn.train import STATEMENT_PRECISION, train

    return train(
        [Path(p) for p in redocred],
        Path(conll04) if conll04 is not None else None,
        Path(output) if output is not None else MODEL,
        options.get("c", 1.0),
        options.get("model"),
        options.get("min_precision", STATEMENT_PRECISION),
    )
