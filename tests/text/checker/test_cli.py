from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from taizhang.cli import app
from taizhang.commands import register_all

CLEAN = Path(__file__).parent / "samples" / "clean" / "township_2023.txt"
DEFECTS = Path(__file__).parent / "samples" / "defects.txt"

register_all(app)
runner = CliRunner()


def test_text_output_groups_by_severity_and_exits_1_on_errors():
    result = runner.invoke(app, ["check", str(DEFECTS)])
    assert result.exit_code == 1
    assert "错误（" in result.output and "未通过" in result.output
    assert "截止目前" in result.output


def test_clean_file_exits_0():
    result = runner.invoke(app, ["check", str(CLEAN)])
    assert result.exit_code == 0 and "通过：0 个错误" in result.output


def test_unreadable_file_exits_2(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2


def test_json_one_object_per_document():
    result = runner.invoke(app, ["check", "--format", "json", str(DEFECTS), str(CLEAN)])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["defects.txt", "township_2023.txt"]
    first = rows[0]
    assert first["source_text"] == DEFECTS.read_text("utf-8")
    f = first["findings"][0]
    assert {"family", "rule", "severity", "message", "start", "end", "excerpt", "suggestion", "line", "column"} <= set(f)
    assert rows[1]["findings"] == []


def test_html_page_escapes_text_and_lists_findings(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("2023年XX镇工作总结\n一、情况\n召开<script>会议</script>XX次，截止目前完成。\n", "utf-8")
    result = runner.invoke(app, ["check", "--format", "html", "-o", str(tmp_path / "out"), str(src)])
    page = (tmp_path / "out" / "x.check.html").read_text("utf-8")
    assert result.exit_code == 1
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<mark ") >= 3 and "截至目前" in page
    listed = page.count('<li id="f')
    assert listed >= 3 and all(f'id="m{i}"' in page for i in range(listed))  # every finding has its place


def test_fix_writes_a_corrected_copy_and_a_change_list(tmp_path):
    src = tmp_path / "in" / "defects.txt"
    src.parent.mkdir()
    shutil.copy(DEFECTS, src)
    before = src.read_text("utf-8")
    result = runner.invoke(app, ["check", "--fix", "-o", str(tmp_path / "out"), str(src)])
    assert result.exit_code == 1
    assert src.read_text("utf-8") == before
    fixed = (tmp_path / "out" / "defects.txt").read_text("utf-8")
    assert "截至目前" in fixed and "##paid" not in fixed and "XX" in fixed
    changes = (tmp_path / "out" / "defects.txt.changes.txt").read_text("utf-8")
    assert "“截止目前” → “截至目前”" in changes


def test_fix_requires_output_dir():
    result = runner.invoke(app, ["check", "--fix", str(DEFECTS)])
    assert result.exit_code != 0


def test_docx_fix_keeps_run_formatting(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("2023年青山镇宣传工作总结")
    d.add_paragraph("##paidbegin##")
    p = d.add_paragraph()
    p.add_run("截止").bold = True
    p.add_run("目前，深人开展宣讲12场次。")
    src = tmp_path / "a.docx"
    d.save(str(src))
    result = runner.invoke(app, ["check", "--fix", "-o", str(tmp_path / "out"), str(src)])
    assert result.exit_code == 1, result.output
    out = docx.Document(str(tmp_path / "out" / "a.docx"))
    texts = [q.text for q in out.paragraphs]
    assert texts == ["2023年青山镇宣传工作总结", "截至目前，深入开展宣讲12场次。"]
    assert out.paragraphs[1].runs[0].bold and out.paragraphs[1].runs[0].text == "截至目前"
    assert docx.Document(str(src)).paragraphs[2].text == "截止目前，深人开展宣讲12场次。"


def test_a_usage_error_is_a_message_and_exit_code_2_not_a_traceback(monkeypatch, capsys):
    from taizhang import cli

    monkeypatch.setattr("sys.argv", ["taizhang", "check", "--fix", str(DEFECTS)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "-o 指定输出目录" in err and "Traceback" not in err


def test_fix_keeps_a_gbk_file_gbk_and_an_html_page_html(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "gbk.txt").write_bytes("某乡2024年宣传工作总结\n深人开展学习，截止目前开展开展活动12次。\n".encode("gb18030"))
    (src / "page.html").write_text("<html><head><meta charset='utf-8'><title>某镇2024年工作总结</title></head><body>"
                                   "<h1>某镇2024年工作总结</h1><p>深人开展学习，截止目前开展宣讲<b>12场</b>。</p></body></html>",
                                   "utf-8")
    result = runner.invoke(app, ["check", "--fix", "-o", str(tmp_path / "out"), str(src)])
    assert result.exit_code == 1
    gbk = (tmp_path / "out" / "gbk.txt").read_bytes().decode("gb18030")
    assert "深入开展学习，截至目前开展活动12次" in gbk
    page = (tmp_path / "out" / "page.html").read_text("utf-8")
    assert "<p>深入开展学习，截至目前开展宣讲<b>12场</b>。</p>" in page  # the markup stays


def test_html_page_marks_a_finding_inside_a_wider_one(tmp_path):
    passage = "深化融媒体中心改革，整合广播电视、报纸、网站和新媒体资源，构建一体化流程，传播力持续增强。"
    src = tmp_path / "y.txt"
    copy = passage.replace("构建", "深人构建")
    src.write_text(f"某中心2024年工作总结\n一、情况\n{passage}\n二、做法\n{copy}\n", "utf-8")
    runner.invoke(app, ["check", "--format", "html", "-o", str(tmp_path / "out"), str(src)])
    page = (tmp_path / "out" / "y.check.html").read_text("utf-8")
    listed = page.count('<li id="f')
    assert listed >= 2 and all(f'id="m{i}"' in page for i in range(listed))
    assert "duplicate_passage" in page and ">深人</a></mark>" in page  # its own mark inside the copied passage
