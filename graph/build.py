"""Building the RDF graph of one document: the only producer of triples.

IRIs are deterministic and language independent (CONTRACT §3): a document is its UN symbol at undocs.org, a
paragraph is its resolution's symbol and position, an action the paragraph and the clause's ordinal. So the
Chinese and English versions of a text give the same nodes, and a rebuild gives the same graph. No blank nodes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from .models import Document, Entity, Links, Meeting, Paragraph, ResolutionText
from .symbols import is_un_symbol, symbol_path
from .vocab import ONTOLOGY_DIR, concept_iri, parsed

UNKG = Namespace("https://w3id.org/unkg/ontology#")
DEFAULT_BASE = "https://w3id.org/unkg/id/"
UNDOCS = "https://undocs.org/"
PREFIXES = {"unkg": UNKG, "dcterms": DCTERMS, "skos": SKOS, "prov": PROV, "xsd": XSD, "rdfs": RDFS}


def document_iri(symbol: str, base: str = DEFAULT_BASE) -> str:
    """undocs.org for UN symbols; unkg-only identifiers (CCPCJ/RES/26/4) under the base IRI."""
    return (UNDOCS if is_un_symbol(symbol) else base + "res/") + symbol_path(symbol)


def source_iri(doc: Document, base: str = DEFAULT_BASE) -> str:
    """The named graph of one source file: its symbol and language (zh and en copies are separate sources)."""
    return f"{base}source/{symbol_path(doc.symbol)}/{doc.source.lang}"


def text_iri(doc: Document, text: ResolutionText, base: str = DEFAULT_BASE) -> str:
    if text.symbol:
        return document_iri(text.symbol, base)
    return f"{base}doc/{symbol_path(doc.symbol)}/text{text.ordinal}"


def paragraph_iri(owner_symbol: str, position: int, base: str = DEFAULT_BASE) -> str:
    return f"{base}doc/{symbol_path(owner_symbol)}/p{position}"


def footnote_iri(owner_symbol: str, number: int, base: str = DEFAULT_BASE) -> str:
    return f"{base}doc/{symbol_path(owner_symbol)}/fn{number}"


def meeting_iri(m: Meeting, base: str = DEFAULT_BASE) -> str:
    return f"{base}meeting/{m.body}/{m.session}/{m.number}"


def title_iri(kind: str, label: str, base: str = DEFAULT_BASE) -> str:
    """A title outside the vocabulary: stable across rebuilds, keyed on the label as written."""
    return f"{base}{kind}/x-{hashlib.sha1(label.encode('utf-8')).hexdigest()[:12]}"


def ontology_graph() -> Graph:
    """The ontology, shapes excluded, and every vocabulary file, as one graph."""
    kg = Graph()
    for path in [ONTOLOGY_DIR / "unkg.ttl", *sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))]:
        kg += parsed(path)
    return kg


class _Builder:
    def __init__(self, doc: Document, links: Links, base: str):
        self.doc, self.links, self.base = doc, links, base
        self.lang = doc.source.lang
        self.kg = Graph()
        for prefix, ns in PREFIXES.items():
            self.kg.bind(prefix, ns)
        self.source = URIRef(source_iri(doc, base))

    def add(self, s, p, o) -> None:
        self.kg.add((URIRef(s) if isinstance(s, str) else s, p, o))

    def text(self, s: str) -> Literal:
        return Literal(s, lang=self.lang)

    def derived(self, node: str, start: int | None = None, end: int | None = None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.source)
        if start is not None:
            self.add(node, UNKG.startOffset, Literal(start))
            self.add(node, UNKG.endOffset, Literal(end))

    def entity(self, e: Entity) -> URIRef:
        """Describes nodes minted for cited documents and titles; vocabulary concepts live in the ontology graph."""
        node = URIRef(e.iri)
        if e.kind in ("resolution", "document"):
            self.add(node, RDF.type, UNKG.Resolution if e.kind == "resolution" else UNKG.Document)
            if e.code:
                self.add(node, DCTERMS.identifier, Literal(e.code))
            if e.issuer:
                self.add(node, UNKG.issuedBy, URIRef(e.issuer))
        elif not e.linked:
            self.add(node, RDF.type, UNKG.Publication if e.kind == "publication" else UNKG.Instrument)
            self.add(node, DCTERMS.title, Literal(e.label, lang=e.lang or self.lang))
            self.add(node, UNKG.linkedToVocabulary, Literal(False))
        return node

    def document(self) -> None:
        doc = self.doc
        node = document_iri(doc.symbol, self.base)
        cls = {"report": UNKG.Report, "resolution": UNKG.Resolution, "draft": UNKG.DraftResolution}[doc.kind]
        self.add(self.source, RDF.type, PROV.Entity)
        self.add(self.source, UNKG.sourceFile, Literal(Path(doc.source.path).name))
        self.add(self.source, UNKG.language, Literal(doc.source.lang))
        self.add(node, RDF.type, cls)
        self.add(node, RDF.type, UNKG.Document)
        self.add(node, DCTERMS.identifier, Literal(doc.symbol))
        self.derived(node)
        if doc.title:
            self.add(node, DCTERMS.title, self.text(doc.title))
        if doc.session is not None:
            self.add(node, UNKG.session, Literal(doc.session))
        if doc.agenda_item is not None:
            self.add(node, UNKG.agendaItem, Literal(doc.agenda_item))
        if doc.date:
            self.add(node, DCTERMS.date, Literal(doc.date, datatype=XSD.date))
        for symbol in doc.documents_before:
            before = document_iri(symbol, self.base)
            self.add(node, UNKG.documentBefore, URIRef(before))
            self.add(before, RDF.type, UNKG.Document)
            self.add(before, DCTERMS.identifier, Literal(symbol))
        if doc.on_report_of:
            report = document_iri(doc.on_report_of, self.base)
            self.add(report, RDF.type, UNKG.Report)
            self.add(report, DCTERMS.identifier, Literal(doc.on_report_of))
            self.add(node, UNKG.onReportOf, URIRef(report))
        self.report_paragraphs(node)
        for text in doc.texts:
            self.resolution_text(node, text)
        self.facts()

    def report_paragraphs(self, node: str) -> None:
        by_pos = {(pl.text, pl.position): pl for pl in self.links.paragraphs}
        for p in self.doc.report_paragraphs:
            self.paragraph(node, self.doc.symbol, p, by_pos.get((0, p.position)), UNKG.Paragraph)

    def resolution_text(self, report: str, text: ResolutionText) -> None:
        node = text_iri(self.doc, text, self.base)
        owner = text.symbol or f"{self.doc.symbol}/text{text.ordinal}"
        is_draft = text.kind == "draft"
        self.add(node, RDF.type, UNKG.DraftResolution if is_draft else UNKG.Resolution)
        self.add(node, RDF.type, UNKG.Document)
        if text.symbol:
            self.add(node, DCTERMS.identifier, Literal(text.symbol))
        if text.title:
            self.add(node, DCTERMS.title, self.text(text.title))
        if node != report:
            self.add(report, UNKG.hasPart, URIRef(node))
            if text.ordinal is not None and is_draft:
                self.add(node, UNKG.ordinal, Literal(text.ordinal))
        self.derived(node, text.start, text.end)
        by_pos = {(pl.text, pl.position): pl for pl in self.links.paragraphs}
        for p in text.paragraphs:
            cls = UNKG.OperativeParagraph if p.kind == "operative" else UNKG.PreambularParagraph
            pnode = self.paragraph(node, owner, p, by_pos.get((text.ordinal or 0, p.position)), cls)
            for number in p.footnote_numbers:
                if text.footnote(number):
                    self.add(pnode, UNKG.hasFootnote, URIRef(footnote_iri(owner, number, self.base)))
        fn_links = {fl.number: fl for fl in self.links.footnotes if fl.text == (text.ordinal or 0)}
        seen: set[int] = set()
        for f in text.footnotes:
            if f.number in seen:  # a repeated number in one text is the same footnote printed again
                continue
            seen.add(f.number)
            fnode = footnote_iri(owner, f.number, self.base)
            self.add(fnode, RDF.type, UNKG.Footnote)
            self.add(fnode, UNKG.footnoteNumber, Literal(f.number))
            self.add(fnode, UNKG.text, self.text(f.text))
            self.derived(fnode, f.start, f.end)
            for hit in fn_links.get(f.number, None).cites if f.number in fn_links else ():
                self.add(fnode, UNKG.cites, self.entity(hit.entity))

    def paragraph(self, owner_node: str, owner_symbol: str, p: Paragraph, pl, cls) -> URIRef:
        pnode = URIRef(paragraph_iri(owner_symbol, p.position, self.base))
        self.add(owner_node, UNKG.hasParagraph, pnode)
        self.add(pnode, RDF.type, cls)
        if cls != UNKG.Paragraph:
            self.add(pnode, RDF.type, UNKG.Paragraph)
        self.add(pnode, UNKG.position, Literal(p.position))
        if p.number is not None:
            self.add(pnode, UNKG.number, Literal(p.number))
        self.add(pnode, UNKG.text, self.text(p.text))
        self.derived(pnode, p.start, p.end)
        if pl is None:
            return pnode
        if pl.type:
            self.add(pnode, UNKG.actionType, URIRef(concept_iri("action-type", pl.type)))
        for hit in pl.cites:
            self.add(pnode, UNKG.cites, self.entity(hit.entity))
        for hit in pl.mentions:
            self.add(pnode, UNKG.mentions, self.entity(hit.entity))
        for a in pl.actions:
            anode = URIRef(f"{pnode}/a{a.ordinal}")
            self.add(pnode, UNKG.hasAction, anode)
            self.add(anode, RDF.type, UNKG.Action)
            self.add(anode, UNKG.actionType, URIRef(concept_iri("action-type", a.type)))
            self.add(anode, UNKG.clauseText, self.text(a.text))
            s, e = p.body.span(a.start, a.end)
            self.derived(anode, s, e)
            for addressee in a.addressees:
                self.add(anode, UNKG.addressee, URIRef(addressee))
            if a.report_to:
                self.add(anode, UNKG.reportTo, URIRef(a.report_to))
            if a.report_session is not None:
                self.add(anode, UNKG.reportSession, Literal(a.report_session))
        return pnode

    def meeting(self, m: Meeting) -> URIRef:
        node = URIRef(meeting_iri(m, self.base))
        self.add(node, RDF.type, UNKG.Meeting)
        self.add(node, UNKG.meetingNumber, Literal(m.number))
        if m.session:
            self.add(node, UNKG.session, Literal(m.session))
        if m.date:
            self.add(node, DCTERMS.date, Literal(m.date, datatype=XSD.date))
        self.add(node, RDFS.label, Literal(f"{m.body} meeting {m.number} (session {m.session})", lang="en"))
        return node

    def facts(self) -> None:
        doc = self.doc
        texts = {t.ordinal: t for t in doc.texts}
        for f in doc.facts:
            text = texts.get(f.ordinal)
            node = URIRef(text_iri(doc, text, self.base)) if text else URIRef(document_iri(f.symbol, self.base))
            if f.recommended_by:
                rec = f"E/RES/{f.recommended_by}"
                rnode = URIRef(document_iri(rec, self.base))
                self.add(node, UNKG.recommendedBy, rnode)
                self.add(rnode, RDF.type, UNKG.Resolution)
                self.add(rnode, DCTERMS.identifier, Literal(rec))
                self.add(rnode, UNKG.issuedBy, URIRef(concept_iri("body", "ECOSOC")))
            if f.adopted_at:
                self.add(node, UNKG.adoptedAt, self.meeting(f.adopted_at))
            self.add(node, UNKG.budgetImplications, Literal(f.budget_implications))
        for ordinal, state in self.links.sponsors:
            if ordinal in texts:
                self.add(text_iri(doc, texts[ordinal], self.base), UNKG.sponsor, URIRef(state))
        for ordinal, state in self.links.co_sponsors:
            if ordinal in texts:
                self.add(text_iri(doc, texts[ordinal], self.base), UNKG.coSponsor, URIRef(state))
        report = URIRef(document_iri(doc.symbol, self.base))
        speakers: dict[int, list[str]] = {}
        for index, who in self.links.speakers:
            speakers.setdefault(index, []).append(who)
        for k, st in enumerate(doc.statements):
            snode = URIRef(f"{self.base}doc/{symbol_path(doc.symbol)}/statement{k + 1}")
            self.add(report, UNKG.statement, snode)
            self.add(snode, RDF.type, UNKG.Statement)
            self.add(snode, UNKG.atMeeting, self.meeting(st.meeting))
            self.add(snode, RDFS.label, self.text(st.speaker))
            self.derived(snode, st.start, st.end)
            for who in speakers.get(k, []):
                self.add(snode, UNKG.speaker, URIRef(who))


def build_graph(doc: Document, links: Links, *, base_iri: str = DEFAULT_BASE) -> Graph:
    """The graph of one document, to be stored as the named graph `source_iri(doc)`."""
    b = _Builder(doc, links, base_iri)
    b.document()
    return b.kg
