"""Named queries (queries/*.rq) and running SPARQL on Oxigraph's engine.

A named query is a .rq file whose leading comment lines are its header:

    # title: Judgements
    # description: Every grade ...
    # param: council  a council: any name the gazetteer knows (optional)
    # columns: council, gss, area, grade, year, source

A parameter NAME is bound to the variable ?param_NAME by a VALUES block put at
the start of the query's WHERE group, its value written by Oxigraph's own term
serialiser, so a value can never change the query's structure. A parameter
that is not given and is optional is bound to UNDEF (test it with BOUND).
The project's prefixes are handed to Oxigraph's parser as defaults, so line
and column numbers in syntax errors are the user's own.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from .namespaces import PREFIXES
from .resources import QUERIES_DIR
from .sparql_syntax import syntax_message, syntax_position  # noqa: F401 (part of this module's API)

PARAM_PREFIX = "param_"
DEFAULT_PREFIXES: dict[str, str] = {name: str(ns) for name, ns in PREFIXES.items()}
TRIPLE_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
ROW_FORMATS = ("table", "csv", "tsv", "json")


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

    @property
    def defaults(self) -> dict[str, str]:
        """Values of parameters whose description says "(default: VALUE)"."""
        found = {p: DEFAULT.search(text) for p, text in self.params.items()}
        return {p: m.group(1).strip() for p, m in found.items() if m}

    @property
    def required(self) -> list[str]:
        """Parameters that are neither "(optional)" nor have a default."""
        return [p for p, text in self.params.items()
                if "(optional" not in text.lower() and p not in self.defaults]

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": self.params, "required": self.required, "defaults": self.defaults, "columns": self.columns, "sparql": self.sparql}


class QueryError(Exception):
    """A query that cannot be found, parsed or run; str() is one line."""


HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
DEFAULT = re.compile(r"\(default:\s*([^)]*)\)", re.I)
PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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


QUERY_FORM = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.I)


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
    if QUERY_FORM.search(spec):
        return spec, None
    close = difflib.get_close_matches(spec, list(queries), n=1)
    hint = f"; did you mean {close[0]}?" if close else "; `ofsted-kg queries` lists them"
    raise QueryError(f"no named query {spec!r}{hint}")


# ------------------------------------------------------------------ parameters

def check_params(named: NamedQuery | None, params: dict[str, str]) -> None:
    """Unknown or missing parameters of a named query -> QueryError naming them."""
    for name in params:
        if not PARAM_NAME.fullmatch(name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    if named is None:
        return
    unknown = sorted(set(params) - set(named.params))
    if unknown:
        takes = f"; it takes {', '.join(named.params)}" if named.params else "; it takes none"
        raise QueryError(f"{named.name} takes no parameter {', '.join(unknown)}{takes}")
    missing = [p for p in named.required if p not in params]
    if missing:
        raise QueryError(f"{named.name} needs " + ", ".join(
            f"--param {p}=... ({named.params[p]})" for p in missing))


def known_values(store: ox.Store, param: str) -> dict[str, str] | None:
    """Lower-cased names a `council`, `area` or `grade` parameter may take (-> display name);
    None for other parameters, which are free text."""
    patterns = {
        "council": "?x a kg:Council . { ?x skos:prefLabel|skos:altLabel|kg:shortName|rdfs:label|kg:gssCode ?n }",
        "area": "?x a kg:Area . { ?x skos:notation|skos:prefLabel|skos:altLabel|rdfs:label ?n }",
        "grade": "?x a kg:Grade . { ?x skos:notation|skos:prefLabel|skos:altLabel|rdfs:label ?n }",
        "region": "?x a kg:Council ; kg:region ?n",
        "kind": "{ ?x a kg:InspectionKind } UNION { ?x a kg:FindingKind } ?x skos:notation|skos:prefLabel|rdfs:label ?n",
        "unit": "?x a kg:Unit . { ?x skos:notation|rdfs:label ?n }",
    }
    if param not in patterns:
        return None
    rows = store.query(f"SELECT DISTINCT ?n WHERE {{ {patterns[param]} }}", prefixes=DEFAULT_PREFIXES,
                       use_default_graph_as_union=True)
    return {row["n"].value.lower(): row["n"].value for row in rows}


def check_values(store: ox.Store, params: dict[str, str]) -> None:
    """A council, area or grade the store does not know -> QueryError with the nearest names."""
    for param, value in params.items():
        names = known_values(store, param)
        if names is None or not names or value.strip().lower() in names:
            continue
        close = difflib.get_close_matches(value.strip().lower(), list(names), n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(names[c]) for c in close)}?" if close else ""
        raise QueryError(f"no {param} called {value!r} in the store{hint}")


def _where_braces(sparql: str) -> list[int]:
    """Indexes just after each `{` that opens a WHERE group (the query's and each subquery's),
    skipping comments, strings and IRIs."""
    found: list[int] = []
    i, n, seen_where = 0, len(sparql), False
    iri = re.compile(r"<[^<>\"{}|^`\\\s]*>")
    while i < n:
        ch = sparql[i]
        if ch == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if ch in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else ch
            i += len(quote)
            while i < n and not sparql.startswith(quote, i):
                i += 2 if sparql[i] == "\\" else 1
            i += len(quote)
            continue
        if ch == "<":
            match = iri.match(sparql, i)
            i = match.end() if match else i + 1
            continue
        if seen_where and ch == "{":
            found.append(i + 1)
            seen_where = False
        elif sparql[i:i + 5].upper() == "WHERE" and (i == 0 or not (sparql[i - 1].isalnum() or sparql[i - 1] in "_?$")) \
                and (i + 5 >= n or not (sparql[i + 5].isalnum() or sparql[i + 5] == "_")):
            seen_where = True
            i += 5
            continue
        i += 1
    return found


def bind_params(sparql: str, params: dict[str, str] | None, declared: list[str] | None = None) -> str:
    """Bind each parameter NAME to ?param_NAME with a VALUES block at the start of every WHERE
    group (the query's and each subquery's, so a subquery can use it too); declared parameters
    that were not given are bound to UNDEF."""
    names = list(dict.fromkeys([*(declared or []), *(params or {})]))
    if not names:
        return sparql
    for name in names:
        if not PARAM_NAME.fullmatch(name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    places = _where_braces(sparql)
    if not places:
        raise QueryError("parameters need a query with a WHERE clause")
    given = params or {}
    variables = " ".join(f"?{PARAM_PREFIX}{k}" for k in names)
    values = " ".join(str(ox.Literal(given[k])) if k in given else "UNDEF" for k in names)
    block = f" VALUES ({variables}) {{ ({values}) }} "
    for at in reversed(places):
        sparql = sparql[:at] + block + sparql[at:]
    return sparql


# ------------------------------------------------------------------ running

def run_query(store: ox.Store, sparql: str, params: dict[str, str] | None = None,
              named: NamedQuery | None = None, *, check: bool = True):
    """Run SPARQL over the union of all graphs, with the project's prefixes predeclared."""
    params = {k: " ".join(v.split()) for k, v in (params or {}).items()}
    if check:
        check_params(named, params)
        check_values(store, params)
    if named:
        params = {**named.defaults, **params}
    text = bind_params(sparql, params, list(named.params) if named else None)
    try:
        return store.query(text, prefixes=DEFAULT_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        where = f"{named.path.name}: " if named else ""
        raise QueryError(f"{where}SPARQL syntax error {syntax_message(str(exc))}") from None


# ------------------------------------------------------------------ formatting

def term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def solutions_table(result, limit: int | None = None) -> tuple[list[str], list[list[str]]]:
    columns = [v.value for v in result.variables]
    rows = [[term_text(solution[c]) for c in columns] for solution in islice(result, limit)]
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
    if fmt in TRIPLE_FORMATS:
        raise QueryError(f"format {fmt!r} is for CONSTRUCT and DESCRIBE queries; a SELECT prints table, csv, tsv or json")
    raise QueryError(f"unknown format {fmt!r}; a SELECT prints table, csv, tsv or json")


def format_triples(result, fmt: str, limit: int | None = None) -> str:
    """The triples of a CONSTRUCT or DESCRIBE as Turtle (with the project's prefixes), N-Triples or JSON-LD."""
    if fmt not in TRIPLE_FORMATS:
        raise QueryError(f"unknown format {fmt!r} for a CONSTRUCT or DESCRIBE query; choose turtle, ntriples or jsonld")
    triples = list(islice(result, limit))
    rdf_format = TRIPLE_FORMATS[fmt]
    if fmt == "turtle":
        data = ox.serialize(triples, format=rdf_format, prefixes=used_prefixes(triples)).decode("utf-8")
    else:
        data = ox.serialize(triples, format=rdf_format).decode("utf-8")
    return data if data.endswith("\n") or not data else data + "\n"


def used_prefixes(triples: list) -> dict[str, str]:
    """The project's prefixes that name a term in these triples (`id:` left out: its local
    names hold slashes, which Turtle would escape)."""
    iris = {t.value for triple in triples for t in (triple.subject, triple.predicate, triple.object)
            if isinstance(t, ox.NamedNode)}
    iris |= {t.datatype.value for triple in triples for t in (triple.object,) if isinstance(t, ox.Literal)}
    return {p: ns for p, ns in DEFAULT_PREFIXES.items()
            if p != "id" and any(i.startswith(ns) and "/" not in i[len(ns):] for i in iris)}
