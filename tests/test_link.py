"""Citations and mentions of the real report A/74/400, paragraph by paragraph (docs/SEMANTICS.md).

Expected values were read off the Chinese text (data/zh/A_74_400.txt) and its footnotes, not copied from output;
each row says which words of the paragraph decide it. (draft, position): draft ordinal (0 = the report's own
paragraphs), position 1-based with preambular and operative paragraphs counted together.
"""

from __future__ import annotations

import hashlib

import pytest

from graph import link, vocab
from graph.ingest import read_source
from graph.models import Source
from graph.segment import segment


@pytest.fixture(scope="module")
def links(report_doc):
    return link.link_document(report_doc, vocab.load())


def codes(hits):
    return {h.entity.code if h.entity.linked else "title:" + h.entity.label for h in hits}


def para(links, text, position):
    return next(p for p in links.paragraphs if (p.text, p.position) == (text, position))


CITES = [
    # (draft, position, present, absent)
    pytest.param(1, 1, {"UN-CHARTER", "UDHR", "A/RES/217(III)"}, set(), id="I.1 《联合国宪章》, 《世界人权宣言》 + fn1 第217 A(III)号决议"),
    pytest.param(1, 3, {"RIYADH-GUIDELINES", "BEIJING-RULES", "MANDELA-RULES", "E/RES/2002/13", "A/RES/70/175"}, set(),
                 id="I.3 standards and norms, each with its annex footnote"),
    pytest.param(1, 5, {"CAC-COSP/RES/7/8", "CAC/COSP/2017/14", "AGENDA-2030"}, {"UNCAC"},
                 id="I.5 UNCAC only inside 联合国反腐败公约缔约国会议: not cited; 第7/8号决议 issued by that conference"),
    pytest.param(1, 9, {"CRC", "WFFC", "A/RES/S-27/2"}, set(), id="I.9 quoted document title 适合儿童生长的世界 = WFFC"),
    pytest.param(1, 15, {"MANDELA-RULES", "BEIJING-RULES", "HAVANA-RULES", "A/RES/45/113"}, set(),
                 id="I.15 《北京规则》 named without a footnote still cited"),
    pytest.param(1, 16, {"A/73/325", "SPORT-DEV-PEACE-AP", "A/61/373"}, set(),
                 id="I.16 SG report titled “…” cited by its symbol in fn14, not as a title"),
    pytest.param(1, 25, set(), {"DOHA-DECL"}, id="I.25 《多哈宣言》 inside the programme name GP-DOHA: not cited"),
    pytest.param(1, 32, {"A/RES/73/24"}, set(), id="I.32 bare 第 73/24 号决议 in a GA text is the GA's"),
    pytest.param(2, 1, {"E/RES/155(VII)", "A/RES/415(V)"}, set(), id="II.1 ECOSOC and GA numbers with roman sessions"),
    pytest.param(4, 1, {"SALVADOR-DECL", "A/RES/65/230"}, set(), id="IV.1 该《宣言》 = the Salvador Declaration"),
    pytest.param(4, 4, {"CCPCJ/RES/26/4", "E/2017/30"}, set(),
                 id="IV.4 Commission's 26/4; fn1 Official Records 《…补编第 10 号》(E/2017/30) = the symbol"),
    pytest.param(4, 12, {"UNTOC"}, set(), id="IV.12 fn2 Treaty Series vol. 2225, No. 39574 = UNTOC"),
    pytest.param(5, 36, {"UNTOC", "UNTOC-TIP"}, set(), id="V.36 fn9 misprint vol. 2237, No. 39674: the TIP Protocol"),
    pytest.param(6, 10, {"UN-GCTS", "A/RES/72/284", "A/RES/60/288"}, set(), id="VI.10 该《战略》 and fn4 第 60/288 号决议"),
    pytest.param(6, 21, {"UNTOC", "UNTOC-TIP", "UNTOC-SOM", "UNTOC-FIR"}, set(),
                 id="VI.21 及其各项议定书 + fn6 vols. 2225/2237/2241/2326: the Convention and each Protocol"),
    pytest.param(7, 5, {"UNTOC", "UNTOC-TIP", "CRC-OPSC", "SLAVERY-SUPP-1956"}, {"CRC"},
                 id="VII.5 同上 chain of Treaty Series notes; CRC only inside the Optional Protocol's title"),
    pytest.param(7, 6, {"ILO-P029"}, set(), id="VII.6 《1930 年强迫劳动公约》(第 29 号)的《2014 年议定书》 is one title"),
    pytest.param(7, 12, {"A/HRC/RES/32/3", "A/71/53"}, set(), id="VII.12 人权理事会 … 第 32/3 号决议"),
    pytest.param(7, 15, {"DOHA-DECL", "A/RES/70/174"}, set(),
                 id="VII.15 misprinted title (联合国程) linked as the annex of 70/174 (fn13), as in drafts II, III, VIII"),
    pytest.param(7, 36, {"GPA-TIP"}, {"OAS-WORKPLAN-TIP-2015"},
                 id="VII.36 《全球行动计划》 is GPA-TIP although the OAS work plan was cited just before"),
    pytest.param(7, 40, {"UNTOC", "UNTOC-TIP", "CTOC-COP/RES/9/1", "CTOC/COP/2018/13"}, set(),
                 id="VII.40 该公约; 第9/1号决议 of the Conference of the Parties"),
    pytest.param(8, 21, {"UNCAC"}, set(), id="VIII.21 《公约》 after 《联合国反腐败公约》"),
    pytest.param(8, 22, {"UNTOC", "UNCAC"}, set(), id="VIII.22 这些公约 = each convention named before"),
    pytest.param(8, 48, {"MANDELA-RULES", "A/RES/70/175", "A/RES/72/193"}, set(), id="VIII.48 《规则》 after 《纳尔逊·曼德拉规则》"),
    pytest.param(8, 115, {"S/RES/1373(2001)", "A/RES/71/291"}, set(), id="VIII.115 Security Council 1373 (2001)"),
]


@pytest.mark.parametrize("text, position, present, absent", CITES)
def test_cites(links, text, position, present, absent):
    got = codes(para(links, text, position).cites)
    assert present <= got, f"missing {present - got}"
    assert not (absent & got), f"should not cite {absent & got}"


MENTIONS = [
    pytest.param(0, 2, {"THIRD-COMMITTEE"}, {"CCPCJ"}, id="report.2 委员会 in the committee's report = Third Committee"),
    pytest.param(0, 4, {"UNODC-DTA-DIRECTOR"}, {"UNODC"}, id="report.4 the Director's title contains UNODC"),
    pytest.param(1, 5, {"UNCAC-COSP"}, set(), id="I.5 联合国反腐败公约缔约国会议, then 缔约国会议"),
    pytest.param(1, 9, {"StatesParties", "MemberStates"}, set(), id="I.9 缔约国 of the CRC: no CRC parties group"),
    pytest.param(1, 2, set(), {"UN"}, id="I.2 更广泛的联合国议程: 联合国 attributive, not the organization"),
    pytest.param(1, 22, {"UNODC", "RequestingStates", "IOC", "FIFA"}, {"MemberStates"},
                 id="I.22 提出请求的会员国 = RequestingStates only"),
    pytest.param(1, 25, {"UNODC", "GP-DOHA", "GP-SPORT"}, set(), id="I.25 programmes in quotes"),
    pytest.param(1, 30, {"UN-SYSTEM", "DESA", "UNESCO", "UNICEF", "PNI", "CCPCJ", "CRIME-CONGRESS", "THA"},
                 {"SECRETARIAT", "UN", "Governments"}, id="I.30 秘书处 inside DESA's title; 泰国政府 = Thailand"),
    pytest.param(1, 32, {"UNODC-ED", "SG", "UNGA"}, {"UNODC"}, id="I.32 执行主任 of UNODC; 大会第七十五届会议"),
    pytest.param(1, 33, {"MemberStates", "Donors", "UN"}, set(), id="I.33 联合国的规则和程序: the UN"),
    pytest.param(2, 11, {"JPN", "CRIME-CONGRESS"}, {"UNGA"}, id="II.11 第十四届大会 is the congress"),
    pytest.param(2, 33, {"CCPCJ", "ECOSOC", "UNGA", "CRIME-CONGRESS"}, {"THIRD-COMMITTEE"},
                 id="II.33 委员会 in a resolution = the Commission; 大会第七十五届会议 = GA"),
    pytest.param(5, 12, {"ECOSOC", "CCPCJ"}, set(), id="V.12 bodies issuing the recalled resolutions"),
    pytest.param(7, 4, {"UNGA"}, {"PrivateSector"}, id="VII.4 公共和私营部门 = public and private spheres"),
    pytest.param(7, 14, {"UNGA"}, {"UN"}, id="VII.14 纽约联合国总部 is a place"),
    pytest.param(7, 24, {"Governments", "IGOs", "NGOs"}, set(), id="VII.24 政府间及非政府组织: both groups"),
    pytest.param(7, 37, {"UNODC", "OHCHR", "UNVTF-TIP", "UNVTF-SLAVERY", "IOM-GAF"}, {"IOM"},
                 id="VII.37 IOM only inside 国际移民组织全球援助基金"),
    pytest.param(7, 39, {"SR-TIP", "SR-SLAVERY", "SR-SALE-CHILDREN"}, {"HRC"}, id="VII.39 HRC inside the rapporteurs' titles"),
    pytest.param(7, 40, {"UNTOC-COP", "StatesParties-UNTOC"}, {"StatesParties"},
                 id="VII.40 公约缔约方会议 … 缔约国 tied to the Convention"),
    pytest.param(7, 41, {"MemberStates", "StatesParties-UNTOC"}, set(), id="VII.41 这些文书的缔约国"),
    pytest.param(7, 42, {"UNTOC-COP", "InternationalOrganizations", "RegionalOrganizations"}, set(),
                 id="VII.42 相关国际、区域和次区域组织"),
    pytest.param(7, 45, {"SG", "UNGA-PRESIDENT", "MemberStates"}, {"UNGA"}, id="VII.45 大会主席"),
    pytest.param(7, 50, {"ICAT", "OSCE", "COE", "SR-TIP"}, {"RegionalOrganizations", "EU"},
                 id="VII.50 作为第一个区域组织 describes the OSCE; 欧洲委员会 = Council of Europe"),
    pytest.param(7, 51, {"ICAT", "UN-SYSTEM", "OSCE", "EU-ATC"}, {"EU"}, id="VII.51 协调小组; 欧洲联盟反贩运协调人"),
    pytest.param(7, 54, {"ICAT", "UNODC", "UN-SYSTEM", "Donors", "UN"}, set(), id="VII.54 该办公室 = UNODC"),
    pytest.param(2, 24, {"DevelopingCountries", "States", "PNI", "SG"}, {"CHN"}, id="II.24 中国 inside 发展中国家"),
    pytest.param(0, 26, {"GNQ", "GIN", "BIH"}, set(), id="report.26 赤道几内亚 and 几内亚; 波斯尼亚和黑塞哥维那"),
]


@pytest.mark.parametrize("text, position, present, absent", MENTIONS)
def test_mentions(links, text, position, present, absent):
    got = codes(para(links, text, position).mentions)
    assert present <= got, f"missing {present - got}"
    assert not (absent & got), f"should not mention {absent & got}"


def test_footnote_mentions_are_not_paragraph_mentions(links):
    # VII.17: the ICAT members are listed in fn15 only; the paragraph itself names ICAT alone.
    assert codes(para(links, 7, 17).mentions) == {"ICAT"}


FOOTNOTES = [
    pytest.param(3, 4, {"CEDAW"}, id="III fn4 同上，第 1249 卷，第 20378 号"),
    pytest.param(5, 9, {"UNTOC-TIP"}, id="V fn9 vol. 2237 with misprinted No. 39674"),
    pytest.param(6, 6, {"UNTOC", "UNTOC-TIP", "UNTOC-SOM", "UNTOC-FIR"}, id="VI fn6 four volumes, one number"),
    pytest.param(8, 16, {"CRC-OPSC", "CRC-OPAC", "A/RES/66/138"}, id="VIII fn16 同上 two volumes; resolution annex"),
    pytest.param(5, 7, {"E/2018/30"}, id="V fn7 同上，《2018 年，补编第 10 号》(E/2018/30)"),
    pytest.param(1, 2, {"E/RES/2002/13"}, id="I fn2 经济及社会理事会第2002/13号决议，附件"),
]


@pytest.mark.parametrize("text, number, expected", FOOTNOTES)
def test_footnotes(links, text, number, expected):
    fl = next(f for f in links.footnotes if (f.text, f.number) == (text, number))
    assert codes(fl.cites) == expected


def test_official_records_are_not_publications(links):
    for fl in links.footnotes:
        assert not any("正式记录" in (h.entity.label or "") or "补编" in (h.entity.label or "") for h in fl.cites)


def test_misprinted_treaty_number_falls_back_to_the_volume(report_doc):
    # V fn9 prints "第 2237 卷，第 39674 号" (No. 39574 is right). Without the misprint recorded in the vocabulary
    # (unkg:untsAltNumber), the volume and the paragraph at the marker (V.36 names the TIP Protocol) decide, with a warning.
    import dataclasses

    voc = vocab.load()
    concepts = tuple(
        dataclasses.replace(c, unts=tuple(u for u in c.unts if u[1] != 39674)) if c.code == "UNTOC-TIP" else c
        for c in voc.concepts
    )
    out = link.link_document(report_doc, vocab.Vocabulary(concepts, voc.modifiers))
    fl = next(f for f in out.footnotes if (f.text, f.number) == (5, 9))
    assert codes(fl.cites) == {"UNTOC-TIP"}
    assert any("footnote 9" in w and "39674" in w and "UNTOC-TIP" in w for w in out.warnings)


def test_entities_and_iris(links):
    cites = {h.entity.code: h.entity for p in links.paragraphs for h in p.cites if h.entity.code}
    assert cites["A/RES/70/1"].iri == "https://undocs.org/A/RES/70/1"
    assert cites["A/RES/70/1"].issuer == vocab.concept_iri("body", "UNGA")
    assert cites["CCPCJ/RES/27/2"].iri == "https://w3id.org/unkg/id/res/CCPCJ/RES/27/2"
    assert cites["CCPCJ/RES/27/2"].issuer == vocab.concept_iri("body", "CCPCJ")
    assert cites["E/2018/30"].kind == "document" and cites["UNTOC"].kind == "instrument"
    assert cites["UNTOC"].iri == vocab.concept_iri("instrument", "UNTOC")


def test_unlinked_title_entity():
    e = link.title_entity("某手册", "publication", "zh")
    assert e.iri == "https://w3id.org/unkg/id/publication/x-" + hashlib.sha1("某手册".encode()).hexdigest()[:12]
    assert not e.linked and e.label == "某手册"


def test_base_iri(report_doc):
    out = link.link_document(report_doc, vocab.load(), base_iri="https://example.org/kg/")
    iris = {h.entity.iri for p in out.paragraphs for h in p.cites}
    assert "https://example.org/kg/res/CCPCJ/RES/27/2" in iris


SPONSORS = [
    pytest.param("sponsors", 7, {"ZMB", "ZWE", "CHN", "VEN"}, id="VII 赞比亚和津巴布韦 split on 和"),
    pytest.param("sponsors", 8, {"BIH", "UKR", "ZWE", "GNQ"}, id="VIII 波斯尼亚和黑塞哥维那 kept whole"),
    pytest.param("co_sponsors", 8, {"URY", "ZMB", "GIN", "ATG", "GBR"}, id="VIII co-sponsors 几内亚, 安提瓜和巴布达"),
]


@pytest.mark.parametrize("attr, ordinal, expected", SPONSORS)
def test_sponsors(links, attr, ordinal, expected):
    got = {iri.rsplit("/", 1)[1] for o, iri in getattr(links, attr) if o == ordinal}
    assert expected <= got
    assert "GIN" not in got or attr == "co_sponsors"


def test_sponsor_lists_resolve_completely(links):
    assert not [w for w in links.warnings if "sponsors" in w]
    assert len([1 for o, _ in links.sponsors if o == 8]) == 17


def test_speakers(links, report_doc):
    by_index = {}
    for k, iri in links.speakers:
        by_index.setdefault(k, set()).add(iri.rsplit("/", 1)[1])
    who = {s.speaker: by_index.get(k, set()) for k, s in enumerate(report_doc.statements)}
    assert who["越南和俄罗斯联邦代表以及罗马教廷观察员"] == {"VNM", "RUS", "VAT"}
    assert who["联合国毒品和犯罪问题办公室条约事务司司长"] == {"UNODC-DTA-DIRECTOR"}


def test_undecidable_issuer_is_warned_not_guessed(tmp_path):
    # A body the symbol grammar does not know ("某某委员会") issues 12/3: no symbol, one warning naming the paragraph.
    path = tmp_path / "A_RES_99_1.txt"
    path.write_text("测试决议\n大会，\n回顾某某委员会第 12/3 号决议，\n1. 请秘书长提交报告。\n", encoding="utf-8")
    doc = segment(read_source(path, lang="zh"))
    out = link.link_document(doc, vocab.load())
    assert not any(h.entity.code and "12/3" in h.entity.code for p in out.paragraphs for h in p.cites)
    assert any("paragraph 1" in w and "12/3" in w for w in out.warnings)


def test_english_labels(tmp_path):
    src = Source("x.txt", "", "utf-8", "en", "A/RES/99/2")
    doc = segment(Source(src.path, "The General Assembly,\nRecalling the United Nations Convention against Corruption,\n"
                         "1. Requests the Secretary-General to report.\n", "utf-8", "en", "A/RES/99/2"))
    out = link.link_document(doc, vocab.load())
    got = {h.entity.code for p in out.paragraphs for h in p.cites + p.mentions}
    assert {"UNCAC", "SG"} <= got
