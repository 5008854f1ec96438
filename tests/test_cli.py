"""The command line as a user meets it: builds, rebuilds, queries, bad input, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from graph.cli import app
from tests.conftest import REPORT, ROOT

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built through the CLI from the real report, then rebuilt once."""
    store = tmp_path_factory.mktemp("cli") / "store"
    first = run("build", REPORT, "--symbol", "A/74/400", "--store", store)
    assert first.exit_code == 0, first.output
    counts = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "json")
    again = run("build", REPORT, "--symbol", "A/74/400", "--store", store)
    assert again.exit_code == 0, again.output
    return store, json.loads(counts.output)[0]["n"]


def test_rebuild_replaces_the_named_graph(built):
    store, before = built
    after = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "json")
    assert json.loads(after.output)[0]["n"] == before
    graphs = run("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", "--store", store, "--format", "csv")
    assert graphs.output.splitlines() == [
        "g",
        "https://w3id.org/unkg/id/source/A/74/400/zh",
        "https://w3id.org/unkg/ontology",
    ]


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda out: out.splitlines()[0] == "id,ord" and len(out.splitlines()) == 9),
    ("tsv", lambda out: out.splitlines()[1].split("\t") == ["A/C.3/74/L.2", "1"]),
    ("json", lambda out: json.loads(out)[7] == {"id": "A/C.3/74/L.18/Rev.1", "ord": "8"}),
    ("table", lambda out: "A/C.3/74/L.10/Rev.1" in out and out.rstrip().endswith("(8 rows)")),
])
def test_query_formats(built, fmt, check):
    q = ("PREFIX unkg: <https://w3id.org/unkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
         "SELECT ?id ?ord WHERE { ?d unkg:ordinal ?ord ; dcterms:identifier ?id } ORDER BY ?ord")
    res = run("query", q, "--store", built[0], "--format", fmt)
    assert res.exit_code == 0, res.output
    assert check(res.output), res.output


def test_query_from_file(built, tmp_path):
    qf = tmp_path / "q.rq"
    qf.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    res = run("query", "--file", qf, "--store", built[0], "--format", "csv")
    assert res.output.splitlines() == ["result", "true"]


def test_validate_conforms(built):
    res = run("validate", "--store", built[0])
    assert res.exit_code == 0, res.output


def test_export_nquads_keeps_the_named_graphs(built, tmp_path):
    out = tmp_path / "kg.nq"
    res = run("export", "--format", "nquads", "-o", out, "--store", built[0])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "<https://w3id.org/unkg/id/source/A/74/400/zh> ." in text
    assert not list(tmp_path.glob("*.part"))


BAD = [
    ("missing", None, "no such file"),
    ("empty", b"", "empty file"),
    ("binary", bytes(range(256)) * 8, "binary"),
    ("latin1", "Résumé du café: naïve façade, déjà vu".encode("latin-1") * 20, "cannot decode"),
    ("A_74_999", "这只是一段没有结构的中文文字，没有决议草案。\n".encode("utf-8"), "no draft resolutions"),
]


@pytest.mark.parametrize("name, content, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_one_line_exit_1_store_untouched(built, tmp_path, name, content, message):
    store = tmp_path / "store"
    shutil.copytree(built[0], store)
    before = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "json").output
    path = tmp_path / f"{name}.txt"
    if content is not None:
        path.write_bytes(content)
    res = run("build", REPORT, path, "--store", store)  # a good file first: nothing may be written
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("unkg: ") and message in lines[0], res.output
    assert "Traceback" not in res.output
    after = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "json").output
    assert after == before


@pytest.mark.parametrize("args, code, message", [
    (["query", "SELEC nothing"], 1, "SPARQL syntax error"),
    (["query", "--name", "no-such-query"], 1, "no-such-query"),
    (["query"], 2, "exactly one"),
    (["build", REPORT, REPORT, "--symbol", "A/74/400"], 1, "single input"),
    (["build", REPORT, "--base-iri", "not an iri"], 2, "--base-iri"),
])
def test_usage_and_domain_errors(built, args, code, message):
    res = run(*args, "--store", built[0])
    assert res.exit_code == code, res.output
    assert message in res.output


def test_reading_commands_need_an_existing_store(tmp_path):
    res = run("query", "ASK { ?s ?p ?o }", "--store", tmp_path / "nowhere")
    assert res.exit_code == 1 and "no store here" in res.output
    assert not (tmp_path / "nowhere").exists()


def test_module_entry_point_runs():
    res = subprocess.run([sys.executable, "-m", "graph", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0 and "build" in res.stdout and "mandates" in res.stdout
