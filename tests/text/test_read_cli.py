"""`taizhang read`: JSON lines, text view, directories, -j, exit codes."""

from __future__ import annotations

import json
import shutil

from reader_support import SAMPLES
import typer
from typer.testing import CliRunner

from taizhang.commands import text as text_commands

# a root app with only the reader's command: these tests do not depend on other modules
app = typer.Typer()
text_commands.register(app)


@app.callback()
def _root() -> None:
    pass

FIELDS = {"path", "format", "source_text", "clean_text", "removed", "meta", "outline", "indicators"}


def _runner():
    return CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_json_one_object_per_document_with_the_contract_fields():
    result = _runner().invoke(app, ["read", str(SAMPLES / "gov_page.txt"), str(SAMPLES / "plain_utf8.txt")])
    assert result.exit_code == 0, result.output
    docs = _lines(result.stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in docs] == ["gov_page.txt", "plain_utf8.txt"]
    d = docs[0]
    assert FIELDS <= set(d)
    assert set(d["meta"]) >= {"title", "unit", "unit_level", "years", "doc_type"}
    assert set(d["removed"][0]) >= {"kind", "start", "end", "text"}
    assert set(d["outline"][0]) >= {"level", "marker", "title", "start", "end", "section", "children"}
    ind = d["indicators"][0]
    assert set(ind) >= {"value", "masked", "approx", "measure", "kind", "activity", "activity_type", "section",
                        "start", "end", "parent"}
    assert d["source_text"][ind["start"]:ind["end"]] == "4次"


def test_directory_read_recursively_in_parallel_and_failures_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SAMPLES / "plain_utf8.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLES / "gov_page.txt", tmp_path / "sub" / "b.txt")
    shutil.copy(SAMPLES / "page.html", tmp_path / "sub" / "c.html")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.xyz").write_text("忽略", "utf-8")  # unknown types are not picked up from folders
    result = _runner().invoke(app, ["read", str(tmp_path), "-j", "2"])
    assert result.exit_code == 1
    names = [d["path"].rsplit("/", 1)[-1] for d in _lines(result.stdout)]
    assert names == ["a.txt", "b.txt", "c.html"]
    assert "empty.txt" in result.output and "文件为空" in result.output


def test_exit_code_zero_when_all_files_read(tmp_path):
    shutil.copy(SAMPLES / "plain_utf8.txt", tmp_path / "a.txt")
    result = _runner().invoke(app, ["read", str(tmp_path)])
    assert result.exit_code == 0


def test_unknown_extension_named_explicitly_fails():
    result = _runner().invoke(app, ["read", str(SAMPLES / "bad_unknown.xyz"), str(SAMPLES / "plain_utf8.txt")])
    assert result.exit_code == 1
    assert len(_lines(result.stdout)) == 1
    assert "不支持的文件类型" in result.output


def test_text_view_shows_outline_and_indicators():
    result = _runner().invoke(app, ["read", str(SAMPLES / "plain_utf8.txt"), "--format", "text"])
    assert result.exit_code == 0
    out = result.stdout
    for part in ("2024年XX街道宣传思想工作总结", "提纲", "一、", "主要做法", "量化指标", "12次", "目标"):
        assert part in out


def test_bad_format_option():
    result = _runner().invoke(app, ["read", str(SAMPLES / "plain_utf8.txt"), "--format", "xml"])
    assert result.exit_code != 0
