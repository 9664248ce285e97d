def test_doubled_words_and_enumeration(check):
    found = check("做好建党宣传，开展开展主题活动。四是是加强队伍建设。", "repetition")
    assert [(f.excerpt, f.suggestion, f.severity) for f in found] == [
        ("开展开展", "开展", "error"),
        ("四是是", "四是", "error"),
    ]


def test_doubled_function_character(check):
    found = check("这是我们的的工作重点。", "repetition")
    assert [(f.excerpt, f.suggestion) for f in found] == [("的的", "的")]


def test_legitimate_reduplication_is_quiet(check):
    text = ("坚持一级抓一级、层层抓落实，人人参与、常常督促，久久为功。认真学习习近平新时代中国特色社会主义思想，"
            "的的确确做到了实实在在。为了了解情况，大家研究研究再定；这是是非非要分清；实事求是是党的思想路线。"
            "全市市场主体增加，各村村委会换届，一点一点推进。")
    assert check(text, "repetition") == []


def test_doubled_list_item_is_info(check):
    found = check("做好宣传思想和意识形态、意识形态工作。", "repetition")
    assert [(f.excerpt, f.severity) for f in found] == [("意识形态、意识形态", "info")]


def test_doubled_word_scan_matches_the_backreference_regex():
    import random

    from taizhang.text.checker.rules.repetition import _WORD, _doubled_words

    rng = random.Random(7)
    texts = ["开展开展工作", "工作工作工作", "𠀀开展开展"] + [
        "".join(rng.choice("开展工作学习的是ab1，") for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        assert _doubled_words(text) == [m.span() for m in _WORD.finditer(text)], text


def test_a_doubled_word_holding_a_numeral_is_still_a_slip_unless_it_starts_with_one(check):
    found = check("我们要进一步进一步加强学习，一步一步抓落实。", "repetition")
    assert [f.excerpt for f in found] == ["进一步进一步"]


def test_connective_before_a_word_starting_with_the_same_character_is_quiet(check):
    assert check("营造清朗的网络空间和和谐的社区环境。", "repetition") == []


def test_reduplicated_verb_ba_guan_is_quiet(check):
    assert check("请老师帮青年作者把把关、把把脉。", "repetition") == []


def test_a_verb_going_on_is_quiet(check):
    assert check("读着读着就读出了味道，走着走着天就亮了。", "repetition") == []
