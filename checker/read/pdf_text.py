"""The PDF text layer as laid-out lines, extracted with PDFium in a child process.

PDFium parses a whole page before it can say how many objects the page holds, and a
compressed content stream of a few KB can hold millions of them: a page like that takes
seconds and gigabytes.  So :mod:`checker.read.pdf` runs this module as a separate process
(``python -m checker.read.pdf_text``) under an address-space cap and a hard time limit,
killing it when either is passed; the reading process never holds a PDFium document.

Protocol: the PDF's bytes on standard input, the limits as arguments (max pages, max
objects per page); on standard output one JSON object: ``{"pages": [{"height": h, "lines":
[[text, left, right, top, size], …]}, …]}`` or ``{"error": problem, "hint": hint}``.  The
third argument caps the process's address space (bytes).
"""
from __future__ import annotations

import ctypes
import json
import sys
import unicodedata


class Refused(Exception):
    """The PDF cannot be read as a report; carries the Chinese problem and hint."""

    def __init__(self, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.problem, self.hint = problem, hint


def extract(data: bytes, max_pages: int, max_objects: int) -> list[dict]:
    """Lines (text, left, right, top, size) and height of each page."""
    pdfium = _library()
    doc = _open(pdfium, data)
    try:
        count = len(doc)
        if count > max_pages:
            raise Refused(f"PDF 共 {count} 页，超过 {max_pages} 页的上限，不像是一份年度报告；未检查",
                          "确需检查时可用 --max-pages 调高上限（见 docs/limits.md）")
        return [_page(doc, index, max_objects) for index in range(count)]
    finally:
        doc.close()


def _library():  # noqa: ANN202 - the pypdfium2 module
    try:
        import pypdfium2
    except ImportError:
        raise Refused("读取 PDF 需要的组件 pypdfium2 未安装", "请运行 pip install pypdfium2 后重试") from None
    return pypdfium2


def _open(pdfium, data: bytes):  # noqa: ANN001, ANN202 - module, PdfDocument
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise Refused("不是有效的 PDF 文件（文件头不是 %PDF），可能已损坏或只是改了扩展名",
                         "请确认文件已完整下载")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4 or "password" in str(exc).lower():
            raise Refused("PDF 已加密（受密码保护），无法读取", "请取消密码保护后重试，或提供原始文档") from None
        raise Refused(f"PDF 文件已损坏，无法打开（{exc}）", "请确认文件已完整下载，或提供原始文档") from None


def _page(doc, index: int, max_objects: int) -> dict:  # noqa: ANN001 - a PdfDocument
    """Lines of one page (in PDFium's order) and the page height."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        objects = raw.FPDFPage_CountObjects(page.raw)
        if objects > max_objects:
            raise Refused(f"PDF 第 {index + 1} 页有 {objects} 个绘图对象，超过 {max_objects} 的上限，拒绝读取",
                             "请确认文件来源可靠；确需检查时可用 --max-elements 调高上限（见 docs/limits.md）")
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            return {"height": height, "lines": _lines(raw, textpage.raw, height)}
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(raw, textpage, height: float) -> list[list]:  # noqa: ANN001
    """Characters grouped into lines at PDFium's line breaks, with their boxes."""
    out: list[list] = []
    chars: list[tuple[str, bool]] = []
    box = [None, None, None, 0.0]  # left, right, top, size
    rect = raw.FS_RECTF()
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        ch = _char(code)
        if ch == "\n":
            _flush(out, chars, box, height)
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
    _flush(out, chars, box, height)
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


def _flush(out: list[list], chars: list[tuple[str, bool]], box: list, height: float) -> None:
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
    out.append([line, box[0], box[1], height - box[2], box[3]])


def _autospace(before: str, after: str) -> bool:
    """Whether an inferred space is only the gap a writer leaves between a Chinese character
    and a Latin letter or digit (LibreOffice, Word: "2024 年"), or between two Chinese
    characters of justified text; a space next to a Chinese punctuation mark is kept
    ("〔 〕号" is a blank left in a document number)."""
    return (_ideograph(before) and (_ideograph(after) or (after.isascii() and after.isalnum()))) \
        or (_ideograph(after) and before.isascii() and before.isalnum())


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _cap_memory(limit: int) -> None:
    """Cap this process's address space (POSIX); a lower cap already set is kept."""
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > limit:
        target = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        try:
            resource.setrlimit(resource.RLIMIT_AS, (target, hard))
        except (ValueError, OSError):
            pass


def main() -> int:
    """Child-process entry: PDF bytes on stdin, JSON on stdout (see the module docstring)."""
    max_pages, max_objects, memory = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    _cap_memory(memory)
    data = sys.stdin.buffer.read()
    try:
        result: dict = {"pages": extract(data, max_pages, max_objects)}
    except Refused as exc:
        result = {"error": exc.problem, "hint": exc.hint}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
