"""The word lists pronoun coreference reads (graph/schema/coref_*.tsv, given_names.tsv),
loaded once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("graph.schema").joinpath(filename).read_text("utf-8")
    return [
        [f.strip() for f in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@dataclass(frozen=True, slots=True)
class PronounForm:
    form: str
    person: int
    plural: bool
    sex: str
    """"m", "f", "n" (a thing) or "-" (any)."""
    reflexive: bool


@lru_cache(maxsize=1)
def pronouns() -> dict[str, PronounForm]:
    return {
        form: PronounForm(form, int(person), number == "pl", sex, case == "refl")
        for form, person, number, sex, case in _rows("coref_pronouns.tsv")
    }


@lru_cache(maxsize=1)
def sexed_words() -> dict[str, str]:
    """Lower-cased honorific, title or noun -> "m" or "f" ("mrs" -> "f", "king" -> "m")."""
    return {word.lower(): sex for word, sex in _rows("coref_words.tsv")}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "m" or "f", for names borne overwhelmingly by one sex; an accented
    name also as wire copy writes it without accents ("Francois", "Jose", "Jurgen")."""
    names = {name: sex for name, sex in _rows("given_names.tsv")}
    for name, sex in list(names.items()):
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        names.setdefault(plain, sex)
    return names


@lru_cache(maxsize=1)
def agentive_verbs() -> frozenset[str]:
    """Lemmas whose subject is an agent (speaks, decides, owns), not a thing."""
    return frozenset(row[0].lower() for row in _rows("coref_verbs.txt"))


@lru_cache(maxsize=1)
def collective_heads() -> frozenset[str]:
    """Head nouns of singular names a plural pronoun may take ("police", "team")."""
    return frozenset(row[0].lower() for row in _rows("coref_collectives.txt"))
