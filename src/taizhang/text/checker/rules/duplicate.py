"""duplicate_passage: near-duplicate sentences or passages within one document.

Sentences are compared by shingled character 4-grams after set political formulas are taken
out (data/duplicate.yaml). A sentence is a copy when one other sentence holds most of its
shingles (a pair), or when a stretch of another section does (a summary stitched together from
material elsewhere). Consecutive copies in one paragraph form one passage. A pair is reported
at its later copy; a stitched passage where it stands, naming where the material comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_N = 4
_MIN_SHINGLES = 16
_PAIR = 0.75  # share of a sentence's shingles found in one other sentence
_REGION = 0.5  # share found in a stretch of another paragraph...
_REGION_MIN = 30  # ...counted only for sentences with at least this many shingles
_WINDOW = 8  # sentences either side of the best match that make up that stretch
_DROP = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9*]+")


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    return vocab.alternation(vocab.load("duplicate")["boilerplate"])


@dataclass
class _Unit:
    start: int
    end: int
    shingles: set[str]
    para: int
    shared: set[str] = field(default_factory=set)  # shingles that also occur in another sentence


def _units(ctx: CheckContext) -> list[_Unit]:
    out = []
    # one pass over the whole text; "|" keeps offsets and stops shingles spanning a formula
    masked = _boilerplate().sub(lambda m: "|" * len(m.group(0)), ctx.text)
    for s, e in ctx.sentences:
        if e - s < _MIN_SHINGLES:
            continue
        chars = _DROP.sub("", masked[s:e].replace("|", "、"))
        sh = {chars[i : i + _N] for i in range(len(chars) - _N + 1)}
        if len(sh) >= _MIN_SHINGLES:
            out.append(_Unit(s, e, sh, ctx.line_col(s)[0]))
    return out


@dataclass
class _Match:
    best: int
    pair: float
    region: float
    sources: list[int]


def _match(units: list[_Unit], index: dict[str, list[int]], i: int) -> _Match | None:
    u = units[i]
    if len(u.shared) < _REGION * len(u.shingles):
        return None  # too little of it recurs anywhere to be a copy
    counts: dict[int, int] = {}
    for g in u.shared:
        for j in index[g]:
            if j != i:
                counts[j] = counts.get(j, 0) + 1
    best, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    near = [j for j in counts if abs(j - best) <= _WINDOW and units[j].para != u.para]
    pair = n / len(u.shingles)
    if pair >= _PAIR or not near:
        return _Match(best, pair, 0.0, sorted(near))  # region not needed: the pair decides (or none)
    covered = set().union(*(units[j].shingles for j in near)) & u.shingles
    return _Match(best, pair, len(covered) / len(u.shingles), sorted(near))


@rule(family="duplicate_passage", name="near_duplicate", source="段落重复（字符 n-gram 相似度）",
      authority="heuristic", max_severity="warning")
def near_duplicate(ctx: CheckContext) -> Iterator[Finding]:
    units = _units(ctx)
    # Which shingles occur in more than one sentence, with set operations only (they run in C):
    # most shingles are unique, and only the recurring ones need an entry in the index.
    seen: set[str] = set()
    recurring: set[str] = set()
    for u in units:
        recurring |= u.shingles & seen
        seen |= u.shingles
    index: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        u.shared = u.shingles & recurring
        for g in u.shared:
            index.setdefault(g, []).append(i)
    matches = [_match(units, index, i) for i in range(len(units))]
    dup = [
        m is not None and (m.pair >= _PAIR or (m.region >= _REGION and len(u.shingles) >= _REGION_MIN))
        for m, u in zip(matches, units)
    ]
    consumed: set[int] = set()
    i = 0
    while i < len(units):
        if not dup[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(units) and dup[j + 1] and units[j + 1].para == units[i].para:
            j += 1
        group = range(i, j + 1)
        i = j + 1
        if all(k in consumed for k in group):
            continue
        first = matches[group[0]]
        assert first is not None
        single_pair = len(group) == 1 and first.pair >= _PAIR
        if single_pair and first.best > group[0]:
            continue  # reported at the later copy
        sources = sorted({s for k in group for s in matches[k].sources} | {matches[k].best for k in group})
        consumed.update(sources)
        line, _col = ctx.line_col(units[first.best].start)
        s, e = units[group[0]].start, units[group[-1]].end
        if single_pair:
            msg = f"此句与第{line}行的句子几乎相同（重合{first.pair:.0%}），疑为重复粘贴"
        else:
            msg = f"此段内容与第{line}行附近的段落大量重复，疑为从别处拼凑粘贴"
        yield ctx.finding("duplicate_passage", "near_duplicate", "warning", msg, s, e)
