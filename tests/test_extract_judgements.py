"""Judgements and inspections read from articles: each trap of the issue as a
short sentence of our own, the same facts from .txt, .html and .pdf, and the
judgements query over the seed corpus."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from ofsted_kg.graph.reference import council_records, gazetteer
from ofsted_kg.loaders.model import Document, Inspection, Judgement
from ofsted_kg.loaders.pipeline import analyse, analyse_document

from .conftest import corpus, requires_shared

GSS = {r.short_name: r.gss for r in council_records()}


def facts(text: str, published: date | None = date(2024, 3, 1)) -> list:
    doc = Document(path=Path("article.txt"), text=text + "\n", sha256="0" * 64, media_type="text/plain",
                   published=published)
    return analyse_document(doc, gazetteer())


def grades(text: str, published: date | None = date(2024, 3, 1)) -> set[tuple[str, str, str, int | None]]:
    names = {gss: name for name, gss in GSS.items()}
    return {(names[f.gss], f.area, f.grade, f.year) for f in facts(text, published) if isinstance(f, Judgement)}


def visits(text: str) -> set[tuple[str, str, int | None]]:
    names = {gss: name for name, gss in GSS.items()}
    return {(names[f.gss], f.kind, f.year) for f in facts(text) if isinstance(f, Inspection)}


MAIN = ("overall", "help-protection", "in-care", "leadership")
ILACS_2023 = MAIN + ("care-leavers",)  # care leavers are judged apart from children in care from 2023


@pytest.mark.parametrize("text, expected", [
    ("Rutland scooped an 'outstanding' rating from Ofsted this week.", {("Rutland", "overall", "outstanding")}),
    ("Sefton was judged good, with help and protection and the impact of leaders also receiving the highest grade.",
     {("Sefton", "overall", "good"), ("Sefton", "help-protection", "outstanding"),
      ("Sefton", "leadership", "outstanding")}),
    ("Derby was judged requires improvement to be good.", {("Derby", "overall", "requires-improvement")}),
    ("Inspectors judged Bury inadequate.", {("Bury", "overall", "inadequate")}),
    ("Ofsted rated Rutland's children's services good in all areas.", {("Rutland", a, "good") for a in ILACS_2023}),
    ("Barnet rises two grades to 'good'.", {("Barnet", "overall", "good")}),
    ("Ofsted rated the council's children's services as inadequate for the impact of leaders, and for the "
     "experiences and progress of children who need help and protection. Halton was named in the report.",
     {("Halton", "leadership", "inadequate"), ("Halton", "help-protection", "inadequate")}),
    ("In its report on Oldham, Ofsted found children looked after and achieving permanence, adoption performance "
     "and the experiences and progress of care leavers all required improvement.",
     {("Oldham", "in-care", "requires-improvement"), ("Oldham", "adoption", "requires-improvement"),
      ("Oldham", "care-leavers", "requires-improvement")}),
    ("Leadership, management and governance in Salford was judged outstanding and the review of the local "
     "safeguarding children board good.", {("Salford", "leadership", "outstanding"), ("Salford", "lscb", "good")}),
    ("Warrington was rated good overall, and children in care and care leavers were judged outstanding.",
     {("Warrington", "overall", "good"), ("Warrington", "in-care", "outstanding"),
      ("Warrington", "care-leavers", "outstanding")}),
])
def test_grades_written_many_ways(text, expected):
    assert {g[:3] for g in grades(text)} == expected


def test_only_one_area_below_the_rest_gives_that_area_its_grade_and_the_others_the_higher_one():
    found = grades("Wirral was rated 'outstanding', with only its work with children in care rated 'good' "
                   "rather than 'outstanding'.")
    assert ("Wirral", "in-care", "good", 2024) in found
    assert ("Wirral", "in-care", "outstanding", 2024) not in found
    assert {("Wirral", a, "outstanding", 2024) for a in ("overall", "help-protection", "leadership")} <= found


def test_a_grade_in_a_sentence_about_two_other_councils_belongs_to_both():
    text = ("Ofsted rated Cheshire East outstanding on Tuesday.\n"
            "In two other reports this week, Dudley and Sandwell councils both maintained 'requires improvement' "
            "grades.")
    assert {g[:3] for g in grades(text)} == {("Cheshire East", "overall", "outstanding"),
                                             ("Dudley", "overall", "requires-improvement"),
                                             ("Sandwell", "overall", "requires-improvement")}


def test_a_grade_given_to_a_council_named_for_comparison_stays_with_that_council():
    found = grades("Unlike neighbouring Bradford, which was rated inadequate, Calderdale was judged good.")
    assert {g[:3] for g in found} == {("Bradford", "overall", "inadequate"), ("Calderdale", "overall", "good")}


def test_an_earlier_inspection_keeps_its_stated_year_and_the_reported_one_the_document_year():
    found = grades("Bexley is now outstanding, Ofsted says, after its previous inspection in 2016, when the service "
                   "was judged good overall.")
    assert found == {("Bexley", "overall", "outstanding", 2024), ("Bexley", "overall", "good", 2016)}


def test_earlier_grades_by_area_with_the_year_opening_the_sentence():
    found = grades("In previous inspections in 2011, Halton's safeguarding services were rated 'good' and its "
                   "services for looked-after children 'outstanding'.")
    assert found == {("Halton", "help-protection", "good", 2011), ("Halton", "in-care", "outstanding", 2011)}


def test_a_move_between_grades_gives_the_earlier_grade_the_year_stated_elsewhere():
    text = ("Luton has moved from inadequate to good.\n"
            "Inspectors judged Luton inadequate in 2019.")
    assert grades(text) == {("Luton", "overall", "good", 2024), ("Luton", "overall", "inadequate", 2019)}


def test_without_a_document_date_the_reported_inspection_has_no_year():
    assert grades("Ofsted rated Bolton good.", published=None) == {("Bolton", "overall", "good", None)}


@pytest.mark.parametrize("text, kind, year", [
    ("Inspectors praised social workers during a focused visit to Salford in March 2022.", "focused-visit", 2022),
    ("A monitoring visit to Thurrock in 2023 found some progress.", "monitoring-visit", 2023),
    ("A joint targeted area inspection in Bolton looked at neglect.", "jtai", None),
])
def test_visits_carry_no_grade_but_are_inspections_of_their_kind(text, kind, year):
    assert grades(text) == set()
    assert (text.split(" in ")[1].split()[0].rstrip("."), kind, year) in visits(text) or \
        any(k == kind and y == year for _, k, y in visits(text))


def test_a_grade_quoted_by_an_article_about_a_visit_has_no_year_of_the_visit():
    found = grades("During a recent focused visit to Norfolk, inspectors found strong practice. Norfolk is "
                   "currently rated good.")
    assert found == {("Norfolk", "overall", "good", None)}


@pytest.mark.parametrize("text", [
    "Oakfield Primary School in Leeds was rated outstanding.",
    "A children's home run by Kent council was judged 'good'.",
    "In its 2011 annual performance assessment, Hull was rated good.",
    "Ofsted's annual rating said Sutton performs excellently.",
    "Inspectors called Bristol's early help 'exceptional' and its workforce very strong.",
    "Social workers in Luton do good work and build good relationships with families.",
    "None of the five councils inspected this month, Bolton, Bury, Derby, Luton and Wigan, was rated outstanding.",
    "Nationally, a third of local authorities are judged to require improvement.",
    "Cumbria's leaders say only 'good' is good enough for their children.",
    "Ofsted found elements of 'outstanding' practice in Rutland.",
])
def test_not_a_grade_of_the_council(text):
    assert grades(text) == set()


@pytest.mark.parametrize("text, council", [
    ("Ofsted visited Torbay in May.\nThe south coast authority was rated inadequate.", "Torbay"),
    ("Norfolk was inspected in June. The county was judged good.", "Norfolk"),
    ("Inspectors spent two weeks in Barnet. The council was rated outstanding.", "Barnet"),
])
def test_indirect_references_resolve_to_the_council_the_passage_is_about(text, council):
    assert {g[0] for g in grades(text)} == {council}


ARTICLE = ("Rochdale children's services rated good by Ofsted\n\n"
           "Rochdale Borough Council's children's services have been rated good overall by Ofsted after an "
           "inspection in March 2024, with the impact of leaders judged outstanding.\n\n"
           "The experiences and progress of children in care were judged to require improvement to be good. Since "
           "the previous inspection in 2019, when the council was judged inadequate, leaders have rebuilt the "
           "workforce and cut caseloads across the borough.\n")
EXPECTED = {("Rochdale", "overall", "good", 2024), ("Rochdale", "leadership", "outstanding", 2024),
            ("Rochdale", "in-care", "requires-improvement", 2024), ("Rochdale", "overall", "inadequate", 2019)}


def _judgements_of(path: Path) -> set[tuple]:
    names = {gss: name for name, gss in GSS.items()}
    _, found = analyse(path, gazetteer())
    return {(names[f.gss], f.area, f.grade, f.year) for f in found if isinstance(f, Judgement)}


def test_html_and_pdf_give_the_same_judgements_as_text(tmp_path):
    from fpdf import FPDF

    txt = tmp_path / "article.txt"
    txt.write_text(ARTICLE, encoding="utf-8")
    title, *paragraphs = [p for p in ARTICLE.split("\n\n") if p.strip()]
    html = tmp_path / "article.html"
    body = "".join(f"<p>{p.strip()}</p>" for p in paragraphs)
    html.write_text(f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>"
                    f"News</a></nav><article><h1>{title}</h1>{body}</article><footer>Copyright Example News "
                    f"2024. All rights reserved.</footer></body></html>", encoding="utf-8")
    pdf_path = tmp_path / "article.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in [title, *paragraphs]:
        pdf.multi_cell(0, 6, paragraph.strip())
        pdf.ln(4)
    pdf.output(str(pdf_path))
    assert _judgements_of(txt) == EXPECTED
    assert _judgements_of(html) == EXPECTED
    assert _judgements_of(pdf_path) == EXPECTED


def test_every_judgement_quotes_its_sentence():
    for fact in facts(ARTICLE):
        if isinstance(fact, Judgement):
            assert (ARTICLE + "\n")[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


@requires_shared
def test_lincolnshire_inspections_over_time_and_north_lincolnshire_apart(cli, store):
    result = cli("build", "--store", store, corpus("seeds") / "docs")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(cli("query", "--store", store, "--format", "csv", "judgements").output)))
    lincs = [r for r in rows if r["gss"] == GSS["Lincolnshire"] and r["area"] == "overall"]
    assert {(r["grade"], r["year"]) for r in lincs} >= {("good", "2014"), ("outstanding", "")}
    assert any(r["gss"] == GSS["North Lincolnshire"] for r in rows)
    assert not any(r["gss"] == GSS["Lincolnshire"] and r["source"].startswith("003") for r in rows)
    query = ("SELECT DISTINCT ?i ?c ?grade WHERE { ?j kg:inspection ?i ; kg:area area:overall ; kg:grade ?g . "
             "?g skos:notation ?grade . ?i kg:council ?c . ?c kg:gssCode \"%s\" }")
    found = list(csv.DictReader(io.StringIO(
        cli("query", "--store", store, "--format", "csv", query % GSS["Lincolnshire"]).output)))
    inspections = {r["i"] for r in found}
    assert len({r["c"] for r in found}) == 1  # one council node
    good = {r["i"] for r in found if r["grade"] == "good"}
    outstanding = {r["i"] for r in found if r["grade"] == "outstanding"}
    assert good and outstanding and not good & outstanding and len(inspections) >= 2
    north = list(csv.DictReader(io.StringIO(
        cli("query", "--store", store, "--format", "csv", query % GSS["North Lincolnshire"]).output)))
    assert north and {r["c"] for r in north}.isdisjoint({r["c"] for r in found})


# Years stated away from the grade words, and relative to the publication date.
@pytest.mark.parametrize("text, published, expected", [
    ("Medway was judged inadequate in every area apart from leadership, which needed improvement, after an "
     "inspection in late 2023.", date(2024, 2, 1),
     {("Medway", a, "inadequate", 2023) for a in ("overall", "help-protection", "in-care", "care-leavers")}
     | {("Medway", "leadership", "requires-improvement", 2023)}),
    ("Bexley rated outstanding\nThe borough has come a long way since 2017, when its services were judged inadequate.",
     date(2024, 2, 1), {("Bexley", "overall", "outstanding", 2024), ("Bexley", "overall", "inadequate", 2017)}),
    ("Slough's children's services were rated good in December 2023. Only the experiences of care leavers were "
     "judged to require improvement.", date(2024, 2, 1),
     {("Slough", "overall", "good", 2023), ("Slough", "care-leavers", "requires-improvement", 2023)}),
    ("Trafford was judged good late last year.\nLeaders hope to build on last year's good rating.", date(2024, 2, 1),
     {("Trafford", "overall", "good", 2023)}),
    ("Inspectors visited Trafford last March and rated it good.", date(2024, 2, 1),
     {("Trafford", "overall", "good", 2023)}),
    ("Swindon was downgraded from good to inadequate after inspectors visited in November.", date(2024, 2, 1),
     {("Swindon", "overall", "good", None), ("Swindon", "overall", "inadequate", 2023)}),
    ("Swindon moved from inadequate in 2019 to good.", date(2024, 2, 1),
     {("Swindon", "overall", "inadequate", 2019), ("Swindon", "overall", "good", 2024)}),
    ("Stockport was rated good, the same grade as it received at its previous inspection in 2018.", date(2024, 2, 1),
     {("Stockport", "overall", "good", 2024), ("Stockport", "overall", "good", 2018)}),
    ("Derby has been rated good since 2021, when it was last inspected.", date(2024, 2, 1),
     {("Derby", "overall", "good", 2021)}),
])
def test_the_year_of_the_inspection_reaches_every_grade_about_it(text, published, expected):
    assert grades(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ofsted rated Halton good for overall effectiveness, good for help and protection and good for leadership.",
     {("Halton", a, "good") for a in ("overall", "help-protection", "leadership")}),
    ("Halton was judged outstanding overall, with leaders, children in care and care leavers all outstanding.",
     {("Halton", a, "outstanding") for a in ("overall", "leadership", "in-care", "care-leavers")}),
    ("Halton was rated good, with the inspectors calling its leadership outstanding.",
     {("Halton", "overall", "good"), ("Halton", "leadership", "outstanding")}),
    ("Halton received the highest grade for overall effectiveness and for the impact of its leaders.",
     {("Halton", "overall", "outstanding"), ("Halton", "leadership", "outstanding")}),
    ("Inspectors rated Halton's help and protection good, its leadership good and its care leavers' services "
     "outstanding.", {("Halton", "help-protection", "good"), ("Halton", "leadership", "good"),
                      ("Halton", "care-leavers", "outstanding")}),
    ("All five areas were judged good in Halton.", {("Halton", a, "good") for a in ILACS_2023}),
    ("Only help and protection fell short of the top grade in Halton, being judged good.",
     {("Halton", "help-protection", "good")}),
    ("Halton has climbed out of inadequate with a requires improvement grade.",
     {("Halton", "overall", "inadequate"), ("Halton", "overall", "requires-improvement")}),
])
def test_areas_listed_in_unusual_shapes(text, expected):
    assert {g[:3] for g in grades(text)} == expected


@pytest.mark.parametrize("published, areas", [
    (date(2016, 6, 1), MAIN),  # single inspection framework: care leavers only where stated
    (date(2021, 6, 1), MAIN),  # ILACS 2018-22: children in care and care leavers are one judgement
    (date(2024, 6, 1), ILACS_2023),  # ILACS from 2023: care leavers judged apart
])
def test_every_area_means_the_areas_of_the_framework_of_the_day(published, areas):
    assert {g[1] for g in grades("Ofsted rated Sutton requires improvement in every area.", published)} == set(areas)


def test_children_in_care_and_care_leavers_are_one_area_only_from_2018_to_2022():
    text = "Sutton was rated good, with children in care and care leavers judged outstanding."
    assert {g[1] for g in grades(text, date(2020, 6, 1))} == {"overall", "in-care"}
    assert {g[1] for g in grades(text, date(2024, 6, 1))} == {"overall", "in-care", "care-leavers"}


def test_a_judgement_table_with_the_official_labels():
    text = ("Sutton: inspection of local authority children's services\n"
            "Overall effectiveness: Requires improvement to be good\n"
            "The impact of leaders on social work practice with children and families: Good\n"
            "The experiences and progress of children who need help and protection: Requires improvement to be good\n"
            "The experiences and progress of children in care: Good\n"
            "The experiences and progress of care leavers: Outstanding\n")
    assert {g[1:3] for g in grades(text)} == {
        ("overall", "requires-improvement"), ("leadership", "good"), ("help-protection", "requires-improvement"),
        ("in-care", "good"), ("care-leavers", "outstanding")}


@pytest.mark.parametrize("text, expected", [
    ("Enfield rated good - with two areas outstanding", {("Enfield", "overall", "good")}),
    ("Enfield's children's services were rated good. The council's fostering service was rated outstanding.",
     {("Enfield", "overall", "good")}),
    ("Enfield was rated good; the regional adoption agency it belongs to was judged outstanding.",
     {("Enfield", "overall", "good")}),
])
def test_counts_of_areas_and_providers_are_not_the_councils_overall_grade(text, expected):
    assert {g[:3] for g in grades(text)} == expected


@pytest.mark.parametrize("text, council", [
    ("Camden's children's services are outstanding.\nCamden works closely with neighbouring Islington on adoption.\n"
     "In 2014 the borough had been rated good.", "Camden"),
    ("Wiltshire Council, which shares a fostering panel with Swindon, was rated good.", "Wiltshire"),
])
def test_the_council_the_passage_is_about_not_one_named_in_passing(text, council):
    found = grades(text)
    assert found and {g[0] for g in found} == {council}


def councils_named(text: str, published: date | None) -> set[str]:
    names = {r.gss: r.name for r in council_records()}
    from ofsted_kg.loaders.model import CouncilMention
    return {names[f.gss] for f in facts(text, published) if isinstance(f, CouncilMention)}


@pytest.mark.parametrize("text, published, expected", [
    ("A nursery in Stoke Newington was praised.", date(2024, 1, 1), set()),
    ("Inspectors visited Poole.", date(2024, 1, 1), {"Bournemouth, Christchurch and Poole Council"}),
    ("Inspectors visited Poole.", date(2017, 1, 1), {"Borough of Poole"}),
    ("Inspectors visited Poole.", None, {"Bournemouth, Christchurch and Poole Council"}),
])
def test_places_resolve_to_the_council_of_the_day(text, published, expected):
    assert councils_named(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("Leaders at Rochdale were judged outstanding, as was the help and protection offered to children.",
     {("Rochdale", "leadership", "outstanding", 2024), ("Rochdale", "help-protection", "outstanding", 2024)}),
    ("Rochdale - Ofsted rating: good (2022)", {("Rochdale", "overall", "good", 2022)}),
    ("Rochdale: inadequate (2023), previously requires improvement (2019)",
     {("Rochdale", "overall", "inadequate", 2023), ("Rochdale", "overall", "requires-improvement", 2019)}),
    ("Inspectors said help and protection, leadership and services for children in care were all good in Rochdale.",
     {("Rochdale", a, "good", 2024) for a in ("help-protection", "leadership", "in-care")}),
])
def test_grades_in_lists_labels_and_brackets(text, expected):
    assert grades(text) == expected


def test_a_single_inspection_framework_summary_with_numbered_labels():
    text = ("Inspection of services for children in Rochdale\n"
            "Overall judgement: Requires improvement\n"
            "1. Children who need help and protection: Requires improvement\n"
            "2. Children looked after and achieving permanence: Good\n"
            "2.1 Adoption performance: Good\n"
            "2.2 Experiences and progress of care leavers: Outstanding\n"
            "3. Leadership, management and governance: Requires improvement\n")
    assert {g[1:] for g in grades(text, date(2016, 5, 1))} == {
        ("overall", "requires-improvement", 2016), ("help-protection", "requires-improvement", 2016),
        ("in-care", "good", 2016), ("adoption", "good", 2016), ("care-leavers", "outstanding", 2016),
        ("leadership", "requires-improvement", 2016)}


def test_grade_movers_listed_as_label_and_move():
    text = "Biggest movers\nRochdale: requires improvement to good\nBury: good to outstanding\n"
    assert grades(text) == {("Rochdale", "overall", "requires-improvement", None), ("Rochdale", "overall", "good", 2024),
                            ("Bury", "overall", "good", None), ("Bury", "overall", "outstanding", 2024)}
