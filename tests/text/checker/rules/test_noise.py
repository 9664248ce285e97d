from taizhang.text.checker import check_document
from taizhang.text.model import Removal


def test_paywall_and_ads_found_without_reader(check):
    text = "一、工作情况^【更多*#*素%材尽在哒哒文库】\n正文##paidbegin##内容。\n（材料来源：公众号：哒哒君）\n"
    found = check(text, "noise")
    assert [f.excerpt for f in found] == ["^【更多*#*素%材尽在哒哒文库】", "##paidbegin##", "（材料来源：公众号：哒哒君）"]
    assert all(f.severity == "error" and f.fixable for f in found)


def test_adjacent_site_chrome_is_one_finding(check):
    text = "正文结束。\n\n将本文的Word文档下载到电脑,方便收藏和打印\n推荐度:\n点击下载文档\n"
    found = check(text, "noise")
    assert len(found) == 1
    assert found[0].excerpt.startswith("将本文") and "点击下载文档" in found[0].excerpt


def test_reader_removals_are_reported_where_they_stand(make_doc):
    doc = make_doc("标题\n浏览器广告位ABC\n正文。")
    doc.removed.append(Removal(kind="ad", start=3, end=12, text="浏览器广告位ABC"))
    found = check_document(doc, ["noise"])
    assert [(f.start, f.excerpt) for f in found] == [(3, "浏览器广告位ABC")]


def test_placeholders_inside_noise_are_not_reported_twice(check):
    found = check("标题\n【更多*#*素材尽在文库】\n", None)
    assert [f.family for f in found] == ["noise"]


def test_template_site_banners(check):
    text = "一、工作情况\n更多精彩范文尽在第一范文网\n（一）加强学习。\n"
    found = check(text, "noise")
    assert [f.excerpt for f in found] == ["更多精彩范文尽在第一范文网"]


def test_ordinary_mentions_of_materials_are_not_noise(check):
    text = "标题\n我们整理汇编学习资料库，收集优秀范文30篇，供干部学习参考。\n"
    assert check(text, "noise") == []


def test_body_text_around_a_banner_survives(check):
    text = "标题\n开展宣讲【更多素材尽在文库】活动12场次，引导群众扫码关注公众号。\n"
    found = check(text, "noise")
    assert [f.excerpt for f in found] == ["【更多素材尽在文库】"]


def test_page_breaks_copied_from_a_pdf_are_named_as_such(check):
    text = ("某镇2025年工作总结\n全年共开展理论宣讲活动，覆盖全镇各村社区，累计开展\n某镇党委\n- 2 -\n120场次。"
            "全年在各级媒体发布信息，累计发布各类稿件\n某镇党委\n- 3 -\n230篇。\n")
    found = check(text, "noise")
    assert len(found) == 2 and all("PDF" in f.message for f in found)


def test_wechat_prompts_share_bar_dateline_breadcrumbs_and_footers(check):
    text = ("点击上方蓝字　关注我们\n青禾发布　2024-01-12 18:30　发表于江苏\n"
            "您当前所在位置：首页 >> 信息公开 >> 年度工作总结\n"
            "当前文档：乡镇意识形态工作总结（精选）　　页数：4页　　下载积分：5\n"
            "青禾街道2023年宣传思想工作总结\n全年开展宣讲30场，会场位置：村委会。\n"
            "▼ 长按识别二维码　关注我们\n分享　收藏　点赞　在看\n主办：宁川县人民政府办公室　　承办：宁川县大数据发展中心\n")
    found = check(text, "noise")
    assert [f.excerpt[:4] for f in found] == ["点击上方", "▼ 长按"]  # each block of adjacent chrome is one finding
    assert all("宣讲30场" not in f.excerpt for f in found)
