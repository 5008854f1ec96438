"""Store -> one self-contained, offline pyvis/vis-network page (`unkg viz`).

pyvis 0.3.2's template pulls Bootstrap and vis-network from CDNs even with cdn_resources="in_line" (upstream issues
#228/#229), so pyvis only builds the node and edge records here and the page is our own: the vis-network script and
stylesheet that pyvis ships are inlined, nothing is fetched, and the page must work with no network.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from string import Template

import networkx as nx
import numpy as np
import pyvis
from pyvis.network import Network

from . import analyse
from .errors import NotFound, OutputError, QueryError
from .store import Store

VIEW_TITLES = {
    "overview": "Overview: documents, what they cite, whom they mention and ask",
    "mandates": "Mandates: who is asked to act, by which resolution",
    "citations": "Citations: documents and the instruments and resolutions they cite",
    "sponsors": "Sponsors: Member States and the draft resolutions they (co-)sponsored",
    "all": "All relations",
}
# kind -> (colour, vis shape, legend text, singular, plural); documents are squares, concepts other shapes.
NODE_STYLE = {
    "Report": ("#1b3a6b", "square", "Report", "report", "reports"),
    "DraftResolution": ("#2f6fc0", "square", "Draft resolution", "draft resolution", "draft resolutions"),
    "Resolution": ("#86b6ea", "square", "Resolution", "resolution", "resolutions"),
    "Document": ("#a9b4c2", "square", "Other document", "other document", "other documents"),
    "Instrument": ("#e07b00", "diamond", "Instrument (treaty, declaration, rules)", "instrument", "instruments"),
    "Publication": ("#c9a100", "triangle", "Publication", "publication", "publications"),
    "Body": ("#2a9d59", "dot", "Body, office or official", "body", "bodies"),
    "MemberState": ("#8a4fbf", "hexagon", "Member State", "Member State", "Member States"),
    "Group": ("#d1497b", "triangleDown", "Group of actors", "group", "groups"),
    "Other": ("#999999", "dot", "Other", "other", "others"),
}
# relation or action type -> (colour, dashed, legend text)
EDGE_STYLE = {
    "cites": ("#a0783c", False, "cites"),
    "mentions": ("#bdbdbd", True, "mentions"),
    "hasPart": ("#1b3a6b", True, "contains (report → draft)"),
    "sponsor": ("#6a3d9a", False, "sponsored (State → draft)"),
    "coSponsor": ("#c6a9e0", True, "co-sponsored (State → draft)"),
    "requests": ("#d62728", False, "requests"),
    "invites": ("#1f77b4", False, "invites"),
    "urges": ("#ff7f0e", False, "urges"),
    "calls-upon": ("#e377c2", False, "calls upon"),
    "encourages": ("#2ca02c", False, "encourages"),
    "recommends": ("#17becf", False, "recommends"),
    "decides": ("#8c564b", False, "decides"),
}
OTHER_ACTION = ("#7f7f7f", False, "other action")
EVIDENCE_SHOWN = 6
SIZE = (8, 40)  # node size range in pixels, by degree
PHYSICS_MAX = 300  # above this many nodes the page draws the networkx layout as it is
SPRING_MAX = 499  # networkx's spring layout needs scipy from 500 nodes on
PHYSICS_SEED = 7


def _edge_style(data: dict) -> tuple[str, bool, str]:
    if data["relation"] == "action":
        colour, dashed, text = EDGE_STYLE.get(data["action_type"], OTHER_ACTION)
        return colour, dashed, text if data["action_type"] in EDGE_STYLE else data["action_type"].replace("-", " ")
    return EDGE_STYLE[data["relation"]]


def _edge_name(data: dict) -> str:
    return data["action_type"] if data["relation"] == "action" else data["relation"]


def _resolve_focus(store: Store, nxg: nx.MultiDiGraph, focus: str) -> str:
    """The node a --focus value names: an IRI, a code or symbol (exact, then case-insensitive)."""
    if focus in nxg:
        return focus
    for exact in (True, False):
        hits = sorted(n for n, d in nxg.nodes(data=True)
                      if (d["code"] == focus if exact else d["code"].casefold() == focus.casefold()))
        if hits:
            return hits[0]
    literal = json.dumps(focus, ensure_ascii=False)
    known = f"{{ ?n skos:notation ?c }} UNION {{ ?n dcterms:identifier ?c }} FILTER(str(?c) = {literal})"
    if re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*", focus, re.I):
        known += f" }} UNION {{ <{focus}> ?p ?o"
    in_store = store.select(analyse.PREFIXES + f"ASK {{ {{ {known} }} }}").rows[0][0].toPython()
    view = nxg.graph["view"]
    if in_store:
        raise NotFound(f"focus {focus!r} has no links in the {view} view (try another --view)")
    raise NotFound(f"unknown focus {focus!r}: no document symbol, code or IRI in the store matches it")


def _induced(nxg: nx.MultiDiGraph, nodes) -> nx.MultiDiGraph:
    """A sorted copy of the subgraph on `nodes` (subgraph views iterate in set order, which varies per process)."""
    keep = set(nodes)
    sub = nx.MultiDiGraph(**nxg.graph)
    sub.add_nodes_from((n, nxg.nodes[n]) for n in sorted(keep))
    sub.add_edges_from(sorted(((u, v, k, d) for u, v, k, d in nxg.edges(keys=True, data=True)
                               if u in keep and v in keep), key=lambda e: e[:3]))
    return sub


def _cap(nxg: nx.MultiDiGraph, max_nodes: int, keep: str | None) -> nx.MultiDiGraph:
    """The `max_nodes` best-connected nodes (the focus always stays), ties broken by IRI."""
    if nxg.number_of_nodes() <= max_nodes:
        return nxg
    order = sorted(nxg.nodes, key=lambda n: (n != keep, -nxg.degree(n), n))
    return _induced(nxg, order[:max_nodes])


def _layout(nxg: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Seeded spring layout in pixels, then overlaps pushed apart: the page looks the same on every build.

    networkx needs scipy for a spring layout of 500 nodes or more, so beyond that the best-connected 499 are laid
    out and each other node is put beside its placed neighbours (they are leaves by then).
    """
    if not nxg:
        return {}
    order = sorted(nxg)
    pairs = sorted({tuple(sorted((u, v))) for u, v in nxg.edges() if u != v})
    core = set(sorted(order, key=lambda n: (-nxg.degree(n), n))[:SPRING_MAX])
    simple = nx.Graph()
    simple.add_nodes_from(n for n in order if n in core)
    simple.add_edges_from((u, v) for u, v in pairs if u in core and v in core)
    pos = {n: np.asarray(p) for n, p in
           nx.spring_layout(simple, seed=42, k=1.5 / math.sqrt(len(simple)), iterations=100).items()}
    golden = math.pi * (3 - math.sqrt(5))
    for i, n in enumerate(sorted(set(order) - core, key=lambda n: (-nxg.degree(n), n))):
        placed = [pos[m] for m in sorted(set(nxg.predecessors(n)) | set(nxg.successors(n))) if m in pos]
        centre, reach = (np.mean(placed, axis=0), 0.08) if placed else (np.zeros(2), 1.2)
        pos[n] = centre + reach * np.array([math.cos(i * golden), math.sin(i * golden)])
    xy = np.array([pos[n] for n in order], dtype=float) * 60 * math.sqrt(len(order))
    value = np.array([_value(nxg, n) for n in order], dtype=float)
    span = max(value.max() - value.min(), 1.0)
    size = SIZE[0] + (value - value.min()) / span * (SIZE[1] - SIZE[0])  # the sizes vis will draw
    text = np.array([len(_caption(nxg.nodes[n])) for n in order], dtype=float)
    xy = _spread(xy, np.maximum(size + 12, text * 3.5))
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(order, xy)}


def _spread(xy: np.ndarray, radius: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Moves overlapping discs apart (hubs that share neighbours otherwise pile up in the middle)."""
    reach = radius[:, None] + radius[None, :]
    for _ in range(rounds):
        dx = xy[:, 0][:, None] - xy[:, 0][None, :]
        dy = xy[:, 1][:, None] - xy[:, 1][None, :]
        dist = np.hypot(dx, dy)
        np.fill_diagonal(dist, np.inf)
        push = np.clip(reach - dist, 0, None) / (2 * np.maximum(dist, 1e-6))
        if not push.any():
            break
        xy = xy + np.stack([(dx * push).sum(1), (dy * push).sum(1)], axis=1)
    return xy


def _value(nxg: nx.MultiDiGraph, node: str) -> float:
    """Size by the square root of the degree: mid-sized hubs (a draft with 20 citations) keep a readable label."""
    return round(math.sqrt(max(nxg.degree(node), 1)), 3)


def _caption(data: dict) -> str:
    """What is written under a node: symbols for documents, short labels or else codes for concepts."""
    if data["kind"] in analyse.DOCUMENT_KINDS:
        return data["code"]
    label = data["label"]
    wide = sum(1 for ch in label if ord(ch) > 0x2E80)
    return label if len(label) + wide <= 24 else data["code"]


def _summary(nxg: nx.MultiDiGraph, node: str) -> list[str]:
    """Per relation: how many paragraphs (or links, for sponsorship) join this node to how many others."""
    lines = []
    sides = (("←", "from", nxg.in_edges(node, data=True)), ("→", "to", nxg.out_edges(node, data=True)))
    for arrow, side, edges in sides:
        weight: Counter = Counter()
        others: dict[str, set] = defaultdict(set)
        cited: set[str] = set()
        for src, dst, data in edges:
            name = _edge_style(data)[2]
            weight[name] += data["weight"]
            others[name].add(src if side == "from" else dst)
            if data["evidence"]:
                cited.add(name)
        for name in sorted(weight):
            unit = "paragraph" if name in cited else "link"
            lines.append(f"{arrow} {name}: {_plural(weight[name], unit)} {side} {_plural(len(others[name]), 'node')}")
    return lines


def _node_title(nxg: nx.MultiDiGraph, node: str) -> str:
    data = nxg.nodes[node]
    head = NODE_STYLE.get(data["kind"], NODE_STYLE["Other"])[2].split(" (")[0]
    if data["subkind"]:
        head += f" · {data['subkind']}"
    lines = [head, data["code"]]
    lines += [f"{lang}: {data['labels'][lang]}" for lang in ("en", "zh") if data["labels"].get(lang)]
    if data["title"]:
        lines.append(f"title: {data['title']}")
    if data["kind"] in analyse.DOCUMENT_KINDS:
        lines.append("its text is in the store" if data["has_text"] else "only cited: its text is not in the store")
    lines.append(data["iri"])
    lines.append(f"In this page: {nxg.in_degree(node)} links in, {nxg.out_degree(node)} out")
    return "\n".join(lines + _summary(nxg, node))


def _edge_title(nxg: nx.MultiDiGraph, src: str, dst: str, data: dict) -> str:
    name = _edge_style(data)[2]
    lines = [f"{nxg.nodes[src]['code']} —{name}→ {nxg.nodes[dst]['code']}"]
    evidence = data["evidence"]
    if evidence:
        lines.append(f"{len(evidence)} paragraph{'s' if len(evidence) != 1 else ''}:")
    for ev in evidence[:EVIDENCE_SHOWN]:
        where = f"¶ {ev['position']}" if ev["position"] is not None else ev["paragraph"].rsplit("/", 1)[-1]
        if ev["number"] is not None:
            where += f" (operative {ev['number']})"
        lines.append(f"• {ev['symbol']} {where}: {ev['text']}")
    if len(evidence) > EVIDENCE_SHOWN:
        lines.append(f"… and {len(evidence) - EVIDENCE_SHOWN} more paragraphs")
    return "\n".join(lines)


def _pyvis(nxg: nx.MultiDiGraph, positions: dict) -> Network:
    """Node and edge records: colour and shape by class, size by degree, parallel edges bent apart."""
    net = Network(directed=True, cdn_resources="in_line")
    for node in sorted(nxg.nodes):
        data = nxg.nodes[node]
        colour, shape, *_ = NODE_STYLE.get(data["kind"], NODE_STYLE["Other"])
        extra = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        net.add_node(node, label=_caption(data), shape=shape, color=colour, value=_value(nxg, node),
                     title=_node_title(nxg, node), kind=data["kind"], code=data["code"],
                     name=data["label"], **extra)
    seen: Counter = Counter()
    for src, dst, key in sorted(nxg.edges(keys=True)):
        data = nxg.edges[src, dst, key]
        colour, dashed, name = _edge_style(data)
        pair = tuple(sorted((src, dst)))
        k = seen[pair]
        seen[pair] += 1
        smooth = {"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.15 * ((k + 1) // 2)}
        net.add_edge(src, dst, id=f"{src} {key} {dst}", color={"color": colour, "highlight": colour, "opacity": 0.75},
                     dashes=dashed, value=data["weight"], title=_edge_title(nxg, src, dst, data),
                     relation=_edge_name(data), smooth=smooth if k else {"enabled": False})
    return net


def _options(physics: bool, n: int) -> dict:
    """vis-network options: physics only settles a networkx start layout, then stops (see the page script)."""
    label_max = max(20, min(48, 14 + n // 4))  # big hub labels only where the fitted page is zoomed far out
    return {
        "nodes": {"scaling": {"min": SIZE[0], "max": SIZE[1],
                              # hubs get big labels, so the documents and main bodies read when the page is fitted
                              "label": {"enabled": True, "min": 14, "max": label_max, "drawThreshold": 6,
                                        "maxVisible": label_max}},
                  "font": {"size": 15, "face": "DejaVu Sans, WenQuanYi Zen Hei, sans-serif", "color": "#222222",
                           "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.45}}, "scaling": {"min": 1, "max": 6},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n > 150, "keyboard": False},
        "layout": {"randomSeed": PHYSICS_SEED, "improvedLayout": False},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.01,
                                         "springLength": 140, "springConstant": 0.05, "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
    }


def _legend(nxg: nx.MultiDiGraph) -> str:
    """HTML legend of the classes and relations on the page, with counts; a click on an entry hides or shows it."""
    kinds = Counter(d["kind"] for _, d in nxg.nodes(data=True))
    rels: Counter = Counter()
    styles = {}
    for *_, data in nxg.edges(data=True):
        rels[_edge_name(data)] += 1
        styles[_edge_name(data)] = _edge_style(data)
    out = ["<h2>Nodes</h2><ul>"]
    for kind in (k for k in NODE_STYLE if kinds[k]):
        colour, shape, text, *_ = NODE_STYLE[kind]
        out.append(f'<li data-kind="{kind}" title="click to hide or show">{_swatch(shape, colour)}'
                   f'<span>{html.escape(text)} ({kinds[kind]})</span></li>')
    out.append("</ul><h2>Links</h2><ul>")
    order = list(EDGE_STYLE)
    for name in sorted(rels, key=lambda r: (order.index(r) if r in order else len(order), r)):
        colour, dashed, text = styles[name]
        dash = ' stroke-dasharray="5,3"' if dashed else ""
        out.append(f'<li data-relation="{html.escape(name)}" title="click to hide or show">'
                   f'<svg width="28" height="12"><line x1="1" y1="6" x2="27" y2="6" stroke="{colour}" '
                   f'stroke-width="3"{dash}/></svg><span>{html.escape(text)} ({rels[name]})</span></li>')
    out.append('</ul><p class="note">Node size: number of links. Line width: number of paragraphs. '
               "Click an entry to hide or show it; click a node to dim everything it is not linked to.</p>")
    return "".join(out)


def _swatch(shape: str, colour: str) -> str:
    points = {"diamond": "8,1 15,8 8,15 1,8", "triangle": "8,1 15,15 1,15", "triangleDown": "1,1 15,1 8,15",
              "hexagon": "4,1 12,1 16,8 12,15 4,15 0,8"}
    if shape == "square":
        body = f'<rect x="2" y="2" width="12" height="12" fill="{colour}"/>'
    elif shape in points:
        body = f'<polygon points="{points[shape]}" fill="{colour}"/>'
    else:
        body = f'<circle cx="8" cy="8" r="6.5" fill="{colour}"/>'
    return f'<svg width="16" height="16">{body}</svg>'


def _assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped in the pyvis package, source-map comment removed."""
    root = Path(pyvis.__file__).parent
    for lib in (root / "templates" / "lib" / "vis-9.1.2", root / "lib" / "vis-9.1.2"):
        if (lib / "vis-network.min.js").is_file():
            js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
            css = (lib / "vis-network.css").read_text(encoding="utf-8")
            strip = re.compile(r"/[/*]# sourceMappingURL=\S*( \*/)?")
            return strip.sub("", js), strip.sub("", css)
    raise FileNotFoundError(f"vis-network 9.1.2 is missing from the pyvis package at {root}")


def _counts(full: nx.MultiDiGraph, shown: nx.MultiDiGraph, centre: str | None, depth: int) -> str:
    """The page's first line: what it shows and, when capped, what it leaves out."""
    text = f"Showing {_plural(len(shown), 'node')} and {_plural(shown.number_of_edges(), 'edge')}"
    if centre is not None:
        text += f" within {_plural(depth, 'link')} of {html.escape(full.nodes[centre]['code'])}"
    if len(shown) < len(full):
        gone = Counter(d["kind"] for n, d in full.nodes(data=True) if n not in shown)
        kinds = ", ".join(f"{v} {NODE_STYLE.get(k, NODE_STYLE['Other'])[3 + (v > 1)]}"
                          for k, v in sorted(gone.items(), key=lambda kv: (-kv[1], kv[0])))
        text += (f" of {len(full)} nodes and {full.number_of_edges()} edges. Left out: the "
                 f"{_plural(len(full) - len(shown), 'least-connected node')} ({html.escape(kinds)}) and "
                 f"{_plural(full.number_of_edges() - shown.number_of_edges(), 'edge')}. "
                 "To see them, draw a neighbourhood: unkg viz --focus CODE")
    return text + "."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(store: Store, out_path: Path | str, *, view: str = "overview", focus: str | None = None, depth: int = 1,
           lang: str = "en", max_nodes: int = 300) -> dict:
    """Writes the page for one view; returns {"nodes", "edges" (drawn), "left_out", "left_out_edges" (not drawn)}.

    With `focus` only the nodes within `depth` links of it are drawn. Beyond `max_nodes` the best-connected nodes
    are kept and the page says what was left out. Positions come from a seeded networkx layout; vis-network's physics
    only settles pages of up to PHYSICS_MAX nodes and is off above that.

    Raises:
        QueryError: unknown view, or depth < 0 / max_nodes < 1.
        NotFound: the focus is not in the store (or has no links in this view).
        OutputError: the page cannot be written.
    """
    if depth < 0 or max_nodes < 1:
        raise QueryError(f"depth must be >= 0 and max_nodes >= 1 (got depth={depth}, max_nodes={max_nodes})")
    full = analyse.load_network(store, view=view, lang=lang)
    centre = None
    if focus is not None:
        centre = _resolve_focus(store, full, focus)
        full = _induced(full, nx.ego_graph(full, centre, radius=depth, undirected=True).nodes)
    shown = _cap(full, max_nodes, centre)
    left_out = {"nodes": len(full) - len(shown), "edges": full.number_of_edges() - shown.number_of_edges()}
    net = _pyvis(shown, _layout(shown))
    names = "".join(f'<option value="{html.escape(n["code"])}">{html.escape(n["name"])}</option>'
                    for n in sorted(net.nodes, key=lambda n: n["code"]))
    counts = _counts(full, shown, centre, depth)
    physics = len(net.nodes) <= PHYSICS_MAX
    payload = {"nodes": net.nodes, "edges": net.edges, "options": _options(physics, len(net.nodes)),
               "meta": {"view": view, "lang": lang, "focus": centre, "depth": depth, "nodes": len(net.nodes),
                        "edges": len(net.edges), "left_out": left_out}}
    js, css = _assets()
    page = PAGE.substitute(
        lang=html.escape(lang), title=html.escape(VIEW_TITLES[view]), view=html.escape(view), counts=counts,
        legend=_legend(shown), names=names, vis_js=js, vis_css=css,
        data=json.dumps(payload, ensure_ascii=False, sort_keys=True).replace("</", "<\\/"))
    out = Path(out_path)
    tmp = out.with_name(out.name + ".part")  # written whole, then renamed: never a half-written page
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write the page ({exc.strerror or exc})") from exc
    return {"nodes": len(net.nodes), "edges": len(net.edges), "left_out": left_out["nodes"],
            "left_out_edges": left_out["edges"]}


PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>unkg · $view</title>
<style>$vis_css</style>
<style>
  html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", "WenQuanYi Zen Hei", system-ui, sans-serif; }
  body { display: flex; flex-direction: column; color: #222; }
  header { padding: 8px 14px; border-bottom: 1px solid #ddd; background: #f7f8fa; }
  header h1 { font-size: 17px; margin: 0 0 3px 0; }
  header p { margin: 2px 0; font-size: 13px; }
  header .hint { color: #666; }
  main { flex: 1; display: flex; min-height: 0; }
  #unkg-legend { width: 250px; padding: 6px 12px; border-right: 1px solid #ddd; overflow-y: auto; font-size: 13px; }
  #unkg-legend h2 { font-size: 13px; margin: 8px 0 4px; text-transform: uppercase; color: #555; }
  #unkg-legend ul { list-style: none; margin: 0; padding: 0; }
  #unkg-legend li { display: flex; align-items: center; gap: 7px; margin: 3px 0; cursor: pointer; user-select: none; }
  #unkg-legend .note { color: #666; font-size: 12px; }
  #unkg-legend li.off { opacity: 0.35; text-decoration: line-through; }
  header .find { margin-top: 4px; }
  #unkg-find.miss { background: #fde2e2; }
  #mynetwork { flex: 1; position: relative; }
  div.vis-tooltip { white-space: normal; font-family: inherit; font-size: 12px; max-width: 520px; }
  .unkg-tip { white-space: pre-wrap; }
</style>
<script>$vis_js</script>
</head>
<body data-view="$view">
<header>
  <h1>unkg · $title</h1>
  <p id="unkg-counts">$counts</p>
  <p class="find"><label>Find <input id="unkg-find" list="unkg-names" placeholder="code, symbol or name"
    size="28"></label><datalist id="unkg-names">$names</datalist></p>
  <p class="hint">Hover a node or link for details (a link lists the paragraphs it comes from). Drag to move,
  scroll to zoom (small labels appear as you zoom in), click a node to highlight its neighbours, click empty space
  to reset.</p>
</header>
<main>
  <aside id="unkg-legend">$legend</aside>
  <div id="mynetwork"></div>
</main>
<script type="application/json" id="unkg-data">$data</script>
<script>
  var network;
  (function () {
    var data = JSON.parse(document.getElementById("unkg-data").textContent);
    function tip(text) {
      var div = document.createElement("div");
      div.className = "unkg-tip";
      div.textContent = text;
      return div;
    }
    data.nodes.forEach(function (n) { n.title = tip(n.title); });
    data.edges.forEach(function (e) { e.title = tip(e.title); });
    var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
    network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, data.options);
    network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });
    if (!data.options.physics.enabled) { network.fit(); }

    var hidden = {kind: {}, relation: {}};
    function visible(item, field) { return !hidden[field][item[field]]; }
    function restyle(centre) {
      var near = null, nearEdges = null;
      if (centre !== null) {
        near = {}; nearEdges = {};
        near[centre] = true;
        network.getConnectedNodes(centre).forEach(function (id) { near[id] = true; });
        network.getConnectedEdges(centre).forEach(function (id) { nearEdges[id] = true; });
      }
      nodes.update(data.nodes.map(function (n) {
        var dim = near !== null && !near[n.id];
        return {id: n.id, hidden: !visible(n, "kind"), color: dim ? "#e4e4e4" : n.color,
                font: {color: dim ? "#c8c8c8" : "#222222"}};
      }));
      edges.update(data.edges.map(function (e) {
        var dim = nearEdges !== null && !nearEdges[e.id];
        return {id: e.id, hidden: !visible(e, "relation"),
                color: dim ? {color: "#eeeeee", opacity: 0.4} : e.color};
      }));
    }
    network.on("click", function (p) { restyle(p.nodes.length ? p.nodes[0] : null); });
    document.querySelectorAll("#unkg-legend li").forEach(function (li) {
      li.addEventListener("click", function () {
        var field = li.dataset.kind ? "kind" : "relation", value = li.dataset.kind || li.dataset.relation;
        hidden[field][value] = !hidden[field][value];
        li.classList.toggle("off", hidden[field][value]);
        restyle(null);
      });
    });
    document.getElementById("unkg-find").addEventListener("change", function (ev) {
      var q = ev.target.value.trim().toLowerCase();
      var hit = data.nodes.filter(function (n) { return n.code.toLowerCase() === q || n.id === ev.target.value; })[0]
        || data.nodes.filter(function (n) { return (n.code + " " + n.name).toLowerCase().indexOf(q) >= 0; })[0];
      if (!hit) { ev.target.classList.add("miss"); return; }
      ev.target.classList.remove("miss");
      network.selectNodes([hit.id]);
      network.focus(hit.id, {scale: 1.3});
      restyle(hit.id);
    });
  })();
</script>
</body>
</html>
""")
