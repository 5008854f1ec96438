"""Linking: what each paragraph and footnote cites and mentions (docs/SEMANTICS.md), decided from the extractions.

Every rule is written next to the code that implements it. In short: a vocabulary label names its concept (the
longest label wins, `nlp.non_overlapping`); a short form or anaphor (《公约》, 该办公室, 委员会, 这些公约) names a
concept chosen by `choose_referent`; resolution numbers get their issuer from `symbols.find_symbols`; a paragraph
also cites what the footnotes behind its markers cite (`_footnotes`). Undecidable cases become warnings naming the
document and the paragraph, never guesses.

The Chinese and English texts of one resolution must give the same edges (tests/test_parity.py), so each rule has
its counterpart in the other language: 联合国议程 / "United Nations Headquarters" (a bare name qualifying a noun is
no mention), 执法对策 / "law enforcement cooperation", 公约缔约国 / "States parties to the Convention" (the parties
of the treaty named), 这些文书的缔约国 / "States parties to those instruments". English short forms are proper
nouns ("the Convention" refers back, "the rules and procedures of the United Nations" does not), and a short form
that refers to a name outside the vocabulary ("the Peacebuilding Commission … the Commission") is neither guessed
nor warned about (`unlisted_referent`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import extract, nlp, symbols
from .models import Document, Entity, FootnoteLinks, Hit, Links, Paragraph, ParagraphLinks
from .vocab import Concept, Vocabulary, concept_iri

BASE = "https://w3id.org/unkg/id/"
CITED_SCHEMES = ("instrument", "publication")
# Grammar words that tell a title outside the vocabulary is a publication (handbook, guide, report, study …).
_PUBLICATION_WORDS = re.compile(r"手册|指南|报告|研究|简编|汇编|工具包|出版物|正式记录|Handbook|Guide|Report|Study|Manual")
_PUB_BEFORE_QUOTE_EN = re.compile(
    r"\b(?:toolkit|handbook|guide|manual|study|publication|brief|report)(?:\s+of\s+the\s+[A-Z][\w-]*)?,?"
    r"\s+(?:entitled\s+)?$"
)
_PUB_AFTER_QUOTE = re.compile(r"的[^，。；]{0,8}?(?:报告|简报|出版物|研究|手册|指南|工具包)")
# Not actors (SEMANTICS "Not mentions"): the public and private *spheres*, media as channels, 世界各国 ("around the
# world"), 多方利益攸关方 ("multi-stakeholder", an attribute), 各国元首 ("Heads of State"), places named after a
# State (巴西利亚 is Brasília, not Brazil; Panama City), currencies ("United States dollars").
_NOT_ACTOR_ZH = re.compile(r"公共和私营部门|社交媒体和其他媒体|世界各国|多方?利益攸关方(?=伙伴关系)|各国元首|巴西利亚")
_NOT_ACTOR_EN = re.compile(
    r"\bsocial(?:\s+and\s+other)?\s+media\b|\bpublic-private\s+sector\b"
    r"|\b(?:Panama|Kuwait|Mexico|Guatemala)\s+City\b|\bUnited\s+States\s+dollars?\b"
)
# "作为第一个区域组织参加…": a group noun describing a body already named is not a mention of the group.
_DESCRIBING_ZH = re.compile(r"作为(?:第一个|首个|一个)?\s*$")
# A bare name that begins the names of many other concepts (联合国) directly followed by a noun modifies it
# (联合国议程, 联合国行动计划, 联合国总部 = a place): not the organization. After these particles it is.
_ZH_PARTICLES = re.compile(r"[\s的内外中之在以与和及或、，。；：:,;()（）特也对为向等所将已均\d]|根据|按照|依照|依据|通过|作为|正在|必须"
                          r"|发布|提供|支持|开展|编写|出版|承担|主持|举办|$")  # … or the verb of what it does
# Generic phrases are not short forms of one instrument: 其他相关公约, 国际公约, 反恐公约.
_GENERIC_BEFORE_ZH = re.compile(r"(?:国际|相关|其他|反恐|有关|任何|多边|区域|各种|世界)\s*$")
_EN_FUNCTION_WORDS = (
    "and|or|nor|but|of|in|to|for|with|on|at|by|as|from|into|upon|under|within|through|towards?|against|about|than"
    "|that|which|who|whose|is|are|was|were|be|been|has|have|had|will|shall|should|may|might|can|could|would|must|do"
    "|does|did|its|their|itself|also|including|especially|particularly|in|not|remains?|continues?|plays?|provides?"
)
_EN_ATTRIBUTIVE = re.compile(rf"(?:-|\s+(?!(?:{_EN_FUNCTION_WORDS})\b)[A-Za-z])")
# A modifier label ("law enforcement", 执法) names the group only where a noun phrase ends: before punctuation,
# "and other …" / 和其他…, or (English) a preposition ("in conjunction with law enforcement in the investigation").
_EN_MODIFIER_AS_NAME = re.compile(
    r"\s*(?:[,;:.)]|$|and\s+(?:other|the|its|their)\b|(?:in|for|to|with|at|on|by|from|of|as|under|within|through)\b)"
)
_ZH_MODIFIER_AS_NAME = re.compile(r"\s*(?:[，。；：、,;:)）]|$|和其他|及其他|以及其他)")
_SESSION_BEFORE_ZH = re.compile(r"第[\d一二三四五六七八九十百零〇]+届\s*$")
_FEW = 4  # a plural short form given to at most this many concepts names all of them ("其各项议定书")
# An English short form followed by more of a title is the start of another name: "the Declaration and Plan of
# Action contained in …", "the Declaration on …" (a name the vocabulary lacks), not "the Declaration" named before.
# Followed by a noun it qualifies, it is part of a compound: "that expert group meeting", "the Convention secretariat".
_EN_LONGER_TITLE = re.compile(
    r"\s+(?:and\s+(?!the\b)[A-Z]"
    r"|(?:on|of|for|to|between)\s+(?:the\s+)?(?:[a-z]+(?:st|nd|rd|th)\s+)?"
    r"(?!(?:Convention|Protocols?|Treaty)\b(?!\s+(?:on|of|for|against)\s+[A-Za-z]|\s+[A-Z]))[A-Z]"
    r"|of\s+the\s+\d{4}s\b|(?:meetings?|secretariat)\b)"
)


@dataclass
class _Text:
    """What linking remembers while reading one resolution text (or the report's own paragraphs)."""

    ordinal: int
    where: str  # for warnings: "draft resolution 7"
    default_issuer: str | None
    authors: tuple[str, ...]  # concept IRIs a short form stands for first (委员会 in the committee's report)
    history: list[Concept] = field(default_factory=list)
    unlisted: set[str] = field(default_factory=set)  # heads of English names outside the vocabulary, seen so far


def title_entity(label: str, kind: str, lang: str, base: str = BASE) -> Entity:
    """An instrument or publication outside the vocabulary: IRI from the SHA-1 of the title as written."""
    digest = hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    return Entity(f"{base}{kind}/x-{digest}", kind, None, label=label, lang=lang, linked=False)


def symbol_entity(ref: symbols.SymbolRef, base: str = BASE) -> Entity:
    """A resolution or document: undocs.org for UN symbols, the base IRI for unkg-only ones (CCPCJ/RES/26/4)."""
    s = ref.symbol
    iri = ("https://undocs.org/" if symbols.is_un_symbol(s) else base + "res/") + symbols.symbol_path(s)
    return Entity(iri, ref.kind, s, issuer=concept_iri("body", ref.issuer) if ref.issuer else None)


def concept_entity(c: Concept) -> Entity:
    return Entity(c.iri, c.scheme, c.code)


def by_recency(candidates, *seen_lists) -> Concept | None:
    """The most recent candidate in the first list that has one (paragraph so far, then the text's history)."""
    want = {c.iri for c in candidates}
    for seen in seen_lists:
        for c in reversed(seen):
            if c.iri in want:
                return c
    return None


def choose_referent(cands, before, history, authors, owned, officials: bool = False) -> Concept | None:
    """Linking strategy for a short form, in order:
    1. the text's author ("委员会" in the Third Committee's report, "大会" in a GA resolution); in the committee's
       report (`officials`) also the author's own official ("主席", "委员会秘书" = the Third Committee's);
    2. the one candidate belonging to the concept last named in the paragraph ("公约缔约方会议" after UNTOC), or the
       one it belongs to ("the members of the Council" after the President of the Security Council);
    3. the most recent candidate named earlier in the paragraph, else earlier in the same resolution text.
    None when nothing decides: a short form with no antecedent is not guessed."""
    for a in authors:
        mine = [c for c in cands if c.iri == a or (officials and c.iri in owned.get(a, {}))]
        if mine:
            return mine[0]
    for named in reversed(before):
        mine = [c for c in cands if c.iri in owned.get(named.iri, {})]
        if len(mine) == 1:
            return mine[0]
        # … or the one candidate the concept last named belongs to ("the President of the Security Council on behalf
        # of the members of the Council": the Security Council)
        theirs = [c for c in cands if named.iri in owned.get(c.iri, {})]
        if len(theirs) == 1:
            return theirs[0]
    return by_recency(cands, before, history)


class _Linker:
    def __init__(self, doc: Document, vocab: Vocabulary, base: str):
        self.doc, self.vocab, self.base = doc, vocab, base
        self.lang = doc.source.lang
        self.lex = nlp.lexicon(self.lang, vocab)
        self.warnings: list[str] = []
        self.plural_iris: set[str] = set()
        self.owned = _owned(vocab, self.lang)
        self.name_forming = _name_forming(vocab, self.lang)
        # parties group -> the treaty it is named after (StatesParties-UNCAC -> UNCAC)
        self.owner_of = {g: o for o, named in self.owned.items() if getattr(vocab.get(o), "scheme", None) == "instrument"
                         for g in named if getattr(vocab.get(g), "scheme", None) == "group"}
        self.modifier_labels = _modifier_labels(vocab, self.lang)
        self.annexes: list[Entity] = []  # "…号决议，附件" refs of the footnote being read
        self.annex_of: dict[tuple[int, int], list[Entity]] = {}  # (text, footnote) -> resolutions whose annex it is
        self.annex_map: dict[str, Concept] = {}  # resolution symbol -> instrument in its annex (seen in this document)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{self.doc.symbol}: {where}: {message}")

    # --- concepts from labels ----------------------------------------------------------------------------------

    def resolve(self, text: str, f: extract.Found, before: list[Concept], st: _Text, where: str,
                following: extract.Found | None = None) -> list[Concept]:
        """The concepts one span names (several for coordinated and plural spans); [] with a warning if undecided."""
        if f.label in nlp.MATCHED_SCHEMES or f.label == extract.COORDINATED:
            return [c for c in (self.vocab.get(i) for i in f.ids) if c is not None]
        cands = (self.lex.ambiguous if f.label == nlp.AMBIGUOUS else self.lex.short).get(f.ids[0], ())
        if self.lang != "zh" and f.label != nlp.AMBIGUOUS and not self.proper_short(text, f, cands):
            return []
        # Instrument short forms also stand for any instrument of the same kind (《公约》 = a Convention).
        kinds = {c.kind for c in cands if c.scheme == "instrument" and c.kind}
        wider = cands + tuple(c for c in self.vocab.in_scheme("instrument") if c.kind in kinds and c not in cands)
        if f.label == nlp.PLURAL:
            # "这些公约" / "these conventions": each matching concept named earlier in the paragraph; a plural the
            # vocabulary gives to a few concepts only ("其各项议定书" = the Protocols to UNTOC) names all of them.
            if cands and all(c.scheme == "body" for c in cands):
                # "这些机构所通过的决议" ("those bodies"): the bodies named before, already mentioned; nothing new.
                return []
            seen = list(dict.fromkeys(c for c in before if c in wider))
            if seen:
                return seen
            if 0 < len(cands) <= _FEW:
                return list(cands)
            self.warn(where, f"'{f.surface}' refers to nothing named before it in the paragraph")
            return []
        if self.lang == "zh" and f.surface == f.ids[0] and _GENERIC_BEFORE_ZH.search(text[: f.start]):
            return []
        if self.lang == "zh" and _SESSION_BEFORE_ZH.search(text[: f.start]):
            # "第十四届大会": a numbered session written before the name is a conference or congress; the
            # General Assembly's sessions follow its name (大会第七十五届会议).
            cands = tuple(c for c in cands if c.kind != "Organ") or cands
        if self.lang == "zh" and _INDEFINITE_BEFORE_ZH.search(text[: f.start]):
            return []  # "一份…政治宣言": a declaration still to be adopted, not one named before
        mine = self.possessed(f, cands, before)
        if mine is not None:
            return [mine]
        owner = self.owner_after(text, f, following)
        mine = [c for c in cands if owner is not None and c.iri in self.owned.get(owner.iri, {})]
        if len(mine) == 1:
            return mine  # "the agreed conclusions adopted by the Commission on the Status of Women": its own
        hit = choose_referent(cands, before, st.history, st.authors, self.owned, officials=st.ordinal == 0)
        hit = hit or by_recency(wider, before, st.history)
        if hit is None and self.unlisted_referent(text, f, before, st):
            return []  # it refers to a name outside the vocabulary ("the Peacebuilding Commission … the Commission")
        if hit is None:
            names = ", ".join(c.code for c in cands[:6])
            self.warn(where, f"cannot tell what '{f.surface}' refers to (candidates: {names})")
            return []
        return [hit]

    def possessed(self, f: extract.Found, cands, before: list[Concept]) -> Concept | None:
        """English "its <short form>" after a name: the candidate that shares that name's proper word ("the Khartoum
        process and its Declaration" is the Khartoum Declaration)."""
        if self.lang == "zh" or not f.surface.lower().startswith("its ") or not before:
            return None
        def proper(c: Concept) -> set[str]:
            return {w.strip("(),").lower() for lb in c.labels(self.lang) for w in lb.split()
                    if w[:1].isupper() and w.lower() not in _EN_NAME_WORDS}
        words = proper(before[-1])
        mine = [c for c in cands if c is not before[-1] and proper(c) & words]
        return mine[0] if len(mine) == 1 else None

    def generic_label(self, f: extract.Found) -> bool:
        """Whether the vocabulary also writes the short label matched at `f` in lower case ("ad hoc committee"): a
        generic description of its concept, which a longer capitalized name does not name."""
        c = self.vocab.get(f.ids[0])
        key = nlp.surface_key(f.surface, self.lang)
        written = [lb for lb in (c.labels(self.lang) if c else []) if nlp.surface_key(lb, self.lang) == key]
        return len(key.split()) <= 3 and any(lb[:1].islower() for lb in written)

    def unlisted_referent(self, text: str, f: extract.Found, before: list[Concept], st: _Text) -> bool:
        """English: whether a short form with no antecedent in the vocabulary refers to something the text names but
        the vocabulary lacks: a name with the same head earlier in the text ("the Peacebuilding Commission", "the
        Conference on Disarmament"), the thing of a possessor named before ("the State of Palestine … its
        President"), a title quoted from another document, or a description that goes on ("the political
        declaration adopted by the Third United Nations Conference …"). Those are not guessed and not warned."""
        if self.lang == "zh":
            return False
        head = nlp.short_head(f.surface, self.lang).split(" ")[0]
        if head in st.unlisted or nlp.head_initial(f.surface, self.lang).islower():
            return True  # a name the vocabulary lacks, or a generic description ("the relevant rules of procedure")
        if f.surface.lower().startswith("its ") and before:
            return True
        if any(q.start < f.start and f.end < q.end for q in extract.find_quotes(text, self.lang)):
            return True
        return bool(_EN_DESCRIBED_AFTER.match(text, f.end))

    def note_unlisted(self, text: str, found: list[extract.Found], st: _Text) -> None:
        """Remembers the heads of capitalized names of the text that no vocabulary label covers."""
        if self.lang == "zh":
            return
        covered = [(x.start, x.end) for x in found if x.label in nlp.MATCHED_SCHEMES or x.label == extract.COORDINATED]
        for m in _EN_PROPER_NAME.finditer(text):
            g = "head" if m.group("head") else "head2"
            if not any(s <= m.start(g) < e for s, e in covered):
                st.unlisted.add(m.group(g).lower())

    def owner_after(self, text: str, f: extract.Found, following: extract.Found | None) -> Concept | None:
        """English: the body named right after a short form as its author ("the agreed conclusions adopted by the
        Commission on the Status of Women", "the declaration of the Fourteenth Congress")."""
        if self.lang == "zh" or following is None or following.label not in nlp.MATCHED_SCHEMES:
            return None
        if not _EN_OWNER_AFTER.fullmatch(text, f.end, following.start):
            return None
        return self.vocab.get(following.ids[0])

    def proper_short(self, text: str, f: extract.Found, cands) -> bool:
        """English short forms are proper nouns written as the vocabulary writes them: "the Convention", "the Rules"
        refer back, "the rules and procedures of the United Nations" and "conventions and protocols" do not. A short
        form that begins a longer description ("the Declaration and Plan of Action contained in …", "the Conference
        on …") names something else, not what was named before."""
        initial = nlp.head_initial(f.surface, self.lang)
        if f.label == nlp.PLURAL and initial.islower() and f.surface.split()[0].lower() == "the":
            return False  # "the conventions and protocols on terrorism": generic; "these conventions" refers back
        written = {nlp.head_initial(lb, self.lang) for c in cands for lb in c.short_labels(self.lang)}
        if initial and initial not in written:
            return False
        return not _EN_LONGER_TITLE.match(text, f.end)

    def tie_parties(self, c: Concept, f: extract.Found, text: str, before: list[Concept], prev, after) -> list[Concept]:
        """States parties tied to a treaty: 缔约国 after the treaty it belongs to ("这些文书的缔约国", "公约缔约方会议
        …提高缔约国…") is that treaty's parties group (StatesParties-UNTOC) when the vocabulary has one.

        English names the treaty after the group: "States parties to the Convention" (the referent of the short form
        that follows), "States parties thereto"; "States parties to those instruments" are the parties to each
        instrument named before. A bare "States parties" after a treaty is its parties, as in Chinese. A list of
        treaties gives the parties to each: "States parties to A, B and C", "《A》、《B》和《C》的缔约国".
        `prev` and `after` hold (span, concepts) of the spans before and after this one in the paragraph."""
        if c.scheme != "group":
            return [c]
        key = nlp.surface_key(f.surface, self.lang)
        insts = [b for b in before if b.scheme == "instrument"]
        owner = self.owner_of.get(c.iri)
        if owner is not None:
            # A label that names the treaty ("《C》的缔约国", "States parties to C"): also the parties to the treaties
            # listed with it ("《A》、《B》和《C》的缔约国", "States parties to C, D and E").
            suffix = self.owned[owner][c.iri]
            listed = self.listed(text, prev[::-1], f.start, backwards=True) if self.lang == "zh" else []
            listed += self.listed(text, after, f.end) if self.lang != "zh" else []
            return [c] + [g for inst in listed for g in self.parties_of(inst, suffix) if g != c]
        if self.lang == "zh" and _ZH_PARTIES_OF_PLURAL.search(text, 0, f.start):
            # "这些公约和议定书的缔约国", "这些文书的缔约国": the parties to each treaty named before
            tied = [g for inst in dict.fromkeys(insts) for g in self.parties_of(inst, key)]
            return tied or [c]
        if self.lang != "zh":
            m = _EN_PARTIES_TO.match(text, f.end)
            if m and m.group("plural"):
                tied = [g for inst in dict.fromkeys(insts) for g in self.parties_of(inst, key)]
                return tied or [c]
            if m and m.group("ref"):
                nxt = [(sp, cs) for sp, cs in after if sp.start >= m.start("det")]
                if nxt and nxt[0][0].start in (m.start("det"), m.start("ref")):
                    first = [inst for inst in nxt[0][1] if inst.scheme == "instrument"]
                    listed = first[:1] + self.listed(text, nxt, nxt[0][0].end) if first else []
                    tied = [g for inst in dict.fromkeys(listed) for g in self.parties_of(inst, key)]
                    return tied or [c]
        for inst in reversed([i for i in insts if i.iri not in self.plural_iris]):
            tied = self.parties_of(inst, key)
            if tied:
                return tied
        return [c]

    def listed(self, text: str, spans, pos: int, backwards: bool = False) -> list[Concept]:
        """Instruments listed right after (before) `pos`: "A, B and C", "《A》、《B》和"."""
        out = []
        for sp, cs in spans:
            gap = text[sp.end : pos] if backwards else text[pos : sp.start]
            insts = [x for x in cs if x.scheme == "instrument"]
            if not insts or not _LIST_GAP.fullmatch(gap):
                break
            out += insts
            pos = sp.start if backwards else sp.end
        return out

    def parties_of(self, inst: Concept, key: str) -> list[Concept]:
        """The group named after `inst` whose name is `key` plus the treaty's ("缔约国", "states parties")."""
        for g, suffix in self.owned.get(inst.iri, {}).items():
            if suffix == key and self.vocab.get(g) is not None and self.vocab.get(g).scheme == "group":
                return [self.vocab.get(g)]
        return []

    def dropped(self, text: str, f: extract.Found, prev: extract.Found | None) -> bool:
        """Spans that name no actor here (rules from SEMANTICS "Not mentions")."""
        if self.lang != "zh":
            if f.label in nlp.MATCHED_SCHEMES and f.surface[:1].isupper() and _EN_LONGER_TITLE.match(text, f.end) \
                    and self.generic_label(f):
                return True  # "the Ad Hoc Committee on the Indian Ocean" is not "the ad hoc committee" on cybercrime
            # "United Nations Headquarters", "United Nations standards and norms", "all relevant United Nations
            # resolutions", "United Nations-related instruments": the bare name qualifying a noun names a place or a
            # kind of thing, as 联合国总部 / 联合国议程 in Chinese; "the United Nations and …", "of the United
            # Nations," name the organization.
            key = nlp.surface_key(f.surface, "en")
            if key in self.modifier_labels:  # "law enforcement cooperation", "… and criminal justice responses"
                return not _EN_MODIFIER_AS_NAME.match(text, f.end)
            if f.label not in ("body", "group") or not _EN_ATTRIBUTIVE.match(text, f.end):
                return False
            return f.ids[0] in self.name_forming and 2 <= len(key.split()) <= 3
        key = nlp.surface_key(f.surface, "zh")
        if key in self.modifier_labels and not _ZH_MODIFIER_AS_NAME.match(text, f.end):
            return True  # 执法对策, 执法和刑事司法对策: qualifies a noun; 执法和其他相关实体, "执法，": the group
        if f.label == "body" and f.ids[0] in self.name_forming and len(key) <= 4 and not _ZH_PARTICLES.match(text, f.end):
            return True  # 联合国议程, 联合国总部: a bare short name qualifying a noun (longer names are names)
        if f.label == "group" and _DESCRIBING_ZH.search(text[: f.start]):
            return True  # 作为第一个区域组织: describes the body named before
        # 泰国政府: a State's government is that State (the State is mentioned, not the group Governments).
        return f.label == "group" and prev is not None and prev.label == "state" and prev.end == f.start

    # --- one paragraph -----------------------------------------------------------------------------------------

    def paragraph(self, p: Paragraph, st: _Text, notes: dict[int, FootnoteLinks]) -> ParagraphLinks:
        cites, mentions = self.own_text(p.text, st, p, notes)
        for m in p.markers:
            fl = notes.get(m.number)
            if fl is None:
                self.warn(f"{st.where} paragraph {p.position}", f"marker {m.number} has no footnote")
                continue
            cites += [Hit(m.offset, m.offset, h.surface, h.entity, "footnote") for h in fl.cites]
        return ParagraphLinks(st.ordinal, p.position, None, tuple(cites), tuple(mentions), ())

    def own_text(self, text: str, st: _Text, p: Paragraph | None, notes) -> tuple[list[Hit], list[Hit]]:
        """Cites and mentions of a paragraph's own words (or a footnote's: its mentions are then dropped)."""
        where = f"{st.where} paragraph {p.position}" if p else st.where
        quotes = extract.find_quotes(text, self.lang)
        # Instruments and bodies inside the quoted title of a resolution or agenda item are not cited or mentioned.
        muted = [(q.start, q.end) for q in quotes if q.role in ("resolution", "item")]
        muted += [m.span() for m in (_NOT_ACTOR_ZH if self.lang == "zh" else _NOT_ACTOR_EN).finditer(text)]
        found = [f for f in extract.find_labels(text, self.lang, self.vocab) if not _inside(f.start, f.end, muted)]
        found = _drop_title_owners(found, self.vocab)
        found = [f for k, f in enumerate(found) if not self.dropped(text, f, found[k - 1] if k else None)]
        cites: list[Hit] = []
        mentions: list[Hit] = []
        before: list[Concept] = []
        self.note_unlisted(text, found, st)
        resolved = []
        for f in found:
            nxt = found[len(resolved) + 1] if len(resolved) + 1 < len(found) else None
            resolved.append((f, self.resolve(text, f, before, st, where, nxt)))
            # a parties group named after its treaty names the treaty too: "联合国反腐败公约缔约国 … 《公约》"
            before.extend(self.vocab.get(self.owner_of[c.iri]) for c in resolved[-1][1]
                          if f.label == "group" and c.iri in self.owner_of)
            before.extend(resolved[-1][1])
        # instruments reached through a plural anaphor ("the Protocols thereto") are not what a later bare "States
        # parties" belongs to ("… and the Protocols thereto …; the number of States parties has reached 190")
        self.plural_iris = {c.iri for f, cs in resolved if f.label == nlp.PLURAL for c in cs}
        before = []
        for k, (f, concepts) in enumerate(resolved):
            via = "text" if f.label in nlp.MATCHED_SCHEMES or f.label == extract.COORDINATED else "anaphora"
            for c0 in concepts:
                if f.label == "group" and c0.iri in self.owner_of:
                    before.append(self.vocab.get(self.owner_of[c0.iri]))
                if f.label == "group" and c0.iri in self.owner_of:
                    # "States parties to the United Nations Convention against Corruption", "《C》的缔约国": the treaty
                    # the group is named after is cited, as when it is named alone.
                    treaty = self.vocab.get(self.owner_of[c0.iri])
                    cites.append(Hit(f.start, f.end, f.surface, concept_entity(treaty), via))
                start = f.start
                tied = self.tie_parties(c0, f, text, before, resolved[:k], resolved[k + 1 :])
                adjacent = k and _ZH_ADJACENT.fullmatch(text, resolved[k - 1][0].end, f.start)
                if self.lang == "zh" and tied != [c0] and adjacent and any(x.scheme == "instrument" for x in resolved[k - 1][1]):
                    start = resolved[k - 1][0].start  # "公约缔约国": one name, the parties to the Convention
                for c in tied:
                    before.append(c)
                    hit = Hit(start, f.end, text[start : f.end], concept_entity(c), via)
                    (cites if c.scheme in CITED_SCHEMES else mentions).append(hit)
        cites += self.titles(text, found, quotes, muted, p, notes, where)
        cites += self.symbols(text, st, where)
        st.history.extend(before)
        return cites, mentions

    def titles(self, text, found, quotes, muted, p: Paragraph | None, notes, where) -> list[Hit]:
        """Titles outside the vocabulary: 《…》 not covered by a label, and quoted publication titles (题为“…”的报告)."""
        out = []
        covered = [(f.start, f.end) for f in found] + muted
        for t in extract.find_titles(text, self.lang):
            if not t.label or any(s <= t.start + 1 and t.end - 1 <= e for s, e in covered):
                continue  # a vocabulary label (or a short form) fills the brackets, or a quoted resolution title
            if extract.is_official_records(t.label) or extract.is_treaty_series(t.label):
                continue  # cited by its symbol / the treaty is cited through the Treaty Series reference
            kind = "publication" if _PUBLICATION_WORDS.search(t.label) else "instrument"
            annexed = [e for fl in self._notes_near(t.end, p, notes, 3) for e in self.annex_of.get((fl.text, fl.number), ())]
            if annexed:
                # "第 70/174 号决议，附件": the title at the marker is that resolution's annex, an instrument; if the
                # document names the same annex elsewhere with a vocabulary label, the title is that instrument.
                known = next((self.annex_map[e.code] for e in annexed if e.code in self.annex_map), None)
                if known is not None:
                    self.warn(where, f"《{t.label}》 is not a vocabulary label; read as {known.code} "
                              f"(the annex of {annexed[0].code}, as elsewhere in the document)")
                    out.append(Hit(t.start, t.end, t.label, concept_entity(known), "annex"))
                    continue
                kind = "instrument"
            out.append(Hit(t.start, t.end, t.label, title_entity(t.label, kind, self.lang, self.base), "text"))
        for q in quotes:
            if q.role != "other":
                continue
            titled = text[: q.start].rstrip().endswith("题为") and _PUB_AFTER_QUOTE.match(text, q.end)
            if self.lang == "zh" and not titled:
                continue
            if self.lang != "zh" and not _PUB_BEFORE_QUOTE_EN.search(text, max(0, q.start - 80), q.start):
                continue  # "the assessment toolkit “…”", "the issue brief “…”", "the report … entitled “…”"
            if any(q.start <= s and e <= q.end for s, e in covered[: len(found)]) or self.symbol_at(q.end, p, notes):
                continue  # a vocabulary publication, or a report cited by its symbol in the footnote
            out.append(Hit(q.start, q.end, q.inner, title_entity(q.inner, "publication", self.lang, self.base), "text"))
        return out

    def _notes_near(self, offset: int, p: Paragraph | None, notes, reach: int = 12):
        for m in p.markers if p else ():
            if offset <= m.offset <= offset + reach and m.number in notes:
                yield notes[m.number]

    def symbol_at(self, offset, p, notes) -> bool:
        return any(h.entity.kind == "document" for fl in self._notes_near(offset, p, notes) for h in fl.cites)

    def symbols(self, text: str, st: _Text, where: str) -> list[Hit]:
        out = []
        for ref in symbols.find_symbols(text, self.lang, default_issuer=st.default_issuer):
            if ref.symbol is None:
                self.warn(where, f"resolution '{ref.raw}' left unlinked: issuer undecided ({ref.reason})")
                continue
            entity = symbol_entity(ref, self.base)
            if ref.annex:
                self.annexes.append(entity)
            out.append(Hit(ref.start, ref.end, ref.raw, entity, "text"))
        return out


def _inside(start: int, end: int, zones) -> bool:
    return any(s <= start and end <= e for s, e in zones)


def _drop_title_owners(found: list[extract.Found], vocab: Vocabulary) -> list[extract.Found]:
    """A body directly followed by an official or office of its own is part of that title, not a mention:
    人权理事会 + 贩运人口…问题特别报告员, 秘书处 + 经济和社会事务部, 欧洲联盟 + 反贩运协调人."""
    out = []
    for k, f in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if f.label == "body" and nxt is not None and nxt.start == f.end and nxt.label == "body":
            c = vocab.get(nxt.ids[0])
            if c is not None and c.kind in ("Official", "Office", "ExpertGroup"):
                continue
        out.append(f)
    return out


_OWNED: dict[tuple[int, str], tuple[Vocabulary, dict]] = {}
# "States parties to the Convention", "States parties thereto", "States parties to those instruments".
_EN_PARTIES_TO = re.compile(
    r"\s+(?:thereto\b|to\s+(?:(?P<plural>(?:those|these|both|the\s+two)\s+"
    r"(?:instruments|conventions|treaties|protocols))\b"
    r"|(?P<det>(?:the|that|this)\s+)(?P<ref>[A-Z])))"
)
# Between the items of a list of treaties: "A, B and C", "《A》、《B》和《C》".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?|(?:and|or)\s+(?:the\s+)?|、|和|及|以及|与)\s*"
                       r"|\s*(?:[《》]\s*)*(?:、|和|及|以及|与)?\s*(?:[《》]\s*)*")
# Words of names that say what kind of thing is named, not which one (they never tie "its X" to a name).
_EN_NAME_WORDS = {"united", "nations", "international", "convention", "declaration", "protocol", "treaty", "office",
                  "commission", "council", "committee", "conference", "group", "programme", "plan", "action", "of",
                  "the", "on", "and", "for", "against", "global", "process", "organization", "rules", "guidelines"}
# A capitalized name whose head is a short form's head noun: "Peacebuilding Commission", "Conference on Disarmament",
# "Agency for the Prohibition of Nuclear Weapons in Latin America …", "Office for Disarmament Affairs".
_EN_HEADS = ("Commission|Conference|Committee|Council|Agency|Office|Convention|Treaty|Protocol|Declaration|"
             "Agreement|Statute|Strategy|Mechanism|Programme|Plan|Guidelines|Rules|Group|Congress|Fund|Assembly|"
             "Compact|President")
_EN_PROPER_NAME = re.compile(
    rf"(?<![\w-])(?:[A-Z][\w\u2011’'-]*\s+)+(?P<head>{_EN_HEADS})\b"
    rf"|(?<![\w-])(?P<head2>{_EN_HEADS})\s+(?:on|of|for|to|between)\s+(?:the\s+)?[A-Z]"
)
# After a short form, a description that says which one it is ("adopted by the Third United Nations Conference …").
_EN_DESCRIBED_AFTER = re.compile(
    r"\s*,?\s+(?:(?:adopted|issued|held|convened|signed|established)\s+(?:by|at|in)|governing|concerning|regarding"
    r"|relating\s+to)\s+(?:the\s+)?[A-Za-z]"
)
_EN_OWNER_AFTER = re.compile(r"\s*,?\s+(?:(?:adopted|prepared|issued|established|developed)\s+by|of|by)\s+(?:the\s+)?")
# An indefinite article in the clause before a Chinese short form ("一份…政治宣言"): not an anaphor.
_INDEFINITE_BEFORE_ZH = re.compile(r"一(?:份|项|个|部|套)[^，。；、]*$")
_ZH_PARTIES_OF_PLURAL = re.compile(r"(?:这些|上述|这两项|其各项|各项)[^，。；]{0,12}?(?:公约|文书|议定书|条约)[^，。；]{0,6}?的?\s*$")
_ZH_ADJACENT = re.compile(r"[\s《》]*")
_EN_OWNER_LINK = re.compile(r"\s+(?:(?:to|of|on|for)(?:\s+the)?)?\s*$")


def _owned(vocab: Vocabulary, lang: str) -> dict[str, dict[str, str]]:
    """owner IRI -> {IRI of a concept named after it: the rest of that name}, read off the labels (longest owner
    label first): 联合国打击跨国有组织犯罪公约 + 缔约方会议 (UNTOC-COP), + 缔约国 (StatesParties-UNTOC);
    第三委员会 + 主席 (THIRD-COMMITTEE-CHAIR). Cached per vocabulary."""
    cached = _OWNED.get((id(vocab), lang))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    key = lambda s: nlp.surface_key(s, lang)  # noqa: E731
    owners = sorted(
        ((key(lb), c) for c in vocab.concepts if c.scheme in ("instrument", "body") for lb in c.labels(lang)),
        key=lambda t: -len(t[0]),
    )
    out: dict[str, dict[str, str]] = {}
    for c in vocab.concepts:
        if c.scheme not in ("body", "group", "instrument"):
            continue
        for lb in c.labels(lang):
            k = key(lb)
            for ok, owner in owners:
                if len(ok) <= 2 or owner is c or len(k) <= len(ok):
                    continue
                if k.startswith(ok):
                    out.setdefault(owner.iri, {}).setdefault(c.iri, k[len(ok) :].lstrip("的》 ").removeprefix("of the "))
                    break
                # English names the owner last: "States parties to the United Nations Convention against Corruption",
                # "Executive Director of the United Nations Office on Drugs and Crime".
                rest = _EN_OWNER_LINK.sub("", k[: -len(ok)]) if lang != "zh" and k.endswith(" " + ok) else ""
                if not rest and lang != "zh":
                    at = next((k.index(f" {w} {ok} ") for w in ("of the", "of", "by the") if f" {w} {ok} " in k), -1)
                    rest = k[:at] if at > 0 else ""
                if rest:
                    out.setdefault(owner.iri, {}).setdefault(c.iri, rest)
                    break
    _OWNED[(id(vocab), lang)] = (vocab, out)
    return out


def _modifier_labels(vocab: Vocabulary, lang: str, threshold: int = 3) -> frozenset[str]:
    """Group labels that begin several longer labels of their own concept ("law enforcement" + agencies,
    authorities, officials …; 执法 + 部门, 机构, 人员 …): before a noun they qualify it ("law enforcement cooperation",
    执法合作), before "and" or a comma they name the group ("执法和其他相关实体"). English plural heads ("States",
    "Member States") are never modifiers."""
    function = set(_EN_FUNCTION_WORDS.split("|"))
    out = set()
    for c in vocab.in_scheme("group"):
        keys = [nlp.surface_key(lb, lang) for lb in c.labels(lang)]
        for k in keys:
            if lang == "zh":
                longer = {o for o in keys if o.startswith(k) and len(o) > len(k)}
            else:
                longer = {o for o in keys if o.startswith(k + " ") and o[len(k) + 1 :].split()[0] not in function}
            if len(longer) >= threshold and not (lang != "zh" and k.endswith("s")):
                out.add(k)
    return frozenset(out)


def _name_forming(vocab: Vocabulary, lang: str, threshold: int = 8) -> set[str]:
    """Bodies whose bare label begins the labels of many other concepts (联合国 …): attributive when a noun follows."""
    labels = [(nlp.surface_key(lb, lang), c.iri) for c in vocab.concepts for lb in c.labels(lang)]
    out = set()
    for c in vocab.in_scheme("body"):
        for lb in c.labels(lang):
            k = nlp.surface_key(lb, lang)
            if len(k) >= 2 and len({iri for other, iri in labels if iri != c.iri and other.startswith(k)}) >= threshold:
                out.add(c.iri)
    return out


# --- footnotes ---------------------------------------------------------------------------------------------------


def _footnotes(L: _Linker, st: _Text, notes, paragraphs) -> dict[int, FootnoteLinks]:
    """What each footnote of one text cites: its symbols and titles, Treaty Series references (volume and number,
    `Vocabulary.by_unts`), and for a bare 同上 / Ibid. what the footnote before it cited."""
    out: dict[int, FootnoteLinks] = {}
    prev_unts, prev_cites = False, []
    for fn in notes:
        where = f"{st.where} footnote {fn.number}"
        scratch = _Text(st.ordinal, where, st.default_issuer, st.authors, list(st.history))
        L.annexes = []
        cites, _ = L.own_text(fn.text, scratch, None, {})  # a footnote's bodies are not mentions of the paragraph
        L.annex_of[(st.ordinal, fn.number)] = L.annexes
        ibid = extract.is_ibid(fn.text)
        unts = extract.find_unts(fn.text, L.lang)
        # "联合国，《条约汇编》，第 2225 卷，第 39574 号"; "同上，第 2237 卷，…" continues the series of the note before.
        is_unts = bool(unts) and (any(u.series for u in unts) or (ibid and prev_unts))
        if is_unts:
            pointing = [p for p in paragraphs if fn.number in p.footnote_numbers]
            cites += _treaties(L, unts, where, pointing)
        if ibid and not cites:
            cites = [Hit(0, 0, h.surface, h.entity, "ibid") for h in prev_cites]
        out[fn.number] = FootnoteLinks(st.ordinal, fn.number, tuple(cites))
        prev_unts, prev_cites = is_unts, cites
    return out


def _treaties(L: _Linker, unts, where: str, pointing: list[Paragraph]) -> list[Hit]:
    """Treaty Series volume + registration number -> the treaty. A number that matches nothing (a misprint such as
    "第 2237 卷，第 39674 号") falls back to the volume, narrowed by what the paragraphs at the marker name; warns."""
    out = []
    for u in unts:
        for vol in u.volumes:
            found = L.vocab.by_unts(vol, u.number)
            if not found:
                by_volume = L.vocab.by_unts(vol, None)
                if len(by_volume) > 1:
                    named = {f.ids[0] for p in pointing for f in extract.find_labels(p.text, L.lang, L.vocab)}
                    by_volume = [c for c in by_volume if c.iri in named]
                if len(by_volume) == 1:
                    L.warn(where, f"Treaty Series vol. {vol}, No. {u.number} matches no treaty; read as "
                           f"{by_volume[0].code} (same volume): a misprinted number")
                    found = by_volume
                else:
                    L.warn(where, f"Treaty Series vol. {vol}, No. {u.number} matches no treaty of the vocabulary")
            out += [Hit(u.start, u.end, f"vol. {vol}, No. {u.number}", concept_entity(c), "unts") for c in found]
    return out


def _learn_annexes(L: _Linker, paragraphs, notes: dict[int, FootnoteLinks], ordinal: int) -> None:
    """Resolution symbol -> the vocabulary instrument a paragraph names right before a marker whose footnote says
    "第 X 号决议，附件" (the instrument the paragraph names at that marker is that annex)."""
    for p in paragraphs:
        found = extract.find_labels(p.text, L.lang, L.vocab)
        for m in p.markers:
            annexed = L.annex_of.get((ordinal, m.number), ())
            inst = next((f for f in reversed(found) if f.end <= m.offset and m.offset - f.end <= 2), None)
            if annexed and inst is not None and inst.label == "instrument":
                for e in annexed:
                    L.annex_map.setdefault(e.code, L.vocab.get(inst.ids[0]))


# --- the document ----------------------------------------------------------------------------------------------


def link_document(doc: Document, vocab: Vocabulary, *, base_iri: str = BASE) -> Links:
    """Cites and mentions of every paragraph and footnote, sponsors, co-sponsors and speakers of one document.

    Text ordinal 0 holds the report's own paragraphs. Warnings name the document and the paragraph.
    """
    L = _Linker(doc, vocab, base_iri)
    # Authors: a resolution text speaks for its organ (the GA; ECOSOC for E/ symbols); the report is the committee's
    # (the body of its meetings) and addressed to the GA.
    issuer = "ECOSOC" if doc.symbol.startswith("E/") else "UNGA"
    committee = next((f.adopted_at.body for f in doc.facts if f.adopted_at), None)
    organ = concept_iri("body", issuer)
    texts = []
    if doc.report_paragraphs:
        authors = tuple(i for i in (concept_iri("body", committee) if committee else None, organ) if i and vocab.get(i))
        texts.append((_Text(0, "report", None, authors), doc.report_paragraphs, doc.report_footnotes))
    for t in doc.texts:
        name = f"draft resolution {t.ordinal}" if doc.kind == "report" else doc.kind
        # The title names the subject: "the Treaty" in "The Arms Trade Treaty" resolution is that treaty.
        named = [vocab.get(f.ids[0]) for f in extract.find_labels(t.title or doc.title or "", L.lang, vocab)
                 if f.label in nlp.MATCHED_SCHEMES]
        texts.append((_Text(t.ordinal or 0, name, issuer, (organ,), [c for c in named if c is not None]),
                      t.paragraphs, t.footnotes))
    notes = [_footnotes(L, st, fns, paras) for st, paras, fns in texts]
    for (st, paras, _), fl in zip(texts, notes):
        _learn_annexes(L, paras, fl, st.ordinal)
    paragraphs = [L.paragraph(p, st, fl) for (st, paras, _), fl in zip(texts, notes) for p in paras]
    sponsors, co_sponsors = [], []
    for f in doc.facts:
        where = f"draft resolution {f.ordinal} sponsors"
        sponsors += [(f.ordinal, iri) for item in f.sponsors for iri in _states(L, item, where)]
        co_sponsors += [(f.ordinal, iri) for item in f.co_sponsors for iri in _states(L, item, where)]
    speakers = []
    for k, s in enumerate(doc.statements):
        found = _drop_title_owners(extract.find_labels(s.speaker, L.lang, vocab), vocab)
        iris = [f.ids[0] for f in found if f.label in ("state", "body")]
        if not iris:
            L.warn(f"statement {k + 1}", f"speaker '{s.speaker}' not found in the vocabulary")
        speakers += [(k, iri) for iri in dict.fromkeys(iris)]
    footnotes = [f for fl in notes for f in fl.values()]
    return Links(tuple(paragraphs), tuple(footnotes), tuple(sponsors), tuple(co_sponsors), tuple(speakers),
                 tuple(dict.fromkeys(L.warnings)))


def _states(L: _Linker, item: str, where: str) -> list[str]:
    """State IRIs in one item of a sponsor list ("乌拉圭和赞比亚"; "波斯尼亚和黑塞哥维那" by longest match)."""
    found = [f for f in extract.find_labels(item, L.lang, L.vocab) if f.label == "state"]
    rest = item
    for f in sorted(found, key=lambda f: -f.start):
        rest = rest[: f.start] + rest[f.end :]
    if not found or re.sub(r"[\s和及、,，]|\band\b", "", rest):
        L.warn(where, f"'{item}' is not (only) State names of the vocabulary")
    return [f.ids[0] for f in found]
