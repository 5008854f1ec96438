"""Reading input files: decoding, language detection, and the character-level clean-up of conversion noise.

Offsets everywhere in unkg are character offsets into the decoded text of the file (a byte-order mark is not
counted). Cleaning never moves text around: it drops characters (link residue, footnote markers) and maps
full-width letters and digits to their ASCII forms one for one, so every clean run maps back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .models import CleanText, Marker, Piece, Source

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPT)}
# Full-width ASCII letters, digits and a few symbols that occur in UN symbols; Chinese punctuation is kept.
_FULLWIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0xFF0F: 0x2F,  # ／
    0xFF0E: 0x2E,  # ．
    0xFF08: 0x28,  # （
    0xFF09: 0x29,  # ）
    0xFF0D: 0x2D,  # －
    0x3000: 0x20,  # ideographic space
    0x00A0: 0x20,  # no-break space
    0x2011: 0x2D,  # non-breaking hyphen (PDF extractions: "Secretary‑General")
}
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:#|https?://[^)\s]*)?\)")
_MARKER = re.compile(f"[{SUPERSCRIPT}]+")


def read_source(path: str | Path, lang: str = "auto", symbol: str | None = None) -> Source:
    """Reads and decodes one input file.

    Raises:
        InputError: the file is missing, empty, binary, or in an encoding other than UTF-8, UTF-16 or GB18030.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    text, encoding = decode(raw, str(p))
    if not text.strip():
        raise InputError(f"{p}: empty file")
    if lang == "auto":
        lang = detect_language(text)
    elif lang not in ("zh", "en"):
        raise InputError(f"{p}: unsupported language {lang!r} (zh or en)")
    return Source(path=str(p), text=text, encoding=encoding, lang=lang, symbol=symbol)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decodes UTF-8 (with or without BOM), UTF-16 (with BOM, or without when evidently UTF-16) or GB18030."""
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        return _checked(raw[3:], "utf-8", name), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(raw, "utf-16", name), "utf-16"
    if b"\x00" in raw and len(raw) % 2 == 0:  # UTF-16 without BOM: accept only a plausible text
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return _checked_text(text, name), enc
    if b"\x00" in raw:
        raise InputError(f"{name}: binary file (contains NUL bytes), expected text")
    try:
        return _checked(raw, "utf-8", name), "utf-8"
    except InputError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode text (not UTF-8, UTF-16 or GB18030)") from None
    non_ascii = [c for c in text if ord(c) > 127]
    cjk = sum(1 for c in non_ascii if _is_cjk(c))
    if non_ascii and cjk / len(non_ascii) < 0.6:
        raise InputError(f"{name}: cannot decode text (not UTF-8, UTF-16 or GB18030)")
    return _checked_text(text, name), "gb18030"


def _checked(raw: bytes, enc: str, name: str) -> str:
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode text as {enc}") from None
    return _checked_text(text.lstrip("\ufeff"), name)


def _checked_text(text: str, name: str) -> str:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise InputError(f"{name}: binary file (control characters), expected text")
    return text


def _plausible(text: str) -> bool:
    """Mostly printable ASCII, CJK and common punctuation: what a UN text decodes to, and random bytes do not."""
    good = sum(1 for c in text if (c.isascii() and (c.isprintable() or c in "\n\r\t")) or _is_cjk(c) or c in SUPERSCRIPT)
    return "\x00" not in text and good >= 0.95 * len(text)


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x3400 <= o <= 0x4DBF or 0x2000 <= o <= 0x206F


def detect_language(text: str) -> str:
    """'zh' when CJK ideographs make up a fair share of the letters, else 'en'."""
    sample = text[:20000]
    cjk = sum(1 for c in sample if 0x4E00 <= ord(c) <= 0x9FFF)
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return "zh" if cjk * 3 >= latin else "en"


def clean_runs(text: str, runs: list[tuple[int, int, str]]) -> tuple[CleanText, tuple[Marker, ...]]:
    """Cleans the original text spans `runs` ([start, end) offsets, joiner) and joins them into one clean text.

    Link residue `[X](#)` keeps X; superscript footnote markers are removed and returned as `Marker`s at their
    clean offset; full-width letters and digits become ASCII. Each run's joiner goes before it (a space for
    English lines, nothing for Chinese lines broken mid-word, a newline before a sub-item).
    """
    out: list[str] = []
    pieces: list[Piece] = []
    markers: list[Marker] = []
    pos = 0

    def emit(orig_start: int, s: str) -> None:
        nonlocal pos
        if not s:
            return
        s = s.translate(_FULLWIDTH)
        if pieces and pieces[-1].clean + pieces[-1].length == pos and pieces[-1].orig + pieces[-1].length == orig_start:
            last = pieces.pop()
            pieces.append(Piece(last.clean, last.orig, last.length + len(s)))
        else:
            pieces.append(Piece(pos, orig_start, len(s)))
        out.append(s)
        pos += len(s)

    for k, (start, end, joiner) in enumerate(runs):
        if k and joiner:
            out.append(joiner)
            pos += len(joiner)
        segment = text[start:end]
        cursor = 0
        for m in _tokens(segment):
            emit(start + cursor, segment[cursor : m.start()])
            if m.group("link") is not None:
                emit(start + m.start("link"), m.group("link"))
            else:
                number = int("".join(_SUP_VALUE[c] for c in m.group("marker")))
                markers.append(Marker(pos, number))
            cursor = m.end()
        emit(start + cursor, segment[cursor:])
    return CleanText("".join(out), tuple(pieces)), tuple(markers)


_TOKEN = re.compile(rf"\[(?P<link>[^\]\n]{{1,200}})\]\((?:#|https?://[^)\s]*)?\)|(?P<marker>[{SUPERSCRIPT}]+)")


def _tokens(segment: str):
    return _TOKEN.finditer(segment)


def strip_markers(s: str) -> str:
    """The text with footnote markers and link residue removed (for headings and titles)."""
    return _MARKER.sub("", _LINK.sub(r"\1", s)).translate(_FULLWIDTH).strip()
