"""Benchmark: milliseconds per document for the people, initiatives and statistics extractors, with the same
extractors at an earlier git revision side by side (the baseline), over the same documents and contexts.

Documents: the seeds and dev corpora (when ../shared is present) plus articles generated from our own examples
(benchmarks/generate_corpus.py). Best of three runs each. The machine is shared, so read the ratio, not the
absolute figures. Results go to benchmarks/results/bench_extract.json.

Run: .venv/bin/python benchmarks/bench_extract.py [--baseline REV] [--count N]
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.clean import body_spans
from ofsted_kg.loaders.extract import build_context
from ofsted_kg.loaders.read import read_document
from ofsted_kg.loaders.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
CORPORA = [REPO.parent / "shared" / "corpus" / name / "docs" for name in ("seeds", "dev")]
KINDS = ("people", "initiatives", "statistics")


def baseline_modules(rev: str, into: Path) -> dict[str, object]:
    """The extractors as they were at `rev`: its loaders/ unpacked as a package of its own."""
    package = into / "baseline_kg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "loaders"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(package)], input=archive.stdout, check=True)
    sys.path.insert(0, str(into))
    return {kind: importlib.import_module(f"baseline_kg.loaders.extract.{kind}") for kind in KINDS}


def best_ms(extract, contexts, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for ctx in contexts:
            extract(ctx)
        best = min(best, time.perf_counter() - started)
    return best / len(contexts) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD~1", help="git revision to compare with (default HEAD~1)")
    parser.add_argument("--count", type=int, default=1000, help="generated articles to add (default 1000)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate_corpus.py"), "--count", str(args.count),
                        "--out", str(generated)], check=True, capture_output=True)
        paths = [p for folder in CORPORA if folder.is_dir() for p in sorted(folder.iterdir())]
        paths += sorted(generated.iterdir())
        places = gazetteer()
        contexts = []
        for path in paths:
            doc = read_document(path)
            doc.body = body_spans(doc.text, doc.media_type)
            contexts.append(build_context(doc, places, split_sentences(doc.text, doc.body)))
        current = {kind: importlib.import_module(f"ofsted_kg.loaders.extract.{kind}") for kind in KINDS}
        baseline = baseline_modules(args.baseline, Path(tmp))
        rows = {}
        for kind in KINDS:
            before = best_ms(baseline[kind].extract, contexts)
            after = best_ms(current[kind].extract, contexts)
            rows[kind] = {"baseline_ms": round(before, 3), "ms": round(after, 3), "ratio": round(before / after, 2)}
            print(f"{kind:12s} baseline {before:6.2f} ms/doc   now {after:6.2f} ms/doc   {before / after:4.1f}x")
        before = sum(r["baseline_ms"] for r in rows.values())
        after = sum(r["ms"] for r in rows.values())
        print(f"{'all three':12s} baseline {before:6.2f} ms/doc   now {after:6.2f} ms/doc   {before / after:4.1f}x"
              f"   ({len(contexts)} documents, baseline {args.baseline})")
    results = REPO / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "bench_extract.json").write_text(json.dumps(
        {"baseline": args.baseline, "documents": len(contexts), "extractors": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
