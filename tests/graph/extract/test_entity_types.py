"""Entity types from the article's wording: form words, nouns around a name, gazetteers,
products and works after their nouns; sentences written here, several topics and places."""

from __future__ import annotations

import pytest

from graph.extract.entity_types import form_type
from graph.model import EntityType
from tests.graph.extract.helpers import run

ORG, P, PL, PROD, WORK = (
    EntityType.ORGANIZATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.PRODUCT,
    EntityType.WORK,
)


def types_of(text: str) -> dict[str, set[EntityType]]:
    ctx, _ = run(text)
    found: dict[str, set[EntityType]] = {}
    for m in ctx.mentions:
        if m.name:
            found.setdefault(m.name, set()).add(m.type)
    return found


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Jet Airways", ORG),
        ("Vodafone plc", ORG),
        ("Atticus Capital", ORG),
        ("Air Sahara", ORG),
        ("Nairobi City Water Company Ltd", ORG),
        ("United States", None),
        ("Chinua Achebe", None),
        ("Kenya", None),
    ],
)
def test_form_words_of_a_name(name: str, expected: EntityType | None) -> None:
    assert form_type(name)[0] is expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Gazprom chief Alexei Miller said exports to Europe would rise.", "Gazprom", ORG),
        ("Shares in Yukos fell sharply in Moscow on Tuesday.", "Yukos", ORG),
        ("Jet Airways and Air Sahara are the two carriers that will benefit.", "Air Sahara", ORG),
        ("The firm will launch wi-fi on Virgin Trains later this year.", "Virgin Trains", ORG),
        ("Rival exchange operator Euronext has also said it may bid.", "Euronext", ORG),
        ("Floods hit Hebron, West Bank, on Sunday.", "West Bank", PL),
        ("Kenya chief negotiator Amina Mohamed left Geneva.", "Kenya", EntityType.COUNTRY),
        ("Paris-based Euronext, owner of Liffe in London, may bid.", "Euronext", ORG),
        ("Paris-based Euronext, owner of Liffe in London, may bid.", "Liffe", ORG),
        ("Hedge funds Elliott and Atticus objected to the merger.", "Atticus", ORG),
        ("The Lib Dems will oppose the bill in Cardiff.", "Lib Dems", ORG),
        ("The Anti-Terrorism Bill was debated in Canberra.", "Anti-Terrorism Bill", ORG),
    ],
)
def test_organisations_from_the_words_around_them(
    text: str, name: str, expected: EntityType
) -> None:
    assert expected in types_of(text).get(name, set())
    assert types_of(text)[name] == {expected}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Critics praised the film Maria Full of Grace at Sundance.", "Maria Full of Grace", WORK),
        (
            "Her debut novel, Half of a Yellow Sun, sold well in Lagos.",
            "Half of a Yellow Sun",
            WORK,
        ),
        ('The band released the album "Blue Skies" in Seoul.', "Blue Skies", WORK),
        ("Gamers queued in Tokyo for the Xbox 2 console on Friday.", "Xbox 2", PROD),
        ("Mr Okoye said his album Lagos Nights would be out in June.", "Lagos Nights", WORK),
    ],
)
def test_products_and_works_named_after_their_nouns(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Samsung sold a million phones. A Samsung camera won an award.", "Samsung", ORG),
        ("The BBC programme was shown in Cardiff.", "BBC", ORG),
    ],
)
def test_a_maker_before_a_product_noun_stays_an_organisation(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}


@pytest.mark.parametrize(
    "text, name",
    [
        ("England coach Eddie Jones named his squad in London.", "England"),
        ("Nigeria striker Victor Osimhen scored twice in Lagos.", "Nigeria"),
        ("Brazil captain Marta led the side in Sydney.", "Brazil"),
    ],
)
def test_a_country_before_a_sports_role_is_its_team(text: str, name: str) -> None:
    ctx, _ = run(text)  # the team may be renamed after its nation (graph/extract/national_teams.py)
    assert {m.type for m in ctx.mentions if m.text == name} == {ORG}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Prime Minister Kishida visited Kenya on Monday.", "Kenya", EntityType.COUNTRY),
        ("One of the shows Alan Titchmarsh left was on the BBC.", "Alan Titchmarsh", P),
    ],
)
def test_places_and_people_keep_their_type(text: str, name: str, expected: EntityType) -> None:
    assert types_of(text)[name] == {expected}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Clubs like Everton and Bolton have spent little this winter.", "Everton", ORG),
        ("Clubs like Everton and Bolton have spent little this winter.", "Bolton", ORG),
        ("Labour MP Diane Abbott spoke in Hackney.", "Labour", ORG),
        ("Lib Dem home affairs spokesman Mark Oaten was in Winchester.", "Lib Dem", ORG),
        (
            "She starred at the Independent Spirit Awards in Santa Monica.",
            "Independent Spirit Awards",
            EntityType.EVENT,
        ),
        (
            "Police raided homes under Operation Digital Gridlock in Texas.",
            "Operation Digital Gridlock",
            EntityType.EVENT,
        ),
        # a happening's word ending the name outweighs NER's place reading
        ("Leaders gathered at the G20 Summit in Osaka on Friday.", "G20 Summit", EntityType.EVENT),
        ("The Geneva Motor Exhibition opened.", "Geneva Motor Exhibition", EntityType.EVENT),
        ("Visitors flocked to the World Expo in Shanghai.", "World Expo", EntityType.EVENT),
        # "fair" is no happening's word (an adjective in names: "Office of Fair Trading")
        ("The Office of Fair Trading will report in March.", "Office of Fair Trading", ORG),
        # a studio named "Games" is a firm (NER tells the sporting Games: "the Asian Games")
        ("Epic Games sued Apple in 2020.", "Epic Games", ORG),
        ("Glasgow hosted the Commonwealth Games in 2014.", "Commonwealth Games", EntityType.EVENT),
        # a site named after a happening is a place
        ("The Royal Festival Hall hosted the concert.", "Royal Festival Hall", PL),
        ("Fans gathered at the World Cup Stadium in Seoul.", "World Cup Stadium", PL),
    ],
)
def test_organisations_and_events_from_lists_titles_and_forms(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}


def test_in_an_article_about_a_team_a_place_after_against_is_a_team() -> None:
    text = (
        "England captain Owen Farrell spoke in London. England were beaten by Wales in Cardiff "
        "and face France at Twickenham on Sunday."
    )
    found = types_of(text)
    assert found["Wales"] == {ORG} and found["France"] == {ORG}
    assert found["London"] == {PL}


def test_outside_sport_a_country_after_against_stays_a_country() -> None:
    found = types_of("Protesters marched against France in Bamako on Friday.")
    assert found["France"] == {EntityType.COUNTRY}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Its unit manages the $3bn Trident Funds operation in Boston.", "Trident Funds"),
        ("Investors in Lagos backed the new Zenith Holdings venture.", "Zenith Holdings"),
    ],
)
def test_capitalised_words_ending_in_a_form_word_are_an_organisation(text: str, name: str) -> None:
    assert types_of(text).get(name) == {ORG}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Sharapova beat fellow Russian Anna Petrova in Rome.", "Anna Petrova", P),
        ("The award went to Fatima Benali of Casablanca.", "Fatima Benali", P),
        ("Shares in Maria Holdings Ltd fell on Monday.", "Maria Holdings Ltd", ORG),
    ],
)
def test_a_name_the_parser_left_out_that_starts_with_a_given_name_is_a_person(
    text: str, name: str, expected: EntityType
) -> None:
    assert types_of(text).get(name) == {expected}


def test_a_team_cue_does_not_retype_a_name_the_article_also_uses_as_a_place() -> None:
    found = types_of("Ghana captain Andre Ayew spoke before the match in Ghana.")
    assert EntityType.ORGANIZATION not in found.get("Ghana", set())


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # an age in apposition: a person, whatever NER read
        (
            "Marie Magdefrau Ferraro, 50, of Bethany, Conn., was shot on Thursday.",
            "Marie Magdefrau Ferraro",
            EntityType.PERSON,
        ),
        (
            "Ulf D. Merbold, 47, of the European Space Agency will fly.",
            "Ulf D. Merbold",
            EntityType.PERSON,
        ),
        # an organisation noun in apposition keeps it an organisation
        ("Yukos, the oil company, said it would appeal.", "Yukos", EntityType.ORGANIZATION),
    ],
)
def test_apposition_types_the_name(text: str, name: str, type_: EntityType) -> None:
    ctx, _ = run(text)
    assert {m.type for m in ctx.mentions if m.name == name} == {type_}


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # who was killed is a person: a killing verb's object, a killing noun's victim
        ("The rebels killed Ondieki near the border, officials in Nairobi said.", "Ondieki", P),
        ("The soldiers shot Ngata as he left the mosque.", "Ngata", P),
        ("Police are investigating the murder of Haddad in Beirut.", "Haddad", P),
        ("The Ngata killing shocked the country.", "Ngata", P),
        # who killed is a person: a killer's noun names it
        ("The lawyer who defended Kennedy assassin Sirhan Sirhan has died.", "Sirhan Sirhan", P),
        # "who" refers to a person
        ("Kiprono, who won the race in 2010, said he would retire.", "Kiprono", P),
        # a given name first and no organisation word in the name
        (
            "The clinic was opened by Leonard Okafor, editor of the Lagos Times.",
            "Leonard Okafor",
            P,
        ),
        # a title of rank first
        ("Prince Mahlangu met the Duchess of Kent at the palace.", "Duchess of Kent", P),
        # a natural feature named by its head noun
        (
            "Fire crews battled a blaze in the Tongass National Forest.",
            "Tongass National Forest",
            PL,
        ),
        ("Hikers were rescued in the Black Forest on Sunday.", "Black Forest", PL),
        ("The Cairngorm Mountains were covered in snow.", "Cairngorm Mountains", PL),
        # a gazetteer place after "near", or after "of" written after a person and an age
        ("The bakery moved its ovens to a warehouse near Geelong.", "Geelong", PL),
        ("Jorge Castillo, 61, of Arequipa, said he had lost everything.", "Arequipa", PL),
        ("Maria Santos, 35, of Campinas, was among the survivors.", "Campinas", PL),
        # a given name first (graph/schema/given_names.tsv) and no organisation word
        ("Sweden's Carolina Kluft won the heptathlon title in Madrid.", "Carolina Kluft", P),
        ("Portugal's Joao Sousa lost in the first round in Paris.", "Joao Sousa", P),
        # a town the gazetteers lack, written after a person, an age and "of"
        ("Henrik Berg, 58, of Tromso, said fishermen feared the ban.", "Tromso", PL),
        ("Sione Tupou, 34, of Nukualofa, was arrested.", "Nukualofa", PL),
        ("Alan Price, 61, of Matlock, said the road had flooded.", "Matlock", PL),
        # who is born on a day is a person
        ("Chanel was born on 19 August 1883 in Saumur.", "Chanel", P),
        ("Bugatti was born on 15 September 1881 in Milan.", "Bugatti", P),
        # an office in apposition after one word the gazetteers do not know as a place
        (
            "The panel will pay attention to Kirovin, former first deputy director of the "
            "broadcaster, who now heads a ministry department.",
            "Kirovin",
            P,
        ),
        # the name in apposition to an organisation's noun ("its tea business, Ekaterra")
        ("Unilever has agreed to sell its tea business, Ekaterra, to CVC.", "Ekaterra", ORG),
        # what stars someone, or what someone stars in, is a work
        ("Barbie, directed by Greta Gerwig and starring Margot Robbie, won.", "Barbie", WORK),
        ("Margot Robbie stars in Barbie, which opens on Friday.", "Barbie", WORK),
        # a name before a maker's noun is a product ("the iPhone maker")
        ("Shares in the iPhone maker rose 3% on Friday.", "iPhone", PROD),
        # a journal or a magazine named after its noun is a publisher, an organisation
        ("A study published in the journal Nature Astronomy found ice.", "Nature Astronomy", ORG),
        # an elected member's seat after "MP for" is a place, not an employer
        ("Bob Laxton, the MP for Derby North, backed the plan.", "Derby North", PL),
        ("Jane Kowalski, Labour MP for Glasgow Central, said it was wrong.", "Glasgow Central", PL),
        # a country after "investment in" is the market, not a firm
        ("Foreign investment in Cambodia rose sharply last year.", "Cambodia", EntityType.COUNTRY),
    ],
)
def test_person_and_place_evidence_retypes_the_name(
    text: str, name: str, type_: EntityType
) -> None:
    assert types_of(text).get(name) == {type_}


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # a club is spoken of as "who", and named by a place or a feature, in a sports report
        ("Chelsea, who beat Arsenal on Sunday, lead the football league.", "Chelsea", ORG),
        (
            "Nottingham Forest striker Lewis Grabban scored twice as the side beat Derby in "
            "the Championship football match.",
            "Nottingham Forest",
            ORG,
        ),
        # a legal form outweighs the place after "of"
        (
            "The shares were sold by Ferreira Ltd of Campinas last week.",
            "Ferreira Ltd of Campinas",
            ORG,
        ),
        # a firm born in a year, not on a day; an acronym after an age and "of" is an employer
        ("Google was born in a garage in Menlo Park in 1998.", "Google", ORG),
        ("Jane Doe, 43, of IBM, spoke at the meeting.", "IBM", ORG),
        # "for" after a member's title that is not the seat
        ("He thanked the MP for Sony's help.", "Sony", ORG),
        # who stars in something is a person
        ("Tom Hanks, starring in a new film, spoke in Toronto.", "Tom Hanks", P),
        # a known place before an office stays a place
        ("Prosecutors summoned Kostroma, former chief executive of the bank.", "Kostroma", PL),
        # a known place before "who" stays a place ("born in Poland, who ...")
        (
            "Anna Nowak, born in Poland, who later moved to Chicago, wrote the book.",
            "Poland",
            EntityType.COUNTRY,
        ),
    ],
)
def test_person_and_place_evidence_leaves_the_name(text: str, name: str, type_: EntityType) -> None:
    assert types_of(text).get(name) == {type_}


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ('"There is tremendous scope for growth in textiles," said Mr Mukerjee.', "Mukerjee", P),
        (
            "Much of the grain passes through the port, Rotterdam, on its way to Germany.",
            "Rotterdam",
            PL,
        ),
        # the model is not asked to make a company a person or, outside "in X", a place
        ("Kraft said its Cadbury bid was fair.", "Kraft", ORG),
        ("Sony and Honda will hold a meeting in Tokyo.", "Honda", ORG),
        ("Mercedes-owned Smart moved production to China.", "Mercedes", ORG),
    ],
)
def test_the_learned_corrector_on_a_name_written_once(
    text: str, name: str, type_: EntityType
) -> None:
    assert types_of(text).get(name) == {type_}


def test_the_learned_corrector_leaves_a_name_the_article_repeats() -> None:
    text = (
        "Marsh said it had introduced new leadership. Marsh has been accused of rigging "
        "bids, and Marsh will pay $850m."
    )
    assert types_of(text).get("Marsh") == {ORG}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("US car firms General Motors (GM) and Ford cut production.", "General Motors"),
        ("General Electric won a contract in Poland.", "General Electric"),
        ("Cereal maker General Mills raised prices.", "General Mills"),
    ],
)
def test_a_rank_word_opening_a_firms_name_is_part_of_it(text: str, firm: str) -> None:
    ctx, _ = run(text)
    assert (firm, EntityType.ORGANIZATION) in {(m.name, m.type) for m in ctx.mentions}


def test_a_rank_before_a_persons_name_is_still_dropped() -> None:
    ctx, _ = run("General Pinochet died in Santiago.")
    assert ("Pinochet", EntityType.PERSON) in {(m.name, m.type) for m in ctx.mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wirecard, the German payments company, filed for insolvency in Munich.", "Wirecard"),
        ("Zenvia, a Brazilian software firm, listed its shares in New York.", "Zenvia"),
    ],
)
def test_a_name_the_ner_missed_is_the_organisation_its_appositive_describes(
    text: str, name: str
) -> None:
    ctx, _ = run(text)
    assert (name, EntityType.ORGANIZATION) in {(m.name, m.type) for m in ctx.mentions}


def test_a_name_takes_the_type_most_of_its_mentions_have_before_relations_are_read() -> None:
    # NER reads "Ferrari" once as a place, twice as the team: the relation extractors see
    # the team, so "Leclerc of Ferrari" is no residence.
    ctx, relations = run(
        "Ferrari's Leclerc takes third in Suzuka.\n\n"
        "Max Verstappen won the Japanese Grand Prix on Sunday. Charles Leclerc of Ferrari was "
        "third, ahead of Lando Norris. Lewis Hamilton will join Ferrari next season."
    )
    types = {m.type for m in ctx.mentions if m.name == "Ferrari"}
    assert types == {ORG}
    facts = {(r.subject.name, r.predicate, r.object.name) for r in relations}
    assert ("Charles Leclerc", "livesIn", "Ferrari") not in facts
    assert ("Charles Leclerc", "memberOfSportsTeam", "Ferrari") in facts


def test_an_organisation_and_a_place_reading_tied_make_an_unknown_name_a_company() -> None:
    ctx, _ = run(
        "Nvidia has agreed to acquire the startup for about $700 million. Nvidia, which is "
        "headquartered in Santa Clara, said the deal would help customers. Shares of Nvidia "
        "rose 2% in New York."
    )
    assert {m.type for m in ctx.mentions if m.name == "Nvidia"} == {ORG}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Carmaker Toyota said on Monday it would recall a million cars.", "Toyota"),
        ("Retailer Tesco cut the price of bread in Scotland.", "Tesco"),
        ("Drugmaker Pfizer and its partner reported higher profits.", "Pfizer"),
        ("Broadcaster ITV said advertising revenue rose.", "ITV"),
    ],
)
def test_a_business_noun_opening_a_sentence_is_no_part_of_the_name(text: str, name: str) -> None:
    found = types_of(text)
    assert found.get(name) == {ORG}
    assert not any(n.lower().startswith(text.split()[0].lower()) for n in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("University College London said it would close the lab.", "University College London"),
        ("Network Rail said trains would run late in Kent.", "Network Rail"),
    ],
)
def test_a_name_that_begins_with_a_kind_word_keeps_it(text: str, name: str) -> None:
    assert name in types_of(text)


def test_a_full_name_ner_called_a_company_is_the_person_its_surname_names() -> None:
    found = types_of(
        'Run:ai was founded in 2018 by Omri Geller and Ronen Dar. "We are excited to join '
        "Nvidia,\" said Geller, who is the startup's chief executive."
    )
    assert found.get("Omri Geller") == {P}


def test_a_surname_that_owns_what_only_a_person_has_is_that_person() -> None:
    found = types_of(
        "Prosecutors said Rafael Duarte-Moreno had hidden the money in Panama. "
        "Duarte-Moreno's lawyer said his client would appeal."
    )
    assert found.get("Duarte-Moreno") == {P}


def test_a_company_named_after_its_founder_stays_a_company() -> None:
    found = types_of(
        "Michael Dell founded Dell in 1984. Shares in Dell fell 3% on Monday in New York."
    )
    assert found.get("Dell") == {ORG}
    assert found.get("Michael Dell") == {P}


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Real Madrid won the Champions League final at Wembley. Vinicius Junior added a "
            "second goal in the 83rd minute.",
            "Vinicius Junior",
            P,
        ),
        (
            "Cholera has closed schools in Lilongwe and Blantyre, Malawi's health ministry said.",
            "Blantyre",
            PL,
        ),
    ],
)
def test_a_name_s_own_words_and_its_conjunct_type_it(text: str, name: str, expected) -> None:  # noqa: ANN001
    assert types_of(text).get(name) == {expected}


def test_rival_opening_a_sentence_is_no_part_of_the_name() -> None:
    found = types_of(
        "Nestle chief executive Mark Schneider spoke in Vevey. Rival Danone, the French "
        "yoghurt maker, sold its stake in a similar firm last year."
    )
    assert found.get("Danone") == {ORG}
    assert "Rival Danone" not in found
