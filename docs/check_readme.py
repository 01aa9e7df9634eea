"""Check that README.md shows what its commands print, so the docs cannot drift.

Every ```text block of README.md that holds shell commands (lines starting with "$ ") is
run: each command in the repository root with bash, its standard output compared with the
lines shown under it. A line "..." in README stands for any number of lines; durations
("5.46 s") are compared as "<n> s". A ```sparql block right before a block whose command
reads a query file (``newsgraph query G @FILE``) must be that file. A block right after a line
``<!-- readme: not run (REASON) -->`` is listed and left out (timings of benchmarks).

    python docs/check_readme.py            # check; exit 1 and a diff when README is stale
    python docs/check_readme.py --write    # rewrite the shown outputs from a fresh run
"""

from __future__ import annotations

import argparse
import difflib
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = re.compile(r"<!--\s*readme:\s*not run\b(.*?)-->")
DURATION = re.compile(r"\b\d+(?:\.\d+)?(?= ?s\b)")
ELISION = "..."


QUERY_FILE = re.compile(r"(?:^|\s)@(\S+\.rq)\b")


@dataclass
class Query:
    """A ```sparql block README shows for a query file a command reads."""

    line: int
    path: Path
    start: int
    end: int
    """0-based indexes of the block's first and one-past-last text lines."""


@dataclass
class Command:
    line: int
    """1-based README line of the command's "$ "."""
    text: str
    shown: list[str]
    """The output lines README shows under the command."""
    shown_end: int
    """0-based index one past the last shown line."""


def _complete(command: str) -> bool:
    try:
        shlex.split(command)
    except ValueError:  # an open quotation: the command goes on on the next line
        return False
    return True


def queries(lines: list[str]) -> list[Query]:
    """The ```sparql blocks shown right before a command that reads them from a file."""
    found: list[Query] = []
    last_sparql: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        fence = lines[i].strip()
        if not fence.startswith("```") or fence == "```":
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        if fence == "```sparql":
            last_sparql = (i + 1, end)
        elif fence == "```text" and last_sparql is not None:
            for k in range(i + 1, end):
                hit = QUERY_FILE.search(lines[k]) if lines[k].startswith("$ ") else None
                if hit:
                    found.append(Query(last_sparql[0], ROOT / hit.group(1), *last_sparql))
                    break
            last_sparql = None
        else:
            last_sparql = None
        i = end + 1
    return found


def commands(lines: list[str]) -> tuple[list[Command], list[tuple[int, str]]]:
    """The commands of README's text blocks, and the blocks left out (line, reason)."""
    found: list[Command] = []
    skipped: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```text":
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        body = range(i + 1, end)
        marker = next((lines[k] for k in range(i - 1, max(i - 3, -1), -1) if lines[k].strip()), "")
        if any(lines[k].startswith("$ ") for k in body):
            if SKIP.search(marker):
                skipped.append((i + 1, SKIP.search(marker).group(1).strip(" ()")))
            else:
                found.extend(_block_commands(lines, i + 1, end))
        i = end + 1
    return found, skipped


def _block_commands(lines: list[str], start: int, end: int) -> list[Command]:
    out: list[Command] = []
    k = start
    while k < end:
        if not lines[k].startswith("$ "):
            k += 1
            continue
        first = k
        text = lines[k][2:]
        while not _complete(text) and k + 1 < end:
            k += 1
            text += "\n" + lines[k]
        k += 1
        shown_start = k
        while k < end and not lines[k].startswith("$ "):
            k += 1
        out.append(Command(first + 1, text, lines[shown_start:k], k))
    return out


def run(command: Command) -> list[str]:
    done = subprocess.run(
        ["bash", "-c", command.text],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise SystemExit(f"README.md:{command.line}: `{command.text}` failed: {tail[0]}")
    return done.stdout.rstrip("\n").splitlines()


def _norm(line: str) -> str:
    return DURATION.sub("<n>", line.rstrip())


def matches(shown: list[str], printed: list[str]) -> bool:
    """Whether the printed lines are the shown ones, "..." standing for any lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line.strip() == ELISION else re.escape(_norm(line) + "\n")
        for line in shown
    )
    return re.fullmatch(pattern, "".join(_norm(p) + "\n" for p in printed)) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the shown outputs")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    lines = args.readme.read_text("utf-8").splitlines()
    stale_queries = 0
    for query in reversed(queries(lines)):
        text = query.path.read_text("utf-8").rstrip("\n").splitlines()
        if lines[query.start : query.end] == text:
            continue
        if args.write:
            lines[query.start : query.end] = text
            continue
        stale_queries += 1
        print(f"README.md:{query.line}: the query shown is not {query.path.relative_to(ROOT)}")
    if args.write:
        args.readme.write_text("\n".join(lines) + "\n", "utf-8")
    found, skipped = commands(lines)
    replacements: list[tuple[Command, list[str]]] = []
    stale = 0
    for command in found:
        printed = run(command)
        if matches(command.shown, printed):
            continue
        if args.write and ELISION not in (s.strip() for s in command.shown):
            replacements.append((command, printed))
            continue
        stale += 1
        print(f"README.md:{command.line}: `{command.text.splitlines()[0]}` prints otherwise:")
        diff = difflib.unified_diff(command.shown, printed, "README", "printed", lineterm="")
        print("\n".join(diff))
    for command, printed in reversed(replacements):
        start = command.shown_end - len(command.shown)
        lines[start : command.shown_end] = printed
    if replacements:
        args.readme.write_text("\n".join(lines) + "\n", "utf-8")
    for line, reason in skipped:
        print(f"README.md:{line}: not run ({reason})")
    print(
        f"README commands: {len(found)} run, {len(found) - stale - len(replacements)} as shown, "
        f"{len(replacements)} rewritten, {stale} stale, {len(skipped)} blocks not run; "
        f"{stale_queries} query blocks not as their files"
    )
    return 1 if stale or stale_queries else 0


if __name__ == "__main__":
    sys.exit(main())
