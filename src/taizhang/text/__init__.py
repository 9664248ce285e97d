"""Reader and checker: documents in, structured text and findings out.

This package imports nothing from the database or the web layer.

    from taizhang.text import read_path, read_text
    doc = read_path("总结.docx")       # -> taizhang.text.model.Document
    doc = read_text("2023年……", path="<粘贴>")
"""

from taizhang.text.config import ReaderConfig
from taizhang.text.pipeline import read_path, read_text

__all__ = ["ReaderConfig", "read_path", "read_text"]
