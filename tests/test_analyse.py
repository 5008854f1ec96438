"""analyse.load_network / analyse.stats against the seed store; expectations come from SPARQL written here."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from graph import analyse
from graph.errors import UnkgError

PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# One SELECT per relation, giving (source, target, label) of the aggregated edges as the tests expect them.
EDGE_QUERIES = {
    "cites": """SELECT DISTINCT ?s ?x ("cites" AS ?l) WHERE { ?s unkg:hasParagraph ?p .
                  { ?p unkg:cites ?x } UNION { ?p unkg:hasFootnote/unkg:cites ?x } }""",
    "mentions": """SELECT DISTINCT ?s ?x ("mentions" AS ?l) WHERE { ?s unkg:hasParagraph/unkg:mentions ?x }""",
    "action": """SELECT DISTINCT ?s ?x (CONCAT("action:", COALESCE(?code, "other")) AS ?l) WHERE {
                  ?s unkg:hasParagraph/unkg:hasAction ?a . ?a unkg:addressee ?x ; unkg:actionType ?t .
                  OPTIONAL { ?t skos:notation ?code } }""",
    "hasPart": """SELECT DISTINCT ?s ?x ("hasPart" AS ?l) WHERE { ?s unkg:hasPart ?x }""",
    "sponsor": """SELECT DISTINCT ?s ?x ("sponsor" AS ?l) WHERE { ?x unkg:sponsor ?s }""",
    "coSponsor": """SELECT DISTINCT ?s ?x ("coSponsor" AS ?l) WHERE { ?x unkg:coSponsor ?s }""",
}
VIEWS = {
    "overview": ("cites", "mentions", "action", "hasPart"),
    "mandates": ("action",),
    "citations": ("cites",),
    "sponsors": ("sponsor", "coSponsor"),
}
ACTION_TYPES = {"requests", "invites", "urges", "calls-upon", "encourages", "recommends", "decides", "welcomes",
                "notes", "takes-note", "reaffirms", "recalls", "recognizes", "emphasizes", "expresses-concern",
                "expresses-appreciation", "condemns", "affirms", "acknowledges", "supports", "other"}


def expected_edges(store, view: str) -> set[tuple[str, str, str]]:
    """(source IRI, target IRI, edge key) of every aggregated edge of `view`, straight from SPARQL."""
    out = set()
    for relation in VIEWS[view]:
        out |= {(str(s), str(x), str(l)) for s, x, l in store.select(PREFIXES + EDGE_QUERIES[relation]).rows}
    return out


def scalar(store, query: str) -> int:
    return int(store.select(PREFIXES + query).rows[0][0])


def edge_set(nxg) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in nxg.edges(keys=True)}


@pytest.fixture(scope="module")
def networks(seed_store):
    return {view: analyse.load_network(seed_store, view=view) for view in VIEWS}


@pytest.fixture(scope="module")
def result(seed_store):
    return analyse.stats(seed_store)


@pytest.mark.parametrize("view", list(VIEWS))
def test_network_edges_and_nodes_match_sparql(seed_store, networks, view):
    expected = expected_edges(seed_store, view)
    nxg = networks[view]
    assert edge_set(nxg) == expected
    assert set(nxg.nodes) == {e[0] for e in expected} | {e[1] for e in expected}
    assert nxg.number_of_edges() == len(expected)


def test_seed_network_is_not_empty(networks):
    assert networks["overview"].number_of_nodes() > 20
    assert networks["mandates"].number_of_edges() > 0
    assert networks["citations"].number_of_edges() > 0


def test_node_attributes(seed_store, networks):
    codes = {str(n): str(c) for n, c in seed_store.select(PREFIXES + "SELECT ?n ?c WHERE { ?n skos:notation ?c }").rows}
    symbols = {str(n): str(c) for n, c in
               seed_store.select(PREFIXES + "SELECT ?n ?c WHERE { ?n dcterms:identifier ?c }").rows}
    kinds = set(analyse.CLASSES) | {"Other"}
    for nxg in networks.values():
        for iri, data in nxg.nodes(data=True):
            assert data["kind"] in kinds, iri
            assert data["iri"] == iri and data["code"] and data["label"]
            if iri in codes:
                assert data["code"] == codes[iri]
            elif iri in symbols:
                assert data["code"] == symbols[iri]


def test_mandate_edges_carry_action_types(networks):
    for u, v, key, data in networks["mandates"].edges(keys=True, data=True):
        assert data["relation"] == "action"
        assert data["action_type"] in ACTION_TYPES
        assert key == f"action:{data['action_type']}"


def test_sponsor_edges_run_from_states_to_drafts(networks):
    nxg = networks["sponsors"]
    for u, v, data in nxg.edges(data=True):
        assert data["relation"] in ("sponsor", "coSponsor")
        assert nxg.nodes[v]["kind"] == "DraftResolution", v


def test_evidence_is_the_paragraphs_behind_each_edge(seed_store, networks):
    nxg = networks["overview"]
    for u, v, key, data in nxg.edges(keys=True, data=True):
        if data["relation"] == "hasPart":
            assert data["evidence"] == []
            continue
        if data["relation"] == "cites":
            where = (f"<{u}> unkg:hasParagraph ?p . "
                     f"{{ ?p unkg:cites <{v}> }} UNION {{ ?p unkg:hasFootnote/unkg:cites <{v}> }}")
        elif data["relation"] == "mentions":
            where = f"<{u}> unkg:hasParagraph ?p . ?p unkg:mentions <{v}>"
        else:
            where = (f"<{u}> unkg:hasParagraph ?p . ?p unkg:hasAction ?a . ?a unkg:addressee <{v}> ; "
                     f"unkg:actionType/skos:notation \"{data['action_type']}\"")
        paragraphs = {str(r[0]) for r in seed_store.select(PREFIXES + f"SELECT DISTINCT ?p WHERE {{ {where} }}").rows}
        assert {ev["paragraph"] for ev in data["evidence"]} == paragraphs, (u, v, key)
        assert data["weight"] == len(paragraphs)
        for ev in data["evidence"]:
            assert ev["symbol"] == nxg.nodes[u]["code"]
            assert len(ev["text"]) <= analyse.SNIPPET + 1


def test_evidence_positions_numbers_and_text(seed_store, networks):
    """Position, printed number and text of a paragraph as the store has them (the seed is Chinese)."""
    rows = seed_store.select(PREFIXES + """SELECT ?p ?pos ?num ?txt WHERE { ?p unkg:position ?pos .
        OPTIONAL { ?p unkg:number ?num } OPTIONAL { ?p unkg:text ?txt FILTER(lang(?txt) = "zh") } }""").rows
    truth = {str(p): (int(pos), int(num) if num is not None else None, " ".join(str(t or "").split()))
             for p, pos, num, t in rows}
    checked = 0
    for *_, data in networks["citations"].edges(data=True):
        for ev in data["evidence"]:
            position, number, text = truth[ev["paragraph"]]
            assert (ev["position"], ev["number"]) == (position, number)
            assert text.startswith(ev["text"].rstrip("…"))
            assert ev["text"] == text or ev["text"].endswith("…")
            checked += 1
    assert checked > 0


def test_labels_follow_the_language(seed_store):
    zh = analyse.load_network(seed_store, view="mandates", lang="zh")
    labels = {str(n): str(label) for n, label in seed_store.select(
        PREFIXES + 'SELECT ?n ?l WHERE { ?n skos:prefLabel ?l FILTER(lang(?l) = "zh") }').rows}
    concepts = [n for n in zh if n in labels]
    assert concepts
    for n in concepts:
        assert zh.nodes[n]["label"] == labels[n]
        assert zh.nodes[n]["labels"]["zh"] == labels[n]


def test_network_is_deterministic(seed_store, networks):
    again = analyse.load_network(seed_store, view="overview")
    assert list(again.nodes(data=True)) == list(networks["overview"].nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(networks["overview"].edges(keys=True, data=True))


def test_unknown_view_is_a_domain_error(seed_store):
    with pytest.raises(UnkgError, match="pictures"):
        analyse.load_network(seed_store, view="pictures")


def test_stats_is_json_and_deterministic(seed_store, result):
    text = json.dumps(result, sort_keys=True)
    assert json.loads(text) == result
    assert json.dumps(analyse.stats(seed_store), sort_keys=True) == text
    assert analyse.format_stats(result).startswith("Counts:")


def test_stats_counts_per_class(seed_store, result):
    for cls, n in result["counts"].items():
        assert n == scalar(seed_store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a unkg:{cls} }}"), cls
    assert result["counts"]["DraftResolution"] > 0


def test_most_cited_instruments(seed_store, result):
    ranked = result["most_cited_instruments"]
    assert ranked and len(ranked) <= 10
    assert [e["paragraphs"] for e in ranked] == sorted((e["paragraphs"] for e in ranked), reverse=True)
    for e in ranked:
        assert e["kind"] == "Instrument"
        n = scalar(seed_store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p WHERE {{
            ?s unkg:hasParagraph ?p .
            {{ ?p unkg:cites <{e['iri']}> }} UNION {{ ?p unkg:hasFootnote/unkg:cites <{e['iri']}> }}
            }} }}""")
        assert e["paragraphs"] == n, e["code"]
    top = scalar(seed_store, """SELECT (MAX(?n) AS ?m) WHERE { { SELECT ?x (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?s unkg:hasParagraph ?p . ?x a unkg:Instrument .
        { ?p unkg:cites ?x } UNION { ?p unkg:hasFootnote/unkg:cites ?x }
        } GROUP BY ?x } }""")
    assert ranked[0]["paragraphs"] == top


def test_most_cited_resolutions_are_resolutions(result):
    for e in result["most_cited_resolutions"]:
        assert e["kind"] == "Resolution" or "/RES/" in e["code"]


def test_most_addressed_by_action_type(seed_store, result):
    assert result["most_addressed"]
    for atype, ranked in result["most_addressed"].items():
        assert atype in ACTION_TYPES
        for e in ranked:
            n = scalar(seed_store, f"""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?s unkg:hasParagraph ?p .
                ?p unkg:hasAction ?a . ?a unkg:addressee <{e['iri']}> ; unkg:actionType/skos:notation "{atype}" }}""")
            assert e["paragraphs"] == n, (atype, e["code"])


def test_sponsors_and_pairs(seed_store, result):
    for e in result["most_active_sponsors"]:
        own = scalar(seed_store, f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d unkg:sponsor <{e['iri']}> }}")
        joined = scalar(seed_store, f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d unkg:coSponsor <{e['iri']}> }}")
        assert (e["sponsor"], e["co_sponsor"], e["total"]) == (own, joined, own + joined)
    for pair in result["co_sponsorship_pairs"]:
        n = scalar(seed_store, f"""SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{
            ?d unkg:sponsor|unkg:coSponsor ?a . ?a skos:notation "{pair['a']}" .
            ?d unkg:sponsor|unkg:coSponsor ?b . ?b skos:notation "{pair['b']}" }}""")
        assert pair["drafts"] == n


def test_centrality_and_components(seed_store, result):
    for measure in ("degree", "betweenness"):
        for group, kind in (("bodies", "Body"), ("instruments", "Instrument")):
            ranked = result["centrality"][measure][group]
            assert len(ranked) <= 10
            assert all(e["kind"] == kind and 0 <= e["value"] <= 1 for e in ranked)
            assert [e["value"] for e in ranked] == sorted((e["value"] for e in ranked), reverse=True)
    assert result["centrality"]["degree"]["bodies"]
    every = set()
    for relation in EDGE_QUERIES:
        for s, x, _ in seed_store.select(PREFIXES + EDGE_QUERIES[relation]).rows:
            every |= {str(s), str(x)}
    sizes = result["components"]["sizes"]
    assert sum(sizes) == len(every) == result["network"]["nodes"]
    assert result["components"]["count"] == len(sizes) and sizes == sorted(sizes, reverse=True)


def test_kinds_in_counts_are_known(result):
    assert set(result["counts"]) >= set(analyse.CLASSES)
    assert Counter(result["counts"]).most_common(1)[0][1] > 0
