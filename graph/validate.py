"""SHACL validation of the store against `ontology/shapes.ttl`."""

from __future__ import annotations

from .store import Store
from .vocab import ONTOLOGY_DIR


def validate_store(store: Store) -> tuple[bool, str]:
    """(conforms, report text) for all graphs of the store merged, ontology included (for class inference)."""
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(store.graph(), shacl_graph=shapes, inference="rdfs", advanced=True)
    return bool(conforms), str(text)
