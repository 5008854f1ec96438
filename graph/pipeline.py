"""Composition of the stages: files -> documents -> links -> graphs -> store. No logic of its own."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from .build import DEFAULT_BASE, build_graph, ontology_graph, source_iri
from .errors import InputError
from .ingest import read_source
from .models import Document, Links
from .segment import segment
from .store import ONTOLOGY_GRAPH, Store


@dataclass(frozen=True)
class Built:
    """What building one file produced."""

    path: str
    graph: str
    triples: int
    warnings: tuple[str, ...]


def analyse_document(doc: Document, *, base_iri: str = DEFAULT_BASE) -> Links:
    """Extraction, linking and clause analysis of one segmented document."""
    from . import actions, link, vocab  # heavy (spaCy, vocabulary): loaded on first use only

    voc = vocab.load()
    links = link.link_document(doc, voc, base_iri=base_iri)
    lang = doc.source.lang
    paragraphs = {(t.ordinal or 0, p.position): p for t in doc.texts for p in t.paragraphs}
    paragraphs.update({(0, p.position): p for p in doc.report_paragraphs})
    out = []
    for pl in links.paragraphs:
        p = paragraphs[(pl.text, pl.position)]
        if pl.text == 0:  # the report's own paragraphs are narrative, not clauses of the Assembly
            out.append(pl)
            continue
        kind_actions = actions.find_actions(p, pl.mentions, voc, lang) if p.kind == "operative" else ()
        out.append(replace(pl, type=actions.paragraph_type(p.text, voc, lang), actions=kind_actions))
    return replace(links, paragraphs=tuple(out))


def process_file(path: str | Path, *, lang: str = "auto", symbol: str | None = None, base_iri: str = DEFAULT_BASE):
    """One file through every stage up to its graph (nothing is written)."""
    return process_source(read_source(path, lang=lang, symbol=symbol), base_iri=base_iri)


def process_source(source, *, base_iri: str = DEFAULT_BASE):
    """A decoded source through segmentation, analysis and graph building."""
    doc = segment(source)
    links = analyse_document(doc, base_iri=base_iri)
    return doc, links, build_graph(doc, links, base_iri=base_iri)


def build_files(
    paths: Sequence[str | Path],
    store: Store,
    *,
    lang: str = "auto",
    symbol: str | None = None,
    base_iri: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
) -> list[Built]:
    """Builds every file and writes one named graph per file, plus the ontology graph.

    Every file is read and processed before anything is written, so bad input leaves the store as it was.

    Raises:
        InputError: --symbol given with several files, or an input that cannot be read.
        SegmentError: a text without recognisable structure.
    """
    if symbol and len(paths) > 1:
        raise InputError("--symbol names one document: give it with a single input file")
    sources = [read_source(path, lang=lang, symbol=symbol) for path in paths]  # bad input fails before any work
    results = []
    for path, source in zip(paths, sources):
        doc, links, kg = process_source(source, base_iri=base_iri)
        results.append((str(path), source_iri(doc, base_iri), kg, doc.warnings + links.warnings))
        if progress:
            progress(str(path))
    store.replace_graph(ONTOLOGY_GRAPH, ontology_graph())
    built = []
    for path, name, kg, warnings in results:
        built.append(Built(path, name, store.replace_graph(name, kg), warnings))
    return built


def timed(fn, *args, **kwargs):
    """(result, seconds) of one call: for benchmark scripts."""
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t0
