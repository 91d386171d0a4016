#!/usr/bin/env python3
"""Generate ontology/councils.ttl, the reference councils, from councils.csv.

Source: ../shared/reference/councils.csv (every English council with
children's social care duties since 2013: GSS and DfE codes, official and
short names, type, region, start/end dates and successors), compiled from
DfE, ONS, mySociety and GOV.UK lists as described in
../shared/reference/SOURCES.md. The generated Turtle is committed so a fresh
clone needs no ../shared; rerun this script when the CSV changes:

    python3 scripts/build_councils.py [path/to/councils.csv]
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "reference" / "councils.csv"
OUT = ROOT / "ontology" / "councils.ttl"

BASE = "https://w3id.org/ofsted-kg/"
KG = BASE + "ontology#"
ONS = "http://statistics.data.gov.uk/id/statistical-geography/"

# Names the press uses that no rule below derives from the official or short name.
EXTRA_NAMES: dict[str, list[str]] = {
    "E06000010": ["Kingston upon Hull", "Kingston upon Hull City Council"],
    "E06000047": ["Durham", "Durham County Council"],
    "E06000058": ["BCP", "BCP Council", "Bournemouth, Christchurch and Poole"],
    "E06000033": ["Southend", "Southend Council"],
    "E06000021": ["Stoke", "Stoke City Council"],
    "E06000004": ["Stockton", "Stockton Council"],
    "E06000011": ["East Riding", "East Riding Council"],
    "E06000022": ["Bath & North East Somerset", "BANES"],
    "E08000021": ["Newcastle", "Newcastle upon Tyne City Council"],
    "E08000013": ["St. Helens"],
    "E09000001": ["City of London Corporation", "the City of London"],
    "E09000027": ["Richmond"],
    "E09000021": ["Kingston"],
    "E06000053": ["Scilly", "Isles of Scilly Council"],
    "E06000008": ["Blackburn"],
}


def press_names(row: dict[str, str]) -> list[str]:
    """Official name variants the press writes: 'Essex County Council', 'Essex council', 'the London borough of X'."""
    short, kind = row["short_name"], row["type"]
    names = [short, f"{short} Council", f"{short} council", f"{short} local authority"]
    if kind == "county":
        names += [f"{short} County Council", f"{short} county council", f"{short} County"]
    if kind == "london-borough":
        names += [f"London Borough of {short}", f"the London borough of {short}", f"{short} Borough Council",
                  f"{short} borough council", f"Royal Borough of {short}", f"{short} London Borough Council"]
    if kind == "metropolitan-borough":
        names += [f"{short} Metropolitan Borough Council", f"{short} Borough Council", f"{short} City Council"]
    if kind == "unitary":
        names += [f"{short} Borough Council", f"{short} City Council", f"{short} County Council"]
    names += EXTRA_NAMES.get(row["gss"], [])
    with_and = [n.replace(" & ", " and ") for n in names] + [n.replace(" and ", " & ") for n in names]
    official = row["name"]
    return sorted({n for n in names + with_and + [official.replace(" & ", " and ")] if n != official})


def build(csv_path: Path) -> Graph:
    g = Graph()
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    g.bind("schema", SDO)
    g.bind("dcterms", DCTERMS)
    g.bind("owl", OWL)
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        council = URIRef(f"{BASE}id/council/{row['gss']}")
        g.add((council, RDF.type, URIRef(KG + "Council")))
        g.add((council, SKOS.prefLabel, Literal(row["name"], lang="en")))
        g.add((council, RDFS.label, Literal(row["name"])))
        g.add((council, URIRef(KG + "shortName"), Literal(row["short_name"])))
        for name in press_names(row):
            g.add((council, SKOS.altLabel, Literal(name, lang="en")))
        g.add((council, URIRef(KG + "gssCode"), Literal(row["gss"])))
        if row["dfe_la_code"]:
            g.add((council, URIRef(KG + "dfeCode"), Literal(row["dfe_la_code"])))
        g.add((council, URIRef(KG + "councilType"), Literal(row["type"])))
        g.add((council, URIRef(KG + "region"), Literal(row["region"])))
        g.add((council, OWL.sameAs, URIRef(ONS + row["gss"])))
        if row["start"]:
            g.add((council, SDO.foundingDate, Literal(row["start"], datatype=XSD.date)))
        if row["end"]:
            g.add((council, SDO.dissolutionDate, Literal(row["end"], datatype=XSD.date)))
        for successor in filter(None, row["replaced_by"].split(";")):
            g.add((council, URIRef(KG + "successor"), URIRef(f"{BASE}id/council/{successor}")))
        g.add((council, DCTERMS.source, Literal("shared/reference/councils.csv")))
    ofsted = URIRef(f"{BASE}id/organisation/ofsted")
    g.add((ofsted, RDF.type, URIRef(KG + "Inspectorate")))
    g.add((ofsted, RDFS.label, Literal("Ofsted")))
    g.add((ofsted, SKOS.prefLabel, Literal("Ofsted", lang="en")))
    g.add((ofsted, SKOS.altLabel, Literal("Office for Standards in Education, Children's Services and Skills", lang="en")))
    return g


def main() -> None:
    csv_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    graph = build(csv_path)
    header = (f"# Generated by scripts/build_councils.py from {csv_path.name} "
              "(shared/reference/councils.csv; sources in shared/reference/SOURCES.md). Do not edit by hand.\n")
    OUT.write_text(header + graph.serialize(format="turtle"), encoding="utf-8")
    print(f"wrote {OUT} ({len(graph)} triples)")


if __name__ == "__main__":
    main()
