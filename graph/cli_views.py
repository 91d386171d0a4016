"""`ofsted-kg render`: the interactive HTML view (logic in graph/views)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import StoreOption, app, fail, opened, out, parse_params, store_path


@app.command()
def render(
    store: StoreOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("out/graph.html"),
    council: Annotated[Optional[str], typer.Option("--council", help="Draw this council's neighbourhood (any name the gazetteer knows).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="Steps from the council to include.")] = 2,
    query: Annotated[Optional[str], typer.Option("--query", help="A named query, a .rq file or SPARQL (CONSTRUCT, DESCRIBE or SELECT) to draw.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE for --query, bound safely.")] = None,
    level: Annotated[str, typer.Option("--level", help="auto, detailed or aggregated (auto aggregates views over the node budget).")] = "auto",
    budget: Annotated[int, typer.Option("--budget", min=20, help="Most nodes a view draws before it aggregates.")] = 400,
    physics: Annotated[Optional[bool], typer.Option("--physics/--no-physics", help="Start with physics on or off (default: on for small views).")] = None,
) -> None:
    """Write a self-contained, offline HTML view of the graph (whole, one council's neighbourhood, or a query)."""
    from .query import QueryError
    from .views import ViewError, ViewRequest, write_view

    if council and query:
        raise fail("error: give --council or --query, not both", 2)
    if level not in ("auto", "detailed", "aggregated"):
        raise fail(f"error: --level {level!r}: choose auto, detailed or aggregated", 2)
    params = parse_params(param)
    request = ViewRequest(council=council, depth=depth, query=query, params=params or None, budget=budget,
                          level=level, physics=physics)
    db = opened(store)
    try:
        page = write_view(db, output, request)
    except (ViewError, QueryError) as exc:
        raise fail(f"error: {exc}", 2)
    except OSError as exc:
        raise fail(f"error: {output}: cannot write: {exc.strerror or exc}", 2)
    out.print(f"Wrote {output}: {page.nodes} nodes, {page.edges} edges from {store_path(store)}", markup=False,
              soft_wrap=True)
