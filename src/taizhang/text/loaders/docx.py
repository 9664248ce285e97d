"""Word .docx: paragraph text (tables included, in document order: a row per line, its cells
apart by tabs) with Word's
automatic list numbering rendered back into text from numbering.xml: counters
per numId and level, lvlText with %1..%9 filled in the level's numFmt."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.loaders import register

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 105 -> 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else (_CN[rest // 10] + "十" + (_CN[rest % 10] if rest % 10 else "")))
        return _CN[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return cn_counting(n)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    """numbering.xml: abstract level definitions and the running counters."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> (start, fmt, text)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for absn in root.iter(W + "abstractNum"):
            lv = {}
            for lvl in absn.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                lv[ilvl] = (int(start.get(W + "val")) if start is not None else 1,
                            fmt.get(W + "val") if fmt is not None else "decimal",
                            text.get(W + "val") if text is not None else "")
            self.levels[absn.get(W + "abstractNumId")] = lv
        for num in root.iter(W + "num"):
            aid = num.find(W + "abstractNumId")
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    overrides[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val"))
            if aid is not None:
                self.nums[num.get(W + "numId")] = (aid.get(W + "val"), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums or num_id == "0":
            return ""
        aid, overrides = self.nums[num_id]
        levels = self.levels.get(aid, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][2]
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                kstart = overrides.get(k, levels.get(k, (1, "decimal", ""))[0])
                value = counters.get(k, kstart)
                fmt = levels.get(k, (1, "decimal", ""))[1]
                text = text.replace(token, format_number(value, fmt))
        return text


def _num_props(p, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    ppr = p.find(W + "pPr")
    if ppr is not None:
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            nid = numpr.find(W + "numId")
            ilvl = numpr.find(W + "ilvl")
            if nid is not None:
                return nid.get(W + "val"), int(ilvl.get(W + "val")) if ilvl is not None else 0
        style = ppr.find(W + "pStyle")
        if style is not None and style.get(W + "val") in styles:
            return styles[style.get(W + "val")]
    return None


def _style_numbering(zf: zipfile.ZipFile) -> dict[str, tuple[str, int]]:
    """styleId -> (numId, ilvl) for paragraph styles that carry numbering
    (directly or through their basedOn chain, e.g. a heading style)."""
    from lxml import etree

    if "word/styles.xml" not in zf.namelist():
        return {}
    own: dict[str, tuple[str, int]] = {}
    based: dict[str, str] = {}
    root = etree.fromstring(zf.read("word/styles.xml"))
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId")
        parent = st.find(W + "basedOn")
        if parent is not None:
            based[sid] = parent.get(W + "val")
        numpr = st.find(f"{W}pPr/{W}numPr")
        if numpr is not None and numpr.find(W + "numId") is not None:
            ilvl = numpr.find(W + "ilvl")
            own[sid] = (numpr.find(W + "numId").get(W + "val"), int(ilvl.get(W + "val")) if ilvl is not None else 0)
    out = {}
    for sid in set(own) | set(based):
        cur, seen = sid, set()
        while cur is not None and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in own:
            out[sid] = own[cur]
    return out


def _para_text(p) -> str:
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


@register("docx")
def load_docx(path: Path, data: bytes) -> str:
    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        body_xml = zf.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise ReaderError(str(path), "不是有效的 Word 文档（文件可能已损坏或不完整）") from exc
    numbering = Numbering(etree.fromstring(zf.read("word/numbering.xml")) if "word/numbering.xml" in zf.namelist() else None)
    styles = _style_numbering(zf)
    root = etree.fromstring(body_xml)
    lines, rows_done = [], set()
    for p in root.iter(W + "p"):
        row = next(p.iterancestors(W + "tr"), None)
        if row is not None:  # a table row is one line, its cells apart by tabs (the reader reads tables so)
            if row not in rows_done:
                rows_done.add(row)
                lines.append("\t".join("".join(map(_para_text, tc.iter(W + "p"))) for tc in row.iterchildren(W + "tc")))
            continue
        text = _para_text(p)
        props = _num_props(p, styles)
        label = numbering.label(*props) if props else ""
        if label and not text.startswith(label):
            text = label + text
        lines.append(text)
    return "\n".join(lines) + "\n"
