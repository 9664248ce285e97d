"""Indicators (INDICATORS_SPEC.md): value, measure, approx, masks, kind,
activity phrase, taxonomy type, compounds, 其中 parents, and what never counts."""

from __future__ import annotations

import pytest

from taizhang.text import read_text


def one(text: str):
    inds = read_text(text).indicators
    assert len(inds) == 1, [i.qty for i in inds]
    return inds[0]


@pytest.mark.parametrize("text, qty, value, measure, approx", [
    ("共召开意识形态专题会议2次。", "2次", 2, "次", None),
    ("共召开100余次集中学习。", "100余次", 100, "次", "more_than"),
    ("选优配齐十二个村宣传员。", "十二个", 12, "个", None),
    ("配备两台数字电影放映机。", "两台", 2, "台", None),
    ("开展宣讲十余场次。", "十余场次", 10, "场次", "more_than"),
    ("受众达1.2万人次。", "1.2万人次", 12000, "人次", None),
    ("筹集100多万元投入创城工作。", "100多万元", 1000000, "元", "more_than"),
    ("宣传报道**多篇（条）。", "**多篇（条）", None, "篇", "more_than"),
    ("开展法制讲座**（场）次。", "**（场）次", None, "场次", None),
    ("发放倡议书**万多份。", "**万多份", None, "份", "more_than"),
    ("行政村100％全覆盖。", "100％", 100, "%", None),
    ("设有3处以上宣传点。", "3处", 3, "处", "more_than"),
    ("服务群众约3000人次。", "3000人次", 3000, "人次", "about"),
    ("覆盖群众5000人次左右。", "5000人次", 5000, "人次", "about"),
    ("受众超过**万人次。", "**万人次", None, "人次", "more_than"),
    ("其中集中学习研讨不少于4次。", "4次", 4, "次", "at_least"),
    ("每次培训控制在30人以内。", "30人", 30, "人", "at_most"),
    ("撰写心得体会逾百篇。", "百篇", 100, "篇", "more_than"),
    ("领导干部XX人开展研讨。", "XX人", None, "人", None),
    ("网络舆情事件*起。", "*起", None, "起", None),
    ("开展宣讲１２场次。".replace("１２", "12"), "12场次", 12, "场次", None),
    ("悬挂横幅1,200条。", "1,200条", 1200, "条", None),
])
def test_quantities(text, qty, value, measure, approx):
    ind = one(text)
    assert (ind.qty, ind.value, ind.measure, ind.approx) == (qty, value, measure, approx)
    assert ind.masked == (value is None)
    assert text[ind.start:ind.end] == qty


@pytest.mark.parametrize("text, activity", [
    ("截至目前，共召开意识形态专题会议2次，召开分析研判会3次。", "意识形态专题会议"),
    ("全乡共开展8次理论学习中心组集中学习。", "理论学习中心组集中学习"),
    ("更新展板13块、标语9条，清理小广告100条。", "展板"),
    ("共组织XX名基层通讯员开展培训。", "基层通讯员"),
    ("组织单位领导干部XX人开展研讨活动。", "领导干部"),
    ("率先实现农家书屋行政村100％全覆盖。", "农家书屋"),
    ("每月至少开展1次党组中心组政治理论学习、每季度进行研判。", "党组中心组政治理论学习"),
])
def test_activity_phrase_is_literal_and_contains_the_counted_thing(text, activity):
    ind = read_text(text).indicators[0]
    assert activity in ind.activity
    assert ind.activity in text  # copied from the text
    assert len(ind.activity) <= 30


def test_activity_type_from_the_taxonomy():
    inds = read_text("召开意识形态专题会议2次，开展志愿服务活动50余次，更新展板13块。").indicators
    assert [i.activity_type for i in inds] == ["ideology_meeting", "volunteer_activity", "display_board"]


def test_compound_figure_is_two_indicators_sharing_the_activity():
    inds = read_text("利用公众号全年累计发布各类信息182期526条，其中原创性信息发布178条。").indicators
    assert [(i.qty, i.measure) for i in inds] == [("182期", "期"), ("526条", "条"), ("178条", "条")]
    assert "各类信息" in inds[0].activity and inds[1].activity == inds[0].activity
    assert [i.parent for i in inds] == [None, None, 1]  # 其中 → the total with the same measure


def test_qizhong_parent_only_within_its_clause():
    inds = read_text("全年开展集体学习研讨9次，其中主题教育专题学习研讨6次，书记讲党课5次。").indicators
    assert [i.parent for i in inds] == [None, 0, None]
    inds = read_text("刊发稿件**篇，其中头版3篇、二版5篇。").indicators
    assert [i.parent for i in inds] == [None, 0, 0]


@pytest.mark.parametrize("text, kind", [
    ("每月至少开展1次党组中心组学习。", "target"),
    ("力争全年发布信息200条以上。", "target"),
    ("计划开展宣讲20场次。", "target"),
    ("全年开展宣讲20场次。", "actual"),
    ("一、下一步工作计划\n全年开展宣讲30场次。", "target"),
    ("一、下一步工作计划\n截至目前已开展宣讲30场次。", "actual"),
])
def test_kind_actual_or_target(text, kind):
    assert read_text(text).indicators[-1].kind == kind


@pytest.mark.parametrize("text", [
    "2023年3月25日召开会议，第一季度、上半年工作。",
    "深入学习党的十九大、二十大和十九届六中全会精神，庆祝建党103周年。",
    "深刻领悟“两个确立”，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "落实“三会一课”“第一议题”制度，一把手负总责，一级抓一级，开展“五个一”活动。",
    "在三纵三横主干道，推进三抓三促行动，实施一约四会，严格三审三校，实行一票否决。",
    "开展万名干部进万家、万名党员进党校活动，千斤重担人人挑，结合第二批主题教育。",
    "一、工作情况\n（一）学习\n1.深化学习\n一是加强，二是提高。",
    "连续两个月未完成的，一个都不能少，进一步统一思想，千家万户。",
    "联系电话：13812345678，访问量123456789次。",
    "第3次会议，第二批干部。",
])
def test_never_indicators(text):
    assert read_text(text).indicators == []


def test_indicator_spans_index_source_text_and_cover_the_quantity():
    text = "一、工作情况\n开展宣讲100余场次，受众约1.2万人次。"
    for ind in read_text(text).indicators:
        assert text[ind.start:ind.end] == ind.qty
    assert [i.qty for i in read_text(text).indicators] == ["100余场次", "1.2万人次"]


def test_user_data_dir_extends_set_phrases(tmp_path):
    from taizhang.text import ReaderConfig

    (tmp_path / "set_phrases.yaml").write_text("phrases: [三个一批]\n", "utf-8")
    text = "推进“三个一批”建设，开展活动5次。"
    assert [i.qty for i in read_text(text).indicators] == ["5次"]
    (tmp_path / "set_phrases.yaml").write_text("phrases: [活动5次]\n", "utf-8")
    cfg = ReaderConfig.with_data_dirs(tmp_path)
    assert read_text(text, config=cfg).indicators == []


def test_future_cue_in_an_achievements_paragraph_marks_a_target():
    doc = read_text("一、工作开展情况\n全年开展宣讲活动20场次。下一步，我们将组织开展宣讲30场次。")
    assert [(i.qty, i.kind) for i in doc.indicators] == [("20场次", "actual"), ("30场次", "target")]


@pytest.mark.parametrize("text", [
    "严格落实中央八项规定精神，驰而不息纠治四风。",
    "认真学习贯彻县十七届人大五次会议和县委十五届七次全会精神。",
    "深入领会“十个明确”“十四个坚持”，健全“三项机制”。",
    "贯彻市第十三次党代会精神，落实省委十一届三次全会部署。",
])
def test_set_phrases_session_ordinals_and_quoted_numeral_phrases_never_count(text):
    assert read_text(text).indicators == []


@pytest.mark.parametrize("text, qty, value, measure, approx", [
    ("发放宣传资料3种。", "3种", 3, "种", None),
    ("党员干部人均学习60学时。", "60学时", 60, "学时", None),
    ("走访企业120家次。", "120家次", 120, "家次", None),
    ("征订党报党刊1200部次。", "1200部次", 1200, "部次", None),
    ("寄送慰问信200封。", "200封", 200, "封", None),
    ("受众万余人次。", "万余人次", 10000, "人次", "more_than"),
    ("服务群众近万人次。", "万人次", 10000, "人次", "about"),
    ("参与群众逾万人次。", "万人次", 10000, "人次", "more_than"),
    ("讲专题党课一次。", "一次", 1, "次", None),
])
def test_more_measures_bare_wan_and_bare_one_time(text, qty, value, measure, approx):
    ind = one(text)
    assert (ind.qty, ind.value, ind.measure, ind.approx) == (qty, value, measure, approx)


def test_every_quarter_at_least_once_is_a_target_of_one():
    ind = one("每季度至少开展一次意识形态形势研判。")
    assert (ind.value, ind.approx, ind.kind) == (1, "at_least", "target")


def test_yue_inside_village_rules_is_no_approximation():
    assert one("修订村规民约12部。").approx is None
    assert one("完善居民公约约30部。").approx == "about"


@pytest.mark.parametrize("text, kind", [
    ("一、工作开展情况\n争取上级资金120万元用于阵地建设。", "actual"),
    ("一、工作开展情况\n对不符合要求的12块展板进行了更换。", "actual"),
    ("一、存在的问题和下一步打算\n宣传队伍力量薄弱，全年仅开展宣讲8场。2026年，将开展宣讲30场次。", "target"),
])
def test_kind_cues_in_context(text, kind):
    assert read_text(text).indicators[-1].kind == kind


def test_problems_and_plans_section_keeps_the_problem_figures_actual():
    doc = read_text("一、存在的问题和下一步打算\n宣传队伍力量薄弱，全年仅开展宣讲8场。2026年，力争开展宣讲30场次。")
    assert [(i.qty, i.kind) for i in doc.indicators] == [("8场", "actual"), ("30场次", "target")]


def test_number_on_the_next_line_after_a_hard_wrap():
    doc = read_text("一、工作开展情况\n全年开展理论宣讲不少于\n100场次，受众8000余人次。")
    assert [(i.qty, i.approx) for i in doc.indicators] == [("100场次", "at_least"), ("8000余人次", "more_than")]


def test_a_qizhong_figure_names_what_it_counts():
    inds = read_text("全年发布短视频120条，其中单条播放量超过10万次的有17条。").indicators
    assert [i.qty for i in inds] == ["120条", "10万次", "17条"]
    assert "播放量" in inds[1].activity


@pytest.mark.parametrize("text, qty, value, approx", [
    ("受众 1,260 余人次。", "1,260 余人次", 1260, "more_than"),
    ("阅读量达 3.2 万次。", "3.2 万次", 32000, None),
    ("形成调研报告6篇，共计4.3万字。", "4.3万字", 43000, None),
    ("办理各类手续3.6万件次。", "3.6万件次", 36000, None),
])
def test_spaced_numbers_and_more_measures(text, qty, value, approx):
    ind = read_text(text).indicators[-1]
    assert (ind.qty, ind.value, ind.approx) == (qty, value, approx)


def test_a_frequency_of_events_is_a_target_and_counts_a_bare_one():
    doc = read_text("一、工作开展情况\n每月开展一次宣传阵地巡查，每季度召开1次研判会，每周开放42小时。")
    assert [(i.qty, i.value, i.kind) for i in doc.indicators] == [
        ("一次", 1, "target"), ("1次", 1, "target"), ("42小时", 42, "actual")]


def test_last_years_figures_recalled_in_a_plan_are_actual():
    doc = read_text("某街道2026年宣传思想工作计划\n一、总体思路\n2025年，街道共开展基层理论宣讲186场。"
                    "2026年，街道将开展宣讲200场。\n")
    assert [(i.qty, i.kind) for i in doc.indicators] == [("186场", "actual"), ("200场", "target")]


def test_a_figure_naming_nothing_of_its_own_takes_the_previous_figures_activity():
    inds = read_text("组织党员参观廉政教育基地36批次、2100余人次，开展警示教育大会3场。").indicators
    assert [i.activity for i in inds] == ["组织党员参观廉政教育基地"] * 2 + ["开展警示教育大会"]


def test_shares_and_thresholds_are_not_parts_of_a_total():
    inds = read_text("群众诉求较上季度增加18%，其中停车难诉求占比超过40%。").indicators
    assert [i.parent for i in inds] == [None, None]
    inds = read_text("全年发布信息64条，其中《火塘边的宣讲》单条播放量超过10万次。").indicators
    assert [i.parent for i in inds] == [None, None]


def test_qizhong_opening_the_next_sentence_refers_to_the_totals_before():
    inds = read_text("开展理论宣讲268场，覆盖群众1.6万人次。其中，面向青少年开展“红色故事会”30余场。").indicators
    assert [i.parent for i in inds] == [None, None, 0]


@pytest.mark.parametrize("text, qty, measure, approx", [
    ("清理垃圾约60吨。", "60吨", "吨", "about"),
    ("开设兴趣课程6门。", "6门", "门", None),
    ("举办邻里节1届。", "1届", "届", None),
    ("参与居民约1500人次。", "1500人次", "人次", "about"),
    ("累计阅读量X.X万人次。", "X.X万人次", "人次", None),
])
def test_more_measures_and_masks(text, qty, measure, approx):
    ind = one(text)
    assert (ind.qty, ind.measure, ind.approx) == (qty, measure, approx)


@pytest.mark.parametrize("text", [
    "发稿量排名前10名的通讯员受到表彰。",
    "评选表彰“最美XX人”。",
    "撰写心得体会（1500字以内）。",
    "深入学习十九届六中全会精神，贯彻县十七届人大精神。",
])
def test_ranks_masked_names_word_limits_and_sessions_are_not_figures(text):
    assert read_text(text).indicators == []


def test_a_bracketed_note_after_a_figure_is_not_what_it_counts():
    assert one("举办青年干部培训班1期（5天）。").activity == "举办青年干部培训班"


def test_couplets_counted_by_fu_but_not_deputy_titles():
    inds = read_text("赠送春联1.5万余副、福字8000余张，配备副书记1名。").indicators
    assert [(i.qty, i.value, i.measure) for i in inds] == [("1.5万余副", 15000, "副"), ("8000余张", 8000, "张"),
                                                           ("1名", 1, "名")]


@pytest.mark.parametrize("text", [
    "为谱写中国式现代化××篇章贡献力量。",
    "创作《××人家》等微短剧。",
    "（×组通〔2024〕45号）要求开展考核。",
    "各族群众像石榴籽一样紧紧抱在一起。",
])
def test_masks_inside_names_and_numbers_and_together_are_not_figures(text):
    assert read_text(text).indicators == []


def test_a_sentence_dated_after_the_year_summarised_plans_every_figure():
    doc = read_text("某乡2024年工作总结\n一、工作开展情况\n全年开展宣讲28场。"
                    "2025年，乡党委将开展双语宣讲不少于30场，创建民族团结进步示范村3个。\n")
    assert [(i.qty, i.kind) for i in doc.indicators] == [("28场", "actual"), ("30场", "target"), ("3个", "target")]


def test_a_figure_followed_by_gong_ji_names_what_comes_before():
    inds = read_text("发布典型案例10批次共计45件。").indicators
    assert [i.activity for i in inds] == ["发布典型案例", "发布典型案例"]


def test_a_figure_in_brackets_after_a_name_is_counted_for_the_name():
    inds = read_text("未完成任务的单位：县发展和改革局（3条）、县财政局（2条）。").indicators
    assert [(i.qty, i.activity) for i in inds] == [("3条", "县发展和改革局"), ("2条", "县财政局")]


def test_measure_words_are_given_as_written_in_traditional_characters():
    ind = one("全年舉辦新聞發佈會18場。")
    assert (ind.qty, ind.measure, ind.activity_type) == ("18場", "場", None)


@pytest.mark.parametrize("text, qty, approx", [
    ("观众不足20人。", "20人", "at_most"),
    ("建成积分超市56个。", "56个", None),  # 超 of 超市 is no approximation
    ("完成年度目标任务的101.5%。", "101.5%", None),
])
def test_at_most_words_and_approximation_words_only_right_before_the_number(text, qty, approx):
    ind = one(text)
    assert (ind.qty, ind.approx, ind.kind) == (qty, approx, "actual")


@pytest.mark.parametrize("text", ["引发网民二次发帖。", "县四套班子领导参加。", "推出一批有分量的作品。"])
def test_secondary_and_leadership_set_phrases(text):
    assert read_text(text).indicators == []


@pytest.mark.parametrize("text", [
    "印发《关于推动高质量发展十条措施》。",
    "防止学用两张皮。",
    "实行24小时值班值守。",
])
def test_document_names_set_phrases_and_duty_hours_are_not_figures(text):
    assert read_text(text).indicators == []


def test_compound_measures_about_for_and_exact_wan_values():
    inds = read_text("督查46轮次，更新展板150余块次，占比约为12%，受众1.38万人。").indicators
    assert [(i.qty, i.measure, i.approx, i.value) for i in inds] == [
        ("46轮次", "轮次", None, 46), ("150余块次", "块次", "more_than", 150), ("12%", "%", "about", 12),
        ("1.38万人", "人", None, 13800)]
    assert inds[2].activity == "占比"


def test_a_frequency_then_a_total_done():
    inds = read_text("全年开展集中学习每月1次、共计12次。").indicators
    assert [(i.qty, i.kind) for i in inds] == [("1次", "target"), ("12次", "actual")]


def test_qizhong_breaks_down_the_total_not_a_change_or_a_comparison():
    inds = read_text("全年开展宣讲128场次，比2023年的86场次增加42场次，其中理论宣讲97场次、政策宣讲31场次。").indicators
    assert [i.parent for i in inds] == [None, None, None, 0, 0]
    inds = read_text("开展宣讲1860场次，同比增长21%。其中开展理论宣讲128场。").indicators
    assert [i.parent for i in inds] == [None, None, 0]
