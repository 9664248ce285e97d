"""Report → PDF through LibreOffice (`soffice --headless --convert-to pdf`).

Each conversion uses a private LibreOffice profile, so parallel runs don't clash,
and the project's fontconfig file (fonts/fonts.conf) so the GB/T 9704 font names
fall back to installed CJK fonts instead of DejaVu Sans. The result says which
requested fonts were substituted, comparing them with `pdffonts`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from taizhang.errors import TaizhangError
from taizhang.report.model import Report
from taizhang.report.render.docx import render_docx
from taizhang.report.render.docx_style import DocxStyle

FONTS_CONF = Path(__file__).resolve().parent.parent / "fonts" / "fonts.conf"
TIMEOUT_S = 180


class PdfError(TaizhangError):
    status = 500


@dataclass(frozen=True)
class PdfResult:
    path: Path
    seconds: float
    embedded: tuple[str, ...] = ()  # font names from pdffonts, subset prefixes removed
    substitutions: dict[str, str] = field(default_factory=dict)  # requested → font actually used

    @property
    def substituted(self) -> bool:
        return bool(self.substitutions)

    def note(self) -> str:
        """Chinese line for the user: which fonts the preview substituted."""
        if not self.substitutions:
            return "预览使用了所要求的全部字体。"
        pairs = "，".join(f"{a}→{b}" for a, b in self.substitutions.items())
        return f"本机缺少公文字体，预览用替代字体排版（{pairs}），字形与正式字体不同，行数与每行字数不变。"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _env(fontconfig: bool) -> dict[str, str]:
    env = dict(os.environ)
    if fontconfig and FONTS_CONF.is_file():
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def docx_to_pdf(docx_path: str | Path, out_dir: str | Path | None = None, *,
                requested: tuple[str, ...] = (), fontconfig: bool = True) -> PdfResult:
    """Convert a .docx; the PDF lands next to it or in `out_dir`, same stem."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("未找到 LibreOffice（soffice），无法生成 PDF；请安装 libreoffice-writer-nogui 后重试。")
    src = Path(docx_path).resolve()
    out = Path(out_dir).resolve() if out_dir else src.parent
    out.mkdir(parents=True, exist_ok=True)
    env = _env(fontconfig)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="taizhang-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out), str(src)]
        returncode, output = _run_soffice(cmd, env, src.name)
    pdf = out / (src.stem + ".pdf")
    if returncode != 0 or not pdf.is_file():
        detail = output.strip()[-300:]
        raise PdfError(f"LibreOffice 未能把“{src.name}”转换为 PDF：{detail or '无输出'}")
    seconds = time.perf_counter() - started
    embedded = pdf_fonts(pdf)
    return PdfResult(pdf, seconds, embedded, substitutions(requested, env))


def _run_soffice(cmd: list[str], env: dict[str, str], name: str) -> tuple[int, str]:
    """Run soffice in its own process group, so a timeout kills soffice.bin too."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise PdfError(f"LibreOffice 转换“{name}”超过{TIMEOUT_S}秒未完成。") from None
    return proc.returncode, output or ""


def pdf_fonts(pdf: Path) -> tuple[str, ...]:
    """Font names `pdffonts` lists, without subset prefixes; () when poppler is absent."""
    if shutil.which("pdffonts") is None:
        return ()
    proc = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    names = []
    for line in proc.stdout.splitlines()[2:]:
        name = line.split(" ", 1)[0]
        name = name.split("+", 1)[1] if "+" in name[:7] else name
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _fc_families(name: str, env: dict[str, str]) -> tuple[str, str]:
    proc = subprocess.run(["fc-match", "-f", "%{family}|%{postscriptname}", name],
                          capture_output=True, text=True, env=env)
    families, _, ps = proc.stdout.partition("|")
    return families, ps


def substitutions(requested: tuple[str, ...], env: dict[str, str]) -> dict[str, str]:
    """requested font → "family (PostScript name)" of what fontconfig gives instead."""
    if not requested or shutil.which("fc-match") is None:
        return {}
    result = {}
    for name in dict.fromkeys(requested):
        families, ps = _fc_families(name, env)
        if name.lower() not in {f.strip().lower() for f in families.split(",")}:
            result[name] = f"{families.split(',')[0]}（{ps}）" if ps else families.split(",")[0]
    return result


def requested_fonts(style: DocxStyle) -> tuple[str, ...]:
    names = (style.body_font, style.kai_font, style.hei_font, style.title_font, style.page_number_font)
    return tuple(dict.fromkeys(n for n in names + ((style.latin_font,) if style.latin_font else ()) if n))


def render_pdf(report: Report, pdf_path: str | Path, style: DocxStyle | None = None, *,
               comments: bool = False, fontconfig: bool = True) -> PdfResult:
    """Render the report to .docx in a temporary folder and convert it to `pdf_path`."""
    style = style or DocxStyle()
    target = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="taizhang-pdf-") as tmp:
        docx_path = Path(tmp) / (target.stem + ".docx")
        render_docx(report, docx_path, style, comments=comments)
        result = docx_to_pdf(docx_path, tmp, requested=requested_fonts(style), fontconfig=fontconfig)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(result.path), target)
    return PdfResult(target, result.seconds, result.embedded, result.substitutions)
