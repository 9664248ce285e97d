"""Loaders: bytes on disk -> decoded text, one per format, in a registry keyed
by the format detected from the file's content (the extension only decides
whether the file is a document at all)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from taizhang.errors import ReaderError

Loader = Callable[[Path, bytes], str]
LOADERS: dict[str, Loader] = {}
KNOWN_SUFFIXES = {".txt", ".text", ".md", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".xhtml", ".pdf"}


def register(fmt: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        LOADERS[fmt] = fn
        return fn

    return deco


def detect(data: bytes) -> str:
    """Format from the content: pdf, docx, doc, html or txt."""
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    probe16 = head.decode("utf-16", "ignore").lower() if head[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in probe or b"<html" in probe[:512] \
            or "<html" in probe16:
        return "html"
    return "txt"


def load(path: Path, max_bytes: int = 50 * 1024 * 1024) -> tuple[str, str]:
    """(format, text) of the file at `path`; ReaderError (Chinese) when it cannot be read."""
    from taizhang.text.loaders import doc, docx, html, pdf, txt  # noqa: F401  (fill the registry)

    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        raise ReaderError(name, f"不支持的文件类型“{suffix or '无扩展名'}”（支持 txt、docx、doc、html、pdf）")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReaderError(name, f"文件过大（{size // 1024 // 1024} MB）")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReaderError(name, "文件不存在") from exc
    except IsADirectoryError as exc:
        raise ReaderError(name, "这是一个文件夹") from exc
    except OSError as exc:
        raise ReaderError(name, f"无法打开（{exc.strerror}）") from exc
    if not data.strip():
        raise ReaderError(name, "文件为空")
    fmt = detect(data)
    try:
        text = LOADERS[fmt](path, data)
    except ReaderError:
        raise
    except Exception as exc:  # a broken file of a known format
        raise ReaderError(name, f"文件已损坏或格式不正确（{type(exc).__name__}）") from exc
    if not text.strip():
        raise ReaderError(name, "文件中没有可读取的文字")
    if fmt != "txt":  # the txt loader checks its own decoding
        from taizhang.text.loaders.txt import check_text

        check_text(path, text)
    return fmt, text
