"""Reconciliation: a report, an article that agrees with it and one that does
not meet on one inspection node; `reconcile` lists exactly the disagreement,
with both quotes and sources, and the shapes warn about it."""
from __future__ import annotations

import json

import pytest

from ofsted_kg.graph.store import open_store
from ofsted_kg.graph.validate import validate_store

from .report_pdf import make_report

GRADES = {"overall": "good", "leadership": "good", "help-protection": "good", "in-care": "good", "care-leavers": "good"}
AGREES = """Rutland children's services rated good by Ofsted
Published: 2024-05-02

Rutland County Council's children's services have been rated good overall by Ofsted after an inspection in March 2024.
"""
DISAGREES = """Rutland told its children's services require improvement
Published: 2024-05-03

Ofsted has rated Rutland County Council's children's services inadequate overall after an inspection in March 2024.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from typer.testing import CliRunner

    from ofsted_kg.graph.cli import app

    docs = tmp_path_factory.mktemp("docs")
    make_report(docs / "rutland_report.pdf", "Rutland", GRADES)
    (docs / "agrees.txt").write_text(AGREES, encoding="utf-8")
    (docs / "disagrees.txt").write_text(DISAGREES, encoding="utf-8")
    store = tmp_path_factory.mktemp("store") / "store"
    result = CliRunner().invoke(app, ["build", "--store", str(store), "--quiet", str(docs)])
    assert result.exit_code == 0, result.output
    return store


def run(*args):
    from typer.testing import CliRunner

    from ofsted_kg.graph.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_reconcile_lists_exactly_the_disagreement_with_both_quotes(built):
    result = run("reconcile", "--store", built, "--format", "json")
    assert result.exit_code == 0, result.output
    councils = json.loads(result.output)
    disagreements = [d for c in councils for d in c["disagreements"]]
    assert len(disagreements) == 1, disagreements
    d = disagreements[0]
    assert (d["gss"], d["year"], d["area"], d["record_grade"], d["grade"]) == ("E06000017", "2024", "overall", "good", "inadequate")
    assert (d["record_source"], d["source"]) == ("rutland_report.pdf", "disagrees.txt")
    assert d["record_quote"] == "Overall effectiveness Good"
    assert "inadequate overall" in d["quote"]
    agreeing = [r for c in councils for r in c["comparisons"] if r["verdict"] == "agrees"]
    assert [(r["area"], r["source"]) for r in agreeing] == [("overall", "agrees.txt")]
    text = run("reconcile", "--store", built, "--disagreements").output
    assert text.count("DISAGREES") == 1 and "Overall effectiveness Good" in text and "disagrees.txt" in text


def test_disagreement_is_a_shacl_warning_not_a_violation(built):
    problems = validate_store(open_store(built)).all_problems
    about_grades = [p for p in problems if "/id/judgement/" in p.focus or "/id/inspection/" in p.focus]
    assert not [p for p in about_grades if p.is_violation], about_grades
    warnings = [p for p in about_grades if "disagree" in p.message.lower()]
    assert {(p.severity, p.focus.rsplit("/id/", 1)[1]) for p in warnings} == {("Warning", "judgement/E06000017/2024/overall")}


def test_council_history_by_any_name(built):
    for name in ("Rutland", "rutland county council", "E06000017"):
        result = run("query", "--store", built, "council-history", "--param", f"council={name}", "--format", "json")
        assert result.exit_code == 0, result.output
        rows = json.loads(result.output)
        kinds = {(r["year"], r["kind"]) for r in rows}
        assert ("2024", "full-inspection") in kinds and ("2021", "focused-visit") in kinds and ("2019", "full-inspection") in kinds
        assert {r["source_kind"] for r in rows} == {"report", "article"}
        years = [r["year"] for r in rows]
        assert years == sorted(years)


def test_curated_table_outranks_the_report(built, tmp_path):
    table = tmp_path / "outcomes.csv"
    table.write_text("gss,local_authority,inspection_start_date,overall\nE06000017,rutland,2024-03-04,good\n", encoding="utf-8")
    assert run("import-outcomes", "--store", built, table).exit_code == 0
    result = json.loads(run("reconcile", "--store", built, "--council", "Rutland", "--format", "json").output)
    official = result[0]["official"]
    assert {(r["area"], r["source"]) for r in official if r["area"] == "overall"} == {("overall", "outcomes.csv")}
    disagreements = result[0]["disagreements"]
    assert [(d["record_source"], d["source"]) for d in disagreements] == [("outcomes.csv", "disagrees.txt")]
