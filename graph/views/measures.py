"""networkx measures that size and group the nodes and fill the side summary:
degree (size), betweenness (who links otherwise separate parts) and Louvain
communities (which councils cluster through shared people, initiatives and
sources). Betweenness is sampled on big graphs so a 10,000-document view
still renders in seconds."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

EXACT_BETWEENNESS_UP_TO = 600
SAMPLES = 300
TOP = 8


@dataclass
class Ranked:
    label: str
    kind: str
    value: float


@dataclass
class Summary:
    nodes: int
    edges: int
    by_kind: dict[str, int]
    by_grade: dict[str, int]
    top_degree: list[Ranked] = field(default_factory=list)
    top_betweenness: list[Ranked] = field(default_factory=list)
    communities: list[tuple[int, list[str]]] = field(default_factory=list)  # (size, biggest members)
    betweenness_sampled: bool = False


def measure(graph: nx.DiGraph) -> Summary:
    """Write `degree`, `betweenness` and `community` on every node and return the summary."""
    undirected = graph.to_undirected(as_view=True)
    n = graph.number_of_nodes()
    sampled = n > EXACT_BETWEENNESS_UP_TO
    betweenness = nx.betweenness_centrality(undirected, k=SAMPLES if sampled else None, seed=7) if n else {}
    communities = nx.community.louvain_communities(undirected, seed=7) if graph.number_of_edges() else \
        [{node} for node in graph]
    communities = sorted(communities, key=lambda c: (-len(c), min(map(str, c))))
    for index, members in enumerate(communities):
        for node in members:
            graph.nodes[node]["community"] = index
    for node, data in graph.nodes(data=True):
        data["degree"] = undirected.degree(node)
        data["betweenness"] = round(betweenness.get(node, 0.0), 4)

    def ranked(key: str) -> list[Ranked]:
        nodes = sorted(graph.nodes(data=True), key=lambda nd: (-nd[1][key], nd[1]["label"]))
        return [Ranked(d["label"], d["kind"], d[key]) for _, d in nodes[:TOP] if d[key] > 0]

    def biggest(members: set[str]) -> list[str]:
        ordered = sorted(members, key=lambda m: (-graph.nodes[m]["degree"], graph.nodes[m]["label"]))
        return [graph.nodes[m]["label"] for m in ordered[:3]]

    return Summary(
        nodes=n, edges=graph.number_of_edges(),
        by_kind=dict(Counter(d["kind"] for _, d in graph.nodes(data=True)).most_common()),
        by_grade=dict(Counter(d["grade"] for _, d in graph.nodes(data=True) if d.get("grade")).most_common()),
        top_degree=ranked("degree"), top_betweenness=ranked("betweenness"),
        communities=[(len(c), biggest(c)) for c in communities[:TOP] if len(c) > 1],
        betweenness_sampled=sampled,
    )
