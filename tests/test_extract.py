"""Finding labels, titles, quotes and Treaty Series references in the real report A/74/400 (graph.nlp, graph.extract).

Each row names a span of the paragraph as printed and what the finder must (or must not) see there.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from graph import extract, nlp, vocab


@pytest.fixture(scope="module")
def voc():
    return vocab.load()


def paragraph(doc, text, position):
    paras = doc.report_paragraphs if text == 0 else next(t for t in doc.texts if t.ordinal == text).paragraphs
    return next(p for p in paras if p.position == position)


def footnote(doc, text, number):
    return next(t for t in doc.texts if t.ordinal == text).footnote(number)


def found_codes(found, voc):
    out = {}
    for f in found:
        plain = f.label in nlp.MATCHED_SCHEMES
        out[f.surface] = voc.get(f.ids[0]).code if plain else f.label
    return out


LABELS = [
    # (draft, position, surface that must be found, its code or span label, surfaces that must not be found)
    pytest.param(2, 24, "发展中国家", "DevelopingCountries", {"中国"}, id="中国 inside 发展中国家"),
    pytest.param(0, 26, "赤道几内亚", "GNQ", set(), id="赤道几内亚 whole, not 几内亚"),
    pytest.param(0, 26, "波斯尼亚和黑塞哥维那", "BIH", set(), id="a State name containing 和"),
    pytest.param(1, 5, "联合国反腐败公约缔约国会议", "UNCAC-COSP", {"联合国反腐败公约"}, id="UNCAC inside the conference's name"),
    pytest.param(1, 25, "执行《多哈宣言》全球方案：力求促进守法文化", "GP-DOHA", {"多哈宣言"}, id="Doha Declaration inside a programme"),
    pytest.param(0, 4, "联合国毒品和犯罪问题办公室条约事务司司长", "UNODC-DTA-DIRECTOR", {"联合国毒品和犯罪问题办公室"},
                 id="an official's title"),
    pytest.param(7, 36, "《全球行动计划》", nlp.SHORT, set(), id="a short form is found as such"),
    pytest.param(8, 22, "这些公约", nlp.PLURAL, set(), id="a plural anaphor"),
    pytest.param(7, 24, "政府间及非政府组织", extract.COORDINATED, {"非政府组织"}, id="coordinated modifiers, one head"),
    pytest.param(1, 4, "2030年可持续发展议程", "AGENDA-2030", set(), id="label without the space of 2030 年"),
    pytest.param(3, 3, "2030 年可持续发展议程", "AGENDA-2030", set(), id="label with the PDF's space"),
]


@pytest.mark.parametrize("text, position, surface, expected, absent", LABELS)
def test_find_labels(report_doc, voc, text, position, surface, expected, absent):
    got = found_codes(extract.find_labels(paragraph(report_doc, text, position).text, "zh", voc), voc)
    assert got.get(surface) == expected
    assert not (absent & set(got)), f"found inside a longer name: {absent & set(got)}"


def test_labels_do_not_overlap(report_doc, voc):
    for t in report_doc.texts:
        for p in t.paragraphs:
            spans = sorted((f.start, f.end) for f in extract.find_labels(p.text, "zh", voc))
            assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


QUOTES = [
    pytest.param(7, 12, "resolution", id="题为“…”的 2016 年 6 月 30 日第 32/3 号决议"),
    pytest.param(7, 40, "resolution", id="题为“建立《…公约》…机制”的2018年10月19日第9/1号决议"),
    pytest.param(1, 9, "other", id="题为“适合儿童生长的世界”的文件"),
    pytest.param(4, 9, "item", id="题为“…”的项目"),
]


@pytest.mark.parametrize("text, position, role", QUOTES)
def test_quote_roles(report_doc, text, position, role):
    quotes = extract.find_quotes(paragraph(report_doc, text, position).text, "zh")
    assert quotes and quotes[0].role == role


UNTS = [
    pytest.param(4, 2, [((2225,), 39574, True)], id="联合国，《条约汇编》，第 2225 卷，第 39574 号"),
    pytest.param(6, 6, [((2225, 2237, 2241, 2326), 39574, True)], id="several volumes, one number"),
    pytest.param(3, 4, [((1249,), 20378, False)], id="同上: the series is not named"),
    pytest.param(8, 16, [((2171, 2173), 27531, False)], id="同上, two volumes, then a resolution"),
    pytest.param(5, 9, [((2237,), 39674, True)], id="the misprinted number as printed"),
]


@pytest.mark.parametrize("text, number, expected", UNTS)
def test_find_unts(report_doc, text, number, expected):
    fn = footnote(report_doc, text, number)
    assert [(u.volumes, u.number, u.series) for u in extract.find_unts(fn.text, "zh")] == expected


def test_english_unts():
    refs = extract.find_unts("United Nations, Treaty Series, vols. 2225, 2237 and 2241, No. 39574.", "en")
    assert [(u.volumes, u.number) for u in refs] == [((2225, 2237, 2241), 39574)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("同上，第 2237 卷，第 39574 号。", True, id="同上"),
        pytest.param("Ibid., vol. 2237, No. 39574.", True, id="Ibid."),
        pytest.param("第 70/1 号决议。", False, id="not ibid"),
    ],
)
def test_ibid(text, expected):
    assert extract.is_ibid(text) is expected


def test_titles_and_official_records(report_doc):
    fn = footnote(report_doc, 4, 1)  # 见《经济及社会理事会正式记录，2017 年，补编第 10 号》(E/2017/30)，第一章，D 节。
    titles = extract.find_titles(fn.text, "zh")
    assert len(titles) == 1 and extract.is_official_records(titles[0].label)
    assert extract.is_treaty_series("条约汇编")
    assert [t.label for t in extract.find_titles("《甲《乙》丙》和《丁》", "zh")] == ["甲《乙》丙", "丁"]


def test_pipeline_is_cached_and_blank(voc):
    a, b = nlp.pipeline("zh", voc), nlp.pipeline("zh", voc)
    assert a is b and a.pipe_names == ["span_ruler"] and a.lang == "zh"
    doc = a("重申奉行《联合国宪章》")
    assert [s.id_ for s in doc.spans[nlp.SPANS_KEY]] == [vocab.concept_iri("instrument", "UN-CHARTER")]


def test_english_pipeline(voc):
    doc = nlp.pipeline("en", voc)("Recalling the United Nations Convention against Corruption and the Convention")
    labels = {(s.text, s.label_) for s in doc.spans[nlp.SPANS_KEY]}
    assert ("United Nations Convention against Corruption", "instrument") in labels


def test_importing_graph_loads_no_spacy():
    code = "import sys, graph.link, graph.extract, graph.nlp; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


EN_FOUND = [
    # (text, surface that must be found, its code or span label, the concepts a coordinated span names)
    pytest.param("Invites Governments and relevant intergovernmental and non-governmental organizations to inform",
                 "intergovernmental and non-governmental organizations", extract.COORDINATED, {"IGOs", "NGOs"},
                 id="two modifiers, one head"),
    pytest.param("with international, regional and subregional organizations and arrangements",
                 "international, regional and subregional organizations", extract.COORDINATED,
                 {"InternationalOrganizations", "RegionalOrganizations", "SubregionalOrganizations"}, id="three modifiers"),
    pytest.param("meetings of non-governmental and professional organizations participating",
                 "non-governmental and professional organizations", extract.COORDINATED,
                 {"NGOs", "ProfessionalOrganizations"}, id="the name a coordination hides (non-governmental organizations)"),
    pytest.param("designated central and competent authorities and effective points of contact",
                 "central and competent authorities", extract.COORDINATED, {"CentralAuthorities", "CompetentAuthorities"},
                 id="authorities"),
    pytest.param("and to promote lifelong learning skills for all, and invites Member States to promote",
                 "Member States", "MemberStates", set(), id="'for all, and invites Member States' is no coordination"),
    pytest.param("the Optional Protocols thereto", "the Optional Protocols thereto", nlp.PLURAL, set(),
                 id="a plural short form written with its article"),
    pytest.param("the Protocols to the Treaty that concern them", "the Protocols to the Treaty", nlp.PLURAL, set(),
                 id="'Protocols' is the plural of a short form's head"),
    pytest.param("the importance of the Rules", "the Rules", nlp.SHORT, set(), id="'the Rules' stays singular"),
]


@pytest.mark.parametrize("text, surface, expected, names", EN_FOUND)
def test_find_labels_english(voc, text, surface, expected, names):
    found = {f.surface: f for f in extract.find_labels(text, "en", voc)}
    assert surface in found, sorted(found)
    f = found[surface]
    assert (f.label if f.label not in nlp.MATCHED_SCHEMES else voc.get(f.ids[0]).code) == expected
    if names:
        assert {voc.get(i).code for i in f.ids} == names


@pytest.mark.parametrize("text, role", [
    ("Decides to include in the provisional agenda the item entitled “African Nuclear-Weapon-Free Zone Treaty”", "item"),
    ("Recalling its resolution 73/148 of 17 December 2018, entitled “Intensification of efforts”", "resolution"),
    ("the issue brief “Human trafficking and technology”", "other"),
], ids=["agenda item", "resolution title", "other"])
def test_english_quote_roles(text, role):
    assert [q.role for q in extract.find_quotes(text, "en")] == [role]


def test_english_plural_heads(voc):
    heads = nlp.singular_heads(voc, "en")
    assert {"protocol", "convention"} <= heads
    assert nlp.is_plural("the Protocols to the Treaty", "en", heads)
    assert nlp.is_plural("these conventions", "en", heads) and not nlp.is_plural("the Rules", "en", heads)
    assert nlp.head_initial("the Convention", "en") == "C" and nlp.head_initial("its rules", "en") == "r"
