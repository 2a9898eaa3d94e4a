"""PDF reader: the text layer of a PDF, read with PDFium (pypdfium2), rebuilt into paragraphs.

Why PDFium: measured on PDFs that LibreOffice and Chromium made from our samples
(bench/pdf_libraries.py), pypdfium2 extracts a 3-page report in 0.03 s where pdfminer.six
takes 0.6 s, and it maps Chromium's CJK fonts back to ordinary characters (人民) where
pdfminer.six gives Kangxi radicals (⼈⺠) that no rule would match.

What is read: the characters of each page in content order, split into lines where PDFium
breaks them; spaces PDFium only infers from glyph gaps are dropped next to Chinese characters
(LibreOffice spaces "2024 年" apart without a space character); page numbers and running
headers and footers are dropped (checker/read/furniture.py); lines broken at the page width
are joined into paragraphs (checker/read/paragraphs.py).  ``origins[i]`` gives the page and
the line on that page where paragraph ``i`` starts.

What is not: pictures (a scanned page has no text: the file is refused as a scan, see
:func:`check_not_scanned`), annotations, form fields, attachments.

Bounds: ``--max-file-size`` (the bytes are read into memory), ``--max-pages``, objects per page
(``--max-elements``) and ``--max-read-seconds`` (checked after each page).
"""
from __future__ import annotations

import ctypes
import time
import unicodedata

from .furniture import strip_furniture
from .limits import DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PAGES, DEFAULT_MAX_READ_SECONDS, Limits, resolve
from .paragraphs import PageLine, line_on_page, rebuild
from .source import InputError, Origin, Source

SCAN_HINT = "请提供报告的原始文档（Word/WPS 文件或可复制文字的 PDF），或先对扫描件做文字识别（OCR）后再检查"
MIN_CHARS_PER_PAGE = 20  # a page of a report holds 300-800 characters; a scan holds none
MAX_BAD_SHARE = 0.3  # share of unusable characters (private-use, unassigned, controls) in a garbled layer


def read_pdf(data: bytes, path: str, limits: Limits | None = None) -> Source:
    """Read a PDF given as bytes."""
    limits = resolve(limits)
    max_pages = limits.max_pages if limits is not None else DEFAULT_MAX_PAGES
    max_objects = limits.max_elements if limits is not None else DEFAULT_MAX_ELEMENTS
    seconds = limits.max_read_seconds if limits is not None else DEFAULT_MAX_READ_SECONDS
    pdfium = _library(path)
    doc = _open(pdfium, data, path)
    try:
        count = len(doc)
        if count > max_pages:
            raise InputError(path, f"PDF 共 {count} 页，超过 {max_pages} 页的上限，不像是一份年度报告；未检查",
                             "确需检查时可用 --max-pages 调高上限（见 docs/limits.md）")
        deadline = time.monotonic() + seconds
        pages: list[list[PageLine]] = []
        heights: list[float] = []
        for index in range(count):
            lines, height = _page(doc, index, path, max_objects)
            pages.append(lines)
            heights.append(height)
            if time.monotonic() > deadline:
                raise InputError(path, f"PDF 文字提取超过 {seconds} 秒的时间上限（读到第 {index + 1} 页），未检查",
                                 "请确认文件来源可靠；确需检查时可用 --max-read-seconds 调高上限（见 docs/limits.md）")
    finally:
        doc.close()
    check_not_scanned([line for page in pages for line in page], count, path)
    paragraphs = rebuild([line for page in strip_furniture(pages, heights) for line in page])
    lines = [p.text for p in paragraphs]
    origins = [Origin(line_on_page(pages, p.first), 1, p.first.page) for p in paragraphs]
    return Source(path=path, lines=lines, origins=origins, kind="pdf", encoding=None)


def check_not_scanned(lines: list[PageLine], pages: int, path: str) -> None:
    """Refuse a PDF without a usable text layer: a scan, or glyphs that map to no characters."""
    text = "".join("".join(line.text.split()) for line in lines)
    if len(text) < MIN_CHARS_PER_PAGE * max(pages, 1) / 4 or len(text) < MIN_CHARS_PER_PAGE:
        raise InputError(path, "这是扫描件（PDF 页面是图片，没有可提取的文字），无法检查", SCAN_HINT)
    bad = sum(1 for ch in text if unicodedata.category(ch) in {"Co", "Cn", "Cs", "Cc"} or ch == "\ufffd")
    if bad > MAX_BAD_SHARE * len(text):
        raise InputError(path, "这份 PDF 的文字层是乱码（字体没有文字编码，可能是扫描件或图片转换而来），无法检查",
                         SCAN_HINT)


def _library(path: str):  # noqa: ANN202 - the pypdfium2 module
    try:
        import pypdfium2
    except ImportError:
        raise InputError(path, "读取 PDF 需要的组件 pypdfium2 未安装", "请运行 pip install pypdfium2 后重试") from None
    return pypdfium2


def _open(pdfium, data: bytes, path: str):  # noqa: ANN001, ANN202 - module, PdfDocument
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise InputError(path, "不是有效的 PDF 文件（文件头不是 %PDF），可能已损坏或只是改了扩展名",
                         "请确认文件已完整下载")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4 or "password" in str(exc).lower():
            raise InputError(path, "PDF 已加密（受密码保护），无法读取", "请取消密码保护后重试，或提供原始文档") from None
        raise InputError(path, f"PDF 文件已损坏，无法打开（{exc}）", "请确认文件已完整下载，或提供原始文档") from None


def _page(doc, index: int, path: str, max_objects: int) -> tuple[list[PageLine], float]:  # noqa: ANN001
    """Lines of one page (top to bottom as PDFium orders them) and the page height."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        objects = raw.FPDFPage_CountObjects(page.raw)
        if objects > max_objects:
            raise InputError(path, f"PDF 第 {index + 1} 页有 {objects} 个绘图对象，超过 {max_objects} 的上限，拒绝读取",
                             "请确认文件来源可靠；确需检查时可用 --max-elements 调高上限（见 docs/limits.md）")
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            return _lines(raw, textpage.raw, index + 1, height), height
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(raw, textpage, page_no: int, height: float) -> list[PageLine]:  # noqa: ANN001
    """Characters grouped into lines at PDFium's line breaks, with their boxes."""
    out: list[PageLine] = []
    chars: list[tuple[str, bool]] = []
    box = [None, None, None, 0.0]  # left, right, top, size
    rect = raw.FS_RECTF()
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        ch = _char(code)
        if ch == "\n":
            _flush(out, chars, box, page_no, height)
            chars, box = [], [None, None, None, 0.0]
            continue
        if ch is None:
            continue
        generated = bool(raw.FPDFText_IsGenerated(textpage, i))
        chars.append((ch, generated))
        if generated or ch.isspace():
            continue
        if raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(rect)):
            box[0] = rect.left if box[0] is None else min(box[0], rect.left)
            box[1] = rect.right if box[1] is None else max(box[1], rect.right)
            box[2] = rect.top if box[2] is None else max(box[2], rect.top)
            box[3] = max(box[3], rect.top - rect.bottom)
    _flush(out, chars, box, page_no, height)
    return out


def _char(code: int) -> str | None:
    """The character PDFium reports, with Kangxi radicals (from some CJK fonts' maps) folded
    to the ideographs they look like; None for line-end carriage returns and controls."""
    if code == 0x0A:
        return "\n"
    if code < 0x20 or code in {0x7F, 0xFFFE, 0xFFFF, 0xAD}:
        return None
    ch = chr(code)
    if 0x2F00 <= code <= 0x2FD5:
        return unicodedata.normalize("NFKC", ch)
    return ch


def _flush(out: list[PageLine], chars: list[tuple[str, bool]], box: list, page_no: int, height: float) -> None:
    """Close a line: drop inferred spaces next to Chinese characters, record its box."""
    text = []
    for k, (ch, generated) in enumerate(chars):
        if generated and ch == " ":
            before = chars[k - 1][0] if k else ""
            after = chars[k + 1][0] if k + 1 < len(chars) else ""
            if not before or not after or before == " " or _autospace(before, after):
                continue
        text.append(ch)
    line = "".join(text).rstrip()
    if not line.strip() or box[0] is None:
        return
    out.append(PageLine(line, page_no, box[0], box[1], height - box[2], box[3]))


def _autospace(before: str, after: str) -> bool:
    """Whether an inferred space is only the gap a writer leaves between a Chinese character
    and a Latin letter or digit (LibreOffice, Word: "2024 年"), or between two Chinese
    characters of justified text; a space next to a Chinese punctuation mark is kept
    ("〔 〕号" is a blank left in a document number)."""
    return (_ideograph(before) and (_ideograph(after) or (after.isascii() and after.isalnum()))) \
        or (_ideograph(after) and before.isascii() and before.isalnum())


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
