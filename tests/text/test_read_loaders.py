"""Loading: encodings detected from content, docx numbering, doc, html, pdf,
and bad input refused with a Chinese ReaderError naming the file."""

from __future__ import annotations

import shutil

import pytest
from reader_support import SAMPLES, need_tool

from taizhang.errors import ReaderError
from taizhang.text import read_path
from taizhang.text.loaders import detect
from taizhang.text.loaders.docx import cn_counting, format_number

PLAIN = (SAMPLES / "plain_utf8.txt").read_text("utf-8")


@pytest.mark.parametrize("name", ["plain_utf8.txt", "plain_utf8_bom.txt", "plain_gbk.txt",
                                  "plain_utf16le_bom.txt", "plain_utf16be_nobom.txt"])
def test_encodings_decode_to_the_same_text(name):
    doc = read_path(SAMPLES / name)
    assert doc.format == "txt"
    assert doc.source_text.replace("\r\n", "\n") == PLAIN
    assert doc.meta.title == "2024年XX街道宣传思想工作总结"
    assert [i.qty for i in doc.indicators] == ["12次", "4次", "26块", "40余条", "3000份", "50场次", "1次"]


def test_crlf_source_kept_and_offsets_index_it():
    doc = read_path(SAMPLES / "plain_gbk.txt")
    assert "\r\n" in doc.source_text  # the file content, unchanged
    assert "\r" not in doc.clean_text
    for ind in doc.indicators:
        assert doc.source_text[ind.start:ind.end] == ind.qty
    for node in doc.outline:
        assert doc.source_text[node.start:].startswith(node.marker)


def test_big5_traditional_file_is_recognised():
    doc = read_path(SAMPLES / "traditional_big5.txt")
    assert doc.source_text.startswith("2023年某鎮宣傳思想工作總結")
    assert doc.meta.title == "2023年某鎮宣傳思想工作總結"  # as written (the analysis text is simplified)
    assert doc.meta.doc_type == "总结"


def test_format_is_detected_from_content_not_extension(tmp_path):
    fake = tmp_path / "report.doc"  # document sites often serve HTML as .doc
    fake.write_bytes((SAMPLES / "page.html").read_bytes())
    assert read_path(fake).format == "html"
    assert detect(b"%PDF-1.7") == "pdf"
    assert detect(b"PK\x03\x04....") == "docx"
    assert detect("普通文本".encode()) == "txt"


def test_html_drops_script_style_nav_footer():
    doc = read_path(SAMPLES / "page.html")
    assert doc.format == "html"
    for junk in ("var hits", "首页", "版权所有", "88888", "color:red"):
        assert junk not in doc.source_text
    assert doc.meta.title == "某某县2023年意识形态工作总结"
    assert [i.qty for i in doc.indicators] == ["4次", "12次", "320余场次", "400场次"]
    assert doc.indicators[-1].kind == "target"


def test_docx_automatic_numbering_rendered_from_numbering_xml():
    doc = read_path(SAMPLES / "numbered.docx")
    lines = doc.source_text.splitlines()
    assert "一、工作开展情况" in lines
    assert "（一）理论学习走深走实" in lines
    assert "1.全年开展党组理论学习中心组学习14次。" in lines
    assert "2.组织专题党课6次，撰写心得体会50余篇。" in lines
    assert "（二）宣传阵地巩固提升" in lines
    assert "1.更新展板18块。" in lines  # deeper counter restarts under （二）
    assert "甲、甲项说明。" in lines  # ideographTraditional
    assert "三、下一步工作计划" in lines
    assert "（一）全年至少开展集中学习12次" in lines  # restarts under 三、
    assert "宣讲场次\t开展宣讲30场次" in doc.source_text.replace("\n", "\t")  # table text kept
    assert [(n.level, n.marker) for n in doc.outline] == [(1, "一、"), (1, "二、"), (1, "三、")]


def test_chinese_counting_formats():
    assert [cn_counting(n) for n in (1, 10, 11, 20, 21, 99, 105)] == ["一", "十", "十一", "二十", "二十一", "九十九", "一百零五"]
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(4, "decimal") == "4"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(4, "upperRoman") == "IV"


def test_doc_read_with_numbering():
    need_tool("antiword", "soffice")
    doc = read_path(SAMPLES / "numbered.doc")
    assert doc.format == "doc"
    assert doc.meta.title == "2023年某局宣传思想工作总结"
    assert "14次" in [i.qty for i in doc.indicators]
    if shutil.which("soffice"):  # antiword drops Word numbering; LibreOffice renders it
        assert [n.marker for n in doc.outline] == ["一、", "二、", "三、"]


def test_pdf_text_layer():
    doc = read_path(SAMPLES / "report.pdf")
    assert doc.format == "pdf"
    assert doc.meta.title == "2023年某局宣传思想工作总结"
    assert [n.marker for n in doc.outline] == ["一、", "二、", "三、"]
    first = doc.outline[0].children[0]
    assert [c.marker for c in first.children] == ["1.", "2."]  # "1.<tab>text" kept on one line
    assert {"14次", "6次", "50余篇", "18块"} <= {i.qty for i in doc.indicators}


def test_pdf_running_headers_and_page_numbers_dropped(monkeypatch):
    from taizhang.text.loaders import pdf

    pages = ["某县委宣传部\n一、工作情况\n全年开展宣讲活动，共组织理论宣讲120场次，覆盖群众\n",
             "某县委宣传部\n5000余人次。\n二、存在问题\n- 2 -\n"]
    monkeypatch.setattr(pdf, "_pages", lambda data, path: pages)
    text = pdf.load_pdf(SAMPLES / "x.pdf", b"%PDF")
    assert "某县委宣传部" not in text
    assert "- 2 -" not in text
    assert "覆盖群众5000余人次。" in text  # sentence rejoined over the page break


@pytest.mark.parametrize("name, reason", [
    ("bad_empty.txt", "文件为空"),
    ("bad_garbage.txt", "编码"),
    ("bad_truncated.docx", "Word"),
    ("bad_image_only.pdf", "没有文字层"),
    ("bad_encrypted.pdf", "加密"),
    ("bad_unknown.xyz", "不支持的文件类型"),
    ("missing.txt", "文件不存在"),
])
def test_bad_input_raises_reader_error(name, reason):
    with pytest.raises(ReaderError) as info:
        read_path(SAMPLES / name)
    assert name in info.value.message
    assert reason in info.value.reason


def test_unreadable_doc_raises_reader_error():
    need_tool("antiword", "soffice")
    with pytest.raises(ReaderError) as info:
        read_path(SAMPLES / "bad_ole.doc")
    assert "bad_ole.doc" in info.value.message


def test_docx_numbering_inherited_from_a_heading_style(tmp_path):
    """Numbering set on a paragraph style (and a style based on it), not on the paragraph."""
    import io
    import zipfile

    from docx import Document

    from samples.make_samples import NUMBERING_XML

    doc = Document()
    doc.add_paragraph("2023年工作总结")
    doc.add_paragraph("工作情况", style="Heading 1")
    doc.add_paragraph("开展宣讲12场次。")
    doc.add_paragraph("存在问题", style="Heading 1")
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    path = tmp_path / "styled.docx"
    numpr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
    with zipfile.ZipFile(path, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/numbering.xml":
                data = NUMBERING_XML.encode("utf-8")
            if name == "word/styles.xml":
                text = data.decode("utf-8")
                start = text.index('w:styleId="Heading1"')
                ppr = text.index("<w:pPr>", start) + len("<w:pPr>")
                data = (text[:ppr] + numpr + text[ppr:]).encode("utf-8")
            out.writestr(name, data)
    read = read_path(path)
    assert "一、工作情况" in read.source_text.splitlines()
    assert "二、存在问题" in read.source_text.splitlines()
    assert [n.marker for n in read.outline] == ["一、", "二、"]


FORMATS = SAMPLES / "formats"  # made by LibreOffice from .docx (a school report with a table, a community report)


def test_pdf_quotes_stay_in_reading_order_and_table_rows_stay_rows():
    need_tool("pdftotext")  # poppler keeps marks a CJK font draws apart in place (pdfminer moves them)
    doc = read_path(FORMATS / "community_quotes.pdf")
    assert "围绕“党建引领、共建共享”工作思路" in doc.source_text
    assert "“ ”" not in doc.source_text
    table = read_path(FORMATS / "school_table.pdf")
    assert "2\t主题班会\t216节\t2800余人次" in table.source_text
    by_qty = {i.qty: i for i in table.indicators}
    assert (by_qty["216节"].activity, by_qty["5批次"].activity) == ("主题班会", "红色研学实践")


def test_doc_table_drawn_by_antiword_becomes_tab_rows():
    need_tool("antiword")
    doc = read_path(FORMATS / "school_table.doc")
    assert "1\t升国旗仪式及国旗下讲话\t38次\t全体师生" in doc.source_text  # a cell's overflow joined back
    assert {i.qty: i.activity for i in doc.indicators}["38次"] == "升国旗仪式及国旗下讲话"
