"""Score the checker on the synthetic corpus in this folder.

    .venv/bin/python tests/text/checker/samples/corpus/score.py [-v] [--check] [--strict]

d*.txt are documents with planted defects, listed in gold_findings.jsonl (same format as
shared/gold/seeds_findings.jsonl); k*.txt are clean documents (any warning/error there is a false
alarm). The matching is tests/text/checker/gold.py's own (`score_doc`, imported from it): a gold
item is detected when a finding of its family overlaps its anchor; a warning/error finding is
unmatched when it overlaps no gold item of its family (optional ones included).

-v        also list every finding of every document, marked matched/unmatched
--check   only check the gold file (every anchor occurs in its document; "one" anchors unique)
--strict  exit 1 when the quality bar is not met (every gold item detected, at most
          MAX_UNMATCHED unmatched warnings/errors per d-document, no error on a k-document)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKER_TESTS = HERE.parents[1]  # tests/text/checker
REPO = HERE.parents[4]
GOLD_FILE = HERE / "gold_findings.jsonl"
MAX_UNMATCHED = 3

sys.path.insert(0, str(REPO / "src"))


def _load_gold_module():
    """tests/text/checker/gold.py by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("checker_gold", CHECKER_TESTS / "gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gold = _load_gold_module()


def load_items() -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for n, line in enumerate(GOLD_FILE.read_text("utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            item["_line"] = n
            by_doc[item["doc"]].append(item)
    return by_doc


def check_gold(by_doc: dict[str, list[dict]]) -> list[str]:
    """Problems with the gold file: unknown documents, anchors not found, ambiguous "one" anchors."""
    problems = []
    docs = {p.name for p in HERE.glob("*.txt")}
    for name, items in sorted(by_doc.items()):
        if name not in docs:
            problems.append(f"{name}: no such document")
            continue
        if not name.startswith("d"):
            problems.append(f"{name}: gold items on a document that is not a d-document")
        text = (HERE / name).read_text("utf-8")
        for item in items:
            where = f"{name} line {item['_line']} [{item['family']}] {item['anchor']!r}"
            if item["occurrence"] == "span":
                if text[item["start"] : item["end"]] != item["anchor"]:
                    problems.append(f"{where}: span does not hold the anchor")
                continue
            count = text.count(item["anchor"])
            if count == 0:
                problems.append(f"{where}: anchor not found")
            elif count > 1 and item["occurrence"] == "one":
                problems.append(f"{where}: anchor occurs {count} times (use a longer one)")
    for name in sorted(docs):
        if name.startswith("d") and name not in by_doc:
            problems.append(f"{name}: d-document without gold items")
    return problems


def _loc(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"{line}:{pos - (text.rfind(chr(10), 0, pos) + 1) + 1}"


def _show(f, text: str) -> str:
    excerpt = f.excerpt.replace("\n", "⏎")
    if len(excerpt) > 40:
        excerpt = excerpt[:40] + "…"
    return f"{_loc(text, f.start):>6} {f.severity:<7} {f.family}/{f.rule} «{excerpt}» {f.message}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args(argv)

    by_doc = load_items()
    problems = check_gold(by_doc)
    if problems:
        print("Gold file problems:")
        for p in problems:
            print("  " + p)
        return 2
    if args.check:
        n = sum(len(v) for v in by_doc.values())
        print(f"gold OK: {n} items on {len(by_doc)} documents, every anchor found")
        return 0

    from taizhang.text.checker import check_path

    defect_docs = sorted(p.name for p in HERE.glob("d*.txt"))
    clean_docs = sorted(p.name for p in HERE.glob("k*.txt"))
    score = gold.Score()
    texts, findings_by_doc = {}, {}
    for name in defect_docs + clean_docs:
        texts[name] = (HERE / name).read_text("utf-8")
        findings_by_doc[name] = check_path(HERE / name)
    for name in defect_docs:
        gold.score_doc(name, texts[name], findings_by_doc[name], by_doc.get(name, []), score)

    print(f"Corpus: {len(defect_docs)} documents with defects, {len(clean_docs)} clean documents\n")
    print("Detected / total gold items (non-optional), per family:")
    for fam in sorted(score.total, key=lambda f: gold_family_order(f)):
        d, t = score.detected[fam], score.total[fam]
        print(f"  {fam:<22} {d:>3}/{t:<3}{'' if d == t else '  <-- missed ' + str(t - d)}")
    det, tot = sum(score.detected.values()), sum(score.total.values())
    print(f"  {'ALL':<22} {det:>3}/{tot:<3} ({100 * det / tot:.0f}%)\n")

    print(f"Missed gold items ({len(score.missed)}):")
    for m in score.missed:
        print(f"  {m['doc']} [{m['family']}] «{m['anchor']}» {m['note']}")
    if not score.missed:
        print("  none")

    print(f"\nUnmatched warning/error findings per d-document (bar: at most {MAX_UNMATCHED}):")
    over = []
    for name in defect_docs:
        un = score.unmatched.get(name, [])
        flag = "  <-- over the bar" if len(un) > MAX_UNMATCHED else ""
        print(f"  {name}: {len(un)}{flag}")
        for f in un:
            print("      " + _show(f, texts[name]))
        if len(un) > MAX_UNMATCHED:
            over.append(name)

    print("\nWarnings/errors on clean k-documents (bar: no error):")
    clean_errors = 0
    for name in clean_docs:
        loud = [f for f in findings_by_doc[name] if f.severity != "info"]
        errors = sum(f.severity == "error" for f in loud)
        clean_errors += errors
        print(f"  {name}: {errors} error(s), {len(loud) - errors} warning(s)")
        for f in loud:
            print("      " + _show(f, texts[name]))

    if args.verbose:
        print("\nAll findings:")
        for name in defect_docs + clean_docs:
            items = by_doc.get(name, [])
            spans = [(item, gold.occurrences(texts[name], item)) for item in items]
            print(f"  {name}:")
            for f in findings_by_doc[name]:
                hit = any(item["family"] == f.family and any(gold._overlaps(f, o) for o in occ) for item, occ in spans)
                print(f"    {'+' if hit else ' '} " + _show(f, texts[name]))

    ok = not score.missed and not over and clean_errors == 0
    print(f"\nQuality bar: {'MET' if ok else 'NOT MET'} "
          f"(missed {len(score.missed)}, documents over the unmatched bar {len(over)}, errors on clean documents {clean_errors})")
    return 1 if args.strict and not ok else 0


def gold_family_order(family: str) -> int:
    from taizhang.text.checker import FAMILIES

    return FAMILIES.index(family) if family in FAMILIES else len(FAMILIES)


if __name__ == "__main__":
    sys.exit(main())
