"""Initiatives in articles: named programmes, services, enterprises and practice models with the council that
runs them; not generic descriptions, legal processes, events or awards. Every text here is our own."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.model import Document, Initiative
from ofsted_kg.loaders.pipeline import analyse_document


@pytest.fixture(scope="module")
def places():
    return gazetteer()


def initiatives(text: str, places) -> dict[str, Initiative]:
    doc = Document(path=Path("story.txt"), text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", published=date(2024, 5, 1))
    return {f.name: f for f in analyse_document(doc, places) if isinstance(f, Initiative)}


def gss(places, name: str) -> str:
    return places.resolve(name).gss


def test_coined_name_before_service_with_its_sentence(places):
    text = "Derby was rated good. The new Pathways2Work service helps care leavers find jobs."
    found = initiatives(text, places)
    assert set(found) == {"Pathways2Work"}
    assert found["Pathways2Work"].gss == gss(places, "Derby")
    assert found["Pathways2Work"].evidence.quote == "The new Pathways2Work service helps care leavers find jobs."


def test_acronym_before_social_enterprise(places):
    found = initiatives("Inspectors praised the BRIDGE social enterprise that Bolton set up for care leavers.", places)
    assert found["BRIDGE"].gss == gss(places, "Bolton")


def test_capitalised_name_before_programme_and_owner_possessive(places):
    text = "Leeds and Bradford were both visited. Bradford's Fresh Start programme was singled out."
    found = initiatives(text, places)
    assert found["Fresh Start"].gss == gss(places, "Bradford")


def test_quoted_name_before_model(places):
    found = initiatives("Social workers in Kent use the 'whole family' model of practice.", places)
    assert set(found) == {"whole family"}


def test_a_programme_known_by_name_needs_no_trigger_word(places):
    found = initiatives("Kent has adopted Signs of Safety across all of its teams.", places)
    assert found["Signs of Safety"].gss == gss(places, "Kent")


def test_a_name_introduced_as_a_programme(places):
    found = initiatives("Wirral credited programmes like Bright Start for the change.", places)
    assert set(found) == {"Bright Start"}


def test_acronym_defined_in_the_text_is_one_initiative(places):
    text = ("Dorset launched the Safe Families Together (SFT) programme last year. "
            "The SFT programme has cut the number of children entering care.")
    assert set(initiatives(text, places)) == {"Safe Families Together"}


def test_generic_descriptions_are_not_initiatives(places):
    text = ("Hull introduced a new quality assurance framework and improved the integrated front door. "
            "The Multi-Agency Safeguarding Hub handles referrals and the Youth Offending Service was praised. "
            "Our Children and Young People's Service is rated good.")
    assert initiatives(text, places) == {}


def test_legal_processes_awards_events_and_a_councils_own_name_are_not_initiatives(places):
    text = ("Essex made good use of the public law outline (PLO) and PLO intervention. "
            "Its Social Worker of the Year award went to a team manager. "
            "At the heart of the Suffolk approach is a belief in families. "
            "Staff attended the Community Care Live event.")
    assert initiatives(text, places) == {}


def test_a_capital_that_only_starts_the_sentence_is_not_a_name(places):
    text = "Highly effective partnerships support Rotherham's work. Within the duty service, caseloads are low."
    assert initiatives(text, places) == {}


def test_the_subject_council_runs_it_not_a_partner_named_later(places):
    text = "Gateshead, together with Sunderland, has been chosen to run the Family Bridges pilot."
    assert initiatives(text, places)["Family Bridges"].gss == gss(places, "Gateshead")


def test_a_place_then_capitalised_words_is_a_name_but_a_department_is_not(places):
    text = ("Derby has opened the Derby Young Carers Hub, which runs after school. "
            "The Oldham Kinship Partnership meets monthly. "
            "The Derby Multi-Agency Safeguarding Hub and the Derby Youth Justice Service were praised, "
            "as was the Derby Safeguarding Children Partnership.")
    found = initiatives(text, places)
    assert set(found) == {"Derby Young Carers Hub", "Oldham Kinship Partnership"}
    assert found["Oldham Kinship Partnership"].gss == gss(places, "Oldham")


def test_a_comma_or_a_possessive_inside_a_name(places):
    text = ("Rochdale credits its Safe Home, Safe Future model for fewer children entering care. "
            "The Bury Care Leavers' Charter sets out what young adults can expect.")
    found = initiatives(text, places)
    assert set(found) == {"Safe Home, Safe Future", "Bury Care Leavers' Charter"}


def test_possessive_apostrophes_and_praise_in_quotes_are_not_names(places):
    text = ("Ana Ruiz leads children's and adults' services in Bolton. "
            "The council's care leavers' service was expanded. "
            "Inspectors praised Bolton's 'highly effective' partnership with schools.")
    assert initiatives(text, places) == {}


def test_a_place_modifier_is_not_part_of_the_name(places):
    found = initiatives("Leeds funds the Headingley-based Open Door youth project.", places)
    assert set(found) == {"Open Door"}


def test_a_team_named_with_an_acronym_an_operation_and_a_name_called_in_quotes(places):
    text = ("Stockport set up its CALM Steps team for teenagers. Schools in Stockport get Operation Compass "
            "alerts the next morning. Its children in care council, known as 'Voices Up', meets monthly. "
            "The EDT team and the Leaving Care team were praised.")
    found = initiatives(text, places)
    assert set(found) == {"CALM Steps", "Operation Compass", "Voices Up"}
    assert found["CALM Steps"].gss == gss(places, "Stockport")


def test_names_introduced_after_a_comma_and_named_projects(places):
    text = ("Derby's leaving care service, known as Next Chapter, was praised. "
            "Derby has started Project Lantern for teenagers at risk. The Project Manager, Jo Bell, agreed.")
    assert set(initiatives(text, places)) == {"Next Chapter", "Project Lantern"}
