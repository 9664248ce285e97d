"""操作日志: the audit log of the user's subtree, filterable, newest first."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request

from taizhang.errors import ValidationError
from taizhang.ledger.browse import AuditFilter
from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import opt_int
from taizhang.web.templating import AUDIT_ACTIONS, AUDIT_ENTITIES

router = APIRouter()


def _day(value: str | None, label: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{label}“{value}”格式不对，应为 年-月-日", field="date") from None


@router.get("/audit")
def audit_page(request: Request, entity: str = "", action: str = "", who: str = "", since: str = "",
               until: str = "", before: str = "", actor: Actor = Depends(require("audit.view"))):
    site = request.app.state.site
    filt = AuditFilter(entity=entity if entity in AUDIT_ENTITIES else None,
                       action=action if action in AUDIT_ACTIONS else None, actor=who.strip() or None,
                       since=_day(since, "起始日期"), until=_day(until, "截止日期"),
                       before_id=opt_int(before, "位置", "before"), limit=50)
    entries = site.ledger.audit_entries(actor.scope, filt, include_unscoped=actor.top_level)
    names = site.tree(actor.unit.id, actor.version).names
    query = {"entity": entity, "action": action, "who": who, "since": since, "until": until}
    return site.templates.render(request, "audit.html", {
        "entries": entries, "names": names, "query": query,
        "older": entries[-1].entry.id if len(entries) == filt.limit else None})
