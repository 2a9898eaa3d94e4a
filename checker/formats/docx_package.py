"""A new, minimal Word package (.docx) from paragraphs: the extracted text of a report that was
not a .docx (so its comments have a document to sit in), and the 审查意见 memo.

Written with the standard library only: content types, package and document relationships,
styles (a CJK body font, a title, headings) and the document.  Word, WPS and LibreOffice open it.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from checker.read.lazy_pattern import lazy
from checker.read.record import record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STYLES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"

# Characters XML 1.0 cannot carry (a report line never needs them).
_XML_INVALID = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@record(frozen=True)
class Para:
    """One paragraph: its text, a style (None, 'Title', 'Heading1', 'Heading2', 'Small'),
    bold, centred or right-aligned, and cells when it is a table row instead."""

    text: str = ""
    style: str | None = None
    bold: bool = False
    align: str | None = None  # center | right
    cells: tuple[str, ...] = ()
    header: bool = False  # a table row that is the table's header (bold, repeated on each page)


def build(paragraphs: list[Para]) -> bytes:
    """The bytes of a .docx holding the paragraphs (consecutive table rows form one table)."""
    body: list[str] = []
    row_group: list[Para] = []
    for para in paragraphs:
        if para.cells:
            row_group.append(para)
            continue
        if row_group:
            body.append(_table(row_group))
            row_group = []
        body.append(_paragraph(para))
    if row_group:
        body.append(_table(row_group))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" '
                'w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _content_types())
        zf.writestr("_rels/.rels", _package_rels())
        zf.writestr("word/_rels/document.xml.rels", _document_rels())
        zf.writestr("word/document.xml", document)
        zf.writestr("word/styles.xml", _styles())
    return buffer.getvalue()


def _text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


def _runs(text: str, bold: bool) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    out = []
    for i, chunk in enumerate(text.split("\t")):
        if i:
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        if chunk:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_text(chunk)}</w:t></w:r>')
    return "".join(out)


def _paragraph(para: Para) -> str:
    ppr = ""
    inner = (f'<w:pStyle w:val="{para.style}"/>' if para.style else "") + \
        (f'<w:jc w:val="{para.align}"/>' if para.align else "")
    if inner:
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}{_runs(para.text, para.bold)}</w:p>"


def _table(rows: list[Para]) -> str:
    width = max(len(r.cells) for r in rows)
    grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // width) for _ in range(width))
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}</w:tblBorders>'
           f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for row in rows:
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row.header else ""
        cells = list(row.cells) + [""] * (width - len(row.cells))
        out.append(f"<w:tr>{trpr}" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{9000 // width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="Small"/></w:pPr>{_runs(cell, row.header)}</w:p></w:tc>'
            for cell in cells) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _content_types() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{DOC_TYPE}"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{STYLES_TYPE}"/></Types>')


def _package_rels() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>')


def _document_rels() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/></Relationships>')


def _style(style_id: str, name: str, size: int, bold: bool = False, centre: bool = False,
           space_before: int = 0) -> str:
    ppr = f'<w:pPr><w:spacing w:before="{space_before}" w:after="60"/>' + \
        ('<w:jc w:val="center"/>' if centre else "") + "</w:pPr>"
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>')


def _styles() -> str:
    fonts = '<w:rFonts w:ascii="Noto Serif CJK SC" w:hAnsi="Noto Serif CJK SC" w:eastAsia="Noto Serif CJK SC" ' \
            'w:cs="Noto Serif CJK SC"/>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="22"/><w:szCs w:val="22"/>'
            '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr>'
            '</w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
            + _style("Title", "Title", 36, bold=True, centre=True, space_before=120)
            + _style("Heading1", "heading 1", 26, bold=True, space_before=200)
            + _style("Heading2", "heading 2", 23, bold=True, space_before=120)
            + _style("Small", "Small", 20)
            + "</w:styles>")
