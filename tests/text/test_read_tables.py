"""Tables flattened to text (stages/tables.py): a number in a column whose heading names a
measure word is a figure of what its row names; .docx tables arrive as one line per row."""

from __future__ import annotations

from taizhang.text import read_path, read_text

TABLE = ("某区2025年网络安全宣传周工作总结\n一、活动开展情况\n各部门联合开展系列活动，具体如下：\n"
         "序号  活动名称  主办单位  场次  参与人数（人次）\n"
         "1  网络安全进校园  区教育局  32  21000\n"
         "2  网络安全进社区  各街道（镇）  46  8600\n"
         "合计    78  29600\n\n二、下一步打算\n继续开展宣传。\n")


def test_each_number_under_a_measure_heading_is_a_figure_of_its_row():
    inds = read_text(TABLE).indicators
    assert [(i.qty, i.value, i.measure, i.activity) for i in inds] == [
        ("32", 32, "场次", "网络安全进校园"), ("21000", 21000, "人次", "网络安全进校园"),
        ("46", 46, "场次", "网络安全进社区"), ("8600", 8600, "人次", "网络安全进社区"),
        ("78", 78, "场次", "合计"), ("29600", 29600, "人次", "合计")]
    assert all(TABLE[i.start:i.end] == i.qty for i in inds)
    assert {i.kind for i in inds} == {"actual"}


def test_a_heading_wrapped_over_lines_and_an_empty_cell():
    text = ("序号 项目名称 服务内容 开展活动\n（场次） 服务群众\n（人次）\n"
            "1 “银龄守护” 空巢独居老人关爱 168 5200\n4 “红马甲护河队” 河道巡查保洁 130 ——\n")
    assert [(i.qty, i.measure, i.activity) for i in read_text(text).indicators] == [
        ("168", "场次", "“银龄守护”"), ("5200", "人次", "“银龄守护”"), ("130", "场次", "“红马甲护河队”")]


def test_numbers_in_columns_without_a_measure_and_xu_hao_in_running_text_are_not_figures():
    text = "序号 单位 年份 备注\n1 青山镇 2025 无\n按序号 3 排列。\n"
    assert read_text(text).indicators == []


def test_a_docx_table_is_read_row_by_row(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某街道2025年工作总结")
    table = d.add_table(rows=3, cols=4)
    for r, row in enumerate([["序号", "活动名称", "场次", "参与人数（人次）"], ["1", "网络安全进校园", "32", "21000"],
                             ["合计", "", "32", "21000"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.save(tmp_path / "t.docx")
    doc = read_path(tmp_path / "t.docx")
    assert "1\t网络安全进校园\t32\t21000" in doc.source_text
    assert [(i.qty, i.measure, i.activity) for i in doc.indicators] == [
        ("32", "场次", "网络安全进校园"), ("21000", "人次", "网络安全进校园"), ("32", "场次", "合计"), ("21000", "人次", "合计")]


def test_a_planned_column_gives_targets_and_a_row_without_a_name_column_is_named_by_its_first_text_cell():
    text = ("序号\t工作事项\t计划数（次）\t完成数（次）\t完成率（%）\n1\t党组会专题研究意识形态工作\t4\t4\t100\n"
            "2\t理论学习中心组集体学习\t12\t14\t116.7\n")
    inds = read_text(text).indicators
    assert [(i.qty, i.kind, i.activity) for i in inds[:3]] == [
        ("4", "target", "党组会专题研究意识形态工作"), ("4", "actual", "党组会专题研究意识形态工作"),
        ("100", "actual", "党组会专题研究意识形态工作")]
    assert [i.value for i in inds[3:]] == [12, 14, 116.7]


def test_rows_with_thousands_separators_stay_rows(tmp_path):
    page = ("<html><body><div class='article'><p>某市2024年“清朗”专项行动统计表</p><table>"
            "<tr><th>序号</th><th>专项行动名称</th><th>清理信息（条）</th><th>处置账号（个）</th></tr>"
            "<tr><td>1</td><td>清朗·春节网络环境整治</td><td>6,820</td><td>412</td></tr>"
            "<tr><td>2</td><td>清朗·网络戾气整治</td><td>9,107</td><td>655</td></tr></table></div></body></html>")
    (tmp_path / "p.html").write_text(page, "utf-8")
    doc = read_path(tmp_path / "p.html")
    assert "1\t清朗·春节网络环境整治\t6,820\t412" in doc.source_text
    assert [(i.qty, i.measure, i.activity) for i in doc.indicators] == [
        ("6,820", "条", "清朗·春节网络环境整治"), ("412", "个", "清朗·春节网络环境整治"),
        ("9,107", "条", "清朗·网络戾气整治"), ("655", "个", "清朗·网络戾气整治")]


def test_a_ranking_table_counts_its_measured_columns_but_not_ranks_or_scores():
    text = ("排名\t单位\t报送信息（条）\t县级采用（条）\t积分（分）\n1\t城关镇\t86\t32\t94\n2\t县融媒体中心\t124\t35\t90\n")
    assert [(i.qty, i.measure, i.activity) for i in read_text(text).indicators] == [
        ("86", "条", "城关镇"), ("32", "条", "城关镇"), ("124", "条", "县融媒体中心"), ("35", "条", "县融媒体中心")]


def test_tab_rows_under_a_merged_heading_and_without_row_numbers():
    text = ("宣讲主体\t开展情况\t备注\n场次\t受众（人次）\n区委宣讲团\t186\t15200\t含专题辅导\n"
            "镇（街道）宣讲队\t624\t43800\n合计\t810\t59000\n")
    assert [(i.qty, i.measure, i.activity) for i in read_text(text).indicators] == [
        ("186", "场次", "区委宣讲团"), ("15200", "人次", "区委宣讲团"), ("624", "场次", "镇（街道）宣讲队"),
        ("43800", "人次", "镇（街道）宣讲队"), ("810", "场次", "合计"), ("59000", "人次", "合计")]


def test_an_html_layout_table_keeps_its_paragraphs(tmp_path):
    page = ("<html><head><title>青石镇2024年宣传思想文化工作总结_青石镇人民政府</title></head><body>"
            "<div>首页　政务公开　新闻中心　互动交流</div><table><tr><td>青石镇2024年宣传思想文化工作总结<br>"
            "一、理论武装<br>全年开展集中学习12次。<br>二、阵地建设<br>更新展板8块。<br>点击查看更多&gt;&gt;</td></tr></table>"
            "</body></html>")
    (tmp_path / "p.html").write_text(page, "utf-8")
    doc = read_path(tmp_path / "p.html")
    assert doc.meta.title == "青石镇2024年宣传思想文化工作总结"  # without the site's name
    assert [n.title for n in doc.outline] == ["理论武装", "阵地建设"]
    assert [i.qty for i in doc.indicators] == ["12次", "8块"]
    assert sum(r.kind == "chrome" for r in doc.removed) == 2  # the menu and the "more" link
