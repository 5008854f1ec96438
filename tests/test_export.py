"""Exports of the seed store: every format read back by rdflib, pyoxigraph and rapper gives the store's statements,
the text formats are byte-identical across processes, and the VoID description says what the store holds."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph import export
from graph.errors import StoreError
from graph.export import FORMATS, export_store
from graph.store import Store, to_rdflib

ROOT = Path(__file__).resolve().parent.parent
QUAD_FORMATS = [f for f, (_, quads, _) in FORMATS.items() if quads]
TRIPLE_FORMATS = [f for f, (_, quads, _) in FORMATS.items() if not quads]
RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                "rdfxml": "xml"}
RAPPER_NAMES = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
OX_FORMATS = {name: fmt for name, (fmt, _, _) in FORMATS.items()} | {"jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def exported(seed_store: Store) -> dict[str, bytes]:
    out = {}
    for fmt in FORMATS:
        buf = io.BytesIO()
        count = export_store(seed_store, fmt, buf)
        assert count > 0
        out[fmt] = buf.getvalue()
    return out


@pytest.fixture(scope="module")
def store_quads(seed_store: Store) -> set[ox.Quad]:
    return set(seed_store.ox.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def store_triples(store_quads) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store_quads}


def _as_triples(quads) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def _has_blank(statement) -> bool:
    return isinstance(statement.subject, ox.BlankNode) or isinstance(statement.object, ox.BlankNode)


def _rdflib_graph(statements) -> rdflib.Graph:
    g = rdflib.Graph()
    for s in statements:
        g.add((to_rdflib(s.subject), to_rdflib(s.predicate), to_rdflib(s.object)))
    return g


def assert_same_statements(parsed, expected, *, keep_graphs: bool) -> None:
    """Equal sets of ground statements, and isomorphic blank-node parts (graph by graph for quad formats):
    blank node labels are not kept by every writer and reader (the ontology's OWL lists use them)."""
    if not keep_graphs:
        parsed, expected = _as_triples(parsed), _as_triples(expected)
    parsed, expected = set(parsed), set(expected)
    assert {s for s in parsed if not _has_blank(s)} == {s for s in expected if not _has_blank(s)}
    blank_parsed = [s for s in parsed if _has_blank(s)]
    blank_expected = [s for s in expected if _has_blank(s)]
    assert len(blank_parsed) == len(blank_expected)
    groups = {s.graph_name for s in blank_expected} if keep_graphs else {None}
    for group in groups:
        mine = [s for s in blank_parsed if not keep_graphs or s.graph_name == group]
        theirs = [s for s in blank_expected if not keep_graphs or s.graph_name == group]
        assert isomorphic(_rdflib_graph(mine), _rdflib_graph(theirs)), group


def test_seed_store_has_several_graphs(seed_store):
    # The merge/keep distinction below is only meaningful with more than one graph.
    assert len(seed_store.graphs()) >= 2


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_pyoxigraph_reads_back_the_same_statements(fmt, exported, store_quads, store_triples):
    parsed = list(ox.parse(exported[fmt], format=OX_FORMATS[fmt]))
    assert_same_statements(parsed, store_quads, keep_graphs=fmt in QUAD_FORMATS)


def assert_same_rdflib(parsed: rdflib.Graph, expected: rdflib.Graph, label: str = "") -> None:
    """rdflib's view: equal ground triples, isomorphic blank-node parts (cheaper than isomorphic() on everything)."""
    def split(g):
        ground, blank = set(), rdflib.Graph()
        for t in g:
            if isinstance(t[0], rdflib.BNode) or isinstance(t[2], rdflib.BNode):
                blank.add(t)
            else:
                ground.add(t)
        return ground, blank

    (g1, b1), (g2, b2) = split(parsed), split(expected)
    assert g1 == g2, label
    assert len(b1) == len(b2) and isomorphic(b1, b2), label


@pytest.fixture(scope="module")
def rdflib_views(seed_store) -> dict[str | None, rdflib.Graph]:
    """The store as rdflib sees it: None -> all graphs merged, name -> one named graph."""
    return {None: seed_store.graph(), **{name: seed_store.graph(name) for name in seed_store.graphs()}}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdflib_reads_back_the_same_statements(fmt, exported, seed_store, rdflib_views):
    if fmt in QUAD_FORMATS:
        ds = rdflib.Dataset()
        ds.parse(data=exported[fmt], format=RDFLIB_NAMES[fmt])
        names = sorted(str(g.identifier) for g in ds.graphs() if len(g))
        assert names == seed_store.graphs()
        for name in names:
            assert_same_rdflib(ds.graph(rdflib.URIRef(name)), rdflib_views[name], name)
    else:
        g = rdflib.Graph()
        g.parse(data=exported[fmt], format=RDFLIB_NAMES[fmt])
        assert_same_rdflib(g, rdflib_views[None])


@pytest.mark.parametrize("fmt", list(RAPPER_NAMES))
def test_rapper_reads_back_the_same_statements(fmt, exported, tmp_path, store_quads, store_triples):
    # raptor2 has no JSON-LD parser, so JSON-LD is checked by rdflib and pyoxigraph only.
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail("rapper not found: apt-get install -y raptor2-utils")
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exported[fmt])
    run = subprocess.run([rapper, "-q", "-i", RAPPER_NAMES[fmt], "-o", "nquads", str(path)],
                         capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    parsed = list(ox.parse(run.stdout, format=ox.RdfFormat.N_QUADS))
    assert_same_statements(parsed, store_quads, keep_graphs=fmt in QUAD_FORMATS)


def test_triple_formats_merge_graphs_without_repeats(exported, store_triples):
    lines = exported["ntriples"].decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(store_triples)


def test_quad_formats_keep_named_graphs(exported, store_quads):
    lines = exported["nquads"].decode("utf-8").splitlines()
    assert len(lines) == len(store_quads)
    graphs = {q.graph_name for q in ox.parse(exported["trig"], format=ox.RdfFormat.TRIG)}
    assert graphs == {q.graph_name for q in store_quads}


def test_returned_count_is_the_number_of_statements(seed_store, store_quads, store_triples):
    assert export_store(seed_store, "ntriples", io.BytesIO()) == len(store_triples)
    assert export_store(seed_store, "nquads", io.BytesIO()) == len(store_quads)


def test_unknown_format_is_a_store_error(seed_store):
    with pytest.raises(StoreError, match="unknown export format"):
        export_store(seed_store, "csv", io.BytesIO())


def test_jsonld_carries_the_project_context(exported):
    doc = json.loads(exported["jsonld"])
    assert doc["@context"] == export.load_context()
    if export.CONTEXT_FILE.is_file():
        data = json.loads(export.CONTEXT_FILE.read_text(encoding="utf-8"))
        ctx = data.get("@context", data)
        for part in ctx if isinstance(ctx, list) else [ctx]:
            if isinstance(part, dict):
                assert all(doc["@context"][k] == v for k, v in part.items() if k != "@import")
    # compacted: the unkg terms appear through the context, not as full IRIs
    assert "https://w3id.org/unkg/ontology#hasParagraph" not in exported["jsonld"].decode("utf-8")


DETERMINISM_SCRIPT = """
import sys
from pathlib import Path
from graph.export import FORMATS, export_store
from graph.store import Store
store = Store(sys.argv[1], read_only=True)
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for fmt in FORMATS:
    with open(out / fmt, "wb") as fh:
        export_store(store, fmt, fh, describe=True)
with open(out / "ntriples-plain", "wb") as fh:
    export_store(store, "ntriples", fh)
"""


def test_exports_are_byte_identical_across_processes_and_hash_seeds(seed_store_path, tmp_path):
    # Two processes at once, with different hash seeds; every format, with the (data-dated) description.
    procs = {}
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        procs[seed] = subprocess.Popen([sys.executable, "-c", DETERMINISM_SCRIPT, str(seed_store_path),
                                        str(tmp_path / seed)], cwd=ROOT, env=env, stderr=subprocess.PIPE)
    for proc in procs.values():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    runs = [{p.name: p.read_bytes() for p in sorted((tmp_path / seed).iterdir())} for seed in procs]
    assert sorted(runs[0]) == sorted([*FORMATS, "ntriples-plain"])
    for name in runs[0]:
        assert runs[0][name] == runs[1][name], f"{name} differs between runs"


def _description(store: Store, fmt: str = "turtle") -> rdflib.Graph:
    buf = io.BytesIO()
    export_store(store, fmt, buf, describe=True)
    g = rdflib.Dataset() if fmt in QUAD_FORMATS else rdflib.Graph()
    g.parse(data=buf.getvalue(), format=RDFLIB_NAMES[fmt])
    return g


VOID = rdflib.Namespace(export.VOID)
DCTERMS = rdflib.Namespace(export.DCTERMS)
DS = rdflib.URIRef(export.DATASET_IRI)


@pytest.fixture(scope="module")
def described(seed_store) -> rdflib.Graph:
    return _description(seed_store)


def test_description_counts_graphs_vocabularies_and_sources(seed_store, store_triples, described):
    g = described
    assert (DS, rdflib.RDF.type, VOID.Dataset) in g
    assert int(g.value(DS, VOID.triples)) == len(store_triples)
    subsets = {str(s) for s in g.objects(DS, VOID.subset)}
    assert subsets == set(seed_store.graphs())
    for name in seed_store.graphs():
        assert int(g.value(rdflib.URIRef(name), VOID.triples)) == seed_store.count(name)
    vocabularies = {str(v) for v in g.objects(DS, VOID.vocabulary)}
    assert export.UNKG in vocabularies and export.DCTERMS in vocabularies
    sources = {str(s) for s in g.objects(DS, DCTERMS.source)}
    assert "https://undocs.org/A/74/400" in sources
    assert g.value(DS, DCTERMS.rights) is not None
    titles = {t.language for t in g.objects(DS, DCTERMS.title)}
    assert titles == {"en", "zh"}


def test_description_date_comes_from_the_data(seed_store, described):
    latest = seed_store.select(
        "SELECT (MAX(?t) AS ?t) WHERE { ?x <http://www.w3.org/ns/prov#generatedAtTime> ?t }").rows[0][0]
    issued = described.value(DS, DCTERMS.issued)
    assert (issued is None) == (latest is None)
    if latest is not None:
        assert issued == latest


def test_description_goes_to_the_default_graph_of_quad_formats(seed_store):
    ds = _description(seed_store, "trig")
    assert (DS, VOID.triples, None) in ds.default_graph
    for name in seed_store.graphs():
        assert (DS, None, None) not in ds.graph(rdflib.URIRef(name))


PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def test_description_uses_latest_generation_time(tmp_path):
    # A small store of our own: the seed report carries no prov:generatedAtTime.
    store = Store(tmp_path / "store")
    try:
        for name, symbol, when in [
            ("https://w3id.org/unkg/id/source/A/RES/1/1/en", "A/RES/1/1", "2024-01-02T03:04:05Z"),
            ("https://w3id.org/unkg/id/source/A/RES/1/2/en", "A/RES/1/2", "2024-06-01T00:00:00Z"),
        ]:
            kg = rdflib.Graph()
            src, doc = rdflib.URIRef(name), rdflib.URIRef("https://undocs.org/" + symbol)
            kg.add((src, PROV.generatedAtTime, rdflib.Literal(when, datatype=rdflib.XSD.dateTime, normalize=False)))
            kg.add((src, rdflib.URIRef(export.UNKG + "sourceFile"), rdflib.Literal(symbol.replace("/", "_") + ".txt")))
            kg.add((doc, rdflib.RDF.type, rdflib.URIRef(export.UNKG + "Document")))
            kg.add((doc, PROV.wasDerivedFrom, src))
            store.replace_graph(name, kg)
        buf = io.BytesIO()
        export_store(store, "ntriples", buf, describe=True)
        text = buf.getvalue().decode("utf-8")
        assert (f"<{export.DATASET_IRI}> <{export.DCTERMS}issued> "
                f"\"2024-06-01T00:00:00Z\"^^<{export.XSD}dateTime> .") in text
        assert f"<{export.DATASET_IRI}> <{export.DCTERMS}source> <https://undocs.org/A/RES/1/1> ." in text
        assert f"<{export.DATASET_IRI}> <{export.VOID}triples> \"8\"^^<{export.XSD}integer> ." in text
    finally:
        store.close()


BLANK_TRIG = b"""
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix unkg: <https://w3id.org/unkg/ontology#> .
<https://w3id.org/unkg/ontology> {
  unkg:Actor owl:equivalentClass [ owl:unionOf ( unkg:Body unkg:MemberState unkg:Group ) ] .
  unkg:cites rdfs:domain [ owl:unionOf ( unkg:Paragraph unkg:Footnote ) ] .
}
<https://w3id.org/unkg/id/source/X/1/en> { <https://undocs.org/X/1> a unkg:Document . }
"""


def test_blank_node_labels_do_not_change_the_export(tmp_path):
    # Each load of the same Turtle gives the blank nodes new random labels, as each build of the ontology does.
    outputs = []
    for run in range(2):
        raw = ox.Store(str(tmp_path / f"s{run}"))
        raw.load(BLANK_TRIG, format=ox.RdfFormat.TRIG)
        raw.flush()
        del raw
        store = Store(tmp_path / f"s{run}", read_only=True)
        labels = {str(q.object) for q in store.ox.quads_for_pattern(None, None, None, None)
                  if isinstance(q.object, ox.BlankNode)}
        outputs.append((labels, {fmt: _export(store, fmt) for fmt in FORMATS}))
    assert outputs[0][0] != outputs[1][0]  # the stores differ in labels ...
    assert outputs[0][1] == outputs[1][1]  # ... the exports do not


def _export(store: Store, fmt: str) -> bytes:
    buf = io.BytesIO()
    export_store(store, fmt, buf)
    return buf.getvalue()
