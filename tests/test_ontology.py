"""The ontology files: every term documented, the closed namespace in step
with the Turtle, vocabularies carrying exactly the evaluation codes, and the
reference data conforming to the shapes."""
from __future__ import annotations

import csv
import importlib.util

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ofsted_kg.graph.namespaces import KG, KG_NS
from ofsted_kg.graph.resources import COUNCILS_FILE, ONTOLOGY_FILE, VOCAB_FILE
from ofsted_kg.graph.validate import reference_graph, run_shacl

from .conftest import REPO, SHARED, requires_shared

AREAS = {"overall", "help-protection", "in-care", "care-leavers", "leadership", "adoption", "lscb"}
GRADES = {"outstanding", "good", "requires-improvement", "inadequate"}


def test_every_term_has_label_and_comment():
    g = Graph().parse(ONTOLOGY_FILE)
    terms = {s for s in g.subjects() if str(s).startswith(str(KG_NS))}
    assert len(terms) > 30
    undocumented = [t for t in terms if not g.value(t, RDFS.label) or not g.value(t, RDFS.comment)]
    assert undocumented == []


def test_closed_namespace_matches_ontology():
    g = Graph().parse(ONTOLOGY_FILE)
    in_ttl = {str(s).removeprefix(str(KG_NS)) for s in g.subjects() if str(s).startswith(str(KG_NS))}
    in_python = set(KG.__annotations__)
    assert in_python == in_ttl
    with pytest.raises(AttributeError):
        KG.Councl  # a misspelt term is an error, not a new IRI


def test_vocab_notations_are_the_evaluation_codes():
    g = Graph().parse(VOCAB_FILE)
    def notations(cls):
        return {str(g.value(c, SKOS.notation)) for c in g.subjects(RDF.type, cls)}
    assert notations(KG.Area) == AREAS
    assert notations(KG.Grade) == GRADES
    ranks = {str(g.value(c, SKOS.notation)): int(g.value(c, KG.rank)) for c in g.subjects(RDF.type, KG.Grade)}
    assert sorted(ranks, key=ranks.get) == ["outstanding", "good", "requires-improvement", "inadequate"]
    sif = g.value(predicate=SKOS.notation, object=Literal("SIF"))
    assert {str(g.value(a, SKOS.notation)) for a in g.objects(sif, KG.gradesArea)} == AREAS


def test_reference_data_conforms_to_shapes():
    data = Graph()
    for triple in reference_graph():
        data.add(triple)
    conforms, _report, problems = run_shacl(data)
    assert conforms, [p.line() for p in problems]


def test_councils_cover_every_council_with_press_names():
    g = Graph().parse(COUNCILS_FILE)
    councils = set(g.subjects(RDF.type, KG.Council))
    assert len(councils) == 161
    essex = next(c for c in councils if str(c).endswith("E10000012"))
    alts = {str(a) for a in g.objects(essex, SKOS.altLabel)}
    assert {"Essex", "Essex council"} <= alts
    assert (essex, OWL.sameAs, None) in g
    croydon = next(c for c in councils if str(c).endswith("E09000008"))
    assert "the London borough of Croydon" in {str(a) for a in g.objects(croydon, SKOS.altLabel)}
    ended = [c for c in councils if g.value(c, KG.successor)]
    assert len(ended) == 8


@requires_shared
def test_councils_ttl_is_what_the_script_makes_from_the_csv():
    spec = importlib.util.spec_from_file_location("build_councils", REPO / "scripts" / "build_councils.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(SHARED / "reference" / "councils.csv")
    assert isomorphic(fresh, Graph().parse(COUNCILS_FILE))
    with open(SHARED / "reference" / "councils.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 161
