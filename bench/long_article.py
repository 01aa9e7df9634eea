"""How build time grows with the length of one article: the first BBC articles joined into
one text, cut at each length, built in this process (spaCy loaded once before timing), once
with the paragraph breaks kept and once as one line (scraped text often has none). Prints
CPU seconds (the machine is shared: wall time moves with the load), CPU seconds per 10,000
characters, entities and relations, and writes bench/results/long_article.json.

Usage: python bench/long_article.py [LENGTH ...]   (default 10000 40000 80000 160000)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))


def main() -> int:
    from graph import nlp
    from graph.ingest import make_article
    from graph.pipeline import build

    lengths = [int(n) for n in sys.argv[1:]] or [10_000, 40_000, 80_000, 160_000]
    with BBC.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line, _ in zip(handle, range(200), strict=False)]
    layouts = {"paragraphs": "\n\n".join(texts), "one line": " ".join(texts).replace("\n", " ")}
    nlp.load()
    build([make_article("Rain fell in Lima.", id="warm-up")], link=False)
    rows = []
    for layout, text in layouts.items():
        for length in lengths:
            article = make_article(text[:length], id="long", detect_title=False)
            started = time.process_time()
            graph = build([article], link=False)
            cpu = time.process_time() - started
            row = {"layout": layout, "chars": length, "cpu_seconds": round(cpu, 1)}
            row |= {"entities": graph.number_of_nodes(), "relations": graph.number_of_edges()}
            rows.append(row)
            print(
                f"{layout:<10} {length:>8,} characters  {cpu:7.1f} CPU s  "
                f"{cpu / length * 1e4:5.2f} per 10k  {row['entities']} entities  "
                f"{row['relations']} relations",
                flush=True,
            )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "long_article.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
