"""Builds every file of data/ into a store; prints how many build without warnings, and the time it took.

    .venv/bin/python scripts/build_all.py STORE [--data DIR] [--warnings]

The Chinese report data/zh/A_74_400.txt is built with the symbol A/74/400 (the symbol is not in its text); every
English file (data/en/*.txt, data/en/ga-res-80/*.md) with the symbol its file name gives. Files are built with
`graph.pipeline.build_files`, the English ones in one call; when a call fails, its files are built again one by one
so the failing ones are named. Exit code 0 when every file built, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graph.pipeline import Built, build_files
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SYMBOLS = {"A_74_400.txt": "A/74/400"}  # files whose symbol is not in their name or text


def data_files(data: Path) -> list[tuple[Path, str | None]]:
    """(path, symbol to pass or None) for every input file, Chinese first."""
    zh = sorted((data / "zh").glob("*.txt"))
    en = sorted((data / "en").glob("*.txt")) + sorted((data / "en").glob("*/*.md"), key=_natural)
    return [(p, SYMBOLS.get(p.name)) for p in zh + en]


def _natural(p: Path) -> tuple:
    """A_RES_80_2 before A_RES_80_10."""
    return tuple(int(part) if part.isdigit() else part for part in p.stem.split("_"))


def build_batch(paths: list[Path], symbol: str | None, store: Store) -> tuple[list[Built], dict[str, str]]:
    """Builds `paths` in one call, or one by one after a failure; returns what was built and the errors by path."""
    try:
        return build_files(paths, store, symbol=symbol), {}
    except Exception as exc:  # noqa: BLE001 - any failure is reported per file below
        if len(paths) == 1:
            return [], {str(paths[0]): f"{type(exc).__name__}: {exc}"}
    built, errors = [], {}
    for p in paths:
        b, e = build_batch([p], symbol, store)
        built += b
        errors.update(e)
    return built, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="store directory (created if missing)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data directory (default: the project's)")
    parser.add_argument("--warnings", action="store_true", help="list every warning")
    args = parser.parse_args(argv)

    files = data_files(args.data)
    if not files:
        print(f"{args.data}: no input files", file=sys.stderr)
        return 1
    store = Store(args.store)
    start = time.perf_counter()
    built: list[Built] = []
    errors: dict[str, str] = {}
    with_symbol = [(p, s) for p, s in files if s]
    for p, s in with_symbol:
        b, e = build_batch([p], s, store)
        built += b
        errors.update(e)
    b, e = build_batch([p for p, s in files if not s], None, store)
    built += b
    errors.update(e)
    seconds = time.perf_counter() - start
    store.close()

    clean = [b for b in built if not b.warnings]
    for b in built:
        if b.warnings:
            print(f"{Path(b.path).name}: {len(b.warnings)} warning(s)")
            if args.warnings:
                for w in b.warnings:
                    print(f"    {w}")
    for path, message in errors.items():
        print(f"{Path(path).name}: FAILED {message}")
    total = len(files)
    print(
        f"{len(clean)}/{total} files built without warnings ({100 * len(clean) / total:.0f}%), "
        f"{len(built) - len(clean)} with warnings, {len(errors)} failed; "
        f"{sum(b.triples for b in built)} triples in {seconds:.1f} s ({seconds / total:.2f} s per file)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
