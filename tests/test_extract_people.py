"""People in articles: named officials with the role and organisation the text gives them; not bylines,
photo credits or readers' comments. Every text here is our own."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.model import Document, PersonRole
from ofsted_kg.loaders.pipeline import analyse_document


@pytest.fixture(scope="module")
def places():
    return gazetteer()


def people(text: str, places) -> dict[str, PersonRole]:
    doc = Document(path=Path("story.txt"), text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", published=date(2024, 5, 1))
    return {f.name: f for f in analyse_document(doc, places) if isinstance(f, PersonRole)}


def gss(places, name: str) -> str:
    return places.resolve(name).gss


def test_name_then_role_at_a_council(places):
    found = people("Kent praised\n\nPriya Shah, director of children's services at Kent County Council, said the "
                   "findings were fair.", places)
    assert found["Priya Shah"].role == "director of children's services"
    assert found["Priya Shah"].organisation_gss == gss(places, "Kent")
    assert found["Priya Shah"].organisation == "Kent County Council"


def test_council_possessive_before_the_role(places):
    found = people("Norfolk's cabinet member for families, Jo Rees, said the service had turned a corner.", places)
    assert found["Jo Rees"].role == "cabinet member for families"
    assert found["Jo Rees"].organisation_gss == gss(places, "Norfolk")


def test_name_then_council_possessive_role_then_said(places):
    found = people("The report was welcomed, said Alan Price, Surrey's director of children's services.", places)
    assert found["Alan Price"].role == "director of children's services"
    assert found["Alan Price"].organisation_gss == gss(places, "Surrey")


def test_role_written_before_the_name_without_a_comma(places):
    found = people("Inspectors visited Leeds in March.\nDirector of Children's Services Omar Hale said staff "
                   "had worked hard.", places)
    assert found["Omar Hale"].role == "Director of Children's Services"
    assert found["Omar Hale"].organisation_gss == gss(places, "Leeds")


def test_honorific_is_not_part_of_the_name_and_the_council_in_focus_is_the_organisation(places):
    found = people("Leeds was rated good.\nCllr Tom Baker, lead member for children, welcomed the report.", places)
    assert set(found) == {"Tom Baker"}
    assert found["Tom Baker"].role == "lead member for children"
    assert found["Tom Baker"].organisation_gss == gss(places, "Leeds")


def test_inspectorate_possessive_names_a_body_that_is_not_a_council(places):
    found = people("Ofsted's chief inspector Martin Oliver said councils must keep improving.", places)
    assert found["Martin Oliver"].role == "chief inspector"
    assert found["Martin Oliver"].organisation == "Ofsted"
    assert found["Martin Oliver"].organisation_gss is None


def test_a_minister_belongs_to_no_council(places):
    found = people("Derby was rated outstanding.\nChildren's minister Kate Lowe said the results were encouraging.",
                   places)
    assert found["Kate Lowe"].role == "Children's minister"
    assert found["Kate Lowe"].organisation == ""


def test_abbreviated_role_is_spelt_out(places):
    found = people("Wigan's DCS, Amy Lee, said the council would act quickly.", places)
    assert found["Amy Lee"].role == "director of children's services"


def test_a_body_that_appointed_someone_is_their_organisation(places):
    found = people("The Department for Education appointed a commissioner, Rosa Bell, to oversee Slough.", places)
    assert found["Rosa Bell"].role == "commissioner"
    assert found["Rosa Bell"].organisation == "Department for Education"


def test_role_with_a_list_of_capitalised_portfolios(places):
    found = people("Cllr Ian Moss, cabinet member for Children, Schools and Skills, said: 'We are pleased.'", places)
    assert found["Ian Moss"].role == "cabinet member for Children, Schools and Skills"


def test_first_name_alone_refers_back_to_someone_named_in_full(places):
    text = ("Lena Ford and Omar Nash say Sefton has changed.\n"
            "\"We listen now,\" says Lena, who became assistant director for early help at the council in 2021.")
    found = people(text, places)
    assert found["Lena Ford"].role == "assistant director for early help"
    assert found["Lena Ford"].organisation_gss == gss(places, "Sefton")


def test_places_and_councils_are_not_people(places):
    found = people("Inspectors in North Somerset said practice had improved, and Kensington and Chelsea said "
                   "it agreed.", places)
    assert found == {}


def test_bylines_photo_credits_and_commenters_are_not_people(places):
    text = ("Council rated good\n\nJane Writer\nMonday 3 June 2024\n\nPhoto: Sam Snap/Agency\n\n"
            "Bolton was rated good. Mia Dunn, director of children's services, said she was proud.\n\n"
            "3 Responses to Council rated good\n\nGary Reader June 4, 2024 at 9:00 am\n\nWell done Bolton, "
            "said Gary Reader, a social worker.\n")
    assert set(people(text, places)) == {"Mia Dunn"}


def test_one_post_per_person_per_document_the_fullest(places):
    text = ("Rob Vane, director of children's services at Bury Council, said he was pleased.\n"
            "Rob Vane said more work was needed.")
    found = people(text, places)
    assert found["Rob Vane"].role == "director of children's services"


def test_the_same_person_in_two_documents_is_one_node(cli, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text("Cllr Sue Park, Bolton's lead member for children, said she was proud.\n")
    (docs / "two.txt").write_text("Sue Park, lead member for children at Bolton Council, said work goes on.\n")
    store = tmp_path / "store"
    assert cli("build", "--store", store, docs).exit_code == 0
    result = cli("query", "--store", store, "--format", "csv",
                 "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }")
    assert result.output.splitlines()[-1].strip() == "1"
    rows = cli("query", "--store", store, "--format", "csv", "people").output
    lines = [line for line in rows.splitlines()[1:] if line.startswith("Sue Park,")]
    assert len(lines) == 2 and all("Bolton" in line for line in lines)


def test_role_with_a_lower_case_list(places):
    found = people("Kent was praised. Sara Hale, corporate director of children, young people and education, "
                   "said she was pleased.", places)
    assert found["Sara Hale"].role == "corporate director of children, young people and education"


def test_two_people_with_roles_before_their_names_in_one_sentence(places):
    found = people("Oldham was rated good.\nPrime Minister Ann Hart and Education Secretary Bob Dale did not "
                   "comment.", places)
    assert found["Ann Hart"].role == "Prime Minister"
    assert found["Bob Dale"].role == "Education Secretary"
    assert found["Bob Dale"].organisation == ""


def test_where_a_carer_lives_is_not_their_organisation(places):
    found = people("Sue Tanner, a foster carer in Enfield, said the support had improved.", places)
    assert found["Sue Tanner"].role == "foster carer in Enfield"
    assert found["Sue Tanner"].organisation == ""


def test_people_who_act_without_speaking(places):
    text = ("Rutland wants a bigger grant.\nRutland's lead member for families, Cllr Ben Ashe, called for a fairer "
            "formula.\nThe regional director of Ofsted, Lucy Marr, signed the report.\nKay Dunmore chairs the "
            "corporate parenting panel.")
    found = people(text, places)
    assert found["Ben Ashe"].role == "lead member for families"
    assert found["Ben Ashe"].organisation_gss == gss(places, "Rutland")
    assert found["Lucy Marr"].organisation == "Ofsted"
    assert "Kay Dunmore" in found


def test_two_role_and_name_pairs_joined_by_and(places):
    text = ("Halton has turned a corner. The assistant director for care, Neil Orme, and the lead member for "
            "schools, Councillor Ruth Kaye, have rebuilt the service.")
    found = people(text, places)
    assert found["Neil Orme"].role == "assistant director for care"
    assert found["Ruth Kaye"].role == "lead member for schools"


def test_role_in_a_who_chairs_clause(places):
    found = people("Bury was praised. Councillor Dev Patel, who chairs the scrutiny committee, said more was "
                   "needed.", places)
    assert found["Dev Patel"].role == "chair of the scrutiny committee"
    assert found["Dev Patel"].organisation_gss == gss(places, "Bury")


def test_police_rank_before_the_name_and_force_after_it(places):
    found = people("Wirral was visited. Detective Chief Inspector Maya Rowe of Merseyside Police said joint work "
                   "had improved.", places)
    assert set(found) == {"Maya Rowe"}
    assert found["Maya Rowe"].role == "Detective Chief Inspector"
    assert found["Maya Rowe"].organisation == "Merseyside Police"


def test_a_spokesperson_for_a_council_is_not_a_person(places):
    found = people("A spokesperson for Cheshire West and Chester Council said lessons had been learned.", places)
    assert found == {}


def test_a_role_starts_after_a_speech_verb_and_after_a_council_name(places):
    text = ("Dudley has improved.\nSaid the council's director of children's services, Ed Crane: \"We listened.\"\n"
            "Brighton and Hove City Council's executive director for families, Mo Reid, agreed.\n"
            "Wigan was rated good, and the Wigan council leader, Iris Lamb, thanked staff.")
    found = people(text, places)
    assert found["Ed Crane"].role == "director of children's services"
    assert found["Mo Reid"].role == "executive director for families"
    assert found["Mo Reid"].organisation_gss == gss(places, "Brighton and Hove")
    assert found["Iris Lamb"].role == "leader"
    assert found["Iris Lamb"].organisation_gss == gss(places, "Wigan")


def test_a_union_role_belongs_to_the_union(places):
    found = people("Sutton was rated good.\nGMB's Sutton branch secretary, Carl Nye, said staff were tired.",
                   places)
    assert found["Carl Nye"].role == "Sutton branch secretary"
    assert found["Carl Nye"].organisation == "GMB"


def test_new_is_not_part_of_the_role_and_a_lead_inspector_is_ofsteds(places):
    text = ("Leeds children's services\n\nLead inspector: Hana Cole\n\nThe new corporate director, Tim Ray, said he "
            "would build on the report.")
    found = people(text, places)
    assert found["Hana Cole"].organisation == "Ofsted"
    assert found["Tim Ray"].role == "corporate director"


def test_an_abbreviated_honorific_does_not_end_the_sentence(places):
    found = people("Wigan was rated good.\nLead member for children Cllr. Max Hill said it was deserved.", places)
    assert found["Max Hill"].role == "Lead member for children"
    assert found["Max Hill"].organisation_gss == gss(places, "Wigan")


def test_his_majestys_inspector_is_at_ofsted(places):
    found = people("Sefton was judged good.\nLead inspector: Hana Cole, His Majesty's Inspector\n", places)
    assert found["Hana Cole"].organisation == "Ofsted"
    assert found["Hana Cole"].role == "His Majesty's Inspector"


def test_a_body_as_a_possessive_before_a_speaker(places):
    found = people("Slough was visited. Ofsted's Rhea Moss said the council had more to do.", places)
    assert found["Rhea Moss"].organisation == "Ofsted"
