"""Findings: inspectors' strengths and areas for improvement, in our own
sentences, each for its council and, where clear, its area."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ofsted_kg.graph.reference import council_records, gazetteer
from ofsted_kg.loaders.model import Document, Finding
from ofsted_kg.loaders.pipeline import analyse_document

GSS = {r.short_name: r.gss for r in council_records()}


def findings(text: str) -> list[Finding]:
    doc = Document(path=Path("a.txt"), text=text + "\n", sha256="1" * 64, media_type="text/plain",
                   published=date(2024, 5, 1))
    return [f for f in analyse_document(doc, gazetteer()) if isinstance(f, Finding)]


def test_praise_and_criticism_from_inspectors_are_a_strength_and_an_area_for_improvement():
    found = findings("Ofsted inspected Bury in March.\n"
                     "Inspectors praised the stable and skilled workforce in Bury.\n"
                     "Inspectors found that plans for care leavers are not always updated in time.")
    kinds = {(f.gss, f.kind, f.area) for f in found}
    assert (GSS["Bury"], "strength", None) in kinds
    assert (GSS["Bury"], "area-for-improvement", "care-leavers") in kinds


def test_a_list_under_a_graded_area_takes_that_area():
    found = findings("Ofsted rated Luton good.\n"
                     "The experiences and progress of children in care are good. Inspectors highlighted:\n"
                     "- Foster carers are well supported and stay with the council.\n"
                     "- Visits to children are frequent and purposeful.")
    assert {f.area for f in found} == {"in-care"}
    assert all(f.gss == GSS["Luton"] and f.kind == "strength" for f in found)


def test_what_the_council_should_improve_is_an_area_for_improvement_for_that_council():
    [finding] = findings("Ofsted rated Wigan good. To improve further, Wigan should improve the quality of return "
                         "home interviews.")
    assert (finding.gss, finding.kind) == (GSS["Wigan"], "area-for-improvement")
    assert finding.evidence.quote.startswith("To improve further")


def test_a_council_officer_speaking_is_not_a_finding():
    assert findings("Ofsted rated Derby good. \"Our staff are skilled and committed,\" said Jo Bloggs, Derby's "
                    "director of children's services.") == []


def test_a_grade_sentence_is_a_judgement_not_a_finding():
    assert findings("Inspectors judged Rutland outstanding.") == []
