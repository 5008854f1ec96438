"""Times each export format and a push to a local Oxigraph server, for an existing store (it builds nothing).

    .venv/bin/python scripts/bench_export.py STORE [--repeat N] [--no-push]

Prints one line per format (size in bytes, best time in seconds over --repeat runs) and the push time. The Oxigraph
server is the venv's `oxigraph` console script, started on 127.0.0.1 with a temporary database and stopped at the end.
"""

from __future__ import annotations

import argparse
import io
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.export import FORMATS, export_store, push  # noqa: E402
from graph.store import Store  # noqa: E402


def best_of(repeat: int, action) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def export_once(store: Store, fmt: str) -> tuple[int, int]:
    buf = io.BytesIO()
    count = export_store(store, fmt, buf)
    return count, len(buf.getvalue())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_push(store: Store, repeat: int) -> None:
    exe = Path(sys.executable).with_name("oxigraph")
    binary = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not binary:
        print("push: skipped (no `oxigraph` server; pip install oxigraph)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc = subprocess.Popen([binary, "serve", "--location", tmp, "--bind", f"127.0.0.1:{port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    urlopen(base + "/", timeout=2).close()
                    break
                except URLError as exc:
                    if getattr(exc, "code", None):
                        break
                    if time.monotonic() > deadline or proc.poll() is not None:
                        print("push: skipped (oxigraph server did not start)")
                        return
                    time.sleep(0.2)
            seconds, pushed = best_of(repeat, lambda: push(store, base + "/store"))
            print(f"{'push':<10}{len(pushed):>8} graphs{sum(n for _, n in pushed):>12} triples{seconds:>10.3f} s")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-push", action="store_true")
    args = parser.parse_args()
    store = Store(args.store, read_only=True)
    print(f"store {args.store}: {len(store.graphs())} graphs, {store.count()} quads")
    print(f"{'format':<10}{'statements':>12}{'bytes':>14}{'seconds':>10}")
    for fmt in FORMATS:
        seconds, (count, size) = best_of(args.repeat, lambda: export_once(store, fmt))
        print(f"{fmt:<10}{count:>12}{size:>14}{seconds:>10.3f}")
    if not args.no_push:
        bench_push(store, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
