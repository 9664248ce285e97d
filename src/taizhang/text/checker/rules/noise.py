"""noise: web residue left in the text, reported where it stands."""

from __future__ import annotations

from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule


@rule(family="noise", name="web_residue", source="data/noise.yaml；读取器清理记录", authority="convention")
def web_residue(ctx: CheckContext) -> Iterator[Finding]:
    for start, end, reason in ctx.noise:
        yield ctx.finding(
            "noise", "web_residue", "error",
            f"{reason}：从网页或素材站复制时带入，不属于正文，应删除",
            start, end, suggestion="", fixable=True,
        )
