"""Precision, recall and F1 of linking (and clause analysis, when graph/actions.py exists) against gold readings.

Usage:
    python scripts/evaluate.py [--gold tests/gold/A_74_400.zh.tsv ...] [--relation cites|mentions|type|action|
        action+addressee] [--errors]

Builds nothing in the store. The gold file name names the data file: `A_74_400.zh.tsv` -> `data/zh/A_74_400.txt`
(symbol A/74/400); `X.en.tsv` -> `data/en/X.txt` or `data/en/ga-res-80/X.md`. Only paragraphs with gold rows are
scored. Gold `cites` values are codes, normalised symbols or `title:<label>`; predictions are compared the same way.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELATIONS = ("cites", "mentions", "type", "action", "action+addressee")


def data_file(gold: Path) -> tuple[Path, str, str]:
    """(data path, symbol, lang) for a gold file."""
    stem, lang = gold.name.rsplit(".", 2)[0], gold.name.rsplit(".", 2)[1]
    candidates = [ROOT / "data" / lang / f"{stem}.txt", ROOT / "data" / lang / "ga-res-80" / f"{stem}.md"]
    path = next((c for c in candidates if c.exists()), candidates[0])
    return path, stem.replace("_", "/"), lang


def read_gold(path: Path) -> dict[tuple[int, int], dict[str, list]]:
    """(text, position) -> relation -> values (actions as (type, addressees) in order)."""
    out: dict[tuple[int, int], dict[str, list]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        key = (int(cols[0]), int(cols[1]))
        rel, value, detail = cols[2], cols[3], cols[4] if len(cols) > 4 else ""
        rows = out.setdefault(key, {})
        if rel == "action":
            m = re.search(r"addressees=([^;]*)", detail)
            rows.setdefault("action", []).append((value, frozenset(x for x in (m.group(1) if m else "").split(",") if x)))
        else:
            rows.setdefault(rel, []).append(value)
    return out


def _code(hit) -> str:
    e = hit.entity
    return e.code if e.linked and e.code else f"title:{e.label}"


def predict(path: Path, symbol: str, lang: str):
    """Paragraphs by (text, position) and what the pipeline says about each."""
    from graph import link, vocab
    from graph.ingest import read_source
    from graph.segment import segment

    doc = segment(read_source(path, lang=lang, symbol=symbol))
    voc = vocab.load()
    links = link.link_document(doc, voc)
    actions = importlib.import_module("graph.actions") if importlib.util.find_spec("graph.actions") else None
    paras = {(t.ordinal or 0, p.position): p for t in doc.texts for p in t.paragraphs}
    paras.update({(0, p.position): p for p in doc.report_paragraphs})
    code_of = {c.iri: c.code for c in voc.concepts}
    out = {}
    for pl in links.paragraphs:
        p = paras[(pl.text, pl.position)]
        rows: dict[str, list] = {"cites": sorted({_code(h) for h in pl.cites}), "mentions": sorted({_code(h) for h in pl.mentions})}
        if actions is not None and pl.text != 0:
            rows["type"] = [actions.paragraph_type(p.text, voc, lang)]
            acts = actions.find_actions(p, pl.mentions, voc, lang) if p.kind == "operative" else ()
            rows["action"] = [(a.type, frozenset(code_of.get(i, i) for i in a.addressees)) for a in acts]
        out[(pl.text, pl.position)] = (p, rows)
    return out, links.warnings


def _values(rel: str, rows: dict[str, list]) -> Counter:
    if rel in ("cites", "mentions"):
        return Counter(set(rows.get(rel, [])))
    if rel == "type":
        return Counter(rows.get("type", []))
    acts = rows.get("action", [])
    return Counter(t for t, _ in acts) if rel == "action" else Counter(f"{t}({','.join(sorted(a))})" for t, a in acts)


def evaluate(gold_path: Path, relations, show_errors: bool, out=sys.stdout) -> dict[str, tuple[int, int, int]]:
    path, symbol, lang = data_file(gold_path)
    gold = read_gold(gold_path)
    pred, warnings = predict(path, symbol, lang)
    print(f"== {gold_path.name} ({path.relative_to(ROOT)}, {len(gold)} annotated paragraphs)", file=out)
    for key, rows in sorted(gold.items()):
        if key not in pred:
            print(f"  anchor: paragraph {key} not found by the segmenter", file=out)
            continue
        for anchor in rows.get("anchor", []):
            want = re.sub(r"\s+", "", re.sub(r"^\d+\.\s*", "", anchor))
            have = re.sub(r"\s+", "", pred[key][0].text)
            if not have.startswith(want):
                print(f"  anchor mismatch at {key}: gold {anchor!r}, text {pred[key][0].text[:14]!r}", file=out)
    totals = {}
    for rel in relations:
        tp = fp = fn = 0
        errors = []
        for key, rows in sorted(gold.items()):
            if key not in pred or (rel != "cites" and rel != "mentions" and "type" not in pred[key][1]):
                continue
            g, p = _values(rel, rows), _values(rel, pred[key][1])
            tp += sum((g & p).values())
            fp_items, fn_items = p - g, g - p
            fp += sum(fp_items.values())
            fn += sum(fn_items.values())
            if fp_items or fn_items:
                errors.append(f"    {key[0]}.{key[1]}: FP {sorted(fp_items.elements())}  FN {sorted(fn_items.elements())}")
        totals[rel] = (tp, fp, fn)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"  {rel:18} P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn})", file=out)
        if show_errors:
            print("\n".join(errors), file=out)
    if show_errors and warnings:
        print("  warnings:\n" + "\n".join(f"    {w}" for w in warnings), file=out)
    return totals


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="+", type=Path, default=[ROOT / "tests" / "gold" / "A_74_400.zh.tsv"])
    ap.add_argument("--relation", choices=RELATIONS, action="append")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives per paragraph")
    args = ap.parse_args(argv)
    relations = args.relation or [r for r in RELATIONS if r in ("cites", "mentions") or importlib.util.find_spec("graph.actions")]
    for g in args.gold:
        evaluate(g, relations, args.errors)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
