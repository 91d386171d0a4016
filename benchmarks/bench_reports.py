"""Benchmark: `build` over the report PDFs. Prints pages per second and where
the time goes (PDF text extraction vs. the rest: extraction, mapping,
validation, store), with pypdf's text extraction side by side as a baseline
when it is installed. Run: .venv/bin/python benchmarks/bench_reports.py [DIR]"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from ofsted_kg.graph.build import build
from ofsted_kg.graph.store import open_store
from ofsted_kg.loaders import read_pdf

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "corpus" / "reports" / "docs"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        sys.exit(f"{folder}: no PDFs")
    pages = sum(len(pdfium.PdfDocument(p.read_bytes())) for p in pdfs)

    spent = {"pdf_text": 0.0, "tidy": 0.0}
    raw_pages, raw_tidy = read_pdf.pdf_pages, read_pdf.tidy_pages

    def timed_pages(data: bytes) -> list[str]:
        t = time.perf_counter()
        try:
            return raw_pages(data)
        finally:
            spent["pdf_text"] += time.perf_counter() - t

    def timed_tidy(texts: list[str]) -> str:
        t = time.perf_counter()
        try:
            return raw_tidy(texts)
        finally:
            spent["tidy"] += time.perf_counter() - t

    read_pdf.pdf_pages, read_pdf.tidy_pages = timed_pages, timed_tidy
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        start = time.perf_counter()
        report = build(store, pdfs)
        total = time.perf_counter() - start
    read_pdf.pdf_pages, read_pdf.tidy_pages = raw_pages, raw_tidy

    baseline = None
    try:
        import pypdf

        t = time.perf_counter()
        for p in pdfs:
            for page in pypdf.PdfReader(p).pages:
                page.extract_text()
        baseline = time.perf_counter() - t
    except ImportError:
        pass

    rest = total - spent["pdf_text"] - spent["tidy"]
    figures = {
        "documents": len(pdfs), "loaded": len(report.loaded), "pages": pages,
        "build_seconds": round(total, 2), "pages_per_second": round(pages / total, 1),
        "pdf_text_seconds": round(spent["pdf_text"], 2), "pdf_text_pages_per_second": round(pages / spent["pdf_text"], 1),
        "tidy_seconds": round(spent["tidy"], 2), "rest_seconds": round(rest, 2),
        "pdf_text_share": round(spent["pdf_text"] / total, 3),
        "pypdf_text_seconds": round(baseline, 2) if baseline else None,
        "pypdfium2_vs_pypdf": round(baseline / spent["pdf_text"], 1) if baseline else None,
    }
    for key, value in figures.items():
        print(f"{key:28} {value}")
    out = REPO / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_reports.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
