"""Reading the value of a quantity: Arabic digits, Chinese numerals (via cn2an,
cached), 万/亿 multipliers, masks."""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

# a well-formed Chinese numeral below 10^8 ("十二", "一百零五", "两千三百", "十")
_CN_WELL_FORMED = re.compile(
    r"^(?:(?:[一二两三四五六七八九]|[一二三四五六七八九]?十)?[一二两三四五六七八九]?[零〇]?千)?"
    r"(?:[一二两三四五六七八九]?百[零〇]?)?(?:[一二两三四五六七八九]?十)?[一二两三四五六七八九]?$"
)
_MULT = {"万": 10_000, "亿": 100_000_000}


@lru_cache(maxsize=4096)
def cn_value(text: str) -> int | None:
    """Value of a Chinese numeral, None when it is not a well-formed number."""
    if not text or not _CN_WELL_FORMED.match(text):
        return None
    try:
        norm = text.replace("两", "二")
        if norm[0] in "百千":
            norm = "一" + norm  # "百" -> "一百"
        value = cn2an.cn2an(norm, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value)


@lru_cache(maxsize=8192)
def number_value(num: str, multiplier: str | None) -> int | float | None:
    """Value of the number text `num` times 万/亿 (None when unreadable)."""
    if num[0].isdigit():
        value: float = float(num.replace(",", ""))
    else:
        cn = cn_value(num)
        if cn is None:
            return None
        value = cn
    if multiplier:
        value = round(value * _MULT[multiplier], 6)  # 1.38万: 13800, not 13799.999999999998
    return int(value) if float(value).is_integer() else value
