"""Noise spans: what the reader's cleaning removed (`Document.removed`), as the checker reports it.

The checker does not recognise noise itself: its extra patterns (data/noise.yaml) are handed to
the reader (see loading.py), so a Document built by hand, without the reader, has no noise.
"""

from __future__ import annotations

from taizhang.text.model import Document

NOISE_REASONS = {
    "paywall": "付费墙标记",
    "ad": "素材网站广告",
    "chrome": "网页栏目残留",
    "source_note": "素材来源说明",
    "pinyin": "拼音注音",
    "page_break": "从 PDF 复制带入的页码和页眉页脚",
}
SKIPPED_KINDS = frozenset({"", "line_break"})  # the reader's silent edits, not residue


def noise_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Sorted (start, end, reason) spans of residue in `doc.source_text`, whitespace trimmed;
    spans separated only by whitespace merge into one block (a site's footer is one finding)."""
    text = doc.source_text
    trimmed = []
    for r in doc.removed:
        if r.kind in SKIPPED_KINDS:
            continue
        s, e = r.start, r.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e, NOISE_REASONS.get(r.kind, r.kind)))
    trimmed.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, k in trimmed:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1] : s].strip()):
            ps, pe, pk = merged[-1]
            merged[-1] = (ps, max(pe, e), pk if pk == k or s < pe else "网页栏目和广告")
        else:
            merged.append((s, e, k))
    return merged
