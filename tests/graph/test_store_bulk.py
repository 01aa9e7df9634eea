"""``newsgraph add --store DIR SHARDS``: N-Quads a build wrote, bulk-loaded with the store's
bookkeeping, against the same articles added one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import cli
from graph.vocab import ENTITY_GRAPH

WIRE = Path(__file__).resolve().parents[1] / "fixtures" / "dask" / "wire.jsonl"
BACKGROUND = "https://w3id.org/newsgraph/background"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def run(capsys, *args: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def quads(store: Path) -> set[str]:
    from graph.store import open_store

    db = open_store(store)
    return {str(q) for q in db}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:  # noqa: ANN001
    """w1 alone ("Netanyahu"), the rest (w2 names "Benjamin Netanyahu"), and the build of
    the rest: its graph.nq is the shard."""
    folder = tmp_path_factory.mktemp("corpus")
    records = [json.loads(line) for line in WIRE.read_text().splitlines()]
    good = [r for r in records if isinstance(r["date"], str)]
    (folder / "first.jsonl").write_text(json.dumps(good[0]) + "\n")
    (folder / "rest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in good[1:]))
    assert cli.main(["build", str(folder / "rest.jsonl"), "-o", str(folder / "b"), "-q"]) == 0
    return {
        "first": folder / "first.jsonl",
        "rest": folder / "rest.jsonl",
        "shard": folder / "b" / "graph.nq",
    }


def _duplicate_background_labels(held: set[str]) -> set[str]:
    """Background labels of entities the entity graph labels too: a one-article graph
    writes the country of a place it names ("Nairobi" -> Kenya) with its label when the
    article does not name that country, a build of all the articles does not."""
    labelled = {q.split(" ")[0] for q in held if f"<{LABEL}>" in q and str(ENTITY_GRAPH) in q}
    return {
        q
        for q in held
        if q.endswith(f"<{BACKGROUND}>") and f"<{LABEL}>" in q and q.split(" ")[0] in labelled
    }


def assert_same_store(by_articles: Path, by_shard: Path) -> None:
    articles, shard = quads(by_articles), quads(by_shard)
    assert shard - articles == set()
    assert articles - shard <= _duplicate_background_labels(articles)


def test_a_shard_loads_what_adding_its_articles_stores(corpus, tmp_path, capsys) -> None:  # noqa: ANN001
    code, out, _ = run(capsys, "add", "--store", str(tmp_path / "a"), str(corpus["rest"]))
    assert (code, out.strip()) == (0, "added 6, replaced 0, unchanged 0 (already stored)")
    code, out, _ = run(capsys, "add", "--store", str(tmp_path / "s"), str(corpus["shard"]))
    assert (code, out.strip()) == (0, "added 6, replaced 0, unchanged 0 (already stored)")
    assert_same_store(tmp_path / "a", tmp_path / "s")
    code, out, _ = run(capsys, "add", "--store", str(tmp_path / "s"), str(corpus["shard"]))
    assert (code, out.strip()) == (0, "added 0, replaced 0, unchanged 6 (already stored)")


def test_a_stored_short_name_is_folded_into_the_shards_full_name(
    corpus,
    tmp_path,
    capsys,  # noqa: ANN001
) -> None:
    for name in ("a", "s"):
        assert run(capsys, "add", "--store", str(tmp_path / name), str(corpus["first"]))[0] == 0
    run(capsys, "add", "--store", str(tmp_path / "a"), str(corpus["rest"]))
    code, out, _ = run(capsys, "add", "--store", str(tmp_path / "s"), str(corpus["shard"]))
    assert code == 0 and "merged 1 stored name(s) into fuller ones" in out
    assert_same_store(tmp_path / "a", tmp_path / "s")
    held = quads(tmp_path / "s")
    assert not any(
        q.startswith("<https://w3id.org/newsgraph/entity/person/netanyahu>") for q in held
    )
    assert any('skos/core#altLabel> "Netanyahu"' in q for q in held)


def test_a_shard_with_a_bad_line_is_refused_and_nothing_is_loaded(
    corpus,
    tmp_path,
    capsys,  # noqa: ANN001
) -> None:
    store = tmp_path / "s"
    run(capsys, "add", "--store", str(store), str(corpus["first"]))
    before = quads(store)
    lines = corpus["rest"].with_name("b").joinpath("graph.nq").read_text().splitlines(True)
    bad = tmp_path / "bad.nq"
    bad.write_text(
        "".join(lines[:10])
        + '<https://x.org/a> <https://x.org/b> "open <https://x.org/g> .\n'
        + "".join(lines[10:])
    )
    code, out, err = run(capsys, "add", "--store", str(store), str(corpus["shard"]), str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"newsgraph: {bad}:11: not N-Quads (") and len(err.splitlines()) == 1
    assert quads(store) == before  # the good shard before it is not loaded either


def test_an_id_stored_with_another_text_follows_on_duplicate(corpus, tmp_path, capsys) -> None:  # noqa: ANN001
    store = tmp_path / "s"
    run(capsys, "add", "--store", str(store), str(corpus["shard"]))
    w7 = [line for line in corpus["rest"].read_text().splitlines() if '"w7"' in line]
    (tmp_path / "w7.jsonl").write_text(w7[0].replace("later flew to Paris", "flew to Paris"))
    assert cli.main(["build", str(tmp_path / "w7.jsonl"), "-o", str(tmp_path / "b"), "-q"]) == 0
    changed = tmp_path / "b" / "graph.nq"
    code, out, err = run(capsys, "add", "--store", str(store), str(changed))
    assert code == 2 and out.strip() == "added 0, replaced 0, unchanged 0 (already stored)"
    assert "article id 'w7' is already stored with another text; not added" in err
    code, out, err = run(
        capsys, "add", "--store", str(store), "--on-duplicate", "skip", str(changed)
    )
    assert code == 0 and "kept 1 stored article(s)" in out
    code, out, err = run(
        capsys, "add", "--store", str(store), "--on-duplicate", "replace", str(changed)
    )
    assert code == 0 and out.startswith("added 1, replaced 1, unchanged 0")
    held = quads(store)
    assert any("Scholz flew to Paris" in q for q in held)
    assert not any("later flew to Paris" in q for q in held)


def test_articles_and_shards_are_not_mixed(corpus, tmp_path, capsys) -> None:  # noqa: ANN001
    code, _, err = run(
        capsys, "add", "--store", str(tmp_path), str(corpus["first"]), str(corpus["shard"])
    )
    assert code == 2
    assert err.strip() == "newsgraph: add takes articles or N-Quads shards (.nq), not both at once"
