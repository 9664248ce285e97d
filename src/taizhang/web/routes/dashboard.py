"""工作台: figures of the user's unit (or a unit of its subtree) for a year."""

from __future__ import annotations

import json
from datetime import date

from fastapi import APIRouter, Depends, Request

from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import unit_and_year, year_choices

router = APIRouter()


@router.get("/")
def dashboard(request: Request, year: str | None = None, unit: str | None = None,
              actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)

    def body():
        board = site.dashboard(chosen.id, year_value, actor.version)
        trend = {"months": [f"{m}月" for m, _ in board.months], "records": [v for _, v in board.months]}
        return site.templates.fragment("_dashboard.html", {
            "board": board, "chosen": chosen, "year": year_value, "years": year_choices(year_value),
            "units": site.tree(actor.unit.id, actor.version).options,
            "trend_json": json.dumps(trend, ensure_ascii=False), "changes": site.latest_changes(actor)})

    html = site.cache.get(("dashboard-page", actor.unit.id, chosen.id, year_value, date.today(), actor.version), body)
    return site.templates.render(request, "dashboard.html", {"body": html})
