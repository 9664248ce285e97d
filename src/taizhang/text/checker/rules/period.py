"""period_mismatch: half-year wording in an annual document's plans, body years that contradict
the title, anniversaries (建党N周年…) that do not fall in the document's years."""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.numerals import cn_to_int
from taizhang.text.checker.registry import rule

# 上半年/下半年, but not "2024年上半年", "明年上半年" (they name the plan year); "今年下半年" in next
# year's plans is the slip itself. The literal 半年 comes
# first so that the engine skips straight to it (a leading class is tested at every character).
_HALF = re.compile(r"半年(?<=[上下]半年)(?<![0-9０-９]年[上下]半年)(?<![明来次]年[上下]半年)(?<!年度[上下]半年)")
_BODY_YEAR = re.compile(r"(20\d\d)年(?<!\d20\d\d年)(?=以来|上半年|下半年|全年|，[我全本])")  # literal first: fast scan
_ANNIV = re.compile(r"(建党|建军|新中国成立|中华人民共和国成立|改革开放|五四运动|抗战胜利|抗日战争胜利)"
                    r"(\d{1,3}|[一二三四五六七八九十百零〇]{1,5})周年")
_BASE = {"建党": 1921, "建军": 1927, "新中国成立": 1949, "中华人民共和国成立": 1949, "改革开放": 1978,
         "五四运动": 1919, "抗战胜利": 1945, "抗日战争胜利": 1945}
_ANNIV_LONGEST = max(map(len, _BASE)) + 5 + 2  # the longest event, five numerals, 周年


@rule(family="period_mismatch", name="half_year_in_annual", source="年度材料时段一致（观察所得）",
      authority="heuristic", max_severity="warning")
def half_year_in_annual(ctx: CheckContext) -> Iterator[Finding]:
    # a plan on its own schedules the year by halves ("上半年完成…"); the slip is a summary's
    # plans for next year still saying 下半年
    if not ctx.is_annual or ctx.doc_type == "计划":
        return
    text = ctx.text
    hits = [(m.start() - 1, m.end()) for m in _HALF.finditer(text)]
    hits = [(s, e) for s, e in hits if ctx.holds_plans(s) and not ctx.in_noise(s, e)]
    for i, (s, e) in enumerate(hits):
        sev = "warning" if i == 0 else "info"
        yield ctx.finding("period_mismatch", "half_year_in_annual", sev,
                          f"年度材料的工作计划中出现“{text[s:e]}”，疑为套用半年总结未改，应为“明年”“{_next_year(ctx)}”等"
                          + ("" if i == 0 else f"（共{len(hits)}处）"),
                          *_sentence_around(ctx, s, e))


# a half-year summary's phrases left in an annual one: "为全面完成下半年各项工作任务打下了坚实基础",
# "现将上半年工作总结如下"
# (led by the literal 下半年: the engine skips straight to it)
_HALF_TASKS = re.compile(r"半年(?:(?<=完成下半年)|(?<=现将上半年)|(?<=下半年)(?:各项)?(?:工作)?(?:目标)?任务)")


@rule(family="period_mismatch", name="half_year_tasks_in_annual", source="年度材料时段一致（观察所得）",
      authority="heuristic", max_severity="warning")
def half_year_tasks_in_annual(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.is_annual or ctx.doc_type == "计划" or "半年" not in ctx.text:
        return
    for m in _HALF_TASKS.finditer(ctx.text):
        if ctx.section_at(m.start()).kind != "plans" and not ctx.in_noise(m.start(), m.end()):
            yield ctx.finding("period_mismatch", "half_year_tasks_in_annual", "warning",
                              f"年度总结中出现“{_sentence_text(ctx, m)}”，是半年总结的说法，疑为套用半年材料未改",
                              *_sentence_around(ctx, m.start(), m.end()))
            return


# annual wording: a half-year document's plans cover the rest of the same year, not a new one
_NEW_YEAR = re.compile(r"新(?:的)?一年|一年来|现将全年|回顾全年")
_HALF_YEAR_WORDING = {"一年来": "“半年来”或“今年以来”", "现将全年": "“现将上半年”", "回顾全年": "“回顾上半年”"}


@rule(family="period_mismatch", name="annual_in_half_year", source="半年材料时段一致（观察所得）",
      authority="heuristic", max_severity="warning")
def annual_in_half_year(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.doc_type != "半年总结":
        return
    for i, m in enumerate(m for m in _NEW_YEAR.finditer(ctx.text) if not ctx.in_noise(m.start(), m.end())):
        yield ctx.finding("period_mismatch", "annual_in_half_year", "info" if i else "warning",
                          f"半年总结中出现“{m.group(0)}”，疑为套用年度材料未改，应为{_HALF_YEAR_WORDING.get(m.group(0), '“下半年”')}",
                          *_sentence_around(ctx, m.start(), m.end()))


def _sentence_text(ctx: CheckContext, m: re.Match[str]) -> str:
    """"完成下半年" / "现将上半年" / "下半年各项工作任务": the words the rule matched, from the word
    that led them."""
    lead = ctx.text[m.start() - 3:m.start() - 1]
    return ctx.text[m.start() - 3:m.end()] if lead in ("完成", "现将") else ctx.text[m.start() - 1:m.end()]


def _next_year(ctx: CheckContext) -> str:
    return f"{max(ctx.years) + (0 if len(ctx.years) > 1 else 1)}年" if ctx.years else "下一年度"


def _sentence_around(ctx: CheckContext, start: int, end: int) -> tuple[int, int]:
    """The match itself widened by up to 8 characters of its clause, for a readable excerpt."""
    s = start
    while s > 0 and start - s < 8 and ctx.text[s - 1] not in "，。；：\n":
        s -= 1
    e = end
    while e < len(ctx.text) and e - end < 8 and ctx.text[e] not in "，。；：\n":
        e += 1
    return s, e


@rule(family="period_mismatch", name="body_year", source="年度材料时段一致（观察所得）", authority="heuristic",
      max_severity="warning")
def body_year(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.years:
        return
    summary = min(ctx.years)
    for m in _BODY_YEAR.finditer(ctx.text):
        year = int(m.group(1))
        sec = ctx.section_at(m.start()).kind
        if sec not in ("intro", "achievements") or ctx.in_noise(m.start(), m.end()):
            continue
        if year > summary and not (year == summary + 1 and _announces_next_year(ctx.text, m.end())):
            yield ctx.finding("period_mismatch", "body_year", "warning",
                              f"正文中“{m.group(0)}”晚于标题所述的{summary}年，年份前后矛盾",
                              m.start(), m.end())
        elif year < summary and sec == "intro" and _opens_own_account(ctx.text, m):
            yield ctx.finding("period_mismatch", "body_year", "warning",
                              f"开头“{m.group(0)}”早于标题所述的{summary}年，疑为沿用往年材料未改年份",
                              m.start(), m.end())


@rule(family="period_mismatch", name="plan_heading_year", source="年度材料时段一致（观察所得）",
      authority="heuristic", max_severity="warning")
def plan_heading_year(ctx: CheckContext) -> Iterator[Finding]:
    """"三、2023年工作思路" under a title that plans 2024 (or in a 2024 summary, whose plans are for
    2025): the heading kept last year's number."""
    if len(ctx.years) >= 2:
        planned = max(ctx.years)
    elif ctx.years and ctx.doc_type in ("总结", "总结及计划") and ctx.is_annual:
        planned = ctx.years[0] + 1
    else:
        return
    for node in ctx.doc.outline:
        if node.inline or ctx.section_at(node.start).kind != "plans":
            continue
        m = _YEAR_IN_HEADING.search(ctx.text, node.start, node.start + len(node.marker) + len(node.title) + 2)
        if m is None:  # or the sentence that opens the section: "2024年，中心将重点抓好以下工作"
            line = ctx.text.find("\n", node.start) + 1
            m = _YEAR_OPENING.match(ctx.text, line) if line else None
        if m and int(m.group(1)) < planned:
            yield ctx.finding("period_mismatch", "plan_heading_year", "warning",
                              f"计划部分写“{m.group(1)}年”，本材料计划的是{planned}年，疑为沿用往年材料未改",
                              m.start(1), m.end())


_YEAR_IN_HEADING = re.compile(r"(20\d\d)年")
_YEAR_OPENING = re.compile(r"\s*(20\d\d)年(?=[，,]?[^\n]{0,12}(?:将|要|拟|计划|力争|重点))")


_FUTURE = re.compile(r"将|要|力争|计划|继续|拟|争取|努力|着力|重点|奋力|持续|这样干|怎么干|再出发|新征程")


def _announces_next_year(text: str, end: int) -> bool:
    """"2024年，我们将…" / a short line "2024年，我们这样干": next year's plans inside a summary."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if line_end - end <= 16 and "。" not in text[end:line_end]:
        return True  # a heading of its own
    return _FUTURE.search(text, end, min(line_end, end + 12)) is not None


def _opens_own_account(text: str, m: re.Match[str]) -> bool:
    """"2023年上半年，我局…" opening a sentence: the writer's own account of that period (a comparison
    with an earlier year reads 较2023年…, 2023年以来…)."""
    before = text[m.start() - 1] if m.start() else "\n"
    return before in "\n。 \u3000" and _OWN_ACCOUNT.match(text, m.end(), m.end() + 6) is not None


_OWN_ACCOUNT = re.compile(r"(?:[上下]半年|全年)?，[我全本]")


@rule(family="period_mismatch", name="anniversary", source="纪念日年份推算（建党1921年、新中国成立1949年等）",
      authority="convention", max_severity="warning")
def anniversary(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.years:
        return
    for m in _anniversaries(ctx.text):
        n = cn_to_int(m.group(2))
        if n is None or ctx.in_noise(m.start(), m.end()):
            continue
        year = _BASE[m.group(1)] + n
        stated = _year_in_sentence(ctx.text, m.start())
        if stated:
            allowed = {stated}  # "2024年将纪念建党102周年": the sentence names its own year
        else:
            allowed = set(ctx.years)
            if ctx.section_at(m.start()).kind == "plans" or len(ctx.years) == 1 and ctx.doc_type == "计划":
                allowed.add(max(ctx.years) + 1)
        if year not in allowed:
            want = sorted(allowed)
            near = min(want, key=lambda y: (abs(y - year), -y))  # the year the writer most likely meant
            whose = "本句所说的" if stated else "材料所属的"
            yield ctx.finding(
                "period_mismatch", "anniversary", "warning",
                f"“{m.group(0)}”在{year}年，与{whose}{'、'.join(map(str, want))}年不符"
                f"；{near}年应为{m.group(1)}{near - _BASE[m.group(1)]}周年",
                m.start(), m.end(),
            )


def _anniversaries(text: str) -> Iterator[re.Match[str]]:
    """_ANNIV.finditer(text), scanned only just before each 周年: every match ends with one and is at
    most _ANNIV_LONGEST long, so all of them lie in those stretches (merged where they overlap); the
    class of first characters the whole text would be scanned for includes the common 中."""
    stretches: list[list[int]] = []
    pos = text.find("周年")
    while pos != -1:
        lo, hi = max(0, pos + 2 - _ANNIV_LONGEST), pos + 2
        if stretches and lo <= stretches[-1][1]:
            stretches[-1][1] = hi
        else:
            stretches.append([lo, hi])
        pos = text.find("周年", pos + 1)
    for lo, hi in stretches:
        yield from _ANNIV.finditer(text, lo, hi)


def _year_in_sentence(text: str, pos: int) -> int | None:
    """The last 'YYYY年' (not a date range or 'YYYY年以来') earlier in the same sentence."""
    start = max(text.rfind(c, 0, pos) for c in "。；！？\n") + 1
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)年(?!以来|底|初|\d|[上下]半年)", text[start:pos])]
    return years[-1] if years else None
