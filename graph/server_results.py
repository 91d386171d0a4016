"""Query results as the SPARQL 1.1 Protocol serves them: content negotiation and
serialisation with a result-size limit.

SELECT results are written here (JSON, XML, CSV, TSV per the W3C result formats)
rather than by Oxigraph's serialiser, because the row limit must be checked
before anything is sent: a result over the limit is an error, never a silently
truncated body. ASK results and graphs (CONSTRUCT, DESCRIBE) use Oxigraph's
serialisers.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# media type -> short name; the first of each kind is the default
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
}
RESULT_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_MEDIA = {"turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
               "rdfxml": "application/rdf+xml"}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
BOOLEAN_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
# ?format= values clients send (SPARQLWrapper sends json or xml) -> (results format, graph format)
FORMAT_PARAM = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "ntriples": (None, "ntriples"), "nt": (None, "ntriples"),
    "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
}


@dataclass
class Reply:
    """What the server sends: a status, a media type and a body."""

    status: int
    media_type: str
    body: bytes

    @staticmethod
    def error(status: int, message: str) -> "Reply":
        return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


class NotAcceptable(Exception):
    """No format the client accepts can carry this kind of result."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (q=0 dropped)."""
    ranges = []
    for index, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((media, q, -index))
    ranges.sort(key=lambda r: (r[1], r[0] != "*/*" and not r[0].endswith("/*"), r[2]), reverse=True)
    return [(m, q) for m, q, _ in ranges] or [("*/*", 1.0)]


def negotiate(accept: str | None, offered: dict[str, str], forced: str | None = None) -> str:
    """The short name of the format to send; `forced` (from ?format=) wins."""
    if forced:
        return forced
    default = next(iter(offered.values()))
    for media, _ in parse_accept(accept):
        if media == "*/*":
            return default
        if media.endswith("/*"):
            prefix = media[:-1]
            for offered_media, name in offered.items():
                if offered_media.startswith(prefix):
                    return name
            continue
        if media in offered:
            return offered[media]
    raise NotAcceptable(", ".join(dict.fromkeys(offered)))


# ------------------------------------------------------------------ SELECT

def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise TypeError(f"not an RDF term: {term!r}")


def _csv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def serialize_rows(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SELECT solutions in one of the W3C result formats (rows hold terms or None)."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                      for v, t in zip(variables, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


class TooLarge(Exception):
    """A result with more rows or triples than the server's limit."""


def collect(iterator, max_rows: int | None) -> list:
    """Up to max_rows items, or TooLarge when there are more."""
    items = list(islice(iterator, None if max_rows is None else max_rows + 1))
    if max_rows is not None and len(items) > max_rows:
        raise TooLarge(str(max_rows))
    return items


def reply_for(result, accept: str | None, format_param: str | None, max_rows: int | None) -> Reply:
    """Negotiate and serialise any query result; raises NotAcceptable or TooLarge."""
    results_forced, graph_forced = FORMAT_PARAM.get((format_param or "").lower(), (None, None))
    if isinstance(result, ox.QueryBoolean):
        fmt = negotiate(accept, RESULT_TYPES, results_forced)
        return Reply(200, RESULT_MEDIA[fmt], result.serialize(format=BOOLEAN_FORMATS[fmt]))
    if isinstance(result, ox.QueryTriples):
        fmt = negotiate(accept, GRAPH_TYPES, graph_forced)
        triples = collect(result, max_rows)
        body = ox.serialize(triples, format=GRAPH_FORMATS[fmt]) if triples or fmt != "jsonld" else b"[]"
        return Reply(200, GRAPH_MEDIA[fmt] + ("; charset=utf-8" if fmt in ("turtle", "ntriples") else ""), body)
    fmt = negotiate(accept, RESULT_TYPES, results_forced)
    variables = [v.value for v in result.variables]
    rows = [[solution[v] for v in variables] for solution in collect(result, max_rows)]
    media = RESULT_MEDIA[fmt] + ("; charset=utf-8" if fmt in ("csv", "tsv") else "")
    return Reply(200, media, serialize_rows(variables, rows, fmt))
