"""The published outcomes table as curated data: each council's latest
inspection and its grades, in a named graph of its own with provenance.

Reads the columns of ../shared/reference/ilacs_outcomes.csv and those of
Ofsted's own "local authority inspection outcomes" spreadsheets (.csv, .xlsx,
.ods), matched by what their headers say. Curated judgements get the same IRIs
as judgements read from reports and articles (graph.iris), so one inspection
seen by several sources is one node with one judgement per area, each source
in its own graph. A row whose council or grade cannot be resolved refuses the
whole import, naming the row: nothing is written.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, XSD

from ..loaders.gazetteer import CouncilRecord
from . import iris
from .namespaces import KG
from .mapping import add_inspection_node
from .outcomes_table import TableError, read_table
from .reference import council_records, gazetteer
from .store import ensure_reference, graphs_named, replace_graphs
from .validate import validate_graphs

AREAS = ("overall", "leadership", "help-protection", "in-care", "care-leavers")
# Header wording -> field; the first rule a header matches wins (so "children in care and care leavers" is in-care).
COLUMN_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("gss", re.compile(r"^(?:gss|gss code|la gss code|new la code|local authority gss code)$")),
    ("la_code", re.compile(r"^(?:la code|la_code|old la code|la number|lea code|dfe la code|local authority code|la)$")),
    ("council", re.compile(r"^(?:local authority|local authority name|la name|council|local_authority|authority)$")),
    ("framework", re.compile(r"framework|inspection type|type of inspection")),
    ("start", re.compile(r"start date|inspection start|date inspection started")),
    ("end", re.compile(r"end date|inspection end|date inspection ended")),
    ("published", re.compile(r"publication|published")),
    ("lead_inspector", re.compile(r"lead inspector")),
    ("report_url", re.compile(r"url|link")),
    ("in-care", re.compile(r"children in care and care leavers|looked after|^in care$|children in care")),
    ("care-leavers", re.compile(r"care leavers")),
    ("help-protection", re.compile(r"help and protection|help protection")),
    ("leadership", re.compile(r"leaders|leadership")),
    ("overall", re.compile(r"overall")),
]
GRADES = {
    "outstanding": "outstanding", "1": "outstanding",
    "good": "good", "2": "good",
    "requires improvement to be good": "requires-improvement", "requires improvement": "requires-improvement",
    "requires-improvement": "requires-improvement", "3": "requires-improvement",
    "inadequate": "inadequate", "4": "inadequate",
}
NO_GRADE = {"", "nan", "none", "null", "n/a", "na", "-", "–", "not applicable", "not judged", "no judgement",
            "inspection_pre_dates_judgement", "inspection pre dates judgement", "not graded", "."}


class OutcomesError(Exception):
    """A table that cannot be imported; str() is one line naming the file and the row."""


@dataclass
class OutcomeRow:
    row: int  # 1-based line in the file, header included
    gss: str
    council_as_written: str
    framework: str | None
    start: date | None
    end: date | None
    published: date | None
    grades: dict[str, str] = field(default_factory=dict)
    lead_inspector: str | None = None
    report_url: str | None = None

    @property
    def year(self) -> int | None:
        when = self.start or self.end or self.published
        return when.year if when else None


@dataclass
class ImportReport:
    path: Path
    graph: str
    rows: list[OutcomeRow]
    replaced: list[str]
    warnings: list[str]

    @property
    def councils(self) -> int:
        return len({r.gss for r in self.rows})


def normalise_header(header: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", header.lower().replace("_", " "))).strip()


def map_columns(header: list[str]) -> dict[str, int]:
    """Field -> column index, from the header's wording."""
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = normalise_header(raw)
        if not name:
            continue
        for key, rule in COLUMN_RULES:
            if rule.search(name) and key not in found:
                found[key] = index
                break
    return found


def find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]]:
    """The header row (title and notes may stand above it) and its column map."""
    for index, row in enumerate(rows[:40]):
        columns = map_columns(row)
        if ("gss" in columns or "la_code" in columns or "council" in columns) and "overall" in columns:
            return index, columns
    raise OutcomesError("no header row with a council column (gss, la_code or local authority) and an overall grade column")


def parse_grade(value: str) -> str | None:
    """A grade code, None for no grade; ValueError for words that are not a grade."""
    text = re.sub(r"\s+", " ", value.strip().strip("‘’'\"").lower().replace("_", " "))
    text = re.sub(r"^(\d)\.0$", r"\1", text)
    if text in NO_GRADE or value.strip().lower() in NO_GRADE:
        return None
    if text in GRADES:
        return GRADES[text]
    raise ValueError(value)


def parse_date(value: str) -> date | None:
    value = value.strip()
    if not value or value.lower() in NO_GRADE:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(value[:19] if "T" in value else value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


class CouncilResolver:
    """Council by GSS code, DfE LA code or any name the gazetteer knows, in the year of the inspection."""

    def __init__(self) -> None:
        self.records = {r.gss: r for r in council_records()}
        self.by_la_code = _la_codes()
        self.gazetteer = gazetteer()

    def resolve(self, gss: str, la_code: str, name: str, year: int | None) -> CouncilRecord | None:
        if gss:
            return self.records.get(gss.strip().upper())
        if la_code:
            candidates = [self.records[g] for g in self.by_la_code.get(la_code.strip().lstrip("0").zfill(3), [])]
            if year is not None:
                candidates = [c for c in candidates if c.existed_in(year)] or candidates
            if candidates:
                return candidates[0]
        if name:
            return self.gazetteer.resolve(name, year) or self.gazetteer.resolve(_title_name(name), year)
        return None


def _title_name(name: str) -> str:
    return re.sub(r"\s+(?:council|county council|city council|borough council)$", "", name.strip(), flags=re.I)


def _la_codes() -> dict[str, list[str]]:
    from .resources import COUNCILS_FILE

    g = Graph().parse(COUNCILS_FILE, format="turtle")
    codes: dict[str, list[str]] = {}
    for council, code in g.subject_objects(KG.dfeCode):
        codes.setdefault(str(code).zfill(3), []).append(str(g.value(council, KG.gssCode)))
    return codes


def read_outcomes(path: Path, data: bytes) -> list[OutcomeRow]:
    """Every row of the table, resolved; OutcomesError naming the first row that cannot be."""
    try:
        rows = read_table(path, data)
    except TableError as exc:
        raise OutcomesError(f"{path}: {exc}") from None
    try:
        header_index, columns = find_header(rows)
    except OutcomesError as exc:
        raise OutcomesError(f"{path}: {exc}") from None
    header = rows[header_index]
    resolver = CouncilResolver()
    out: list[OutcomeRow] = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        line = index + 1

        def cell(key: str) -> str:
            col = columns.get(key)
            return row[col].strip() if col is not None and col < len(row) else ""

        where = f"{path}: row {line}"
        try:
            start, end, published = parse_date(cell("start")), parse_date(cell("end")), parse_date(cell("published"))
        except ValueError as exc:
            raise OutcomesError(f"{where}: date {str(exc)!r} cannot be read") from None
        year = (start or end or published).year if (start or end or published) else None
        council = resolver.resolve(cell("gss"), cell("la_code"), cell("council"), year)
        if council is None:
            written = cell("gss") or cell("la_code") or cell("council") or "(empty)"
            raise OutcomesError(f"{where}: council {written!r} cannot be resolved to a known council")
        if year is None:
            raise OutcomesError(f"{where}: no inspection or publication date for {council.name}")
        grades = {}
        for area in AREAS:
            if area not in columns:
                continue
            try:
                grade = parse_grade(cell(area))
            except ValueError:
                raise OutcomesError(f"{where}: grade {cell(area)!r} in column {header[columns[area]]!r} "
                                    "cannot be resolved (expected outstanding, good, requires improvement, inadequate or 1-4)") from None
            if grade:
                grades[area] = grade
        framework = cell("framework").lower() or None
        out.append(OutcomeRow(row=line, gss=council.gss, council_as_written=cell("council") or council.name,
                              framework=framework if framework not in NO_GRADE else None, start=start, end=end,
                              published=published, grades=grades, lead_inspector=cell("lead_inspector") or None,
                              report_url=cell("report_url") or None))
    if not out:
        raise OutcomesError(f"{path}: no rows below the header")
    return out


def outcomes_graph(path: Path, sha256: str, rows: list[OutcomeRow], imported: datetime) -> Graph:
    """The named graph of one import: the curated source and, per row, an inspection and its judgements."""
    g = Graph()
    source = iris.curated(sha256)
    g.add((source, RDF.type, KG.CuratedSource))
    g.add((source, KG.fileName, Literal(path.name)))
    g.add((source, KG.sha256, Literal(sha256)))
    g.add((source, DCTERMS.created, Literal(imported.isoformat(timespec="seconds"), datatype=XSD.dateTime)))
    g.add((source, RDFS.label, Literal(f"inspection outcomes table {path.name}")))
    ofsted = iris.organisation("ofsted")
    for row in rows:
        inspection = iris.inspection(row.gss, "full-inspection", row.year, sha256)
        add_inspection_node(g, inspection, row.gss, "full-inspection", row.year, "ILACS", row.start, row.end)
        g.add((inspection, PROV.wasDerivedFrom, source))
        if row.report_url:
            g.add((inspection, RDFS.seeAlso, URIRef(row.report_url)))
        for area, grade in row.grades.items():
            judgement = iris.judgement(row.gss, row.year, area, sha256)
            g.add((judgement, RDF.type, KG.Judgement))
            g.add((judgement, KG.inspection, inspection))
            g.add((judgement, KG.area, iris.area(area)))
            g.add((judgement, KG.grade, iris.grade(grade)))
            g.add((judgement, PROV.wasDerivedFrom, source))
        if row.lead_inspector:
            name = _person_name(row.lead_inspector)
            person, post = iris.person(name), iris.post(name, str(ofsted), "lead inspector")
            g.add((person, RDF.type, KG.Person))
            g.add((person, SDO.name, Literal(name)))
            g.add((person, RDFS.label, Literal(name)))
            g.add((ofsted, RDF.type, ORG.Organization))
            g.add((ofsted, RDFS.label, Literal("Ofsted")))
            g.add((post, RDF.type, KG.Post))
            g.add((post, ORG.heldBy, person))
            g.add((post, KG.roleLabel, Literal("lead inspector")))
            g.add((post, ORG.postIn, ofsted))
            g.add((post, PROV.wasDerivedFrom, source))
    return g


def _person_name(written: str) -> str:
    """'louise walker' -> 'Louise Walker' (the table writes names in lower case)."""
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in written.split())


def import_outcomes(store: ox.Store, path: Path, *, now: datetime | None = None) -> ImportReport:
    """Read, validate and store the table in its own graph, replacing earlier imports of a file of that name."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutcomesError(f"{path}: cannot read: {exc.strerror}") from None
    rows = read_outcomes(path, data)
    sha = hashlib.sha256(data).hexdigest()
    graph = outcomes_graph(path, sha, rows, now or datetime.now(timezone.utc))
    name = str(iris.curated(sha))
    problems = validate_graphs([(name, graph)])[name]
    violations = [p for p in problems if p.is_violation]
    if violations:
        raise OutcomesError(f"{path}: does not conform to the shapes: {violations[0].line()}"
                            + (f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""))
    ensure_reference(store)
    stale = [old for old in graphs_named(store, path.name) if old != name]
    replace_graphs(store, [(old, Graph()) for old in stale] + [(name, graph)])
    return ImportReport(path=path, graph=name, rows=rows, replaced=stale, warnings=[p.line() for p in problems])
