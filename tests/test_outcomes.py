"""import-outcomes: the published outcomes table as curated data in its own
graph, with provenance, replacing an earlier import, refused naming the row."""
from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_kg.graph.store import open_store

from .conftest import SHARED, requires_shared

HEADER = ("gss,la_code,local_authority,inspection_framework,inspection_start_date,inspection_end_date,"
          "publication_date,overall,leadership,help_protection,in_care,care_leavers,lead_inspector,report_url\n")


def write(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def query(cli, store, sparql: str) -> list[str]:
    result = cli("query", "--store", store, "--format", "csv", sparql)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[1:]


def test_import_gives_curated_judgements_with_provenance(cli, store, tmp_path):
    table = write(tmp_path / "outcomes.csv",
                  "E06000017,857,rutland,standard,2024-03-04,2024-03-15,2024-05-01,good,good,requires-improvement,outstanding,good,morag quill,",
                  ",,Halton,short,2023-06-05,2023-06-09,2023-07-20,inadequate,inadequate,inadequate,inadequate,,,")
    result = cli("import-outcomes", "--store", store, table)
    assert result.exit_code == 0, result.output
    assert "2 rows, 2 councils, 9 judgements" in result.output
    rows = query(cli, store, "judgements")
    assert "Rutland County Council,E06000017,in-care,outstanding,2024,outcomes.csv," in rows
    assert any(r.startswith("Halton Borough Council,E06000006,overall,inadequate,2023,outcomes.csv") for r in rows)
    source = query(cli, store, "SELECT ?file ?sha ?when WHERE { ?s a kg:CuratedSource ; kg:fileName ?file ; "
                               "kg:sha256 ?sha ; dcterms:created ?when }")
    assert len(source) == 1 and source[0].startswith("outcomes.csv,") and len(source[0].split(",")[1]) == 64
    people = query(cli, store, "people")
    assert any(r.startswith("Morag Quill,lead inspector,Ofsted,") and "outcomes.csv" in r for r in people)


def test_reimport_replaces_the_earlier_import(cli, store, tmp_path):
    table = write(tmp_path / "outcomes.csv", "E06000017,857,rutland,standard,2024-03-04,2024-03-15,,good,good,good,good,good,,")
    assert cli("import-outcomes", "--store", store, table).exit_code == 0
    write(table, "E06000017,857,rutland,standard,2024-03-04,2024-03-15,,inadequate,good,good,good,good,,")
    assert cli("import-outcomes", "--store", store, table).exit_code == 0
    grades = query(cli, store, "SELECT ?g WHERE { ?j kg:area area:overall ; kg:grade ?g }")
    assert grades == ["https://w3id.org/ofsted-kg/id/grade/inadequate"]
    assert len(query(cli, store, "SELECT ?s WHERE { ?s a kg:CuratedSource }")) == 1


@pytest.mark.parametrize("row, words", [
    ("E06000017,857,rutland,standard,2024-03-04,2024-03-15,,excellent,good,good,good,good,,", "grade 'excellent'"),
    (",,Atlantis,standard,2024-03-04,2024-03-15,,good,good,good,good,good,,", "council 'Atlantis'"),
])
def test_import_refused_naming_the_row_and_nothing_written(cli, store, tmp_path, row, words):
    good = "E06000006,876,halton,standard,2024-05-13,2024-05-24,,inadequate,inadequate,inadequate,inadequate,inadequate,,"
    table = write(tmp_path / "bad.csv", good, row)
    result = cli("import-outcomes", "--store", store, table)
    assert result.exit_code == 1
    message = result.output.strip()
    assert "bad.csv: row 3:" in message and words in message and "\n" not in message
    assert query(cli, store, "SELECT ?j WHERE { ?j a kg:Judgement }") == []


def test_ofsted_style_spreadsheet_with_its_own_headers(cli, store, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Local authority inspection outcomes"])  # a title above the header, as Ofsted's sheets have
    sheet.append([])
    sheet.append(["Local authority", "LA code", "Inspection start date", "Inspection end date", "Publication date",
                  "Overall effectiveness", "Impact of leaders on social work practice with children and families",
                  "Experiences and progress of children who need help and protection",
                  "Experiences and progress of children in care", "Experiences and progress of care leavers"])
    sheet.append(["Rutland", "857", "04/03/2024", "15/03/2024", "01/05/2024", "Good", "Outstanding",
                  "Requires improvement to be good", "Good", "Inadequate"])
    book.save(tmp_path / "outcomes.xlsx")
    result = cli("import-outcomes", "--store", store, tmp_path / "outcomes.xlsx")
    assert result.exit_code == 0, result.output
    rows = query(cli, store, "judgements")
    assert "Rutland County Council,E06000017,leadership,outstanding,2024,outcomes.xlsx," in rows
    assert "Rutland County Council,E06000017,care-leavers,inadequate,2024,outcomes.xlsx," in rows


@requires_shared
@pytest.mark.corpus
def test_shared_outcomes_table_gives_153_councils_with_latest_grades(cli, store):
    result = cli("import-outcomes", "--store", store, SHARED / "reference" / "ilacs_outcomes.csv")
    assert result.exit_code == 0, result.output
    rows = query(cli, store, "SELECT DISTINCT ?gss WHERE { ?j a kg:Judgement ; kg:area area:overall ; "
                             "kg:inspection/kg:council/kg:gssCode ?gss }")
    assert len(rows) == 151  # Brent and Somerset (2026) have no overall grade in the table
    councils = query(cli, store, "SELECT DISTINCT ?gss WHERE { ?j a kg:Judgement ; kg:inspection/kg:council/kg:gssCode ?gss }")
    assert len(councils) == 153
    assert "E06000001,outstanding" in query(cli, store, "SELECT ?gss ?g WHERE { ?j kg:area area:overall ; "
                                                        "kg:inspection/kg:council/kg:gssCode ?gss . ?j kg:grade/skos:notation ?g "
                                                        "FILTER(?gss = 'E06000001') }")
