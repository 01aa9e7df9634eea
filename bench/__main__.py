"""``python -m bench``: one table of side-by-side ratios (issue 10), see bench/table.py.

Usage: python -m bench [--quick] [--articles N] [--rss-sizes SMALL LARGE]
                       [--store-sizes SMALL LARGE] [--repeat R] [--only PART ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from dataclasses import replace

from bench import table
from bench.run import RESULTS


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small sizes ({table.QUICK.articles} articles, RSS at "
        f"{table.QUICK.rss_sizes[0]}/{table.QUICK.rss_sizes[1]}, stores of "
        f"{table.QUICK.store_small}/{table.QUICK.store_large}); the options below override",
    )
    parser.add_argument(
        "--articles", type=_positive, metavar="N", help="articles built and parsed (default 1000)"
    )
    parser.add_argument(
        "--rss-sizes",
        type=_positive,
        nargs=2,
        metavar=("SMALL", "LARGE"),
        help="corpus sizes whose peak memory is compared (default 200 2000; the issue's "
        "goal is for 2000 20000, past 2,095 the corpus repeats with new ids)",
    )
    parser.add_argument(
        "--store-sizes",
        type=_positive,
        nargs=2,
        metavar=("SMALL", "LARGE"),
        help="articles in the two stores (default 100 10000)",
    )
    parser.add_argument(
        "--repeat",
        type=_positive,
        metavar="R",
        help="rounds of the build/parse/jobs runs, order alternating; the fastest is kept "
        "(default 1)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(table.SECTIONS),
        default=[],
        metavar="PART",
        help=f"run only these parts of the table ({', '.join(table.SECTIONS)}; default all)",
    )
    parser.add_argument("--json", action="store_true", help="also write bench/results/*.json")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)

    settings = table.QUICK if args.quick else table.Settings()
    if args.articles:
        settings = replace(settings, articles=args.articles)
    if args.rss_sizes:
        settings = replace(settings, rss_sizes=tuple(sorted(args.rss_sizes)))
    if args.store_sizes:
        small, large = sorted(args.store_sizes)
        base = max(small, settings.store_base)
        settings = replace(settings, store_small=small, store_large=large, store_base=base)
    if args.repeat:
        settings = replace(settings, repeat=args.repeat)
    if not settings.corpus.is_file():
        raise SystemExit(f"bench: {settings.corpus}: no such file")

    started = time.perf_counter()

    def log(message: str) -> None:
        if not args.quiet:
            print(f"bench: {time.perf_counter() - started:6.0f} s  {message}", file=sys.stderr)

    rows, raw = table.measure(settings, log, tuple(args.only))
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    print(table.format_table(rows))
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"table-{time.strftime('%Y%m%d-%H%M%S')}.json"
        result = table.to_json(rows, raw, settings, command)
        out.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
