"""Where a `newsgraph build` spends its CPU: the build run in this process with a timer
around each stage's function, printed as JSON.

The stages are the library's own functions, wrapped by name for this process only (the
normal path carries no timer): reading, model loading, parsing (graph/nlp.py), extraction
(graph/extract), article- and corpus-level resolution (graph/resolve.py, graph/corpus.py),
adding to the networkx graph (graph/kg.py), linking (graph/link.py, the gazetteer's first
load apart) and the exports. Each figure is *exclusive* CPU time (time.process_time, all
threads): a stage called inside another (the reader inside the parser's generator, the
gazetteer inside linking) counts for itself only. "other" is the rest of the process:
starting Python, imports, the summary. A function another change has renamed is listed
under "missing" and its time falls into "other".

Usage: python -m bench.stages INPUT OUTDIR [build options...]
"""

from __future__ import annotations

import time

STARTED = time.process_time()  # before the imports below: they are part of the build's cost

import functools  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402

STAGES: list[tuple[str, str, str, bool]] = [
    # (stage, module, function, is a generator)
    ("read", "graph.ingest", "read_articles", True),
    ("model load", "graph.nlp", "_load", False),
    ("parse", "graph.nlp", "parse", True),
    ("extract", "graph.extract", "extract", False),
    ("resolve", "graph.resolve", "resolve", False),
    ("resolve", "graph.resolve", "without_unused_values", False),
    ("resolve", "graph.corpus", "resolve_against", False),
    ("resolve", "graph.corpus", "merge_nodes", False),
    ("graph", "graph.kg", "add_article", False),
    ("graph", "graph.stream", "StreamingGraph.add", False),
    ("gazetteer load", "graph.gazetteer", "gazetteer", False),
    ("link", "graph.link", "link_graph", False),
    ("export", "exports", "export", False),
    ("export", "graph.stream", "StreamingGraph.finish", False),
]
"""The stage each function's time goes to; the order is the order of the printed split."""


class Timers:
    """Exclusive CPU seconds per stage, nested calls subtracted from their caller."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []  # per open call: CPU spent in stages it called

    def _open(self) -> float:
        self._inner.append(0.0)
        return time.process_time()

    def _close(self, stage: str, start: float) -> None:
        spent = time.process_time() - start
        self.seconds[stage] += spent - self._inner.pop()
        if self._inner:
            self._inner[-1] += spent

    def function(self, stage: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = self._open()
            try:
                return function(*args, **kwargs)
            finally:
                self._close(stage, start)

        return timed

    def generator(self, stage: str, function: Callable) -> Callable:
        """Each step of the generator is timed; the consumer's work between steps is not."""

        @functools.wraps(function)
        def timed(*args, **kwargs) -> Iterator:  # noqa: ANN002, ANN003
            start = self._open()
            try:
                steps = iter(function(*args, **kwargs))
            finally:
                self._close(stage, start)
            while True:
                start = self._open()
                try:
                    item = next(steps)
                except StopIteration:
                    return
                finally:
                    self._close(stage, start)
                yield item

        return timed


def install(timers: Timers) -> list[str]:
    """Wrap every stage function, in its module and wherever it was imported by name;
    return the ``module.function`` names not found."""
    missing = []
    for stage, module_name, name, generator in STAGES:
        try:
            module = importlib.import_module(module_name)
            owner_name, _, method = name.rpartition(".")
            owner = getattr(module, owner_name) if owner_name else module
            original = getattr(owner, method)
        except (ImportError, AttributeError):
            missing.append(f"{module_name}.{name}")
            continue
        wrapped = (timers.generator if generator else timers.function)(stage, original)
        if owner_name:  # a method: wrapped on its class, where every instance finds it
            setattr(owner, method, wrapped)
            continue
        for loaded in list(sys.modules.values()):
            if getattr(loaded, name, None) is original:
                setattr(loaded, name, wrapped)
    return missing


def split(argv: list[str]) -> dict:
    """Run ``newsgraph build ARGV`` here with the timers on; CPU seconds per stage."""
    import graph.pipeline  # noqa: F401 - imported so its by-name imports get wrapped too
    import newsgraph.cli

    timers = Timers()
    missing = install(timers)
    code = newsgraph.cli.main(["build", *argv])
    total = time.process_time()  # since the process started
    seconds = {stage: 0.0 for stage, *_ in STAGES}
    seconds.update(timers.seconds)
    seconds["other"] = total - sum(timers.seconds.values())
    return {
        "exit_code": code,
        "total_cpu_seconds": round(total, 3),
        "before_imports_cpu_seconds": round(STARTED, 3),
        "stages": {stage: round(value, 3) for stage, value in seconds.items()},
        "missing": missing,
    }


if __name__ == "__main__":
    result = split(sys.argv[1:])
    print("STAGES " + json.dumps(result))
    sys.exit(result["exit_code"])
