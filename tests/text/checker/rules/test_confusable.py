def test_common_errors_with_one_correction(check):
    found = check("深人开展学习，截止目前已布署到位，既使困难再大也要做好台帐。", "confusable")
    assert [(f.excerpt, f.suggestion) for f in found] == [
        ("深人", "深入"), ("截止目前", "截至目前"), ("布署", "部署"), ("既使", "即使"), ("台帐", "台账"),
    ]
    assert found[0].severity == "error" and found[1].severity == "warning"
    assert all(f.fixable for f in found)


def test_context_exceptions(check):
    text = "邀请资深人士讲课，预防犯罪，截至目前，创建全国文明城市，这就象征着新的开始。"
    assert check(text, "confusable") == []


def test_lexicon_has_at_least_200_entries_each_with_reason():
    from taizhang.text.checker import vocab

    entries = vocab.load("confusables")["entries"]
    assert len(entries) >= 200
    assert all(e["wrong"] != e["right"] and e["reason"] for e in entries)


def test_user_vocabulary_extends_the_lexicon(tmp_path, monkeypatch, check):
    from taizhang.text.checker import vocab
    from taizhang.text.checker.rules import confusable

    (tmp_path / "confusables.yaml").write_text(
        "version: 1\nentries:\n  - {wrong: 青山乡, right: 青山镇, reason: 2020年撤乡设镇}\n", "utf-8")
    monkeypatch.setenv(vocab.ENV_DIR, str(tmp_path))
    vocab.load.cache_clear()
    confusable._lexicon.cache_clear()
    try:
        found = check("青山乡党委召开会议。", "confusable")
        assert [(f.excerpt, f.suggestion) for f in found] == [("青山乡", "青山镇")]
    finally:
        monkeypatch.delenv(vocab.ENV_DIR)
        vocab.load.cache_clear()
        confusable._lexicon.cache_clear()


def test_jiezhi_before_a_date_is_jiezhi_until(check):
    found = check("截止6月底，共开展活动。报名截止日期为3月1日。", "confusable")
    assert [(f.excerpt, f.suggestion) for f in found] == [("截止", "截至")]


def test_fanying_with_an_object_between(check):
    found = check("及时反应青年诉求，认真反应社情民意。", "confusable")
    assert [f.suggestion for f in found] == ["反映青年诉求", "反映社情民意"]


def test_zai_ci_and_jian_ding_bu_yi(check):
    found = check("会上在次强调，坚定不疑推进改革。把宣传放在次要位置，在次日召开，现在次序不变。", "confusable")
    assert [(f.excerpt, f.suggestion) for f in found] == [("在次", "再次"), ("坚定不疑", "坚定不移")]


def test_a_document_in_traditional_characters_is_checked_word_for_word(check):
    text = "某鎮2024年宣傳思想工作總結\n一、工作情況\n深人開展宣講，截止目前開展開展活動。\n"
    found = check(text)
    assert {(f.family, f.excerpt) for f in found} >= {
        ("confusable", "深人"), ("confusable", "截止目前"), ("repetition", "開展開展")}  # excerpts as written


def test_wa_jue_and_zou_xiao(check):
    assert [f.suggestion for f in check("深入挖崛资源，措施凑效。", "confusable")] == ["挖掘", "奏效"]


def test_zhen_bian_shi_bi(check):
    assert [f.suggestion for f in check("撰写网评文章，针贬时弊。", "confusable")] == ["针砭时弊"]
