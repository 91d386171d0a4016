"""Views opened in headless Chromium (Debian's /usr/bin/chromium through
Playwright): the page itself says how many nodes and edges it drew, no
request leaves the machine, filters, search, tooltips and the physics switch
work, and hostile text never runs. Screenshots go to out/screenshots/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ofsted_kg.graph.store import _OPEN, open_store
from ofsted_kg.graph.views import ViewRequest, write_view
from ofsted_kg.graph.views.browser import CHROMIUM, chromium, open_view

from .conftest import EXAMPLES, REPO, corpus, requires_shared
from .test_views import HOSTILE_INITIATIVE, HOSTILE_PERSON, hostile_store, rich_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: install Debian's chromium "
                       "(scripts/test.sh does, as root) to run the browser tests"),
]
SHOTS = REPO / "out" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def written(cli, *args) -> tuple[int, int]:
    result = cli("render", *args)
    assert result.exit_code == 0, result.output
    match = re.search(r": (\d+) nodes, (\d+) edges", result.output)
    return int(match.group(1)), int(match.group(2))


def check_drawn(opened, nodes: int, edges: int) -> None:
    assert (opened.nodes, opened.edges) == (nodes, edges)
    assert (opened.drawn_nodes, opened.drawn_edges) == (nodes, edges)
    assert opened.stable
    assert opened.outside_requests == []
    assert opened.console_errors == []


def hover_text(page, node_label: str) -> str:
    """Move the mouse onto the node with this label and read the tooltip vis-network shows."""
    point = page.evaluate("""(label) => {
      const v = window.ofstedView, n = v.nodes.get({filter: x => x.label === label})[0];
      const p = v.network.canvasToDOM(v.network.getPositions([n.id])[n.id]);
      const box = document.getElementById('network').getBoundingClientRect();
      return {x: p.x + box.left, y: p.y + box.top};
    }""", node_label)
    page.mouse.move(point["x"] - 30, point["y"] - 30)
    page.mouse.move(point["x"], point["y"], steps=4)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    return page.inner_text("div.vis-tooltip")


def test_the_examples_view_draws_every_node_without_the_network(cli, browser, tmp_path):
    store, output = tmp_path / "store", tmp_path / "graph.html"
    assert cli("build", "--store", store, EXAMPLES).exit_code == 0
    nodes, edges = written(cli, "--store", store, "--output", output)
    assert nodes > 0
    with open_view(browser, output) as (page, opened):
        check_drawn(opened, nodes, edges)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "examples-whole.png"))


@requires_shared
def test_the_seed_corpus_views_draw_and_stay_offline(cli, browser, tmp_path):
    store = tmp_path / "store"
    cli("build", "--store", store, corpus("seeds") / "docs")
    whole, council = tmp_path / "whole.html", tmp_path / "north-lincs.html"
    counts = written(cli, "--store", store, "--output", whole)
    council_counts = written(cli, "--store", store, "--output", council, "--council", "North Lincolnshire")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with open_view(browser, whole) as (page, opened):
        check_drawn(opened, *counts)
        assert page.evaluate("window.ofstedView.nodes.get({filter: n => n.kind === 'council'}).length") >= 4
        page.screenshot(path=str(SHOTS / "seeds-whole.png"))
    with open_view(browser, council) as (page, opened):
        check_drawn(opened, *council_counts)
        labels = page.evaluate("window.ofstedView.nodes.map(n => n.label)")
        assert "North Lincolnshire Council" in labels
        assert "North Lincolnshire Council" in page.inner_text("#heading")
        page.screenshot(path=str(SHOTS / "seeds-north-lincolnshire.png"))


def test_filters_search_tooltips_and_physics_work_in_the_page(browser, tmp_path):
    store = rich_store(tmp_path / "store")
    page_file = tmp_path / "rich.html"
    written_page = write_view(store, page_file, ViewRequest(physics=True))
    with open_view(browser, page_file) as (page, opened):
        check_drawn(opened, written_page.nodes, written_page.edges)
        # physics settled within its bounded iterations and was switched off; the box switches it back on
        assert page.evaluate("window.ofstedView.network.physics.physicsEnabled") is False
        assert not page.is_checked("#physics")
        page.check("#physics")
        assert page.evaluate("window.ofstedView.network.physics.physicsEnabled") is True
        page.uncheck("#physics")

        drawn = "() => window.ofstedView.network.body.nodeIndices.length"
        page.uncheck("input.kind-filter[data-kind=judgement]")
        assert page.evaluate(drawn) == written_page.nodes - 5
        page.check("input.kind-filter[data-kind=judgement]")
        page.uncheck("input.grade-filter[data-grade=inadequate]")  # Lincolnshire and its 2023 judgement
        assert page.evaluate(drawn) == written_page.nodes - 2
        page.click("#reset")
        assert page.evaluate(drawn) == written_page.nodes

        page.fill("#search", "lincolnshire")
        assert page.inner_text("#search-result") == "2 matches"
        assert len(page.evaluate("window.ofstedView.network.getSelectedNodes()")) == 2

        text = hover_text(page, "Overall effectiveness: Inadequate")
        assert "judged inadequate in 2023" in text and "(lincs.txt)" in text
        assert "Evidence:" in text


def test_hostile_labels_never_run(browser, tmp_path):
    store = hostile_store(tmp_path / "store")
    page_file = tmp_path / "hostile.html"
    written_page = write_view(store, page_file, ViewRequest(level="detailed"))
    with open_view(browser, page_file) as (page, opened):
        check_drawn(opened, written_page.nodes, written_page.edges)
        labels = page.evaluate("window.ofstedView.nodes.map(n => n.label)")
        assert HOSTILE_PERSON in labels  # drawn as text on the canvas
        assert any(label.startswith("<img src=x") for label in labels)
        text = hover_text(page, HOSTILE_PERSON)
        assert HOSTILE_PERSON in text  # shown as text, not parsed
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('main img, aside img, div.vis-tooltip *:not(br)').length") == 0
        assert opened.dialogs == []
        assert HOSTILE_INITIATIVE[:20] in page.evaluate("window.ofstedView.nodes.map(n => n.title).join(' ')")
