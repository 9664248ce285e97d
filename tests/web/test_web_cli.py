"""`taizhang user add/list`, `token create`, `demo` creating the demo logins, and `serve` for real."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from taizhang import cli
from taizhang.ledger import Ledger

TAIZHANG = [sys.executable, "-c", "from taizhang.cli import main; main()"]


@pytest.fixture(scope="module", autouse=True)
def _commands():
    if not any(getattr(c, "name", None) == "serve" for c in cli.app.registered_commands):
        cli._register_commands()


def run(db: str, *args: str, ok: bool = True):
    result = CliRunner().invoke(cli.app, ["--db", db, *args], env={"COLUMNS": "200", "TAIZHANG_USER": "测试员"})
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_user_and_token_commands(tmp_path):
    db = str(tmp_path / "cli.db")
    run(db, "unit", "add", "示例县", "-l", "县区")
    out = run(db, "user", "add", "zhangsan", "--role", "审核人", "--unit", "示例县", "--password", "long-password",
              "--name", "张三").output
    assert "已添加账号“zhangsan”" in out
    listing = run(db, "user", "list").output
    assert "zhangsan" in listing and "审核人" in listing and "示例县" in listing
    token = run(db, "token", "create", "zhangsan").output.strip().splitlines()[-1]
    ledger = Ledger.open(db)
    assert ledger.user_for_token(token).username == "zhangsan"
    assert ledger.history("user", limit=1)[0].actor == "测试员"
    ledger.close()
    bad = run(db, "user", "add", "lisi", "--role", "超管", "--unit", "示例县", "--password", "long-password", ok=False)
    assert bad.exit_code != 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_demo_then_serve(tmp_path):
    db = str(tmp_path / "demo.db")
    env = {**os.environ, "TAIZHANG_SECRET": ""}
    env.pop("TAIZHANG_SECRET")
    made = subprocess.run([*TAIZHANG, "--db", db, "demo", "--scale", "0.02"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert made.returncode == 0, made.stderr
    assert "已创建 6 个演示账号" in made.stdout
    again = subprocess.run([*TAIZHANG, "--db", db, "demo", "--if-absent"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert again.returncode == 0 and "演示账号" not in again.stdout  # already there: nothing created
    port = _free_port()
    server = subprocess.Popen([*TAIZHANG, "--db", db, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env=env)
    try:
        first = server.stdout.readline()
        assert first.strip() == f"台账系统已启动：http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and "用户名" in response.text
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as client:
            page = client.get("/login")
            token = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
            done = client.post("/login", data={"username": "hongfeng", "password": "demo2025", "csrf_token": token})
            assert done.status_code == 200 and "红峰村" in done.text and "工作台" in done.text
    finally:
        server.terminate()
        try:
            rest = server.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            rest = server.communicate()[0]
    assert "hongfeng" in rest and "demo2025" in rest  # the demo logins table
