"""What the corpus store costs on top of extraction: one add of N BBC articles, then single
article adds into that store (each copies the live generation, applies the article, tidies
and recounts), query latency, and size on disk.

Articles are extracted once up front, so the times are the store's alone. Prints seconds,
articles/s, the ratio of a single add's cost to an article's share of the batch add, and
writes bench/results/store_add.json.

Usage: python bench/store_add.py [--articles N] [--singles K]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

QUERIES = {
    "people by articles": """SELECT ?label (COUNT(DISTINCT ?a) AS ?n) WHERE {
        ?e a ng:Person ; rdfs:label ?label ; ng:mentionedIn ?a } GROUP BY ?label
        ORDER BY DESC(?n) LIMIT 10""",
    "asserted facts of one type": """SELECT ?s ?o WHERE { ?st a ng:Statement ;
        ng:stance ng:Asserted ; rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p } LIMIT 100""",
}


def _size_mb(path: Path) -> float:
    """Bytes on disk, each hard-linked file counted once."""
    seen, total = set(), 0
    for file in path.rglob("*"):
        if file.is_file():
            stat = file.stat()
            if stat.st_ino not in seen:
                seen.add(stat.st_ino)
                total += stat.st_blocks * 512
    return total / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--singles", type=int, default=10)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 1

    from graph import store
    from graph.ingest import read_articles
    from graph.link import linker
    from graph.pipeline import resolve_articles
    from graph.query import run

    started = time.perf_counter()
    articles = list(islice(read_articles([CORPUS]), args.articles + args.singles))
    resolved = list(resolve_articles(articles))
    extraction = time.perf_counter() - started
    link = linker(None)
    batch, singles = resolved[: args.articles], resolved[args.articles :]

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "store"
        started = time.perf_counter()
        report = store.add(directory, batch, link=link)
        batch_seconds = time.perf_counter() - started
        single_seconds = []
        for item in singles:
            started = time.perf_counter()
            store.add(directory, [item], link=link)
            single_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.add(directory, singles[:1], link=link)  # already stored: changes nothing
        unchanged_seconds = time.perf_counter() - started
        db = store.open_store(directory)
        quads = len(db)
        query_ms = {}
        for name, sparql in QUERIES.items():
            times = []
            for _ in range(5):
                started = time.perf_counter()
                list(run(db, sparql))
                times.append((time.perf_counter() - started) * 1000)
            query_ms[name] = statistics.median(times)
        size = _size_mb(directory)

    per_article_in_batch = batch_seconds / len(report.added)
    single = statistics.median(single_seconds)
    result = {
        "articles": len(report.added),
        "quads": quads,
        "extraction_seconds": round(extraction, 2),
        "batch_add_seconds": round(batch_seconds, 2),
        "batch_articles_per_second": round(len(report.added) / batch_seconds, 1),
        "single_add_median_seconds": round(single, 3),
        "single_over_batch_share": round(single / per_article_in_batch, 1),
        "unchanged_add_seconds": round(unchanged_seconds, 3),
        "query_median_ms": {k: round(v, 1) for k, v in query_ms.items()},
        "disk_mb": round(size, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "store_add.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"extraction of {len(resolved)} articles: {extraction:.1f} s (not counted below)\n"
        f"one add of {len(report.added)} articles: {batch_seconds:.2f} s "
        f"({len(report.added) / batch_seconds:.1f} articles/s), {quads} quads, {size:.1f} MB\n"
        f"single-article add into that store: median {single:.3f} s over {len(singles)} "
        f"= {single / per_article_in_batch:.1f}x an article's share of the batch add\n"
        f"add of an article already stored: {unchanged_seconds:.3f} s\n"
        + "\n".join(f"query '{k}': median {v:.1f} ms" for k, v in query_ms.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
