"""HTML: script, style, nav, header, footer and aside dropped; block elements
become lines, a table row one line with its cells apart by tabs."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from taizhang.text.loaders import register
from taizhang.text.loaders.txt import decode

_DROP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "iframe", "form", "select", "button")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "table",
           "ul", "ol", "pre", "blockquote", "dd", "dt", "title")
_CELL_BLOCKS = ("br", "p", "div", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.I)
_BLANKS = re.compile(r"[ \t\xa0]*\n[ \t\xa0\n]*")


def charset_of(data: bytes) -> str:
    """The character set a page declares (GB2312/GBK read as GB18030), else UTF-8."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "gb18030" if enc in ("gb2312", "gbk", "gb18030") else enc
        try:
            data.decode(enc)
            return enc
        except (LookupError, UnicodeDecodeError):
            pass
    return "utf-8"


def decode_html(data: bytes) -> str:
    enc = charset_of(data)
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return decode(data)


@register("html")
def load_html(path: Path, data: bytes) -> str:
    soup = BeautifulSoup(decode_html(data), "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    for row in soup.find_all("tr"):  # a table row is one line, its cells apart by tabs (as from .docx)
        cells = row.find_all(("td", "th"), recursive=False)
        if any(c.find(_CELL_BLOCKS) for c in cells):
            continue  # a layout table: the page's text sits in its cells, in paragraphs and lines
        texts = [c.get_text(" ", strip=True) for c in cells]
        row.clear()
        row.append("\t".join(texts))
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    body = soup.body or soup
    text = body.get_text()
    title = soup.title.get_text().strip() if soup.title and soup.body else ""
    text = _BLANKS.sub("\n", text).strip()
    if title and not text.startswith(title[:10]):
        text = title + "\n" + text
    return text + "\n"
