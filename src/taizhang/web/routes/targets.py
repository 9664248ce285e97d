"""目标: the year's targets of a unit with progress; 审核人 and above set and delete them."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from taizhang.ledger.models import TARGET_BOUNDS
from taizhang.ledger.validation import parse_number
from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import unit_and_year, year_choices

router = APIRouter()


@router.get("/targets")
def targets_page(request: Request, unit: str | None = None, year: str | None = None,
                 actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)
    rows = site.cache.get(("progress", chosen.id, year_value, actor.version),
                          lambda: site.ledger.progress(chosen.id, year_value))
    indicators = site.ledger.taxonomy.indicators()
    return site.templates.render(request, "targets.html", {
        "rows": rows, "chosen": chosen, "year": year_value, "years": year_choices(year_value),
        "units": site.tree(actor.unit.id, actor.version).options, "bounds": TARGET_BOUNDS,
        "indicators": indicators, "titles": {ind.id: ind.title for ind in indicators},
        "saved": request.query_params.get("saved")})


@router.post("/targets")
def target_set(request: Request, unit: str = Form(""), year: str = Form(""), indicator: str = Form(""),
               value: str = Form(""), bound: str = Form("至少"), source: str = Form(""),
               actor: Actor = Depends(require("target.edit"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)
    site.ledger.set_target(chosen.id, year_value, indicator, parse_number(value, "目标值", "value"), bound=bound,
                           source=source.strip()[:500], actor=actor.name)
    return RedirectResponse(f"/targets?unit={chosen.id}&year={year_value}&saved=1", status_code=303)


@router.post("/targets/{target_id:int}/delete")
def target_delete(request: Request, target_id: int, actor: Actor = Depends(require("target.edit"))):
    site = request.app.state.site
    target = actor.target(target_id, site.ledger)
    site.ledger.delete_target(target.id, actor=actor.name)
    return RedirectResponse(f"/targets?unit={target.unit_id}&year={target.year}&saved=1", status_code=303)
