"""The SPARQL endpoint over the seed store, exercised with real HTTP requests on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
import rdflib

from graph.errors import EndpointError, StoreError
from graph.serve import GRAPH_OFFERS, RESULTS_OFFERS, make_server, negotiate

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def endpoint(seed_store_path):
    server, url = make_server(seed_store_path)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def call(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one request; HTTP errors are answers too."""
    req = Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def get(url: str, query: str, accept: str | None = None, **params):
    headers = {"Accept": accept} if accept else {}
    return call(url + "?" + urlencode({"query": query, **params}), headers=headers)


def json_count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def expected_count(seed_store) -> int:
    return int(seed_store.select(COUNT).rows[0][0])


def test_get_returns_sparql_json_by_default(endpoint, expected_count):
    status, ctype, body = get(endpoint, COUNT)
    assert status == 200
    assert ctype.startswith("application/sparql-results+json")
    assert json_count(body) == expected_count > 0


def test_post_form_encoded(endpoint, expected_count):
    status, _, body = call(endpoint, data=urlencode({"query": COUNT}).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    assert json_count(body) == expected_count


def test_post_sparql_query(endpoint, expected_count):
    status, _, body = call(endpoint, data=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200
    assert json_count(body) == expected_count


def test_union_of_all_graphs_is_the_default_graph(endpoint, seed_store):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    _, _, body = get(endpoint, query)
    graphs = sorted(b["g"]["value"] for b in json.loads(body)["results"]["bindings"])
    assert graphs == seed_store.graphs()
    # every graph's triples are visible without GRAPH
    _, _, body = get(endpoint, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    assert json_count(body) > 0


def test_default_graph_uri_narrows_the_default_graph(endpoint, seed_store):
    name = seed_store.graphs()[0]
    _, _, body = get(endpoint, COUNT, **{"default-graph-uri": name})
    assert json_count(body) == seed_store.count(name)


def test_xml_results(endpoint, expected_count):
    status, ctype, body = get(endpoint, COUNT, accept="application/sparql-results+xml")
    assert status == 200 and ctype.startswith("application/sparql-results+xml")
    literal = ET.fromstring(body).find(f".//{SPARQL_RESULTS}literal")
    assert int(literal.text) == expected_count


def test_csv_results(endpoint, expected_count):
    status, ctype, body = get(endpoint, COUNT, accept="text/csv")
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["n"] and int(rows[1][0]) == expected_count


def test_tsv_results(endpoint, expected_count):
    status, ctype, body = get(endpoint, COUNT, accept="text/tab-separated-values")
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?n"
    assert lines[1].startswith(f'"{expected_count}"') or lines[1] == str(expected_count)


def test_ask(endpoint):
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }", accept="application/sparql-results+xml")
    assert status == 200 and b"<boolean>true</boolean>" in body


CONSTRUCT = """CONSTRUCT { ?d <http://purl.org/dc/terms/identifier> ?id }
WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }"""


@pytest.fixture(scope="module")
def identifiers(seed_store) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, o in seed_store.select("SELECT DISTINCT ?d ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }").rows:
        g.add((s, rdflib.DCTERMS.identifier, o))
    assert len(g) > 0
    return g


def test_construct_as_turtle(endpoint, identifiers):
    status, ctype, body = get(endpoint, CONSTRUCT, accept="text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = rdflib.Graph().parse(data=body, format="turtle")
    assert set(g) == set(identifiers)


def test_construct_defaults_to_turtle(endpoint, identifiers):
    status, ctype, body = get(endpoint, CONSTRUCT)
    assert status == 200 and ctype.startswith("text/turtle")


def test_construct_as_jsonld(endpoint, identifiers):
    status, ctype, body = get(endpoint, CONSTRUCT, accept="application/ld+json")
    assert status == 200 and ctype.startswith("application/ld+json")
    g = rdflib.Graph().parse(data=body, format="json-ld")
    assert set(g) == set(identifiers)


def test_describe(endpoint, seed_store):
    doc = seed_store.select("SELECT ?d WHERE { ?d <http://purl.org/dc/terms/identifier> ?id } LIMIT 1").rows[0][0]
    status, _, body = get(endpoint, f"DESCRIBE <{doc}>", accept="text/turtle")
    assert status == 200
    g = rdflib.Graph().parse(data=body, format="turtle")
    assert (doc, None, None) in g


@pytest.mark.parametrize("how", ["get", "form", "sparql-update"])
def test_updates_are_refused(endpoint, expected_count, how):
    update = "INSERT DATA { <urn:x> <urn:p> <urn:o> }"
    if how == "get":
        status, _, body = call(endpoint + "?" + urlencode({"update": update}))
    elif how == "form":
        status, _, body = call(endpoint, data=urlencode({"update": update}).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = call(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    assert b"read-only" in body
    assert json_count(get(endpoint, COUNT)[2]) == expected_count


def test_update_sent_as_a_query_is_a_bad_request(endpoint):
    status, _, body = get(endpoint, "INSERT DATA { <urn:x> <urn:p> <urn:o> }")
    assert status == 400


def test_syntax_error_is_400_with_the_message(endpoint):
    status, ctype, body = get(endpoint, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400
    assert ctype.startswith("text/plain")
    assert b"syntax error" in body.lower()


def test_missing_query_is_400(endpoint):
    status, _, _ = call(endpoint)
    assert status == 400


def test_unknown_path_is_404(endpoint):
    status, _, _ = call(endpoint.replace("/sparql", "/nothing-here"))
    assert status == 404


def test_unacceptable_type_is_406(endpoint):
    status, _, _ = get(endpoint, COUNT, accept="image/png")
    assert status == 406


def test_unsupported_post_body_is_415(endpoint):
    status, _, _ = call(endpoint, data=b"{}", headers={"Content-Type": "application/json"})
    assert status == 415


def test_put_is_not_allowed(endpoint):
    status, _, _ = call(endpoint, data=b"", method="PUT")
    assert status == 405


def test_concurrent_requests(endpoint, expected_count):
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: get(endpoint, COUNT), range(12)))
    assert all(status == 200 and json_count(body) == expected_count for status, _, body in answers)


def test_server_runs_beside_another_reader(seed_store, seed_store_path):
    # The session fixture holds the store open; a second server opens it read-only as well.
    server, url = make_server(seed_store_path)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        status, _, body = get(url, "ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert seed_store.count() > 0
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        make_server(tmp_path / "no-store")


def test_taken_port_is_an_endpoint_error(seed_store_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        with pytest.raises(EndpointError, match="cannot listen"):
            make_server(seed_store_path, port=sock.getsockname()[1])


@pytest.mark.parametrize("accept, expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/*", "text/csv"),
    ("text/tab-separated-values;q=0.9, text/csv;q=0.5", "text/tab-separated-values"),
    ("application/sparql-results+xml, */*;q=0.1", "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"),
    ("text/csv;q=0, */*", "application/sparql-results+json"),
    ("image/png", None),
])
def test_negotiate_results(accept, expected):
    chosen = negotiate(accept, RESULTS_OFFERS)
    assert (chosen[0] if chosen else None) == expected


def test_negotiate_graphs():
    assert negotiate("application/ld+json", GRAPH_OFFERS)[0] == "application/ld+json"
    assert negotiate("application/json, */*;q=0.1", GRAPH_OFFERS)[0] == "text/turtle"
