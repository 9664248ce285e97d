"""佐证材料: files stored content-addressed beside the database, metadata in `evidence`."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit, records
from taizhang.ledger.models import Evidence

MAX_BYTES = 200 * 1024 * 1024


def blob_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / "sha256" / sha256[:2] / sha256[2:4] / sha256


def store_file(files_dir: Path, source: Path) -> tuple[str, int]:
    """Copy `source` into the store (once per content); returns (sha256, size)."""
    if not source.is_file():
        raise ValidationError(f"佐证材料文件“{source}”不存在", field="evidence")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(f"佐证材料“{source.name}”超过200MB", field="evidence")
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    dest = blob_path(files_dir, sha)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        # Copy to a temp name then rename, so a crash never leaves a half file under the hash.
        fd, tmp = tempfile.mkstemp(dir=dest.parent)
        os.close(fd)
        shutil.copyfile(source, tmp)
        os.replace(tmp, dest)
    return sha, size


def attach(session: Session, files_dir: Path, record_id: int, source: Path, *, actor: str = "system") -> Evidence:
    records.get(session, record_id)
    sha, size = store_file(files_dir, Path(source))
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    item = Evidence(record_id=record_id, sha256=sha, filename=Path(source).name[:255], size=size,
                    media_type=media_type, created_by=actor)
    session.add(item)
    session.flush()
    audit.log(session, actor=actor, action="insert", entity="evidence", entity_id=item.id,
              after=audit.snapshot(item))
    return item


def list_for(session: Session, record_id: int) -> list[Evidence]:
    return list(session.scalars(select(Evidence).where(Evidence.record_id == record_id).order_by(Evidence.id)))


def open_path(session: Session, files_dir: Path, evidence_id: int) -> Path:
    item = session.get(Evidence, evidence_id)
    if item is None:
        raise NotFound(f"佐证材料编号 {evidence_id} 不存在")
    return blob_path(files_dir, item.sha256)
