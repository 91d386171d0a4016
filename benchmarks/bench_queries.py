"""Time every named query on a (large) store, side by side with a baseline version of the
query library read from git (default: the library before the query-scale work, 51d3d3b),
and check that both give the same rows.

Each query runs as `ofsted-kg query` runs it (run_query: parameter checks, the council
lookup, binding, Oxigraph over the union graph) and all its rows are read. Queries run in one
worker process that keeps the store open; one that passes --timeout is stopped (the worker is
restarted) and shown as `>T`. The first run of each query warms the caches and is not
counted; the figure is the best of --repeat runs.

Usage:
    .venv/bin/python benchmarks/bench_queries.py --store out/bench-stores/q10k
    .venv/bin/python benchmarks/bench_queries.py --store out/store --baseline none --only judgements people
Results go to benchmarks/results/queries-<store name>.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
BASELINE_COMMIT = "51d3d3b"

# (label, named query, parameters); "{source}" and "{person}" are filled from the store
CASES: list[tuple[str, str, dict[str, str]]] = [
    ("councils", "councils", {}),
    ("judgements", "judgements", {}),
    ("people", "people", {}),
    ("initiatives", "initiatives", {}),
    ("statistics", "statistics", {}),
    ("sources", "sources", {}),
    ("council-graph", "council-graph", {"council": "Kent"}),
    ("council-history", "council-history", {"council": "Kent"}),
    ("councils-without-grades", "councils-without-grades", {}),
    ("document-facts", "document-facts", {"source": "{source}"}),
    ("documents-mentioning", "documents-mentioning", {"council": "Kent"}),
    ("findings area", "findings", {"area": "care-leavers"}),
    ("findings council", "findings", {"council": "Kent"}),
    ("grade-by-region", "grade-by-region", {}),
    ("grade-changes", "grade-changes", {}),
    ("grade-changes council", "grade-changes", {"council": "Kent"}),
    ("grade-disagreements", "grade-disagreements", {}),
    ("grade-disagreements council", "grade-disagreements", {"council": "Kent"}),
    ("initiatives-by-council", "initiatives-by-council", {}),
    ("initiatives-by-council council", "initiatives-by-council", {"council": "Kent"}),
    ("inspections", "inspections", {}),
    ("inspections council", "inspections", {"council": "Kent"}),
    ("judgement-evidence council", "judgement-evidence", {"council": "Kent"}),
    ("latest-grade-counts", "latest-grade-counts", {}),
    ("latest-grades", "latest-grades", {}),
    ("latest-grades council", "latest-grades", {"council": "Kent"}),
    ("people-by-council", "people-by-council", {}),
    ("people-by-council council", "people-by-council", {"council": "Kent"}),
    ("person", "person", {"name": "{person}"}),
    ("reconcile-comparisons council", "reconcile-comparisons", {"council": "Kent"}),
    ("reconcile-disagreements council", "reconcile-disagreements", {"council": "Kent"}),
    ("reconcile-official council", "reconcile-official", {"council": "Kent"}),
    ("reconcile-unrecorded council", "reconcile-unrecorded", {"council": "Kent"}),
    ("single-source-facts council", "single-source-facts", {"council": "Kent"}),
    ("statistics-by-measure council", "statistics-by-measure", {"council": "Kent"}),
    ("statistics-by-measure unit", "statistics-by-measure", {"unit": "percent"}),
]


def worker(store_path: str, inbox, outbox) -> None:
    """Keep the store open; run (sparql text or None, query file, params) requests."""
    import pyoxigraph as ox
    from ofsted_kg.graph.query import parse_header, run_query, term_text
    store = ox.Store.read_only(store_path)
    outbox.put("ready")
    while True:
        request = inbox.get()
        if request is None:
            return
        path, params = request
        named = parse_header(Path(path))
        started = time.perf_counter()
        try:
            result = run_query(store, named.sparql, params, named)
            if isinstance(result, bool):
                rows = [[str(result)]]
            elif hasattr(result, "variables"):
                columns = [v.value for v in result.variables]
                rows = [[term_text(s[c]) for c in columns] for s in result]
            else:
                rows = sorted(str(t) for t in result)
            seconds = time.perf_counter() - started
            digest = hashlib.sha256(json.dumps(sorted(rows)).encode()).hexdigest()[:12]
            outbox.put(("ok", seconds, len(rows), digest))
        except Exception as exc:  # a query error is a result to show, not a crash
            outbox.put(("error", time.perf_counter() - started, 0, str(exc)[:120]))


class Runner:
    """One worker process with the store open, restarted after a timeout."""

    def __init__(self, store: Path, timeout: float) -> None:
        self.store, self.timeout = store, timeout
        self.context = multiprocessing.get_context("spawn")
        self.process = None

    def start(self) -> None:
        self.inbox, self.outbox = self.context.Queue(), self.context.Queue()
        self.process = self.context.Process(target=worker, args=(str(self.store), self.inbox, self.outbox), daemon=True)
        self.process.start()
        self.outbox.get(timeout=600)

    def run(self, path: Path, params: dict[str, str]) -> tuple:
        if self.process is None or not self.process.is_alive():
            self.start()
        self.inbox.put((str(path), params))
        try:
            return self.outbox.get(timeout=self.timeout)
        except Exception:
            self.process.kill()
            self.process.join()
            self.process = None
            return ("timeout", self.timeout, 0, "")

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.inbox.put(None)
            self.process.join(10)


def baseline_files(commit: str, into: Path) -> Path:
    """The queries/ folder of `commit`, written into a temporary folder."""
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{commit}:queries"], cwd=REPO, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in names:
        text = subprocess.run(["git", "show", f"{commit}:queries/{name}"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout
        (into / name).write_text(text, encoding="utf-8")
    return into


def store_samples(store: Path) -> dict[str, str]:
    """A file name and a person's surname from the store, for the queries that need one."""
    import pyoxigraph as ox
    s = ox.Store.read_only(str(store))
    kg = "https://w3id.org/ofsted-kg/ontology#"
    source = next(iter(s.query(f"SELECT ?f WHERE {{ GRAPH ?g {{ ?d <{kg}fileName> ?f }} }} LIMIT 1")))["f"].value
    person = next(iter(s.query("SELECT ?n WHERE { ?p <https://schema.org/name> ?n } LIMIT 1",
                               use_default_graph_as_union=True)))["n"].value
    documents = next(iter(s.query(f"SELECT (COUNT(?d) AS ?n) WHERE {{ GRAPH ?g {{ ?d a <{kg}Document> }} }}")))["n"].value
    return {"source": source, "person": person.split()[-1], "documents": documents, "quads": str(len(s))}


def fmt(result: tuple | None) -> str:
    if result is None:
        return "-"
    status, seconds = result[0], result[1]
    return {"ok": f"{seconds:.3f}", "timeout": f">{seconds:.0f}"}.get(status, "error")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--baseline", default=BASELINE_COMMIT, help="a git commit, or none")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="labels or query names to run")
    args = parser.parse_args()
    samples = store_samples(args.store)
    cases = [c for c in CASES if not args.only or c[0] in args.only or c[1] in args.only]
    current_dir = REPO / "queries"
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = baseline_files(args.baseline, Path(tmp)) if args.baseline != "none" else None
        runner = Runner(args.store, args.timeout)
        rows, table = [], []
        print(f"store {args.store}: {samples['documents']} documents, {samples['quads']} quads; baseline {args.baseline}; best of {args.repeat} after a warm-up")
        print(f"{'query':34} {'rows':>7} {'baseline s':>11} {'now s':>8} {'ratio':>7}  same rows")
        for label, name, params in cases:
            params = {k: v.format(**samples) for k, v in params.items()}
            measured = {}
            for which, folder in (("baseline", base_dir), ("now", current_dir)):
                path = folder / f"{name}.rq" if folder else None
                if path is None or not path.exists():
                    measured[which] = None
                    continue
                runs = [runner.run(path, params)]
                while runs[-1][0] == "ok" and len(runs) <= args.repeat:
                    runs.append(runner.run(path, params))
                timed = runs[1:] if len(runs) > 1 else runs
                measured[which] = min(timed, key=lambda r: r[1])
            base, now = measured["baseline"], measured["now"]
            ratio = f"{base[1] / now[1]:.1f}x" if base and now and base[0] == now[0] == "ok" and now[1] else ""
            if base and base[0] == "timeout" and now and now[0] == "ok":
                ratio = f">{base[1] / now[1]:.0f}x"
            same = ("yes" if base[3] == now[3] else "NO") if base and now and base[0] == now[0] == "ok" else ""
            nrows = now[2] if now else 0
            if now and now[0] == "error":
                same = now[3]
            print(f"{label:34} {nrows:7d} {fmt(base):>11} {fmt(now):>8} {ratio:>7}  {same}", flush=True)
            table.append({"label": label, "query": name, "params": params, "rows": nrows,
                          "baseline": base and {"status": base[0], "seconds": base[1], "rows": base[2]},
                          "now": now and {"status": now[0], "seconds": now[1], "rows": now[2]}, "same_rows": same})
        runner.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"queries-{args.store.name}.json"
    out.write_text(json.dumps({"store": str(args.store), "documents": int(samples["documents"]),
                               "quads": int(samples["quads"]), "baseline": args.baseline,
                               "cases": table}, indent=2))
    print(f"written {out.relative_to(REPO)}")


if __name__ == "__main__":
    sys.exit(main())
