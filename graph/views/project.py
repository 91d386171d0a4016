"""Project the store onto a networkx graph a person can read.

Two levels of detail from the same facts:
- detailed: every inspection, judgement, person, initiative, finding and
  statistic is a node, linked to its council by a labelled edge;
- aggregated (for big stores): councils carry their latest grade per area,
  counts of findings, statistics and sources in their tooltip; only
  initiatives and people that link councils stay nodes, within a budget.
Either way a document is never a node: evidence becomes counts and a few
quotes in tooltips, and councils named in the same sources are linked.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from .facts import Fact, StoreFacts
from .style import AREAS, GRADES

KIND_NAMES = {"full-inspection": "Full inspection", "focused-visit": "Focused visit",
              "monitoring-visit": "Monitoring visit", "jtai": "JTAI"}
QUOTES_SHOWN = 3
QUOTE_CHARS = 220
LABEL_CHARS = 34


@dataclass
class Projection:
    """A graph ready to measure and draw, with notes on what was collapsed."""

    graph: nx.DiGraph
    title: str
    level: str  # "detailed", "aggregated" or "query"
    collapsed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_lines(evidence: list[tuple[str, str]]) -> list[str]:
    """A few quotes with their source file, and how many more there are."""
    lines = [f"“{shorten(quote, QUOTE_CHARS)}” ({source or 'unknown source'})" for quote, source in evidence[:QUOTES_SHOWN]]
    more = len(evidence) - QUOTES_SHOWN
    if more > 0:
        sources = {s for _, s in evidence}
        lines.append(f"… and {more} more quotes from {len(sources)} sources in all")
    return lines


def tooltip(head: str, details: list[str], evidence: list[tuple[str, str]]) -> str:
    """Plain text (vis-network shows a string title with innerText, never as HTML)."""
    lines = [head, *details]
    if evidence:
        lines += ["", "Evidence:", *evidence_lines(evidence)]
    return "\n".join(lines)


def year_of(fact: Fact) -> int | None:
    year = fact.fields.get("year", "")
    return int(year) if year.isdigit() else None


def latest_grades(judgements: list[Fact]) -> dict[str, dict[str, tuple[str, int | None, Fact]]]:
    """council IRI -> area -> (grade, year, judgement): the latest year wins, a stated year beats none,
    and among judgements of one year the best-evidenced one."""
    best: dict[str, dict[str, tuple[str, int | None, Fact]]] = defaultdict(dict)
    for j in judgements:
        council, area, grade, year = j.fields["council"], j.fields["area"], j.fields["grade"], year_of(j)
        current = best[council].get(area)
        key = (year or 0, len(j.evidence))
        if current is None or key > ((current[1] or 0), len(current[2].evidence)):
            best[council][area] = (grade, year, j)
    return best


class Builder:
    """Adds councils and facts to a DiGraph; shared by both levels of detail."""

    def __init__(self, facts: StoreFacts):
        self.facts = facts
        self.g = nx.DiGraph()
        self.latest = latest_grades(facts.kinds.get("judgements", []))
        self.mentions: dict[str, list[Fact]] = defaultdict(list)
        for m in facts.kinds.get("mentions", []):
            self.mentions[m.fields["council"]].append(m)

    def council_name(self, iri: str) -> str:
        return self.facts.council_names.get(iri, (iri.rsplit("/", 1)[-1], ""))[0]

    def council(self, iri: str, extra: list[str] | None = None) -> str:
        if iri in self.g:
            return iri
        name, gss = self.facts.council_names.get(iri, (iri.rsplit("/", 1)[-1], ""))
        grades = self.latest.get(iri, {})
        overall = grades.get("overall")
        details = [f"GSS code {gss}" if gss else "not in the reference councils"]
        if grades:
            details.append("Latest grades:")
            for area in AREAS:
                if area in grades:
                    grade, year, _ = grades[area]
                    details.append(f"  {AREAS[area]}: {GRADES[grade][0]} ({year or 'year not stated'})")
        details += extra or []
        evidence = [e for m in self.mentions.get(iri, []) for e in m.evidence]
        sources = {s for _, s in evidence}
        if sources:
            details.append(f"Named in {len(sources)} source{'s' if len(sources) != 1 else ''}")
        self.g.add_node(iri, kind="council", label=name, grade=overall[0] if overall else None,
                        title=tooltip(name, details, evidence), sources=len(sources))
        return iri

    def edge(self, a: str, b: str, relation: str, evidence: list[tuple[str, str]] | None = None,
             weight: int = 1) -> None:
        head = relation
        self.g.add_edge(a, b, relation=relation, weight=weight,
                        title=tooltip(head, [], evidence or []))

    def co_mentions(self, per_council: int | None) -> None:
        """Councils named in the same source, weighted by how many sources; the strongest few per council."""
        by_source: dict[str, set[str]] = defaultdict(set)
        for council, mentions in self.mentions.items():
            for m in mentions:
                for source in m.sources:
                    by_source[source].add(council)
        pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
        for source, councils in by_source.items():
            for a, b in combinations(sorted(councils), 2):
                pairs[(a, b)].append(source)
        if per_council is not None:
            ranked: dict[str, list[tuple[int, tuple[str, str]]]] = defaultdict(list)
            for pair, sources in pairs.items():
                for c in pair:
                    ranked[c].append((len(sources), pair))
            keep = {pair for items in ranked.values() for _, pair in sorted(items, reverse=True)[:per_council]}
            pairs = {p: s for p, s in pairs.items() if p in keep}
        for (a, b), sources in sorted(pairs.items()):
            self.council(a)
            self.council(b)
            listed = ", ".join(sorted(sources)[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
            self.g.add_edge(a, b, relation="named with", weight=len(sources),
                            title=f"named together in {len(sources)} source{'s' if len(sources) != 1 else ''}: {listed}")


def detailed(facts: StoreFacts) -> Projection:
    """Every fact a node, linked to its council."""
    b = Builder(facts)
    g = b.g
    for council in b.mentions:
        b.council(council)
    for i in facts.kinds.get("inspections", []):
        kind, year = KIND_NAMES.get(i.fields.get("kind", ""), "Inspection"), year_of(i)
        label = f"{kind} {year}" if year else kind
        name = b.council_name(i.fields["council"])
        g.add_node(i.iri, kind="inspection", label=label, grade=None, sources=len(i.sources),
                   title=tooltip(f"{label} of {name}", [], i.evidence))
        b.edge(i.iri, b.council(i.fields["council"]), "inspection of", i.evidence)
    for j in facts.kinds.get("judgements", []):
        area, grade = j.fields["area"], j.fields["grade"]
        label = f"{AREAS.get(area, area)}: {GRADES.get(grade, (grade,))[0]}"
        year = year_of(j)
        name = b.council_name(j.fields["council"])
        g.add_node(j.iri, kind="judgement", label=shorten(label), grade=grade, sources=len(j.sources),
                   title=tooltip(f"{name}, {year or 'year not stated'}: {label}", [], j.evidence))
        if j.fields["inspection"] not in g:
            g.add_node(j.fields["inspection"], kind="inspection", label=f"Full inspection {year or ''}".strip(),
                       grade=None, sources=0, title=f"Full inspection of {name}")
            b.edge(j.fields["inspection"], b.council(j.fields["council"]), "inspection of")
        b.edge(j.fields["inspection"], j.iri, "judged", j.evidence)
    _people(b, facts.kinds.get("posts", []), keep=None)
    _initiatives(b, facts.kinds.get("initiatives", []), keep=None)
    for f in facts.kinds.get("findings", []):
        kind = "Strength" if f.fields.get("kind") == "strength" else "Area for improvement"
        text = f.fields.get("text", "")
        details = [f"Area: {AREAS.get(f.fields['area'], f.fields['area'])}"] if f.fields.get("area") else []
        g.add_node(f.iri, kind="finding", label=shorten(f"{kind}: {text}"), grade=None, sources=len(f.sources),
                   title=tooltip(f"{kind} ({b.council_name(f.fields['council'])})", [text, *details], f.evidence))
        b.edge(b.council(f.fields["council"]), f.iri, "finding", f.evidence)
    for s in facts.kinds.get("statistics", []):
        text = f"{s.fields.get('value', '')} {s.fields.get('unit', '')}: {s.fields.get('measure', '')}"
        g.add_node(s.iri, kind="statistic", label=shorten(text), grade=None, sources=len(s.sources),
                   title=tooltip(f"Statistic ({b.council_name(s.fields['council'])})", [text], s.evidence))
        b.edge(b.council(s.fields["council"]), s.iri, "statistic", s.evidence)
    b.co_mentions(per_council=None)
    return Projection(g, "Whole graph", "detailed")


def _people(b: Builder, posts: list[Fact], keep: set[str] | None) -> None:
    """People and the organisations they hold posts in; `keep` limits which people become nodes."""
    for p in posts:
        person = p.fields["person"]
        if keep is not None and person not in keep:
            continue
        if person not in b.g:
            b.g.add_node(person, kind="person", label=p.fields["name"], grade=None, sources=0, title="",
                         posts=[], evidence=[])
        node = b.g.nodes[person]
        role = p.fields.get("role", "")
        org = p.fields.get("org", "")
        org_name = b.council_name(org) if org in b.facts.council_names else p.fields.get("orgName", "")
        node["posts"].append(f"{role or 'role not stated'}, {org_name or 'organisation not stated'}")
        node["evidence"] += p.evidence
        if not org:
            continue
        if org in b.facts.council_names:
            target = b.council(org)
        else:
            target = org
            if org not in b.g:
                b.g.add_node(org, kind="organisation", label=shorten(org_name or org.rsplit("/", 1)[-1]),
                             grade=None, sources=0, title=org_name)
        b.edge(person, target, shorten(role or "post in", 40), p.evidence)
    for n, data in b.g.nodes(data=True):
        if data["kind"] == "person" and "posts" in data:
            evidence = data.pop("evidence")
            data["sources"] = len({s for _, s in evidence})
            data["title"] = tooltip(data["label"], data.pop("posts"), evidence)


def _initiatives(b: Builder, initiatives: list[Fact], keep: set[str] | None) -> None:
    for i in initiatives:
        if keep is not None and i.iri not in keep:
            continue
        council = i.fields.get("council", "")
        if i.iri not in b.g:
            b.g.add_node(i.iri, kind="initiative", label=shorten(i.fields["name"]), grade=None, sources=0,
                         title="", evidence=[])
        node = b.g.nodes[i.iri]
        node["evidence"] += i.evidence
        node["sources"] = len({s for _, s in node["evidence"]})
        if council:
            b.edge(i.iri, b.council(council), "run by", i.evidence)
    for n, data in list(b.g.nodes(data=True)):
        if data["kind"] == "initiative" and "evidence" in data:
            councils = sorted(b.council_name(c) for c in b.g.successors(n))
            data["title"] = tooltip(data["label"], [f"Run by {', '.join(councils)}"] if councils else [],
                                    data.pop("evidence"))


def aggregated(facts: StoreFacts, budget: int = 400) -> Projection:
    """Councils with their latest grades and counts; only initiatives and people that link councils stay nodes."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts.kinds.get("findings", []):
        counts[f.fields["council"]]["strengths" if f.fields.get("kind") == "strength" else "areas for improvement"] += 1
    for s in facts.kinds.get("statistics", []):
        counts[s.fields["council"]]["statistics"] += 1
    for i in facts.kinds.get("inspections", []):
        counts[i.fields["council"]]["inspections and visits"] += 1

    initiative_councils: dict[str, set[str]] = defaultdict(set)
    for i in facts.kinds.get("initiatives", []):
        if i.fields.get("council"):
            initiative_councils[i.iri].add(i.fields["council"])
    person_orgs: dict[str, set[str]] = defaultdict(set)
    person_sources: Counter[str] = Counter()
    for p in facts.kinds.get("posts", []):
        person_orgs[p.fields["person"]].add(p.fields.get("org", ""))
        person_sources[p.fields["person"]] += len(p.sources)

    b = Builder(facts)
    councils = set(b.mentions) | set(counts) | set(b.latest)
    room = max(budget - len(councils), 0)
    shared = sorted((i for i, cs in initiative_councils.items() if len(cs) > 1),
                    key=lambda i: (-len(initiative_councils[i]), i))
    keep_initiatives = set(shared[: room // 2])
    linking = sorted((p for p, orgs in person_orgs.items() if len(orgs - {""}) > 1),
                     key=lambda p: (-len(person_orgs[p]), -person_sources[p], p))
    keep_people = set(linking[: room - len(keep_initiatives)])

    own_initiatives: Counter[str] = Counter()
    for i, cs in initiative_councils.items():
        if i not in keep_initiatives:
            for c in cs:
                own_initiatives[c] += 1
    own_people: Counter[str] = Counter()
    for p in facts.kinds.get("posts", []):
        if p.fields["person"] not in keep_people and p.fields.get("org") in facts.council_names:
            own_people[p.fields["org"]] += 1
    for c in sorted(councils):
        extra = [f"{n} {what}" for what, n in sorted(counts[c].items())]
        if own_initiatives[c]:
            extra.append(f"{own_initiatives[c]} initiatives of its own")
        if own_people[c]:
            extra.append(f"{own_people[c]} posts held by people named only here")
        b.council(c, extra)
    _initiatives(b, facts.kinds.get("initiatives", []), keep_initiatives)
    _people(b, facts.kinds.get("posts", []), keep_people)
    b.co_mentions(per_council=3)

    n_judgements = facts.count("judgements")
    collapsed = [
        f"{n_judgements} judgements and {facts.count('inspections')} inspections into each council's latest grade "
        f"per area (its colour is the latest overall grade; the tooltip lists every area)",
        f"{facts.count('findings')} findings and {facts.count('statistics')} statistics into counts per council",
        f"{len(initiative_councils) - len(keep_initiatives)} initiatives run by one council (or beyond the budget) "
        f"into counts per council; {len(keep_initiatives)} shared initiatives drawn",
        f"{len(person_orgs) - len(keep_people)} people with posts in one organisation into counts per council; "
        f"{len(keep_people)} people who link organisations drawn",
        f"{facts.evidence_count()} evidence quotes into source counts; councils named together linked by their "
        f"3 strongest pairings",
    ]
    return Projection(b.g, "Whole graph (aggregated)", "aggregated", collapsed=collapsed)


def whole_graph(facts: StoreFacts, budget: int = 400, level: str = "auto") -> Projection:
    """The detailed graph when it fits the node budget, else the aggregated one."""
    if level == "aggregated":
        return aggregated(facts, budget)
    projection = detailed(facts)
    if level == "auto" and projection.graph.number_of_nodes() > budget:
        result = aggregated(facts, budget)
        result.notes.append(f"The detailed graph has {projection.graph.number_of_nodes()} nodes, more than the "
                            f"budget of {budget}, so it was aggregated.")
        return result
    return projection


def neighbourhood(projection: Projection, centre: str, depth: int, title: str) -> Projection:
    """The nodes within `depth` steps of `centre`, ignoring edge direction."""
    nodes = nx.ego_graph(projection.graph.to_undirected(as_view=True), centre, radius=depth).nodes
    graph = projection.graph.subgraph(nodes).copy()
    return Projection(graph, title, projection.level, projection.collapsed, list(projection.notes))
