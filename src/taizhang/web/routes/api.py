"""JSON API (/api/…): records, units, figures and targets for other systems, token-authenticated.

Same services and the same permission dependency as the pages; errors are JSON
{"error", "message"} with the error's status (the one handler).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from taizhang.errors import ValidationError
from taizhang.ledger import Period
from taizhang.ledger.browse import RecordFilter
from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import unit_and_year

router = APIRouter(tags=["台账 API"])


class RecordIn(BaseModel):
    unit: int | str = Field(description="单位编号或名称（须在令牌账号的管辖范围内）")
    activity_type: str = Field(description="活动类型代码或名称，如 theory_lecture / 理论宣讲")
    date_start: date
    date_end: date | None = None
    title: str
    place: str = ""
    description: str = ""
    participants: str = ""
    highlight: bool = False
    quantities: dict[str, float] = Field(default_factory=dict, description="数量：字段代码或中文名 → 数值")


class RecordPatch(BaseModel):
    unit: int | str | None = None
    activity_type: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    title: str | None = None
    place: str | None = None
    description: str | None = None
    participants: str | None = None
    highlight: bool | None = None
    quantities: dict[str, float] | None = None


class RecordOut(BaseModel):
    id: int
    unit_id: int
    unit: str
    activity_type: str
    activity_type_name: str
    date_start: date
    date_end: date | None
    title: str
    place: str
    description: str
    participants: str
    highlight: bool
    quantities: dict[str, float]
    updated_by: str
    updated_at: datetime


class RecordList(BaseModel):
    total: int
    page: int
    pages: int
    records: list[RecordOut]


class UnitOut(BaseModel):
    id: int
    name: str
    level: str
    parent_id: int | None
    depth: int


class FigureOut(BaseModel):
    indicator: str
    area: str
    label: str
    measure: str
    value: float


class Figures(BaseModel):
    unit_id: int
    unit: str
    year: int
    figures: list[FigureOut]


class TargetOut(BaseModel):
    id: int
    indicator: str
    label: str
    bound: str
    target: float
    actual: float
    last_year: float
    ratio: float | None
    source: str


def _out(request: Request, actor: Actor, record) -> RecordOut:
    site = request.app.state.site
    kind = site.ledger.taxonomy._types.get(record.type_code)
    return RecordOut(id=record.id, unit_id=record.unit_id,
                     unit=site.tree(actor.unit.id, actor.version).names.get(record.unit_id, ""),
                     activity_type=record.type_code, activity_type_name=kind.name if kind else record.type_code,
                     date_start=record.date_start, date_end=record.date_end, title=record.title, place=record.place,
                     description=record.description, participants=record.participants, highlight=record.highlight,
                     quantities=dict(record.quantities or {}), updated_by=record.updated_by,
                     updated_at=record.updated_at)


@router.get("/records", response_model=RecordList, summary="查询台账记录（本单位及下级，新的在前）")
def list_records(request: Request, unit: str | None = None, year: int | None = None,
                 month: int | None = Query(None, ge=1, le=12), area: str | None = None,
                 type: str | None = None, q: str = "", page: int = Query(1, ge=1),
                 per_page: int = Query(50, ge=1, le=500), actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    chosen = actor.unit_ref(unit, site)
    filt = RecordFilter(unit_id=chosen.id, year=year, month=month, area=area or None,
                        type_code=site.ledger.taxonomy.type(type).code if type else None, text=q[:100],
                        page=page, per_page=per_page)
    if area:
        site.ledger.taxonomy.area(area)
    result = site.ledger.browse_records(filt, subtree_size=len(site.tree(chosen.id, actor.version).ids),
                                        total=site.record_count(filt, actor.version))
    return RecordList(total=result.total, page=result.page, pages=result.pages,
                      records=[_out(request, actor, r) for r in result.rows])


@router.post("/records", response_model=RecordOut, status_code=201, summary="新增一条台账记录")
def create_record(request: Request, body: RecordIn, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    chosen = actor.unit_ref(body.unit, site)
    data = body.model_dump(exclude={"unit"})
    record = site.ledger.create_record(chosen.id, data, actor=actor.name, within=actor.unit.id)
    return _out(request, actor, record)


@router.get("/records/{record_id}", response_model=RecordOut, summary="一条台账记录")
def get_record(request: Request, record_id: int, actor: Actor = Depends(require("view"))):
    return _out(request, actor, actor.record(record_id, request.app.state.site.ledger))


@router.patch("/records/{record_id}", response_model=RecordOut, summary="修改台账记录（只改给出的字段）")
def patch_record(request: Request, record_id: int, body: RecordPatch, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "unit" in changes:
        if changes["unit"] is None:
            raise ValidationError("单位不能为空", field="unit")
        changes["unit"] = actor.unit_ref(changes["unit"], site).id
    for key in ("activity_type", "date_start", "title", "highlight", "quantities"):
        if key in changes and changes[key] is None:
            raise ValidationError(f"{key} 不能为空", field=key)
    return _out(request, actor, site.ledger.update_record(record.id, changes, actor=actor.name))


@router.delete("/records/{record_id}", status_code=204, summary="删除台账记录")
def delete_record(request: Request, record_id: int, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    site.ledger.delete_record(record.id, actor=actor.name)
    return Response(status_code=204)


@router.get("/units", response_model=list[UnitOut], summary="本单位及全部下级单位（树序）")
def list_units(request: Request, actor: Actor = Depends(require("view"))):
    tree = request.app.state.site.tree(actor.unit.id, actor.version)
    return [UnitOut(id=u.id, name=u.name, level=u.level, parent_id=u.parent_id, depth=u.depth) for u in tree.units]


@router.get("/figures", response_model=Figures, summary="单位（含下级）年度各项指标数字")
def figures(request: Request, unit: str | None = None, year: int | None = None,
            actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, str(year) if year else None)
    values = site.cache.get(("figures", chosen.id, year_value, actor.version),
                            lambda: site.ledger.indicator_values(chosen.id, Period.year(year_value)))
    return Figures(unit_id=chosen.id, unit=chosen.name, year=year_value,
                   figures=[FigureOut(indicator=v.indicator, area=v.area, label=v.label, measure=v.measure,
                                      value=v.value) for v in values.values()])


@router.get("/targets", response_model=list[TargetOut], summary="单位年度目标及完成进度")
def targets(request: Request, unit: str | None = None, year: int | None = None,
            actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, str(year) if year else None)
    return [TargetOut(id=p.target_id, indicator=p.indicator, label=p.label, bound=p.bound, target=p.target,
                      actual=p.actual, last_year=p.last_year, ratio=p.ratio, source=p.source)
            for p in site.ledger.progress(chosen.id, year_value)]
