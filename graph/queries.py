"""Saved SPARQL queries shipped with the project (`queries/NAME.rq`), for `unkg query --name` and `unkg queries`.

A saved query is a file whose first line is `# <one-line description>`. A query may take parameters through
placeholder lines of the form `# VALUES ?var {}`: left alone the line stays a comment and the query runs for
everything; `load(name, params={"var": [...]})` turns it into a real VALUES clause. Files, not Python strings, so
users can read, copy and run them with any SPARQL tool.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*VALUES[ \t]+\?(?P<var>\w+)[ \t]*\{[ \t]*\}[ \t]*$", re.MULTILINE)


def _files() -> dict[str, Path]:
    if not QUERIES_DIR.is_dir():
        return {}
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq")) if _NAME.match(p.stem)}


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the saved query ({exc})") from exc
    first = text.splitlines()[0] if text else ""
    if not first.startswith("#") or not first.lstrip("#").strip():
        raise QueryError(f"{path}: the first line must be `# <one-line description>`")
    return text


def list_queries() -> list[tuple[str, str]]:
    """(name, one-line description) of every saved query, sorted by name."""
    return [(name, _read(path).splitlines()[0].lstrip("#").strip()) for name, path in _files().items()]


def parameters(name: str) -> list[str]:
    """The variables a saved query can be narrowed by (its `# VALUES ?var {}` placeholders), in file order."""
    return [m["var"] for m in _PLACEHOLDER.finditer(load(name))]


def load(name: str, *, params: Mapping[str, str | Sequence[str]] | None = None) -> str:
    """The text of saved query `name`, with `params` (variable -> value or values) bound through its placeholders.

    Values are bound as plain string literals (codes, symbols): `{"code": "UNTOC"}` or `{"code": ["UNTOC", "UNCAC"]}`.
    """
    files = _files()
    if name not in files:
        known = ", ".join(files) or "none (the queries/ folder is missing)"
        raise QueryError(f"no saved query named {name!r}; known: {known}")
    text = _read(files[name])
    if not params:
        return text
    available = {m["var"] for m in _PLACEHOLDER.finditer(text)}
    unknown = sorted(set(params) - available)
    if unknown:
        takes = ", ".join(sorted(available)) or "no parameters"
        raise QueryError(f"saved query {name!r} has no parameter {', '.join(unknown)}; it takes {takes}")

    def bind(match: re.Match) -> str:
        var = match["var"]
        if var not in params:
            return match.group(0)
        values = params[var]
        values = [values] if isinstance(values, str) else list(values)
        if not values:
            raise QueryError(f"parameter {var!r} of saved query {name!r} needs at least one value")
        return f"{match['indent']}VALUES ?{var} {{ {' '.join(_literal(v) for v in values)} }}"

    return _PLACEHOLDER.sub(bind, text)


def _literal(value: str) -> str:
    escaped = (
        str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'
