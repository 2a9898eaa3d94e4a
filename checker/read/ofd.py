"""OFD reader (GB/T 33190, the national format for electronic official documents).

An OFD file is a zip package of XML parts, opened under the same limits as a .docx
(checker/read/package.py: entry count, part size, element count, no DTD, no network):
``OFD.xml`` names each document's ``Document.xml``, which lists the pages in document order
(``Page BaseLoc``, relative to the document's folder or absolute from the package root) and the
template pages they draw on.  On a page (template objects first, as a viewer paints them),
every visible ``TextObject``'s ``TextCode`` runs are placed at the object's ``Boundary`` origin
plus their ``X``/``Y`` (the baseline); runs on one baseline are joined left to right into a
line, lines go top to bottom; then page numbers and running headers are dropped and
paragraphs rebuilt as for PDF (checker/read/furniture.py, checker/read/paragraphs.py).

Not read: pictures (a scanned page in an OFD has no text), text drawn as paths, annotations
(``Annots``), attachments, signatures' appearance, and text whose font maps glyphs to other
characters (the viewer draws by glyph, we read the characters stored in ``TextCode``).
"""
from __future__ import annotations

import posixpath

from lxml import etree

from checker.read.lazy_pattern import lazy

from .furniture import strip_furniture
from .limits import DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PAGES, DEFAULT_MAX_PART_SIZE, DEFAULT_MAX_ZIP_ENTRIES, Limits, resolve
from .package import OFD_RESAVE_HINT, Parts, open_zip
from .paragraphs import PageLine, line_on_page, rebuild
from .source import InputError, Origin, Source

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import BinaryIO


A4_HEIGHT = 297.0  # millimetres, when a document declares no page box
_NUMBER = lazy(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
NO_TEXT = ("OFD 文件中没有读到任何文字（可能是扫描图片或只有图形）；如有正文，请提供原始文档或先做文字识别（OCR）")


def read_ofd(data: bytes | BinaryIO, path: str, limits: Limits | None = None) -> Source:
    """Read an OFD package given as bytes or an open binary file."""
    limits = resolve(limits)
    with open_zip(data, path, limits.max_zip_entries if limits else DEFAULT_MAX_ZIP_ENTRIES, label="OFD") as zf:
        parts = Parts(zf, path, limits.max_part_size if limits else DEFAULT_MAX_PART_SIZE,
                      limits.max_elements if limits else DEFAULT_MAX_ELEMENTS, label="OFD")
        pages, heights = _Package(parts, limits.max_pages if limits else DEFAULT_MAX_PAGES).pages()
    paragraphs = rebuild([line for page in strip_furniture(pages, heights) for line in page])
    lines = [p.text for p in paragraphs]
    origins = [Origin(line_on_page(pages, p.first), 1, p.first.page) for p in paragraphs]
    warnings = [] if any(line.strip() for line in lines) else [(1, NO_TEXT)]
    return Source(path=path, lines=lines, origins=origins, kind="ofd", encoding="utf-8", warnings=warnings)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in el if _local(child) == name]


def _child(el: etree._Element | None, *names: str) -> etree._Element | None:
    for name in names:
        if el is None:
            return None
        found = _children(el, name)
        el = found[0] if found else None
    return el


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


class _Package:
    """The documents of one OFD package, page by page."""

    def __init__(self, parts: Parts, max_pages: int) -> None:
        self.parts = parts
        self.max_pages = max_pages

    def pages(self) -> tuple[list[list[PageLine]], list[float]]:
        root = self.parts.parse("OFD.xml", required=True)
        if _local(root) != "OFD":
            raise InputError(self.parts.path, "不是有效的 OFD 文件：OFD.xml 的根元素不是 OFD", OFD_RESAVE_HINT)
        pages: list[list[PageLine]] = []
        heights: list[float] = []
        for body in _children(root, "DocBody"):
            found = _child(body, "DocRoot")
            doc_root = (found.text or "").strip() if found is not None else ""
            if doc_root:
                self._document(_resolve("", doc_root), pages, heights)
        return pages, heights

    def _document(self, name: str, pages: list[list[PageLine]], heights: list[float]) -> None:
        document = self.parts.parse(name, required=True)
        folder = posixpath.dirname(name)
        physical = _child(document, "CommonData", "PageArea", "PhysicalBox")
        default_box = _numbers(physical.text if physical is not None else "")
        common = _child(document, "CommonData")
        templates = {t.get("ID"): _resolve(folder, t.get("BaseLoc") or "")
                     for t in (_children(common, "TemplatePage") if common is not None else [])}
        listed = _child(document, "Pages")
        for page in _children(listed, "Page") if listed is not None else []:
            if len(pages) >= self.max_pages:
                raise InputError(self.parts.path, f"OFD 文件超过 {self.max_pages} 页的上限，不像是一份年度报告；未检查",
                                 "确需检查时可用 --max-pages 调高上限（见 docs/limits.md）")
            number = len(pages) + 1
            content = self.parts.parse(_resolve(folder, page.get("BaseLoc") or ""))
            own = _child(content, "Area", "PhysicalBox")
            box = _numbers(own.text) if own is not None else default_box
            height = box[3] if len(box) >= 4 else A4_HEIGHT
            runs: list[_Run] = []
            for template in _children(content, "Template") if content is not None else []:
                part = templates.get(template.get("TemplateID"))
                if part:
                    runs.extend(_runs(self.parts.parse(part)))
            runs.extend(_runs(content))
            pages.append(_lines(runs, number))
            heights.append(height)


def _resolve(folder: str, loc: str) -> str:
    """A BaseLoc as a part name: absolute from the package root, or relative to ``folder``."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, loc))


class _Run:
    """One TextCode placed on the page: baseline, start, end, glyph size, text."""

    __slots__ = ("y", "x", "right", "size", "text")

    def __init__(self, y: float, x: float, right: float, size: float, text: str) -> None:
        self.y, self.x, self.right, self.size, self.text = y, x, right, size, text


def _runs(content: etree._Element | None) -> list[_Run]:
    out: list[_Run] = []
    if content is None:
        return out
    for obj in content.iter():
        if _local(obj) != "TextObject" or obj.get("Visible", "true").lower() == "false":
            continue
        box = _numbers(obj.get("Boundary"))
        ox, oy = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = (_numbers(obj.get("Size")) or [3.5])[0] or 3.5
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            text = "".join(code.itertext())
            x = (_numbers(code.get("X")) or [x])[0]
            y = (_numbers(code.get("Y")) or [y])[0]
            if not text:
                continue
            deltas = _deltas(code.get("DeltaX"), len(text))
            advance = sum(deltas[: len(text) - 1]) if deltas else size * (len(text) - 1)
            width = advance + (size if not text[-1].isascii() else size / 2)
            out.append(_Run(oy + y, ox + x, ox + x + width, size, text))
            x += advance + (size if not text[-1].isascii() else size / 2)
    return out


def _deltas(spec: str | None, count: int) -> list[float]:
    """DeltaX as a list of advances; ``g N D`` repeats D N times (GB/T 33190 §11.3)."""
    if not spec:
        return []
    tokens = spec.split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                repeat, value = int(float(tokens[i + 1])), float(tokens[i + 2])
            except ValueError:
                return out
            out.extend([value] * min(max(repeat, 0), count))
            i += 3
        else:
            try:
                out.append(float(tokens[i]))
            except ValueError:
                return out
            i += 1
    return out[:count]


def _lines(runs: list[_Run], page: int) -> list[PageLine]:
    """Runs on one baseline joined left to right; lines top to bottom."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) <= 0.4 * max(run.size, lines[-1][0].size):
            lines[-1].append(run)
        else:
            lines.append([run])
    out = []
    for group in lines:
        group.sort(key=lambda r: r.x)
        text = group[0].text
        for prev, run in zip(group, group[1:]):
            text += (" " if run.x - prev.right > run.size else "") + run.text
        if text.strip():
            size = max(r.size for r in group)
            out.append(PageLine(text.rstrip(), page, group[0].x, max(r.right for r in group),
                                group[0].y - size, size))
    return out
