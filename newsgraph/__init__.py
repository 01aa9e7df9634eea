"""newsgraph: news articles in, a queryable RDF knowledge graph out.

The importable name of the package: the builder lives in ``graph`` and the writers in
``exports`` (the customer's layout), and this module gathers the public API under the
project's own name.

>>> import newsgraph
>>> kg = newsgraph.build(["examples/"])      # a networkx MultiDiGraph
>>> newsgraph.export(kg, "turtle", Path("out/graph.ttl"))
"""

from importlib.metadata import PackageNotFoundError, version

from graph.errors import NewsgraphError

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0+unknown"

__all__ = ["NewsgraphError", "__version__", "build", "build_text", "export", "resolve_articles"]


def __getattr__(name: str):  # noqa: ANN202
    # Lazy, so `import newsgraph` never imports spaCy or rdflib until they are used.
    if name in {"build", "build_text", "resolve_articles"}:
        from graph import pipeline

        return getattr(pipeline, name)
    if name == "export":
        from exports import export

        return export
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
