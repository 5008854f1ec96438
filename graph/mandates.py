"""The mandate register: one row per directive action in the store ("what does this ask UNODC to do, and by when
must it report?"), read with SPARQL over the union of the store's graphs.

The graph shape is CONTRACT §2 as `build.py` writes it: `?text unkg:hasParagraph ?p . ?p unkg:number ?n ;
unkg:hasAction ?a . ?a unkg:actionType ?t ; unkg:addressee ?b ; unkg:reportTo ?r ; unkg:reportSession ?s ;
unkg:clauseText ?txt`, codes as `skos:notation`, and the `unkg:directive` flag on the action types (the ontology
graph). `cli.py` turns the rows into a table, csv or json.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from .errors import QueryError

#: Row keys, in column order (the csv header of `unkg mandates`).
COLUMNS = ("symbol", "paragraph", "action", "type", "addressees", "report_to", "session", "text")

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_ROWS = (
    _PREFIXES
    + """SELECT DISTINCT ?a ?sym ?n ?code ?bcode ?rcode ?r ?s ?txt WHERE {
  ?text unkg:hasParagraph ?p ;
        dcterms:identifier ?sym .
  ?p unkg:hasAction ?a .
  OPTIONAL { ?p unkg:number ?n }
  ?a unkg:actionType ?t .
  ?t skos:notation ?code ;
     unkg:directive true .
  OPTIONAL { ?a unkg:addressee ?b . ?b skos:notation ?bcode }
  OPTIONAL { ?a unkg:reportTo ?r . OPTIONAL { ?r skos:notation ?rcode } }
  OPTIONAL { ?a unkg:reportSession ?s }
  OPTIONAL { ?a unkg:clauseText ?txt }
%s}"""
)
_TYPES = _PREFIXES + "SELECT DISTINCT ?code WHERE { ?t unkg:directive true ; skos:notation ?code }"
_ALL_TYPES = _PREFIXES + "SELECT DISTINCT ?code WHERE { ?t a unkg:ActionType ; skos:notation ?code }"
_ADDRESSABLE = (
    _PREFIXES
    + """SELECT DISTINCT ?code WHERE {
  VALUES ?cls { unkg:Body unkg:MemberState unkg:Group }
  ?c a ?cls ; skos:notation ?code .
}"""
)


def rows(store, *, addressee: str | None = None, type: str | None = None, lang: str | None = None) -> list[dict[str, Any]]:
    """The register: one row per directive action, ordered by document symbol, paragraph and action.

    Args:
        store: a `graph.store.Store` (its `select` runs over the union of all graphs).
        addressee: only actions addressed to this code (UNODC, SG, MemberStates …); a row still lists every addressee.
        type: only this directive type (requests, invites, urges, calls-upon, encourages, recommends).
        lang: the language of the clause text when the store holds several (default: the first by language tag).

    Returns:
        dicts with the keys of `COLUMNS`: symbol, paragraph (printed number), action (ordinal in the paragraph),
        type, addressees (codes joined by ", "), report_to (code), session, text.

    Raises:
        QueryError: an addressee or type code the store's vocabulary does not have (the message lists the valid ones).
    """
    filters = []
    if type is not None:
        directive = _codes(store, _TYPES, "action-type", directive=True)
        if type not in directive and type in _codes(store, _ALL_TYPES, "action-type"):
            raise QueryError(
                f"action type {type!r} is not directive: the register holds only {', '.join(sorted(directive))}"
            )
        _check(type, directive, "action type")
        filters.append(f'  FILTER(?code = "{type}")\n')
    if addressee is not None:
        _check(addressee, _codes(store, _ADDRESSABLE, ("body", "state", "group")), "addressee")
        filters.append(f'  FILTER EXISTS {{ ?a unkg:addressee/skos:notation "{addressee}" }}\n')
    result = store.select(_ROWS % "".join(filters))
    actions: dict[str, dict[str, Any]] = {}
    texts: dict[str, dict[str, str]] = {}
    for a, sym, n, code, bcode, rcode, r, s, txt in result.rows:
        row = actions.setdefault(
            str(a),
            {
                "symbol": str(sym),
                "paragraph": _int(n),
                "action": _ordinal(str(a)),
                "type": str(code),
                "addressees": set(),
                "report_to": None,
                "session": None,
                "text": "",
            },
        )
        if bcode is not None:
            row["addressees"].add(str(bcode))
        if r is not None:
            row["report_to"] = str(rcode) if rcode is not None else str(r)
        if s is not None:
            row["session"] = _int(s)
        if txt is not None:
            texts.setdefault(str(a), {})[getattr(txt, "language", None) or ""] = str(txt)
    out = []
    for iri, row in actions.items():
        by_lang = texts.get(iri, {})
        if by_lang:
            row["text"] = by_lang.get(lang) if lang in by_lang else by_lang[sorted(by_lang)[0]]
        row["addressees"] = ", ".join(sorted(row["addressees"]))
        out.append({k: row[k] for k in COLUMNS})
    out.sort(key=lambda r: (_natural(r["symbol"]), r["paragraph"] or 0, r["action"] or 0))
    return out


def _codes(store, sparql: str, schemes, directive: bool = False) -> set[str]:
    """Codes the store knows; the packaged vocabulary when the store has no ontology graph yet."""
    found = {str(row[0]) for row in store.select(sparql).rows if row[0] is not None}
    if found:
        return found
    from . import vocab  # only when the store lacks the vocabulary

    schemes = (schemes,) if isinstance(schemes, str) else schemes
    return {c.code for c in vocab.load().concepts if c.scheme in schemes and (c.directive or not directive)}


def _check(code: str, valid: set[str], what: str) -> None:
    if _CODE.match(code) and code in valid:
        return
    near = difflib.get_close_matches(code, sorted(valid), n=3)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    listing = ", ".join(sorted(valid)) if len(valid) <= 30 else f"{len(valid)} codes, e.g. {', '.join(sorted(valid)[:8])} … (see the vocabulary in ontology/vocab/)"
    raise QueryError(f"unknown {what} code {code!r}{hint}; valid codes: {listing}")


def _int(term) -> int | None:
    if term is None:
        return None
    try:
        return int(str(term))
    except ValueError:
        return None


def _ordinal(iri: str) -> int | None:
    """The action's k from its IRI `<paragraph>/a<k>` (ARCHITECTURE "IRIs")."""
    m = re.search(r"/a(\d+)$", iri)
    return int(m.group(1)) if m else None


def _natural(symbol: str) -> tuple:
    """Sort key that orders A/C.3/74/L.2 before A/C.3/74/L.10/Rev.1."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", symbol))
