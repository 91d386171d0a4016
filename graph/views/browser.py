"""Open a view in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright's Python API) and read back what the page drew. Used by the tests,
the benchmark and for screenshots; every request that is not file:// or
data: is recorded and refused."""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

CHROMIUM = Path(os.environ.get("OFSTED_KG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


@dataclass
class Opened:
    """What the page reported once it had settled."""

    nodes: int  # in the vis DataSet
    edges: int
    drawn_nodes: int  # in the network's body (visible after filters)
    drawn_edges: int
    stable: bool
    load_to_stable_s: float
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


READ_STATE = """() => {
  const v = window.ofstedView;
  if (!v) return null;
  return {nodes: v.nodes.length, edges: v.edges.length,
          drawn_nodes: v.network.body.nodeIndices.length, drawn_edges: v.network.body.edgeIndices.length,
          stable: v.stable};
}"""


@contextmanager
def chromium() -> Iterator[object]:
    """A browser; raises FileNotFoundError when Debian's chromium is not installed."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def block_outside(context, outside: list[str]) -> None:
    """Abort every request that would leave the machine (not file: or data:), noting its URL in `outside`."""
    def route(r):
        if r.request.url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)


@contextmanager
def open_view(browser, html_file: Path, *, width: int = 1400, height: int = 900,
              timeout_s: float = 120) -> Iterator[tuple[object, Opened]]:
    """Load the file, wait until the view says it is stable, and hand back the page and its state."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []

    block_outside(context, outside)
    page.on("request", lambda req: None if req.url.startswith(LOCAL_SCHEMES) else outside.append(req.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        start = time.perf_counter()
        page.goto(html_file.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function("() => window.ofstedView && window.ofstedView.stable", timeout=timeout_s * 1000)
        elapsed = time.perf_counter() - start
        state = page.evaluate(READ_STATE)
        yield page, Opened(load_to_stable_s=elapsed, outside_requests=sorted(set(outside)), console_errors=errors,
                           dialogs=dialogs, **state)
    finally:
        context.close()
