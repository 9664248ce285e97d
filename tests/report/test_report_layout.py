from taizhang.report.layout import em_width, split_title


def test_em_width_counts_ascii_as_half():
    assert em_width("2025年") == 3
    assert em_width("一、工作") == 4


def test_short_title_stays_on_one_line():
    assert split_title("示例乡2025年宣传思想文化工作总结", 20) == ["示例乡2025年宣传思想文化工作总结"]


def test_long_title_breaks_into_balanced_lines_within_the_width():
    title = "2025年宣传思想文化工作总结及2026年宣传思想文化工作计划"
    lines = split_title(title, 20)
    assert "".join(lines) == title
    assert lines == ["2025年宣传思想文化工作总结及", "2026年宣传思想文化工作计划"]
    assert all(em_width(line) <= 20 for line in lines)


def test_title_never_breaks_inside_a_number_or_before_closing_punctuation():
    title = "中共示例县委宣传部关于2025年度全县宣传思想文化工作情况及2026年工作安排的报告和说明材料汇编"
    lines = split_title(title, 20)
    assert len(lines) == 3 and "".join(lines) == title
    for a, b in zip(lines, lines[1:]):
        assert not a[-1].isdigit() and b[0] not in "，。、）》”"
