"""The graph of the real report as stored: structure, report facts, identifiers, provenance, shapes."""

from __future__ import annotations

import pytest
import rdflib

from tests.test_segment import DRAFTS

P = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def values(store, query):
    rows = store.select(P + query).rows
    return [tuple(None if t is None else t.toPython() if isinstance(t, rdflib.Literal) else str(t) for t in r) for r in rows]


def test_report_node(seed_store):
    got = values(
        seed_store,
        """SELECT ?id ?session ?item ?title WHERE { ?r a unkg:Report ; dcterms:identifier ?id ;
           unkg:session ?session ; unkg:agendaItem ?item ; dcterms:title ?title }""",
    )
    assert len(got) == 1
    assert got[0][:3] == ("A/74/400", 74, 106)
    assert "预防犯罪和刑事司法" in got[0][3]


def test_drafts_are_parts_with_ordinals_symbols_titles(seed_store):
    got = values(
        seed_store,
        """SELECT ?ord ?id ?title WHERE { <https://undocs.org/A/74/400> unkg:hasPart ?d .
           ?d a unkg:DraftResolution ; unkg:ordinal ?ord ; dcterms:identifier ?id ; dcterms:title ?title }
           ORDER BY ?ord""",
    )
    assert [(o, i) for o, i, _ in got] == [(d[0], d[1]) for d in DRAFTS]
    assert got[0][2] == "将体育运动纳入青年预防犯罪和刑事司法战略"


@pytest.mark.parametrize("ordinal, symbol, pre, op, notes", DRAFTS, ids=[f"draft-{d[0]}" for d in DRAFTS])
def test_paragraph_counts_in_graph(seed_store, ordinal, symbol, pre, op, notes):
    q = f"""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ <https://undocs.org/{symbol}> unkg:hasParagraph ?p .
            ?p a unkg:%s }}"""
    assert values(seed_store, q % "PreambularParagraph")[0][0] == pre
    assert values(seed_store, q % "OperativeParagraph")[0][0] == op
    fq = f"""SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ <https://undocs.org/{symbol}> unkg:hasParagraph ?p .
             ?p unkg:hasFootnote ?f . ?f a unkg:Footnote }}"""
    assert values(seed_store, fq)[0][0] == notes  # every footnote is pointed to by some paragraph


def test_paragraph_nodes_carry_text_offsets_and_provenance(seed_store):
    got = values(
        seed_store,
        """SELECT ?pos ?num ?text ?s ?e ?src WHERE { <https://undocs.org/A/C.3/74/L.2> unkg:hasParagraph ?p .
           ?p unkg:position ?pos ; unkg:text ?text ; unkg:startOffset ?s ; unkg:endOffset ?e ;
           prov:wasDerivedFrom ?src . OPTIONAL { ?p unkg:number ?num } } ORDER BY ?pos""",
    )
    assert [g[0] for g in got] == list(range(1, 34))
    assert got[19][1] == 1 and got[19][2].startswith("重申体育运动是可持续发展的重要推动力量")
    assert all(g[3] < g[4] for g in got)
    assert {g[5] for g in got} == {"https://w3id.org/unkg/id/source/A/74/400/zh"}


@pytest.mark.parametrize(
    "symbol, position, footnotes",
    [
        pytest.param("A/C.3/74/L.2", 9, {10, 11}, id="i-9"),
        pytest.param("A/C.3/74/L.4", 9, {6}, id="iii-reused-number"),
        pytest.param("A/C.3/74/L.10/Rev.1", 5, {5, 6, 7, 8}, id="vii-5"),
    ],
)
def test_footnotes_attached(seed_store, symbol, position, footnotes):
    got = values(
        seed_store,
        f"""SELECT ?n WHERE {{ <https://undocs.org/{symbol}> unkg:hasParagraph ?p . ?p unkg:position {position} ;
            unkg:hasFootnote ?f . ?f unkg:footnoteNumber ?n ; unkg:text ?t }}""",
    )
    assert {g[0] for g in got} == footnotes


@pytest.mark.parametrize(
    "symbol, rec, meeting, date, budget",
    [
        ("A/C.3/74/L.2", "E/RES/2019/16", 43, "2019-11-05", True),
        ("A/C.3/74/L.3", "E/RES/2019/17", 43, "2019-11-05", False),
        ("A/C.3/74/L.10/Rev.1", None, 48, "2019-11-15", True),
        ("A/C.3/74/L.18/Rev.1", None, 52, "2019-11-19", False),
    ],
)
def test_report_facts_in_graph(seed_store, symbol, rec, meeting, date, budget):
    d = f"<https://undocs.org/{symbol}>"
    got = values(
        seed_store,
        f"""SELECT ?rec ?n ?date ?budget WHERE {{ {d} unkg:adoptedAt ?m ; unkg:budgetImplications ?budget .
            ?m unkg:meetingNumber ?n ; dcterms:date ?date .
            OPTIONAL {{ {d} unkg:recommendedBy ?r . ?r dcterms:identifier ?rec ; unkg:issuedBy ?b }} }}""",
    )
    assert len(got) == 1
    r, n, dt, b = got[0]
    assert (r, n, str(dt), b) == (rec, meeting, date, budget)


def sponsors(store, symbol, prop):
    return {
        g[0]
        for g in values(
            store, f"SELECT ?c WHERE {{ <https://undocs.org/{symbol}> unkg:{prop} ?s . ?s a unkg:MemberState ; skos:notation ?c }}"
        )
    }


def test_sponsors_of_draft_vii(seed_store):
    # 阿塞拜疆、孟加拉国、白俄罗斯、中国、科特迪瓦、多米尼加共和国、厄瓜多尔、哈萨克斯坦、吉尔吉斯斯坦、巴基斯坦、
    # 俄罗斯联邦、塔吉克斯坦、委内瑞拉玻利瓦尔共和国、赞比亚和津巴布韦 (report paragraph 21)
    assert sponsors(seed_store, "A/C.3/74/L.10/Rev.1", "sponsor") == {
        "AZE", "BGD", "BLR", "CHN", "CIV", "DOM", "ECU", "KAZ", "KGZ", "PAK", "RUS", "TJK", "VEN", "ZMB", "ZWE"
    }
    co = sponsors(seed_store, "A/C.3/74/L.10/Rev.1", "coSponsor")
    assert len(co) == 65  # counted in paragraph 21: 阿尔及利亚 … 乌兹别克斯坦和越南
    assert {"GNQ", "PNG", "PRK"} <= co  # 赤道几内亚, 巴布亚新几内亚, 朝鲜民主主义人民共和国
    assert "VAT" not in co  # the Holy See spoke as an observer; it sponsored nothing
    assert "GIN" not in co  # 几内亚 only inside 赤道几内亚 / 巴布亚新几内亚
    assert {"USA", "VNM", "DZA", "MDA"} <= co


def test_sponsors_of_draft_viii(seed_store):
    assert sponsors(seed_store, "A/C.3/74/L.18/Rev.1", "sponsor") == {
        "AUT", "BLR", "BLZ", "BIH", "CHL", "CYP", "DOM", "GNQ", "DEU", "GRC", "HND", "ITA", "MWI", "MEX", "SVN", "UKR", "ZWE"
    }
    co = sponsors(seed_store, "A/C.3/74/L.18/Rev.1", "coSponsor")
    assert len(co) == 96  # report paragraph 26: 阿尔巴尼亚 … 乌拉圭和赞比亚
    assert {"ATG", "VCT", "STP", "TTO", "GBR", "TZA", "FSM", "MKD", "KOR", "GIN"} <= co


def test_statements(seed_store):
    got = set(
        values(
            seed_store,
            """SELECT ?code ?n WHERE { <https://undocs.org/A/74/400> unkg:statement ?s . ?s unkg:speaker ?who ;
               unkg:atMeeting ?m . ?who skos:notation ?code . ?m unkg:meetingNumber ?n }""",
        )
    )
    assert {("USA", 44), ("BLR", 48), ("VNM", 48), ("RUS", 48), ("VAT", 48), ("ITA", 52)} <= got


def test_documents_before_the_committee(seed_store):
    got = {g[0] for g in values(seed_store, "SELECT ?id WHERE { ?r unkg:documentBefore ?d . ?d dcterms:identifier ?id }")}
    assert got == {"A/74/125", "A/74/126", "A/74/127", "A/74/128"}


def test_no_blank_nodes(seed_store):
    for q in seed_store.ox.quads_for_pattern(None, None, None, None):
        assert type(q.subject).__name__ != "BlankNode" and type(q.object).__name__ != "BlankNode"


def test_conforms_to_shapes(seed_store):
    from graph.validate import validate_store

    conforms, report = validate_store(seed_store)
    assert conforms, report
