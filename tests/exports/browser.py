"""Headless Chromium for the view tests and the view benchmark (Debian's chromium driven by
Playwright; Playwright never downloads a browser of its own here)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def needs_browser(test: Callable) -> Callable:
    """Mark a test ``browser`` (``-m "not browser"`` leaves it out) and skip it where chromium
    is missing, except in CI, which installs chromium (.ci/run): there it must run."""
    missing = chromium_path() is None and not os.environ.get("CI")
    return pytest.mark.browser(pytest.mark.skipif(missing, reason="no chromium")(test))


@contextmanager
def browser_page(width: int = 1400, height: int = 850) -> Iterator[object]:
    """A page that may load file: URLs only: any other request is refused and recorded in
    ``page.requests``, so a page that silently needs a CDN fails its test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            errors: list[str] = []
            requests: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on(
                "dialog",
                lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()),
            )

            def offline(route) -> None:  # noqa: ANN001
                url = route.request.url
                if url.startswith(("file:", "data:", "blob:", "about:")):
                    route.continue_()
                else:
                    requests.append(url)
                    route.abort()

            page.route("**/*", offline)
            page.errors = errors  # type: ignore[attr-defined]
            page.requests = requests  # type: ignore[attr-defined]
            yield page
        finally:
            browser.close()


def open_view(page, path) -> None:  # noqa: ANN001
    """Load a view file and wait until it is drawn and its layout has stopped."""
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=300_000)


def _to_page(page, expression: str, arg: object) -> dict:  # noqa: ANN001
    return page.evaluate(
        """([expr, arg]) => { const n = window.newsgraph.network;
            const p = (new Function('n', 'arg', 'return ' + expr))(n, arg);
            const d = n.canvasToDOM(p);
            const r = document.getElementById('network').getBoundingClientRect();
            return { x: d.x + r.left, y: d.y + r.top }; }""",
        [expression, arg],
    )


def click_node(page, node_id: str) -> None:  # noqa: ANN001
    """Click a node where it is drawn on the canvas, as a person would."""
    page.evaluate(
        "(id) => window.newsgraph.network.focus(id, { scale: 1.5, animation: false })", node_id
    )
    point = _to_page(page, "n.getPositions([arg])[arg]", node_id)
    page.mouse.click(point["x"], point["y"])


def edge_point(page, edge_id: str, at: float = 0.5) -> dict:  # noqa: ANN001
    """Where an edge is drawn, ``at`` of the way along it (curved or straight), in canvas
    coordinates, from the network's own geometry."""
    return page.evaluate(
        "([id, at]) => window.newsgraph.network.body.edges[id].edgeType.getPoint(at)",
        [edge_id, at],
    )


def click_edge(page, edge_id: str) -> None:  # noqa: ANN001
    """Click an edge a little off its midpoint (the label sits on the midpoint), on the line
    as drawn, so a curved one beside another between the same entities is hit."""
    page.evaluate(
        """(id) => { const n = window.newsgraph.network;
            const [a, b] = n.getConnectedNodes(id);
            n.fit({ nodes: [a, b], animation: false }); }""",
        edge_id,
    )
    point = _to_page(page, "n.body.edges[arg].edgeType.getPoint(0.35)", edge_id)
    page.mouse.click(point["x"], point["y"])


def wait_laid_out(page) -> None:  # noqa: ANN001
    """Wait until the page has laid out again what a filter left."""
    page.wait_for_function("document.body.dataset.busy === '0'", timeout=120_000)
