"""Outline stage: headings (一、 （一） 1. （1） ①) found at line starts, run-in
titles cut at the first sentence end, inline enumerations (一是… 第一，…
首先，…) nested under the heading whose body holds them, and numbering
anomalies recorded (never fixed). Works in clean-text offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain
from operator import attrgetter

from taizhang.text.config import OutlineConfig
from taizhang.text.markers import HEADING_ANY_RE, HEADING_STYLES, LINE_MARKER_RE, find_inline, ordinal
from taizhang.text.model import NumberingAnomaly, OutlineNode
from taizhang.text.work import Work

_TITLE_END = re.compile(r"[。！？!?；;\n]")
_SOFT_END = re.compile(r"[，,：:]")
# a heading at the start of any line but the first: one scan, led by the literal
# line break, tries each line in the regex engine (no Python per line)
_HEADING_AFTER_BREAK_RE = re.compile(r"\n(?:" + HEADING_ANY_RE.pattern + ")")
assert _HEADING_AFTER_BREAK_RE.groupindex == HEADING_ANY_RE.groupindex  # _HEADING_GROUPS serves both
# HEADING_ANY_RE's "h<i>" group name -> (style, level, marker group index, ordinal group index)
# (the "n<i>" names map too, for safety: lastgroup is the outer group per the re docs)
_HEADING_GROUPS = {f"{g}{i}": (style, level, HEADING_ANY_RE.groupindex[f"h{i}"], HEADING_ANY_RE.groupindex[f"n{i}"])
                   for i, (style, level, _) in enumerate(HEADING_STYLES) for g in "hn"}
_STYLE_NAMES = {"一是": "是", "一要": "要", "第一": "第", "首先": "首先"}


def _title(text: str, start: int, limit: int) -> str:
    # _TITLE_END holds "\n": the title never runs past the line end
    m = _TITLE_END.search(text, start, start + 400)
    title = text[start:m.start() if m else start + 400].strip()
    if len(title) > limit:
        soft = _SOFT_END.search(title)
        title = title[: soft.start()] if soft and soft.start() > 0 else title[:limit]
    return title


_START = attrgetter("start")


def _knock_on(same: list[OutlineNode], node: OutlineNode) -> bool:
    """Whether a gap before `node` only follows from a slip already recorded: a repeated number
    that stood for the missing one (（三）（三）（五）), a number given out of order (（一）（三）
    （二）（四）), or the missing one written in another style under the previous heading
    (（二）… 3. … （四）)."""
    if not same:
        return False
    numbers = [s.number for s in same]
    if node.number == max(numbers) + 1:
        return True
    if len(numbers) >= 2 and numbers[-1] == numbers[-2] and node.number == numbers[-1] + 2:
        return True
    prev = same[-1]
    return any(c.number == node.number - 1 and c.style != node.style and not c.inline for c in prev.children)


def _is_excerpt(text: str, title: str | None) -> bool:
    """Whether the text is cut from a longer document: no title, and its first
    line is running text (ends a sentence) rather than a heading."""
    if title is not None:
        return False
    head = text[:200]
    start = len(head) - len(head.lstrip())
    end = text.find("\n", start)
    first = text[start:end if end != -1 else len(text)].rstrip()
    return bool(first) and first[-1] in "。；;，," and not LINE_MARKER_RE.match(first)


def _close(nodes: list[OutlineNode], end: int) -> None:
    """Each node ends where its next sibling starts (the last one at `end`)."""
    todo = [(nodes, end)]
    while todo:
        nodes, end = todo.pop()
        if len(nodes) > 1:
            nodes.sort(key=_START)
        last = len(nodes) - 1
        for i, node in enumerate(nodes):
            node.end = nodes[i + 1].start if i < last else end
            if node.children:
                todo.append((node.children, node.end))


class OutlineStage:
    name = "outline"

    def __init__(self, config: OutlineConfig):
        self.config = config

    def run(self, work: Work) -> None:
        text = work.clean
        roots, flat = self._headings(text, work.anomalies, _is_excerpt(text, work.meta.title))
        if self.config.inline_enumerations:
            self._inline(text, roots, flat, work.anomalies)
        _close(roots, len(text))
        work.outline = roots

    # -- headings -------------------------------------------------------------
    def _headings(self, text: str, anomalies: list[NumberingAnomaly],
                  excerpt: bool = False) -> tuple[list[OutlineNode], list[OutlineNode]]:
        """(root headings, all headings in document order). In an excerpt the first
        top-level heading of each level may be any number: its earlier ones were cut."""
        roots: list[OutlineNode] = []
        flat: list[OutlineNode] = []
        stack: list[OutlineNode] = []
        last_number: dict[tuple[int, str], int] = {}  # the last number seen per level and style
        limit = self.config.max_title_len
        first = HEADING_ANY_RE.match(text) if text and text[0] != "\n" else None
        matches = _HEADING_AFTER_BREAK_RE.finditer(text)
        for m in chain((first,), matches) if first else matches:
            style, level, h, n = _HEADING_GROUPS[m.lastgroup]  # the outer "h<i>" group closes last
            title = _title(text, m.end(h), limit)
            if not title:
                continue
            start = m.start(h)  # (its end is set by _close)
            node = OutlineNode(level, m.group(h).strip(), title, start, start, "other", style,
                               ordinal(m.group(n)), False, [])
            while stack and stack[-1].level >= level:
                stack.pop()
            siblings = stack[-1].children if stack else roots
            cut = excerpt and not stack and not any(r.level == level for r in roots)
            # items numbered on across sections ("1.–14." under 一、–六、 in a plan): a first item
            # that follows the last one of its style under the previous heading is no skip
            runs_on = node.number == last_number.get((level, style), 0) + 1 and not any(
                s.level == level and not s.inline for s in siblings)
            if (siblings or node.number != 1) and not cut and not runs_on:
                self._check(siblings, node, anomalies)
            last_number[(level, style)] = node.number
            siblings.append(node)
            stack.append(node)
            flat.append(node)
        return roots, flat

    @staticmethod
    def _check(siblings: list[OutlineNode], node: OutlineNode, anomalies: list[NumberingAnomaly]) -> None:
        same = [s for s in siblings if s.level == node.level and s.inline == node.inline]
        prev = same[-1] if same else None  # the last sibling of the same level and kind
        expected = prev.number + 1 if prev else 1
        kind = detail = None
        if prev and node.number == prev.number:
            kind, detail = "repeated", f"“{node.marker}”重复出现"
        elif node.number > expected and not _knock_on(same, node):
            kind, detail = "skipped", f"“{node.marker}”之前缺少第{expected}项"
        elif prev and node.number < prev.number and node.number != 1:
            kind, detail = "out_of_order", f"“{node.marker}”出现在第{prev.number}项之后"
        if kind:
            anomalies.append(NumberingAnomaly(kind, node.level, node.marker, node.start, node.start + len(node.marker), detail))
        if prev and not node.inline and prev.style != node.style:
            anomalies.append(NumberingAnomaly("mixed_style", node.level, node.marker, node.start,
                                              node.start + len(node.marker),
                                              f"同一级标题混用“{prev.style}”与“{node.style}”两种编号"))

    # -- inline enumerations --------------------------------------------------
    def _inline(self, text: str, roots: list[OutlineNode], flat: list[OutlineNode],
                anomalies: list[NumberingAnomaly]) -> None:
        # a heading's own body runs to the next heading of any level, so the heading
        # that holds a position is simply the last one starting before it
        starts = [n.start for n in flat]
        groups: dict[int, tuple[OutlineNode | None, list]] = {}
        for item in find_inline(text):
            k = bisect_right(starts, item[0]) - 1
            owner = flat[k] if k >= 0 else None
            group = groups.get(id(owner))
            if group is None:
                groups[id(owner)] = group = (owner, [])
            group[1].append(item)
        for owner, items in groups.values():
            self._nest(text, owner, roots, items, anomalies)

    def _nest(self, text, owner, roots, items, anomalies) -> None:
        base_level = owner.level if owner else 0
        top_children = owner.children if owner else roots
        stack: list[OutlineNode] = []  # open inline nodes, outermost first
        for start, end, style, marker, num_text in items:
            number = ordinal(num_text)
            open_idx = None  # the open enumeration of this style (a plain loop: stacks are short)
            for i, n in enumerate(stack):
                if n.style == style:
                    open_idx = i
                    break
            if open_idx is None and (style == "首先" and number != 1):
                continue  # a lone 其次/最后 is prose, not an enumeration
            if open_idx is not None and number != 1:
                prev = stack[open_idx]
                del stack[open_idx:]
                number = prev.number + 1 if number == 99 else number
            else:
                prev = None
                if open_idx is not None:
                    del stack[open_idx:]
            parent_list = stack[-1].children if stack else top_children
            level = (stack[-1].level if stack else base_level) + 1
            title = _title(text, end, 30)
            node = OutlineNode(level, marker, title, start, start, "other", style, number, True, [])
            if prev is not None or number != 1:
                self._check_inline(prev, node, anomalies)
            parent_list.append(node)
            stack.append(node)

    @staticmethod
    def _check_inline(prev: OutlineNode | None, node: OutlineNode, anomalies: list[NumberingAnomaly]) -> None:
        expected = prev.number + 1 if prev else 1
        if prev and node.number == prev.number:
            anomalies.append(NumberingAnomaly("repeated", node.level, node.marker, node.start,
                                              node.start + len(node.marker), f"“{node.marker}”重复出现"))
        elif node.number > expected and node.style != "首先":
            missing = "、".join(f"{_cn(k)}{_STYLE_NAMES.get(node.style, '')}" if node.style != "第一" else f"第{_cn(k)}"
                                for k in range(expected, node.number))
            anomalies.append(NumberingAnomaly("missing_enumeration", node.level, node.marker, node.start,
                                              node.start + len(node.marker), f"“{node.marker}”之前缺少“{missing}”"))


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
