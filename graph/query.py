"""Named queries (queries/*.rq) and running SPARQL on Oxigraph's engine.

A named query is a .rq file whose leading comment lines are its header:

    # title: Judgements
    # description: Every grade ...
    # param: council  a council name (optional)
    # columns: council, gss, area, grade, year, source

Parameters bind as SPARQL substitutions (values, never pasted text).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .namespaces import sparql_prefixes
from .resources import QUERIES_DIR


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)

    @property
    def sparql(self) -> str:
        return self.path.read_text(encoding="utf-8")


class QueryError(Exception):
    """A query that cannot be found, parsed or run; str() is one line."""


HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


def parse_header(path: Path) -> NamedQuery:
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "param":
            name, _, text = value.partition(" ")
            params[name] = text.strip()
        else:
            fields[key] = value
    columns = [c.strip() for c in fields.get("columns", "").split(",") if c.strip()]
    return NamedQuery(name=path.stem, path=path, title=fields.get("title", path.stem),
                      description=fields.get("description", ""), params=params, columns=columns)


def named_queries(directory: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    return {p.stem: parse_header(p) for p in sorted(directory.glob("*.rq"))}


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """A named query, a .rq file, or inline SPARQL -> (SPARQL text, its NamedQuery if any)."""
    queries = named_queries()
    if spec in queries:
        return queries[spec].sparql, queries[spec]
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return path.read_text(encoding="utf-8"), parse_header(path)
    if re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", spec, re.I):
        return spec, None
    raise QueryError(f"no named query {spec!r}; `ofsted-kg queries` lists them")


def with_prefixes(sparql: str) -> str:
    """Prepend the project's PREFIX lines, so named and inline queries can use kg:, area:, grade: ..."""
    return sparql_prefixes() + sparql


def bind_values(sparql: str, params: dict[str, str] | None) -> str:
    """Bind parameters with a trailing VALUES clause of literals written by Oxigraph's own
    term serialiser, so a value can never change the query's structure."""
    if not params:
        return sparql
    for name in params:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    variables = " ".join(f"?{k}" for k in params)
    values = " ".join(str(ox.Literal(v)) for v in params.values())
    return f"{sparql.rstrip()}\nVALUES ({variables}) {{ ({values}) }}\n"


def run_query(store: ox.Store, sparql: str, params: dict[str, str] | None = None):
    """Run SPARQL over the union of all graphs; parameters bind as plain literals."""
    try:
        return store.query(with_prefixes(bind_values(sparql, params)), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_syntax_message(str(exc), sparql)}") from None


def _syntax_message(message: str, sparql: str) -> str:
    """Oxigraph's message, with line and column shifted back past the PREFIX lines we added."""
    shift = sparql_prefixes().count("\n")
    def fix(m: re.Match[str]) -> str:
        return f"line {int(m.group(1)) - shift}"
    return re.sub(r"line (\d+)", fix, message.splitlines()[0])


def term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def solutions_table(result) -> tuple[list[str], list[list[str]]]:
    columns = [v.value for v in result.variables]
    rows = [[term_text(solution[c]) for c in columns] for solution in result]
    return columns, rows


def format_rows(columns: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], indent=2, ensure_ascii=False) + "\n"
    raise QueryError(f"unknown format {fmt!r} for a SELECT query")
