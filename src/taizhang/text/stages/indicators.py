"""Indicator stage: every quantity that reports or plans an amount of work
(INDICATORS_SPEC.md). One compiled regex finds number + measure word; small
per-match rules drop dates, ordinals, set phrases (data/set_phrases.yaml) and
words like 个月; approximation, kind, the activity phrase, the taxonomy type and
the 其中 parent are then read around it. Works in clean-text offsets (noise is
already gone, so nothing inside removed stretches is ever taken)."""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter

from taizhang.text.config import IndicatorConfig
from taizhang.text.model import Indicator
from taizhang.text.resources import load_data
from taizhang.text.scan import places
from taizhang.text.stages.placement import as_written, inside_title, same_sentence, sentence_openings, sentence_year
from taizhang.text.stages.qizhong import total_of
from taizhang.text.stages.quantity import (
    BARE_NUMERALS,
    CLOSE_QUOTES,
    DIGIT_CHARS,
    NOT_BEFORE,
    QUOTES,
    bare_numeral_counts,
    quantity_rules,
    read_quantity,
)
from taizhang.text.stages.tables import HEADING_FIRST, row_name_span, tab_table_figures, table_figures
from taizhang.text.work import Work

_MARKER_PREFIX = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)][、．.]?"
                            r"|\d{1,2}\s*[.．、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
# a clause boundary; the last one before a figure is found by a forward search
# in the reversed text (a backward-looking regex rescanned to the end per figure)
# (a tab parts a table's cells: "国旗下讲话\t38次\t全体师生")
_BOUNDARY_RE = re.compile(r"[，,。；;：:！？!?\n\t]")
_AFTER_STOP = re.compile(r"[，,。；;：:！？!?、\n\t]")
_AFTER_STOP_CHARS = frozenset("，,。；;：:！？!?、\n\t")
# characters a heading marker (_MARKER_PREFIX) can start with: checked before the regex
_MARKER_FIRST = frozenset("一二三四五六七八九十（(①②③④⑤⑥⑦⑧⑨⑩")  # or a space (\s) or a digit (\d)
_new_object = object.__new__


def _new_indicator(value, masked, approx, measure, kind, activity, activity_type, section, start, end, parent,
                   qty) -> Indicator:
    """Indicator(...) without the frozen dataclass's __init__, which sets each
    of the twelve fields through object.__setattr__ (three times the cost of
    this): the same instance dictionary, filled in one update."""
    indicator = _new_object(Indicator)
    indicator.__dict__.update(value=value, masked=masked, approx=approx, measure=measure, kind=kind, activity=activity,
                              activity_type=activity_type, section=section, start=start, end=end, parent=parent,
                              qty=qty)
    return indicator



def _trim(text: str, a: int, b: int, chars: str) -> tuple[int, int]:
    """[a, b) without leading/trailing `chars` (str.strip on the slice: no per-char loop)."""
    if a >= b:
        return a, a
    if text[a] not in chars and text[b - 1] not in chars:
        return a, b  # the usual case: nothing to strip, no slice to make
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


def _first_chars(classes: dict) -> frozenset[str] | None:
    """The first characters of the words of `classes`; None when one is empty."""
    words = [w for ws in classes.values() if ws for w in ws]
    return frozenset(w[0] for w in words) if words and all(words) else None


class IndicatorStage:
    name = "indicators"

    def __init__(self, config: IndicatorConfig):
        self.config = config
        (self.qty_re, self.measures, self.not_followed, self.phrase_re, approx, cues,
         self.syn_type, self.syn_re, self.digit_phrases) = quantity_rules(config.data_dirs, config.taxonomy_files)
        self.before_re = re.compile("(?:" + _classes_re(approx["before"]) + r")\Z")
        self.clause_re = re.compile(_classes_re(approx["clause"]))
        # the characters a word right before the number starts with: its regex
        # (led by named groups, so the engine tries it at every position) runs
        # only when one is there (None when an empty word makes it match anywhere)
        self.before_first = _first_chars(approx["before"])
        self.after_re = re.compile(_classes_re(approx["after"]))
        self.not_after = {w: tuple(heads) for w, heads in (approx.get("not_after") or {}).items()}
        self.target_re = _words_re(cues["target"])
        measures_doc = load_data("measures.yaml", config.data_dirs)
        self.ordinal_after = tuple(measures_doc.get("ordinal_after") or ())
        self.table_columns = dict(measures_doc.get("table_columns") or {})
        self.frequency_re = _words_re(cues.get("frequency") or ())
        self.frequency_measures = frozenset(cues.get("frequency_measures") or ())
        self.achieved_re = _words_re(cues.get("achieved") or ())
        self.weak_target_re = _words_re(cues.get("target_outside_achievements") or ())
        self.actual_re = _words_re(cues["actual"])
        self.after_stop = tuple(cues["after_stop"])
        self.after_stop_by_first: dict[str, tuple[str, ...]] = {}  # (an empty word: always stop)
        for w in self.after_stop:
            self.after_stop_by_first[w[:1]] = self.after_stop_by_first.get(w[:1], ()) + (w,)
        self.activity_limit = config.max_activity_len
        fillers = set(cues["strip_prefix"]) | set(cues["strip_suffix"]) | {"的有", "的", "有", "、"}
        self.filler_re = re.compile("(?:" + _words_re(w for w in fillers if w).pattern + ")+")
        self.strip_prefix = re.compile("(?:" + _words_re(cues["strip_prefix"]).pattern + ")(?=..)")
        # the characters a strip_prefix word starts with: the regex is tried only there
        # (None when an empty word makes the regex match anywhere)
        self.prefix_first = frozenset(w[0] for w in cues["strip_prefix"]) if all(cues["strip_prefix"]) else None
        self.strip_suffix = re.compile("(?<=..)(?:" + _words_re(cues["strip_suffix"]).pattern + ")$")
        # strip_suffix words by their last character, longest first (checked with endswith, see _suffix)
        self.suffix_words: dict[str, list[str]] = {}
        for w in sorted(cues["strip_suffix"], key=len, reverse=True):
            self.suffix_words.setdefault(w[-1], []).append(w)
        self.type_cache: dict[str, str | None] = {}

    # -- finding ---------------------------------------------------------------
    def _matches(self, text: str) -> list[tuple]:
        """(start, end, measure, inner, alt, masked, value) of each quantity that
        counts as an indicator (measure as written, inner: 余/多/几 before it,
        alt: a bracketed alternative before it)."""
        out = []
        not_followed, phrase_re, digit_phrases = self.not_followed, self.phrase_re, self.digit_phrases
        ordinal_after = self.ordinal_after
        for m in self.qty_re.finditer(text):
            s, e = m.span()
            if s:
                before = text[s - 1]
                if before in NOT_BEFORE or (before == " " and text[s - 2:s - 1] == "第"):
                    continue
            num = text[s:m.end("num")]
            wan, inner, wan2, alt, measure = m.group("wan", "inner", "wan2", "alt", "measure")
            reading = read_quantity(num, wan or wan2)
            if reading is None:
                continue
            masked, value = reading
            first = num[0]
            if not masked and first not in DIGIT_CHARS:
                if num in BARE_NUMERALS and not bare_numeral_counts(text, s, e, num, inner):
                    continue
                if measure == "个" and text[e:e + 1] in QUOTES:
                    continue
                if s and text[s - 1] in QUOTES and not CLOSE_QUOTES.isdisjoint(text[e:e + 6]):
                    continue  # a quoted numeral phrase: “十个明确” “三项机制”
            elif masked and (text[e:e + 1] in CLOSE_QUOTES and "“" in text[max(0, s - 8):s]
                             or text[s - 1:s] in "《“「" or "〔" in text[e:e + 3]):
                continue  # a masked name or document number: “最美XX人”, 《××人家》, ×组通〔2024〕
            if measure == "次" and ordinal_after and any(w in text[max(0, s - 6):s] for w in ordinal_after):
                continue  # 十七届人大五次会议
            if "《" in text[max(0, s - 40):s] and inside_title(text, s):
                continue  # 《…高质量发展十条措施》: part of a document's name
            stop = not_followed.get(measure)
            if stop and text.startswith(stop, e):
                continue
            if phrase_re and (digit_phrases or not (masked or first.isdigit())):
                lo = max(0, s - 12)
                if any(p.start() < e and p.end() > s for p in phrase_re.finditer(text, lo, e + 12)):
                    continue
            out.append((s, e, measure, inner, alt, masked, value, None))
        return out

    def _with_tables(self, text: str, matches: list[tuple]) -> list[tuple]:
        """The matches with the figures of flattened tables merged in (the 8th item: the span of the
        row's name, what the figure counts; None for a figure in running text)."""
        figures = table_figures(text, self.measures, self.table_columns)
        if "\t" in text:
            starts = {f.start for f in figures}
            figures += [f for f in tab_table_figures(text, self.measures, self.table_columns) if f.start not in starts]
        if not figures:
            return matches
        taken = [(m[0], m[1]) for m in matches]
        extra = [(f.start, f.end, f.measure, None, None, False, f.value, (f.name_start, f.name_end, f.planned))
                 for f in figures
                 if not any(a < f.end and f.start < b for a, b in taken)]
        return sorted(matches + extra, key=itemgetter(0))

    def run(self, work: Work) -> None:
        text, raw, source = work.clean, work.clean_raw, work.source
        size = len(text)
        matches = self._matches(text)
        if "\t" in text or any(w in text for w in HEADING_FIRST):
            matches = self._with_tables(text, matches)
        if not matches:
            work.indicators = []
            return
        to_src = work.offset_mapper()
        roots = work.outline
        root_starts = [n.start for n in roots]
        first_root = root_starts[0] if root_starts else size + 1
        rev = text[::-1]
        rev_boundary = _BOUNDARY_RE.search
        after_match = self.after_re.match
        years = tuple(sorted(work.meta.years))
        converted = raw is not text  # traditional characters were converted for analysis
        openings = sentence_openings(text) if years else ([], [])
        type_of = self._type
        plan_spans = work.plan_spans
        qizhong = places(text, "其中")  # a figure's total is looked for only after one
        found: list[tuple[int, int, str]] = []  # clean start, clean end, measure of each indicator so far
        out: list[Indicator] = []
        prev_end, prev_activity = -1, ("", "")
        n_matches = len(matches)
        for k in range(n_matches):
            s, e, measure, inner, alt, masked, value, row_name = matches[k]
            last = rev_boundary(rev, size - s, size - s + 120)  # rev[size-1-i] is text[i]
            clause_start = size - last.start() if last else max(0, s - 120)
            post = after_match(text, e)
            if inner:
                approx = "more_than"
            else:
                approx = post.lastgroup if post else self._approx_before(text, clause_start, s)
            if alt and alt[1:-1] + measure in self.measures:
                measure = alt[1:-1] + measure
            elif measure == "％":
                measure = "%"
            written = as_written(text, raw, s, e, measure) if converted else measure  # 場次, not 场次
            # SectionStage.section_at, by bisect
            section = roots[bisect_right(root_starts, s) - 1].section if s >= first_root else "intro"
            if plan_spans and any(a <= s < b for a, b in plan_spans):
                section = "plans"
            kind = "target" if row_name and row_name[2] else self._kind(text, clause_start, s, measure, section,
                                                                                        years, openings)
            if row_name is not None:
                activity, simple = raw[row_name[0]:row_name[1]], text[row_name[0]:row_name[1]]  # what its row names
            elif s == prev_end:
                activity, simple = prev_activity  # compound figure: "182期526条"
            else:
                hi = matches[k + 1][0] if k + 1 < n_matches else size
                a, b = self._activity_span(text, s, post.end() if post else e, measure,
                                           max(clause_start, prev_end), hi)
                activity, simple = raw[a:b], text[a:b]
                if not simple and clause_start and text[clause_start - 1] == "\t":
                    a, b = row_name_span(text, s)  # a figure in a table's cell counts what its row names
                    activity, simple = raw[a:b], text[a:b]
                elif prev_end > 0 and self._names_nothing(simple) and same_sentence(text, prev_end, s):
                    # "参观基地36批次、2100余人次", "报告6篇，共计4.3万字": the figure before names it
                    activity, simple = prev_activity
            src_s = to_src(s)
            src_e = to_src(e - 1) + 1
            parent = None
            if qizhong:
                # the last 其中 ending by s, if it is within the 200 characters total_of looks back
                q = bisect_right(qizhong, s - 2) - 1
                if q >= 0 and qizhong[q] >= s - 200:
                    if measure != "%" and not text.startswith("的", post.end() if post else e):  # a share, a qualifier
                        parent = total_of(text, s, measure, found, approx == "more_than" and not inner)
                found.append((s, e, measure))
            out.append(_new_indicator(value, masked, approx, written, kind, activity, type_of(simple), section,
                                      src_s, src_e, parent, source[src_s:src_e]))
            prev_end, prev_activity = e, (activity, simple)
        work.indicators = out

    def _kind(self, text: str, clause_start: int, s: int, measure: str, section: str,
              years: tuple[int, ...], openings: tuple[list[int], list[int]]) -> str:
        """target for a cue in the figure's clause (力争, 每月至少…, a frequency of events), in a
        sentence dated after the year summarised ("2025年，乡党委将…，创建示范村3个" in a 2024
        summary), or in a plans section unless the clause reports it done (已, 累计…) or its
        sentence is dated before the plan year ("2025年，街道共开展宣讲186场" in the 2026 plan)."""
        if self.target_re.search(text, clause_start, s):
            return "actual" if section != "plans" and self.achieved_re.search(text, clause_start, s) else "target"
        if measure in self.frequency_measures and self.frequency_re.search(text, clause_start, s) \
                and not self.actual_re.search(text, clause_start, s):  # 每月1次、共计12次: the 12 were done
            return "target"
        dated = sentence_year(text, s, openings) if openings[0] else None
        if dated is not None and years and dated > years[0]:
            return "target"
        if section == "achievements":
            return "actual"
        if self.weak_target_re.search(text, clause_start, s):
            return "target"
        if section != "plans" or self.actual_re.search(text, clause_start, s):
            return "actual"
        return "actual" if dated is not None and years and dated < years[-1] else "target"

    def _names_nothing(self, phrase: str) -> bool:
        """Whether an activity phrase is empty or only connective words (共计, 的有)."""
        return not phrase or self.filler_re.fullmatch(phrase) is not None

    def _approx_before(self, text: str, clause_start: int, s: int) -> str | None:
        """The approximation word just before the figure, else one earlier in its clause."""
        lo = max(clause_start, s - 4)
        if self.before_first is None or not self.before_first.isdisjoint(text[lo:s]):
            hit = self.before_re.search(text, lo, s)
            while hit and self._inside_word(text, hit):  # 公约约30部: the second 约
                hit = self.before_re.search(text, hit.end(), s)
            if hit:
                return hit.lastgroup
        hit = self.clause_re.search(text, clause_start, s)
        return hit.lastgroup if hit else None

    def _inside_word(self, text: str, hit: re.Match) -> bool:
        """Whether the approximation word `hit` ends a longer word: 村规民约, 公约."""
        heads = self.not_after.get(hit.group())
        return bool(heads) and text.endswith(heads, max(0, hit.start() - 3), hit.start())

    # -- attributes ------------------------------------------------------------
    def _activity_span(self, text: str, s: int, e: int, measure: str, lo: int, hi: int) -> tuple[int, int]:
        """Span of the phrase naming what the figure at [s, e) counts, within [lo, hi):
        the words after the quantity ("开展8次理论学习") or, when none follow, those
        before it in the same clause ("召开专题会议2次"). lo is the clause start or
        the end of the previous figure, hi the start of the next figure; e is
        after the approximation word that follows the quantity, if any."""
        limit = self.activity_limit
        if measure != "%" and e < len(text) and not self._stops_after(text, e):
            stop = _AFTER_STOP.search(text, e, e + limit)
            end = stop.start() if stop else min(len(text), e + limit)
            if hi >= e:
                end = min(end, hi)
            a, b = _trim(text, e, end, "的）)】 \t\u3000")
            if a < b:
                return a, b
        a, b = _trim(text, max(lo, s - limit), s, "、，,（(【）)】 \t\u3000")  # "…（3条）、县财政局（2条）"
        return self._strip(text, a, b)

    def _stops_after(self, text: str, e: int) -> bool:
        """Whether the words after the quantity at e are no activity phrase:
        punctuation, or an after_stop word such as 开展 (the phrase precedes)."""
        ch = text[e]
        if ch in _AFTER_STOP_CHARS or ch in "（(":  # "培训班1期（5天）": a note, not what was counted
            return True
        words = self.after_stop_by_first.get(ch)
        return bool(words and text.startswith(words, e)) or "" in self.after_stop_by_first

    def _strip(self, text: str, a: int, b: int) -> tuple[int, int]:
        """Drop a leading heading marker and connective words, trailing 共计/达/超过…"""
        if a < b:
            ch = text[a]
            if ch in _MARKER_FIRST or ch.isspace() or ch.isdecimal():
                mm = _MARKER_PREFIX.match(text, a, b)
                if mm:
                    a = mm.end()
        prefix_match, prefix_first, suffix_words = self.strip_prefix.match, self.prefix_first, self.suffix_words
        for _ in range(3):
            old_a, old_b = a, b
            if prefix_first is None or (a < b and text[a] in prefix_first):
                p = prefix_match(text, a, b)
                if p:
                    a = p.end()
            # only a strip_suffix word's last character (or a line break, see _suffix) can end one
            if a < b and (text[b - 1] in suffix_words or text[b - 1] == "\n"):
                q = self._suffix(text, a, b)
                if q is not None:
                    b = q
            if a == old_a and b == old_b:
                break
        return _trim(text, a, b, " \t\u3000")

    def _suffix(self, text: str, a: int, b: int) -> int | None:
        """Start of the longest strip_suffix word ending [a, b) that has two
        characters other than a line break before it (was the regex
        "(?<=..)(?:words)$" searched over [a, b), which tried every position)."""
        if b <= a:
            return None
        last = text[b - 1]
        if last == "\n":  # "$" also matches before a final line break: keep the regex
            q = self.strip_suffix.search(text, a, b)
            return q.start() if q else None
        words = self.suffix_words.get(last)
        if words:
            for w in words:
                q = b - len(w)
                if q >= a and q >= 2 and text.startswith(w, q) and "\n" not in text[q - 2:q]:
                    if text.endswith(self.not_after.get(w, ()), max(0, q - 3), q):
                        continue  # the end of a longer word: 村规民约
                    return q
        return None

    def _type(self, activity: str) -> str | None:
        cache = self.type_cache
        if activity in cache:
            return cache[activity]
        best = None
        for m in self.syn_re.finditer(activity):
            if best is None or len(m.group()) > len(best):
                best = m.group()
        code = self.syn_type[best] if best else None
        if len(cache) < 20000:
            cache[activity] = code
        return code
