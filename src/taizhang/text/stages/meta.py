"""Meta stage: title (first short line that is not chrome), unit and its level,
years summarised/planned, document type. Works on the clean text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from taizhang.text.config import MetaConfig
from taizhang.text.markers import LINE_MARKER_RE
from taizhang.text.model import Meta
from taizhang.text.resources import load_data
from taizhang.text.scan import ProbedScan
from taizhang.text.work import Work

_BLANKS = " \t\u3000\xa0\r"
_YEAR_RE = re.compile(r"((?:19|20)\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2})\s*年")
_TITLE_UNIT_RE = re.compile(
    r"^(?:关于)?(?:(?:19|20)\d{2}\s*年度?)?(?P<chunk>[^\s，。]+?)"
    r"(?=(?:19|20)\d{2}|宣传|意识形态|思想|工作|上半年|下半年|年度|党建|精神文明|网络|理论|新闻|文明|文化|关于|在)"
)
# a unit whose name ends with an organ word may contain a topic word: 丰源县文化和旅游局
_TITLE_ORGAN_RE = re.compile(
    r"^(?:关于)?(?:(?:19|20)\d{2}\s*年度?)?(?P<chunk>[^\s，。]{2,24}?(?:局|工作委员会|委员会|工委|办公室|中心|馆|站|宣传部|组织部|统战部|文明办|网信办|办))"
    r"(?=(?:19|20)\d{2}|年度|宣传|意识形态|思想|党建|关于|上半年|下半年|工作)"
)
_PARTY_DEPT_RE = re.compile(r"(?:党委|党工委|委)(?:宣传部|组织部|统战部)$")
_ORG_SUFFIX_RE = re.compile(r"(?:党委|党工委|党组|人民政府|政府|委员会|委|党支部|党总支|办公室|宣传部|部)$")
_NOT_NAME_RE = re.compile(r"宣传|工作|思想|上级|各|全|我|本|围绕|按照|根据|关于|贯彻|落实|明确|[在和与及对由为的了着过是把被将向从]")
_ORG_SCAN = ProbedScan.of_words(["党委", "党工委", "党组", "政府", "委员会", "党支部", "党总支"])
_SENT_END_CHARS = frozenset("。；;，,！？!?：:")  # a line ending in one is a sentence, not a title
_CN_YEAR = str.maketrans("〇零○一二三四五六七八九", "00012345678 9".replace(" ", ""))


@lru_cache(maxsize=16)
def _cues(data_dirs: tuple):
    doc = load_data("meta.yaml", data_dirs)
    levels: dict[str, str] = doc.get("unit_levels") or {}
    words = sorted(levels, key=len, reverse=True)
    alt = "|".join(map(re.escape, words))
    level_words_re = re.compile(alt)
    self_scan = ProbedScan.of_words(doc.get("self_prefixes") or [], "(" + alt + ")")
    named_re = re.compile(r"(?:^|[，,。、；;：:\s“（(])([\u4e00-\u9fffXx*＊]{1,6}(?:" + alt + r"))$")
    return levels, level_words_re, self_scan, named_re, doc.get("doc_types") or {}, tuple(doc.get("plan_words") or ())


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int(text.translate(_CN_YEAR))


# a line naming a unit above a title that names none (official documents break the title so)
_ORGAN_LINE_RE = re.compile(r"(?:部|委|局|政府|办公室|委员会|工委|党委|党组|街道|镇|乡|村|社区|学校|中学|小学|医院|中心|公司)$")


def _line_above(text: str, start: int | None) -> str:
    """The non-blank line just above offset `start` (a line start), stripped."""
    if not start:
        return ""
    end = text.rfind("\n", 0, start)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip(_BLANKS):
        end = text.rfind("\n", 0, end)
    if end <= 0:
        return ""
    return text[text.rfind("\n", 0, end) + 1:end].strip(_BLANKS)


# what a title line's second half looks like when the line above holds its first: no unit, no year
_TITLE_TAIL_RE = re.compile(r"(?:工作|宣传|意识形态|思想|年度|上半年|下半年)?[^\d年]{0,12}(?:总结|计划|报告|要点|方案)")
# a document site's tag before the title ("【精品文档】", "篇1：") and the file extension after it (.docx)
_TITLE_TAG_RE = re.compile(r"^(?:[【\[][^】\]]{1,8}[】\]]|(?:篇|范文|第)[ \t　]*[0-9一二三四五六七八九十]{1,2}[ \t　]*(?:篇)?[:：、.．])\s*")
_TITLE_EXT_RE = re.compile(r"\.(?:docx?|pdf|wps|txt)$", re.I)
# a page's <title> ends with the site: "…工作总结_青石镇人民政府", "… - 平川县人民政府", "…--东湖区人民政府"
_TITLE_SITE_RE = re.compile(r"[ \t　]*(?:_|-{1,2}|—{1,2}|\|)[ \t　]*[^_\-—|]{2,24}(?:人民政府|政府|网站|门户网|网|官网|委员会|文库|文档)$")


def _bare_title(text: str, title: str, start: int, end: int) -> tuple[str, int, int]:
    """The title without a site's tag, the file extension or the site's name after it, with its
    offsets."""
    tag = _TITLE_TAG_RE.match(title)
    if tag and len(title) > tag.end():
        title, start = title[tag.end():], start + tag.end()
    tail = _TITLE_EXT_RE.search(title) or _TITLE_SITE_RE.search(title)
    if tail and tail.start() >= 6:
        title, end = title[:tail.start()], end - len(tail.group())
    return title, start, end


class MetaStage:
    name = "meta"

    def __init__(self, config: MetaConfig):
        self.config = config
        self.levels, self.level_words_re, self.self_scan, self.named_re, self.doc_types, self.plan_words = \
            _cues(config.data_dirs)
        self.level_words = sorted(self.levels, key=len, reverse=True)  # longest first
        type_words = sorted({w for ws in self.doc_types.values() for w in ws}, key=len, reverse=True)
        self.type_words_re = re.compile("|".join(map(re.escape, type_words)) or "(?!)")
        self.level_suffix_re = re.compile("(?:" + ("|".join(map(re.escape, self.level_words)) or "(?!)") + r")\Z")

    def run(self, work: Work) -> None:
        text = work.clean
        title, t_start, t_end = self._title(text)
        written = work.clean_raw[t_start:t_end] if title and "\n" not in work.clean[t_start:t_end] else title
        head = title or text[:200]
        years = tuple(dict.fromkeys(_year(m.group(1)) for m in _YEAR_RE.finditer(head)))
        if not years:
            m = _YEAR_RE.search(text, 0, 600)
            years = (_year(m.group(1)),) if m else ()
        unit, level = self._unit(title or "", text)
        above = _line_above(text, t_start) if title and unit is None else ""
        if above and len(above) <= 30 and _ORGAN_LINE_RE.search(above):  # 中共云岭县委宣传部⏎2025年工作总结
            unit, level = self._unit(above + title, text)
        work.meta = Meta(title=written, unit=unit, unit_level=level, years=years,
                         doc_type=self._doc_type(head), title_start=t_start, title_end=t_end)

    def _title(self, text: str) -> tuple[str | None, int | None, int | None]:
        candidates = []
        pos, limit = 0, min(len(text), 3000)
        while pos < limit and len(candidates) < 5:
            nl = text.find("\n", pos)
            nl = len(text) if nl == -1 else nl
            raw = text[pos:nl]
            line = raw.strip(_BLANKS)
            if line:
                start = pos + raw.index(line[0])
                ok = len(line) <= self.config.max_title_len and line[-1] not in _SENT_END_CHARS \
                    and not LINE_MARKER_RE.match(line)
                candidates.append((ok, line, start, start + len(line)))
            pos = nl + 1
        good = [c for c in candidates if c[0]]
        typed = [c for c in good if self.type_words_re.search(c[1])]
        # a site's file name ("…报告.docx") gives way to the document's own title below it
        typed = [c for c in typed if not _TITLE_EXT_RE.search(c[1])] or typed
        if typed and not self._names_unit(typed[0][1]):
            # "2024年乡镇宣传思想工作总结" (the site's) before "篇1：清水镇2024年…总结" (the document's)
            typed = [c for c in typed if self._names_unit(_TITLE_TAG_RE.sub("", c[1]))][:1] or typed
        pick = (typed or good or [None])[0]
        if pick is None or (not typed and pick is not candidates[0]):
            return None, None, None
        _ok, title, start, end = pick
        k = candidates.index(pick)
        if k and typed and _TITLE_TAIL_RE.match(title) and candidates[k - 1][0] \
                and text.count("\n", candidates[k - 1][3], start) == 1 and not self.type_words_re.search(candidates[k - 1][1]):
            # a title broken over two lines: "江北区教育局2023年宣传思想⏎工作总结"
            prev = candidates[k - 1]
            title, start = prev[1] + title, prev[2]
        return _bare_title(text, title, start, end)

    def _names_unit(self, title: str) -> bool:
        """Whether a title line names a particular unit (青山镇…), not a kind of unit (乡镇…)."""
        m = _TITLE_UNIT_RE.match(title.split("——")[-1])
        return bool(m) and bool(self.level_words_re.sub("", m.group("chunk").strip(" -—·")))

    def _unit(self, title: str, text: str) -> tuple[str | None, str | None]:
        unit = level = None
        title = title.split("——")[-1]  # "凝心聚力谱新篇——安平县2023年…综述": the unit follows the motto
        organ = _TITLE_ORGAN_RE.match(title)
        m = None if organ else _TITLE_UNIT_RE.match(title)
        if organ:
            unit = organ.group("chunk")
            # a party committee's department answers to the place: 云岭县委宣传部 -> 县
            place = _PARTY_DEPT_RE.sub("", unit) if _PARTY_DEPT_RE.search(unit) else _ORG_SUFFIX_RE.sub("", unit)
            level = self._level_of(place) or self._level_of(unit)  # XX街道党工委 -> 街道, 机关工作委员会 -> 委
        elif m:
            chunk = m.group("chunk").strip(" -—·")
            level = self._level_of(_ORG_SUFFIX_RE.sub("", chunk))
            generic = not self.level_words_re.sub("", chunk)
            if level and not generic and len(chunk) <= 16:
                unit = chunk
            elif generic:
                level = self._level_of(chunk)
        if unit is None:
            for org in _ORG_SCAN.finditer(text, 0, 1500):
                n = self.named_re.search(text[max(0, org.start() - 10):org.start()])
                if n and not _NOT_NAME_RE.search(n.group(1)) and self.level_words_re.sub("", n.group(1)):
                    unit, level = n.group(1), level or self._level_of(n.group(1))
                    break
        if level is None:  # only then is the body's "我镇/全乡" consulted (a costly scan)
            counts = Counter(m.group(1) for m in self.self_scan.finditer(text, 0, 3000))
            if counts:
                level = self.levels.get(counts.most_common(1)[0][0])
        return unit, level

    def _level_of(self, unit: str) -> str | None:
        # the leftmost level word that ends `unit` is the longest such word
        m = self.level_suffix_re.search(unit)
        return self.levels[m.group()] if m else None

    def _doc_type(self, head: str) -> str:
        for dtype, words in self.doc_types.items():
            if any(w in head for w in words):
                if dtype == "总结" and any(p in head for p in self.plan_words):
                    return "总结及计划"
                if dtype == "半年总结" and "总结" not in head:
                    continue
                return dtype
        return "其他"
