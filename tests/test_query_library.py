"""The named query library: every query's header, columns and rows, on a store made from
short articles written for these tests and on the gold facts of the shared corpora."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from ofsted_kg.graph.query import QueryError, format_triples, named_queries, run_query, solutions_table

from .conftest import corpus, requires_shared, run_process
from .test_query_data import ARTICLES, gold_files, gold_store, made_store

QUERIES = named_queries()
OTHER_OWNERS = {"councils", "judgements", "people", "initiatives", "statistics"}
MINE = sorted(n for n in QUERIES if n not in OTHER_OWNERS and not n.startswith("reconcile-")
              and n != "council-history")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> ox.Store:
    return made_store(tmp_path_factory.mktemp("made") / "store")


def rows(store: ox.Store, query: str, **params: str) -> list[dict[str, str]]:
    named = QUERIES[query]
    columns, table = solutions_table(run_query(store, named.sparql, params, named))
    return [dict(zip(columns, row)) for row in table]


def pick(table: list[dict[str, str]], *keys: str) -> set[tuple[str, ...]]:
    return {tuple(row[k] for k in keys) for row in table}


def required_params(name: str, source: str = "a_north_lincs_2019.txt") -> dict[str, str]:
    given = {"council": "North Lincolnshire", "name": "example", "source": source}
    return {p: given[p] for p in QUERIES[name].required}


def test_the_library_has_at_least_fifteen_queries_of_its_own() -> None:
    assert len(MINE) >= 15, MINE


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_has_a_header(name: str) -> None:
    q = QUERIES[name]
    assert q.title and q.title != name and q.description and q.columns, f"{q.path.name}: incomplete header"
    for param, about in q.params.items():
        assert about, f"{q.path.name}: parameter {param} is not described"


@pytest.mark.parametrize("name", MINE)
def test_every_query_returns_its_declared_columns(made: ox.Store, name: str) -> None:
    named = QUERIES[name]
    result = run_query(made, named.sparql, required_params(name), named)
    if isinstance(result, ox.QueryTriples):
        assert list(result), f"{name}: no triples"
        return
    assert [v.value for v in result.variables] == named.columns


# ------------------------------------------------------------------ each query, on the made store

def test_latest_grades_take_the_newest_inspection(made: ox.Store) -> None:
    table = rows(made, "latest-grades")
    assert ("North Lincolnshire Council", "overall", "outstanding", "2023") in pick(table, "council", "area", "grade", "year")
    assert ("Kent County Council", "overall", "good", "2022") in pick(table, "council", "area", "grade", "year")
    assert ("Kent County Council", "overall", "outstanding") not in pick(table, "council", "area", "grade")
    assert ("Sandwell Metropolitan Borough Council", "overall", "requires-improvement") in pick(table, "council", "area", "grade")


def test_a_council_parameter_takes_any_name_and_keeps_north_lincolnshire_apart(made: ox.Store) -> None:
    for name in ("North Lincolnshire", "north lincolnshire council", "E06000013", "  North  Lincolnshire "):
        assert {r["council"] for r in rows(made, "latest-grades", council=name)} == {"North Lincolnshire Council"}
    assert {r["council"] for r in rows(made, "latest-grades", council="Lincolnshire")} == {"Lincolnshire County Council"}


def test_an_area_parameter_takes_a_code_or_a_label(made: ox.Store) -> None:
    for area in ("care-leavers", "Care leavers"):
        assert pick(rows(made, "latest-grades", area=area), "council", "grade") == {("North Lincolnshire Council", "good")}


def test_grade_changes_up_and_down(made: ox.Store) -> None:
    table = rows(made, "grade-changes")
    assert ("Kent County Council", "down", "outstanding", "good") in pick(table, "council", "change", "from_grade", "to_grade")
    assert ("Sandwell Metropolitan Borough Council", "up", "2018", "2022") in pick(table, "council", "change", "from_year", "to_year")
    assert {r["change"] for r in rows(made, "grade-changes", change="down")} == {"down"}


def test_grade_by_region_defaults_to_outstanding_overall(made: ox.Store) -> None:
    assert pick(rows(made, "grade-by-region"), "region", "council") == {
        ("Yorkshire and The Humber", "North Lincolnshire Council"), ("East Midlands", "Lincolnshire County Council")}
    assert pick(rows(made, "grade-by-region", grade="good"), "council") == {("Kent County Council",)}
    assert pick(rows(made, "grade-by-region", region="east midlands"), "council") == {("Lincolnshire County Council",)}


def test_latest_grade_counts(made: ox.Store) -> None:
    counts = pick(rows(made, "latest-grade-counts", area="overall"), "grade", "councils")
    assert counts == {("outstanding", "2"), ("good", "1"), ("requires-improvement", "1")}


def test_judgement_evidence_points_at_the_quote(made: ox.Store) -> None:
    for row in rows(made, "judgement-evidence"):
        text = ARTICLES[row["source"]][1]
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
    assert ("good", "rated good overall in 2019", "b_north_lincs_2023.txt") in pick(
        rows(made, "judgement-evidence", council="North Lincolnshire"), "grade", "quote", "source")


def test_people_by_council_and_person(made: ox.Store) -> None:
    assert pick(rows(made, "people-by-council"), "council", "name", "role") == {
        ("North Lincolnshire Council", "Jane Example", "director of children's services"),
        ("Sandwell Metropolitan Borough Council", "Lee Sample", "cabinet member for children")}
    assert pick(rows(made, "person", name="jane"), "name", "source") == {
        ("Jane Example", "a_north_lincs_2019.txt"), ("Jane Example", "b_north_lincs_2023.txt")}


def test_initiatives_by_council(made: ox.Store) -> None:
    assert pick(rows(made, "initiatives-by-council"), "initiative", "council") == {
        ("Futures Path", "Kent County Council"), ("Futures Path", "North Lincolnshire Council")}
    assert pick(rows(made, "initiatives-by-council", council="Kent"), "council") == {("Kent County Council",)}


def test_findings_about_care_leavers(made: ox.Store) -> None:
    assert pick(rows(made, "findings", area="care-leavers"), "council", "kind") == {
        ("North Lincolnshire Council", "strength"), ("Sandwell Metropolitan Borough Council", "area-for-improvement")}
    assert pick(rows(made, "findings", kind="strength"), "council") == {("North Lincolnshire Council",)}


def test_statistics_by_measure(made: ox.Store) -> None:
    assert pick(rows(made, "statistics-by-measure", measure="turnover"), "council", "value", "unit") == {
        ("North Lincolnshire Council", "11", "percent")}
    assert pick(rows(made, "statistics-by-measure", unit="children"), "council") == {("Kent County Council",)}


def test_documents_mentioning_a_council(made: ox.Store) -> None:
    assert pick(rows(made, "documents-mentioning", council="North Lincolnshire"), "source") == {
        ("a_north_lincs_2019.txt",), ("b_north_lincs_2023.txt",)}


def test_single_source_facts_leave_out_what_two_sources_say(made: ox.Store) -> None:
    facts = pick(rows(made, "single-source-facts"), "kind", "council", "fact")
    assert ("judgement", "Kent County Council", "overall outstanding in 2017") in facts
    assert ("initiative", "Kent County Council", "Futures Path") in facts
    assert ("judgement", "North Lincolnshire Council", "overall outstanding in 2023") in facts


def test_grade_disagreements(made: ox.Store) -> None:
    assert pick(rows(made, "grade-disagreements"), "council", "area", "year", "grade_a", "grade_b") == {
        ("North Lincolnshire Council", "overall", "2019", "outstanding", "good")}


def test_inspections_over_time(made: ox.Store) -> None:
    kent = rows(made, "inspections", council="Kent")
    assert [(r["year"], r["kind"], r["overall"]) for r in kent] == [
        ("2022", "full-inspection", "good"), ("2020", "focused-visit", ""), ("2017", "full-inspection", "outstanding")]


def test_sources_count_what_was_read(made: ox.Store) -> None:
    by_source = {r["source"]: r for r in rows(made, "sources")}
    assert set(by_source) == set(ARTICLES)
    assert by_source["a_north_lincs_2019.txt"]["judgements"] == "2"
    assert by_source["a_north_lincs_2019.txt"]["statistics"] == "1"


def test_document_facts_in_text_order(made: ox.Store) -> None:
    table = rows(made, "document-facts", source="d_kent_2022.txt")
    assert [r["kind"] for r in table] == ["councilmention", "judgement", "judgement", "inspection", "initiative", "statistic"]


def test_councils_without_grades(made: ox.Store) -> None:
    councils = pick(rows(made, "councils-without-grades"), "council")
    assert ("Derby City Council",) in councils and ("Kent County Council",) not in councils


def test_council_graph_as_turtle_and_json_ld(made: ox.Store) -> None:
    named = QUERIES["council-graph"]
    turtle = format_triples(run_query(made, named.sparql, {"council": "Kent"}, named), "turtle")
    graph = list(ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))
    grades = {str(q.object.value) for q in graph if q.predicate.value.endswith("#grade")}
    assert grades == {"https://w3id.org/ofsted-kg/id/grade/good", "https://w3id.org/ofsted-kg/id/grade/outstanding"}
    jsonld = format_triples(run_query(made, named.sparql, {"council": "Kent"}, named), "jsonld")
    assert len(list(ox.parse(jsonld.encode(), format=ox.RdfFormat.JSON_LD))) == len(graph)


# ------------------------------------------------------------------ parameters

def test_parameters_cannot_change_the_query(made: ox.Store) -> None:
    named = QUERIES["latest-grades"]
    hostile = 'Kent" ) } } SELECT * WHERE { ?s ?p ?o } #'
    columns, table = solutions_table(run_query(made, named.sparql, {"council": hostile}, named, check=False))
    assert columns == named.columns and table == []


def test_unknown_missing_and_misspelt_parameters_are_named(made: ox.Store) -> None:
    named = QUERIES["latest-grades"]
    with pytest.raises(QueryError, match="takes no parameter colour; it takes council, area"):
        run_query(made, named.sparql, {"colour": "red"}, named)
    with pytest.raises(QueryError, match=r"documents-mentioning needs --param council="):
        run_query(made, QUERIES["documents-mentioning"].sparql, {}, QUERIES["documents-mentioning"])
    with pytest.raises(QueryError, match="no council called 'North Lincs' in the store; did you mean 'North Lincolnshire'"):
        run_query(made, named.sparql, {"council": "North Lincs"}, named)
    with pytest.raises(QueryError, match="no area called 'care leaver'"):
        run_query(made, named.sparql, {"area": "care leaver"}, named)


# ------------------------------------------------------------------ the command

@pytest.fixture(scope="module")
def made_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("made-cli") / "store"
    made_store(path)
    return path


def test_query_command_binds_a_council_and_prints_csv(cli, made_dir: Path) -> None:
    result = cli("query", "--store", made_dir, "latest-grades", "--param", "council=North Lincolnshire", "--format", "csv")
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["council"] for r in table} == {"North Lincolnshire Council"}
    assert ("overall", "outstanding") in {(r["area"], r["grade"]) for r in table}


def test_query_command_limit_and_json(cli, made_dir: Path) -> None:
    result = cli("query", "--store", made_dir, "judgement-evidence", "--format", "json", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert result.output.count('"council"') == 2


def test_query_command_syntax_error_has_line_and_column(cli, made_dir: Path) -> None:
    result = cli("query", "--store", made_dir, "SELECT ?c WHERE {\n  ?c a kgx:Council }")
    assert result.exit_code == 2
    assert "SPARQL syntax error at line 2, column " in result.output and "Prefix not found" in result.output


def test_query_command_graph_formats(cli, made_dir: Path) -> None:
    for fmt, rdf_format in (("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
                            ("jsonld", ox.RdfFormat.JSON_LD)):
        result = cli("query", "--store", made_dir, "council-graph", "-p", "council=Sandwell", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert list(ox.parse(result.output.encode(), format=rdf_format)), fmt
    wrong = cli("query", "--store", made_dir, "latest-grades", "--format", "turtle")
    assert wrong.exit_code == 2 and "CONSTRUCT and DESCRIBE" in wrong.output


def test_query_command_names_missing_parameters(cli, made_dir: Path) -> None:
    result = cli("query", "--store", made_dir, "person")
    assert result.exit_code == 2 and "person needs --param name=..." in result.output


def test_queries_command_lists_every_query_with_its_parameters(cli) -> None:
    result = cli("queries")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(QUERIES)
    assert any(line.startswith("documents-mentioning --param council=...  ") for line in lines)
    assert any(line.startswith("latest-grades [--param council=...] [--param area=...]  ") for line in lines)


# ------------------------------------------------------------------ the shared corpora

def gold_keys(golds: list[dict], category: str, *keys: str) -> set[tuple]:
    return {tuple(item.get(k) for k in keys) for g in golds for item in g.get(category, [])}


@requires_shared
@pytest.mark.corpus
@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_every_query_runs_on_the_gold_facts_of_a_corpus(tmp_path: Path, name: str) -> None:
    golds = gold_files(corpus(name))
    store = gold_store(corpus(name), tmp_path / "store")
    first_doc = golds[0]["doc"]
    for query in MINE:
        named = QUERIES[query]
        result = run_query(store, named.sparql, required_params(query, first_doc), named)
        if not isinstance(result, ox.QueryTriples):
            assert [v.value for v in result.variables] == named.columns, query
    sources = {r["source"] for r in rows(store, "sources")}
    assert sources == {g["doc"] for g in golds}
    evidence = pick(rows(store, "judgement-evidence"), "area", "grade", "source")
    expected = {(j["area"], j["grade"], g["doc"]) for g in golds for j in g.get("judgements", [])}
    assert expected <= evidence
    for gold in golds:
        for council in gold.get("councils", [])[:3]:
            if council.get("gss"):
                found = pick(rows(store, "documents-mentioning", council=council["gss"]), "source")
                assert (gold["doc"],) in found, (council, gold["doc"])
    people = pick(rows(store, "person", name=" "), "name")
    assert {(p["name"],) for g in golds for p in g.get("people", [])} <= people


@requires_shared
@pytest.mark.corpus
def test_north_lincolnshire_outstanding_overall_in_the_seeds(tmp_path: Path) -> None:
    store = gold_store(corpus("seeds"), tmp_path / "store")
    latest = rows(store, "latest-grades", council="North Lincolnshire")
    assert ("North Lincolnshire Council", "overall", "outstanding") in pick(latest, "council", "area", "grade")
    assert {r["council"] for r in latest} == {"North Lincolnshire Council"}
    region = pick(rows(store, "grade-by-region"), "region", "council")
    assert ("Yorkshire and The Humber", "North Lincolnshire Council") in region


@requires_shared
@pytest.mark.corpus
def test_dev_corpus_initiatives_and_statistics(tmp_path: Path) -> None:
    golds = gold_files(corpus("dev"))
    store = gold_store(corpus("dev"), tmp_path / "store")
    initiatives = {r["initiative"] for r in rows(store, "initiatives-by-council")}
    expected = {i["name"] for g in golds for i in g.get("initiatives", []) if i.get("council")}
    assert expected and expected <= initiatives
    values = {float(r["value"]) for r in rows(store, "statistics-by-measure")}
    assert {float(s["value"]) for g in golds for s in g.get("statistics", [])} <= values


@requires_shared
@pytest.mark.corpus
def test_every_query_runs_through_the_cli_on_a_built_seed_store(tmp_path: Path) -> None:
    """On what the extractors really write (which changes as they improve): every query runs."""
    store = tmp_path / "store"
    built = run_process("build", "--store", store, "--quiet", corpus("seeds") / "docs")
    assert built.returncode in (0, 1), built.stderr
    for query in MINE:
        args = [f"--param={k}={v}" for k, v in required_params(query, gold_files(corpus("seeds"))[0]["doc"]).items()]
        fmt = "ntriples" if query == "council-graph" else "csv"
        result = run_process("query", "--store", store, "--format", fmt, query, *args)
        assert result.returncode == 0, (query, result.stderr)
        if fmt == "csv":
            assert result.stdout.splitlines()[0].split(",") == QUERIES[query].columns
