"""Tests of the ontology, the SKOS vocabularies and the SHACL shapes (ontology/).

Table-driven: each check is parametrised with readable ids.  The Turtle is loaded with rdflib directly (not
through graph/vocab.py), and the development report data/zh/A_74_400.txt is read as the real evidence the
labels must cover: the sponsor lists of paragraphs 21 and 26, the Treaty Series footnotes, the 《…》 titles
and the leading verb of every paragraph of the eight draft resolutions.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
VOCAB = ONTOLOGY / "vocab"
REPORT = ROOT / "data" / "zh" / "A_74_400.txt"
EN_DATA = ROOT / "data" / "en"

UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
ID = "https://w3id.org/unkg/id/"
ONTOLOGY_IRI = URIRef("https://w3id.org/unkg/ontology")

# file -> (scheme segment, unkg class)
SCHEMES = {
    "instruments.ttl": ("instrument", UNKG.Instrument),
    "publications.ttl": ("publication", UNKG.Publication),
    "bodies.ttl": ("body", UNKG.Body),
    "groups.ttl": ("group", UNKG.Group),
    "member-states.ttl": ("state", UNKG.MemberState),
    "action-types.ttl": ("action-type", UNKG.ActionType),
}
TSV_CLASS_FILE = {"Instrument": "instruments.ttl", "Publication": "publications.ttl", "Body": "bodies.ttl",
                  "Group": "groups.ttl"}
DIRECTIVE = {"requests", "invites", "urges", "calls-upon", "encourages", "recommends"}
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


# --------------------------------------------------------------------------------------------------------------
# loading helpers
# --------------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def graph(name: str) -> rdflib.Graph:
    path = ONTOLOGY / name if (ONTOLOGY / name).exists() else VOCAB / name
    return rdflib.Graph().parse(path, format="turtle")


@lru_cache(maxsize=None)
def vocab_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for name in SCHEMES:
        g += graph(name)
    return g


def concepts(name: str) -> list[URIRef]:
    return sorted(s for s in graph(name).subjects(RDF.type, SKOS.Concept))


def code_of(g: rdflib.Graph, c: URIRef) -> str:
    return str(g.value(c, SKOS.notation))


@lru_cache(maxsize=None)
def label_index(name: str, lang: str, short: bool = False) -> dict[str, frozenset[str]]:
    """label -> codes carrying it as prefLabel/altLabel (or shortLabel when short=True)."""
    g = graph(name)
    preds = (UNKG.shortLabel,) if short else (SKOS.prefLabel, SKOS.altLabel)
    out: dict[str, set[str]] = {}
    for p in preds:
        for s, o in g.subject_objects(p):
            if o.language == lang:
                out.setdefault(str(o), set()).add(code_of(g, s))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def tsv_rows() -> list[dict[str, str]]:
    with open(ONTOLOGY / "vocabulary-source.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@lru_cache(maxsize=None)
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


def report_lines() -> list[str]:
    return report_text().splitlines()


def numbered_paragraph(n: int) -> str:
    for line in report_lines():
        if line.startswith(f"{n}. "):
            return line
    raise AssertionError(f"paragraph {n} not found in {REPORT.name}")


def contract_action_types() -> list[str]:
    text = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    m = re.search(r"^- Action types:(.*?)(?:\n\n|\Z)", text, re.S | re.M)
    assert m, "CONTRACT.md §5 action types line not found"
    return re.findall(r"`([a-z-]+)`", m.group(1))


# --------------------------------------------------------------------------------------------------------------
# 1. files parse
# --------------------------------------------------------------------------------------------------------------

TTL_FILES = ["unkg.ttl", "shapes.ttl", *SCHEMES]


@pytest.mark.parametrize("name", TTL_FILES)
def test_turtle_file_parses(name):
    g = graph(name)
    assert len(g) > 20, f"{name} is (nearly) empty"


@pytest.mark.parametrize("name", ["unkg.ttl", *SCHEMES])
def test_no_blank_nodes(name):
    """The ontology and the vocabularies are loaded into the store, which holds no blank nodes (CONTRACT §3)."""
    bnodes = [t for t in graph(name) if any(isinstance(x, rdflib.BNode) for x in t)]
    assert not bnodes, f"{name}: {len(bnodes)} triples with blank nodes, e.g. {bnodes[:2]}"


def test_vocabulary_files_are_exactly_the_schemes():
    assert sorted(p.name for p in VOCAB.glob("*.ttl")) == sorted(SCHEMES)


def test_context_jsonld_is_a_usable_context():
    ctx = json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    for prefix in ("unkg", "dcterms", "skos", "prov", "xsd", "rdfs", "owl", "org", "eli", "cito", "undo"):
        assert prefix in ctx, f"prefix {prefix} missing from context.jsonld"
    doc = {"@context": ctx, "@id": ID + "doc/A/C.3/74/L.2/p1", "@type": "OperativeParagraph", "position": 16,
           "number": 2, "text": {"zh": "邀请会员国", "en": "Invites Member States"},
           "cites": ID + "instrument/AGENDA-2030", "startOffset": 5}
    g = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    p = URIRef(ID + "doc/A/C.3/74/L.2/p1")
    assert (p, RDF.type, UNKG.OperativeParagraph) in g
    assert (p, UNKG.position, Literal(16, datatype=XSD.integer)) in g
    assert (p, UNKG.text, Literal("邀请会员国", lang="zh")) in g
    assert (p, UNKG.cites, URIRef(ID + "instrument/AGENDA-2030")) in g


# --------------------------------------------------------------------------------------------------------------
# 2. the ontology
# --------------------------------------------------------------------------------------------------------------

DEFINING_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@lru_cache(maxsize=None)
def defined_terms() -> frozenset[URIRef]:
    g = graph("unkg.ttl")
    return frozenset(s for t in DEFINING_TYPES for s in g.subjects(RDF.type, t)
                     if isinstance(s, URIRef) and str(s).startswith(str(UNKG)))


def contract_terms() -> list[str]:
    text = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    section = text.split("## 2. Ontology", 1)[1].split("## 3.", 1)[0]
    return sorted(set(re.findall(r"`unkg:(\w+)`", section)))


EXTRA_TERMS = ["kind", "shortLabel", "untsVolume", "untsNumber", "untsAltNumber", "directive", "modifier",
               "startOffset", "endOffset", "session", "agendaItem", "budgetImplications", "documentBefore",
               "statement", "Statement", "speaker", "atMeeting", "clauseText", "linkedToVocabulary", "language",
               "sourceFile"]


def test_ontology_header():
    g = graph("unkg.ttl")
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g


@pytest.mark.parametrize("term", contract_terms() + EXTRA_TERMS)
def test_contract_term_is_defined(term):
    assert UNKG[term] in defined_terms(), f"unkg:{term} is not defined in unkg.ttl"


@pytest.mark.parametrize("term", sorted(str(t).split("#")[1] for t in defined_terms()))
def test_term_has_bilingual_label_and_comment(term):
    g = graph("unkg.ttl")
    t = UNKG[term]
    for p in (RDFS.label, RDFS.comment):
        langs = {o.language for o in g.objects(t, p)}
        assert {"en", "zh"} <= langs, f"unkg:{term} lacks {p.n3(g.namespace_manager)} in en and zh"
    assert (t, RDFS.isDefinedBy, ONTOLOGY_IRI) in g


@pytest.mark.parametrize("term", sorted(str(t).split("#")[1] for t in defined_terms()
                                        if (t, RDF.type, OWL.Class) not in graph("unkg.ttl")))
def test_property_has_a_range(term):
    assert graph("unkg.ttl").value(UNKG[term], RDFS.range) is not None, f"unkg:{term} has no rdfs:range"


ALIGNMENTS = [
    ("cites-cito", UNKG.cites, RDFS.subPropertyOf, URIRef("http://purl.org/spar/cito/cites")),
    ("hasPart-dcterms", UNKG.hasPart, RDFS.subPropertyOf, DCTERMS.hasPart),
    ("shortLabel-hiddenLabel", UNKG.shortLabel, RDFS.subPropertyOf, SKOS.hiddenLabel),
    ("mentions-allot", UNKG.mentions, RDFS.subPropertyOf, URIRef("https://w3id.org/akn/ontology/allot/mentions")),
    ("Body-org", UNKG.Body, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")),
    ("Resolution-undo", UNKG.Resolution, RDFS.subClassOf, URIRef("https://w3id.org/un/ontology/undo/Resolution")),
    ("Document-undo", UNKG.Document, RDFS.subClassOf, URIRef("https://w3id.org/un/ontology/undo/Document")),
    ("Passage-eli", UNKG.Passage, RDFS.subClassOf, URIRef("http://data.europa.eu/eli/ontology#WorkSubdivision")),
    ("Paragraph-Passage", UNKG.Paragraph, RDFS.subClassOf, UNKG.Passage),
    ("Action-prov", UNKG.Action, RDFS.subClassOf, PROV.Activity),
    ("ActionType-skos", UNKG.ActionType, RDFS.subClassOf, SKOS.Concept),
    ("Preambular-Paragraph", UNKG.PreambularParagraph, RDFS.subClassOf, UNKG.Paragraph),
    ("Operative-Paragraph", UNKG.OperativeParagraph, RDFS.subClassOf, UNKG.Paragraph),
]


@pytest.mark.parametrize("s,p,o", [a[1:] for a in ALIGNMENTS], ids=[a[0] for a in ALIGNMENTS])
def test_alignment(s, p, o):
    assert (s, p, o) in graph("unkg.ttl")


def unkg_iris(g: rdflib.Graph) -> set[URIRef]:
    out = set()
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(str(UNKG)):
                out.add(term)
    return out


@pytest.mark.parametrize("name", ["shapes.ttl", *SCHEMES])
def test_unkg_terms_used_are_defined(name):
    missing = sorted(str(t) for t in unkg_iris(graph(name)) - defined_terms())
    assert not missing, f"{name} uses undefined unkg terms: {missing}"


def test_context_terms_are_defined():
    ctx = json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    used = set()
    for v in ctx.values():
        iri = v.get("@id") if isinstance(v, dict) else v
        if isinstance(iri, str) and iri.startswith("unkg:"):
            used.add(UNKG[iri[5:]])
    assert used, "no unkg terms in context.jsonld"
    assert not sorted(str(t) for t in used - defined_terms())


# --------------------------------------------------------------------------------------------------------------
# 3. every concept is well formed
# --------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(SCHEMES))
def test_scheme_has_bilingual_preflabel(name):
    scheme, _ = SCHEMES[name]
    g = graph(name)
    s = URIRef(f"{ID}scheme/{scheme}")
    assert (s, RDF.type, SKOS.ConceptScheme) in g
    assert {o.language for o in g.objects(s, SKOS.prefLabel)} >= {"en", "zh"}


@pytest.mark.parametrize("name", list(SCHEMES))
def test_concepts_well_formed(name):
    scheme, cls = SCHEMES[name]
    g = graph(name)
    cs = concepts(name)
    assert cs, f"no concepts in {name}"
    problems = []
    for c in cs:
        notations = list(g.objects(c, SKOS.notation))
        if len(notations) != 1:
            problems.append(f"{c}: {len(notations)} notations")
            continue
        code = str(notations[0])
        if str(c) != f"{ID}{scheme}/{code}":
            problems.append(f"{c}: IRI does not match notation {code}")
        if (c, RDF.type, cls) not in g:
            problems.append(f"{code}: not a {cls}")
        if (c, SKOS.inScheme, URIRef(f"{ID}scheme/{scheme}")) not in g:
            problems.append(f"{code}: not in scheme {scheme}")
        for lang in ("en", "zh"):
            prefs = [o for o in g.objects(c, SKOS.prefLabel) if o.language == lang]
            if len(prefs) != 1 or not str(prefs[0]).strip():
                problems.append(f"{code}: {len(prefs)} prefLabels@{lang}")
        for p in (SKOS.altLabel, UNKG.shortLabel):
            for o in g.objects(c, p):
                if not isinstance(o, Literal) or o.language not in ("en", "zh") or not str(o).strip():
                    problems.append(f"{code}: bad {p} {o!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name,lang", [(n, l) for n in SCHEMES for l in ("en", "zh")],
                         ids=[f"{n[:-4]}-{l}" for n in SCHEMES for l in ("en", "zh")])
def test_labels_unique_within_scheme(name, lang):
    clashes = {label: sorted(codes) for label, codes in label_index(name, lang).items() if len(codes) > 1}
    assert not clashes, f"labels shared by several concepts of {name}: {clashes}"


@pytest.mark.parametrize("name", list(SCHEMES))
def test_short_labels_disjoint_from_pref_and_alt(name):
    """SKOS S13: a label is not both hidden (shortLabel) and preferred/alternative on one concept."""
    g = graph(name)
    bad = []
    for c in concepts(name):
        shown = set(g.objects(c, SKOS.prefLabel)) | set(g.objects(c, SKOS.altLabel))
        bad += [f"{code_of(g, c)}: {s}" for s in g.objects(c, UNKG.shortLabel) if s in shown]
    assert not bad, bad


# --------------------------------------------------------------------------------------------------------------
# 4. vocabulary-source.tsv is covered
# --------------------------------------------------------------------------------------------------------------

def strip_short_form(name: str) -> tuple[str, str | None]:
    m = re.match(r"^(.*?)\s*\((?:the )?([^()]*)\)\s*$", name)
    return (m.group(1), m.group(2)) if m else (name, None)


@pytest.mark.parametrize("row", tsv_rows(), ids=[r["code"] for r in tsv_rows()])
def test_tsv_code_is_a_concept(row):
    name = TSV_CLASS_FILE[row["class"]]
    scheme, cls = SCHEMES[name]
    g = graph(name)
    c = URIRef(f"{ID}{scheme}/{row['code']}")
    assert (c, SKOS.notation, Literal(row["code"])) in g, f"{row['code']} missing from {name}"
    kinds = [str(k) for k in g.objects(c, UNKG.kind)]
    assert kinds == ([row["type"]] if row["type"] else []), f"unkg:kind of {row['code']}: {kinds}"
    pref_en = str(next(o for o in g.objects(c, SKOS.prefLabel) if o.language == "en"))
    base, short = strip_short_form(row["name_en"])
    if pref_en != row["name_en"]:
        assert pref_en == base and short, f"prefLabel@en of {row['code']} is neither name_en nor its base"
        assert Literal(short, lang="en") in set(g.objects(c, SKOS.altLabel)), f"short form {short!r} not an altLabel"


# --------------------------------------------------------------------------------------------------------------
# 5. States
# --------------------------------------------------------------------------------------------------------------

def test_195_states_with_unique_alpha3_notations():
    g = graph("member-states.ttl")
    codes = [code_of(g, c) for c in concepts("member-states.ttl")]
    assert len(codes) == 195
    assert len(set(codes)) == 195
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
    observers = {code_of(g, c) for c in concepts("member-states.ttl") if (c, UNKG.kind, Literal("ObserverState")) in g}
    assert observers == {"VAT", "PSE"}


STATE_NAMES = [  # (label, lang, code): official UN names and the short forms UN texts use
    ("中国", "zh", "CHN"), ("美利坚合众国", "zh", "USA"), ("美国", "zh", "USA"),
    ("大不列颠及北爱尔兰联合王国", "zh", "GBR"), ("委内瑞拉玻利瓦尔共和国", "zh", "VEN"),
    ("多民族玻利维亚国", "zh", "BOL"), ("科特迪瓦", "zh", "CIV"), ("罗马教廷", "zh", "VAT"),
    ("巴勒斯坦国", "zh", "PSE"), ("俄罗斯联邦", "zh", "RUS"), ("俄罗斯", "zh", "RUS"),
    ("朝鲜民主主义人民共和国", "zh", "PRK"), ("大韩民国", "zh", "KOR"), ("摩尔多瓦共和国", "zh", "MDA"),
    ("坦桑尼亚联合共和国", "zh", "TZA"), ("北马其顿", "zh", "MKD"), ("捷克", "zh", "CZE"),
    ("密克罗尼西亚联邦", "zh", "FSM"), ("土耳其", "zh", "TUR"), ("伊拉克", "zh", "IRQ"),
    ("United States of America", "en", "USA"), ("Holy See", "en", "VAT"), ("Türkiye", "en", "TUR"),
    ("Turkey", "en", "TUR"), ("Republic of Korea", "en", "KOR"), ("State of Palestine", "en", "PSE"),
    ("Côte d'Ivoire", "en", "CIV"), ("Côte d’Ivoire", "en", "CIV"), ("Viet Nam", "en", "VNM"),
    ("United Kingdom of Great Britain and Northern Ireland", "en", "GBR"),
    ("Venezuela (Bolivarian Republic of)", "en", "VEN"), ("Lao People’s Democratic Republic", "en", "LAO"),
]


@pytest.mark.parametrize("label,lang,code", STATE_NAMES, ids=[f"{c}-{l}" for _, l, c in STATE_NAMES])
def test_state_name_resolves(label, lang, code):
    assert label_index("member-states.ttl", lang).get(label) == {code}


def split_state_list(segment: str) -> list[str]:
    """Split a Chinese list 甲、乙、丙和丁 into names; 和 separates only the last two items (names such as
    安提瓜和巴布达 contain 和 themselves), so the last item is split on 和 only when it is not a name."""
    labels = label_index("member-states.ttl", "zh")
    items = [s.strip() for s in segment.split("、")]
    last = items.pop()
    if last in labels:
        items.append(last)
    else:
        splits = [(last[:i], last[i + 1:]) for i, ch in enumerate(last) if ch == "和"
                  and last[:i] in labels and last[i + 1:] in labels]
        assert len(splits) == 1, f"cannot split the last item {last!r}"
        items.extend(splits[0])
    return items


def sponsor_lists() -> list[tuple[str, str]]:
    out = []
    for n in (21, 26):
        p = numbered_paragraph(n)
        sponsors = re.search(r"委员会面前有(.+?)提交的题为", p)
        joined = re.search(r"随后，(.+?)加入为该决议草案的提案国", p)
        assert sponsors and joined, f"paragraph {n}: sponsor lists not found"
        out += [(f"p{n}-sponsor", s) for s in split_state_list(sponsors.group(1))]
        out += [(f"p{n}-cosponsor", s) for s in split_state_list(joined.group(1))]
    return out


SPONSORS = sponsor_lists()


def test_sponsor_lists_have_the_expected_size():
    counts = {}
    for role, _ in SPONSORS:
        counts[role] = counts.get(role, 0) + 1
    assert counts == {"p21-sponsor": 15, "p21-cosponsor": 65, "p26-sponsor": 17, "p26-cosponsor": 96}


@pytest.mark.parametrize("role,name", SPONSORS, ids=[f"{r}-{n}" for r, n in SPONSORS])
def test_report_sponsor_resolves_to_one_state(role, name):
    codes = label_index("member-states.ttl", "zh").get(name)
    assert codes is not None and len(codes) == 1, f"{name!r} ({role}) does not resolve to exactly one State"


SPEAKERS = [  # statements recorded in A/74/400 (paragraphs 5, 23, 25, 27) and the rapporteur's State
    (5, r"美利坚合众国", "USA"), (23, r"白俄罗斯", "BLR"), (25, r"越南", "VNM"), (25, r"俄罗斯联邦", "RUS"),
    (25, r"罗马教廷", "VAT"), (27, r"意大利", "ITA"),
]


@pytest.mark.parametrize("para,name,code", SPEAKERS, ids=[f"p{p}-{c}" for p, _, c in SPEAKERS])
def test_report_speaker_resolves(para, name, code):
    assert name in numbered_paragraph(para)
    assert label_index("member-states.ttl", "zh").get(name) == {code}


def test_rapporteur_state_resolves():
    m = re.search(r"报告员：.+?\((.+?)\)", report_text())
    assert m and label_index("member-states.ttl", "zh").get(m.group(1)) == {"IRQ"}


# --------------------------------------------------------------------------------------------------------------
# 6. United Nations Treaty Series
# --------------------------------------------------------------------------------------------------------------

UNTS = {  # (volume, registration number) -> instrument code
    (1577, 27531): "CRC", (2171, 27531): "CRC-OPSC", (2173, 27531): "CRC-OPAC", (1249, 20378): "CEDAW",
    (2515, 44910): "CRPD", (2225, 39574): "UNTOC", (2237, 39574): "UNTOC-TIP", (2241, 39574): "UNTOC-SOM",
    (2326, 39574): "UNTOC-FIR", (266, 3822): "SLAVERY-SUPP-1956", (976, 14152): "SC-1961",
    (1019, 14956): "CPS-1971", (1582, 27627): "CND-1988", (2349, 42146): "UNCAC", (993, 14537): "CITES",
    # misprint in A/74/400 (draft resolution V, footnote 9) for the Trafficking in Persons Protocol
    (2237, 39674): "UNTOC-TIP",
    # cited in the English documents of data/en
    (729, 10485): "NPT", (1974, 33757): "CWC", (1015, 14860): "BWC", (1342, 22495): "CCW", (2399, 22495): "CCW-P5",
    (2056, 35597): "APMBC", (2688, 47713): "CCM", (2187, 38544): "ROME-STATUTE", (2271, 40446): "ICC-APIC",
    (660, 9464): "ICERD", (1771, 30822): "UNFCCC", (1760, 30619): "CBD", (1833, 31363): "UNCLOS",
    (610, 8843): "OUTER-SPACE-TREATY", (402, 5778): "ANTARCTIC-TREATY", (634, 9068): "TLATELOLCO-TREATY",
    (1981, 33873): "BANGKOK-TREATY", (2970, 51633): "SEMIPALATINSK-TREATY", (2624, 46745): "ASEAN-CHARTER",
    (2153, 37605): "JOINT-CONVENTION-SNF", (2101, 36508): "BAMAKO-CONVENTION", (2445, 44004): "ICSANT",
    (1456, 24631): "CPPNM", (3132, 24631): "CPPNM-AMENDMENT", (2133, 37245): "ILO-C182",
    (3013, 52373): "ATT", (2160, 1240): "UN-OPCW-AGREEMENT",
}
KNOWN_UNRESOLVED = {(1677, 28986)}  # A/RES/80/39 footnote 14: treaty not identified yet


def resolve_unts(volume: int, number: int) -> set[str]:
    g = graph("instruments.ttl")
    vol = Literal(volume, datatype=XSD.integer)
    num = Literal(number, datatype=XSD.integer)
    return {code_of(g, c) for c in g.subjects(UNKG.untsVolume, vol)
            if (c, UNKG.untsNumber, num) in g or (c, UNKG.untsAltNumber, num) in g}


def zh_unts_pairs() -> set[tuple[int, int]]:
    """(volume, number) pairs of the report's Treaty Series footnotes, 同上 (Ibid.) ones included."""
    pairs = set()
    for line in report_lines():
        line = line.strip()
        if not line or line[0] not in SUPERSCRIPT or not ("《条约汇编》" in line or "同上" in line):
            continue
        for vols, num in re.findall(r"第\s*([\d、和\s]+?)\s*卷，第\s*(\d+)\s*号", line):
            for v in re.split(r"[、和]", vols):
                pairs.add((int(v.strip()), int(num)))
    return pairs


def en_unts_pairs() -> set[tuple[int, int]]:
    pairs = set()
    files = list(EN_DATA.glob("*.txt")) + list(EN_DATA.glob("ga-res-80/*.md"))
    for f in files:
        text = re.sub(r"\s+", " ", f.read_text(encoding="utf-8"))
        for vols, num in re.findall(r"(?:Treaty Series|Ibid\.), vols?\. ([\d, and]+?), No\. (\d+)", text):
            for v in re.split(r",|and", vols):
                if v.strip():
                    pairs.add((int(v), int(num)))
    return pairs


def test_report_cites_at_least_15_distinct_treaties_through_the_treaty_series():
    pairs = zh_unts_pairs()
    assert len(pairs) >= 16, sorted(pairs)          # 15 correct pairs and the misprint
    assert (2237, 39674) in pairs                     # the misprint is really in the report


def test_every_report_unts_pair_is_in_the_table():
    assert not sorted(zh_unts_pairs() - set(UNTS))


def test_every_english_unts_pair_is_in_the_table():
    assert not sorted(en_unts_pairs() - set(UNTS) - KNOWN_UNRESOLVED)


@pytest.mark.parametrize("pair,code", list(UNTS.items()), ids=[f"{v}-{n}-{c}" for (v, n), c in UNTS.items()])
def test_unts_pair_resolves_to_exactly_one_instrument(pair, code):
    assert resolve_unts(*pair) == {code}


def test_misprint_is_documented():
    g = graph("instruments.ttl")
    tip = URIRef(ID + "instrument/UNTOC-TIP")
    assert (tip, UNKG.untsAltNumber, Literal(39674, datatype=XSD.integer)) in g
    assert any("39674" in str(c) for c in g.objects(tip, RDFS.comment))


# --------------------------------------------------------------------------------------------------------------
# 7. Chinese and English surface forms of the report
# --------------------------------------------------------------------------------------------------------------

NOT_VOCAB_TITLE = re.compile(r"条约汇编|正式记录|补编|\n")


def report_titles() -> list[str]:
    return sorted({t for t in re.findall(r"《([^》]*)》", report_text()) if not NOT_VOCAB_TITLE.search(t)})


@pytest.mark.parametrize("title", report_titles())
def test_report_title_is_a_label(title):
    """Every 《…》 title of A/74/400 (apart from Official Records) names one concept by label or short form."""
    hits = set()
    for name in ("instruments.ttl", "publications.ttl", "bodies.ttl"):
        for short in (False, True):
            for code in label_index(name, "zh", short).get(title, ()):
                hits.add(code)
            for code in label_index(name, "zh", short).get(f"《{title}》", ()):
                hits.add(code)
    assert hits, f"《{title}》 is not a label of any instrument, publication or body"


SURFACE_FORMS = [  # (label, lang, file, code): forms the report and common usage need (altLabel or prefLabel)
    ("联合国毒品和犯罪问题办公室", "zh", "bodies.ttl", "UNODC"), ("毒品和犯罪问题办公室", "zh", "bodies.ttl", "UNODC"),
    ("机构间协调小组", "zh", "bodies.ttl", "ICAT"), ("打击人口贩运机构间协调小组", "zh", "bodies.ttl", "ICAT"),
    ("预防犯罪大会", "zh", "bodies.ttl", "CRIME-CONGRESS"), ("预防犯罪和刑事司法委员会", "zh", "bodies.ttl", "CCPCJ"),
    ("经济及社会理事会", "zh", "bodies.ttl", "ECOSOC"), ("秘书长", "zh", "bodies.ttl", "SG"),
    ("联合国", "zh", "bodies.ttl", "UN"), ("联合国所有相关实体", "zh", "bodies.ttl", "UN-SYSTEM"),
    ("联合国相关实体", "zh", "bodies.ttl", "UN-SYSTEM"), ("联合国其他机构", "zh", "bodies.ttl", "UN-SYSTEM"),
    ("反恐怖主义办公室", "zh", "bodies.ttl", "UNOCT"), ("欧洲委员会", "zh", "bodies.ttl", "COE"),
    ("执行《多哈宣言》全球方案：力求促进守法文化", "zh", "bodies.ttl", "GP-DOHA"),
    ("有组织犯罪公约", "zh", "instruments.ttl", "UNTOC"), ("联合国打击跨国组织犯罪公约", "zh", "instruments.ttl", "UNTOC"),
    ("多哈宣言", "zh", "instruments.ttl", "DOHA-DECL"), ("2030年议程", "zh", "instruments.ttl", "AGENDA-2030"),
    ("2030 年可持续发展议程", "zh", "instruments.ttl", "AGENDA-2030"),
    ("纳尔逊·曼德拉规则", "zh", "instruments.ttl", "MANDELA-RULES"),
    ("经 1972 年《议定书》修正的 1961 年《麻醉品单一公约》", "zh", "instruments.ttl", "SC-1961"),
    ("会员国", "zh", "groups.ttl", "MemberStates"), ("提出请求的会员国", "zh", "groups.ttl", "RequestingStates"),
    ("缔约国", "zh", "groups.ttl", "StatesParties"), ("各国政府", "zh", "groups.ttl", "Governments"),
    ("捐助方", "zh", "groups.ttl", "Donors"), ("其他捐助方", "zh", "groups.ttl", "Donors"),
    ("民间社会", "zh", "groups.ttl", "CivilSociety"), ("私营部门", "zh", "groups.ttl", "PrivateSector"),
    ("非政府组织", "zh", "groups.ttl", "NGOs"), ("学术界", "zh", "groups.ttl", "Academia"),
    ("媒体", "zh", "groups.ttl", "Media"), ("发展中国家", "zh", "groups.ttl", "DevelopingCountries"),
    ("UNODC", "en", "bodies.ttl", "UNODC"), ("United Nations Office on Drugs and Crime", "en", "bodies.ttl", "UNODC"),
    ("CCPCJ", "en", "bodies.ttl", "CCPCJ"), ("ICAT", "en", "bodies.ttl", "ICAT"),
    ("the Secretary-General", "en", "bodies.ttl", "SG"), ("Secretary-General", "en", "bodies.ttl", "SG"),
    ("UNTOC", "en", "instruments.ttl", "UNTOC"), ("UNCAC", "en", "instruments.ttl", "UNCAC"),
    ("Organized Crime Convention", "en", "instruments.ttl", "UNTOC"),
    ("Trafficking in Persons Protocol", "en", "instruments.ttl", "UNTOC-TIP"),
    ("Riyadh Guidelines", "en", "instruments.ttl", "RIYADH-GUIDELINES"),
    ("Nelson Mandela Rules", "en", "instruments.ttl", "MANDELA-RULES"),
    ("Member States", "en", "groups.ttl", "MemberStates"), ("requesting Member States", "en", "groups.ttl", "RequestingStates"),
]


@pytest.mark.parametrize("label,lang,name,code", SURFACE_FORMS, ids=[f"{c}-{l}" for l, _, _, c in SURFACE_FORMS])
def test_surface_form_resolves(label, lang, name, code):
    assert label_index(name, lang).get(label) == {code}


SHORT_FORMS = [  # (short label, lang, file, codes that must carry it)
    ("该办公室", "zh", "bodies.ttl", {"UNODC"}), ("the Office", "en", "bodies.ttl", {"UNODC"}),
    ("委员会", "zh", "bodies.ttl", {"CCPCJ", "THIRD-COMMITTEE"}), ("the Commission", "en", "bodies.ttl", {"CCPCJ"}),
    ("大会", "zh", "bodies.ttl", {"UNGA", "CRIME-CONGRESS"}), ("协调小组", "zh", "bodies.ttl", {"ICAT"}),
    ("the Coordination Group", "en", "bodies.ttl", {"ICAT"}), ("《全球契约》", "zh", "bodies.ttl", {"UN-GCTCC"}),
    ("《议定书》", "zh", "instruments.ttl", {"UNTOC-TIP", "UNTOC-SOM", "UNTOC-FIR", "SC-1961-P1972"}),
    ("《宣言》", "zh", "instruments.ttl", {"DOHA-DECL", "SALVADOR-DECL", "UDHR"}),
    ("《规则》", "zh", "instruments.ttl", {"MANDELA-RULES", "BANGKOK-RULES", "BEIJING-RULES"}),
    ("《战略》", "zh", "instruments.ttl", {"UN-GCTS"}), ("the Strategy", "en", "instruments.ttl", {"UN-GCTS"}),
    ("the Protocol", "en", "instruments.ttl", {"UNTOC-TIP"}), ("the Declaration", "en", "instruments.ttl", {"DOHA-DECL"}),
    ("the Rules", "en", "instruments.ttl", {"MANDELA-RULES"}),
]


@pytest.mark.parametrize("label,lang,name,codes", SHORT_FORMS, ids=[f"{l}-{g}" for l, g, _, _ in SHORT_FORMS])
def test_short_form_on_concepts(label, lang, name, codes):
    carriers = label_index(name, lang, short=True).get(label, frozenset())
    assert codes <= carriers, f"{label!r} missing on {sorted(codes - carriers)}"
    assert label not in label_index(name, lang), f"{label!r} must be a shortLabel only, not a pref/altLabel"


def test_convention_short_forms_on_every_convention():
    g = graph("instruments.ttl")
    conventions = [c for c in concepts("instruments.ttl") if (c, UNKG.kind, Literal("Convention")) in g]
    assert len(conventions) >= 12
    for c in conventions:
        shorts = set(g.objects(c, UNKG.shortLabel))
        assert {Literal("《公约》", lang="zh"), Literal("公约", lang="zh"), Literal("该公约", lang="zh")} <= shorts, code_of(g, c)
        if "Covenant" not in " ".join(str(o) for o in g.objects(c, SKOS.prefLabel)):
            assert Literal("the Convention", lang="en") in shorts, code_of(g, c)


def gold_codes() -> list[tuple[str, str]]:
    """(gold file, code) for every vocabulary code that the gold readings in tests/gold use."""
    out = set()
    for f in sorted((ROOT / "tests" / "gold").glob("*.tsv")):
        for line in f.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 4:
                continue
            rel, value = cols[2], cols[3]
            values = [value] if rel in ("cites", "mentions", "type", "action") else []
            if rel == "action" and len(cols) > 4:
                for key in ("addressees", "report_to"):
                    m = re.search(key + r"=([^;]*)", cols[4])
                    values += m.group(1).split(",") if m else []
            out |= {(f.name, v) for v in values if v and not v.startswith("title:") and "/" not in v}
    return sorted(out)


GOLD_CODES = gold_codes()


@pytest.mark.parametrize("gold,code", GOLD_CODES, ids=[f"{g.split('.')[0]}-{c}" for g, c in GOLD_CODES])
def test_gold_code_is_a_concept(gold, code):
    codes = {code_of(vocab_graph(), c) for c in vocab_graph().subjects(RDF.type, SKOS.Concept)}
    assert code in codes, f"{gold} uses {code}, which is not a vocabulary code"


# --------------------------------------------------------------------------------------------------------------
# 8. action types and the leading verbs of the report
# --------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", contract_action_types())
def test_action_type_exists_with_directive_flag(code):
    g = graph("action-types.ttl")
    c = URIRef(f"{ID}action-type/{code}")
    assert (c, SKOS.notation, Literal(code)) in g
    assert (c, UNKG.directive, Literal(code in DIRECTIVE)) in g


def test_action_types_are_exactly_those_of_the_contract():
    assert len(contract_action_types()) == 21
    g = graph("action-types.ttl")
    assert sorted(code_of(g, c) for c in concepts("action-types.ttl")) == sorted(contract_action_types())


@lru_cache(maxsize=None)
def modifiers(lang: str) -> tuple[str, ...]:
    g = graph("action-types.ttl")
    ms = [str(o) for o in g.objects(URIRef(ID + "scheme/action-type"), UNKG.modifier) if o.language == lang]
    return tuple(sorted(ms, key=len, reverse=True))


def leading_type(text: str, lang: str = "zh") -> str | None:
    """The action type of a clause: the longest verb label at its start, after leading modifiers."""
    labels = label_index("action-types.ttl", lang)
    text = text.strip()
    sep = "" if lang == "zh" else " "
    best = max((l for l in labels if text.startswith(l + sep) or text == l), key=len, default=None)
    mod = next((m for m in modifiers(lang) if text.startswith(m + sep)), None)
    if mod and (best is None or len(mod) >= len(best)):
        return leading_type(text[len(mod):], lang)
    return next(iter(labels[best])) if best else None


def resolution_paragraphs() -> list[tuple[str, str]]:
    """(id, opening) for every paragraph of the draft resolutions in A/74/400, joined across page breaks."""
    text = report_text().split("三. 第三委员会的建议", 1)[1]
    out, ordinal, paras = [], 0, []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in SUPERSCRIPT or re.match(r"^\([a-z]\)", line):
            continue
        if line.startswith("决议草案"):
            ordinal += 1
            paras = None           # title line follows; paragraphs start after 大会，
            continue
        if line == "大会，":
            paras = []
            out.append(paras)
            continue
        if paras is None:
            continue
        operative = bool(re.match(r"^\d+\.\s", line))
        if paras and (not re.search(r"[，；。：]$", paras[-1])
                      or (not operative and re.match(r"^\d+\.\s", paras[-1]))):
            paras[-1] += line      # continuation after a page break or footnote block
        else:
            paras.append(line)
    result = []
    for i, paras in enumerate(out, start=1):
        for j, p in enumerate(paras, start=1):
            result.append((f"dr{i}-p{j}", re.sub(r"^\d+\.\s*", "", p)[:30]))
    return result


PARAGRAPHS = resolution_paragraphs()


def test_resolution_paragraphs_found():
    assert len({pid.split("-")[0] for pid, _ in PARAGRAPHS}) == 8
    assert len(PARAGRAPHS) > 300


@pytest.mark.parametrize("opening", [o for _, o in PARAGRAPHS], ids=[p for p, _ in PARAGRAPHS])
def test_leading_verb_of_report_paragraph_has_a_type(opening):
    assert leading_type(opening) is not None, f"no action type for the opening of: {opening}"


VERB_TYPES = [  # (opening as in A/74/400 or common usage, lang, expected type)
    ("表示注意到国际劳工组织", "zh", "takes-note"), ("注意到秘书长", "zh", "notes"),
    ("赞赏地注意到秘书长", "zh", "notes"), ("又赞赏地注意到", "zh", "notes"),
    ("表示赞赏地注意到 2019 年", "zh", "takes-note"), ("关切地注意到犯罪个人", "zh", "notes"),
    ("表示深为关切地注意到与性别", "zh", "notes"), ("重申强烈谴责贩运人口", "zh", "reaffirms"),
    ("再次强烈谴责贩运人口", "zh", "condemns"), ("再次谴责一切形式", "zh", "condemns"),
    ("在这方面欢迎预防犯罪", "zh", "welcomes"), ("赞赏地欢迎日本政府", "zh", "welcomes"), ("欣见联合国", "zh", "welcomes"),
    ("再次请秘书长", "zh", "requests"), ("又再次请秘书长", "zh", "requests"), ("此外要求联合国", "zh", "requests"),
    ("呼吁加强联合国", "zh", "calls-upon"), ("促请会员国", "zh", "calls-upon"), ("吁请会员国", "zh", "calls-upon"),
    ("敦促会员国", "zh", "urges"), ("邀请会员国", "zh", "invites"), ("再次邀请各国政府", "zh", "invites"),
    ("鼓励会员国", "zh", "encourages"), ("建议会员国", "zh", "recommends"), ("决定", "zh", "decides"),
    ("承认联合国预防犯罪", "zh", "acknowledges"), ("确认日本政府", "zh", "recognizes"), ("认识到青年", "zh", "recognizes"),
    ("申明能力建设", "zh", "affirms"), ("表示支持联合国", "zh", "supports"), ("回顾其", "zh", "recalls"),
    ("尤其回顾 2017 年", "zh", "recalls"), ("重申其", "zh", "reaffirms"), ("强调指出需要", "zh", "emphasizes"),
    ("着重指出会员国", "zh", "emphasizes"), ("特别指出预防犯罪", "zh", "emphasizes"), ("重点指出其", "zh", "emphasizes"),
    ("表示关切腐败", "zh", "expresses-concern"), ("再次关切尽管", "zh", "expresses-concern"),
    ("深为关切的是", "zh", "expresses-concern"), ("表示严重关切", "zh", "expresses-concern"),
    ("表示赞赏通过捐款", "zh", "expresses-appreciation"), ("深信法治", "zh", "other"), ("意识到大会", "zh", "other"),
    ("又意识到大会", "zh", "other"), ("期待在第十四届", "zh", "other"), ("考虑到预防犯罪", "zh", "other"),
    ("铭记所有国家", "zh", "other"), ("表示声援和同情", "zh", "other"),
    ("Requests the Secretary-General", "en", "requests"), ("Also requests", "en", "requests"),
    ("Reiterates its request to the Secretary-General", "en", "requests"),
    ("Reaffirms its request to the Secretary-General", "en", "requests"), ("Calls upon Member States", "en", "calls-upon"),
    ("Calls for", "en", "calls-upon"), ("Takes note of the report", "en", "takes-note"), ("Notes with appreciation", "en", "notes"),
    ("Recalling also", "en", "recalls"), ("Reaffirming", "en", "reaffirms"), ("Deeply concerned", "en", "expresses-concern"),
    ("Bearing in mind", "en", "other"), ("Further invites", "en", "invites"), ("Stresses", "en", "emphasizes"),
    ("Welcoming", "en", "welcomes"), ("Expresses its appreciation", "en", "expresses-appreciation"),
    ("Strongly condemns", "en", "condemns"), ("Acknowledging", "en", "acknowledges"), ("Decides", "en", "decides"),
    # A/RES/74/171 … 177 against their zh drafts: a renewed stance keeps its type (再次强烈谴责, 再次表示关切, 再次鼓励).
    ("Reiterating its strong condemnation", "en", "condemns"), ("Reiterating its condemnation", "en", "condemns"),
    ("Reiterating its concern", "en", "expresses-concern"), ("Reaffirming its concern", "en", "expresses-concern"),
    ("Expressing its grave concern", "en", "expresses-concern"), ("Reiterates its encouragement to States", "en", "encourages"),
    ("Looks forward to", "en", "other"), ("Expresses solidarity with", "en", "other"),
]


@pytest.mark.parametrize("opening,lang,expected", VERB_TYPES, ids=[f"{e}-{o[:12]}" for o, _, e in VERB_TYPES])
def test_verb_form_type(opening, lang, expected):
    assert leading_type(opening, lang) == expected


def test_modifiers_on_scheme():
    for m in ("又", "还", "并", "再次", "又再次", "赞赏地", "满意地", "深为", "也"):
        assert m in modifiers("zh"), m
    for m in ("also", "further", "again", "with appreciation", "with satisfaction", "Further"):
        assert m in modifiers("en"), m


# --------------------------------------------------------------------------------------------------------------
# 9. SHACL shapes accept what the builder guarantees and reject what it must not produce
# --------------------------------------------------------------------------------------------------------------

SAMPLE = """
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/unkg/id/> .

<https://undocs.org/A/74/400> a unkg:Report ; dcterms:identifier "A/74/400" ;
    unkg:hasPart <https://undocs.org/A/C.3/74/L.2> .
<https://undocs.org/A/C.3/74/L.2> a unkg:DraftResolution ; dcterms:identifier "A/C.3/74/L.2" ; unkg:ordinal 1 ;
    dcterms:title "将体育运动纳入青年预防犯罪和刑事司法战略"@zh ;
    unkg:hasParagraph <https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16> ;
    unkg:sponsor id:state\\/THA .
<https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16> a unkg:OperativeParagraph ; unkg:position 16 ; unkg:number 2 ;
    unkg:text "邀请会员国……"@zh ; unkg:startOffset 100 ; unkg:endOffset 200 ;
    prov:wasDerivedFrom <https://w3id.org/unkg/id/source/A/74/400/zh> ;
    unkg:cites <https://w3id.org/unkg/id/instrument/AGENDA-2030> ;
    unkg:mentions <https://w3id.org/unkg/id/group/MemberStates> ;
    unkg:hasAction <https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16/a1> .
<https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16/a1> a unkg:Action ;
    unkg:actionType <https://w3id.org/unkg/id/action-type/invites> ;
    unkg:addressee <https://w3id.org/unkg/id/group/MemberStates> .
<https://w3id.org/unkg/id/doc/A/C.3/74/L.2/fn1> a unkg:Footnote ; unkg:footnoteNumber 1 ; unkg:text "第217 A(III)号决议。"@zh ;
    unkg:startOffset 300 ; unkg:endOffset 315 ; prov:wasDerivedFrom <https://w3id.org/unkg/id/source/A/74/400/zh> .
<https://w3id.org/unkg/id/instrument/AGENDA-2030> a unkg:Instrument .
<https://w3id.org/unkg/id/group/MemberStates> a unkg:Group .
<https://w3id.org/unkg/id/state/THA> a unkg:MemberState ; skos:notation "THA" ;
    skos:prefLabel "Thailand"@en, "泰国"@zh .
<https://w3id.org/unkg/id/action-type/invites> a unkg:ActionType ; skos:notation "invites" ; unkg:directive true ;
    skos:prefLabel "invites"@en, "邀请"@zh .
"""

P16 = "<https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16>"
A1 = "<https://w3id.org/unkg/id/doc/A/C.3/74/L.2/p16/a1>"
BROKEN = [  # (id, triple to add or None, (subject, predicate) to remove or None)
    ("action-without-type", None, (A1, "unkg:actionType")),
    ("action-type-not-a-concept", f"{A1} unkg:actionType <https://w3id.org/unkg/id/instrument/AGENDA-2030> .", None),
    ("addressee-is-an-instrument", f"{A1} unkg:addressee <https://w3id.org/unkg/id/instrument/AGENDA-2030> .", None),
    ("paragraph-without-text", None, (P16, "unkg:text")),
    ("paragraph-without-offsets", None, (P16, "unkg:startOffset")),
    ("paragraph-without-provenance", None, (P16, "prov:wasDerivedFrom")),
    ("position-zero", None, None),
    ("operative-with-two-numbers", f"{P16} unkg:number 3 .", None),  # unnumbered is fine: A/RES/80/5 prints none
    ("two-identifiers", '<https://undocs.org/A/74/400> dcterms:identifier "A/74/400/Corr.1" .', None),
    ("text-without-language", f'{P16} unkg:text "plain" .', None),
    ("draft-in-report-without-ordinal", None, ("<https://undocs.org/A/C.3/74/L.2>", "unkg:ordinal")),
    ("mention-is-an-instrument", f"{P16} unkg:mentions <https://w3id.org/unkg/id/instrument/AGENDA-2030> .", None),
    ("sponsor-is-a-group", "<https://undocs.org/A/C.3/74/L.2> unkg:sponsor <https://w3id.org/unkg/id/group/MemberStates> .",
     None),
]


def sample_graph(add: str | None = None, remove: tuple[str, str] | None = None, text: str = SAMPLE) -> rdflib.Graph:
    text = text.replace("id:state\\/THA", "<https://w3id.org/unkg/id/state/THA>")
    if add:
        text += "\n" + add + "\n"
    g = rdflib.Graph().parse(data=text, format="turtle")
    if remove:
        s = URIRef(remove[0].strip("<>"))
        p = g.namespace_manager.expand_curie(remove[1])
        g.remove((s, p, None))
    return g


def validate(data: rdflib.Graph) -> bool:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=graph("shapes.ttl"), advanced=True)
    return conforms


def test_shapes_accept_ontology_and_vocabularies():
    g = rdflib.Graph()
    g += graph("unkg.ttl")
    g += vocab_graph()
    assert validate(g)


def test_shapes_accept_a_minimal_valid_graph():
    assert validate(sample_graph())


@pytest.mark.parametrize("add,remove", [(a, r) for _, a, r in BROKEN], ids=[i for i, _, _ in BROKEN])
def test_shapes_reject(add, remove, request):
    if request.node.callspec.id == "position-zero":
        g = sample_graph(text=SAMPLE.replace("unkg:position 16", "unkg:position 0"))
    else:
        g = sample_graph(add, remove)
    assert not validate(g)


def test_shapes_reject_concept_without_zh_preflabel():
    g = rdflib.Graph().parse(data="""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://w3id.org/unkg/id/body/X> skos:inScheme <https://w3id.org/unkg/id/scheme/body> ;
            skos:notation "X" ; skos:prefLabel "X"@en .""", format="turtle")
    assert not validate(g)
