"""A synthetic graph of any size following the kg.py contract, for the view benchmark and the
tests of how exports cope with large graphs."""

from __future__ import annotations

import random
from itertools import accumulate

import networkx as nx

from graph.kg import new_graph

TYPES = ["Person", "Organization", "Country", "Place", "Group", "Event", "Position"]
PREDICATES = ["memberOf", "worksFor", "locatedIn", "meets", "leaderOf", "basedIn", "supports"]
STANCES = ["asserted"] * 7 + ["proposed", "negated", "reported"]


def synthetic_graph(nodes: int, edges: int, seed: int = 1, articles: int = 50) -> nx.MultiDiGraph:
    """``nodes`` entities and ``edges`` relations spread over ``articles`` articles; subjects
    are drawn by popularity, so a few hubs and many leaves, like a news corpus."""
    rng = random.Random(seed)
    graph = new_graph()
    for a in range(articles):
        graph.graph["articles"][f"a{a}"] = {
            "title": f"Article {a}",
            "date": None,
            "url": None,
            "source": "",
            "sha1": None,
        }
    keys = [f"{rng.choice(TYPES)}/entity-{i}" for i in range(nodes)]
    for key in keys:
        article = f"a{rng.randrange(articles)}"
        mentions = rng.randint(1, 30)
        graph.add_node(
            key,
            label=key.split("/")[1].replace("-", " ").title(),
            type=key.split("/")[0],
            aliases=[],
            mentions=mentions,
            articles=[article],
            article_mentions={article: mentions},
        )
    # Zipf-like popularity: the i-th entity is drawn with weight 1/i^0.9; with 5,000 entities
    # and 20,000 relations the top one takes part in about one relation in ten
    weights = list(accumulate(1 / (i + 1) ** 0.9 for i in range(nodes)))
    for i in range(edges):
        u = rng.choices(keys, cum_weights=weights)[0]
        v = rng.choices(keys, cum_weights=weights)[0] if rng.random() < 0.5 else rng.choice(keys)
        graph.add_edge(
            u,
            v,
            key=f"s{i}",
            predicate=rng.choice(PREDICATES),
            stance=rng.choice(STANCES),
            confidence=0.8,
            extractor="synthetic",
            article=f"a{rng.randrange(articles)}",
            sentence="A synthetic sentence.",
            sentence_start=0,
            start=0,
            end=1,
            speaker=None,
        )
    return graph


def with_values(graph: nx.MultiDiGraph, dated: int = 10, loose: int = 5) -> nx.MultiDiGraph:
    """``graph`` with a date for each of its first ``dated`` entities (a point-in-time
    relation) and ``loose`` quantities in no relation, as the extractors write them."""
    keys = list(graph)
    for i in range(dated + loose):
        key = f"Date/day-{i}" if i < dated else f"Quantity/q-{i}"
        article = graph.nodes[keys[i]]["articles"][0] if i < dated else "a0"
        graph.add_node(
            key,
            label=key.split("/")[1],
            type=key.split("/")[0],
            aliases=[],
            mentions=1,
            articles=[article],
            article_mentions={article: 1},
        )
        if i < dated:
            graph.add_edge(
                keys[i],
                key,
                key=f"v{i}",
                predicate="pointInTime",
                stance="asserted",
                confidence=0.8,
                extractor="synthetic",
                article=article,
                sentence="A synthetic sentence.",
                sentence_start=0,
                start=0,
                end=1,
                speaker=None,
            )
    return graph
