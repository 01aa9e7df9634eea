"""Check that README.md shows what its commands print, so the docs cannot drift.

Every ```text block of README.md that holds shell commands (lines starting with "$ ") is
run: each command in the repository root with bash, its standard output compared with the
lines shown under it. A line "..." in README stands for any number of lines; durations
("5.46 s") are compared as "<n> s". A block right after a line
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
    found, skipped = commands(lines)
    stale = 0
    replacements: list[tuple[Command, list[str]]] = []
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
        f"{len(replacements)} rewritten, {stale} stale, {len(skipped)} blocks not run"
    )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
