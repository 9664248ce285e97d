"""PDF with a text layer: lines broken by layout rejoined, running headers and
page numbers dropped. Encrypted or image-only PDFs are refused."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.loaders import register
from taizhang.text.markers import LINE_MARKER_RE

_PAGE_NO = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,4}|[IVXivx]{1,5})\s*$")
# PDF text puts spaces between CJK and Latin/digits ("学习 12 次") and, laid out, between CJK
# characters of a justified line or after a heading's marker ("一、   工作开展情况")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）《》“”，。、；：])[ \u00a0]+(?=[\dA-Za-z%％\u4e00-\u9fff（）《》“”，。、；：])"
                      r"|(?<=[\dA-Za-z%％])[ \u00a0]+(?=[\u4e00-\u9fff（）《》“”，。、；：])")
_SENT_END = "。！？!?：:；;”」』）)》】"
# laid out, a table's cells stand apart by runs of spaces: they become tabs, as in .docx rows
_CELL_GAP = re.compile(r"(?<=\S)[ \u00a0]{3,}(?=\S)")


def _pages(data: bytes, path: Path) -> list[str]:
    """The text of each page: by poppler's pdftotext where it is installed (it keeps marks that a
    CJK font draws apart, such as “”, in reading order), else by pdfminer."""
    pages = _pages_poppler(data, path)
    return pages if pages is not None else _pages_pdfminer(data, path)


def _pages_poppler(data: bytes, path: Path) -> list[str] | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        try:
            done = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return None
    if done.returncode != 0:
        if b"assword" in done.stderr or b"ncrypt" in done.stderr:
            raise ReaderError(str(path), "PDF 已加密（需要密码），无法读取")
        return None  # let pdfminer try, and say what is wrong
    return done.stdout.decode("utf-8", "replace").split("\f")


def _pages_pdfminer(data: bytes, path: Path) -> list[str]:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        count = sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
        # a wide char_margin keeps a numbered line ("1.<tab>text") on one line
        params = LAParams(char_margin=50)
        return [extract_text(io.BytesIO(data), page_numbers=[i], laparams=params) for i in range(count)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReaderError(str(path), "PDF 已加密（需要密码），无法读取") from exc
    except PDFSyntaxError as exc:
        raise ReaderError(str(path), "PDF 文件已损坏或不完整") from exc
    except Exception as exc:
        if "encrypt" in type(exc).__name__.lower() or "password" in str(exc).lower():
            raise ReaderError(str(path), "PDF 已加密（需要密码），无法读取") from exc
        raise


def _running(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (headers, footers)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {ln.strip() for ln in lines[:2] + lines[-2:] if ln.strip()}
        counts.update(edge)
    return {ln for ln, c in counts.items() if c >= max(2, (len(pages) + 1) // 2)}


def _width(line: str) -> int:
    """A line's printed width: a Chinese character is as wide as two digits or letters."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line)


def _join(lines: list[str]) -> list[str]:
    width = max((_width(ln) for ln in lines), default=0)
    out: list[str] = []
    for ln in lines:
        if out and out[-1] and ln and not out[-1].endswith(tuple(_SENT_END)) \
                and _width(out[-1]) >= width * 0.8 and not LINE_MARKER_RE.match(ln) \
                and not _CELL_GAP.search(out[-1]) and not _CELL_GAP.search(ln):  # table rows stay rows
            out[-1] += ln
        else:
            out.append(ln)
    return out


@register("pdf")
def load_pdf(path: Path, data: bytes) -> str:
    raw_pages = _pages(data, path)
    pages = [[ln.strip() for ln in p.replace("\x0c", "").splitlines()] for p in raw_pages]
    running = _running(pages)
    paragraphs: list[str] = []
    for lines in pages:
        kept = [ln for ln in lines if ln and ln not in running and not _PAGE_NO.match(ln)]
        joined = _join(kept)
        if paragraphs and joined and not paragraphs[-1].endswith(tuple(_SENT_END)) \
                and not LINE_MARKER_RE.match(joined[0]) and len(paragraphs[-1]) >= 20:
            paragraphs[-1] += joined.pop(0)  # a sentence running over the page break
        paragraphs.extend(joined)
    text = _CJK_GAP.sub("", _CELL_GAP.sub("\t", "\n".join(paragraphs)))
    if not text.strip():
        raise ReaderError(str(path), "PDF 没有文字层（可能是扫描图片），无法读取")
    return text + "\n"
