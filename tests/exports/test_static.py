"""The static picture: SVG with the entity names and predicate labels as text, PNG readable
by an image library; a large graph is cut to its best-connected entities."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

from exports import export
from exports.static import MAX_NODES, _core, _layout
from graph.kg import add_article, new_graph
from tests.exports.synthetic import synthetic_graph
from tests.records import coalition_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():  # noqa: ANN201
    g = new_graph()
    add_article(g, coalition_article("a1"))
    return g


def svg_texts(path) -> list[str]:  # noqa: ANN001
    texts = ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")
    return ["".join(t.itertext()).strip() for t in texts]


def test_svg_names_every_entity_and_relation(graph, tmp_path) -> None:  # noqa: ANN001
    texts = svg_texts(export(graph, "svg", tmp_path / "g.svg"))
    for _, data in graph.nodes(data=True):
        assert data["label"] in texts
    assert {"member of", "located in"} <= set(texts)
    assert {"Country", "Organization", "Place"} <= set(texts)  # the legend


def test_png_is_a_picture(graph, tmp_path) -> None:  # noqa: ANN001
    path = export(graph, "png", tmp_path / "g.png")
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width >= 1200 and image.height >= 800
        assert len(image.convert("L").getcolors(maxcolors=1 << 16) or []) > 10  # not blank


def test_a_large_graph_is_cut_to_its_hubs() -> None:
    big = synthetic_graph(400, 1200)
    core = _core(big)
    assert core.number_of_nodes() == MAX_NODES
    degrees = sorted((d for _, d in big.degree()), reverse=True)
    assert min(d for n, d in big.degree() if n in core) >= degrees[MAX_NODES - 1]


def test_components_are_laid_out_apart() -> None:
    big = synthetic_graph(40, 30, seed=3)
    positions = _layout(big)
    assert set(positions) == set(big)
    boxes = []
    for part in nx.weakly_connected_components(big):
        xs, ys = zip(*(positions[n] for n in part), strict=True)
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    assert len(boxes) > 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2], (a, b)


def test_the_layout_needs_no_scipy() -> None:
    code = (
        "import sys; sys.modules['scipy'] = None\n"
        "from exports.static import _layout\n"
        "from tests.exports.synthetic import synthetic_graph\n"
        "print(len(_layout(synthetic_graph(30, 40, seed=1))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["30"]


def test_the_layout_is_the_same_on_every_run() -> None:
    big = synthetic_graph(40, 60, seed=5)
    assert _layout(big) == _layout(big.copy())


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_without_matplotlib_a_picture_is_refused_in_one_line_before_parsing(fmt, tmp_path) -> None:  # noqa: ANN001
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from newsgraph.cli import main\n"
        "sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    args = ["build", str(ROOT / "examples"), "-o", str(out), "-f", fmt, "-q"]
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert result.returncode == 5, result.stderr
    assert result.stderr.strip().splitlines() == [
        "newsgraph: export formats svg and png need matplotlib: pip install 'newsgraph[static]'"
    ]
    assert not out.exists()  # refused before the output folder was made
