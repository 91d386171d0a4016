"""Stores for the query tests, made without the extractors (which other work changes):

- `made_store`: five short articles written for these tests, with the facts a careful
  reader takes from them, mapped and written exactly as `build` writes a document;
- `gold_store`: a corpus of ../shared with the facts of its gold files, so every named
  query can be checked against rows a person annotated.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from ofsted_kg.graph import iris
from ofsted_kg.graph.mapping import document_graph
from ofsted_kg.graph.reference import council_records, gazetteer
from ofsted_kg.graph.store import ensure_reference, replace_graphs
from ofsted_kg.loaders.model import (CouncilMention, Document, Evidence, Finding, Initiative, Inspection, Judgement,
                                     PersonRole, Statistic)

NORTH_LINCS, LINCS, SANDWELL, KENT = "E06000013", "E10000019", "E08000028", "E10000016"

ARTICLES: dict[str, tuple[date, str]] = {
    "a_north_lincs_2019.txt": (date(2019, 6, 3), (
        "North Lincolnshire Council kept its top rating this spring. "
        "Inspectors judged the council's children's services outstanding overall in 2019. "
        "The impact of leaders was also graded outstanding. "
        "Jane Example, director of children's services at North Lincolnshire Council, thanked staff. "
        "Its Futures Path scheme helps care leavers find work. "
        "Social worker turnover fell to 11 per cent. "
        "Inspectors praised the support care leavers receive from personal advisers.")),
    "b_north_lincs_2023.txt": (date(2023, 3, 1), (
        "North Lincolnshire has again been judged outstanding overall, in 2023. "
        "Looking back, the council was rated good overall in 2019. "
        "Care leavers' experiences were graded good. "
        "Jane Example, director of children's services, said the result belonged to families.")),
    "c_sandwell_2022.txt": (date(2022, 11, 20), (
        "Sandwell Council was rated inadequate overall in 2018. "
        "In 2022 inspectors judged it requires improvement to be good overall. "
        "Inspectors said care leavers too often lack a settled home. "
        "Lee Sample, cabinet member for children at Sandwell Council, welcomed the progress.")),
    "d_kent_2022.txt": (date(2022, 7, 14), (
        "Kent County Council was judged outstanding overall in 2017. "
        "This year inspectors rated its children's services good overall, in 2022. "
        "A focused visit in 2020 looked at the front door. "
        "Kent also runs the Futures Path scheme. "
        "The council said 1,200 children are in its care.")),
    "e_lincolnshire_2019.txt": (date(2019, 8, 30), (
        "Lincolnshire County Council was rated outstanding overall in 2019, "
        "the second county to hold the top grade.")),
}


def _doc(name: str, published: date | None, text: str) -> Document:
    raw = text.encode("utf-8")
    return Document(path=Path(name), text=text, sha256=hashlib.sha256(raw).hexdigest(), media_type="text/plain",
                    title=text.split(". ")[0][:80], published=published)


def ev(doc: Document, quote: str) -> Evidence:
    start = doc.text.index(quote)
    return Evidence(start, start + len(quote), quote)


def _made_facts(docs: dict[str, Document]) -> dict[str, list]:
    a, b, c, d, e = (docs[n] for n in ARTICLES)
    return {
        a.name: [
            CouncilMention(NORTH_LINCS, "North Lincolnshire Council", ev(a, "North Lincolnshire Council")),
            Judgement(NORTH_LINCS, "overall", "outstanding", 2019, ev(a, "outstanding overall in 2019")),
            Judgement(NORTH_LINCS, "leadership", "outstanding", 2019, ev(a, "The impact of leaders was also graded outstanding")),
            PersonRole("Jane Example", "director of children's services", "North Lincolnshire Council",
                       ev(a, "Jane Example, director of children's services"), NORTH_LINCS),
            Initiative("Futures Path", NORTH_LINCS, ev(a, "Its Futures Path scheme helps care leavers find work")),
            Statistic(NORTH_LINCS, 11, "percent", "social worker turnover", ev(a, "Social worker turnover fell to 11 per cent")),
            Finding(NORTH_LINCS, "strength", "support care leavers receive from personal advisers",
                    ev(a, "Inspectors praised the support care leavers receive from personal advisers"), "care-leavers"),
        ],
        b.name: [
            CouncilMention(NORTH_LINCS, "North Lincolnshire", ev(b, "North Lincolnshire")),
            Judgement(NORTH_LINCS, "overall", "outstanding", 2023, ev(b, "judged outstanding overall, in 2023")),
            Judgement(NORTH_LINCS, "overall", "good", 2019, ev(b, "rated good overall in 2019"), current=False),
            Judgement(NORTH_LINCS, "care-leavers", "good", 2023, ev(b, "Care leavers' experiences were graded good")),
            PersonRole("Jane Example", "director of children's services", "", ev(b, "Jane Example, director of children's services")),
        ],
        c.name: [
            CouncilMention(SANDWELL, "Sandwell Council", ev(c, "Sandwell Council")),
            Judgement(SANDWELL, "overall", "inadequate", 2018, ev(c, "rated inadequate overall in 2018"), current=False),
            Judgement(SANDWELL, "overall", "requires-improvement", 2022, ev(c, "requires improvement to be good overall")),
            Finding(SANDWELL, "area-for-improvement", "care leavers too often lack a settled home",
                    ev(c, "Inspectors said care leavers too often lack a settled home"), "care-leavers"),
            PersonRole("Lee Sample", "cabinet member for children", "Sandwell Council",
                       ev(c, "Lee Sample, cabinet member for children at Sandwell Council"), SANDWELL),
        ],
        d.name: [
            CouncilMention(KENT, "Kent County Council", ev(d, "Kent County Council")),
            Judgement(KENT, "overall", "outstanding", 2017, ev(d, "judged outstanding overall in 2017"), current=False),
            Judgement(KENT, "overall", "good", 2022, ev(d, "rated its children's services good overall, in 2022")),
            Inspection(KENT, "focused-visit", 2020, ev(d, "A focused visit in 2020 looked at the front door")),
            Initiative("Futures Path", KENT, ev(d, "Kent also runs the Futures Path scheme")),
            Statistic(KENT, 1200, "children", "children in care", ev(d, "1,200 children are in its care")),
        ],
        e.name: [
            CouncilMention(LINCS, "Lincolnshire County Council", ev(e, "Lincolnshire County Council")),
            Judgement(LINCS, "overall", "outstanding", 2019, ev(e, "rated outstanding overall in 2019")),
        ],
    }


def write_documents(store_dir: Path, docs_and_facts: list[tuple[Document, list]]) -> ox.Store:
    """Map and write documents exactly as `build` does (reference graphs first, one graph each)."""
    store = ox.Store(str(store_dir))
    ensure_reference(store)
    councils = {r.gss: r for r in council_records()}
    replace_graphs(store, [(str(iris.document(doc.sha256)), document_graph(doc, facts, councils))
                           for doc, facts in docs_and_facts])
    store.flush()
    return store


def made_store(store_dir: Path) -> ox.Store:
    docs = {name: _doc(name, published, text) for name, (published, text) in ARTICLES.items()}
    facts = _made_facts(docs)
    return write_documents(store_dir, [(docs[n], facts[n]) for n in ARTICLES])


# ------------------------------------------------------------------ gold corpora

def _anchor(doc: Document, *names: str) -> Evidence:
    """Evidence for a gold fact: the first place the text names it, else the first line."""
    lower = doc.text.lower()
    for name in names:
        if name and (at := lower.find(name.lower())) >= 0:
            return Evidence(at, at + len(name), doc.text[at:at + len(name)])
    first = doc.text.strip().splitlines()[0]
    at = doc.text.index(first)
    return Evidence(at, at + len(first), first)


def gold_facts(docs_dir: Path, gold: dict) -> tuple[Document, list]:
    path = docs_dir / gold["doc"]
    raw = path.read_bytes()
    doc = Document(path=Path(gold["doc"]), text=raw.decode("utf-8"), sha256=hashlib.sha256(raw).hexdigest(),
                   media_type="text/plain")
    gaz = gazetteer()
    named = {c["name"]: c["gss"] for c in gold.get("councils", []) if c.get("gss")}

    def gss(name: str) -> str | None:
        if name in named:
            return named[name]
        record = gaz.resolve(name) if name else None
        return record.gss if record else None

    short = {r.gss: r.short_name for r in council_records()}
    facts: list = []
    for c in gold.get("councils", []):
        if c.get("gss"):
            facts.append(CouncilMention(c["gss"], c["name"], _anchor(doc, c["name"], short.get(c["gss"], ""))))
    for j in gold.get("judgements", []):
        if (code := gss(j["council"])):
            facts.append(Judgement(code, j["area"], j["grade"], j.get("year"), _anchor(doc, short.get(code, ""), j["council"])))
    for p in gold.get("people", []):
        facts.append(PersonRole(p["name"], p.get("role", ""), p.get("organisation", ""), _anchor(doc, p["name"]),
                                gss(p.get("organisation", ""))))
    for i in gold.get("initiatives", []):
        facts.append(Initiative(i["name"], gss(i.get("council") or ""), _anchor(doc, i["name"])))
    for s in gold.get("statistics", []):
        if (code := gss(s["council"])):
            facts.append(Statistic(code, float(s["value"]), s["unit"], s.get("measure", ""), _anchor(doc, str(s["value"]))))
    return doc, facts


def gold_files(corpus_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus_dir / "gold").glob("*.json"))]


def gold_store(corpus_dir: Path, store_dir: Path) -> ox.Store:
    return write_documents(store_dir, [gold_facts(corpus_dir / "docs", g) for g in gold_files(corpus_dir)])


def test_made_store_holds_every_document(tmp_path: Path) -> None:
    store = made_store(tmp_path / "store")
    names = {r["n"].value for r in store.query(
        "SELECT ?n WHERE { GRAPH ?g { ?d <https://w3id.org/ofsted-kg/ontology#fileName> ?n } }")}
    assert names == set(ARTICLES)
