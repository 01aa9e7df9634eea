"""Headless Chromium for the view tests and the view benchmark (Debian's chromium driven by
Playwright; Playwright never downloads a browser of its own here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def browser_page(width: int = 1400, height: int = 850) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.errors = errors  # type: ignore[attr-defined]
            yield page
        finally:
            browser.close()


def click_node(page, node_id: str) -> None:  # noqa: ANN001
    """Click a node where it is drawn on the canvas, as a person would."""
    point = page.evaluate(
        """(id) => { const n = window.newsgraph.network;
            n.focus(id, { scale: 1.5, animation: false });
            const d = n.canvasToDOM(n.getPositions([id])[id]);
            const r = document.getElementById('network').getBoundingClientRect();
            return { x: d.x + r.left, y: d.y + r.top }; }""",
        node_id,
    )
    page.mouse.click(point["x"], point["y"])
