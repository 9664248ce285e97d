"""The ledger CLI end to end on real database files.

Most calls run in-process (Typer's runner, the real app) to keep the suite fast; the
error exit path and the `make run` flow run as real subprocesses.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import PG_URL, DbTarget, require_pg

import pytest
from typer.testing import CliRunner

from taizhang import cli
from taizhang.errors import TaizhangError

TAIZHANG = [sys.executable, "-c", "from taizhang.cli import main; main()"]
ENV = {"TAIZHANG_USER": "测试员", "COLUMNS": "200"}


@pytest.fixture(scope="module", autouse=True)
def _commands():
    if not any(getattr(c, "name", None) == "stats" for c in cli.app.registered_commands):
        cli._register_commands()


def run(db: str, *args: str):
    result = CliRunner().invoke(cli.app, ["--db", db, *args], env=ENV, catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result


def run_process(db: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*TAIZHANG, "--db", db, *args], capture_output=True, text=True,
                          env={**os.environ, **ENV}, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc


def test_cli_session_on_sqlite(tmp_path):
    db = str(tmp_path / "cli.db")
    assert "已就绪" in run(db, "init").stdout
    run(db, "unit", "add", "测试县", "--level", "县区")
    run(db, "unit", "add", "新村镇", "-l", "乡镇街道", "-p", "测试县")
    assert "新村镇" in run(db, "unit", "list").stdout
    added = run(db, "record", "add", "-u", "新村镇", "-t", "理论宣讲", "-d", "2025-04-01", "--title", "春季宣讲",
                "-q", "受众人次=150", "--highlight").stdout
    assert "已添加台账记录" in added
    listing = run(db, "record", "list", "-u", "测试县", "-y", "2025").stdout
    assert "春季宣讲" in listing and "受众人次150" in listing
    run(db, "target", "set", "-u", "测试县", "-y", "2025", "-i", "theory_lecture.count", "-v", "2", "-b", "不少于")
    assert "50%" in run(db, "target", "list", "-u", "测试县", "-y", "2025").stdout
    stats = run(db, "stats", "--unit", "测试县", "--year", "2025", "--by", "area").stdout
    assert "理论宣讲" in stats and "150" in stats and "不少于2" in stats
    assert "新村镇" in run(db, "stats", "-u", "测试县", "-y", "2025", "--by", "unit").stdout
    assert "4月" in run(db, "stats", "-u", "测试县", "-y", "2025", "--by", "month").stdout

    xlsx = str(tmp_path / "out.xlsx")
    assert "已导出 1 条" in run(db, "export", "-u", "测试县", "-y", "2025", "-o", xlsx).stdout
    run(db, "record", "delete", "1")
    assert "已导入 1 条" in run(db, "import", xlsx, "-u", "测试县", "-y", "2025").stdout


def test_cli_errors_are_chinese_and_write_nothing(tmp_path):
    db = str(tmp_path / "cli.db")
    run(db, "unit", "add", "测试县", "--level", "县区")
    with pytest.raises(TaizhangError, match="不能为负数"):
        run(db, "record", "add", "-u", "测试县", "-t", "理论宣讲", "-d", "2025-04-01", "--title", "x",
            "-q", "受众人次=-3")
    assert "春季" not in run(db, "record", "list", "-u", "测试县").stdout
    garbage = tmp_path / "x.xlsx"
    garbage.write_text("not a spreadsheet")
    bad = run_process(db, "import", str(garbage), "-u", "测试县", ok=False)
    assert bad.returncode == 2 and "错误" in bad.stderr and "不是 Excel" in bad.stderr
    assert "已导出 0 条" in run(db, "export", "-u", "测试县", "-y", "2025", "-o", str(tmp_path / "t.xlsx")).stdout


def test_demo_and_stats_like_make_run(tmp_path):
    db = str(tmp_path / "demo.db")
    out = run_process(db, "demo", "--if-absent", "--scale", "0.05").stdout
    assert "已生成示例县" in out
    assert "跳过" in run(db, "demo", "--if-absent").stdout
    stats = run_process(db, "stats", "--unit", "示例县", "--year", "2025", "--by", "area").stdout
    assert "意识形态工作责任制" in stats and "2024年同期" in stats and "完成率" in stats


def test_cli_on_postgres_url(tmp_path):
    require_pg()
    target = DbTarget("postgres", tmp_path)
    try:
        url = f"{PG_URL}?options=-csearch_path%3D{target.schema}"
        run(url, "init")
        run(url, "unit", "add", "测试县", "--level", "县区")
        run(url, "record", "add", "-u", "测试县", "-t", "公众号发布", "-d", "2025-04-01", "--title", "第1期",
            "-q", "发布条数=3")
        assert "公众号发布" in run(url, "stats", "-u", "测试县", "-y", "2025").stdout
    finally:
        target.close()
