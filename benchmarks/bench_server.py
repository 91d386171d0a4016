"""Load benchmark of `ofsted-kg serve`: N concurrent clients for a bounded time against a
store built from many documents, side by side with
  (a) `oxigraph serve-read-only` (the `oxigraph` package) on a copy of the same store: the
      engine's own ceiling; the target is within 1.5x of its throughput;
  (b) rdflib's own SPARQL engine on the same quads (the floor), in a process of its own.
Every server gets the same query texts (PREFIX lines and parameters written in, so no
server-side conveniences are used). Prints throughput, p50/p99 latency and peak server
memory (RSS of the server and its workers), and writes benchmarks/results/bench_server.json.

Usage:
    .venv/bin/python benchmarks/bench_server.py --count 10000            # generate, build, measure
    .venv/bin/python benchmarks/bench_server.py --store out/bench-store  # an existing store
Options: --clients 8 --seconds 20 --rdflib-seconds 60 --skip-rdflib
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = REPO / "benchmarks" / "results"

from ofsted_kg.graph.namespaces import sparql_prefixes  # noqa: E402
from ofsted_kg.graph.query import bind_params, named_queries  # noqa: E402

# (named query, parameters) mixes; councils vary per request
COUNCIL_QUERIES = ["latest-grades", "documents-mentioning", "inspections", "people-by-council"]
COUNCILS = ["Kent", "Liverpool", "Halton", "Warrington", "North Yorkshire", "Southend-on-Sea", "Cumberland",
            "North Lincolnshire", "Sandwell", "Hartlepool", "Essex", "Leeds", "Bolton", "Croydon", "Medway"]


def query_texts(seed: int = 7, count: int = 300, directory: Path | None = None) -> list[tuple[str, str]]:
    """(label, full SPARQL text) pairs: named queries with a council bound, prefixes written in.
    `directory`: another queries/ folder (e.g. the SPARQL 1.1 library of an earlier commit)."""
    library = named_queries(directory) if directory else named_queries()
    rng, texts = random.Random(seed), []
    for _ in range(count):
        name, council = rng.choice(COUNCIL_QUERIES), rng.choice(COUNCILS)
        named = library[name]
        params = {**named.defaults, "council": council}
        texts.append((name, sparql_prefixes() + bind_params(named.sparql, params, list(named.params))))
    return texts


# ------------------------------------------------------------------ servers

def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, path: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path + "?" + urlencode({"query": "ASK {}"}))
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"no server on port {port}")


def rss_tree(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


# ------------------------------------------------------------------ load

def load(port: int, path: str, texts: list[tuple[str, str]], clients: int, seconds: float, pid: int) -> dict:
    """`clients` threads, each with a keep-alive connection, sending queries until time is up."""
    latencies: list[float] = []
    errors: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    peak = [rss_tree(pid)]

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = index
        while time.monotonic() < stop:
            _, text = texts[i % len(texts)]
            i += clients
            body = urlencode({"query": text})
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                status = -1
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors[status] = errors.get(status, 0) + 1

    def sample() -> None:
        while time.monotonic() < stop:
            peak[0] = max(peak[0], rss_tree(pid))
            time.sleep(0.25)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)] + [threading.Thread(target=sample)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    return summary(latencies, wall, errors, peak[0])


def summary(latencies: list[float], wall: float, errors: dict, peak: int) -> dict:
    ordered = sorted(latencies)
    pct = (lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan"))
    return {"queries": len(ordered), "qps": len(ordered) / wall if wall else 0.0, "p50_ms": pct(0.50),
            "p99_ms": pct(0.99), "errors": errors, "peak_rss_mb": peak / 2**20}


def run_ofsted(store: Path, texts, clients: int, seconds: float, workers: int) -> dict:
    port = free_port()
    process = subprocess.Popen([str(BIN / "ofsted-kg"), "serve", "--store", str(store), "--port", str(port), "--quiet",
                                "--timeout", "120", "--max-rows", "0", "--workers", str(workers)])
    try:
        wait_ready(port, "/sparql")
        load(port, "/sparql", texts[:20], 2, 3, process.pid)  # warm the caches, as for the others
        return load(port, "/sparql", texts, clients, seconds, process.pid)
    finally:
        process.terminate()
        process.wait(30)


def run_oxigraph(store: Path, texts, clients: int, seconds: float) -> dict | None:
    binary = BIN / "oxigraph"
    if not binary.exists():
        print("oxigraph server: not installed (pip install 'oxigraph>=0.5,<0.6'); skipped")
        return None
    copy = store.parent / (store.name + "-oxigraph-copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    port = free_port()
    process = subprocess.Popen([str(binary), "serve-read-only", "--location", str(copy), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, "/query")
        load(port, "/query", texts[:20], 2, 3, process.pid)
        return load(port, "/query", texts, clients, seconds, process.pid)
    finally:
        process.terminate()
        process.wait(30)
        shutil.rmtree(copy, ignore_errors=True)


def rdflib_worker(nquads: str, texts, seconds: float, out) -> None:
    from rdflib import Dataset
    began = time.monotonic()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    out.put(("loaded", time.monotonic() - began, len(dataset)))
    stop = time.monotonic() + seconds
    for _, text in texts:
        if time.monotonic() >= stop:
            break
        started = time.perf_counter()
        list(dataset.query(text))
        out.put(("query", time.perf_counter() - started))


def run_rdflib(store: Path, texts, seconds: float, load_limit: float = 600) -> dict:
    """rdflib's engine in one process (it holds the GIL: one client is all it can serve).
    A load that takes longer than `load_limit` seconds is stopped and reported as such."""
    import pyoxigraph as ox
    nquads = store.parent / "bench-server-dump.nq"
    dumped = time.monotonic()
    ox.Store.read_only(str(store)).dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    print(f"rdflib: dumped the store to N-Quads ({nquads.stat().st_size / 2**20:.0f} MiB) in "
          f"{time.monotonic() - dumped:.0f} s; loading it into an rdflib Dataset", flush=True)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    process = context.Process(target=rdflib_worker, args=(str(nquads), texts, seconds, out))
    process.start()
    latencies, loaded, peak = [], None, 0
    started = time.monotonic()
    deadline = started + seconds + load_limit
    began = None
    while time.monotonic() < deadline and process.is_alive():
        peak = max(peak, rss_tree(process.pid))
        try:
            message = out.get(timeout=0.5)
        except Exception:
            if began and time.monotonic() - began > seconds + 5:
                break  # a query still running past the budget: stop it
            continue
        if message[0] == "loaded":
            loaded, began = message[1:], time.monotonic()
        else:
            latencies.append(message[1])
    process.kill()
    process.join()
    nquads.unlink(missing_ok=True)
    result = summary(latencies, seconds, {}, peak)
    result["load_s"], result["quads"] = (loaded or (None, None))
    result["waited_s"] = time.monotonic() - started
    return result


# ------------------------------------------------------------------ main

def build_store(count: int, root: Path) -> Path:
    corpus, store = root / "corpus", root / "store"
    if store.exists() and (root / f"built-{count}").exists():
        return store
    shutil.rmtree(store, ignore_errors=True)
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate_corpus.py"), "--count", str(count),
                    "--out", str(corpus)], check=True)
    subprocess.run([str(BIN / "ofsted-kg"), "build", "--quiet", "--store", str(store), str(corpus)])
    (root / f"built-{count}").touch()
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store (else one is built from --count documents)")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=0, help="ofsted-kg serve --workers (0: its default)")
    parser.add_argument("--rdflib-seconds", type=float, default=60)
    parser.add_argument("--rdflib-load-limit", type=float, default=600,
                        help="seconds to let rdflib load the quads before giving up (default 600)")
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args()
    store = args.store or build_store(args.count, REPO / "out" / "bench-server")
    texts = query_texts()
    import pyoxigraph as ox
    quads = len(ox.Store.read_only(str(store)))
    print(f"store {store}: {quads} quads; {args.clients} clients for {args.seconds:g} s; "
          f"queries: {', '.join(COUNCIL_QUERIES)} with a council bound; {os.cpu_count()} cores")
    results = {"ofsted-kg serve": run_ofsted(store, texts, args.clients, args.seconds, args.workers)}
    oxigraph = run_oxigraph(store, texts, args.clients, args.seconds)
    if oxigraph:
        results["oxigraph serve-read-only"] = oxigraph
    if not args.skip_rdflib:
        # rdflib has no LATERAL (SPARQL 1.2): it answers the same questions as the library
        # stood before it was tuned for Oxigraph, in plain SPARQL 1.1
        import tempfile
        from bench_queries import BASELINE_COMMIT, baseline_files
        with tempfile.TemporaryDirectory() as tmp:
            plain = query_texts(directory=baseline_files(BASELINE_COMMIT, Path(tmp)))
        results["rdflib engine (1 client)"] = run_rdflib(store, plain, args.rdflib_seconds, args.rdflib_load_limit)
    print(f"{'server':28} {'queries':>8} {'q/s':>8} {'p50 ms':>9} {'p99 ms':>9} {'peak MB':>8}  errors")
    for name, r in results.items():
        print(f"{name:28} {r['queries']:8d} {r['qps']:8.1f} {r['p50_ms']:9.1f} {r['p99_ms']:9.1f} "
              f"{r['peak_rss_mb']:8.0f}  {r['errors'] or ''}")
    if oxigraph and oxigraph["qps"]:
        ratio = oxigraph["qps"] / results["ofsted-kg serve"]["qps"] if results["ofsted-kg serve"]["qps"] else float("inf")
        print(f"oxigraph serve / ofsted-kg serve throughput: {ratio:.2f}x (target: at most 1.5x)")
    rd = results.get("rdflib engine (1 client)")
    if rd and rd["load_s"] is None:
        print(f"rdflib: the load did not finish; stopped after {rd['waited_s']:.0f} s "
              f"at {rd['peak_rss_mb']:.0f} MB resident; no queries run")
    elif rd:
        print(f"rdflib: loaded {rd['quads']} quads in {rd['load_s']:.0f} s; "
              f"{rd['queries']} queries finished in {args.rdflib_seconds:g} s")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_server.json").write_text(json.dumps({"store": str(store), "quads": quads, "clients": args.clients,
                                                           "seconds": args.seconds, "results": results}, indent=2))


if __name__ == "__main__":
    main()
