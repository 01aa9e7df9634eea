"""Make README's pictures of the HTML view: the seed article, with its negated membership
clicked, and the first 150 BBC articles, with their best-connected entity clicked.

Runs `newsgraph build --view` on each, opens the page in headless Chromium (Debian's
chromium driven by Playwright, tests/exports/browser.py) and saves docs/view.png and
docs/view-bbc150.png, reduced to 256 colours so each stays small.
Usage: python docs/screenshots.py [--seed FILE] [--corpus FILE.jsonl] [--articles 150]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports.rdf_read import read_graph  # noqa: E402
from exports.view_model import drawn_entities  # noqa: E402
from tests.exports.browser import browser_page, click_edge, click_node, open_view  # noqa: E402

SHARED = ROOT.parent / "shared"


def build(source: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "graph.cli", "build", str(source), "-o", str(out), "--view", "-q"],
        check=True,
        cwd=ROOT,
    )
    return out


def save(page, path: Path) -> None:  # noqa: ANN001
    from PIL import Image

    page.add_style_tag(content=".vis-tooltip { display: none !important; }")  # none in the picture
    page.screenshot(path=str(path))
    with Image.open(path) as image:
        image.convert("RGB").quantize(256).save(path, optimize=True)
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


def seed_picture(built: Path, path: Path) -> None:
    graph = read_graph(built / "graph.nq")
    negated = next(k for *_, k, d in graph.edges(keys=True, data=True) if d["stance"] == "negated")
    with browser_page() as page:
        open_view(page, built / "graph.html")
        click_edge(page, negated)
        page.wait_for_selector(f"#details[data-selected='{negated}']")
        page.evaluate("window.newsgraph.network.fit({ animation: false })")
        save(page, path)


def corpus_picture(built: Path, path: Path) -> None:
    graph = read_graph(built / "graph.nq")
    drawn = drawn_entities(graph)
    hub = max(drawn, key=lambda n: (sum(1 for _ in graph.edges(n)) + graph.in_degree(n), n))
    with browser_page() as page:
        open_view(page, built / "graph.html")
        click_node(page, hub)
        page.wait_for_selector(f"#details[data-selected='{hub}']")
        page.evaluate("window.newsgraph.network.fit({ animation: false })")
        save(page, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SHARED / "seed" / "article.txt")
    parser.add_argument("--corpus", type=Path, default=SHARED / "data" / "news" / "bbc.jsonl")
    parser.add_argument("--articles", type=int, default=150)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed_picture(build(args.seed, Path(tmp) / "seed"), ROOT / "docs" / "view.png")
        corpus = Path(tmp) / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as lines:
            corpus.write_text("".join(islice(lines, args.articles)), encoding="utf-8")
        corpus_picture(build(corpus, Path(tmp) / "corpus"), ROOT / "docs" / "view-bbc150.png")


if __name__ == "__main__":
    main()
