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

from checker.read.lazy_pattern import lazy

from .html_content import ANY_WS, CJK, clean, drop_furniture, extract_lines, find_container, squash
from .limits import DEFAULT_MAX_ELEMENTS, Limits, count_tags, resolve
from .source import InputError, Origin, Source
from .text import BAD_BYTES_MESSAGE, Decoded, check_no_nul, check_not_binary, decode_bytes, normalise_codec

DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "select", "button", "input",
    "textarea", "object", "embed", "canvas", "audio", "video", "map", "link",
)
# Dropped like furniture, i.e. unless they hold most of the text: old ASP.NET portals wrap
# the whole page in one <form>, some templates put the article inside <header>/<aside>.

# id/class/role text that marks page furniture: these words anywhere (bdsharebuttonbox) …
# … these at the start or end of a token split on space, '-' and '_' (topnav, wzaBar) …
# … and these only as whole tokens, since they are common inside other words.


_META_CHARSET = lazy(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_XML_DECL = lazy(r"^\s*<\?xml[^>]*\?>")
_CONTROL = lazy("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_DATE_RE = lazy(_DATE)
_DATE_LABELS = (
    lazy(r"(?:发布时间|发布日期|发布于)\s*[:：]?\s*" + _DATE),
    lazy(r"(?:更新时间|更新日期)\s*[:：]?\s*" + _DATE),
    lazy(r"(?:日期|时间)\s*[:：]?\s*" + _DATE),
)
_DATE_METAS = {
    "pubdate", "publishdate", "publish_date", "publishtime", "pubtime", "firstpublishedtime",
    "article:published_time", "article:publish_time", "og:release_date", "dc.date",
    "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "dcterms.date",
    "weibo:article:create_at", "date", "releasedate",
}
_TITLE_SPLIT = lazy(r"\s*(?:_|\||｜| - | – | — |——|－－|(?<=报告|总结)[-—–](?!\d))\s*")


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
    source.site_names = find_site_names(root)
    body = _body(root)
    drop_furniture(body)
    container = find_container(body, _title_elements(body))
    above = _short_lines_above(body, container)
    if title is None:
        title, title_line = _title_before(above)
        source.title_hint = title
    lines, origins = extract_lines(container)
    source.page_info = tuple(text for text in _page_info(above) if not any(text in l for l in lines[:3]))
    if title and (not lines or squash(lines[0]) != squash(title)):
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
    text = ANY_WS.sub(" ", _body(root).text_content())
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


# What a report's title holds and a site's name does not (某县人民政府门户网站).
REPORT_WORDS = lazy(r"报告|总结|情况|年度")
# Class or id of a title element in government CMSs: title, tit, art_tit, biaoti, headline, bt.
TITLE_CLASS = lazy(r"title|(?<![a-z])tit|[_-]tit|biaoti|headline|(?<![a-z])bt(?![a-z])")


def find_title(root: etree._Element) -> tuple[str | None, int | None]:
    """The report title and its source line: a heading that matches the <title>, else the <title>."""
    page_title, page_line = _page_title(root)
    candidates = _title_candidates(_body(root))
    if page_title and not REPORT_WORDS.search(page_title):
        # <title> is the site's name alone (某县人民政府门户网站): a heading that names a report wins
        named = [(t, ln) for t, ln, _ in candidates if REPORT_WORDS.search(t) and CJK.search(t)]
        return named[0] if named else (None, None)
    if page_title:
        stem = page_title.rstrip("…. ")
        matching = [(t, ln) for t, ln, _ in candidates
                    if t == page_title or t.startswith(stem) or (len(t) >= 8 and page_title.startswith(t))]
        if matching:
            return max(matching, key=lambda c: len(c[0]))
        return page_title, page_line
    for text, line, tag in candidates:
        if tag != "h2" and len(text) >= 6 and CJK.search(text):
            return text, line
    return None, None


# The page's line about the article (发布时间 2025-03-21 来源:某局 浏览次数): a date or a label.
INLINE_TAGS = frozenset({"span", "em", "strong", "b", "i", "font", "label", "small", "time", "br"})
PAGE_INFO = lazy(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?:来源|发布机构|发布单位|发文机关)\s*[:：]")


def _page_info(above: list[tuple[str, int | None]]) -> list[str]:
    """The short lines above the article's text that date it or say where it comes from
    (<div class=info>2025-03-21 来源:某局</div>), which the content's container leaves out: the
    last three before the content."""
    found: list[str] = []
    for text, _ in above:
        if PAGE_INFO.search(text) and not (found and text in found[-1]):  # not a span of the line taken
            found.append(text)
    return found[-3:]


def _short_lines_above(body: etree._Element, container: etree._Element) -> list[tuple[str, int | None]]:
    """Each element above the content that is a short line of its own, with its text and source
    line, in page order: where the page's title and info line are looked for, in one pass."""
    found = []
    for el in body.iter():
        if el is container:
            break
        text = _short_line(el)
        if text:
            found.append((text, el.sourceline))
    return found


def _short_line(el: etree._Element) -> str | None:
    """The text of an element that is a short line of its own (inline text only, at most 120
    characters, not inside a link), else None.  It looks at most two levels down and four up,
    so a page nested thousands deep costs no more than a flat one."""
    if not isinstance(el.tag, str) or len(el) > 30 or _in_link(el):
        return None
    if any(isinstance(child.tag, str) and (child.tag not in INLINE_TAGS or len(child) > 3) for child in el):
        return None
    text = clean(el.text_content())
    return text if text and len(text) <= 120 else None


def _in_link(el: etree._Element) -> bool:
    for _ in range(4):
        if el is None:
            return False
        if el.tag == "a":
            return True
        el = el.getparent()
    return False


# A report's title as a line of its own: it names 法治 or 依法行政 and ends as a report does.
TITLE_LIKE = lazy(r"(?:法治|依法行政).{0,30}(?:报告|总结|情况)$")


def _title_before(above: list[tuple[str, int | None]]) -> tuple[str | None, int | None]:
    """A page with no title element and a <title> that is only the site's name: the nearest
    short line above the content that reads as a report's title (a link is not one: the lists
    beside an article link to other years' reports)."""
    titles = [(text, line) for text, line in above if 6 <= len(text) <= 90 and CJK.search(text) and TITLE_LIKE.search(text)]
    return titles[-1] if titles else (None, None)


def _page_title(root: etree._Element) -> tuple[str | None, int | None]:
    """<meta name=ArticleTitle> or <title> without the site name after _ | -."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").strip().lower() in {"articletitle", "title", "dc.title"}:
            value = clean(meta.get("content") or "")
            if value and CJK.search(value):
                return value, meta.sourceline
    title_el = root.find(".//title")
    if title_el is None:
        return None, None
    raw = clean(title_el.text_content())
    parts = [p for p in _TITLE_SPLIT.split(raw) if p.strip()]
    if not parts:
        return None, None
    chosen = next((p for p in parts if "报告" in p), parts[0])
    return chosen.strip(), title_el.sourceline


# Publisher first (发布机构 as government CMSs tag it), then the site's own name.
_SITE_METAS = ("contentsource", "sitename", "og:site_name", "site_name", "application-name",
               "apple-mobile-web-app-title")


def find_site_names(root: etree._Element) -> tuple[str, ...]:
    """What the page says of who publishes it: its publisher and site-name meta tags, then the
    parts of its <title> that are not the report's title (…报告_法治政府_某区人民政府门户网站).
    A last resort for the issuer when the text names none (a saved page says 我局 only)."""
    found: dict[str, None] = {}
    metas = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        value = clean(meta.get("content") or "")
        if key in _SITE_METAS and value and CJK.search(value):
            metas.setdefault(key, value)
    for key in _SITE_METAS:
        if key in metas:
            found[metas[key]] = None
    title_el = root.find(".//title")
    if title_el is not None:
        for part in _TITLE_SPLIT.split(clean(title_el.text_content())):
            if part.strip() and "报告" not in part and CJK.search(part):
                found[part.strip()] = None
    return tuple(found)


def _title_candidates(body: etree._Element) -> list[tuple[str, int | None, str]]:
    """Visible headings and elements whose class/id mentions 'title', in document order."""
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if el.tag in {"h1", "h2"} or TITLE_CLASS.search(attrs):
            text = clean(el.text_content())
            if 4 <= len(text) <= 200:
                found.append((text, el.sourceline, el.tag))
    return found


# --- furniture and the content container ---------------------------------------------


def _title_elements(body: etree._Element) -> frozenset:
    """h1 and short elements whose class/id mentions 'title'."""
    found = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if (el.tag == "h1" or TITLE_CLASS.search(attrs)) and len(el.text_content()) <= 200:
            found.append(el)
    return frozenset(found)


# --- text extraction ------------------------------------------------------------------


# --- small helpers --------------------------------------------------------------------


def _extracted_line_for(origins: list[Origin], raw_line: int) -> int:
    """First extracted line at or after a raw source line (for decoding warnings)."""
    for index, origin in enumerate(origins, start=1):
        if origin.line >= raw_line:
            return index
    return max(1, len(origins))
