"""Saved government web pages: keep the report body, drop the page furniture.

A published report is usually checked as the page people actually read: a portal template
with navigation, breadcrumb, an info bar (信息来源/发布时间), share buttons, an accessibility
widget (无障碍/读屏专用) and a footer around the article.  Only the article is report text;
the page title and publication date are metadata the rules need (title, the deadline rule).

How the body is found (cheap heuristics that work on the common CMSs, TRS/Hanweb/…):
1. drop non-text tags (script, style, nav, footer, form …) and elements whose id/class/role
   says they are furniture (nav, breadcrumb, share, wza …), unless they hold most of the text;
2. among elements whose id/class looks like a content box (article, content, TRS_Editor,
   zoom …) take the one with the most CJK text, then step into a child that holds nearly all
   of it (a pure wrapper); without such a box, descend from <body> towards the block that
   holds most of the CJK text;
3. emit one line per block; table rows become one line with cells joined by a tab.
"""
from __future__ import annotations

import re
from datetime import date

import lxml.html
from lxml import etree

from checker.readers.text import (BAD_BYTES_MESSAGE, Decoded, check_no_nul, check_not_binary, decode_bytes,
                                  normalise_codec)
from checker.limits import DEFAULT_MAX_ELEMENTS, Limits, count_tags, resolve
from checker.source import InputError, Origin, Source

DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "select", "button", "input",
    "textarea", "object", "embed", "canvas", "audio", "video", "map", "link",
)
# Dropped like furniture, i.e. unless they hold most of the text: old ASP.NET portals wrap
# the whole page in one <form>, some templates put the article inside <header>/<aside>.
SOFT_DROP_TAGS = {"nav", "header", "footer", "aside", "form"}

# id/class/role text that marks page furniture: these words anywhere (bdsharebuttonbox) …
_FURNITURE_WORDS = (
    "breadcrumb", "crumb", "footer", "header", "toolbar", "share", "sidebar", "qrcode",
    "fontsize", "copyright", "barrier", "navbar", "menu",
)
# … these at the start or end of a token split on space, '-' and '_' (topnav, wzaBar) …
_FURNITURE_AFFIX = ("nav", "wza", "ewm", "related", "search", "banner")
# … and these only as whole tokens, since they are common inside other words.
_FURNITURE_EXACT = {
    "print", "bottom", "logo", "location", "position", "foot", "head", "tools", "login",
    "gotop", "backtop", "xgwz", "dyan", "fxd", "ft", "hd", "top",
}
_FURNITURE_CJK = ("无障碍", "读屏", "导航", "面包屑", "分享")

_CONTENT_EXACT = {
    "zoom", "view", "detail", "content", "article", "text", "zw", "nr", "con", "contents",
    "maintext", "main-text", "trs_editor", "custom_unionstyle", "artibody", "txt", "wzy",
    "zhengwen", "wenzhang",
}
_CONTENT_PARTS = ("content", "article", "detail", "trs_editor", "unionstyle", "zhengwen", "artibody")

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "section", "article",
    "main", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr",
    "fieldset", "legend", "details", "summary", "body", "html",
}
_CONTAINER_TAGS = {"div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "font", "span"}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_WS = re.compile(r"[ \t\n\r\f\v]+")
_ASCII_WS_CHARS = " \t\n\r\f\v"
_ANY_WS = re.compile(r"\s+")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_DATE_RE = re.compile(_DATE)
_DATE_LABELS = (
    re.compile(r"(?:发布时间|发布日期|发布于)\s*[:：]?\s*" + _DATE),
    re.compile(r"(?:更新时间|更新日期)\s*[:：]?\s*" + _DATE),
    re.compile(r"(?:日期|时间)\s*[:：]?\s*" + _DATE),
)
_DATE_METAS = {
    "pubdate", "publishdate", "publish_date", "publishtime", "pubtime", "firstpublishedtime",
    "article:published_time", "article:publish_time", "og:release_date", "dc.date",
    "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "dcterms.date",
    "weibo:article:create_at", "date", "releasedate",
}
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | – | — |——|－－)\s*")
CONTENT_SHARE = 0.3  # a content box must hold this share of the page's CJK text
NESTED_BOX_SHARE = 0.5  # prefer a content box inside another one (article > article-content)
WRAPPER_SHARE = 0.98  # step into an unnamed child of a content box only when it holds nearly all text
BODY_DESCENT_SHARE = 0.85  # without a content box, descend while a child holds this share


def read_html(data: bytes, path: str, limits: Limits | None = None) -> Source:
    """Extract the report text of a saved web page, one block per line."""
    limits = resolve(limits)
    check_not_binary(data, path)
    decoded = _decode(data)
    check_no_nul(decoded.text, path, "网页")
    # libxml2 cannot hold C0 control characters, and they are never report text.
    text = _CONTROL.sub("", _XML_DECL.sub("", decoded.text, count=1))
    source = Source(path=path, lines=[], kind="html", encoding=decoded.encoding, expects_date=True)
    if not text.strip():
        source.warnings.append((1, "文件为空，没有任何网页内容；请确认文件已完整保存"))
        return source
    max_elements = limits.max_elements if limits is not None else DEFAULT_MAX_ELEMENTS
    tags = count_tags(text)
    if tags > max_elements:
        raise InputError(path, f"网页含有约 {tags} 个标签，超过 {max_elements} 的上限，不像是一篇报告；未检查",
                         "请确认文件来源可靠，或另存为纯文本（.txt）后检查；确需检查时可用 --max-elements 调高上限")
    root = _parse(text, path)
    _strip_tags(root)
    source.published = find_published(root)
    title, title_line = find_title(root)
    source.title_hint = title
    body = _body(root)
    _drop_furniture(body)
    container = find_container(body)
    lines, origins = extract_lines(container)
    if title and (not lines or _squash(lines[0]) != _squash(title)):
        lines.insert(0, title)
        origins.insert(0, Origin(title_line or 1, 1))
    source.lines, source.origins = lines, origins
    if not any(line.strip() for line in lines):
        source.warnings.append((1, "网页中没有找到正文文字；请确认保存的是报告全文页面（而不是目录页或只含图片的页面）"))
    if decoded.bad_line is not None:
        line = _extracted_line_for(origins, decoded.bad_line)
        source.warnings.append((line, BAD_BYTES_MESSAGE.format(line=line)))
    return source


# --- decoding and parsing -------------------------------------------------------------

def _decode(data: bytes) -> Decoded:
    """BOM, valid UTF-8, then the page's own <meta charset>, then GB18030 (see decode_bytes)."""
    match = _META_CHARSET.search(data[:4096])
    declared = normalise_codec(match.group(1).decode("ascii", "replace")) if match else None
    if declared and declared.startswith("utf-16"):
        declared = None  # a byte-readable meta tag means the page is not really UTF-16
    return decode_bytes(data, declared)


def _parse(text: str, path: str) -> etree._Element:
    """Parse leniently but safely: no network, no comments; libxml2 errors → InputError."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"无法解析网页：{exc}", "请确认文件是完整保存的网页（.html）") from None
    if root is None:
        raise InputError(path, "无法解析网页：文档为空", "请确认文件是完整保存的网页（.html）")
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        # libxml2 stops at 256 levels of nesting or a 10 MB text node and drops the rest silently.
        raise InputError(path, "网页结构嵌套过深（超过 256 层）或单段文字过长（超过 10 MB），无法完整读取",
                         "请另存为纯文本（.txt）后重试")
    return root


def _strip_tags(root: etree._Element) -> None:
    """Remove non-text elements but keep the text that follows them (their tail)."""
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)


def _body(root: etree._Element) -> etree._Element:
    body = root.find("body")
    return body if body is not None else root


# --- metadata ---------------------------------------------------------------------------

def find_published(root: etree._Element) -> str | None:
    """YYYY-MM-DD from date meta tags, else from text labelled 发布时间/更新时间/日期."""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_METAS:
            found = _parse_date(meta.get("content") or "")
            if found:
                return found
    text = _ANY_WS.sub(" ", _body(root).text_content())
    for pattern in _DATE_LABELS:
        for match in pattern.finditer(text):
            found = _ymd(*match.groups())
            if found:
                return found
    return None


def _parse_date(value: str) -> str | None:
    match = _DATE_RE.search(value)
    return _ymd(*match.groups()) if match else None


def _ymd(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def find_title(root: etree._Element) -> tuple[str | None, int | None]:
    """The report title and its source line: a heading that matches the <title>, else the <title>."""
    page_title, page_line = _page_title(root)
    candidates = _title_candidates(_body(root))
    if page_title:
        stem = page_title.rstrip("…. ")
        matching = [(t, ln) for t, ln, _ in candidates
                    if t == page_title or t.startswith(stem) or (len(t) >= 8 and page_title.startswith(t))]
        if matching:
            return max(matching, key=lambda c: len(c[0]))
        return page_title, page_line
    for text, line, tag in candidates:
        if tag != "h2" and len(text) >= 6 and _CJK.search(text):
            return text, line
    return None, None


def _page_title(root: etree._Element) -> tuple[str | None, int | None]:
    """<meta name=ArticleTitle> or <title> without the site name after _ | -."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").strip().lower() in {"articletitle", "title", "dc.title"}:
            value = _clean(meta.get("content") or "")
            if value and _CJK.search(value):
                return value, meta.sourceline
    title_el = root.find(".//title")
    if title_el is None:
        return None, None
    raw = _clean(title_el.text_content())
    parts = [p for p in _TITLE_SPLIT.split(raw) if p.strip()]
    if not parts:
        return None, None
    chosen = next((p for p in parts if "报告" in p), parts[0])
    return chosen.strip(), title_el.sourceline


def _title_candidates(body: etree._Element) -> list[tuple[str, int | None, str]]:
    """Visible headings and elements whose class/id mentions 'title', in document order."""
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if el.tag in {"h1", "h2"} or "title" in attrs:
            text = _clean(el.text_content())
            if 4 <= len(text) <= 200:
                found.append((text, el.sourceline, el.tag))
    return found


# --- furniture and the content container ---------------------------------------------

def _attr_tokens(el: etree._Element) -> tuple[str, list[str]]:
    raw = " ".join(el.get(a) or "" for a in ("id", "class", "role")).lower()
    return raw, [t for t in re.split(r"[\s_\-]+", raw) if t]


def is_furniture(el: etree._Element) -> bool:
    """Does the element's id/class/role say it is navigation, share, accessibility … ?"""
    if el.tag in SOFT_DROP_TAGS:
        return True
    raw, tokens = _attr_tokens(el)
    if not raw:
        return False
    if any(word in raw for word in _FURNITURE_CJK + _FURNITURE_WORDS):
        return True
    for token in tokens:
        if token in _FURNITURE_EXACT:
            return True
        if any(token.startswith(k) or token.endswith(k) for k in _FURNITURE_AFFIX):
            return True
    return False


def is_content_hint(el: etree._Element) -> bool:
    """Does the element's id/class look like a CMS article box (TRS_Editor, zoom, content …)?"""
    names = " ".join(el.get(a) or "" for a in ("id", "class")).lower().split()
    return any(n in _CONTENT_EXACT or any(p in n for p in _CONTENT_PARTS) for n in names)


def cjk_totals(top: etree._Element, ignore: frozenset = frozenset()) -> dict[etree._Element, int]:
    """CJK characters under each element, computed bottom-up in one pass.

    Elements in ``ignore`` (the page title) count as empty: the title sits beside the
    article box, and counting it would make short articles lose to their wrapper.
    """
    elements = [el for el in top.iter() if isinstance(el.tag, str)]
    totals: dict[etree._Element, int] = {}
    for el in reversed(elements):
        if el in ignore:
            totals[el] = 0
            continue
        count = len(_CJK.findall(el.text or ""))
        for child in el:
            count += len(_CJK.findall(child.tail or ""))
            if isinstance(child.tag, str):
                count += totals.get(child, 0)
        totals[el] = count
    return totals


def _drop_furniture(body: etree._Element) -> None:
    """Remove furniture elements, but never one that holds half the page's text."""
    totals = cjk_totals(body)
    limit = totals.get(body, 0) * 0.5
    doomed = [el for el in body.iter()
              if isinstance(el.tag, str) and el is not body and is_furniture(el)
              and (totals.get(el, 0) < limit or totals.get(el, 0) == 0)
              and not any(is_content_hint(d) and totals.get(d, 0) >= limit > 0 for d in el.iter())]
    for el in doomed:
        if el.getparent() is not None and _attached(el, body):
            el.drop_tree()


def _attached(el: etree._Element, top: etree._Element) -> bool:
    """Still inside ``top`` (an ancestor may already have been dropped)."""
    node = el
    while node is not None:
        if node is top:
            return True
        node = node.getparent()
    return False


def find_container(body: etree._Element) -> etree._Element:
    """The element holding the report body (see the module docstring)."""
    totals = cjk_totals(body, ignore=_title_elements(body))
    total = totals.get(body, 0)
    if total == 0:
        return body
    current = body
    boxes = [el for el in body.iter() if isinstance(el.tag, str) and is_content_hint(el)
             and totals.get(el, 0) >= CONTENT_SHARE * total]
    if boxes:
        current = max(boxes, key=lambda el: totals[el])
        for box in boxes:  # document order: deeper boxes come after their ancestors
            if box is not current and _is_inside(box, current) and totals[box] >= NESTED_BOX_SHARE * totals[current]:
                current = box
        share = WRAPPER_SHARE
    else:
        share = BODY_DESCENT_SHARE
    return _descend(current, totals, share)


def _title_elements(body: etree._Element) -> frozenset:
    """h1 and short elements whose class/id mentions 'title'."""
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if (el.tag == "h1" or "title" in attrs) and len(el.text_content()) <= 200:
            found.append(el)
    return frozenset(found)


def _descend(current: etree._Element, totals: dict, share: float) -> etree._Element:
    """Step into the container child that holds at least ``share`` of the text, repeatedly."""
    while True:
        kids = [c for c in current if isinstance(c.tag, str) and c.tag in _CONTAINER_TAGS]
        if not kids or totals.get(current, 0) == 0:
            return current
        best = max(kids, key=lambda c: totals.get(c, 0))
        if totals.get(best, 0) < share * totals[current]:
            return current
        current = best


def _is_inside(el: etree._Element, ancestor: etree._Element) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


# --- text extraction ------------------------------------------------------------------

class _LineBuilder:
    """Accumulates inline text; a block boundary or <br> ends the current line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[Origin] = []
        self._buf: list[str] = []
        self._origin: int | None = None

    def add(self, text: str | None, sourceline: int | None) -> None:
        if not text:
            return
        if self._origin is None and text.strip(_ASCII_WS_CHARS):
            self._origin = sourceline or 1
        self._buf.append(text)

    def add_line(self, line: str, sourceline: int | None) -> None:
        self.end_line()
        if line.strip():
            self.lines.append(line)
            self.origins.append(Origin(sourceline or 1, 1))

    def end_line(self) -> None:
        line = _clean("".join(self._buf))
        if line.strip():  # a line of only NBSP / U+3000 is blank too
            self.lines.append(line)
            self.origins.append(Origin(self._origin or 1, 1))
        self._buf, self._origin = [], None


def extract_lines(container: etree._Element) -> tuple[list[str], list[Origin]]:
    """Lines and their source lines for the text under ``container``."""
    out = _LineBuilder()
    _walk(container, out)
    out.end_line()
    return out.lines, out.origins


def _walk(top: etree._Element, out: _LineBuilder) -> None:
    """Iterative document-order walk (deep pages must not exhaust the Python stack)."""
    stack: list[tuple[etree._Element, bool]] = [(top, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in BLOCK_TAGS:
                out.end_line()
            if el is not top:
                out.add(el.tail, el.sourceline)
            continue
        if tag == "br":
            out.end_line()
            out.add(el.tail, el.sourceline)
            continue
        if tag == "tr" and _emit_row(el, out):
            out.add(el.tail, el.sourceline)
            continue
        if tag == "pre":
            out.end_line()
            for piece in el.text_content().splitlines():
                out.add_line(_clean(piece), el.sourceline)
            out.add(el.tail, el.sourceline)
            continue
        if tag in BLOCK_TAGS:
            out.end_line()
        if tag:
            out.add(el.text, el.sourceline)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def _emit_row(tr: etree._Element, out: _LineBuilder) -> bool:
    """A data row becomes one tab-joined line; layout rows (whole articles) are walked instead."""
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in {"td", "th"}]
    if not cells:
        return False
    if any(c.find(".//table") is not None for c in cells):
        return False  # checked before extracting: nested tables would otherwise be walked 2^depth times
    cell_lines = [extract_lines(c)[0] for c in cells]
    non_empty = [ls for ls in cell_lines if ls]
    if len(non_empty) <= 1 and sum(len(ls) for ls in cell_lines) > 1:
        return False  # a single text-bearing cell with several blocks: a layout table
    if any(len(ls) > 3 for ls in cell_lines):
        return False
    row = "\t".join(" ".join(ls) for ls in cell_lines).strip("\t")
    out.add_line(row, tr.sourceline)
    return True


# --- small helpers --------------------------------------------------------------------

def _clean(text: str) -> str:
    """Collapse ASCII whitespace runs to one space; NBSP and U+3000 are kept for the parser."""
    return _ASCII_WS.sub(" ", text).strip(_ASCII_WS_CHARS)


def _squash(text: str) -> str:
    return _ANY_WS.sub("", text)


def _extracted_line_for(origins: list[Origin], raw_line: int) -> int:
    """First extracted line at or after a raw source line (for decoding warnings)."""
    for index, origin in enumerate(origins, start=1):
        if origin.line >= raw_line:
            return index
    return max(1, len(origins))
