import json
import re

from taizhang.report.model import Figure, Paragraph
from taizhang.report.render import render_html, render_markdown
from taizhang.report.walk import iter_figures


def test_markdown_has_headings_every_figure_footnotes_and_pending(township):
    md = render_markdown(township)
    assert md.startswith("# 示例乡2025年宣传思想文化工作总结及2026年工作计划")
    assert "## 一、工作完成情况" in md and "### （一）意识形态领域管控有力" in md
    assert "**1.健全和完善理论学习中心组学习制度。**制定下发" in md
    for use in iter_figures(township):
        assert f"{use.figure.text}[^{use.figure.id}]" in md or use.figure.text in md
        assert f"[^{use.figure.id}]: " in md
    assert "[^f-meet]: 来源：指标“意识形态专题会议”" in md
    assert "## 待补清单" in md and "- 【待补：全乡新时代文明实践站点数】（台账中无该指标记录）" in md
    assert "| 东村 | 12场[^t-U-0101-01] |" in md


def test_markdown_without_footnotes_is_plain_text(township):
    md = render_markdown(township, footnotes=False)
    assert "[^" not in md and "2次，召开分析研判会3次" in md


def test_html_marks_every_figure_with_its_id(township):
    html = render_html(township)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "http://" not in html and "https://" not in html  # standalone
    for use in iter_figures(township):
        assert re.search(rf'<span class="figure" data-figure-id="{use.figure.id}"[^>]*>{use.figure.text}</span>', html)
    assert 'data-indicator="ideology.meeting"' in html
    assert '<span class="pending">【待补：宣讲覆盖群众人次】</span>' in html


def test_html_escapes_text_and_embeds_provenance_json(township):
    township.opening.append(Paragraph.of("<script>alert(1)</script>&",
                                         Figure("f-x", 1, "次", "1<b>次", source="meetings")))
    html = render_html(township)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in html and "1&lt;b&gt;次" in html
    blob = re.search(r'<script type="application/json" id="provenance">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in blob
    data = json.loads(blob)
    assert len(data["figures"]) == len(list(iter_figures(township)))
    assert data["figures"][0]["text"] == "1<b>次"  # the opening comes first
