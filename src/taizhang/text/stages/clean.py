"""Clean stage: drop scrape noise without losing data.

Removes paywall markers, ads, source notes and site chrome (patterns from
data/noise.yaml), pinyin glosses inserted after characters (鎮(zhèn)), and line
breaks inside sentences; each removal is reported with its kind and source
span. Carriage returns and zero-width characters are dropped silently.
Traditional characters are converted to simplified one for one (offsets kept).
"""

from __future__ import annotations

import codecs
import os
import re
from functools import lru_cache
from typing import NamedTuple

import opencc

from taizhang.text.config import CleanConfig
from taizhang.text.markers import LINE_MARKER_RE
from taizhang.text.model import Removal
from taizhang.text.resources import load_data
from taizhang.text.scan import FirstCharScan, places
from taizhang.text.work import Work

_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_BODY = r"(?:[a-zü]*[" + _TONES + r"][a-zü" + _TONES + r"]*|[a-zü]{1,6}[1-5])[)）]"
_PINYIN_RES = (re.compile(r"\(" + _PINYIN_BODY), re.compile(r"（" + _PINYIN_BODY))
# dropped silently: zero-width marks, and carriage returns before a line feed
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_NO_JOIN_AFTER = frozenset("\n。！？!?：:；;…”」』）)》】 \t\u3000\xa0\r")
# a line break before a non-blank character and not after sentence-end punctuation:
# the lookbehind drops most breaks inside the regex engine instead of a Python
# loop; the pattern starts with the literal "\n" so the engine skips to line breaks
_JOIN_RE = re.compile(r"\n(?=[^\s])(?<=[^" + re.escape("".join(sorted(_NO_JOIN_AFTER))) + r"]\n)")
_END_PUNCT_IN_LINE = re.compile(r"[，,。；;]")
# a line of any length that ends with the words leading up to a number, before a
# line that starts with one, was broken inside a figure: "不少于\n100场次"
_BEFORE_NUMBER_END = re.compile(r"(?:不少于|不低于|不超过|至少|超过|达到|达|共计|共|累计|约|近|逾|多达|突破)\Z")
_NUMBER_START = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?[万亿]?[余多]?[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Single-character traditional -> simplified map from OpenCC's TSCharacters."""
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                simp = parts[1].split(" ")[0]
                if len(simp) == 1 and simp != parts[0]:
                    table[ord(parts[0])] = simp
    return table


class _NoiseRules(NamedTuple):
    inline: tuple  # (kind, trigger words (empty: always run), FirstCharScan) of each inline pattern
    line_re: re.Pattern[str] | None  # every whole-line pattern, one named group each
    line_gate: re.Pattern[str] | None  # the trigger words of the whole-line patterns that have them
    plain_line_re: re.Pattern[str] | None  # the whole-line patterns without trigger words
    line_kinds: dict[str, str]  # line_re group name -> kind
    trigger_re: re.Pattern[str] | None  # every inline pattern's trigger words, longest first
    contained: dict[str, frozenset[str]]  # each trigger word -> every trigger word it contains


@lru_cache(maxsize=16)
def _noise_patterns(data_dirs: tuple) -> _NoiseRules:
    """The noise patterns of data/noise.yaml, compiled.

    Patterns anchored with "^" are whole-line patterns: they are combined into
    one regex matched at the start of each line no longer than MAX_LINE (fast);
    the others run over the whole text when one of their triggers occurs. Line
    patterns with triggers only take part for a line holding one of them, so a
    second regex without them serves the lines that hold none."""
    doc = load_data("noise.yaml", data_dirs)
    inline, line_parts, kinds = [], [], {}
    gated_parts, line_triggers = set(), set()
    for i, p in enumerate(doc.get("patterns") or ()):
        rx = p["regex"]
        triggers = tuple(p.get("triggers") or ())
        if rx.startswith("^"):
            kinds[f"k{i}"] = p["kind"]
            line_parts.append(f"(?P<k{i}>{rx[1:]})")
            if triggers and all(triggers):
                gated_parts.add(len(line_parts) - 1)
                line_triggers.update(triggers)
        else:
            inline.append((p["kind"], triggers, FirstCharScan(re.compile(rx, re.M))))
    line_re = re.compile("|".join(line_parts)) if line_parts else None
    ungated = "|".join(part for k, part in enumerate(line_parts) if k not in gated_parts)
    line_gate = re.compile("|".join(map(re.escape, sorted(line_triggers, key=len, reverse=True)))) \
        if line_triggers else None
    plain_line_re = re.compile(ungated) if ungated else None
    # an empty trigger occurs in every text: such a pattern always runs (no triggers)
    inline = [(kind, frozenset(ts) if all(ts) else frozenset(), rx) for kind, ts, rx in inline]
    triggers = sorted({t for _, ts, _ in inline for t in ts}, key=len, reverse=True)
    trigger_re = re.compile("|".join(map(re.escape, triggers))) if triggers else None
    # each trigger -> every trigger it contains (itself included)
    contained = {t: frozenset(u for u in triggers if u in t) for t in triggers}
    return _NoiseRules(tuple(inline), line_re, line_gate, plain_line_re, kinds, trigger_re, contained)


def _present(rules: _NoiseRules, src: str) -> set[str]:
    """The trigger words in `src`, in one scan instead of one `in` per trigger
    (substring search is slow on CJK text). Each start position is tried (search
    resumes at start + 1) and the longest trigger there is kept; a trigger occurs
    exactly when it is contained in one of those."""
    trigger_re, contained = rules.trigger_re, rules.contained
    out: set[str] = set()
    if trigger_re is None:
        return out
    m = trigger_re.search(src)
    while m:
        out.update(contained[m.group()])
        m = trigger_re.search(src, m.start() + 1)
    return out


MAX_LINE = 300


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    return frozenset(chr(c) for c in t2s_table())


def _collect_unencodable(exc: UnicodeEncodeError):
    _UNENCODABLE.append(exc.object[exc.start:exc.end])
    return ("?", exc.end)


_UNENCODABLE: list[str] = []
codecs.register_error("taizhang_collect", _collect_unencodable)


def _outside_gb2312(text: str) -> str:
    """The characters of `text` that GB2312 (simplified characters, common
    punctuation) cannot encode, in one C-level pass: only those can be
    traditional characters or zero-width marks. (Cheaper than a regex for
    a set of thousands of characters.)"""
    _UNENCODABLE.clear()
    text.encode("gb2312", "taizhang_collect")
    return "".join(_UNENCODABLE)


def simplified(text: str) -> str:
    """`text` with traditional characters converted one for one (offsets unchanged); `text`
    itself when it holds none."""
    rare = _outside_gb2312(text)
    if rare and not _traditional_chars().isdisjoint(rare):
        return text.translate(t2s_table())
    return text


def _pinyin(src: str) -> list[tuple[int, int, str]]:
    """Pinyin glosses right after a Chinese character: 鎮(zhèn)."""
    out = []
    for rx in _PINYIN_RES:
        if rx.pattern[1] in src or rx.pattern[0] in src:
            for m in rx.finditer(src):
                s = m.start()
                if s and "\u4e00" <= src[s - 1] <= "\u9fff":
                    out.append((s, m.end(), "pinyin"))
    return out


def _silent_marks(src: str, zero_width: bool) -> list[tuple[int, int, str]]:
    """Carriage returns before a line feed, and the zero-width marks when there are any."""
    out = [(p, p + 1, "") for p in places(src, "\r") if src.startswith("\n", p + 1)]
    if zero_width:
        for ch in _ZERO_WIDTH:
            out.extend((p, p + 1, "") for p in places(src, ch))
    return out


def build(work: Work, spans: list[tuple[int, int]]) -> None:
    """Set work.clean/segments from the source minus the sorted, disjoint `spans`."""
    src = work.source
    pieces, seg_clean, seg_src = [], [], []
    pos = clean_len = 0
    for start, end in spans + [(len(src), len(src))]:
        if start > pos:
            seg_clean.append(clean_len)
            seg_src.append(pos)
            pieces.append(src[pos:start])
            clean_len += start - pos
        pos = max(pos, end)
    work.clean_raw = "".join(pieces)
    work.seg_clean, work.seg_src = seg_clean or [0], seg_src or [0]


# a page number on a line of its own: "- 3 -", "第3页 共8页", "3/8"
_PAGE_NO_LINE = re.compile(r"\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|[-—–]*\s*第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                           r"\s*[-—–]*|\d{1,3}\s*/\s*\d{1,3})\s*\Z")
_HEADER_MAX = 40
# a line starting "- 3" or "3/8": led by the literal line break, the engine skips to line breaks
_PAGE_NO_HINT = re.compile(r"\n(?:[ \t\u3000]*[-—–][ \t\u3000]*\d|[ \t\u3000]*\d{1,3}[ \t\u3000]*/)")


def _page_breaks(src: str) -> list[tuple[int, int, str]]:
    """Page breaks left in text copied from a PDF: each page-number line, and the
    running header or footer (a short line repeated beside two or more of them),
    removed with their line break so the sentence they interrupted closes up."""
    if "页" not in src and not _PAGE_NO_HINT.search(src):
        return []
    lines, starts, pos = src.split("\n"), [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    pages = [i for i, line in enumerate(lines) if len(line) <= 20 and _PAGE_NO_LINE.match(line)]
    if len(pages) < 2:
        return []
    beside: dict[str, list[int]] = {}
    for i in pages:
        for j in (i - 2, i - 1, i + 1, i + 2):
            line = lines[j].strip() if 0 <= j < len(lines) else ""
            if line and len(line) <= _HEADER_MAX and not _END_PUNCT_IN_LINE.search(line) and j not in pages:
                beside.setdefault(line, []).append(j)
    drop = set(pages) | {j for js in beside.values() if len(set(js)) >= 2 for j in js}
    return [(starts[i], min(len(src), starts[i] + len(lines[i]) + 1), "page_break") for i in sorted(drop)]


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    spans.sort()
    out: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if out and (s < out[-1][1] or (s == out[-1][1] and k == out[-1][2])):
            ps, pe, pk = out[-1]
            out[-1] = (ps, max(pe, e), pk)
        else:
            out.append((s, e, k))
    return out


class CleanStage:
    name = "clean"

    def __init__(self, config: CleanConfig):
        self.config = config
        self.rules = _noise_patterns(config.data_dirs)
        self.table = t2s_table() if config.convert_traditional else {}

    def run(self, work: Work) -> None:
        src = work.source
        # zero-width marks and traditional characters lie outside GB2312: one
        # encoding pass tells whether either needs looking at
        rare = _outside_gb2312(src)
        convert = self.table and rare and not _traditional_chars().isdisjoint(rare)
        # noise is looked for in the simplified form (當前位置 is 当前位置), at the same offsets
        scan_src = src.translate(self.table) if convert else src
        found: list[tuple[int, int, str]] = []
        present = _present(self.rules, scan_src)
        for kind, triggers, scan in self.rules.inline:
            if triggers and triggers.isdisjoint(present):
                continue
            found.extend((m.start(), m.end(), kind) for m in scan.finditer(scan_src) if m.end() > m.start())
        if self.rules.line_re is not None:
            found.extend(self._noise_lines(scan_src))
        found.extend(_pinyin(src))
        breaks = _page_breaks(scan_src)
        if breaks:  # a page number the chrome patterns also matched is one page break
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b, _k in breaks)] + breaks
        zero_width = bool(rare) and any(ch in rare for ch in _ZERO_WIDTH)
        if zero_width or "\r" in src:
            found.extend(_silent_marks(src, zero_width))
        merged = _merge(found) if found else found
        build(work, [(s, e) for s, e, _ in merged])
        if self.config.join_lines:
            joins = self._line_joins(work)
            if joins:
                merged = _merge(merged + joins)
                build(work, [(s, e) for s, e, _ in merged])
        work.removed = [Removal(k, s, e, src[s:e]) for s, e, k in merged if k]
        work.clean = work.clean_raw.translate(self.table) if convert else work.clean_raw

    def _noise_lines(self, src: str) -> list[tuple[int, int, str]]:
        rules = self.rules
        out, pos, kinds = [], 0, rules.line_kinds
        full_match = rules.line_re.match
        gate = rules.line_gate.search if rules.line_gate is not None else None
        plain_match = rules.plain_line_re.match if rules.plain_line_re is not None else None
        for line in src.split("\n"):
            n = len(line)
            # long paragraphs ending a sentence are body text, not chrome or ads
            if 0 < n <= MAX_LINE and (n <= 60 or line[-1] != "。"):
                # a line holding no trigger word cannot match a gated pattern
                if gate is None or gate(line):
                    m = full_match(line)
                else:
                    m = plain_match(line) if plain_match is not None else None
                if m and m.end() > m.start():
                    out.append((pos + m.start(), pos + m.end(), kinds[m.lastgroup]))
            pos += n + 1
        return out

    def _line_joins(self, work: Work) -> list[tuple[int, int, str]]:
        text, out = work.clean_raw, []
        for m in _JOIN_RE.finditer(text):
            nl = m.start()
            if nl == 0 or text[nl - 1] in _NO_JOIN_AFTER:
                continue
            line_start = text.rfind("\n", 0, nl) + 1
            if "\t" in text[line_start:nl]:
                continue  # a table row (cells apart by tabs) ends its line
            line = text[line_start:nl].strip()
            if len(line) < self.config.min_join_len or not _END_PUNCT_IN_LINE.search(line):
                if not (_BEFORE_NUMBER_END.search(line) and _NUMBER_START.match(text, nl + 1)):
                    continue
            if "。" not in line and LINE_MARKER_RE.match(line):
                continue  # a heading line
            if LINE_MARKER_RE.match(text, nl + 1):
                continue
            src = work.to_src(nl)
            out.append((src, src + 1, "line_break"))
        return out
