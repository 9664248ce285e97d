"""材料体检: upload a document → its text (escaped) with findings highlighted and listed → fixed copy."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, RedirectResponse
from starlette.background import BackgroundTask

from taizhang.errors import ValidationError
from taizhang.text.checker.finding import FAMILIES
from taizhang.web import checking, uploads
from taizhang.web.permissions import Actor, require
from taizhang.web.sessions import read_form

router = APIRouter()
FAMILY_CN = {"noise": "网页残留", "placeholder": "占位符", "numbering": "序号", "repetition": "字词重复",
             "missing_number": "量词缺数", "confusable": "错别字", "punctuation": "标点", "template_residue": "套用模板",
             "period_mismatch": "年度与半年混用", "stale_formulation": "过时提法", "inconsistent_figures": "数字矛盾",
             "duplicate_passage": "重复段落"}


@router.get("/check")
def check_page(request: Request, actor: Actor = Depends(require("view"))):
    return request.app.state.site.templates.render(request, "check.html", {"result": None})


@router.post("/check")
def check_upload(request: Request, form=Depends(read_form), actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    files = uploads.files_of(form, "file")
    if not files:
        raise ValidationError("请选择要体检的材料文件", field="file")
    with uploads.saved(files[:1], site.config) as saved:
        path, name = saved[0]
        token = checking.store(site.config.work_dir, path, name, actor.user.id)
    return RedirectResponse(f"/check/{token}", status_code=303)


@router.get("/check/{token}")
def check_result(request: Request, token: str, actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    result = checking.check(site.config.work_dir, token, actor.user.id)
    return site.templates.render(request, "check.html", {
        "result": result, "severity_cn": checking.SEVERITY_CN, "family_cn": FAMILY_CN,
        "families": [f for f in FAMILIES if f in result.families]})


@router.get("/check/{token}/fixed")
def check_fixed(request: Request, token: str, actor: Actor = Depends(require("view"))):
    site = request.app.state.site
    out_dir = Path(tempfile.mkdtemp(prefix="fixed-", dir=_ensure(site.config.work_dir)))
    dest, name = checking.fixed_copy(site.config.work_dir, token, actor.user.id, out_dir)
    return FileResponse(dest, filename=name, content_disposition_type="attachment",
                        media_type="application/octet-stream",
                        background=BackgroundTask(shutil.rmtree, out_dir, ignore_errors=True))


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
