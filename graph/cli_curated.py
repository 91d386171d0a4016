"""`ofsted-kg add` and `ofsted-kg remove`: curated data in and out of the store
(the logic is in graph/curated.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import StoreOption, app, err, fail, opened, out


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Curated RDF files (.ttl .trig .nt .nq .jsonld); `<>` in a file is the file itself.")],
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Report problems as text, json or turtle.")] = "text",
    input_format: Annotated[Optional[str], typer.Option("--input-format", "-i", help="Syntax of the files when the extension does not say: turtle, trig, nt, nquads, jsonld, xml.")] = None,
) -> None:
    """Add curated data files to the store, each as its own named graph with its provenance, only if all conform.

    Adding a file of the same name again replaces it. Exit 0 added, 1 does not conform (nothing written),
    2 a file cannot be read (nothing written)."""
    from .curated import add_files
    from .validate import ReadError
    from .validate_report import REPORT_FORMATS, render, render_text

    if fmt not in REPORT_FORMATS:
        raise fail(f"error: unknown report format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}", 2)
    db = opened(store, create=True)
    try:
        report = add_files(db, files, input_format)
    except ReadError as exc:
        raise fail(f"error: {exc}; nothing was added", 2)
    outcome = report.outcome
    if not report.written:
        sys.stdout.write(render(outcome, fmt))
        raise fail(f"error: nothing was added: {outcome.violations} violation(s) must be fixed first", 1)
    if outcome.all_problems:
        err.print(render_text(outcome).rstrip("\n"), markup=False, soft_wrap=True)
    for added in report.added:
        replaced = f", replacing {', '.join(added.replaced)}" if added.replaced else ""
        out.print(f"added {added.path} as {added.graph}{replaced}", markup=False, soft_wrap=True)


@app.command()
def remove(
    graph: Annotated[str, typer.Argument(help="A document or curated graph IRI, or the file name it was read from.")],
    store: StoreOption = None,
) -> None:
    """Take a document or curated file back out of the store (one transaction)."""
    from .curated import CuratedError, remove as remove_graph

    try:
        removed = remove_graph(opened(store), graph)
    except CuratedError as exc:
        raise fail(f"error: {exc}", 1)
    for name in removed:
        out.print(f"removed {name}", markup=False, soft_wrap=True)
