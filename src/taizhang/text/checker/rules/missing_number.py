"""missing_number: a measure word whose number was deleted (创城工作个志愿服务队, 共计篇)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from taizhang.text.checker import vocab
from taizhang.text.checker.context import CheckContext
from taizhang.text.checker.finding import Finding
from taizhang.text.checker.registry import rule

_CJK = "\u4e00-\u9fff"
# 个 after a character that can neither count nor determine it; the exclusions are the
# numerals, determiners and words in which 个 is not a measure word.
# the pattern starts with the literal 个 (the engine skips straight to it); the character before
# is tested by lookbehinds written after it
_GE = re.compile(
    rf"个(?<=[{_CJK}]个)(?<![一二两三四五六七八九十百千万零〇几多每各这那哪某整半单数余来若逐个真上下么些头好有是做成挨少儿]个)"
    rf"(?![人别性体案例税展位把中头子旧赞个])(?=[{_CJK}])"  # 个个: each one
)
_MEASURES = "个|次|场次|场|篇|条|名|人次|项|期|支|块|份|件|起|家|处|批|万人次|万元|元"
# "覆盖团员青年余人次": 余 + a measure word after a word, not after a number (其余人员, 业余, 剩余 excluded);
# led by the literal 余, lookbehinds after it
_YU = re.compile(r"余(?<=[\u4e00-\u9fff]余)(?<![0-9一二两三四五六七八九十百千万亿几其业多剩富结盈课空残闲有之节宽]余)"
                 r"(?:人次|场次|万人次|人|场|篇|条|次|名|件|份|期|项)(?![员数])")
# (?:共计|合计|累计|总计|共)(?:measure)(?=punctuation), as two patterns that start with a literal (the
# engine skips straight to it; a leading alternation is tested at every character), each with how
# far before its match the total word starts: 计 after 共合累总, and 共 alone (no measure word starts
# with 计). Neither match can overlap the other.
_TOTAL = [(re.compile(rf"计(?<=[共合累总]计)(?:{_MEASURES})(?=[，。、；,;])"), 1),
          (re.compile(rf"共(?!计)(?:{_MEASURES})(?=[，。、；,;])"), 0)]


# what may stand between the counting verb and the measure word: a few characters, none a numeral,
# a placeholder's mask (the placeholder rule reports "XX篇") or a clause break
_NUMERALS = "0-9０-９一二两三四五六七八九十百千万亿〇零余多几数"
_MASKS = "XxＸｘ*＊○"
_BETWEEN = rf"[^{_NUMERALS}{_MASKS}，。；、：,;:\n]{{0,16}}?"  # 召开党组会专题研究意识形态工作次, 共举办场
# "组建了支由老党员…": a measure word right after verb + 了, not starting a word (支部, 场所, 件事…);
# 个 is bare_measure's
_RIGHT_AFTER = (r"了(?P<after>支|场|次|名|件|项|处|块|篇|期|批)"
                r"(?![部持援出付撑所地景馆面数序单称额目理置头幅间限例人别性体])")


@lru_cache(maxsize=1)
def _counted_without_number() -> tuple[re.Pattern[str], frozenset[str]]:
    data = vocab.load("missing_number")
    verbs = "|".join(map(re.escape, sorted(data["verbs"], key=len, reverse=True)))
    measures = "|".join(map(re.escape, sorted(data["measures"], key=len, reverse=True)))
    return (re.compile(rf"(?:{verbs})(?:{_BETWEEN}(?P<measure>{measures})(?=[，。；、,;“《])|{_RIGHT_AFTER})"),
            frozenset(data["words"]))


@rule(family="missing_number", name="counted_without_number", source="量词前缺数词（观察所得）",
      authority="heuristic", max_severity="warning")
def counted_without_number(ctx: CheckContext) -> Iterator[Finding]:
    """开展健康讲座场， — a counting verb, what it counted and a measure word, but no number."""
    pattern, words = _counted_without_number()
    text = ctx.text
    for m in pattern.finditer(text):
        group = "measure" if m.group("measure") else "after"
        s, measure = m.start(group), m.group(group)
        if text[s - 1] + measure in words or ctx.in_noise(m.start(), m.end()):
            continue
        yield ctx.finding("missing_number", "counted_without_number", "warning",
                          f"“{m.group(0)}”中量词“{measure}”前缺少数字，疑为数字被删", m.start(), m.end())


@rule(family="missing_number", name="bare_measure", source="量词前缺数词（观察所得）", authority="heuristic",
      max_severity="warning")
def bare_measure(ctx: CheckContext) -> Iterator[Finding]:
    for m in _GE.finditer(ctx.text):
        s, e = max(0, m.start() - 2), min(len(ctx.text), m.end() + 2)
        if ctx.in_noise(m.start(), m.end()):
            continue
        yield ctx.finding("missing_number", "bare_measure", "warning",
                          f"量词“个”前缺少数词（“{ctx.text[s:e]}”），疑为数字被删", s, e)
    for m in _YU.finditer(ctx.text):
        if not ctx.in_noise(m.start(), m.end()):
            s = max(0, m.start() - 4)
            yield ctx.finding("missing_number", "bare_measure", "warning",
                              f"“{ctx.text[s:m.end()]}”中“{m.group(0)}”前缺少数字，疑为数字被删", s, m.end())
    totals = sorted((m.start() - back, m.end()) for pattern, back in _TOTAL for m in pattern.finditer(ctx.text))
    for s, e in totals:
        if ctx.in_noise(s, e):
            continue
        yield ctx.finding("missing_number", "bare_measure", "warning",
                          f"“{ctx.text[s:e]}”缺少数字，统计数据不完整", s, e)
