"""Plain text: UTF-8 (with or without BOM), UTF-16 (BOM or zero-byte pattern),
GB18030/GBK and whatever charset-normalizer recognises; binary garbage refused."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.loaders import register

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.2 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.2 and odd_zero < 0.05:
        return "utf-16-be"
    # CJK text in UTF-16 has few zero bytes: try it when the size is even and it decodes cleanly
    return None


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    enc16 = _utf16_without_bom(data)
    if enc16:
        return data.decode(enc16, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append(data.decode(enc))
        except UnicodeDecodeError:
            pass
    if candidates:
        return max(candidates, key=plausibility)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("unknown encoding")
    return str(best)


def plausibility(text: str) -> float:
    """Share of characters a Chinese document plausibly holds: ASCII, and
    characters of GB2312 once traditional ones are simplified (mojibake and
    binary garbage score low)."""
    from taizhang.text.stages.clean import t2s_table

    sample = text[:5000].translate(t2s_table())
    if not sample:
        return 1.0
    bad = []

    def collect(exc: UnicodeEncodeError):
        bad.append(exc.end - exc.start)
        return ("?", exc.end)

    codecs.register_error("taizhang_plausibility", collect)
    sample.encode("gb2312", "taizhang_plausibility")
    return 1.0 - sum(bad) / len(sample)


def check_text(path: Path, text: str) -> str:
    """Refuse binary garbage: control/replacement characters or implausible text."""
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise ReaderError(str(path), "文件不是文本（疑似二进制内容或编码无法识别）")
    if len(sample.strip()) >= 20 and plausibility(sample) < 0.7:
        raise ReaderError(str(path), "文件内容无法识别为文字（疑似二进制内容、乱码或编码错误）")
    return text


@register("txt")
def load_txt(path: Path, data: bytes) -> str:
    try:
        text = decode(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReaderError(str(path), "无法识别文件编码") from exc
    return check_text(path, text)
