"""The `taizhang` command line: the root app, global options and one error handler.

Commands live in `taizhang.commands.*`, one module per job; each only parses
arguments, calls services and prints. No logic of its own here.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from taizhang.errors import TaizhangError

app = typer.Typer(
    name="taizhang",
    help="台账：宣传思想工作台账、材料体检与年度总结生成。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


@app.callback()
def _root(
    ctx: typer.Context,
    db: str = typer.Option(
        "taizhang.db", "--db", envvar="TAIZHANG_DB", help="数据库：SQLite 文件路径或 postgresql+psycopg:// 地址"
    ),
) -> None:
    ctx.obj = {"db": db}


def _register_commands() -> None:
    # Imported here so `taizhang read` does not pay for SQLAlchemy and vice versa.
    from taizhang.commands import register_all

    register_all(app)


def main() -> None:
    _register_commands()
    try:
        code = app(standalone_mode=False)  # without standalone mode click returns typer.Exit's code
        if isinstance(code, int) and code:
            sys.exit(code)
    except TaizhangError as exc:
        err_console.print(f"[bold red]错误：[/]{exc.message}")
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        err_console.print("已取消。")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click usage errors carry their own exit code
        # (typer ships its own copy of click: its ClickException is not click's, so test by behaviour)
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        raise
