"""template_residue: another kind of unit's vocabulary in the document, and fragments left by
cutting a template's unit name (data/template_residue.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_KIND_NAMES = {"enterprise": "企业", "school": "学校", "hospital": "医院", "township": "乡镇（街道）",
               "bureau": "部门（局）", "party": "党委机关", "village": "村（社区）", "education": "教育部门",
               "zone": "开发区（园区）"}


@lru_cache(maxsize=1)
def _data() -> tuple[vocab.WordFinder, dict[str, dict], frozenset[str], list[tuple[re.Pattern[str], dict]]]:
    d = vocab.load("template_residue")
    by_term: dict[str, dict] = {}
    for group in d["groups"]:
        for term in group["terms"]:
            by_term[term] = group
    frags = [(re.compile(f["pattern"]), f) for f in d.get("fragments", [])]
    return vocab.WordFinder(list(by_term)), by_term, frozenset(d["applies_to"]), frags


@rule(family="template_residue", name="foreign_vocabulary", source="data/template_residue.yaml（套用模板残留，观察所得）",
      authority="heuristic", max_severity="warning")
def foreign_vocabulary(ctx: CheckContext) -> Iterator[Finding]:
    finder, by_term, applies, _f = _data()
    kind = ctx.unit_kind
    if kind not in applies:
        return
    seen: set[str] = set()
    text = ctx.text
    here = _KIND_NAMES.get(kind, kind)
    year = min(ctx.years) if ctx.years else None
    for start, end in finder.finditer(text):
        term = text[start:end]
        group = by_term[term]
        if kind in group["kinds"] or kind in group.get("not_in", ()) or ctx.in_noise(start, end):
            continue
        if start and text[start - 1] in group.get("not_after", ""):
            continue  # the end of a longer word: 学院党委 is no 院党委
        if group.get("from_year") and (year is None or year < group["from_year"]):
            continue
        first = group["name"] not in seen
        seen.add(group["name"])
        sev = group.get("severity", "warning") if first else "info"
        yield ctx.finding(
            "template_residue", "foreign_vocabulary", sev,
            f"“{term}”是{_owner(tuple(group['kinds']))}的用语，出现在{here}的材料中，疑为套用模板未改净",
            start, end,
        )


@lru_cache(maxsize=64)
def _owner(kinds: tuple[str, ...]) -> str:
    return "、".join(_KIND_NAMES.get(k, k) for k in kinds)


@rule(family="template_residue", name="cut_fragment", source="删改残字（观察所得）", authority="heuristic",
      max_severity="info")
def cut_fragment(ctx: CheckContext) -> Iterator[Finding]:
    for regex, frag in _data()[3]:
        for m in regex.finditer(ctx.text):
            if ctx.in_noise(m.start(), m.end()):
                continue
            s, e = max(0, m.start() - 2), min(len(ctx.text), m.end() + 4)
            yield ctx.finding("template_residue", "cut_fragment", frag.get("severity", "info"),
                              f"“{ctx.text[s:e]}”：{frag['reason']}", m.start(), m.end())
