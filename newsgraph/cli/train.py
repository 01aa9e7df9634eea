"""``newsgraph train relations``: the command line of graph/learn/train.py."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.cli.common import Command

SHARED = Path("../shared/data")


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["relations"], help="the model to train")
    p.add_argument(
        "--redocred",
        type=Path,
        nargs="*",
        default=[SHARED / "redocred" / f"{part}_revised.json" for part in ("dev", "test")],
        metavar="FILE",
        help="Re-DocRED files (default: ../shared/data/redocred/{dev,test}_revised.json)",
    )
    p.add_argument(
        "--conll04",
        type=Path,
        default=SHARED / "conll04" / "conll04_train.json",
        metavar="FILE",
        help="CoNLL04 training file (default: ../shared/data/conll04/conll04_train.json)",
    )
    p.add_argument("--no-conll04", action="store_true", help="train on Re-DocRED alone")
    p.add_argument("-o", "--output", type=Path, help="model file (default: the shipped model)")
    p.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    p.add_argument("--model", help="spaCy pipeline name")
    p.add_argument(
        "--min-precision",
        type=float,
        default=None,
        metavar="P",
        help="held-out precision a relation needs at its threshold to be written "
        "(default: graph.learn.train.STATEMENT_PRECISION, 0.5: the classifier writes statements)",
    )


def _run(args: argparse.Namespace) -> int:
    from graph.learn.model import MODEL
    from graph.learn.train import STATEMENT_PRECISION, train

    conll04 = None if args.no_conll04 else args.conll04
    bar = STATEMENT_PRECISION if args.min_precision is None else args.min_precision
    report = train(args.redocred, conll04, args.output or MODEL, args.c, args.model, bar)
    print(json.dumps(report))
    return 0


COMMANDS = [
    Command("train", "train the relation model on Re-DocRED and CoNLL04 train", _configure, _run)
]
