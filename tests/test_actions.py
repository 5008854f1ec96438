"""Clause analysis (`graph/actions.py`) on real text: the Chinese report A/74/400 and English resolutions.

Each row is a paragraph picked by (draft ordinal, printed number) — or position for preambular paragraphs — and the
actions a careful reader finds in it (docs/SEMANTICS.md "actions"), read from the text, not from the output.
Mentions are a plain longest match over the vocabulary's labels (pref and alt), so these tests do not depend on
`link.py`; where a row needs a short form resolved (大会, 委员会, 主席, "the Coordination Group") it lists the hit
`link.py` would give, which replaces whatever the plain match found there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import actions
from graph.models import Entity, Hit
from graph.vocab import concept_iri, load

ROOT = Path(__file__).resolve().parent.parent
MENTIONED = ("body", "state", "group")


@pytest.fixture(scope="module")
def voc():
    return load()


@pytest.fixture(scope="module")
def zh_doc(report_doc):
    return report_doc


@pytest.fixture(scope="module")
def en_docs():
    from graph.ingest import read_source
    from graph.segment import segment

    return {
        "L.4": segment(read_source(ROOT / "data" / "en" / "A_C.3_80_L.4.txt")),
        "74/247": segment(read_source(ROOT / "data" / "en" / "A_RES_74_247.txt")),
        **{f"74/{n}": segment(read_source(ROOT / "data" / "en" / f"A_RES_74_{n}.txt")) for n in (170, 171, 175, 176, 177)},
        "80/14": segment(read_source(ROOT / "data" / "en" / "ga-res-80" / "A_RES_80_14.md")),
    }


def _paragraph(doc, draft: int, number: int | None = None, position: int | None = None):
    text = next(t for t in doc.texts if (t.ordinal or 1) == draft)
    for p in text.paragraphs:
        if (number is not None and p.number == number) or (position is not None and p.position == position):
            return p
    raise LookupError(f"no paragraph {number or position} in text {draft}")


def _mentions(text: str, voc, lang: str, extra: tuple[tuple[str, str], ...] = ()) -> list[Hit]:
    """Longest match over the labels of bodies, States and groups, plus the hits of `extra` (surface, code): the first
    occurrence of each surface (or of `surface@n`, its n-th occurrence), replacing plain hits it overlaps."""
    spans = []
    for label, c in _labels(voc, lang):
        i = text.find(label)
        while i >= 0:
            if lang == "zh" or _word_bounded(text, i, i + len(label)):
                spans.append((i, i + len(label), c))
            i = text.find(label, i + 1)
    hits: list[Hit] = []
    for start, end, c in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first, then leftmost
        if all(end <= h.start or start >= h.end for h in hits):
            hits.append(Hit(start, end, text[start:end], Entity(c.iri, c.scheme, c.code)))
    for surface, code in extra:
        surface, _, nth = surface.partition("@")
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        start = starts[int(nth or 1) - 1]
        c = voc.code(code)
        hits = [h for h in hits if h.end <= start or h.start >= start + len(surface)]
        hits.append(Hit(start, start + len(surface), surface, Entity(c.iri, c.scheme, c.code), "short-form"))
    return sorted(hits, key=lambda h: h.start)


_LABELS: dict[tuple[int, str], list] = {}


def _labels(voc, lang: str) -> list:
    """(label, concept) of every body, State and group in `lang` (the first concept of a shared label)."""
    key = (id(voc), lang)
    if key not in _LABELS:
        labels: dict[str, object] = {}
        for c in voc.concepts:
            if c.scheme in MENTIONED:
                for label in c.labels(lang):
                    labels.setdefault(label, c)
        _LABELS[key] = list(labels.items())
    return _LABELS[key]


def _word_bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def _ids(rows) -> list[str]:
    return [r.values[0] if hasattr(r, "marks") else r[0] for r in rows]


def _summary(found, voc) -> list[tuple]:
    """(type, addressee codes, report_to code, session) per action: what the rows below spell out."""
    code = lambda iri: voc.get(iri).code if iri else None  # noqa: E731
    return [(a.type, tuple(code(i) for i in a.addressees), code(a.report_to), a.report_session) for a in found]


# (id, draft, number, expected actions as (type, addressees, report_to, session), short forms resolved)
ZH_OPERATIVE = [
    # 重申…，确认…，并确认…: a repeated verb is a new action each time.
    ("repeated-verb", 1, 1, [("reaffirms", (), None, None), ("recognizes", (), None, None), ("recognizes", (), None, None)], ()),
    # A long list of addressees, the examples after "，包括" included; the content starts at 促进.
    ("list-with-including", 1, 2, [("invites", ("MemberStates", "UN-SYSTEM", "IOC", "IPC", "Stakeholders", "SportsOrganizations",
                                                "Athletes", "Media", "CivilSociety", "Academia", "PrivateSector"), None, None)], ()),
    # 还邀请 opens a second invitation; its list is joined by a stray comma; 与毒品和犯罪问题办公室密切合作 is a partner;
    # 向提出请求的会员国提供援助 is content of the first invitation.
    ("two-invites-partner", 1, 3, [("invites", ("UNODC",), None, None),
                                   ("invites", ("OrganizingCommittees", "IOC", "FIFA"), None, None)], ()),
    # 与会员国密切协调并与相关国际组织和伙伴合作: partners, not addressees.
    ("partners-not-addressees", 1, 7, [("requests", ("UNODC",), None, None)], ()),
    # 吁请会员国…，并鼓励会员国…: two clauses of the Assembly.
    ("calls-upon-and-encourages", 1, 8, [("calls-upon", ("MemberStates",), None, None), ("encourages", ("MemberStates",), None, None)], ()),
    # A report to the Commission's 29th session inside the request; "并考虑到" is how to work, not a clause;
    # "在这方面欣见" is the Assembly welcoming Thailand's offer.
    ("report-to-commission", 1, 11, [("requests", ("UNODC",), "CCPCJ", 29), ("welcomes", (), None, None)], ()),
    # An official as addressee; the Secretary-General is who receives the information, not an addressee; the report
    # goes to the Assembly's seventy-fifth session.
    ("official-and-report", 1, 13, [("requests", ("UNODC-ED",), "UNGA", 75)], (("大会", "UNGA"),)),
    # 会员国和其他捐助方: two addressees.
    ("two-addressees", 1, 14, [("invites", ("MemberStates", "Donors"), None, None)], ()),
    # 因此决定: the Assembly's decision after what it recalls (the first 决定 is resolution 68/192's).
    ("therefore-decides", 7, 4, [("recalls", (), None, None), ("decides", (), None, None)], ()),
    # Two addressees, partners after 与.
    ("sg-and-president", 7, 5, [("requests", ("SG", "UNGA-PRESIDENT"), None, None)], ()),
    # 在欢迎…的同时 is subordinate; the invitation is the Assembly's.
    ("subordinate-welcome", 7, 6, [("recalls", (), None, None), ("invites", ("Stakeholders",), None, None)], ()),
    # 表示声援和同情 is `other`; 呼吁充分尊重… addresses no one.
    ("calls-for-no-addressee", 7, 7, [("other", (), None, None), ("calls-upon", (), None, None)], ()),
    # 再次请秘书长: a renewed request is `requests`; 向委员会提供支持 is no report.
    ("renewed-request", 7, 8, [("supports", (), None, None), ("requests", ("SG",), None, None), ("invites", ("MemberStates",), None, None)], ()),
    # "邀请此类组织…" is what the Office is encouraged to do, not a second clause of the Assembly.
    ("nested-invitation", 7, 9, [("encourages", ("UNODC",), None, None)], ()),
    # Five clauses, one request among them; 作为协调小组协调人 is the Office's capacity.
    ("five-clauses", 7, 11, [("welcomes", (), None, None), ("takes-note", (), None, None), ("requests", ("UNODC",), None, None),
                             ("takes-note", (), None, None), ("takes-note", (), None, None)], ()),
    # A relative clause before the addressee holds another body (担任机构间协调小组协调人的…办公室).
    ("relative-clause", 7, 14, [("invites", ("UNODC", "UN-SYSTEM"), None, None), ("invites", ("MemberStates", "Donors"), None, None)], ()),
    # 此外邀请 opens a clause after a request.
    ("moreover-invites", 7, 23, [("notes", (), None, None), ("requests", ("UNODC",), None, None), ("invites", ("MemberStates",), None, None)], ()),
    # 期待看到… ("looks forward to") is a clause of type `other`.
    ("looks-forward", 7, 25, [("welcomes", (), None, None), ("other", (), None, None), ("encourages", ("MemberStates",), None, None)], ()),
    # The closing request for a report, with the session in Chinese numerals.
    ("report-76", 7, 26, [("requests", ("SG",), "UNGA", 76)], (("大会", "UNGA"),)),
    # 通过委员会向大会…报告: the report goes to the Assembly, through the Commission.
    ("report-through-commission", 2, 23, [("requests", ("SG",), "UNGA", 75)], (("委员会", "CCPCJ"), ("大会", "UNGA"))),
    # 向委员会第二十九届会议报告: 委员会 in a resolution is the CCPCJ.
    ("report-to-ccpcj-29", 4, 14, [("requests", ("SG",), "CCPCJ", 29)], (("委员会", "CCPCJ"),)),
    # 并为此目的请秘书长…编写一份报告，提交第十四届预防犯罪大会审议: a report to the Fourteenth Congress.
    ("report-to-congress", 2, 2, [("invites", ("Governments", "IGOs", "NGOs"), None, None), ("requests", ("SG",), "CRIME-CONGRESS", 14)], ()),
    # 又再次请秘书长鼓励…: 鼓励 right after the addressee is what the Secretary-General is asked to do.
    ("verb-after-addressee", 2, 18, [("requests", ("SG",), None, None)], ()),
    # 查明并支持…受害者: "identify and support" are what Member States are encouraged to do.
    ("coordinated-content-verbs", 5, 14, [("encourages", ("MemberStates",), None, None)], ()),
    # "…，邀请会员国…" after an urging names its own addressee: a clause of the Assembly.
    ("comma-then-directive", 3, 3, [("urges", ("MemberStates",), None, None), ("invites", ("MemberStates",), None, None)], ()),
    # 大会主席 and, later, 主席 alone (the same official).
    ("president-short-form", 8, 19, [("invites", ("UNGA-PRESIDENT",), None, None), ("invites", ("UNGA-PRESIDENT",), None, None)],
     (("主席@2", "UNGA-PRESIDENT"),)),
    # 回顾…高级别会议，其中除其他外，重申了…: what the meeting reaffirmed, not the Assembly (perfective 了).
    ("perfective-is-reported", 7, 3, [("recalls", (), None, None)], ()),
    # 敦促尚未批准…的会员国…，并敦促这些文书的缔约国…: a relative clause before the addressee, then a repeated verb.
    ("repeated-urges", 7, 1, [("urges", ("MemberStates",), None, None), ("urges", ("StatesParties-UNTOC",), None, None)],
     (("缔约国", "StatesParties-UNTOC"),)),
    # 促请 is "Calls upon" in the official English (A/RES/74/176 op. 21); 谴责这些做法 is what Member States are called
    # upon to do, not a clause of the Assembly.
    ("cuqing-calls-upon", 7, 21, [("calls-upon", ("MemberStates",), None, None), ("invites", ("MemberStates",), None, None)], ()),
]


@pytest.mark.parametrize("rid, draft, number, expected, extra", ZH_OPERATIVE, ids=_ids(ZH_OPERATIVE))
def test_zh_operative(zh_doc, voc, rid, draft, number, expected, extra):
    p = _paragraph(zh_doc, draft, number=number)
    found = actions.find_actions(p, _mentions(p.text, voc, "zh", extra), voc, "zh")
    assert _summary(found, voc) == expected


# (id, draft, position, expected type)
ZH_TYPES = [
    ("you-chongshen", 1, 2, "reaffirms"),  # 又重申: 又 is a modifier
    ("zanshangdi-zhuyidao", 1, 16, "notes"),  # 赞赏地注意到 "Notes with appreciation"
    ("biaoshi-zhuyidao", 7, 6, "takes-note"),  # 表示注意到 "Takes note"
    ("biaoshi-zanshangdi-zhuyidao", 7, 19, "takes-note"),  # 表示赞赏地注意到 "Takes note with appreciation"
    ("zaici-qianglie-qianze", 7, 1, "condemns"),  # 再次强烈谴责: 再次 is a modifier, the verb condemns
    ("chongshen-qianglie-qianze", 8, 50, "reaffirms"),  # 重申强烈谴责: the head verb is 重申
    ("zaici-guanqie", 7, 2, "expresses-concern"),  # 再次关切
    ("shenxin", 1, 13, "other"),  # 深信 "Convinced"
    ("mingji", 7, 3, "other"),  # 铭记 "Bearing in mind"
    ("shenming", 7, 33, "affirms"),  # 申明 "Affirms"
    ("welcome-and-welcome", 1, 6, "welcomes"),  # 欢迎…并还欢迎…
    ("operative-leading", 1, 30, "requests"),  # operative paragraphs too: 请…
]


@pytest.mark.parametrize("rid, draft, position, expected", ZH_TYPES, ids=[r[0] for r in ZH_TYPES])
def test_zh_paragraph_type(zh_doc, voc, rid, draft, position, expected):
    assert actions.paragraph_type(_paragraph(zh_doc, draft, position=position).text, voc, "zh") == expected


def test_paragraph_type_of_nothing(voc):
    assert actions.paragraph_type("  ", voc, "zh") is None


def test_offsets_and_clause_text(zh_doc, voc):
    """Clause offsets are clean offsets in the paragraph; linking words (并, 在这方面) stay outside the clause,
    modifiers (还, 再次) inside it."""
    p = _paragraph(zh_doc, 1, number=3)
    found = actions.find_actions(p, _mentions(p.text, voc, "zh"), voc, "zh")
    assert [a.ordinal for a in found] == [1, 2]
    for a in found:
        assert p.text[a.start : a.end] == a.text
    assert found[0].text.startswith("邀请联合国毒品和犯罪问题办公室") and found[0].text.endswith("提供援助")
    assert found[1].text.startswith("还邀请各国组织委员会")
    p = _paragraph(zh_doc, 1, number=11)
    found = actions.find_actions(p, _mentions(p.text, voc, "zh"), voc, "zh")
    assert found[1].text.startswith("欣见泰国政府")


def test_addressees_are_mentions(zh_doc, voc):
    """Every addressee is one of the mention hits passed in (SEMANTICS: "Every addressee of an action is also a
    mention"), over every operative paragraph of the report."""
    for t in zh_doc.texts:
        for p in t.paragraphs:
            if p.kind != "operative":
                continue
            hits = _mentions(p.text, voc, "zh")
            for a in actions.find_actions(p, hits, voc, "zh"):
                assert set(a.addressees) <= {h.entity.iri for h in hits}, (t.ordinal, p.number, a)
                if a.type not in {c.code for c in voc.in_scheme("action-type") if c.directive}:
                    assert a.addressees == ()


def test_no_mentions_no_addressees(zh_doc, voc):
    p = _paragraph(zh_doc, 1, number=7)
    assert _summary(actions.find_actions(p, [], voc, "zh"), voc) == [("requests", (), None, None)]


# (id, document, number, expected actions, short forms resolved)
EN_OPERATIVE = [
    # "and also urges States Parties to those instruments": a repeated verb; "to those" is no infinitive.
    ("also-urges", "L.4", 1, [("urges", ("MemberStates",), None, None), ("urges", ("StatesParties",), None, None)], ()),
    # "…, and therefore decides to convene …"
    ("therefore-decides", "L.4", 5, [("recalls", (), None, None), ("decides", (), None, None)], ()),
    # "as coordinator of the Coordination Group" is the Office's capacity; "in this context takes note".
    ("capacity-aside", "L.4", 14, [("welcomes", (), None, None), ("requests", ("UNODC",), None, None),
                                  ("takes-note", (), None, None), ("encourages", ("ICAT",), None, None)],
     (("the Coordination Group@4", "ICAT"),)),
    # "Invites the Office, in its capacity as coordinator of …, and other relevant agencies of the United Nations system";
    # "and invites Member States and other international and bilateral donors".
    ("two-invites", "L.4", 18, [("invites", ("UNODC", "UN-SYSTEM"), None, None), ("invites", ("MemberStates", "Donors"), None, None)], ()),
    # "Also decides that … to be submitted to the General Assembly at its seventy-fifth session".
    ("decides-with-report", "74/247", 3, [("decides", (), "UNGA", 75)], ()),
    # "Reaffirms its request to the Secretary-General …" is a renewed request.
    ("reaffirms-its-request", "L.4", 10, [("supports", (), None, None), ("requests", ("SG",), None, None),
                                          ("invites", ("MemberStates",), None, None)], ()),
    # "…, and in this connection welcomes the offer of the Government of Thailand" (A/RES/74/170, 11; 在这方面…欣见).
    ("in-this-connection-welcomes", "74/170", 11, [("requests", ("UNODC",), "CCPCJ", 29), ("welcomes", (), None, None)], ()),
    # "and reiterates its encouragement to States, the institutes …, other concerned entities and the Secretary-General"
    # (再次鼓励): a renewed encouragement with its addressees.
    ("reiterates-its-encouragement", "74/171", 13,
     [("requests", ("SG",), None, None), ("encourages", ("States", "PNI", "SG"), None, None)],
     (("institutes of the United Nations crime prevention and criminal justice programme network", "PNI"),)),
    # "within its mandate and in collaboration with, when appropriate, relevant … Compact entities, to continue …": the
    # aside goes on past the interjection; the entities are partners.
    ("aside-with-interjection", "74/175", 13, [("requests", ("UNODC",), None, None)], ()),
    # "…, as well as requests the United Nations Office on Drugs and Crime, as coordinator of the Coordination Group, …"
    ("as-well-as-requests", "74/176", 11, [("welcomes", (), None, None), ("takes-note", (), None, None),
                                          ("requests", ("UNODC",), None, None), ("takes-note", (), None, None),
                                          ("takes-note", (), None, None)], ()),
    # "…, looks forward to the next such report, …, and encourages Member States" (期待…): a clause of type other.
    ("looks-forward", "74/176", 25, [("welcomes", (), None, None), ("other", (), None, None),
                                    ("encourages", ("MemberStates",), None, None)], ()),
    # "Recommends that Member States adopt …": "that" introduces the addressees.
    ("recommends-that", "74/177", 18, [("recommends", ("MemberStates",), None, None)], ()),
    # "…, and in this respect invites Member States to provide the Office with …"
    ("in-this-respect-invites", "74/177", 56, [("requests", ("UNODC",), None, None), ("invites", ("MemberStates",), None, None)], ()),
]

# (id, document, position, expected actions): a pronoun object stands for those addressed or named before.
EN_PRONOUNS = [
    # "Expresses its appreciation to the nuclear-weapon States …, and calls upon those that have not yet ratified …"
    ("calls-upon-those", "80/14", 9, [("expresses-appreciation", (), None, None),
                                      ("calls-upon", ("NuclearWeaponStates",), None, None)]),
    # "Calls upon the African States Parties to the Treaty on the Non-Proliferation … and encourages them to conclude …"
    ("encourages-them", "80/14", 11, [("calls-upon", ("AfricanStatesParties-NPT",), None, None),
                                      ("encourages", ("AfricanStatesParties-NPT",), None, None)]),
]


@pytest.mark.parametrize("rid, doc, position, expected", EN_PRONOUNS, ids=[r[0] for r in EN_PRONOUNS])
def test_en_pronoun_addressees(en_docs, voc, rid, doc, position, expected):
    p = _paragraph(en_docs[doc], 1, position=position)
    assert _summary(actions.find_actions(p, _mentions(p.text, voc, "en"), voc, "en"), voc) == expected


@pytest.mark.parametrize("rid, doc, number, expected, extra", EN_OPERATIVE, ids=_ids(EN_OPERATIVE))
def test_en_operative(en_docs, voc, rid, doc, number, expected, extra):
    p = _paragraph(en_docs[doc], 1, number=number)
    found = actions.find_actions(p, _mentions(p.text, voc, "en", extra), voc, "en")
    assert _summary(found, voc) == expected


EN_TYPES = [
    ("recalling-also", "Recalling also the United Nations Convention against Transnational Organized Crime", "recalls"),
    ("noting-with-appreciation", "Noting with appreciation the work of the Office", "notes"),
    ("also-requests", "Also requests the Secretary-General to submit a report", "requests"),
    ("reiterates-its-request", "Reiterates its request to the Secretary-General to report", "requests"),
    ("further-invites", "Further invites Member States to contribute", "invites"),
    ("aware", "Aware of the need to coordinate", "other"),
    # Renewed stances keep the type of what is renewed (再次强烈谴责 condemns, 再次表示关切 expresses concern).
    ("reiterating-strong-condemnation", "Reiterating its strong condemnation of trafficking in persons", "condemns"),
    ("reiterating-condemnation", "Reiterating its condemnation of all forms of violence", "condemns"),
    ("reiterating-concern", "Reiterating its concern that, despite sustained measures", "expresses-concern"),
    ("reaffirming-concern", "Reaffirming its concern that terrorists could benefit", "expresses-concern"),
    ("expressing-grave-concern", "Expressing its grave concern about the negative effects", "expresses-concern"),
    ("reiterates-encouragement", "Reiterates its encouragement to States to work together", "encourages"),
    ("looks-forward", "Looks forward to the next high-level meeting", "other"),
]


@pytest.mark.parametrize("rid, text, expected", EN_TYPES, ids=[r[0] for r in EN_TYPES])
def test_en_paragraph_type(voc, rid, text, expected):
    # Vocabulary examples of CONTRACT §5 as they open English paragraphs.
    assert actions.paragraph_type(text, voc, "en") == expected


def test_en_participles_do_not_open_clauses(en_docs, voc):
    """"…, taking into consideration the central role …" (L.4 op. 1) is participial: no clause of its own."""
    p = _paragraph(en_docs["L.4"], 1, number=1)
    assert "taking into consideration" in p.text
    assert [a.type for a in actions.find_actions(p, _mentions(p.text, voc, "en"), voc, "en")] == ["urges", "urges"]


def test_concept_iris_are_the_vocabulary_ones(zh_doc, voc):
    p = _paragraph(zh_doc, 7, number=26)
    (a,) = actions.find_actions(p, _mentions(p.text, voc, "zh", (("大会", "UNGA"),)), voc, "zh")
    assert a.addressees == (concept_iri("body", "SG"),) and a.report_to == concept_iri("body", "UNGA")
