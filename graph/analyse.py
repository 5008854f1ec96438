"""Store -> networkx: the document network behind `unkg stats` and `unkg viz`.

Paragraph-level facts are aggregated into one edge per (source, target, relation) so that a reader sees who cites,
mentions or asks whom, and every edge keeps the paragraphs it comes from as evidence (the hover text of the page).
All queries run over the union of the named graphs with DISTINCT, so a document loaded in zh and in en (same IRIs)
counts once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from .errors import QueryError
from .store import Store

UNKG = "https://w3id.org/unkg/ontology#"
PREFIXES = f"""PREFIX unkg: <{UNKG}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# Most specific first: a node typed both Resolution and Document is a Resolution.
CLASSES = ("DraftResolution", "Resolution", "Report", "Document", "Instrument", "Publication",
           "MemberState", "Group", "Body")
DOCUMENT_KINDS = frozenset({"DraftResolution", "Resolution", "Report", "Document"})
COUNTED_CLASSES = CLASSES + ("PreambularParagraph", "OperativeParagraph", "Footnote", "Action", "Meeting",
                             "ActionType")

# Which relations each view draws; "all" is for analytics over the whole network.
VIEWS = {
    "overview": ("cites", "mentions", "action", "hasPart"),
    "mandates": ("action",),
    "citations": ("cites",),
    "sponsors": ("sponsor", "coSponsor"),
    "all": ("cites", "mentions", "action", "hasPart", "sponsor", "coSponsor"),
}
SNIPPET = 200
TOP = 10

# Untyped targets (a cited title minted outside the vocabulary, a cited symbol) get their class from the IRI.
_IRI_HINTS = (("/instrument/", "Instrument"), ("/publication/", "Publication"), ("/body/", "Body"),
              ("/state/", "MemberState"), ("/group/", "Group"), ("/res/", "Resolution"))

_FACTS = {
    # Citations through a paragraph's footnotes count for the paragraph (SEMANTICS.md).
    "cites": """SELECT DISTINCT ?s ?p ?x WHERE { ?s unkg:hasParagraph ?p .
                 { ?p unkg:cites ?x } UNION { ?p unkg:hasFootnote ?f . ?f unkg:cites ?x } }""",
    "mentions": "SELECT DISTINCT ?s ?p ?x WHERE { ?s unkg:hasParagraph ?p . ?p unkg:mentions ?x }",
    "action": """SELECT DISTINCT ?s ?p ?x ?t WHERE { ?s unkg:hasParagraph ?p . ?p unkg:hasAction ?a .
                 ?a unkg:actionType ?ty ; unkg:addressee ?x . OPTIONAL { ?ty skos:notation ?t } }""",
    # Sponsorship is drawn State -> draft ("China sponsors A/C.3/74/L.2"), the reverse of the RDF property.
    "sponsor": "SELECT DISTINCT ?s ?x WHERE { ?x unkg:sponsor ?s }",
    "coSponsor": "SELECT DISTINCT ?s ?x WHERE { ?x unkg:coSponsor ?s }",
    "hasPart": "SELECT DISTINCT ?s ?x WHERE { ?s unkg:hasPart ?x }",
}


def _val(term) -> str | None:
    return None if term is None else str(term)


def _int(term) -> int | None:
    try:
        return None if term is None else int(str(term))
    except ValueError:
        return None


def _pick(by_lang: dict[str, str], lang: str) -> str | None:
    """The value in `lang`, else en, else zh, else any (sorted, so the choice is stable)."""
    for key in (lang, "en", "zh", ""):
        if by_lang.get(key):
            return by_lang[key]
    return by_lang[sorted(by_lang)[0]] if by_lang else None


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise QueryError(f"unknown view {view!r} (choose one of {', '.join(v for v in VIEWS if v != 'all')})")


class _Nodes:
    """Class, code and labels of every IRI the edges may touch, read once per network."""

    def __init__(self, store: Store, lang: str):
        self.lang = lang
        self.classes: dict[str, set[str]] = defaultdict(set)
        self.codes: dict[str, dict[str, str]] = defaultdict(dict)
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.titles: dict[str, dict[str, str]] = defaultdict(dict)
        self.subkind: dict[str, str] = {}
        values = " ".join(f"unkg:{c}" for c in CLASSES)
        for n, c in store.select(PREFIXES + f"SELECT DISTINCT ?n ?c WHERE {{ ?n a ?c VALUES ?c {{ {values} }} }}").rows:
            self.classes[str(n)].add(str(c)[len(UNKG):])
        q = "SELECT DISTINCT ?n WHERE { ?n unkg:hasParagraph ?p }"
        self.texts = {str(row[0]) for row in store.select(PREFIXES + q).rows}
        q = """SELECT DISTINCT ?n ?prop ?v WHERE {
                 VALUES ?prop { skos:notation dcterms:identifier skos:prefLabel dcterms:title unkg:kind }
                 ?n ?prop ?v }"""
        for n, prop, v in store.select(PREFIXES + q).rows:
            n, prop, lang_tag = str(n), str(prop), getattr(v, "language", None) or ""
            if prop.endswith("notation"):
                self.codes[n]["notation"] = min(str(v), self.codes[n].get("notation", str(v)))
            elif prop.endswith("identifier"):
                self.codes[n]["identifier"] = min(str(v), self.codes[n].get("identifier", str(v)))
            elif prop.endswith("prefLabel"):
                self.labels[n][lang_tag] = min(str(v), self.labels[n].get(lang_tag, str(v)))
            elif prop.endswith("title"):
                self.titles[n][lang_tag] = min(str(v), self.titles[n].get(lang_tag, str(v)))
            else:
                self.subkind[n] = min(str(v), self.subkind.get(n, str(v)))

    def kind(self, iri: str) -> str:
        for c in CLASSES:
            if c in self.classes.get(iri, ()):
                return c
        for hint, c in _IRI_HINTS:
            if hint in iri:
                return c
        return "Document" if iri.startswith("https://undocs.org/") else "Other"

    def code(self, iri: str) -> str:
        codes = self.codes.get(iri, {})
        return codes.get("notation") or codes.get("identifier") or iri.rstrip("/").rsplit("/", 1)[-1]

    def attrs(self, iri: str) -> dict:
        """Node attributes: kind (unkg class), code, label in the chosen language, both labels, title, has_text."""
        code = self.code(iri)
        labels = {k: v for k, v in self.labels.get(iri, {}).items() if k in ("en", "zh")}
        title = _pick(self.titles.get(iri, {}), self.lang)
        return {"kind": self.kind(iri), "code": code, "label": _pick(self.labels.get(iri, {}), self.lang) or code,
                "labels": labels, "title": title, "subkind": self.subkind.get(iri), "iri": iri,
                "has_text": iri in self.texts}


def _paragraphs(store: Store, lang: str) -> dict[str, dict]:
    """Position, printed number and a ~200-character snippet (in `lang` when there is one) of every paragraph."""
    q = """SELECT DISTINCT ?p ?pos ?num ?txt WHERE { ?s unkg:hasParagraph ?p .
             OPTIONAL { ?p unkg:position ?pos } OPTIONAL { ?p unkg:number ?num } OPTIONAL { ?p unkg:text ?txt } }"""
    out: dict[str, dict] = {}
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for p, pos, num, txt in store.select(PREFIXES + q).rows:
        info = out.setdefault(str(p), {"position": _int(pos), "number": _int(num)})
        if info["position"] is None:
            info["position"] = _int(pos)
        if info["number"] is None:
            info["number"] = _int(num)
        if txt is not None:
            tag = getattr(txt, "language", None) or ""
            texts[str(p)][tag] = min(str(txt), texts[str(p)].get(tag, str(txt)))
    for p, info in out.items():
        full = " ".join((_pick(texts.get(p, {}), lang) or "").split())
        info["text"] = full if len(full) <= SNIPPET else full[:SNIPPET].rstrip() + "…"
    return out


def load_network(store: Store, *, view: str = "overview", lang: str = "en") -> nx.MultiDiGraph:
    """The network of one view: nodes keyed by IRI, one edge per (source, target, relation) with its evidence.

    Node attributes: kind (the unkg class: DraftResolution, Resolution, Report, Document, Instrument, Publication,
    Body, MemberState, Group, or Other), code (skos:notation or dcterms:identifier), label (prefLabel in `lang`),
    labels ({"en":…, "zh":…}), title (dcterms:title), subkind (unkg:kind), iri, has_text (its paragraphs are
    in the store, as opposed to a document that is only cited).
    Edge key and attributes: relation ("cites", "mentions", "action", "hasPart", "sponsor", "coSponsor"),
    action_type (the notation, for "action" edges; the key is then "action:<type>"), weight (number of evidence
    paragraphs, 1 for sponsorship and hasPart), evidence (sorted list of dicts: paragraph, symbol, position,
    number, text). Sponsorship edges run State -> draft.
    """
    _check_view(view)
    nodes = _Nodes(store, lang)
    paras = _paragraphs(store, lang) if {"cites", "mentions", "action"} & set(VIEWS[view]) else {}
    found: dict[tuple[str, str, str], dict] = {}
    for relation in VIEWS[view]:
        for row in store.select(PREFIXES + _FACTS[relation]).rows:
            if relation in ("cites", "mentions", "action"):
                src, par, dst = str(row[0]), str(row[1]), str(row[2])
            else:
                src, par, dst = str(row[0]), None, str(row[1])
            atype = (_val(row[3]) or "other") if relation == "action" else None
            key = f"action:{atype}" if atype else relation
            edge = found.setdefault((src, dst, key), {"relation": relation, "action_type": atype, "paragraphs": set()})
            if par:
                edge["paragraphs"].add(par)
    nxg = nx.MultiDiGraph(view=view, lang=lang)
    for iri in sorted({e[0] for e in found} | {e[1] for e in found}):
        nxg.add_node(iri, **nodes.attrs(iri))
    for (src, dst, key) in sorted(found):
        edge = found[(src, dst, key)]
        symbol = nxg.nodes[src]["code"]
        evidence = sorted(
            ({"paragraph": p, "symbol": symbol, **paras.get(p, {"position": None, "number": None, "text": ""})}
             for p in edge["paragraphs"]),
            key=lambda ev: (ev["position"] if ev["position"] is not None else 10**9, ev["paragraph"]))
        nxg.add_edge(src, dst, key=key, relation=edge["relation"], action_type=edge["action_type"],
                     weight=max(len(evidence), 1), evidence=evidence)
    return nxg


def _entry(nxg: nx.MultiDiGraph, iri: str, **extra) -> dict:
    data = nxg.nodes[iri]
    return {"code": data["code"], "label": data["label"], "kind": data["kind"], "iri": iri, **extra}


def _ranked(counter: Counter, nxg: nx.MultiDiGraph, field: str, top: int = TOP) -> list[dict]:
    """Top entries by count, ties broken by code so the output is stable."""
    order = sorted(counter.items(), key=lambda kv: (-kv[1], nxg.nodes[kv[0]]["code"], kv[0]))
    return [_entry(nxg, iri, **{field: n}) for iri, n in order[:top]]


def _class_counts(store: Store) -> dict[str, int]:
    values = " ".join(f"unkg:{c}" for c in COUNTED_CLASSES)
    q = f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c VALUES ?c {{ {values} }} }} GROUP BY ?c"
    got = {str(c)[len(UNKG):]: int(n) for c, n in store.select(PREFIXES + q).rows}
    return {c: got.get(c, 0) for c in COUNTED_CLASSES}


def _centrality(nxg: nx.MultiDiGraph) -> dict:
    """Degree and betweenness over the undirected simple network, top bodies and instruments."""
    simple = nx.Graph(nxg.to_undirected(as_view=True))
    measures = {"degree": nx.degree_centrality(simple) if len(simple) > 1 else {},
                "betweenness": nx.betweenness_centrality(simple) if len(simple) > 2 else {}}
    out: dict = {}
    for name, values in measures.items():
        out[name] = {}
        for group, kind in (("bodies", "Body"), ("instruments", "Instrument")):
            ranked = sorted((iri for iri in values if nxg.nodes[iri]["kind"] == kind),
                            key=lambda iri: (-values[iri], nxg.nodes[iri]["code"], iri))
            out[name][group] = [_entry(nxg, iri, value=round(values[iri], 4)) for iri in ranked[:TOP]]
    return out


def stats(store: Store) -> dict:
    """Counts and network analytics as a JSON-serialisable dict (`unkg stats`)."""
    nxg = load_network(store, view="all", lang="en")
    cited_instruments: Counter = Counter()
    cited_resolutions: Counter = Counter()
    addressed: dict[str, Counter] = defaultdict(Counter)
    sponsored: Counter = Counter()
    co_sponsored: Counter = Counter()
    backers: dict[str, set[str]] = defaultdict(set)
    for src, dst, data in nxg.edges(data=True):
        kind = nxg.nodes[dst]["kind"]
        if data["relation"] == "cites" and kind == "Instrument":
            cited_instruments[dst] += data["weight"]
        elif data["relation"] == "cites" and (kind == "Resolution" or "/RES/" in nxg.nodes[dst]["code"]):
            cited_resolutions[dst] += data["weight"]
        elif data["relation"] == "action":
            addressed[data["action_type"]][dst] += data["weight"]
        elif data["relation"] in ("sponsor", "coSponsor"):
            (sponsored if data["relation"] == "sponsor" else co_sponsored)[src] += 1
            backers[dst].add(src)
    pairs: Counter = Counter()
    for states in backers.values():
        pairs.update(combinations(sorted(states), 2))
    sponsors = sorted(set(sponsored) | set(co_sponsored),
                      key=lambda s: (-(sponsored[s] + co_sponsored[s]), nxg.nodes[s]["code"], s))
    undirected = nxg.to_undirected(as_view=True)
    sizes = sorted((len(c) for c in nx.connected_components(undirected)), reverse=True)
    return {
        "counts": _class_counts(store),
        "network": {"nodes": nxg.number_of_nodes(), "edges": nxg.number_of_edges()},
        "most_cited_instruments": _ranked(cited_instruments, nxg, "paragraphs"),
        "most_cited_resolutions": _ranked(cited_resolutions, nxg, "paragraphs"),
        "most_addressed": {t: _ranked(addressed[t], nxg, "paragraphs") for t in sorted(addressed)},
        "most_active_sponsors": [
            _entry(nxg, s, sponsor=sponsored[s], co_sponsor=co_sponsored[s], total=sponsored[s] + co_sponsored[s])
            for s in sponsors[:TOP]],
        "co_sponsorship_pairs": [
            {"a": nxg.nodes[a]["code"], "b": nxg.nodes[b]["code"], "drafts": n}
            for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], nxg.nodes[kv[0][0]]["code"],
                                                                   nxg.nodes[kv[0][1]]["code"]))[:TOP]],
        "centrality": _centrality(nxg),
        "components": {"count": len(sizes), "sizes": sizes},
    }


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_stats(result: dict) -> str:
    """The `unkg stats --format table` text: one titled block per measure."""
    def rows(title: str, entries: list[dict], field: str) -> list[str]:
        if not entries:
            return [f"{title}: none"]
        return [f"{title}:"] + [f"  {e[field]:>7}  {e['code']}  {_short(e['label']) if e['label'] != e['code'] else ''}"
                                .rstrip() for e in entries]

    out = ["Counts:"] + [f"  {n:>7}  {c}" for c, n in result["counts"].items() if n]
    out.append(f"Network: {result['network']['nodes']} nodes, {result['network']['edges']} edges; "
               f"{result['components']['count']} connected components, sizes {result['components']['sizes'][:10]}")
    out += rows("Most cited instruments (paragraphs)", result["most_cited_instruments"], "paragraphs")
    out += rows("Most cited resolutions (paragraphs)", result["most_cited_resolutions"], "paragraphs")
    for atype, entries in result["most_addressed"].items():
        out += rows(f"Most addressed: {atype} (paragraphs)", entries, "paragraphs")
    out += rows("Most active sponsors (drafts sponsored or co-sponsored)", result["most_active_sponsors"], "total")
    pairs = result["co_sponsorship_pairs"]
    out += ["Co-sponsorship pairs (drafts):"] + [f"  {p['drafts']:>7}  {p['a']} + {p['b']}" for p in pairs] \
        if pairs else ["Co-sponsorship pairs: none"]
    for measure, groups in result["centrality"].items():
        for group, entries in groups.items():
            out += rows(f"{measure.capitalize()} centrality, {group}", entries, "value")
    return "\n".join(out)
