"""生成总结: choose unit and year → HTML preview whose figures open their records → downloads."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from taizhang.errors import NotFound
from taizhang.report.render.pdf import find_soffice
from taizhang.report.walk import iter_figures
from taizhang.web.permissions import Actor, require
from taizhang.web.routes.common import file_download, unit_and_year, year_choices

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(request: Request, actor: Actor, unit: str | None, year: str | None):
    site, chosen, year_value = unit_and_year(request, actor, unit, year)
    return site, chosen, year_value, site.report(chosen.id, year_value, actor.version)


def _article(html: str) -> str:
    """The report body of the standalone preview (its own <style>/<script> stay out of our page)."""
    start = html.find('<article class="page">')
    end = html.find("</article>", start)
    return html[start:end + len("</article>")] if start != -1 and end != -1 else ""


@router.get("/report")
def report_page(request: Request, unit: str | None = None, year: str | None = None,
                actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    preview = None
    if year:
        from taizhang.report.render import render_html

        site, chosen, year_value, rep = _report(request, actor, unit, year)
        preview = site.cache.get(("preview", chosen.id, year_value, actor.version),
                                 lambda: _article(render_html(rep)))
    else:
        chosen = actor.unit_ref(unit, site)
        year_value = site.default_year(chosen.id, actor.version)
    return site.templates.render(request, "report.html", {
        "chosen": chosen, "year": year_value, "years": year_choices(year_value), "preview": preview,
        "units": site.tree(actor.unit.id, actor.version).options, "pdf": find_soffice() is not None})


@router.get("/report/figure")
def figure_records(request: Request, figure: str, unit: str | None = None, year: str | None = None,
                   actor: Actor = Depends(require("view"))):
    site, chosen, year_value, rep = _report(request, actor, unit, year)
    use = next((u for u in iter_figures(rep) if u.figure.id == figure), None)
    if use is None:
        raise NotFound(f"报告中没有编号为“{figure}”的数字")
    prov = use.provenance
    ids = [int(r.id) for r in prov.records if str(r.id).isdigit()] if prov else []
    rows = [r for r in site.ledger.records_by_ids(ids) if r.unit_id in actor.scope]
    names = site.tree(actor.unit.id, actor.version).names
    return site.templates.render(request, "_figure_records.html", {
        "use": use, "prov": prov, "rows": rows, "names": names, "taxonomy": site.ledger.taxonomy})


@router.get("/report/docx")
def report_docx(request: Request, unit: str | None = None, year: str | None = None,
                actor: Actor = Depends(require("view"))):
    from taizhang.report.render import render_docx

    _, _, _, rep = _report(request, actor, unit, year)
    return file_download(lambda p: render_docx(rep, p), f"{rep.title}.docx", DOCX, ".docx")


@router.get("/report/sources.xlsx")
def report_sources_xlsx(request: Request, unit: str | None = None, year: str | None = None,
                        actor: Actor = Depends(require("view"))):
    from taizhang.report.render import write_provenance_xlsx

    _, _, _, rep = _report(request, actor, unit, year)
    return file_download(lambda p: write_provenance_xlsx(rep, p), f"{rep.title}.数据来源清单.xlsx", XLSX, ".xlsx")


@router.get("/report/sources.json")
def report_sources_json(request: Request, unit: str | None = None, year: str | None = None,
                        actor: Actor = Depends(require("view"))):
    from urllib.parse import quote

    from taizhang.report.render import provenance_json

    _, _, _, rep = _report(request, actor, unit, year)
    name = quote(f"{rep.title}.数据来源清单.json")
    return Response(provenance_json(rep, indent=1), media_type="application/json; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename*=utf-8''{name}"})


@router.get("/report/pdf")
def report_pdf(request: Request, unit: str | None = None, year: str | None = None,
               actor: Actor = Depends(require("view"))):
    from taizhang.report.render import render_pdf

    if find_soffice() is None:
        raise NotFound("本机未安装 LibreOffice，无法生成 PDF；请下载 Word 版")
    _, _, _, rep = _report(request, actor, unit, year)
    return file_download(lambda p: render_pdf(rep, p), f"{rep.title}.pdf", "application/pdf", ".pdf")
