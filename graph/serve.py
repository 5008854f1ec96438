"""A read-only SPARQL 1.1 Protocol endpoint over the store, at `http://HOST:PORT/sparql`.

Standard library http.server (threaded) in front of pyoxigraph: nothing to install, and the store is opened
read-only so the server can run beside other readers of the same store. The default graph is the union of all named
graphs, as for `unkg query`. Updates are refused: this endpoint publishes, it never changes the store.
"""

from __future__ import annotations

import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .export import PREFIXES
from .errors import EndpointError
from .store import Store

MAX_BODY = 1 << 20  # a SPARQL query larger than 1 MiB is a mistake, not a query

# Offers in order of preference; the first is the default when the client accepts anything.
RESULTS_OFFERS = [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/xml", ox.QueryResultsFormat.XML),
    ("text/xml", ox.QueryResultsFormat.XML),
]
GRAPH_OFFERS = [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
]
TEXT_TYPES = ("text/",)


class HttpError(Exception):
    """An HTTP status with a one-line message for the client (internal to this module)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, offers: list[tuple[str, object]]) -> tuple[str, object] | None:
    """Picks the offer the Accept header prefers (q-values, then specificity, then our order); None if none fits."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        mime, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mime:
            ranges.append((mime, q))
    best, best_rank = None, None
    for order, offer in enumerate(offers):
        mime = offer[0]
        match = None  # (specificity, q) of the most specific range that covers this offer
        for rng, q in ranges:
            if rng == mime:
                spec = 2
            elif rng.endswith("/*") and mime.startswith(rng[:-1]):
                spec = 1
            elif rng == "*/*":
                spec = 0
            else:
                continue
            if match is None or spec > match[0]:
                match = (spec, q)
        if match is None or match[1] <= 0:
            continue
        rank = (match[1], match[0], -order)
        if best_rank is None or rank > best_rank:
            best, best_rank = offer, rank
    return best


def used_prefixes(statements: Iterable) -> dict[str, str]:
    """The prefixes whose namespace occurs in the pyoxigraph triples or quads, in a fixed order."""
    iris: set[str] = set()
    for s in statements:
        for term in (s.subject, s.predicate, s.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    used = {ns for ns in PREFIXES.values() if any(iri.startswith(ns) for iri in iris)}
    return {name: ns for name, ns in sorted(PREFIXES.items()) if ns in used}


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the read-only store its handlers query."""

    daemon_threads = True

    def __init__(self, address, store: Store, *, verbose: bool = False):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)
        self.store = store
        self.verbose = verbose

    def server_close(self) -> None:
        super().server_close()
        self.store = None  # pyoxigraph releases the read-only handle when the object goes


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: query via GET or POST; update operations are refused."""

    server_version = "unkg-sparql/0.1"
    server: SparqlServer

    def do_GET(self) -> None:
        self._guard(self._get)

    def do_POST(self) -> None:
        self._guard(self._post)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:
        self._guard(self._refuse_method)

    do_DELETE = do_PATCH = do_PUT

    def _refuse_method(self) -> None:
        raise HttpError(405, f"{self.command} is not allowed: this endpoint is read-only (GET or POST a query)")

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except HttpError as exc:
            self._send(exc.status, "text/plain; charset=utf-8", (str(exc) + "\n").encode("utf-8"))
        except (ConnectionError, TimeoutError):
            pass  # the client went away
        except Exception as exc:  # noqa: BLE001 — a server must answer, whatever failed
            self._send(500, "text/plain; charset=utf-8", f"internal error: {exc}\n".encode("utf-8"))

    def _path_params(self) -> dict[str, list[str]]:
        parts = urlsplit(self.path)
        if parts.path.rstrip("/") != "/sparql":
            raise HttpError(404, f"no such resource {parts.path}; the SPARQL endpoint is /sparql")
        return parse_qs(parts.query, keep_blank_values=True)

    def _get(self) -> None:
        params = self._path_params()
        if "update" in params:
            raise HttpError(403, "SPARQL update is not allowed: this endpoint is read-only")
        self._run(params)

    def _post(self) -> None:
        params = self._path_params()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        if ctype == "application/sparql-update":
            raise HttpError(403, "SPARQL update is not allowed: this endpoint is read-only")
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError as exc:
                raise HttpError(400, f"form body is not UTF-8 ({exc})") from exc
            if "update" in form:
                raise HttpError(403, "SPARQL update is not allowed: this endpoint is read-only")
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-query":
            try:
                params["query"] = [body.decode("utf-8")]
            except UnicodeDecodeError as exc:
                raise HttpError(400, f"query is not UTF-8 ({exc})") from exc
        else:
            raise HttpError(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
        self._run(params)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise HttpError(411, "Content-Length required")
        try:
            n = int(length)
        except ValueError as exc:
            raise HttpError(400, "bad Content-Length") from exc
        if n < 0 or n > MAX_BODY:
            raise HttpError(413, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(n)

    def _run(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, "give exactly one `query` parameter (or POST application/sparql-query)")
        options: dict = {"use_default_graph_as_union": True}
        defaults, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
        try:
            if defaults:
                options = {"default_graph": [ox.NamedNode(g) for g in defaults]}
            if named:
                options["named_graphs"] = [ox.NamedNode(g) for g in named]
        except ValueError as exc:
            raise HttpError(400, f"bad graph IRI ({exc})") from exc
        try:
            result = self.server.store.ox.query(queries[0], **options)
        except SyntaxError as exc:
            raise HttpError(400, f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise HttpError(500, f"query failed: {exc}") from exc
        accept = self.headers.get("Accept")
        if isinstance(result, ox.QueryTriples):
            chosen = negotiate(accept, GRAPH_OFFERS)
            if chosen is None:
                raise HttpError(406, "CONSTRUCT/DESCRIBE results come as " + ", ".join(m for m, _ in GRAPH_OFFERS))
            mime, fmt = chosen
            triples = list(result)
            payload = ox.serialize(triples, format=fmt, prefixes=used_prefixes(triples))
        else:
            chosen = negotiate(accept, RESULTS_OFFERS)
            if chosen is None:
                raise HttpError(406, "SELECT/ASK results come as " + ", ".join(m for m, _ in RESULTS_OFFERS[:4]))
            mime, fmt = chosen
            try:
                payload = result.serialize(format=fmt)
            except (ValueError, OSError) as exc:
                raise HttpError(500, f"cannot write the results as {mime}: {exc}") from exc
        if mime.startswith(TEXT_TYPES):
            mime += "; charset=utf-8"
        self._send(200, mime, payload)

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")

    def _send(self, status: int, ctype: str, payload: bytes) -> None:
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        if status == 405:
            self.send_header("Allow", "GET, POST, OPTIONS")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 — the stdlib's signature
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(store_path: Path | str, *, host: str = "127.0.0.1", port: int = 0,
                verbose: bool = False) -> tuple[SparqlServer, str]:
    """Opens the store read-only and binds the endpoint (port 0 picks a free port); returns (server, endpoint URL).

    The caller runs `server.serve_forever()` (in a thread for tests) and ends with `server.shutdown()` and
    `server.server_close()`. Raises StoreError when there is no store at `store_path`, EndpointError when the address
    cannot be bound (port taken, unknown host).
    """
    store = Store(store_path, read_only=True)
    try:
        server = SparqlServer((host, port), store, verbose=verbose)
    except OSError as exc:
        raise EndpointError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    bound_port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    return server, f"http://{shown}:{bound_port}/sparql"


def serve_forever(store_path: Path | str, *, host: str = "127.0.0.1", port: int = 8000,
                  ready: Callable[[str], None] | None = None, verbose: bool = True) -> None:
    """Serves until interrupted (Ctrl-C); `ready(url)` is called once the endpoint listens."""
    server, url = make_server(store_path, host=host, port=port, verbose=verbose)
    try:
        if ready is not None:
            ready(url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
