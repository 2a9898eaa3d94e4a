"""Where a web page's report text is and how it reads: page furniture (navigation, share bars,
breadcrumbs) dropped, the content box found by where the Chinese text is, and the text walked
into lines (block elements break lines, a table row is one line)."""
from __future__ import annotations

import re

from lxml import etree

from checker.read.source import Origin
from checker.read.lazy_pattern import lazy

CJK = lazy(r"[\u3400-\u9fff\uf900-\ufaff]")
ASCII_WS = lazy(r"[ \t\n\r\f\v]+")
ASCII_WS_CHARS = " \t\n\r\f\v"
ANY_WS = lazy(r"\s+")
SOFT_DROP_TAGS = {"nav", "header", "footer", "aside", "form"}


_FURNITURE_WORDS = (
    "breadcrumb", "crumb", "footer", "header", "toolbar", "share", "sidebar", "qrcode",
    "fontsize", "copyright", "barrier", "navbar", "menu",
)


_FURNITURE_AFFIX = ("nav", "wza", "ewm", "related", "search", "banner")


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


CONTENT_SHARE = 0.3  # a content box must hold this share of the page's CJK text


NESTED_BOX_SHARE = 0.5  # prefer a content box inside another one (article > article-content)


WRAPPER_SHARE = 0.98  # step into an unnamed child of a content box only when it holds nearly all text


BODY_DESCENT_SHARE = 0.85  # without a content box, descend while a child holds this share


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
        count = len(CJK.findall(el.text or ""))
        for child in el:
            count += len(CJK.findall(child.tail or ""))
            if isinstance(child.tag, str):
                count += totals.get(child, 0)
        totals[el] = count
    return totals


def drop_furniture(body: etree._Element) -> None:
    """Remove furniture elements, but never one that holds half the page's text.

    Linear in the page: whether an element holds a big content box is computed bottom-up once,
    and a dropped element's subtree is not visited (nested navigation ``<div>``s made the old
    per-element subtree scan cost depth × elements: a 700 KB page took 65 s)."""
    totals = cjk_totals(body)
    limit = totals.get(body, 0) * 0.5
    holds_content: dict[etree._Element, bool] = {}
    for el in reversed([e for e in body.iter() if isinstance(e.tag, str)]):
        holds_content[el] = (is_content_hint(el) and totals.get(el, 0) >= limit > 0) or any(
            holds_content.get(child, False) for child in el if isinstance(child.tag, str))
    doomed = []
    stack = [child for child in reversed(body) if isinstance(child.tag, str)]
    while stack:
        el = stack.pop()
        if is_furniture(el) and (totals.get(el, 0) < limit or totals.get(el, 0) == 0) \
                and not holds_content.get(el, False):
            doomed.append(el)  # its descendants go with it
            continue
        stack.extend(child for child in reversed(el) if isinstance(child.tag, str))
    for el in doomed:
        el.drop_tree()


def find_container(body: etree._Element, titles: frozenset = frozenset()) -> etree._Element:
    """The element holding the report body: the content box that holds enough of the page's
    Chinese text (``titles``, the page's title elements, do not count)."""
    totals = cjk_totals(body, ignore=titles)
    total = totals.get(body, 0)
    if total == 0:
        return body
    current = body
    boxes = [el for el in body.iter() if isinstance(el.tag, str) and is_content_hint(el)
             and totals.get(el, 0) >= CONTENT_SHARE * total]
    if boxes:
        current = max(boxes, key=lambda el: totals[el])
        span = _spans(body)  # O(1) "is inside", not an ancestor walk per box (depth × boxes)
        for box in boxes:  # document order: deeper boxes come after their ancestors
            if box is not current and span[current][0] < span[box][0] <= span[current][1] \
                    and totals[box] >= NESTED_BOX_SHARE * totals[current]:
                current = box
        share = WRAPPER_SHARE
    else:
        share = BODY_DESCENT_SHARE
    return _descend(current, totals, share)


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


def _spans(top: etree._Element) -> dict:
    """Each node's document-order index and the index of its last descendant."""
    nodes = list(top.iter())
    first = {node: i for i, node in enumerate(nodes)}
    last: dict = {}
    for node in reversed(nodes):
        kids = list(node)
        last[node] = last[kids[-1]] if kids else first[node]
    return {node: (first[node], last[node]) for node in nodes}


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
        if self._origin is None and text.strip(ASCII_WS_CHARS):
            self._origin = sourceline or 1
        self._buf.append(text)

    def add_line(self, line: str, sourceline: int | None) -> None:
        self.end_line()
        if line.strip():
            self.lines.append(line)
            self.origins.append(Origin(sourceline or 1, 1))

    def end_line(self) -> None:
        line = clean("".join(self._buf))
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
                out.add_line(clean(piece), el.sourceline)
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


def clean(text: str) -> str:
    """Collapse ASCII whitespace runs to one space; NBSP and U+3000 are kept for the parser."""
    return ASCII_WS.sub(" ", text).strip(ASCII_WS_CHARS)


def squash(text: str) -> str:
    return ANY_WS.sub("", text)
