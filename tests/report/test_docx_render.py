"""The .docx read back with python-docx: GB/T 9704 page, styles, fonts, footers, signature, comments."""

import dataclasses
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from taizhang.report.model import Paragraph, Report
from taizhang.report.render import DocxStyle, render_docx
from taizhang.report.samples import township_report
from taizhang.report.walk import iter_figures, iter_pending

THEME = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def fonts_of(el):
    rpr = el.find(qn("w:rPr")) if el.tag != qn("w:rPr") else el
    rfonts = rpr.find(qn("w:rFonts"))
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}


def para(document, starts: str):
    return next(p for p in document.paragraphs if p.text.startswith(starts))


def style_ppr(document, name, tag):
    return document.styles[name].element.find(qn("w:pPr")).find(qn(tag))


def test_page_is_a4_with_gb_margins_and_line_grid(document):
    s = document.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    for got, mm in ((s.top_margin, 37), (s.bottom_margin, 35), (s.left_margin, 28), (s.right_margin, 26),
                    (s.footer_distance, 21)):
        assert abs(got - Mm(mm)) < Mm(0.1)
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"


def test_normal_style_is_16pt_fangsong_exact_579_condensed_indented(document):
    normal = document.styles["Normal"]
    f = fonts_of(normal.element)
    assert f["eastAsia"] == f["ascii"] == "仿宋_GB2312" and not set(THEME) & set(f)
    assert normal.font.size == Pt(16)
    rpr = normal.element.find(qn("w:rPr"))
    assert rpr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    spacing = style_ppr(document, "Normal", "w:spacing")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    assert spacing.get(qn("w:before")) == spacing.get(qn("w:after")) == "0"
    ind = style_ppr(document, "Normal", "w:ind")
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"


def test_doc_defaults_drop_theme_fonts_and_letter_spacing(document):
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert not set(THEME) & set(fonts_of(rpr)) and fonts_of(rpr)["eastAsia"] == "仿宋_GB2312"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    assert ppr.find(qn("w:spacing")).get(qn("w:after")) == "0"


def test_every_run_names_its_east_asian_font_without_theme_attributes(document):
    runs = [r for p in document.paragraphs for r in p.runs if r.text]  # not the comment reference marks
    assert len(runs) > 20
    for run in runs:
        f = fonts_of(run._r)
        assert f.get("eastAsia") and not set(THEME) & set(f), run.text


def test_title_is_centred_22pt_xiaobiaosong_off_grid(document):
    title = document.paragraphs[0]
    assert title.text.replace("\n", "") == "示例乡2025年宣传思想文化工作总结及2026年工作计划"
    assert title.style.name == "GB Title"
    assert title.alignment == 1 or title.style.paragraph_format.alignment == 1  # CENTER
    assert fonts_of(title.runs[0]._r)["eastAsia"] == "方正小标宋简体"
    assert title.style.font.size == Pt(22)
    assert style_ppr(document, "GB Title", "w:snapToGrid").get(qn("w:val")) == "0"
    assert document.paragraphs[1].text == ""  # one blank line under the title


def test_heading_fonts_by_level(document):
    expected = {"一、工作完成情况": "黑体", "（一）意识形态": "楷体_GB2312", "1.健全": "仿宋_GB2312",
                "（1）开展": "仿宋_GB2312"}
    for start, font in expected.items():
        p = para(document, start)
        assert fonts_of(p.runs[0]._r)["eastAsia"] == font, start
    assert para(document, "一、").style.name == "GB Heading 1"
    assert fonts_of(document.styles["GB Heading 2"].element)["eastAsia"] == "楷体_GB2312"


def test_run_in_heading_shares_its_paragraph_with_the_body(document):
    p = para(document, "1.健全和完善理论学习中心组学习制度。")
    assert p.text.endswith("集中学习8次。")
    assert fonts_of(p.runs[1]._r)["eastAsia"] == "仿宋_GB2312"


def test_configured_fonts_are_honoured(windows_document):
    d = windows_document
    assert fonts_of(d.styles["Normal"].element)["eastAsia"] == "仿宋"
    assert fonts_of(para(d, "（一）").runs[0]._r)["eastAsia"] == "楷体"
    assert fonts_of(para(d, "2025年，全乡").runs[0]._r)["eastAsia"] == "仿宋"
    assert d.comments is not None and len(list(d.comments)) == 0  # comments off by default


def _footer_parts(footer):
    p = footer.paragraphs[0]
    instr = "".join(el.text for el in p._p.iter(qn("w:instrText")))
    return p, instr


def test_page_numbers_odd_right_even_left_em_dashes_and_page_field(document):
    s = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    odd, odd_instr = _footer_parts(s.footer)
    even, even_instr = _footer_parts(s.even_page_footer)
    assert odd_instr.strip() == even_instr.strip() == "PAGE"
    assert odd.text == even.text == "— 1 —"
    assert odd.alignment == 2 and even.alignment == 0  # RIGHT / LEFT
    assert odd.paragraph_format.right_indent == Pt(14) and even.paragraph_format.left_indent == Pt(14)
    assert fonts_of(odd.runs[0]._r)["eastAsia"] == "宋体" and odd.style.font.size == Pt(14)


def test_signature_unit_two_chars_from_right_and_date_below(document):
    unit = para(document, "中共示例乡委员会宣传办公室")
    date = para(document, "2026年1月5日")
    assert unit.alignment == 2 and unit.paragraph_format.right_indent == Pt(32)
    assert date.alignment == 0 and date.paragraph_format.first_line_indent == 0
    assert date.paragraph_format.left_indent > Mm(60)
    texts = [p.text for p in document.paragraphs]
    i = texts.index("中共示例乡委员会宣传办公室")
    assert texts[i + 1] == "2026年1月5日" and texts[i - 1] == ""  # one blank line before the unit


def test_comments_name_each_figure_source(document):
    report = township_report()
    figures = list(iter_figures(report))
    pending = [p for p in iter_pending(report) if p not in report.pending]  # the ones placed in the text
    comments = [c.text for c in document.comments]
    assert len([c for c in comments if c.startswith("数字“")]) == len(figures)
    assert len([c for c in comments if c.startswith("待补：")]) == len(pending)
    first = comments[0]
    assert first.startswith("数字“2次”（f-meet）")
    assert "意识形态专题会议" in first and "2025年1月1日至2025年12月31日" in first
    assert "共2条" in first and "M-0001" in first
    assert "台账中没有“宣讲覆盖群众人次”的数据" in comments[4]
    body = document.element.body
    assert len(body.findall(".//" + qn("w:commentRangeStart"))) == len(figures) + len(pending)


def test_pending_is_bracketed_and_highlighted(document):
    p = para(document, "2.强化基层理论宣讲")
    run = next(r for r in p.runs if r.text.startswith("【待补"))
    assert run.text == "【待补：宣讲覆盖群众人次】"
    assert run.font.highlight_color is not None


def test_appendix_note_page_break_and_table(document):
    texts = [p.text for p in document.paragraphs]
    assert "附件：2025年各村理论宣讲情况" in texts
    label = [p for p in document.paragraphs if p.text == "附件"][0]
    assert label.paragraph_format.page_break_before
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["村（社区）", "宣讲场次", "覆盖人次"]
    assert [c.text for c in table.rows[1].cells] == ["东村", "12场", "【待补：东村宣讲覆盖人次】"]
    assert len(table.rows) == 4


def test_renders_to_a_stream_too(township):
    buf = io.BytesIO()
    render_docx(township, buf, DocxStyle(level3_bold=True))
    d = docx.Document(io.BytesIO(buf.getvalue()))
    assert para(d, "1.健全").runs[0].bold


def test_long_title_breaks_into_balanced_lines(document):
    run = document.paragraphs[0].runs[0]._r
    assert len(run.findall(qn("w:br"))) == 1
    assert [t.text for t in run.findall(qn("w:t"))] == ["示例乡2025年宣传思想文化", "工作总结及2026年工作计划"]


def test_docx_style_is_frozen_and_windows_variant_keeps_other_defaults():
    style = DocxStyle.windows(title_size_pt=20)
    assert (style.body_font, style.kai_font, style.hei_font, style.title_size_pt) == ("仿宋", "楷体", "黑体", 20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        style.body_font = "宋体"


def test_comment_text_has_its_own_small_style(document):
    style = document.styles["annotation text"]
    assert style.style_id == "CommentText" and style.font.size == Pt(10.5)
    assert document.styles["annotation reference"].style_id == "CommentReference"
    p = next(iter(document.comments)).paragraphs[0]
    assert p.style.name == "annotation text"


def test_minimal_report_without_signature_renders(tmp_path):
    report = Report("简短说明", "示例乡", 2025, opening=[Paragraph.of("正文一段。")])
    render_docx(report, tmp_path / "m.docx")
    d = docx.Document(str(tmp_path / "m.docx"))
    assert [p.text for p in d.paragraphs] == ["简短说明", "", "正文一段。"]


def test_unindented_paragraphs_also_clear_first_line_chars(document):
    """Word prefers an inherited w:firstLineChars over w:firstLine, so both must be zeroed."""
    for name in ("GB Title", "GB Page Number", "GB Table Text", "GB Attachment Label", "annotation text"):
        ind = style_ppr(document, name, "w:ind")
        assert (ind.get(qn("w:firstLineChars")), ind.get(qn("w:firstLine"))) == ("0", "0"), name
    for text in ("中共示例乡委员会宣传办公室", "2026年1月5日"):
        ind = para(document, text)._p.pPr.find(qn("w:ind"))
        assert (ind.get(qn("w:firstLineChars")), ind.get(qn("w:firstLine"))) == ("0", "0"), text
