"""The checker: findings on a reader `Document`.

    from taizhang.text.checker import check_document, check_path, check_text
    findings = check_path("总结.docx")          # list[Finding], sorted by position

Rules live in `taizhang.text.checker.rules` (one module per family) and register with
`@rule(family=..., name=...)`; vocabularies are YAML files in `data/`.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from pathlib import Path

from taizhang.text.checker import rules as _rules  # noqa: F401  (registers every rule)
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import FAMILIES, Finding
from taizhang.text.checker.loading import read_document, read_text_document
from taizhang.text.checker.registry import RULES, rule
from taizhang.text.model import Document

# (start, end, family, rule) and (start, end, family) by index: cheaper than by attribute name
_POSITION = itemgetter(4, 5, 0, 1)
_SPAN = itemgetter(4, 5, 0)

__all__ = [
    "FAMILIES", "RULES", "Finding", "check_document", "check_path", "check_text", "check_with_context", "rule",
    "summarize",
]


def check_document(doc: Document, families: list[str] | None = None) -> list[Finding]:
    """All findings on `doc`, sorted by position."""
    return check_with_context(doc, families)[1]


def check_with_context(doc: Document, families: list[str] | None = None) -> tuple[CheckContext, list[Finding]]:
    """The findings plus the context they were computed in (line/column lookup for renderers)."""
    from taizhang.text.checker.registry import run_rules

    ctx = CheckContext(doc)
    found = run_rules(ctx, families)
    return ctx, _dedupe(sorted(found, key=_POSITION))


def check_text(text: str, path: str = "<text>", families: list[str] | None = None) -> list[Finding]:
    return check_document(read_text_document(text, path), families)


def check_path(path: str | Path, families: list[str] | None = None) -> list[Finding]:
    return check_document(read_document(path), families)


def summarize(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """The first finding of each family on each span: sorted by position, those are neighbours."""
    return [next(same) for _key, same in groupby(findings, key=_SPAN)]
