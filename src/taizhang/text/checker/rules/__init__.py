"""Rule modules; importing this package registers every rule."""

from taizhang.text.checker.rules import (  # noqa: F401
    confusable,
    duplicate,
    figures,
    missing_number,
    noise,
    numbering,
    period,
    placeholder,
    punctuation,
    repetition,
    stale,
    template_residue,
)
