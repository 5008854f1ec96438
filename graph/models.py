"""Frozen records passed between the pipeline stages.

Every record that comes from the text keeps character offsets into the *original* file (not the cleaned text), so
`build` can write provenance down to the paragraph and a reader can find the words again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """A decoded input file."""

    path: str
    text: str
    encoding: str
    lang: str
    symbol: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()  # e.g. Markdown front matter, in file order


@dataclass(frozen=True)
class Piece:
    """A run of clean text copied verbatim from the original: clean[clean:clean+length] == original[orig:orig+length]."""

    clean: int
    orig: int
    length: int


@dataclass(frozen=True)
class CleanText:
    """Clean text with the runs that map it back to the original file."""

    text: str
    pieces: tuple[Piece, ...]

    def to_original(self, i: int) -> int:
        """Original offset of clean offset `i` (the end offset `len(text)` maps past the last run)."""
        if not self.pieces:
            return 0
        starts = [p.clean for p in self.pieces]
        k = max(bisect_right(starts, i) - 1, 0)
        p = self.pieces[k]
        return p.orig + min(i - p.clean, p.length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end)."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class Marker:
    """A footnote marker inside a paragraph: clean offset and footnote number."""

    offset: int
    number: int


@dataclass(frozen=True)
class Footnote:
    number: int
    body: CleanText
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.body.text


@dataclass(frozen=True)
class Paragraph:
    """A preambular, operative or report paragraph; `position` is 1-based within its text."""

    kind: str  # "preambular" | "operative" | "report"
    position: int
    number: int | None
    body: CleanText
    start: int
    end: int
    markers: tuple[Marker, ...] = ()

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def footnote_numbers(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(m.number for m in self.markers))


@dataclass(frozen=True)
class ResolutionText:
    """The text of one resolution or draft resolution: its paragraphs and footnotes."""

    kind: str  # "draft" | "resolution"
    ordinal: int | None
    symbol: str | None
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    start: int
    end: int
    title_span: tuple[int, int] | None = None
    sponsors: tuple[str, ...] = ()  # names as printed (a draft's sponsor line)

    def footnote(self, number: int) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None


@dataclass(frozen=True)
class Meeting:
    body: str  # body code, e.g. THIRD-COMMITTEE
    session: int
    number: int
    date: str | None  # ISO date


@dataclass(frozen=True)
class Statement:
    speaker: str  # name as printed
    meeting: Meeting
    start: int
    end: int


@dataclass(frozen=True)
class DraftFacts:
    """What a committee report says happened to one draft resolution."""

    ordinal: int
    symbol: str
    recommended_by: str | None  # number as printed, e.g. "2019/16" (an ECOSOC resolution)
    adopted_at: Meeting | None
    budget_implications: bool
    sponsors: tuple[str, ...]  # State names as printed
    co_sponsors: tuple[str, ...]
    title: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A segmented source file: a committee report with its drafts, a resolution, or a draft."""

    source: Source
    kind: str  # "report" | "resolution" | "draft"
    symbol: str
    title: str | None
    session: int | None
    agenda_item: int | None
    date: str | None
    texts: tuple[ResolutionText, ...]
    report_paragraphs: tuple[Paragraph, ...] = ()
    report_footnotes: tuple[Footnote, ...] = ()
    facts: tuple[DraftFacts, ...] = ()
    statements: tuple[Statement, ...] = ()
    documents_before: tuple[str, ...] = ()  # symbols of the documents before the committee
    on_report_of: str | None = None  # "[on the report of the Third Committee (A/74/400)]"
    warnings: tuple[str, ...] = field(default=())


# --- what extraction and linking produce --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """What an edge points to: a vocabulary concept, or a node minted for a cited document, resolution or title."""

    iri: str
    kind: str  # instrument | publication | body | state | group | resolution | document
    code: str | None  # concept notation, or the normalised symbol of a document/resolution
    label: str | None = None  # for titles outside the vocabulary, as written
    lang: str | None = None
    linked: bool = True  # False for a title not in the vocabulary
    issuer: str | None = None  # body concept IRI that issued a resolution


@dataclass(frozen=True)
class Hit:
    """One span of a paragraph or footnote linked to an entity (clean offsets within that text)."""

    start: int
    end: int
    surface: str
    entity: Entity
    via: str = "text"  # text | footnote | anaphora | short-form | unts | ibid


@dataclass(frozen=True)
class Action:
    """One clause the General Assembly utters in an operative paragraph (clean offsets within the paragraph)."""

    ordinal: int
    type: str  # action-type code (CONTRACT §5)
    start: int
    end: int
    text: str
    addressees: tuple[str, ...] = ()  # concept IRIs
    report_to: str | None = None  # body concept IRI
    report_session: int | None = None


@dataclass(frozen=True)
class ParagraphLinks:
    """Edges of one paragraph; `text` is the resolution text's ordinal (0 for the report's own paragraphs)."""

    text: int
    position: int
    type: str | None  # leading verb's action type
    cites: tuple[Hit, ...] = ()
    mentions: tuple[Hit, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class FootnoteLinks:
    text: int
    number: int
    cites: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class Links:
    """Everything `link` resolved for one document."""

    paragraphs: tuple[ParagraphLinks, ...] = ()
    footnotes: tuple[FootnoteLinks, ...] = ()
    sponsors: tuple[tuple[int, str], ...] = ()  # (draft ordinal, state IRI)
    co_sponsors: tuple[tuple[int, str], ...] = ()
    speakers: tuple[tuple[int, str], ...] = ()  # (statement index, state/body IRI)
    warnings: tuple[str, ...] = ()
