"""Browser tests: Debian's Chromium, driven by Playwright, against the real server on the demo county.

One session builds the demo county into a temporary SQLite file and starts `taizhang serve` on a free
port as a subprocess (the same command `make run` uses); every test opens its own browser context.
No browser is ever downloaded: Playwright launches /usr/bin/chromium. Without Chromium (or before
the web app exists) the tests skip with a reason on a user's machine and fail under CI=true.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_tools import ARTIFACTS, DEMO_YEAR, Shots

CHROMIUM = Path(os.environ.get("TAIZHANG_CHROMIUM", "/usr/bin/chromium"))
# The background-networking flags matter: on a closed network Chromium's own update, sync and
# field-trial requests are refused, and the refusals slow down or break page loads.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 90
# The machine is shared and slow; a county report takes seconds, so actions get generous limits.
ACTION_TIMEOUT_MS = 30_000


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


def skip_or_fail(reason: str) -> None:
    """A missing prerequisite skips on a user's machine and fails under CI=true."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _missing_browser() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "未安装 Playwright（pip install -e '.[test]'）"
    if not os.access(CHROMIUM, os.X_OK):
        return f"未找到 Chromium：{CHROMIUM}（Debian/Ubuntu：apt-get install chromium）"
    return None


def _missing_web_app() -> str | None:
    for module, what in (("taizhang.web.app", "网页版"), ("taizhang.ledger.demo_accounts", "演示账号")):
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            return f"{what}（{module}）尚未实现"
    return None


@pytest.fixture(scope="session")
def prerequisites():
    """The web app itself (the server-only tests need nothing more)."""
    problem = _missing_web_app()
    if problem:
        skip_or_fail(problem)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, prerequisites) -> Path:
    """The demo county (2024–2025 records, targets) and the demo logins, in a fresh SQLite file."""
    from taizhang.ledger import Ledger, demo
    from taizhang.ledger.demo_accounts import create_demo_accounts

    path = tmp_path_factory.mktemp("web-demo") / "demo.db"
    ledger = Ledger.open(str(path))
    try:
        demo.generate(ledger, year=DEMO_YEAR)
        create_demo_accounts(ledger)
    finally:
        ledger.close()
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"taizhang serve 退出（{proc.returncode}）：\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "login", timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"taizhang serve 在 {SERVER_START_TIMEOUT_S} 秒内未就绪：\n{log.read_text(errors='replace')}")


class Server:
    def __init__(self, base_url: str, db: Path, log: Path):
        self.base_url = base_url
        self.db = db
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture(scope="session")
def server(demo_db, tmp_path_factory):
    """`taizhang --db demo.db serve --port <free>` as `make run` starts it; stopped after the session."""
    port = _free_port()
    log = tmp_path_factory.mktemp("web-server") / "serve.log"
    exe = Path(sys.executable).with_name("taizhang")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with log.open("wb") as out:
        proc = subprocess.Popen([str(exe), "--db", str(demo_db), "serve", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, env=env)
    base_url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_serving(base_url, proc, log)
        yield Server(base_url, demo_db, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser(prerequisites):
    problem = _missing_browser()
    if problem:
        skip_or_fail(problem)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure is the same missing prerequisite
        pw.stop()
        skip_or_fail(f"无法启动 Chromium：{exc}")
    yield chromium
    chromium.close()
    pw.stop()


class PageWatch:
    """What a page did that a test must never allow: requests off this host, uncaught script errors."""

    def __init__(self, base_url: str):
        self.host = urlsplit(base_url).netloc
        self.foreign: list[str] = []
        self.script_errors: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        scheme = urlsplit(url).scheme
        if scheme in ("data", "blob") or urlsplit(url).netloc == self.host:
            route.continue_()
        else:  # a CDN or any other host: the app must work on an intranet with no internet
            self.foreign.append(url)
            route.abort()


@pytest.fixture
def context(browser, server, request):
    ctx = browser.new_context(base_url=server.base_url, locale="zh-CN", accept_downloads=True,
                              viewport={"width": 1366, "height": 900})
    ctx.set_default_timeout(ACTION_TIMEOUT_MS)
    watch = PageWatch(server.base_url)
    ctx.route("**/*", watch.route)
    ctx.on("page", lambda page: page.on("pageerror", lambda err: watch.script_errors.append(str(err))))
    ctx.watch = watch
    yield ctx
    ctx.close()
    assert not watch.foreign, f"页面请求了本机以外的地址（不得使用 CDN）：{watch.foreign}"
    assert not watch.script_errors, f"页面脚本出错：{watch.script_errors}"


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def shots(page, request) -> Shots:
    """`shots("step")` saves test-artifacts/web/<test>-<step>.png (full page)."""
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    return Shots(page, ARTIFACTS, name)
