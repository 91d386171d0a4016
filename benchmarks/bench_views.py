"""Benchmark the HTML view of a 10,000-document graph against a naive pyvis
render of the same graph, side by side.

- ours: `ofsted_kg.graph.views.render` (whole graph, auto level: aggregated
  when the detailed graph is over the node budget, precomputed layout,
  bounded physics), opened in headless Chromium until the page says it is
  stable;
- naive: every node and edge of the detailed projection added to a pyvis
  Network with default options (physics on, 1,000 stabilisation iterations),
  written with cdn_resources="in_line" (so vis-network itself loads offline;
  pyvis still links Bootstrap from a CDN, which the benchmark blocks), opened
  the same way until vis-network reports `physics.stabilized`.

Figures: render time (Python: read the store, project, measure, write the
HTML), HTML size, nodes and edges drawn, page load-to-stable time, and the
time of one synchronous redraw (how the page responds to a pan or a click).
A page that does not settle within --timeout is reported as such.

Usage:
    .venv/bin/python benchmarks/bench_views.py                     # 10,000 documents
    .venv/bin/python benchmarks/bench_views.py --count 1000 --timeout 120
    .venv/bin/python benchmarks/bench_views.py --store out/bench-stores/build10k-copy   # an existing store

The corpus comes from benchmarks/generate_corpus.py into out/bench-views/
and is built with `ofsted-kg build` (both reused when present); with --store
an existing store is opened read-only instead and its documents are counted.
Results go to benchmarks/results/views-<time>.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
WORK = REPO / "out" / "bench-views"

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from ofsted_kg.graph.views import ViewRequest, render  # noqa: E402
from ofsted_kg.graph.views.browser import CHROMIUM, block_outside, chromium  # noqa: E402
from ofsted_kg.graph.views.facts import read_facts  # noqa: E402
from ofsted_kg.graph.views.project import detailed  # noqa: E402

REDRAW = """(expr) => { const net = eval(expr); const t = []; for (let i = 0; i < 5; i++) {
  const s = performance.now(); net.redraw(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); return t[2]; }"""


def ensure_store(count: int) -> Path:
    corpus, store = WORK / f"corpus-{count}", WORK / f"store-{count}"
    if not corpus.is_dir() or len(list(corpus.iterdir())) < count:
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--count", str(count), "--out", str(corpus)],
                       check=True)
    if not store.is_dir():
        subprocess.run([str(REPO / ".venv" / "bin" / "ofsted-kg"), "build", "-q", "--store", str(store), str(corpus)],
                       check=False)
    return store


def naive_page(store: ox.Store, output: Path, limit_s: float) -> dict:
    """Every node, default options: the way pyvis is usually used. pyvis's add_node and add_edge check
    membership in lists (quadratic); past `limit_s` the rest is appended to pyvis's own lists directly,
    giving the same page, and the render time is reported as unfinished."""
    from pyvis.network import Network

    start = time.perf_counter()
    graph = detailed(read_facts(store)).graph
    net = Network(directed=True, cdn_resources="in_line")
    ids = {node: i for i, node in enumerate(graph.nodes)}
    finished = True
    for node, data in graph.nodes(data=True):
        if finished and time.perf_counter() - start > limit_s:
            finished = False
        if finished:
            net.add_node(ids[node], label=data["label"], title=data.get("title", ""))
        else:
            net.nodes.append({"id": ids[node], "label": data["label"], "title": data.get("title", ""),
                              "shape": "dot", "color": "#97c2fc", "font": {"color": "black"}, "size": 10})
            net.node_ids.append(ids[node])
    for a, b, data in graph.edges(data=True):
        if finished and time.perf_counter() - start > limit_s:
            finished = False
        if finished:
            net.add_edge(ids[a], ids[b], title=data.get("relation", ""))
        else:
            net.edges.append({"from": ids[a], "to": ids[b], "title": data.get("relation", ""), "arrows": "to"})
    net.write_html(str(output))
    return {"render_s": time.perf_counter() - start if finished else None, "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(), "html_mib": output.stat().st_size / 2**20,
            "render_note": "" if finished else f"pyvis add_node/add_edge unfinished after {limit_s:.0f} s"}


def our_page(store: ox.Store, output: Path) -> dict:
    start = time.perf_counter()
    page = render(store, ViewRequest())
    output.write_text(page.html, encoding="utf-8")
    return {"render_s": time.perf_counter() - start, "nodes": page.nodes, "edges": page.edges,
            "html_mib": output.stat().st_size / 2**20, "physics_at_start": page.physics}


def open_and_wait(browser, html: Path, stable_expr: str, network_expr: str, timeout_s: float) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    block_outside(context, outside)
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        loaded = stable = redraw = None
        try:
            page.wait_for_load_state("load", timeout=timeout_s * 1000)
            loaded = time.perf_counter() - start
            left = max(timeout_s - loaded, 1)
            page.wait_for_function(stable_expr, timeout=left * 1000, polling=100)
            stable = time.perf_counter() - start
            redraw = page.evaluate(REDRAW, network_expr)  # only once settled: a busy page would block here
        except PlaywrightTimeout:
            pass
        return {"load_s": loaded, "load_to_stable_s": stable, "redraw_ms": redraw,
                "blocked_requests": sorted(set(outside))}
    finally:
        context.close()


def fmt(value, unit: str = "s") -> str:
    """A figure, or what happened instead."""
    return "not within the timeout" if value is None else f"{value:.2f} {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--store", type=Path,
                        help="an existing store to open read-only (documents counted from it; --count is ignored)")
    parser.add_argument("--render-limit", type=float, default=300,
                        help="seconds to let pyvis add nodes and edges one by one in the naive render (default 300)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds to wait for a page to settle (default 180)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is absent: install Debian's chromium", file=sys.stderr)
        return 2
    if args.store and not args.store.is_dir():
        print(f"{args.store}: no store there", file=sys.stderr)
        return 2
    store_dir = args.store or ensure_store(args.count)
    store = ox.Store.read_only(str(store_dir))
    documents = int(next(iter(store.query(
        "SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/ofsted-kg/ontology#Document> } }")))["n"].value)
    print(f"store {store_dir}: {documents} documents, {len(store)} quads")
    WORK.mkdir(parents=True, exist_ok=True)
    ours_html, naive_html = WORK / f"ours-{documents}.html", WORK / f"naive-{documents}.html"
    ours = our_page(store, ours_html)
    naive = naive_page(store, naive_html, args.render_limit)
    with chromium() as browser:
        ours.update(open_and_wait(browser, ours_html, "() => window.ofstedView && window.ofstedView.stable",
                                  "window.ofstedView.network", args.timeout))
        naive.update(open_and_wait(browser, naive_html,
                                   "() => typeof network !== 'undefined' && network.physics.stabilized === true",
                                   "network", args.timeout))
    rows = [("documents in store", str(documents), ""),
            ("nodes drawn", str(ours["nodes"]), str(naive["nodes"])),
            ("edges drawn", str(ours["edges"]), str(naive["edges"])),
            ("render (Python)", fmt(ours["render_s"]),
             fmt(naive["render_s"]) if naive["render_s"] else naive["render_note"]),
            ("HTML size", f"{ours['html_mib']:.1f} MiB", f"{naive['html_mib']:.1f} MiB"),
            ("page load event", fmt(ours["load_s"]), fmt(naive["load_s"])),
            ("load to stable", fmt(ours["load_to_stable_s"]), fmt(naive["load_to_stable_s"])
             + (f" ({args.timeout:.0f} s)" if naive["load_to_stable_s"] is None else "")),
            ("one redraw (median of 5)", fmt(ours["redraw_ms"], "ms"), fmt(naive["redraw_ms"], "ms")),
            ("requests blocked", str(len(ours["blocked_requests"])), str(len(naive["blocked_requests"])))]
    print(f"{'':28}{'ofsted-kg view':>24}{'naive pyvis':>46}")
    for name, a, b in rows:
        print(f"{name:28}{a:>24}{b:>46}")
    for key in ("render_s", "load_to_stable_s", "redraw_ms"):
        if ours.get(key) and naive.get(key):
            print(f"ratio naive/ours {key}: {naive[key] / ours[key]:.1f}x")
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = RESULTS / f"views-{time.strftime('%Y%m%d-%H%M%S')}.json"
    result.write_text(json.dumps({"store": str(store_dir), "documents": documents, "ours": ours, "naive": naive},
                                 indent=2))
    print(f"results: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
