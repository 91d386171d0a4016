"""Starting positions computed in Python, so the page draws a sensible picture
at once: each community is a sunflower disc (best-connected nodes in the
middle), discs are packed in rows into a near-square. Big views draw from
these positions with physics off; small ones let physics tidy up for a bounded
number of iterations. Pure Python: no numpy needed."""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
CHAR_WIDTH = 7.5  # px per character at the default 14 px font
MIN_SPACING, MAX_SPACING = 110.0, 240.0


def spacing_for(labels: list[str]) -> float:
    """Room per node: wide enough for a typical label, so neighbours' labels do not collide."""
    if not labels:
        return MIN_SPACING
    typical = sorted(len(label) for label in labels)[len(labels) * 3 // 4]
    return max(MIN_SPACING, min(MAX_SPACING, typical * CHAR_WIDTH * 0.8))


def sunflower(members: list[str], spacing: float) -> dict[str, tuple[float, float]]:
    return {node: (spacing * math.sqrt(i) * math.cos(i * GOLDEN_ANGLE),
                   spacing * math.sqrt(i) * math.sin(i * GOLDEN_ANGLE) * 0.75)
            for i, node in enumerate(members)}


def positions(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """x, y for every node; needs `community` and `degree` on each node (see measures)."""
    groups: dict[int, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        groups[data.get("community", 0)].append(node)
    spacing = spacing_for([d["label"] for _, d in graph.nodes(data=True)])
    discs = []
    for _, members in sorted(groups.items()):
        members.sort(key=lambda m: (-graph.nodes[m].get("degree", 0), graph.nodes[m]["label"]))
        radius = spacing * math.sqrt(max(len(members) - 1, 0)) + spacing * 0.6
        discs.append((radius, sunflower(members, spacing)))
    total_area = sum((2 * r) ** 2 for r, _ in discs)
    row_width = max(math.sqrt(total_area) * 1.2, max((2 * r for r, _ in discs), default=0))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, disc in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius * 0.75
        for node, (dx, dy) in disc.items():
            placed[node] = (round(cx + dx, 1), round(cy + dy, 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius * 0.75)
    return placed
