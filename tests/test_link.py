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


# --- English: the rules behind the zh/en parity of A/74/400's drafts and A/RES/74/170 … 177 (tests/test_parity.py) ---


def en_paragraphs(*paragraphs: str):
    """Links of a small English resolution made of `paragraphs` (preambular ones open with a participle)."""
    body = "".join(p + "\n\n" for p in paragraphs)
    doc = segment(Source("x.txt", "The General Assembly,\n\n" + body, "utf-8", "en", "A/RES/99/9"))
    return link.link_document(doc, vocab.load())


EN = [
    # (paragraphs, position, relation, present, absent)
    pytest.param(("Recalling the United Nations Standard Minimum Rules for the Treatment of Prisoners and the importance of "
                  "the Rules,", "1. Invites donors to act in accordance with the rules and procedures of the United Nations."),
                 2, "cites", set(), {"MANDELA-RULES"}, id="short forms are proper nouns: 'the rules and procedures' is none"),
    pytest.param(("Recalling the United Nations Standard Minimum Rules for the Treatment of Prisoners and the importance of "
                  "the Rules,",), 1, "cites", {"MANDELA-RULES"}, set(), id="'the Rules' refers back"),
    pytest.param(("Recalling the Universal Declaration of Human Rights,", "Recalling also the Declaration and Plan of Action "
                  "contained in the document entitled “A world fit for children”,"), 2, "cites", {"WFFC"}, {"UDHR"},
                 id="'the Declaration and Plan of Action contained in …' begins another name"),
    pytest.param(("Welcoming the declaration adopted at the meeting held at United Nations Headquarters,",), 1,
                 "mentions", set(), {"UN"}, id="'United Nations Headquarters' is a place"),
    pytest.param(("Recalling all relevant United Nations resolutions and the role of the United Nations,",), 1,
                 "mentions", {"UN"}, set(), id="the bare name qualifying a noun is no mention; 'of the United Nations' is"),
    pytest.param(("Inviting Governments and relevant intergovernmental and non-governmental organizations to act,",), 1,
                 "mentions", {"Governments", "IGOs", "NGOs"}, set(), id="coordinated modifiers share one head"),
    pytest.param(("Noting the cooperation with international, regional and subregional organizations and arrangements,",), 1,
                 "mentions", {"InternationalOrganizations", "RegionalOrganizations", "SubregionalOrganizations"}, set(),
                 id="three modifiers, one head"),
    pytest.param(("Noting that the United Nations Convention against Transnational Organized Crime is a tool that may be used "
                  "by States parties,",), 1, "mentions", {"StatesParties-UNTOC"}, {"StatesParties"},
                 id="bare 'States parties' after a treaty are its parties"),
    pytest.param(("1. Urges States parties to the United Nations Convention against Corruption to act, and calls upon States "
                  "parties to the Convention to report;",), 1, "mentions", {"StatesParties-UNCAC"},
                 {"StatesParties", "StatesParties-UNTOC"}, id="'States parties to the Convention': the Convention just named"),
    pytest.param(("1. Urges States parties to the United Nations Convention against Transnational Organized Crime, the United "
                  "Nations Convention against Corruption and the Single Convention on Narcotic Drugs of 1961 to act;",), 1,
                 "mentions", {"StatesParties-UNTOC", "StatesParties-UNCAC"}, {"StatesParties"},
                 id="'States parties to A, B and C': the parties to each"),
    pytest.param(("Recalling the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, "
                  "Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations "
                  "Convention against Transnational Organized Crime, and urging States parties to those instruments to act,",), 1,
                 "mentions", {"StatesParties-UNTOC", "StatesParties-UNTOC-TIP"}, set(),
                 id="'States parties to those instruments': the parties to each"),
    pytest.param(("Recognizing the role of social and other media and of the media,",), 1, "mentions", {"Media"}, set(),
                 id="'the media' is a group"),
    pytest.param(("Recognizing the role of the Internet and social and other media in recruitment,",), 1, "mentions", set(),
                 {"Media"}, id="'social and other media' are channels"),
    pytest.param(("Noting the contributions of 5 million United States dollars, and the meeting held in Panama City,",), 1,
                 "mentions", set(), {"USA", "PAN"}, id="a currency and a city named after a State"),
    pytest.param(("Taking note of the Khartoum process and its Declaration,",), 1, "cites", {"KHARTOUM-DECL"}, set(),
                 id="'its Declaration' after the Khartoum process"),
    pytest.param(("Taking note of the Khartoum process and its Declaration,",), 1, "mentions", {"KHARTOUM-PROCESS"}, set(),
                 id="the process itself"),
    pytest.param(("Recalling the agreed conclusions adopted by the Commission on the Status of Women at its fifty-eighth "
                  "session,",), 1, "cites", {"CSW58-AGREED-CONCLUSIONS"}, set(), id="short form owned by the body after it"),
    pytest.param(("Stressing the need for law enforcement cooperation,",), 1, "mentions", set(), {"LawEnforcement"},
                 id="'law enforcement' before a noun qualifies it"),
    pytest.param(("Stressing the need for training, including for law enforcement, front-line service providers,",), 1,
                 "mentions", {"LawEnforcement"}, set(), id="'law enforcement' ending a noun phrase is the group"),
    pytest.param(("Noting the work plan adopted by States members of the Organization of American States,",), 1, "mentions",
                 {"OASMemberStates"}, set(), id="'States members of the OAS'"),
    pytest.param(("Taking note of the report of the Special Rapporteur of the Council on contemporary forms of slavery, "
                  "including its causes and consequences,",), 1, "mentions", {"SR-SLAVERY"}, set(),
                 id="'the Special Rapporteur of the Council on …'"),
    pytest.param(("1. Invites regional organizations to co-chair, along with a United Nations agency, the group;",), 1,
                 "mentions", {"UN-SYSTEM"}, set(), id="'a United Nations agency'"),
    pytest.param(("1. Requests the Secretary General to report;",), 1, "mentions", {"SG"}, set(),
                 id="'Secretary General' without the hyphen"),
    pytest.param(("1. Decides to include in the provisional agenda the item entitled “African Nuclear-Weapon-Free Zone "
                  "Treaty”;",), 1, "cites", set(), {"PELINDABA"}, id="the title of an agenda item cites nothing"),
    pytest.param(("Recalling the statement made by the President of the Security Council on behalf of the members of the "
                  "Council, in which the Council affirmed its support,",), 1, "mentions", {"UNSC"}, set(),
                 id="'the Council' is the council of the President named before"),
]


@pytest.mark.parametrize("paragraphs, position, relation, present, absent", EN)
def test_english(paragraphs, position, relation, present, absent):
    out = en_paragraphs(*paragraphs)
    got = codes(getattr(next(p for p in out.paragraphs if p.position == position), relation))
    assert present <= got, f"missing {present - got}"
    assert not (absent & got), f"should not have {absent & got}"


def test_english_quoted_publication_title():
    out = en_paragraphs("Taking note of the assessment toolkit “Trafficking in persons for the purpose of organ removal” "
                        "developed by the Office,")
    assert "title:Trafficking in persons for the purpose of organ removal" in codes(out.paragraphs[0].cites)


def test_english_lowercase_plural_is_generic():
    # "the conventions and protocols on terrorism" is CT-INSTRUMENTS, not the conventions named before; no warning.
    out = en_paragraphs("Recalling the United Nations Convention against Corruption and the conventions and protocols on "
                        "terrorism,")
    assert codes(out.paragraphs[0].cites) == {"UNCAC", "CT-INSTRUMENTS"} and not out.warnings


ZH = [
    # (draft, position, relation, present, absent): zh rules behind the parity with the English texts
    pytest.param(7, 35, "mentions", {"OASMemberStates"}, {"BRA"}, id="VII.35 巴西利亚 is Brasília, not Brazil"),
    pytest.param(7, 21, "mentions", {"ICAT"}, {"States"}, id="VII.21 世界各国 is 'around the world'"),
    pytest.param(5, 17, "mentions", set(), {"Stakeholders"}, id="V.17 多方利益攸关方伙伴关系: 'multi-stakeholder'"),
    pytest.param(2, 7, "mentions", set(), {"States"}, id="II.7 各国元首 'Heads of State'"),
    pytest.param(8, 83, "cites", {"UNCAC"}, {"UNTOC"}, id="VIII.83 《公约》 after 联合国反腐败公约缔约国 is UNCAC"),
    pytest.param(8, 84, "mentions", {"UNTOC-COP", "UNCAC-COSP"}, {"IAEA"}, id="VIII.84 这些机构: the conferences"),
    pytest.param(8, 23, "cites", {"A/RES/73/191"}, {"DOHA-DECL"}, id="VIII.23 一份…政治宣言 is still to be adopted"),
    pytest.param(8, 31, "mentions", {"StatesParties-UNTOC", "StatesParties-UNCAC"}, set(),
                 id="VIII.31 《A》、《B》和《C》的缔约国: the parties to each"),
    pytest.param(8, 31, "cites", {"UNTOC", "UNCAC", "CND-1988"}, set(), id="VIII.31 and each convention is cited"),
    pytest.param(7, 36, "mentions", {"Governments", "IGOs", "NGOs"}, set(), id="VII.36 政府、政府间及非政府组织"),
    pytest.param(6, 22, "mentions", {"LawEnforcement"}, set(), id="VI.22 执法和其他相关实体: the group"),
    pytest.param(8, 125, "mentions", set(), {"LawEnforcement"}, id="VIII.125 执法对策: qualifies a noun"),
    pytest.param(4, 26, "mentions", {"PrivateSector", "CivilSociety"}, {"InternationalCommunity"},
                 id="IV.26 国际和区域组织、私营部门、民间社会 is no coordination of one head"),
]


@pytest.mark.parametrize("text, position, relation, present, absent", ZH)
def test_chinese_parity_rules(links, text, position, relation, present, absent):
    got = codes(getattr(para(links, text, position), relation))
    assert present <= got, f"missing {present - got}"
    assert not (absent & got), f"should not have {absent & got}"


@pytest.mark.parametrize("paragraph, absent", [
    ("Reaffirming the mandate of the Peacebuilding Commission and the important role of the Commission,", {"CCPCJ", "CND"}),
    ("Noting the support expressed in the Conference on Disarmament,", {"UNTOC-COP", "UNCAC-COSP"}),
    ("Noting that the Chair of the Ad Hoc Committee on the Indian Ocean would continue his consultations,",
     {"AHC-CYBERCRIME"}),
    ("Recognizing the cooperation between the United Nations and the International Atomic Energy Agency and the Agreement "
     "governing the relationship between them,", {"ICC-APIC"}),
    ("Endorsing the political declaration adopted by the Third United Nations Conference on Landlocked Developing "
     "Countries,", {"PD-GPA-TIP", "PD-POA-2009", "UNGASS-2021-PD"}),
], ids=["a name outside the vocabulary with the same head", "a short form beginning a longer name",
        "a generic lowercase label is not a proper name", "a described agreement", "a described declaration"])
def test_english_names_outside_the_vocabulary_are_neither_guessed_nor_warned(paragraph, absent):
    out = en_paragraphs(paragraph)
    p = out.paragraphs[0]
    assert not (absent & codes(p.cites + p.mentions)) and not out.warnings, out.warnings


def test_english_non_breaking_hyphen():
    # ga-res-80 prints "Non‑Proliferation" and "non‑governmental" with U+2011.
    out = en_paragraphs("Mindful of the obligations of States Parties to the Treaty on the Non\u2011Proliferation of Nuclear "
                        "Weapons and of intergovernmental and non\u2011governmental organizations,")
    p = out.paragraphs[0]
    assert "NPT" in codes(p.cites) and {"IGOs", "NGOs"} <= codes(p.mentions)
