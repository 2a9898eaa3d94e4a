"""Word comments (批注) written into a .docx package, each anchored on the text it is about.

lxml on the package rather than python-docx: python-docx re-serialises every part it loads,
while a reviewer's copy must keep everything the comments do not touch (styles, numbering,
tracked changes, images) byte for byte.  Only the main document, the comments part, the
document's relationships and the content types are rewritten; every other zip entry is copied.

A note is anchored on its excerpt in the paragraph(s) its line came from (the reader's
``Source.origins``); runs are split at the excerpt's ends when a run holds plain text only.
When the excerpt cannot be found there, the note covers the whole paragraph.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from copy import deepcopy

from lxml import etree

from checker.read.docx import paragraph_elements, read_docx
from checker.read.docx_numbering import load_numbering
from checker.read.package import REL_NS, Parts, open_zip
from checker.read.record import record

from .docx_package import CT_NS, R_NS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = f"{R_NS}/comments"
AUTHOR = "fzcheck"

_SKIP = {"pPr", "rPr", "del", "delText", "moveFrom", "instrText", "delInstrText", "txbxContent", "drawing",
         "pict", "object", "rt", "fldData", "sectPr", "commentReference", "footnoteReference",
         "endnoteReference"}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@record(frozen=True)
class Note:
    """One comment: where (1-based extracted line, its excerpt and columns) and what it says
    (one string per comment paragraph)."""

    line: int
    excerpt: str
    column: int
    paragraphs: tuple[str, ...]


@record(frozen=True)
class Placed:
    """Where a note ended up: on its excerpt exactly, or on the whole paragraph."""

    note: Note
    exact: bool


def annotate(data: bytes, path: str, notes: list[Note]) -> tuple[bytes, list[Placed]]:
    """The package ``data`` with one comment per note, and where each note was placed."""
    source = read_docx(data, path)  # the reader's own lines and paragraph ordinals
    with open_zip(data, path) as zf:
        parts = Parts(zf, path)
        main = parts.main_document_name()
        document = parts.parse(main, required=True)
        elements = paragraph_elements(document, load_numbering(parts, main, []))
        rels = parts.relationships(main)
        comments_name = rels.get("comments")
        comments = parts.parse(comments_name) if comments_name else None
        infos = zf.infolist()
        payload = {info.filename: zf.read(info) for info in infos}
    if comments is None:
        comments_name = _free_name(posixpath.join(posixpath.dirname(main), "comments.xml"), payload)
        comments = etree.Element(w("comments"), nsmap={"w": W_NS})
        new_part = True
    else:
        new_part = False
    next_id = _max_id(document, comments) + 1
    placed = []
    for note in notes:
        candidates = _candidates(note.line, source.origins, elements)
        line = source.lines[note.line - 1] if 0 < note.line <= len(source.lines) else ""
        exact = _place(candidates, note, next_id, line) if candidates else False
        if not candidates:  # no body paragraph at all: comment the last paragraph there is
            body = document.find(w("body"))
            paragraph = etree.SubElement(body, w("p")) if body is not None else None
            if paragraph is not None:
                sect = body.find(w("sectPr"))
                if sect is not None:
                    sect.addprevious(paragraph)
                _whole(paragraph, next_id)
        comments.append(_comment(next_id, note.paragraphs))
        placed.append(Placed(note, exact))
        next_id += 1
    changed = {_actual(main, payload): _xml(document), _actual(comments_name, payload): _xml(comments)}
    if new_part:
        changed["[Content_Types].xml"] = _with_override(payload.get("[Content_Types].xml"), comments_name)
        rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        changed[_actual(rels_name, payload)] = _with_relationship(payload.get(_actual(rels_name, payload)),
                                                                  posixpath.relpath(comments_name, posixpath.dirname(main)))
    return _zip(infos, payload, changed), placed


# ----------------------------------------------------------------------------- where a note goes

def _candidates(line: int, origins, elements: list) -> list:
    """The paragraphs the extracted line came from (a table row: every paragraph of the row)."""
    if not elements or not origins:
        return []
    index = max(0, min(line, len(origins)) - 1)
    first = origins[index].line
    after = next((o.line for o in origins[index:] if o.line > first), len(elements) + 1)
    return elements[first - 1:max(first, after - 1)]


def _pieces(paragraph) -> list[tuple]:
    """(run, w:t or None, text) in reading order, as the reader sees the paragraph's text."""
    out = []
    skip = {w(t) for t in _SKIP} | {f"{{{MC_NS}}}AlternateContent"}
    stack = list(reversed(paragraph))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in skip:
            continue
        if el.tag == w("t"):
            out.append((_run_of(el, paragraph), el, el.text or ""))
        elif el.tag in (w("tab"), w("ptab")):
            out.append((_run_of(el, paragraph), None, "\t"))
        elif el.tag == w("noBreakHyphen"):
            out.append((_run_of(el, paragraph), None, "-"))
        else:
            stack.extend(reversed(el))
    return [p for p in out if p[0] is not None]


def _run_of(el, paragraph):
    parent = el.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == w("r"):
            return parent
        parent = parent.getparent()
    return None


def _place(candidates: list, note: Note, comment_id: int, line: str = "") -> bool:
    """Anchor on the excerpt in the first candidate paragraph holding it; else the whole first one.

    An automatic numbering label (一、 rendered by Word, not stored as text) is part of the
    reader's line and so of a heading's excerpt: without it the rest of the excerpt is anchored."""
    excerpt = note.excerpt.split("\n")[0].strip()
    if excerpt:
        for paragraph in candidates:
            text = "".join(p[2] for p in _pieces(paragraph))
            wanted, column = excerpt, note.column - 1
            label = line[:len(line) - len(text)] if text and line.endswith(text) else ""
            if label and excerpt.startswith(label) and len(excerpt) > len(label):
                wanted, column = excerpt[len(label):], max(0, column - len(label))
            start = _nearest(text, wanted, column)
            if start >= 0:
                _anchor(paragraph, start, start + len(wanted), comment_id)
                return True
    _whole(candidates[0], comment_id)
    return False


def _nearest(text: str, excerpt: str, column: int) -> int:
    """Offset of the occurrence of ``excerpt`` nearest to ``column`` (the numbering label shifts
    the reader's columns a little), or -1."""
    best, at = -1, text.find(excerpt)
    while at >= 0:
        if best < 0 or abs(at - column) < abs(best - column):
            best = at
        at = text.find(excerpt, at + 1)
    return best


def _anchor(paragraph, start: int, end: int, comment_id: int) -> None:
    _split_at(paragraph, end)
    _split_at(paragraph, start)
    pieces = _pieces(paragraph)
    first = last = None
    offset = 0
    for run, _t, text in pieces:
        if first is None and offset + len(text) > start:
            first = run
        if offset < end:
            last = run
        offset += len(text)
    if first is None or last is None:
        _whole(paragraph, comment_id)
        return
    first.addprevious(_marker("commentRangeStart", comment_id))
    end_marker = _marker("commentRangeEnd", comment_id)
    last.addnext(end_marker)
    _top(end_marker, paragraph).addnext(_reference(comment_id))


def _top(el, paragraph):
    """The child of the paragraph that holds ``el`` (a run inside a hyperlink or an insertion)."""
    while el.getparent() is not paragraph:
        el = el.getparent()
    return el


def _split_at(paragraph, offset: int) -> None:
    """Split the run holding character ``offset`` there, when it is one plain w:t (with its rPr)."""
    position = 0
    for run, t, text in _pieces(paragraph):
        if position < offset < position + len(text) and t is not None:
            content = [c for c in run if c.tag != w("rPr")]
            if content == [t]:
                cut = offset - position
                tail = deepcopy(run)
                t.text = text[:cut]
                tail_t = tail.find(w("t"))
                tail_t.text = text[cut:]
                for item in (t, tail_t):
                    item.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.addnext(tail)
            return
        position += len(text)


def _whole(paragraph, comment_id: int) -> None:
    ppr = paragraph.find(w("pPr"))
    start = _marker("commentRangeStart", comment_id)
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(_marker("commentRangeEnd", comment_id))
    paragraph.append(_reference(comment_id))


def _marker(tag: str, comment_id: int):
    el = etree.Element(w(tag))
    el.set(w("id"), str(comment_id))
    return el


def _reference(comment_id: int):
    run = etree.Element(w("r"))
    run.append(_marker("commentReference", comment_id))
    return run


def _comment(comment_id: int, paragraphs: tuple[str, ...]):
    comment = etree.Element(w("comment"))
    comment.set(w("id"), str(comment_id))
    comment.set(w("author"), AUTHOR)
    comment.set(w("initials"), "fz")
    for text in paragraphs:
        p = etree.SubElement(comment, w("p"))
        r = etree.SubElement(p, w("r"))
        t = etree.SubElement(r, w("t"))
        t.text = _clean(text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return comment


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")


def _max_id(document, comments) -> int:
    ids = [0]
    for root in (document, comments):
        for el in root.iter(w("comment"), w("commentRangeStart"), w("commentReference")):
            try:
                ids.append(int(el.get(w("id"), "0")))
            except ValueError:
                continue
    return max(ids)


# ----------------------------------------------------------------------------- the package

def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _free_name(name: str, payload: dict) -> str:
    lower = {n.lower() for n in payload}
    stem, ext = posixpath.splitext(name)
    candidate, n = name, 1
    while candidate.lower() in lower:
        n += 1
        candidate = f"{stem}{n}{ext}"
    return candidate


def _actual(name: str, payload: dict) -> str:
    """The entry's spelling in the zip (part names are case-insensitive)."""
    return next((n for n in payload if n.lower() == name.lower()), name)


def _with_override(data: bytes | None, part: str) -> bytes:
    root = etree.fromstring(data) if data else etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    override = etree.SubElement(root, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", COMMENTS_TYPE)
    return _xml(root)


def _with_relationship(data: bytes | None, target: str) -> bytes:
    root = etree.fromstring(data) if data else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    taken = {rel.get("Id") for rel in root}
    n = 1
    while f"rId{n}" in taken:
        n += 1
    rel = etree.SubElement(root, f"{{{REL_NS}}}Relationship")
    rel.set("Id", f"rId{n}")
    rel.set("Type", COMMENTS_REL)
    rel.set("Target", target)
    return _xml(root)


def _zip(infos, payload: dict, changed: dict) -> bytes:
    """Every entry in its order with its own compression; changed ones replaced, new ones last."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in infos:
            out.writestr(info, changed.pop(info.filename, payload[info.filename]))
        for name, data in changed.items():
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
