"""Sections stage: classify each top-level outline node (intro / achievements /
problems / plans / other) from its heading's cue words (data/sections.yaml);
children inherit; headings naming a later year than the one summarised are
plans; unclassified sections before the first problems/plans section of a
summary are achievements. A section whose heading names problems and plans
("存在的问题和下一步打算") lets its subheadings classify themselves and, in its
own running text, turns to plans at the first sentence opening with a plan word
(data/sections.yaml plan_openers): such stretches go to `work.plan_spans`."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.text.config import SectionConfig
from taizhang.text.model import OutlineNode
from taizhang.text.resources import load_data
from taizhang.text.work import Work

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_SENTENCE_END = "。！？!?\n"


def _words_re(words) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words or (), key=len, reverse=True))) or "(?!)")


@lru_cache(maxsize=16)
def _classes(data_dirs: tuple) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str]]:
    """((class, regex of its cue words) in the data file's order), regex of the plan openers."""
    doc = load_data("sections.yaml", data_dirs)
    classes = tuple((cls, _words_re(words)) for cls, words in (doc.get("classes") or {}).items())
    openers = re.compile(r"\s*(?:(?P<year>(?:19|20)\d{2})\s*年(?:度|[，,])?)?(?P<word>"
                         + _words_re(doc.get("plan_openers")).pattern + ")?")
    return classes, openers


def _inherit(node: OutlineNode, section: str) -> None:
    todo = [node]
    while todo:
        node = todo.pop()
        node.section = section
        if node.children:
            todo.extend(node.children)


class SectionStage:
    name = "sections"

    def __init__(self, config: SectionConfig):
        self.config = config
        self.classes, self.openers = _classes(config.data_dirs)

    def classify(self, title: str, summarised: int | None) -> str | None:
        for cls, cues in self.classes:
            if cues.search(title):
                return cls
        if summarised is not None:
            if any(int(y) > summarised for y in _YEAR_RE.findall(title)):
                return "plans"
        return None

    def is_combined(self, title: str) -> bool:
        """Whether the heading names both problems and plans: 存在的问题和下一步打算."""
        hits = {cls for cls, cues in self.classes if cues.search(title)}
        return {"problems", "plans"} <= hits

    def run(self, work: Work) -> None:
        roots = work.outline
        years = work.meta.years
        summarised = years[0] if years else None
        found = [None if n.inline else self.classify(n.title, summarised) for n in roots]
        is_plan_doc = work.meta.doc_type == "计划"
        seen_later = False
        last = None
        for node, cls in zip(roots, found):
            if node.inline:
                cls = "intro" if last is None else last
            elif cls is None:
                if is_plan_doc:
                    cls = "plans"
                elif not seen_later:
                    cls = "achievements"
                else:
                    cls = "plans" if last == "plans" else "other"
            if cls in ("problems", "plans"):
                seen_later = True
            last = cls
            _inherit(node, cls)
            if cls == "problems" and self.is_combined(node.title):
                self._split_combined(work, node, summarised)

    def _split_combined(self, work: Work, node: OutlineNode, summarised: int | None) -> None:
        """Plans inside a problems-and-plans section: subheadings that name plans,
        and the running text from its first sentence that opens with a plan word."""
        for child in node.children:
            if not child.inline and self.classify(child.title, summarised) == "plans":
                _inherit(child, "plans")
                work.plan_spans.append((child.start, child.end))
        text = work.clean
        body_end = next((c.start for c in node.children if not c.inline), node.end)
        pos = text.find("\n", node.start, body_end)
        while 0 <= pos < body_end:
            m = self.openers.match(text, pos + 1, body_end)
            if m.group("word") or (m.group("year") and summarised is not None and int(m.group("year")) > summarised):
                work.plan_spans.append((pos + 1, body_end))
                break
            pos = min((i for i in (text.find(c, pos + 1, body_end) for c in _SENTENCE_END) if i != -1), default=-1)
        work.plan_spans.sort()

    @staticmethod
    def section_at(roots: list[OutlineNode], pos: int) -> str:
        """Section class of clean offset `pos` (intro before the first heading)."""
        if not roots or pos < roots[0].start:
            return "intro"
        for node in reversed(roots):
            if node.start <= pos:
                return node.section
        return "intro"
