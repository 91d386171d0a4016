"""The `ofsted-kg` command: a thin layer over the library. Each command parses
its options, calls one function, and turns typed errors into one line naming
the file and the problem with a meaningful exit code."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .store import StoreError, open_store, open_store_read_only, store_path

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="A knowledge graph of England's councils' children's services and Ofsted's findings.")
out = Console()
err = Console(stderr=True, highlight=False)

StoreOption = Annotated[Optional[Path], typer.Option("--store", help="Store folder (default: $OFSTED_KG_STORE, else out/store).")]


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(message, markup=False, soft_wrap=True)
    return typer.Exit(code)


def parse_params(items: Optional[list[str]]) -> dict[str, str]:
    """--param NAME=VALUE options as a dict; a malformed one is a usage error (exit 2)."""
    params = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise fail(f"error: --param {item!r}: expected NAME=VALUE", 2)
        params[key.strip()] = value
    return params


def opened(store: Optional[Path], *, create: bool = False, read_only: bool = False):
    try:
        if read_only:
            return open_store_read_only(store_path(store))
        return open_store(store_path(store), create=create)
    except StoreError as exc:
        raise fail(f"error: {exc}", 2)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of documents (.txt .md .html .pdf).")],
    store: StoreOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings.")] = False,
) -> None:
    """Read documents, extract their facts, validate them and store each in its own named graph."""
    from .build import build as build_store, collect_files
    from .stats import store_stats

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        err.print(f"{path}: no such file or folder", markup=False)
    db = opened(store, create=True)
    files = collect_files([p for p in paths if p.exists()])
    show = not quiet and sys.stderr.isatty()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show, transient=True) as progress:
        task = progress.add_task("reading", total=len(files))
        report = build_store(db, files, progress=lambda p: progress.update(task, advance=1, description=p.name[:40]))
    for rejected in report.rejected:
        err.print(rejected.line(), markup=False, soft_wrap=True)
    if not quiet:
        for warning in report.warnings[:20]:
            err.print(f"warning: {warning}", markup=False, soft_wrap=True)
        if len(report.warnings) > 20:
            err.print(f"... and {len(report.warnings) - 20} more warnings", markup=False)
    stats = store_stats(db)
    out.print(f"Loaded {len(report.loaded)} of {len(files) + len(missing)} documents into {store_path(store)}"
              + (f"; {len(report.rejected) + len(missing)} rejected" if report.rejected or missing else ""), markup=False)
    out.print(summary_line(stats), markup=False, soft_wrap=True)
    if report.rejected or missing:
        raise typer.Exit(1)


def summary_line(stats: dict[str, int]) -> str:
    keys = ["documents", "quads", "councils named", "inspections", "judgements", "people", "initiatives",
            "statistics", "findings"]
    return ", ".join(f"{stats[k]} {k}" for k in keys if k in stats)


@app.command()
def stats(store: StoreOption = None) -> None:
    """Count what the store holds."""
    from .stats import store_stats

    table = Table("what", "count")
    for key, value in store_stats(opened(store)).items():
        table.add_row(key, str(value))
    out.print(table)


@app.command("queries")
def list_queries() -> None:
    """List the named queries, one per line, with their parameters and descriptions."""
    from .query import named_queries

    for name, q in named_queries().items():
        params = "".join(f" --param {p}=..." if p in q.required else f" [--param {p}=...]" for p in q.params)
        out.print(f"{name}{params}  {q.description}", markup=False, soft_wrap=True)


@app.command()
def query(
    spec: Annotated[str, typer.Argument(help="A named query, a .rq file, or SPARQL text.")],
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json (SELECT); turtle, ntriples or jsonld (CONSTRUCT/DESCRIBE).")] = "table",
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE, bound safely into the query.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many rows (or triples).")] = None,
) -> None:
    """Run a SPARQL query over every graph in the store."""
    import pyoxigraph as ox

    from .query import QueryError, format_rows, format_triples, resolve_query, run_query, solutions_table

    params = parse_params(param)
    try:
        sparql, named = resolve_query(spec)
        result = run_query(opened(store), sparql, params, named)
        if isinstance(result, ox.QueryBoolean):
            out.print("true" if bool(result) else "false", markup=False)
            return
        if isinstance(result, ox.QueryTriples):
            sys.stdout.write(format_triples(result, "turtle" if fmt == "table" else fmt, limit))
            return
        if fmt != "table":
            format_rows([], [], fmt)  # an unknown format fails before the query runs
        columns, rows = solutions_table(result, limit)
    except QueryError as exc:
        raise fail(f"error: {exc}", 2)
    except OSError as exc:
        raise fail(f"error: the query failed: {str(exc).splitlines()[0]}", 2)
    if fmt == "table":
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*row)
        out.print(table)
        out.print(f"{len(rows)} rows", markup=False)
        return
    sys.stdout.write(format_rows(columns, rows, fmt))


@app.command()
def export(
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig, nquads (every named graph), turtle, ntriples or jsonld.")] = "trig",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: standard output).")] = None,
) -> None:
    """Write the store out as RDF."""
    from .export import FORMATS, export as export_store

    if fmt not in FORMATS:
        raise fail(f"error: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    export_store(opened(store), fmt, output if output else sys.stdout.buffer)


@app.command()
def validate(
    files: Annotated[Optional[list[Path]], typer.Argument(help="RDF files to check (.ttl .trig .nt .nq .jsonld); none: check the store.")] = None,
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Report as text, json, or turtle (the SHACL validation report graph).")] = "text",
    input_format: Annotated[Optional[str], typer.Option("--input-format", "-i", help="Syntax of the files when the extension does not say: turtle, trig, nt, nquads, jsonld, xml.")] = None,
) -> None:
    """Check data files, or the store, against the shape rules (with the ontology, vocabularies and councils).

    Exit 0 conforms (warnings allowed), 1 does not, 2 a file or the store cannot be read. With files and an
    explicit --store, the files are checked beside what the store already says about their nodes."""
    from .validate import ReadError, read_data_file, validate_store
    from .validate_report import REPORT_FORMATS, render

    if fmt not in REPORT_FORMATS:
        raise fail(f"error: unknown report format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}", 2)
    if files:
        from .curated import check_files

        try:
            data = [read_data_file(f, input_format) for f in files]
        except ReadError as exc:
            raise fail(f"error: {exc}", 2)
        outcome, _ = check_files(opened(store) if store is not None else None, data)
    else:
        # read-only: a writer instance compacts in the background after it opens, deleting files
        # the read-only views of the check workers may be opening at that moment
        outcome = validate_store(opened(store, read_only=True), store_path(store), with_report=fmt == "turtle")
    sys.stdout.write(render(outcome, fmt))
    raise typer.Exit(0 if outcome.conforms else 1)


# Commands that live in modules of their own; each module adds its commands to `app` when imported.
COMMAND_MODULES: list[str] = [
    "cli_outcomes",
    "cli_reconcile",
    "cli_curated",
    "cli_views",
    "cli_serve",
]


def register_commands() -> None:
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{module}")


register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    # Run as `python -m`, this file is __main__, while the command modules register on the
    # imported ofsted_kg.graph.cli: run that module's app so every command is there.
    from ofsted_kg.graph.cli import main as registered_main

    registered_main()
