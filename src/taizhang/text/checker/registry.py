"""Rule registry: adding a rule is one decorated function (and its test).

Every rule names its source and authority level (after psknlr/GONGWEN's design) and a
severity ceiling; the runner caps whatever a rule emits at that ceiling, so rules that
only hold under conditions can never raise errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taizhang.text.checker.finding import FAMILIES, SEVERITY_ORDER, Finding, Severity

if TYPE_CHECKING:
    from taizhang.text.checker.context import CheckContext

RuleFunc = Callable[["CheckContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    family: str
    name: str
    func: RuleFunc
    source: str  # where the rule comes from (standard, dictionary, observed defect)
    authority: str  # "standard" (GB/T, 党政机关公文格式), "dictionary", "convention", "heuristic"
    max_severity: Severity


RULES: dict[str, Rule] = {}


def rule(
    *, family: str, name: str, source: str, authority: str = "convention", max_severity: Severity = "error"
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function `f(ctx) -> Iterable[Finding]` under `family`/`name`."""
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")

    def decorate(func: RuleFunc) -> RuleFunc:
        key = f"{family}/{name}"
        if key in RULES:
            raise ValueError(f"rule {key} registered twice")
        RULES[key] = Rule(family, name, func, source, authority, max_severity)
        return func

    return decorate


def cap(severity: Severity, ceiling: Severity) -> Severity:
    return severity if SEVERITY_ORDER[severity] >= SEVERITY_ORDER[ceiling] else ceiling


def run_rules(ctx: CheckContext, families: Iterable[str] | None = None) -> list[Finding]:
    wanted = set(families) if families else None
    out: list[Finding] = []
    for r in RULES.values():
        if wanted is not None and r.family not in wanted:
            continue
        ceiling = SEVERITY_ORDER[r.max_severity]
        for f in r.func(ctx):
            if SEVERITY_ORDER[f.severity] < ceiling or f.family != r.family or f.rule != r.name:
                f = f._replace(family=r.family, rule=r.name, severity=cap(f.severity, r.max_severity))
            out.append(f)
    return out
