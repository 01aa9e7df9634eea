"""``newsgraph eval DATASET FILE``: score extraction on labelled data, CoNLL04 sentences
(graph/evaluate.py), news gold articles (graph/learn/news_eval.py) or coreference passages
(graph/coref_eval.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph.errors import InputError
from newsgraph.cli.common import Command


# ---- conll04 -------------------------------------------------------------------------------
def _configure_conll04(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="a CoNLL04 JSON file (train, dev or a held-out split)")
    p.add_argument("--json", action="store_true", help="print one JSON line per system")
    p.add_argument("--baseline", choices=["textacy"], help="also score a peer baseline")
    p.add_argument("--model", help="spaCy pipeline name")


def _conll04_table(result: dict) -> str:
    lines = [
        f"{result['system']}: {result['sentences']} sentences, {result['seconds']} s",
        f"{'':14}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for kind in ("entities", "relations"):
        m = result[kind]
        lines.append(f"{kind:14}{m['p']:8.3f}{m['r']:8.3f}{m['f1']:8.3f}")
        for name, v in result["per_type"][kind].items():
            lines.append(f"  {name:12}{v['p']:8.3f}{v['r']:8.3f}{v['f1']:8.3f}")
    lines.append(f"gold relations with both entities found: {result['reachable']:.3f}")
    return "\n".join(lines)


def _run_conll04(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate

    systems = ["newsgraph"] + ([args.baseline] if args.baseline else [])
    for system in systems:
        result = evaluate(args.file, system, args.model)
        print(json.dumps(result) if args.json else _conll04_table(result))
    return 0


# ---- news ----------------------------------------------------------------------------------
def _configure_news(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="news gold, JSON Lines (see news_gold/README.md)")
    p.add_argument("--json", action="store_true", help="print one line of JSON")
    p.add_argument("--errors", action="store_true", help="list missed and wrong facts")
    p.add_argument(
        "--keep", type=Path, metavar="DIR", help="write each article's graph as DIR/<id>/graph.ttl"
    )
    p.add_argument("--model", help="spaCy pipeline name")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _news_tables(summary: dict) -> list[str]:
    f, e = summary["facts"], summary["entities"]
    via = summary["found_through"]
    lines = [
        f"{'':10}{'P':>7}{'R':>7}{'F1':>7}  right/predicted  found/gold",
        f"{'facts':10}{f['p']:7.3f}{f['r']:7.3f}{f['f1']:7.3f}  "
        f"{f['right']:>7}/{f['triples']:<7}  {f['found']:>5}/{f['gold']}",
        f"{'entities':10}{e['p']:7.3f}{e['r']:7.3f}{e['f1']:7.3f}  "
        f"{e['right']:>7}/{e['graph']:<7}  {e['found']:>5}/{e['gold']}",
        f"stance errors (negated/proposed facts written as bare triples): "
        f"{summary['stance_errors']}; duplicate entities: {summary['duplicates']}",
        f"gold facts found: {f['found']} = {via['bare_triple']} through a bare triple + "
        f"{via['statement_only']} only through a statement "
        f"({via['statement_only_asserted_or_reported']} asserted/reported in the gold, "
        f"{via['statement_only_proposed_or_negated']} proposed/negated)",
        "",
        f"{'relation kind (gold)':28}{'gold':>6}{'found':>6}{'recall':>8}"
        f"{'triples':>9}{'right':>6}{'precision':>10}",
    ]
    for kind, k in summary["kinds"].items():
        lines.append(
            f"{kind:28}{k['gold']:6}{k['found']:6}{k['recall']:8.3f}"
            f"{k['triples']:9}{k['right']:6}{k['precision']:10.3f}"
        )
    lines += [
        "(a triple counts under every kind its predicate stands for)",
        "",
        f"{'extractor':24}{'triples':>8}{'right':>6}{'wrong':>6}{'precision':>10}"
        f"{'found':>7}{'alone':>6}{'recall':>8}",
    ]
    for name, x in summary["extractors"].items():
        lines.append(
            f"{name:24}{x['triples']:8}{x['right']:6}{x['wrong']:6}{x['precision']:10.3f}"
            f"{x['facts_found']:7}{x['facts_only']:6}{x['recall']:8.3f}"
        )
    lines.append("(a triple or fact two extractors wrote counts for each; alone: no other did)")
    return lines


def _error_lines(errors: list[dict]) -> list[str]:
    lines = []
    for article in errors:
        lines.append(article["id"])
        for m in article["missed"]:
            lines.append(f"  missed: {m['subject']} {m['relation']} {m['object']} ({m['stance']})")
            lines.append(f"          {m['sentence']}")
        for w in article["wrong"]:
            why = " (gold: negated/proposed)" if w["stance_error"] else ""
            lines.append(
                f"  wrong:  {w['subject']} {w['predicate']} {w['object']}{why} "
                f"[{', '.join(w['extractors']) or 'unknown'}]"
            )
            lines.extend(f"          {s}" for s in w["sentences"])
        for d in article.get("split", ()):
            lines.append(f"  split:  {d['gold']} = {' | '.join(d['graph'])}")
    return lines


def _run_news(args: argparse.Namespace) -> int:
    import time

    from tqdm import tqdm

    from graph.learn import news_eval

    started = time.perf_counter()
    bar = tqdm(unit=" articles", disable=args.quiet or None, delay=2.0, file=sys.stderr)
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        print(f"newsgraph: {error} (scored as an empty graph)", file=sys.stderr)

    results = news_eval.evaluate(
        args.file,
        model=args.model,
        keep=args.keep,
        progress=lambda _a: bar.update(1),
        on_error=on_error,
    )
    bar.close()
    summary = news_eval.summarise(results)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    if args.errors:
        summary["errors"] = news_eval.errors(results)
    if args.json:
        print(json.dumps(summary))
        return 2 if failures else 0
    lines = [f"news gold: {args.file}, {summary['articles']} articles, {summary['seconds']} s"]
    if args.errors:
        lines += _error_lines(summary["errors"]) + [""]
    lines += _news_tables(summary)
    f, e = summary["facts"], summary["entities"]
    lines.append(
        f"news gold: facts P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f} | "
        f"entities P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f}"
    )
    print("\n".join(lines))
    return 2 if failures else 0


# ---- coref ---------------------------------------------------------------------------------
def _configure_coref(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", type=Path, help="a coreference corpus (tests/fixtures/coref/passages.jsonl)"
    )
    p.add_argument("--errors", action="store_true", help="also list the wrong links")
    p.add_argument("--json", action="store_true", help="print one line of JSON")
    p.add_argument("--model", help="spaCy pipeline name")


def _run_coref(args: argparse.Namespace) -> int:
    from graph import coref_eval

    result = coref_eval.evaluate(args.file, args.model)
    print(json.dumps(result) if args.json else coref_eval.table(result))
    if args.errors and not args.json:
        print(coref_eval.errors(result))
    return 0


# ---- the command ---------------------------------------------------------------------------
DATASETS = {
    "conll04": ("CoNLL04 sentences: strict entity and relation P/R/F1", _configure_conll04,
                _run_conll04),
    "news": ("news gold articles: facts and entities, per relation kind and per extractor",
             _configure_news, _run_news),
    "coref": ("pronoun coreference passages: precision of links made and share linked",
              _configure_coref, _run_coref),
}  # fmt: skip


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    for name, (help_text, configure, run) in DATASETS.items():
        q = sub.add_parser(name, help=help_text, description=help_text)
        configure(q)
        q.set_defaults(run_dataset=run)


def _run(args: argparse.Namespace) -> int:
    return args.run_dataset(args)


COMMANDS = [
    Command(
        "eval",
        "score extraction on labelled data (CoNLL04, news gold, coreference)",
        _configure,
        _run,
    )
]
