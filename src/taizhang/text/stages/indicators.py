"""Indicator stage: every quantity that reports or plans an amount of work
(INDICATORS_SPEC.md). One compiled regex finds number + measure word; small
per-match rules drop dates, ordinals, set phrases (data/set_phrases.yaml) and
words like 个月; approximation, kind, the activity phrase, the taxonomy type and
the 其中 parent are then read around it. Works in clean-text offsets (noise is
already gone, so nothing inside removed stretches is ever taken)."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from functools import lru_cache

from taizhang.taxonomy import load_taxonomy
from taizhang.text.config import IndicatorConfig
from taizhang.text.model import Indicator
from taizhang.text.numbers import number_value
from taizhang.text.resources import load_data
from taizhang.text.work import Work

_NOT_BEFORE = frozenset(string.ascii_letters + "0123456789.．,第零〇一二两三四五六七八九十百千万Xx×＊*ＸｘＸ○□")
# a bare leading character class keeps Python's regex scan fast; the number is
# text[match.start():match.end("num")]
# (explicit digit ranges, no \d: a class without categories compiles to a fast lookup table)
_NUM = r"[0-9０-９零〇一二两三四五六七八九十百千Xx×＊*ＸｘＸ○□](?P<num>[0-9０-９.,零〇一二两三四五六七八九十百千Xx×＊*ＸｘＸ○□]*+)"
_DIGITS_RE = re.compile(r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9０-９]+(?:\.[0-9０-９]+)?")
_DIGITS_CN_MULT_RE = re.compile(r"[0-9０-９]+(?:\.[0-9０-９]+)?[百千]")
_MASK_CHARS = frozenset("Xx×＊*ＸｘＸ○□")
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_MASK_RE = re.compile(r"[Xx×＊*ＸｘＸ○□]{1,4}")
_CN_RE = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_BARE_OK = ("逾", "近", "超", "约", "超过", "将近", "多达", "上")
_MARKER_PREFIX = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)][、．.]?"
                            r"|\d{1,2}\s*[.．、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
# a clause boundary; the last one before a figure is found by a forward search
# in the reversed text (a backward-looking regex rescanned to the end per figure)
_BOUNDARY_RE = re.compile(r"[，,。；;：:！？!?\n]")
_SENTENCE_BOUNDARY = "。；;！？!?\n"
_AFTER_STOP = re.compile(r"[，,。；;：:！？!?、\n]")


@lru_cache(maxsize=16)
def _rules(data_dirs: tuple, taxonomy_files: tuple):
    measures_doc = load_data("measures.yaml", data_dirs)
    measures = sorted(set(measures_doc["measures"]), key=len, reverse=True)
    multi = [re.escape(w) for w in measures if len(w) > 1]
    single = "".join(re.escape(w) for w in measures if len(w) == 1)
    alt = "|".join(multi + ([f"[{single}]"] if single else []))  # longest first, singles as one class
    qty = re.compile(
        _NUM + r"(?P<wan>[万亿])?(?P<inner>余|多|几)?(?P<wan2>[万亿])?[ \u3000]?(?P<alt>[（(][\u4e00-\u9fff]{1,2}[）)])?"
        r"(?P<measure>" + alt + r")(?P<alt2>[（(][\u4e00-\u9fff]{1,2}[）)])?"
    )
    not_followed = {k: tuple(v) for k, v in (measures_doc.get("not_followed_by") or {}).items()}
    phrases = sorted(load_data("set_phrases.yaml", data_dirs).get("phrases") or [], key=len, reverse=True)
    phrase_re = re.compile("|".join(map(re.escape, phrases))) if phrases else None
    approx = load_data("approx.yaml", data_dirs)
    cues = load_data("cues.yaml", data_dirs)
    tax = load_taxonomy(*taxonomy_files)
    syn_type: dict[str, str] = {}
    for t in tax.types:
        for syn in (t.name, *t.synonyms):
            if syn:
                syn_type.setdefault(syn, t.code)
    syn_re = re.compile("|".join(map(re.escape, sorted(syn_type, key=len, reverse=True))))
    digit_phrases = any(any(ch.isdigit() or ch in "XxX*＊" for ch in p) for p in phrases)
    return qty, set(measures), not_followed, phrase_re, approx, cues, syn_type, syn_re, digit_phrases


def _trim(text: str, a: int, b: int, chars: str) -> tuple[int, int]:
    """[a, b) without leading/trailing `chars` (str.strip on the slice: no per-char loop)."""
    part = text[a:b]
    left = part.lstrip(chars)
    a += len(part) - len(left)
    return a, a + len(left.rstrip(chars))


def _classes_re(classes: dict) -> str:
    """One alternation with a named group per approximation class, longest words first."""
    return "|".join(f"(?P<{cls}>" + "|".join(map(re.escape, sorted(ws, key=len, reverse=True))) + ")"
                    for cls, ws in classes.items() if ws)


def _words_re(words) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")


class IndicatorStage:
    name = "indicators"

    def __init__(self, config: IndicatorConfig):
        self.config = config
        (self.qty_re, self.measures, self.not_followed, self.phrase_re, approx, cues,
         self.syn_type, self.syn_re, self.digit_phrases) = _rules(config.data_dirs, config.taxonomy_files)
        self.before_re = re.compile(_classes_re(approx["before"]) + r"\Z")
        self.clause_re = re.compile(_classes_re(approx["clause"]))
        self.after_re = re.compile(_classes_re(approx["after"]))
        self.target_re = _words_re(cues["target"])
        self.actual_re = _words_re(cues["actual"])
        self.after_stop = tuple(cues["after_stop"])
        self.strip_prefix = re.compile("(?:" + _words_re(cues["strip_prefix"]).pattern + ")(?=..)")
        self.strip_suffix = re.compile("(?<=..)(?:" + _words_re(cues["strip_suffix"]).pattern + ")$")
        # strip_suffix words by their last character, longest first (checked with endswith, see _suffix)
        self.suffix_words: dict[str, list[str]] = {}
        for w in sorted(cues["strip_suffix"], key=len, reverse=True):
            self.suffix_words.setdefault(w[-1], []).append(w)
        self.type_cache: dict[str, str | None] = {}

    # -- finding ---------------------------------------------------------------
    def _matches(self, text: str):
        """(match, masked, value) for each quantity that counts as an indicator."""
        for m in self.qty_re.finditer(text):
            s, e = m.span()
            if s and (text[s - 1] in _NOT_BEFORE or (text[s - 1] == " " and text[s - 2:s - 1] == "第")):
                continue
            num, measure = text[s:m.end("num")], m.group("measure")
            mult = m.group("wan") or m.group("wan2")
            # the first character decides which reading can apply (saves failed fullmatch calls)
            first = num[0]
            if first in _MASK_CHARS:
                if not _MASK_RE.fullmatch(num):
                    continue
                masked, value = True, None
            elif first not in _DIGIT_CHARS:
                if not self._cn_ok(text, m, num, s):
                    continue
                # "一个…" is an article, "千家万户" an idiom; "逾百篇" is a figure
                masked, value = False, number_value(num, mult)
                if value is None or (measure == "个" and text[e:e + 1] in "“\"「『"):
                    continue
            elif _DIGITS_RE.fullmatch(num):
                if len(num) >= 7 and "." not in num and "," not in num:
                    continue  # ids, phone numbers
                masked, value = False, number_value(num, mult)
            elif _DIGITS_CN_MULT_RE.fullmatch(num):  # "5千人次", "1.5百"
                masked, value = False, number_value(num[:-1], mult)
                if value is not None:
                    value = value * (1000 if num[-1] == "千" else 100)
                    value = int(value) if float(value).is_integer() else value
            else:
                continue
            stop = self.not_followed.get(measure)
            if stop and text.startswith(stop, e):
                continue
            if self.phrase_re and (self.digit_phrases or not (masked or num[0].isdigit())):
                lo = max(0, s - 12)
                if any(p.start() < e and p.end() > s for p in self.phrase_re.finditer(text, lo, e + 12)):
                    continue
            yield m, masked, value

    @staticmethod
    def _cn_ok(text: str, m: re.Match, num: str, s: int) -> bool:
        """A Chinese numeral that counts: bare 一/百/千 only after 逾/近/超… or before 余/多."""
        return bool(_CN_RE.fullmatch(num)) and (num not in ("一", "百", "千", "百千") or
                                                (num != "一" and (text[max(0, s - 2):s].endswith(_BARE_OK)
                                                                  or bool(m.group("inner")))))

    def run(self, work: Work) -> None:
        text, raw = work.clean, work.clean_raw
        found: list[tuple[int, int, str, Indicator]] = []  # clean start, clean end, measure, indicator
        prev_end, prev_activity = -1, ("", "")
        roots = work.outline
        root_starts = [n.start for n in roots]
        rev, size = text[::-1], len(text)
        has_qizhong = "其中" in text
        matches = list(self._matches(text))
        for k, (m, masked, value) in enumerate(matches):
            next_start = matches[k + 1][0].start() if k + 1 < len(matches) else len(text)
            s, e = m.span()
            last = _BOUNDARY_RE.search(rev, size - s, size - s + 120)  # rev[size-1-i] is text[i]
            clause_start = size - last.start() if last else max(0, s - 120)
            approx = self._approx(text, m, clause_start)
            measure = self._measure(m)
            section = roots[bisect_right(root_starts, s) - 1].section if root_starts and s >= root_starts[0] \
                else "intro"  # SectionStage.section_at, by bisect
            prefix = text[clause_start:s]
            kind = "target" if (self.target_re.search(prefix) or
                                (section == "plans" and not self.actual_re.search(prefix))) else "actual"
            if s == prev_end:
                activity, simple = prev_activity  # compound figure: "182期526条"
            else:
                activity, simple = self._activity(text, raw, m, measure, max(clause_start, prev_end), next_start)
            src_s, src_e = work.span_to_src(s, e)
            parent = self._parent(text, s, measure, found) if has_qizhong else None
            found.append((s, e, measure, Indicator(value, masked, approx, measure, kind, activity,
                                                   self._type(simple), section, src_s, src_e, parent,
                                                   work.source[src_s:src_e])))
            prev_end, prev_activity = e, (activity, simple)
        work.indicators = [f[3] for f in found]

    # -- attributes ------------------------------------------------------------
    def _approx(self, text: str, m: re.Match, clause_start: int) -> str | None:
        if m.group("inner"):
            return "more_than"
        e, s = m.end(), m.start()
        found = (self.after_re.match(text, e) or self.before_re.search(text, max(clause_start, s - 4), s)
                 or self.clause_re.search(text, clause_start, s))
        return found.lastgroup if found else None

    def _measure(self, m: re.Match) -> str:
        measure = m.group("measure")
        alt = m.group("alt")
        if alt and alt[1:-1] + measure in self.measures:
            measure = alt[1:-1] + measure
        return "%" if measure == "％" else measure

    def _activity(self, text: str, raw: str, m: re.Match, measure: str, lo: int, hi: int) -> tuple[str, str]:
        """(phrase as written, simplified phrase) naming what the figure counts:
        the words after the quantity ("开展8次理论学习") or, when none follow,
        those before it in the same clause ("召开专题会议2次")."""
        a, b = self._activity_span(text, m, measure, lo, hi)
        return raw[a:b], text[a:b]

    def _activity_span(self, text: str, m: re.Match, measure: str, lo: int, hi: int) -> tuple[int, int]:
        """Span of the phrase within [lo, hi): lo is the clause start or the end of
        the previous figure, hi the start of the next figure."""
        limit = self.config.max_activity_len
        e = m.end()
        post = self.after_re.match(text, e)
        if post:
            e = post.end()
        if measure != "%" and e < len(text) and not text.startswith(self.after_stop, e) \
                and not _AFTER_STOP.match(text, e):
            stop = _AFTER_STOP.search(text, e, e + limit)
            end = stop.start() if stop else min(len(text), e + limit)
            end = min(end, hi) if hi >= e else end
            a, b = _trim(text, e, end, "的 \t\u3000")
            if b > a:
                return a, b
        a, b = _trim(text, max(lo, m.start() - limit), m.start(), "、，, \t\u3000")
        return self._strip(text, a, b)

    def _strip(self, text: str, a: int, b: int) -> tuple[int, int]:
        """Drop a leading heading marker and connective words, trailing 共计/达/超过…"""
        mm = _MARKER_PREFIX.match(text, a, b)
        if mm:
            a = mm.end()
        for _ in range(3):
            old = (a, b)
            p = self.strip_prefix.match(text, a, b)
            if p:
                a = p.end()
            q = self._suffix(text, a, b)
            if q is not None:
                b = q
            if (a, b) == old:
                break
        return _trim(text, a, b, " \t\u3000")

    def _suffix(self, text: str, a: int, b: int) -> int | None:
        """Start of the longest strip_suffix word ending [a, b) that has two
        characters other than a line break before it (was the regex
        "(?<=..)(?:words)$" searched over [a, b), which tried every position)."""
        if b <= a:
            return None
        if text[b - 1] == "\n":  # "$" also matches before a final line break: keep the regex
            q = self.strip_suffix.search(text, a, b)
            return q.start() if q else None
        for w in self.suffix_words.get(text[b - 1], ()):
            q = b - len(w)
            if q >= a and q >= 2 and text.startswith(w, q) and "\n" not in text[q - 2:q]:
                return q
        return None

    def _type(self, activity: str) -> str | None:
        if activity in self.type_cache:
            return self.type_cache[activity]
        best = None
        for m in self.syn_re.finditer(activity):
            if best is None or len(m.group()) > len(best):
                best = m.group()
        code = self.syn_type[best] if best else None
        if len(self.type_cache) < 20000:
            self.type_cache[activity] = code
        return code

    # -- 其中 --------------------------------------------------------------------
    @staticmethod
    def _parent(text: str, pos: int, measure: str, found: list) -> int | None:
        """Index of the total a figure after 其中 (in its own clause) belongs to."""
        lo = max(0, pos - 200)
        if text.rfind("其中", lo, pos) == -1:
            return None
        clause_start = max(text.rfind(c, lo, pos) for c in "，," + _SENTENCE_BOUNDARY) + 1
        q = text.rfind("其中", max(lo, clause_start), pos)
        if q == -1:
            return None
        sent_start = max(text.rfind(c, lo, q) for c in _SENTENCE_BOUNDARY) + 1
        before = [j for j in range(len(found) - 1, -1, -1) if found[j][1] <= q]
        before = [j for j in before if found[j][0] >= sent_start]
        same = [j for j in before if found[j][2] == measure]
        pick = same or before
        return pick[0] if pick else None
