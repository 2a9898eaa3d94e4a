"""Word/WPS .docx reader with zipfile + lxml only (no python-docx dependency).

Output is one line per body paragraph, in document order, as Word shows it:
* runs are joined; ``w:tab`` → tab; ``w:br``/``w:cr`` (text wrapping) start a new line
  (page and column breaks do not); deleted text (``w:del``/``w:delText``/``w:moveFrom``) is
  skipped, inserted text (``w:ins``) is kept; hyperlinks, smart tags, content controls
  (``w:sdt``) and custom XML are read through; field instructions are skipped, field results
  kept; text boxes, drawings and ruby annotations are not report text and are skipped;
* a table row becomes one line: cells joined by a tab, paragraphs in a cell by a space;
* automatic list numbering (``w:numPr``, direct or inherited from the paragraph style) is
  rendered and prefixed, because drafts number their 一、/（一）/1. headings this way and the
  parser must see those labels.  Counters follow Word: ``w:num`` instances that share an
  ``w:abstractNum`` continue one list unless the instance restarts it (``w:startOverride``);
  a shallower level resets the deeper ones.  The label's suffix is rendered as nothing for
  a ``tab``/``nothing`` suffix after CJK punctuation (一、 （一）), else as one space.

``origins[i].line`` is the 1-based ordinal of the ``w:p`` the line came from, counting body
and table-cell paragraphs in document.xml order (text-box paragraphs are not counted); a
table row points at its first paragraph.  Empty paragraphs are kept as empty lines so the
ordinal and the line number agree for simple documents.

Safety: parts are parsed without DTD loading, entity resolution or network access; a part
whose declared or actual uncompressed size exceeds the part limit (``--max-part-size``,
default ``MAX_PART_BYTES``) is refused while it is being decompressed (zip bombs), and so is an
archive with more entries than ``--max-zip-entries`` (checked before the directory is loaded).
"""
from __future__ import annotations

from lxml import etree

from .docx_numbering import W_NS, Numbering, format_number, load_numbering  # noqa: F401 - format_number: tests
from .limits import (
    DEFAULT_MAX_ELEMENTS,
    DEFAULT_MAX_PART_SIZE,
    DEFAULT_MAX_ZIP_ENTRIES,
    Limits,
    resolve,
)
from .numerals import chinese_counting  # noqa: F401 - tests take it from here
from .package import RESAVE_HINT, Parts, open_zip
from .source import InputError, Origin, Source
from .suppress import Region, ignore_comment

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import BinaryIO


MAX_PART_BYTES = DEFAULT_MAX_PART_SIZE  # used when no Limits are given (tests may patch it)
MAX_ZIP_ENTRIES = DEFAULT_MAX_ZIP_ENTRIES

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Subtrees of a paragraph that are never visible body text.
_SKIP_IN_PARAGRAPH = {
    "pPr", "rPr", "del", "delText", "moveFrom", "instrText", "delInstrText", "txbxContent",
    "drawing", "pict", "object", "rt", "fldData", "sectPr", "commentReference",
    "footnoteReference", "endnoteReference",
}


def read_docx(data: bytes | str | BinaryIO, path: str, limits: Limits | None = None) -> Source:
    """Read a .docx given as bytes, a file path or an open binary file."""
    limits = resolve(limits)
    part_cap = limits.max_part_size if limits is not None else MAX_PART_BYTES
    entry_cap = limits.max_zip_entries if limits is not None else MAX_ZIP_ENTRIES
    element_cap = limits.max_elements if limits is not None else DEFAULT_MAX_ELEMENTS
    with open_zip(data, path, entry_cap) as zf:
        parts = Parts(zf, path, part_cap, element_cap)
        main = parts.main_document_name()
        document = parts.parse(main, required=True)
        warnings: list[tuple[int, str]] = []
        numbering = load_numbering(parts, main, warnings)
        title = parts.core_title()
        ignores = _ignore_comments(parts, main)
    root_ns = etree.QName(document).namespace or W_NS
    if etree.QName(document).localname != "document":
        raise InputError(path, f"不是有效的 .docx 文件：{main} 不是 Word 正文", RESAVE_HINT)
    reader = _BodyReader(root_ns, numbering)
    lines, origins = reader.read(document)
    if not any(line.strip() for line in lines):
        warnings.append((1, "文档中没有读到任何正文文字（可能是空白文档、扫描图片或文本框排版）；"
                            "如有正文，请另存为 .docx 或纯文本后重试"))
    return Source(path=path, lines=lines, origins=origins, kind="docx", encoding="utf-8",
                  title_hint=title, warnings=warnings,
                  suppressions=_ignored_regions(document, root_ns, ignores, reader.elements, origins))


def _ignore_comments(parts: Parts, main: str) -> dict[str, frozenset[str]]:
    """Comment id → rule ids, for the Word comments that say ``fzcheck: ignore <ids>``."""
    name = parts.relationships(main).get("comments")
    if not name:
        return {}
    try:
        root = parts.parse(name)
    except InputError:
        return {}  # broken comments never stop the check; the suppression is then not applied
    out = {}
    for comment in root.iter(f"{{{W_NS}}}comment") if root is not None else ():
        rules = ignore_comment("".join(comment.itertext()))
        if rules:
            out[comment.get(f"{{{W_NS}}}id", "")] = rules
    return out


def _ignored_regions(document: etree._Element, w: str, ignores: dict[str, frozenset[str]],
                     elements: list[etree._Element], origins: list[Origin]) -> list[Region]:
    """The lines of the paragraphs each ``fzcheck: ignore`` comment covers."""
    if not ignores:
        return []
    ordinal = {id(p): i for i, p in enumerate(elements, 1)}
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    current = 0
    for el in document.iter(f"{{{w}}}p", f"{{{w}}}commentRangeStart", f"{{{w}}}commentRangeEnd"):
        if el.tag == f"{{{w}}}p":
            current = ordinal.get(id(el), current)
            continue
        cid = el.get(f"{{{w}}}id", "")
        if cid not in ignores:
            continue
        inside = any(a.tag == f"{{{w}}}p" for a in el.iterancestors())
        if el.tag == f"{{{w}}}commentRangeStart":
            starts.setdefault(cid, current if inside else current + 1)
        else:
            ends[cid] = current
    regions = []
    for cid, first in starts.items():
        last = ends.get(cid, first)
        lines = [i for i, o in enumerate(origins, 1) if first <= o.line <= max(first, last)]
        if lines:
            regions.append(Region(ignores[cid], lines[0], lines[-1]))
    return regions


def paragraph_elements(document: etree._Element, numbering: Numbering) -> list[etree._Element]:
    """The ``w:p`` elements in the order of their ordinals (``Origin.line`` - 1), counted as the
    reader counts them: what writes comments back into the document needs the same paragraphs."""
    reader = _BodyReader(etree.QName(document).namespace or W_NS, numbering)
    reader.read(document)
    return reader.elements


# --- automatic numbering ----------------------------------------------------------------


# --- body text --------------------------------------------------------------------------

class _BodyReader:
    """Walks w:body in order, producing lines and their paragraph ordinals."""

    def __init__(self, w: str, numbering: Numbering) -> None:
        self.w = w
        self.numbering = numbering
        self.paragraphs = 0
        self.elements: list[etree._Element] = []  # the w:p of each ordinal, in order
        self.lines: list[str] = []
        self.origins: list[Origin] = []
        self.skip = {f"{{{w}}}{name}" for name in _SKIP_IN_PARAGRAPH} | {f"{{{MC_NS}}}AlternateContent"}

    def read(self, document: etree._Element) -> tuple[list[str], list[Origin]]:
        body = document.find(f"{{{self.w}}}body")
        if body is not None:
            for kind, element in self._blocks(body):
                if kind == "p":
                    self._emit_paragraph(element)
                else:
                    self._emit_table(element)
        return self.lines, self.origins

    def _blocks(self, parent: etree._Element):  # noqa: ANN202 - generator of (kind, element)
        """Block-level p/tbl in order, looking through sdt, customXml and inserted blocks."""
        w = self.w
        stack = list(reversed(parent))
        while stack:
            el = stack.pop()
            if el.tag == f"{{{w}}}p":
                yield "p", el
            elif el.tag == f"{{{w}}}tbl":
                yield "tbl", el
            elif el.tag in {f"{{{w}}}sdt", f"{{{w}}}sdtContent", f"{{{w}}}customXml",
                            f"{{{w}}}ins", f"{{{w}}}moveTo", f"{{{w}}}smartTag"}:
                stack.extend(reversed(el))

    def _emit_paragraph(self, p: etree._Element) -> None:
        origin = Origin(self._next_paragraph(p), 1)
        for line in self._paragraph_lines(p):
            self.lines.append(line)
            self.origins.append(origin)

    def _emit_table(self, tbl: etree._Element) -> None:
        for row in self._rows(tbl):
            first = self.paragraphs + 1
            cells = [self._cell_text(cell) for cell in self._cells(row)]
            self.lines.append("\t".join(cells))
            self.origins.append(Origin(first, 1))

    def _rows(self, tbl: etree._Element) -> list[etree._Element]:
        return [el for el in _through_wrappers(tbl, self.w) if el.tag == f"{{{self.w}}}tr"]

    def _cells(self, row: etree._Element) -> list[etree._Element]:
        return [el for el in _through_wrappers(row, self.w) if el.tag == f"{{{self.w}}}tc"]

    def _cell_text(self, cell: etree._Element) -> str:
        """Paragraphs (and nested tables) of a cell, joined by spaces."""
        pieces: list[str] = []
        for kind, element in self._blocks(cell):
            if kind == "p":
                self._next_paragraph(element)
                pieces.extend(self._paragraph_lines(element))
            else:
                for row in self._rows(element):
                    pieces.extend(self._cell_text(c) for c in self._cells(row))
        return " ".join(piece for piece in pieces if piece.strip())

    def _next_paragraph(self, p: etree._Element) -> int:
        self.paragraphs += 1
        self.elements.append(p)
        return self.paragraphs

    def _paragraph_lines(self, p: etree._Element) -> list[str]:
        """Text of one paragraph split at line breaks, with its numbering label in front."""
        w = self.w
        label = self.numbering.label(p.find(f"{{{w}}}pPr"), w)
        segments: list[list[str]] = [[label]]
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == f"{{{w}}}t":
                segments[-1].append(_own_text(el))
            elif tag in {f"{{{w}}}tab", f"{{{w}}}ptab"}:
                segments[-1].append("\t")
            elif tag == f"{{{w}}}br":
                if el.get(f"{{{w}}}type", "textWrapping") == "textWrapping":
                    segments.append([])
            elif tag == f"{{{w}}}cr":
                segments.append([])
            elif tag == f"{{{w}}}noBreakHyphen":
                segments[-1].append("-")
            else:
                stack.extend(reversed(el))
        return ["".join(seg) for seg in segments]


def _through_wrappers(parent: etree._Element, w: str) -> list[etree._Element]:
    """Children of a table or row, looking through content controls and custom XML."""
    out = []
    stack = list(reversed(parent))
    while stack:
        el = stack.pop()
        if el.tag in {f"{{{w}}}sdt", f"{{{w}}}sdtContent", f"{{{w}}}customXml"}:
            stack.extend(reversed(el))
        else:
            out.append(el)
    return out


def _own_text(el: etree._Element) -> str:
    """Text of a w:t without unresolved entity references (their text would be '&x;')."""
    text = (el.text or "") + "".join(child.tail or "" for child in el)
    return text.replace("\r", " ").replace("\n", " ") if "\n" in text or "\r" in text else text


