"""The streaming build: each article's quads go to disk as soon as it is resolved, and only
what later articles and the last step need stays in memory.

In memory: the cross-article entity index (graph/corpus.py ``KnownEntities``), an outline of
the graph (graph/kg.py ``add_outline``: entity descriptions, and the relations linking
reads, without sentences), the merges in the order they happened, and counts for the
summary. On disk: every article's own named graph (exports/quads.py), written with the
entity keys of the moment.

``finish`` is the reduce step: it links the outline (graph/link.py), rewrites the entity
IRIs of the spooled lines that a later merge folded into another entity (each line only by
the merges made after it was written, as the networkx build applies them), adds the links,
the shared entity graph and the background graph, and sorts everything (an external merge
sort of sorted chunks when it does not fit ``chunk_bytes``). graph.nq is byte-identical to
the networkx build's, and graph.nt and graph.ttl come from the same pass; the formats that
need the whole graph in networkx (GraphML, GEXF, Cytoscape, the view) read it back from
graph.nq (exports/rdf_read.py).
"""

from __future__ import annotations

import heapq
import itertools
import tempfile
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from exports import atomic_path, quads
from graph.corpus import CorpusLink, Merge, merge_nodes
from graph.errors import ExportError
from graph.kg import add_article, add_outline, new_graph, summary_text
from graph.link import CONTAINED_IN, CONTAINS, KnowledgeBase, link_graph

LINKING_PREDICATES = CONTAINED_IN | CONTAINS
"""The relations linking reads (graph/link.py ``_related``): the only ones the outline keeps."""

CHUNK_BYTES = 32 * 1024 * 1024
"""How many bytes of lines the reduce sorts in memory before it spills a sorted chunk."""

LINE_FORMATS = ("nquads", "ntriples", "turtle", "trig", "jsonld")
"""Formats written from the sorted lines; every other one is read back from graph.nq."""


class StreamingGraph:
    """A graph being built article by article into ``workdir`` (spooled lines on disk)."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.outline = new_graph()
        self.articles = 0
        self.predicates: Counter = Counter()
        self.stances: Counter = Counter()
        self.extractors: set[str] = set()
        self._spool: BinaryIO = (workdir / "articles.nq").open("wb")
        self._lines = 0
        self._merges: list[tuple[int, Merge]] = []  # (lines spooled before it, merge)

    def add(self, linked: CorpusLink) -> None:
        """Spool one article (already resolved against the corpus) and apply its merges."""
        resolved = linked.article
        one = new_graph()
        add_article(one, resolved)
        article_id = resolved.article.id
        name = quads.graph_name(article_id)
        triples = quads.article_triples(one, links=False).get(article_id, [])
        self._spool.write(quads.encode(quads.quad_line(t, name) for t in triples))
        self._lines += len(triples)
        self.articles += 1
        for *_, data in one.edges(data=True):
            self.predicates[data["predicate"]] += 1
            self.stances[data["stance"]] += 1
            self.extractors.add(data["extractor"])
        add_outline(self.outline, resolved, LINKING_PREDICATES)
        for merge in linked.merges:
            merge_nodes(self.outline, merge)
            self._merges.append((self._lines, merge))

    def summary(self) -> str:
        """What ``newsgraph build`` prints (graph/kg.py ``summary``)."""
        return summary_text(self.articles, self.outline, self.predicates, self.stances)

    def finish(
        self,
        outdir: Path,
        formats: Iterable[str],
        kb: KnowledgeBase | None = None,
        link: bool = True,
    ) -> list[Path]:
        """Link, apply the merges, sort and write ``formats`` into ``outdir``; returns the
        files written, in the order of ``formats``."""
        from exports import export, suffix
        from exports.rdf import jsonld_from_ntriples, trig_from_nquads, turtle_from_ntriples

        self._spool.close()
        if link:
            link_graph(self.outline, kb)
        formats = list(dict.fromkeys(formats))
        path = {name: outdir / f"graph{suffix(name)}" for name in formats}
        nq = path.get("nquads") or self.workdir / "graph.nq"
        nt = path.get("ntriples") or self.workdir / "graph.nt"
        background_facts = sorted(
            quads.triple_line(t).encode("utf-8", "replace")
            for t in quads.background_fact_triples(
                self.outline.graph.get("background", []), self.outline
            )
        )
        with _writing(nq) as nq_out, _writing(nt) as nt_out:
            triples = _triple_lines(self._sorted_quads(), nq_out)
            for line in _unique(heapq.merge(triples, background_facts)):
                nt_out.write(line)
        if "turtle" in path:
            turtle_from_ntriples(nt, path["turtle"])
        if "jsonld" in path:
            jsonld_from_ntriples(nt, path["jsonld"])
        if "trig" in path:
            trig_from_nquads(nq, path["trig"])
        rest = [name for name in formats if name not in LINE_FORMATS]
        if rest:
            from exports.rdf_read import read_graph

            graph = read_graph(nq)
            for name in rest:
                export(graph, name, path[name])
        return [path[name] for name in formats]

    # ---- the reduce ----------------------------------------------------------------------
    def _sorted_quads(self) -> Iterator[bytes]:
        """Every N-Quads line once, in byte order."""
        chunks: list[Path] = []
        buffer: list[bytes] = []
        size = 0
        for line in itertools.chain(self._rewritten(), self._final_lines()):
            buffer.append(line)
            size += len(line)
            if size >= CHUNK_BYTES:
                chunks.append(self._spill(buffer, len(chunks)))
                buffer, size = [], 0
        buffer.sort()
        runs = [_read_lines(chunk) for chunk in chunks]
        return _unique(heapq.merge(*runs, buffer) if runs else buffer)

    def _spill(self, lines: list[bytes], number: int) -> Path:
        lines.sort()
        chunk = self.workdir / f"chunk-{number}.nq"
        with chunk.open("wb") as out:
            out.writelines(lines)
        return chunk

    def _final_lines(self) -> Iterator[bytes]:
        """Links (in their article's graph), the shared entity graph, the background graph."""
        outline = self.outline
        for key, node in outline.nodes(data=True):
            for found in node.get("links", []):
                name = quads.graph_name(found["article"])
                for triple in quads.link_triples(key, found):
                    yield quads.quad_line(triple, name).encode("utf-8", "replace")
        for triple in quads.shared_triples(outline, self.extractors):
            yield quads.quad_line(triple, quads.ENTITIES).encode("utf-8", "replace")
        for triple in quads.background_triples(outline.graph.get("background", []), outline):
            yield quads.quad_line(triple, quads.BACKGROUND).encode("utf-8", "replace")

    def _rewritten(self) -> Iterator[bytes]:
        """The spooled lines, each entity IRI a later merge folded replaced by its final one."""
        olds = {quads.entity(m.old).encode(): m.old for _, m in self._merges}
        positions = [position for position, _ in self._merges]
        by_old: dict[str, list[int]] = {}
        for index, (_, merge) in enumerate(self._merges):
            by_old.setdefault(merge.old, []).append(index)
        final: dict[tuple[str, int], bytes] = {}

        def resolve(key: str, first: int) -> bytes:
            """The IRI ``key`` ends as, by the merges from number ``first`` on."""
            if (key, first) not in final:
                at, start = key, first
                while True:
                    later = by_old.get(at, [])
                    j = bisect_left(later, start)
                    if j == len(later):
                        break
                    at, start = self._merges[later[j]][1].new, later[j] + 1
                final[key, first] = quads.entity(at).encode()
            return final[key, first]

        last = positions[-1] if positions else 0
        with (self.workdir / "articles.nq").open("rb") as spool:
            for number, line in enumerate(spool):
                if number >= last or not olds:
                    yield line
                    continue
                first = bisect_right(positions, number)
                subject, rest = line.split(b" ", 1)
                predicate, rest = rest.split(b" ", 1)
                if subject in olds:
                    subject = resolve(olds[subject], first)
                if rest.startswith(b"<"):
                    obj, rest = rest.split(b" ", 1)
                    if obj in olds:
                        obj = resolve(olds[obj], first)
                    rest = obj + b" " + rest
                yield b" ".join((subject, predicate, rest))


def _triple_lines(lines: Iterator[bytes], nq_out: BinaryIO) -> Iterator[bytes]:
    """Write each N-Quads line to ``nq_out`` and yield its triple (as one graph holds it:
    without the background graph, whose facts are written as nodes there), each once. The
    triples of sorted quads come out sorted: no term is the start of another followed by a
    space."""
    background = b" " + quads.BACKGROUND.encode() + b" .\n"
    for line in lines:
        nq_out.write(line)
        if line.endswith(background):
            continue
        head, _graph, _end = line.rsplit(b" ", 2)
        yield head + b" .\n"


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def _read_lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as lines:
        yield from lines


@contextmanager
def _writing(path: Path) -> Iterator[BinaryIO]:
    """An output file written through a temporary name (exports.atomic_path)."""
    try:
        with atomic_path(path) as tmp, tmp.open("wb") as out:
            yield out
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None


def spool_dir() -> tempfile.TemporaryDirectory:
    """Where the spooled lines and sorted chunks go: the system's temporary folder
    ($TMPDIR), removed afterwards."""
    return tempfile.TemporaryDirectory(prefix="newsgraph-build-")
