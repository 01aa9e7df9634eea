"""The output folder of a build, replaced as a whole: OUT always holds one build's complete
set of files, never new graph.ttl beside an old graph.nq or a stale graph.jsonld.

Files are written into a staging folder beside OUT (made before any work, so an unwritable
OUT fails at once), then exchanged with OUT in one atomic ``renameat2(RENAME_EXCHANGE)``
where Linux offers it (two renames elsewhere). A folder that holds files a build did not
write (``-o .``, a project folder) is never swapped: there each file is replaced atomically
and the build's stale formats are removed. Staging folders of killed builds are removed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ExportError

if TYPE_CHECKING:
    import networkx as nx

OWN_FILE = re.compile(r"graph\.[A-Za-z0-9]+|\.graph\.[A-Za-z0-9]+\..+")
"""What a build writes into OUT: graph.<suffix>, and temporary .graph.<suffix>.XXXX files."""
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _staging_prefix(out: Path) -> str:
    return f".{out.name}.build-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_dead_staging(out: Path) -> None:
    """Staging folders left by builds that were killed (their process is gone)."""
    prefix = _staging_prefix(out)
    for path in out.parent.glob(prefix + "*"):
        pid = path.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the call is unavailable."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return done == 0


def only_build_files(out: Path) -> bool:
    """Whether OUT is missing or holds nothing but what a build writes."""
    if not out.exists():
        return True
    return out.is_dir() and all(p.is_file() and OWN_FILE.fullmatch(p.name) for p in out.iterdir())


def check(out: Path) -> None:
    """Fail before any work when OUT cannot be written."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder")
    parent = out.parent if not out.exists() else out
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise ExportError(f"{out}: cannot write here ({probe} is not a folder)")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise ExportError(f"{out}: cannot write here ({probe} is not writable)")


@contextmanager
def output_folder(out: Path) -> Iterator[Path]:
    """A folder to write a build's files into; on success it becomes OUT."""
    check(out)
    out = out.absolute()
    if not only_build_files(out):
        yield from _in_place(out)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_dead_staging(out)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(out)}{os.getpid()}-", dir=out.parent))
    try:
        yield staging
        os.chmod(staging, 0o777 & ~_umask())
        if not out.exists():
            os.rename(staging, out)
        elif _exchange(staging, out):
            shutil.rmtree(staging)  # now the previous build's files
        else:
            old = staging.with_name(staging.name + "-old")
            os.rename(out, old)
            os.rename(staging, out)
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _in_place(out: Path) -> Iterator[Path]:
    """Write straight into a folder that holds other files, then drop the build files (and
    temporary files of killed builds) that this build did not rewrite: every export
    replaces its file by a new one, so a file with its old inode is stale."""
    before = {p.name: _identity(p) for p in out.iterdir() if OWN_FILE.fullmatch(p.name)}
    yield out
    for name, identity in before.items():
        path = out / name
        if path.is_file() and _identity(path) == identity:
            path.unlink(missing_ok=True)


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


ALWAYS = ("turtle", "nquads")
"""What every build writes: graph.ttl (one graph) and graph.nq (a named graph per article)."""


def build_formats(extra: Iterable[str] = (), view: bool = False) -> list[str]:
    """The formats a build writes: ALWAYS, then ``extra`` (and the HTML view), each name
    checked so an unknown one fails before any work is done."""
    from exports import exporters

    formats = list(ALWAYS) + [f for f in dict.fromkeys(extra) if f not in ALWAYS]
    if view and "html" not in formats:
        formats.append("html")
    for name in formats:
        exporters.meta(name)
    return formats


def write_build(graph: nx.MultiDiGraph, out: Path, formats: Iterable[str] = ALWAYS) -> list[Path]:
    """Write ``graph`` as OUT/graph.<suffix> in each format, replacing OUT's previous build
    as a whole (``output_folder``). Returns the paths written."""
    from exports import export, suffix

    formats = build_formats(formats)
    with output_folder(out) as folder:
        for name in formats:
            export(graph, name, folder / f"graph{suffix(name)}")
    return [out / f"graph{suffix(name)}" for name in formats]
