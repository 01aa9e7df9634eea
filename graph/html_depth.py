"""Pages nested deeper than lxml parses, flattened so trafilatura can read them.

libxml2's HTML parser stops building the tree at about 255 open elements (2,048 with
``huge_tree``, which also lifts its other safety limits), so the text of a deeper page is
lost and trafilatura finds none. Python's own ``html.parser`` has no depth limit: it
rewrites the page keeping the outer ``MAX_DEPTH`` levels as they are (where navigation,
headers and footers sit) and turning everything deeper into flat paragraphs, one per block
element, with inline tags dropped and their text kept.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

MAX_DEPTH = 128
"""Elements kept as nested as they are; well under libxml2's limit."""
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCK = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p
    pre section summary table tbody td tfoot th thead tr ul br""".split()
)
RAW_TEXT = frozenset({"script", "style"})


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written as a tag)
        self.deepest = 0
        self.paragraph_open = False
        self.raw: str | None = None  # the script/style element being read, if any

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> str:
        return "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attrs
        )

    def _break(self) -> None:
        """A paragraph boundary in the flat part."""
        if self.paragraph_open:
            self.out.append("</p>")
            self.paragraph_open = False

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self.handle_startendtag(tag, attrs)
            return
        kept = len(self.stack) < MAX_DEPTH and not self.paragraph_open
        self.stack.append((tag, kept))
        self.deepest = max(self.deepest, len(self.stack))
        if kept:
            self.out.append(f"<{tag}{self._attrs(attrs)}>")
        elif tag in BLOCK:
            self._break()
        if tag in RAW_TEXT:
            self.raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) < MAX_DEPTH and not self.paragraph_open:
            self.out.append(f"<{tag}{self._attrs(attrs)}>")
        elif tag in BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == self.raw:
            self.raw = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                break
        else:
            return  # a stray end tag
        while len(self.stack) > index:
            name, kept = self.stack.pop()
            if kept:
                self._break()
                self.out.append(f"</{name}>")
            elif name in BLOCK:
                self._break()

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1][1]:  # in the flat part
            if self.raw is not None:
                return  # script or style content: no article text
            if data.strip() and not self.paragraph_open:
                self.out.append("<p>")
                self.paragraph_open = True
            self.out.append(escape(data, quote=False))
        elif self.raw is not None:
            self.out.append(data)
        else:
            self.out.append(escape(data, quote=False))


def too_deep_for_lxml(html: str) -> bool:
    """Whether libxml2 stops building this page's tree for its depth (a parse in C, a few
    milliseconds; it reports the limit as an error rather than failing)."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8", collect_ids=False)
    etree.fromstring(html.encode("utf-8", "replace"), parser)
    return any(
        e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log
    )


def flatten_deep_html(html: str) -> tuple[str, int]:
    """The page with every element below ``MAX_DEPTH`` levels flattened, and the deepest
    nesting it had (nothing changes when that is within the limit)."""
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    parser._break()
    return "".join(parser.out), parser.deepest
