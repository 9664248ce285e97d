"""`taizhang report`: files written beside the report, summary, errors."""

from __future__ import annotations

import json

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from report_tools import need_tool
from taizhang.cli import app
from taizhang.commands import register_all
from test_report_build import small_ledger

if not any(c.name == "report" for c in app.registered_commands):
    register_all(app)
runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    small_ledger(tmp_path / "cli.db").close()
    return str(tmp_path / "cli.db")


def run(db, *args):
    return runner.invoke(app, ["--db", db, "report", *args])


def test_docx_with_provenance_files(db, tmp_path):
    out = tmp_path / "out" / "示范县.docx"
    res = run(db, "--unit", "示范县", "--year", "2025", "--comments", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "数字" in res.output and "待补 0 项" in res.output
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text.replace("\n", "") == "示范县2025年宣传思想工作总结及2026年工作计划"
    data = json.loads((tmp_path / "out" / "示范县.数据来源清单.json").read_text("utf-8"))
    assert data["unit"] == "示范县" and data["figures"]
    fig = next(f for f in data["figures"] if f["figure_id"] == "a.ideology_meeting.count")
    assert fig["value"] == 3
    wb = openpyxl.load_workbook(tmp_path / "out" / "示范县.数据来源清单.xlsx")
    assert wb.worksheets[0].max_row > len(data["figures"])  # header + one row per figure
    names = [p.partname for p in doc.part.package.iter_parts()]
    assert any("comments" in str(n) for n in names)


def test_markdown_and_pending_summary(db, tmp_path):
    out = tmp_path / "东风镇.md"
    res = run(db, "-u", "东风镇", "-y", "2025", "-f", "md", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "待补：2026年工作目标" in res.output
    assert "【待补：" in out.read_text("utf-8")
    assert (tmp_path / "东风镇.数据来源清单.json").exists()


def test_templates_and_problems_files(db, tmp_path):
    tpl = tmp_path / "t.yaml"
    tpl.write_text('title: "{unit}{year}年工作总结"\n', "utf-8")
    probs = tmp_path / "p.txt"
    probs.write_text("一是宣传队伍力量薄弱。\n", "utf-8")
    out = tmp_path / "r.md"
    res = run(db, "-u", "东风镇", "-y", "2025", "-f", "md", "--templates", str(tpl), "--problems", str(probs),
              "-o", str(out))
    assert res.exit_code == 0, res.output
    text = out.read_text("utf-8")
    assert text.startswith("# 东风镇2025年工作总结") and "一是宣传队伍力量薄弱。" in text


def test_plans_file_and_windows_fonts(db, tmp_path):
    plans = tmp_path / "plan.txt"
    plans.write_text("一是持续深化理论武装。\n\n二是加强阵地建设。\n", "utf-8")
    out = tmp_path / "w.docx"
    res = run(db, "-u", "东风镇", "-y", "2025", "--plans", str(plans), "--fonts", "windows", "-o", str(out))
    assert res.exit_code == 0, res.output
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts.index("一是持续深化理论武装。") > texts.index("三、下一步工作计划") and "二是加强阵地建设。" in texts
    xml = doc.styles["Normal"].element.xml
    assert 'w:eastAsia="仿宋"' in xml and "仿宋_GB2312" not in xml
    gb = tmp_path / "gb.docx"
    assert run(db, "-u", "东风镇", "-y", "2025", "-o", str(gb)).exit_code == 0
    assert 'w:eastAsia="仿宋_GB2312"' in docx.Document(str(gb)).styles["Normal"].element.xml
    res = run(db, "-u", "东风镇", "-y", "2025", "--fonts", "mac", "-o", str(tmp_path / "x.docx"))
    assert res.exit_code != 0 and not (tmp_path / "x.docx").exists()


def test_errors_are_chinese(db, tmp_path):
    res = run(db, "-u", "不存在的乡", "-y", "2025", "-o", str(tmp_path / "x.docx"))
    assert res.exit_code == 2 and "错误" in res.output
    res = run(db, "-u", "东风镇", "-y", "2025", "-f", "rtf")
    assert res.exit_code != 0


def test_pdf_smoke(db, tmp_path):
    need_tool("soffice")
    out = tmp_path / "r.pdf"
    res = run(db, "-u", "东风镇", "-y", "2025", "-f", "pdf", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert out.read_bytes().startswith(b"%PDF")
