"""duplicate_passage: near-duplicate sentences or passages within one document.

Sentences are compared by shingled character 4-grams after set political formulas are taken
out (data/duplicate.yaml). A sentence is a copy when one other sentence holds most of its
shingles (a pair), or when a stretch of another paragraph does (a summary stitched together from
material elsewhere). Consecutive copies in one paragraph form one passage. A passage of pairs
(each sentence copied whole) is reported at its later copy; a stitched passage where it stands,
naming where the material comes from.

Copy-pasting leaves whole clauses intact, so only sentences holding a clause of at least
_CLAUSE characters that also occurs elsewhere are compared: each with the sentences sharing such
a clause (its best match is among them) and the stretch around its best match. Most documents
have no such clause and cost two passes over the text (formulas out, clauses); the others, the
shingles of their sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
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
_CLAUSE = 8  # a clause this long found twice makes its sentences worth comparing
_KEPT = "\u4e00-\u9fffA-Za-z0-9*"  # what is compared: Chinese characters, letters, digits, * (all in the BMP)
_KEPT_RUN = re.compile(f"[{_KEPT}][{_KEPT}]*")
# A clause: a run of at least _CLAUSE kept characters. Found from the character before it (one not
# kept), so that the engine's scan for a class skips the kept characters, most of the text, rather
# than starting a match at each of them; the clause at the very start is matched on its own.
_CLAUSE_AT_START = re.compile(f"[{_KEPT}]{{{_CLAUSE},}}")
_CLAUSE_AFTER = re.compile(f"[^{_KEPT}]([{_KEPT}]{{{_CLAUSE},}})")
_SEPARATORS = "\x00\x01\x02\x03"  # one of them, absent from the text, separates sentences


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    return vocab.alternation(vocab.load("duplicate")["boilerplate"])


@lru_cache(maxsize=len(_SEPARATORS))
def _kept_or(separator: str) -> re.Pattern[str]:
    return re.compile(f"[{_KEPT}{separator}][{_KEPT}{separator}]*")


def _without_formulas(ctx: CheckContext) -> str:
    """The text outside noise with set formulas blanked out: what clauses are looked for in. Without
    noise, formulas are blanked to line breaks of the same length, so that it is also _masked."""
    text = ctx.text
    if not ctx.noise:
        return _boilerplate().sub(_blank, text)
    pieces, pos = [], 0
    for s, e, _k in ctx.noise:
        pieces.append(text[pos:s])
        pos = e
    pieces.append(text[pos:])
    return _boilerplate().sub("\n", "\n".join(pieces))


def _masked(ctx: CheckContext) -> str:
    """The text with noise and set formulas blanked out (line breaks, same length: offsets hold)."""
    text = ctx.text
    spans = [(s, e) for s, e, _k in ctx.noise] + [m.span() for m in _boilerplate().finditer(text)]
    pieces, pos = [], 0
    for s, e in sorted(spans):
        if e > pos:
            s = max(s, pos)
            pieces.append(text[pos:s])
            pieces.append("\n" * (e - s))
            pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def _blank(m: re.Match[str]) -> str:
    return "\n" * (m.end() - m.start())


def _recurring_clauses(text: str) -> set[str]:
    """Clauses of at least _CLAUSE characters in `text` (_without_formulas) that occur more than once."""
    first = _CLAUSE_AT_START.match(text)
    clauses = _CLAUSE_AFTER.findall(text)
    if first:
        clauses.append(first.group())
    if len(set(clauses)) == len(clauses):
        return set()
    return {c for c, n in Counter(clauses).items() if n > 1}


def _line_label(text: str, s: int, e: int) -> bool:
    """A line that is one clause with no ending punctuation: the title, a heading, the signature
    (the unit's name under the text repeats the title's by design)."""
    return (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n") \
        and "，" not in text[s:e] and "," not in text[s:e]


class _Units:
    """The sentences long enough to compare (built only for documents with recurring clauses).

    Sentence k is a unit when it has at least _MIN_SHINGLES distinct shingles; "8 sentences either
    side" counts units, as does "consecutive". Shingle sets are built only for the sentences being
    judged (the others are compared as plain lists: building sets is the costly part)."""

    def __init__(self, ctx: CheckContext, masked: str):
        self.ctx, self.masked = ctx, masked
        text = ctx.text
        self.spans = [(s, e) for s, e in ctx.sentences if e - s >= _MIN_SHINGLES and not _line_label(text, s, e)]
        self._starts = [s for s, _e in self.spans]
        self._grams = _sentence_shingles(ctx.text, masked, self.spans)
        # the first _MIN_SHINGLES all differ in almost every sentence: no full set needed
        self._is_unit = [len(g) >= _MIN_SHINGLES and (len(set(g[:_MIN_SHINGLES])) == _MIN_SHINGLES
                                                      or len(set(g)) >= _MIN_SHINGLES) for g in self._grams]
        self._units = [k for k, unit in enumerate(self._is_unit) if unit]
        self._rank = {k: r for r, k in enumerate(self._units)}  # unit k is the r-th unit
        self._sets: dict[int, set[int]] = {}
        self._paras: list[int] = []

    def __len__(self) -> int:
        return len(self.spans)

    def grams(self, k: int) -> list[int]:
        """Sentence k's shingles in order, repeats included."""
        return self._grams[k]

    def shingles(self, k: int) -> set[int]:
        """Sentence k's distinct shingles (formulas taken out); empty when it is not a unit."""
        found = self._sets.get(k)
        if found is None:
            found = self._sets[k] = set(self._grams[k]) if self._is_unit[k] else set()
        return found

    def para(self, k: int) -> int:
        """Line number of unit k."""
        if not self._paras:
            starts = self.ctx.line_starts
            self._paras = [bisect_right(starts, s) for s, _e in self.spans]
        return self._paras[k]

    def holders(self, clause: str) -> set[int]:
        """The units holding `clause`."""
        out: set[int] = set()
        pos = self.masked.find(clause)
        while pos != -1:
            k = bisect_right(self._starts, pos) - 1
            if k >= 0 and pos < self.spans[k][1] and self._is_unit[k]:
                out.add(k)
            pos = self.masked.find(clause, pos + 1)
        return out

    def window(self, k: int) -> list[int]:
        """Unit k and the _WINDOW units either side of it."""
        r = self._rank[k]
        return self._units[max(r - _WINDOW, 0) : r + _WINDOW + 1]

    def adjacent(self, a: int, b: int) -> bool:
        """Whether units a < b have no unit between them."""
        return self._rank[b] == self._rank[a] + 1


def _sentence_shingles(text: str, masked: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The shingles of each span of `masked`, in one pass over all of them (a few regex calls, not a
    few per sentence): the spans' kept characters, joined by a separator absent from the text."""
    separator = next((c for c in _SEPARATORS if c not in text), None)
    if separator is None:  # improbable: every separator occurs in the text
        parts = ["".join(_KEPT_RUN.findall(masked[s:e])) for s, e in spans]
        separator = ""
    else:  # the masked text has the formulas blanked out already
        joined = separator.join(masked[s:e] for s, e in spans)
        parts = "".join(_kept_or(separator).findall(joined)).split(separator)
    grams = _shingles(separator.join(parts))
    out, pos, step = [], 0, len(separator)
    for chars in parts:
        out.append(grams[pos : pos + max(0, len(chars) - _N + 1)])
        pos += len(chars) + step
    return out


def _shingles(text: str) -> list[int]:
    """Every 4-character window of `text` (BMP characters only) as an integer, in order.

    The UTF-16 bytes read as 64-bit integers give the windows starting at 0, 4, 8...; the same
    bytes shifted by one, two, three characters give the others. No substring is ever built."""
    count = len(text) - _N + 1
    if count <= 0:
        return []
    raw = memoryview(text.encode("utf-16-le"))
    out = [0] * count
    for phase in range(_N):
        n = (count - phase + _N - 1) // _N
        if n > 0:
            out[phase::_N] = raw[2 * phase : 2 * phase + 8 * n].cast("Q").tolist()
    return out


@dataclass
class _Match:
    best: int
    pair: float
    region: float
    sources: list[int]

    def is_copy(self, size: int) -> bool:
        return self.pair >= _PAIR or (self.region >= _REGION and size >= _REGION_MIN)


def _match(units: _Units, i: int, partners: set[int]) -> _Match | None:
    mine = units.shingles(i)
    best, n = -1, 0
    for j in sorted(partners):
        common = len(mine.intersection(units.grams(j)))
        if common > n:
            best, n = j, common
    if best < 0:
        return None
    pair = n / len(mine)
    if pair < _PAIR and len(mine) < _REGION_MIN:
        return None  # neither a pair nor long enough to count as stitched: no need for the stretch
    para = units.para(i)
    stretch = [j for j in units.window(best) if j != i and units.para(j) != para]
    region = 0.0
    if pair < _PAIR:
        # the share of its shingles that the stretch holds (units sharing none add nothing); each
        # unit's shingles are looked up once, the small intersections then serve for its sources too
        common = [mine.intersection(units.grams(j)) for j in stretch]
        region = 1 - len(mine.difference(*common)) / len(mine)
        if region < _REGION:
            return None
        near = [j for j, shared in zip(stretch, common) if shared]
    else:
        near = [j for j in stretch if not mine.isdisjoint(units.grams(j))]  # its sources
    return _Match(best, pair, region if near else 0.0, near)


def _matches(units: _Units, clauses: set[str]) -> dict[int, _Match]:
    """The copies among the units that share a recurring clause with another unit."""
    partners: dict[int, set[int]] = {}
    for clause in clauses:
        holders = units.holders(clause)
        if len(holders) > 1:
            for i in holders:
                partners.setdefault(i, set()).update(holders - {i})
    out: dict[int, _Match] = {}
    for i in sorted(partners):
        m = _match(units, i, partners[i])
        if m is not None and m.is_copy(len(units.shingles(i))):
            out[i] = m
    return out


def _passages(units: _Units, matches: dict[int, _Match]) -> Iterator[list[int]]:
    """Runs of consecutive copied units within one paragraph."""
    run: list[int] = []
    for k in sorted(matches):
        if run and units.adjacent(run[-1], k) and units.para(k) == units.para(run[0]):
            run.append(k)
            continue
        if run:
            yield run
        run = [k]
    if run:
        yield run


@rule(family="duplicate_passage", name="near_duplicate", source="段落重复（字符 n-gram 相似度）",
      authority="heuristic", max_severity="warning")
def near_duplicate(ctx: CheckContext) -> Iterator[Finding]:
    searched = _without_formulas(ctx)
    clauses = _recurring_clauses(searched)
    if not clauses:
        return
    units = _Units(ctx, _masked(ctx) if ctx.noise else searched)
    matches = _matches(units, clauses)
    consumed: set[int] = set()
    for group in _passages(units, matches):
        if all(k in consumed for k in group):
            continue
        first = matches[group[0]]
        pairs = all(matches[k].pair >= _PAIR for k in group)  # each sentence copied whole
        single_pair = len(group) == 1 and pairs
        if pairs and all(matches[k].best > k for k in group):
            continue  # reported at the later copy
        sources = sorted({s for k in group for s in matches[k].sources} | {matches[k].best for k in group})
        consumed.update(sources)
        line, _col = ctx.line_col(units.spans[first.best][0])
        s, e = units.spans[group[0]][0], units.spans[group[-1]][1]
        if single_pair:
            msg = f"此句与第{line}行的句子几乎相同（重合{first.pair:.0%}），疑为重复粘贴"
        elif pairs:
            msg = f"此段与第{line}行附近的句子几乎相同，疑为重复粘贴"
        else:
            msg = f"此段内容与第{line}行附近的段落大量重复，疑为从别处拼凑粘贴"
        yield ctx.finding("duplicate_passage", "near_duplicate", "warning", msg, s, e)
