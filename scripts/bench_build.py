"""Times `unkg build` on the seed report, stage by stage, in a fresh store.

Usage: .venv/bin/python scripts/bench_build.py [FILE --symbol SYM] [--repeat N]
Prints seconds for: vocabulary load, spaCy pipeline build, segmentation, linking, actions, graph building,
store write, and the whole build (what `unkg build` does), plus the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from graph import actions, build, link, nlp, vocab
from graph.ingest import read_source
from graph.pipeline import build_files
from graph.segment import segment
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent


def stage(name: str, fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"{name:28} {time.perf_counter() - t0:7.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(ROOT / "data/zh/A_74_400.txt"))
    ap.add_argument("--symbol", default="A/74/400")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    t_all = time.perf_counter()
    voc = stage("vocabulary load", vocab.load)
    source = stage("read", read_source, a.file, symbol=a.symbol)
    stage("spaCy pipeline build", nlp.pipeline, source.lang, voc)
    doc = stage("segment", segment, source)
    links = stage("link (cites, mentions)", link.link_document, doc, voc)
    paragraphs = [p for t in doc.texts for p in t.paragraphs if p.kind == "operative"]
    stage("actions", lambda: [actions.find_actions(p, (), voc, source.lang) for p in paragraphs])
    kg = stage("build graph", build.build_graph, doc, links)
    print(f"{'(triples)':28} {len(kg):7d}")
    with tempfile.TemporaryDirectory() as tmp:
        st = Store(Path(tmp) / "store")
        stage("store write", st.replace_graph, "https://example.org/g", kg)
        st.close()
    print(f"{'stages, one process':28} {time.perf_counter() - t_all:7.2f} s")
    for k in range(a.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "store") as st:
                stage(f"whole build #{k + 1} (warm)", build_files, [a.file], st, symbol=a.symbol)
    print(f"{'peak memory':28} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MiB")


if __name__ == "__main__":
    main()
