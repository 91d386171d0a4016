"""Ofsted report PDFs as documents: the reader's tidy text, every report's
judgement table, the lead inspector, earlier grades, visits and findings, and
one clear line for files that are not readable PDFs."""
from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.model import Finding, Inspection, Judgement, PersonRole
from ofsted_kg.loaders.pipeline import analyse
from ofsted_kg.loaders.read import read_document

from .conftest import corpus, requires_shared
from .report_pdf import make_image_only_pdf, make_report

GRADES = {"overall": "good", "leadership": "good", "help-protection": "requires-improvement",
          "in-care": "outstanding", "care-leavers": "inadequate"}
ILACS_AREAS = {"overall", "leadership", "help-protection", "in-care"}
SIF_AREAS = {"overall", "leadership", "help-protection", "in-care", "care-leavers", "adoption", "lscb"}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return make_report(tmp_path_factory.mktemp("pdf") / "rutland_2024.pdf", "Rutland", GRADES)


def facts_of(path: Path):
    doc, facts = analyse(path, gazetteer())
    return doc, facts


def test_reader_joins_wrapped_lines_and_drops_running_headers(report):
    doc = read_document(report)
    assert "The impact of leaders on social work practice with children and families" in doc.text
    assert doc.text.count("Inspection of Rutland local authority children's services") == 1  # not on every page
    assert "\n2\n" not in doc.text and "\n3\n" not in doc.text  # page numbers dropped


def test_offsets_point_at_the_quotes(report):
    doc, facts = facts_of(report)
    assert facts
    for fact in facts:
        ev = fact.evidence
        assert doc.text[ev.start:ev.end] == ev.quote


def test_generated_report_gives_its_judgement_table(report):
    _doc, facts = facts_of(report)
    current = {(f.area, f.grade) for f in facts if isinstance(f, Judgement) and f.current}
    assert current == set(GRADES.items())
    assert {f.year for f in facts if isinstance(f, Judgement) and f.current} == {2024}


def test_generated_report_gives_lead_inspector_earlier_grade_visit_and_findings(report):
    _doc, facts = facts_of(report)
    people = [f for f in facts if isinstance(f, PersonRole)]
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Morag Quill", "lead inspector, His Majesty's Inspector", "Ofsted")]
    earlier = [(f.area, f.grade, f.year) for f in facts if isinstance(f, Judgement) and not f.current]
    assert earlier == [("overall", "inadequate", 2019)]
    visits = {(f.kind, f.year) for f in facts if isinstance(f, Inspection)}
    assert ("focused-visit", 2021) in visits and ("full-inspection", 2024) in visits
    full = next(f for f in facts if isinstance(f, Inspection) and f.kind == "full-inspection")
    assert (full.framework, str(full.start_date), str(full.end_date)) == ("ILACS", "2024-03-04", "2024-03-15")
    findings = [(f.kind, f.area) for f in facts if isinstance(f, Finding)]
    assert findings == [("area-for-improvement", "help-protection"), ("area-for-improvement", "in-care"),
                        ("area-for-improvement", "leadership")]


@requires_shared
@pytest.mark.corpus
@pytest.mark.parametrize("pdf", sorted((corpus("reports") / "docs").glob("*.pdf")) if corpus("reports").is_dir() else [],
                         ids=lambda p: p.name)
def test_every_corpus_report_yields_its_full_judgement_table(pdf):
    _doc, facts = facts_of(pdf)
    table = [f for f in facts if isinstance(f, Judgement) and f.current]
    assert table, f"{pdf.name}: no judgement table"
    assert len({f.gss for f in table}) == 1
    framework = table[0].framework
    start = next((f.start_date for f in facts if isinstance(f, Inspection) and f.kind == "full-inspection"), None)
    expected = SIF_AREAS if framework == "SIF" else ILACS_AREAS | ({"care-leavers"} if start and start.year >= 2023 else set())
    assert {f.area for f in table} == expected, pdf.name
    assert all(f.grade in ("outstanding", "good", "requires-improvement", "inadequate") for f in table)


def test_unreadable_pdfs_each_give_one_line_naming_the_file(cli, store, tmp_path, report):
    bad = tmp_path / "bad"
    bad.mkdir()
    make_image_only_pdf(bad / "scanned.pdf")
    (bad / "truncated.pdf").write_bytes(report.read_bytes()[:700])
    (bad / "error_page.pdf").write_text("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                                        "<body>Not found</body></html>", encoding="utf-8")
    result = cli("build", "--store", store, "--quiet", bad)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()] if hasattr(result, "stderr") else result.output.splitlines()
    for name, words in (("scanned.pdf", "no text layer"), ("truncated.pdf", "damaged"), ("error_page.pdf", "HTML")):
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
        assert words in mine[0]
