"""One cached Jinja2 environment (autoescaped, no reloading) and the page renderer."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from taizhang.web.config import PACKAGE_DIR, WebConfig

# (path, label, action needed); the nav shows only what the actor may open.
NAV = (("/", "工作台", "view"), ("/ledger", "台账", "view"), ("/targets", "目标", "view"),
       ("/report", "生成总结", "view"), ("/check", "材料体检", "view"), ("/admin", "单位与账号", "admin"),
       ("/audit", "操作日志", "audit.view"))


AUDIT_ACTIONS = {"insert": "新增", "update": "修改", "delete": "删除", "bulk_insert": "批量导入"}
AUDIT_ENTITIES = {"record": "台账记录", "unit": "单位", "target": "目标", "evidence": "佐证材料", "user": "账号",
                  "api_token": "API令牌"}


def audit_summary(item) -> str:
    """What an audit entry was about, in a few words (its title, name, file...)."""
    data = item.data
    for key in ("title", "name", "username", "filename", "indicator"):
        if data.get(key):
            return str(data[key])
    if data.get("records"):
        return f"{data['records']}条记录"
    return ""


def number(value: Any) -> str:
    """1234 → "1,234"; 12.5 → "12.5" (figures shown as in the ledger, not rounded away)."""
    if value is None:
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


GROUP = object()  # marks an <optgroup> label in an options tuple


@lru_cache(maxsize=512)
def select_options(pairs: tuple, selected: str = "") -> Markup:
    """`<option>`s of a select, built once per (list, choice): unit trees run to ~200 options and
    rendering them through the template loop was most of a list page's time.

    `pairs`: (value, label) tuples; (GROUP, label) opens an optgroup.
    """
    out: list[str] = []
    grouped = False
    selected = str(selected)
    for value, label in pairs:
        if value is GROUP:
            out.append(("</optgroup>" if grouped else "") + f'<optgroup label="{escape(label)}">')
            grouped = True
            continue
        mark = " selected" if str(value) == selected else ""
        out.append(f'<option value="{escape(value)}"{mark}>{escape(label)}</option>')
    if grouped:
        out.append("</optgroup>")
    return Markup("".join(out))


def quantity_text(record, taxonomy) -> str:
    """“受众人次120 参与人数30” for a list row."""
    kind = taxonomy._types.get(record.type_code)
    if kind is None or not record.quantities:
        return ""
    values = record.quantities
    return " ".join(f"{q.label}{number(values[q.field])}" for q in kind.quantities if values.get(q.field))


class Templates:
    def __init__(self, config: WebConfig):
        self.env = Environment(
            loader=FileSystemLoader(str(PACKAGE_DIR / "templates")),
            autoescape=select_autoescape(("html", "xml"), default_for_string=True),
            auto_reload=False, cache_size=400, trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters["num"] = number
        self.env.filters["pct"] = percent
        self.env.filters["audit_summary"] = audit_summary
        self.env.filters["quantity_text"] = quantity_text
        self.env.globals.update(select_options=select_options, NAV=NAV, AUDIT_ACTIONS=AUDIT_ACTIONS, AUDIT_ENTITIES=AUDIT_ENTITIES)

    def fragment(self, name: str, context: dict[str, Any]) -> Markup:
        """A part of a page that holds nothing of the session (no CSRF token, no user): cacheable."""
        return Markup(self.env.get_template(name).render(context))

    def render(self, request: Request, name: str, context: dict[str, Any] | None = None, *,
               status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
        from taizhang.web.sessions import csrf_token

        ctx = {"request": request, "actor": getattr(request.state, "actor", None),
               "type_options": request.app.state.site.type_options,
               "csrf_token": csrf_token(request), "path": request.url.path,
               "htmx": request.headers.get("hx-request") == "true"}
        ctx.update(context or {})
        html = self.env.get_template(name).render(ctx)
        return HTMLResponse(html, status_code=status, headers=headers)
