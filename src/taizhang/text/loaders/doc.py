"""Legacy Word .doc: antiword first, LibreOffice (soffice) as the fallback."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.loaders import register
from taizhang.text.markers import HEADING_LINE_RE

TIMEOUT_S = 120


def _antiword(path: Path) -> str | None:
    exe = shutil.which("antiword")
    if not exe:
        return None
    try:
        run = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True, timeout=TIMEOUT_S)
    except (subprocess.TimeoutExpired, OSError):
        return None
    text = run.stdout.decode("utf-8", "replace")
    return text if run.returncode == 0 and text.strip() else None


def _soffice(path: Path) -> str | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as out:
        profile = Path(out) / "profile"
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
               "--outdir", out, str(path)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S)
        except (subprocess.TimeoutExpired, OSError):
            return None
        result = Path(out) / (path.stem + ".txt")
        if not result.is_file():
            return None
        text = result.read_bytes().decode("utf-8-sig", "replace")
        return text if text.strip() else None


def _marker_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if HEADING_LINE_RE.match(line))


def _table_rows(text: str) -> str:
    """antiword draws a table as "|cell |cell |" lines, a cell's overflow on a line whose first cell is
    empty: each row becomes one line of tab-separated cells (as from .docx), overflow joined back."""
    out: list[str] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            if rows and not cells[0] and len(cells) == len(rows[-1]):
                rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
            else:
                rows.append(cells)
            continue
        out.extend("\t".join(r) for r in rows)
        rows = []
        out.append(line)
    out.extend("\t".join(r) for r in rows)
    return "\n".join(out)


@register("doc")
def load_doc(path: Path, data: bytes) -> str:
    text = _antiword(path)
    if text is not None and "|" in text:
        text = _table_rows(text)
    if text is None or _marker_lines(text) < 2:
        # antiword drops Word's automatic numbering; LibreOffice renders it
        other = _soffice(path)
        if other is not None and (text is None or _marker_lines(other) > _marker_lines(text)):
            text = other
    if text is None:
        if not (shutil.which("antiword") or shutil.which("soffice") or shutil.which("libreoffice")):
            raise ReaderError(str(path), "读取 .doc 需要 antiword 或 LibreOffice，但系统中都没有安装")
        raise ReaderError(str(path), "antiword 和 LibreOffice 都无法读取此 .doc 文件（可能已损坏或加密）")
    return text
