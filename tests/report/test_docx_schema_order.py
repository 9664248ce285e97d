"""Word refuses files whose property elements break the schema order; LibreOffice does not care.
So check the order of every pPr / rPr / sectPr / tblPr child in the parts the renderer writes."""

import re
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
              "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
              "docGrid printerSettings sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
             "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
}
RANK = {k: {tag: i for i, tag in enumerate(v.split())} for k, v in ORDER.items()}


def _check(root, where):
    for parent, rank in RANK.items():
        for el in root.iter(W + parent):
            tags = [etree.QName(c).localname for c in el if isinstance(c.tag, str)]
            ranks = [rank.get(t, -1) for t in tags]
            assert -1 not in ranks, (where, parent, tags)
            assert ranks == sorted(ranks), (where, parent, tags)


def test_property_elements_follow_the_schema_order(docx_path):
    with zipfile.ZipFile(docx_path) as z:
        parts = [n for n in z.namelist()
                 if re.fullmatch(r"word/(document|styles|footer\d+|comments)\.xml", n)]
        assert {"word/document.xml", "word/styles.xml", "word/comments.xml"} <= set(parts)
        for name in parts:
            _check(etree.fromstring(z.read(name)), name)
