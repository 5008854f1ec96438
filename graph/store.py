"""The embedded SPARQL store: one pyoxigraph on-disk database, one named graph per source file.

Writes go through a single SPARQL update (DROP GRAPH + INSERT DATA) so that replacing a source's graph is one
transaction: a failed build leaves the previous graph in place, and a rebuild never duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from .errors import QueryError, StoreError

DEFAULT_STORE = Path("unkg-store")
ONTOLOGY_GRAPH = "https://w3id.org/unkg/ontology"


@dataclass(frozen=True)
class Rows:
    """SELECT results as plain Python values: variable names and rows of rdflib terms (None when unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[rdflib.term.Node | None, ...], ...]


def to_rdflib(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> rdflib.term.Node | None:
    """Converts a pyoxigraph term to the equal rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(term.value)
        # normalize=False: keep the lexical form exactly as stored (rdflib would rewrite "…Z" datetimes, "01" …)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt), normalize=False)
    raise TypeError(f"unsupported term {term!r}")


class Store:
    """An on-disk pyoxigraph store at `path` (created when missing unless `read_only`)."""

    def __init__(self, path: Path | str = DEFAULT_STORE, read_only: bool = False):
        self.path = Path(path)
        try:
            if read_only:
                if not self.path.is_dir():
                    raise StoreError(f"{self.path}: no store here (run `unkg build` first)")
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    @classmethod
    def existing(cls, path: Path | str = DEFAULT_STORE) -> "Store":
        """Opens a store that must already exist (for commands that only read)."""
        if not Path(path).is_dir():
            raise StoreError(f"{path}: no store here (run `unkg build` first)")
        return cls(path)

    def replace_graph(self, name: str, kg: rdflib.Graph) -> int:
        """Replaces the named graph `name` with the triples of `kg` in one transaction; returns the triple count."""
        body = kg.serialize(format="nt", encoding="utf-8").decode("utf-8")
        update = f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}"
        try:
            self.ox.update(update)
            self.ox.flush()
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.path}: cannot write graph <{name}> ({exc})") from exc
        return len(kg)

    def drop_graph(self, name: str) -> None:
        self.ox.update(f"DROP SILENT GRAPH <{name}>")

    def graphs(self) -> list[str]:
        """Names of the named graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: str | None = None) -> int:
        """Number of quads in one named graph, or in the whole store."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        sol = next(iter(self.ox.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))
        return int(sol["n"].value)

    def select(self, sparql: str) -> Rows:
        """Runs a SELECT (or ASK) over the union of all graphs."""
        res = self._query(sparql)
        if isinstance(res, ox.QueryBoolean):
            return Rows(("result",), ((rdflib.Literal(bool(res)),),))
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("expected a SELECT or ASK query; use CONSTRUCT/DESCRIBE through `unkg export` or `unkg serve`")
        variables = tuple(v.value for v in res.variables)
        rows = tuple(tuple(to_rdflib(sol[v]) for v in variables) for sol in res)
        return Rows(variables, rows)

    def _query(self, sparql: str):
        try:
            return self.ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: query failed ({exc})") from exc

    def graph(self, name: str | None = None) -> rdflib.Graph:
        """The triples of one named graph (or of all graphs merged) as an rdflib Graph."""
        kg = rdflib.Graph()
        gname = ox.NamedNode(name) if name else None
        for q in self.ox.quads_for_pattern(None, None, None, gname):
            kg.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return kg

    def dataset(self) -> rdflib.Dataset:
        """All named graphs as an rdflib Dataset (quads keep their graph)."""
        ds = rdflib.Dataset()
        for q in self.ox.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                g = ds.default_context
            else:
                g = ds.graph(rdflib.URIRef(q.graph_name.value))
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return ds

    def close(self) -> None:
        """Flushes and releases the database lock now (pyoxigraph would only release it on garbage collection)."""
        if not hasattr(self, "ox"):
            return
        try:
            self.ox.flush()
        except OSError:
            pass
        del self.ox

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
