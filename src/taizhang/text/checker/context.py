"""What every rule sees: the reader's Document plus views derived from it once per check.

Everything structural comes from the reader: noise (`removed`), title, document type, outline
and its sections, numbering anomalies, indicators. What the checker adds is its own reading of
those (years named by the title, the kind of unit, sentence spans) and `shared`, where rules
keep intermediate results other rules reuse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from taizhang.text.checker.finding import Finding, Severity
from taizhang.text.checker.noise import noise_spans
from taizhang.text.stages.clean import simplified, t2s_table
from taizhang.text.model import Document

_PLAN_WORDS = re.compile(r"下一步|下步|计划|打算|思路|举措|安排|明年|来年|下一年|下年度|展望|目标任务")
_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)年")
_CN_YEAR = re.compile(r"(二[〇零][〇零一二三四五六七八九]{2})年")
_CN_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
# a sentence: from its first character that is neither blank nor an end mark up to the next end mark
_SENTENCE = re.compile(r"[^。！？；!?;\n \t\u3000][^。！？；!?;\n]*")
_NOT_ANNUAL = re.compile(r"半年|季度|[一二三四五六七八九十\d]+月")


# a document has dozens of findings: building the tuple directly skips the named tuple's Python-level __new__
_new_finding = tuple.__new__


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    kind: str  # intro | achievements | problems | plans | other
    heading: str


class CheckContext:
    def __init__(self, doc: Document):
        self.doc = doc
        self.source = doc.source_text
        # rules read simplified characters (their vocabularies are); offsets are the source's
        self.text = simplified(doc.source_text)
        self.noise = noise_spans(doc)
        self._noise_starts = [s for s, _e, _k in self.noise]
        self._noise_ends = [e for _s, e, _k in self.noise]
        self.shared: dict[str, Any] = {}  # per-check results several rules use (see figures_extract)

    # -- noise -------------------------------------------------------------
    def in_noise(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a noise span. The spans are sorted and disjoint (noise_spans
        merges them): only the first one ending after `start` can be the one."""
        if not self._noise_ends:
            return False
        i = bisect_right(self._noise_ends, start)
        return i < len(self._noise_starts) and self._noise_starts[i] < end

    # -- title, years, type, unit -----------------------------------------
    @cached_property
    def title(self) -> tuple[str, int, int]:
        """The reader's title (in simplified characters, as the rules' words are) and its span;
        ("", 0, 0) when the reader found none."""
        m = self.doc.meta
        if m.title and m.title_start is not None and m.title_end is not None:
            return m.title.translate(t2s_table()), m.title_start, m.title_end
        return "", 0, 0

    @cached_property
    def years(self) -> tuple[int, ...]:
        """Years the title names ("2023年…及2024年…"). Years the reader may infer from the body
        are not used: period rules must not fire on a guess."""
        title = self.title[0]
        found = [int(y) for y in _YEAR.findall(title)]
        found += [int(y.translate(_CN_DIGIT)) for y in _CN_YEAR.findall(title)]
        return tuple(sorted(set(found)))

    @property
    def doc_type(self) -> str:
        return self.doc.meta.doc_type

    @cached_property
    def is_annual(self) -> bool:
        t = self.title[0]
        if self.doc_type == "半年总结" or _NOT_ANNUAL.search(t):
            return False
        return self.doc_type in ("总结", "计划", "总结及计划") and (bool(self.years) or "年度" in t or "全年" in t)

    @cached_property
    def unit_kind(self) -> str:
        from taizhang.text.checker.unit import unit_kind

        return unit_kind(self)

    # -- structure ---------------------------------------------------------
    @cached_property
    def sections(self) -> list[Section]:
        """Top-level sections of the reader's outline, with an intro before the first heading.
        A heading that announces plans (下一步、打算、思路…) makes a plans section even where the
        reader left it unclassified."""
        heads = [(n.start, n.title, n.section) for n in self.doc.outline if n.level == 1 and not n.inline]
        out = [Section(0, heads[0][0] if heads else len(self.text), "intro", "")]
        for i, (start, title, kind) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(self.text)
            if kind in ("other", "achievements") and self._announces_plans(title):
                kind = "plans"
            out.append(Section(start, end, kind, title))
        return out

    def holds_plans(self, pos: int) -> bool:
        """Whether `pos` lies in a plans section, or in one that joins problems and plans
        ("存在的问题和2025年工作打算")."""
        section = self.section_at(pos)
        return section.kind == "plans" or (section.kind == "problems" and self._announces_plans(section.heading))

    def _announces_plans(self, heading: str) -> bool:
        if _PLAN_WORDS.search(heading):
            return True
        years = self.years
        return len(years) >= 2 and str(max(years)) in heading

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, pos: int) -> Section:
        return self.sections[max(bisect_right(self._section_starts, pos) - 1, 0)]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence outside noise, leading blanks and trailing punctuation excluded.
        A line break the reader rejoined (a hard wrap inside a sentence) does not end one."""
        text = self.text
        wraps = [r.start for r in self.doc.removed if r.kind == "line_break" and text[r.start] == "\n"]
        if wraps:
            chars = list(text)
            for i in wraps:
                chars[i] = " "
            text = "".join(chars)
        spans = [m.span() for m in _SENTENCE.finditer(text)]
        if not self._noise_starts:
            return spans
        return [(s, e) for s, e in spans if not self.in_noise(s, e)]

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    def line_col(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, pos) - 1
        return i + 1, pos - self.line_starts[i] + 1

    # -- building findings ---------------------------------------------------
    def finding(
        self,
        family: str,
        rule: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        suggestion: str | None = None,
        fixable: bool = False,
    ) -> Finding:
        return _new_finding(Finding, (family, rule, severity, message, start, end, self.source[start:end], suggestion,
                                      fixable))
