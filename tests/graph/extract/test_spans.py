"""The span filter: no entity of a ticker, an age, a bare number, a loose conjunction, an
open parenthesis or a time word; spans holding two names split; acronyms as aliases."""

from __future__ import annotations

import pytest

from graph.model import EntityType
from tests.graph.extract.helpers import run

NAMED = {
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.PLACE,
    EntityType.COUNTRY,
    EntityType.GROUP,
    EntityType.PRODUCT,
    EntityType.WORK,
    EntityType.CONCEPT,
}


def names_of(text: str) -> dict[str, EntityType]:
    ctx, _ = run(text)
    return {m.name: m.type for m in ctx.mentions if m.name and m.type in NAMED | {EntityType.DATE}}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Shares in Apple AAPL.O rose in New York.", ["Apple"], ["Apple AAPL.O", "AAPL.O"]),
        (
            "China Aviation Oil (CAO lost money in Singapore.",
            ["China Aviation Oil"],
            ["China Aviation Oil (CAO"],
        ),
        ("Daniel today said the deal in Accra was done.", ["Daniel"], ["Daniel today"]),
        (
            "Meta's Facebook and Instagram grew in Brazil.",
            ["Meta"],
            ["Meta's Facebook and", "Meta's Facebook and Instagram", "Meta's Facebook"],
        ),
        (
            "Rimbink Pato's Port Moresby office issued a statement.",
            ["Port Moresby"],
            ["Rimbink Pato's Port Moresby"],
        ),
        ("Celtic beat Rangers 2-0 in the Scottish Cup final.", ["Rangers"], ["Rangers 2-0"]),
        (
            "Mercedes Team Principal Toto Wolff said the car was slow.",
            ["Mercedes", "Toto Wolff"],
            ["Mercedes Team"],
        ),
        (
            "Shadow Home Secretary David Davis told the BBC he was concerned.",
            ["David Davis"],
            ["Shadow", "Shadow Home"],
        ),
        ("Hewitt outlasted American Kevin Kim 3-6 6-2 6-7 6-2.", ["Kevin Kim"], ["Kevin Kim 3-6"]),
    ],
)
def test_junk_is_trimmed_from_names(text: str, present: list[str], absent: list[str]) -> None:
    found = names_of(text)
    for name in present:
        assert name in found, f"{name} missing from {sorted(found)}"
    for name in absent:
        assert name not in found


@pytest.mark.parametrize(
    "text, pieces",
    [
        (
            "Monica Chadha, BBC Delhi reporter, said fares fell.",
            {"BBC": "Organization", "Delhi": "Place"},
        ),
        (
            "The Conservative National Women's Committee met in Leeds.",
            {"Conservative National Women's Committee": "Organization"},
        ),
    ],
)
def test_two_names_in_one_span_are_split_but_one_name_is_kept(text: str, pieces: dict) -> None:
    found = names_of(text)
    assert {name: found.get(name) for name in pieces} == {
        name: EntityType(value) for name, value in pieces.items()
    }


@pytest.mark.parametrize(
    "text", ["Shares rose 3% by 1030 GMT in Frankfurt.", "Voting ends at 2200 BST."]
)
def test_time_zones_are_no_entities(text: str) -> None:
    assert not {"GMT", "BST"} & set(names_of(text))


@pytest.mark.parametrize(
    "text, number",
    [
        ("The 48-year-old striker joined Al Ahly in Cairo.", "48-year-old"),
        ("Officers arrested a man, 30, in Melbourne on Friday.", "30"),
    ],
)
def test_ages_and_bare_numbers_are_no_entities(text: str, number: str) -> None:
    assert number not in names_of(text)


@pytest.mark.parametrize(
    "text, places",
    [
        (
            "Polls at Bristol, Isle of Wight and Stockton-on-Tees are due in May.",
            ["Bristol", "Isle of Wight", "Stockton-on-Tees"],
        ),
        (
            "Mayors at Doncaster, Hartlepool, North Tyneside and Stoke-on-Trent were chosen.",
            ["Doncaster", "Hartlepool", "North Tyneside", "Stoke-on-Trent"],
        ),
    ],
)
def test_a_list_of_places_is_split_into_places(text: str, places: list[str]) -> None:
    found = names_of(text)
    for place in places:
        assert found.get(place) in {EntityType.PLACE, EntityType.COUNTRY}, sorted(found)


def test_an_acronym_in_parentheses_is_an_alias_of_the_name() -> None:
    from graph.pipeline import build_text

    graph = build_text(
        "China Aviation Oil (CAO) lost $550m in Singapore. CAO shares were suspended.",
        link=False,
    )
    (node,) = [d for _, d in graph.nodes(data=True) if d.get("label") == "China Aviation Oil"]
    assert "CAO" in node["aliases"]
    assert not any(d.get("label") == "CAO" for _, d in graph.nodes(data=True))


@pytest.mark.parametrize(
    "text, short",
    [
        ("Voters backed the Movement for Rights and Freedoms (DPS) in Kardzhali.", "DPS"),
        ("Leaders of the Kenya African National Union (KANU) met in Nairobi.", "KANU"),
        ("A study by the Congressional Budget Office (CBO) found the cost doubled.", "CBO"),
        ("Members of the Workers' Party (PT) marched in Sao Paulo.", "PT"),
        ("Farmers joined the Confederation of Peasant Workers (CSUTCB) in La Paz.", "CSUTCB"),
    ],
)
def test_an_acronym_in_parentheses_is_a_name_of_the_same_entity(text: str, short: str) -> None:
    ctx, _ = run(text)
    [alias] = [m for m in ctx.mentions if m.text == short]
    assert alias.role == "alias" and alias.type is EntityType.ORGANIZATION
    (expansion,) = [m for m in ctx.mentions if m.span == alias.antecedent]
    assert expansion.type is EntityType.ORGANIZATION


@pytest.mark.parametrize(
    "text, short",
    [
        ("Rain fell on Houston (AP) all night.", "AP"),  # a credit, not another name
        ("Officials in Washington (USTR) disagreed.", "USTR"),  # a place is not an office
    ],
)
def test_no_alias_without_the_evidence(text: str, short: str) -> None:
    ctx, _ = run(text)
    assert not [m for m in ctx.mentions if m.text == short and m.role == "alias"]


def test_a_name_broken_around_a_parenthesis_gets_no_alias() -> None:
    ctx, _ = run("The Bulgarian Socialist (formerly Communist) Party won the election.")
    assert not [m for m in ctx.mentions if m.role == "alias"]
    assert "Communist) Party" not in {m.text for m in ctx.mentions}


def test_an_organisation_name_runs_on_over_and() -> None:
    found = names_of("The Department for Education and Skills said adult literacy rose.")
    assert found.get("Department for Education and Skills") is EntityType.ORGANIZATION
    assert "Skills" not in found


def test_a_first_name_with_the_surname_in_parentheses_is_the_full_name() -> None:
    found = names_of('"We have gone for Olly (Barkley) because of his kicking," said Foster.')
    assert found.get("Olly Barkley") is EntityType.PERSON and "Olly" not in found


def test_a_model_name_before_a_product_noun_is_a_product() -> None:
    found = names_of("Shoppers in Seoul bought Samsung's Yepp YH-999 video jukebox.")
    assert found.get("Yepp YH-999") is EntityType.PRODUCT
    assert "jukebox" not in found


@pytest.mark.parametrize(
    "text, teams",
    [
        (
            "No bids came for the former Arsenal and Real Madrid striker.",
            ["Arsenal", "Real Madrid"],
        ),
        ("The ex-Ajax and Boca Juniors midfielder signed in Madrid.", ["Boca Juniors"]),
    ],
)
def test_names_joined_by_and_before_a_sports_role_are_teams(text: str, teams: list[str]) -> None:
    found = names_of(text)
    for team in teams:
        assert found.get(team) is EntityType.ORGANIZATION, sorted(found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Evaluating Juppe, the newspaper said the prime minister had failed.", "Juppe"),
        ("Assessing Merkel's record, analysts were divided.", "Merkel"),
        ("Criticizing Netanyahu, the columnist wrote from Haifa.", "Netanyahu"),
    ],
)
def test_a_sentence_initial_verb_is_no_part_of_the_name(text: str, name: str) -> None:
    found = names_of(text)
    assert found.get(name) is EntityType.PERSON, sorted(found)
    assert not [n for n in found if n.endswith(" " + name)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Sterling Morrison played guitar in the band.", "Sterling Morrison"),
        ("Manning Marable wrote a biography of Malcolm X.", "Manning Marable"),
    ],
)
def test_a_name_that_ends_in_ing_keeps_its_first_word(text: str, name: str) -> None:
    assert name in names_of(text)


def test_a_lower_case_verb_splits_a_span_into_names() -> None:
    from graph import nlp
    from graph.extract.spans import _verb_split

    doc = nlp.load()("Arps said Popeyes would stay in Atlanta.")
    assert [p.text for p in _verb_split(doc[0:3])] == ["Arps", "Popeyes"]
    doc = nlp.load()("Gone with the Wind won eight Oscars.")
    assert _verb_split(doc[0:4]) is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("But actor John Wilkes Booth shot Lincoln during the third act.", "John Wilkes Booth"),
        ("His brother John Henry Ivy of Tupelo was indicted.", "John Henry Ivy"),
    ],
)
def test_a_person_runs_on_to_the_head_of_the_name(text: str, name: str) -> None:
    assert names_of(text).get(name) is EntityType.PERSON


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("William Ruto met Ugandan President Yoweri Museveni in Kampala.", "Ugandan President"),
        ("Chilean Minister Ana Soto spoke in Lima on Monday.", "Chilean Minister"),
    ],
)
def test_a_name_does_not_run_on_to_a_title(text: str, wrong: str) -> None:
    assert wrong not in names_of(text)


@pytest.mark.parametrize(
    "text, short, expansion",
    [
        (
            "The MDC (Movement for Democratic Change) won in Harare.",
            "MDC",
            "Movement for Democratic Change",
        ),
        ("Talks with the EU (European Union) resumed in Brussels.", "EU", "European Union"),
        (
            "Cardenas, candidate of the PRD (Party of the Democratic Revolution), got 9 percent.",
            "PRD",
            "Party of the Democratic Revolution",
        ),
    ],
)
def test_an_expansion_in_parentheses_after_an_acronym_is_its_alias(
    text: str, short: str, expansion: str
) -> None:
    ctx, _ = run(text)
    [alias] = [m for m in ctx.mentions if m.text == expansion]
    assert alias.role == "alias" and alias.type is EntityType.ORGANIZATION
    assert [m.text for m in ctx.mentions if m.span == alias.antecedent] == [short]


def test_a_place_in_parentheses_after_an_acronym_is_no_alias() -> None:
    ctx, _ = run("The ANC (South Africa) said the vote was fair.")
    assert not [m for m in ctx.mentions if m.role == "alias"]


@pytest.mark.parametrize(
    "text, club",
    [
        ("PSV Eindhoven beat AC Milan 2-0 in the Champions League match.", "AC Milan"),
        ("PSV Eindhoven beat AC Milan 2-0 in the Champions League match.", "PSV Eindhoven"),
        ("SS Lazio lost 2-0 to RB Leipzig in the Europa League.", "SS Lazio"),
        ("SS Lazio lost 2-0 to RB Leipzig in the Europa League.", "RB Leipzig"),
        ("The striker joined OGC Nice from RC Lens for a fee of 10m euros.", "RC Lens"),
        ("Dynamo Kyiv beat FK Austria Wien 3-1 in the Europa League.", "Dynamo Kyiv"),
    ],
)
def test_a_club_prefix_and_a_town_are_one_club(text: str, club: str) -> None:
    names = names_of(text)
    assert names.get(club) is EntityType.ORGANIZATION
    assert not {club.split()[0], club.split(maxsplit=1)[1]} & set(names)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Defender Rio Ferdinand joined the club in 2002.", "Rio Ferdinand"),
        ("Striker Didier Drogba scored twice on Sunday.", "Didier Drogba"),
        ("Chancellor Olaf Scholz arrived in Warsaw.", "Olaf Scholz"),
        ("Briton Moazzam Begg was freed in January.", "Moazzam Begg"),
    ],
)
def test_a_title_opening_a_full_name_is_no_part_of_it(text: str, name: str) -> None:
    names = names_of(text)
    assert name in names and not any(n.endswith(name) and n != name for n in names)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Australian Mamdouh Habib was released on Tuesday.", "Mamdouh Habib"),
        ("Kenyan runner Eliud Kipchoge won in Berlin.", "Eliud Kipchoge"),
    ],
)
def test_a_first_name_ner_left_out_joins_the_person(text: str, name: str) -> None:
    assert name in names_of(text)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Team Principal Toto Wolff said the car was slow.", "Principal Toto Wolff"),
        ("Actress Helen Mirren arrived in Venice.", "Actress Helen Mirren"),
        ("The court heard that New Yorker Dana Kowalczyk shared films.", "Yorker Dana Kowalczyk"),
    ],
)
def test_a_title_job_or_demonym_before_a_person_does_not_join_the_name(
    text: str, wrong: str
) -> None:
    assert wrong not in names_of(text)


@pytest.mark.parametrize(
    "text, absent, present",
    [
        ("The firm helps developers manage computing resources for AI workloads.", "AI", None),
        ("Sales of EV batteries rose sharply in Germany last year.", "EV", "Germany"),
        ("The UK market for electric cars grew by a fifth.", None, "United Kingdom"),
    ],
)
def test_an_unknown_abbreviation_read_as_a_place_before_a_noun_is_no_place(
    text: str, absent: str | None, present: str | None
) -> None:
    found = names_of(text)
    if absent:
        assert found.get(absent) not in {EntityType.PLACE, EntityType.COUNTRY}
    if present:
        assert found.get(present) in {EntityType.PLACE, EntityType.COUNTRY}


def test_two_owner_phrases_joined_by_and_are_four_names() -> None:
    ctx, relations = run(
        "The cuts follow similar moves by Google owner Alphabet and Facebook parent Meta "
        "Platforms in California."
    )
    names = {m.name for m in ctx.mentions if m.type is EntityType.ORGANIZATION}
    assert {"Alphabet", "Facebook"} <= names
    assert "Alphabet and Facebook" not in names
    facts = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert ("Alphabet", "owns", "Google") in facts


def test_a_name_with_and_before_an_owner_noun_alone_stays_one() -> None:
    found = names_of("Procter and Gamble rival Unilever raised prices in Europe.")
    assert found.get("Procter and Gamble") is EntityType.ORGANIZATION
