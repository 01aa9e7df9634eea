"""Resolve: mentions -> entities (same names, surnames, possessives, acronyms, antecedents),
checked on hand-made Mention records so the result does not depend on the extractors, plus a
few sentences through the whole pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graph.extract.context import clean_name
from graph.ingest import make_article
from graph.model import (
    ArticleExtraction,
    Entity,
    EntityType,
    Evidence,
    Mention,
    RelationMention,
    ResolvedArticle,
    Stance,
)
from graph.resolve import resolve

P, ORG, C, PL, D = (
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.COUNTRY,
    EntityType.PLACE,
    EntityType.DATE,
)


class Text:
    """An article text and a way to make mentions of its substrings, in order of occurrence."""

    def __init__(self, text: str, article_id: str = "t1") -> None:
        self.article = make_article(text, id=article_id, detect_title=False)
        self.text = text
        self.mentions: list[Mention] = []
        self.relations: list[RelationMention] = []
        self._cursor: dict[str, int] = {}

    def m(
        self,
        surface: str,
        etype: EntityType,
        *,
        name: str | None = None,
        antecedent: Mention | None = None,
        role: str = "",
    ) -> Mention:
        """The next occurrence of ``surface``; its name is the cleaned surface unless given."""
        start = self.text.index(surface, self._cursor.get(surface, 0))
        self._cursor[surface] = start + 1
        mention = Mention(
            self.article.id,
            start,
            start + len(surface),
            surface,
            etype,
            0,
            "test",
            name=clean_name(surface) if name is None else name,
            antecedent=antecedent.span if antecedent else None,
            role=role,
        )
        self.mentions.append(mention)
        return mention

    def rel(
        self,
        subject: Mention,
        predicate: str,
        obj: Mention,
        stance: Stance = Stance.ASSERTED,
        speaker: Mention | None = None,
    ) -> None:
        start, end = min(subject.start, obj.start), max(subject.end, obj.end)
        evidence = Evidence(self.article.id, self.text, 0, start, end, "test", 0.9)
        self.relations.append(RelationMention(subject, predicate, obj, stance, evidence, speaker))

    def resolve(self) -> ResolvedArticle:
        return resolve(ArticleExtraction(self.article, tuple(self.mentions), tuple(self.relations)))


def by_label(resolved: ResolvedArticle) -> dict[str, Entity]:
    entities = {e.label: e for e in resolved.entities}
    assert len(entities) == len(resolved.entities), "two entities share a label"
    return entities


def test_repeated_name_is_one_entity() -> None:
    t = Text("Leila Pereira spoke. Reporters asked Leila Pereira about the sale.")
    t.m("Leila Pereira", P)
    t.m("Leila Pereira", P)
    (entity,) = t.resolve().entities
    assert entity.label == "Leila Pereira" and len(entity.mentions) == 2
    assert entity.key == "Person/leila-pereira"


@pytest.mark.parametrize(
    "text, full, short",
    [
        ("Emmanuel Macron landed. Macron met students.", "Emmanuel Macron", "Macron"),
        ("Jacinda Ardern resigned. Ardern thanked voters.", "Jacinda Ardern", "Ardern"),
        (
            "Luis Inacio Lula da Silva won. Lula da Silva spoke.",
            "Luis Inacio Lula da Silva",
            "Lula da Silva",
        ),
    ],
)
def test_surname_merges_into_the_unique_full_name(text: str, full: str, short: str) -> None:
    t = Text(text)
    t.m(full, P)
    t.m(short, P)
    (entity,) = t.resolve().entities
    assert entity.label == full
    assert short in entity.aliases


def test_a_middle_name_written_alone_is_the_one_person_named_in_full() -> None:
    t = Text("Luiz Inacio Lula da Silva landed in Beijing. Lula met Xi Jinping.")
    t.m("Luiz Inacio Lula da Silva", P)
    t.m("Lula", P)
    t.m("Xi Jinping", P)
    entities = by_label(t.resolve())
    assert set(entities) == {"Luiz Inacio Lula da Silva", "Xi Jinping"}


def test_a_middle_name_that_is_someone_else_s_first_name_stays_apart() -> None:
    t = Text("John Fitzgerald Kennedy met Fitzgerald Moore. Fitzgerald smiled.")
    t.m("John Fitzgerald Kennedy", P)
    t.m("Fitzgerald Moore", P)
    t.m("Fitzgerald", P)
    entities = by_label(t.resolve())
    assert "John Fitzgerald Kennedy" in entities
    assert "Fitzgerald" not in entities["John Fitzgerald Kennedy"].aliases


def test_surname_shared_by_two_people_stays_apart() -> None:
    t = Text("Pedro Sanchez met Maria Sanchez. Sanchez said the talks went well.")
    t.m("Pedro Sanchez", P)
    t.m("Maria Sanchez", P)
    t.m("Sanchez", P)
    entities = by_label(t.resolve())
    assert set(entities) == {"Pedro Sanchez", "Maria Sanchez", "Sanchez"}


def test_full_name_first_or_last_gives_the_same_label() -> None:
    a = Text("Ruto spoke first. Later William Ruto left.")
    a.m("Ruto", P)
    a.m("William Ruto", P)
    (entity,) = a.resolve().entities
    assert entity.label == "William Ruto"


@pytest.mark.parametrize("possessive", ["Macron's", "Macron’s", "Macron' "])
def test_possessive_mentions_merge_and_are_not_aliases(possessive: str) -> None:
    t = Text(f"Emmanuel Macron arrived. {possessive}plan was discussed. Macron left.")
    t.m("Emmanuel Macron", P)
    t.m(possessive.strip(), P)
    t.m("Macron", P)
    (entity,) = t.resolve().entities
    assert entity.label == "Emmanuel Macron" and len(entity.mentions) == 3
    assert entity.aliases == ("Macron",)


def test_a_person_and_a_country_with_one_name_stay_apart() -> None:
    t = Text("Michael Jordan visited Jordan. Jordan welcomed him.")
    t.m("Michael Jordan", P)
    t.m("Jordan", C)
    t.m("Jordan", C)
    entities = by_label(t.resolve())
    assert (
        entities["Michael Jordan"].type is P and "Jordan" not in entities["Michael Jordan"].aliases
    )
    assert entities["Jordan"].type is C and len(entities["Jordan"].mentions) == 2


def test_a_surname_does_not_swallow_an_organisation() -> None:
    t = Text("Henry Ford founded Ford in Detroit.")
    t.m("Henry Ford", P)
    t.m("Ford", ORG)
    entities = by_label(t.resolve())
    assert {e.type for e in entities.values()} == {P, ORG}


@pytest.mark.parametrize(
    "long, acronym",
    [
        ("European Union", "EU"),
        ("United Nations Environment Programme", "UNEP"),
        ("Kenya Red Cross", "KRC"),
        ("Democratic Republic of Congo", "DRC"),
    ],
)
def test_acronym_merges_with_its_organisation(long: str, acronym: str) -> None:
    t = Text(f"The {long} ({acronym}) said on Monday that the {acronym} would act.")
    t.m(long, ORG)
    t.m(acronym, ORG)
    t.m(acronym, ORG)
    (entity,) = t.resolve().entities
    assert entity.label == long
    assert acronym in entity.aliases and len(entity.mentions) == 3


def test_an_acronym_of_another_name_is_not_merged() -> None:
    t = Text("The World Health Organization and the WTO met.")
    t.m("World Health Organization", ORG)
    t.m("WTO", ORG)
    assert set(by_label(t.resolve())) == {"World Health Organization", "WTO"}


def test_shorter_organisation_name_merges_only_when_one_name_starts_with_it() -> None:
    t = Text("Merrill Lynch cut jobs. Merrill said costs rose.")
    t.m("Merrill Lynch", ORG)
    t.m("Merrill", ORG)
    (entity,) = t.resolve().entities
    assert entity.label == "Merrill Lynch"
    two = Text("Bank of England and Bank of Japan met. The Bank said rates were high.")
    two.m("Bank of England", ORG)
    two.m("Bank of Japan", ORG)
    two.m("Bank", ORG)
    assert len(two.resolve().entities) == 3


def test_antecedent_links_make_a_coreference() -> None:
    t = Text("Fumio Kishida visited Wajima. He met rescue teams.")
    kishida = t.m("Fumio Kishida", P)
    he = t.m("He", P, name="", antecedent=kishida, role="pronoun")
    resolved = t.resolve()
    (entity,) = [e for e in resolved.entities if e.type is P]
    assert entity.label == "Fumio Kishida" and len(entity.mentions) == 2
    assert "He" not in entity.aliases
    (coref,) = resolved.coreferences
    assert coref.mention == he and coref.entity_key == entity.key


def test_country_and_place_mentions_of_one_name_become_a_country() -> None:
    t = Text("Floods hit Kenya. In Kenya, schools closed. Kenya asked for help.")
    t.m("Kenya", PL)
    t.m("Kenya", C)
    t.m("Kenya", C)
    (entity,) = t.resolve().entities
    assert entity.type is C and len(entity.mentions) == 3


def test_article_scoped_types_get_article_keys_and_people_do_not() -> None:
    keys = []
    for article_id in ("a1", "a2"):
        t = Text("On Monday, Gabriel Boric spoke.", article_id)
        t.m("Monday", D)
        t.m("Gabriel Boric", P)
        keys.append({e.type: e.key for e in t.resolve().entities})
    assert keys[0][P] == keys[1][P] == "Person/gabriel-boric"
    assert keys[0][D] != keys[1][D]
    assert "a1" in keys[0][D] and "a2" in keys[1][D]


def test_relations_are_rewritten_onto_entity_keys_with_stance_and_speaker() -> None:
    t = Text("Abiy Ahmed said Ethiopia joined the African Union. Ahmed said Ethiopia would stay.")
    abiy = t.m("Abiy Ahmed", P)
    ethiopia = t.m("Ethiopia", C)
    union = t.m("African Union", ORG)
    t.m("Ahmed", P)
    ethiopia2 = t.m("Ethiopia", C)
    t.rel(ethiopia, "memberOf", union, Stance.REPORTED, speaker=abiy)
    t.rel(ethiopia2, "memberOf", ethiopia, Stance.ASSERTED)  # subject == object: dropped
    resolved = t.resolve()
    entities = by_label(resolved)
    (relation,) = resolved.relations
    assert (relation.subject, relation.predicate, relation.object) == (
        entities["Ethiopia"].key,
        "memberOf",
        entities["African Union"].key,
    )
    assert relation.stance is Stance.REPORTED and relation.speaker == entities["Abiy Ahmed"].key
    assert relation.evidence.article_id == "t1"


def test_unrelated_descriptions_are_dropped_related_ones_kept() -> None:
    t = Text("The government met. The coalition includes Chile.")
    t.m("The government", ORG, role="description")
    coalition = t.m("The coalition", ORG, role="description")
    chile = t.m("Chile", C)
    t.rel(chile, "memberOf", coalition)
    labels = set(by_label(t.resolve()))
    assert labels == {"coalition", "Chile"}


def test_resolution_is_deterministic() -> None:
    def run() -> list[tuple[str, str, tuple[str, ...]]]:
        t = Text("Olaf Scholz met Ruto. Scholz and Ruto spoke. The EU and the European Union.")
        t.m("Olaf Scholz", P)
        t.m("Ruto", P)
        t.m("Scholz", P)
        t.m("Ruto", P)
        t.m("EU", ORG)
        t.m("European Union", ORG)
        return sorted((e.key, e.label, e.aliases) for e in t.resolve().entities)

    assert run() == run()
    assert [label for _, label, _ in run()] == ["European Union", "Olaf Scholz", "Ruto"]


@pytest.mark.parametrize(
    "text, label",
    [
        (
            "German Chancellor Olaf Scholz arrived in Nairobi. Scholz's visit lasted two days.",
            "Olaf Scholz",
        ),
        (
            "German Chancellor Olaf Scholz arrived in Nairobi. Scholz’s visit lasted two days.",
            "Olaf Scholz",
        ),
        (
            "New Zealand Prime Minister Jacinda Ardern resigned on Thursday. Ardern’s deputy "
            "will lead the party.",
            "Jacinda Ardern",
        ),
    ],
)
def test_possessives_through_the_pipeline(text: str, label: str) -> None:
    from graph.pipeline import build_text

    graph = build_text(text)
    people = [d for _, d in graph.nodes(data=True) if d["type"] == "Person"]
    assert [p["label"] for p in people] == [label]
    assert people[0]["mentions"] >= 2
    assert not any("'" in a or "’" in a for a in people[0]["aliases"])


@pytest.mark.parametrize(
    "text, full, short",
    [
        ("Max Verstappen won in Suzuka. Max said the car was fast.", "Max Verstappen", "Max"),
        ("Chinua Achebe wrote it. Later Chinua recalled Lagos.", "Chinua Achebe", "Chinua"),
        (
            "Manager Ancelotti praised Carlo Ancelotti's staff.",
            "Carlo Ancelotti",
            "Manager Ancelotti",
        ),
        (
            "Ellen Johnson Sirleaf spoke in Monrovia. Mrs Sirleaf left.",
            "Ellen Johnson Sirleaf",
            "Mrs Sirleaf",
        ),
    ],
)
def test_first_name_and_title_plus_surname_join_the_full_name(
    text: str, full: str, short: str
) -> None:
    t = Text(text)
    first, second = sorted([full, short], key=text.index)
    t.m(first, P)
    t.m(second, P)
    (entity,) = t.resolve().entities
    assert entity.label == full


def test_a_first_name_two_people_share_stays_apart() -> None:
    t = Text("Max Verstappen beat Max Mosley's record. Max was delighted.")
    t.m("Max Verstappen", P)
    t.m("Max Mosley", P)
    t.m("Max", P)
    assert set(by_label(t.resolve())) == {"Max Verstappen", "Max Mosley", "Max"}


def test_one_name_typed_two_ways_is_one_entity_of_the_majority_type() -> None:
    t = Text("Gazprom chief Alexei Miller spoke. Gazprom raised prices. Gazprom's gas flows.")
    t.m("Gazprom", PL)
    t.m("Gazprom", ORG)
    t.m("Gazprom's", ORG)
    (entity,) = [e for e in t.resolve().entities if e.label == "Gazprom"]
    assert entity.type is ORG and len(entity.mentions) == 3


def test_a_title_holder_is_a_person_whatever_ner_said() -> None:
    t = Text("Coach Okonkwo led the side. Okonkwo smiled.")
    okonkwo = t.m("Okonkwo", ORG)
    t.m("Okonkwo", ORG)
    coach = t.m("Coach", EntityType.POSITION)
    t.rel(okonkwo, "positionHeld", coach)
    (entity,) = [e for e in t.resolve().entities if e.label == "Okonkwo"]
    assert entity.type is P


@pytest.mark.parametrize(
    "long, short, short_type",
    [
        ("Meta Platforms", "Meta", ORG),
        ("Safaricom PLC", "Safaricom", P),
        ("European Commission", "Commission", ORG),
        ("US Department of Justice", "Department of Justice", ORG),
    ],
)
def test_a_shorter_form_of_one_organisation_name_joins_it(
    long: str, short: str, short_type: EntityType
) -> None:
    t = Text(f"The {long} said on Monday that {short} would appeal.")
    t.m(long, ORG)
    t.m(short, short_type)
    (entity,) = t.resolve().entities
    assert entity.label == long and entity.type is ORG and short in entity.aliases


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Deutsche Bank and Deutsche Boerse met. Deutsche said little.",
            ["Deutsche Bank", "Deutsche Boerse", "Deutsche"],
        ),
        ("Paris Bourse traders left Paris early.", ["Paris Bourse", "Paris"]),
    ],
)
def test_organisations_sharing_a_word_or_a_city_stay_apart(text: str, names: list[str]) -> None:
    t = Text(text)
    for name in names:
        t.m(name, PL if name == "Paris" else ORG)
    assert set(by_label(t.resolve())) == set(names)


def test_an_acronym_of_a_law_joins_its_name() -> None:
    t = Text("The Digital Markets Act took effect. Under the DMA, Apple must open its store.")
    t.m("Digital Markets Act", EntityType.WORK)
    t.m("DMA", ORG)
    t.m("Apple", ORG)
    (act,) = [e for e in t.resolve().entities if e.label == "Digital Markets Act"]
    assert "DMA" in act.aliases


def test_descriptions_are_not_aliases_of_a_named_organisation() -> None:
    t = Text("Safaricom raised prices. The company said costs rose.")
    safaricom = t.m("Safaricom", ORG)
    t.m("company", ORG, antecedent=safaricom, role="description")
    (entity,) = t.resolve().entities
    assert entity.aliases == ()


def _in_sentence(t: Text, mention: Mention, sentence: int) -> Mention:
    moved = replace(mention, sentence=sentence)
    t.mentions[t.mentions.index(mention)] = moved
    return moved


def test_a_bare_description_is_not_folded_into_another_countrys_far_away() -> None:
    t = Text(
        "The British government met. Talks went on. Officials were hopeful. "
        "The American government refused. Later the government said it would review arms sales."
    )
    british = t.m("British government", ORG, role="description")
    american = _in_sentence(t, t.m("American government", ORG, role="description"), 3)
    t._cursor["government"] = t.text.index("Later")
    bare = _in_sentence(t, t.m("government", ORG, antecedent=american, role="description"), 4)
    t.rel(british, "opposes", american)
    t.rel(bare, "supports", british)
    entities = t.resolve().entities
    bare_entity = next(e for e in entities if bare in e.mentions)
    assert american not in bare_entity.mentions


def test_a_bare_description_right_after_a_qualified_one_continues_it() -> None:
    t = Text("The Kenyan government met in Nairobi. The government said it would act.")
    kenyan = t.m("Kenyan government", ORG, role="description")
    nairobi = t.m("Nairobi", PL)
    t._cursor["government"] = t.text.index("The government")
    bare = _in_sentence(t, t.m("government", ORG, antecedent=kenyan, role="description"), 1)
    t.rel(kenyan, "locatedIn", nairobi)
    entity = next(e for e in t.resolve().entities if kenyan in e.mentions)
    assert bare in entity.mentions


def test_a_party_named_in_the_plural_and_singular_is_one_entity() -> None:
    t = Text("The Lib Dems will vote against it, Lib Dem spokesman Mark Oaten said.")
    t.m("Lib Dems", ORG)
    t.m("Lib Dem", ORG)
    (entity,) = t.resolve().entities
    assert len(entity.mentions) == 2


@pytest.mark.parametrize(
    "party, members", [("Green Party", "Greens"), ("Conservative Party", "Conservatives")]
)
def test_a_party_and_its_members_named_as_a_collective_are_one_entity(
    party: str, members: str
) -> None:
    t = Text(f"The {members} won in Bristol, and the {party} will lead the council.")
    t.m(members, EntityType.GROUP)
    t.m(party, ORG)
    (entity,) = t.resolve().entities
    assert entity.label == party and entity.type is ORG


def test_a_government_named_again_and_again_is_kept_without_a_relation() -> None:
    t = Text("The government will miss its target. Critics said the government had failed.")
    t.m("government", ORG, role="description")
    t.m("government", ORG, role="description")
    (entity,) = t.resolve().entities
    assert entity.label == "government"
    one = Text("The company will miss its target. Critics said the company had failed.")
    one.m("company", ORG, role="description")
    one.m("company", ORG, role="description")
    assert one.resolve().entities == ()


def _organisations(text: str) -> dict[str, list[str]]:
    from graph.pipeline import build_text

    graph = build_text(text)
    return {
        d["label"]: list(d["aliases"])
        for _, d in graph.nodes(data=True)
        if d["type"] in {"Organization", "Work", "Product"}
    }


@pytest.mark.parametrize(
    "text, full, short",
    [
        (
            "Jobs will go at insurer Marsh & McLennan. \"This was the hardest year in MMC's "
            'history," its chief executive said.',
            "Marsh & McLennan",
            "MMC",
        ),
        ("Shares in Tata Motors rose after TMC said sales were strong.", "Tata Motors", "TMC"),
    ],
)
def test_a_company_s_initials_with_a_c_for_company_name_it(
    text: str, full: str, short: str
) -> None:
    assert short in _organisations(text)[full]


def test_initials_with_a_c_abstain_beside_the_bare_initials() -> None:
    found = _organisations(
        "Shares in Sun Pharma rose. SPC said orders were strong, while SP declined to comment."
    )
    assert not any("SPC" in aliases for aliases in found.values())


def test_a_title_is_the_short_form_of_the_one_name_it_ends() -> None:
    found = _organisations(
        "Readers of Gadget Monthly chose the phone for Gadget Essentials, the magazine's "
        'yearly list. "What this year\'s Essentials shows is that phones are cheaper," said '
        "its editor Ana Ruiz."
    )
    assert "Essentials" in found["Gadget Essentials"]
    assert "Essentials" not in found
