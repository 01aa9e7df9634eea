"""Sports: the article's sport, national teams, players described by club or country,
transfers and links. Sentences written here, across sports and countries, with negatives."""

from __future__ import annotations

from functools import cache

import pytest

from graph.extract.sports import sport_of_text

Fact = tuple[str, str, str, str]


@cache
def facts(text: str) -> frozenset[Fact]:
    """(subject label, predicate, object label, stance) of every relation of one text."""
    from graph.ingest import make_article
    from graph.pipeline import resolve_articles

    article = make_article(text, id="t", detect_title=False, source="test")
    [resolved] = list(resolve_articles([article]))
    labels = {e.key: e.label for e in resolved.entities}
    return frozenset(
        (labels[r.subject], r.predicate, labels[r.object], r.stance.value)
        for r in resolved.relations
    )


def labels(text: str) -> dict[str, set[str]]:
    from graph.ingest import make_article
    from graph.pipeline import resolve_articles

    article = make_article(text, id="t", detect_title=False, source="test")
    [resolved] = list(resolve_articles([article]))
    found: dict[str, set[str]] = {}
    for entity in resolved.entities:
        found.setdefault(entity.label, set()).add(entity.type.value)
    return found


def members(text: str, stance: str = "asserted") -> set[tuple[str, str]]:
    return {(s, o) for s, p, o, st in facts(text) if p == "memberOfSportsTeam" and st == stance}


# ---- the sport ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, sport",
    [
        ("The Arsenal striker scored twice in the Premier League on Saturday.", "football"),
        ("Sevilla's goalkeeper kept a clean sheet in La Liga.", "football"),
        ("The fly-half kicked three penalties as Ireland won the Six Nations.", "rugby union"),
        ("Root made a century before the spinner took four wickets in the Test match.", "cricket"),
        ("The point guard scored 30 points in the NBA play-off.", "basketball"),
        ("The pitcher threw a shutout as the Yankees won the World Series.", "baseball"),
        ("The quarterback threw two touchdown passes in the NFL opener.", "american football"),
        ("The goaltender made 40 saves as the Oilers won in the NHL.", "ice hockey"),
    ],
)
def test_the_sport_comes_from_the_articles_words(text: str, sport: str) -> None:
    assert sport_of_text(text) == sport


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister met the chancellor to discuss the budget.",
        "The bank completed the transfer of funds to its Kenyan unit.",
        "Fans gathered before the World Cup draw in Doha.",  # which World Cup?
        "American football is growing in Germany, where the NFL played in Munich.",
    ],
)
def test_no_sport_or_not_football_when_the_words_do_not_say(text: str) -> None:
    assert sport_of_text(text) in {None, "american football"}


# ---- national teams ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, player, team",
    [
        (
            "England midfielder Jude Bellingham scored again for Real Madrid in La Liga.",
            "Jude Bellingham",
            "England national football team",
        ),
        (
            "On Sunday, Nigeria striker Victor Osimhen scored in the Africa Cup of Nations.",
            "Victor Osimhen",
            "Nigeria national football team",
        ),
        (
            "On Saturday, Ireland fly-half Johnny Sexton kicked a penalty in the Six Nations.",
            "Johnny Sexton",
            "Ireland national rugby union team",
        ),
        (
            "On Friday, India batsman Virat Kohli made a century in the Test match.",
            "Virat Kohli",
            "India national cricket team",
        ),
        (
            "On Monday, South Korea striker Son Heung-min scored in the Premier League.",
            "Son Heung-min",
            "South Korea national football team",
        ),
    ],
)
def test_a_nation_before_a_players_role_is_its_national_team(
    text: str, player: str, team: str
) -> None:
    assert (player, team) in members(text)
    assert "Organization" in labels(text)[team]


def test_a_national_side_in_a_fixture_is_named_after_its_sport() -> None:
    text = (
        "England captain Owen Farrell spoke in London. England were beaten by Wales in "
        "Cardiff in the Six Nations and face France at Twickenham on Sunday."
    )
    found = facts(text)
    assert (
        "England national rugby union team",
        "playsAgainst",
        "Wales national rugby union team",
        "asserted",
    ) in found
    assert (
        "Owen Farrell",
        "memberOfSportsTeam",
        "England national rugby union team",
        "asserted",
    ) in found
    assert labels(text)["London"] == {"Place"}


def test_without_a_clear_sport_the_nations_name_is_kept() -> None:
    text = "England coach Eddie Jones named his squad in London."
    assert "England" in labels(text)
    assert not any("national" in label for label in labels(text))


def test_the_country_and_its_team_are_two_entities_and_players_are_citizens() -> None:
    text = (
        "Brazil striker Vinicius Junior scored twice in La Liga on Sunday. He grew up in "
        "Brazil and joined Real Madrid at 18."
    )
    found = labels(text)
    assert "Organization" in found["Brazil national football team"]
    assert found["Brazil"] <= {"Country", "Place"}
    assert ("Vinicius Junior", "citizenOf", "Brazil", "asserted") in facts(text)


def test_no_citizenship_when_the_nation_is_only_a_team() -> None:
    text = (
        "On Sunday, Wales captain Jac Morgan scored a try as Wales beat Italy in the Six Nations."
    )
    assert not [f for f in facts(text) if f[1] == "citizenOf"]


def test_a_demonym_gives_nationality_not_the_national_team() -> None:
    text = "Chelsea signed Italian striker Arturo Lupoli for the Premier League season."
    found = facts(text)
    assert ("Arturo Lupoli", "citizenOf", "Italy", "asserted") in found
    assert not [f for f in found if f[1] == "memberOfSportsTeam" and "Italy" in f[2]]


# ---- a player described by club or country ---------------------------------------------
@pytest.mark.parametrize(
    "text, player, team",
    [
        (
            "Chelsea striker Nicolas Jackson scored on Saturday. The former Villarreal "
            "striker has ten goals in the Premier League.",
            "Nicolas Jackson",
            "Villarreal",
        ),
        (
            "Napoli striker Victor Osimhen missed training on Monday. Chelsea are keen on "
            "the Nigeria striker, who has 20 goals in Serie A.",
            "Victor Osimhen",
            "Nigeria national football team",
        ),
        (
            "Shohei Ohtani hit two home runs on Sunday. The former Los Angeles Angels pitcher "
            "now plays in MLB for the Dodgers.",
            "Shohei Ohtani",
            "Los Angeles Angels",
        ),
    ],
)
def test_a_description_by_club_or_country_refers_to_the_articles_player(
    text: str, player: str, team: str
) -> None:
    assert (player, team) in members(text)


def test_every_club_of_a_former_players_description_is_his() -> None:
    text = (
        "Galatasaray striker Mauro Icardi was injured on Sunday. Fans applauded the former "
        "Inter Milan and Paris St-Germain striker in the Champions League."
    )
    assert {("Mauro Icardi", "Inter Milan"), ("Mauro Icardi", "Paris St-Germain")} <= members(text)


@pytest.mark.parametrize(
    "text",
    [
        # two players before it: which one?
        "Arsenal striker Gabriel Jesus and Chelsea winger Noni Madueke trained on Friday. "
        "The England midfielder scored twice in the Premier League.",
        # the description is the object of the player's own clause: someone else
        "Chelsea striker Nicolas Jackson praised the Senegal striker after the Premier League "
        "game.",
        # only a chairman is named: he is not "the striker"
        "Napoli chairman Aurelio De Laurentiis spoke on Monday. He said the former Lille "
        "striker would stay in Serie A.",
        # indefinite: one of several
        "Chelsea striker Nicolas Jackson scored. A former Villarreal striker was in the Premier "
        "League crowd.",
    ],
)
def test_a_description_that_may_not_be_the_player_relates_nothing(text: str) -> None:
    assert not {o for s, o in members(text)} - {"Chelsea", "Arsenal", "Napoli", "Galatasaray"}


# ---- transfers and links --------------------------------------------------------------
def test_joining_from_and_signing_for_are_memberships() -> None:
    text = (
        "Tottenham striker Harry Kane signed for Bayern Munich in August. Bayern coach Thomas "
        "Tuchel said Kane, who joined Bayern Munich from Tottenham, would start in the Bundesliga."
    )
    assert {("Harry Kane", "Bayern Munich"), ("Harry Kane", "Tottenham")} <= members(text)


def test_a_link_or_interest_is_proposed_never_a_bare_fact() -> None:
    text = (
        "Napoli striker Victor Osimhen has been linked with a move to Chelsea. Juventus have "
        "shown interest in the striker, and Chelsea coach Enzo Maresca is a fan of Osimhen "
        "in Serie A."
    )
    assert ("Victor Osimhen", "Chelsea") in members(text, "proposed")
    assert ("Victor Osimhen", "Chelsea") not in members(text)


def test_a_club_turning_down_bids_for_its_player_has_him() -> None:
    text = (
        "On Saturday, Arsenal striker Bukayo Saka scored in the Premier League. Arsenal rejected "
        "a bid for Saka from Chelsea, who had made a bid for the winger in the transfer window."
    )
    assert ("Bukayo Saka", "Arsenal") in members(text)
    assert ("Bukayo Saka", "Chelsea") not in members(text)


def test_set_to_join_is_proposed() -> None:
    text = (
        "Ajax midfielder Kenneth Taylor is set to join Newcastle United in the transfer window. "
        "Newcastle United coach Eddie Howe wants a midfielder for the Premier League."
    )
    assert ("Kenneth Taylor", "Newcastle United") in members(text, "proposed")
    assert ("Kenneth Taylor", "Newcastle United") not in members(text)


def test_a_loan_is_a_membership() -> None:
    text = (
        "Manchester United winger Jadon Sancho spent the season on loan at Chelsea, and "
        "Chelsea fans enjoyed his Premier League form."
    )
    assert ("Jadon Sancho", "Chelsea") in members(text)


@pytest.mark.parametrize(
    "text, team",
    [
        (
            "Juventus midfielder Paul Pogba moved to London in 2016 for the Premier League.",
            "London",
        ),
        (
            "Liverpool striker Darwin Nunez signed a boot deal with Nike in the Premier League.",
            "Nike",
        ),
        (
            "Former Chelsea owner Roman Abramovich sold the club in the Premier League era.",
            "Chelsea",
        ),
        (
            "A Manchester United fan was arrested after the Premier League game.",
            "Manchester United",
        ),
        ("The England manager Gareth Southgate named his squad for the football World Cup.", ""),
        (
            "Chelsea manager Mauricio Pochettino joined Chelsea from Paris St-Germain in the "
            "Premier League.",
            "",
        ),
    ],
)
def test_no_membership_without_a_player_and_a_team(text: str, team: str) -> None:
    found = [f for f in facts(text) if f[1] == "memberOfSportsTeam"]
    assert not [
        f for f in found if team in f[2] or f[0] in {"Gareth Southgate", "Mauricio Pochettino"}
    ]


def test_a_player_of_the_other_club_in_a_fixture_is_not_ours() -> None:
    text = (
        "Liverpool beat Everton 2-0 in the Premier League. Everton striker Dominic "
        "Calvert-Lewin missed a penalty, and the club will appeal."
    )
    assert members(text) == {("Dominic Calvert-Lewin", "Everton")}


def test_the_club_in_a_sports_story_is_the_club_it_is_about() -> None:
    text = (
        "Leicester City striker Jamie Vardy scored twice in the Premier League. Leicester City "
        "coach Steve Cooper praised him. Arsenal and Chelsea also won. Cooper said the club "
        "had turned down bids for winger Stephy Mavididi."
    )
    assert ("Stephy Mavididi", "Leicester City") in members(text, "reported")  # Cooper said
    assert not {o for s, o in members(text)} - {"Leicester City"}


def test_urging_the_club_to_sign_a_player_proposes_him() -> None:
    text = (
        "Leicester City striker Jamie Vardy scored in the Premier League. Vardy urged the club "
        "to sign Nottingham Forest winger Anthony Elanga in the transfer window."
    )
    assert ("Anthony Elanga", "Leicester City") in members(text, "proposed")
    assert ("Anthony Elanga", "Nottingham Forest") in members(text)
    assert ("Anthony Elanga", "Leicester City") not in members(text)


@pytest.mark.parametrize(
    "text, player, team",
    [
        (
            "Ivory Coast striker Sebastien Haller scored against Nigeria in the Africa Cup of "
            "Nations final.",
            "Sebastien Haller",
            "Nigeria national football team",
        ),
        (
            "Newcastle centre Mathew Tait, 18, made his international debut against Wales in "
            "the Six Nations.",
            "Mathew Tait",
            "Wales national rugby union team",
        ),
    ],
)
def test_a_player_plays_against_a_team(text: str, player: str, team: str) -> None:
    assert (player, "playsAgainst", team, "asserted") in facts(text)


def test_a_nation_in_basketball_is_its_basketball_team() -> None:
    text = "On Sunday, USA point guard Stephen Curry scored 30 points as the NBA star won gold."
    assert ("Stephen Curry", "United States national basketball team") in members(text)


def test_a_signing_written_as_a_noun() -> None:
    text = (
        "Juventus have completed the signing of Brazil midfielder Douglas Luiz from Aston Villa. "
        "Juventus coach Thiago Motta said Luiz would play in Serie A."
    )
    assert {("Douglas Luiz", "Juventus"), ("Douglas Luiz", "Aston Villa")} <= members(text)


def test_a_description_with_an_age_and_a_demonym() -> None:
    text = (
        "Leinster fly-half Sam Prendergast kicked 15 points in the Six Nations. The Irish "
        "fly-half, 21, is the Leinster captain's understudy. The former Leinster Academy "
        "player joined in 2021."
    )
    assert ("Sam Prendergast", "citizenOf", "Ireland", "asserted") in facts(text)
    text = (
        "Liam Williams was named at full-back in the Six Nations. The Saracens wing, 32, returns."
    )
    assert ("Liam Williams", "Saracens") in members(text)


def test_outside_sport_a_role_word_describes_no_player() -> None:
    text = (
        "Hamas leader Yahya Sinwar was killed in Gaza on Thursday. The Hamas military wing "
        "vowed revenge."
    )
    assert not [f for f in facts(text) if f[1] == "memberOfSportsTeam"]


def test_a_side_of_another_grade_is_not_the_national_team() -> None:
    text = (
        "John McCall played for Ireland against New Zealand in the under-19 World Cup rugby "
        "game. Ireland fly-half Ronan O'Gara kicked well in the Six Nations."
    )
    assert ("Ronan O'Gara", "Ireland national rugby union team") in members(text)
    assert not [m for m in members(text) if m[0] == "John McCall"]


def test_a_description_never_means_someone_named_before_it_in_its_sentence() -> None:
    text = (
        "Celtic midfielder Juninho scored in the Scottish Premiership. His agent wants talks "
        "with Martin O'Neill as the Brazilian midfielder nears the exit."
    )
    assert not [f for f in facts(text) if f[0] == "Martin O'Neill" and f[1] == "citizenOf"]


def test_a_player_signed_by_someone_is_the_one_signed() -> None:
    text = (
        "Chelsea striker Hernan Crespo scored in the Premier League. He was signed from "
        "Inter Milan in 2003 by Claudio Ranieri."
    )
    assert not [m for m in members(text) if m[0] == "Claudio Ranieri"]


def test_in_a_match_report_naming_many_players_a_description_is_left_alone() -> None:
    text = (
        "Charlton defender Hermann Hreidarsson headed wide. Hreidarsson then crossed for Shaun "
        "Bartlett, and Matt Holland scored. Chris Riggott and Danny Graham replied for "
        "Middlesbrough as Hreidarsson tired in the Premiership. The Boro defender was offside."
    )
    assert ("Hermann Hreidarsson", "Boro") not in members(text)


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            "Springbok flanker Schalk Burger is fit for the rugby union Tri Nations. He will "
            "join fellow Springboks John Smit and Victor Matfield in the pack.",
            "John Smit",
        ),
        (
            "Matt Williams says he will not quit as Scotland coach, whatever happens against "
            "Italy in the Six Nations.",
            "Scotland",
        ),
        (
            "Leeds striker Alan Smith scored in the Premiership. The 17-year-old Irish League "
            "midfielder Robbie Weir was also chased by Rangers.",
            "Irish League",
        ),
    ],
)
def test_people_coaches_and_leagues_are_no_teams(text: str, wrong: str) -> None:
    assert not [m for m in members(text) if wrong in m[1]]
    assert not [m for m in members(text, "reported") if wrong in m[1]]


WORDS = ["back", "full-back", "fa cup", "fa", "premier", "premier league", "league", "t20"]


@pytest.mark.parametrize(
    "text",
    [
        "The full-back scored in the Premier League, not in the FA Cup.",
        "Premier Leagues? A premier, a leaguer, a back-pass and a FA.",
        "India won the T20 series; T20s are short. Back at the FA",
        "premier league-leaders and fa cups",
    ],
)
def test_prefix_tree_matches_as_the_longest_first_alternation(text: str) -> None:
    import re

    from graph.extract.sports import _prefix_tree

    alternation = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    old, new = (
        re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        for body in (alternation, _prefix_tree(sorted(WORDS)))
    )
    found = [(m.start(), m.group()) for m in new.finditer(text)]
    assert found == [(m.start(), m.group()) for m in old.finditer(text)]
    assert found
