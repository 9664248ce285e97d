"""What every rule sees: the Document plus derived views computed once per check.

Where the reader leaves something empty (no outline, no meta), small fallbacks here
derive it from `source_text`, so rules never depend on reader internals.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from taizhang.text.checker.finding import Finding, Severity
from taizhang.text.checker.noise import noise_spans
from taizhang.text.model import Document

_TOP_HEADING = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]{1,3})[、.．][^\n]{0,60}$", re.M)
_PLAN_WORDS = re.compile(r"下一步|下步|计划|打算|思路|举措|安排|明年|来年|下一年|下年度|展望|目标任务")
_PROBLEM_WORDS = re.compile(r"问题|不足|短板|差距|困难|薄弱")
_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)年")
_CN_YEAR = re.compile(r"(二[〇零][〇零一二三四五六七八九]{2})年")
_SENT_END = re.compile(r"[。！？；!?;\n]+")


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    kind: str  # intro | achievements | problems | plans | other
    heading: str


class CheckContext:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.source_text
        self.noise = noise_spans(doc)
        self._noise_starts = [s for s, _e, _k in self.noise]

    # -- noise -------------------------------------------------------------
    def in_noise(self, start: int, end: int) -> bool:
        i = bisect_right(self._noise_starts, start) - 1
        for s, e, _k in self.noise[max(i, 0) : i + 2]:
            if s < end and start < e:
                return True
        return False

    # -- title, years, type, unit -----------------------------------------
    @cached_property
    def title(self) -> tuple[str, int, int]:
        m = self.doc.meta
        if m.title and m.title_start is not None and m.title_end is not None:
            return m.title, m.title_start, m.title_end
        pos = 0
        for line in self.text.split("\n"):
            stripped = line.strip()
            if stripped and not self.in_noise(pos, pos + len(line)):
                return stripped, pos, pos + len(line)
            pos += len(line) + 1
        return "", 0, 0

    @cached_property
    def years(self) -> tuple[int, ...]:
        """Years the title names ("2023年…及2024年…"). Years the reader may infer from the body
        are not used: period rules must not fire on a guess."""
        title = self.title[0]
        found = [int(y) for y in _YEAR.findall(title)]
        found += [int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in y))
                  for y in _CN_YEAR.findall(title)]
        return tuple(sorted(set(found)))

    @cached_property
    def doc_type(self) -> str:
        if self.doc.meta.doc_type != "其他":
            return self.doc.meta.doc_type
        t = self.title[0]
        if "半年" in t:
            return "半年总结"
        if "总结" in t and re.search(r"计划|打算|思路|安排", t):
            return "总结及计划"
        if "总结" in t or "报告" in t:
            return "总结"
        if re.search(r"计划|要点|安排|打算", t):
            return "计划"
        return "其他"

    @property
    def is_annual(self) -> bool:
        t = self.title[0]
        if self.doc_type == "半年总结" or re.search(r"半年|季度|[一二三四五六七八九十\d]+月", t):
            return False
        return self.doc_type in ("总结", "计划", "总结及计划") and (bool(self.years) or "年度" in t or "全年" in t)

    @cached_property
    def unit_kind(self) -> str:
        from taizhang.text.checker.unit import unit_kind

        return unit_kind(self)

    # -- structure ---------------------------------------------------------
    @cached_property
    def sections(self) -> list[Section]:
        """Top-level sections: from the reader's outline, else from 一、 headings."""
        heads: list[tuple[int, str, str]] = []
        for node in self.doc.outline:
            if node.level == 1 and not node.inline:
                heads.append((node.start, node.title, node.section))
        if not heads:
            for m in _TOP_HEADING.finditer(self.text):
                if self.in_noise(m.start(), m.end()):
                    continue
                heads.append((m.start(), m.group(0).strip(), self._classify(m.group(0))))
        out: list[Section] = []
        first = heads[0][0] if heads else len(self.text)
        out.append(Section(0, first, "intro", ""))
        for i, (start, title, kind) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(self.text)
            if kind in ("other", "achievements") and self._classify(title) == "plans":
                kind = "plans"
            out.append(Section(start, end, kind, title))
        return out

    def _classify(self, heading: str) -> str:
        if _PROBLEM_WORDS.search(heading):
            return "problems"
        if _PLAN_WORDS.search(heading):
            return "plans"
        years = self.years
        if len(years) >= 2 and str(max(years)) in heading:
            return "plans"
        return "achievements"

    def section_at(self, pos: int) -> Section:
        for sec in reversed(self.sections):
            if sec.start <= pos:
                return sec
        return self.sections[0]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence outside noise, trailing punctuation excluded."""
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _SENT_END.finditer(self.text):
            if m.start() > pos:
                s, e = pos, m.start()
                while s < e and self.text[s] in " \t\u3000":
                    s += 1
                if e > s and not self.in_noise(s, e):
                    out.append((s, e))
            pos = m.end()
        if pos < len(self.text) and not self.in_noise(pos, len(self.text)):
            out.append((pos, len(self.text)))
        return out

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
        return Finding(family, rule, severity, message, start, end, self.text[start:end], suggestion, fixable)
