"""Benchmark `validate --store` on a store of about a million triples from
10,000 synthetic documents, side by side with the baseline: pyshacl run once
over the whole graph.

The documents are synthesised as loader Facts and mapped by graph/mapping.py,
so their triples have exactly the shape `build` writes (evidence, inspections,
judgements, people, statistics, findings, initiatives). Each measurement runs
in a fresh process so its peak memory (ru_maxrss) is its own.

    .venv/bin/python benchmarks/bench_validate.py [--docs 10000] [--runs baseline,store]
    .venv/bin/python benchmarks/bench_validate.py --existing out/bench-stores/build10k --timeout 1200

`--existing` measures a store `build` made (e.g. by benchmarks/bench_build.py from 10,000
generated articles) instead of the synthetic one. A run that passes `--timeout` seconds is
stopped and reported as such: pyshacl over millions of triples may not finish.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

AREAS = ["overall", "help-protection", "in-care", "leadership"]
GRADES = ["outstanding", "good", "requires-improvement", "inadequate"]
UNITS = ["percent", "weeks", "children", "staff"]
ROLES = ["director of children's services", "cabinet member for children", "chief executive", "social worker"]


def synth_graph(i: int, councils: list[str]):
    """One synthetic document's graph, mapped by graph/mapping.py (about 100 triples)."""
    from ofsted_kg.graph.mapping import document_graph
    from ofsted_kg.loaders.model import (CouncilMention, Document, Evidence, Finding, Initiative, Judgement,
                                         PersonRole, Statistic)

    rng = random.Random(i)
    text = f"Synthetic article {i}. " + "Words about children's services. " * 40
    sha = f"{i:064x}"
    doc = Document(path=Path(f"bench-{i:05d}.txt"), text=text, sha256=sha, media_type="text/plain",
                   title=f"Article {i}", published=date(2019 + i % 5, 1 + i % 12, 1 + i % 28), publisher="Bench")
    gss = rng.choice(councils)
    year = 2018 + i % 6

    def ev() -> Evidence:
        start = rng.randrange(0, len(text) - 40)
        return Evidence(start, start + 30, text[start:start + 30])

    facts = [CouncilMention(gss, "Somewhere Council", ev()),
             CouncilMention(rng.choice(councils), "Elsewhere", ev())]
    for area in rng.sample(AREAS, 2):
        facts.append(Judgement(gss, area, rng.choice(GRADES), year, ev(), framework="ILACS"))
    facts.append(PersonRole(f"Person {i % 3000}", rng.choice(ROLES), "Somewhere Council", ev(), organisation_gss=gss))
    facts.append(Statistic(gss, float(rng.randrange(1, 99)), rng.choice(UNITS), "a measure", ev()))
    facts.append(Finding(gss, rng.choice(["strength", "area-for-improvement"]), f"Finding text {i}", ev(), area="in-care"))
    if i % 3 == 0:
        facts.append(Initiative(f"Initiative {i % 500}", gss, ev()))
    return str(doc_iri(sha)), document_graph(doc, facts, {})


def doc_iri(sha: str):
    from ofsted_kg.graph import iris

    return iris.document(sha)


def make_store(path: Path, docs: int) -> None:
    """A store of `docs` synthetic documents plus the reference graphs (kept between runs)."""
    import pyoxigraph as ox

    from ofsted_kg.graph.reference import council_records
    from ofsted_kg.graph.store import ensure_reference, open_store

    marker = path / "bench-docs.txt"
    if marker.exists() and marker.read_text().strip() == str(docs):
        return
    store = open_store(path)
    store.clear()
    ensure_reference(store)
    councils = [r.gss for r in council_records() if r.end is None]

    def term(t):
        from rdflib import BNode, Literal, URIRef

        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        assert isinstance(t, Literal)
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))

    quads = []
    for i in range(docs):
        name, g = synth_graph(i, councils)
        graph = ox.NamedNode(name)
        quads += [ox.Quad(term(s), term(p), term(o), graph) for s, p, o in g]
        if len(quads) > 200_000:
            store.extend(quads)
            quads = []
    store.extend(quads)
    store.flush()
    marker.write_text(str(docs))


def measure(mode: str, path: Path) -> dict:
    """Run one mode in this process; return seconds, peak MB and the verdict."""
    from ofsted_kg.graph.store import open_store

    store = open_store(path, create=False)
    started = time.perf_counter()
    if mode == "baseline":
        from pyshacl import validate

        from ofsted_kg.graph.validate import shapes_graph, store_graph

        data = store_graph(store)
        loaded = time.perf_counter() - started
        conforms, _report, _text = validate(data, shacl_graph=shapes_graph(), inference="none", inplace=True,
                                            allow_warnings=True, advanced=True)
        violations = None
    else:
        from ofsted_kg.graph.validate import validate_store

        loaded = None
        from ofsted_kg.graph.read_only import open_read_only

        del store  # as `validate --store` does it: read-only, so no writer compacts under the check workers
        store = open_read_only(path)
        outcome = validate_store(store, path, with_report=False)  # as `validate --store` prints text
        conforms, violations = outcome.conforms, outcome.violations
    seconds = time.perf_counter() - started
    return {"mode": mode, "seconds": round(seconds, 1), "load_seconds": round(loaded, 1) if loaded else None,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024), "conforms": conforms,
            "violations": violations, "triples": len(store)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", default="baseline,store")
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--existing", type=Path, default=None, help="measure this store instead of making one")
    parser.add_argument("--timeout", type=float, default=None, help="stop a run after this many seconds")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.existing or args.store or RESULTS / f"validate-store-{args.docs}"
    if args.child == "make":
        make_store(path, args.docs)
        return 0
    if args.child:
        print(json.dumps(measure(args.child, path)))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    # each step in its own process: RocksDB lets one process open the store
    if args.existing is None:
        subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--store", str(path), "--child", "make"],
                       check=True)
        print(f"store of {args.docs} documents ready in {time.perf_counter() - started:.1f} s: {path}", flush=True)
    rows = []
    for mode in args.runs.split(","):
        try:
            proc = subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--store", str(path),
                                   "--child", mode], capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{mode}: stopped after {args.timeout:.0f} s without a result", flush=True)
            rows.append({"mode": mode, "seconds": None, "stopped_after": args.timeout, "peak_mb": None,
                         "conforms": None, "violations": None, "triples": None})
            continue
        if proc.returncode != 0:
            print(f"{mode}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), flush=True)
    if rows:
        base = rows[0]
        print(f"\n{'mode':<10} {'triples':>9} {'seconds':>8} {'peak MB':>8} {'time x':>7} {'mem x':>6}  conforms")
        for row in rows:
            if row["seconds"] is None:
                print(f"{row['mode']:<10} {'':>9} {'>' + str(int(row['stopped_after'])):>8} (stopped)")
                continue
            ratio = (f"{row['seconds'] / base['seconds']:>7.2f} {row['peak_mb'] / base['peak_mb']:>6.2f}"
                     if base["seconds"] else f"{'<' + format(row['seconds'] / base['stopped_after'], '.3f'):>7} {'':>6}")
            print(f"{row['mode']:<10} {row['triples']:>9} {row['seconds']:>8} {row['peak_mb']:>8} {ratio}  "
                  f"{row['conforms']} ({row['violations']} violations)")
        name = args.existing.name if args.existing else str(args.docs)
        (RESULTS / f"bench_validate-{name}.json").write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
