"""The mandate register (`graph/mandates.py`) and the saved `mandates-*` queries: exact answers on a small
hand-written store, then the register of the real report A/74/400 (the `seed_store` fixture)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import mandates, queries
from graph.errors import QueryError
from graph.store import Store

# CONTRACT §2 shape, as build.py writes it: two drafts of a zh report and an en resolution, the vocabulary graph with
# the `directive` flags. L.10/Rev.1 sorts after L.2 (natural order); its p2 is repeated in the en graph (the union
# must not double it). Non-directive actions (welcomes) are not in the register.
MINI = r"""
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix instrument: <https://w3id.org/unkg/id/instrument/> .
@prefix body: <https://w3id.org/unkg/id/body/> .
@prefix group: <https://w3id.org/unkg/id/group/> .
@prefix at: <https://w3id.org/unkg/id/action-type/> .
@prefix doc: <https://w3id.org/unkg/id/doc/> .

<https://w3id.org/unkg/ontology> {
  instrument:UNTOC a skos:Concept, unkg:Instrument ; skos:notation "UNTOC" .
  body:UNODC a skos:Concept, unkg:Body ; skos:notation "UNODC" ;
    skos:prefLabel "United Nations Office on Drugs and Crime"@en .
  body:SG a skos:Concept, unkg:Body ; skos:notation "SG" ; skos:prefLabel "Secretary-General"@en .
  body:UNGA a skos:Concept, unkg:Body ; skos:notation "UNGA" ; skos:prefLabel "General Assembly"@en .
  body:CCPCJ a skos:Concept, unkg:Body ; skos:notation "CCPCJ" ; skos:prefLabel "Commission"@en .
  group:MemberStates a skos:Concept, unkg:Group ; skos:notation "MemberStates" ; skos:prefLabel "Member States"@en .
  group:Donors a skos:Concept, unkg:Group ; skos:notation "Donors" ; skos:prefLabel "Donors"@en .
  at:requests a skos:Concept, unkg:ActionType ; skos:notation "requests" ; unkg:directive true .
  at:invites a skos:Concept, unkg:ActionType ; skos:notation "invites" ; unkg:directive true .
  at:welcomes a skos:Concept, unkg:ActionType ; skos:notation "welcomes" ; unkg:directive false .
}

<https://w3id.org/unkg/id/source/A/74/400/zh> {
  <https://undocs.org/A/C.3/74/L.10/Rev.1> a unkg:DraftResolution ; dcterms:identifier "A/C.3/74/L.10/Rev.1" ;
    unkg:hasParagraph doc:L10\/p2 .
  doc:L10\/p2 a unkg:OperativeParagraph ; unkg:position 2 ; unkg:number 26 ; unkg:hasAction doc:L10\/p2\/a1 .
  doc:L10\/p2\/a1 a unkg:Action ; unkg:actionType at:requests ; unkg:addressee body:SG ;
    unkg:reportTo body:UNGA ; unkg:reportSession 76 ; unkg:clauseText "请秘书长向大会第七十六届会议提交报告"@zh .

  <https://undocs.org/A/C.3/74/L.2> a unkg:DraftResolution ; dcterms:identifier "A/C.3/74/L.2" ;
    unkg:hasParagraph doc:L2\/p30, doc:L2\/p33, doc:L2\/p1 .
  doc:L2\/p1 a unkg:PreambularParagraph ; unkg:position 1 ; unkg:actionType at:welcomes .
  doc:L2\/p30 a unkg:OperativeParagraph ; unkg:position 30 ; unkg:number 11 ;
    unkg:cites instrument:UNTOC ;
    unkg:hasAction doc:L2\/p30\/a2, doc:L2\/p30\/a1 .
  doc:L2\/p30\/a1 a unkg:Action ; unkg:actionType at:requests ; unkg:addressee body:UNODC ;
    unkg:reportTo body:CCPCJ ; unkg:reportSession 29 ; unkg:clauseText "请毒品和犯罪问题办公室…提交一份报告"@zh .
  doc:L2\/p30\/a2 a unkg:Action ; unkg:actionType at:welcomes ; unkg:clauseText "欣见泰国政府…"@zh .
  doc:L2\/p33 a unkg:OperativeParagraph ; unkg:position 33 ; unkg:number 14 ; unkg:hasAction doc:L2\/p33\/a1 .
  doc:L2\/p33\/a1 a unkg:Action ; unkg:actionType at:invites ; unkg:addressee group:MemberStates, group:Donors ;
    unkg:clauseText "邀请会员国和其他捐助方…"@zh .
}

<https://w3id.org/unkg/id/source/A/RES/74/247/en> {
  <https://undocs.org/A/RES/74/247> a unkg:Resolution ; dcterms:identifier "A/RES/74/247" ;
    unkg:hasParagraph doc:R247\/p21 .
  doc:R247\/p21 a unkg:OperativeParagraph ; unkg:position 21 ; unkg:number 4 ; unkg:hasAction doc:R247\/p21\/a1 .
  doc:R247\/p21\/a1 a unkg:Action ; unkg:actionType at:requests ; unkg:addressee body:SG ;
    unkg:clauseText "Requests the Secretary-General to allocate the necessary resources"@en .
  # the zh draft's paragraph again, with its English text: one row, its text in the language asked for
  <https://undocs.org/A/C.3/74/L.10/Rev.1> dcterms:identifier "A/C.3/74/L.10/Rev.1" ; unkg:hasParagraph doc:L10\/p2 .
  doc:L10\/p2\/a1 unkg:actionType at:requests ; unkg:addressee body:SG ;
    unkg:clauseText "Requests the Secretary-General to submit a report"@en .
}
"""

ROW_L2_11 = {"symbol": "A/C.3/74/L.2", "paragraph": 11, "action": 1, "type": "requests", "addressees": "UNODC",
             "report_to": "CCPCJ", "session": 29, "text": "请毒品和犯罪问题办公室…提交一份报告"}
ROW_L2_14 = {"symbol": "A/C.3/74/L.2", "paragraph": 14, "action": 1, "type": "invites", "addressees": "Donors, MemberStates",
             "report_to": None, "session": None, "text": "邀请会员国和其他捐助方…"}
# Its clause text is in the store in en and zh: without `lang`, the first by language tag.
ROW_L10_26 = {"symbol": "A/C.3/74/L.10/Rev.1", "paragraph": 26, "action": 1, "type": "requests", "addressees": "SG",
              "report_to": "UNGA", "session": 76, "text": "Requests the Secretary-General to submit a report"}
ROW_R247_4 = {"symbol": "A/RES/74/247", "paragraph": 4, "action": 1, "type": "requests", "addressees": "SG",
              "report_to": None, "session": None, "text": "Requests the Secretary-General to allocate the necessary resources"}


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("mandates") / "store"
    raw = ox.Store(str(path))
    raw.load(MINI.encode("utf-8"), format=ox.RdfFormat.TRIG)
    raw.flush()
    del raw
    return Store(path, read_only=True)


# --- mandates.rows ---------------------------------------------------------------------------------------------------


# (id, filters, expected rows in order)
REGISTER = [
    # Every directive action once, by symbol (natural order: L.2 before L.10/Rev.1), paragraph, action; welcomes left out.
    ("all", {}, [ROW_L2_11, ROW_L2_14, ROW_L10_26, ROW_R247_4]),
    # Addressed to the Secretary-General, in two graphs and two languages.
    ("to-sg", {"addressee": "SG"}, [ROW_L10_26, ROW_R247_4]),
    # A filter on one addressee keeps the row's other addressees.
    ("to-donors", {"addressee": "Donors"}, [ROW_L2_14]),
    ("invites", {"type": "invites"}, [ROW_L2_14]),
    ("requests-to-unodc", {"type": "requests", "addressee": "UNODC"}, [ROW_L2_11]),
    # A valid code nobody is asked anything of: no rows, no error.
    ("nobody-asks-unga", {"addressee": "UNGA"}, []),
    # The clause text in the language asked for (a text only in English keeps it).
    ("chinese-text", {"addressee": "SG", "lang": "zh"}, [{**ROW_L10_26, "text": "请秘书长向大会第七十六届会议提交报告"}, ROW_R247_4]),
]


@pytest.mark.parametrize("rid, filters, expected", REGISTER, ids=[r[0] for r in REGISTER])
def test_register(mini, rid, filters, expected):
    assert mandates.rows(mini, **filters) == expected


def test_columns_are_the_row_keys(mini):
    assert all(tuple(row) == mandates.COLUMNS for row in mandates.rows(mini))


# (id, filters, words the message must hold)
BAD_CODES = [
    ("typo-addressee", {"addressee": "UNDOC"}, ["'UNDOC'", "did you mean UNODC", "valid codes:", "MemberStates", "SG"]),
    ("unknown-type", {"type": "request"}, ["'request'", "requests", "invites"]),
    ("not-directive", {"type": "welcomes"}, ["'welcomes'", "not directive", "invites, requests"]),
    ("injection", {"addressee": 'SG" } #'}, ["unknown addressee code"]),
]


@pytest.mark.parametrize("rid, filters, words", BAD_CODES, ids=[r[0] for r in BAD_CODES])
def test_unknown_codes_are_refused(mini, rid, filters, words):
    with pytest.raises(QueryError) as err:
        mandates.rows(mini, **filters)
    for w in words:
        assert w in str(err.value)


# --- saved queries ---------------------------------------------------------------------------------------------------


def _run(store: Store, name: str, **params) -> list[tuple]:
    res = store.select(queries.load(name, params=params or None))
    return [tuple(None if v is None else str(v) for v in row) for row in res.rows]


def test_saved_queries_are_listed():
    names = {name for name, _ in queries.list_queries()}
    assert {"mandates-requests-to-body", "mandates-reporting-by-session", "mandates-addressees-ranked",
            "mandates-cite-and-request"} <= names


def test_requests_to_body_defaults_to_unodc(mini):
    got = _run(mini, "mandates-requests-to-body")
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in got] == [("UNODC", "A/C.3/74/L.2", "11", "CCPCJ", "29")]


def test_requests_to_body_takes_a_code(mini):
    got = _run(mini, "mandates-requests-to-body", code="SG")
    assert sorted((r[1], r[2], r[3], r[4]) for r in got) == [
        ("A/C.3/74/L.10/Rev.1", "26", "UNGA", "76"),
        ("A/C.3/74/L.10/Rev.1", "26", "UNGA", "76"),  # its clause text in zh and in en
        ("A/RES/74/247", "4", None, None),
    ]


def test_reporting_by_session(mini):
    got = _run(mini, "mandates-reporting-by-session")
    assert [r[:4] for r in got] == [("29", "CCPCJ", "1", "UNODC"), ("76", "UNGA", "1", "SG")]
    assert _run(mini, "mandates-reporting-by-session", report_to="UNGA")[0][4] == "A/C.3/74/L.10/Rev.1"


def test_addressees_ranked(mini):
    got = _run(mini, "mandates-addressees-ranked")
    # SG: two actions (one with a report), two documents; the others one each, by code.
    assert got == [
        ("SG", "Secretary-General", "2", "1", "2"),
        ("Donors", "Donors", "1", "0", "1"),
        ("MemberStates", "Member States", "1", "0", "1"),
        ("UNODC", "United Nations Office on Drugs and Crime", "1", "1", "1"),
    ]
    assert [r[0] for r in _run(mini, "mandates-addressees-ranked", type="invites")] == ["Donors", "MemberStates"]


def test_cite_and_request(mini):
    assert [r[:4] for r in _run(mini, "mandates-cite-and-request")] == [("A/C.3/74/L.2", "11", "UNTOC", "UNODC")]


# --- the real report -------------------------------------------------------------------------------------------------


def test_seed_register(seed_store):
    """The register of A/74/400: read from the text, the requests with a reporting requirement of drafts I and VII."""
    got = mandates.rows(seed_store)
    assert got and all(r["type"] in {"requests", "invites", "urges", "calls-upon", "encourages", "recommends"} for r in got)
    reporting = {(r["symbol"], r["paragraph"], r["addressees"], r["report_to"], r["session"])
                 for r in got if r["report_to"] and r["symbol"] in ("A/C.3/74/L.2", "A/C.3/74/L.10/Rev.1")}
    assert reporting == {
        ("A/C.3/74/L.2", 11, "UNODC", "CCPCJ", 29),  # 向预防犯罪和刑事司法委员会第二十九届会议提交一份报告
        ("A/C.3/74/L.2", 13, "UNODC-ED", "UNGA", 75),  # 列入向大会第七十五届会议提交的…报告
        ("A/C.3/74/L.10/Rev.1", 26, "SG", "UNGA", 76),  # 向大会第七十六届会议提交关于本决议执行情况的报告
    }
    keys = [(r["symbol"], r["paragraph"], r["action"]) for r in got]
    assert len(keys) == len(set(keys))


def test_seed_register_filters(seed_store):
    to_president = mandates.rows(seed_store, addressee="UNGA-PRESIDENT")
    # 请秘书长和大会主席与会员国密切合作及协调 (draft VII, op. 5); 邀请大会主席 … 又邀请主席 (draft VIII, op. 19)
    assert ("A/C.3/74/L.10/Rev.1", 5, "requests", "SG, UNGA-PRESIDENT") in {
        (r["symbol"], r["paragraph"], r["type"], r["addressees"]) for r in to_president}
    requests = mandates.rows(seed_store, type="requests", addressee="UNODC")
    assert requests and all(r["type"] == "requests" and "UNODC" in r["addressees"].split(", ") for r in requests)
