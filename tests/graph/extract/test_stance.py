"""stance_of: the stance of a relation from the words above its anchor, and the speaker."""

from __future__ import annotations

import pytest

from graph.extract.stance import stance_of
from graph.model import Stance
from tests.graph.extract.helpers import run, token

CASES = [
    # sentence, anchor token, expected stance, expected speaker name (or None)
    ("Finland did not join the alliance.", "join", Stance.NEGATED, None),
    ("Norway never joined the European Union.", "joined", Stance.NEGATED, None),
    ("Greece refused to join the coalition.", "join", Stance.NEGATED, None),
    ("Brazil failed to join the OECD.", "join", Stance.NEGATED, None),
    ("The coalition, excluding Israel, met in Paris.", "Israel", Stance.NEGATED, None),
    ("All members except Hungary backed the plan.", "Hungary", Stance.NEGATED, None),
    ("It was signed by all members, not including Japan.", "Japan", Stance.NEGATED, None),
    ("Macron suggested that the coalition should fight Hamas.", "fight", Stance.PROPOSED, "Macron"),
    ("Iceland plans to join the European Union.", "join", Stance.PROPOSED, None),
    ("Chile is expected to join the bloc next year.", "join", Stance.PROPOSED, None),
    ("Kim Jong Un is scheduled to visit Moscow.", "visit", Stance.PROPOSED, None),
    ("Spain will support Morocco at the summit.", "support", Stance.PROPOSED, None),
    ("Turkey might support Sweden's application.", "support", Stance.PROPOSED, None),
    ("A planned meeting with Mahmoud Abbas was cancelled.", "meeting", Stance.PROPOSED, None),
    ("He called for a proposal to expand the coalition.", "expand", Stance.PROPOSED, None),
    ("Austria managed to join the alliance in 1995.", "join", Stance.ASSERTED, None),
    ("The coalition combating the Islamic State met.", "combating", Stance.ASSERTED, None),
    ("Sweden joined NATO in 2024.", "joined", Stance.ASSERTED, None),
    ("Poland joined the coalition, Donald Tusk said.", "joined", Stance.REPORTED, "Donald Tusk"),
    (
        "According to Reuters, Chevron hired Lisa Su.",
        "hired",
        Stance.REPORTED,
        "Reuters",
    ),
    (
        "Emmanuel Macron claimed that Germany supported France.",
        "supported",
        Stance.REPORTED,
        "Emmanuel Macron",
    ),
    (
        "Olaf Scholz warned that Russia could attack Poland.",
        "attack",
        Stance.PROPOSED,  # what could happen is not yet a reported fact
        "Olaf Scholz",
    ),
    # A quotation's content is its speaker's, whether the speech verb comes before or after.
    (
        'Brad Adams said: "The European Union betrayed China and praised Japan."',
        "praised",
        Stance.REPORTED,
        "Brad Adams",
    ),
    (
        '"Kenya attacked Somalia without warning," said William Ruto.',
        "attacked",
        Stance.REPORTED,
        "William Ruto",
    ),
    ('The coalition "attacked" Mosul on Monday.', "attacked", Stance.ASSERTED, None),
    ('Kenya attacked Somalia, and "nobody noticed it."', "attacked", Stance.ASSERTED, None),
    # An arrangement in the present progressive, a conjunct with its own subject.
    ("Emmanuel Macron is meeting Pedro Sanchez on Thursday.", "meeting", Stance.PROPOSED, None),
    ("Emmanuel Macron is meeting Pedro Sanchez.", "meeting", Stance.ASSERTED, None),
    (
        "Tessa Jowell said a delay would be a disaster and she accused the Tories of greed.",
        "accused",
        Stance.ASSERTED,
        None,
    ),
]


@pytest.mark.parametrize("sentence, anchor, stance, speaker", CASES, ids=[c[0][:40] for c in CASES])
def test_stance_of(sentence: str, anchor: str, stance: Stance, speaker: str | None) -> None:
    ctx, _ = run(sentence)
    got, who = stance_of(ctx, token(ctx, anchor))
    assert got is stance
    assert (ctx.referent(who).name if who is not None else None) == speaker


def test_reported_relation_keeps_its_speaker() -> None:
    ctx, relations = run("France supports Ukraine, Emmanuel Macron told reporters.")
    [support] = [r for r in relations if r.predicate == "supports"]
    assert support.stance is Stance.REPORTED
    assert support.speaker is not None and support.speaker.name == "Emmanuel Macron"


def test_speaker_reaches_the_graph() -> None:
    from graph.pipeline import build_text

    graph = build_text("Poland joined the coalition, Donald Tusk said.")
    [(_, _, data)] = [e for e in graph.edges(data=True) if e[2]["predicate"] == "memberOf"]
    assert data["stance"] == "reported"
    assert graph.nodes[data["speaker"]]["label"] == "Donald Tusk"


def test_every_cue_row_names_a_known_cue() -> None:
    from graph import lexicon

    known = {"proposal", "report", "implicative", "negation", "exclusion", "advocacy"}
    known |= {"refusal", "denial"}
    cues = lexicon.stance_cues()
    assert {c for values in cues.values() for c in values} <= known
    assert {pos for _, pos in cues} <= {"VERB", "AUX", "NOUN", "ADJ", "ADP"}


def test_a_quotation_running_over_sentences_and_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Cyril Ramaphosa spoke in Durban on Friday. He said: "Our party backed Kenya. '
        'Julius Malema condemned Uganda.\n"And Ghana criticised Togo."\n'
        "Malema condemned Nigeria on Saturday."
    )
    ctx, _ = run(text)
    for anchor in ("condemned", "criticised"):
        stance, who = stance_of(ctx, token(ctx, anchor))
        assert stance is Stance.REPORTED, anchor
        assert who is not None and ctx.referent(who).name == "Cyril Ramaphosa", anchor
    stance, who = stance_of(ctx, token(ctx, "condemned", 1))
    assert (stance, who) == (Stance.ASSERTED, None)


@pytest.mark.parametrize(
    "text",
    [
        'He said: "',
        '"Kenya attacked Somalia on Monday \nIt did.',
        'Kenya attacked Somalia, he said "  \n\n"',
        '""',
    ],
)
def test_quotation_marks_at_odd_places_do_not_break_the_speaker_search(text: str) -> None:
    ctx, _ = run(text)
    for item in ctx.doc:
        stance_of(ctx, item)
