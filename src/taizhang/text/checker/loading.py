"""Getting a Document: through the reader (`taizhang.text.read_path` / `read_text`) when it is
there, else a minimal plain-text Document so the checker still works on .txt input."""

from __future__ import annotations

from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.model import Document


def read_document(path: str | Path) -> Document:
    import taizhang.text as text_pkg

    reader = getattr(text_pkg, "read_path", None)
    if reader is not None:
        return reader(str(path))
    p = Path(path)
    if p.suffix.lower() not in (".txt", ".md", ""):
        raise ReaderError(str(path), "读取器尚未提供，目前只能检查纯文本文件")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ReaderError(str(path), exc.strerror or str(exc)) from exc
    return read_text_document(_decode(raw, str(path)), str(path))


def read_text_document(text: str, path: str = "<text>") -> Document:
    import taizhang.text as text_pkg

    reader = getattr(text_pkg, "read_text", None)
    if reader is not None:
        return reader(text, path=path)
    return Document(path=path, format="txt", source_text=text, clean_text=text)


def _decode(raw: bytes, path: str) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReaderError(path, "无法识别文件编码")
