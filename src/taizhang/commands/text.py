"""`taizhang read`: documents in, structured text out (JSON lines or a readable view)."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    app.command("read", help="读取材料（txt/docx/doc/html/pdf 或文件夹）：清理噪声，提取标题、提纲、章节与量化指标。")(read)


def read(
    paths: list[str] = typer.Argument(..., help="文件或文件夹（文件夹递归读取）"),
    fmt: str = typer.Option("json", "--format", "-f", help="输出格式：json（每个文件一行）或 text（可读视图）"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="并行进程数"),
) -> None:
    from taizhang.text.batch import expand, read_many
    from taizhang.text.render import render_document

    if fmt not in ("json", "text"):
        raise typer.BadParameter("只支持 json 或 text", param_hint="--format")
    out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
    err = Console(stderr=True, soft_wrap=True)
    files = expand(paths)
    if not files:
        err.print("[bold red]错误：[/]没有找到可读取的文件")
        raise typer.Exit(1)
    failed = 0
    show_progress = len(files) > 1 and err.is_terminal
    progress = None
    if show_progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("读取中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err)
        task = progress.add_task("read", total=len(files))
        progress.start()
    try:
        for outcome in read_many(files, jobs=jobs, on_done=(lambda _: progress.advance(task)) if progress else None):
            if outcome.error:
                failed += 1
                err.print(f"[bold red]错误：[/]{outcome.error}", highlight=False)
                continue
            if fmt == "json":
                sys.stdout.write(json.dumps(outcome.document.to_dict(), ensure_ascii=False) + "\n")
            else:
                render_document(out, outcome.document)
    finally:
        if progress:
            progress.stop()
    sys.stdout.flush()
    if failed:
        err.print(f"共 {len(files)} 个文件，{failed} 个读取失败。")
        raise typer.Exit(1)
