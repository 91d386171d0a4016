"""The shapes compiled to SPARQL (graph/shacl_sparql.py, run by graph/validate_fast.py) must find
exactly what pyshacl finds: same severity, message, focus, path, value, component and hint, for
every shape test file, the shipped examples and the corpora."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from ofsted_kg.graph import iris
from ofsted_kg.graph.mapping import document_graph
from ofsted_kg.graph.reference import council_records, gazetteer
from ofsted_kg.graph.shacl_sparql import UnsupportedShape, compile_shapes
from ofsted_kg.graph.store import ntriples
from ofsted_kg.graph.validate import ReadError, read_data_file, shapes_graph, validate_named
from ofsted_kg.graph.validate_fast import validate_batch
from ofsted_kg.loaders.model import DocumentError
from ofsted_kg.loaders.pipeline import analyse

from .conftest import SHARED, requires_shared

HERE = Path(__file__).parent
REPO = HERE.parent


def _parses(path: Path) -> bool:
    try:
        read_data_file(path)
    except ReadError:  # the files that cannot be read are tested in test_shapes.py
        return False
    return True


SHAPE_FILES = sorted(p for p in (HERE / "shapes").rglob("*") if p.is_file() and _parses(p))


def _key(problem) -> tuple:
    """A result as a user reads it; blank node labels differ between parsers, so they are masked."""
    def mask(text):
        return re.sub(r"_:\S+|\bN[0-9a-f]{32}\b", "_:b", text) if text else text

    focus = problem.focus if problem.focus.startswith("http") else "_:b"
    return (problem.severity, mask(problem.message), focus, problem.path, mask(problem.value), problem.component,
            problem.hint)


def _both(graphs: list[tuple[str, Graph]]) -> tuple[dict, dict]:
    slow = validate_named(graphs).problems
    fast = validate_batch([(name, ntriples(g)) for name, g in graphs])
    return ({n: sorted(map(_key, ps)) for n, ps in slow.items()},
            {n: sorted(map(_key, ps)) for n, ps in fast.items()})


def test_every_shape_compiles():
    checks = compile_shapes(shapes_graph())
    # every constraint of ontology/shapes.ttl (KnownTerms is checked in Python by both engines)
    assert len(checks) > 60
    assert {c.severity for c in checks} == {"Violation", "Warning"}


def test_an_unknown_constraint_is_refused_not_skipped():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .
    """, format="turtle")
    with pytest.raises(UnsupportedShape, match="uniqueLang"):
        compile_shapes(shapes)


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_results_as_pyshacl_on_shape_files(path):
    data = read_data_file(path)
    name = f"urn:test:{path.name}"
    slow, fast = _both([(name, data.graph)])
    assert fast[name] == slow[name]
    if path.parent.name != "valid":
        assert fast[name], "each invalid or warning file has at least one result"


def _documents(folders: list[Path]) -> list[tuple[str, Graph]]:
    councils = {r.gss: r for r in council_records()}
    gaz = gazetteer()
    graphs = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            try:
                doc, facts = analyse(path, gaz)
            except DocumentError:
                continue
            graphs.append((str(iris.document(doc.sha256)), document_graph(doc, facts, councils)))
    return graphs


def test_same_results_as_pyshacl_on_the_examples_as_one_batch():
    graphs = _documents([REPO / "examples" / "articles", HERE / "corpus" / "own" / "docs"])
    slow, fast = _both(graphs)
    assert fast == slow


@requires_shared
def test_same_results_as_pyshacl_on_the_corpora_as_one_batch():
    graphs = _documents([SHARED / "corpus" / name / "docs" for name in ("seeds", "dev", "reports")])
    slow, fast = _both(graphs)
    assert fast == slow


def test_disagreeing_documents_are_warned_in_both():
    """Two documents in one batch giving one council's area different grades: a warning on each."""
    def doc(grade: str, n: int) -> tuple[str, Graph]:
        g = Graph().parse(data=f"""
            @prefix kg: <https://w3id.org/ofsted-kg/ontology#> . @prefix prov: <http://www.w3.org/ns/prov#> .
            <https://w3id.org/ofsted-kg/id/judgement/x{n}> a kg:Judgement ; kg:area <https://w3id.org/ofsted-kg/id/area/overall> ;
                kg:grade <https://w3id.org/ofsted-kg/id/grade/{grade}> ; kg:inspection <https://w3id.org/ofsted-kg/id/inspection/i{n}> ;
                prov:wasDerivedFrom <https://w3id.org/ofsted-kg/id/curated/c{n}> .
            <https://w3id.org/ofsted-kg/id/curated/c{n}> a kg:CuratedSource ; kg:fileName "c{n}.ttl" .
            <https://w3id.org/ofsted-kg/id/inspection/i{n}> a kg:Inspection ; kg:kind <https://w3id.org/ofsted-kg/id/inspection-kind/full-inspection> ;
                kg:council <https://w3id.org/ofsted-kg/id/council/E10000019> ; kg:year 2019 .
        """, format="turtle")
        return f"urn:test:doc{n}", g

    slow, fast = _both([doc("good", 1), doc("inadequate", 2)])
    assert fast == slow
    assert all(any("Sources disagree" in p[1] for p in fast[name]) for name in fast)


def test_build_writes_the_same_triples_as_the_rdflib_mapping():
    """build maps documents straight to N-Triples; the triples must be those of the rdflib mapping."""
    from rdflib.compare import isomorphic

    from ofsted_kg.graph.mapping import document_ntriples

    councils = {r.gss: r for r in council_records()}
    gaz = gazetteer()
    folders = [REPO / "examples" / "articles", HERE / "corpus" / "own" / "docs"]
    paths = [p for folder in folders for p in sorted(folder.iterdir())]
    assert paths
    for path in paths:
        doc, facts = analyse(path, gaz)
        text = document_ntriples(doc, facts, councils)
        assert isomorphic(Graph().parse(data=text, format="nt"), document_graph(doc, facts, councils)), path.name


def test_store_validation_finds_what_pyshacl_finds_over_the_union(cli, store):
    """`validate --store` on a store of the examples, a curated table that disagrees with one of
    them and a file with warnings: the same problems, per graph, as pyshacl over the union."""
    from ofsted_kg.graph.store import open_store, replace_graphs
    from ofsted_kg.graph.validate import run_shacl, store_graph
    from ofsted_kg.graph.validate_fast import owners
    from ofsted_kg.graph.validate_store import validate_whole_store

    assert cli("build", "--store", store, REPO / "examples" / "articles").exit_code == 0
    assert cli("import-outcomes", "--store", store, REPO / "examples" / "outcomes.csv").exit_code == 0
    db = open_store(store)
    warnings = HERE / "shapes" / "warning" / "sources_disagree.ttl"
    replace_graphs(db, [("urn:test:warnings", read_data_file(warnings).graph)])

    fast = validate_whole_store(db)
    _conforms, _report, problems = run_shacl(store_graph(db))
    slow: dict[str, list] = {}
    for p in problems:
        for name in owners(db, p.focus, set()) or ["(default graph)"]:
            slow.setdefault(name, []).append(_key(p))
    assert {n: sorted(map(_key, ps)) for n, ps in fast.problems.items()} == {n: sorted(ps) for n, ps in slow.items()}
    assert any(p.severity == "Warning" for p in fast.all_problems)
    report = fast.report.serialize(format="turtle")
    assert "sh:ValidationResult" in report and "sh:resultSeverity sh:Warning" in report


def test_store_checks_in_worker_processes_find_the_same(cli, store):
    """A large store's checks run in worker processes with read-only views: same results as in one."""
    from ofsted_kg.graph.store import open_store, replace_graphs
    from ofsted_kg.graph.validate_fast import find_problems

    assert cli("build", "--store", store, REPO / "examples" / "articles").exit_code == 0
    db = open_store(store)
    replace_graphs(db, [("urn:test:bad", read_data_file(HERE / "shapes" / "invalid" / "misspelt_property.ttl").graph),
                        ("urn:test:warn", read_data_file(HERE / "shapes" / "warning" / "percent_over_100.ttl").graph)])
    db.flush()
    alone = sorted(map(_key, find_problems(db, deduplicate=True)))
    shared = sorted(map(_key, find_problems(db, deduplicate=True, path=str(store), workers=2)))
    assert shared == alone
    assert {p[0] for p in alone} == {"Violation", "Warning"}
