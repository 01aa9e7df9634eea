"""Hostile inputs through `newsgraph build`, as a user gives them: each case is built in this
process through the command line's own entry point (newsgraph.cli.main) and checked: no
traceback, the expected exit code and article count, one `newsgraph:` line per refusal, and
every file written read back (RDF in rdflib, pyoxigraph and rapper; GraphML and GEXF in
networkx). Prints one row per case and a summary; writes bench/results/hostile.json.

Usage: python bench/hostile.py [--bbc N]   (N BBC articles in the all-formats case; 0: none)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

GOOD = "Cyril Ramaphosa met Narendra Modi in Johannesburg on Friday."
FORMATS = ["-f", "ntriples", "-f", "trig", "-f", "jsonld", "-f", "graphml", "-f", "gexf"]


@dataclass
class Case:
    name: str
    files: dict[str, bytes | str]
    """File name -> contents; the special values "fifo" and "/dev/zero" make those."""
    exit_code: int
    articles: int
    extra: tuple[str, ...] = ()
    stdin: bytes | None = None


def _page(depth: int) -> str:
    return f"<html><body>{'<div>' * depth}<p>{GOOD}</p>{'</div>' * depth}</body></html>"


def cases(bbc: int) -> list[Case]:
    dupes = '{"id": "a", "text": "Snow fell in Oslo."}\n{"id": "a", "text": "' + GOOD + '"}\n'
    listed = [
        Case(
            "lone surrogate in JSON Lines", {"s.jsonl": '{"text": "\\ud800 ' + GOOD + '"}\n'}, 0, 1
        ),
        Case(
            "control characters, graph formats",
            {"c.txt": f"\x07{GOOD}\x1b\x00"},
            0,
            1,
            tuple(FORMATS),
        ),
        Case(
            "whole and decimal quantities, graph formats",
            {"q.txt": "Toyota sold 3 million cars and 2.5 million vans in Japan."},
            0,
            1,
            tuple(FORMATS),
        ),
        Case("a number as the date", {"d.jsonl": '{"text": "' + GOOD + '", "date": 1}\n'}, 2, 0),
        Case(
            "an object as the title",
            {"t.jsonl": '{"text": "' + GOOD + '", "title": {"a": 1}}\n'},
            2,
            0,
        ),
        Case("true as the id", {"i.jsonl": '{"text": "' + GOOD + '", "id": true}\n'}, 2, 0),
        Case("JSON nested 10,000 deep", {"n.jsonl": "[" * 10000 + "]" * 10000 + "\n"}, 2, 0),
        Case("a JSON array, not lines", {"a.jsonl": json.dumps([{"text": GOOD}], indent=1)}, 2, 0),
        Case(
            "not UTF-8 (Latin-1 text)",
            {"l.txt": "Caf\xe9 owners met in Lyon.".encode("latin-1")},
            2,
            0,
        ),
        Case(
            "one non-UTF-8 line among good ones",
            {"m.jsonl": b'{"text": "Rain in Lima."}\n{"text": "caf\xe9"}\n{"text": "Sun."}\n'},
            2,
            2,
        ),
        Case("random bytes named .txt", {"r.txt": os.urandom(4096)}, 2, 0),
        Case("an empty file", {"e.txt": ""}, 2, 0),
        Case("whitespace only", {"w.txt": " \n\t\n "}, 2, 0),
        Case("a FIFO", {"f.txt": "fifo"}, 2, 0),
        Case("/dev/zero", {"z.txt": "/dev/zero"}, 2, 0),
        Case("a 20 MB text file", {"big.txt": "Floods in Dhaka. " * 1_200_000}, 2, 0),
        Case("a 5 MB line with no break", {"line.txt": "Markets fell in Seoul " * 230_000}, 2, 0),
        Case("HTML nested 255 deep", {"d255.html": _page(255)}, 0, 1),
        Case("HTML nested 5,000 deep", {"d5000.html": _page(5000)}, 0, 1),
        Case("HTML with no text", {"empty.html": "<html><body><div></div></body></html>"}, 2, 0),
        Case(
            "BOM and CRLF",
            {"b.txt": b"\xef\xbb\xbfHeadline\r\n\r\n" + GOOD.encode() + b"\r\n"},
            0,
            1,
        ),
        Case("two articles with one id", {"dup.jsonl": dupes}, 2, 1),
        Case("... --on-duplicate skip", {"dup.jsonl": dupes}, 0, 1, ("--on-duplicate", "skip")),
        Case(
            "... --on-duplicate replace", {"dup.jsonl": dupes}, 0, 1, ("--on-duplicate", "replace")
        ),
        Case("stdin not UTF-8", {}, 2, 0, stdin=b"caf\xe9 in Lyon"),
        Case(
            "stdin JSON Lines with a bad line",
            {},
            2,
            1,
            stdin=b'{"text": "Rain in Lima."}\n{oops\n',
        ),
        Case("all of the above files in one build", {}, 2, 0),  # filled in below
    ]
    batch = listed[-1]
    for case in listed[:-1]:
        if case.files and "--on-duplicate" not in case.extra:
            batch.files |= {f"{len(batch.files)}-{name}": data for name, data in case.files.items()}
            batch.articles += case.articles
    if bbc and BBC.exists():
        with BBC.open("rb") as handle:
            lines = b"".join(handle.readline() for _ in range(bbc))
        listed.append(
            Case(f"{bbc} BBC articles, every format", {"bbc.jsonl": lines}, 0, bbc, tuple(FORMATS))
        )
    return listed


def _write(folder: Path, files: dict[str, bytes | str]) -> list[str]:
    paths = []
    for name, data in files.items():
        path = folder / name
        if data == "fifo":
            os.mkfifo(path)
        elif data == "/dev/zero":
            path = Path("/dev/zero")
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", errors="surrogatepass")
        paths.append(str(path))
    return paths


def read_back(out: Path) -> list[str]:
    """Problems reading the written files back; empty when every one parses."""
    import networkx as nx
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

    rdf = {".ttl": ("turtle", "TURTLE"), ".nt": ("nt", "N_TRIPLES"), ".nq": ("nquads", "N_QUADS")}
    rdf |= {".trig": ("trig", "TRIG"), ".jsonld": ("json-ld", "JSON_LD")}
    rapper = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig"}
    problems = []
    for path in sorted(out.iterdir()):
        try:
            if path.suffix in rdf:
                fmt, ox_format = rdf[path.suffix]
                list(ox.parse(path=str(path), format=getattr(ox.RdfFormat, ox_format)))
                (Dataset() if fmt in ("nquads", "trig") else Graph()).parse(path, format=fmt)
                if path.suffix in rapper and shutil.which("rapper"):
                    run = subprocess.run(
                        ["rapper", "-q", "-i", rapper[path.suffix], "-c", str(path)],
                        capture_output=True, text=True, timeout=120,
                    )  # fmt: skip
                    if run.returncode != 0:
                        problems.append(f"{path.name}: rapper: {run.stderr.strip()[:80]}")
            elif path.suffix == ".graphml":
                nx.read_graphml(path)
            elif path.suffix == ".gexf":
                nx.read_gexf(path)
        except Exception as exc:  # noqa: BLE001 - any failure to read back is the finding
            problems.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:80]}")
    return problems


def run_case(case: Case, folder: Path) -> dict:
    from newsgraph.cli import main

    out = folder / "out"
    argv = ["build", *_write(folder, case.files), *(["-"] if case.stdin is not None else [])]
    argv += ["-o", str(out), "--jobs", "1", *case.extra]
    stdout, stderr = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if case.stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8")
    started, cpu = time.perf_counter(), time.process_time()
    crash = None
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(argv)
    except BaseException:  # noqa: BLE001 - a traceback is what this bench counts
        code, crash = None, traceback.format_exc().strip().splitlines()[-1]
    finally:
        sys.stdin = old_stdin
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    lines = [ln for ln in stderr.getvalue().splitlines() if ln.strip()]
    built = next((int(ln.split()[1]) for ln in stdout.getvalue().splitlines()
                  if ln.startswith("articles: ")), 0)  # fmt: skip
    problems = read_back(out) if out.exists() else []
    ok = (
        crash is None
        and code == case.exit_code
        and built == case.articles
        and all(ln.startswith("newsgraph: ") for ln in lines)
        and not problems
    )
    return {
        "case": case.name,
        "ok": ok,
        "exit": code,
        "articles": built,
        "stderr_lines": len(lines),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "crash": crash,
        "read_back_problems": problems,
        "files_written": sorted(p.name for p in out.iterdir()) if out.exists() else [],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=int, default=30)
    args = parser.parse_args()
    rows = []
    for case in cases(args.bbc):
        with tempfile.TemporaryDirectory() as tmp:
            row = run_case(case, Path(tmp))
        rows.append(row)
        mark = "ok " if row["ok"] else "BAD"
        crash = f"  {row['crash']}" if row["crash"] else ""
        print(f"{mark} {row['case']:<45} exit {row['exit']}  articles {row['articles']:>3}  "
              f"stderr lines {row['stderr_lines']:>2}  files {len(row['files_written'])}  "
              f"{row['seconds']:6.2f} s ({row['cpu_seconds']:.2f} CPU){crash}"
              + "".join(f"\n    {p}" for p in row["read_back_problems"]), flush=True)  # fmt: skip
    crashes = sum(r["crash"] is not None for r in rows)
    written = sum(len(r["files_written"]) for r in rows)
    print(f"{len(rows)} cases: {sum(r['ok'] for r in rows)} as expected, {crashes} tracebacks; "
          f"{written} files written, {sum(len(r['read_back_problems']) for r in rows)} did not "
          f"read back; {sum(r['seconds'] for r in rows):.1f} s "
          f"({sum(r['cpu_seconds'] for r in rows):.1f} CPU)")  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "hostile.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
