"""Regenerate the reader's sample documents (kept in git; run by hand):

    .venv/bin/python tests/text/samples/make_samples.py

Text samples are written in several encodings; the .docx carries Word automatic
numbering in numbering.xml; .doc and .pdf are converted from it with LibreOffice.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PLAIN = """2024年XX街道宣传思想工作总结
2024年，XX街道党工委坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神。
一、主要做法
（一）理论武装持续深化。全年召开党工委理论学习中心组集中学习12次，开展专题研讨4次。
（二）宣传阵地不断巩固。更新宣传栏26块，悬挂横幅40余条，发放宣传资料约3000份。
二、存在不足
一是宣传形式较为单一；二是队伍力量薄弱。
三、2025年工作打算
力争全年开展理论宣讲不少于50场次，每季度至少召开1次意识形态专题会议。
"""

TRADITIONAL = """2023年某鎮(zhèn)宣傳思想工作總結
一、工作開展情況
（一）理論學習。全年開展理論學習中心組學習10次，舉辦專題講座5場，受眾1.2萬人次。
（二）新聞宣傳。在省級媒體發表稿件30余篇，其中頭版3篇。
二、存在問題
一是學習深度不夠。二是宣傳載體單一。
三、下一步工作計劃
力爭全年發布信息200條以上。
"""

GOV_PAGE = """您现在所在的位置：首页 > 政务公开 > 工作总结
索引号：11510100MB1234567X/2024-00123
发布机构：某某县委宣传部
发文日期：2024-01-15
【字体：大 中 小】 打印
某某县2023年意识形态工作总结
　　2023年，县委宣传部坚持守正创新，扎实做好意识形态工作。
　　一、工作开展情况
　　（一）压实责任。召开意识形态工作专题会议4次，开展意识形态分析研判12次。
　　（二）强化宣讲。组织“五个一”宣讲活动，开展各类宣讲活动320余场次，覆盖群众2.5万余人次。
　　（三）新闻宣传。在中央级媒体刊发稿件15篇、省级媒体刊发稿件86篇，其中头版头条6篇。联系电话：0838-1234567。
　　二、下一步计划
　　2024年，力争在省级以上媒体刊发稿件100篇以上。
分享到：微信 微博 QQ空间
"""

BROKEN_LINES = """2023年学校宣传工作总结
一、工作完成情况
今年以来，我校坚持立德树人根本任务，扎实开展思想政治教育，全年共组织开展主题班会
120余场次，举办专题讲座8场，组织师生参加志愿服务活动36次，累计参与
师生达2000余人次。
二、存在问题
活动形式有待丰富。
"""

NUMBERING_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%4、"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>
"""

# (numbering level or None, text)
DOCX_PARAS = [
    (None, "2023年某局宣传思想工作总结"),
    (None, "今年以来，我局认真落实意识形态工作责任制。"),
    (0, "工作开展情况"),
    (1, "理论学习走深走实"),
    (2, "全年开展党组理论学习中心组学习14次。"),
    (2, "组织专题党课6次，撰写心得体会50余篇。"),
    (1, "宣传阵地巩固提升"),
    (2, "更新展板18块。"),
    (3, "甲项说明。"),
    (0, "存在问题"),
    (None, "一是创新不足；二是队伍薄弱。"),
    (0, "下一步工作计划"),
    (1, "全年至少开展集中学习12次"),
]


def make_docx(path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    doc = Document()
    for level, text in DOCX_PARAS:
        p = doc.add_paragraph(text)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(level))
            num = OxmlElement("w:numId")
            num.set(qn("w:val"), "3")
            numpr.append(ilvl)
            numpr.append(num)
            ppr.append(numpr)
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "宣讲场次"
    table.cell(0, 1).text = "开展宣讲30场次"
    buf = io.BytesIO()
    doc.save(buf)
    # swap in our numbering.xml (python-docx's default template has its own)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            if name == "word/numbering.xml":
                data = NUMBERING_XML.encode("utf-8")
            out.writestr(name, data)
        if "word/numbering.xml" not in names:
            raise SystemExit("template without numbering part")


def soffice_convert(src: Path, target: str, out_name: str) -> None:
    exe = shutil.which("soffice")
    if not exe:
        print("soffice missing, skipping", out_name)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/p", "--headless", "--convert-to", target,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        produced = next(p for p in Path(tmp).iterdir() if p.is_file())
        shutil.move(str(produced), HERE / out_name)


MINIMAL_IMAGE_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
4 0 obj << /Length 35 >> stream
0 0 1 rg 20 20 160 160 re f
endstream endobj
xref
0 5
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
0000000206 00000 n 
trailer << /Size 5 /Root 1 0 R >>
startxref
290
%%EOF
"""


def main() -> None:
    (HERE / "plain_utf8.txt").write_text(PLAIN, "utf-8")
    (HERE / "plain_utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + PLAIN.encode("utf-8"))
    (HERE / "plain_gbk.txt").write_bytes(PLAIN.replace("\n", "\r\n").encode("gbk"))
    (HERE / "plain_utf16le_bom.txt").write_bytes(b"\xff\xfe" + PLAIN.encode("utf-16-le"))
    (HERE / "plain_utf16be_nobom.txt").write_bytes(PLAIN.encode("utf-16-be"))
    (HERE / "traditional.txt").write_text(TRADITIONAL, "utf-8")
    (HERE / "traditional_big5.txt").write_bytes(TRADITIONAL.replace("(zhèn)", "").encode("big5"))
    (HERE / "gov_page.txt").write_text(GOV_PAGE, "utf-8")
    (HERE / "broken_lines.txt").write_text(BROKEN_LINES, "utf-8")
    html = ("<!DOCTYPE html><html><head><meta charset=\"gb2312\"><title>某某县2023年意识形态工作总结</title>"
            "<style>p{color:red}</style><script>var hits=12345;document.write('100次');</script></head><body>"
            "<nav><a href='/'>首页</a> | <a>工作总结</a> 共300篇</nav>"
            "<div class='content'><h1>某某县2023年意识形态工作总结</h1>"
            "<p>一、工作开展情况</p><p>（一）召开意识形态工作专题会议4次，开展分析研判12次。</p>"
            "<p>（二）开展各类宣讲活动320余场次。</p><p>二、下一步计划</p><p>力争开展宣讲400场次。</p></div>"
            "<footer>版权所有 联系电话：0838-1234567 访问量 88888次</footer></body></html>")
    (HERE / "page.html").write_bytes(html.encode("gb18030"))
    make_docx(HERE / "numbered.docx")
    soffice_convert(HERE / "numbered.docx", "doc", "numbered.doc")
    soffice_convert(HERE / "numbered.docx", "pdf", "report.pdf")
    # bad inputs
    (HERE / "bad_empty.txt").write_bytes(b"")
    (HERE / "bad_garbage.txt").write_bytes(bytes(range(256)) * 40)
    data = (HERE / "numbered.docx").read_bytes()
    (HERE / "bad_truncated.docx").write_bytes(data[: len(data) // 3])
    (HERE / "bad_image_only.pdf").write_bytes(MINIMAL_IMAGE_PDF)
    (HERE / "bad_unknown.xyz").write_text("2023年开展活动3次", "utf-8")
    (HERE / "bad_ole.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20)
    encrypt_pdf()


def encrypt_pdf() -> None:
    exe = shutil.which("soffice")
    if not exe:
        return
    opts = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    soffice_convert(HERE / "numbered.docx", opts, "bad_encrypted.pdf")


if __name__ == "__main__":
    main()
