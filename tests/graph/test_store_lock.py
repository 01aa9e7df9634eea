"""The store's single-writer lock (graph/store.py ``write_lock``, through ``filelock``): a
second writer is refused at once with one clear error, in this process or another, and a
writer killed while holding the lock leaves no stale lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph import store
from graph.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from pathlib import Path
from graph.store import write_lock
with write_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


@contextmanager
def held_elsewhere(directory: Path) -> Iterator[subprocess.Popen]:
    """Another process holding the store's lock until the block ends (or it is killed)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(directory)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=20)


def test_a_second_writer_in_another_process_is_refused_at_once(tmp_path: Path) -> None:
    directory = tmp_path / "db"
    with held_elsewhere(directory):
        with pytest.raises(StoreError, match="another newsgraph process is writing this store"):
            with store.write_lock(directory):
                pass
        assert store._lock_held(directory)
    with store.write_lock(directory):  # free again once the holder has gone
        assert store._lock_held(directory)
    assert not store._lock_held(directory)


def test_a_second_writer_in_the_same_process_is_refused(tmp_path: Path) -> None:
    with store.write_lock(tmp_path):
        with pytest.raises(StoreError, match="another newsgraph process"):
            with store.write_lock(tmp_path):
                pass


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path) -> None:
    with held_elsewhere(tmp_path) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=20)
        assert (tmp_path / store.LOCK).exists()  # the file stays; the OS lock went with it
        assert not store._lock_held(tmp_path)
        with store.write_lock(tmp_path):
            pass


def test_the_lock_is_released_when_the_writer_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), store.write_lock(tmp_path):
        raise RuntimeError("the add failed")
    assert not store._lock_held(tmp_path)


def test_no_lock_file_means_no_writer(tmp_path: Path) -> None:
    assert not store._lock_held(tmp_path)
    assert not (tmp_path / store.LOCK).exists()  # probing made no file


def test_a_cli_writer_is_refused_with_the_store_exit_code(tmp_path: Path) -> None:
    directory = tmp_path / "db"
    with held_elsewhere(directory):
        result = subprocess.run(
            [sys.executable, "-m", "newsgraph", "remove", "--store", str(directory), "x"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
    assert result.returncode == StoreError.exit_code == 6
    assert result.stderr.strip().splitlines() == [
        f"newsgraph: {directory}: another newsgraph process is writing this store"
    ]
