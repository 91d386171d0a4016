"""Write a projection as one self-contained HTML file.

pyvis assembles the vis-network nodes, edges and options; the page itself
comes from our own template because pyvis 0.3.2's template loads Bootstrap
from a CDN even with cdn_resources="in_line" and does not escape its heading.
Here: vis-network's JS and CSS are read from the pyvis package and inlined,
the template autoescapes every text it prints, the graph data sits in a
JSON script block with <, > and & escaped (so no label can close the block),
and tooltips are plain strings, which vis-network shows with innerText.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from .layout import positions
from .measures import Summary
from .project import Projection
from .style import AREAS, GRADES, KINDS, legend, node_look

HERE = Path(__file__).resolve().parent
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
PHYSICS_UP_TO = 120  # nodes; bigger views start from the precomputed layout with physics off
DOTS_FROM = 120  # nodes; from here councils are grade-coloured dots (boxes zoomed out are empty bars)
SYMMETRIC = {"named with"}
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@dataclass
class Page:
    html: str
    nodes: int
    edges: int
    physics: bool


def safe_json(value: object) -> str:
    """JSON that can sit inside a <script> element whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def options(nodes: int, physics: bool) -> dict[str, object]:
    """vis-network options: bounded stabilisation, labels hidden when too small to read."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 14, "face": "system-ui, 'DejaVu Sans', sans-serif", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"min": 12, "max": 36, "label": {"enabled": False, "drawThreshold": 7 if nodes > 150 else 4}},
            "margin": 8,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
            "color": {"color": "#b0bec5", "highlight": "#37474f", "hover": "#546e7a", "inherit": False},
            "font": {"size": 11, "color": "#546e7a", "strokeWidth": 3, "align": "horizontal"},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False, "drawThreshold": 8 if nodes > 150 else 6}},
            "smooth": {"enabled": physics, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": nodes > 150,
                        "hideEdgesOnZoom": nodes > 600, "keyboard": {"enabled": True, "bindToWindow": False}},
        "physics": {
            "enabled": physics,
            "solver": "repulsion",
            "repulsion": {"nodeDistance": 230, "centralGravity": 0.25, "springLength": 190, "springConstant": 0.04,
                          "damping": 0.3},
            "stabilization": {"enabled": True, "iterations": min(300, 150 + nodes), "updateInterval": 25,
                              "fit": True},
            "minVelocity": 1.5,
            "maxVelocity": 40,
        },
    }


def build_network(graph: nx.DiGraph, physics: bool) -> Network:
    """pyvis nodes and edges with our looks, sizes, precomputed positions and plain-text tooltips."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    where = positions(graph)
    ids = {node: i for i, node in enumerate(graph.nodes)}
    for node, data in graph.nodes(data=True):
        look = node_look(data["kind"], data.get("grade"))
        if data["kind"] == "council" and graph.number_of_nodes() >= DOTS_FROM:
            look["shape"] = "dot"
            look["font"] = {"color": "#0d2b45", "size": 16}
            fill = look["color"]["background"]  # type: ignore[index]
            look["color"] = {"background": fill, "border": fill, "highlight": {"background": fill, "border": "#000"}}
        x, y = where[node]
        net.add_node(ids[node], label=data["label"], title=data.get("title") or data["label"],
                     value=data.get("degree", 0) + 1, x=x, y=y, kind=data["kind"],
                     grade=data.get("grade") or "ungraded", community=data.get("community", 0),
                     degree=data.get("degree", 0), betweenness=data.get("betweenness", 0.0), **look)
    for a, b, data in graph.edges(data=True):
        arrows = {"to": {"enabled": data.get("relation") not in SYMMETRIC, "scaleFactor": 0.35}}
        net.add_edge(ids[a], ids[b], label=data.get("relation", ""), title=data.get("title") or data.get("relation", ""),
                     value=data.get("weight", 1), arrows=arrows)
    net.options = options(graph.number_of_nodes(), physics)
    return net


def inline_asset(name: str) -> str:
    text = (VIS_DIR / name).read_text(encoding="utf-8")
    text = re.sub(r"^[/*#@ ]*sourceMappingURL=.*$", "", text, flags=re.M)  # no source-map fetch, even with DevTools
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def render_page(projection: Projection, summary: Summary, *, physics: bool | None = None,
                query_text: str | None = None) -> Page:
    """The whole page as a string."""
    graph = projection.graph
    physics = graph.number_of_nodes() <= PHYSICS_UP_TO if physics is None else physics
    net = build_network(graph, physics)
    nodes, edges, _heading, _height, _width, opts = net.get_network_data()
    env = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(default=True, default_for_string=True))
    kinds_present = [k for k in KINDS if k in summary.by_kind]
    html = env.get_template("page.html").render(
        title=projection.title, level=projection.level, summary=summary, collapsed=projection.collapsed,
        notes=projection.notes, query_text=query_text,
        legend=[dict(row, shape="dot") if row["key"] == "council" and graph.number_of_nodes() >= DOTS_FROM else row
                for row in legend() if row["group"] == "grade" or row["key"] in kinds_present],
        kinds=kinds_present, kind_labels={k: KINDS[k].label for k in KINDS},
        grades=[(g, label, colour) for g, (label, colour) in GRADES.items()], areas=AREAS,
        physics=physics,
        vis_css=inline_asset("vis-network.css"), vis_js=inline_asset("vis-network.min.js"),
        app_js=(HERE / "page.js").read_text(encoding="utf-8"),
        data_json=safe_json({"nodes": nodes, "edges": edges, "options": json.loads(opts)}),
    )
    return Page(html=html, nodes=len(nodes), edges=len(edges), physics=physics)


def external_references(html: str) -> list[str]:
    """Any src= or href= that would fetch from another machine (there should be none)."""
    return [m.group(0) for m in EXTERNAL.finditer(html)]
