"""Benchmark `build` over a generated corpus (default 10,000 articles): documents
per second, peak memory, and the time spent in extraction (read + extract),
mapping (to N-Triples), validation and storing, side by side with a baseline run
so the figures are ratios.

Usage:
    .venv/bin/python benchmarks/bench_build.py                       # 10,000 articles, baseline: serial
    .venv/bin/python benchmarks/bench_build.py --count 2000 --baseline batch1 --baseline-count 500
    .venv/bin/python benchmarks/bench_build.py --baseline none

The corpus is made by benchmarks/generate_corpus.py into out/bench-corpus-N
(reused when it is already there). Each run builds a fresh store in its own
process; peak memory is the high-water mark of the resident set of that
process and its worker processes together, sampled every 50 ms from /proc,
and each process's own high-water mark (getrusage) is reported beside it.

Baselines: `serial` is the same build in one process (workers=1);
`batch1` is one document per validation run and per transaction (workers=1,
batch_size=1), the naive way. Target: 10,000 in under 120 s, under 1 GiB.
Results go to benchmarks/results/build-<time>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
TARGET_SECONDS, TARGET_MIB = 120.0, 1024.0
BASELINES = {"serial": {"workers": 1}, "batch1": {"workers": 1, "batch_size": 1}}


def run_one(corpus: Path, store_dir: Path, options: dict) -> dict:
    """In the child process: one build, with its report's timings."""
    import resource

    from ofsted_kg.graph.build import build
    from ofsted_kg.graph.store import open_store

    store = open_store(store_dir)
    start = time.perf_counter()
    report = build(store, [corpus], **options)
    wall = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    self_kib, children_kib = own.ru_maxrss, children.ru_maxrss
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return {"wall": wall, "loaded": len(report.loaded), "rejected": len(report.rejected),
            "first_rejections": [r.line() for r in report.rejected[:3]], "warnings": len(report.warnings),
            "timings": report.timings, "workers": report.workers, "quads": len(store),
            "cpu_seconds": cpu, "self_peak_mib": self_kib / 1024, "worker_peak_mib": children_kib / 1024}


def _tree_rss_kib(pid: int) -> int:
    """Resident set of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(name: str, corpus: Path, store_dir: Path, options: dict, limit: int | None) -> dict:
    """A fresh store, one child process; the child's JSON plus the sampled peak of its process tree."""
    shutil.rmtree(store_dir, ignore_errors=True)
    if limit is not None:  # a subset of the corpus, linked into a folder of its own
        subset = corpus.parent / f"{corpus.name}-first{limit}"
        if not subset.is_dir() or len(list(subset.iterdir())) != limit:
            shutil.rmtree(subset, ignore_errors=True)
            subset.mkdir(parents=True)
            for path in sorted(corpus.iterdir())[:limit]:
                (subset / path.name).symlink_to(path.resolve())
        corpus = subset
    code = ("import json, sys; sys.path.insert(0, %r); from bench_build import run_one; from pathlib import Path; "
            "print('RESULT ' + json.dumps(run_one(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3]))))"
            % str(HERE))
    print(f"[{name}] building {corpus} with {options or 'defaults'} ...", flush=True)
    proc = subprocess.Popen([sys.executable, "-c", code, str(corpus), str(store_dir), json.dumps(options)],
                            stdout=subprocess.PIPE, text=True, cwd=REPO)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        time.sleep(0.05)
    output = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"[{name}] build failed with exit code {proc.returncode}")
    result = json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])
    result |= {"name": name, "options": options, "tree_peak_mib": peak / 1024,
               "docs_per_s": result["loaded"] / result["wall"]}
    return result


def table(runs: list[dict]) -> str:
    rows = [("documents loaded", lambda r: f"{r['loaded']}"),
            ("rejected", lambda r: f"{r['rejected']}"),
            ("worker processes", lambda r: f"{r['workers']}"),
            ("wall seconds", lambda r: f"{r['wall']:.1f}"),
            ("documents per second", lambda r: f"{r['docs_per_s']:.1f}"),
            ("CPU seconds (all processes)", lambda r: f"{r['cpu_seconds']:.1f}"),
            ("CPU ms per document", lambda r: f"{1000 * r['cpu_seconds'] / max(1, r['loaded']):.1f}"),
            ("peak MiB (process tree)", lambda r: f"{r['tree_peak_mib']:.0f}"),
            ("peak MiB (main / largest worker)", lambda r: f"{r['self_peak_mib']:.0f} / {r['worker_peak_mib']:.0f}"),
            ("quads in store", lambda r: f"{r['quads']}")]
    rows += [(f"{stage} CPU s (ms/doc)", lambda r, s=stage: f"{r['timings'][s]:.1f} ({1000 * r['timings'][s] / max(1, r['loaded'] + r['rejected']):.2f})")
             for stage in runs[0]["timings"]]
    width = max(len(label) for label, _ in rows)
    lines = [f"{'':{width}}  " + "  ".join(f"{r['name']:>18}" for r in runs)]
    for label, cell in rows:
        lines.append(f"{label:{width}}  " + "  ".join(f"{cell(r):>18}" for r in runs))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="articles in the corpus (default 10000)")
    parser.add_argument("--corpus", type=Path, help="an existing folder of articles (default: generate out/bench-corpus-N)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the generated corpus")
    parser.add_argument("--batch-size", type=int, help="batch size of the measured build (default: build's own)")
    parser.add_argument("--workers", type=int, help="worker processes of the measured build (default: build's own)")
    parser.add_argument("--baseline", choices=[*BASELINES, "none"], default="serial", help="baseline run (default serial)")
    parser.add_argument("--baseline-count", type=int, help="build only the first N articles in the baseline run")
    parser.add_argument("--stores", type=Path, default=REPO / "out" / "bench-stores", help="where the stores are built")
    args = parser.parse_args(argv)

    corpus = args.corpus or REPO / "out" / f"bench-corpus-{args.count}"
    if args.corpus is None and not (corpus.is_dir() and len(list(corpus.iterdir())) == args.count):
        sys.path.insert(0, str(HERE))
        from generate_corpus import generate_corpus

        start = time.perf_counter()
        generate_corpus(args.count, corpus, args.seed)
        print(f"generated {args.count} articles into {corpus} in {time.perf_counter() - start:.1f} s")
    options = {k: v for k, v in (("batch_size", args.batch_size), ("workers", args.workers)) if v is not None}
    runs = [measure("build", corpus, args.stores / "build", options, None)]
    if args.baseline != "none":
        baseline = BASELINES[args.baseline] | ({"batch_size": args.batch_size}
                                                if args.batch_size and args.baseline == "serial" else {})
        runs.append(measure(f"baseline:{args.baseline}", corpus, args.stores / "baseline", baseline,
                            args.baseline_count))
    print()
    print(table(runs))
    main_run = runs[0]
    if len(runs) > 1:
        print(f"\nspeed-up over {runs[1]['name']}: {main_run['docs_per_s'] / runs[1]['docs_per_s']:.2f}x documents "
              f"per second; peak memory ratio {main_run['tree_peak_mib'] / runs[1]['tree_peak_mib']:.2f}")
    projected = 10_000 / main_run["docs_per_s"]
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work slows wall time)")
    print(f"target: 10,000 documents in {TARGET_SECONDS:.0f} s and {TARGET_MIB:.0f} MiB -> "
          f"{projected:.0f} s ({'met' if projected <= TARGET_SECONDS else 'MISSED'}), "
          f"{main_run['tree_peak_mib']:.0f} MiB ({'met' if main_run['tree_peak_mib'] <= TARGET_MIB else 'MISSED'})")
    if main_run["rejected"]:
        print("first rejections:", *main_run["first_rejections"], sep="\n  ")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"build-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"corpus": str(corpus), "cpu_count": os.cpu_count(), "runs": runs}, indent=2))
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
