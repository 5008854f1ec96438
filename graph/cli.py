"""The `unkg` command line: a thin typer layer over the stage functions.

Each command parses its options, calls one function that returns data, and prints it. Domain errors
(`errors.UnkgError`) become one line on stderr and exit code 1; usage errors are typer's, exit code 2.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from .errors import UnkgError
from .store import DEFAULT_STORE

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="unkg: United Nations documents as a linked-data knowledge graph.",
    pretty_exceptions_enable=False,
)

StoreOpt = typer.Option(DEFAULT_STORE, "--store", help="Directory of the embedded store.")


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"unkg: {message}", err=True)
    raise typer.Exit(code)


def _run(fn: Callable, *args, **kwargs):
    """Calls `fn`, turning domain errors into one line and exit code 1."""
    try:
        return fn(*args, **kwargs)
    except UnkgError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def print_rows(columns: list[str], rows: list[list], fmt: str) -> None:
    """Writes rows to stdout as an aligned table, CSV/TSV with a header row, or a JSON list of objects."""
    out = sys.stdout
    if fmt == "json":
        json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt in ("csv", "tsv"):
        w = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_cell(v) for v in r] for r in rows])
    else:
        cells = [[_cell(v).replace("\n", " ") for v in r] for r in rows]
        widths = [min(60, max([_width(c)] + [_width(r[i]) for r in cells])) for i, c in enumerate(columns)]
        out.write("  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write("  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() + "\n")
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _width(s: str) -> int:
    """Columns a string takes in a terminal: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    """`s` cut with an ellipsis or padded to `width` terminal columns."""
    if _width(s) > width:
        while s and _width(s) > width - 1:
            s = s[:-1]
        s += "…"
    return s + " " * (width - _width(s))


def _term(t):
    """A query-result term as a plain value (literals become their lexical form)."""
    return None if t is None else str(t)


@app.command("build")
def build_cli(
    inputs: List[Path] = typer.Argument(..., help="Text files to build (plain text or Markdown)."),
    store: Path = StoreOpt,
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the inputs (auto detects it)."),
    symbol: Optional[str] = typer.Option(None, "--symbol", help="Document symbol, e.g. A/74/400 (one input only)."),
    base_iri: str = typer.Option("https://w3id.org/unkg/id/", "--base-iri", help="Base IRI for minted nodes."),
) -> None:
    """Build the graph of each input into the store (one named graph per file; rebuilding replaces it)."""
    from .pipeline import build_files
    from .store import Store

    if not base_iri.startswith(("http://", "https://")) or not base_iri.endswith(("/", "#")):
        _fail(f"--base-iri must be an http(s) IRI ending in '/' or '#': {base_iri}", 2)
    for p in inputs:  # check every input before opening (and so creating) the store
        if not p.is_file():
            _fail(f"{p}: no such file" if not p.exists() else f"{p}: not a regular file")
    done: list[str] = []

    def progress(path: str) -> None:
        done.append(path)
        if len(inputs) > 1 and sys.stderr.isatty():  # a progress line for people, not for logs and pipes
            typer.echo(f"[{len(done)}/{len(inputs)}] {path}", err=True)

    with _run(Store, store) as st:
        built = _run(build_files, inputs, st, lang=lang.value, symbol=symbol, base_iri=base_iri, progress=progress)
    for b in built:
        for w in b.warnings:
            typer.echo(f"warning: {w}", err=True)
        typer.echo(f"{b.path}: {b.triples} triples -> <{b.graph}>")


@app.command("query")
def query_cli(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL SELECT or ASK query."),
    file: Optional[Path] = typer.Option(None, "--file", help="Read the query from this file."),
    name: Optional[str] = typer.Option(None, "--name", help="Run a saved query (see `unkg queries`)."),
    param: List[str] = typer.Option([], "--param", help="Bind a saved query's parameter: KEY=VALUE (repeatable)."),
    store: Path = StoreOpt,
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", help="Output format."),
) -> None:
    """Run SPARQL over the union of all graphs in the store."""
    from .store import Store

    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        _fail("give exactly one of a query, --file or --name", 2)
    if file:
        if not file.is_file():
            _fail(f"{file}: no such file")
        sparql = file.read_text(encoding="utf-8")
    elif name:
        from . import queries

        params: dict[str, list[str]] = {}
        for p in param:
            key, sep, value = p.partition("=")
            if not sep or not key:
                _fail(f"--param takes KEY=VALUE, not {p!r}", 2)
            params.setdefault(key, []).append(value)
        unknown = set(params) - set(_run(queries.parameters, name))
        if unknown:
            _fail(f"saved query {name!r} has no parameter {', '.join(sorted(unknown))} (it has: {', '.join(queries.parameters(name)) or 'none'})", 2)
        sparql = _run(queries.load, name, params=params)
    with _run(Store.existing, store) as st:
        rows = _run(st.select, sparql)
    print_rows(list(rows.variables), [[_term(t) for t in r] for r in rows.rows], fmt.value)


@app.command("queries")
def queries_cli() -> None:
    """List the saved queries with their descriptions."""
    from . import queries

    for qname, description in _run(queries.list_queries):
        params = " ".join(f"--param {p}=…" for p in queries.parameters(qname))
        typer.echo(f"{qname:32} {description}" + (f"  [{params}]" if params else ""))


@app.command("mandates")
def mandates_cli(
    store: Path = StoreOpt,
    addressee: Optional[str] = typer.Option(None, "--addressee", help="Only actions addressed to this code (e.g. UNODC)."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this action type (e.g. requests)."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", help="Output format."),
) -> None:
    """The mandate register: one row per directive action."""
    from . import mandates
    from .store import Store

    with _run(Store.existing, store) as st:
        rows = _run(mandates.rows, st, addressee=addressee, type=type_)
    columns = list(rows[0].keys()) if rows else list(mandates.COLUMNS)
    print_rows(columns, [[r[c] for c in columns] for r in rows], fmt.value)


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("stats")
def stats_cli(
    store: Path = StoreOpt,
    fmt: StatsFormat = typer.Option(StatsFormat.table, "--format", help="Output format."),
) -> None:
    """Counts and network analytics of the store."""
    from . import analyse
    from .store import Store

    with _run(Store.existing, store) as st:
        result = _run(analyse.stats, st)
    if fmt == StatsFormat.json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        typer.echo(analyse.format_stats(result) if hasattr(analyse, "format_stats") else json.dumps(result, ensure_ascii=False, indent=2))


class View(str, Enum):
    overview = "overview"
    mandates = "mandates"
    citations = "citations"
    sponsors = "sponsors"


class LabelLang(str, Enum):
    zh = "zh"
    en = "en"


@app.command("viz")
def viz_cli(
    out: Path = typer.Option(..., "-o", "--output", help="HTML file to write."),
    store: Path = StoreOpt,
    view: View = typer.Option(View.overview, "--view", help="Which network to draw."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Draw the neighbourhood of this code or IRI."),
    depth: int = typer.Option(1, "--depth", min=1, max=5, help="Neighbourhood depth with --focus."),
    lang: LabelLang = typer.Option(LabelLang.en, "--lang", help="Language of the labels."),
) -> None:
    """Write an interactive network page that works offline."""
    from . import visualise
    from .store import Store

    with _run(Store.existing, store) as st:
        info = _run(visualise.render, st, out, view=view.value, focus=focus, depth=depth, lang=lang.value)
    typer.echo(f"{out}: {info['nodes']} nodes, {info['edges']} edges" + (f" ({info['left_out']} left out)" if info.get("left_out") else ""))


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


@app.command("export")
def export_cli(
    fmt: ExportFormat = typer.Option(..., "--format", help="Serialisation."),
    out: str = typer.Option(..., "-o", "--output", help="File to write, or - for stdout."),
    store: Path = StoreOpt,
    describe: bool = typer.Option(False, "--describe", help="Add a VoID/DCAT description of the dataset."),
) -> None:
    """Serialise the store (triple formats merge the graphs; quad formats keep them)."""
    from . import export
    from .store import Store

    with _run(Store.existing, store) as st:
        if out == "-":
            _run(export.export_store, st, fmt.value, sys.stdout.buffer, describe=describe)
            return
        target = Path(out)
        tmp = target.with_name(target.name + ".part")  # never leave a half-written output
        try:
            with open(tmp, "wb") as fh:
                _run(export.export_store, st, fmt.value, fh, describe=describe)
            tmp.replace(target)
        except OSError as exc:
            _fail(f"{out}: cannot write ({exc.strerror})")
        finally:
            tmp.unlink(missing_ok=True)
    typer.echo(f"{out}: written", err=True)


@app.command("validate")
def validate_cli(store: Path = StoreOpt) -> None:
    """SHACL validation of the store against ontology/shapes.ttl (exit 0 when it conforms)."""
    from . import validate
    from .store import Store

    with _run(Store.existing, store) as st:
        conforms, report = _run(validate.validate_store, st)
    if not conforms:
        typer.echo(report, err=True)
        _fail("the store does not conform to ontology/shapes.ttl")
    typer.echo("conforms")


@app.command("serve")
def serve_cli(
    store: Path = StoreOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7879, "--port", help="Port to listen on."),
) -> None:
    """Read-only SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql."""
    from . import serve

    server, url = _run(serve.make_server, store, host=host, port=port)
    typer.echo(f"SPARQL endpoint at {url} (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command("push")
def push_cli(
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL, e.g. http://localhost:7878/store."),
    store: Path = StoreOpt,
    user: Optional[str] = typer.Option(None, "--user", help="User for basic authentication."),
    password: Optional[str] = typer.Option(None, "--password", help="Password for basic authentication."),
) -> None:
    """Send each named graph to a remote store (one PUT ?graph=<IRI> per graph)."""
    from . import export
    from .store import Store

    with _run(Store.existing, store) as st:
        pushed = _run(export.push, st, endpoint, user=user, password=password)
    for graph_name, count in pushed:
        typer.echo(f"<{graph_name}>: {count} triples")


def main() -> None:
    app()
