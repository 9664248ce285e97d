"""`taizhang report`: 生成年度工作总结及工作计划（docx/md/html/pdf）与数据来源清单（xlsx+json）."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

FORMATS = ("docx", "md", "html", "pdf")
FONT_SETS = ("gb2312", "windows")  # 仿宋_GB2312/楷体_GB2312 (GB/T 9704) or the Windows 仿宋/楷体


def register(app: typer.Typer) -> None:
    app.command("report", help="根据台账生成单位年度宣传思想工作总结及下一年工作计划，并输出数据来源清单。")(report)


def report(
    ctx: typer.Context,
    unit: str = typer.Option(..., "--unit", "-u", help="单位名称或编号"),
    year: int = typer.Option(..., "--year", "-y", help="总结年份"),
    fmt: str = typer.Option("docx", "--format", "-f", help="输出格式：docx、md、html 或 pdf"),
    comments: bool = typer.Option(False, "--comments", help="在 Word 中为每个数字加批注（数据来源）"),
    round_: bool = typer.Option(False, "--round", help="较大的数字写成“余”（如 520余条）"),
    templates: Path | None = typer.Option(None, "--templates", help="本单位的句式/标题模板文件（YAML）"),
    problems: Path | None = typer.Option(None, "--problems", help="“存在问题”补充内容（文本文件，每段一行）"),
    plans: Path | None = typer.Option(None, "--plans", help="“下一步工作计划”补充内容（文本文件，每段一行）"),
    fonts: str = typer.Option("gb2312", "--fonts",
                              help="字体名称：gb2312（仿宋_GB2312、楷体_GB2312）或 windows（仿宋、楷体）"),
    output: Path | None = typer.Option(None, "--output", "-o", help="输出文件路径"),
) -> None:
    from taizhang.errors import TaizhangError
    from taizhang.ledger import Ledger
    from taizhang.report.build import ReportOptions, build_report
    from taizhang.report.walk import iter_figures, iter_pending

    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, highlight=False)
    if fmt not in FORMATS:
        raise typer.BadParameter("只支持 docx、md、html 或 pdf", param_hint="--format")
    if fonts not in FONT_SETS:
        raise typer.BadParameter("只支持 gb2312 或 windows", param_hint="--fonts")
    try:
        options = ReportOptions(round=round_, templates=templates, problems=_lines(problems) if problems else [],
                                plans=_lines(plans) if plans else [])
        ledger = Ledger.open(ctx.obj["db"])
        rep = build_report(ledger, unit, year, options)
        path = output or Path(f"{rep.title}.{fmt}")
        path.parent.mkdir(parents=True, exist_ok=True)
        subs = _render(rep, path, fmt, comments, fonts)
        stem = path.with_suffix("")
        from taizhang.report.render import write_provenance_json, write_provenance_xlsx
        write_provenance_xlsx(rep, Path(f"{stem}.数据来源清单.xlsx"))
        write_provenance_json(rep, Path(f"{stem}.数据来源清单.json"))
    except TaizhangError as exc:
        err.print(f"[bold red]错误：[/]{exc.message}")
        raise typer.Exit(2) from None
    figures = list(iter_figures(rep))
    pending = list(iter_pending(rep))
    out.print(f"已生成：{path}")
    out.print(f"数据来源清单：{stem}.数据来源清单.xlsx、{stem}.数据来源清单.json")
    out.print(f"数字 {len(figures)} 个，待补 {len(pending)} 项")
    for p in pending:
        out.print(f"  待补：{p.what}")
    for line in subs:
        out.print(f"字体替换：{line}")


def _lines(path: Path) -> list[str]:
    from taizhang.errors import TaizhangError
    try:
        return [ln.strip() for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise TaizhangError(f"无法读取文件“{path}”：{exc}") from None


def _render(rep, path: Path, fmt: str, comments: bool, fonts: str) -> list[str]:
    from taizhang.report.render import DocxStyle, render_docx, render_html, render_markdown, render_pdf

    style = DocxStyle.windows() if fonts == "windows" else DocxStyle()
    if fmt == "docx":
        render_docx(rep, path, style, comments=comments)
    elif fmt == "md":
        path.write_text(render_markdown(rep), "utf-8")
    elif fmt == "html":
        path.write_text(render_html(rep), "utf-8")
    else:
        result = render_pdf(rep, path, style, comments=comments)  # PdfError is a TaizhangError
        return [f"{a} → {b}" for a, b in result.substitutions.items()]
    return []
