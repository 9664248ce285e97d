"""台账: the filtered list (htmx partial table), add / edit / delete with evidence, Excel in and out."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from taizhang.errors import ValidationError
from taizhang.ledger.attachments import sniff
from taizhang.ledger.browse import RecordFilter
from taizhang.web import forms, uploads
from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import file_download, opt_int, unit_and_year, year_choices
from taizhang.web.sessions import read_form

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filter(request: Request, actor: Actor) -> tuple[RecordFilter, dict]:
    site, q = request.app.state.site, request.query_params
    unit = actor.unit_ref(q.get("unit"), site)
    area = q.get("area") or None
    kind = q.get("type") or None
    if area:
        site.ledger.taxonomy.area(area)  # unknown → Chinese ValidationError
    if kind:
        kind = site.ledger.taxonomy.type(kind).code
    filt = RecordFilter(unit_id=unit.id, year=opt_int(q.get("year"), "年度", "year"),
                        month=opt_int(q.get("month"), "月份", "month"), area=area, type_code=kind,
                        text=(q.get("q") or "").strip()[:100], page=opt_int(q.get("page"), "页码", "page") or 1,
                        per_page=site.config.page_size)
    shown = {"unit": unit.id, "area": area or "", "type": kind or "", "year": filt.year or "",
             "month": filt.month or "", "q": filt.text}
    return filt, shown


def _page_query(shown: dict, page: int) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in {**shown, "page": page}.items() if v not in ("", None)})


@router.get("/ledger")
def ledger_list(request: Request, actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    filt, shown = _filter(request, actor)
    tree = site.tree(actor.unit.id, actor.version)
    can_edit = actor.can("record.edit")

    def table():
        size = len(site.tree(filt.unit_id, actor.version).ids)
        page = site.ledger.browse_records(filt, subtree_size=size, total=site.record_count(filt, actor.version))
        return site.templates.fragment("_record_table.html", {
            "page": page, "names": tree.names, "taxonomy": site.ledger.taxonomy, "can_edit": can_edit,
            "prev_query": _page_query(shown, page.page - 1), "next_query": _page_query(shown, page.page + 1)})

    # The table is a function of the filter, the page, the data version and the edit right only.
    html = site.cache.get(("table", filt, actor.unit.id, can_edit, actor.version), table)
    if request.headers.get("hx-target") == "record-table":
        return HTMLResponse(html)
    context = {"table": html, "shown": shown, "taxonomy": site.ledger.taxonomy}
    default_year = site.default_year(actor.unit.id, actor.version)
    return site.templates.render(request, "ledger.html", context | {
        "units": tree.options, "years": year_choices(filt.year or default_year), "default_year": default_year,
        "imported": opt_int(request.query_params.get("imported"), "导入条数", "imported"),
        "saved": request.query_params.get("saved"),
    })


# -- add / edit ---------------------------------------------------------------------------------

def _form_page(request: Request, actor: Actor, values: dict, *, record=None, error=None, status: int = 200):
    site = request.app.state.site
    taxonomy = site.ledger.taxonomy
    kind = _kind(taxonomy, values.get("activity_type"))
    if kind is not None:
        values = values | {"activity_type": kind.code}
    evidence = site.ledger.evidence(record.id) if record is not None else []
    return site.templates.render(request, "record_form.html", {
        "record": record, "values": values, "error": error, "taxonomy": taxonomy,
        "units": site.tree(actor.unit.id, actor.version).options, "evidence": evidence,
        "quantities": forms.quantity_inputs(kind, values),
    }, status=status)


def _kind(taxonomy, ref: str | None):
    try:
        return taxonomy.type(ref) if ref else taxonomy.types[0]
    except ValidationError:
        return None


@router.get("/ledger/new")
def record_new(request: Request, activity_type: str | None = None, actor: Actor = Depends(require("record.edit"))):
    values = {"unit": str(actor.unit.id), "activity_type": activity_type or ""}
    return _form_page(request, actor, values)


@router.get("/ledger/fields")
def quantity_fields(request: Request, activity_type: str = "", actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    kind = _kind(site.ledger.taxonomy, activity_type)
    values = {k: v for k, v in request.query_params.items() if k.startswith(forms.QTY_PREFIX)}
    return site.templates.render(request, "_quantity_fields.html",
                                 {"quantities": forms.quantity_inputs(kind, values)})


@router.post("/ledger/new")
def record_create(request: Request, form=Depends(read_form), actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    values = forms.record_values(form)
    try:
        unit = actor.unit_ref(values.get("unit"), site)
        with uploads.saved(uploads.files_of(form, "evidence"), site.config) as files:
            record = site.ledger.create_record_with_uploads(
                unit.id, forms.record_data(values, site.ledger.taxonomy), files, actor=actor.name, within=actor.unit.id)
    except ValidationError as exc:
        return _form_page(request, actor, values, error=exc, status=exc.status)
    return RedirectResponse(f"/ledger/{record.id}?saved=1", status_code=303)


@router.get("/ledger/{record_id:int}")
def record_detail(request: Request, record_id: int, actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    tree = site.tree(actor.unit.id, actor.version)
    return site.templates.render(request, "record_detail.html", {
        "record": record, "kind": _kind(site.ledger.taxonomy, record.type_code), "unit_name": tree.names.get(
            record.unit_id, ""), "evidence": site.ledger.evidence(record.id),
        "saved": request.query_params.get("saved")})


@router.get("/ledger/{record_id:int}/edit")
def record_edit(request: Request, record_id: int, activity_type: str | None = None,
                actor: Actor = Depends(require("record.edit"))):
    record = actor.record(record_id, request.app.state.site.ledger)
    values = forms.record_to_values(record)
    if activity_type:
        values["activity_type"] = activity_type
    return _form_page(request, actor, values, record=record)


@router.post("/ledger/{record_id:int}/edit")
def record_update(request: Request, record_id: int, form=Depends(read_form),
                  actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    values = forms.record_values(form)
    try:
        unit = actor.unit_ref(values.get("unit"), site)
        changes = forms.record_data(values, site.ledger.taxonomy) | {"unit": unit.id}
        with uploads.saved(uploads.files_of(form, "evidence"), site.config) as files:
            site.ledger.update_record_with_uploads(record.id, changes, files, actor=actor.name)
    except ValidationError as exc:
        return _form_page(request, actor, values, record=record, error=exc, status=exc.status)
    return RedirectResponse(f"/ledger/{record.id}?saved=1", status_code=303)


@router.get("/ledger/{record_id:int}/delete")
def record_delete_confirm(request: Request, record_id: int, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    return site.templates.render(request, "record_delete.html", {"record": record})


@router.post("/ledger/{record_id:int}/delete")
def record_delete(request: Request, record_id: int, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    record = actor.record(record_id, site.ledger)
    site.ledger.delete_record(record.id, actor=actor.name)
    if request.headers.get("hx-request") == "true":
        return HTMLResponse("")  # htmx removes the row
    return RedirectResponse("/ledger?saved=deleted", status_code=303)


# -- Excel ----------------------------------------------------------------------------------------

@router.post("/ledger/import")
def ledger_import(request: Request, form=Depends(read_form), actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    unit = actor.unit_ref(form.get("unit") if isinstance(form.get("unit"), str) else None, site)
    files = uploads.files_of(form, "file")
    if not files:
        raise ValidationError("请选择要导入的 Excel 文件", field="file")
    with uploads.saved(files[:1], site.config) as saved:
        path, name = saved[0]
        if sniff(path) != XLSX:
            raise ValidationError(f"文件“{Path(name).name}”不是 Excel（.xlsx）文件", field="file")
        count = site.ledger.import_xlsx(path, unit.id, actor=actor.name)
    if request.headers.get("hx-request") == "true":
        return site.templates.render(request, "_imported.html", {"count": count},
                                     headers={"HX-Trigger": "ledger-changed"})
    return RedirectResponse(f"/ledger?unit={unit.id}&imported={count}", status_code=303)


@router.get("/ledger/export")
def ledger_export(request: Request, unit: str | None = None, year: str | None = None,
                  actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)
    return file_download(lambda p: site.ledger.export_xlsx(chosen.id, year_value, p),
                          f"{chosen.name}{year_value}年台账.xlsx", XLSX, ".xlsx")


@router.get("/ledger/template")
def ledger_template(request: Request, unit: str | None = None, year: str | None = None,
                    actor: Actor = Depends(require("view"))):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)
    return file_download(lambda p: site.ledger.blank_template(chosen.id, year_value, p),
                          f"{chosen.name}{year_value}年台账（空白模板）.xlsx", XLSX, ".xlsx")
