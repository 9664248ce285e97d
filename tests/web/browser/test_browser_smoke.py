"""The server as `make run` starts it: its start message, its own front-end files, the login page."""

from __future__ import annotations

import os
import urllib.request

import pytest
from browser_tools import REPO

VENDOR_FILES = ("htmx.min.js", "echarts.min.js")


def test_serve_prints_address_and_demo_logins(server):
    out = server.output()
    assert f"台账系统已启动：{server.base_url}" in out
    for username in ("admin", "hongfeng", "hetian"):
        assert username in out
    assert "demo2025" in out


@pytest.mark.parametrize("name", VENDOR_FILES)
def test_vendor_files_come_from_the_app_not_a_cdn(server, name):
    built = REPO / "src" / "taizhang" / "web" / "static" / "vendor" / name
    if not built.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"缺少 {built}：make install 应从 npm 安装并复制前端文件")
        pytest.skip(f"缺少 {built}（运行 make install）")
    with urllib.request.urlopen(server.base_url + f"static/vendor/{name}", timeout=10) as resp:
        body = resp.read()
    assert resp.status == 200
    assert body == built.read_bytes()


def test_login_page_loads_htmx_and_nothing_from_outside(page, shots):
    page.goto("/login")
    assert page.get_by_label("用户名").is_visible()
    assert page.get_by_label("密码").is_visible()
    assert page.evaluate("typeof window.htmx") == "object"
    shots("login-page")
    # The context fixture fails the test if the page asked any other host for anything.


def test_pages_redirect_to_login_when_logged_out(page):
    page.goto("/ledger")
    assert "/login" in page.url
    assert "next=" in page.url
