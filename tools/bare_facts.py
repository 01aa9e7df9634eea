"""Print the bare triples (asserted, between named things, from extractors that write bare
triples) the graph of each text file gives, one "file<TAB>subject<TAB>predicate<TAB>object"
line each, sorted: for reading errors and for diffing two checkouts.

Usage: python tools/bare_facts.py FILE.txt ... [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

VALUES = {"Date", "Quantity"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python tools/bare_facts.py")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--date", default="2023-06-01")
    args = parser.parse_args(argv)

    import newsgraph
    from graph import lexicon

    statement_only = {row[0] for row in lexicon._rows("statement_only.tsv", 2)}
    lines = set()
    for path in args.files:
        kg = newsgraph.build_text(path.read_text(encoding="utf-8"), date=args.date)
        for u, v, data in kg.edges(data=True):
            if {kg.nodes[u]["type"], kg.nodes[v]["type"]} & VALUES:
                continue
            if data["stance"] != "asserted" or data["extractor"] in statement_only:
                continue
            subject, obj = kg.nodes[u]["label"], kg.nodes[v]["label"]
            lines.add(f"{path.name}\t{subject}\t{data['predicate']}\t{obj}")
    print("\n".join(sorted(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
