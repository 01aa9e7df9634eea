"""Titles and nationality: the data files' vocabulary and the mention types titles decide."""

from __future__ import annotations

import pytest

from graph import lexicon
from graph.model import EntityType
from tests.graph.extract.helpers import run

KINDS = {
    "founder",
    "head_of_state",
    "head_of_government",
    "leader",
    "deputy",
    "minister",
    "spokesperson",
    "employee",
    "member",
    "player",
    "captain",
}


def test_titles_table_uses_known_kinds_scopes_and_flags() -> None:
    for words, title in lexicon.titles().items():
        assert title.kind in KINDS, words
        assert title.scope in {"", "place", "org"}, words
        known = {
            "bare",
            "portfolio",
            "role",
            "national",
            "government",
            "board",
            "posted",
            "party",
            "sport",
        }
        assert title.flags <= known, words


def test_modifiers_have_known_effects() -> None:
    effects = set(lexicon.title_modifiers().values())
    assert effects <= {"shadow", "deputy", "former", "same", "relational", "counterpart"}
    assert lexicon.title_modifiers()["shadow"] == "shadow"


def test_party_words_are_not_demonyms_or_titles() -> None:
    for word in lexicon.party_words():
        assert word not in lexicon.titles(), word


@pytest.mark.parametrize(
    "text, name",
    [
        ("On Saturday, Real Betis midfielder Isco Alarcon was injured.", "Real Betis"),
        (
            "Yesterday, Manchester United captain Bruno Fernandes scored.",
            "Manchester United",
        ),
    ],
)
def test_a_club_before_a_playing_role_is_an_organisation(text: str, name: str) -> None:
    ctx, relations = run(text)
    club = [m for m in ctx.mentions if m.name == name]
    assert club and club[0].type is EntityType.ORGANIZATION
    assert not [r for r in relations if r.predicate == "livesIn" and r.object.name == name]


def test_a_bare_generic_title_makes_no_position() -> None:
    ctx, _ = run("Secretary Pete Hegseth and Spokesman Ned Price spoke on Friday.")
    assert not [m for m in ctx.mentions if m.type is EntityType.POSITION]


def test_a_shadow_office_is_not_the_real_office() -> None:
    ctx, relations = run(
        "Foreign Secretary David Lammy met shadow foreign secretary Priti Patel in London."
    )
    held = {(r.subject.name, r.object.name) for r in relations if r.predicate == "positionHeld"}
    assert ("David Lammy", "Foreign Secretary") in held
    assert ("Priti Patel", "Shadow Foreign Secretary") in held


@pytest.mark.parametrize(
    "text, subject, predicate, owner",
    [
        (
            "Samsung's Lee Jae-yong told reporters the plan was ready.",
            "Lee Jae-yong",
            "worksFor",
            "Samsung",
        ),
        ("Nintendo's Switch Lite is the best gadget of the year.", "Switch Lite", None, "Nintendo"),
    ],
)
def test_a_possessive_before_a_name(
    text: str, subject: str, predicate: str | None, owner: str
) -> None:
    _, relations = run(text)
    found = {
        r.predicate
        for r in relations
        if r.evidence.extractor == "nationality"
        and r.subject.name == subject
        and r.object.name == owner
    }
    assert found == ({predicate} if predicate else set())


@pytest.mark.parametrize(
    "text, holder, jurisdiction",
    [
        ("Illinois Gov. James Thompson signed the bill last month.", "James Thompson", "Illinois"),
        ("Ohio Sen. John Glenn flew on the shuttle again.", "John Glenn", "Ohio"),
    ],
)
def test_abbreviated_us_titles(text: str, holder: str, jurisdiction: str) -> None:
    """AP style writes "Gov." and "Sen." before a name: the office and its state."""
    _, relations = run(text)
    held = {
        r.object.span
        for r in relations
        if r.predicate == "positionHeld" and r.subject.name == holder
    }
    assert any(
        r.predicate == "appliesToJurisdiction"
        and r.subject.span in held
        and r.object.name == jurisdiction
        for r in relations
    )


def _triples(text: str) -> set[tuple[str, str, str]]:
    _, relations = run(text)
    return {(r.subject.name, r.predicate, r.object.name) for r in relations}


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            "Tom Baker was acting treasurer at the University of Toronto when the fraud began.",
            ("Tom Baker", "worksFor", "University of Toronto"),
        ),
        (
            "Mrs. Patel, who is a colonel in the Indian Army, declined to comment.",
            ("Patel", "memberOf", "Indian Army"),
        ),
        (
            "Jan Novak, a lobbyist with the European Roundtable, said the rule was unfair.",
            ("Jan Novak", "worksFor", "European Roundtable"),
        ),
        (
            "Maria Silva, an analyst with Itau Unibanco, said rates would fall.",
            ("Maria Silva", "worksFor", "Itau Unibanco"),
        ),
        ("Siemens lawyer Klaus Roth denied the claim.", ("Klaus Roth", "worksFor", "Siemens")),
        ("NBC anchorman Tom Brokaw interviewed the president.", ("Tom Brokaw", "worksFor", "NBC")),
    ],
)
def test_a_job_title_with_its_organisation_is_employment(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _triples(text)


@pytest.mark.parametrize(
    "text, triple",
    [
        # a place after "in" is where the job is done, not an employer
        (
            "Yuki Sato, a lawyer in Osaka, said the case was closed.",
            ("Yuki Sato", "worksFor", "Osaka"),
        ),
        ("Kenji Ito, who is a critic of Sony, spoke in Tokyo.", ("Kenji Ito", "worksFor", "Sony")),
        (
            "Ahmed said the United States had agreed to the plan.",
            ("Ahmed", "worksFor", "United States"),
        ),
        ("Putin met Macron in Paris on Monday.", ("Putin", "worksFor", "Paris")),
    ],
)
def test_no_employment_without_a_job_title_and_an_organisation(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple not in _triples(text)


def test_a_local_lawyer_still_lives_in_the_place() -> None:
    assert ("Neil Estes", "livesIn", "Atlanta") in _triples(
        "Atlanta lawyer Neil Estes filed the suit."
    )


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            "Labour Party candidate Sadiq Khan won the vote.",
            ("Sadiq Khan", "memberOfPoliticalParty", "Labour Party"),
        ),
        (
            "Ernesto Zedillo, candidate of the Institutional Revolutionary Party, led the poll.",
            ("Ernesto Zedillo", "memberOfPoliticalParty", "Institutional Revolutionary Party"),
        ),
        ("Ryanair pilot Sean Murphy landed safely.", ("Sean Murphy", "worksFor", "Ryanair")),
        ("FBI agent Lisa Monroe testified on Monday.", ("Lisa Monroe", "worksFor", "FBI")),
        (
            "Dana Ortiz, a Google employee, filed the complaint.",
            ("Dana Ortiz", "worksFor", "Google"),
        ),
    ],
)
def test_candidates_of_parties_and_staff_of_organisations(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _triples(text)


def test_a_candidate_for_a_body_is_no_member_of_it_by_title() -> None:
    _, relations = run("Maria Lopez, a candidate for the Senate, spoke in Madrid.")
    assert not [
        r for r in relations if r.evidence.extractor == "titles" and r.object.name == "Senate"
    ]


@pytest.mark.parametrize(
    "text, triple",
    [
        (
            "CHP (Republican People's Party) leader Deniz Baykal spoke in Ankara.",
            ("Deniz Baykal", "leaderOf", "CHP"),
        ),
        (
            "Siemens (SIE) chief executive Hans Muller spoke.",
            ("Hans Muller", "worksFor", "Siemens"),
        ),
        (
            "The BJP (Bharatiya Janata Party) president Amit Shah visited Delhi.",
            ("Amit Shah", "leaderOf", "BJP"),
        ),
        (
            "The Liberal Party (PL) spokesman Paulo Gomes spoke in Brasilia.",
            ("Paulo Gomes", "spokespersonOf", "Liberal Party"),
        ),
    ],
)
def test_a_bracketed_gloss_between_organisation_and_title(
    text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _triples(text)


@pytest.mark.parametrize(
    "text, person, organisation",
    [
        # the bracket is no name of the organisation: the title stands alone
        (
            "The shares of Renault (up 3 percent) chief executive Luca de Meo sold.",
            "Luca de Meo",
            "Renault",
        ),
        ("Rosneft (Moscow) chief Igor Sechin spoke on Friday.", "Igor Sechin", "Rosneft"),
        ("Fans of Arsenal (London) striker Bukayo Saka cheered.", "Bukayo Saka", "Arsenal"),
    ],
)
def test_a_bracket_that_is_no_gloss_stops_the_title(
    text: str, person: str, organisation: str
) -> None:
    assert not [t for t in _triples(text) if t[0] == person and t[2] == organisation]


@pytest.mark.parametrize(
    ("text", "firm", "country"),
    [
        (
            "Jim Press, vice president of Toyota's US sales arm, said in a statement.",
            "Toyota",
            "United States",
        ),
        ("Anna Lee, head of Samsung's European mobile division, quit.", "Samsung", ""),
        (
            "Priya Nair, head of Unilever's Indian business, resigned on Monday.",
            "Unilever",
            "India",
        ),
        ("Graham Lane, leader of the Labour group on Newham Council, spoke.", "Labour", ""),
    ],
)
def test_a_title_of_a_part_of_a_firm_is_no_office_of_the_firm_nor_of_a_country(
    text: str, firm: str, country: str
) -> None:
    _, relations = run(text)
    offices = {
        r.object.name
        for r in relations
        if r.predicate in {"appliesToJurisdiction", "leaderOf"} and r.evidence.extractor == "titles"
    }
    assert not offices & {firm, country, "US"}


def test_a_place_modifying_a_unit_is_no_jurisdiction() -> None:
    _, relations = run("Omar Ali, chairman of the UK arm of Tata Steel, spoke on Friday.")
    assert not [
        r
        for r in relations
        if r.predicate == "appliesToJurisdiction" and r.object.name in {"UK", "United Kingdom"}
    ]


def test_a_countrys_institution_is_not_the_country() -> None:
    _, relations = run("Ahmed Saleh, governor of Nigeria's central bank, spoke on Monday.")
    assert not [
        r
        for r in relations
        if r.predicate in {"appliesToJurisdiction", "leaderOf", "worksFor"}
        and r.object.name == "Nigeria"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Israeli jets struck Hamas in Gaza.", "Hamas"),
        ("Kenyan police arrested Ahmed Ali in Mombasa.", "Ahmed Ali"),
        ("German officials met Airbus in Toulouse.", "Airbus"),
    ],
)
def test_a_demonym_across_a_clause_is_not_the_names_nationality(text: str, name: str) -> None:
    _, relations = run(text)
    assert not [
        r
        for r in relations
        if r.subject.name == name
        and r.predicate in {"country", "citizenOf"}
        and r.evidence.extractor == "nationality"
    ]


@pytest.mark.parametrize(
    ("text", "person", "office"),
    [
        (
            "Tessa Jowell, the Secretary of State for Culture, Media and Sport, spoke.",
            "Tessa Jowell",
            "Secretary of State for Culture, Media and Sport",
        ),
        (
            "The Secretary of State for Wales, Peter Hain, met farmers in Cardiff.",
            "Peter Hain",
            "Secretary of State for Wales",
        ),
        (
            "Hilary Benn, Secretary of State for International Development, visited Darfur.",
            "Hilary Benn",
            "Secretary of State for International Development",
        ),
    ],
)
def test_a_british_secretary_of_state_keeps_the_portfolio_and_names_no_organisation(
    text: str, person: str, office: str
) -> None:
    ctx, relations = run(text)
    triples = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert (person, "positionHeld", office) in triples
    assert not [r for r in relations if r.predicate in {"worksFor", "appliesToJurisdiction"}]
    assert not [m for m in ctx.mentions if m.type is EntityType.ORGANIZATION]


def test_the_us_secretary_of_state_is_still_the_us_office() -> None:
    _, relations = run("Antony Blinken, the US Secretary of State, flew to Kyiv.")
    triples = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert ("Antony Blinken", "positionHeld", "Secretary of State of United States") in triples


@pytest.mark.parametrize(
    "text",
    [
        "The Shadow chancellor, George Osborne, attacked the plan.",
        "Shadow home secretary David Davis echoed the criticism.",
        "Acting President Kamala Harris signed the order.",
    ],
)
def test_a_title_modifier_is_no_organisation(text: str) -> None:
    ctx, relations = run(text)
    modifiers = lexicon.title_modifiers()
    assert not [m for m in ctx.mentions if m.text.lower() in modifiers]
    assert not [r for r in relations if r.object.name.lower() in modifiers]


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "Chelsea have signed the Uruguayan midfielder Giorgian de Arrascaeta.",
            "Giorgian de Arrascaeta",
            "Uruguay",
        ),
        (
            "Leinster brought in the Australian flanker Michael Hooper last week.",
            "Michael Hooper",
            "Australia",
        ),
        (
            "Juventus confirmed that the Argentine forward Paulo Dybala would miss the match.",
            "Paulo Dybala",
            "Argentina",
        ),
    ],
)
def test_a_demonym_before_a_playing_role_is_the_players_nationality_not_a_team(
    text: str, person: str, country: str
) -> None:
    ctx, relations = run(text)
    triples = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert (person, "citizenOf", country) in triples
    assert not [
        r for r in relations if r.predicate == "memberOfSportsTeam" and r.subject.name == person
    ]
    demonym = country[:4]
    assert not [
        m for m in ctx.mentions if m.text.startswith(demonym) and m.type is EntityType.ORGANIZATION
    ]


@pytest.mark.parametrize(
    ("text", "country", "heads_government"),
    [
        ("UK Chancellor Gordon Brown offered £960m to the scheme.", "United Kingdom", False),
        ("German Chancellor Olaf Scholz met Emmanuel Macron.", "Germany", True),
        ("Austrian Chancellor Sebastian Kurz resigned on Saturday.", "Austria", True),
    ],
)
def test_a_chancellor_heads_the_government_except_in_the_uk(
    text: str, country: str, heads_government: bool
) -> None:
    _, relations = run(text)
    heads = {r.subject.name for r in relations if r.predicate == "headOfGovernment"}
    assert (country in heads) is heads_government
    offices = {r.object.name for r in relations if r.predicate == "positionHeld"}
    if not heads_government:
        assert any(o.startswith("Chancellor of the Exchequer") for o in offices)


def test_a_team_principal_leads_the_team_named_before_the_title() -> None:
    _, relations = run("Red Bull Team Principal Christian Horner praised Max Verstappen.")
    facts = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert ("Christian Horner", "leaderOf", "Red Bull") in facts


@pytest.mark.parametrize(
    ("text", "holder", "organisation"),
    [
        (
            "EU competition commissioner Margrethe Vestager fined Google.",
            "Margrethe Vestager",
            "EU",
        ),
        (
            "Margrethe Vestager, the EU's competition commissioner, fined Google.",
            "Margrethe Vestager",
            "EU",
        ),
        (
            "Metropolitan Police Commissioner Mark Rowley apologised.",
            "Mark Rowley",
            "Metropolitan Police",
        ),
    ],
)
def test_a_commissioner_works_for_the_body_named_with_the_title(
    text: str, holder: str, organisation: str
) -> None:
    _, relations = run(text)
    facts = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert (holder, "worksFor", organisation) in facts


def test_a_bare_commissioner_is_no_position() -> None:
    _, relations = run("Commissioner Jane Smith said the force would change.")  # of what?
    assert not [r for r in relations if r.predicate == "positionHeld"]


def test_a_pronoun_before_a_title_is_the_organisation_it_stands_for_or_nothing() -> None:
    _, relations = run(
        "British triple jumper Ashia Hansen has ruled out a comeback. "
        "Her coach Aston Moore told the Times she would wait."
    )
    assert not [
        r for r in relations if r.subject.name == "Aston Moore" and r.predicate == "leaderOf"
    ]
    ctx, relations = run("Shell said profits rose. Its chief executive Wael Sawan was pleased.")
    led = [r for r in relations if r.predicate == "leaderOf" and r.subject.name == "Wael Sawan"]
    assert [ctx.referent(r.object).name for r in led] == ["Shell"]
