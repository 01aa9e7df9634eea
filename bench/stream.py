"""CPU and peak memory of the graph-and-RDF stage alone: the networkx build with the rdflib
writers it used before (an rdflib Graph for Turtle, a Dataset for sorted N-Quads) against
the streaming build (graph/stream.py), on the same resolved articles.

Parsing is the same in both and costs most of a build, so it is done once: the first
``--sample`` BBC articles are resolved and cached, then repeated with new article ids and
new entity keys (every copy's entities are new to the corpus: the outline grows as fast as
it can) up to each size. Each size and path runs in a fresh process; peak RSS comes from
the kernel (ru_maxrss).

Usage: python bench/stream.py [--articles 200 2000] [--sample 20]

Measured on the shared 2-core machine (load about 15): networkx+rdflib 6.89 CPU s / 240 MB
at 200 articles, 101.08 CPU s / 1331 MB at 2,000 (peak x5.54); stream 0.91 CPU s / 190 MB
and 7.06 CPU s / 193 MB (peak x1.02), i.e. x0.07 the CPU at 2,000. Stream alone at 20,000
(``--one stream 20000``): 147.55 CPU s, 416 MB (every copy's entities are new, so the
outline and the entity index grow tenfold: an upper bound).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"


def _sample(n: int, cache: Path) -> Path:
    if cache.exists():
        return cache
    from graph.ingest import read_articles
    from graph.pipeline import resolve_articles

    source = cache.with_suffix(".jsonl")
    with CORPUS.open(encoding="utf-8") as lines:
        source.write_text("".join(itertools.islice(lines, n)), "utf-8")
    cache.write_bytes(pickle.dumps(list(resolve_articles(read_articles([source])))))
    return cache


def _copies(sample: list, n: int):  # noqa: ANN202
    """``n`` resolved articles: the sample again and again, each copy with its own ids."""
    from graph.model import Coreference

    for number in range(n):
        resolved = sample[number % len(sample)]
        copy = number // len(sample)
        article_id = f"{resolved.article.id}-{copy}"

        def key(k: str | None, copy: int = copy) -> str | None:
            return f"{k}-{copy}" if k else k

        yield replace(
            resolved,
            article=replace(resolved.article, id=article_id),
            entities=tuple(replace(e, key=key(e.key)) for e in resolved.entities),
            relations=tuple(
                replace(
                    r,
                    subject=key(r.subject),
                    object=key(r.object),
                    speaker=key(r.speaker),
                    evidence=replace(r.evidence, article_id=article_id),
                )
                for r in resolved.relations
            ),
            coreferences=tuple(
                Coreference(c.mention, key(c.entity_key), c.method) for c in resolved.coreferences
            ),
        )


def _networkx_rdflib(articles, out: Path) -> None:  # noqa: ANN001
    from exports.rdf import to_dataset, to_graph
    from graph.corpus import KnownEntities, merge_nodes, resolve_against
    from graph.kg import add_article, new_graph
    from graph.link import link_graph

    graph, known = new_graph(), KnownEntities()
    for resolved in articles:
        linked = resolve_against(resolved, known)
        add_article(graph, linked.article)
        for merge in linked.merges:
            merge_nodes(graph, merge)
    link_graph(graph)
    to_graph(graph).serialize(destination=str(out / "graph.ttl"), format="turtle")
    lines = sorted(to_dataset(graph).serialize(format="nquads", encoding="utf-8").splitlines())
    (out / "graph.nq").write_bytes(b"".join(line + b"\n" for line in lines if line))


def _streaming(articles, out: Path) -> None:  # noqa: ANN001
    from graph.corpus import KnownEntities, resolve_against
    from graph.stream import StreamingGraph

    known = KnownEntities()
    with tempfile.TemporaryDirectory() as work:
        graph = StreamingGraph(Path(work))
        for resolved in articles:
            graph.add(resolve_against(resolved, known))
        graph.finish(out, ["turtle", "nquads"])


def _run_one(path: str, n: int, cache: Path) -> None:
    from graph.gazetteer import gazetteer

    sample = pickle.loads(cache.read_bytes())
    gazetteer()  # loaded by both; counted before the clock starts
    start = time.process_time()
    with tempfile.TemporaryDirectory() as out:
        (_streaming if path == "stream" else _networkx_rdflib)(_copies(sample, n), Path(out))
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"path": path, "articles": n, "cpu_s": round(cpu, 2), "peak_mb": peak}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--one", nargs=2, metavar=("PATH", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    cache = args.cache or Path(tempfile.gettempdir()) / f"newsgraph-stream-{args.sample}.pickle"
    if args.one:
        _run_one(args.one[0], int(args.one[1]), cache)
        return
    _sample(args.sample, cache)
    results: dict[tuple[str, int], dict] = {}
    for n in args.articles:
        for path in ("networkx+rdflib", "stream"):
            command = [sys.executable, __file__, "--one", path, str(n), "--cache", str(cache)]
            done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
            results[path, n] = json.loads(done.stdout.strip().splitlines()[-1])
            row = results[path, n]
            print(
                f"{path:16} {n:6} articles: {row['cpu_s']:7.2f} CPU s, peak {row['peak_mb']:.0f} MB"
            )
    low, high = min(args.articles), max(args.articles)
    for path in ("networkx+rdflib", "stream"):
        a, b = results[path, low], results[path, high]
        print(
            f"{path:16} {low}->{high}: peak x{b['peak_mb'] / a['peak_mb']:.2f}, "
            f"{b['articles'] / b['cpu_s']:.0f} articles/CPU-s at {high}"
        )
    for n in args.articles:
        old, new = results["networkx+rdflib", n], results["stream", n]
        print(f"at {n}: stream / networkx+rdflib CPU x{new['cpu_s'] / old['cpu_s']:.2f}")


if __name__ == "__main__":
    main()
