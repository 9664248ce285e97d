"""Noise spans: the reader's removals merged with the checker's own residue patterns.

The checker reports everything the reader's cleaning dropped and, so that it works on any
Document (a hand-built one, an older reader), also matches data/noise.yaml itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.model import Document

NOISE_REASONS = {
    "paywall": "付费墙标记",
    "ad": "广告",
    "chrome": "网页栏目残留",
    "source": "素材来源说明",
    "pinyin": "拼音注音",
}


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[tuple[str, ...], re.Pattern[str], str]]:
    """(triggers, pattern, reason) per entry; line_keywords entries become whole-line patterns."""
    out = []
    for e in vocab.load("noise")["patterns"]:
        if "line_keywords" in e:
            words = tuple(e["line_keywords"])
            body = "|".join(re.escape(w) for w in words)
            out.append((words, re.compile(rf"^[^\n]*?(?:{body})[^\n]*", re.M), e["reason"]))
        else:
            out.append((tuple(e.get("trigger", ())), re.compile(e["pattern"], re.M), e["reason"]))
    return out


def own_noise(text: str) -> list[tuple[int, int, str]]:
    out = []
    for triggers, pattern, reason in _compiled():
        if triggers and not any(t in text for t in triggers):
            continue  # the cheap substring test spares most regex passes
        for m in pattern.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), reason))
    return out


def noise_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Sorted (start, end, reason) spans of residue in `doc.source_text`, whitespace trimmed;
    spans separated only by whitespace merge into one block (a site's footer is one finding)."""
    text = doc.source_text
    spans = own_noise(text)
    for r in doc.removed:
        if r.end > r.start and r.text.strip():
            spans.append((r.start, r.end, NOISE_REASONS.get(r.kind, r.kind)))
    trimmed = []
    for s, e, k in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e, k))
    trimmed.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, k in trimmed:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            ps, pe, pk = merged[-1]
            merged[-1] = (ps, max(pe, e), pk if pk == k or s < pe else "网页栏目和广告")
        else:
            merged.append((s, e, k))
    return merged
