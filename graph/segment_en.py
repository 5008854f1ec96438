"""English layout: a General Assembly resolution or draft, from a noisy PDF extraction or a cleaner Markdown file.

Produces the same `Document` records as the Chinese segmenter. Works on the original text line by line and never
copies text: every paragraph and footnote is a list of original (start, end, joiner) runs turned into clean text by
`ingest.clean_runs`, so offsets stay in the original file.

The file is read in four passes:
1. page furniture (symbol, page and job numbers, bar codes, repeated running titles) is marked and dropped;
2. footnotes are collected: PDF footnote blocks under a rule of underscores ("4  See Official Records …"), or
   Markdown definitions (`[^4]: …`), so marker candidates can be checked against footnotes that exist;
3. the header before "The General Assembly," gives symbol, session, agenda item, adoption date, the report or
   draft it was adopted on, the number and title, and a draft's sponsor line;
4. the body is cut into preambular and operative paragraphs: a line after a blank, a page break or a footnote
   block opens a paragraph only if the previous one visibly ended (SEMANTICS, "Paragraphs"); printed numbers
   "1." open operative paragraphs; sub-items (a), (b) … stay inside theirs (joiner "\\n"), labelled or not (a
   list after "…:" runs to the next numbered paragraph, or in the preamble to the next clause opener of the
   action-type vocabulary); section headings are dropped. The body ends at the "52nd plenary meeting" line, a
   closing date, "Annex" (annexes are not segmented) or the Markdown footnote rule.

Footnote markers in these extractions are plain digits glued to words ("Corruption5", "2013,1", "20152" for
2015 + marker 2) or standing alone ("Development 5 addresses"); a candidate is taken as a marker only when the
footnote exists, and the weaker forms only when the number is the next one in sequence (footnotes are numbered
in order of first use), so "Goal 16", "resolution 70/1" and "the 2030 Agenda" stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .errors import SegmentError
from .ingest import clean_runs, strip_markers
from .models import CleanText, Document, Footnote, Marker, Paragraph, ResolutionText, Source
from .numerals import EN_ORDINAL, en_ordinal

MONTHS = "January February March April May June July August September October November December".split()
_MONTH = "|".join(MONTHS)
_DATE = rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})"

_ASSEMBLY = re.compile(r"^The General Assembly\b,?")
_NUMBERED = re.compile(r"^(\d{1,3})\.(?=\s|$)\s*")
_SUBITEM = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]{1,6})\)(?=\s|$)")
_RES_TITLE = re.compile(r"^(\d{1,3})/(\d{1,4})\.\s+(\S.*)$")
_CLOSING = re.compile(r"^(?:\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting\b|Annex\b|---$)")
_DATE_ONLY = re.compile(rf"^{_DATE}$")
_RULE = re.compile(r"^_{3,}$")
_PDF_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_MD_NOTE = re.compile(r"^\[\^(\d{1,4})\]:\s*")
_FURNITURE = [
    re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),  # page number 2/21
    re.compile(r"^Page\s+\d+(?:\s+of\s+\d+)?$"),
    re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$"),  # job number 19-22674 (E) 200120
    re.compile(r"^\*\d{6,}\*$"),  # bar code *1922674*
]
_HEADER_WORDS = re.compile(r"^(?:United Nations|General Assembly|Distr\.:.*|Original:.*)$")
# A bare number right after these words is a reference ("Goal 16", "article 9", "on 24 and 25 May"), not a marker;
# case matters: "action 9 of the Final Document" is a reference, "Programme of Action 9" a marker.
_NUMBER_TAKERS = set(
    "goal goals target targets article articles paragraph paragraphs para paras resolution resolutions decision "
    "decisions no nos vol chap chapter sect section annex part session item items meeting rule rules principle "
    "principles recommendation recommendations action actions protocol page pages table figure phase stage level "
    "objective objectives step volume number indicator indicators priority on of from to and or by between than "
    "about some all over under at in for with the its their last first every each per nearly approximately least "
    "since until before after during within Goal Goals Target Targets No Nos Part Article Articles Annex Chapter "
    "Rule Principle Indicator SDG Session Item Level Stage Phase Step Volume".split()
)
_QUANTITY_AFTER = re.compile(rf"^\s*(?:{_MONTH}|per\b|%|percent|a\.m\.|p\.m\.|years?\b|days?\b|weeks?\b|months?\b|"
                             r"hours?\b|million|billion|(?:to|–|-)\s*\d)")
_SUSPENDED = re.compile(r"(?:and|or|nor|to|as|but)\b")


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped
    empty: bool  # no characters at all: a page break in the PDF extractions
    role: str = "text"  # text | blank | furniture | rule | note


@dataclass
class _Acc:
    """Runs of one paragraph, footnote or title being built, with the state needed to join the next line."""

    runs: list[tuple[int, int, str]] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)  # (original offset, footnote number)
    tail: str = ""  # last line, accepted markers removed: did it end a unit?
    hyphen: bool = False  # last line ended with a letter and "-"


@dataclass
class _Para:
    kind: str
    number: int | None
    acc: _Acc = field(default_factory=_Acc)
    listing: bool = False  # opened a list ("…developed:") whose items follow


class _Reader:
    """Everything one file needs while it is being cut: text, lexicon, footnotes defined, marker sequence."""

    def __init__(self, source: Source, symbol: str):
        self.source = source
        self.text = source.text
        self.symbol = symbol
        self.markdown = source.path.lower().endswith((".md", ".markdown")) or self.text.startswith("---")
        self.lexicon = set(re.findall(r"[a-z]+(?:-[a-z]+)*", self.text.lower()))
        self.defined: set[int] = set()
        self.next_marker = 1
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.source.path}: {message}")

    # --- runs -------------------------------------------------------------------------------------------------

    def add_line(self, acc: _Acc, start: int, end: int, joiner: str, markers: bool = True) -> None:
        """Appends original [start, end) to `acc`: glued markers cut out, spaces collapsed, a line-end hyphen joined."""
        if start >= end:
            return
        seg = self.text[start:end]
        if acc.hyphen and acc.runs:
            joiner = ""
            word = re.match(r"[A-Za-z]+", seg)
            s, e, j = acc.runs[-1]
            left = re.search(r"([A-Za-z]+)-$", self.text[s:e])
            if word and left and e - 1 > s and not self._keeps_hyphen(left.group(1), word.group(0)):
                acc.runs[-1] = (s, e - 1, j)
        cuts: list[tuple[int, int]] = []
        for m in re.finditer(r"(?<=[A-Za-z])-( )(?=[A-Za-z])", seg):  # "Nuclear- Weapon-Free": conversion residue
            if not _SUSPENDED.match(seg, m.end()):
                cuts.append((start + m.start(1), start + m.end(1)))
        if markers:
            for cut_start, cut_end, number, mark_at in self._markers(seg, start):
                cuts.append((cut_start, cut_end))
                if number is not None:
                    acc.marks.append((mark_at, number))
        kept = _complement(self.text, start, end, sorted(cuts))
        for k, (s, e) in enumerate(kept):
            acc.runs.append((s, e, joiner if k == 0 else ""))
        acc.tail = "".join(self.text[s:e] for s, e in kept).rstrip()
        acc.hyphen = bool(re.search(r"[A-Za-z]-$", acc.tail)) and not acc.tail.endswith(" -")

    def _keeps_hyphen(self, left: str, right: str) -> bool:
        """'Secretary-|General', 'high-|level' keep the hyphen; 'traf-|ficking' is one word cut by the line end."""
        joined, compound = (left + right).lower(), f"{left}-{right}".lower()
        if compound in self.lexicon:
            return True
        if joined in self.lexicon:
            return False
        if right[:1].isupper():
            return True
        return left.lower() in self.lexicon and right.lower() in self.lexicon

    # --- footnote markers -------------------------------------------------------------------------------------

    def _markers(self, seg: str, base: int):
        """(cut start, cut end, number or None, original offset of the marker) for each marker in one line."""
        found = []
        for m in re.finditer(r"\[\^(\d{1,4})\]", seg):  # Markdown reference
            number = int(m.group(1))
            found.append((m.start(), m.end(), number, "ref"))
        for m in re.finditer(r"(?<![\d/\-–‑\[^])(?<=\S)(\d{1,3})(?!\d)(?=$|[\s,;:.)\]”’\"])", seg):
            if seg[max(m.start() - 2, 0) : m.start()] == "[^":
                continue
            found.append((m.start(), m.end(), int(m.group(1)), self._glued_kind(seg, m.start())))
        for m in re.finditer(r"(?<![\d.,/])((?:19|20)\d\d)(\d{1,2})(?!\d)(?=$|[\s,;:.)])", seg):  # 20152: 2015, note 2
            found.append((m.start(2), m.end(2), int(m.group(2)), "year"))
        for m in re.finditer(r"(?<=\S)([ \t]+)(\d{1,3})(?!\d)(?=$|[ \t]|[,;.](?:\s|$))", seg):
            before = re.search(r"([A-Za-z]+)\.?$", seg[: m.start()])  # the word right before, no comma between
            after_year = re.search(r"(?<!\d)(?:19|20)\d\d$", seg[: m.start()])  # "of 1990 3  and 1995, 4"
            if (seg[m.start() - 1].isdigit() and not after_year) or (before and before.group(1) in _NUMBER_TAKERS):
                continue
            if _QUANTITY_AFTER.match(seg[m.end() :]):
                continue
            found.append((m.start(1), m.end(), int(m.group(2)), "spaced"))
        for m in re.finditer(r"(?<=\s)(\d{1,2})(?=[a-z]+\b)(?!st\b|nd\b|rd\b|th\b)", seg):  # "Weapons 6and the"
            found.append((m.start(), m.end(), int(m.group(1)), "leading"))  # the marker goes before the space
        out = []
        for start, end, number, kind in sorted(found):
            if kind == "ref":
                ok = number in self.defined
                if not ok:
                    self.warn(f"footnote reference [^{number}] has no footnote")
                out.append((base + start, base + end, number if ok else None, base + start))
            elif self._accept(number, kind):
                mark_at = base + len(seg[:start].rstrip()) if kind == "leading" else base + start
                out.append((base + start, base + end, number, mark_at))
            else:
                continue
            if out[-1][2] is not None:
                self.next_marker = max(self.next_marker, out[-1][2] + 1)
        return out

    def _glued_kind(self, seg: str, at: int) -> str:
        """'strong' after a word or a closing quote ("Corruption5", "thereto;6"), 'weak' after a number ("70/1,3")
        or an acronym, 'none' inside a symbol ("E/2013/30/Corr.1")."""
        prev = seg[at - 1]
        before = seg[at - 2] if at >= 2 else " "
        closers = "”’\")]"
        if prev in ",;:.":
            token = re.search(r"\S*$", seg[: at - 1]).group(0)
            if prev == "." and "/" in token:
                return "none"
            if before in closers or (before.islower() if prev == "." else before.isalpha()):
                return "weak" if _acronym_before(seg, at - 1) else "strong"
            return "weak"
        if prev.isalpha():
            return "weak" if _acronym_before(seg, at) else "strong"
        return "strong" if prev in closers else "none"

    def _accept(self, number: int, kind: str) -> bool:
        if number not in self.defined or kind == "none":
            return False
        if kind == "strong":
            return number <= self.next_marker + 3  # a reused number, the next one, or one after a few missed markers
        return number == self.next_marker

    # --- clean records ----------------------------------------------------------------------------------------

    def clean(self, acc: _Acc) -> tuple[CleanText, tuple[Marker, ...]]:
        body, _ = clean_runs(self.text, acc.runs)
        markers = tuple(Marker(_clean_at(body, orig), number) for orig, number in acc.marks)
        return body, markers


def _acronym_before(seg: str, at: int) -> bool:
    word = re.search(r"[A-Za-z]+$", seg[:at])
    return bool(word) and word.group(0).isupper() and len(word.group(0)) <= 6


def _complement(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of [start, end) outside `cuts`, with runs of whitespace reduced to their first character."""
    kept, pos = [], start
    for s, e in cuts:
        if s > pos:
            kept.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        kept.append((pos, end))
    out: list[tuple[int, int]] = []
    prev_space = True  # no leading space after a cut at line start
    for s, e in kept:
        run_start = s
        for i in range(s, e):
            space = text[i].isspace()
            if space and prev_space:
                if i > run_start:
                    out.append((run_start, i))
                run_start = i + 1
            prev_space = space
        if e > run_start:
            out.append((run_start, e))
    while out and text[out[-1][1] - 1].isspace():  # no trailing space left by a cut marker
        s, e = out.pop()
        if e - 1 > s:
            out.append((s, e - 1))
    return out


def _clean_at(body: CleanText, orig: int) -> int:
    """Clean offset just after the last clean character that comes from before original offset `orig`."""
    at = 0
    for p in body.pieces:
        if p.orig >= orig:
            break
        at = p.clean + min(orig - p.orig, p.length)
    return at


def _ends_unit(tail: str) -> bool:
    return tail.rstrip("”’\")] ").endswith((",", ";", ".", ":")) or tail.endswith((",", ";", ".", ":"))


@lru_cache(maxsize=1)
def _clause_openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Preambular openers ('Recalling', 'Deeply concerned', 'Mindful') and modifiers ('Also', 'Further'): the
    English labels of the action-type vocabulary that are not third-person verbs ('Decides', 'Strongly urges')."""
    from . import vocab  # loaded on first use only

    v = vocab.load()
    labels = {label for c in v.in_scheme("action-type") for label in c.labels("en") if label[:1].isupper()}
    openers = []
    for label in labels:
        words = label.split()
        verb = words[1] if len(words) > 1 and words[0].endswith("ly") else words[0]
        if verb.endswith(("ing", "ed", "ous")) or not verb.endswith("s"):
            openers.append(label)
    modifiers = tuple(m for m in v.mod("en") if m[:1].isupper())
    return tuple(sorted(openers, key=len, reverse=True)), modifiers


def _opens_preambular(text: str, strict: bool = False) -> bool:
    """Whether a line starts like a preambular paragraph: a clause opener of the vocabulary ('Recalling',
    'Deeply concerned', 'Further recalling'); unless `strict`, also any participle ('Re-emphasizing', 'Having
    considered') or an adverb before an opener ('Ever mindful')."""
    openers, modifiers = _clause_openers()
    head = text
    for m in modifiers:
        if text.startswith(m + " ") and text[len(m) + 1 : len(m) + 2].islower():
            head = text[len(m) + 1 :].capitalize()
            break
    if any(head.startswith(o) and not head[len(o) : len(o) + 1].isalpha() for o in openers):
        return True
    if strict:
        return False
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text[:60])
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    if words[0].endswith(("ing", "ed", "ous")):  # "Having considered", "Desirous of" (not in the vocabulary)
        return True
    return words[0].endswith("ly") or words[0] in ("Ever", "Still") and _opens_preambular(text.split(" ", 1)[1].capitalize())


def _third_person(text: str) -> bool:
    """'Adopts …', 'Also decides …': the verb form of an operative clause."""
    words = re.findall(r"[A-Za-z]+", text[:60])
    if words and (words[0] in ("Also", "Further", "Again") or words[0].endswith("ly")) and len(words) > 1:
        words = words[1:]
    w = words[0] if words else ""
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")) and w != "Whereas"


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        return None


def _split_names(s: str) -> tuple[str, ...]:
    """'A, B, C and D' -> names as printed; only the last item is split on ' and ' (names like 'Trinidad and
    Tobago' inside the list stay whole; one in last place after another name is cut: `link` re-joins it)."""
    items = [x.strip() for x in re.split(r",\s+", " ".join(s.split())) if x.strip()]
    if items and " and " in items[-1]:
        head, _, last = items[-1].partition(" and ")
        items[-1:] = [head.strip(), last.strip()]
    return tuple(x for x in items if x)


# --- the passes ---------------------------------------------------------------------------------------------------


def segment_en(source: Source, symbol: str) -> Document:
    """Segments one English resolution or draft resolution into a `Document` with one `ResolutionText`.

    Raises:
        SegmentError: no "The General Assembly" opening, or no paragraph after it.
    """
    r = _Reader(source, symbol)
    lines = _scan(source.text)
    front, first = _front_matter(lines)
    at = next((i for i in range(first, len(lines)) if _ASSEMBLY.match(lines[i].text)), None)
    if at is None:
        raise SegmentError(f"{source.path}: no 'The General Assembly,' opening found (not a resolution text?)")
    head = _header(r, lines[first:at], front)
    _mark_furniture(r, lines, at, head)
    notes = _footnotes(r, lines, at)
    r.defined = set(notes)
    r.next_marker = min(notes) if notes else 1
    paragraphs, annex = _body(r, lines, at)
    if not paragraphs:
        raise SegmentError(f"{source.path}: no paragraphs after 'The General Assembly'")
    referenced = {m.number for p in paragraphs for m in p.markers}
    footnotes = []
    for number, acc in sorted(notes.items()):
        if number not in referenced:
            if annex and number > max(referenced, default=0):
                continue  # a footnote of the annex, which is not segmented
            r.warn(f"footnote {number}: no marker found in the paragraphs")
        body, _ = r.clean(acc)
        footnotes.append(Footnote(number, body, acc.runs[0][0], acc.runs[-1][1]))
    kind = "draft" if head["sponsors"] is not None or "/L." in symbol else "resolution"
    text = ResolutionText(
        kind=kind,
        ordinal=1,
        symbol=symbol,
        title=head["title"],
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes),
        start=lines[at].start,
        end=max(p.end for p in paragraphs),
        title_span=head["title_span"],
        sponsors=head["sponsors"] or (),
    )
    if kind == "resolution":
        when = head["adopted"] or front.get("date") or head["issued"]
    else:
        when = head["issued"] or front.get("date")
    if source.metadata == () and front:
        source = Source(source.path, source.text, source.encoding, source.lang, source.symbol, tuple(front.items()))
    return Document(
        source=source,
        kind=kind,
        symbol=symbol,
        title=head["title"],
        session=head["session"],
        agenda_item=head["agenda_item"],
        date=when,
        texts=(text,),
        documents_before=head["before"],
        on_report_of=head["on_report_of"],
        warnings=tuple(r.warnings),
    )


def _scan(text: str) -> list[_Line]:
    """Every line (blank ones too) with the offsets of its stripped content."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        empty = body == "" or "\f" in body
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped, empty, "text" if stripped else "blank"))
        pos += len(raw)
    return out


def _front_matter(lines: list[_Line]) -> tuple[dict[str, str], int]:
    """Markdown YAML front matter as flat `key: value` pairs (quotes removed), and the first line after it."""
    if not lines or lines[0].text != "---":
        return {}, 0
    out: dict[str, str] = {}
    for i in range(1, len(lines)):
        t = lines[i].text
        if t == "---":
            return out, i + 1
        key, sep, value = t.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1].replace('\\"', '"')
            out[key.strip()] = value
    return {}, 0  # no closing rule: not front matter


def _header(r: _Reader, lines: list[_Line], front: dict[str, str]) -> dict:
    """What the lines before "The General Assembly," say about the document."""
    texts = [ln.text for ln in lines if ln.text]
    joined = " ".join(texts)
    head: dict = {"title": None, "title_span": None, "sponsors": None, "before": (), "on_report_of": None}
    printed = next((t for t in texts if re.fullmatch(r"[A-Z]{1,2}/[A-Z0-9./\-()]+", t.replace(" ", ""))), None)
    printed = (printed or front.get("symbol", "")).replace(" ", "")
    head["printed_symbol"] = printed
    if printed and printed != r.symbol.replace(" ", ""):
        r.warn(f"the text is {printed}, read as {r.symbol}")
    m = re.search(rf"\b({EN_ORDINAL}) session\b", joined, re.IGNORECASE)
    head["session"] = en_ordinal(m.group(1)) if m else None
    m = re.search(r"\bAgenda items?\s+(\d+)", joined)
    head["agenda_item"] = int(m.group(1)) if m else None
    m = re.search(rf"adopted by the General Assembly\s+on\s+{_DATE}", joined)
    head["adopted"] = _iso(*m.groups()) if m else None
    m = re.search(rf"Distr\.:\s*\w+\s+{_DATE}", joined)
    head["issued"] = _iso(*m.groups()) if m else None
    symbol = r"[A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+"
    if m := re.search(r"\[on the report of the [\w ]+? Committee\s*\(([^)]*)\)\]", joined):
        found = re.search(symbol, m.group(1))
        head["on_report_of"] = found.group(0) if found else None
    if m := re.search(r"\[without reference to a Main Committee\s*\(([^)]*)\)\]", joined):
        # the draft the Assembly adopted directly: recorded as the document before it
        head["before"] = tuple(re.findall(symbol, m.group(1)))
    title_lines: list[tuple[int, int]] = []
    for k, ln in enumerate(lines):
        if m := _RES_TITLE.match(ln.text):
            if f"{m.group(1)}/{m.group(2)}" not in r.symbol:
                r.warn(f"resolution number {m.group(1)}/{m.group(2)} does not match {r.symbol}")
            title_lines.append((ln.start + m.start(3), ln.end))
            title_lines += [(x.start, x.end) for x in _run_of_lines(lines, k + 1)]
            break
        if re.search(r":\s*(?:revised\s+)?draft resolution$", ln.text, re.IGNORECASE):
            block = [x for x in _run_of_lines(lines, k, backwards=True)]
            sponsor_text = " ".join(r.text[x.start : x.end] for x in block)
            head["sponsors"] = _split_names(sponsor_text[: sponsor_text.rindex(":")])
            rest = [x for x in lines[k + 1 :] if x.text]
            title_lines = [(x.start, x.end) for x in rest]
            break
    if title_lines:
        head["title"] = " ".join(strip_markers(r.text[s:e]) for s, e in title_lines).strip() or None
        head["title_span"] = (title_lines[0][0], title_lines[-1][1])
        head["title"] = _completed(head["title"], front.get("title", ""))
    elif front.get("title"):
        head["title"] = front["title"].rstrip(" :") or None
    if not head["title"]:
        r.warn("no title found")
    head["text"] = joined
    return head


def _fold(s: str) -> str:
    """For comparing titles: case, hyphen and quote variants and spacing ignored."""
    s = s.translate(str.maketrans({"\u2011": "-", "\u2010": "-", "\u00a0": " ", "“": '"', "”": '"', "’": "'"}))
    return " ".join(s.split()).lower()


def _completed(title: str | None, catalogue: str) -> str | None:
    """The printed title, completed from the front matter title when the Markdown lost its last line(s):
    'Scale of assessments for the apportionment of the expenses of the' + ' United Nations: requests under …'."""
    catalogue = re.sub(r"\s+:", ":", catalogue).rstrip(" :")
    if title and len(catalogue) > len(title) and _fold(catalogue).startswith(_fold(title)):
        return title + catalogue[len(title) :]
    return title


def _run_of_lines(lines: list[_Line], k: int, backwards: bool = False) -> list[_Line]:
    """Consecutive non-blank lines from index k (forwards from k, or backwards ending at k)."""
    out = []
    step = -1 if backwards else 1
    while 0 <= k < len(lines) and lines[k].text:
        out.append(lines[k])
        k += step
    return out[::-1] if backwards else out


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def _mark_furniture(r: _Reader, lines: list[_Line], at: int, head: dict) -> None:
    """Marks page furniture after the opening: symbol, page and job numbers, bar codes, and the running title
    lines that stand next to them (a line is a running title only inside such a cluster)."""
    symbols = {r.symbol.replace(" ", ""), head["printed_symbol"]} - {""}
    header_text = _norm(head["text"])
    strong = []
    for i in range(at + 1, len(lines)):
        t = lines[i].text
        if not t:
            continue
        page = re.fullmatch(r"(\d{1,3})\s*/\s*(\d{1,3})", t)
        if page and int(page.group(1)) > int(page.group(2)):
            continue
        if t.replace(" ", "") in symbols or any(p.match(t) for p in _FURNITURE):
            lines[i].role = "furniture"
            strong.append(i)
    title = _norm(head["title"] or "")
    for i in range(at + 1, len(lines) - 1):  # a running title alone between blank lines (Markdown keeps them)
        t = lines[i].text
        if len(t) >= 20 and _norm(t) in title and lines[i - 1].role == "blank" and lines[i + 1].role == "blank":
            lines[i].role = "furniture"
    for i in strong:
        for step in (-1, 1):
            j, seen = i + step, 0
            while at < j < len(lines) and seen < 6:
                ln = lines[j]
                if ln.empty and not r.markdown:
                    break
                running = len(ln.text) >= 8 and _norm(ln.text) in header_text
                if ln.role == "text" and (_HEADER_WORDS.match(ln.text) or running):
                    ln.role = "furniture"
                elif ln.role not in ("blank", "furniture"):
                    break
                j += step
                seen += 1


def _footnotes(r: _Reader, lines: list[_Line], at: int) -> dict[int, _Acc]:
    """Footnote bodies by number: PDF blocks under a rule of underscores, or Markdown `[^n]:` definitions."""
    notes: dict[int, _Acc] = {}
    last, cur, zone = 0, None, False
    for i in range(at + 1, len(lines)):
        ln = lines[i]
        if r.markdown:
            m = _MD_NOTE.match(ln.text)
            prev_note = i > 0 and lines[i - 1].role == "note"
            if m:
                number = int(m.group(1))
                if cur is not None and prev_note and number != last + 1:
                    # "[^1994]: (United …" continues the note above: the extraction took "1994" for a number
                    r.add_line(cur, ln.start + 2, ln.start + 2 + len(m.group(1)), " ", markers=False)
                    r.add_line(cur, ln.start + m.end(), ln.end, " ", markers=False)
                else:
                    if number in notes:
                        r.warn(f"footnote {number} defined twice")
                    cur = notes[number] = _Acc()
                    last = number
                    r.add_line(cur, ln.start + m.end(), ln.end, "", markers=False)
                ln.role = "note"
            elif prev_note and ln.role == "text" and cur is not None:
                r.add_line(cur, ln.start, ln.end, " ", markers=False)
                ln.role = "note"
            continue
        if ln.role == "furniture" or ln.empty:
            zone = False
            continue
        if ln.role == "blank":
            continue
        if _RULE.match(ln.text):
            ln.role, zone = "rule", True
            continue
        if not zone:
            continue
        m = _PDF_NOTE.match(ln.text)
        if m and (int(m.group(1)) == last + 1 or not notes):
            last = int(m.group(1))
            cur = notes[last] = _Acc()
            r.add_line(cur, ln.start + m.start(2), ln.end, "", markers=False)
        elif cur is not None:
            r.add_line(cur, ln.start, ln.end, " ", markers=False)
        ln.role = "note"
    return notes


def _heading(items: list[tuple[_Line, bool, bool]], k: int) -> bool:
    """A section heading ("Peacebuilding financing") or a stray running title between blank lines: a short line
    without closing punctuation standing before a numbered paragraph."""
    ln, gap, _ = items[k]
    if not gap or k + 1 >= len(items) or not items[k + 1][1] or not _NUMBERED.match(items[k + 1][0].text):
        return False
    def bare(t: str) -> str:  # without a footnote marker at the end ("Committee,3")
        return re.sub(r"(?<=[,;:.”’)])\s*\d{1,3}$|\[\^\d+\]$", "", t)

    before = bare(items[k - 1][0].text) if k else "."
    short = ln.text[:1].isupper() and len(ln.text.split()) <= 12 and not _NUMBERED.match(ln.text)
    return short and not _ends_unit(bare(ln.text)) and _ends_unit(before)


def _merged(r: _Reader, cur: _Para, t: str) -> bool:
    """A Markdown line that opens a preambular paragraph right under the last one, no blank line between."""
    return r.markdown and cur.kind == "preambular" and cur.acc.tail.endswith(",") and _opens_preambular(t, strict=True)


def _body(r: _Reader, lines: list[_Line], at: int) -> tuple[list[Paragraph], bool]:
    """Preambular and operative paragraphs from the opening to the closing line; and whether an annex follows."""
    opening = lines[at]
    m = _ASSEMBLY.match(opening.text)
    first = _Line(opening.start + m.end(), opening.end, opening.text[m.end() :].strip(), False)
    first.start = opening.end - len(first.text)
    stream = ([first] if first.text else []) + lines[at + 1 :]
    items: list[tuple[_Line, bool, bool]] = []  # text lines up to the closing, with: after a gap? after a page break?
    brk = page = False
    annex = False
    for k, ln in enumerate(stream):
        if ln.role != "text":
            brk = True
            page = page or ln.role in ("furniture", "rule", "note") or (ln.empty and not r.markdown)
            continue
        if brk and _CLOSING.match(ln.text):
            annex = any(x.text.startswith("Annex") for x in stream[k:])
            break
        items.append((ln, brk, page or (brk and r.markdown)))  # a Markdown page break is only a blank line
        brk = page = False
    items = [it for k, it in enumerate(items) if not _heading(items, k)]
    numbered = any(_NUMBERED.match(ln.text) for ln, _, _ in items)
    paras: list[_Para] = []
    cur: _Para | None = None
    last_number = 0
    for ln, gap, jump in items:
        t = ln.text
        tail = cur.acc.tail if cur else ""
        if gap and _DATE_ONLY.match(t) and tail.endswith("."):
            break  # the adoption date closing a resolution adopted without a meeting
        if m := _NUMBERED.match(t):
            n = int(m.group(1))
            if n == last_number + 1 or (gap and (cur is None or _ends_unit(tail))):
                if n != last_number + 1:
                    r.warn(f"operative paragraph {n} follows {last_number}")
                cur, last_number = _Para("operative", n), n
                paras.append(cur)
                r.add_line(cur.acc, ln.start + m.end(), ln.end, "")
                continue
        if cur is None:
            kind = "operative" if not numbered and _third_person(t) else "preambular"
            cur = _Para(kind, None)
            paras.append(cur)
            r.add_line(cur.acc, ln.start, ln.end, "")
            continue
        if _SUBITEM.match(t) and (gap or _ends_unit(tail)):
            cur.listing = True
            r.add_line(cur.acc, ln.start, ln.end, "\n")
        elif (not gap and not _merged(r, cur, t)) or t[:1].islower() or not _ends_unit(tail):
            r.add_line(cur.acc, ln.start, ln.end, " ")
        elif (tail.endswith(":") or cur.listing) and (
            cur.kind == "operative" or tail.endswith((":", ";")) or not _opens_preambular(t, strict=True)
        ):
            cur.listing = True  # items of "… as follows:" without their (a), (b) labels; a list in the preamble
            r.add_line(cur.acc, ln.start, ln.end, "\n")  # ends at a clause opener of the vocabulary ("Recalling")
        elif jump and tail.endswith(",") and (cur.kind == "operative" or not _opens_preambular(t)):
            r.add_line(cur.acc, ln.start, ln.end, " ")  # a sentence carried over a page break
        else:
            if cur.kind == "operative" or (not numbered and _third_person(t)):
                number = None
                if numbered:
                    last_number += 1
                    number = last_number
                    r.warn(f"an operative paragraph without its number after {number - 1}: taken as {number}")
                cur = _Para("operative", number)
            else:
                cur = _Para("preambular", None)
            paras.append(cur)
            r.add_line(cur.acc, ln.start, ln.end, "")
    out = []
    for p in paras:
        if not p.acc.runs:
            r.warn(f"operative paragraph {p.number} has no text")
            continue
        body, markers = r.clean(p.acc)
        out.append(Paragraph(p.kind, len(out) + 1, p.number, body, p.acc.runs[0][0], p.acc.runs[-1][1], markers))
    return out, annex
