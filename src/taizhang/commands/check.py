"""`taizhang check`: 材料体检 — findings per document as text, JSON lines or HTML; `--fix` writes
mechanically corrected copies. Exit code: 0 no errors, 1 errors found, 2 a file could not be read."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

FORMATS = ("text", "json", "html")


def register(app: typer.Typer) -> None:
    app.command("check", help="材料体检：检查占位符、网页残留、序号、错别字、标点、套用模板、数据矛盾、重复段落等问题。")(check)


def check(
    paths: list[str] = typer.Argument(..., help="文件或文件夹（文件夹递归检查）"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json（每个文件一行）或 html"),
    fix: bool = typer.Option(False, "--fix", help="把可机械修正的问题改正后另存到 -o 目录（原文件不动）"),
    out_dir: Path | None = typer.Option(None, "--output", "-o", help="输出目录（--fix 与 html 格式使用）"),
    min_severity: str = typer.Option("info", "--min-severity", help="text 格式显示的最低级别：error、warning 或 info"),
) -> None:
    from taizhang.errors import TaizhangError
    from taizhang.text.checker import check_with_context
    from taizhang.text.checker import render
    from taizhang.text.checker.loading import read_document

    if fmt not in FORMATS:
        raise typer.BadParameter("只支持 text、json 或 html", param_hint="--format")
    if min_severity not in render.SEVERITY_CN:
        raise typer.BadParameter("只支持 error、warning 或 info", param_hint="--min-severity")
    if fix and out_dir is None:
        raise typer.BadParameter("--fix 需要用 -o 指定输出目录", param_hint="--fix")
    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, highlight=False)
    files = _expand(paths)
    if not files:
        err.print("[bold red]错误：[/]没有找到可检查的文件")
        raise typer.Exit(2)
    unreadable = errors = 0
    for path in files:
        try:
            doc = read_document(path)
        except TaizhangError as exc:
            unreadable += 1
            err.print(f"[bold red]错误：[/]{exc.message}")
            continue
        ctx, findings = check_with_context(doc)
        errors += any(f.severity == "error" for f in findings)
        text = doc.source_text
        if fmt == "json":
            sys.stdout.write(render.to_json(str(path), text, findings, ctx) + "\n")
        elif fmt == "html":
            page = render.to_html(str(path), text, findings, ctx)
            if out_dir is None:
                sys.stdout.write(page)
            else:
                out_dir.mkdir(parents=True, exist_ok=True)
                dest = out_dir / f"{path.stem}.check.html"
                dest.write_text(page, "utf-8")
                err.print(f"已写出 {dest}")
        else:
            render.print_text(out, str(path), text, findings, ctx, min_severity)
        if fix:
            _write_fix(path, text, findings, ctx, out_dir, err)
    sys.stdout.flush()
    if len(files) > 1 and fmt == "text":
        out.print(f"共检查 {len(files)} 个文件：{errors} 个有错误，{unreadable} 个无法读取。")
    if unreadable:
        raise typer.Exit(2)
    if errors:
        raise typer.Exit(1)


def _expand(paths: list[str]) -> list[Path]:
    from taizhang.text.batch import expand

    return expand(paths)


def _write_fix(path: Path, text: str, findings, ctx, out_dir: Path, err: Console) -> None:  # noqa: ANN001
    from taizhang.text.checker import fix as fixer

    changes = fixer.plan(findings)
    dest = fixer.write_fixed(path, text, changes, out_dir)
    listing = out_dir / f"{path.name}.changes.txt"
    lines = [f"# {path} 的机械修正清单（共 {len(changes)} 处；占位符、数字和措辞未改动）"]
    lines += [c.describe(*ctx.line_col(c.start)) for c in changes]
    listing.write_text("\n".join(lines) + "\n", "utf-8")
    err.print(f"已修正 {len(changes)} 处，写出 {dest}（修改清单：{listing}）")
