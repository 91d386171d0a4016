"""Building a store from files: read and extract each document, map it to its
named graph, validate, and replace the stored graphs in one transaction per
batch. A document that cannot be read or fails validation is reported and
not written; the rest of the batch still loads."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..loaders.model import DocumentError
from ..loaders.pipeline import analyse
from ..loaders.read import READERS
from . import iris
from .mapping import document_graph
from .reference import council_records, gazetteer
from .store import ensure_reference, graphs_named, replace_graphs
from .validate import validate_graphs


@dataclass
class Rejected:
    path: Path
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class BuildReport:
    loaded: list[Path] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files given, and the readable files under folders given (hidden files skipped), sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts) and p.suffix.lower() in READERS)
        else:
            files.append(path)
    return files


def build(store: ox.Store, paths: Iterable[Path], *, batch_size: int = 200,
          progress: Callable[[Path], None] | None = None) -> BuildReport:
    ensure_reference(store)
    report = BuildReport()
    councils = {r.gss: r for r in council_records()}
    gaz = gazetteer()
    batch: list[tuple[Path, str, Graph]] = []

    def flush() -> None:
        if not batch:
            return
        problems = validate_graphs([(name, g) for _, name, g in batch])
        good = []
        for path, name, g in batch:
            violations = [p for p in problems[name] if p.is_violation]
            if violations:
                report.rejected.append(Rejected(path, f"does not conform to the shapes: {violations[0].line()}"
                                                + (f" (and {len(violations) - 1} more)" if len(violations) > 1 else "")))
            else:
                good.append((path, name, g))
                report.loaded.append(path)
                report.warnings += [f"{path}: {p.line()}" for p in problems[name]]
        stale = [(old, Graph()) for path, name, _ in good for old in graphs_named(store, path.name) if old != name]
        replace_graphs(store, stale + [(name, g) for _, name, g in good])
        batch.clear()

    for path in collect_files(paths):
        if progress:
            progress(path)
        try:
            doc, facts = analyse(path, gaz)
        except DocumentError as exc:
            report.rejected.append(Rejected(path, str(exc)))
            continue
        batch.append((path, str(iris.document(doc.sha256)), document_graph(doc, facts, councils)))
        if len(batch) >= batch_size:
            flush()
    flush()
    return report
