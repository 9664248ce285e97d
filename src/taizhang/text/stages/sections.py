"""Sections stage: classify each top-level outline node (intro / achievements /
problems / plans / other) from its heading's cue words (data/sections.yaml);
children inherit; headings naming a later year than the one summarised are
plans; unclassified sections before the first problems/plans section of a
summary are achievements."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.text.config import SectionConfig
from taizhang.text.model import OutlineNode
from taizhang.text.resources import load_data
from taizhang.text.work import Work

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")


@lru_cache(maxsize=16)
def _classes(data_dirs: tuple) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(class, regex of its cue words) in the data file's order."""
    doc = load_data("sections.yaml", data_dirs)
    return tuple((cls, re.compile("|".join(map(re.escape, words)) or "(?!)"))
                 for cls, words in (doc.get("classes") or {}).items())


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
        self.classes = _classes(config.data_dirs)

    def classify(self, title: str, summarised: int | None) -> str | None:
        for cls, cues in self.classes:
            if cues.search(title):
                return cls
        if summarised is not None:
            if any(int(y) > summarised for y in _YEAR_RE.findall(title)):
                return "plans"
        return None

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

    @staticmethod
    def section_at(roots: list[OutlineNode], pos: int) -> str:
        """Section class of clean offset `pos` (intro before the first heading)."""
        if not roots or pos < roots[0].start:
            return "intro"
        for node in reversed(roots):
            if node.start <= pos:
                return node.section
        return "intro"
