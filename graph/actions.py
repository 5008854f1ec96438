"""Clauses of the General Assembly: a paragraph's leading verb type, and each operative clause as an `Action`.

Implements the "actions" section of docs/SEMANTICS.md (type codes: CONTRACT §5); each rule is quoted next to the
code that applies it. Verb forms, their types, the `directive` flag and the modifiers (又, 再次, 赞赏地, "also" …)
come from the vocabulary's `action-type` scheme. The word lists below are grammar only — what opens a clause, what
joins a list of addressees, what starts a clause's content — never verbs or names.

Addressees are chosen among the mention hits the caller passes (`link.link_document`), so every addressee is also
a mention by construction. Pure functions on clean paragraph text; no rdflib.

Known limits: a verb form missing from the vocabulary is not seen (a leading one is typed `other`); a verb after a
plain comma inside what an addressee is asked to do is read as content unless it clearly opens a new clause (see
`_opens`); one reporting requirement per action (the first body reported to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from .models import Action, Hit, Paragraph
from .numerals import EN_ORDINAL, ZH_NUMERAL, en_ordinal, zh_int
from .vocab import Vocabulary

SCHEME = "action-type"
#: CONTRACT §5 catch-all type: its prefLabel names the category ("other", 其他), only its altLabels are verb forms.
OTHER = "other"
#: "at its seventy-fifth session": "its" is the author of the resolution, the General Assembly.
AUTHOR = "UNGA"
#: Non-directive types that can still set a reporting requirement ("Decides that … to be submitted to the General
#: Assembly at its seventy-fifth session"); a clause that only notes a report ("注意到秘书长…提交的报告") sets none.
OBLIGING = frozenset({"decides"})
#: Entity kinds an action can be addressed to (SEMANTICS: "the bodies, States or groups directly asked").
ADDRESSABLE = ("body", "state", "group")

# --- grammar (zh) ----------------------------------------------------------------------------------------------------
#: Words after which a verb opens a new clause of the Assembly (SEMANTICS: "after 并/还/又/也/此外/在这方面").
#: 因此 ("and therefore decides") and 为此(目的) ("and to that end requests") open a clause in the same way.
ZH_OPENERS = ("并且", "并", "还", "又", "也", "此外", "在这方面", "在此方面", "因此", "为此目的", "为此")
#: Openers that link two clauses and belong to neither (又/还/也 stay with their verb: 又鼓励 = "also encourages").
ZH_LINKS = ("并且", "并", "此外", "在这方面", "在此方面", "因此", "为此目的", "为此")
#: Words that join the items of a list of addressees; "，" only when the next item follows at once.
ZH_JOINERS = ("，包括", "，特别是", "以及", "包括", "特别是", "及", "和", "、", "或", "，")
#: Words that start a directive's content rather than an addressee (向 …, 与会员国密切协调, 根据 …).
ZH_PREPOSITIONS = ("向", "与", "同", "在", "对", "根据", "按照", "依照", "依据", "通过", "以", "为", "从", "将", "把", "由", "就", "应")
#: Determiners that may stand before an addressee outside its label (各会员国, 所有利益攸关方).
ZH_DETERMINERS = ("所有", "一切", "全体", "各", "相关", "有关", "其他")
#: Anaphors: an object that points back into the clause's content (谴责这些做法, 邀请此类组织).
ZH_ANAPHORS = ("这些", "此类", "上述", "该", "其", "他们", "她们", "它们")
#: Openers too weak to open a clause inside a directive's content on their own (see `_opens`).
ZH_WEAK = ("并", "并且")
#: Types whose verbs an addressee is typically asked to perform (to support, to recognize, to emphasize, to condemn);
#: inside a directive's content, after a plain comma or 并, they are content (`_opens`).
CONTENT_PRONE = frozenset({"supports", "recognizes", "emphasizes", "condemns", "affirms", "acknowledges", "reaffirms"})
#: "采取适当措施，" before a verb: the verb is the purpose of the measures (content, not a clause of the Assembly).
_ZH_MEANS_BEFORE = re.compile(r"(?:措施|步骤|行动)\s*$")
#: Clause punctuation: an addressee list never runs across it.
ZH_STOPS = "，；。：,;:"

# --- grammar (en) ----------------------------------------------------------------------------------------------------
EN_OPENERS = ("and", "therefore", "in this context", "in this regard", "in that regard", "in this respect",
              "in that respect", "in this connection", "in that connection", "to that end", "to this end", "as well as")
EN_LINKS = EN_OPENERS + ("moreover",)
EN_JOINERS = ("and", "or", "as", "well", "including", "particularly", "especially", "in", "particular")
EN_PREPOSITIONS = ("with", "by", "through", "for", "on", "at", "from", "under", "within", "into", "upon")
#: An aside between commas that starts with a preposition: a partner or a capacity, not an addressee.
#: An aside that ends with a preposition goes on past an interjection: ", in collaboration with, when appropriate,
#: relevant … entities," is one aside (the entities are partners).
_EN_ASIDE = re.compile(
    r",\s*(?:in|as|within|with|through|by|under|upon|at|on|from|for|where|when|whenever|if|subject)\b"
    r"(?:[^,;]*\b(?:with|by|to|from|for|between|among),\s*(?:when|where|as|if|in)\b[^,;]*,)?[^,;]*(?=,)",
    re.I,
)
#: "to" followed by a word: an infinitive ends the list of addressees unless a determiner follows ("to the …").
_EN_INFINITIVE = re.compile(r"\bto\s+([\w-]+)|[;.:]", re.I)
EN_DETERMINERS = ("the", "all", "relevant", "other", "interested", "concerned", "its", "their", "those")

_TRAILING = "，；。,;.：: \t\r\n"
_ZH_SESSION_AFTER = re.compile(rf"\s*第\s*({ZH_NUMERAL}|\d+)\s*届(?:\s*会议)?")
_ZH_SESSION_BEFORE = re.compile(rf"第\s*({ZH_NUMERAL}|\d+)\s*届\s*$")
_ZH_SESSION_IN = re.compile(rf"第\s*({ZH_NUMERAL}|\d+)\s*届")
_ZH_LIST = re.compile(r"\s*(?:、|和|及|以及)\s*")
#: A pronoun object standing for those addressed before ("encourages them to", "calls upon those that have not").
_EN_PRONOUN = re.compile(r"(?:them|those)\b(?!\s+(?:instruments|conventions|protocols|States|countries)\b)", re.I)
_EN_SESSION = re.compile(rf"\bat\s+its\s+({EN_ORDINAL})\s+session\b", re.I)
_EN_REPORT = re.compile(r"\b(?:report|reports|reporting|submit|submits|submitted|submission)\b", re.I)


@dataclass(frozen=True)
class _Lexicon:
    """The action-type vocabulary of one language, compiled for matching."""

    lang: str
    verbs: re.Pattern  # every verb form, longest first, one named group per form
    codes: tuple[str, ...]  # type code of form i
    finite: tuple[bool, ...]  # en: the form can be the main verb of a later clause (not "Noting", "Aware")
    mods: tuple[str, ...]  # modifiers, longest first
    pieces: tuple[str, ...]  # modifiers and openers, longest first: what may stand between a verb and its opening
    directive: frozenset[str]
    other: str | None  # the catch-all code when the vocabulary has it
    author: str | None  # IRI of the General Assembly


@dataclass(frozen=True)
class _Verb:
    """A verb that opens a clause: `left` is where the words before it (openers, punctuation) end."""

    start: int  # clause start (its modifiers included, linking words excluded)
    vstart: int
    vend: int
    code: str
    opening: str  # start | connector | comma | semicolon
    left: int
    finite: bool = True
    openers: tuple[str, ...] = ()  # the openers before it (并, 在这方面, "and" …)
    punct: str = ""  # the punctuation before it and its openers, if any


_CACHE: dict[tuple[int, str], tuple[Vocabulary, _Lexicon]] = {}


def _lexicon(vocab: Vocabulary, lang: str) -> _Lexicon:
    key = (id(vocab), lang)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is vocab:
        return hit[1]
    forms: dict[str, str] = {}
    for c in vocab.in_scheme(SCHEME):
        labels = [t for lg, t in c.alt if lg == lang]
        if c.code != OTHER:
            labels += [t for lg, t in c.pref if lg == lang]
        for label in labels:
            forms.setdefault(label.casefold() if lang != "zh" else label, c.code)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    parts = [f"(?P<v{i}>{_form_pattern(f, lang)})" for i, f in enumerate(ordered)]
    flags = re.IGNORECASE if lang != "zh" else 0
    verbs = re.compile("|".join(parts) or r"(?!x)x", flags)
    mods = tuple(sorted(set(vocab.mod(lang)), key=lambda m: (-len(m), m)))
    other = OTHER if any(c.code == OTHER for c in vocab.in_scheme(SCHEME)) else None
    try:
        author = vocab.code(AUTHOR, "body").iri
    except KeyError:
        author = None
    lex = _Lexicon(
        lang=lang,
        verbs=verbs,
        codes=tuple(forms[f] for f in ordered),
        finite=tuple(_finite(f, lang) for f in ordered),
        mods=mods,
        pieces=tuple(sorted(set(mods) | set(ZH_OPENERS if lang == "zh" else EN_OPENERS), key=lambda w: (-len(w), w))),
        directive=frozenset(c.code for c in vocab.in_scheme(SCHEME) if c.directive),
        other=other,
        author=author,
    )
    _CACHE[key] = (vocab, lex)
    return lex


def _form_pattern(form: str, lang: str) -> str:
    if lang == "zh":
        return re.escape(form)
    return r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in form.split()) + r"(?![\w-])"


def _finite(form: str, lang: str) -> bool:
    """English: whether a form can head a later clause ("…, and invites"), not a participle or adjective that only
    opens preambular paragraphs ("Noting", "Recalling also", "Aware", "Deeply concerned")."""
    if lang == "zh":
        return True
    words = [w for w in form.lower().split() if not w.endswith("ly")]
    head = words[0] if words else ""
    return head.endswith("s") and not head.endswith(("ss", "ous"))


# --- the leading verb ------------------------------------------------------------------------------------------------


def paragraph_type(text: str, vocab: Vocabulary, lang: str) -> str | None:
    """The action-type code of the paragraph's leading verb, modifiers skipped.

    SEMANTICS: "Preambular paragraphs carry the type of their leading verb"; "重申强烈谴责" is `reaffirms` (the head
    verb, the first one), "再次强烈谴责" is `condemns` (再次 is a modifier). The longest verb form wins, so
    表示注意到 is `takes-note` and 赞赏地注意到 `notes`. A paragraph whose leading verb is not in the vocabulary
    (深信, 铭记, 意识到 are, as `other`) is `other`; empty text has no type.
    """
    if not text.strip():
        return None
    lex = _lexicon(vocab, lang)
    lead = _leading(text, lex)
    return lead.code if lead else lex.other


def _leading(text: str, lex: _Lexicon) -> _Verb | None:
    for v in _candidates(text, lex):
        return v if v.opening == "start" else None
    return None


# --- candidate verbs -------------------------------------------------------------------------------------------------


def _candidates(text: str, lex: _Lexicon) -> list[_Verb]:
    """Every verb form that stands at the start of a clause (after punctuation, an opener, or the paragraph start).

    SEMANTICS: "each later verb that starts a new clause of the Assembly — after 并/还/又/也/此外/在这方面, after
    'and', or after a plain comma or semicolon". A form in the middle of a phrase (同时注意到, 在欢迎…的同时,
    应请求, "the Office, which supports") is never a candidate.
    """
    out: list[_Verb] = []
    i = 0
    while True:
        m = lex.verbs.search(text, i)
        if m is None:
            return out
        opening = _opening(text, m.start(), lex)
        if opening is None:
            i = m.start() + 1
            continue
        k = int(m.lastgroup[1:])
        out.append(replace(opening, vstart=m.start(), vend=m.end(), code=lex.codes[k], finite=lex.finite[k]))
        i = m.end()


def _opening(text: str, vstart: int, lex: _Lexicon) -> _Verb | None:
    """What opens the clause of a verb at `vstart` (start, openers, punctuation), or None when the verb stands inside
    a phrase. Modifiers (又, 再次, "also") and openers are skipped backwards; openers that only link (并, 此外, 在这方面,
    "and") are left out of the clause text."""
    zh = lex.lang == "zh"
    openers = ZH_OPENERS if zh else EN_OPENERS
    links = ZH_LINKS if zh else EN_LINKS
    j = clause = vstart
    found: list[str] = []
    linked = False
    while True:
        k = _rskip_ws(text, j)
        for w in lex.pieces:
            n = len(w)
            if k >= n and _same(text[k - n : k], w, zh) and (zh or _word_start(text, k - n)):
                j = k - n
                low = w if zh else w.lower()
                if low in openers:
                    found.append(low)
                linked = linked or low in links
                if not linked:
                    clause = j
                break
        else:
            break
    k = _rskip_ws(text, j)
    punct = text[k - 1] if k and text[k - 1] in "，；,;：:" else ""
    if k == 0:
        kind = "start"
    elif punct in ("；", ";"):
        kind = "semicolon"
    elif found:
        kind = "connector"
    elif punct:
        kind = "comma"
    else:
        return None
    return _Verb(clause, vstart, vstart, "", kind, k, openers=tuple(found), punct=punct)


def _same(a: str, b: str, zh: bool) -> bool:
    return a == b if zh else a.lower() == b.lower()


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")


def _rskip_ws(text: str, j: int) -> int:
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def _skip(text: str, i: int, words: Sequence[str], zh: bool) -> int:
    """Position after whitespace and any of `words` from `i` on (modifiers after a verb: "Requests also")."""
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        for w in words:
            if _same(text[i : i + len(w)], w, zh) and (zh or i + len(w) >= len(text) or not text[i + len(w)].isalnum()):
                i += len(w)
                break
        else:
            return i


# --- actions ---------------------------------------------------------------------------------------------------------


def find_actions(paragraph: Paragraph, mentions: Sequence[Hit], vocab: Vocabulary, lang: str) -> tuple[Action, ...]:
    """One Action per clause the General Assembly itself utters in an operative paragraph.

    SEMANTICS: "One action per clause the General Assembly itself utters: the leading verb, and each later verb that
    starts a new clause of the Assembly"; "A repeated verb starts a new action" (确认…，并确认… is two `recognizes`).
    Directive actions get their addressees (chosen among `mentions`) and their reporting requirement.

    Args:
        paragraph: the paragraph (its clean `text`; offsets of the result are clean offsets within it).
        mentions: the paragraph's mention hits (bodies, States, groups); addressees are picked among them.
        vocab: the vocabulary (scheme `action-type`, modifiers).
        lang: "zh" or "en".
    """
    text = paragraph.text
    if not text.strip():
        return ()
    lex = _lexicon(vocab, lang)
    heads = _outermost([h for h in mentions if h.entity.kind in ADDRESSABLE])
    cands = _candidates(text, lex)
    if cands and cands[0].opening == "start":
        clauses, rest = [cands[0]], cands[1:]
    else:
        if lex.other is None:
            return ()
        s0 = len(text) - len(text.lstrip())
        clauses, rest = [_Verb(s0, s0, s0, lex.other, "start", s0)], cands
    limits = [v.left for v in cands] + [len(text)]
    addressees = {0: _addressees(text, clauses[0], _next_limit(limits, clauses[0].vend), heads, lex)}
    for v in rest:
        current = clauses[-1]
        if not _opens(text, v, current, addressees[len(clauses) - 1], heads, lex):
            continue
        clauses.append(v)
        addressees[len(clauses) - 1] = _addressees(text, v, _next_limit(limits, v.vend), heads, lex)
    out = []
    for n, v in enumerate(clauses):
        end = clauses[n + 1].left if n + 1 < len(clauses) else len(text)
        end = len(text[:end].rstrip(_TRAILING))
        start = v.start + (len(text[v.start : end]) - len(text[v.start : end].lstrip()))
        chosen = addressees[n]
        pronoun = lang != "zh" and _EN_PRONOUN.match(text, _skip(text, v.vend, lex.mods, False))
        if not chosen and v.code in lex.directive and pronoun:
            # "…, and encourages them to …", "calls upon those that have not yet …": whom the clause before addressed,
            # else the last body, State or group named before the verb ("to the nuclear-weapon States").
            chosen = addressees.get(n - 1) or [h for h in heads if h.end <= v.vstart][-1:]
        report_to = session = None
        if v.code in lex.directive or v.code in OBLIGING:
            report_to, session = _reporting(text, v.vend, end, heads, lex)
        out.append(
            Action(
                ordinal=n + 1,
                type=v.code,
                start=start,
                end=end,
                text=text[start:end],
                addressees=tuple(dict.fromkeys(h.entity.iri for h in chosen)),
                report_to=report_to,
                report_session=session,
            )
        )
    return tuple(out)


def _next_limit(limits: list[int], pos: int) -> int:
    return min((x for x in limits if x >= pos), default=limits[-1])


def _opens(text: str, v: _Verb, current: _Verb, current_addressees: list[Hit], heads: list[Hit], lex: _Lexicon) -> bool:
    """Whether candidate `v` opens a new clause of the Assembly while clause `current` is open."""
    zh = lex.lang == "zh"
    after = _skip(text, v.vend, lex.mods, zh)
    # The Assembly's own verbs are performative, never perfective: "其中除其他外，重申了…" reports what a meeting did.
    if zh and text.startswith("了", v.vend):
        return False
    # "participial or subordinate verbs" ("acknowledging …", "Noting", "Aware") never open a later clause.
    if not v.finite:
        return False
    # The catch-all verbs are mostly adverbial (考虑到, 铭记: "taking into account", "bearing in mind"): joined by an
    # opener (并考虑到…) they qualify the clause before; after a comma they open one (…，期待看到… "looks forward").
    if v.code == lex.other and v.opening == "connector":
        return False
    if current.code not in lex.directive:
        return True
    # "the clause after 请 X runs until the next Assembly-level verb": what follows is what X is asked to do.
    # "a verb right after an addressee is content" (请秘书长鼓励会员国…).
    if current_addressees and _rskip_ws(text, v.left) == current_addressees[-1].end and v.opening != "semicolon":
        return False
    # Inside what an addressee is asked to do, the catch-all verbs (考虑到, 铭记: "taking into account",
    # "bearing in mind") describe how to do it; only a semicolon makes them the Assembly's.
    if v.code == lex.other and v.opening != "semicolon":
        return False
    if not zh or v.opening == "semicolon" or any(o not in ZH_WEAK for o in v.openers):
        return True  # English main verbs are unambiguous; 又/还/此外/在这方面 … and "；" always open a clause
    # A plain comma or 并 inside a directive's content usually joins the things asked ("促请会员国…定为刑事犯罪，
    # 谴责这些做法，…"; "查明并支持…受害者"), so the verb must show it is the Assembly's:
    if v.code in lex.directive:
        # "A repeated verb starts a new action": 敦促…，并敦促这些文书的缔约国… is two `urges`.
        if v.code == current.code:
            return True
        # "并采取适当措施，鼓励学术和研究界参加…" ("to take appropriate measures to encourage …"): the verb says
        # what the measures are for, inside what the addressee is asked to do.
        if v.punct and _ZH_MEANS_BEFORE.search(text, 0, max(v.left - 1, 0)):
            return False
        # Another directive must name its own addressee at once ("…，邀请会员国…"), not an anaphor pointing back
        # into the content ("…合作，邀请此类组织和感兴趣的会员国…" is what the Office is encouraged to do).
        if text.startswith(ZH_ANAPHORS, after):
            return False
        nxt = next((h for h in heads if h.start >= after), None)
        return nxt is not None and _determiners_only(text[after : nxt.start])
    # "V并V" without a comma coordinates the content's own verbs.
    if not v.punct:
        return False
    # After "，" / "，并" the Assembly's reactions (欢迎, 注意到, 决定 …) open a clause; verbs an addressee is
    # typically asked to do (支持, 确认, 强调, 谴责 …) stay in the content.
    return v.code not in CONTENT_PRONE


# --- addressees ------------------------------------------------------------------------------------------------------


def _outermost(hits: Sequence[Hit]) -> list[Hit]:
    """Hits sorted by position, a hit inside a longer one dropped (联合国毒品和犯罪问题办公室 in …执行主任)."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for h in ordered:
        if out and h.start < out[-1].end and (h.start, h.end) != (out[-1].start, out[-1].end):
            continue  # inside a longer hit; a hit with the same span (a coordinated name) is kept
        out.append(h)
    return out


def _addressees(text: str, v: _Verb, limit: int, heads: list[Hit], lex: _Lexicon) -> list[Hit]:
    """The bodies, States and groups directly asked by a directive verb (none for other types).

    SEMANTICS: "the bodies, States or groups directly asked (the object of 请/邀请/敦促/吁请/鼓励 …), several where
    listed. Partners ('与会员国密切协调', 'in cooperation with …') are not addressees." "Calls for …" (呼吁…) with no
    one addressed has none.
    """
    if v.code not in lex.directive:
        return []
    # One span may name several concepts ("相关国际、区域和次区域组织", "international and regional organizations"):
    # the lists below walk one hit per span, and every concept of a chosen span is an addressee.
    firsts = [h for k, h in enumerate(heads) if not k or (h.start, h.end) != (heads[k - 1].start, heads[k - 1].end)]
    if lex.lang == "zh":
        chosen = _addressees_zh(text, _skip(text, v.vend, lex.mods, True), limit, firsts)
    else:
        chosen = _addressees_en(text, _skip(text, v.vend, lex.mods, False), limit, firsts)
    spans = {(h.start, h.end) for h in chosen}
    return [h for h in heads if (h.start, h.end) in spans]


def _addressees_zh(text: str, pos: int, limit: int, heads: list[Hit]) -> list[Hit]:
    """The list right after the verb: items joined by 、/和/及/以及/，包括 …; the list ends where content begins."""
    out: list[Hit] = []
    first, strict = True, False
    for h in heads:
        if h.start < pos:
            continue
        if h.end > limit:
            break
        gap = re.sub(r"\s+", "", text[pos : h.start])
        if any(ch in ZH_STOPS for ch in gap):
            break
        if _item_gap(gap, first, strict):
            out.append(h)
            pos, first = h.end, False
            joiner = _joiner(text, pos)
            if joiner is None:
                break
            pos, strict = joiner
            continue
        if strict:
            break
        # Not yet: the hit may sit inside a relative clause before the head noun
        # ("邀请担任机构间协调小组协调人的联合国毒品和犯罪问题办公室…"): look at the next hit with the gap grown.
    return out


def _determiners_only(gap: str) -> bool:
    """Whether `gap` is empty or only determiners (各, 所有, 相关 …), whitespace aside."""
    rest = re.sub(r"\s+", "", gap)
    while rest.startswith(ZH_DETERMINERS):
        rest = rest[len(next(d for d in ZH_DETERMINERS if rest.startswith(d))) :]
    return rest == ""


def _item_gap(gap: str, first: bool, strict: bool) -> bool:
    """Whether the words between the list position and a hit let the hit be the next addressee."""
    if gap == "":
        return True
    if strict:
        return False
    # "进口、出口枪支零部件的《…议定书》缔约国": a treaty's title before its parties belongs to the noun phrase.
    gap = re.sub(r"《[^《》]*》$", "", gap) if gap.endswith("》") else gap
    if _determiners_only(gap):
        return True  # 各会员国, 所有利益攸关方
    if first:
        # A relative clause before the head noun: "尚未批准…的会员国", "担任…协调人的联合国毒品和犯罪问题办公室".
        # Content starting with a preposition ("向提出请求的会员国") is not one.
        return gap.endswith("的") and not gap.startswith(ZH_PREPOSITIONS)
    # After a joiner the next item is a noun phrase: a relative clause before its head ("和《全球行动计划》中提及的
    # 其他利益攸关方"), attributes before the head ("和其他国际及双边捐助方"), or list items that are not in the
    # vocabulary ("…、联合会和协会、运动员").
    if gap.startswith(ZH_PREPOSITIONS):
        return False
    if gap.endswith("的"):
        return True
    # Attributes hold no preposition: "和其他有关各方向联合国…信托基金" is "other parties, to the trust funds".
    return len(gap) <= 12 and not any(p in gap for p in ZH_PREPOSITIONS if len(p) == 1 and p not in "以为")


def _joiner(text: str, pos: int) -> tuple[int, bool] | None:
    """(position after the joiner, whether the next item must follow at once) when a list goes on at `pos`."""
    i = pos
    while i < len(text) and text[i].isspace():
        i += 1
    for j in ZH_JOINERS:
        if text.startswith(j, i):
            end = i + len(j)
            while end < len(text) and text[end].isspace():
                end += 1
            return end, j == "，"
    return None


def _addressees_en(text: str, pos: int, limit: int, heads: list[Hit]) -> list[Hit]:
    """The list between the verb and the infinitive of its content ("Invites Member States and other donors to …").

    Asides between commas ("in its capacity as coordinator of …", "in close cooperation with Member States") are
    left out: partners are not addressees. The first item must follow the verb at once (determiners aside), so
    "Calls for the strengthening of …" has none.
    """
    # "Reiterates its request to the Secretary-General to …": the first "to" introduces the addressee; so does
    # "that" after a directive ("Recommends that Member States adopt …").
    m = re.match(r"\s*(?:to|that)\s+", text[pos:limit], re.I)
    if m:
        pos += m.end()
    zone = _EN_ASIDE.sub(lambda a: " " * len(a.group()), text[pos:limit])
    end = pos + len(zone)
    for m in _EN_INFINITIVE.finditer(zone):
        at = pos + m.start()
        word = (m.group(1) or "").lower()
        if word not in EN_DETERMINERS and not any(h.start <= at < h.end for h in heads):
            end = at
            break
    out: list[Hit] = []
    cursor = pos
    for h in heads:
        if h.start < cursor or h.end > end or not zone[h.start - pos : h.end - pos].strip():
            continue  # before the list, after it, or inside an aside
        gap = zone[cursor - pos : h.start - pos]
        words = [w.lower() for w in re.findall(r"[\w'-]+", gap)]
        if not out:
            if any(w not in EN_DETERMINERS for w in words) or re.search(r"[,;(]", gap):
                return []
        else:
            joined = "," in gap or any(w in EN_JOINERS for w in words)
            rest = [w for w in words if w not in EN_JOINERS and w not in EN_DETERMINERS and w not in ("to", "of")]
            if not joined or len(rest) > 4 or any(w in EN_PREPOSITIONS for w in rest):
                break
        out.append(h)
        cursor = h.end
    return out


# --- reporting -------------------------------------------------------------------------------------------------------


def _reporting(text: str, start: int, end: int, heads: list[Hit], lex: _Lexicon) -> tuple[str | None, int | None]:
    """(body reported to, session) of a request to report; (None, None) when the clause asks for no report.

    SEMANTICS: "A request to report carries the body reported to and the session when given (向大会第七十五届会议
    提交报告 → General Assembly, 75)". Several bodies: the first named.
    """
    bodies = [h for h in heads if start <= h.start and h.end <= end and h.entity.kind == "body"]
    if lex.lang == "zh":
        return _reporting_zh(text, start, end, bodies)
    return _reporting_en(text, start, end, bodies, lex)


def _reporting_zh(text: str, start: int, end: int, bodies: list[Hit]) -> tuple[str | None, int | None]:
    """向 <body>[第N届会议] 提交/报告 ("通过委员会向大会第七十五届会议报告" reports to the Assembly), or
    "…报告，提交 <body> 审议"; the clause must speak of a report (报告)."""
    if "报告" not in text[start:end]:
        return None, None
    for k, h in enumerate(bodies):
        before = re.sub(r"\s+", "", text[start : h.start])
        session_before = _ZH_SESSION_BEFORE.search(before)
        lead = before[: session_before.start()] if session_before else before
        if lead.endswith("向"):
            # The list of bodies after 向 ends at 提交 or 报告 ("向专家组和预防犯罪和刑事司法委员会报告").
            pos = h.end
            for nxt in bodies[k + 1 :]:
                gap = text[pos : nxt.start]
                if _ZH_LIST.fullmatch(gap):
                    pos = nxt.end
                else:
                    break
            after = _ZH_SESSION_AFTER.match(text, pos)
            tail = text[after.end() if after else pos : end].lstrip()
            if tail.startswith(("提交", "报告")):
                return h.entity.iri, _zh_session(h, session_before, _ZH_SESSION_AFTER.match(text, h.end))
        elif lead.endswith("提交"):
            return h.entity.iri, _zh_session(h, session_before, _ZH_SESSION_AFTER.match(text, h.end))
    return None, None


def _zh_session(h: Hit, before: re.Match | None, after: re.Match | None) -> int | None:
    """The session: after the body (大会第七十五届会议), before it (第十四届…大会), or in its label (第十四届大会)."""
    for m in (after, before, _ZH_SESSION_IN.search(h.surface)):
        if m:
            return zh_int(m.group(1))
    return None


def _reporting_en(text: str, start: int, end: int, bodies: list[Hit], lex: _Lexicon) -> tuple[str | None, int | None]:
    """"to report to the General Assembly at its seventy-fifth session", "to submit a report … at its seventy-sixth
    session" (no body named: "its" is the Assembly's)."""
    clause = text[start:end]
    rep = _EN_REPORT.search(clause)
    if not rep:
        return None, None
    body = None
    for h in bodies:
        if h.start >= start + rep.start() and re.search(r"\bto\s+(?:the\s+)?$", text[start : h.start], re.I):
            body = h
            break
    m = _EN_SESSION.search(clause, body.end - start if body else rep.start())
    session = en_ordinal(m.group(1)) if m else None
    if body is not None:
        return body.entity.iri, session
    if m is not None:
        return lex.author, session
    return None, None
