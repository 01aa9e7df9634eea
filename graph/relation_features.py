"""Features of an ordered pair of entity mentions in one sentence, for the relation
classifier: the type pair, the words between them, the dependency path between their heads
and the words around them. Shared by training (graph/train.py) and extraction
(graph/extract/classifier.py) so both see the same features."""

from __future__ import annotations

from spacy.tokens import Span, Token

MAX_BETWEEN = 12


def _head(span: Span) -> Token:
    return span.root


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from a up to the lowest common ancestor, and from b up to it."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i for t in up_b}
    common = next((t for t in up_a if t.i in ids_b), None)
    if common is None:
        return up_a, up_b
    return up_a[: [t.i for t in up_a].index(common.i) + 1], up_b[
        : [t.i for t in up_b].index(common.i)
    ]


def pair_features(head: Span, tail: Span, head_type: str, tail_type: str) -> dict[str, float]:
    doc = head.doc
    feats: dict[str, float] = {f"types={head_type}>{tail_type}": 1.0}
    first, second = (head, tail) if head.start < tail.start else (tail, head)
    feats[f"order={'ht' if first is head else 'th'}"] = 1.0
    between = doc[first.end : second.start]
    feats[f"gap={min(len(between), MAX_BETWEEN)}"] = 1.0
    if len(between) <= MAX_BETWEEN:
        for token in between:
            if not token.is_punct:
                feats[f"between={token.lemma_.lower()}"] = 1.0
        if len(between) == 1:
            feats[f"only_between={between[0].lower_}"] = 1.0
    else:
        feats["between=LONG"] = 1.0
    if between and between[0].text == ",":
        feats["comma_first"] = 1.0
    up, down = _path(_head(head), _head(tail))
    path = (
        [f"{t.dep_}^" for t in up[:-1]]
        + ([up[-1].lemma_.lower()] if up else [])
        + [f"{t.dep_}v" for t in reversed(down)]
    )
    if len(path) <= 8:
        feats["path=" + " ".join(path)] = 1.0
        feats["path_deps=" + " ".join(p for p in path if p.endswith(("^", "v")))] = 1.0
    top = up[-1] if up else None
    if top is not None:
        feats[f"top={top.lemma_.lower()}"] = 1.0
        feats[f"top_pos={top.pos_}"] = 1.0
    for token in up[1:-1] + down[1:]:
        feats[f"on_path={token.lemma_.lower()}"] = 1.0
    feats[f"head_root={_head(head).lemma_.lower()}"] = 1.0
    feats[f"tail_root={_head(tail).lemma_.lower()}"] = 1.0
    if first.start > 0:
        feats[f"before={doc[first.start - 1].lower_}"] = 1.0
    if second.end < len(doc):
        feats[f"after={doc[second.end].lower_}"] = 1.0
    return feats
