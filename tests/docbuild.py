"""Build small but real .docx files and saved government web pages for tests and samples.

The .docx output is a minimal valid package (Word and WPS open it): content types, package
and document relationships, the main document, and optionally numbering, styles and core
properties.  The HTML output imitates a saved district-government portal page with all the
furniture the reader has to ignore.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Characters XML 1.0 cannot carry; a report line never needs them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Level formats of the list used for numbered headings: 一、 / （一） / 1. / ①
NUMBERING_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimalEnclosedCircle", "%4"),
)


# --- .docx ------------------------------------------------------------------------------

def make_docx(lines: list[str], *, title: str | None = None, numbered: dict[int, int] | None = None,
              tables: dict[int, list[list[str]]] | None = None, numbered_via_style: bool = False) -> bytes:
    """A .docx with one paragraph per line.

    ``numbered`` maps a 0-based line index to a list level (0 → 一、, 1 → （一）, 2 → 1.,
    3 → ①); those paragraphs get automatic numbering instead of literal labels.  With
    ``numbered_via_style`` level-0 paragraphs take their numbering from a heading style,
    as WPS templates do.  ``tables`` maps a line index to rows of cells inserted before it
    (an index equal to ``len(lines)`` appends the table at the end).
    """
    numbered = numbered or {}
    tables = tables or {}
    body: list[str] = []
    for index, line in enumerate(lines):
        if index in tables:
            body.append(table_xml(tables[index]))
        level = numbered.get(index)
        style = "Heading1" if (level == 0 and numbered_via_style) else None
        body.append(paragraph_xml(line, level=None if style else level, style=style))
    if len(lines) in tables:
        body.append(table_xml(tables[len(lines)]))
    return docx_from_body(
        "".join(body),
        numbering_xml=numbering_xml() if numbered else None,
        styles_xml=styles_xml(numbered_heading=numbered_via_style) if numbered else None,
        title=title,
    )


def paragraph_xml(text: str, *, level: int | None = None, style: str | None = None, num_id: int = 1) -> str:
    """One w:p; the text is split into several runs (Word rarely keeps a line in one run)."""
    ppr = ""
    if style or level is not None:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if level is not None:
            inner += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}{''.join(run_xml(piece) for piece in _run_pieces(text))}</w:p>"


def run_xml(text: str) -> str:
    """A w:r; tabs become w:tab, everything else goes into w:t with spaces preserved."""
    parts = []
    for i, chunk in enumerate(_XML_INVALID.sub("", text).split("\t")):
        if i:
            parts.append("<w:tab/>")
        if chunk:
            parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr>{''.join(parts)}</w:r>"


def table_xml(rows: list[list[str]]) -> str:
    """A simple bordered table; each cell holds one paragraph (Word requires at least one)."""
    width = max((len(r) for r in rows), default=1)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{paragraph_xml(c)}</w:tc>'
                           for c in row) + "</w:tr>"
        for row in rows
    )
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
            '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def numbering_xml(levels: tuple[tuple[str, str], ...] = NUMBERING_LEVELS) -> str:
    """numbering.xml with one multi-level list (abstractNum 0, num 1), no tab after labels."""
    lvls = "".join(
        # Word validates child order: start, numFmt, suff, lvlText, lvlJc, pPr.
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="{640}"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def styles_xml(*, numbered_heading: bool = False) -> str:
    """Normal plus Heading1; Heading1 carries list numbering when ``numbered_heading``."""
    numpr = '<w:numPr><w:numId w:val="1"/></w:numPr>' if numbered_heading else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
            f'<w:basedOn w:val="Normal"/><w:pPr>{numpr}<w:outlineLvl w:val="0"/></w:pPr></w:style>'
            "</w:styles>")


def docx_from_body(body_xml: str, *, numbering_xml: str | None = None, styles_xml: str | None = None,
                   title: str | None = None, document_xml: str | None = None,
                   extra_parts: dict[str, bytes | str] | None = None, omit: tuple[str, ...] = ()) -> bytes:
    """Package body XML (the inside of w:body) as a .docx; tests can swap or omit any part."""
    if document_xml is None:
        document_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body_xml}'
                        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
                        'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": _content_types(numbering_xml is not None, styles_xml is not None, title is not None),
        "_rels/.rels": _package_rels(title is not None),
        "word/_rels/document.xml.rels": _document_rels(numbering_xml is not None, styles_xml is not None),
        "word/document.xml": document_xml,
    }
    if numbering_xml is not None:
        parts["word/numbering.xml"] = numbering_xml
    if styles_xml is not None:
        parts["word/styles.xml"] = styles_xml
    if title is not None:
        parts["docProps/core.xml"] = _core_xml(title)
    parts.update(extra_parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            if name not in omit:
                zf.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def _content_types(numbering: bool, styles: bool, core: bool) -> str:
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
    if numbering:
        overrides.append('<Override PartName="/word/numbering.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
    if styles:
        overrides.append('<Override PartName="/word/styles.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>')
    if core:
        overrides.append('<Override PartName="/docProps/core.xml" '
                         'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")


def _package_rels(core: bool) -> str:
    rels = [f'<Relationship Id="rId1" Type="{REL_BASE}/officeDocument" Target="word/document.xml"/>']
    if core:
        rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                    'relationships/metadata/core-properties" Target="docProps/core.xml"/>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{REL_NS}">'
            + "".join(rels) + "</Relationships>")


def _document_rels(numbering: bool, styles: bool) -> str:
    rels = []
    if styles:
        rels.append(f'<Relationship Id="rId1" Type="{REL_BASE}/styles" Target="styles.xml"/>')
    if numbering:
        rels.append(f'<Relationship Id="rId2" Type="{REL_BASE}/numbering" Target="numbering.xml"/>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{REL_NS}">'
            + "".join(rels) + "</Relationships>")


def _core_xml(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>fzcheck</dc:creator></cp:coreProperties>")


def _run_pieces(text: str) -> list[str]:
    """Split a line after each Chinese comma so paragraphs have several runs, as in real drafts."""
    pieces = re.findall(r"[^，]*，|[^，]+$", text)
    return [p for p in pieces if p] or [""]


# --- saved web page ---------------------------------------------------------------------

SITE = "某区人民政府门户网站"


def make_html(lines: list[str], *, title: str | None = None, published: str | None = None,
              furniture: bool = True, charset: str = "utf-8") -> str:
    """A saved government page around ``lines`` (one <p> each); encode it with ``charset``.

    ``title`` defaults to the first non-blank line.  With ``furniture`` the page has what real
    portals have around an article: accessibility widget, header, nav, breadcrumb, info bar,
    share bar, related links, footer and scripts.
    """
    if title is None:
        title = next((ln.strip() for ln in lines if ln.strip()), "")
    paragraphs = "\n".join(f'<p style="text-indent: 2em;">{_html_text(line)}</p>' for line in lines)
    content = f'<div class="article-content" id="zoom">\n{paragraphs}\n</div>'
    head = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"<title>{_html_text(title)}_法治政府_{SITE}</title>\n")
    if not furniture:
        return f"<!DOCTYPE html>\n<html>\n<head>\n{head}</head>\n<body>\n{content}\n</body>\n</html>\n"
    date_meta = f'<meta name="PubDate" content="{published} 09:30">\n' if published else ""
    date_info = f"<span>发布时间：{published}</span>" if published else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{head}<meta name="SiteName" content="{SITE}">
<meta name="ColumnName" content="法治政府">
<meta name="ArticleTitle" content={quoteattr(title)}>
{date_meta}<link rel="stylesheet" href="/css/common.css">
<style>.nav li{{float:left}} p{{line-height:2}}</style>
<script>var _hmt = _hmt || []; document.write("统计代码 首页 政务公开");</script>
</head>
<body>
<div id="cniil_wza" class="wza-toolbar" role="toolbar">
  <span>读屏专用</span><a>声音开关</a><a>语速</a><a>阅读方式</a><a>配色</a><a>放大</a><a>缩小</a>
  <a>鼠标样式</a><a>十字线</a><a>大字幕</a><a>快捷方式</a><a>重置</a><a>退出服务</a>
</div>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="{SITE}">{SITE}</div>
  <div class="top-search"><form action="/search"><input type="text" name="q" value="请输入关键词">
  <button type="submit">搜索</button></form></div>
</div>
<div class="nav" id="nav">
  <ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zmhd/">政民互动</a></li><li><a href="/bsfw/">办事服务</a></li>
  <li><a href="/fzzf/">法治政府</a></li></ul>
</div>
<div class="main">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/fzzf/">法治政府</a></div>
  <div class="article">
    <h1 class="article-title">{_html_text(title)}</h1>
    <div class="article-info">
      <span>信息来源：区政府办公室</span>{date_info}
      <span class="fontsize">【字号：<a>大</a> <a>中</a> <a>小</a>】</span>
      <span class="print"><a href="javascript:window.print()">打印本页</a></span>
    </div>
    {content}
    <div class="article-share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
    <div class="related-articles"><h3>相关文章</h3>
      <ul><li><a>某区人民政府2023年法治政府建设情况报告</a></li>
      <li><a>关于印发《某区法治政府建设实施方案》的通知</a></li></ul>
    </div>
  </div>
</div>
<div class="footer">
  <p>主办单位：某区人民政府办公室　承办单位：某区大数据中心</p>
  <p>ICP备案：沪ICP备12345678号-1　网站标识码：3101130001　沪公网安备 31011302000001号</p>
</div>
<script type="text/javascript">
  $(function() {{ $(".nav li").hover(function() {{ $(this).addClass("on"); }}); }});
  var tip = "<p>脚本里的段落不是正文</p>";
</script>
</body>
</html>
"""


def _html_text(text: str) -> str:
    """Escape for HTML; NBSP as &nbsp; as CMS editors save it."""
    return html.escape(_XML_INVALID.sub("", text), quote=False).replace("\xa0", "&nbsp;")
