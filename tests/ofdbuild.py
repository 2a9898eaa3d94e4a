"""Build report-shaped OFD files (GB/T 33190) for tests, laid out the way OFD writers do.

No OFD writer is packaged for Debian, so this small one sets a report's text on A4 pages in
the 公文 style (GB/T 9704): title centred in a bigger size, paragraphs and headings indented
two characters, lines filled to the text width and broken between Chinese characters or
before a Latin/digit run (never inside one, never before a closing mark), a page number
"— N —" in the footer.  Each line is cut into several TextObjects (writers emit one per
font run or per few glyphs) with DeltaX advances, some in the ``g N D`` short form; the zip
lists the pages in reverse order while Document.xml keeps the real order.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 28.0, 26.0, 37.0, 35.0
SIZE = 4.2  # about 12 pt
TITLE_SIZE = 7.7  # about 22 pt (二号)
PITCH = 1.6
CLOSING = "，。、；：？！）》”’」』】〕,.;:?!)%"
OPENING = "（《“‘「『【〔("


def make_ofd(lines: list[str], *, run_length: int = 7) -> bytes:
    """An OFD package with ``lines`` (one paragraph each; blank lines are spacing)."""
    placed = _layout(lines)
    pages: list[list[tuple[float, float, float, str]]] = [[]]
    y = TOP
    for kind, x, size, text in placed:
        if kind == "gap":
            y += SIZE * 0.6
            continue
        if y + size * PITCH > PAGE_H - BOTTOM:
            pages.append([])
            y = TOP
        pages[-1].append((x, y + size, size, text))  # baseline
        y += size * PITCH
    return _package([_page_xml(items, number, run_length) for number, items in enumerate(pages, start=1)])


def _layout(lines: list[str]) -> list[tuple[str, float, float, str]]:
    """(kind, x, size, text) per printed line; the first non-blank line is the title."""
    out: list[tuple[str, float, float, str]] = []
    width = PAGE_W - LEFT - RIGHT
    title_done = False
    for line in lines:
        text = line.strip()
        if not text:
            out.append(("gap", 0.0, 0.0, ""))
            continue
        if not title_done:
            title_done = True
            x = LEFT + max(0.0, (width - _width(text, TITLE_SIZE)) / 2)
            out.append(("line", x, TITLE_SIZE, text))
            continue
        first = True
        for piece in _wrap(text, width, 2 * SIZE):
            out.append(("line", LEFT + (2 * SIZE if first else 0.0), SIZE, piece))
            first = False
    return out


def _units(text: str) -> list[str]:
    """Pieces a line may not be broken inside: a Latin/digit run, or one Chinese character
    with the opening marks before it and the closing marks after it."""
    units: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in OPENING:
            j += 1
        if j < len(text) and text[j].isascii() and not text[j].isspace():
            while j < len(text) and text[j].isascii() and not text[j].isspace() and text[j] not in "(":
                j += 1
        else:
            j += 1
        while j < len(text) and text[j] in CLOSING:
            j += 1
        units.append(text[i:j])
        i = j
    return units


def _wrap(text: str, width: float, indent: float) -> list[str]:
    out: list[str] = []
    current, used, room = "", 0.0, width - indent
    for unit in _units(text):
        w = _width(unit, SIZE)
        if current and used + w > room + 0.01:
            out.append(current)
            current, used, room = "", 0.0, width
        current += unit
        used += w
    if current:
        out.append(current)
    return out


def _advance(ch: str, size: float) -> float:
    return size / 2 if ch.isascii() else size


def _width(text: str, size: float) -> float:
    return sum(_advance(ch, size) for ch in text)


def _page_xml(items: list[tuple[float, float, float, str]], number: int, run_length: int) -> str:
    objects: list[str] = []
    next_id = number * 10_000
    for x, baseline, size, text in items:
        for start in range(0, len(text), run_length):
            run = text[start:start + run_length]
            rx = x + _width(text[:start], size)
            next_id += 1
            objects.append(_text_object(next_id, rx, baseline, size, run, short=bool(start % 2)))
    footer = f"— {number} —"
    fx = (PAGE_W - _width(footer, SIZE)) / 2
    objects.append(_text_object(number * 10_000 + 9_999, fx, PAGE_H - 20.0, SIZE, footer, short=False))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="{number * 10_000}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def _text_object(obj_id: int, x: float, baseline: float, size: float, text: str, short: bool) -> str:
    top = baseline - size
    advances = [_advance(ch, size) for ch in text[:-1]]
    if short and advances and len(set(advances)) == 1:
        delta = f"g {len(advances)} {advances[0]:g}"
    else:
        delta = " ".join(f"{a:g}" for a in advances)
    width = _width(text, size)
    return (f'<ofd:TextObject ID="{obj_id}" Boundary="{x:.3f} {top:.3f} {width:.3f} {size * 1.3:.3f}" '
            f'Font="3" Size="{size:g}"><ofd:TextCode X="0" Y="{size:g}" DeltaX={quoteattr(delta)}>'
            f"{escape(text)}</ofd:TextCode></ofd:TextObject>")


def _package(pages: list[str]) -> bytes:
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
           "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
           "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    listed = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
                "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>")
    res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
           '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for index in reversed(range(len(pages))):
            zf.writestr(f"Doc_0/Pages/Page_{index}/Content.xml", pages[index])
        zf.writestr("Doc_0/Document.xml", document)
        zf.writestr("Doc_0/PublicRes.xml", res)
        zf.writestr("OFD.xml", ofd)
    return buf.getvalue()
