"""`ofsted-kg serve` as a real process on a free loopback port, asked by real clients:
SPARQLWrapper, rdflib's SPARQLStore and httpx for the protocol's details."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from .conftest import run_process
from .test_query_data import made_store

KG = "https://w3id.org/ofsted-kg/ontology#"
PREFIX = f"PREFIX kg: <{KG}>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
COUNCILS = PREFIX + "SELECT ?c ?name WHERE { ?c a kg:Council ; kg:shortName ?name } ORDER BY ?name LIMIT 5"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 3


class Server:
    def __init__(self, process: subprocess.Popen, url: str, store: Path):
        self.process, self.url, self.store = process, url, store
        self.endpoint = url + "/sparql"


def start_server(store: Path, *args: str) -> Server:
    process = subprocess.Popen([sys.executable, "-m", "ofsted_kg.graph.cli", "serve", "--store", str(store),
                                "--port", "0", "--quiet", *args], stderr=subprocess.PIPE, text=True)
    found: list[str] = []

    def read() -> None:
        for line in process.stderr:
            if not found and (match := re.search(r"at (http://[\d.]+:\d+)/sparql", line)):
                found.append(match.group(1))
    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 60
    while not found and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not found:
        process.kill()
        raise RuntimeError("the server did not start")
    return Server(process, found[0], store)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(15)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    store = tmp_path_factory.mktemp("served") / "store"
    made_store(store).flush()
    srv = start_server(store, "--timeout", str(TIMEOUT), "--max-rows", "100", "--workers", "2")
    yield srv
    stop_server(srv)


@pytest.fixture
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


# ------------------------------------------------------------------ real clients

def test_sparqlwrapper_select_json_and_xml(server: Server) -> None:
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(COUNCILS)
    client.setReturnFormat(JSON)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert len(bindings) == 5 and bindings[0]["c"]["type"] == "uri"
    client.setReturnFormat(XML)
    document = client.queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 5


def test_sparqlwrapper_post_ask_and_construct(server: Server) -> None:
    client = SPARQLWrapper(server.endpoint)
    client.setMethod("POST")
    client.setQuery(PREFIX + "ASK { ?c kg:shortName 'Kent' }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(PREFIX + "CONSTRUCT { ?c kg:shortName ?n } WHERE { ?c kg:shortName ?n } LIMIT 3")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 3


def test_rdflib_sparqlstore(server: Server) -> None:
    graph = Graph(store=SPARQLStore(server.endpoint))
    found = {str(row.name) for row in graph.query(
        PREFIX + "SELECT ?name WHERE { ?c a kg:Council ; kg:shortName ?name FILTER(STRSTARTS(?name, 'North L')) }")}
    assert found == {"North Lincolnshire"}
    assert (URIRef("https://w3id.org/ofsted-kg/id/council/E10000016"), URIRef(KG + "shortName"), None) in graph


# ------------------------------------------------------------------ protocol details

@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_result_formats(http: httpx.Client, accept: str, media: str) -> None:
    response = http.get("/sparql", params={"query": COUNCILS}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    if media == "text/csv":
        assert response.text.splitlines()[0] == "c,name"
        assert "Barking and Dagenham" in response.text
    if media == "text/tab-separated-values":
        assert response.text.splitlines()[0] == "?c\t?name"
        assert '"Barking and Dagenham"' in response.text


@pytest.mark.parametrize("accept, rdf_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_graph_result_formats(http: httpx.Client, accept: str, rdf_format: str) -> None:
    query = PREFIX + "CONSTRUCT { ?c kg:shortName ?n } WHERE { ?c a kg:Council ; kg:shortName ?n } LIMIT 4"
    response = http.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    assert len(Graph().parse(data=response.content, format=rdf_format)) == 4


def test_post_form_and_sparql_query_bodies(http: httpx.Client) -> None:
    form = http.post("/sparql", data={"query": COUNCILS}, headers={"Accept": "application/sparql-results+json"})
    direct = http.post("/sparql", content=COUNCILS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == direct.status_code == 200
    assert form.json() == direct.json()


def test_predeclared_prefixes_and_union_default_graph(http: httpx.Client) -> None:
    response = http.get("/sparql", params={"query": "SELECT DISTINCT ?j WHERE { ?j a kg:Judgement }"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 9


def test_default_graph_uri_narrows_the_dataset(http: httpx.Client) -> None:
    response = http.get("/sparql", params={"query": "SELECT ?c WHERE { ?c a kg:Council }",
                                           "default-graph-uri": "https://w3id.org/ofsted-kg/graph/vocab"})
    assert response.status_code == 200 and response.json()["results"]["bindings"] == []


def test_malformed_query_is_400_with_the_parsers_message(http: httpx.Client) -> None:
    response = http.get("/sparql", params={"query": "SELECT ?x WHERE {\n  ?x ?y }"})
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error at line 2, column")


@pytest.mark.parametrize("how", ["update-form", "update-body", "update-in-query", "put", "delete", "post-turtle"])
def test_writes_are_refused(http: httpx.Client, how: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    response = {
        "update-form": lambda: http.post("/sparql", data={"update": update}),
        "update-body": lambda: http.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
        "update-in-query": lambda: http.post("/sparql", data={"query": "PREFIX x: <urn:x>\n" + update}),
        "put": lambda: http.put("/sparql?default", content="<urn:a> <urn:b> <urn:c> .", headers={"Content-Type": "text/turtle"}),
        "delete": lambda: http.delete("/sparql?default"),
        "post-turtle": lambda: http.post("/sparql?default", content="<urn:a> <urn:b> <urn:c> .", headers={"Content-Type": "text/turtle"}),
    }[how]()
    assert 400 <= response.status_code < 500
    assert "read-only" in response.text
    after = http.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert after.json()["boolean"] is False


def test_cors_preflight_and_headers(http: httpx.Client) -> None:
    preflight = http.options("/sparql", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    answer = http.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://example.org"})
    assert answer.headers["access-control-allow-origin"] == "*"


def test_service_description(http: httpx.Client, server: Server) -> None:
    response = http.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    endpoints = set(graph.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint")))
    assert endpoints == {URIRef(server.endpoint)}


def test_unacceptable_format_is_406(http: httpx.Client) -> None:
    response = http.get("/sparql", params={"query": COUNCILS}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "application/sparql-results+json" in response.text


def test_result_size_limit_is_an_error_not_a_truncated_body(http: httpx.Client) -> None:
    response = http.get("/sparql", params={"query": "SELECT ?c WHERE { ?c a kg:Council }"})
    assert response.status_code == 422
    assert "more than 100 rows" in response.text


def test_named_query_route_binds_parameters(http: httpx.Client) -> None:
    library = http.get("/queries").json()
    assert any(q["name"] == "latest-grades" and "council" in q["params"] for q in library)
    response = http.get("/queries/latest-grades", params={"council": "north lincolnshire"}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert {line.split(",")[0] for line in response.text.splitlines()[1:]} == {"North Lincolnshire Council"}
    assert http.get("/queries/latest-grades", params={"colour": "red"}).status_code == 400
    assert http.get("/queries/no-such-query").status_code == 404


def test_named_query_route_suggests_councils_for_an_unknown_name(http: httpx.Client) -> None:
    response = http.get("/queries/people-by-council", params={"council": "North Lincolnshre"})
    assert response.status_code == 400
    assert "North Lincolnshire" in response.text and "did you mean" in response.text


def test_query_page_is_offline_and_escapes(http: httpx.Client) -> None:
    page = http.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text)
    assert "innerHTML" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_a_slow_query_is_stopped_while_others_are_answered(server: Server) -> None:
    outcome: dict[str, httpx.Response] = {}

    def slow() -> None:
        with httpx.Client(timeout=60) as client:
            outcome["slow"] = client.get(server.endpoint, params={"query": SLOW})

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    with httpx.Client(timeout=60) as client:
        quick = client.get(server.endpoint, params={"query": COUNCILS})
        assert quick.status_code == 200 and thread.is_alive()
        thread.join(60)
        assert outcome["slow"].status_code == 504
        assert "time limit" in outcome["slow"].text
        for _ in range(3):  # the stopped worker is replaced; the pool keeps answering
            assert client.get(server.endpoint, params={"query": "ASK {}"}).status_code == 200


def test_build_cannot_write_beneath_a_running_server(server: Server) -> None:
    result = run_process("build", "--store", server.store, Path(__file__).parent.parent / "examples" / "articles")
    assert result.returncode == 2
    assert "in use by another process" in result.stderr


def test_binds_to_loopback_by_default(tmp_path: Path) -> None:
    store = tmp_path / "store"
    made_store(store).flush()
    srv = start_server(store)
    try:
        assert srv.url.startswith("http://127.0.0.1:")
        assert json.loads(httpx.get(srv.endpoint, params={"query": "ASK {}"}).text)["boolean"] is True
    finally:
        stop_server(srv)
