"""The vocabulary: SKOS concept schemes in `ontology/vocab/*.ttl` read into plain `Concept` records.

Every label, abbreviation, short form and clause verb lives in the Turtle, not in Python: adding a body or an
instrument is a Turtle edit. The loader fails loudly on a bad entry, naming the file and the concept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import VocabularyError

UNKG = "https://w3id.org/unkg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ID = "https://w3id.org/unkg/id/"
ONTOLOGY_DIR = Path(os.environ.get("UNKG_ONTOLOGY", Path(__file__).resolve().parent.parent / "ontology"))
SCHEMES = ("instrument", "publication", "body", "state", "group", "action-type")


@dataclass(frozen=True)
class Concept:
    """One vocabulary concept: its code, class and every surface form by language."""

    iri: str
    code: str
    scheme: str
    cls: str  # local name of its unkg class: Instrument, Body, MemberState …
    kind: str | None
    pref: tuple[tuple[str, str], ...]  # (lang, label)
    alt: tuple[tuple[str, str], ...]
    short: tuple[tuple[str, str], ...]
    unts: tuple[tuple[int, int], ...] = ()  # (volume, registration number), misprints included
    directive: bool = False

    def label(self, lang: str) -> str:
        """The preferred label in `lang`, falling back to English, then the code."""
        for want in (lang, "en"):
            for lg, text in self.pref:
                if lg == want:
                    return text
        return self.code

    def labels(self, lang: str) -> list[str]:
        """Preferred and alternative labels in `lang` (not the context-dependent short forms)."""
        return [t for lg, t in self.pref + self.alt if lg == lang]

    def short_labels(self, lang: str) -> list[str]:
        return [t for lg, t in self.short if lg == lang]


@dataclass(frozen=True)
class Vocabulary:
    concepts: tuple[Concept, ...]
    modifiers: tuple[tuple[str, str], ...] = ()  # (lang, modifier) of clause verbs: 又, 再次, "also" …
    _by_iri: dict = field(default_factory=dict, compare=False, repr=False)
    _by_code: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.concepts:
            self._by_iri[c.iri] = c
            self._by_code.setdefault(c.code, c)
            self._by_code[(c.scheme, c.code)] = c

    def get(self, iri: str) -> Concept | None:
        return self._by_iri.get(iri)

    def code(self, code: str, scheme: str | None = None) -> Concept:
        """The concept with this code (in `scheme` when given); KeyError when none."""
        c = self._by_code.get((scheme, code) if scheme else code)
        if c is None:
            raise KeyError(f"no concept with code {code!r}" + (f" in scheme {scheme!r}" if scheme else ""))
        return c

    def in_scheme(self, scheme: str) -> list[Concept]:
        return [c for c in self.concepts if c.scheme == scheme]

    def by_unts(self, volume: int, number: int | None) -> list[Concept]:
        """Treaties registered in the UN Treaty Series under this volume (and number, when given)."""
        return [c for c in self.concepts if any(v == volume and (number is None or n == number) for v, n in c.unts)]

    def mod(self, lang: str) -> list[str]:
        return [m for lg, m in self.modifiers if lg == lang]


def concept_iri(scheme: str, code: str) -> str:
    return f"{ID}{scheme}/{code}"


@lru_cache(maxsize=8)
def parsed(path: str | Path):
    """The rdflib graph of one Turtle file, parsed once per process (the vocabulary and the store both need it).

    Raises:
        VocabularyError: the file does not parse.
    """
    import rdflib  # parsing Turtle is the only rdflib use outside build/store/export

    kg = rdflib.Graph()
    try:
        kg.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser exception types
        raise VocabularyError(f"{path}: does not parse as Turtle ({exc})") from exc
    return kg


@lru_cache(maxsize=4)
def load(directory: str | Path = ONTOLOGY_DIR / "vocab") -> Vocabulary:
    """Reads every `*.ttl` in `directory` into a `Vocabulary`.

    Raises:
        VocabularyError: a file does not parse, or a concept lacks a notation, a scheme or an English label.
    """
    import rdflib

    directory = Path(directory)
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise VocabularyError(f"{directory}: no vocabulary files (*.ttl)")
    concepts: list[Concept] = []
    modifiers: list[tuple[str, str]] = []
    S = rdflib.Namespace(SKOS)
    U = rdflib.Namespace(UNKG)
    for path in files:
        kg = parsed(path)
        for scheme in kg.subjects(rdflib.RDF.type, S.ConceptScheme):
            modifiers += [(m.language or "", str(m)) for m in kg.objects(scheme, U.modifier)]
        for subject in sorted(set(kg.subjects(rdflib.RDF.type, S.Concept))):
            concepts.append(_concept(kg, subject, path, S, U))
    return Vocabulary(tuple(concepts), tuple(sorted(set(modifiers))))


def _concept(kg, subject, path: Path, S, U) -> Concept:
    import rdflib

    iri = str(subject)
    where = f"{path}: concept <{iri}>"
    notations = [str(n) for n in kg.objects(subject, S.notation)]
    if len(notations) != 1:
        raise VocabularyError(f"{where} needs exactly one skos:notation (has {len(notations)})")
    if not iri.startswith(ID):
        raise VocabularyError(f"{where} is not under {ID}")
    scheme = iri[len(ID) :].split("/", 1)[0]
    if scheme not in SCHEMES:
        raise VocabularyError(f"{where}: unknown scheme {scheme!r} (one of {', '.join(SCHEMES)})")
    classes = [str(c)[len(UNKG) :] for c in kg.objects(subject, rdflib.RDF.type) if str(c).startswith(UNKG)]
    if not classes:
        raise VocabularyError(f"{where} has no unkg: class")

    def labels(p):
        return tuple(sorted((lit.language or "", str(lit)) for lit in kg.objects(subject, p)))

    pref = labels(S.prefLabel)
    if not any(lg == "en" for lg, _ in pref):
        raise VocabularyError(f"{where} has no English skos:prefLabel")
    kind = next((str(k) for k in kg.objects(subject, U.kind)), None)
    vols = sorted(int(v) for v in kg.objects(subject, U.untsVolume))
    nums = sorted(int(n) for n in kg.objects(subject, U.untsNumber)) + sorted(int(n) for n in kg.objects(subject, U.untsAltNumber))
    unts = tuple((v, n) for v in vols for n in nums)
    directive = any(bool(d.toPython()) for d in kg.objects(subject, U.directive))
    return Concept(
        iri=iri,
        code=notations[0],
        scheme=scheme,
        cls=sorted(classes)[0],
        kind=kind,
        pref=pref,
        alt=labels(S.altLabel),
        short=labels(U.shortLabel),
        unts=unts,
        directive=directive,
    )
