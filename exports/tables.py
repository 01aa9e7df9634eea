"""The graph as tables: one row per relation mention, per statement or per entity.

Rows are plain dicts (columns in a fixed order), so they need nothing beyond the graph;
``to_dataframe`` turns them into a pandas DataFrame, pandas being the optional extra
``newsgraph[dataframe]``. Three tables:

- ``relations``: one row per edge (a relation mention), readable: entity keys and labels,
  predicate and its label, stance, speaker, extractor, confidence, sentence, article, offsets;
- ``statements``: the same edges as the RDF export writes them (ng:Statement): IRIs of the
  statement, subject, predicate, object, speaker, article and named graph, and whether it is
  also a bare triple, so rows join with what ``newsgraph query`` returns;
- ``entities``: one row per node: key, IRI, label, type, aliases, articles, mention count,
  links (linked IRIs) and a date's or quantity's value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import networkx as nx

from graph.errors import ExportError
from graph.lexicon import writes_bare_triple
from graph.vocab import (
    STATEMENT,
    article_graph_iri,
    article_iri,
    entity_iri,
    predicate_iri,
    relation_schema,
)

if TYPE_CHECKING:
    import pandas

RELATION_COLUMNS = (
    "statement",
    "subject",
    "subject_label",
    "subject_type",
    "predicate",
    "predicate_label",
    "object",
    "object_label",
    "object_type",
    "stance",
    "speaker",
    "speaker_label",
    "extractor",
    "confidence",
    "article",
    "sentence",
    "sentence_start",
    "start",
    "end",
)
STATEMENT_COLUMNS = (
    "statement",
    "subject",
    "predicate",
    "object",
    "stance",
    "speaker",
    "bare_triple",
    "extractor",
    "confidence",
    "article",
    "graph",
    "sentence",
    "start",
    "end",
)
ENTITY_COLUMNS = (
    "key",
    "iri",
    "label",
    "type",
    "aliases",
    "articles",
    "mentions",
    "links",
    "value",
)


def relation_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One row per relation mention (edge), in the graph's edge order."""
    schema = relation_schema()
    nodes = graph.nodes
    rows = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        speaker = data.get("speaker")
        relation = schema.get(data["predicate"])
        rows.append(
            {
                "statement": key,
                "subject": u,
                "subject_label": nodes[u]["label"],
                "subject_type": nodes[u]["type"],
                "predicate": data["predicate"],
                "predicate_label": relation.label if relation else data["predicate"],
                "object": v,
                "object_label": nodes[v]["label"],
                "object_type": nodes[v]["type"],
                "stance": data["stance"],
                "speaker": speaker,
                "speaker_label": nodes[speaker]["label"] if speaker in nodes else None,
                "extractor": data["extractor"],
                "confidence": data["confidence"],
                "article": data["article"],
                "sentence": data["sentence"],
                "sentence_start": data["sentence_start"],
                "start": data["start"],
                "end": data["end"],
            }
        )
    return rows


def statement_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One row per ng:Statement, with the IRIs the RDF export gives it (exports/rdf.py)."""
    rows = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        speaker = data.get("speaker")
        rows.append(
            {
                "statement": str(STATEMENT[key]),
                "subject": str(entity_iri(u)),
                "predicate": str(predicate_iri(data["predicate"])),
                "object": str(entity_iri(v)),
                "stance": data["stance"],
                "speaker": str(entity_iri(speaker)) if speaker else None,
                "bare_triple": writes_bare_triple(data["stance"], data["extractor"]),
                "extractor": data["extractor"],
                "confidence": data["confidence"],
                "article": str(article_iri(data["article"])),
                "graph": str(article_graph_iri(data["article"])),
                "sentence": data["sentence"],
                "start": data["start"],
                "end": data["end"],
            }
        )
    return rows


def entity_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One row per entity (node), in the graph's node order."""
    rows = []
    for key, data in graph.nodes(data=True):
        value = data.get("date_value", data.get("numeric_value"))
        rows.append(
            {
                "key": key,
                "iri": str(entity_iri(key)),
                "label": data["label"],
                "type": data["type"],
                "aliases": list(data.get("aliases", [])),
                "articles": list(data.get("articles", [])),
                "mentions": data.get("mentions", 0),
                "links": sorted({link["target"] for link in data.get("links", [])}),
                "value": value,
            }
        )
    return rows


TABLES: dict[str, tuple[Callable[[nx.MultiDiGraph], list[dict]], tuple[str, ...]]] = {
    "relations": (relation_rows, RELATION_COLUMNS),
    "statements": (statement_rows, STATEMENT_COLUMNS),
    "entities": (entity_rows, ENTITY_COLUMNS),
}


def to_dataframe(graph: nx.MultiDiGraph, what: str = "relations") -> pandas.DataFrame:
    """A pandas DataFrame of one table (``what``: relations, statements or entities; see the
    module docstring), with its columns even when the graph is empty."""
    if what not in TABLES:
        raise ValueError(f"what must be one of {', '.join(TABLES)}, not {what!r}")
    try:
        import pandas
    except ImportError:
        raise ExportError(
            "to_dataframe needs pandas, which is an optional extra: "
            "pip install 'newsgraph[dataframe]' (or pip install pandas)"
        ) from None
    rows, columns = TABLES[what]
    return pandas.DataFrame(rows(graph), columns=list(columns))
