"""The dask engine on a two-process LocalCluster: the graph a local build makes, input
errors reported as locally, and one line for a scheduler that cannot be reached."""

from __future__ import annotations

import contextlib
import io
import socket
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from graph import cli, engine_dask  # noqa: E402

WIRE = Path(__file__).resolve().parents[1] / "fixtures" / "dask" / "wire.jsonl"


@pytest.fixture(scope="module")
def scheduler():  # noqa: ANN201
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def build(capsys, out: Path, *options: str) -> tuple[int, str]:  # noqa: ANN001
    code = cli.main(["build", str(WIRE), "-o", str(out), "-q", *options])
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> tuple[int, str, bytes]:  # noqa: ANN001
    out = tmp_path_factory.mktemp("local")
    err = io.StringIO()  # a module fixture cannot take capsys
    with contextlib.redirect_stderr(err):
        code = cli.main(["build", str(WIRE), "-o", str(out), "-q", "--jobs", "1"])
    return code, err.getvalue(), (out / "graph.nq").read_bytes()


def test_dask_build_writes_the_bytes_of_a_local_build(
    scheduler, local_build, tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(engine_dask, "BATCH", 2)  # several tasks, spread over both workers
    code, err = build(capsys, tmp_path, "--engine", "dask", "--scheduler", scheduler)
    local_code, local_err, local_nq = local_build
    assert (tmp_path / "graph.nq").read_bytes() == local_nq
    assert b"benjamin-netanyahu" in local_nq and b"entity/person/netanyahu>" not in local_nq
    assert (code, err) == (local_code, local_err)


def test_a_bad_article_is_skipped_with_its_line_as_locally(
    scheduler, local_build, tmp_path, capsys
) -> None:
    code, err = build(capsys, tmp_path, "--engine", "dask", "--scheduler", scheduler)
    assert code == 2
    assert err.splitlines() == [
        f"newsgraph: skipped: {WIRE}:4: field 'date' must be a string, not int"
    ]
    assert err == local_build[1]
    assert b"graph/bad>" not in (tmp_path / "graph.nq").read_bytes()


def test_engine_dask_without_scheduler_starts_a_local_cluster(tmp_path, capsys) -> None:  # noqa: ANN001
    code, _ = build(capsys, tmp_path, "--engine", "dask", "--jobs", "1", "--no-link")
    assert code == 2 and b"graph/w7>" in (tmp_path / "graph.nq").read_bytes()


def test_an_unreachable_scheduler_is_one_line_and_an_exit_code(tmp_path, capsys) -> None:  # noqa: ANN001
    import dask

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, err = build(
            capsys, tmp_path, "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"
        )
    assert code == 8
    assert err.startswith(f"newsgraph: cannot reach the dask scheduler at tcp://127.0.0.1:{port}")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "graph.nq").exists()


def test_a_scheduler_needs_the_dask_engine(tmp_path, capsys) -> None:  # noqa: ANN001
    code, err = build(capsys, tmp_path, "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 8 and err.strip() == (
        "newsgraph: a scheduler (tcp://127.0.0.1:8786) is for the dask engine, not 'local'"
    )


def test_a_model_missing_on_the_workers_is_one_line_as_locally(scheduler, tmp_path, capsys) -> None:
    local = build(capsys, tmp_path / "l", "--jobs", "1", "--model", "no_such_model")
    remote = build(
        capsys,
        tmp_path / "d",
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        "--model",
        "no_such_model",
    )
    # the one difference: a local build loads the model before it reads the bad record
    assert remote[0] == local[0] == 3
    assert remote[1].splitlines()[-1] == local[1].splitlines()[-1]
    assert local[1].splitlines()[-1].startswith("newsgraph: spaCy pipeline 'no_such_model'")
    assert "Traceback" not in remote[1] and len(remote[1].splitlines()) <= 2
