#!/usr/bin/env python3
"""Renders every network view and screenshots it offline, for a human to look at.

    .venv/bin/python scripts/look.py [--store DIR] [--out DIR] [--rebuild]

Without --store it builds the seed report (data/zh/A_74_400.txt) into OUT/store with `unkg build`, once. Writes
OUT/<name>.html and OUT/<name>.png and prints what each page holds; exits 1 if a page logged errors, fetched anything
over the network or drew other counts than render() reported.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import analyse, visualise  # noqa: E402
from graph.store import Store  # noqa: E402
from tests import browser  # noqa: E402

SEED = ROOT / "data" / "zh" / "A_74_400.txt"


def build_seed(path: Path) -> None:
    """The seed store through the command line, as a user would build it."""
    cmd = [sys.executable, "-m", "graph", "build", str(SEED), "--symbol", "A/74/400", "--store", str(path)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"look: building the seed store failed:\n{done.stderr.strip()}")


def pages(st: Store) -> list[tuple[str, dict]]:
    """Each view, the zh labels, a capped page and the neighbourhood of the most addressed node."""
    out = [(view, {"view": view}) for view in ("overview", "mandates", "citations", "sponsors")]
    out.append(("overview-zh", {"view": "overview", "lang": "zh"}))
    out.append(("overview-capped", {"view": "overview", "max_nodes": 40}))
    mandates = analyse.load_network(st, view="mandates")
    targets = sorted((n for n in mandates if mandates.in_degree(n)), key=lambda n: (-mandates.in_degree(n), n))
    if targets:
        out.append(("focus-" + mandates.nodes[targets[0]]["code"].replace("/", "_"),
                    {"view": "overview", "focus": mandates.nodes[targets[0]]["code"], "depth": 1}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: build the seed report)")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "artifacts" / "look")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the seed store even if it exists")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store_path = args.store
    if store_path is None:
        store_path = args.out / "store"
        if args.rebuild and store_path.exists():
            shutil.rmtree(store_path)
        if not store_path.exists():
            build_seed(store_path)
    if browser.find_chromium() is None:
        sys.exit("look: chromium is not installed (Debian: apt-get install chromium; fonts-wqy-zenhei for zh labels)")
    st = Store(store_path, read_only=True)
    failed = 0
    for name, options in pages(st):
        page = args.out / f"{name}.html"
        info = visualise.render(st, page, **options)
        seen = browser.inspect(page, screenshot=args.out / f"{name}.png")
        problems = list(seen["errors"]) + [f"fetched {r}" for r in seen["resources"] if r.startswith("http")]
        problems += [f"remote reference {r}" for r in browser.remote_references(page.read_text(encoding="utf-8"))]
        if (seen.get("nodes"), seen.get("edges")) != (info["nodes"], info["edges"]):
            problems.append(f"browser drew {seen.get('nodes')} nodes / {seen.get('edges')} edges")
        failed += bool(problems)
        print(f"{name:<22} {info['nodes']:>4} nodes {info['edges']:>5} edges  left out {info['left_out']:>4}  "
              f"{'OK' if not problems else 'PROBLEMS: ' + '; '.join(problems)}  {args.out / (name + '.png')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
