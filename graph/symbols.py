"""Resolution and document symbols in UN texts, normalised per CONTRACT §4.

Pure text -> ``SymbolRef`` grammar, no rdflib.  Resolutions are found by their printed shape ("第 70/1 号决议",
"resolution 70/1", "A/RES/70/1"); the issuer of a bare number comes from the body named before it (a *cue*),
from the subject of the sentence for "其"/"its", from the previous reference of a list, in English from a body named
right after the number or list ("… of the Commission …", "adopted by the …", "at the ninth session of the …"), or else
from the caller's default.  The number's shape must fit that issuer (2019/16 is never a GA number); when it does not,
or no body is known, ``symbol`` is None and ``reason`` says why, so the caller can warn instead of guessing.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping
from urllib.parse import quote

__all__ = ["SymbolRef", "DEFAULT_CUES", "find_symbols", "normalise", "is_un_symbol", "symbol_path", "roman"]


@dataclass(frozen=True)
class SymbolRef:
    """One resolution or document reference found in a text."""

    start: int
    end: int
    raw: str
    symbol: str | None
    kind: str
    issuer: str | None
    number: str
    annex: bool = False
    reason: str | None = None


#: Phrases naming the body that issued the number after them.  Longest match wins ("安全理事会" over "理事会").
#: Bare "Council"/"Commission" are left out on purpose: they are ambiguous in English texts.
DEFAULT_CUES: Mapping[str, str] = MappingProxyType({
    "大会": "UNGA", "联合国大会": "UNGA", "General Assembly": "UNGA", "Assembly": "UNGA",
    "经济及社会理事会": "ECOSOC", "经社理事会": "ECOSOC", "理事会": "ECOSOC", "Economic and Social Council": "ECOSOC",
    "安全理事会": "UNSC", "安理会": "UNSC", "Security Council": "UNSC",
    "人权理事会": "HRC", "Human Rights Council": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "Commission on Crime Prevention and Criminal Justice": "CCPCJ",
    "麻醉药品委员会": "CND", "Commission on Narcotic Drugs": "CND",
    "缔约方会议": "UNTOC-COP", "Conference of the Parties": "UNTOC-COP",
    "缔约国会议": "UNCAC-COSP", "缔约国大会": "UNCAC-COSP",
    "Conference of the States Parties": "UNCAC-COSP", "Conference of States Parties": "UNCAC-COSP",
})

# Head nouns of a body name: a body named right before a number but absent from the cues is "unknown", not the GA.
_HEADS = (r"委员会|理事会|(?<![届次])会议|大会|论坛|(?<![A-Za-z])(?:Council|Commission|Committee|Conference|Board"
          r"|Congress|Forum|Assembly|Organization)(?![A-Za-z])")

# ---- number shapes -------------------------------------------------------------------------------------------
_SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_NUM = (r"(?:E?S-\d{1,2}/\d{1,3}(?![\d/])"                          # special session S-30/1, ES-10/19
        r"|\d{1,4}\s{0,8}[(（]\s?(?:19|20)\d\d\s?[)）]"              # Security Council 2133(2014)
        r"|\d{1,4}(?:\s?[A-Z])?\s?[(（]\s?(?:E?S-)?[IVXLC]+\s?[)）]"   # roman session 217 A(III), 155 C (VII)
        r"|\d{1,4}/\d{1,4}(?![\d/]))")                                # session or year: 70/1, 2019/16
_PARTS_EN = r"(?:\s[A-Z](?![\w/])(?:(?:\s*,\s*|\s+and\s+)[A-Z](?![\w/]))*)?"   # 53/243 A and B
_PARTS_ZH = r"(?:\s?[A-Z](?:\s*[、和及]\s*[A-Z])*(?![A-Za-z0-9/]))?"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_EN = rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\d{{0,3}}(?!\d)"        # year may carry a glued footnote marker
_DATE_ZH = r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
_TITLE = (r"(?:(?:题为|entitled)\s*)?[“\"][^”\"]{1,400}[”\"]"            # quoted title
          r"|关于(?:(?!决议)[^。；;\n]){1,200}?的")                        # 关于…的 title, never across another 决议
_TC = r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|against|on|of|and|for|the|in))*"   # Title Case name

# What may stand between a cue and the number it issues (dates, titles, "in its", "to the Convention ...").
_GAP = re.compile(
    rf"(?:\s|[,，{_SUP}]|{_DATE_ZH}|{_TITLE}|的|在?其|通过(?:了|的)?"
    r"|(?:在|于)?第[\d一二三四五六七八九十百零〇]+届(?:特别)?会议上?"
    r"|(?:决议|resolutions?)\s*[,，]?\s*(?:包括|特别是|尤其是|including|in\s+particular|notably)"
    r"|(?<![A-Za-z])(?:in|by|its|through|under|at\s+its\s+[\w-]+\s+session)(?![A-Za-z])"
    rf"|(?:to|of)\s+the\s+{_TC})*")
# What may stand between two references of one list (the second inherits the first's issuer).
_CONT = re.compile(
    rf"(?:\s|[,，、{_SUP}]|\d{{1,3}}(?=\s)|和|及|以及|与|(?<![A-Za-z])(?:and|also|as\s+well\s+as)(?![A-Za-z])"
    rf"|(?:also\s+)?of\s+{_DATE_EN}|{_DATE_ZH}|{_TITLE}|的)*")
_ITS = re.compile(rf"(?:其|(?<![A-Za-z])its(?![A-Za-z]))(?:\s|{_DATE_ZH}|{_TITLE}|的|,)*\Z")
_SUBJECT = re.compile(rf"[\s\d.()\[\]^:{_SUP}]*(?:[Tt]he\s+)?")
# A body named after the number, in the same clause: "resolution 27/5 of 18 May 2018 of the Commission …", "…, adopted by
# the Conference of the Parties", "resolution 9/1 …, entitled “…”, at the ninth session of the Conference of the Parties".
_ADOPTED_BY = re.compile(
    rf"(?:\s*,?\s*entitled\s*[“\"][^”\"]{{1,400}}[”\"])?\s*,?\s*"
    r"(?:adopted\s+by\s+(?:the\s+)?|of\s+the\s+|at\s+(?:its|the)\s+(?:[\w-]+\s+){1,3}?session\s*,?\s+of\s+the\s+)")

_KW_EN = re.compile(r"(?<![A-Za-z])[Rr]esolutions?(?=\s)[ \t]*(?:\r?\n[ \t]*)?")   # one line break, never a blank line
_ITEM_EN = re.compile(
    rf"(?P<num>{_NUM}{_PARTS_EN})(?:,?\s*(?:also\s+)?of\s+{_DATE_EN})?"
    r"(?P<annex>\s*,\s*annex(?:es)?(?![A-Za-z])(?:\s+[IVX]+(?![A-Za-z]))?)?")
_SEP_EN = re.compile(r"(?:\s*,?\s*entitled\s*[“\"][^”\"]{1,400}[”\"])?"
                     r"(?:\s*,\d{0,3}\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as\s+well\s+as\s+)")
# "73/154 of 17 December 2018 on protecting children from bullying, 73/148 of …": each item has its own subject.  The
# subject holds no number and no other "resolution", stays in the sentence, and the next item must carry its date,
# so that page numbers ("2/21"), article numbers or a later body's list are never taken into the list.
_SUBJ_SEP_EN = re.compile(
    r"\s+on\s+(?:(?!resolution|decision|\d{1,4}\s?/\s?\d)[^;.!?\n]|\n(?![ \t]*\n)|\.(?!\s)){1,300}?"
    rf"(?:\s*,\d{{0,3}}\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as\s+well\s+as\s+)"
    rf"(?={_NUM}{_PARTS_EN},?\s*(?:also\s+)?of\s+{_DATE_EN})")
_NUM_ZH = re.compile(rf"{_NUM}{_PARTS_ZH}")
_UNIT_ZH = re.compile(rf"(?<![A-Za-z0-9/.\-])(?:第\s*)?{_NUM}{_PARTS_ZH}"
                      rf"(?:\s*(?:、|和|及|以及)\s*(?:第\s*)?{_NUM}{_PARTS_ZH})*\s*号")
_RES_ZH = re.compile(r"\s*决议(?:\s*[A-Z](?:\s*[、和及]\s*[A-Z])*(?![A-Za-z0-9/]))?")
_ANNEX_ZH = re.compile(r"\s*[，,]\s*附件")
_LINK_ZH = re.compile(r"\s*(?:、|和|及|以及|与)")

_BOUND_ZH = re.compile(r"[。；;！？!?\n]")
_BOUND_EN = re.compile(r"[;!?]|\.(?=\s)|\n[ \t]*\n")

# ---- document symbols ----------------------------------------------------------------------------------------
_RES_DOC = re.compile(rf"(?<![A-Za-z0-9./\-_])(?P<pre>A/HRC/RES|A/RES|E/RES|S/RES)/(?P<num>{_NUM})(?![A-Za-z0-9/])")
# series and second part upper case (so "CM/Res.1356" is not one), later parts Rev.1, Corr.1, "(Part I)" suffix
_DOC = re.compile(r"(?<![A-Za-z0-9./\-_@])[A-Z]{1,8}/(?:[ \t]*\n\s*)?[A-Z0-9][A-Z0-9.\-]*"
                  r"(?:/(?:[ \t]*\n\s*)?[A-Za-z0-9][A-Za-z0-9.\-]*)+"
                  r"(?:\s{0,4}\((?:Part|Vol\.)\s?[IVX\d]+\))?")
_PREFIX_ISSUER = {"A/RES": "UNGA", "E/RES": "ECOSOC", "S/RES": "UNSC", "A/HRC/RES": "HRC"}
# Not symbols: URLs (undocs.org/A/74/125) and Markdown link targets ("[A/C.3/74/L.5](A/C.3/74/L.5)").
_EXCLUDE = re.compile(r"(?:https?://|ftp://|www\.)\S+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:org|int|com|net)/\S*"
                      r"|(?<=\])\([^)\s]*\)")

# ---- normalisation -------------------------------------------------------------------------------------------
_SHAPE = re.compile(
    r"\s*(?:(?P<special>(?P<sp>E?S)-(?P<ss>\d{1,2})/(?P<sn>\d{1,3}))"
    r"|(?P<sc>(?P<scn>\d{1,4})\s*[(（]\s*(?P<scy>(?:19|20)\d\d)\s*[)）])"
    r"|(?P<old>(?P<on>\d{1,4})\s*[A-Z]?\s*[(（]\s*(?P<or>(?:E?S-)?[IVXLC]+)\s*[)）])"
    r"|(?P<year>(?P<yy>(?:19|20)\d\d)/(?P<yn>\d{1,4}))"
    r"|(?P<sess>(?P<s>\d{1,3})/(?P<n>\d{1,4})))"
    r"(?:\s*(?:[A-Z](?![a-z])|,|、|和|及|and))*\s*")                               # part letters are dropped
_FORMS = {
    "UNGA": {"sess": "A/RES/{s}/{n}", "special": "A/RES/{sp}-{ss}/{sn}", "old": "A/RES/{on}({or})"},
    "ECOSOC": {"year": "E/RES/{yy}/{yn}", "old": "E/RES/{on}({or})"},
    "UNSC": {"sc": "S/RES/{scn}({scy})"},
    "HRC": {"sess": "A/HRC/RES/{s}/{n}", "special": "A/HRC/RES/{sp}-{ss}/{sn}"},
    "CCPCJ": {"sess": "CCPCJ/RES/{s}/{n}"},
    "CND": {"sess": "CND/RES/{s}/{n}"},
    "UNTOC-COP": {"sess": "CTOC-COP/RES/{s}/{n}"},
    "UNCAC-COSP": {"sess": "CAC-COSP/RES/{s}/{n}"},
}
_UNKG_ONLY = re.compile(r"(?:CCPCJ|CND|CTOC-COP|CAC-COSP)/RES/")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(n: str) -> int:
    """Value of a roman numeral ("XXI" -> 21); ValueError when it is not one, so bad sessions are not normalised."""
    s = n.strip().upper()
    if not s or not _ROMAN.fullmatch(s):
        raise ValueError(f"not a roman numeral: {n!r}")
    vals = [_ROMAN_VALUES[c] for c in s]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def _shape(number: str) -> tuple[str, dict[str, str]] | None:
    """Which shape a printed number has (sess, year, special, sc, old) and its parts."""
    m = _SHAPE.fullmatch(number)
    if not m:
        return None
    kind = next(k for k in ("special", "sc", "old", "year", "sess") if m.group(k))
    return kind, {k: v for k, v in m.groupdict().items() if v is not None}


def normalise(number: str, issuer: str) -> str:
    """Normalised symbol of a printed resolution number for its issuer; ValueError when the shape cannot be
    that body's (e.g. "2019/16" for the GA), because such a symbol would be a silent guess."""
    forms = _FORMS.get(issuer)
    if forms is None:
        raise ValueError(f"unsupported issuer: {issuer!r}")
    found = _shape(number)
    if found is None or found[0] not in forms:
        raise ValueError(f"{number!r} cannot be a {issuer} resolution number")
    kind, parts = found
    if kind == "old":
        roman(parts["or"].split("-")[-1])
    return forms[kind].format(**parts)


def is_un_symbol(symbol: str) -> bool:
    """False for unkg-only identifiers (CCPCJ/RES/…, CTOC-COP/RES/…): those get IRIs under the base IRI."""
    return bool(symbol) and "/" in symbol and not _UNKG_ONLY.match(symbol)


def symbol_path(symbol: str) -> str:
    """The symbol as an IRI path: "/", "(", ")", ".", "-" stay readable, anything else is percent-encoded."""
    return quote(symbol, safe="/().-_~")


# ---- finding -------------------------------------------------------------------------------------------------
@dataclass
class _Phrase:
    start: int
    end: int                                   # end of the printed phrase ("…号决议", "resolution 70/1")
    tail: int                                  # end including "of <date>", ", annex" (where a list may go on)
    items: list[tuple[int, int, str, bool]]    # number start, end, printed number, annex
    ctx: tuple[str | None, str] = (None, "default")   # issuer code and how it was decided


@lru_cache(maxsize=16)
def _cue_pattern(cues: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for the cues (longest first, spaces matching line breaks) followed by the body head nouns."""
    lookup = {" ".join(k.split()): v for k, v in cues}
    alts = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(lookup, key=len, reverse=True))
    cue = rf"(?<![A-Za-z])(?P<cue>{alts})(?![A-Za-z])|" if alts else ""
    return re.compile(rf"{cue}(?P<head>{_HEADS})"), lookup


def _phrases_en(text: str) -> list[_Phrase]:
    out = []
    for kw in _KW_EN.finditer(text):
        pos, items = kw.end(), []
        while (m := _ITEM_EN.match(text, pos)) is not None:
            items.append(m)
            sep = _SEP_EN.match(text, m.end()) or _SUBJ_SEP_EN.match(text, m.end())
            if sep is None:
                break
            pos = sep.end()
        if items:
            refs = [(m.start("num"), m.end("num"), m.group("num"), bool(m.group("annex"))) for m in items]
            out.append(_Phrase(kw.start(), items[-1].end("num"), items[-1].end(), refs))
    return out


def _phrases_zh(text: str) -> list[_Phrase]:
    units = list(_UNIT_ZH.finditer(text))
    accepted: list[_Phrase | None] = [None] * len(units)
    for i in range(len(units) - 1, -1, -1):     # "第 61/180 号、…第 72/195 号决议": a bare 号 needs a 决议 after it
        u = units[i]
        res = _RES_ZH.match(text, u.end())
        if res is None:
            nxt = accepted[i + 1] if i + 1 < len(units) else None
            if nxt is None or not _LINK_ZH.match(text, u.end()) or not _CONT.fullmatch(text, u.end(), nxt.start):
                continue
        end = res.end() if res else u.end()
        annex = _ANNEX_ZH.match(text, end) if res else None
        refs = [(m.start(), m.end(), m.group(), bool(annex)) for m in _NUM_ZH.finditer(text, u.start(), u.end())]
        accepted[i] = _Phrase(u.start(), end, annex.end() if annex else end, refs)
    return [p for p in accepted if p is not None]


def _context(text, ph, sent, prev, cue_re, lookup, default):
    """(issuer code, source) for a phrase; source is cue, unknown, inherit or default."""
    win = max(sent, prev.tail) if prev else sent
    for m in reversed(list(cue_re.finditer(text, win, ph.start))):
        if _GAP.fullmatch(text, m.end(), ph.start):
            key = " ".join(m.group().split())
            return (lookup[key], "cue") if m.group("cue") and key in lookup else (None, "unknown")
    if _ITS.search(text, win, ph.start):        # "其"/"its": the subject at the head of the sentence, else the default
        m = cue_re.match(text, _SUBJECT.match(text, sent).end())
        if m:
            return (lookup[" ".join(m.group().split())], "cue") if m.group("cue") else (None, "unknown")
        return default, "default"
    if prev and prev.tail >= sent and _CONT.fullmatch(text, prev.tail, ph.start):
        code, source = prev.ctx
        return code, ("inherit" if source == "cue" else source)
    return default, "default"


def _adopted_by(text, ph, cue_re, lookup):
    """English attribution after the list: "resolutions 10/1 …, entitled "…", adopted by the Conference of …"."""
    m = _ADOPTED_BY.match(text, ph.tail)
    c = cue_re.match(text, m.end()) if m else None
    if c and c.group("cue"):
        return lookup[" ".join(c.group().split())], "cue"
    return None


def _decide(number, code, source, default):
    """(symbol, issuer, reason) once the shape of the number is checked against the issuer."""
    found = _shape(number)
    if found and found[0] == "sc" and not (source == "cue" and code != "UNSC"):
        code, source = "UNSC", "cue"            # n(yyyy) is printed by the Security Council only
    if source == "unknown":
        return None, None, "unknown-issuer"
    if source == "inherit" and not (found and found[0] in _FORMS.get(code, {})):
        code = default                           # a list's issuer does not carry over a number it cannot own
    if code is None:
        return None, None, "no-issuer"
    if code not in _FORMS:
        return None, None, "unsupported-issuer"
    try:
        return normalise(number, code), code, None
    except ValueError:
        return None, None, "ambiguous"


def find_symbols(text: str, lang: str, default_issuer: str | None = "UNGA",
                 issuer_cues: Mapping[str, str] | None = None) -> list[SymbolRef]:
    """All resolution and document references in ``text`` in order.  ``lang`` picks the phrase grammar ("zh…" or
    English); ``issuer_cues`` replaces DEFAULT_CUES (merge them yourself to extend); ``default_issuer`` owns
    numbers with no body before them (the GA in a GA text)."""
    zh = lang.lower().startswith("zh")
    cue_re, lookup = _cue_pattern(tuple(sorted((DEFAULT_CUES if issuer_cues is None else issuer_cues).items())))
    bounds = [m.end() for m in (_BOUND_ZH if zh else _BOUND_EN).finditer(text)]
    refs: list[SymbolRef] = []
    prev = None
    for ph in _phrases_zh(text) if zh else _phrases_en(text):
        sent = bounds[i - 1] if (i := bisect_right(bounds, ph.start)) else 0
        ph.ctx = _context(text, ph, sent, prev, cue_re, lookup, default_issuer)
        if ph.ctx[1] == "default" and not zh:
            ph.ctx = _adopted_by(text, ph, cue_re, lookup) or ph.ctx
        for k, (s, e, number, annex) in enumerate(ph.items):
            s, e = (ph.start if k == 0 else s), (ph.end if k == len(ph.items) - 1 else e)
            symbol, issuer, reason = _decide(number, *ph.ctx, default_issuer)
            refs.append(SymbolRef(s, e, text[s:e], symbol, "resolution", issuer, " ".join(number.split()),
                                  annex, reason))
        prev = ph
    taken = [(r.start, r.end) for r in refs]
    for m in _RES_DOC.finditer(text):
        issuer = _PREFIX_ISSUER[m.group("pre")]
        try:
            symbol = normalise(m.group("num"), issuer)
        except ValueError:
            continue                             # left to the plain document grammar below
        refs.append(SymbolRef(m.start(), m.end(), m.group(), symbol, "resolution", issuer,
                              " ".join(m.group("num").split())))
        taken.append(m.span())
    for m in _DOC.finditer(text):
        raw = m.group().rstrip(".-")
        if not any(c.isdigit() for c in raw) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        refs.append(SymbolRef(m.start(), m.start() + len(raw), raw, "".join(raw.split()), "document", None, raw))
    blocked = [m.span() for m in _EXCLUDE.finditer(text)]
    refs = [r for r in refs if not any(s < r.end and r.start < e for s, e in blocked)]
    return sorted(refs, key=lambda r: (r.start, r.end))
