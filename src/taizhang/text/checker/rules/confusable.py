"""confusable: curated lexicon of common errors in official writing (data/confusables.yaml),
matched in one pass over the text with a single alternation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, dict]]:
    entries = {e["wrong"]: e for e in vocab.load("confusables")["entries"]}
    return vocab.alternation(list(entries)), entries


def _context_ok(text: str, start: int, end: int, entry: dict) -> bool:
    for before in entry.get("not_before", ()):
        if text[max(0, start - len(before)) : start] == before:
            return False
    for after in entry.get("not_after", ()):
        if text[end : end + len(after)] == after:
            return False
    required = entry.get("after")
    if required and not any(text[end : end + len(a)] == a for a in required):
        return False
    return True


@rule(family="confusable", name="lexicon", source="data/confusables.yaml（《现代汉语词典》《第一批异形词整理表》及常见公文差错）",
      authority="dictionary")
def lexicon(ctx: CheckContext) -> Iterator[Finding]:
    pattern, entries = _lexicon()
    text = ctx.text
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        entry = entries[m.group(0)]
        if not _context_ok(text, m.start(), m.end(), entry) or ctx.in_noise(m.start(), m.end()):
            pos = m.start() + 1
            continue
        pos = m.end()
        yield ctx.finding(
            "confusable", "lexicon", entry.get("severity", "error"),
            f"“{m.group(0)}”应为“{entry['right']}”：{entry['reason']}",
            m.start(), m.end(), suggestion=entry["right"], fixable=True,
        )
