"""Cleaning: noise removed with kind and span, data kept, offsets into source_text."""

from __future__ import annotations

import json

from reader_support import SAMPLES, need_gold

from taizhang.text import read_path, read_text


def _check_removals(doc):
    for r in doc.removed:
        assert doc.source_text[r.start:r.end] == r.text


def test_every_gold_noise_stretch_of_the_seeds_is_removed():
    gold = need_gold()
    docs = {}
    for line in (gold / "seeds_findings.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        if item["family"] != "noise":
            continue
        name = item["doc"]
        doc = docs.setdefault(name, read_path(gold.parent / "seeds" / name))
        start = doc.source_text.find(item["anchor"])
        while start != -1:
            end = start + len(item["anchor"])
            assert any(r.start <= start and end <= r.end for r in doc.removed), (name, item["anchor"])
            if item["occurrence"] != "all":
                break
            start = doc.source_text.find(item["anchor"], end)
    for doc in docs.values():
        _check_removals(doc)
        assert "哒哒" not in doc.clean_text and "paid" not in doc.clean_text


def test_paywall_marker_inside_a_word_keeps_the_word():
    doc = read_text("筑牢基层意识形态##paidbegin##工作的根据地，更新展板13块。\n##paidend##")
    assert "基层意识形态工作的根据地" in doc.clean_text
    assert [r.kind for r in doc.removed] == ["paywall", "paywall"]
    _check_removals(doc)
    assert doc.indicators[0].qty == "13块"
    assert doc.source_text[doc.indicators[0].start:doc.indicators[0].end] == "13块"


def test_source_note_removed_but_its_paragraph_kept():
    text = "全年在各类媒体发布信息350条，被采用320条。（材料来源：公众号：某某君）\n下一段。"
    doc = read_text(text)
    assert [r.kind for r in doc.removed] == ["source_note"]
    assert "被采用320条。" in doc.clean_text and "材料来源" not in doc.clean_text
    assert [i.qty for i in doc.indicators] == ["350条", "320条"]


def test_ad_block_figures_are_never_indicators():
    text = ("2023年工作总结\n开展宣讲12场次。\n"
            "【某某素材库】——每天更新材料1000多篇内部高质量素材，有意加入请联系客服\n"
            "欢迎加入“某某素材库svip会员”，9000万字材料，添加客服：abc\n")
    doc = read_text(text)
    assert [i.qty for i in doc.indicators] == ["12场次"]
    assert {r.kind for r in doc.removed} == {"ad"}


def test_body_sentence_mentioning_a_site_word_keeps_its_data():
    # Only the banner goes: the sentence names 文库 and 公众号 but is the unit's own work, not an ad line.
    text = ("开展宣讲【更多素材尽在文库】活动12场次，引导群众扫码关注公众号。\n"
            "如需更多宣传资料请与镇宣传办联系，全年发放宣传资料3000余份。\n")
    doc = read_text(text)
    assert [r.text for r in doc.removed] == ["【更多素材尽在文库】"]
    assert "活动12场次，引导群众扫码关注公众号。" in doc.clean_text
    assert [i.qty for i in doc.indicators] == ["12场次", "3000余份"]
    _check_removals(doc)


def test_government_site_chrome_removed():
    doc = read_path(SAMPLES / "gov_page.txt")
    kinds = [r.kind for r in doc.removed]
    assert kinds.count("chrome") == 6
    for chrome in ("您现在所在的位置", "索引号", "发布机构", "发文日期", "字体", "分享到"):
        assert chrome not in doc.clean_text
    assert doc.meta.title == "某某县2023年意识形态工作总结"
    assert "0838" not in "".join(i.qty for i in doc.indicators)  # phone number is no figure
    _check_removals(doc)


def test_document_site_chrome_removed():
    text = ("当前位置:首页 > 工作计划\n\n某乡上半年工作总结\n\n时间:2024-02-04 07:34:33\n某乡上半年工作总结[本文共1706字]\n"
            "开展活动3次。\n《某乡上半年工作总结[本文共1706字].doc》\n将本文的Word文档下载到电脑,方便收藏和打印\n推荐度:\n点击下载文档\n文档为doc格式")
    doc = read_text(text)
    assert doc.meta.title == "某乡上半年工作总结"
    assert doc.clean_text.split() == ["某乡上半年工作总结", "某乡上半年工作总结", "开展活动3次。"]
    assert [i.qty for i in doc.indicators] == ["3次"]


def test_pinyin_glosses_removed_and_traditional_converted_keeping_offsets():
    doc = read_path(SAMPLES / "traditional.txt")
    assert [r.text for r in doc.removed] == ["(zhèn)"]
    assert doc.clean_text.startswith("2023年某镇宣传思想工作总结")
    ind = next(i for i in doc.indicators if i.measure == "人次")
    assert (ind.qty, ind.value) == ("1.2萬人次", 12000)  # 人次 is written the same in both scripts
    assert doc.source_text[ind.start:ind.end] == "1.2萬人次"
    assert ind.activity == "受眾"  # copied literally from the text
    lecture = next(i for i in doc.indicators if i.measure == "場")  # the measure word as written
    assert lecture.activity_type == "expert_lecture"  # matched on the simplified form


def test_lines_broken_mid_sentence_are_rejoined():
    doc = read_path(SAMPLES / "broken_lines.txt")
    assert [r.kind for r in doc.removed] == ["line_break", "line_break"]
    assert "共组织开展主题班会120余场次" in doc.clean_text
    assert "累计参与师生达2000余人次" in doc.clean_text
    assert "120余场次" in [i.qty for i in doc.indicators]
    # headings and short lines are not joined
    assert "\n一、工作完成情况\n" in doc.clean_text


def test_clean_text_without_noise_equals_source():
    text = "2023年工作总结\n一、工作情况\n开展宣讲8场次。\n"
    doc = read_text(text)
    assert doc.clean_text == text and doc.removed == []


def test_page_markers_urls_and_html_entities_removed():
    text = ("某镇2023年工作总结\n一、工作开展情况\n全年开展宣讲活动20场次，详见www.example.com/a?id=3。\n"
            "第1页 共3页\n&nbsp;&nbsp;发放资料500份。\n- 2 -\n")
    doc = read_text(text)
    assert [(r.kind, r.text) for r in doc.removed] == [
        ("chrome", "www.example.com/a?id=3"), ("page_break", "第1页 共3页\n"), ("chrome", "&nbsp;&nbsp;"),
        ("page_break", "- 2 -\n")]
    assert [i.qty for i in doc.indicators] == ["20场次", "500份"]
    _check_removals(doc)


def test_site_metadata_vip_prompt_and_related_links_are_chrome_and_the_title_is_the_bare_title():
    text = ("标题：青山镇2025年宣传思想工作总结\n文号：青党发〔2026〕3号\n"
            "文档来源：青山镇党委办公室　作者：李明　阅读：2586次\n青山镇2025年宣传思想工作总结\n"
            "2025年，我镇共开展宣讲30场次。\n以下内容为VIP会员专享\n全年发布信息120条。\n"
            "猜你喜欢：2024年宣传工作总结 乡镇意识形态工作总结\n")
    doc = read_text(text)
    _check_removals(doc)
    assert [r.kind for r in doc.removed] == ["chrome", "chrome", "chrome", "paywall", "chrome"]
    assert doc.meta.title == "青山镇2025年宣传思想工作总结"
    assert [i.qty for i in doc.indicators] == ["30场次", "120条"]  # not the page's 阅读：2586次


def test_a_line_broken_before_its_number_is_joined_whatever_its_length():
    doc = read_text("青山镇2025年工作总结\n全年开展宣讲不少于\n100场次。")
    assert [r.kind for r in doc.removed] == ["line_break"]
    assert doc.meta.title == "青山镇2025年工作总结"  # a title before a line starting with a year stays a line


def test_page_breaks_copied_from_a_pdf_go_with_their_running_header_and_the_sentence_closes_up():
    text = ("青山镇2025年宣传思想工作总结\n一、工作开展情况\n全年共开展理论宣讲活动，覆盖全镇各村社区，累计开展\n"
            "青山镇党委宣传办\n- 2 -\n120场次，受众8000余人次。全年在各级媒体发布信息，累计发布各类稿件\n"
            "青山镇党委宣传办\n- 3 -\n230篇。\n")
    doc = read_text(text)
    _check_removals(doc)
    assert [r.text for r in doc.removed if r.kind == "page_break"] == ["青山镇党委宣传办\n- 2 -\n", "青山镇党委宣传办\n- 3 -\n"]
    assert "累计开展120场次，受众" in doc.clean_text and "各类稿件230篇。" in doc.clean_text
    assert doc.meta.title == "青山镇2025年宣传思想工作总结"


def test_a_short_line_repeated_away_from_page_numbers_stays():
    doc = read_text("某镇工作总结\n一、学习\n开展学习3次。\n二、宣讲\n开展学习3次。\n- 2 -\n")
    assert doc.clean_text.count("开展学习3次。") == 2


def test_document_site_upload_bar_and_related_documents_list_are_chrome():
    text = ("上传人：教育资料小铺    上传时间：2024-07-08    页数：4    下载：286次\n"
            "某小学2024年上半年意识形态工作总结\n开展主题班会12次。\n\n相关文档推荐\n"
            "· 2024年学校意识形态工作总结（通用10篇）\n· 2024年上半年党建工作总结范文精选5篇\n")
    doc = read_text(text)
    _check_removals(doc)
    assert [i.qty for i in doc.indicators] == ["12次"]
    assert doc.meta.title == "某小学2024年上半年意识形态工作总结"


def test_a_government_sites_top_bar_is_chrome_and_a_body_line_welcoming_visitors_stays():
    doc = read_text("欢迎访问云岭市人民政府网站　今天是：2024年12月5日　无障碍　English\n云岭市2024年工作总结\n"
                    "欢迎访问我市红色教育基地的群众达3万人次。\n")
    assert [r.kind for r in doc.removed] == ["chrome"]
    assert doc.meta.title == "云岭市2024年工作总结" and [i.qty for i in doc.indicators] == ["3万人次"]


def test_a_forum_repost_keeps_the_report_and_drops_the_posts_furniture_and_replies():
    text = ("公文写作交流论坛 › 总结汇报 › 【分享】社区2023年宣传思想文化工作总结，写得不错，大家参考\n"
            "查看: 4218 | 回复: 37　　[复制链接]\n老笔头　　楼主\nUID 1038827　帖子 652　积分 3126\n"
            "发表于 2023-12-26 21:14:08 | 只看该作者 | 倒序浏览\n槐荫社区2023年宣传思想文化工作总结\n"
            "全年开展集中学习12次。\n（本帖隐藏的内容需要回复才可以浏览）\n收藏 12　　分享　　支持 3　　反对 0\n"
            "wenzi2019　　板凳\n发表于 2023-12-27 08:03\n我们街道今年开展了20多场宣讲，照着改一下数字就能用\n"
            "您需要登录后才可以回帖　登录　|　立即注册\n")
    doc = read_text(text)
    _check_removals(doc)
    assert doc.meta.title == "槐荫社区2023年宣传思想文化工作总结"
    assert [i.qty for i in doc.indicators] == ["12次"]


def test_document_site_prices_ratings_pagers_and_file_names():
    text = ("原创力文档　知识共享平台\n首页 > 党政相关 > 党建工作 > 2024年上半年街道意识形态工作情况报告.docx\n"
            "2024年上半年街道意识形态工作情况报告.docx\n关于2024年上半年桃源街道意识形态工作情况的报告\n"
            "上半年开展宣讲18场。\n￥9.9元/月　立即开通　|　下载本文（需消耗5积分）\n"
            "下载文档　原格式　|　3页　|　4.5分（216人评价）\n上一页 1 2 3 4 下一页\n还剩2页未读，继续阅读\n")
    doc = read_text(text)
    assert doc.meta.title == "关于2024年上半年桃源街道意识形态工作情况的报告"
    assert [i.qty for i in doc.indicators] == ["18场"]


def test_traditional_pages_lose_their_furniture_too():
    doc = read_text("當前位置：首頁 > 黨建工作 > 工作總結\n青河縣委宣傳部2023年宣傳思想工作總結\n全年舉辦新聞發佈會18場。\n")
    assert [r.kind for r in doc.removed] == ["chrome"]
    assert doc.meta.title == "青河縣委宣傳部2023年宣傳思想工作總結"  # as written


def test_ad_lines_asking_to_follow_or_pay_and_a_dashed_page_number():
    doc = read_text("某乡2024年工作总结\n开展活动12次。\n微信搜索公众号【公文大咖】回复“总结”即可获取本文Word版\n"
                    "本文档由千度文库用户分享，完整阅读需支付5元\n—— 第2页 共4页 ——\n继续开展宣讲。\n")
    assert [r.kind for r in doc.removed] == ["ad", "ad", "chrome"]
    assert [i.qty for i in doc.indicators] == ["12次"]
