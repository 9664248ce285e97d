"""Web commands: `serve` (the web app), `user add/list`, `token create`. Thin: parse, call, print."""

from __future__ import annotations

import os
import sys

import typer
from rich.table import Table

from taizhang.commands.common import actor_name, console, open_ledger

user_app = typer.Typer(help="账号：添加、查看网页登录账号。", no_args_is_help=True)
token_app = typer.Typer(help="API 令牌：供其他系统调用 /api/。", no_args_is_help=True)


@user_app.command("add")
def user_add(ctx: typer.Context, username: str = typer.Argument(..., help="用户名（字母、数字、_ . -）"),
             role: str = typer.Option(..., "--role", "-r", help="角色：管理员/审核人/填报人/只读"),
             unit: str = typer.Option(..., "--unit", "-u", help="所属单位名称或编号（可管辖其全部下级）"),
             password: str = typer.Option(None, "--password", help="密码（不给时提示输入）"),
             display_name: str = typer.Option("", "--name", help="姓名")) -> None:
    """添加网页登录账号。"""
    if password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    user = open_ledger(ctx).create_user(username, password, role, unit, display_name=display_name, actor=actor_name())
    console.print(f"已添加账号“{user.username}”（{user.role}，编号 {user.id}）")


@user_app.command("list")
def user_list(ctx: typer.Context, under: str = typer.Option(None, "--under", "-u", help="只看此单位及下级的账号")) -> None:
    """列出账号。"""
    ledger = open_ledger(ctx)
    users = ledger.users(under)
    names = {u.id: u.name for u in ledger.units()}
    table = Table(title="账号")
    for col in ("编号", "用户名", "姓名", "角色", "单位", "状态"):
        table.add_column(col)
    for u in users:
        table.add_row(str(u.id), u.username, u.display_name, u.role, names.get(u.unit_id, str(u.unit_id)),
                      "启用" if u.active else "停用")
    console.print(table)


@token_app.command("create")
def token_create(ctx: typer.Context, username: str = typer.Argument(..., help="令牌所属账号"),
                 name: str = typer.Option("", "--name", help="用途说明")) -> None:
    """为账号创建 API 令牌（只显示这一次）。"""
    _, plain = open_ledger(ctx).create_token(username, name, actor=actor_name())
    console.print("已创建 API 令牌（只显示这一次，请妥善保存）：")
    typer.echo(plain)


def serve(ctx: typer.Context, host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
          port: int = typer.Option(8000, "--port", help="端口"),
          workers: int = typer.Option(1, "--workers", help="工作进程数"),
          log_level: str = typer.Option("warning", "--log-level", help="uvicorn 日志级别")) -> None:
    """启动网页版台账系统。"""
    import uvicorn

    from taizhang.ledger.demo_accounts import demo_logins
    from taizhang.web.config import WebConfig

    ledger = open_ledger(ctx)  # migrate once here, before the workers start
    os.environ["TAIZHANG_DB"] = ctx.obj["db"]
    if not os.environ.get("TAIZHANG_SECRET"):  # every worker must sign sessions with the same key
        os.environ["TAIZHANG_SECRET"] = WebConfig.from_env(ledger.files_dir / "web-secret").secret_key
    logins = demo_logins(ledger)
    ledger.close()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(f"台账系统已启动：http://{shown}:{port}/")
    if logins:
        table = Table(title="演示账号（密码均为 demo2025）")
        for col in ("用户名", "密码", "角色", "单位"):
            table.add_column(col)
        for row in logins:
            table.add_row(*row)
        console.print(table)
    sys.stdout.flush()
    uvicorn.run("taizhang.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")
    app.command("serve")(serve)
