"""A read-only SPARQL 1.1 Protocol endpoint over the store (`ofsted-kg serve`).

- /sparql: GET and POST (form-encoded or application/sparql-query), content
  negotiation for SPARQL JSON/XML/CSV/TSV results and Turtle/N-Triples/JSON-LD/RDF-XML
  graphs, a Turtle service description when no query is given, CORS.
- /: an offline page to write or pick a query and see the results as a table.
- /queries: the named query library as JSON; /queries/NAME?param=value runs one,
  its parameters bound safely.
Safe by default: SPARQL Update and Graph Store writes are refused (403/405), each
query has a time limit and a result-size limit (graph.server_pool), and the
server binds to 127.0.0.1 unless told otherwise. While it runs it holds the
store's lock, so `ofsted-kg build` cannot write beneath its read-only workers.
"""
from __future__ import annotations

import fcntl
import functools
import json
import re
import signal
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .query import DEFAULT_PREFIXES, QueryError, bind_params, check_params, check_values, named_queries
from .resources import COUNCILS_FILE, ONTOLOGY_FILE, VOCAB_FILE
from .server_page import PAGE
from .server_pool import QueryRequest, WorkerPool, default_pool_size
from .server_results import Reply, negotiate

MAX_BODY = 1 << 20  # bytes of a POSTed query
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
UPDATE_WORDS = re.compile(r"^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
PROLOGUE = re.compile(r"^(\s+|#[^\n]*\n?|PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)
READ_ONLY = ("this endpoint is read-only: SPARQL Update is refused (the store is written only by "
             "`ofsted-kg build`)")


@functools.cache
def reference_store() -> ox.Store:
    """The councils, vocabularies and ontology in memory (the store's reference graphs are
    loaded from the same files), so an unknown council, area or grade is answered 400 with
    the nearest names without asking a worker."""
    store = ox.Store()
    for path in (COUNCILS_FILE, VOCAB_FILE, ONTOLOGY_FILE):
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.resolve().as_uri()))
    return store


class ServeError(Exception):
    """The server cannot start; str() is one line naming the store and the problem."""


@dataclass
class Settings:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int | None = 100_000
    workers: int = 0
    quiet: bool = False


def looks_like_update(text: str) -> bool:
    """True when the text after its prologue (comments, PREFIX, BASE) starts an update operation."""
    rest = text
    while (match := PROLOGUE.match(rest)) and match.end() > 0:
        rest = rest[match.end():]
    return bool(UPDATE_WORDS.match(rest))


def hold_store_lock(store: Path):
    """Take the store's RocksDB LOCK file (an fcntl lock, as RocksDB takes it), so no writer can
    open the store while read-only workers use it. Returns the open file; keep it open."""
    lock = store / "LOCK"
    if not lock.is_file():
        raise ServeError(f"{store}: no store here; build one with `ofsted-kg build --store {store} FILES`")
    handle = open(lock, "r+b")
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise ServeError(f"{store}: the store is in use by another process (a build?); serve it when that finishes") from None
    return handle


def service_description(endpoint: str, settings: Settings) -> str:
    limits = f"read-only; each query has {settings.timeout:g} s"
    if settings.max_rows:
        limits += f" and at most {settings.max_rows} result rows"
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}#service> a sd:Service ;
    dcterms:title "ofsted-kg SPARQL endpoint" ;
    rdfs:comment {json.dumps(limits)} ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
    sd:defaultDataset [
        a sd:Dataset ;
        rdfs:comment "The default graph is the union of every named graph: one per document, and the ontology, vocabularies and reference councils." ;
        sd:defaultGraph [ a sd:Graph ]
    ] .
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "ofsted-kg"
    protocol_version = "HTTP/1.1"
    server: "SparqlServer"

    # ------------------------------------------------------------ plumbing
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.server.settings.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def send(self, reply: Reply, extra: dict[str, str] | None = None) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.media_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        for key, value in {**CORS, **(extra or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def refuse_write(self) -> None:
        self.drain()
        self.send(Reply.error(405, f"{READ_ONLY}; Graph Store writes ({self.command}) are refused too"),
                  {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = refuse_write

    def drain(self) -> None:
        """Read a body we will not use, so the next request on this connection starts clean."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY or self.headers.get("Transfer-Encoding"):
            self.close_connection = True
        elif length:
            self.rfile.read(length)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        for key, value in CORS.items():
            self.send_header(key, value)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    # ------------------------------------------------------------ routes
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        args = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            return self.send(Reply(200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
                             {"Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
                                                         "style-src 'unsafe-inline'; connect-src 'self'"})
        if url.path == "/sparql":
            return self.protocol(args)
        if url.path == "/queries":
            body = json.dumps([q.as_dict() for q in named_queries().values()], ensure_ascii=False)
            return self.send(Reply(200, "application/json", body.encode("utf-8")))
        if url.path.startswith("/queries/"):
            return self.named(url.path[len("/queries/"):], args)
        self.send(Reply.error(404, f"nothing at {url.path}; the endpoint is /sparql and the query page is /"))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        args = parse_qs(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self.send(Reply.error(413, f"the request body is larger than {MAX_BODY} bytes"))
        body = self.rfile.read(length) if length else b""
        if url.path != "/sparql":
            return self.send(Reply.error(404 if not url.path.startswith("/queries") else 405,
                                         f"POST goes to /sparql, not {url.path}"))
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            for key, values in form.items():
                args.setdefault(key, []).extend(values)
            return self.protocol(args, posted=True)
        if media == "application/sparql-query":
            args["query"] = [body.decode("utf-8", "replace")]
            return self.protocol(args, posted=True)
        if media == "application/sparql-update":
            return self.send(Reply.error(403, READ_ONLY))
        self.send(Reply.error(415 if not media.startswith(("text/turtle", "application/n-", "application/ld+json",
                                                            "application/rdf+xml", "application/trig"))
                              else 403,
                              f"{READ_ONLY}; Graph Store writes are refused too" if media else
                              "a POST to /sparql needs Content-Type application/sparql-query or "
                              "application/x-www-form-urlencoded"))

    # ------------------------------------------------------------ the protocol
    def protocol(self, args: dict[str, list[str]], posted: bool = False) -> None:
        if "update" in args:
            return self.send(Reply.error(403, READ_ONLY))
        queries = args.get("query", [])
        if not queries:
            if posted:
                return self.send(Reply.error(400, "no query: send query=... or a body of Content-Type "
                                                  "application/sparql-query"))
            return self.describe()
        if len(queries) > 1:
            return self.send(Reply.error(400, "more than one query parameter"))
        self.run(queries[0], args)

    def run(self, text: str, args: dict[str, list[str]]) -> None:
        if looks_like_update(text):
            return self.send(Reply.error(403, READ_ONLY))
        settings = self.server.settings
        request = QueryRequest(query=text, accept=self.headers.get("Accept"),
                               format=(args.get("format") or args.get("output") or [None])[0],
                               default_graphs=args.get("default-graph-uri", []),
                               named_graphs=args.get("named-graph-uri", []),
                               max_rows=settings.max_rows)
        reply = self.server.pool.run(request)
        self.send(reply, {"Retry-After": "2"} if reply.status == 503 else None)

    def named(self, name: str, args: dict[str, list[str]]) -> None:
        queries = named_queries()
        if name not in queries:
            return self.send(Reply.error(404, f"no named query {name!r}; /queries lists them"))
        named = queries[name]
        params = {k: " ".join(v[-1].split()) for k, v in args.items() if k not in ("format", "output") and v[-1].strip()}
        try:
            check_params(named, params)
            check_values(reference_store(), params)
            text = bind_params(named.sparql, {**named.defaults, **params}, list(named.params))
        except QueryError as exc:
            return self.send(Reply.error(400, str(exc)))
        self.run(text, args)

    def describe(self) -> None:
        accept = self.headers.get("Accept")
        if accept and "text/html" in accept and "turtle" not in accept:
            self.send_response(303)
            self.send_header("Location", "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        host = self.headers.get("Host") or f"{self.server.settings.host}:{self.server.settings.port}"
        turtle = service_description(f"http://{host}/sparql", self.server.settings)
        try:
            fmt = negotiate(accept, {"text/turtle": "turtle", "application/n-triples": "nt",
                                     "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml"})
        except Exception:
            fmt = "turtle"
        if fmt == "turtle":
            return self.send(Reply(200, "text/turtle; charset=utf-8", turtle.encode("utf-8")))
        formats = {"nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
                   "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
                   "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml")}
        rdf_format, media = formats[fmt]
        triples = [q.triple for q in ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)]
        self.send(Reply(200, media, ox.serialize(triples, format=rdf_format)))


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, settings: Settings, pool: WorkerPool):
        self.settings, self.pool = settings, pool
        super().__init__((settings.host, settings.port), Handler)


def make_server(settings: Settings) -> tuple[SparqlServer, object]:
    """Lock the store, start the workers and bind the socket; the caller serves and closes."""
    store = settings.store.resolve()
    lock = hold_store_lock(store)
    try:
        pool = WorkerPool(str(store), settings.workers or default_pool_size(), settings.timeout, DEFAULT_PREFIXES)
    except Exception as exc:
        lock.close()
        raise ServeError(f"{store}: {exc}") from None
    try:
        server = SparqlServer(settings, pool)
    except OSError as exc:
        pool.close()
        lock.close()
        raise ServeError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc}") from None
    return server, lock


def serve(settings: Settings, ready=None) -> None:
    """Serve until interrupted; `ready(server)` is called once the socket is bound."""
    server, lock = make_server(settings)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        if ready:
            ready(server)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.close()
        lock.close()


def _interrupt(signum, frame) -> None:
    """SIGTERM stops the server like Ctrl+C, so the workers are stopped and the lock released."""
    raise KeyboardInterrupt
