"""The checker's output: one `Finding` per defect, offsets into `Document.source_text`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

FAMILIES: tuple[str, ...] = (
    "noise",
    "placeholder",
    "numbering",
    "repetition",
    "missing_number",
    "confusable",
    "punctuation",
    "template_residue",
    "period_mismatch",
    "stale_formulation",
    "inconsistent_figures",
    "duplicate_passage",
)


@dataclass(frozen=True)
class Finding:
    family: str
    rule: str
    severity: Severity
    message: str  # Chinese: what is wrong and why
    start: int
    end: int
    excerpt: str  # source_text[start:end]
    suggestion: str | None = None  # replacement text when the fix is mechanical
    fixable: bool = False  # whether `--fix` may apply `suggestion` automatically

    def to_dict(self) -> dict:
        return asdict(self)
