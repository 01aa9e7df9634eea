"""newsgraph: news articles in, a queryable RDF knowledge graph out.

The importable name of the package: the builder lives in ``graph`` and the writers in
``exports`` (the customer's layout), and this module gathers the public API under the
project's own name.

>>> import newsgraph
>>> kg = newsgraph.build(["examples/"])      # a networkx MultiDiGraph
>>> newsgraph.export(kg, "turtle", Path("out/graph.ttl"))
>>> newsgraph.write(kg, "out", ["jsonld"])  # what `newsgraph build -o out -f jsonld` writes
>>> newsgraph.query("out/graph.nq", "ASK { ?s ng:capitalOf ?o }")
>>> newsgraph.validate("out/graph.ttl").conforms
>>> store = newsgraph.open_store("corpus/")  # add, remove, query, export, serve
>>> newsgraph.to_dataframe(kg, "relations")  # pandas, the [dataframe] extra
>>> newsgraph.to_rdflib(kg)                  # an rdflib Graph (dataset=True: a Dataset)
>>> newsgraph.show(kg)                       # the interactive view, in a notebook
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from graph.errors import NewsgraphError

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset, Graph

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0+unknown"

__all__ = [
    "NewsgraphError",
    "Store",
    "__version__",
    "build",
    "build_text",
    "evaluate",
    "export",
    "open_store",
    "query",
    "resolve_articles",
    "show",
    "summary",
    "to_dataframe",
    "to_rdflib",
    "train_relations",
    "validate",
    "view",
    "write",
]

# name -> (module, attribute), imported on first use so `import newsgraph` never imports
# spaCy, rdflib or pandas until they are needed.
_LAZY = {
    "build": ("graph.pipeline", "build"),
    "build_text": ("graph.pipeline", "build_text"),
    "resolve_articles": ("graph.pipeline", "resolve_articles"),
    "export": ("exports", "export"),
    "summary": ("graph.kg", "summary"),
    "to_dataframe": ("exports.tables", "to_dataframe"),
    "show": ("newsgraph.notebook", "show"),
    "open_store": ("newsgraph.store", "open_store"),
    "Store": ("newsgraph.store", "Store"),
    "query": ("newsgraph.operations", "query"),
    "validate": ("newsgraph.operations", "validate"),
    "write": ("newsgraph.operations", "write"),
    "view": ("newsgraph.operations", "view"),
    "evaluate": ("newsgraph.operations", "evaluate"),
    "train_relations": ("newsgraph.operations", "train_relations"),
}


def to_rdflib(graph: nx.MultiDiGraph, dataset: bool = False) -> Graph | Dataset:
    """The graph as rdflib: one Graph holding everything (what Turtle and JSON-LD hold), or
    with ``dataset`` a Dataset with one named graph per article (what N-Quads and TriG hold)."""
    from exports.rdf import to_dataset, to_graph

    return to_dataset(graph) if dataset else to_graph(graph)


def __getattr__(name: str):  # noqa: ANN202
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
