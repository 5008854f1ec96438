"""spaCy pipelines generated from the vocabulary: `spacy.blank(lang)` plus one SpanRuler of every concept label.

Chinese uses spaCy's character segmentation (no jieba, no model download), so a phrase pattern matches on any
character boundary and ignores the spaces that converted PDFs leave inside words ("2030 年"). Which concept a label
names is the pattern id (the concept IRI); labels that need context (short forms such as 《公约》 or 委员会, and
labels shared by several concepts) get a marker id instead and are resolved by `link.py` from their candidates in
`Lexicon`. Nothing is built at import time: `pipeline` and `lexicon` build on first use and are cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ingest import strip_markers
from .vocab import Concept, Vocabulary

SPANS_KEY = "unkg"
NB_HYPHEN = "\u2011"
#: Span labels besides the scheme names: a short form, a plural anaphor ("这些公约"), a label of several concepts.
SHORT, PLURAL, AMBIGUOUS = "short", "short-plural", "ambiguous"
#: Schemes whose labels are matched in running text (action types are the clause verbs of `actions.py`).
MATCHED_SCHEMES = ("instrument", "publication", "body", "state", "group")
#: Grammar words that make a short form's head noun an anaphor: 该公约 / 该《宣言》 (singular), 这些公约 (each of them).
#: The head nouns themselves come from the vocabulary's shortLabels, never from here.
ZH_SINGULAR = ("该", "上述", "此")
ZH_PLURAL = ("这些", "这两项", "这两个", "上述各项", "其各项", "各项")
EN_SINGULAR = ("the", "that", "this", "its")  # "its Declaration": see link.possessed
EN_PLURAL = ("these", "those", "both")
_EN_PLURAL_TAIL = ("thereto",)

_CACHE: dict[tuple[str, int], tuple[Vocabulary, object]] = {}
_LEXICONS: dict[tuple[str, int], tuple[Vocabulary, "Lexicon"]] = {}


@dataclass(frozen=True)
class Lexicon:
    """Candidates of the context-dependent surfaces, keyed by `surface_key`."""

    short: dict[str, tuple[Concept, ...]]  # short form as written, and its head ("公约"), -> concepts with it
    ambiguous: dict[str, tuple[Concept, ...]]  # a pref/alt label shared by several concepts -> those concepts


def surface_key(text: str, lang: str) -> str:
    """How surfaces compare: Chinese without spaces or 《》 and with the ingest's full-width mapping; English lower case."""
    s = strip_markers(text)
    if lang == "zh":
        return re.sub(r"\s+", "", s).strip("《》")
    return " ".join(s.lower().split())


def short_head(label: str, lang: str) -> str:
    """The head noun of a short form: 《公约》 -> 公约, 该办公室 -> 办公室, "the Convention" -> "convention"."""
    key = surface_key(label, lang)
    words = ZH_SINGULAR + ZH_PLURAL if lang == "zh" else EN_SINGULAR + EN_PLURAL
    for w in sorted(words, key=len, reverse=True):
        if lang == "zh" and key.startswith(w) and len(key) > len(w):
            return key[len(w) :].strip("《》")
        if lang != "zh" and key.startswith(w + " "):
            return key[len(w) + 1 :]
    return key


def is_plural(label: str, lang: str, singular_heads: frozenset[str] = frozenset()) -> bool:
    """这些公约, 其各项议定书, "these conventions", "the Protocols thereto": each of several instruments.

    English also by morphology: a head noun that is the plural of the head of a singular short form in the
    vocabulary ("the Protocols to the Treaty" beside "the Protocol"; `singular_heads` holds those heads). "the
    Rules" stays singular: no short form is "the Rule", and it names one set of rules.
    """
    key = surface_key(label, lang)
    if lang == "zh":
        return key.startswith(ZH_PLURAL)
    if key.split(" ")[0] in EN_PLURAL or key.endswith(_EN_PLURAL_TAIL):
        return True
    words = short_head(label, lang).split(" ")
    # "optional protocols thereto": the head is the last word of the leading noun group (before "to"/"of"/"thereto").
    group = []
    for w in words:
        if w in ("to", "of", "on", "against", "for", "thereto"):
            break
        group.append(w)
    if not group:
        return False
    *mods, noun = group
    return noun.endswith("s") and " ".join(mods + [noun[:-1]]) in singular_heads


def singular_heads(vocab: Vocabulary, lang: str) -> frozenset[str]:
    """English heads of singular short forms ("protocol", "optional protocol", "convention")."""
    if lang == "zh":
        return frozenset()
    out = set()
    for c in vocab.concepts:
        for label in c.short_labels(lang):
            head = short_head(label, lang)
            if head and not head.split(" ")[-1].endswith("s"):
                out.add(head)
    return frozenset(out)


def head_initial(label: str, lang: str) -> str:
    """English: the first letter of a short form's head as written ("the Convention" -> "C", "the rules" -> "r").

    English short forms are proper nouns: "the Convention" refers to a convention named before, "the rules and
    procedures of the United Nations" does not refer to the Nelson Mandela Rules. `link.py` compares the case of this
    letter with the vocabulary's short labels.
    """
    words = strip_markers(label).split()
    dets = {w.lower() for w in EN_SINGULAR + EN_PLURAL} | {"its", "their"}
    while words and words[0].lower() in dets:
        words = words[1:]
    return words[0][:1] if words else ""


def _labels(vocab: Vocabulary, lang: str):
    """(concept, label, is_short) for every matched concept label in `lang`."""
    for c in vocab.concepts:
        if c.scheme not in MATCHED_SCHEMES:
            continue
        for label in dict.fromkeys(c.labels(lang)):
            yield c, label, False
        for label in dict.fromkeys(c.short_labels(lang)):
            yield c, label, True


def lexicon(lang: str, vocab: Vocabulary) -> Lexicon:
    """The short-form and ambiguous-label candidates of `vocab` in `lang` (cached per vocabulary object)."""
    cached = _LEXICONS.get((lang, id(vocab)))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    short: dict[str, dict[str, Concept]] = {}
    full: dict[str, dict[str, Concept]] = {}
    for c, label, is_short in _labels(vocab, lang):
        if is_short:
            short.setdefault(surface_key(label, lang), {})[c.iri] = c
            short.setdefault(short_head(label, lang), {})[c.iri] = c
        else:
            full.setdefault(surface_key(label, lang), {})[c.iri] = c
    lex = Lexicon(
        short={k: tuple(v.values()) for k, v in short.items()},
        ambiguous={k: tuple(v.values()) for k, v in full.items() if len(v) > 1},
    )
    _LEXICONS[(lang, id(vocab))] = (vocab, lex)
    return lex


def patterns(vocab: Vocabulary, lang: str) -> list[dict]:
    """SpanRuler phrase patterns: label = scheme (or SHORT/PLURAL/AMBIGUOUS), id = concept IRI (or surface key).

    Short forms are matched as written (《公约》, 委员会) and, by grammar, after a demonstrative: 该《宣言》, 该公约,
    这些公约 ("each of them"). A bare head noun (公约) is matched only when the vocabulary lists it as a short form.
    """
    lex = lexicon(lang, vocab)
    out: dict[tuple[str, str], dict] = {}
    sep = "" if lang == "zh" else " "
    singular, plural = (ZH_SINGULAR, ZH_PLURAL) if lang == "zh" else (EN_SINGULAR, EN_PLURAL)
    heads = singular_heads(vocab, lang)
    variants: list[tuple[str, str, str]] = []
    for c, label, is_short in _labels(vocab, lang):
        key = surface_key(label, lang)
        text = strip_markers(label)
        if not key:
            continue
        if is_short:
            # Short forms as the vocabulary writes them first; grammatical variants only where no label has that text.
            tag = PLURAL if is_plural(label, lang, heads) else SHORT
            out.setdefault((text, tag), {"label": tag, "pattern": text, "id": key})
            head = short_head(label, lang)
            forms = [head, f"《{head}》"] if lang == "zh" else [head]
            # "the Optional Protocols thereto" written without its article in the vocabulary is still plural.
            variants += [(w + sep + f, PLURAL if is_plural(w + sep + f, lang, heads) else SHORT, head)
                         for w in singular for f in forms]
            variants += [(w + sep + f, PLURAL, head) for w in plural for f in forms]
        elif key in lex.ambiguous:
            out.setdefault((text, AMBIGUOUS), {"label": AMBIGUOUS, "pattern": text, "id": key})
        else:
            out.setdefault((text, c.iri), {"label": c.scheme, "pattern": text, "id": c.iri})
    written = {t for t, _ in out}
    for text, tag, head in variants:
        if text not in written:
            out.setdefault((text, tag), {"label": tag, "pattern": text, "id": head})
    if lang != "zh":
        # PDF and Markdown extractions print "Non‑Proliferation", "non‑governmental" with U+2011 (non-breaking hyphen):
        # the same label, tokenized differently.
        for (text, tag), pat in list(out.items()):
            if "-" in text:
                out.setdefault((text.replace("-", NB_HYPHEN), tag), {**pat, "pattern": text.replace("-", NB_HYPHEN)})
    return list(out.values())


def non_overlapping(items, bounds, rank=lambda item: 0):
    """Overlap policy: the longest item wins, then the lower rank, then the earliest; no two kept items overlap.

    A name inside a longer name is therefore not matched on its own (中国 inside 发展中国家, UNCAC inside
    联合国反腐败公约缔约国会议).
    """
    ordered = sorted(items, key=lambda it: (bounds(it)[0] - bounds(it)[1], rank(it), bounds(it)[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for it in ordered:
        s, e = bounds(it)
        if any(s < b_e and b_s < e for b_s, b_e in taken):
            continue
        taken.append((s, e))
        kept.append(it)
    return sorted(kept, key=lambda it: bounds(it)[0])


#: Rank among spans of equal length: full labels beat short forms (they are more specific).
SPAN_RANK = {AMBIGUOUS: 0, SHORT: 1, PLURAL: 1}


def longest_first(spans, existing=()):
    """The SpanRuler's spans filter: `non_overlapping` over spaCy spans."""
    return non_overlapping(
        list(spans) + list(existing), lambda s: (s.start_char, s.end_char), lambda s: SPAN_RANK.get(s.label_, 0)
    )


def _register() -> None:
    import spacy

    if "unkg.longest_first.v1" not in spacy.registry.misc.get_all():
        spacy.registry.misc("unkg.longest_first.v1")(lambda: longest_first)


def pipeline(lang: str, vocab: Vocabulary):
    """`spacy.blank(lang)` with a SpanRuler of every vocabulary label (spans in `doc.spans[SPANS_KEY]`), cached."""
    key = (lang, id(vocab))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is vocab:
        return cached[1]
    import spacy

    _register()
    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe(
        "span_ruler",
        config={
            "spans_key": SPANS_KEY,
            "spans_filter": {"@misc": "unkg.longest_first.v1"},
            "phrase_matcher_attr": "ORTH" if lang == "zh" else "LOWER",
            "validate": True,
        },
    )
    ruler.add_patterns(patterns(vocab, lang))
    _CACHE[key] = (vocab, nlp)
    return nlp
