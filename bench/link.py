"""What entity linking costs and what it links, on the first N BBC articles.

    python bench/link.py [--articles 100] [--kb FILE] [--show 0]

Builds the articles once without linking, then times loading the gazetteer (first use in
the process) and ``link_graph`` over the whole graph, and prints the share of linking in
the build, how many nodes of each type got a link and the links by method. ``--show N``
prints N example place links per method (and the places left unlinked) to eyeball.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from graph.link import gazetteer, link_graph, read_kb
from graph.pipeline import build

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "bbc.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--kb", type=Path)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, BBC.open() as source:
        corpus = Path(tmp) / "bbc.jsonl"
        corpus.write_text("".join(next(source) for _ in range(args.articles)))
        start = time.perf_counter()
        graph = build(corpus, link=False)
        built = time.perf_counter() - start
    start = time.perf_counter()
    gazetteer()
    loaded = time.perf_counter() - start
    kb = read_kb(args.kb) if args.kb else None
    start = time.perf_counter()
    link_graph(graph, kb)
    linked = time.perf_counter() - start
    print(f"articles: {args.articles}, nodes: {graph.number_of_nodes()}")
    print(f"build without linking: {built:.1f} s")
    print(f"gazetteer load (once per process): {loaded:.2f} s")
    print(f"link_graph: {linked:.3f} s")
    print(f"linking / build: {(loaded + linked) / built:.3f}")
    types = Counter(d["type"] for _, d in graph.nodes(data=True))
    have = Counter(d["type"] for _, d in graph.nodes(data=True) if d.get("links"))
    for etype in ("Country", "Place", "Person", "Organization"):
        print(f"{etype}: {have[etype]} of {types[etype]} nodes linked")
    methods = Counter(x["method"] for _, d in graph.nodes(data=True) for x in d.get("links", ()))
    print("links by method: " + json.dumps(dict(methods.most_common())))
    print(f"background facts: {len(graph.graph['background'])}")
    if args.show:
        rng = random.Random(0)
        examples: dict[str, list[str]] = {}
        for _, d in graph.nodes(data=True):
            for x in d.get("links", ()):
                examples.setdefault(x["method"], []).append(f"{d['label']} -> {x['target']}")
        for method, rows in sorted(examples.items()):
            print(f"{method}: " + "; ".join(rng.sample(rows, min(args.show, len(rows)))))
        unlinked = sorted(
            d["label"]
            for _, d in graph.nodes(data=True)
            if d["type"] == "Place" and not d.get("links")
        )
        print(f"places unlinked ({len(unlinked)}): " + ", ".join(unlinked))


if __name__ == "__main__":
    main()
