"""Findings rendered for people (rich text, HTML) and programs (JSON lines)."""

from __future__ import annotations

import html
import json

from rich.console import Console
from rich.text import Text

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import SEVERITY_ORDER, Finding

SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTEXT = 16


def verdict(findings: list[Finding]) -> str:
    n = {s: sum(f.severity == s for f in findings) for s in SEVERITY_CN}
    if n["error"]:
        head = "未通过"
    elif n["warning"]:
        head = "基本通过，有待改进"
    else:
        head = "通过"
    return f"{head}：{n['error']} 个错误，{n['warning']} 个警告，{n['info']} 条提示"


def to_json(path: str, text: str, findings: list[Finding], ctx: CheckContext) -> str:
    items = []
    for f in findings:
        line, col = ctx.line_col(f.start)
        items.append(f.to_dict() | {"line": line, "column": col})
    return json.dumps({"path": path, "source_text": text, "verdict": verdict(findings), "findings": items},
                      ensure_ascii=False)


def print_text(console: Console, path: str, text: str, findings: list[Finding], ctx: CheckContext,
               min_severity: str = "info") -> None:
    console.print(Text(path, style="bold underline"))
    limit = SEVERITY_ORDER[min_severity]
    for sev in ("error", "warning", "info"):
        group = [f for f in findings if f.severity == sev]
        if not group or SEVERITY_ORDER[sev] > limit:
            continue
        console.print(Text(f"  {SEVERITY_CN[sev]}（{len(group)}）", style=_STYLE[sev]))
        for f in group:
            line, col = ctx.line_col(f.start)
            row = Text(f"    {line}:{col}  ", style="dim")
            row.append(f"[{f.family}/{f.rule}] ", style="dim")
            row.append(f.message)
            if f.suggestion:
                row.append(f" → “{f.suggestion}”", style="green")
            console.print(row)
            console.print(_context(text, f, sev))
    style = "bold red" if any(f.severity == "error" for f in findings) else "bold green"
    console.print(Text(f"  {verdict(findings)}", style=style))


def _context(text: str, f: Finding, sev: str) -> Text:
    s = max(0, f.start - _CONTEXT)
    e = min(len(text), f.end + _CONTEXT)
    out = Text("      ")
    out.append(_flat(text[s : f.start]), style="dim")
    out.append(_flat(text[f.start : f.end]) or "∅", style=f"reverse {_STYLE[sev]}")
    out.append(_flat(text[f.end : e]), style="dim")
    return out


def _flat(s: str) -> str:
    return s.replace("\n", "⏎").replace("\t", " ")


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;display:flex;height:100vh}
#doc{flex:3;overflow:auto;padding:1.5em 2em;white-space:pre-wrap;line-height:1.9;font-size:16px}
#list{flex:2;overflow:auto;padding:1em;background:#f7f7f9;border-left:1px solid #ddd;font-size:14px}
mark{border-radius:2px;padding:0 1px} mark.error{background:#f8b4b4} mark.warning{background:#fde68a}
mark.info{background:#bfdbfe} li{margin:.5em 0} li a{color:inherit;text-decoration:none}
.sev-error{color:#b91c1c;font-weight:bold} .sev-warning{color:#a16207;font-weight:bold} .sev-info{color:#1d4ed8}
.verdict{font-weight:bold;margin-bottom:1em} .fix{color:#15803d} code{font-size:12px;color:#555}
"""


def to_html(path: str, text: str, findings: list[Finding], ctx: CheckContext) -> str:
    body = _highlighted(text, findings)
    rows = []
    for i, f in enumerate(findings):
        line, col = ctx.line_col(f.start)
        fix = f' <span class="fix">→ “{html.escape(f.suggestion)}”</span>' if f.suggestion else ""
        rows.append(
            f'<li id="f{i}"><a href="#m{i}"><span class="sev-{f.severity}">{SEVERITY_CN[f.severity]}</span> '
            f"{line}:{col} <code>{f.family}/{f.rule}</code><br>{html.escape(f.message)}{fix}</a></li>"
        )
    title = html.escape(path)
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>材料体检：{title}</title>'
        f"<style>{_CSS}</style></head><body><div id=\"doc\">{body}</div><div id=\"list\">"
        f"<h3>{title}</h3><div class=\"verdict\">{html.escape(verdict(findings))}</div><ol>{''.join(rows)}</ol>"
        f"</div></body></html>\n"
    )


def marked_stretches(text: str, findings: list[Finding]) -> list[tuple[str, int | None, tuple[int, ...]]]:
    """The text cut at every finding's boundaries: (stretch, the narrowest finding covering it or
    None, the findings that start there). A finding nested in a wider one (a confusable inside a
    copied passage) keeps its own stretch; every finding has the place where it starts."""
    bounds = sorted({0, len(text)} | {f.start for f in findings} | {f.end for f in findings})
    starts: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        starts.setdefault(f.start, []).append(i)
    out: list[tuple[str, int | None, tuple[int, ...]]] = []
    for a, b in zip(bounds, bounds[1:]):
        covering = [i for i, f in enumerate(findings) if f.start <= a and b <= f.end]
        narrowest = min(covering, key=lambda k: findings[k].end - findings[k].start) if covering else None
        out.append((text[a:b], narrowest, tuple(starts.get(a, ()))))
    if starts.get(len(text)):  # an empty finding at the very end
        out.append(("∅", starts[len(text)][0], tuple(starts[len(text)])))
    return out


def _highlighted(text: str, findings: list[Finding]) -> str:
    """Escaped text with every finding marked and anchored (#m<i>)."""
    out: list[str] = []
    for piece, i, anchors in marked_stretches(text, findings):
        out.extend(f'<span id="m{k}"></span>' for k in anchors)
        if i is None:
            out.append(html.escape(piece))
            continue
        f = findings[i]
        out.append(f'<mark class="{f.severity}" title="{html.escape(f.message, quote=True)}">'
                   f'<a href="#f{i}">{html.escape(piece)}</a></mark>')
    return "".join(out)
