"""Throughput and peak memory of `newsgraph build`, this checkout against a baseline.

Builds the first N articles of the BBC corpus with the current working tree and with a
baseline git ref checked out into a temporary worktree, one process per run, and prints
articles/s, words/s, peak resident memory and the current/baseline ratios. With several
sizes (``--articles 100 400``) it also prints how memory grows with the corpus, which shows
whether articles stream through the pipeline, and the marginal throughput between sizes,
which leaves out the fixed cost of loading spaCy. Results go to bench/results/*.json.

Usage: python bench/run.py [--articles N [N ...]] [--baseline REF | --no-baseline] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"


@dataclass(frozen=True, slots=True)
class Run:
    """One `newsgraph build` process."""

    checkout: str
    commit: str
    articles: int
    words: int
    seconds: float
    cpu_seconds: float
    """User + system CPU time of the process: steadier than wall time on a shared machine."""
    peak_rss_mb: float
    entities: int | None
    relations: int | None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def articles_per_cpu_s(self) -> float:
        return self.articles / self.cpu_seconds


def git(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: git {' '.join(args)}: {result.stderr.strip().splitlines()[-1]}")
    return result.stdout.strip()


def sample(corpus: Path, n: int, folder: Path) -> tuple[Path, int]:
    """The first ``n`` records of the corpus as a JSON Lines file, and their word count."""
    path = folder / f"input-{n}.jsonl"
    lines: list[str] = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                lines.append(line)
            if len(lines) == n:
                break
    if len(lines) < n:
        raise SystemExit(f"bench: {corpus} has only {len(lines)} articles, asked for {n}")
    path.write_text("".join(lines), encoding="utf-8")
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    return path, words


def _env(checkout: Path) -> dict[str, str]:
    # PYTHONPATH puts the checkout's packages ahead of the editable install of /work/main.
    return {**os.environ, "PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": "1"}


def check_imports(checkout: Path) -> None:
    """Fail loudly if the checkout's own `graph` package would not be the one imported."""
    code = "import graph, exports; print(graph.__file__); print(exports.__file__)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=checkout,
        env=_env(checkout),
        capture_output=True,
        text=True,
    ).stdout.split()
    if len(out) != 2 or not all(Path(p).resolve().is_relative_to(checkout.resolve()) for p in out):
        raise SystemExit(f"bench: {checkout} does not import its own packages ({out})")


@dataclass(frozen=True, slots=True)
class Child:
    """One finished child process, as the kernel accounted for it (``os.wait4``)."""

    seconds: float
    cpu_seconds: float
    """User + system CPU of the process and of the children it waited for (spaCy's workers)."""
    peak_rss_mb: float
    """The largest resident set of the process or any of its waited-for children."""
    returncode: int
    output: str
    """Standard output and error, interleaved."""


def run_child(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> Child:
    """Run ``argv`` to its end; wall time around it, CPU and peak memory from wait4."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    return Child(
        seconds=round(seconds, 3),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 3),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),  # Linux reports kilobytes
        returncode=proc.returncode,
        output=text,
    )


def build_once(checkout: Path, name: str, commit: str, data: Path, words: int, n: int) -> Run:
    """Run `newsgraph build` in a fresh process; peak RSS comes from the kernel (wait4)."""
    with tempfile.TemporaryDirectory(prefix="ng-bench-") as tmp:
        argv = [sys.executable, "-m", "graph.cli", "build", str(data), "-o", str(Path(tmp) / "out")]
        child = run_child(argv, checkout, _env(checkout))
    text = child.output
    if child.returncode != 0:
        tail = text.strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"bench: {name} build failed ({child.returncode}): {tail[0]}")
    built = _count(text, "articles")
    if built is not None and built != n:
        print(f"bench: warning: {name} built {built} of {n} articles", file=sys.stderr)
    return Run(
        checkout=name,
        commit=commit,
        articles=n,
        words=words,
        seconds=child.seconds,
        cpu_seconds=child.cpu_seconds,
        peak_rss_mb=child.peak_rss_mb,
        entities=_count(text, "entities"),
        relations=_count(text, "relations"),
    )


def _count(text: str, field: str) -> int | None:
    match = re.search(rf"^{field}: (\d+)", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def _rate(amount: float, seconds: float) -> float | None:
    return round(amount / seconds, 2) if seconds > 0 else None


def report(runs: list[Run], sizes: list[int], names: list[str]) -> dict:
    """Ratios between checkouts at each size, and growth with size within each checkout."""
    by = {(r.checkout, r.articles): r for r in runs}
    summary: dict = {"ratios": {}, "scaling": {}}
    if len(names) == 2:
        for n in sizes:
            cur, base = by[("current", n)], by[("baseline", n)]
            summary["ratios"][str(n)] = {
                "throughput": round(cur.articles_per_s / base.articles_per_s, 3),
                "cpu_throughput": round(cur.articles_per_cpu_s / base.articles_per_cpu_s, 3),
                "peak_rss": round(cur.peak_rss_mb / base.peak_rss_mb, 3),
            }
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for name in names:
            a, b = by[(name, small)], by[(name, large)]
            wall, cpu = b.seconds - a.seconds, b.cpu_seconds - a.cpu_seconds
            summary["scaling"][name] = {
                "articles": f"{small}->{large}",
                "article_ratio": round(large / small, 2),
                "peak_rss_ratio": round(b.peak_rss_mb / a.peak_rss_mb, 3),
                "rss_mb_per_100_extra_articles": round(
                    (b.peak_rss_mb - a.peak_rss_mb) * 100 / (large - small), 1
                ),
                "marginal_articles_per_s": _rate(large - small, wall),
                "marginal_words_per_s": _rate(b.words - a.words, wall),
                "marginal_articles_per_cpu_s": _rate(large - small, cpu),
                "marginal_words_per_cpu_s": _rate(b.words - a.words, cpu),
            }
    return summary


def _short(commit: str) -> str:
    """An abbreviated hash that keeps the +dirty mark of an edited working tree."""
    return commit[:12] + commit[40:]


def print_table(runs: list[Run], summary: dict) -> None:
    header = (
        f"{'checkout':9} {'commit':18} {'articles':>8} {'words':>7} {'wall s':>7} {'cpu s':>7} "
        f"{'art/s':>6} {'words/s':>7} {'art/cpu-s':>9} {'peak MB':>7} {'entities':>8} "
        f"{'relations':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in runs:
        print(
            f"{r.checkout:9} {_short(r.commit):18} {r.articles:>8} {r.words:>7} {r.seconds:>7.1f} "
            f"{r.cpu_seconds:>7.1f} {r.articles_per_s:>6.2f} {r.words_per_s:>7.0f} "
            f"{r.articles_per_cpu_s:>9.2f} {r.peak_rss_mb:>7.1f} "
            f"{r.entities if r.entities is not None else '-':>8} "
            f"{r.relations if r.relations is not None else '-':>9}"
        )
    for n, ratio in summary["ratios"].items():
        print(
            f"current/baseline at {n} articles: throughput x{ratio['throughput']} (wall), "
            f"x{ratio['cpu_throughput']} (CPU); peak memory x{ratio['peak_rss']}"
        )
    for name, s in summary["scaling"].items():
        print(
            f"{name}: {s['articles']} articles (x{s['article_ratio']}): peak memory "
            f"x{s['peak_rss_ratio']} (+{s['rss_mb_per_100_extra_articles']} MB per 100 "
            f"articles); marginal {s['marginal_articles_per_s']} articles/s, "
            f"{s['marginal_words_per_s']} words/s (wall), "
            f"{s['marginal_articles_per_cpu_s']} articles/CPU-s"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[100],
        metavar="N",
        help="corpus sizes to build (default 100); two or more also measure scaling",
    )
    parser.add_argument(
        "--baseline",
        default="HEAD~10",
        metavar="REF",
        help="git ref to compare against (default HEAD~10)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="measure this checkout only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="R",
        help="runs per checkout and size; the fastest is kept (default 1)",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a JSON Lines corpus")
    parser.add_argument("--output", type=Path, help="results file (default bench/results/...)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        raise SystemExit(f"bench: {args.corpus}: no such file")
    sizes = sorted(set(args.articles))
    if sizes[0] < 1 or args.repeat < 1:
        raise SystemExit("bench: --articles and --repeat must be positive")

    head = git("rev-parse", "HEAD")
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    checkouts = [("current", ROOT, head + ("+dirty" if dirty else ""))]
    with tempfile.TemporaryDirectory(prefix="ng-bench-") as tmp:
        folder = Path(tmp)
        worktree = folder / "baseline"
        if not args.no_baseline:
            commit = git("rev-parse", "--verify", f"{args.baseline}^{{commit}}")
            git("worktree", "add", "--detach", str(worktree), commit)
            checkouts.append(("baseline", worktree, commit))
        try:
            for _, path, _ in checkouts:
                check_imports(path)
            inputs = {n: sample(args.corpus, n, folder) for n in sizes}
            runs = []
            for n in sizes:
                data, words = inputs[n]
                for name, path, commit in checkouts:
                    print(f"bench: {name} ({_short(commit)}), {n} articles ...", file=sys.stderr)
                    tries = [
                        build_once(path, name, commit, data, words, n) for _ in range(args.repeat)
                    ]
                    runs.append(min(tries, key=lambda r: r.seconds))
        finally:
            if not args.no_baseline:
                git("worktree", "remove", "--force", str(worktree))
    names = [name for name, _, _ in checkouts]
    summary = report(runs, sizes, names)
    print_table(runs, summary)
    result = {
        "benchmark": "build",
        "corpus": str(args.corpus),
        "sizes": sizes,
        "baseline_ref": None if args.no_baseline else args.baseline,
        "repeat": args.repeat,
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg(),
        "runs": [
            {
                **asdict(r),
                "articles_per_s": round(r.articles_per_s, 3),
                "words_per_s": round(r.words_per_s, 1),
                "articles_per_cpu_s": round(r.articles_per_cpu_s, 3),
            }
            for r in runs
        ],
        **summary,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = args.output or RESULTS / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
