"""Features of an ordered pair of entity mentions in one sentence, for the relation model:
the coarse type pair, the words between them, the dependency path between their heads, the
heads' lemmas and the words around them. Shared by training (graph/learn/train.py) and
extraction (graph/extract/classifier.py) so both see the same features."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import EntityType

MAX_BETWEEN = 12
MAX_PATH = 8

COARSE = {
    EntityType.PERSON: "PER",
    EntityType.ORGANIZATION: "ORG",
    EntityType.COUNTRY: "LOC",
    EntityType.PLACE: "LOC",
    EntityType.GROUP: "MISC",
    EntityType.EVENT: "MISC",
    EntityType.PRODUCT: "MISC",
    EntityType.WORK: "MISC",
}
"""The coarse types the training data has (Re-DocRED's PER, ORG, LOC, MISC), by entity type."""


def path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from a up to the lowest common ancestor (included), and from b up to below it."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = [t.i for t in up_b]
    common = next((t for t in up_a if t.i in ids_b), None)
    if common is None:
        return up_a, up_b
    return up_a[: [t.i for t in up_a].index(common.i) + 1], up_b[: ids_b.index(common.i)]


def pair_features(head: Span, tail: Span, head_type: str, tail_type: str) -> dict[str, float]:
    """Binary features of the pair (head, tail); types are coarse (PER, ORG, LOC, MISC)."""
    doc = head.doc
    types = f"{head_type}>{tail_type}"
    feats: dict[str, float] = {f"types={types}": 1.0}
    first, second = (head, tail) if head.start < tail.start else (tail, head)
    order = "ht" if first is head else "th"
    feats[f"order={order}"] = 1.0
    feats[f"types_order={types}:{order}"] = 1.0
    between = doc[first.end : second.start] if first.end <= second.start else doc[0:0]
    feats[f"gap={min(len(between), MAX_BETWEEN)}"] = 1.0
    if len(between) <= MAX_BETWEEN:
        for token in between:
            if not token.is_punct:
                feats[f"between={token.lemma_.lower()}"] = 1.0
        if len(between) == 1:
            feats[f"only_between={between[0].lower_}"] = 1.0
            feats[f"only_between_types={between[0].lower_}:{types}"] = 1.0
    else:
        feats["between=LONG"] = 1.0
    if between and between[0].text == ",":
        feats["comma_first"] = 1.0
    up, down = path(head.root, tail.root)
    steps = (
        [f"{t.dep_}^" for t in up[:-1]]
        + ([up[-1].lemma_.lower()] if up else [])
        + [f"{t.dep_}v" for t in reversed(down)]
    )
    if len(steps) <= MAX_PATH:
        feats["path=" + " ".join(steps)] = 1.0
        deps = " ".join(p for p in steps if p.endswith(("^", "v")))
        feats["path_deps=" + deps] = 1.0
        feats[f"path_deps_types={deps}:{types}"] = 1.0
    else:
        feats["path=LONG"] = 1.0
    top = up[-1] if up else None
    if top is not None:
        feats[f"top={top.lemma_.lower()}"] = 1.0
        feats[f"top_pos={top.pos_}"] = 1.0
        feats[f"top_types={top.lemma_.lower()}:{types}"] = 1.0
    for token in up[1:-1] + down[1:]:
        feats[f"on_path={token.lemma_.lower()}"] = 1.0
    feats[f"head_root={head.root.lemma_.lower()}"] = 1.0
    feats[f"tail_root={tail.root.lemma_.lower()}"] = 1.0
    feats[f"head_dep={head.root.dep_}"] = 1.0
    feats[f"tail_dep={tail.root.dep_}"] = 1.0
    if first.start > 0:
        feats[f"before={doc[first.start - 1].lower_}"] = 1.0
    if second.end < len(doc):
        feats[f"after={doc[second.end].lower_}"] = 1.0
    return feats
