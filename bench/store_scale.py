"""Does an add slow down as the store grows? The same 10 articles are added into a store of
100 articles and into one of 10,000, side by side in one run; the ratio is the figure
(issue 10's goal: at most 1.5).

How the big store is made. Extracting 10,000 articles takes about an hour here, so
``--base`` BBC articles (default 300) are extracted once and the store is filled with
copies of them. Copy 0 is the articles as extracted. Copy c of an article gets a new id
(``ID~cN``), a new text (a line appended: a new SHA-1), and its people and organisations
renamed: a copy marker becomes their first word ("Benjamin Netanyahu" -> "C7 Benjamin
Netanyahu", key ``Person/c7-benjamin-netanyahu``, aliases likewise), so every copy brings
its own entities while surnames are shared the way they are in a real archive (each last
word of the name index lists one person per copy). Places, countries and the other types
are shared by all copies, so their mention totals span the whole store. The copies are
written with ``store.add`` (linked as ``newsgraph add`` links), 1,000 articles per
transaction, as a large ``newsgraph add`` would write them.

The small store is the first ``--small`` extracted articles. The probes are further BBC
articles, in neither store: round r adds the same 10 of them to both stores (one add of 10
articles each, the store that goes first alternating), timed in wall-clock and in process
CPU seconds; the ratio is of the medians over the rounds. Also timed, at both sizes: an
add that changes nothing (copying the live generation and its name index, then dropping
the copy) and the removal of one article. Writes bench/results/store_scale.json.

Usage: python bench/store_scale.py [--base N] [--small N] [--large N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

PROBE = 10
"""Articles per timed add."""
CHUNK = 1000
"""Articles per transaction while the big store is written."""
RENAMED = {"Person", "Organization"}


def _renamed(key: str, marker: str) -> str:
    kind, _, name = key.partition("/")
    return f"{kind}/{marker.lower()}-{name}" if kind in RENAMED else key


def copy_of(resolved, number: int):  # noqa: ANN001, ANN201 - ResolvedArticle in and out
    """Copy ``number`` of an extracted article: new id, new text hash, its own people and
    organisations (see the module doc)."""
    if number == 0:
        return resolved
    marker = f"C{number}"
    article = resolved.article
    suffix = f"\n[copy {number}]"
    article = replace(
        article,
        id=f"{article.id}~c{number}",
        text=article.text + suffix,
        body=article.body + suffix if article.body else "",
    )
    keys = {e.key: _renamed(e.key, marker) for e in resolved.entities}
    entities = tuple(
        replace(
            e,
            key=keys[e.key],
            label=f"{marker} {e.label}",
            aliases=tuple(f"{marker} {a}" for a in e.aliases),
            article_ids=(article.id,),
        )
        if keys[e.key] != e.key
        else replace(e, article_ids=(article.id,))
        for e in resolved.entities
    )
    relations = tuple(
        replace(
            r,
            subject=keys.get(r.subject, r.subject),
            object=keys.get(r.object, r.object),
            speaker=keys.get(r.speaker, r.speaker) if r.speaker else None,
            evidence=replace(r.evidence, article_id=article.id),
        )
        for r in resolved.relations
    )
    corefs = tuple(
        replace(c, entity_key=keys.get(c.entity_key, c.entity_key)) for c in resolved.coreferences
    )
    return replace(
        resolved, article=article, entities=entities, relations=relations, coreferences=corefs
    )


def timed(work) -> tuple[float, float]:  # noqa: ANN001
    """Wall-clock and process CPU seconds (all threads, RocksDB's included) of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _size_mb(path: Path) -> float:
    """Bytes on disk, each hard-linked file counted once."""
    seen, total = set(), 0
    for file in path.rglob("*"):
        if file.is_file() and file.stat().st_ino not in seen:
            seen.add(file.stat().st_ino)
            total += file.stat().st_blocks * 512
    return total / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=300, help="articles extracted for copies")
    parser.add_argument("--small", type=int, default=100, help="articles in the small store")
    parser.add_argument("--large", type=int, default=10_000, help="articles in the big store")
    parser.add_argument("--rounds", type=int, default=3, help="timed adds per store")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 1
    if not 0 < args.small <= args.base:
        parser.error("--small must be between 1 and --base")

    from graph import store
    from graph.ingest import read_articles
    from graph.link import linker
    from graph.pipeline import resolve_articles

    wall = time.perf_counter()
    records = islice(read_articles([CORPUS]), args.base + args.rounds * PROBE)
    extracted = list(resolve_articles(records))
    extraction = time.perf_counter() - wall
    base, probes = extracted[: args.base], extracted[args.base :]
    link = linker(None)
    copies = (copy_of(a, n) for n in range(args.large // len(base) + 1) for a in base)
    big_articles = list(islice(copies, args.large))

    with tempfile.TemporaryDirectory(prefix="ng-store-scale-") as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        store.add(small, base[: args.small], link=link)
        started = time.perf_counter()
        for first in range(0, len(big_articles), CHUNK):
            store.add(large, big_articles[first : first + CHUNK], link=link)
        bulk_seconds = time.perf_counter() - started
        sizes = {}
        for name, directory in (("small", small), ("large", large)):
            db = store.open_store(directory)
            sizes[name] = {"quads": len(db), "disk_mb": round(_size_mb(directory), 1)}
            del db

        def nothing(directory: Path) -> None:
            with store.new_generation(directory):
                pass

        times: dict[str, list[tuple[float, float]]] = {"small": [], "large": []}
        unchanged: dict[str, list[tuple[float, float]]] = {"small": [], "large": []}
        for round_number in range(args.rounds):
            batch = probes[round_number * PROBE : (round_number + 1) * PROBE]
            order = [("small", small), ("large", large)]
            for name, directory in order if round_number % 2 == 0 else order[::-1]:
                times[name].append(timed(lambda d=directory, b=batch: store.add(d, b, link=link)))
                unchanged[name].append(timed(lambda d=directory: nothing(d)))
        removal = {
            name: timed(lambda d=directory: store.remove(d, [probes[0].article.id]))
            for name, directory in (("small", small), ("large", large))
        }

    def median(values: list[tuple[float, float]], which: int) -> float:
        return statistics.median(v[which] for v in values)

    result = {
        "base_articles_extracted": len(base),
        "extraction_seconds": round(extraction, 1),
        "small": {"articles": args.small, **sizes["small"]},
        "large": {"articles": len(big_articles), **sizes["large"]},
        "bulk_write_seconds": round(bulk_seconds, 1),
        "bulk_articles_per_second": round(len(big_articles) / bulk_seconds, 1),
        "bulk_quads_per_second": round(sizes["large"]["quads"] / bulk_seconds),
        "add_of_10": {
            name: {
                "wall_seconds": [round(w, 3) for w, _ in values],
                "cpu_seconds": [round(c, 3) for _, c in values],
            }
            for name, values in times.items()
        },
        "unchanged_add": {
            name: {"wall_median_seconds": round(median(values, 0), 3)}
            for name, values in unchanged.items()
        },
        "remove_of_1_wall_seconds": {k: round(v[0], 3) for k, v in removal.items()},
        "ratio_wall": round(median(times["large"], 0) / median(times["small"], 0), 2),
        "ratio_cpu": round(median(times["large"], 1) / median(times["small"], 1), 2),
        "goal": "<= 1.5",
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "store_scale.json").write_text(json.dumps(result, indent=2) + "\n")
    s, big = result["small"], result["large"]
    print(
        f"extraction of {len(extracted)} articles: {extraction:.1f} s (not counted below)\n"
        f"big store written in {bulk_seconds:.1f} s: {result['bulk_articles_per_second']} "
        f"articles/s, {result['bulk_quads_per_second']} quads/s\n"
        f"{'store':>6} {'articles':>8} {'quads':>9} {'disk MB':>8} {'add 10 wall s':>14} "
        f"{'add 10 cpu s':>13} {'unchanged add s':>16} {'remove 1 s':>11}"
    )
    for name, info in (("small", s), ("large", big)):
        print(
            f"{name:>6} {info['articles']:>8} {info['quads']:>9} {info['disk_mb']:>8} "
            f"{median(times[name], 0):>14.3f} {median(times[name], 1):>13.3f} "
            f"{median(unchanged[name], 0):>16.3f} {removal[name][0]:>11.3f}"
        )
    print(
        f"add of {PROBE} articles into {big['articles']} against into {s['articles']} "
        f"(median of {args.rounds}): x{result['ratio_wall']} wall, x{result['ratio_cpu']} CPU "
        f"(goal <= 1.5)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
