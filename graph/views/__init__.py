"""Interactive HTML views of the graph: project the store with networkx,
measure it, draw it with pyvis/vis-network into one offline, escaped page.

    facts.py      the store's facts, read with SPARQL
    project.py    facts -> networkx graph (detailed or aggregated), council neighbourhoods
    queryview.py  a CONSTRUCT/DESCRIBE/SELECT result -> networkx graph
    measures.py   degree, betweenness, communities -> sizes, groups, side summary
    layout.py     starting positions
    style.py      colours, shapes, legend
    html.py       the self-contained page (page.html, page.js)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .. import iris
from .facts import read_facts
from .html import Page, render_page
from .measures import measure
from .project import Projection, neighbourhood, whole_graph
from .queryview import query_view

DEFAULT_OUTPUT = Path("out/graph.html")
DEFAULT_BUDGET = 400


class ViewError(Exception):
    """A view that cannot be made (unknown council, a council with no facts); str() is one line."""


@dataclass
class ViewRequest:
    council: str | None = None
    depth: int = 2
    query: str | None = None
    params: dict[str, str] | None = None
    budget: int = DEFAULT_BUDGET
    level: str = "auto"  # auto, detailed or aggregated
    physics: bool | None = None  # None: on for small views, off for big ones


def council_iri(name: str) -> tuple[str, str]:
    """The IRI and official name of a council any name the gazetteer knows."""
    from ..reference import gazetteer

    record = gazetteer().resolve(name)
    if record is None:
        raise ViewError(f"no council called {name!r} (try its official or short name, e.g. \"North Lincolnshire\")")
    return str(iris.council(record.gss)), record.name


def project(store: ox.Store, request: ViewRequest) -> tuple[Projection, str | None]:
    """The projection a request asks for, and the query text when it is a query view."""
    if request.query:
        return query_view(store, request.query, request.params)
    facts = read_facts(store)
    if request.council:
        iri, name = council_iri(request.council)
        level = request.level
        whole = whole_graph(facts, budget=10**9 if level == "auto" else request.budget,
                            level="detailed" if level == "auto" else level)
        if iri not in whole.graph:
            raise ViewError(f"{name} has no facts in this store")
        view = neighbourhood(whole, iri, request.depth, f"{name} and its neighbourhood (depth {request.depth})")
        if level == "auto" and view.graph.number_of_nodes() > request.budget:
            view = neighbourhood(whole_graph(facts, request.budget, "aggregated"), iri, request.depth,
                                 f"{name} and its neighbourhood (depth {request.depth}, aggregated)")
            view.notes.append(f"The detailed neighbourhood has more than {request.budget} nodes, so it was aggregated.")
        return view, None
    return whole_graph(facts, budget=request.budget, level=request.level), None


def render(store: ox.Store, request: ViewRequest | None = None) -> Page:
    """The page for a request, as a string with its node and edge counts."""
    projection, query_text = project(store, request or ViewRequest())
    summary = measure(projection.graph)
    return render_page(projection, summary, physics=(request or ViewRequest()).physics, query_text=query_text)


def write_view(store: ox.Store, output: Path = DEFAULT_OUTPUT, request: ViewRequest | None = None) -> Page:
    page = render(store, request)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page.html, encoding="utf-8")
    return page


__all__ = ["DEFAULT_OUTPUT", "Page", "ViewError", "ViewRequest", "council_iri", "project", "render", "write_view"]
