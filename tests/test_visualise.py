"""visualise.render against the seed store: counts from SPARQL, an offline page, and headless Chromium."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from graph import visualise
from graph.errors import UnkgError
from tests import browser
from tests.test_analyse import PREFIXES, VIEWS, expected_edges

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BIG = 100_000  # a cap no view of the seed reaches


def page_data(path: Path) -> dict:
    """The node and edge records the page hands to vis-network."""
    found = re.search(r'<script type="application/json" id="unkg-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    assert found, "no data block in the page"
    return json.loads(found.group(1))


def undirected_neighbours(edges: set[tuple[str, str, str]], centre: str) -> set[str]:
    return {v for u, v, _ in edges if u == centre} | {u for u, v, _ in edges if v == centre}


@pytest.fixture(scope="module")
def pages(seed_store, tmp_path_factory):
    """Every view rendered once, uncapped: {view: (path, render's answer)}."""
    out = tmp_path_factory.mktemp("pages")
    return {view: (out / f"{view}.html", visualise.render(seed_store, out / f"{view}.html", view=view, max_nodes=BIG))
            for view in VIEWS}


@pytest.mark.parametrize("view", list(VIEWS))
def test_counts_match_sparql_and_page(seed_store, pages, view):
    path, info = pages[view]
    expected = expected_edges(seed_store, view)
    nodes = {e[0] for e in expected} | {e[1] for e in expected}
    assert (info["nodes"], info["edges"], info["left_out"], info["left_out_edges"]) == (len(nodes), len(expected), 0, 0)
    data = page_data(path)
    assert {n["id"] for n in data["nodes"]} == nodes
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(u, v) for u, v, _ in expected}
    assert len(data["edges"]) == len(expected) and len({e["id"] for e in data["edges"]}) == len(expected)
    assert f"Showing {len(nodes)} nodes and {len(expected)} edges" in path.read_text("utf-8")


@pytest.mark.parametrize("view", list(VIEWS))
def test_positions_from_networkx_and_physics_only_for_small_pages(pages, view):
    data = page_data(pages[view][0])
    assert all(isinstance(n["x"], (int, float)) and isinstance(n["y"], (int, float)) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is (len(data["nodes"]) <= visualise.PHYSICS_MAX)


@pytest.mark.parametrize("view", list(VIEWS))
def test_page_needs_no_network(pages, view):
    text = pages[view][0].read_text("utf-8")
    assert browser.remote_references(text) == []
    assert not re.search(r"<script[^>]*\bsrc=", text, re.I)
    assert not re.search(r"<link\b", text, re.I)
    assert "bootstrap" not in text.lower() and "sourceMappingURL" not in text
    assert "vis.Network" in text and "vis-network" in text  # the library is inlined


def test_legend_names_every_class_and_relation_on_the_page(pages):
    path, _ = pages["overview"]
    text = path.read_text("utf-8")
    legend = re.search(r'<aside id="unkg-legend">(.*?)</aside>', text, re.S).group(1)
    data = page_data(path)
    for kind in {n["kind"] for n in data["nodes"]}:
        assert f'data-kind="{kind}"' in legend
    for relation in {e["relation"] for e in data["edges"]}:
        assert f'data-relation="{html.escape(relation)}"' in legend
    colours = {n["kind"]: (n["color"], n["shape"]) for n in data["nodes"]}
    assert len(set(colours.values())) == len(colours)  # one look per class


def test_hover_texts(pages):
    data = page_data(pages["mandates"][0])
    for node in data["nodes"]:
        assert node["code"] in node["title"]
    with_evidence = [e for e in data["edges"] if "paragraph" in e["title"]]
    assert with_evidence
    for edge in with_evidence:
        assert re.search(r"• \S+ ¶ \d+", edge["title"]), edge["title"]
    data = page_data(pages["citations"][0])
    assert all("cites" in e["title"] for e in data["edges"])


def test_output_is_deterministic(seed_store, pages, tmp_path):
    for view in ("overview", "sponsors"):
        again = tmp_path / f"{view}.html"
        visualise.render(seed_store, again, view=view, max_nodes=BIG)
        assert again.read_bytes() == pages[view][0].read_bytes()


def test_focus_keeps_the_neighbourhood(seed_store, tmp_path):
    edges = expected_edges(seed_store, "overview")
    degree = {}
    for u, v, _ in edges:
        degree[v] = degree.get(v, 0) + 1
    rows = seed_store.select(PREFIXES + "SELECT ?n ?c WHERE { ?n skos:notation ?c }").rows
    code_of = {str(n): str(c) for n, c in rows}
    centre = max((n for n in degree if n in code_of), key=lambda n: (degree[n], n))
    near = undirected_neighbours(edges, centre) | {centre}
    near_edges = {e for e in edges if e[0] in near and e[1] in near}
    by_code = visualise.render(seed_store, tmp_path / "code.html", focus=code_of[centre], depth=1, max_nodes=BIG)
    by_iri = visualise.render(seed_store, tmp_path / "iri.html", focus=centre, depth=1, max_nodes=BIG)
    assert by_code == by_iri
    assert (by_code["nodes"], by_code["edges"]) == (len(near), len(near_edges))
    assert {n["id"] for n in page_data(tmp_path / "code.html")["nodes"]} == near
    two = set(near)
    for n in near:
        two |= undirected_neighbours(edges, n)
    deeper = visualise.render(seed_store, tmp_path / "two.html", focus=centre, depth=2, max_nodes=BIG)
    assert deeper["nodes"] == len(two)


def test_unknown_focus_names_the_code(seed_store, tmp_path):
    with pytest.raises(UnkgError, match="NO-SUCH-CODE"):
        visualise.render(seed_store, tmp_path / "x.html", focus="NO-SUCH-CODE")
    assert not (tmp_path / "x.html").exists()


def test_bad_arguments_are_domain_errors(seed_store, tmp_path):
    with pytest.raises(UnkgError, match="pictures"):
        visualise.render(seed_store, tmp_path / "x.html", view="pictures")
    with pytest.raises(UnkgError):
        visualise.render(seed_store, tmp_path / "x.html", max_nodes=0)


def test_cap_keeps_the_best_connected_and_says_what_is_left_out(seed_store, pages, tmp_path):
    edges = expected_edges(seed_store, "overview")
    full = page_data(pages["overview"][0])
    total = len(full["nodes"])
    info = visualise.render(seed_store, tmp_path / "capped.html", view="overview", max_nodes=25)
    assert info["nodes"] == 25 and info["left_out"] == total - 25
    data = page_data(tmp_path / "capped.html")
    kept = {n["id"] for n in data["nodes"]}
    assert info["edges"] == len(data["edges"]) == len({e for e in edges if e[0] in kept and e[1] in kept})
    assert info["left_out_edges"] == len(edges) - info["edges"]
    degree = {n: sum(1 for e in edges if n in e[:2]) for n in {e[0] for e in edges} | {e[1] for e in edges}}
    assert min(degree[n] for n in kept) >= max(degree[n] for n in degree if n not in kept)
    assert all(isinstance(n.get("x"), (int, float)) and isinstance(n.get("y"), (int, float)) for n in data["nodes"])
    text = (tmp_path / "capped.html").read_text("utf-8")
    assert f"Showing 25 nodes and {info['edges']} edges of {total} nodes and {len(edges)} edges" in text
    assert f"{info['left_out']} least-connected nodes" in text


@pytest.mark.skipif(browser.find_chromium() is None, reason="chromium not installed (apt-get install chromium)")
@pytest.mark.parametrize("view", list(VIEWS))
def test_page_in_headless_chromium(seed_store, tmp_path, view):
    """The page as `unkg viz` writes it runs offline without errors, and vis draws what render() reported."""
    path = tmp_path / f"{view}.html"
    info = visualise.render(seed_store, path, view=view)
    seen = browser.inspect(path, screenshot=ARTIFACTS / f"{view}.png")
    assert seen["errors"] == []
    assert seen["network"] is True
    assert seen["exercised"] is True and seen["selected"]  # legend toggles, clicks and the find box ran
    assert seen["nodes"] == seen["drawn_nodes"] == seen["data_nodes"] == info["nodes"]
    assert seen["edges"] == seen["drawn_edges"] == seen["data_edges"] == info["edges"]
    assert seen["titles"] == info["nodes"] + info["edges"]
    assert [r for r in seen["resources"] if not r.startswith(("file:", "data:"))] == []
    assert Path(seen["screenshot"]).stat().st_size > 10_000
