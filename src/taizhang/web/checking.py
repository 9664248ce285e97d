"""材料体检 for uploads: keep the file privately for the fixed copy, read, check, cut the text
into plain and highlighted segments (the template escapes every one of them)."""

from __future__ import annotations

import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path, PurePath

from taizhang.errors import NotFound, ReaderError, ValidationError
from taizhang.text.checker import check_with_context
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.loading import read_document
from taizhang.text.checker.render import SEVERITY_CN, marked_stretches, verdict

SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".html", ".htm")
KEEP_SECONDS = 24 * 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass(frozen=True)
class Segment:
    text: str
    finding: int | None = None  # index into the findings: the narrowest one covering this stretch
    anchors: tuple[int, ...] = ()  # the findings that start here (the list links to them)


@dataclass
class CheckResult:
    token: str
    name: str
    segments: list[Segment]
    findings: list[tuple[int, Finding, int, int]]  # (index, finding, line, column)
    verdict: str
    families: list[str]


def _root(work_dir: Path) -> Path:
    return work_dir / "check"


def _cleanup(root: Path) -> None:
    cutoff = time.time() - KEEP_SECONDS
    for old in root.glob("*"):
        try:
            if old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue


def store(work_dir: Path, source: Path, filename: str, owner: int) -> str:
    """Keep the upload under a random token (the fixed copy is made from it later)."""
    name = PurePath((filename or "").replace("\\", "/")).name or "材料.txt"
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(f"不支持的文件类型“{suffix or name}”，请上传 txt、docx、doc、pdf 或 html 文件", field="file",
                              status=415)
    root = _root(work_dir)
    root.mkdir(parents=True, exist_ok=True)
    _cleanup(root)
    token = secrets.token_urlsafe(18)
    folder = root / token
    folder.mkdir()
    shutil.copyfile(source, folder / f"upload{suffix}")
    (folder / "owner").write_text(str(owner), "utf-8")
    (folder / "name").write_text(name, "utf-8")
    return token


def _stored(work_dir: Path, token: str, owner: int) -> tuple[Path, str]:
    folder = _root(work_dir) / token
    if not TOKEN.match(token or "") or not (folder / "owner").is_file() or \
            (folder / "owner").read_text("utf-8") != str(owner):
        raise NotFound("体检材料不存在或已过期，请重新上传")
    return next(folder.glob("upload.*")), (folder / "name").read_text("utf-8")


def _read(path: Path, name: str):
    try:
        return read_document(path)
    except ReaderError as exc:  # the message names the upload, never the server's path
        raise ReaderError(name, exc.reason) from None
    except Exception:  # noqa: BLE001 - a broken file must give a message, not a 500
        raise ReaderError(name, "文件已损坏或不是所声明的格式") from None


def _checked(doc, name: str):
    try:
        return check_with_context(doc)
    except Exception:  # noqa: BLE001 - a rule tripping on odd text must not cost the user a 500
        import logging

        logging.getLogger("taizhang.web").exception("checker failed on %s", name)
        raise ReaderError(name, "材料内容无法完成体检，请检查文件内容后重试") from None


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    return [Segment(piece, i, anchors) for piece, i, anchors in marked_stretches(text, findings)]


def check(work_dir: Path, token: str, owner: int) -> CheckResult:
    path, name = _stored(work_dir, token, owner)
    doc = _read(path, name)
    ctx, found = _checked(doc, name)
    text = doc.source_text
    rows = [(i, f, *ctx.line_col(f.start)) for i, f in enumerate(found)]
    return CheckResult(token, name, segments(text, found), rows, verdict(found), sorted({f.family for f in found}))


def fixed_copy(work_dir: Path, token: str, owner: int, out_dir: Path) -> tuple[Path, str]:
    """The mechanically fixed copy (and its download name)."""
    from taizhang.text.checker import fix

    path, name = _stored(work_dir, token, owner)
    doc = _read(path, name)
    _, found = _checked(doc, name)
    dest = fix.write_fixed(path, doc.source_text, fix.plan(found), out_dir)
    stem = PurePath(name).stem
    return dest, f"{stem}（修正稿）{dest.suffix}"


__all__ = ["SEVERITY_CN", "CheckResult", "Segment", "check", "fixed_copy", "segments", "store"]
