"""`push` against real Graph Store endpoints on 127.0.0.1: an Oxigraph server (from the venv's `oxigraph` console
script) and, when the Debian package is installed, a throwaway Virtuoso started by scripts/start-virtuoso.sh."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pyoxigraph as ox
import pytest

from graph.errors import EndpointError
from graph.export import push

ROOT = Path(__file__).resolve().parent.parent
START_VIRTUOSO = ROOT / "scripts" / "start-virtuoso.sh"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    exe = Path(sys.executable).with_name("oxigraph")
    found = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server is missing: pip install oxigraph (the test extra)")
    return found


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urlopen(url, timeout=2):
                return
        except URLError as exc:
            if getattr(exc, "code", None):  # an HTTP answer, even an error, means it listens
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not up within {timeout} s")


def stop(proc: subprocess.Popen, *, group: bool = False) -> None:
    if proc.poll() is not None:
        return
    if group:
        os.killpg(proc.pid, signal.SIGTERM)
    else:
        proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait(timeout=10)


@pytest.fixture()
def oxigraph_server(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/", proc)
        yield base
    finally:
        stop(proc)


def remote_counts(query_url: str, graphs: list[str], headers: dict | None = None) -> dict[str, int]:
    counts = {}
    for name in graphs:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        req = Request(query_url + "?" + urlencode({"query": query}),
                      headers={"Accept": "application/sparql-results+json", **(headers or {})})
        with urlopen(req, timeout=30) as resp:
            counts[name] = int(json.loads(resp.read())["results"]["bindings"][0]["n"]["value"])
    return counts


def test_push_to_oxigraph(seed_store, oxigraph_server):
    graphs = seed_store.graphs()
    local = {name: seed_store.count(name) for name in graphs}
    pushed = push(seed_store, oxigraph_server + "/store")
    assert pushed == [(name, local[name]) for name in graphs]
    assert remote_counts(oxigraph_server + "/query", graphs) == local


def test_push_twice_changes_nothing(seed_store, oxigraph_server):
    graphs = seed_store.graphs()
    local = {name: seed_store.count(name) for name in graphs}
    push(seed_store, oxigraph_server + "/store")
    push(seed_store, oxigraph_server + "/store")
    assert remote_counts(oxigraph_server + "/query", graphs) == local
    total = remote_counts(oxigraph_server + "/query", graphs)
    assert sum(total.values()) == seed_store.count()


def test_pushed_graph_has_the_same_triples(seed_store, oxigraph_server):
    push(seed_store, oxigraph_server + "/store")
    name = max(seed_store.graphs(), key=seed_store.count)
    req = Request(oxigraph_server + "/store?" + urlencode({"graph": name}), headers={"Accept": "application/n-triples"})
    with urlopen(req, timeout=30) as resp:
        remote = {ox.Triple(q.subject, q.predicate, q.object)
                  for q in ox.parse(resp.read(), format=ox.RdfFormat.N_TRIPLES)}
    local = {ox.Triple(q.subject, q.predicate, q.object)
             for q in seed_store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name))}
    assert remote == local


def test_unreachable_endpoint(seed_store):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(EndpointError) as err:
        push(seed_store, url, timeout=5)
    message = str(err.value)
    assert url in message and "unreachable" in message and "\n" not in message


def test_refusing_endpoint_names_the_status(seed_store, oxigraph_server):
    with pytest.raises(EndpointError) as err:
        push(seed_store, oxigraph_server + "/no-such-endpoint")
    assert "HTTP 404" in str(err.value) and oxigraph_server in str(err.value)


def test_not_an_http_url(seed_store):
    with pytest.raises(EndpointError, match="not an http"):
        push(seed_store, "ftp://127.0.0.1/store")


# --- Virtuoso -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if shutil.which("virtuoso-t") is None:
        pytest.skip("Virtuoso is not installed (apt-get install -y virtuoso-opensource-7); Oxigraph tests cover push")
    http_port, sql_port = free_port(), free_port()
    proc = subprocess.Popen(
        ["bash", str(START_VIRTUOSO), str(tmp_path_factory.mktemp("virtuoso")), str(http_port), str(sql_port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        ready = _wait_for_line(proc, "ready ", timeout=150)
        if ready is None:
            stop(proc, group=True)
            err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
            pytest.skip(f"Virtuoso did not start: {err.splitlines()[-1] if err else 'no ready line in 150 s'}")
        yield ready.split()[1]
    finally:
        stop(proc, group=True)


def _wait_for_line(proc: subprocess.Popen, prefix: str, timeout: float) -> str | None:
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not sel.select(timeout=max(0.0, min(1.0, deadline - time.monotonic()))):
                continue
            line = proc.stdout.readline().decode("utf-8", "replace")
            if not line:  # the script ended
                return None
            if line.startswith(prefix):
                return line.strip()
    return None


def test_push_to_virtuoso(seed_store, virtuoso):
    graphs = seed_store.graphs()
    local = {name: seed_store.count(name) for name in graphs}
    endpoint = virtuoso + "/sparql-graph-crud-auth"
    assert push(seed_store, endpoint, user="dba", password="dba") == [(n, local[n]) for n in graphs]
    assert remote_counts(virtuoso + "/sparql", graphs) == local
    push(seed_store, endpoint, user="dba", password="dba")
    assert remote_counts(virtuoso + "/sparql", graphs) == local


def test_virtuoso_wrong_password(seed_store, virtuoso):
    with pytest.raises(EndpointError, match="HTTP 401"):
        push(seed_store, virtuoso + "/sparql-graph-crud-auth", user="dba", password="wrong")


def test_virtuoso_without_credentials(seed_store, virtuoso):
    with pytest.raises(EndpointError, match="401.*--user"):
        push(seed_store, virtuoso + "/sparql-graph-crud-auth")
