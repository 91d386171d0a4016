"""Views without a browser: what the projection draws from a store built by
the real mapping and store code, aggregation with notes on what was
collapsed, council neighbourhoods, query views, escaping, and the CLI."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from ofsted_kg.graph import iris
from ofsted_kg.graph.mapping import document_graph
from ofsted_kg.graph.reference import council_records
from ofsted_kg.graph.store import ensure_reference, open_store, replace_graphs
from ofsted_kg.graph.views import ViewRequest, project, render
from ofsted_kg.graph.views.html import external_references, inline_asset
from ofsted_kg.loaders.model import (CouncilMention, Document, Evidence, Finding, Initiative, Inspection, Judgement,
                                     PersonRole, Statistic)

NORTH_LINCS, LINCS, HALTON = "E06000013", "E10000019", "E06000006"
HOSTILE_PERSON = "<script>window.pwned = 'person'; alert('person')</script>"
HOSTILE_INITIATIVE = "<img src=x onerror=\"window.pwned = 'initiative'; alert('initiative')\">"
HOSTILE_QUOTE = "Halton council <script>window.pwned = 'quote'</script> was judged <img src=x onerror=alert(1)>"


class Writer:
    """Documents in our own words, their facts mapped and stored by the project's own code."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.councils = {r.gss: r for r in council_records()}
        ensure_reference(store)

    def document(self, name: str, text: str, facts_for) -> None:
        import hashlib

        sha = hashlib.sha256(text.encode()).hexdigest()
        doc = Document(path=Path(name), text=text, sha256=sha, media_type="text/plain", published=date(2024, 3, 1))

        def ev(phrase: str) -> Evidence:
            start = text.index(phrase)
            return Evidence(start, start + len(phrase), phrase)

        replace_graphs(self.store, [(str(iris.document(sha)), document_graph(doc, facts_for(ev), self.councils))])


NL_TEXT = ("Ofsted rated North Lincolnshire's children's services outstanding in 2022, up from good in 2017. "
           "Help and protection was judged good. A focused visit in 2020 looked at the front door. "
           "Director of children's services Jane Example leads the Family Hubs Plus scheme. "
           "Inspectors said children are seen quickly. Social worker turnover was 11 per cent.")
LINCS_TEXT = ("Lincolnshire's services were judged inadequate in 2023. The county has joined the Family Hubs Plus "
              "scheme, and Jane Example now also advises Lincolnshire County Council.")
HALTON_TEXT = "Inspectors judged Halton's services requires improvement in 2024."


def rich_facts(writer: Writer) -> None:
    writer.document("north-lincs.txt", NL_TEXT, lambda ev: [
        CouncilMention(NORTH_LINCS, "North Lincolnshire", ev("North Lincolnshire's children's services")),
        Judgement(NORTH_LINCS, "overall", "outstanding", 2022, ev("rated North Lincolnshire's children's services outstanding in 2022")),
        Judgement(NORTH_LINCS, "overall", "good", 2017, ev("up from good in 2017")),
        Judgement(NORTH_LINCS, "help-protection", "good", 2022, ev("Help and protection was judged good")),
        Inspection(NORTH_LINCS, "focused-visit", 2020, ev("A focused visit in 2020")),
        PersonRole("Jane Example", "director of children's services", "North Lincolnshire Council",
                   ev("Director of children's services Jane Example"), organisation_gss=NORTH_LINCS),
        Initiative("Family Hubs Plus", NORTH_LINCS, ev("Family Hubs Plus scheme")),
        Finding(NORTH_LINCS, "strength", "children are seen quickly", ev("children are seen quickly")),
        Statistic(NORTH_LINCS, 11, "percent", "social worker turnover", ev("Social worker turnover was 11 per cent")),
    ])
    writer.document("lincs.txt", LINCS_TEXT, lambda ev: [
        CouncilMention(LINCS, "Lincolnshire", ev("Lincolnshire's services")),
        Judgement(LINCS, "overall", "inadequate", 2023, ev("judged inadequate in 2023")),
        Initiative("Family Hubs Plus", LINCS, ev("joined the Family Hubs Plus")),
        PersonRole("Jane Example", "adviser", "Lincolnshire County Council",
                   ev("Jane Example now also advises Lincolnshire County Council"), organisation_gss=LINCS),
    ])
    writer.document("halton.txt", HALTON_TEXT, lambda ev: [
        CouncilMention(HALTON, "Halton", ev("Halton's services")),
        Judgement(HALTON, "overall", "requires-improvement", 2024, ev("judged Halton's services requires improvement")),
    ])


def rich_store(path: Path) -> ox.Store:
    store = open_store(path)
    rich_facts(Writer(store))
    return store


def hostile_store(path: Path) -> ox.Store:
    store = open_store(path)
    writer = Writer(store)
    rich_facts(writer)
    text = f"{HOSTILE_QUOTE}. {HOSTILE_PERSON} is director. {HOSTILE_INITIATIVE} began."
    writer.document("hostile <b>doc</b>.txt", text, lambda ev: [
        CouncilMention(HALTON, "Halton <script>", ev(HOSTILE_QUOTE)),
        PersonRole(HOSTILE_PERSON, "director <script>alert(3)</script>", "Halton Borough Council",
                   ev(HOSTILE_PERSON), organisation_gss=HALTON),
        PersonRole("Ann Other", "chair", "<img src=x onerror=alert(4)> Trust", ev(HOSTILE_PERSON)),
        Initiative(HOSTILE_INITIATIVE, HALTON, ev(HOSTILE_INITIATIVE)),
    ])
    return store


def kinds(graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data["kind"]] = counts.get(data["kind"], 0) + 1
    return counts


def test_the_detailed_view_draws_each_fact_linked_to_its_council(tmp_path):
    projection, _ = project(rich_store(tmp_path / "store"), ViewRequest())
    g = projection.graph
    assert projection.level == "detailed"
    assert kinds(g) == {"council": 3, "inspection": 5, "judgement": 5, "person": 1, "initiative": 1,
                        "finding": 1, "statistic": 1}
    north = g.nodes[str(iris.council(NORTH_LINCS))]
    assert north["label"] == "North Lincolnshire Council"
    assert north["grade"] == "outstanding"  # the 2022 grade, not the 2017 one
    assert "Overall effectiveness: Outstanding (2022)" in north["title"]
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"inspection of", "judged", "run by", "finding", "statistic", "director of children's services",
            "adviser"} <= relations
    initiative = str(iris.initiative("Family Hubs Plus"))
    assert set(g.successors(initiative)) == {str(iris.council(NORTH_LINCS)), str(iris.council(LINCS))}
    judgement = next(d for _, d in g.nodes(data=True) if d["kind"] == "judgement" and d["grade"] == "inadequate")
    assert "judged inadequate in 2023" in judgement["title"] and "(lincs.txt)" in judgement["title"]


def test_a_big_view_is_aggregated_and_says_what_was_collapsed(tmp_path):
    store = rich_store(tmp_path / "store")
    projection, _ = project(store, ViewRequest(budget=5))
    g = projection.graph
    assert projection.level == "aggregated"
    assert kinds(g) == {"council": 3, "initiative": 1, "person": 1}  # only what links councils
    assert any("5 judgements and 5 inspections" in line for line in projection.collapsed)
    assert any("more than the budget of 5" in line for line in projection.notes)
    north = g.nodes[str(iris.council(NORTH_LINCS))]
    assert "Help and protection: Good (2022)" in north["title"]
    assert "1 strengths" in north["title"] and "1 statistics" in north["title"]
    page = render(store, ViewRequest(budget=5))
    assert "5 judgements and 5 inspections into each council&#39;s latest grade" in page.html


def test_a_council_neighbourhood_grows_with_depth(tmp_path):
    store = rich_store(tmp_path / "store")
    one, _ = project(store, ViewRequest(council="North Lincolnshire", depth=1))
    two, _ = project(store, ViewRequest(council="north lincolnshire council", depth=2))
    nl, lincs = str(iris.council(NORTH_LINCS)), str(iris.council(LINCS))
    assert nl in one.graph and lincs not in one.graph  # Lincolnshire is two steps away, via the initiative
    assert lincs in two.graph and str(iris.council(HALTON)) not in two.graph
    assert "North Lincolnshire Council" in one.title


def test_unknown_or_absent_councils_are_one_line_errors(cli, tmp_path):
    store = tmp_path / "store"
    rich_store(store)
    from ofsted_kg.graph.store import _OPEN
    _OPEN.clear()
    unknown = cli("render", "--store", store, "--council", "Narnia", "--output", tmp_path / "x.html")
    assert unknown.exit_code == 2 and "no council called 'Narnia'" in unknown.output
    absent = cli("render", "--store", store, "--council", "Essex", "--output", tmp_path / "x.html")
    assert absent.exit_code == 2 and "Essex County Council has no facts in this store" in absent.output


def test_a_construct_query_becomes_a_view_coloured_by_grade(tmp_path):
    store = rich_store(tmp_path / "store")
    sparql = ("CONSTRUCT { ?j a kg:Judgement ; kg:grade ?g ; kg:council ?c . ?c a kg:Council ; skos:prefLabel ?n } "
              "WHERE { ?j a kg:Judgement ; kg:grade ?g ; kg:inspection/kg:council ?c . ?c skos:prefLabel ?n }")
    projection, text = project(store, ViewRequest(query=sparql))
    g = projection.graph
    assert text == sparql
    assert kinds(g)["judgement"] == 5 and kinds(g)["council"] == 3
    assert {d["grade"] for _, d in g.nodes(data=True) if d["kind"] == "judgement"} == \
        {"outstanding", "good", "inadequate", "requires-improvement"}
    assert g.nodes[str(iris.council(HALTON))]["label"] == "Halton Borough Council"


def test_a_named_select_query_becomes_a_view(tmp_path):
    store = rich_store(tmp_path / "store")
    projection, _ = project(store, ViewRequest(query="judgements"))
    labels = {d["label"] for _, d in projection.graph.nodes(data=True)}
    assert {"North Lincolnshire Council", "outstanding", "north-lincs.txt"} <= labels
    assert projection.title.startswith("Query: ")


def test_hostile_text_is_escaped_everywhere_in_the_page(tmp_path):
    page = render(hostile_store(tmp_path / "store"))
    html = page.html
    # The payloads reach the page only inside the JSON block, with < and > written as \u003c and \u003e.
    for payload in ("<script>window.pwned", "<img src=x", "<b>doc</b>", "<script>alert(3)"):
        assert payload not in html
    assert "\\u003cscript\\u003ewindow.pwned" in html
    own = html.replace(inline_asset("vis-network.min.js"), "")
    assert len(re.findall(r"<script\b", own, re.I)) == 3  # vis-network, the JSON data, our own script
    assert external_references(html) == []


def test_render_writes_an_offline_page(cli, tmp_path):
    from .conftest import EXAMPLES

    store, output = tmp_path / "store", tmp_path / "views" / "graph.html"
    assert cli("build", "--store", store, EXAMPLES).exit_code == 0
    result = cli("render", "--store", store, "--output", output)
    assert result.exit_code == 0, result.output
    assert re.search(rf"Wrote {re.escape(str(output))}: \d+ nodes, \d+ edges", result.output)
    html = output.read_text(encoding="utf-8")
    assert "cdn" not in html.lower().replace("cdn_resources", "") or external_references(html) == []
    assert external_references(html) == []
    assert "bootstrap" not in html.lower()
    both = cli("render", "--store", store, "--council", "Halton", "--query", "councils")
    assert both.exit_code == 2 and "not both" in both.output
