"""Parity: the Chinese draft and the English resolution of the same text give the same paragraph-level edges.

The report's eight drafts (决议草案一 … 八, data/zh/A_74_400.txt) were adopted unchanged as A/RES/74/170 … 74/177
(data/en/A_RES_74_17x.txt, the official English texts). The two are different documents, so their nodes differ (a
draft's paragraphs are minted from A/C.3/74/L.2, the resolution's from A/RES/74/170), but paragraph k of draft i and
paragraph k of resolution 169+i say the same thing, so they must cite, mention and ask the same.

For each pair this module compares, paragraph by paragraph, the cited codes and symbols, the mentioned codes, the
leading type and the list of actions (type and addressees), taking zh as reference:
  * agreement: the share of paragraphs whose readings are identical, and micro P/R/F1 of the en readings;
  * every disagreement is listed in `KNOWN` with its reason: the two texts genuinely say different things
    ("translation"), a fix waits outside the linking modules ("pending"), or a known limit of the extraction
    ("limit"). A new disagreement, or a listed one that disappeared, fails `test_every_difference_is_known`.
  * `MUST_AGREE`: paragraphs chosen from the texts for the rules they exercise; they must agree exactly.

`python -m tests.test_parity` prints the agreement table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT, REPORT_SYMBOL = ROOT / "data" / "zh" / "A_74_400.txt", "A/74/400"
# (draft ordinal, draft symbol, resolution symbol, English file)
PAIRS = [(k, sym, f"A/RES/74/{169 + k}", ROOT / "data" / "en" / f"A_RES_74_{169 + k}.txt") for k, sym in enumerate(
    ["A/C.3/74/L.2", "A/C.3/74/L.3", "A/C.3/74/L.4", "A/C.3/74/L.5", "A/C.3/74/L.6", "A/C.3/74/L.7",
     "A/C.3/74/L.10/Rev.1", "A/C.3/74/L.18/Rev.1"], start=1)]
RELATIONS = ("cites", "mentions", "type", "actions")


@dataclass(frozen=True)
class Reading:
    kind: str
    text: str
    cites: frozenset[str]
    mentions: frozenset[str]
    type: str | None
    actions: tuple[str, ...]  # "type(addressee,…)" in order

    def values(self, rel: str) -> Counter:
        if rel in ("cites", "mentions"):
            return Counter(getattr(self, rel))
        return Counter([self.type] if rel == "type" else self.actions)


def _code(hit) -> str:
    e = hit.entity
    return e.code if e.linked and e.code else f"title:{e.label}"


def readings(doc, links, text, vocab) -> dict[int, Reading]:
    """Position -> what the pipeline reads in one resolution text."""
    code_of = {c.iri: c.code for c in vocab.concepts}
    paras = {p.position: p for p in text.paragraphs}
    out = {}
    for pl in links.paragraphs:
        if pl.text != (text.ordinal or 0):
            continue
        p = paras[pl.position]
        acts = tuple(f"{a.type}({','.join(sorted(code_of.get(i, i) for i in a.addressees))})" for a in pl.actions)
        out[pl.position] = Reading(p.kind, p.text, frozenset(_code(h) for h in pl.cites),
                                   frozenset(_code(h) for h in pl.mentions), pl.type, acts)
    return out


def differences(zh: dict[int, Reading], en: dict[int, Reading]) -> set[tuple]:
    """(position, relation, zh-only values, en-only values) for every paragraph and relation that disagree."""
    out = set()
    for pos, z in zh.items():
        e = en[pos]
        for rel in RELATIONS:
            zv, ev = z.values(rel), e.values(rel)
            if zv != ev:
                out.add((pos, rel, tuple(sorted((zv - ev).elements())), tuple(sorted((ev - zv).elements()))))
    return out


def agreement(zh: dict[int, Reading], en: dict[int, Reading]) -> dict[str, dict[str, float]]:
    """Per relation: share of identical paragraphs, and micro precision/recall/F1 of en against zh."""
    out = {}
    for rel in RELATIONS:
        tp = fp = fn = same = 0
        for pos, z in zh.items():
            zv, ev = z.values(rel), en[pos].values(rel)
            tp += sum((zv & ev).values())
            fp += sum((ev - zv).values())
            fn += sum((zv - ev).values())
            same += zv == ev
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[rel] = {"same": same / len(zh), "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


# --- fixtures ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocab():
    from graph import vocab as v

    return v.load()


@pytest.fixture(scope="module")
def zh_side(report_doc):
    from graph.pipeline import analyse_document

    return report_doc, analyse_document(report_doc)


@pytest.fixture(scope="module")
def en_side():
    from graph.ingest import read_source
    from graph.pipeline import analyse_document
    from graph.segment import segment

    out = {}
    for k, _, _, path in PAIRS:
        doc = segment(read_source(path, lang="auto"))
        out[k] = (doc, analyse_document(doc))
    return out


@pytest.fixture(scope="module")
def pairs(zh_side, en_side, vocab):
    """k -> (zh readings of draft k, en readings of resolution 169+k)."""
    zdoc, zlinks = zh_side
    out = {}
    for k, *_ in PAIRS:
        edoc, elinks = en_side[k]
        draft = next(t for t in zdoc.texts if t.ordinal == k)
        out[k] = (readings(zdoc, zlinks, draft, vocab), readings(edoc, elinks, edoc.texts[0], vocab))
    return out


# --- structure -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("k, draft, resolution, path", PAIRS, ids=[p[2] for p in PAIRS])
def test_same_structure(zh_side, en_side, k, draft, resolution, path):
    """Same symbols where they should be, the same preambular and operative paragraphs, numbered alike, and as many
    footnotes: the English resolution is the Chinese draft, adopted."""
    zdoc, _ = zh_side
    edoc, _ = en_side[k]
    z = next(t for t in zdoc.texts if t.ordinal == k)
    e = edoc.texts[0]
    assert z.symbol == draft and edoc.symbol == resolution and edoc.source.lang == "en"
    assert [(p.kind, p.number) for p in z.paragraphs] == [(p.kind, p.number) for p in e.paragraphs]
    assert len(z.footnotes) == len(e.footnotes)


# --- agreement -----------------------------------------------------------------------------------------------------

#: F1 of the en readings against zh, per relation ("type": the share of paragraphs with the same leading type).
#: Measured after fixing every real discrepancy we could (see the report of issue 5); the exceptions are the pairs
#: whose remaining disagreements are listed in KNOWN as "pending" or "translation".
FLOOR = {"cites": 0.95, "mentions": 0.95, "type": 0.90, "actions": 0.90}
FLOOR_EXCEPTIONS = {
    (2, "actions"): 0.88,  # translation: 赞赏地注意到 is both "Notes with appreciation" and "Takes note with appreciation"
}


@pytest.mark.parametrize("k", [p[0] for p in PAIRS], ids=[p[2] for p in PAIRS])
def test_agreement_floor(pairs, k):
    zh, en = pairs[k]
    scores = agreement(zh, en)
    for rel in RELATIONS:
        floor = FLOOR_EXCEPTIONS.get((k, rel), FLOOR[rel])
        got = scores[rel]["same"] if rel == "type" else scores[rel]["f1"]
        assert got >= floor, f"pair {k} {rel}: {got:.3f} < {floor}"


# --- every difference is explained -----------------------------------------------------------------------------------

T, P, L = "translation", "pending", "limit"
UNGA_EXPLICIT = "zh names the Assembly (其中大会…, 大会第…号决议) where the English has 'it'/'its', the implicit author"
COUNTRIES = "各国/国家 ('States') renders 'countries', 'their' or an implicit subject; 'countries' is not States in English"
NOTES = "赞赏地注意到/注意到 render both 'Notes (with appreciation)' and 'Takes note (with appreciation) of'"
CONFIRMS = "确认 renders both 'Recognizing' and 'Acknowledging'"
TIP_PARTIES = ("'States parties to those instruments' are the parties to UNTOC and to its Trafficking Protocol "
               "(tests/gold/A_C.3_80_L.4.en.tsv 1.50); the zh gold reads 这些文书的缔约国 as UNTOC's only (7.41), so the "
               "vocabulary gives the Protocol's parties no zh label")

#: (pair, position, relation, zh-only, en-only, kind, reason)
KNOWN = [
    (1, 2, "mentions", (), ("UN",), T, "更广泛的联合国议程 (attributive) vs 'the wider agenda of the United Nations'"),
    (1, 15, "mentions", ("CompetentAuthorities",), (), T, "建议主管当局 vs 'recommend that authorities'"),
    (1, 16, "type", ("notes",), ("takes-note",), T, NOTES),
    (1, 19, "type", ("recognizes",), ("acknowledges",), T, CONFIRMS),
    (1, 20, "actions", ("recognizes()",), (), T, "zh repeats 确认 (…，并确认…); the English has one 'recognizes' with two objects"),
    (2, 4, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (2, 6, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (2, 7, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (2, 8, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (2, 16, "type", ("notes",), ("takes-note",), T, NOTES),
    (2, 16, "actions", ("notes()",), ("takes-note()",), T, NOTES),
    (2, 17, "type", ("notes",), ("takes-note",), T, NOTES),
    (2, 17, "actions", ("notes()",), ("takes-note()",), T, NOTES),
    (2, 18, "actions", ("notes()",), ("takes-note()",), T, NOTES),
    (2, 20, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (2, 31, "mentions", ("CONGRESS14-SG",), ("CONGRESS14-ES",), L,
     "coordinated officials: 第十四届预防犯罪大会秘书长和执行秘书 / 'a Secretary-General and an Executive Secretary of "
     "the Fourteenth Congress' each resolve one of the two"),
    (3, 6, "type", ("notes",), ("takes-note",), T, NOTES),
    (3, 7, "type", ("recognizes",), ("acknowledges",), T, CONFIRMS),
    (4, 1, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (4, 1, "mentions", (), ("IEG-CYBERCRIME",), L,
     "'an open-ended intergovernmental expert group to conduct a comprehensive study …' is its name; the zh wording "
     "(设立一个不限成员名额的政府间专家组，以全面研究网络犯罪问题) is split by the relative clause"),
    (4, 3, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (4, 7, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (4, 8, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (5, 2, "mentions", ("States",), (), T, COUNTRIES),
    (5, 11, "mentions", ("StatesParties",), (), T, "要求缔约国 vs 'require parties' (bare 'parties' is no label)"),
    (5, 11, "type", ("recognizes",), ("acknowledges",), T, CONFIRMS),
    (5, 12, "cites", (), ("VAC-MODEL-STRATEGIES",), T,
     "zh quotes the Model Strategies as the title of 69/194 (not cited), the English describes the resolution "
     "('69/194 … on the United Nations Model Strategies …', cited)"),
    (5, 13, "type", ("recognizes",), ("acknowledges",), T, CONFIRMS),
    (5, 36, "mentions", (), ("States",), T, "…的国家 (bare 国家 is no label) vs 'those States that have not done so'"),
    (5, 36, "actions", ("calls-upon()",), ("calls-upon(States)",), T, "as above: the addressee"),
    (6, 9, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (6, 14, "type", ("notes",), ("takes-note",), T, NOTES),
    (6, 15, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (6, 20, "mentions", ("States",), (), T, COUNTRIES),
    (6, 24, "mentions", (), ("MemberStates",), T, "'to Member States to those ends' has no 会员国 in zh (为上述目的提供技术援助)"),
    (6, 30, "mentions", ("States",), (), T, COUNTRIES),
    (6, 34, "mentions", ("States",), (), T, COUNTRIES),
    (7, 9, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (7, 10, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (7, 33, "mentions", ("States",), (), T, COUNTRIES),
    (7, 35, "mentions", (), ("States",), T, "'extended … by States members' vs 由成员国 (members)"),
    (7, 41, "mentions", (), ("StatesParties-UNTOC-TIP",), P, TIP_PARTIES),
    (7, 41, "actions", ("urges(StatesParties-UNTOC)",), ("urges(StatesParties-UNTOC,StatesParties-UNTOC-TIP)",), P,
     TIP_PARTIES),
    (7, 46, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (7, 50, "actions", ("welcomes()",), (), T, "zh adds a verb (欢迎…作为协调小组的合作伙伴); the English goes on "
     "'as well as of the Council of Europe …' under 'takes note with appreciation'"),
    (7, 53, "mentions", ("States",), (), T, COUNTRIES),
    (7, 63, "mentions", ("States",), (), T, COUNTRIES),
    (8, 2, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 5, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 11, "mentions", (), ("States",), T, "'the sovereignty of States' vs 国家主权 (State sovereignty)"),
    (8, 19, "mentions", (), ("StatesParties-UNCAC",), T,
     "'… the Convention … by all States parties': the parties come after the Convention in English, before it in zh "
     "(各缔约国…有效执行公约)"),
    (8, 20, "mentions", ("States",), (), T, COUNTRIES),
    (8, 35, "mentions", ("MemberStates",), ("RequestingStates",), T, "应请求向会员国 ('upon request, to Member States') "
     "vs 'to requesting Member States'"),
    (8, 40, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 40, "type", ("notes",), ("expresses-concern",), T, "表示深为关切地注意到 ('noting with deep concern') vs "
     "'Expressing deep concern'"),
    (8, 41, "mentions", ("States",), (), T, COUNTRIES),
    (8, 48, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 50, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 50, "type", ("reaffirms",), ("condemns",), T, "重申强烈谴责 is reaffirms, 'Reiterating its strong condemnation' "
     "condemns (SEMANTICS); here 重申 translates 'Reiterating'"),
    (8, 57, "mentions", ("UNGA",), (), T, UNGA_EXPLICIT),
    (8, 75, "cites", ("A/RES/70/174",), (), L, "the marker of footnote 6 reused after a year ('April 2015, 6 when') "
     "is not taken: a spaced number is a marker only when it is the next footnote"),
    (8, 77, "mentions", (), ("StatesParties-UNTOC-TIP",), P, TIP_PARTIES),
    (8, 77, "actions", ("urges(StatesParties-UNCAC,StatesParties-UNTOC)",),
     ("urges(StatesParties-UNCAC,StatesParties-UNTOC,StatesParties-UNTOC-TIP)",), P, TIP_PARTIES),
    (8, 91, "actions", ("invites()",), (), T, "zh adds 又邀请主席编写…; the English goes on 'and to prepare a summary'"),
    (8, 92, "mentions", (), ("CompetentAuthorities",), T, "中央主管机关 (one term) vs 'central and competent authorities'"),
    (8, 95, "actions", ("invites(UNODC)",), ("calls-upon(UNODC)",), T, "并邀请 vs 'and calls upon'"),
    (8, 100, "mentions", ("States",), (), T, COUNTRIES),
    (8, 101, "mentions", (), ("CRIME-CONGRESS",), L, "联合国预防犯罪和刑事司法大会秘书处 is read as the title of an office of "
     "the congress (not a mention); the English names the congresses in a list"),
    (8, 109, "mentions", ("StatesParties",), (), T, "缔约国 vs 'the obligations of parties' (bare 'parties')"),
    (8, 111, "actions", ("calls-upon(StatesParties)",), (), T,
     "zh repeats the verb (并促请缔约国…) where the English goes on 'and for States parties to …'"),
    (8, 114, "actions", ("calls-upon(StatesParties)", "calls-upon(UNODC)"), ("calls-upon()",), T,
     "zh repeats the verb for the States parties; the English misprints 'the United Office on Drugs and Crime'"),
    (8, 115, "mentions", ("RequestingStates",), (), T, "提出请求的会员国 vs 'Member States, upon request'"),
    (8, 128, "mentions", ("NationalStatisticalOffices",), (), T, "加强国家统计局 ('offices') vs 'strengthened national "
     "statistical systems'"),
]


def _known(k: int) -> set[tuple]:
    out: dict[tuple, list] = {}
    for pair, pos, rel, zh_only, en_only, _, _ in KNOWN:
        if pair == k:  # several rows may document parts of one difference (4.1 mentions)
            zo, eo = out.setdefault((pos, rel), [[], []])
            zo.extend(zh_only)
            eo.extend(en_only)
    return {(pos, rel, tuple(sorted(zo)), tuple(sorted(eo))) for (pos, rel), (zo, eo) in out.items()}


@pytest.mark.parametrize("k", [p[0] for p in PAIRS], ids=[p[2] for p in PAIRS])
def test_every_difference_is_known(pairs, k):
    """Each disagreement is a bug fixed or a difference documented in KNOWN; a documented one that no longer shows
    (fixed, or changed) must leave the table."""
    zh, en = pairs[k]
    got, want = differences(zh, en), _known(k)
    assert not got - want, f"undocumented differences in pair {k}: {sorted(got - want)}"
    assert not want - got, f"documented differences no longer seen in pair {k}: {sorted(want - got)}"


def test_known_rows_are_well_formed():
    for row in KNOWN:
        pair, pos, rel, zh_only, en_only, kind, reason = row
        assert 1 <= pair <= 8 and rel in RELATIONS and kind in (T, P, L) and reason, row
        assert isinstance(zh_only, tuple) and isinstance(en_only, tuple) and (zh_only or en_only), row


# --- paragraphs that must agree exactly -------------------------------------------------------------------------------

#: (pair, position, why this paragraph matters)
MUST_AGREE = [
    (1, 3, "coordinated titles with footnote citations (《预防犯罪准则》² …, 'the Guidelines for the Prevention of Crime,2')"),
    (1, 9, "Treaty Series footnote (vol. 1577, No. 27531 -> CRC); 'the Declaration and Plan of Action contained in the "
           "document entitled “A world fit for children”' is no anaphor of an earlier declaration"),
    (1, 21, "a long list of addressees, 'sports-related organizations, federations and associations'"),
    (1, 30, "requests (UNODC) then 'and in this connection welcomes' (在这方面…欣见) as a second clause"),
    (1, 33, "'the rules and procedures of the United Nations' is no short form of the Nelson Mandela Rules"),
    (2, 13, "'intergovernmental and non-governmental organizations' names both groups, addressees of invites"),
    (2, 24, "'Reiterates its request to …' and 'reiterates its encouragement to …': requests and encourages"),
    (2, 28, "采取适当措施，鼓励…: the encouragement is what the Secretary-General is asked to do"),
    (4, 12, "bare 'States parties' after the Convention are its parties (StatesParties-UNTOC)"),
    (4, 26, "'relevant international and regional organizations' (国际和区域组织): two groups"),
    (5, 6, "UNTOC by label and by Treaty Series footnote; States parties tied to it"),
    (6, 8, "'Reaffirming its concern' (再次表示关切) is expresses-concern"),
    (6, 21, "'the United Nations Convention against Transnational Organized Crime and the Protocols thereto,6' with "
            "'vols. 2225, 2237, 2241 and 2326, No. 39574': the Convention and each Protocol"),
    (6, 32, "an aside 'in collaboration with, when appropriate, relevant … entities' holds partners, not addressees"),
    (6, 41, "'social and other media' as channels, not the group Media"),
    (6, 47, "'the rules and procedures of the United Nations' again; expresses-appreciation then invites"),
    (7, 1, "'Reiterating its strong condemnation' (再次强烈谴责) is condemns"),
    (7, 2, "'Reiterating its concern' (再次关切) is expresses-concern"),
    (7, 14, "'held at United Nations Headquarters' is a place, not the organization"),
    (7, 21, "世界各国 / 'countries around the world': no State group"),
    (7, 34, "'the Khartoum process and its Declaration': the process and its declaration"),
    (7, 36, "'governmental, intergovernmental and non-governmental organizations' (政府、政府间及非政府组织)"),
    (7, 37, "'governmental, intergovernmental and non-governmental organizations'; the IOM's fund is not the IOM"),
    (7, 39, "'the Special Rapporteur of the Council on …': the Human Rights Council's rapporteurs"),
    (7, 40, "'the Conference of the Parties to the Convention' (公约缔约方会议) and the Convention's States parties"),
    (7, 42, "invites the COP and 'relevant international, regional and subregional organizations': four addressees"),
    (7, 51, "'as well as requests the United Nations Office on Drugs and Crime' opens a clause"),
    (7, 65, "'looks forward to' (期待) is a clause of its own, of type other"),
    (8, 7, "'Expressing its grave concern' is expresses-concern"),
    (8, 23, "'a concise and action-oriented political declaration' (一份…政治宣言) is not an earlier declaration"),
    (8, 31, "States parties to three conventions listed: the parties to each, and each convention cited"),
    (8, 39, "'the agreed conclusions adopted by the Commission on the Status of Women': its agreed conclusions"),
    (8, 42, "'the Optional Protocols thereto' (其各项任择议定书): each optional protocol of the CRC"),
    (8, 78, "'and the Protocols thereto' then a bare 'States parties': the Convention's parties"),
    (8, 82, "'the Conference of the States Parties to the Convention' after UNCAC; 'the Convention' is UNCAC"),
    (8, 90, "'Recommends that Member States adopt …': Member States are the addressees"),
    (8, 94, "'all relevant and competent United Nations bodies and offices' is the United Nations system"),
    (8, 130, "States parties to the Firearms Protocol after a relative clause (进口、出口…的《议定书》缔约国)"),
]


@pytest.mark.parametrize("k, pos, why", MUST_AGREE, ids=[f"{k}.{pos}" for k, pos, _ in MUST_AGREE])
def test_must_agree(pairs, k, pos, why):
    zh, en = pairs[k]
    z, e = zh[pos], en[pos]
    for rel in RELATIONS:
        assert z.values(rel) == e.values(rel), f"{k}.{pos} {rel}: zh {sorted(z.values(rel))} en {sorted(e.values(rel))}"


# --- language-independent IRIs ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    """The zh report and the English A/RES/74/170 built into one store."""
    from graph.pipeline import build_files
    from graph.store import Store

    path = tmp_path_factory.mktemp("parity") / "store"
    st = Store(path)
    build_files([REPORT], st, symbol=REPORT_SYMBOL)
    build_files([PAIRS[0][3]], st)
    yield st
    st.close()


def _nodes(store, symbol: str, cls: str) -> dict[int, str]:
    rows = store.select(f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?n ?pos WHERE {{ ?d dcterms:identifier "{symbol}" ; unkg:hasParagraph ?n . ?n a unkg:{cls} ;
                                unkg:position ?pos }}""").rows
    return {int(pos): str(n) for n, pos in rows}


@pytest.mark.parametrize("symbol", [PAIRS[0][1], PAIRS[0][2]], ids=["zh draft I", "en A/RES/74/170"])
def test_paragraph_action_footnote_iris_come_from_symbol_and_position(mixed_store, symbol):
    from graph.build import footnote_iri, paragraph_iri

    paras = _nodes(mixed_store, symbol, "Paragraph")
    assert len(paras) == 33
    assert all(iri == paragraph_iri(symbol, pos) for pos, iri in paras.items())
    actions = mixed_store.select(f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?p ?a WHERE {{ ?p unkg:hasAction ?a FILTER(STRSTARTS(STR(?p), "{paragraph_iri(symbol, 0)[:-1]}")) }}""").rows
    assert actions and all(str(a).startswith(str(p) + "/a") and str(a)[len(str(p)) + 2 :].isdigit() for p, a in actions)
    notes = mixed_store.select(f"""
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?f ?n WHERE {{ ?p unkg:hasFootnote ?f . ?f unkg:footnoteNumber ?n
                              FILTER(STRSTARTS(STR(?p), "{paragraph_iri(symbol, 0)[:-1]}")) }}""").rows
    assert len({str(f) for f, _ in notes}) == 16
    assert all(str(f) == footnote_iri(symbol, int(n)) for f, n in notes)
    assert not any("/zh" in str(x) or "/en" in str(x) for x in list(paras.values()) + [f for f, _ in notes])


def test_concept_and_document_iris_are_shared(mixed_store):
    """What draft I and A/RES/74/170 both cite and mention is the same node: vocabulary concepts and UN symbols."""
    from graph.build import paragraph_iri

    def edges(symbol, pos, prop):
        return {str(o) for (o,) in mixed_store.select(f"""
            PREFIX unkg: <https://w3id.org/unkg/ontology#>
            SELECT ?o WHERE {{ <{paragraph_iri(symbol, pos)}> unkg:{prop} ?o }}""").rows}

    zh, en = PAIRS[0][1], PAIRS[0][2]
    crc = "https://w3id.org/unkg/id/instrument/CRC"
    assert crc in edges(zh, 9, "cites") and crc in edges(en, 9, "cites")
    assert "https://undocs.org/A/RES/70/1" in edges(zh, 4, "cites") & edges(en, 4, "cites")
    assert "https://w3id.org/unkg/id/body/UNODC" in edges(zh, 22, "mentions") & edges(en, 22, "mentions")
    for pos in (3, 9, 21, 30):
        assert edges(zh, pos, "cites") == edges(en, pos, "cites")
        assert edges(zh, pos, "mentions") == edges(en, pos, "mentions")


# --- the agreement table ----------------------------------------------------------------------------------------------


def table() -> str:
    """The agreement of every pair (python -m tests.test_parity)."""
    from graph import vocab as v
    from graph.ingest import read_source
    from graph.pipeline import analyse_document
    from graph.segment import segment

    voc = v.load()
    zdoc = segment(read_source(REPORT, symbol=REPORT_SYMBOL))
    zlinks = analyse_document(zdoc)
    lines = ["pair                         n  " + "  ".join(f"{r:>26}" for r in RELATIONS),
             " " * 31 + "  ".join(f"{'same   P     R     F1':>26}" for _ in RELATIONS)]
    for k, draft, res, path in PAIRS:
        edoc = segment(read_source(path, lang="auto"))
        zh = readings(zdoc, zlinks, next(t for t in zdoc.texts if t.ordinal == k), voc)
        en = readings(edoc, analyse_document(edoc), edoc.texts[0], voc)
        s = agreement(zh, en)
        cells = "  ".join(f"{s[r]['same']:.2f}  {s[r]['p']:.3f} {s[r]['r']:.3f} {s[r]['f1']:.3f}" for r in RELATIONS)
        lines.append(f"{k} {draft:>19}/{res[6:]:<6} {len(zh):>3}  {cells}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
