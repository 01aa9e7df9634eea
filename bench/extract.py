"""CPU seconds of extraction per article, and by extractor: the first N BBC articles are
parsed first (not timed), one article is extracted to load what extractors load once, then
every article is extracted and resolved with a CPU timer around each extractor.

Usage: python -m bench.extract [--articles N] [--top K] [--corpus FILE.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import defaultdict

from bench.run import CORPUS


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--corpus", default=str(CORPUS))
    args = parser.parse_args(argv)

    from graph import nlp
    from graph.extract import Context, _dedupe, active, extract
    from graph.ingest import read_articles
    from graph.model import ArticleExtraction
    from graph.resolve import resolve

    articles = list(itertools.islice(read_articles([args.corpus]), args.articles))
    parsed = list(nlp.parse(articles))
    started = time.process_time()
    extract(*parsed[0])
    first = time.process_time() - started
    seconds: dict[str, float] = defaultdict(float)
    chosen = active()
    started = time.process_time()
    for article, doc in parsed:
        ctx = Context(article, doc)
        relations: list = []
        ctx.notes["relations"] = relations
        for name, extractor in chosen:
            ctx.current = name
            begun = time.process_time()
            relations.extend(extractor(ctx))
            seconds[name] += time.process_time() - begun
        begun = time.process_time()
        mentions = tuple(sorted(ctx.mentions, key=lambda m: (m.start, m.end)))
        resolve(ArticleExtraction(article, mentions, tuple(_dedupe(relations))))
        seconds["(resolve)"] += time.process_time() - begun
    total = time.process_time() - started
    print(f"first article, cold (one-off loads included): {first:.3f} CPU s")
    print(f"{len(parsed)} articles: {total:.2f} CPU s, {total / len(parsed):.4f} per article")
    for name, spent in sorted(seconds.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {name:28s} {spent:7.3f} s  {spent / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
