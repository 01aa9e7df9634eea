"""What the command modules share: the subcommand record, the one-line error, and argument
types and options more than one command takes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def err(message: str) -> None:
    """One ``newsgraph:`` line on standard error."""
    print(f"newsgraph: {message}", file=sys.stderr)


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def above_zero(kind: type) -> Callable[[str], float]:
    def parse(value: str) -> float:
        number = kind(value)
        if number <= 0:
            raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
        return number

    return parse


def duplicate_option(p: argparse.ArgumentParser, error: str, default: str | None = "error") -> None:
    """--on-duplicate, for build and add: what to do with an article whose id is taken."""
    p.add_argument(
        "--on-duplicate",
        choices=["error", "skip", "replace"],
        default=default,
        help=f"an article whose id was already read: error (default): {error}; skip: keep "
        "the first; replace: keep the last; each one left out gets a line",
    )


def kb_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--kb",
        type=Path,
        metavar="FILE",
        help="CSV knowledge base (iri,label,aliases,type) to link people and organisations to",
    )


def collect_failures(failures: list) -> Callable:
    """An ``on_error`` that reports each refused input on one line and keeps it."""

    def on_error(error: object) -> None:
        failures.append(error)
        err(f"skipped: {error}")

    return on_error
