"""Hypothesis strategies for hostile inputs: article text, HTML pages and JSON Lines files,
mixing sentences the extractors act on with the bytes scraped web text can hold (control
characters, lone surrogates, broken markup, deep nesting, wrongly typed fields)."""

from __future__ import annotations

import json
from html import escape

from hypothesis import strategies as st

NAMES = [
    "Cyril Ramaphosa",
    "Narendra Modi",
    "Angela Merkel",
    "Lionel Messi",
    "Taylor Swift",
    "Samsung",
    "the Bank of England",
    "Kenya",
    "Nairobi",
    "Tokyo",
    "Brazil",
    "Mr Okafor",
    "the European Union",
    "Toyota",
]
VERBS = [
    "met",
    "visited",
    "criticised",
    "did not meet",
    "plans to buy",
    "signed a deal with",
    "is the chief executive of",
    "was born in",
    "said it would sue",
    "joined",
]
TAILS = ["", " on Friday", " in March 2023", ", officials said", " for $4.5 billion", " 30 times"]

SENTENCE = st.builds(
    lambda s, v, o, tail: f"{s[0].upper()}{s[1:]} {v} {o}{tail}.",
    st.sampled_from(NAMES),
    st.sampled_from(VERBS),
    st.sampled_from(NAMES),
    st.sampled_from(TAILS),
)
NOISE = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs", "Cc", "Cf", "Cs", "Co")),
    max_size=25,
)
"""Any characters, lone surrogates and control characters included."""
SEPARATOR = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\t", "\x0c", ""])

ARTICLE_TEXT = st.lists(
    st.tuples(st.integers(0, 2).flatmap(lambda i: NOISE if i == 0 else SENTENCE), SEPARATOR),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(text + sep for text, sep in parts))
"""A few sentences and scraps, joined by spaces, line and paragraph breaks."""

TAGS = ["div", "p", "span", "b", "a", "article", "section", "nav", "footer", "h1", "li", "ul"]
TAGS += ["table", "td", "script", "style", "blockquote", "header", "main", "br", "img"]
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["class", "id", "href", "lang", "data-x"]), NOISE, max_size=2
)
BROKEN = st.sampled_from(
    ["<", "&", "&amp", "</div>", "<p", "<!--", "-->", "<![CDATA[x]]>", "<?xml x?>", "&#0;"]
    + ["&#xD800;", "<meta charset='latin-1'>", "</html>", "<body>", "\x00"]
)


def _element(tag: str, attrs: dict[str, str], children: list[str]) -> str:
    attributes = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


HTML_FRAGMENT = st.recursive(
    st.one_of(SENTENCE.map(escape), NOISE.map(escape), NOISE, BROKEN),
    lambda children: st.builds(
        _element, st.sampled_from(TAGS), ATTRIBUTES, st.lists(children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page: a head with a title or not, a body of nested fragments, sometimes wrapped
    in a few hundred levels of div (past lxml's depth limit)."""
    body = "".join(draw(st.lists(HTML_FRAGMENT, min_size=1, max_size=4)))
    depth = draw(st.sampled_from([0, 0, 0, 3, 260, 600]))
    body = "<div>" * depth + body + "</div>" * draw(st.sampled_from([depth, 0]))
    title = draw(st.one_of(st.none(), SENTENCE, NOISE))
    head = "" if title is None else f"<head><title>{escape(title)}</title></head>"
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", "<?xml version='1.0'?>"]))
    return f"{doctype}<html>{head}<body>{body}</body></html>"


ID = st.one_of(st.sampled_from(["a", "b", "a b", "é/x?", ""]), NOISE, st.integers())
VALUE = st.one_of(
    st.none(), NOISE, st.integers(), st.floats(), st.booleans(), st.lists(st.integers(), max_size=2)
)
"""A field value of any JSON type (most of them wrong for any field)."""


def mostly(good: st.SearchStrategy, bad: st.SearchStrategy = VALUE) -> st.SearchStrategy:
    """``good`` nine times in ten, else ``bad``: most records are built, some refused."""
    return st.integers(0, 9).flatmap(lambda draw: good if draw else bad)


RECORD = st.fixed_dictionaries(
    {"text": mostly(ARTICLE_TEXT)},
    optional={
        "id": mostly(ID, st.booleans() | st.floats()),
        "title": mostly(SENTENCE, st.dictionaries(NOISE, NOISE, max_size=1) | VALUE),
        "date": mostly(
            st.dates().map(lambda d: d.isoformat()), st.sampled_from(["Friday", "2024-13-45"])
        ),
        "url": mostly(st.just("https://news.example/a?b=1&c")),
    },
)
JUNK_LINE = st.sampled_from(
    [b"not json", b"{", b"[1, 2]", b'"text"', b"\xff\xfe{}", b"[" * 3000 + b"]" * 3000]
    + [b'{"text": "' + b"x" * 20 + b'"' + b"}" * 2, b"{" * 50 + b"}" * 50, b"   ", b""]
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """JSON Lines bytes: records (ASCII-escaped, so lone surrogates survive as \\ud800, or
    raw UTF-8 where the text allows) and junk lines."""
    lines = []
    for record in draw(st.lists(RECORD, min_size=1, max_size=5)):
        if draw(st.booleans()):
            lines.append(json.dumps(record).encode())
        else:
            text = json.dumps(record, ensure_ascii=False)
            lines.append(text.encode("utf-8", "surrogatepass"))
    for junk in draw(st.lists(JUNK_LINE, max_size=2)):
        lines.insert(draw(st.integers(0, len(lines))), junk)
    return b"\n".join(lines) + draw(st.sampled_from([b"\n", b"", b"\r\n"]))


def text_files() -> st.SearchStrategy[bytes]:
    """A text file: an optional headline, the article text, as UTF-8 (surrogates written
    as they are, so some files are not valid UTF-8), sometimes with a byte-order mark."""
    return st.builds(
        lambda headline, text, bom: bom + (headline + text).encode("utf-8", "surrogatepass"),
        st.sampled_from(["", "Leaders meet\n\n", "# Markets fall\n\n"]),
        ARTICLE_TEXT,
        st.sampled_from([b"", b"\xef\xbb\xbf"]),
    )
