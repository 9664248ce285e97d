"""The checker's output: one `Finding` per defect, offsets into `Document.source_text`."""

from __future__ import annotations

from typing import Literal, NamedTuple

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


class Finding(NamedTuple):
    """Immutable; a named tuple because a document can carry hundreds and a frozen dataclass
    costs several times more to build."""

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
        return self._asdict()
