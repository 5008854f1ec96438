"""Saved queries: the loader, the exact answers on a small hand-written store, and every query on the seed store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import queries
from graph.errors import QueryError
from graph.store import Store

REQUIRED = {"instruments-cited", "citation-counts", "recalling-resolution", "bodies-mentioned", "draft-sponsors",
            "asks-of-body", "reporting-by-session"}

# The CONTRACT §2 terms on two sources (a zh report with one draft, an en resolution) and the vocabulary graph.
# The draft's paragraph 3 is in the store twice over (once per graph would repeat it), so DISTINCT matters.
MINI = r"""
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix instrument: <https://w3id.org/unkg/id/instrument/> .
@prefix body: <https://w3id.org/unkg/id/body/> .
@prefix state: <https://w3id.org/unkg/id/state/> .
@prefix at: <https://w3id.org/unkg/id/action-type/> .
@prefix doc: <https://w3id.org/unkg/id/doc/> .

<https://w3id.org/unkg/ontology> {
  instrument:UNTOC a skos:Concept, unkg:Instrument ; skos:notation "UNTOC" ;
    skos:prefLabel "United Nations Convention against Transnational Organized Crime"@en, "联合国打击跨国有组织犯罪公约"@zh .
  instrument:UN-CHARTER a skos:Concept, unkg:Instrument ; skos:notation "UN-CHARTER" ;
    skos:prefLabel "Charter of the United Nations"@en, "联合国宪章"@zh .
  body:UNODC a skos:Concept, unkg:Body ; skos:notation "UNODC" ;
    skos:prefLabel "United Nations Office on Drugs and Crime"@en, "联合国毒品和犯罪问题办公室"@zh .
  body:SG a skos:Concept, unkg:Body ; skos:notation "SG" ; skos:prefLabel "Secretary-General"@en, "秘书长"@zh .
  body:UNGA a skos:Concept, unkg:Body ; skos:notation "UNGA" ; skos:prefLabel "General Assembly"@en, "大会"@zh .
  state:CHN a skos:Concept, unkg:MemberState ; skos:notation "CHN" ; skos:prefLabel "China"@en, "中国"@zh .
  state:MEX a skos:Concept, unkg:MemberState ; skos:notation "MEX" ; skos:prefLabel "Mexico"@en, "墨西哥"@zh .
  at:requests a skos:Concept, unkg:ActionType ; skos:notation "requests" .
  at:recalls a skos:Concept, unkg:ActionType ; skos:notation "recalls" .
  at:reaffirms a skos:Concept, unkg:ActionType ; skos:notation "reaffirms" .
  at:invites a skos:Concept, unkg:ActionType ; skos:notation "invites" .
}

<https://w3id.org/unkg/id/source/A/74/400/zh> {
  <https://undocs.org/A/74/400> a unkg:Report, unkg:Document ; dcterms:identifier "A/74/400" ;
    unkg:hasPart <https://undocs.org/A/C.3/74/L.2> .
  <https://undocs.org/A/C.3/74/L.2> a unkg:DraftResolution ; dcterms:identifier "A/C.3/74/L.2" ; unkg:ordinal 1 ;
    unkg:sponsor state:CHN ; unkg:coSponsor state:MEX ;
    unkg:hasParagraph doc:A\/C.3\/74\/L.2\/p1, doc:A\/C.3\/74\/L.2\/p2, doc:A\/C.3\/74\/L.2\/p3 .
  <https://undocs.org/A/RES/73/185> a unkg:Resolution ; dcterms:identifier "A/RES/73/185" .
  doc:A\/C.3\/74\/L.2\/p1 a unkg:PreambularParagraph ; unkg:position 1 ;
    unkg:cites instrument:UN-CHARTER ; unkg:actionType at:reaffirms .
  doc:A\/C.3\/74\/L.2\/p2 a unkg:PreambularParagraph ; unkg:position 2 ;
    unkg:cites <https://undocs.org/A/RES/73/185> ; unkg:actionType at:recalls ;
    unkg:hasFootnote doc:A\/C.3\/74\/L.2\/fn1 .
  doc:A\/C.3\/74\/L.2\/fn1 a unkg:Footnote ; unkg:footnoteNumber 1 ; unkg:cites instrument:UNTOC .
  doc:A\/C.3\/74\/L.2\/p3 a unkg:OperativeParagraph ; unkg:position 3 ; unkg:number 1 ;
    unkg:mentions body:UNODC, body:SG, body:UNGA ; unkg:hasAction doc:A\/C.3\/74\/L.2\/p3\/a1 .
  doc:A\/C.3\/74\/L.2\/p3\/a1 a unkg:Action ; unkg:actionType at:requests ;
    unkg:addressee body:UNODC, body:SG ; unkg:reportTo body:UNGA ; unkg:reportSession 75 .
}

<https://w3id.org/unkg/id/source/A/RES/74/247/en> {
  <https://undocs.org/A/RES/74/247> a unkg:Resolution, unkg:Document ; dcterms:identifier "A/RES/74/247" ;
    unkg:hasParagraph doc:A\/RES\/74\/247\/p1, doc:A\/RES\/74\/247\/p2 .
  <https://undocs.org/A/RES/73/185> a unkg:Resolution ; dcterms:identifier "A/RES/73/185" .
  doc:A\/RES\/74\/247\/p1 a unkg:PreambularParagraph ; unkg:position 1 ;
    unkg:cites <https://undocs.org/A/RES/73/185>, instrument:UNTOC ; unkg:actionType at:recalls .
  doc:A\/RES\/74\/247\/p2 a unkg:OperativeParagraph ; unkg:position 2 ; unkg:number 1 ;
    unkg:mentions body:UNODC, body:UNGA ;
    unkg:hasAction doc:A\/RES\/74\/247\/p2\/a1, doc:A\/RES\/74\/247\/p2\/a2 .
  doc:A\/RES\/74\/247\/p2\/a1 a unkg:Action ; unkg:actionType at:requests ;
    unkg:addressee body:UNODC ; unkg:reportTo body:UNGA ; unkg:reportSession 76 .
  doc:A\/RES\/74\/247\/p2\/a2 a unkg:Action ; unkg:actionType at:invites ; unkg:addressee state:MEX .
  # the zh report's operative paragraph, repeated in a second graph: the union must not double it
  doc:A\/C.3\/74\/L.2\/p3 unkg:mentions body:UNODC .
}
"""
DOC = "https://w3id.org/unkg/id/doc/"


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("mini") / "store"
    raw = ox.Store(str(path))
    raw.load(MINI.encode("utf-8"), format=ox.RdfFormat.TRIG)
    raw.flush()
    del raw
    return Store(path, read_only=True)


def rows(store: Store, name: str, **params) -> list[tuple]:
    """Rows as plain strings (None when unbound)."""
    res = store.select(queries.load(name, params=params or None))
    return [tuple(None if v is None else str(v) for v in row) for row in res.rows]


# --- the loader -----------------------------------------------------------------------------------------------------


def test_required_queries_are_shipped():
    assert REQUIRED <= {name for name, _ in queries.list_queries()}


def test_every_query_has_a_one_line_description():
    listed = queries.list_queries()
    assert [name for name, _ in listed] == sorted(name for name, _ in listed)
    for name, description in listed:
        assert description and "\n" not in description, name
        assert queries.load(name).startswith("# " + description), name


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(QueryError) as err:
        queries.load("no-such-query")
    message = str(err.value)
    assert "no-such-query" in message and "citation-counts" in message and "asks-of-body" in message


@pytest.mark.parametrize("name", ["../pyproject", "a/b", ".hidden", ""])
def test_names_cannot_leave_the_queries_folder(name):
    with pytest.raises(QueryError):
        queries.load(name)


def test_parameters():
    assert queries.parameters("instruments-cited") == ["code"]
    assert queries.parameters("asks-of-body") == ["addressee"]
    assert queries.parameters("citation-counts") == []


def test_unknown_parameter_is_refused():
    with pytest.raises(QueryError, match="takes code"):
        queries.load("instruments-cited", params={"body": "UNODC"})


def test_parameter_values_are_escaped(mini):
    text = queries.load("instruments-cited", params={"code": ['UN"TOC', "a\\b"]})
    assert 'VALUES ?code { "UN\\"TOC" "a\\\\b" }' in text
    assert mini.select(text).rows == ()


# --- exact answers on the mini store -------------------------------------------------------------------------------


def test_instruments_cited(mini):
    assert rows(mini, "instruments-cited") == [
        ("UN-CHARTER", "Charter of the United Nations", "A/C.3/74/L.2", "1", None, DOC + "A/C.3/74/L.2/p1"),
        ("UNTOC", "United Nations Convention against Transnational Organized Crime", "A/C.3/74/L.2", "2", None,
         DOC + "A/C.3/74/L.2/p2"),  # through its footnote
        ("UNTOC", "United Nations Convention against Transnational Organized Crime", "A/RES/74/247", "1", None,
         DOC + "A/RES/74/247/p1"),
    ]
    only = rows(mini, "instruments-cited", code="UN-CHARTER")
    assert [r[0] for r in only] == ["UN-CHARTER"]


def test_citation_counts(mini):
    assert rows(mini, "citation-counts") == [
        ("UNTOC", "United Nations Convention against Transnational Organized Crime", "2", "2"),
        ("UN-CHARTER", "Charter of the United Nations", "1", "1"),
    ]


def test_recalling_resolution(mini):
    expected = [
        ("A/RES/73/185", "A/C.3/74/L.2", "2", DOC + "A/C.3/74/L.2/p2"),
        ("A/RES/73/185", "A/RES/74/247", "1", DOC + "A/RES/74/247/p1"),
    ]
    assert rows(mini, "recalling-resolution") == expected
    assert rows(mini, "recalling-resolution", cited="A/RES/73/185") == expected
    assert rows(mini, "recalling-resolution", cited="A/RES/70/1") == []


def test_bodies_mentioned(mini):
    got = rows(mini, "bodies-mentioned")
    assert [(r[0], r[2], r[3]) for r in got] == [
        ("SG", "A/C.3/74/L.2", "3"),
        ("UNGA", "A/C.3/74/L.2", "3"),
        ("UNGA", "A/RES/74/247", "2"),
        ("UNODC", "A/C.3/74/L.2", "3"),  # once, though two graphs say it
        ("UNODC", "A/RES/74/247", "2"),
    ]
    assert got[0][1] == "Secretary-General" and got[0][4] == "1"


def test_draft_sponsors(mini):
    assert rows(mini, "draft-sponsors") == [
        ("A/C.3/74/L.2", "A/74/400", "1", "sponsor", "CHN", "China"),
        ("A/C.3/74/L.2", "A/74/400", "1", "co-sponsor", "MEX", "Mexico"),
    ]
    assert rows(mini, "draft-sponsors", symbol="A/C.3/74/L.99") == []


def test_asks_of_body(mini):
    assert rows(mini, "asks-of-body", addressee="UNODC") == [
        ("UNODC", "requests", "A/C.3/74/L.2", "3", "1", "UNGA", "75", DOC + "A/C.3/74/L.2/p3/a1"),
        ("UNODC", "requests", "A/RES/74/247", "2", "1", "UNGA", "76", DOC + "A/RES/74/247/p2/a1"),
    ]
    assert rows(mini, "asks-of-body", addressee="MEX") == [
        ("MEX", "invites", "A/RES/74/247", "2", "1", None, None, DOC + "A/RES/74/247/p2/a2"),
    ]
    assert len(rows(mini, "asks-of-body")) == 4  # UNODC twice, SG, MEX


def test_reporting_by_session(mini):
    assert rows(mini, "reporting-by-session") == [
        ("75", "UNGA", "A/C.3/74/L.2", "3", "1", "requests", "SG,UNODC", DOC + "A/C.3/74/L.2/p3/a1"),
        ("76", "UNGA", "A/RES/74/247", "2", "1", "requests", "UNODC", DOC + "A/RES/74/247/p2/a1"),
    ]


# --- every saved query on the seed store ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for name, _ in queries.list_queries()])
def test_runs_on_the_seed_store(seed_store, name):
    res = seed_store.select(queries.load(name))
    assert res.variables
    assert len(set(res.rows)) == len(res.rows), "rows repeat: DISTINCT or GROUP BY missing"


@pytest.mark.parametrize("name", ["instruments-cited", "citation-counts", "bodies-mentioned", "recalling-resolution",
                                  "reporting-by-session"])
def test_seed_report_has_answers(seed_store, name):
    # A/74/400 cites UNTOC and earlier resolutions, names UNODC, and asks for reports at later sessions.
    assert seed_store.select(queries.load(name)).rows


def test_seed_report_asks_unodc(seed_store):
    got = rows(seed_store, "asks-of-body", addressee="UNODC")
    assert got and all(r[0] == "UNODC" for r in got)
    assert {"requests"} & {r[1] for r in got}


def test_seed_report_cites_untoc(seed_store):
    got = rows(seed_store, "instruments-cited", code="UNTOC")
    assert got and {r[2] for r in got} and all(r[0] == "UNTOC" for r in got)
