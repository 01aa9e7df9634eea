"""``newsgraph eval coref FILE``: how often the pronoun links the pipeline makes are right.

The corpus is JSON Lines, one short passage a line::

    {"id": "p03", "category": "plural", "topic": "sport", "text": "...",
     "pronouns": [["They", 1, "Manchester United"], ["their", 1, "Manchester United"]]}

Each pronoun is named by its surface and its occurrence number among the whole-word,
case-insensitive matches of that surface in the text ("her", 2 is the second "her"), so a
mark is unambiguous. The expected antecedent is a name (or the head phrase of an unnamed
one, "nurses"), a list of names for a coordination ("Toyota and Honda": no single entity is
right), or null when no antecedent is clearly best. Every pronoun of the passage must be
marked, so a link the system makes is always judged.

A link is right when the entity the pronoun joined has the expected name as its label or an
alias, or a named mention covering the last word of the expected phrase in the text.
Reported: precision of the links made, the share of pronouns linked, and recall (right links
over pronouns that have an antecedent), overall, per passage category and per pronoun kind.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.model import ResolvedArticle

FIRST = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
THIRD_PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = FIRST | THIRD_PERSONAL | NEUTER | PLURAL
KINDS = [("he/she", THIRD_PERSONAL), ("it", NEUTER), ("they", PLURAL), ("I/we", FIRST)]


@dataclass(frozen=True, slots=True)
class Pronoun:
    passage: str
    category: str
    surface: str
    start: int
    end: int
    expected: str | tuple[str, ...] | None

    @property
    def kind(self) -> str:
        return next(name for name, forms in KINDS if self.surface.lower() in forms)


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    category: str
    topic: str
    text: str
    pronouns: tuple[Pronoun, ...]


def _occurrences(text: str, surface: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\w'’]){re.escape(surface)}(?![\w])", text, re.IGNORECASE))


def _pronoun_tokens(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"(?<![\w'’])[A-Za-z]+(?![\w])", text):
        word = match.group()
        if word.lower() in PRONOUNS and word != "US":  # "US" is the country
            spans.append(match.span())
    return spans


def read_passages(path: Path) -> list[Passage]:
    """The corpus, checked: every mark names a real occurrence and every pronoun is marked."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read coreference corpus ({exc.strerror})") from None
    passages = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
            text, marks = row["text"], row["pronouns"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            message = f"{where}: expected a passage with text and pronouns ({exc})"
            raise InputError(message) from None
        pronouns = []
        for surface, occurrence, expected in marks:
            found = _occurrences(text, surface)
            if not 1 <= occurrence <= len(found):
                raise InputError(f"{where}: no occurrence {occurrence} of {surface!r}")
            start, end = found[occurrence - 1].span()
            if isinstance(expected, list):
                expected = tuple(expected)
            pronouns.append(Pronoun(row["id"], row["category"], surface, start, end, expected))
        unmarked = set(_pronoun_tokens(text)) - {(p.start, p.end) for p in pronouns}
        if unmarked:
            words = sorted(text[s:e] for s, e in unmarked)
            raise InputError(f"{where}: pronouns without a mark: {', '.join(words)}")
        passages.append(
            Passage(row["id"], row["category"], row.get("topic", ""), text, tuple(pronouns))
        )
    return passages


def linked_name(resolved: ResolvedArticle, pronoun: Pronoun) -> str | None:
    """The label of the entity the pronoun was resolved to, or None."""
    for coref in resolved.coreferences:
        mention = coref.mention
        if mention.start <= pronoun.start and pronoun.end <= mention.end:
            entity = next(e for e in resolved.entities if e.key == coref.entity_key)
            return entity.label
    return None


def is_right(resolved: ResolvedArticle, pronoun: Pronoun, text: str) -> bool:
    """Whether the entity the pronoun joined is the expected antecedent (see module doc)."""
    coref = next(
        (
            c
            for c in resolved.coreferences
            if c.mention.start <= pronoun.start and pronoun.end <= c.mention.end
        ),
        None,
    )
    if coref is None or pronoun.expected is None or isinstance(pronoun.expected, tuple):
        return False
    entity = next(e for e in resolved.entities if e.key == coref.entity_key)
    expected = pronoun.expected.lower()
    if expected in {entity.label.lower(), *(a.lower() for a in entity.aliases)}:
        return True
    head = expected.split()[-1]
    named = [m for m in entity.mentions if m.antecedent is None and m.name]
    for match in _occurrences(text, pronoun.expected):
        head_start = match.start() + match.group().lower().rindex(head)
        if any(m.start <= head_start < m.end for m in named):
            return True
    return False


def _figures(rows: list[tuple[Pronoun, str | None, bool]]) -> dict[str, float | int]:
    linked = [r for r in rows if r[1] is not None]
    right = sum(1 for r in linked if r[2])
    referring = sum(1 for p, _, _ in rows if p.expected is not None)
    return {
        "pronouns": len(rows),
        "linked": len(linked),
        "right": right,
        "precision": round(right / len(linked), 3) if linked else 1.0,
        "share_linked": round(len(linked) / len(rows), 3) if rows else 0.0,
        "recall": round(right / referring, 3) if referring else 0.0,
    }


def evaluate(path: Path, model: str | None = None) -> dict:
    """Score the pipeline's pronoun links on a corpus file; returns figures and the links."""
    from graph.ingest import make_article
    from graph.pipeline import resolve_articles

    passages = read_passages(path)
    articles = [make_article(p.text, id=p.id, source="coref", detect_title=False) for p in passages]
    rows: list[tuple[Pronoun, str | None, bool]] = []
    for passage, resolved in zip(passages, resolve_articles(articles, model=model), strict=True):
        for pronoun in passage.pronouns:
            name = linked_name(resolved, pronoun)
            right = name is not None and is_right(resolved, pronoun, passage.text)
            rows.append((pronoun, name, right))
    by_category: dict[str, list] = defaultdict(list)
    by_kind: dict[str, list] = defaultdict(list)
    for row in rows:
        by_category[row[0].category].append(row)
        by_kind[row[0].kind].append(row)
    return {
        "passages": len(passages),
        "overall": _figures(rows),
        "categories": {k: _figures(v) for k, v in sorted(by_category.items())},
        "kinds": {k: _figures(by_kind[k]) for k, _ in KINDS if k in by_kind},
        "links": [
            {
                "passage": p.passage,
                "pronoun": p.surface,
                "start": p.start,
                "expected": list(p.expected) if isinstance(p.expected, tuple) else p.expected,
                "linked": name,
                "right": right,
            }
            for p, name, right in rows
        ],
    }


def table(result: dict) -> str:
    """The figures as a few lines; the first is the one to quote."""
    o = result["overall"]
    lines = [
        f"coref: {result['passages']} passages, {o['pronouns']} pronouns: "
        f"precision {o['precision']:.3f} ({o['right']}/{o['linked']} links right), "
        f"linked {o['share_linked']:.3f}, recall {o['recall']:.3f}",
        f"{'':16}{'pron':>6}{'linked':>8}{'right':>7}{'P':>8}{'share':>8}{'R':>8}",
    ]
    for group in ("categories", "kinds"):
        for name, f in result[group].items():
            lines.append(
                f"  {name:14}{f['pronouns']:6}{f['linked']:8}{f['right']:7}"
                f"{f['precision']:8.3f}{f['share_linked']:8.3f}{f['recall']:8.3f}"
            )
    return "\n".join(lines)


def errors(result: dict) -> str:
    """The wrong links, one a line, for reading."""
    return "\n".join(
        f"  {r['passage']} {r['pronoun']}@{r['start']}: linked {r['linked']!r}, "
        f"expected {r['expected']!r}"
        for r in result["links"]
        if r["linked"] is not None and not r["right"]
    )
