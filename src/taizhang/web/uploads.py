"""Uploaded files → temporary files on disk (outside the served tree), with the size limit."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from starlette.datastructures import UploadFile

from taizhang.errors import ValidationError
from taizhang.web.config import MIB, WebConfig


def files_of(form, name: str) -> list[UploadFile]:
    """The non-empty uploads of a form field (a browser sends an empty part for no file)."""
    return [f for f in form.getlist(name) if isinstance(f, UploadFile) and f.filename]


def check_size(upload: UploadFile, config: WebConfig) -> None:
    size = upload.size if upload.size is not None else 0
    if size > config.max_upload_bytes:
        raise ValidationError(f"文件“{upload.filename}”超过{config.max_upload_bytes // MIB}MB，未保存", field="file",
                              status=413)
    if size == 0:
        raise ValidationError(f"文件“{upload.filename}”是空文件", field="file")


@contextmanager
def saved(uploads: list[UploadFile], config: WebConfig) -> Iterator[list[tuple[Path, str]]]:
    """Each upload copied to a private temp dir as (path, browser file name); removed afterwards."""
    for upload in uploads:
        check_size(upload, config)
    config.work_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="upload-", dir=config.work_dir))
    try:
        out = []
        for i, upload in enumerate(uploads):
            suffix = Path(upload.filename or "").suffix.lower()[:10]
            path = tmp / f"{i}{suffix if suffix.isascii() else ''}"
            upload.file.seek(0)
            with path.open("wb") as fh:
                shutil.copyfileobj(upload.file, fh, 1 << 20)
            out.append((path, upload.filename or path.name))
        yield out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
