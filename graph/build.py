"""Building a store from files: read and extract each document, map it to its
named graph, validate, and replace the stored graphs in one transaction per
batch. A document that cannot be read or fails validation is reported and
not written; the rest of the batch still loads.

Reading, extraction, mapping and validation need no store, so for large
builds they run in worker processes, a batch at a time, and hand back each
good graph as N-Triples text; this process only writes, batch by batch in
the order of the files, so a killed build leaves every document's old or new
graph, never a mix."""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import pyoxigraph as ox

from ..loaders.model import DocumentError
from ..loaders.pipeline import analyse
from ..loaders.read import READERS
from . import iris
from .mapping import document_ntriples
from .reference import council_records, gazetteer
from .store import ensure_reference, graphs_named_many, write_graphs_nt
from .validate_fast import validate_batch

STAGES = ("extraction", "mapping", "validation", "storing")  # mapping writes N-Triples directly


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
    # CPU seconds spent in each of STAGES, summed over processes (extraction = read + extract): CPU, not
    # wall time, so the split stays true when other work shares the machine.
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    workers: int = 1


@dataclass
class Prepared:
    """One document made ready to store: its graph as N-Triples, or why it is rejected."""

    path: Path
    name: str | None = None
    triples: str = ""
    warnings: list[str] = field(default_factory=list)
    rejected: str | None = None


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


def prepare_batch(paths: list[Path]) -> tuple[list[Prepared], dict[str, float]]:
    """Read, extract, map and validate a batch of files (no store needed): one Prepared per file, in order."""
    timings = dict.fromkeys(STAGES, 0.0)
    councils = {r.gss: r for r in council_records()}
    gaz = gazetteer()
    prepared: list[Prepared] = []
    mapped: list[tuple[Prepared, str]] = []  # each document with its graph as N-Triples
    for path in paths:
        start = time.process_time()
        try:
            doc, facts = analyse(path, gaz)
        except DocumentError as exc:
            prepared.append(Prepared(path, rejected=str(exc)))
            continue
        finally:
            timings["extraction"] += time.process_time() - start
        start = time.process_time()
        item = Prepared(path, name=str(iris.document(doc.sha256)))
        mapped.append((item, document_ntriples(doc, facts, councils)))
        prepared.append(item)
        timings["mapping"] += time.process_time() - start
    start = time.process_time()
    problems = validate_batch([(item.name, triples) for item, triples in mapped]) if mapped else {}
    timings["validation"] += time.process_time() - start
    for item, triples in mapped:
        violations = [p for p in problems[item.name] if p.is_violation]
        if violations:
            item.rejected = (f"does not conform to the shapes: {violations[0].line()}"
                             + (f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""))
        else:
            item.warnings = [f"{item.path}: {p.line()}" for p in problems[item.name]]
            item.triples = triples
    return prepared, timings


def _batches(files: list[Path], size: int) -> Iterator[list[Path]]:
    for i in range(0, len(files), size):
        yield files[i:i + size]


def _exit_with_parent(parent: int) -> None:
    """Worker initialiser: end this worker when the building process dies (even by SIGKILL)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _prepared_in_workers(files: list[Path], batch_size: int, workers: int
                         ) -> Iterator[tuple[list[Prepared], dict[str, float]]]:
    """prepare_batch over the batches in `workers` processes, results in file order, a few batches ahead."""
    context = get_context("spawn")  # no fork: children must not inherit the open store's lock
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_exit_with_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[Future] = deque()
        for batch in _batches(files, batch_size):
            pending.append(pool.submit(prepare_batch, batch))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def default_workers(files: int, batch_size: int) -> int:
    """Worker processes worth starting: none for a few batches (starting one costs about a second)."""
    if files < 4 * batch_size:
        return 1
    return max(1, min(os.cpu_count() or 1, files // batch_size))


def build(store: ox.Store, paths: Iterable[Path], *, batch_size: int = 200, workers: int | None = None,
          progress: Callable[[Path], None] | None = None) -> BuildReport:
    """Load the files (and folders' files) into the store, one transaction per batch of `batch_size`.

    `workers` processes read, extract, map and validate (default: one per core for large builds, none for
    small ones); this process writes. Workers are spawned, so a script that calls build() with workers
    must keep its top level under `if __name__ == "__main__":` (Python's rule for multiprocessing)."""
    ensure_reference(store)
    files = collect_files(paths)
    report = BuildReport()
    report.workers = default_workers(len(files), batch_size) if workers is None else max(1, workers)
    if report.workers > 1:
        results = _prepared_in_workers(files, batch_size, report.workers)
    else:
        results = (prepare_batch(batch) for batch in _batches(files, batch_size))
    for prepared, timings in results:
        for stage, seconds in timings.items():
            report.timings[stage] += seconds
        start = time.process_time()
        good = []
        for item in prepared:
            if progress:
                progress(item.path)
            if item.rejected is not None:
                report.rejected.append(Rejected(item.path, item.rejected))
            else:
                good.append(item)
                report.loaded.append(item.path)
                report.warnings += item.warnings
        earlier = graphs_named_many(store, {item.path.name for item in good})
        stale = [(old, "") for item in good for old in earlier.get(item.path.name, []) if old != item.name]
        write_graphs_nt(store, stale + [(item.name, item.triples) for item in good])
        report.timings["storing"] += time.process_time() - start
    return report
