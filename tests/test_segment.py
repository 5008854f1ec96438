"""Structure of the real report A/74/400: drafts, paragraphs, footnotes and the report's facts.

Paragraph counts were made by reading the document (draft by draft, preambular paragraphs from "大会，" to the
first numbered paragraph, footnote blocks skipped, paragraphs cut by a page break counted once); drafts I and VII
were counted a second time, independently, for the gold annotations in tests/gold/.
"""

from __future__ import annotations

import pytest

from graph.ingest import strip_markers
from tests.conftest import REPORT

# (ordinal, L-symbol, preambular, operative, distinct footnotes)
DRAFTS = [
    (1, "A/C.3/74/L.2", 19, 14, 16),
    (2, "A/C.3/74/L.3", 11, 23, 6),
    (3, "A/C.3/74/L.4", 7, 13, 8),
    (4, "A/C.3/74/L.5", 15, 14, 3),
    (5, "A/C.3/74/L.6", 19, 21, 9),
    (6, "A/C.3/74/L.7", 19, 30, 10),
    (7, "A/C.3/74/L.10/Rev.1", 40, 26, 23),
    (8, "A/C.3/74/L.18/Rev.1", 72, 65, 36),
]


def text_of(doc, ordinal):
    return next(t for t in doc.texts if t.ordinal == ordinal)


def test_report_header(report_doc):
    assert report_doc.kind == "report"
    assert (report_doc.symbol, report_doc.session, report_doc.agenda_item) == ("A/74/400", 74, 106)
    assert "预防犯罪和刑事司法" in report_doc.title
    assert [t.ordinal for t in report_doc.texts] == list(range(1, 9))
    assert len(report_doc.report_paragraphs) == 29
    assert report_doc.documents_before == ("A/74/125", "A/74/127", "A/74/126", "A/74/128")


@pytest.mark.parametrize("ordinal, symbol, pre, op, notes", DRAFTS, ids=[f"draft-{d[0]}" for d in DRAFTS])
def test_draft_structure(report_doc, ordinal, symbol, pre, op, notes):
    t = text_of(report_doc, ordinal)
    assert t.symbol == symbol
    kinds = [p.kind for p in t.paragraphs]
    assert kinds.count("preambular") == pre
    assert kinds.count("operative") == op
    assert kinds == ["preambular"] * pre + ["operative"] * op  # preambular first, then operative
    assert [p.position for p in t.paragraphs] == list(range(1, pre + op + 1))
    assert [p.number for p in t.paragraphs if p.kind == "operative"] == list(range(1, op + 1))
    assert sorted({f.number for f in t.footnotes}) == list(range(1, notes + 1))
    for p in t.paragraphs:  # the clean text never carries a footnote block or a printed number
        assert not p.text[:1].isdigit() or p.kind == "preambular"
        assert "¹" not in p.text and "](#)" not in p.text


@pytest.mark.parametrize(
    "ordinal, position, contains",
    [
        # a footnote block cuts "第九届缔 | 约方会议" mid-word: one paragraph, no space inserted
        pytest.param(7, 40, "第九届缔约方会议通过的", id="vii-mid-word"),
        # "…联合国 | 程以应对…" after the footnote block of draft VII: the Doha Declaration's title cut in two
        # (the conversion lost the 议 of 议程 at the break; the text is joined as it stands)
        pytest.param(7, 15, "纳入更广泛的联合国程以应对社会和经济挑战", id="vii-title-cut"),
        # "…，提高这些机关的效力，| 并酌情加强执行…": a clause that resumes after the block with 并
        pytest.param(8, 81, "提高这些机关的效力，并酌情加强执行", id="viii-resumes-with-bing"),
        # a page break without a footnote block inside operative paragraph 62 of draft VIII
        pytest.param(8, 134, "跨国犯罪问题和可持续发展目标", id="viii-page-break"),
        # operative 24 of draft VI continues after its footnote 8 with the rest of a Protocol's title
        pytest.param(6, 43, "《儿童权利公约关于儿童卷入武装冲突问题的任择议定书》", id="vi-protocol-title"),
    ],
)
def test_paragraphs_cut_by_footnote_blocks_are_joined(report_doc, ordinal, position, contains):
    p = text_of(report_doc, ordinal).paragraphs[position - 1]
    assert contains in p.text


def test_sub_items_stay_in_their_paragraph(report_doc):
    p = text_of(report_doc, 7).paragraphs[7]  # 重申制定《全球行动计划》的目的是： (a) … (f)
    assert p.text.startswith("重申制定《全球行动计划》的目的是")
    items = [line[:3] for line in p.text.split("\n")[1:]]
    assert items == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]


def test_list_item_closed_by_footnote_ends_the_paragraph(report_doc):
    """Draft I preambular 3 ends "…(《纳尔逊·曼德拉规则》)、⁸"; 又回顾其通过… is paragraph 4."""
    paras = text_of(report_doc, 1).paragraphs
    assert paras[2].text.endswith("《纳尔逊·曼德拉规则》)、")
    assert paras[3].text.startswith("又回顾其通过《2030年可持续发展议程》")


@pytest.mark.parametrize(
    "ordinal, position, numbers",
    [
        pytest.param(1, 3, (2, 3, 4, 5, 6, 7, 8), id="i-standards-list"),
        pytest.param(1, 9, (10, 11), id="i-two-markers"),
        # draft III operative 2 points back to footnote 6 of preambular 3 (a marker reuses a number)
        pytest.param(3, 9, (6,), id="iii-reused-number"),
        pytest.param(3, 3, (6,), id="iii-first-use"),
        pytest.param(7, 5, (5, 6, 7, 8), id="vii-four-treaties"),
    ],
)
def test_footnote_markers(report_doc, ordinal, position, numbers):
    t = text_of(report_doc, ordinal)
    p = t.paragraphs[position - 1]
    assert p.footnote_numbers == numbers
    for n in numbers:
        assert t.footnote(n) is not None


@pytest.mark.parametrize(
    "ordinal, number, starts",
    [
        pytest.param(1, 1, "第217 A(III)号决议。", id="i-1"),
        pytest.param(1, 10, "联合国，《条约汇编》，第 1577 卷", id="i-10"),
        pytest.param(7, 5, "联合国，《条约汇编》，第 2225 卷", id="vii-5"),
        pytest.param(7, 6, "同上，第 2237 卷，第 39574 号。", id="vii-6-ibid"),
    ],
)
def test_footnote_texts(report_doc, ordinal, number, starts):
    assert text_of(report_doc, ordinal).footnote(number).text.startswith(starts)


def test_offsets_point_into_the_original(report_doc):
    original = REPORT.read_text(encoding="utf-8")
    for t in report_doc.texts:
        for p in t.paragraphs:
            assert original[p.start : p.start + 4] == p.text[:4]
            for i in range(0, len(p.text), 37):
                if p.text[i] != "\n":
                    assert original[p.body.to_original(i)] == p.text[i]
        for f in t.footnotes:
            assert strip_markers(original[f.start : f.end]).startswith(f.text[:6])


# (ordinal, recommending ECOSOC resolution, meeting, date, budget statement read)
FACTS = [
    (1, "2019/16", 43, "2019-11-05", True),
    (2, "2019/17", 43, "2019-11-05", False),
    (3, "2019/18", 43, "2019-11-05", False),
    (4, "2019/19", 43, "2019-11-05", False),
    (5, "2019/20", 43, "2019-11-05", True),
    (6, "2019/21", 43, "2019-11-05", True),
    (7, None, 48, "2019-11-15", True),
    (8, None, 52, "2019-11-19", False),
]


@pytest.mark.parametrize("ordinal, rec, meeting, date, budget", FACTS, ids=[f"draft-{f[0]}" for f in FACTS])
def test_report_facts(report_doc, ordinal, rec, meeting, date, budget):
    f = next(f for f in report_doc.facts if f.ordinal == ordinal)
    assert f.recommended_by == rec
    assert (f.adopted_at.number, f.adopted_at.date, f.adopted_at.session) == (meeting, date, 74)
    assert f.budget_implications is budget


def test_sponsor_lists_as_printed(report_doc):
    vii = next(f for f in report_doc.facts if f.ordinal == 7)
    viii = next(f for f in report_doc.facts if f.ordinal == 8)
    assert vii.sponsors[0] == "阿塞拜疆" and vii.sponsors[-1].endswith("津巴布韦")
    assert viii.co_sponsors[0] == "阿尔巴尼亚" and viii.co_sponsors[-1].endswith("赞比亚")
    assert "波斯尼亚和黑塞哥维那" in viii.sponsors  # a name with 和 inside survives the split


def test_statements(report_doc):
    got = [(s.speaker, s.meeting.number) for s in report_doc.statements]
    assert ("美利坚合众国代表", 44) in got
    assert ("白俄罗斯代表", 48) in got
    assert ("越南和俄罗斯联邦代表以及罗马教廷观察员", 48) in got
    assert ("意大利代表", 52) in got
    assert got[0] == ("联合国毒品和犯罪问题办公室条约事务司司长", 5)
