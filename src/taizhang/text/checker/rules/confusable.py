"""confusable: curated lexicon of common errors in official writing (data/confusables.yaml),
found in one pass over the text (vocab.WordFinder)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule


@lru_cache(maxsize=1)
def _lexicon() -> tuple[vocab.WordFinder, dict[str, dict]]:
    entries = {e["wrong"]: e for e in vocab.load("confusables")["entries"]}
    return vocab.WordFinder(list(entries)), entries


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
    finder, entries = _lexicon()
    text = ctx.text
    pos = 0
    while True:
        span = finder.search(text, pos)
        if span is None:
            return
        start, end = span
        wrong = text[start:end]
        entry = entries[wrong]
        if not _context_ok(text, start, end, entry) or ctx.in_noise(start, end):
            pos = start + 1
            continue
        pos = end
        yield ctx.finding(
            "confusable", "lexicon", entry.get("severity", "error"),
            f"“{wrong}”应为“{entry['right']}”：{entry['reason']}",
            start, end, suggestion=entry["right"], fixable=True,
        )
