"""Store -> RDF files, and store -> remote Graph Store endpoints.

Output is deterministic: statements are sorted by their canonical N-Triples form before pyoxigraph writes them
(pyoxigraph streams in the order it is given, unlike rdflib's nt/xml serializers, rdflib #3545), so the same store
gives the same bytes whatever PYTHONHASHSEED is — exports can be diffed and kept in version control. Blank nodes
(the ontology's OWL lists) get content-derived labels, since rdflib gives them new random ones at every build.
JSON-LD goes through rdflib for context compaction with the project's own context file (never fetched from the
network, rdflib #1369) and is then sorted the same way.
"""

from __future__ import annotations

import base64
import json
import socket
from pathlib import Path
from typing import BinaryIO
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import (
    HTTPDigestAuthHandler,
    HTTPPasswordMgrWithDefaultRealm,
    Request,
    build_opener,
    parse_http_list,
    parse_keqv_list,
)

import pyoxigraph as ox
import rdflib
from rdflib.compare import to_canonical_graph

from .errors import EndpointError, StoreError
from .store import Store, to_rdflib

CONTEXT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"
DATASET_IRI = "https://w3id.org/unkg/id/dataset"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
UNKG = "https://w3id.org/unkg/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
ID = "https://w3id.org/unkg/id/"

# Offered to the Turtle/TriG/RDF-XML writers; only those whose namespace occurs in the output are declared.
PREFIXES = {
    "rdf": RDF,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": "http://www.w3.org/ns/org#",
    "cito": "http://purl.org/spar/cito/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "undo": "https://w3id.org/un/ontology/undo/",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": VOID,
    "dcat": DCAT,
    "unkg": UNKG,
    # Concept namespaces: their codes are valid local names, unlike the slash-laden symbols of documents.
    "instrument": ID + "instrument/",
    "publication": ID + "publication/",
    "body": ID + "body/",
    "state": ID + "state/",
    "group": ID + "group/",
    "actiontype": ID + "action-type/",
    "scheme": ID + "scheme/",
}

# name -> (pyoxigraph format or None for JSON-LD, keeps named graphs, media type)
FORMATS: dict[str, tuple[ox.RdfFormat | None, bool, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, False, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False, "application/n-triples"),
    "nquads": (ox.RdfFormat.N_QUADS, True, "application/n-quads"),
    "trig": (ox.RdfFormat.TRIG, True, "application/trig"),
    "jsonld": (None, True, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, False, "application/rdf+xml"),
}

VOCABULARY_QUERY = f"SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s <{RDF}type> ?t FILTER(isIRI(?t)) }} }}"
SOURCES_QUERY = f"""SELECT DISTINCT ?g ?src WHERE {{ GRAPH ?g {{
  {{ ?g <{PROV}wasDerivedFrom> ?src FILTER(isIRI(?src)) }}
  UNION {{ ?src <{PROV}wasDerivedFrom> ?g ; a <{UNKG}Document> }} }} }}"""

LICENCE_NOTE = (
    "Derived from official documents of the United Nations, which remain subject to the United Nations terms of use "
    "(https://www.un.org/en/about-us/terms-of-use). This graph adds structure and links; it is not an official UN "
    "publication."
)


def export_store(store: Store, fmt: str, out: BinaryIO, *, describe: bool = False) -> int:
    """Writes the whole store to `out` in `fmt`; returns the number of statements written.

    Triple formats (turtle, ntriples, rdfxml) merge all graphs, without repeats; quad formats (nquads, trig, jsonld)
    keep each named graph. `describe` adds a VoID/DCAT description of the dataset (in the default graph for quad
    formats), built only from the store's data so the output stays deterministic.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    oxfmt, keeps_graphs, _ = FORMATS[fmt]
    graphs = [ox.DefaultGraph(), *sorted(store.ox.named_graphs(), key=str)]
    raw = {g: _graph_lines(store, g) for g in graphs}
    per_graph = {g: _canonical_blank_nodes(lines) for g, lines in raw.items()}
    merged = _canonical_blank_nodes(sorted(set().union(*raw.values())))
    if describe:
        sizes = {g: len(lines) for g, lines in per_graph.items() if not isinstance(g, ox.DefaultGraph)}
        extra = ox.serialize(_description(store, len(merged), sizes), format=ox.RdfFormat.N_TRIPLES).splitlines()
        merged = sorted(set(merged).union(extra))
        per_graph[graphs[0]] = sorted(set(per_graph[graphs[0]]).union(extra))
    try:
        if not keeps_graphs:
            if oxfmt is ox.RdfFormat.N_TRIPLES:
                out.writelines(line + b"\n" for line in merged)
            else:
                triples = (q.triple for q in ox.parse(b"\n".join(merged), format=ox.RdfFormat.N_TRIPLES))
                ox.serialize(triples, out, oxfmt, prefixes=_prefixes_in(merged))
            return len(merged)
        if oxfmt is ox.RdfFormat.N_QUADS:
            for g, lines in per_graph.items():
                suffix = b" .\n" if isinstance(g, ox.DefaultGraph) else b" " + str(g).encode("utf-8") + b" .\n"
                out.writelines(line[:-2] + suffix for line in lines)  # `<s> <p> <o> .` -> `<s> <p> <o> <g> .`
        else:
            quads = (ox.Quad(q.subject, q.predicate, q.object, g) for g, lines in per_graph.items()
                     for q in ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES))
            if oxfmt is None:
                out.write(_jsonld(quads))
            else:
                ox.serialize(quads, out, oxfmt, prefixes=_prefixes_in(merged))
    except OSError as exc:
        raise StoreError(f"cannot write the {fmt} export ({exc})") from exc
    return sum(len(lines) for lines in per_graph.values())


def _graph_lines(store: Store, graph) -> list[bytes]:
    """The distinct triples of one graph as canonical N-Triples lines (no newline), sorted bytewise.

    pyoxigraph writes canonical N-Triples, so equal triples give equal lines and UTF-8 byte order is code-point
    order: sorting the lines is a total, hash-independent order.
    """
    return sorted(set(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines()))


def _canonical_blank_nodes(lines: list[bytes]) -> list[bytes]:
    """Relabels blank nodes by their content (rdflib's RGDA1 canonical labels), so their labels — random at each
    parse of the ontology Turtle — do not change the export from one build to the next. Ground lines pass through."""
    blank = [line for line in lines if b"_:" in line]
    if not blank:
        return lines
    parsed = list(ox.parse(b"\n".join(blank), format=ox.RdfFormat.N_TRIPLES))
    if not any(isinstance(t, ox.BlankNode) for q in parsed for t in (q.subject, q.object)):
        return lines  # `_:` only inside literals or IRIs
    kg = rdflib.Graph()
    for q in parsed:
        kg.add((_exact(q.subject), _exact(q.predicate), _exact(q.object)))
    relabelled = [ox.Triple(*(_to_ox(term) for term in triple)) for triple in to_canonical_graph(kg)]
    ground = [line for line in lines if b"_:" not in line]
    ground += [line for line, q in zip(blank, parsed)
               if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))]
    canon = ox.serialize(relabelled, format=ox.RdfFormat.N_TRIPLES).splitlines()
    return sorted(set(ground).union(canon))


def _to_ox(term):
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def _prefixes_in(lines: list[bytes]) -> dict[str, str]:
    """The prefixes whose namespace occurs in the N-Triples lines, in a fixed order."""
    blob = b"\n".join(lines)
    return {name: ns for name, ns in sorted(PREFIXES.items()) if b"<" + ns.encode("utf-8") in blob}


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _description(store: Store, triples: int, graph_sizes: dict) -> list[ox.Triple]:
    """VoID/DCAT triples about the dataset and each named graph, computed from the data alone (no clock).

    `triples` is the number of distinct triples of the merged graphs, `graph_sizes` maps each named graph to its size.
    """
    iri, lit, typ = ox.NamedNode, ox.Literal, ox.NamedNode(RDF + "type")
    integer = ox.NamedNode(XSD + "integer")
    ds = iri(DATASET_IRI)
    out = [
        ox.Triple(ds, typ, iri(VOID + "Dataset")),
        ox.Triple(ds, typ, iri(DCAT + "Dataset")),
        ox.Triple(ds, iri(DCTERMS + "title"), lit("unkg: knowledge graph of United Nations documents", language="en")),
        ox.Triple(ds, iri(DCTERMS + "title"), lit("unkg：联合国文件知识图谱", language="zh")),
        ox.Triple(ds, iri(DCTERMS + "rights"), lit(LICENCE_NOTE, language="en")),
    ]
    out.append(ox.Triple(ds, iri(VOID + "triples"), lit(str(triples), datatype=integer)))
    terms = store.ox.query(VOCABULARY_QUERY, use_default_graph_as_union=True)
    for ns in sorted({_namespace(sol["t"].value) for sol in terms}):
        out.append(ox.Triple(ds, iri(VOID + "vocabulary"), iri(ns)))

    carried = {iri(DCTERMS + "license"), iri(DCTERMS + "rights"), iri(UNKG + "sourceFile")}
    for g, size in graph_sizes.items():
        out += [
            ox.Triple(ds, iri(VOID + "subset"), g),
            ox.Triple(g, typ, iri(VOID + "Dataset")),
            ox.Triple(g, iri(VOID + "triples"), lit(str(size), datatype=integer)),
        ]
        # What the graph says about itself (source file, licence) ...
        for q in store.ox.quads_for_pattern(g, None, None, g):
            if q.predicate in carried:
                out.append(ox.Triple(g, q.predicate, q.object))
        # ... and the documents it was read from: the graph derives from them, or they derive from the graph's
        # source node (as build.py writes it).
        for sol in store.ox.query(SOURCES_QUERY, substitutions={ox.Variable("g"): g}):
            out.append(ox.Triple(g, iri(DCTERMS + "source"), sol["src"]))
            out.append(ox.Triple(ds, iri(DCTERMS + "source"), sol["src"]))

    latest = list(store.ox.query(
        f"SELECT (MAX(?t) AS ?latest) WHERE {{ ?x <{PROV}generatedAtTime> ?t }}", use_default_graph_as_union=True
    ))
    if latest and latest[0]["latest"] is not None:
        out.append(ox.Triple(ds, iri(DCTERMS + "issued"), latest[0]["latest"]))
    return out


def load_context() -> dict:
    """The JSON-LD context of `ontology/context.jsonld`, or one made of PREFIXES while that file is missing.

    Remote context references are dropped, so serialising never touches the network.
    """
    if not CONTEXT_FILE.is_file():
        return dict(PREFIXES)
    try:
        data = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{CONTEXT_FILE}: not a readable JSON-LD context ({exc})") from exc
    ctx = data.get("@context", data) if isinstance(data, dict) else data
    parts = ctx if isinstance(ctx, list) else [ctx]
    merged: dict = {}
    for part in parts:
        if isinstance(part, dict):
            merged.update({k: v for k, v in part.items() if k != "@import"})
    return merged


def _jsonld(statements: list) -> bytes:
    """JSON-LD compacted with the project context, nodes and values sorted so the bytes are stable."""
    ds = rdflib.Dataset()
    for s in statements:
        g = ds.default_graph
        if isinstance(s, ox.Quad) and not isinstance(s.graph_name, ox.DefaultGraph):
            g = ds.graph(rdflib.URIRef(s.graph_name.value))
        g.add((_exact(s.subject), _exact(s.predicate), _exact(s.object)))
    ctx = load_context()
    text = ds.serialize(format="json-ld", context=ctx, auto_compact=False)
    doc = _sort_json(json.loads(text))
    if isinstance(doc, dict):
        doc["@context"] = ctx  # the context as written in the file, keys in its own order
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _exact(term):
    """Like store.to_rdflib, but keeps a literal's lexical form (rdflib would rewrite `…Z` dateTimes as `+00:00`)."""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value != XSD + "string":
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)
    return to_rdflib(term)


def _sort_json(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: _sort_json(value[k], k) for k in sorted(value)}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        if key == "@list":  # an RDF list keeps its order
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def graph_ntriples(store: Store, name: str) -> tuple[bytes, int]:
    """One named graph as sorted canonical N-Triples, with its triple count."""
    lines = _graph_lines(store, ox.NamedNode(name))
    return b"".join(line + b"\n" for line in lines), len(lines)


def push(store: Store, endpoint: str, *, user: str | None = None, password: str | None = None,
         timeout: float = 30) -> list[tuple[str, int]]:
    """PUTs each named graph to a SPARQL 1.1 Graph Store endpoint (`endpoint?graph=<IRI>`); returns (graph, triples).

    PUT replaces the remote graph, so pushing twice leaves the remote store as after one push. With a user, the
    credentials (HTTP basic or digest, e.g. Virtuoso's /sparql-graph-crud-auth) are checked with bodiless HEAD
    requests and then sent with each PUT: a server that refuses a request may close the connection while a large
    body is still being sent, so no body is ever sent to be refused for want of credentials.
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"{endpoint}: not an http(s) URL of a Graph Store endpoint")
    opener = build_opener()  # no auth handlers: they would answer a 401 by sending the body a second time
    names = store.graphs()
    auth = _Credentials(opener, endpoint, user, password or "", timeout)
    if names:
        auth.check(_graph_url(endpoint, names[0]))
    pushed = []
    for name in names:
        body, count = graph_ntriples(store, name)
        request = Request(_graph_url(endpoint, name), data=body, method="PUT",
                          headers={"Content-Type": "application/n-triples"})
        _send(opener, auth.sign(request), timeout)
        pushed.append((name, count))
    return pushed


class _Credentials:
    """Signs requests in advance (Basic as is, Digest with a fresh challenge fetched by a bodiless HEAD)."""

    def __init__(self, opener, endpoint: str, user: str | None, password: str, timeout: float):
        self.opener, self.user, self.timeout = opener, user, timeout
        passwords = HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, user, password)
        self.digest = HTTPDigestAuthHandler(passwords)
        self.basic = "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")

    def check(self, url: str) -> None:
        """Fails early, before any body is sent, when the endpoint wants credentials we lack or refuses ours."""
        if self.user is None:
            if self._challenge(url) is not None:
                raise EndpointError(f"HEAD {url}: HTTP 401 Unauthorized (the endpoint asks for --user/--password)")
            return
        _send(self.opener, self.sign(Request(url, method="HEAD")), self.timeout, probe=True)

    def _challenge(self, url: str) -> dict | str | None:
        """The server's Digest challenge for `url`, "basic" for any other 401, None when it asks for nothing."""
        try:
            with self.opener.open(Request(url, method="HEAD"), timeout=self.timeout):
                return None
        except HTTPError as exc:
            if exc.code != 401:
                return None
            for header in exc.headers.get_all("WWW-Authenticate") or []:
                scheme, _, rest = header.partition(" ")
                if scheme.lower() == "digest":
                    return parse_keqv_list(filter(None, parse_http_list(rest)))
            return "basic"
        except OSError as exc:
            raise EndpointError(f"HEAD {url}: unreachable ({getattr(exc, 'reason', exc)})") from exc

    def sign(self, request: Request) -> Request:
        if self.user is None:
            return request
        challenge = self._challenge(request.full_url)
        if challenge is None:  # no credentials asked for: none sent
            return request
        value = self.digest.get_authorization(request, challenge) if isinstance(challenge, dict) else None
        request.add_unredirected_header("Authorization", "Digest " + value if value else self.basic)
        return request


def _graph_url(endpoint: str, graph: str) -> str:
    return endpoint + ("&" if urlsplit(endpoint).query else "?") + urlencode({"graph": graph})


def _send(opener, request: Request, timeout: float, *, probe: bool = False) -> None:
    """Sends one request; any failure becomes an EndpointError naming the URL and the HTTP status or reason.

    A `probe` only fails on refused credentials (a HEAD may well be answered 404 or 405)."""
    what = f"{request.get_method()} {request.full_url}"
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except HTTPError as exc:
        if probe and exc.code not in (401, 403, 407):
            return
        detail = _first_line(exc.read())
        hint = " (check --user/--password)" if exc.code in (401, 403) else ""
        raise EndpointError(f"{what}: HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}{hint}") from exc
    except URLError as exc:
        reason = exc.reason
        if isinstance(reason, (ConnectionRefusedError, socket.gaierror)):
            raise EndpointError(f"{what}: unreachable ({reason})") from exc
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"{what}: no answer within {timeout:g} s") from exc
        raise EndpointError(f"{what}: connection failed ({reason})") from exc
    except TimeoutError as exc:
        raise EndpointError(f"{what}: no answer within {timeout:g} s") from exc
    except OSError as exc:  # e.g. the server closed the connection mid-request
        raise EndpointError(f"{what}: connection failed ({exc})") from exc


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else ""
