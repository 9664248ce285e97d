"""Score the reader's indicators on the hand-written corpus in this folder.

    .venv/bin/python tests/text/samples/corpus/score.py [-v] [--doc SUBSTRING]

Every c??_*.txt is read with taizhang.text.read_path and scored against
gold_indicators.jsonl with taizhang.text.scoring.score_document (the same rules
as the seed gold: a prediction matches a gold item when its span overlaps the
gold qty inside the gold anchor; recall counts non-optional items only; hits on
optional items are not false positives). On top of the official figures the
script reports value/masked agreement and the 其中 -> total parent links that
the gold records in its extra "parent" field (the anchor of the total).

-v lists every miss, every false positive and every matched item with a wrong
attribute, each with 20 characters of context on either side.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from taizhang.text import read_path  # noqa: E402
from taizhang.text import scoring  # noqa: E402
from taizhang.text.scoring import Score, _strip, score_document  # noqa: E402

GOLD = HERE / "gold_indicators.jsonl"
CTX = 20


def load_gold() -> dict[str, list[dict]]:
    return scoring.load_gold(HERE, GOLD.name)


def context(src: str, start: int, end: int) -> str:
    left = src[max(0, start - CTX):start]
    right = src[end:end + CTX]
    return f"{left}【{src[start:end]}】{right}".replace("\n", "⏎")


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(b)))


class Detail:
    def __init__(self) -> None:
        self.misses: list[str] = []
        self.false_hits: list[str] = []
        self.wrong: list[str] = []
        self.parent_wrong: list[str] = []
        self.spurious_parent: list[str] = []
        self.matched = self.value_ok = self.masked_ok = 0
        self.parent_gold = self.parent_ok = 0
        self.per_doc: list[tuple] = []


def detail_document(doc, items: list[dict], d: Detail) -> None:
    """The same matching as scoring.score_document, keeping what -v shows."""
    src = doc.source_text
    name = items[0]["doc"]
    spans = []
    for item in items:
        a = src.find(item["anchor"])
        q = item["anchor"].find(item["qty"])
        spans.append((a + q, a + q + len(item["qty"]), item))
    by_anchor = {item["anchor"]: item for item in items}
    matched_pred: dict[int, int] = {}  # id(gold item) -> index of the prediction that matched it
    pred_item: dict[int, dict] = {}  # prediction index -> gold item it hit
    fp = 0
    for i, ind in enumerate(doc.indicators):
        hit = next(((s, e, it) for s, e, it in spans if ind.start < e and s < ind.end), None)
        if hit is None:
            fp += 1
            d.false_hits.append(f"{name}: {ind.qty!r} [{ind.kind}/{ind.activity!r}]  {context(src, ind.start, ind.end)}")
            continue
        s, e, item = hit
        pred_item[i] = item
        if id(item) in matched_pred:
            continue
        matched_pred[id(item)] = i
        d.matched += 1
        d.value_ok += same_value(ind.value, item["value"])
        d.masked_ok += ind.masked == item["masked"]
        diffs = []
        if not same_value(ind.value, item["value"]):
            diffs.append(f"value {ind.value} want {item['value']}")
        if ind.masked != item["masked"]:
            diffs.append(f"masked {ind.masked} want {item['masked']}")
        if ind.measure != item["measure"]:
            diffs.append(f"measure {ind.measure!r} want {item['measure']!r}")
        if ind.approx != item["approx"]:
            diffs.append(f"approx {ind.approx} want {item['approx']}")
        if ind.kind != item["kind"]:
            diffs.append(f"kind {ind.kind} want {item['kind']}")
        if _strip(item["activity"]) not in _strip(ind.activity):
            diffs.append(f"activity {ind.activity!r} want ⊇ {item['activity']!r}")
        if diffs:
            opt = " (optional)" if item["optional"] else ""
            d.wrong.append(f"{name}: {ind.qty!r}{opt} {'; '.join(diffs)}  {context(src, ind.start, ind.end)}")
    req = found = 0
    for s, e, item in spans:
        if item["optional"]:
            continue
        req += 1
        if id(item) in matched_pred:
            found += 1
        else:
            d.misses.append(f"{name}: {item['qty']!r} [{item['kind']}/{item['activity']!r}]  {context(src, s, e)}")
    # parent links (其中 figure -> its total)
    for s, e, item in spans:
        if "parent" not in item:
            continue
        d.parent_gold += 1
        child = matched_pred.get(id(item))
        total = matched_pred.get(id(by_anchor[item["parent"]]))
        got = doc.indicators[child].parent if child is not None else None
        if child is not None and total is not None and got == total:
            d.parent_ok += 1
        else:
            want = by_anchor[item["parent"]]["qty"]
            have = "child not found" if child is None else (
                "no parent" if got is None else f"parent {doc.indicators[got].qty!r}")
            d.parent_wrong.append(f"{name}: {item['qty']!r} -> {want!r}: {have}  {context(src, s, e)}")
    for i, ind in enumerate(doc.indicators):
        if ind.parent is None:
            continue
        item = pred_item.get(i)
        if item is None or "parent" not in item:
            d.spurious_parent.append(
                f"{name}: {ind.qty!r} -> {doc.indicators[ind.parent].qty!r}  {context(src, ind.start, ind.end)}")
    d.per_doc.append((name, req, found, len(doc.indicators), fp))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives and wrong attributes")
    ap.add_argument("--doc", help="only documents whose name contains this")
    args = ap.parse_args(argv)

    gold = load_gold()
    score = Score()
    d = Detail()
    for name, items in sorted(gold.items()):
        if args.doc and args.doc not in name:
            continue
        doc = read_path(HERE / name)
        score_document(doc, items, score)
        detail_document(doc, items, d)

    f = score.figures
    print(f"documents {len(d.per_doc)}  gold required {score.gold_required}  predicted {score.predicted}"
          f"  matched {score.matched}")
    print("  ".join(f"{k} {v:.3f}" for k, v in f.items()))
    print(f"value {score.ratio(d.value_ok, d.matched):.3f}  masked {score.ratio(d.masked_ok, d.matched):.3f}"
          f"  parent {d.parent_ok}/{d.parent_gold}  spurious_parent {len(d.spurious_parent)}")
    print()
    print(f"{'document':40s} {'recall':>9s} {'pred':>5s} {'fp':>4s}")
    for name, req, found, pred, fp in d.per_doc:
        print(f"{name:40s} {found:4d}/{req:<4d} {pred:5d} {fp:4d}")
    if args.verbose:
        for title, rows in (("MISSES (required gold items not found)", d.misses),
                            ("FALSE POSITIVES (no gold item overlaps)", d.false_hits),
                            ("WRONG ATTRIBUTES (matched items)", d.wrong),
                            ("PARENT LINKS MISSED OR WRONG", d.parent_wrong),
                            ("SPURIOUS PARENT LINKS", d.spurious_parent)):
            print(f"\n== {title}: {len(rows)}")
            for row in rows:
                print("  " + row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
