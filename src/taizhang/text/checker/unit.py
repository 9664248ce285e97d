"""Which kind of unit wrote the document: drives template_residue's vocabularies."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taizhang.text.checker.context import CheckContext

# unit kinds: township (乡 镇 街道), party (县/区/市委及其部门), bureau (局 委 办 中心), education
# (a bureau of education: school words belong there too), school, enterprise, zone (开发区 that guide
# firms: enterprise words belong there too), hospital, village, unknown
_LEVEL_MAP = {
    "乡": "township", "镇": "township", "街道": "township", "乡镇": "township",
    "区": "party", "县": "party", "市": "party", "省": "party", "宣传部": "party",
    "局": "bureau", "委": "bureau", "办": "bureau", "中心": "bureau",
    "学校": "school", "医院": "hospital", "村": "village", "社区": "village",
    "企业": "enterprise", "公司": "enterprise",
}

# How a unit refers to itself, per kind.
_SIGNAL_KINDS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(words)) for kind, words in (
    ("school", r"我校|全校|学校党(?:委|总支|支部)|校党委|本校"),
    ("hospital", r"我院|全院|医院党委"),
    ("enterprise", r"我公司|全公司|公司党委|集团党委|本公司"),
    ("bureau", r"我局|全局|局党组|局党委|本局|局机关"),
    ("township", r"乡(?:党委|政府)|镇(?:党委|政府)|全[乡镇]|我[乡镇]|本[乡镇]|街道党工委|全街道"
                 r"|乡村联动(?<!城乡村联动)|镇村联动(?<!城镇村联动)"),
    ("party", r"区委(?:宣传部)?|县委(?:宣传部)?|市委(?:宣传部)?|全[区县市]|我[区县市]|宣传部"),
)]
# All of them in one scan: no word of one kind overlaps a word of another (none ends where another
# kind's begins), so each kind gets the count its own pattern alone would find. Every alternative
# starts with a literal character: the engine skips straight to those.
_SIGNALS = re.compile("|".join(p.pattern for _k, p in _SIGNAL_KINDS))


@lru_cache(maxsize=256)
def _signal_kind(word: str) -> str:
    return next(kind for kind, pattern in _SIGNAL_KINDS if pattern.fullmatch(word))


# Unit-name suffixes in the title, most specific first ("平川县自然资源局" is a 局, not a 县).
_TITLE: list[tuple[str, re.Pattern[str]]] = [
    ("school", re.compile(r"学校|中学|小学|大学|学院|幼儿园|[一二三四五六七八九十]中(?![心央])")),
    ("hospital", re.compile(r"医院|卫生院")),
    ("enterprise", re.compile(r"公司|集团|[^党]厂|银行|支行|分行|信用社|农商行")),
    ("zone", re.compile(r"开发区|高新区|经开区|产业园区|工业园区|园区")),  # guides firms: enterprise words belong
    ("party", re.compile(r"宣传部|[县区市]委(?!员)")),
    ("education", re.compile(r"教育局|教育和体育局|教育体育局|教体局|教育工委|教育系统")),  # a 局 where 师生 belong
    ("bureau", re.compile(r"局(?!面|势)|(?<![镇乡村])委员会|办公室|中心(?!工作|组)|法院|检察院")),  # 中共X镇委员会 is a 镇
    ("township", re.compile(r"(?<!城)(?:镇|乡(?!村))|街道")),
    ("village", re.compile(r"(?<![乡农])村(?!振兴)|社区")),
]


def unit_kind(ctx: CheckContext) -> str:
    title = ctx.title[0]
    unit = ctx.doc.meta.unit or ""
    issuer = title.split("关于")[0] if "关于" in title else title  # "中共X局党组关于县委巡察…": the 局 writes
    for kind, pattern in _TITLE:
        if pattern.search(unit):
            return kind
    for kind, pattern in _TITLE:
        if pattern.search(issuer):
            return kind
    counts = Counter(map(_signal_kind, _SIGNALS.findall(ctx.text, 0, 1500)))
    best, best_n = "unknown", 0
    for kind, _p in _SIGNAL_KINDS:  # in the order above: the first kind wins a tie
        n = counts[kind]
        if n > best_n:
            best, best_n = kind, n
    if best == "unknown":
        level = ctx.doc.meta.unit_level
        return _LEVEL_MAP.get(level or "", "unknown")
    return best
