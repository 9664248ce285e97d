"""Quantities: the regex that finds number + measure word (built from data/measures.yaml and
the set phrases), reading a number's value, and when a bare numeral (一, 百, 万) is a figure.
The indicator stage builds on these."""

from __future__ import annotations

import re
import string
from functools import lru_cache

from taizhang.taxonomy import load_taxonomy
from taizhang.text.numbers import number_value
from taizhang.text.resources import load_data

# a figure never follows these: part of a longer number or word, an ordinal (第3次) or a rank (前10名)
NOT_BEFORE = frozenset(string.ascii_letters + "0123456789.．,第前零〇一二两三四五六七八九十百千万Xx×＊*ＸｘＸ○□")
# a bare leading character class keeps Python's regex scan fast; the number is
# text[match.start():match.end("num")]
# (explicit digit ranges, no \d: a class without categories compiles to a fast lookup table)
_NUM = r"[0-9０-９零〇一二两三四五六七八九十百千万Xx×＊*ＸｘＸ○□](?P<num>[0-9０-９.,零〇一二两三四五六七八九十百千Xx×＊*ＸｘＸ○□]*+)"
_DIGITS_RE = re.compile(r"[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9０-９]+(?:\.[0-9０-９]+)?")
_DIGITS_CN_MULT_RE = re.compile(r"[0-9０-９]+(?:\.[0-9０-９]+)?[百千]")
_MASK_CHARS = frozenset("Xx×＊*ＸｘＸ○□")
DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_MASK_RE = re.compile(r"[Xx×＊*ＸｘＸ○□]{1,4}(?:\.[Xx×＊*ＸｘＸ○□]{1,2})?")  # XX, X.X
_CN_RE = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_BARE_OK = ("逾", "近", "超", "约", "超过", "将近", "多达", "上")

BARE_NUMERALS = ("一", "百", "千", "百千", "万")  # count only after 逾/近/超… or before 余/多 (一: see below)
QUOTES = "“\"「『"  # "一个…" before a quotation is a set phrase: 两个“毫不动摇”
CLOSE_QUOTES = frozenset("”\"」』")
# a bare 一 counts where the clause ends after it ("讲专题党课一次。"), or a minimum or a
# frequency (每月, 每季度…) precedes it ("每季度开展一次…"); elsewhere 一次/一个 is an article
_ONE_ENDS = frozenset("，,。；;、）)\n")
_ONE_MINIMUM = ("至少", "不少于", "不低于", "最少")
_ONE_NOT_AFTER = frozenset("每这那哪同单唯又再更之统另任某首逐在到聚")  # 在一起: together


def bare_numeral_counts(text: str, s: int, e: int, num: str, inner: str | None) -> bool:
    """Whether a bare 一/百/千/万 at [s, e) is a figure: 逾百篇, 万余人次, 讲党课一次。"""
    if num != "一":
        return bool(inner) or text[max(0, s - 2):s].endswith(_BARE_OK)
    if s and text[s - 1] in _ONE_NOT_AFTER:
        return False
    before = text[max(0, s - 8):s]
    return e == len(text) or text[e] in _ONE_ENDS or any(w in before for w in _ONE_MINIMUM) or "每" in before


@lru_cache(maxsize=4096)
def read_quantity(num: str, multiplier: str | None) -> tuple[bool, int | float | None] | None:
    """(masked, value) of the number text `num` times 万/亿; None when it is no
    figure (an id or a phone number, a malformed numeral)."""
    first = num[0]
    if first in _MASK_CHARS:
        return (True, None) if _MASK_RE.fullmatch(num) else None
    if num == "万":  # 万余人次, 近万人次
        return False, 10_000
    if first not in DIGIT_CHARS:
        value = number_value(num, multiplier) if _CN_RE.fullmatch(num) else None
        return None if value is None else (False, value)
    if _DIGITS_RE.fullmatch(num):
        if len(num) >= 7 and "." not in num and "," not in num:
            return None  # ids, phone numbers
        return False, number_value(num, multiplier)
    if _DIGITS_CN_MULT_RE.fullmatch(num):  # "5千人次", "1.5百"
        value = number_value(num[:-1], multiplier)
        if value is not None:
            value = value * (1000 if num[-1] == "千" else 100)
            value = int(value) if float(value).is_integer() else value
        return False, value
    return None


@lru_cache(maxsize=16)
def quantity_rules(data_dirs: tuple, taxonomy_files: tuple):
    measures_doc = load_data("measures.yaml", data_dirs)
    measures = sorted(set(measures_doc["measures"]), key=len, reverse=True)
    multi = [re.escape(w) for w in measures if len(w) > 1]
    single = "".join(re.escape(w) for w in measures if len(w) == 1)
    alt = "|".join(multi + ([f"[{single}]"] if single else []))  # longest first, singles as one class
    # what may follow the number (multiplier, 余/多/几, a space, a bracketed
    # alternative or a measure word), checked before the alternatives are tried:
    # most candidate numerals ("统一", "进一步") fail at this one lookup
    follow = "".join(sorted({re.escape(c) for c in "万亿余多几 \u3000（("} | {re.escape(w[0]) for w in measures}))
    qty = re.compile(
        _NUM + r"(?=[" + follow + r"])[ \u3000]?(?P<wan>[万亿])?[ \u3000]?(?P<inner>余|多|几)?(?P<wan2>[万亿])?[ \u3000]?(?P<alt>[（(][\u4e00-\u9fff]{1,2}[）)])?"
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

