"""The dask engine against local processes: ``newsgraph build --engine dask --jobs 2`` (a
2-worker LocalCluster started by the build) against ``--jobs 2`` (spaCy's two processes) on
the first N BBC articles, side by side in one run, and the check that both write the same
graph.nq bytes.

Each build is one process (``python -m newsgraph build``), timed in wall-clock and in CPU
seconds as the kernel reports them for it and the processes it waited for (``os.wait4``):
its parse workers and the dask workers and nannies are its children, so their CPU counts.
The engines alternate, local first, over ``--rounds``; the figures are the medians and the
ratios dask / local. Writes bench/results/dask_engine.json.

Usage: python bench/dask_engine.py [--articles N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "bbc.jsonl"
RESULTS = ROOT / "bench" / "results"
ENGINES = {"local": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}


def timed_build(corpus: Path, out: Path, options: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one build process and the children it waited for."""
    command = [sys.executable, "-m", "newsgraph", "build", str(corpus), "-o", str(out), "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(command + options, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 2):
        raise SystemExit(f"build {' '.join(options)} failed with exit code {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in ENGINES}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bbc.jsonl"
        with CORPUS.open(encoding="utf-8") as source:
            corpus.write_text("".join(islice(source, args.articles)), "utf-8")
        for _ in range(args.rounds):
            for name, options in ENGINES.items():
                times[name].append(timed_build(corpus, Path(tmp) / name, options))
        same = (Path(tmp) / "local" / "graph.nq").read_bytes() == (
            Path(tmp) / "dask" / "graph.nq"
        ).read_bytes()
    result: dict[str, object] = {"articles": args.articles, "rounds": args.rounds}
    for name in ENGINES:
        wall = statistics.median(t[0] for t in times[name])
        cpu = statistics.median(t[1] for t in times[name])
        result[name] = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}
        print(f"{name:>6}: wall {wall:6.1f} s  CPU {cpu:6.1f} s")
    local, dask = result["local"], result["dask"]
    result["wall_ratio"] = round(dask["wall_s"] / local["wall_s"], 2)
    result["cpu_ratio"] = round(dask["cpu_s"] / local["cpu_s"], 2)
    result["same_graph_nq"] = same
    print(
        f"dask / local: wall x{result['wall_ratio']}, CPU x{result['cpu_ratio']}; "
        f"graph.nq {'byte-identical' if same else 'DIFFERENT'}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "dask_engine.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
