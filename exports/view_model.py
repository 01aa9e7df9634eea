"""What the HTML view draws and says, decided in Python so it is tested without a browser:
which entities are drawn by default, their communities and prominence, how parallel
relations are kept apart, and the plain words of the evidence panel."""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graph.vocab import RelationType

VALUE_TYPES = frozenset({"Date", "Quantity"})
"""Entities that are values of a fact rather than actors: shown in their facts' panels, drawn
only when the reader asks for everything."""
COMMUNITY_SEED = 7
WIKIDATA_PROPERTY = "https://www.wikidata.org/wiki/Property:"
CURVE_STEP = 0.4  # vis-network roundness between neighbouring parallel edges
MAX_ROUNDNESS = 0.8


def drawn_entities(graph: nx.MultiDiGraph) -> set[str]:
    """Entities drawn by default: those in a relation with another entity that is not a
    date or a quantity (dates and quantities themselves are never drawn by default)."""
    kind = nx.get_node_attributes(graph, "type")
    drawn: set[str] = set()
    for u, v in graph.edges():
        if kind[u] not in VALUE_TYPES and kind[v] not in VALUE_TYPES:
            drawn.update((u, v))
    return drawn


def _relations_graph(graph: nx.MultiDiGraph, drawn: set[str]) -> nx.Graph:
    """The drawn entities as a simple undirected graph weighted by relation count, built in
    sorted order so the same facts give the same communities whatever order they came in."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(drawn))
    for u, v in sorted((u, v) for u, v in graph.edges() if u in drawn and v in drawn):
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def communities(graph: nx.MultiDiGraph, drawn: set[str] | None = None) -> dict[str, int]:
    """Drawn entity -> its Louvain community (seeded), numbered from 0 by size, largest first."""
    drawn = drawn_entities(graph) if drawn is None else drawn
    simple = _relations_graph(graph, drawn)
    if not simple:
        return {}
    found = nx.community.louvain_communities(simple, weight="weight", seed=COMMUNITY_SEED)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


def prominence(graph: nx.MultiDiGraph, drawn: set[str]) -> dict[str, int]:
    """Drawn entity -> its rank by relations among drawn entities (0: the most connected;
    ties by mentions, then key), so the page can always label the top few."""
    degree: Counter[str] = Counter()
    for u, v in graph.edges():
        if u in drawn and v in drawn:
            degree[u] += 1
            degree[v] += 1
    order = sorted(drawn, key=lambda n: (-degree[n], -graph.nodes[n].get("mentions", 1), n))
    return {node: i for i, node in enumerate(order)}


def edge_curves(graph: nx.MultiDiGraph) -> dict[str, tuple[str, float]]:
    """Relation key -> (vis-network smooth type, roundness) for relations sharing their two
    entities with another, fanned out on both sides of the straight line so none lies under
    another (a negated membership beside an asserted exclusion stays visible and clickable).
    A relation alone between its two entities is absent: it is drawn straight."""
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, key in graph.edges(keys=True):
        if u != v:
            pairs[(min(u, v), max(u, v))].append((key, u, v))
    curves: dict[str, tuple[str, float]] = {}
    for (low, _), edges in pairs.items():
        if len(edges) < 2:
            continue
        step = min(CURVE_STEP, 2 * MAX_ROUNDNESS / (len(edges) - 1))
        for i, (key, u, _) in enumerate(sorted(edges)):
            offset = (i - (len(edges) - 1) / 2) * step
            if abs(offset) < 1e-9:
                continue  # the middle one of an odd count stays straight
            clockwise = (offset > 0) == (u == low)  # the same side seen from either end
            curves[key] = ("curvedCW" if clockwise else "curvedCCW", round(abs(offset), 3))
    return curves


def edge_label(label: str, stance: str) -> str:
    """The words drawn on a relation: its predicate's label, marked when not asserted."""
    if stance == "negated":
        return "not " + label
    if stance in ("proposed", "reported"):
        return f"{label} ({stance})"
    return label


def stance_words(stance: str, speaker: str | None = None) -> str:
    """The stance in plain words for the panel."""
    if stance == "negated":
        return "negated: the article says this is not so"
    if stance == "proposed":
        return "proposed: put forward, not (yet) the case"
    if stance == "reported":
        return f"said by {speaker}" if speaker else "reported, speaker not named"
    return "stated by the article"


def evidence_span(data: dict) -> tuple[int, int] | None:
    """Where the fact's words lie in its evidence sentence (offsets into the sentence)."""
    sentence = data.get("sentence") or ""
    start = data.get("start", 0) - data.get("sentence_start", 0)
    end = data.get("end", 0) - data.get("sentence_start", 0)
    if 0 <= start < end <= len(sentence):
        return start, end
    return None


def wikidata_link(relation: RelationType | None) -> dict | None:
    """The predicate's Wikidata property as a link, and how closely it matches."""
    if relation is None or not relation.wikidata:
        return None
    match = {"close": "close match", "inverse": "inverse property"}.get(
        relation.wikidata_match or "", "same meaning"
    )
    return {
        "id": relation.wikidata,
        "url": WIKIDATA_PROPERTY + relation.wikidata,
        "match": match,
    }


def value_text(node: dict) -> str:
    """A date or quantity as the panel shows it: its words, and its value where known."""
    value = node.get("date_value", node.get("numeric_value"))
    label = node.get("label", "")
    return f"{label} ({value})" if value is not None and str(value) != label else label
