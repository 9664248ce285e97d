"""Uploaded 佐证材料: the type is sniffed from the content (never trusted from the name), then the
file goes into the content-addressed evidence store with its original name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePath

from sqlalchemy.orm import Session

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit, evidence, records
from taizhang.ledger.models import Evidence

# media type → (file suffixes it may carry, Chinese name); the accepted evidence types.
ACCEPTED = {
    "image/jpeg": ((".jpg", ".jpeg"), "JPEG 图片"),
    "image/png": ((".png",), "PNG 图片"),
    "image/gif": ((".gif",), "GIF 图片"),
    "image/webp": ((".webp",), "WebP 图片"),
    "application/pdf": ((".pdf",), "PDF 文件"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ((".docx",), "Word 文档"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ((".xlsx",), "Excel 表格"),
    "application/msword": ((".doc",), "Word 97-2003 文档"),
    "application/vnd.ms-excel": ((".xls",), "Excel 97-2003 表格"),
}
INLINE_SAFE = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})  # previewable in the page
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if "xl/workbook.xml" in names:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None


def sniff(path: Path) -> str | None:
    """The media type by the file's first bytes (and zip directory for Office files); None if unknown."""
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(OLE):
        return "application/msword" if Path(path).suffix.lower() != ".xls" else "application/vnd.ms-excel"
    return None


def safe_filename(name: str, media_type: str) -> str:
    """The browser's file name without any directory part, with a suffix matching the content."""
    base = PurePath((name or "").replace("\\", "/")).name.strip().lstrip(".") or "佐证材料"
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')[:200] or "佐证材料"
    suffixes = ACCEPTED[media_type][0]
    if not base.lower().endswith(suffixes):
        base += suffixes[0]
    return base


def check_upload(path: Path, name: str) -> tuple[str, str]:
    """(media type, stored file name) of an upload, or a Chinese ValidationError."""
    media_type = sniff(path)
    if media_type is None:
        kinds = "、".join(sorted({v[1] for v in ACCEPTED.values()}))
        raise ValidationError(f"文件“{PurePath(name or '').name}”的内容不是可接受的佐证材料类型（{kinds}）",
                              field="evidence")
    return media_type, safe_filename(name, media_type)


def attach(session: Session, files_dir: Path, record_id: int, source: Path, filename: str, media_type: str, *,
           actor: str = "system") -> Evidence:
    records.get(session, record_id)
    sha, size = evidence.store_file(files_dir, source)
    item = Evidence(record_id=record_id, sha256=sha, filename=filename[:255], size=size, media_type=media_type,
                    created_by=actor)
    session.add(item)
    session.flush()
    audit.log(session, actor=actor, action="insert", entity="evidence", entity_id=item.id,
              after=audit.snapshot(item))
    return item


def delete(session: Session, evidence_id: int, *, actor: str = "system") -> None:
    """Removes the row; the blob stays (other rows may share the content; the store is append-only)."""
    item = session.get(Evidence, evidence_id)
    if item is None:
        raise NotFound(f"佐证材料编号 {evidence_id} 不存在", field="evidence")
    audit.delete(session, item, "evidence", actor=actor)
