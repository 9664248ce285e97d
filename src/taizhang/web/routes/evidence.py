"""佐证材料: download (always as an attachment), image preview, delete.

Files live in the ledger's content-addressed store outside the served tree; nothing is
served by path. Only sniffed raster images are ever shown inline, with a sandboxing CSP.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, RedirectResponse

from taizhang.errors import NotFound
from taizhang.ledger.attachments import INLINE_SAFE
from taizhang.web.permissions import Actor, require

router = APIRouter()
SANDBOX = "default-src 'none'; img-src 'self'; sandbox"


def _file(request: Request, actor: Actor, evidence_id: int):
    site = request.app.state.site
    item, record = actor.evidence(evidence_id, site.ledger)
    path = site.ledger.evidence_path(item)
    if not path.is_file():
        raise NotFound(f"佐证材料“{item.filename}”的文件已丢失，请重新上传")
    return site, item, record, path


@router.get("/evidence/{evidence_id:int}")
def evidence_download(request: Request, evidence_id: int, actor: Actor = Depends(require("view"))):
    _, item, _, path = _file(request, actor, evidence_id)
    return FileResponse(path, media_type=item.media_type, filename=item.filename,
                        content_disposition_type="attachment",
                        headers={"Content-Security-Policy": SANDBOX, "X-Content-Type-Options": "nosniff"})


@router.get("/evidence/{evidence_id:int}/preview")
def evidence_preview(request: Request, evidence_id: int, actor: Actor = Depends(require("view"))):
    _, item, _, path = _file(request, actor, evidence_id)
    if item.media_type not in INLINE_SAFE:
        raise NotFound("此类文件不提供预览，请下载查看")
    return FileResponse(path, media_type=item.media_type, filename=item.filename, content_disposition_type="inline",
                        headers={"Content-Security-Policy": SANDBOX, "X-Content-Type-Options": "nosniff"})


@router.post("/evidence/{evidence_id:int}/delete")
def evidence_delete(request: Request, evidence_id: int, actor: Actor = Depends(require("record.edit"))):
    site = request.app.state.site
    item, record = actor.evidence(evidence_id, site.ledger)
    site.ledger.delete_evidence(item.id, actor=actor.name)
    return RedirectResponse(f"/ledger/{record.id}", status_code=303)
