"""Statistics in articles: figures about a council's services as value and unit, attached to the council the
passage is about; dates, years, ages, time spans and national figures are not statistics. Texts are our own."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.model import Document, Statistic
from ofsted_kg.loaders.pipeline import analyse_document


@pytest.fixture(scope="module")
def places():
    return gazetteer()


def statistics(text: str, places) -> list[Statistic]:
    doc = Document(path=Path("story.txt"), text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", published=date(2024, 5, 1))
    return [f for f in analyse_document(doc, places) if isinstance(f, Statistic)]


def triples(text: str, places) -> set[tuple[str, float, str]]:
    return {(s.gss, s.value, s.unit) for s in statistics(text, places)}


def gss(places, name: str) -> str:
    return places.resolve(name).gss


def test_percent_sign_and_per_cent_in_words(places):
    text = ("In Sheffield, 68% of social workers have more than two years' experience. "
            "Staff turnover was 9 per cent.")
    assert triples(text, places) == {(gss(places, "Sheffield"), 68.0, "percent"),
                                     (gss(places, "Sheffield"), 9.0, "percent")}


def test_an_averaged_duration_is_a_statistic(places):
    assert triples("Care proceedings in Devon are averaging 41 weeks.", places) == {
        (gss(places, "Devon"), 41.0, "weeks")}


def test_counts_of_children_staff_and_other_things(places):
    text = "Devon looks after 1,250 children and has recruited 35 new social workers and nine foster families."
    devon = gss(places, "Devon")
    assert triples(text, places) == {(devon, 1250.0, "children"), (devon, 35.0, "staff"), (devon, 9.0, "count")}


def test_money_with_a_multiplier(places):
    assert triples("Devon received £3.2m to expand fostering and saved £450,000.", places) == {
        (gss(places, "Devon"), 3_200_000.0, "gbp"), (gss(places, "Devon"), 450_000.0, "gbp")}


def test_a_bare_number_following_a_count_takes_its_unit(places):
    text = "In Luton most social workers held over 30 children, and some as many as 45."
    assert triples(text, places) == {(gss(places, "Luton"), 30.0, "children"), (gss(places, "Luton"), 45.0, "children")}


def test_an_average_caseload_without_a_unit_is_a_count(places):
    text = "Caseloads in Luton fell from an average of 22.5 in May 2022 to an average of 16 now."
    found = {(s.value, s.unit): s for s in statistics(text, places)}
    assert set(found) == {(22.5, "count"), (16.0, "count")}
    assert found[(22.5, "count")].as_of == date(2022, 5, 1)


def test_dates_years_ages_and_time_spans_are_not_statistics(places):
    text = ("Services for 16- and 17-year-olds who are homeless in Devon improved in 2019. "
            "Inspectors spent three weeks in Devon on 12 March 2024; return interviews happened within 48 hours. "
            "Over the last 12 months the service for 16 and 17 year olds has grown.")
    assert triples(text, places) == set()


def test_figures_about_councils_in_general_are_not_a_councils_statistics(places):
    text = ("Wigan was rated good. Out of 150 councils in the country, 40 per cent were rated good. "
            "Only 46 councils across England share that rating.")
    assert triples(text, places) == set()


def test_each_figure_belongs_to_the_council_named_before_it(places):
    text = "Bristol's turnover fell to 12%, while in Bath and North East Somerset it was 15%."
    assert triples(text, places) == {(gss(places, "Bristol"), 12.0, "percent"),
                                     (gss(places, "Bath and North East Somerset"), 15.0, "percent")}


def test_a_figure_in_a_later_sentence_belongs_to_the_council_in_focus(places):
    text = "Ofsted visited Halton in June. At 31 March 2024, 81% of children had a permanent plan."
    [figure] = statistics(text, places)
    assert (figure.gss, figure.value, figure.unit) == (gss(places, "Halton"), 81.0, "percent")
    assert figure.as_of == date(2024, 3, 31)
    assert "permanent plan" in figure.measure


def test_a_share_of_councils_in_general_is_not_a_statistic(places):
    text = "Walsall was rated inadequate. Nationally, 12 per cent of councils are rated inadequate."
    assert triples(text, places) == set()
    assert triples("Ofsted rated Walsall; 15% of councils in the region are inadequate.", places) == set()


def test_a_bare_number_after_to_does_not_take_the_unit_of_an_earlier_count(places):
    text = "Solihull has appointed 40 new social workers and caseloads are down to 18."
    assert triples(text, places) == {(gss(places, "Solihull"), 40.0, "staff")}


def test_a_change_from_one_figure_to_another_gives_both(places):
    text = ("Over four years Bury cut the number of children in care from 1,150 to 1,020.\n"
            "Bury's foster carers rose to 210 from 190.")
    bury = gss(places, "Bury")
    assert triples(text, places) == {(bury, 1150.0, "children"), (bury, 1020.0, "children"), (bury, 210.0, "count"),
                                     (bury, 190.0, "count")}


def test_a_bare_number_counts_the_noun_named_before_it(places):
    text = ("Hull reported that the number of children in care had dropped to 905.\n"
            "Hull looks after 1,240 children, of whom 310 are teenagers.")
    hull = gss(places, "Hull")
    assert triples(text, places) == {(hull, 905.0, "children"), (hull, 1240.0, "children"), (hull, 310.0, "children")}


def test_notifications_and_flats_are_counted(places):
    text = "Schools in Luton received 1,873 police notifications last year, and the council opened 18 flats."
    luton = gss(places, "Luton")
    assert triples(text, places) == {(luton, 1873.0, "count"), (luton, 18.0, "count")}


def test_ranges_ages_and_regional_figures_are_not_a_councils(places):
    text = ("Luton has joined the scheme. Each hub links eight to twelve foster families.\n"
            "The service works with 200 children aged 11 to 18.\n"
            "Across the region, demand has risen by 27%.\n"
            "Luton's spending is above the regional average of 14%.")
    assert triples(text, places) == {(gss(places, "Luton"), 200.0, "children")}


def test_a_number_that_names_a_section_is_not_a_count(places):
    text = "In Luton all section 47 enquiries were timely, and 62 foster carers were approved."
    assert triples(text, places) == {(gss(places, "Luton"), 62.0, "count")}
