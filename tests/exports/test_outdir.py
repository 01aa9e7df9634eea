"""A build's output folder is replaced as a whole: one build's complete set, never a mix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exports.outdir import check, output_folder
from graph.errors import ExportError


def write(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text(name)


def test_a_new_build_replaces_every_file_of_the_last(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_folder(out) as folder:
        write(folder, "graph.ttl", "graph.nq", "graph.jsonld")
    with output_folder(out) as folder:
        assert folder != out
        write(folder, "graph.ttl", "graph.nq")
    assert sorted(p.name for p in out.iterdir()) == ["graph.nq", "graph.ttl"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left


def test_a_failed_build_leaves_the_last_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_folder(out) as folder:
        write(folder, "graph.ttl", "graph.nq")
    with pytest.raises(RuntimeError), output_folder(out) as folder:
        write(folder, "graph.ttl")
        raise RuntimeError("killed half way")
    assert sorted(p.name for p in out.iterdir()) == ["graph.nq", "graph.ttl"]
    assert (out / "graph.ttl").read_text() == "graph.ttl"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_staging_folders_of_killed_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    dead = tmp_path / ".out.build-999999999-abc"  # no such process
    dead.mkdir()
    alive = tmp_path / f".out.build-{os.getpid()}-xyz"  # a build still running
    alive.mkdir()
    with output_folder(out) as folder:
        write(folder, "graph.ttl")
    assert not dead.exists() and alive.exists()


def test_a_folder_with_other_files_is_written_in_place_and_stale_formats_go(
    tmp_path: Path,
) -> None:
    write(tmp_path, "notes.md", "graph.ttl", "graph.jsonld", ".graph.ttl.k1ll3d")
    with output_folder(tmp_path) as folder:
        assert folder == tmp_path.absolute()
        (folder / "graph.ttl").unlink()
        write(folder, "graph.ttl", "graph.nq")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq", "graph.ttl", "notes.md"]


def test_an_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="is not a folder"):
        check(blocker / "out")
    with pytest.raises(ExportError, match="exists and is not a folder"):
        check(blocker)
