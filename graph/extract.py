"""Finding, not deciding: vocabulary labels, 《titles》, quoted titles, Treaty Series references in one text.

Everything here returns spans with clean offsets into the text it was given; which entity a span stands for, and
whether it counts, is `link.py`'s business. Symbols are found by `symbols.find_symbols`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import nlp
from .vocab import Vocabulary

COORDINATED = "coordinated"  # "政府间及非政府组织": one span naming every concept in `ids`


@dataclass(frozen=True)
class Found:
    """A vocabulary label in the text: `label` is the scheme, or nlp.SHORT / PLURAL / AMBIGUOUS / COORDINATED."""

    start: int
    end: int
    surface: str
    label: str
    ids: tuple[str, ...]  # concept IRIs; for SHORT/PLURAL/AMBIGUOUS the surface key of the candidates


@dataclass(frozen=True)
class Title:
    """A title in 《》 (outermost brackets), with the text between them."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Quote:
    """A quoted phrase “…”; `role` says what it is the title of: resolution, item (agenda item) or other."""

    start: int
    end: int
    inner: str
    role: str


@dataclass(frozen=True)
class Unts:
    """A United Nations Treaty Series reference: volumes (several in one footnote) and registration number."""

    start: int
    end: int
    volumes: tuple[int, ...]
    number: int
    series: bool  # the series is named here ("《条约汇编》", "Treaty Series"); False after 同上 / Ibid.


# --- vocabulary labels ---------------------------------------------------------------------------------------------

# Boundary rule (zh, character matching): a State name ending in 国 directly followed by 家/际/内 is the first half
# of 国家/国际/国内 ("发展中国家", "其中国际"), not the State. Longest match among vocabulary names handles the rest
# (几内亚 inside 赤道几内亚, 苏丹 inside 南苏丹).
_ZH_COMPOUND_AFTER = re.compile(r"[家际内]")


def boundary_ok(text: str, f: Found, lang: str) -> bool:
    """False for a State name that is only part of a longer word (see the rule above)."""
    if lang != "zh" or f.label != "state":
        return True
    return not (f.surface.endswith("国") and _ZH_COMPOUND_AFTER.match(text, f.end))


def _coordinations(text: str, vocab: Vocabulary, lang: str) -> list[Found]:
    """Coordinated modifiers sharing one head noun: "国际、区域和次区域组织" names 国际组织, 区域组织, 次区域组织.

    Built from the labels themselves: every group/body label that is a modifier + a two-character head noun gives
    that modifier to the head; a run "M1、M2和M3 head" becomes one span naming each Mi+head that is a label.
    """
    if lang != "zh":
        return _coordinations_en(text, vocab)
    out = []
    for head, mods, rx in _coordination_heads(vocab):
        for m in rx.finditer(text):
            pieces = re.split(r"(\s*(?:、|以及|和|及|与)\s*)", m.group(1))
            parts, offsets, pos = pieces[0::2], [], m.start(1)
            for k, piece in enumerate(pieces):
                if k % 2 == 0:
                    offsets.append(pos)
                pos += len(piece)
            # The run starts at the first part that ends in a known modifier ("会议以及相关国际、…" -> 国际), unless a
            # longer name ends there ("各国政府和政府间及非政府组织": 各国政府 is Governments, not a modifier).
            for i, part in enumerate(parts[:-1]):
                first = next((part[-n:] for n in range(len(part), 0, -1) if part[-n:] in mods), None)
                if first and not any(part[-n:] in _zh_label_keys(vocab) for n in range(len(first) + 1, len(part) + 1)):
                    break
            else:
                continue
            if not all(x in mods for x in parts[i + 1 :]):
                continue  # "国际和区域组织、私营部门、民间社会": not modifiers sharing one head
            known = [first] + parts[i + 1 :]
            ids = tuple(dict.fromkeys(mods[x] for x in known))
            if len(ids) > 1:
                start = offsets[i] + len(parts[i]) - len(first)
                out.append(Found(start, m.end(), text[start : m.end()], COORDINATED, ids))
    return out


def _once_per_vocabulary(fn):
    """Computes `fn(vocab)` once per Vocabulary object (a Vocabulary holds dicts, so it cannot be an lru_cache key)."""
    cache: dict[int, tuple[Vocabulary, object]] = {}

    @functools.wraps(fn)
    def wrapper(vocab: Vocabulary):
        hit = cache.get(id(vocab))
        if hit is None or hit[0] is not vocab:
            hit = cache[id(vocab)] = (vocab, fn(vocab))
        return hit[1]

    return wrapper


@_once_per_vocabulary
def _zh_label_keys(vocab: Vocabulary) -> frozenset[str]:
    """Every zh label (surface key) of the matched schemes."""
    return frozenset(nlp.surface_key(lb, "zh") for c in vocab.concepts if c.scheme in nlp.MATCHED_SCHEMES
                     for lb in c.labels("zh"))


@_once_per_vocabulary
def _coordination_heads(vocab: Vocabulary) -> list[tuple[str, dict[str, str], re.Pattern]]:
    """(head noun, modifier -> concept IRI, run pattern) from the zh group/body labels."""
    by_head: dict[str, dict[str, str]] = {}
    for c in vocab.concepts:
        if c.scheme not in ("group", "body"):
            continue
        for label in c.labels("zh"):
            key = nlp.surface_key(label, "zh")
            if 2 < len(key) <= 8:
                by_head.setdefault(key[-2:], {})[key[:-2]] = c.iri
    heads = [
        (head, mods, re.compile(rf"((?:[\u4e00-\u9fff]{{1,6}}\s*(?:、|和|及|以及|与)\s*)+[\u4e00-\u9fff]{{1,4}})\s*{re.escape(head)}"))
        for head, mods in sorted(by_head.items())
        if len(mods) >= 2
    ]
    return heads


_EN_SEP = r"(?:\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+)"


def _coordinations_en(text: str, vocab: Vocabulary) -> list[Found]:
    """English coordinated modifiers: "intergovernmental and non-governmental organizations" names IGOs and NGOs,
    "international, regional and subregional organizations" three groups, "non-governmental and professional
    organizations" NGOs (the name the coordination hides). Built from the labels (modifier + head noun), as in zh."""
    out = []
    for head, mods, rx in _coordination_heads_en(vocab):
        for m in rx.finditer(text):
            pieces = re.split(f"({_EN_SEP})", m.group(1))
            parts, offsets, pos = pieces[0::2], [], m.start(1)
            for k, piece in enumerate(pieces):
                if k % 2 == 0:
                    offsets.append(pos)
                pos += len(piece)
            # The run starts at the first part that ends in a known modifier ("relevant intergovernmental" -> its
            # last word); later parts count when they are known modifiers.
            parts = [x.replace(nlp.NB_HYPHEN, "-") for x in parts]  # "non‑governmental" (U+2011) as "non-governmental"
            for i, part in enumerate(parts[:-1]):
                words = part.split()
                tails = [" ".join(words[-n:]) for n in (2, 1) if len(words) >= n]
                first = next((t for t in tails if t.lower() in mods), None)
                if first:
                    break
            else:
                continue
            rest = parts[i + 1 :]
            if not all(x.lower() in mods for x in rest):
                continue  # "skills for all, and invites Member States": not one head shared by modifiers
            ids = tuple(dict.fromkeys(mods[x.lower()] for x in [first] + rest))
            if ids:
                start = offsets[i] + len(parts[i]) - len(first)
                out.append(Found(start, m.end(), text[start : m.end()], COORDINATED, ids))
    return out


@_once_per_vocabulary
def _coordination_heads_en(vocab: Vocabulary) -> list[tuple[str, dict[str, str], re.Pattern]]:
    """(head noun, modifier -> concept IRI, run pattern) from the en group/body labels "modifier(s) head"."""
    by_head: dict[str, dict[str, str]] = {}
    for c in vocab.concepts:
        if c.scheme not in ("group", "body"):
            continue
        for label in c.labels("en"):
            words = nlp.surface_key(label, "en").split()
            if 2 <= len(words) <= 3 and words[-1].isalpha() and all(w.replace("-", "").isalpha() for w in words):
                by_head.setdefault(words[-1], {}).setdefault(" ".join(words[:-1]), c.iri)
    word = r"[A-Za-z][\w\u2011-]*"
    heads = [
        (head, mods, re.compile(
            rf"(?<![\w-])((?:{word}(?:\s+{word})?{_EN_SEP})+{word}(?:\s+{word})?)\s+{re.escape(head)}(?![\w-])", re.I))
        for head, mods in sorted(by_head.items())
        if len(mods) >= 2
    ]
    return heads


_FOUND: dict[tuple[str, str, int], tuple[Vocabulary, list[Found]]] = {}


def find_labels(text: str, lang: str, vocab: Vocabulary) -> list[Found]:
    """Every vocabulary label in `text`, longest first and non-overlapping, boundary rules applied (memoised:
    linking reads a paragraph more than once)."""
    cached = _FOUND.get((text, lang, id(vocab)))
    if cached is not None and cached[0] is vocab:
        return list(cached[1])
    if len(_FOUND) > 4096:
        _FOUND.clear()
    found = _find_labels(text, lang, vocab)
    _FOUND[(text, lang, id(vocab))] = (vocab, found)
    return list(found)


def _find_labels(text: str, lang: str, vocab: Vocabulary) -> list[Found]:
    doc = nlp.pipeline(lang, vocab)(text)
    found = [
        Found(s.start_char, s.end_char, s.text, s.label_, (s.id_,))
        for s in doc.spans[nlp.SPANS_KEY]
    ]
    found += _coordinations(text, vocab, lang)
    rank = {COORDINATED: -1, nlp.SHORT: 1, nlp.PLURAL: 1}
    kept = nlp.non_overlapping(found, lambda f: (f.start, f.end), lambda f: rank.get(f.label, 0))
    return [f for f in kept if boundary_ok(text, f, lang)]


# --- titles, quotes, Treaty Series ---------------------------------------------------------------------------------


def find_titles(text: str, lang: str) -> list[Title]:
    """Outermost 《…》 spans (a title may contain another: 《…〈…〉…》 or nested 《》). English has none."""
    if lang != "zh":
        return []
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append(Title(start, i + 1, text[start + 1 : i].strip()))
    return out


# A quoted phrase is the title of a resolution when …”的 … 决议 follows within the clause ("题为“…”的 2016 年 6 月
# 30 日第 32/3 号决议", "关于“…”的第 69/194 号决议"), of an agenda item when ”的项目 follows.
_QUOTE_ZH = re.compile(r"“([^”]{1,400})”")
_QUOTE_EN = re.compile(r"[“\"]([^”\"]{1,400})[”\"]")
_RES_AFTER_ZH = re.compile(r"的[^，。；“]{0,60}?决议")
_ITEM_AFTER_ZH = re.compile(r"的项目")
# "the item entitled “…”": the title of an agenda item
_ITEM_BEFORE_EN = re.compile(r"\bitems?\s+(?:\d+\s*(?:\([a-z]\)\s*)?)?,?\s*entitled\s*$", re.I)
_RES_BEFORE_EN = re.compile(r"resolutions?\s+[\d/ ,and]+(?:of\s+\d{1,2}\s+\w+\s+\d{4}\s*)?,?\s*entitled\s*$", re.I)


def find_quotes(text: str, lang: str) -> list[Quote]:
    """Quoted phrases with their role (resolution title, agenda-item title, other)."""
    out = []
    if lang == "zh":
        for m in _QUOTE_ZH.finditer(text):
            role = "other"
            if _RES_AFTER_ZH.match(text, m.end()):
                role = "resolution"
            elif _ITEM_AFTER_ZH.match(text, m.end()):
                role = "item"
            out.append(Quote(m.start(), m.end(), m.group(1), role))
    else:
        for m in _QUOTE_EN.finditer(text):
            before = text[max(0, m.start() - 120) : m.start()]
            role = ("resolution" if _RES_BEFORE_EN.search(before)
                    else "item" if _ITEM_BEFORE_EN.search(before) else "other")
            out.append(Quote(m.start(), m.end(), m.group(1), role))
    return out


_UNTS_ZH = re.compile(r"第\s*(?P<vols>\d+(?:\s*(?:、|和|及)\s*\d+)*)\s*卷\s*[，,]\s*第\s*(?P<num>\d+)\s*号")
_UNTS_EN = re.compile(r"vols?\.\s*(?P<vols>\d+(?:\s*(?:,|and)\s*\d+)*)\s*,\s*No\.\s*(?P<num>\d+)")
_SERIES = re.compile(r"条约汇编|Treaty\s+Series")
_IBID = re.compile(r"^\s*(?:同上|Ibid\.?)")


def find_unts(text: str, lang: str) -> list[Unts]:
    """Treaty Series references ("第 2225、2237 卷，第 39574 号", "vols. 2225 and 2237, No. 39574")."""
    rx = _UNTS_ZH if lang == "zh" else _UNTS_EN
    series = bool(_SERIES.search(text))
    return [
        Unts(m.start(), m.end(), tuple(int(v) for v in re.findall(r"\d+", m.group("vols"))), int(m.group("num")), series)
        for m in rx.finditer(text)
    ]


def is_ibid(text: str) -> bool:
    """A footnote that starts 同上 / Ibid. continues the reference of the footnote before it."""
    return bool(_IBID.match(text))


# Official Records volumes are cited by their symbol ("《经济及社会理事会正式记录，2017 年，补编第 10 号》(E/2017/30)",
# "同上，《2018 年，补编第 10 号》(E/2018/30)"), never as a separate publication.
_OFFICIAL_RECORDS = re.compile(r"正式记录|补编第|Official\s+Records|Supplement\s+No\.")


def is_official_records(title: str) -> bool:
    return bool(_OFFICIAL_RECORDS.search(title))


def is_treaty_series(title: str) -> bool:
    """The Treaty Series itself is never cited (the treaty it identifies is)."""
    return bool(_SERIES.fullmatch(title.strip()))
