"""News gold evaluation: reading gold, alignment, stance rules, position alignment, credit
per extractor, the ``eval news`` command (table, --json, --errors, --keep, a bad line), and
agreement with the reference scorer on real dev articles."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.learn import news_eval
from graph.learn.news_eval import GoldArticle, read_gold, score_article, summarise
from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[3]
MINI = ROOT / "tests" / "fixtures" / "news_gold" / "mini.jsonl"
SHARED = ROOT / ".." / "shared"
DEV = SHARED / "data" / "news_gold" / "dev.jsonl"
SCORER = SHARED / "tools" / "score_news.py"


def rdf_of(entities: list[tuple], relations: list[tuple]):  # noqa: ANN201
    """An article's RDF graph as exports/rdf.py writes it, from (key, type, label, *aliases)
    nodes and (subject, predicate, object, stance, extractor) edges."""
    from exports.rdf import to_graph
    from graph.kg import new_graph

    graph = new_graph()
    graph.graph["articles"]["a1"] = {"title": "t"}
    for key, kind, label, *aliases in entities:
        graph.add_node(key, type=kind, label=label, aliases=aliases, mentions=1, articles=["a1"])
    for n, (s, p, o, stance, extractor) in enumerate(relations):
        graph.add_edge(
            s, o, key=f"r{n}", predicate=p, stance=stance, sentence=f"{s} {p} {o}.",
            sentence_start=0, start=0, end=1, confidence=0.9, extractor=extractor, article="a1",
        )  # fmt: skip
    return to_graph(graph)


def gold_of(entities: list[tuple], facts: list[tuple]) -> GoldArticle:
    """Gold from (id, type, name, *aliases) and (subject, relation, object, stance)."""
    return GoldArticle(
        "a1", "t", "text",
        tuple(news_eval.GoldEntity(i, name, kind, tuple(al)) for i, kind, name, *al in entities),
        tuple(news_eval.GoldFact(s, r, o, st, f"{s} {r} {o}.") for s, r, o, st in facts),
    )  # fmt: skip


@pytest.fixture(scope="module")
def kinds() -> dict:
    return news_eval.predicate_kinds()


def score(gold: GoldArticle, rdf, kinds: dict):  # noqa: ANN001, ANN201
    return score_article(gold, news_eval.graph_facts(rdf), kinds)


# ---- reading gold ----------------------------------------------------------------------------
def test_reader_reads_articles_entities_and_facts() -> None:
    articles = read_gold(MINI)
    assert [a.id for a in articles] == ["mini-fisheries-talks", "mini-striker-move"]
    assert articles[0].source().startswith("Fisheries minister visits Bergen\n\nNorway's")
    assert {f.stance for a in articles for f in a.facts} == set(news_eval.STANCES)
    for article in articles:
        assert all(f.sentence in article.text for f in article.facts)


GOOD = json.loads(MINI.read_text("utf-8").splitlines()[0])


def _with(change) -> str:  # noqa: ANN001
    record = json.loads(json.dumps(GOOD))
    change(record)
    return json.dumps(record)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (_with(lambda r: r.pop("text")), "expected 'text' to be a str"),
        (_with(lambda r: r.update(text="  ")), "has no text"),
        (_with(lambda r: r["entities"][0].update(type="Animal")), "unknown type 'Animal'"),
        (_with(lambda r: r["relations"][0].update(object="e99")), "entity 'e99'"),
        (_with(lambda r: r["relations"][0].update(relation="likes")), "unknown relation 'likes'"),
        (_with(lambda r: r["relations"][0].update(stance="rumoured")), "unknown stance"),
        (_with(lambda r: r["entities"].append(r["entities"][0])), "used twice"),
        (_with(lambda r: r.update(id="../x")), "cannot name a folder"),
        (json.dumps(GOOD), "article id 'mini-fisheries-talks' is used twice"),
    ],
)
def test_bad_gold_line_is_one_line_error_naming_file_and_line(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + line + "\n", "utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: ") and problem in message and "\n" not in message


def test_bad_gold_through_the_command(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + _with(lambda r: r.pop("entities")) + "\n")
    assert main(["eval", "news", str(path)]) == InputError.exit_code
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"newsgraph: {path}:3: ") and "entities" in err and "\n" not in err
    assert main(["eval", "news", str(tmp_path / "none.jsonl")]) == InputError.exit_code


# ---- alignment -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Mr Blair", "blair"),
        ("the Kremlin's", "kremlin"),
        ("U.S.", "us"),
        ("São Paulo", "sao paulo"),
        ("Dr. Amara Okafor-Reyes", "amara okafor reyes"),
    ],
)
def test_names_compare_normalised(a: str, b: str) -> None:
    assert news_eval.norm(a) == b


def test_alignment_by_name_and_compatible_type(kinds: dict) -> None:
    gold = gold_of(
        [("g1", "Country", "Kenya"), ("g2", "Person", "Wanjiru Kamau", "Ms Kamau"),
         ("g3", "Organization", "Safari Rail"), ("g4", "Person", "Peter Obi")],
        [("g2", "residence", "g1", "asserted"), ("g2", "employer", "g3", "asserted")],
    )  # fmt: skip
    rdf = rdf_of(
        [("Place/kenya", "Place", "Kenya"), ("Person/kamau", "Person", "Kamau"),
         ("Person/safari-rail", "Person", "Safari Rail"),  # wrong type: never aligned
         ("Organization/peter-obi", "Organization", "Peter Obi")],
        [("Person/kamau", "livesIn", "Place/kenya", "asserted", "verbs"),
         ("Person/kamau", "worksFor", "Person/safari-rail", "asserted", "titles")],
    )  # fmt: skip
    result = score(gold, rdf, kinds)
    assert (result.entities_gold, result.entities_found) == (4, 2)  # Kenya as a Place; Kamau
    assert (result.entities_graph, result.entities_right) == (4, 2)
    assert [f.found for f in result.facts] == [True, False]
    assert sorted((t.predicate, t.right) for t in result.triples) == [
        ("livesIn", True),
        ("worksFor", False),
    ]


def test_position_aligns_by_title_and_jurisdiction(kinds: dict) -> None:
    gold = gold_of(
        [("p", "Person", "Lars Berg"), ("o", "Organization", "Nordfisk Seafood", "Nordfisk"),
         ("j", "Position", "Chief Executive of Nordfisk Seafood")],
        [("p", "position_held", "j", "asserted"),
         ("j", "applies_to_jurisdiction", "o", "asserted")],
    )  # fmt: skip
    for label, aligned in [
        ("chief executive of Nordfisk", True),  # jurisdiction's words inside the gold's
        ("Chief Executive of Nordfisk Seafood Group", True),  # the gold's inside it
        ("chairman of Nordfisk Seafood", False),  # another title
        ("chief executive of Harbour Seafood", False),  # another jurisdiction
    ]:
        rdf = rdf_of(
            [("Person/lars-berg", "Person", "Lars Berg"), ("Position/x", "Position", label)],
            [("Person/lars-berg", "positionHeld", "Position/x", "asserted", "titles")],
        )
        result = score(gold, rdf, kinds)
        assert result.facts[0].found is aligned, label
        assert result.triples[0].right is aligned, label


# ---- stance rules ----------------------------------------------------------------------------
ENTS = [("a", "Country", "Iceland"), ("b", "Organization", "European Union", "EU")]
NODES = [("Country/iceland", "Country", "Iceland"), ("Organization/eu", "Organization", "EU")]


@pytest.mark.parametrize(
    "gold_stance, edges, found, triple_right, stance_error",
    [
        # a negated gold fact written bare is a wrong triple, and the fact is not found
        ("negated", [("memberOf", "asserted")], False, False, True),
        # ... found by a negated statement (no bare triple, so nothing to count in precision)
        ("negated", [("memberOf", "negated")], True, None, False),
        # ... a bare exclusion stands for the negated membership
        ("negated", [("excludedFrom", "asserted")], False, True, False),
        # a negated statement beside a bare triple of the same fact: not found
        ("negated", [("memberOf", "negated"), ("memberOf", "asserted")], False, False, True),
        ("proposed", [("memberOf", "proposed")], True, None, False),
        ("proposed", [("memberOf", "negated")], False, None, False),
        ("proposed", [("memberOf", "asserted")], False, False, True),
        # a reported gold fact is found by a bare triple or a reported statement
        ("reported", [("memberOf", "asserted")], True, True, False),
        ("reported", [("memberOf", "reported")], True, None, False),
        ("asserted", [("memberOf", "reported")], True, None, False),
        ("asserted", [("memberOf", "proposed")], False, None, False),
        # the inverse predicate, and a kin kind (member_of_political_party for member_of)
        ("asserted", [("hasMember", "asserted")], True, True, False),
        ("asserted", [("memberOfPoliticalParty", "asserted")], True, True, False),
        ("asserted", [("locatedIn", "asserted")], False, False, False),
    ],
)
def test_stance_rules(kinds: dict, gold_stance, edges, found, triple_right, stance_error) -> None:  # noqa: ANN001, E501
    gold = gold_of(ENTS, [("a", "member_of", "b", gold_stance)])
    relations = [
        ("Organization/eu" if p == "hasMember" else "Country/iceland", p,
         "Country/iceland" if p == "hasMember" else "Organization/eu", stance, "x")
        for p, stance in edges
    ]  # fmt: skip
    result = score(gold, rdf_of(NODES, relations), kinds)
    assert result.facts[0].found is found
    assert [t.right for t in result.triples] == ([] if triple_right is None else [triple_right])
    assert [t.stance_error for t in result.triples] == (
        [] if triple_right is None else [stance_error]
    )


# ---- credit per extractor and per kind ---------------------------------------------------------
def test_credit_per_extractor_kind_and_how_facts_were_found(kinds: dict) -> None:
    gold = gold_of(
        [("p", "Person", "Tom Akers"), ("c", "Organization", "Rovers"),
         ("h", "Organization", "Harbour City"), ("o", "Person", "Daniel Osei")],
        [("p", "leader_of", "c", "asserted"), ("p", "criticises", "h", "reported"),
         ("o", "member_of_sports_team", "c", "proposed"), ("o", "plays_against", "c", "asserted")],
    )  # fmt: skip
    P, C, H, S = "Person/akers", "Organization/rovers", "Organization/harbour", "Person/osei"
    rdf = rdf_of(
        [(P, "Person", "Tom Akers", "Akers"), (C, "Organization", "Rovers"),
         (H, "Organization", "Harbour City"), (S, "Person", "Daniel Osei")],
        [(P, "leaderOf", C, "asserted", "titles"),
         (P, "leaderOf", C, "asserted", "verbs"),  # the same bare triple from two extractors
         (P, "criticises", H, "reported", "verbs"),  # found through a statement only
         (S, "memberOfSportsTeam", C, "asserted", "verbs"),  # the gold fact is only proposed
         (S, "livesIn", H, "asserted", "classifier")],
    )  # fmt: skip
    summary = summarise([score(gold, rdf, kinds)])
    facts = summary["facts"]
    assert [facts[k] for k in ("triples", "right", "wrong", "found", "gold")] == [3, 1, 2, 2, 4]
    assert summary["facts"]["p"] == round(1 / 3, 3) and summary["facts"]["r"] == 0.5
    assert summary["stance_errors"] == 1
    assert summary["found_through"] == {
        "bare_triple": 1, "statement_only": 1,
        "statement_only_asserted_or_reported": 1, "statement_only_proposed_or_negated": 0,
    }  # fmt: skip
    ex = summary["extractors"]
    assert {k: (v["triples"], v["right"], v["wrong"]) for k, v in ex.items()} == {
        "verbs": (2, 1, 1), "titles": (1, 1, 0), "classifier": (1, 0, 1),
    }  # fmt: skip
    assert (ex["verbs"]["facts_found"], ex["verbs"]["facts_only"]) == (2, 1)
    assert (ex["titles"]["facts_found"], ex["titles"]["facts_only"]) == (1, 0)
    assert ex["titles"]["precision"] == 1.0 and ex["verbs"]["recall"] == 0.5
    k = summary["kinds"]
    assert (k["leader_of"]["gold"], k["leader_of"]["found"], k["leader_of"]["triples"]) == (1, 1, 1)
    assert (k["head_of_state"]["gold"], k["head_of_state"]["right"]) == (0, 1)  # kin of leader_of
    assert (k["member_of_sports_team"]["found"], k["member_of_sports_team"]["right"]) == (0, 0)
    assert k["plays_against"] == {
        "gold": 1,
        "found": 0,
        "triples": 0,
        "right": 0,
        "recall": 0.0,
        "precision": 0.0,
    }
    assert k["residence"]["triples"] == 1 and k["residence"]["precision"] == 0.0
    errors = news_eval.errors([score(gold, rdf, kinds)])[0]
    assert {(m["relation"], m["stance"]) for m in errors["missed"]} == {
        ("member_of_sports_team", "proposed"), ("plays_against", "asserted")
    }  # fmt: skip
    assert {(w["predicate"], w["stance_error"]) for w in errors["wrong"]} == {
        ("memberOfSportsTeam", True), ("livesIn", False)
    }  # fmt: skip


# ---- the command -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mini_run(tmp_path_factory) -> tuple[dict, Path]:  # noqa: ANN001
    keep = tmp_path_factory.mktemp("kept")
    results = news_eval.evaluate(MINI, keep=keep)
    return summarise(results), keep


def test_command_json_agrees_with_the_library_and_keeps_graphs(mini_run, capsys) -> None:  # noqa: ANN001
    summary, keep = mini_run
    assert main(["eval", "news", str(MINI), "--json", "-q"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    line = json.loads(out[0])
    for key in ("facts", "entities", "stance_errors", "duplicates", "found_through", "kinds"):
        assert line[key] == summary[key], key
    assert line["facts"]["gold"] == 17 and line["entities"]["gold"] == 12
    assert sum(k["gold"] for k in line["kinds"].values()) == line["facts"]["gold"]
    via = line["found_through"]
    assert via["bare_triple"] + via["statement_only"] == line["facts"]["found"]
    assert sum(a["facts_found"] for a in line["per_article"]) == line["facts"]["found"]
    # the kept graphs score the same when read back from disk
    import rdflib

    kinds = news_eval.predicate_kinds()
    read = lambda g: news_eval.graph_facts(rdflib.Graph().parse(keep / g.id / "graph.ttl"))  # noqa: E731
    again = [score_article(g, read(g), kinds) for g in read_gold(MINI)]
    assert summarise(again)["facts"] == summary["facts"]


def test_command_errors_list_each_miss_with_its_sentence(mini_run, capsys) -> None:  # noqa: ANN001
    summary, _ = mini_run
    assert main(["eval", "news", str(MINI), "--errors", "-q"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    missed = [i for i, ln in enumerate(lines) if ln.startswith("  missed: ")]
    wrong = [ln for ln in lines if ln.startswith("  wrong:  ")]
    assert len(missed) == summary["facts"]["gold"] - summary["facts"]["found"]
    assert len(wrong) == summary["facts"]["wrong"]
    text = "\n".join(a.text for a in read_gold(MINI))
    assert all(lines[i + 1].strip() in text for i in missed)  # the gold's sentence follows
    assert "relation kind (gold)" in out and "extractor" in out
    f, e = summary["facts"], summary["entities"]
    assert lines[-1] == (
        f"news gold: facts P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f} | "
        f"entities P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f}"
    )
    assert main(["eval", "news", str(MINI), "--errors", "--json", "-q"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert sum(len(a["missed"]) for a in line["errors"]) == len(missed)


# ---- agreement with the reference scorer on real articles --------------------------------------
@pytest.fixture(scope="module")
def scorer():  # noqa: ANN201
    if not (DEV.exists() and SCORER.exists()):
        pytest.skip("../shared (news gold and its scorer) is not beside the checkout")
    spec = importlib.util.spec_from_file_location("score_news", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_predicates_stand_for_the_kinds_the_reference_scorer_gives(scorer, kinds) -> None:  # noqa: ANN001
    import rdflib

    ontology = rdflib.Graph().parse(ROOT / "graph" / "schema" / "ontology.ttl")
    theirs = {str(p): frozenset(k) for p, k in scorer.predicate_kinds(ontology).items()}
    assert kinds == theirs
    assert news_eval.inventory().codes == scorer.INVENTORY


def test_totals_equal_the_reference_scorer_on_dev_articles(tmp_path: Path, scorer) -> None:  # noqa: ANN001
    gold = tmp_path / "dev2.jsonl"
    gold.write_text("".join(DEV.read_text("utf-8").splitlines(keepends=True)[:2]), "utf-8")
    keep = tmp_path / "graphs"
    ours = summarise(news_eval.evaluate(gold, keep=keep))

    import rdflib

    ontology = rdflib.Graph().parse(ROOT / "graph" / "schema" / "ontology.ttl")
    kinds = scorer.predicate_kinds(ontology)
    rows = [
        scorer.score_article(json.loads(line), keep / json.loads(line)["id"] / "graph.ttl", kinds)
        for line in gold.read_text("utf-8").splitlines()
    ]
    total = {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], int)}
    f, e = ours["facts"], ours["entities"]
    assert (f["gold"], f["found"], f["triples"], f["right"]) == (
        total["facts_gold"], total["facts_found"], total["triples"], total["triples_right"]
    )  # fmt: skip
    assert (e["gold"], e["found"], e["graph"], e["right"]) == (
        total["entities_gold"], total["entities_found"], total["entities_graph"],
        total["entities_right"],
    )  # fmt: skip
    assert (ours["stance_errors"], ours["duplicates"]) == (
        total["stance_errors"], total["duplicates"]
    )  # fmt: skip


def test_an_article_that_cannot_be_built_scores_as_an_empty_graph(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    empty = {
        "id": "page-furniture-only", "title": "Empty page", "text": "Related Articles",
        "entities": [{"id": "e1", "name": "Oslo", "type": "Place"}], "relations": [],
    }  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(empty) + "\n" + json.dumps(GOOD) + "\n", "utf-8")
    with pytest.raises(InputError, match="page-furniture-only"):
        news_eval.evaluate(path)
    assert main(["eval", "news", str(path), "--json", "-q"]) == InputError.exit_code
    captured = capsys.readouterr()
    line = json.loads(captured.out)
    assert line["articles"] == 2 and line["per_article"][0]["entities_found"] == 0
    assert line["entities"]["gold"] == 1 + 7  # Oslo, and the named entities of the good one
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and "page-furniture-only" in err[0] and "no body text" in err[0]
