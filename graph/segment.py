"""Segmentation: the real structure of a UN text (report, draft resolutions, paragraphs, footnotes).

Works line by line on the original text. A paragraph is a run of lines: a footnote block or a page break can cut
it anywhere (even mid-word), so a line that does not open a new unit continues the previous paragraph when that
paragraph has not visibly ended (see `_continues`). Sub-items (a), (b) … stay inside their paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SegmentError
from .ingest import SUPERSCRIPT, clean_runs, strip_markers
from .models import Document, DraftFacts, Footnote, Meeting, Paragraph, ResolutionText, Source, Statement
from .numerals import ZH_NUMERAL, zh_int

_FOOTNOTE = re.compile(rf"^[ \t]*(?P<num>[{SUPERSCRIPT}]+)[ \t]*(?P<body>\S.*)$")
_NUMBERED = re.compile(r"^[ \t]*(?P<num>\d{1,3})\.[ \t]+\S")
_SUBITEM = re.compile(r"^[ \t]*(?:-[ \t]*)?\((?:[a-z]{1,2}|[ivx]{1,5})\)[ \t]*\S")
_ZH_DRAFT = re.compile(rf"^[ \t]*决议草案(?P<n>{ZH_NUMERAL})[ \t]*$")
_ZH_SECTION = re.compile(rf"^[ \t]*{ZH_NUMERAL}\.[ \t]*\S")
_ZH_SUBSECTION = re.compile(r"^[ \t]*(?P<letter>[A-Z])\.[ \t]*决议草案[ \t]*(?P<sym>.+?)[ \t]*$")
_ZH_ASSEMBLY = re.compile(r"^[ \t]*大会[，,][ \t]*$")
_ZH_CONTINUATION_START = ("并", "以及", "及其", "和", "或", "同时", "而", "但")
_ENDS_UNIT = "，；。：、,;.:！？"
_SUP_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}


@dataclass
class _Line:
    start: int
    end: int
    text: str


@dataclass
class _Para:
    kind: str
    number: int | None
    runs: list[tuple[int, int, str]] = field(default_factory=list)
    last_text: str = ""


def lines_of(text: str) -> list[_Line]:
    """Non-blank lines with their [start, end) offsets (line ends excluded)."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            out.append(_Line(pos + lead, pos + len(body.rstrip()), body.strip()))
        pos += len(raw)
    return out


def _continues(para: _Para | None, line: _Line, lang: str) -> bool:
    """Whether `line` carries on `para` across a line, page or footnote break rather than opening a paragraph."""
    if para is None:
        return False
    raw_tail = para.last_text.rstrip(" ")
    tail = raw_tail.rstrip(SUPERSCRIPT + " ")
    if lang == "zh":
        # '、' mid-enumeration continues ("防范、" | "减轻、…"), but "…《规则》)、⁸" closed a list item with its
        # footnote and the paragraph (the PDF's comma became '、' in conversion: draft resolution I, line 114).
        ended = tail.endswith(tuple(_ENDS_UNIT.replace("、", ""))) or (tail.endswith("、") and raw_tail != tail)
        return not ended or line.text.startswith(_ZH_CONTINUATION_START)
    return not tail.endswith(tuple(_ENDS_UNIT)) or line.text[:1].islower()


def _finish(p: _Para, text: str, position: int) -> Paragraph:
    body, markers = clean_runs(text, p.runs)
    return Paragraph(
        kind=p.kind,
        position=position,
        number=p.number,
        body=body,
        start=p.runs[0][0],
        end=p.runs[-1][1],
        markers=markers,
    )


def _footnote(line: _Line, text: str) -> Footnote:
    m = _FOOTNOTE.match(line.text)
    number = int("".join(_SUP_VALUE[c] for c in m.group("num")))
    body_start = line.start + m.start("body")
    body, _ = clean_runs(text, [(body_start, line.end, "")])
    return Footnote(number=number, body=body, start=body_start, end=line.end)


def _strip_number(text: str, line: _Line) -> int:
    """Original offset just after a leading 'N. ' paragraph number."""
    m = re.match(r"\d{1,3}\.[ \t]*", line.text)
    return line.start + (m.end() if m else 0)


def segment_paragraphs(lines: list[_Line], text: str, lang: str) -> tuple[list[Paragraph], list[Footnote]]:
    """Paragraphs (preambular until the first numbered one, then operative) and footnotes of one resolution body."""
    paras: list[_Para] = []
    footnotes: list[Footnote] = []
    current: _Para | None = None
    seen_operative = False
    for line in lines:
        if _FOOTNOTE.match(line.text):
            footnotes.append(_footnote(line, text))
            continue
        m = _NUMBERED.match(line.text)
        if m:
            seen_operative = True
            current = _Para("operative", int(m.group("num")))
            current.runs.append((_strip_number(text, line), line.end, ""))
            paras.append(current)
        elif _SUBITEM.match(line.text) and current is not None:
            current.runs.append((line.start, line.end, "\n"))
        elif _continues(current, line, lang):
            current.runs.append((line.start, line.end, "" if lang == "zh" else " "))
        else:
            current = _Para("operative" if seen_operative else "preambular", None)
            current.runs.append((line.start, line.end, ""))
            paras.append(current)
        current.last_text = line.text
    return [_finish(p, text, i) for i, p in enumerate(paras, 1)], footnotes


def symbol_from_filename(path: str) -> str | None:
    """'A_C.3_74_L.2.txt' -> 'A/C.3/74/L.2' (the corpus names files by symbol with '/' as '_')."""
    stem = Path(path).stem
    if re.fullmatch(r"[A-Z][A-Za-z0-9.\-]*(?:_[A-Za-z0-9.\-()]+)+", stem):
        return stem.replace("_", "/")
    return None


def segment(source: Source) -> Document:
    """Segments a decoded source into a `Document`.

    Raises:
        SegmentError: the text has no structure we recognise (no draft resolutions, no paragraphs).
    """
    symbol = source.symbol or symbol_from_filename(source.path)
    if not symbol:
        raise SegmentError(f"{source.path}: no document symbol (pass --symbol, e.g. --symbol A/74/400)")
    if source.lang == "zh":
        return _segment_zh(source, symbol)
    from .segment_en import segment_en  # English layout lives in its own module

    return segment_en(source, symbol)


# --- Chinese committee report -------------------------------------------------------------------------------------


def _segment_zh(source: Source, symbol: str) -> Document:
    text = source.text
    lines = lines_of(text)
    draft_starts = [i for i, ln in enumerate(lines) if _ZH_DRAFT.match(ln.text)]
    if not draft_starts:
        return _segment_zh_resolution(source, symbol, lines)
    head = lines[: draft_starts[0]]
    session = agenda = None
    title_parts: list[str] = []
    first_section = next((i for i, ln in enumerate(head) if _ZH_SECTION.match(ln.text)), len(head))
    for ln in head[:first_section]:
        if m := re.search(rf"第({ZH_NUMERAL})届会议", ln.text):
            session = zh_int(m.group(1))
        elif m := re.search(r"议程项目\s*(\d+)", ln.text):
            agenda = int(m.group(1))
        elif not ln.text.startswith("报告员") and not re.match(r"^[A-Z]/", ln.text):
            title_parts.append(strip_markers(ln.text))
    report_paras, report_notes, subsections = _report_body(head[first_section:], text)
    texts = []
    for k, start in enumerate(draft_starts):
        end = draft_starts[k + 1] if k + 1 < len(draft_starts) else len(lines)
        texts.append(_zh_draft(lines[start:end], text, zh_int(_ZH_DRAFT.match(lines[start].text).group("n"))))
    facts, statements, before = _zh_report_facts(report_paras, subsections, session or 0)
    by_ordinal = {f.ordinal: f for f in facts}
    texts = [
        ResolutionText(**{**t.__dict__, "symbol": by_ordinal[t.ordinal].symbol if t.ordinal in by_ordinal else None})
        for t in texts
    ]
    warnings = tuple(f"{source.path}: draft resolution {t.ordinal} has no symbol in the report" for t in texts if not t.symbol)
    return Document(
        source=source,
        kind="report",
        symbol=symbol,
        title="：".join(title_parts) or None,
        session=session,
        agenda_item=agenda,
        date=None,
        texts=tuple(texts),
        report_paragraphs=tuple(report_paras),
        report_footnotes=tuple(report_notes),
        facts=tuple(facts),
        statements=tuple(statements),
        documents_before=tuple(before),
        warnings=warnings,
    )


def _report_body(lines: list[_Line], text: str):
    """Numbered report paragraphs (section headings skipped) and which subsection (draft symbol) each falls under."""
    paras: list[Paragraph] = []
    notes: list[Footnote] = []
    subsections: dict[int, str] = {}  # paragraph number -> draft symbol of its subsection
    current: _Para | None = None
    sub_symbol: str | None = None
    pending: list[_Para] = []
    for line in lines:
        if _FOOTNOTE.match(line.text):
            notes.append(_footnote(line, text))
            continue
        if m := _ZH_SUBSECTION.match(line.text):
            sub_symbol = strip_markers(m.group("sym")).replace(" ", "")
            current = None
            continue
        if _ZH_SECTION.match(line.text) and not _NUMBERED.match(line.text):
            current, sub_symbol = None, None
            continue
        if m := _NUMBERED.match(line.text):
            current = _Para("report", int(m.group("num")))
            current.runs.append((_strip_number(text, line), line.end, ""))
            pending.append(current)
            if sub_symbol:
                subsections[current.number] = sub_symbol
        elif current is not None:
            joiner = "\n" if _SUBITEM.match(line.text) else ""
            current.runs.append((line.start, line.end, joiner))
        if current is not None:
            current.last_text = line.text
    paras = [_finish(p, text, i) for i, p in enumerate(pending, 1)]
    return paras, notes, subsections


def _zh_draft(lines: list[_Line], text: str, ordinal: int) -> ResolutionText:
    title_line = lines[1] if len(lines) > 1 else None
    body_from = 2
    if len(lines) > 2 and _ZH_ASSEMBLY.match(lines[2].text):
        body_from = 3
    paragraphs, footnotes = segment_paragraphs(lines[body_from:], text, "zh")
    if not paragraphs:
        raise SegmentError(f"draft resolution {ordinal}: no paragraphs found")
    return ResolutionText(
        kind="draft",
        ordinal=ordinal,
        symbol=None,
        title=strip_markers(title_line.text) if title_line else None,
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes),
        start=lines[0].start,
        end=lines[-1].end,
        title_span=(title_line.start, title_line.end) if title_line else None,
    )


def _segment_zh_resolution(source: Source, symbol: str, lines: list[_Line]) -> Document:
    """A single Chinese resolution text: title, '大会，', paragraphs."""
    at = next((i for i, ln in enumerate(lines) if _ZH_ASSEMBLY.match(ln.text)), None)
    if at is None:
        raise SegmentError(f"{source.path}: no draft resolutions and no '大会，' opening found")
    paragraphs, footnotes = segment_paragraphs(lines[at + 1 :], source.text, "zh")
    title = strip_markers(lines[at - 1].text) if at else None
    kind = "draft" if "/L." in symbol else "resolution"
    body = ResolutionText(kind, 1, symbol, title, tuple(paragraphs), tuple(footnotes), lines[at].start, lines[-1].end)
    return Document(source, kind, symbol, title, None, None, None, (body,))


# --- facts of a Chinese committee report --------------------------------------------------------------------------

_MEETINGS = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<dates>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日(?:\s*[、和]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)*)"
    r"\s*第\s*(?P<nums>\d+(?:\s*[、和]\s*(?:第\s*)?\d+)*)\s*次(?:全体)?会议"
)
_AT_MEETING = re.compile(r"(?:在(?P<date>\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*第\s*(?P<num>\d+)\s*次会议上|在同次会议上)")
_ADOPTED = re.compile(rf"通过了决议草案\s*(?P<sym>[A-Z][^\s(（]*)\s*[(（]见第\s*\d+\s*段，决议草案(?P<n>{ZH_NUMERAL})[)）]")
_RECOMMENDED = re.compile(r"经济及社会理事会在其第\s*(?P<num>\d{4}/\d+)\s*号决议中建议大会通过题为“(?P<title>[^”]+)”的决议草案")
_SPONSORS = re.compile(r"委员会面前有(?P<list>.+?)提交的题为“(?P<title>[^”]+)”的(?:订正)?决议草案")
_COSPONSORS = re.compile(r"随后，(?P<list>.+?)加入为该决议草案的提案国")
_STATEMENT = re.compile(r"(?:^|，)(?P<who>[^，。]+?(?:代表|观察员))(?:也|就[^，。]*?)?作了发言")
_HEARD = re.compile(r"听取了(?P<who>[^，。]+?)的介绍性发言")


def _meeting_dates(paras: list[Paragraph], year: int | None) -> dict[int, str]:
    """Meeting number -> ISO date, from phrases like '11 月 5 日、15 日和 19 日第 43、48 和 52 次会议'."""
    out: dict[int, str] = {}
    for p in paras:
        for m in _MEETINGS.finditer(p.text):
            y = int(m.group("year")) if m.group("year") else year
            month, dates = None, []
            for part in re.findall(r"(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日", m.group("dates")):
                month = int(part[0]) if part[0] else month
                dates.append((month, int(part[1])))
            nums = [int(n) for n in re.findall(r"\d+", m.group("nums"))]
            if len(dates) == 1:
                dates = dates * len(nums)
            if y and len(dates) == len(nums) and all(d[0] for d in dates):
                for n, (mo, d) in zip(nums, dates):
                    out.setdefault(n, f"{y:04d}-{mo:02d}-{d:02d}")
    return out


def _zh_report_facts(paras: list[Paragraph], subsections: dict[int, str], session: int):
    """Per draft: recommending resolution, adoption meeting, budget note, sponsors; statements; documents before."""
    year_m = next((re.search(r"(\d{4})\s*年", p.text) for p in paras if re.search(r"(\d{4})\s*年", p.text)), None)
    year = int(year_m.group(1)) if year_m else None
    dates = _meeting_dates(paras, year)
    ordinal_of: dict[str, int] = {}
    for p in paras:
        for m in _ADOPTED.finditer(p.text):
            ordinal_of[m.group("sym")] = zh_int(m.group("n"))
    facts: dict[str, dict] = {}
    statements: list[Statement] = []
    before: list[str] = []
    meeting: int | None = None
    for p in paras:
        if "委员会面前有下列文件" in p.text:
            before += re.findall(r"[(（]([A-Z]/[A-Z0-9./]+)[)）]", p.text)
        for m in _AT_MEETING.finditer(p.text):
            if m.group("num"):
                meeting = int(m.group("num"))
        sym = subsections.get(p.number)
        if sym:
            f = facts.setdefault(sym, {"sponsors": "", "co": "", "budget": False, "rec": None, "title": None, "meeting": None, "span": [p.start, p.end]})
            f["span"][1] = p.end
            if m := _RECOMMENDED.search(p.text):
                f["rec"], f["title"] = m.group("num"), m.group("title")
            if m := _SPONSORS.search(p.text):
                f["sponsors"], f["title"] = m.group("list"), m.group("title")
            if m := _COSPONSORS.search(p.text):
                f["co"] = m.group("list")
            if "所涉方案预算问题的说明" in p.text and "宣读" in p.text:
                f["budget"] = True
            if "委员会通过了决议草案" in p.text and meeting is not None:
                f["meeting"] = meeting
        for m in list(_STATEMENT.finditer(p.text)) + list(_HEARD.finditer(p.text)):
            if meeting is not None:
                s, e = p.body.span(m.start("who"), m.end("who"))
                who = m.group("who").strip()
                who = re.sub(r"^(?:决议通过后|在同次会议上|随后)", "", who).strip()
                statements.append(Statement(who, Meeting("THIRD-COMMITTEE", session, meeting, dates.get(meeting)), s, e))
    out = []
    for sym, f in facts.items():
        if sym not in ordinal_of:
            continue
        mt = f["meeting"]
        out.append(
            DraftFacts(
                ordinal=ordinal_of[sym],
                symbol=sym,
                recommended_by=f["rec"],
                adopted_at=Meeting("THIRD-COMMITTEE", session, mt, dates.get(mt)) if mt else None,
                budget_implications=f["budget"],
                sponsors=_split_list(f["sponsors"]),
                co_sponsors=_split_list(f["co"]),
                title=f["title"],
                start=f["span"][0],
                end=f["span"][1],
            )
        )
    return sorted(out, key=lambda f: f.ordinal), statements, before


def _split_list(s: str) -> tuple[str, ...]:
    """Items of a Chinese enumeration 'A、B、C和D' as printed; names that contain 和 are re-joined by `link`."""
    if not s:
        return ()
    items = [x.strip() for x in s.split("、") if x.strip()]
    return tuple(items)
