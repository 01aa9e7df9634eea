"""newsgraph: news articles in, a queryable RDF knowledge graph out.

>>> from graph import build
>>> kg = build(["examples/"])          # a networkx MultiDiGraph
>>> from exports import export
>>> export(kg, "turtle", Path("out/graph.ttl"))
"""

from graph.errors import NewsgraphError

__all__ = ["build", "build_text", "NewsgraphError"]


def __getattr__(name: str):  # noqa: ANN202
    # Lazy, so `import graph` (and `newsgraph query`) never imports spaCy.
    if name in {"build", "build_text", "resolve_articles"}:
        from graph import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
