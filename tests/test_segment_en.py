"""English layout on the real files: PDF extractions (data/en/*.txt) and Markdown resolutions (data/en/ga-res-80).

Expected values come from reading the documents: paragraphs were counted from "The General Assembly," to the
closing "… plenary meeting" line (preambular up to the first numbered paragraph, sub-items inside their paragraph,
a paragraph cut by a page break or a footnote block counted once); footnotes from the blocks under the rules of
underscores or the `[^n]:` definitions. tests/gold/*.en.tsv hold an independent hand reading of three files.
"""

from __future__ import annotations

import re
from functools import lru_cache
import pytest

from graph.errors import SegmentError
from graph.ingest import read_source
from graph.models import Source
from graph.segment import segment
from tests.conftest import DATA, ROOT

EN = DATA / "en"
GOLD = ROOT / "tests" / "gold"
ALL_EN = sorted(EN.glob("*.txt")) + sorted((EN / "ga-res-80").glob("*.md"))


@lru_cache(maxsize=None)
def doc(name: str):
    path = EN / name if (EN / name).exists() else EN / "ga-res-80" / name
    return segment(read_source(path))


def paragraphs(name: str):
    return doc(name).texts[0].paragraphs


# --- document facts and paragraph counts --------------------------------------------------------------------------

# (file, kind, symbol, session, agenda item, date, on the report of, documents before, preambular, operative, notes)
DOCUMENTS = [
    pytest.param("A_RES_74_247.txt", "resolution", "A/RES/74/247", 74, 107, "2019-12-27", "A/74/401", (), 17, 6, 5,
                 id="74-247-pdf"),
    # adopted without reference to a Main Committee on draft A/74/L.58/Rev.2 (kept as the document before it);
    # closed by its date alone (no plenary meeting line)
    pytest.param("A_RES_74_276.txt", "resolution", "A/RES/74/276", 74, 106, "2020-06-01", None,
                 ("A/74/L.58/Rev.2",), 9, 18, 7, id="74-276-pdf-without-committee"),
    pytest.param("A_RES_73_191.txt", "resolution", "A/RES/73/191", 73, 109, "2018-12-17", "A/73/590", (), 3, 5, 5,
                 id="73-191-pdf"),
    pytest.param("A_RES_73_183.txt", "resolution", "A/RES/73/183", 73, 109, "2018-12-17", "A/73/590", (), 6, 6, 1,
                 id="73-183-pdf"),
    # a draft: the date is the issue date; 49 preambular paragraphs, one of them with sub-items (a)-(f)
    pytest.param("A_C.3_80_L.4.txt", "draft", "A/C.3/80/L.4", 80, 107, "2025-10-14", None, (), 49, 38, 35,
                 id="l4-draft-pdf"),
    # Markdown: "[on the report of the First Committee (A/80/534, para. 7)]"; adopted 1 December, issued 5 December
    pytest.param("A_RES_80_14.md", "resolution", "A/RES/80/14", 80, 92, "2025-12-01", "A/80/534", (), 5, 8, 5,
                 id="80-14-md"),
    # Markdown, "The General Assembly" (no comma) and one unnumbered operative paragraph; the annex is not read
    pytest.param("A_RES_80_9.md", "resolution", "A/RES/80/9", 80, 107, "2025-11-24", None, ("A/80/L.8",), 0, 1, 0,
                 id="80-9-md-adopts-annex"),
]


@pytest.mark.parametrize("name, kind, symbol, session, agenda, date, report, before, pre, op, notes", DOCUMENTS)
def test_document_facts_and_counts(name, kind, symbol, session, agenda, date, report, before, pre, op, notes):
    d = doc(name)
    assert (d.kind, d.symbol, d.session, d.agenda_item, d.date) == (kind, symbol, session, agenda, date)
    assert (d.on_report_of, d.documents_before) == (report, before)
    (t,) = d.texts
    assert (t.kind, t.ordinal, t.symbol) == (kind, 1, symbol)
    kinds = [p.kind for p in t.paragraphs]
    assert (kinds.count("preambular"), kinds.count("operative")) == (pre, op)
    assert kinds == ["preambular"] * pre + ["operative"] * op
    assert [p.position for p in t.paragraphs] == list(range(1, pre + op + 1))
    assert len(t.footnotes) == notes


@pytest.mark.parametrize(
    "gold, name",
    [
        pytest.param("A_RES_74_247.en.tsv", "A_RES_74_247.txt", id="74-247"),
        pytest.param("A_RES_80_14.en.tsv", "A_RES_80_14.md", id="80-14"),
        pytest.param("A_C.3_80_L.4.en.tsv", "A_C.3_80_L.4.txt", id="l4-draft"),
    ],
)
def test_paragraphs_line_up_with_the_gold_anchors(gold, name):
    """Same count, same first 12 characters (operative ones without their printed number) as the hand reading."""
    rows = [line.rstrip("\n").split("\t") for line in (GOLD / gold).read_text(encoding="utf-8").splitlines()]
    anchors = {(int(r[0]), int(r[1])): r[3] for r in rows if len(r) >= 4 and r[2] == "anchor"}
    got = {(1, p.position): p.text[:12] for p in paragraphs(name)}
    assert got == anchors


def test_operative_numbers_are_the_printed_ones():
    ps = paragraphs("A_C.3_80_L.4.txt")
    assert [p.number for p in ps if p.kind == "operative"] == list(range(1, 39))
    assert all(p.number is None for p in ps if p.kind == "preambular")
    first = next(p for p in ps if p.kind == "operative")
    assert first.text.startswith("Urges Member States that have not yet done so")  # "1. " is not text


@pytest.mark.parametrize(
    "name, title",
    [
        pytest.param("A_RES_74_247.txt", "Countering the use of information and communications technologies for "
                     "criminal purposes", id="two-lines"),
        pytest.param("A_RES_73_183.txt", "Enhancing the role of the Commission on Crime Prevention and Criminal "
                     "Justice in contributing to the implementation of the 2030 Agenda for Sustainable Development",
                     id="three-lines"),
        pytest.param("A_C.3_80_L.4.txt", "Improving the coordination of efforts against trafficking in persons",
                     id="draft"),
        pytest.param("A_RES_80_14.md", "African Nuclear-Weapon-Free Zone Treaty", id="md"),
    ],
)
def test_title(name, title):
    d = doc(name)
    assert d.title == title == d.texts[0].title
    s, e = d.texts[0].title_span
    assert " ".join(d.source.text[s:e].split()) == title


def test_title_cut_by_the_markdown_is_completed_from_the_front_matter():
    """80/2 prints its title on two lines; the Markdown kept only the first."""
    d = doc("A_RES_80_2.md")
    assert d.title == ("Scale of assessments for the apportionment of the expenses of the United Nations: requests "
                       "under Article 19 of the Charter")
    s, e = d.texts[0].title_span
    assert d.source.text[s:e] == "Scale of assessments for the apportionment of the expenses of the"


def test_draft_sponsor_line():
    t = doc("A_C.3_80_L.4.txt").texts[0]
    assert t.sponsors == (
        "Belarus",
        "Democratic People’s Republic of Korea",
        "Russian Federation",
        "Venezuela (Bolivarian Republic of)",
    )


def test_markdown_front_matter_is_kept_as_metadata():
    meta = dict(doc("A_RES_80_14.md").source.metadata)
    assert meta["symbol"] == "A/RES/80/14"
    assert meta["date"] == "2025-12-05"
    assert meta["record_id"] == "4095873"


# --- furniture, joins ---------------------------------------------------------------------------------------------

PDF = sorted(EN.glob("*.txt"))


@pytest.mark.parametrize("path", PDF, ids=[p.stem for p in PDF])
def test_page_furniture_is_never_paragraph_text(path):
    d = doc(path.name)
    furniture = [
        re.escape(d.symbol),  # page header
        r"\b\d{2}-\d{5}\b",  # job number 19-22674 (E)
        r"\*\d{6,}\*",  # bar code
        r"Distr\.:",
        r"plenary meeting\s*$",
        r"_{3,}",
    ]
    pages = max(int(n) for n in re.findall(r"(?m)^\s*\d{1,2}/(\d{1,2})\s*$", d.source.text))
    furniture += [rf"(?<![\d/]){k}/{pages}(?![\d/])" for k in range(1, pages + 1)]  # page numbers 2/3
    for item in d.texts[0].paragraphs + d.texts[0].footnotes:
        for pattern in furniture:
            assert not re.search(pattern, item.text), (pattern, item.text[:80])


@pytest.mark.parametrize(
    "name, position, contains",
    [
        # p14 runs from page 2, under footnotes 1-4 and the page-3 header (running title, symbol, 3/3, job number)
        pytest.param("A_RES_74_247.txt", 14, "with a view to examining options to strengthen existing responses and "
                     "propose new", id="74-247-footnote-block-and-header"),
        # the fns 1-2 block and the page-2 header cut "end modern slavery and | trafficking in persons"
        pytest.param("A_C.3_80_L.4.txt", 5, "end modern slavery and trafficking in persons and secure", id="l4-p5"),
        # sub-item (f) continues on the next page after the fns 3-9 block
        pytest.param("A_C.3_80_L.4.txt", 9, "civil society organizations and the private sector, and within",
                     id="l4-sub-item-f"),
        pytest.param("A_RES_73_191.txt", 3, "which undermine the institutions and values of democracy",
                     id="73-191-last-preambular"),
        # Markdown: a paragraph broken by a single newline, and one broken by a blank line (a page break)
        pytest.param("A_RES_80_14.md", 2, "Zone Treaty (Treaty of Pelindaba) in Cairo", id="md-newline"),
        pytest.param("A_RES_80_9.md", 1, "Adopts the 2025 Political Declaration", id="md-single-operative"),
    ],
)
def test_paragraph_cut_by_a_page_break_is_joined(name, position, contains):
    assert contains in paragraphs(name)[position - 1].text


@pytest.mark.parametrize(
    "name, position, contains",
    [
        # line-end hyphens of compounds stay: the compound occurs elsewhere, or both halves are words of the text
        pytest.param("A_C.3_80_L.4.txt", 68, "including for law enforcement, front-line service providers",
                     id="front-line"),
        pytest.param("A_C.3_80_L.4.txt", 76, "to organize awareness-raising campaigns", id="awareness-raising"),
        pytest.param("A_C.3_80_L.4.txt", 81, "gender- and age-sensitive protection", id="age-sensitive"),
        pytest.param("A_RES_73_183.txt", 2, "with the work of the high-level political forum", id="high-level"),
        # Markdown residue "African Nuclear- Weapon-Free" is joined; a suspended "confidence- and" is not touched
        pytest.param("A_RES_80_14.md", 6, "the African Nuclear-Weapon-Free Zone Treaty", id="md-hyphen-space"),
        pytest.param("A_RES_80_19.md", None, "confidence- and security-building measures", id="md-suspended"),
    ],
)
def test_hyphenated_line_ends(name, position, contains):
    ps = paragraphs(name)
    texts = [p.text for p in ps] if position is None else [ps[position - 1].text]
    assert any(contains in t for t in texts)


SYNTHETIC = """United Nations
A/RES/99/1

General Assembly
Distr.: General
2 January 2031

Ninety-ninth session
Agenda item 1

Resolution adopted by the General Assembly on 1 January 2031

99/1. A resolution made up for the hyphen rule

The General Assembly,

Recalling its concern about trafficking in persons and the traf-
ficking of organs, and the Secretary-
General's reports,

1. Decides to remain seized of the matter.
"""


def test_word_cut_by_a_line_end_hyphen_is_joined():
    """No real file breaks a word across lines, so this one is made up: 'traf-|ficking' is one word because
    'trafficking' occurs in the text; 'Secretary-|General' keeps its hyphen (capital after it)."""
    src = Source(path="made-up.txt", text=SYNTHETIC, encoding="utf-8", lang="en", symbol="A/RES/99/1")
    d = segment(src)
    p = d.texts[0].paragraphs[0]
    assert "the trafficking of organs, and the Secretary-General's reports," in p.text
    i = p.text.index("trafficking of") + 4  # 'traf' | 'ficking': the hyphen and the line end are cut out
    assert SYNTHETIC[p.body.to_original(i - 1) : p.body.to_original(i - 1) + 2] == "f-"
    assert SYNTHETIC[p.body.to_original(i) - 1 : p.body.to_original(i) + 7] == "\nficking"
    assert (d.session, d.agenda_item, d.date) == (99, 1, "2031-01-01")


def test_text_without_the_opening_is_refused():
    src = Source(path="notes.txt", text="Just some notes.\nNothing else.\n", encoding="utf-8", lang="en")
    with pytest.raises(SegmentError, match="The General Assembly"):
        segment(Source(**{**src.__dict__, "symbol": "A/RES/99/2"}))


# --- footnote markers ---------------------------------------------------------------------------------------------

# (file, position, footnote numbers in the paragraph, clean text just before one marker, its number)
MARKERS = [
    # "…22/8 of 26 April 2013,1 in which": glued after a comma that follows a year
    pytest.param("A_RES_74_247.txt", 6, (1,), "22/8 of 26 April 2013,", 1, id="after-year-comma"),
    # "Participation,2 adopted at": glued after a comma; "…resolution 65/230" in p8 is no marker
    pytest.param("A_RES_74_247.txt", 9, (2,), "and Public Participation,", 2, id="after-comma"),
    pytest.param("A_RES_74_247.txt", 18, (5,), "report of the Secretary-General,", 5, id="operative"),
    # "…2 July 20152 and": year 2015 with marker 2 glued on
    pytest.param("A_RES_74_276.txt", 1, (1, 2, 3), "29/11 of 2 July 2015", 2, id="glued-to-year"),
    # "Sustainable Development5 addresses": glued to a word
    pytest.param("A_RES_74_276.txt", 9, (5,), "2030 Agenda for Sustainable Development", 5, id="glued-to-word"),
    # operative 3 points back to footnote 4 (a reused number): "Convention against Corruption4 and"
    pytest.param("A_RES_74_276.txt", 12, (4,), "United Nations Convention against Corruption", 4, id="reused"),
    # "Assembly, 6 and the": a marker standing alone; "…basis;7" after a semicolon
    pytest.param("A_RES_74_276.txt", 11, (6, 7), "established practices of the Assembly,", 6, id="standing-alone"),
    pytest.param("A_RES_74_276.txt", 11, (6, 7), "on a non-objection basis;", 7, id="after-semicolon"),
    # "exploitation, 2 on taking … all its forms,3 … children,4" across the page break
    pytest.param("A_C.3_80_L.4.txt", 5, (1, 2, 3, 4), "other types of exploitation,", 2, id="l4-spaced"),
    pytest.param("A_C.3_80_L.4.txt", 6, (5, 6, 7, 8), "child pornography", 7, id="l4-before-and"),
    # "Organization, 9  which requires"
    pytest.param("A_C.3_80_L.4.txt", 7, (9,), "of the International Labour Organization,", 9, id="l4-two-spaces"),
    # "members 20 and partners,21"
    pytest.param("A_C.3_80_L.4.txt", 19, (20, 21), "within the existing mandates of its members", 20,
                 id="l4-after-word"),
    # Markdown: glued digits ("in Cairo on 11 April 1996,1") and references ("the Treaty[^4]")
    pytest.param("A_RES_80_14.md", 2, (1,), "in Cairo on 11 April 1996,", 1, id="md-glued"),
    pytest.param("A_RES_80_14.md", 9, (4,), "signed the Protocols to the Treaty", 4, id="md-reference"),
    # Markdown: "Weapons 6and the advisory opinion": the marker glued to the next word
    pytest.param("A_RES_80_51.md", 6, (6, 7), "Non-Proliferation of Nuclear Weapons", 6, id="md-glued-to-next-word"),
]


@pytest.mark.parametrize("name, position, numbers, before, number", MARKERS)
def test_glued_markers_are_cut_out_and_linked(name, position, numbers, before, number):
    t = doc(name).texts[0]
    p = t.paragraphs[position - 1]
    assert p.footnote_numbers == numbers
    (m,) = [m for m in p.markers if m.number == number][:1]
    assert p.text[: m.offset].endswith(before)
    assert not p.text[m.offset :].startswith(str(number))  # the digits are gone from the clean text
    assert t.footnote(number) is not None


@pytest.mark.parametrize(
    "name, position, contains",
    [
        pytest.param("A_RES_73_183.txt", 3, "Sustainable Development Goal 16, on promoting", id="goal-16"),
        pytest.param("A_RES_73_183.txt", 1, "Reiterating its resolution 70/1 of 25 September 2015", id="res-70-1"),
        pytest.param("A_RES_74_276.txt", 9, "Stressing also that the 2030 Agenda", id="2030-agenda"),
        pytest.param("A_C.3_80_L.4.txt", 7, "Convention, 1999 (No. 182), of the", id="no-182"),
        pytest.param("A_RES_74_247.txt", 10, "from 17 to 21 January 2011, 25 to 28 February 2013, 10 to 13 April 2017",
                     id="dates"),
    ],
)
def test_real_numbers_stay_text(name, position, contains):
    p = paragraphs(name)[position - 1]
    assert contains in p.text
    start = p.text.index(contains)
    assert not [m for m in p.markers if start < m.offset < start + len(contains)]


@pytest.mark.parametrize(
    "name, number, text",
    [
        # a footnote over two lines
        pytest.param("A_RES_74_247.txt", 1, "See Official Records of the Economic and Social Council, 2013, "
                     "Supplement No. 10 and corrigendum (E/2013/30 and E/2013/30/Corr.1), chap. I, sect. D.", id="pdf"),
        pytest.param("A_C.3_80_L.4.txt", 6, "Ibid., vol. 2237, No. 39574.", id="pdf-ibid"),
        # a footnote at the very end, after the plenary meeting line
        pytest.param("A_RES_74_247.txt", 5, "A/74/130.", id="pdf-after-closing"),
        pytest.param("A_RES_80_14.md", 3, "S/PRST/1996/17; see Resolutions and Decisions of the Security Council, "
                     "1996 (S/INF/52).", id="md"),
        # the extraction read "…5–13 September | 1994 (United …" as a footnote "[^1994]:"
        pytest.param("A_RES_80_10.md", 10, "Report of the International Conference on Population and Development, "
                     "Cairo, 5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, "
                     "resolution 1, annex.", id="md-continued"),
    ],
)
def test_footnote_texts(name, number, text):
    f = doc(name).texts[0].footnote(number)
    assert f.text == text
    assert doc(name).source.text[f.start : f.end].startswith(text[:10])


@pytest.mark.parametrize(
    "name, position, starts, items",
    [
        # "(a) \nTo promote …" … "(f)": labelled items of a preambular paragraph ending "was developed:"
        pytest.param("A_C.3_80_L.4.txt", 9, "Reaffirming that the Global Plan of Action was developed:",
                     ["(a) To promote universal", "(b) To help Member", "(c) To promote compre", "(d) To promote a hu",
                      "(e) To raise awarenes", "(f) To foster coopera"], id="l4-labelled"),
        pytest.param("A_RES_74_276.txt", 11, "Also decides that the organizational arrangements",
                     ["(a) The special session", "(b) The opening of the", "(c) The plenary meeting",
                      "(d) Representatives of", "(e) Recalling the estab"], id="74-276-operative"),
        # Markdown lost the labels (a)-(e); the list ends at the next numbered paragraph. The paragraph itself was
        # glued under the previous one without a blank line ("…multilateralism,\nConvinced that …")
        pytest.param("A_RES_80_34.md", 11, "Convinced that the Convention, 28 years after",
                     ["International peace and", "Eliminating chemical we", "The ultimate objective",
                      "Excluding completely, f", "Promoting international"], id="md-unlabelled"),
    ],
)
def test_sub_items_stay_in_their_paragraph(name, position, starts, items):
    lines = paragraphs(name)[position - 1].text.split("\n")
    assert lines[0].startswith(starts) and lines[0].endswith(":")
    assert [line[: len(item)] for line, item in zip(lines[1:], items)] == items
    assert len(lines) == len(items) + 1


def test_closing_lines_and_headings_are_not_paragraphs():
    assert paragraphs("A_RES_74_247.txt")[-1].text.endswith("technologies for criminal purposes”.")
    assert paragraphs("A_RES_74_276.txt")[-1].text.endswith("from within existing resources.")  # then "1 June 2020"
    # Markdown section headings ("Peacebuilding financing") and a stray running title before "5. Agrees"
    op = {p.number: p for p in paragraphs("A_RES_80_11.md") if p.kind == "operative"}
    assert op[13].text.startswith("Calls for the full implementation of relevant resolutions on financing")
    assert op[1].text.startswith("Reaffirms all relevant resolutions")
    op = {p.number: p for p in paragraphs("A_RES_80_2.md") if p.kind == "operative"}
    assert op[5].text.startswith("Agrees that the failure of Bolivia")


# --- offsets ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["A_RES_74_247.txt", "A_C.3_80_L.4.txt", "A_RES_74_276.txt", "A_RES_80_14.md",
                                  "A_RES_80_10.md"])
def test_offsets_point_into_the_original(name):
    d = doc(name)
    original = d.source.text
    for item in d.texts[0].paragraphs + d.texts[0].footnotes:
        assert original[item.start : item.end].startswith(item.text[:12])
        for piece in item.body.pieces:  # characters copied from the original (joiners and cut hyphens excluded)
            for i in range(piece.clean, piece.clean + piece.length, 5):
                o = item.body.to_original(i)
                assert item.text[i] == original[o] or (item.text[i] == " " and original[o] == "\u00a0")


# --- every English file ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_EN, ids=[p.stem for p in ALL_EN])
def test_every_english_file_segments(path):
    d = segment(read_source(path))
    (t,) = d.texts
    assert d.symbol == path.stem.replace("_", "/") and d.session in (73, 74, 80) and d.title
    assert t.paragraphs
    kinds = [p.kind for p in t.paragraphs]
    assert kinds == sorted(kinds, key=lambda k: k == "operative")  # preambular first
    numbers = [p.number for p in t.paragraphs if p.kind == "operative" and p.number is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    for p in t.paragraphs:
        assert p.text and not p.text[0].isspace() and "  " not in p.text
        assert all(t.footnote(m.number) for m in p.markers)


@pytest.mark.parametrize("path", ALL_EN, ids=[p.stem for p in ALL_EN])
def test_language_is_detected(path):
    assert read_source(path, lang="auto").lang == "en"


def test_chinese_is_detected():
    assert read_source(DATA / "zh" / "A_74_400.txt", lang="auto", symbol="A/74/400").lang == "zh"


@pytest.mark.parametrize("n", range(170, 178))
def test_adopted_drafts_of_a_74_400(n):
    """data/en/A_RES_74_170.txt … 177.txt: the `text` field of wannli/un-docs-downloader's extraction, verbatim."""
    path = DATA / "en" / f"A_RES_74_{n}.txt"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"United Nations \nA/RES/74/{n}\n") and "[on the report of the Third Committee (A/74/400)]" in text
    d = segment(read_source(path))
    assert d.symbol == f"A/RES/74/{n}" and d.on_report_of and not d.warnings
