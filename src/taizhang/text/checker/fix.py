"""`--fix`: apply only mechanical fixes (noise removal, single-correction confusables,
punctuation width, doubled words) to a copy; the input file is never touched.

Placeholders, figures and wording are never changed: only findings marked `fixable` with a
`suggestion` are applied. A .docx copy keeps its formatting: the fixes edit the text of the
runs (w:t) in place; an .html copy edits its text nodes; a text file keeps its encoding; .doc and
.pdf copies are written as UTF-8 text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from taizhang.text.checker.finding import Finding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Change:
    start: int
    end: int
    before: str
    after: str
    family: str
    rule: str

    def describe(self, line: int, col: int) -> str:
        after = f"“{self.after}”" if self.after else "（删除）"
        return f"{line}:{col}\t[{self.family}/{self.rule}]\t“{self.before}” → {after}"


def plan(findings: list[Finding]) -> list[Change]:
    """Non-overlapping fixable changes, in text order (the first of overlapping ones wins)."""
    out: list[Change] = []
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if not f.fixable or f.suggestion is None:
            continue
        if out and f.start < out[-1].end:
            continue
        out.append(Change(f.start, f.end, f.excerpt, f.suggestion, f.family, f.rule))
    return out


def apply_text(text: str, changes: list[Change]) -> str:
    parts: list[str] = []
    pos = 0
    for c in changes:
        start, end = c.start, c.end
        if c.after == "":
            start, end = _widen_to_line(text, start, end)
        parts.append(text[pos:start])
        parts.append(c.after)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _widen_to_line(text: str, start: int, end: int) -> tuple[int, int]:
    """A deletion that empties its line takes the line's newline with it."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le == -1 else le
    if text[ls:start].strip() or text[end:le].strip():
        return start, end
    return ls, min(le + 1, len(text))


def write_fixed(src: Path, source_text: str, changes: list[Change], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = src.suffix.lower()
    keeps_format = suffix in (".docx", ".txt", ".md", ".html", ".htm")
    dest = out_dir / (src.name if keeps_format else src.stem + ".txt")
    if dest.resolve() == src.resolve():
        raise ValueError("输出目录不能是输入文件所在目录")
    if suffix == ".docx":
        _fix_docx(src, source_text, changes, dest)
    elif suffix in (".html", ".htm"):
        _fix_html(src, changes, dest)
    else:  # a text file keeps its encoding (GBK stays GBK); .doc and .pdf copies are UTF-8 text
        data = src.read_bytes() if keeps_format else b""
        dest.write_bytes(apply_text(source_text, changes).encode(_encoding_of(data), "replace"))
    return dest


def _encoding_of(data: bytes) -> str:
    """The encoding to write a fixed copy of a text file in: the one the file came in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        return "utf-8"


def _fix_html(src: Path, changes: list[Change], dest: Path) -> None:
    """Each change made in the first text node, from the last one changed on, that holds what it
    replaces; the page is written back in its own character set."""
    from bs4 import BeautifulSoup, NavigableString

    from taizhang.text.loaders.html import charset_of, decode_html

    data = src.read_bytes()
    soup = BeautifulSoup(decode_html(data), "lxml")
    nodes = [n for n in soup.find_all(string=True) if n.parent is not None and n.parent.name not in ("script", "style")]
    at = 0
    for c in changes:
        for k in range(at, len(nodes)):
            old = str(nodes[k])
            i = old.find(c.before)
            if i != -1:
                new = NavigableString(old[:i] + c.after + old[i + len(c.before):])
                nodes[k].replace_with(new)
                nodes[k], at = new, k
                break
    dest.write_bytes(soup.decode().encode(charset_of(data), "xmlcharrefreplace"))


def _para_pieces(p) -> tuple[str, list[tuple[object, int]]]:  # noqa: ANN001 - lxml element
    """The paragraph's text as the reader builds it, and each w:t element's offset in it."""
    parts: list[str] = []
    pieces: list[tuple[object, int]] = []
    pos = 0
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if el.tag == W + "t":
            t = el.text or ""
            pieces.append((el, pos))
        else:
            t = "\t" if el.tag == W + "tab" else "\n"
        parts.append(t)
        pos += len(t)
    return "".join(parts), pieces


def _fix_docx(src: Path, source_text: str, changes: list[Change], dest: Path) -> None:
    import docx

    document = docx.Document(str(src))
    cursor = 0
    pending = list(changes)
    for p in list(document.element.body.iter(W + "p")):
        ptext, pieces = _para_pieces(p)
        if not ptext:
            continue
        off = source_text.find(ptext, cursor)
        if off == -1:
            continue
        cursor = off + len(ptext)
        mine = [c for c in pending if off <= c.start and c.end <= cursor]
        if not mine:
            continue
        for c in reversed(mine):
            _edit_runs(pieces, c.start - off, c.end - off, c.after)
        if not _para_pieces(p)[0].strip() and p.getparent().tag == W + "body":
            p.getparent().remove(p)
    document.save(str(dest))


def _edit_runs(pieces: list[tuple[object, int]], a: int, b: int, repl: str) -> None:
    placed = False
    for el, ts in pieces:
        t = el.text or ""
        te = ts + len(t)
        if te <= a or ts >= b:
            continue
        lo, hi = max(a, ts) - ts, min(b, te) - ts
        el.text = t[:lo] + ("" if placed else repl) + t[hi:]
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        placed = True
