"""PDF reader: the text layer of a PDF, read with PDFium (pypdfium2), rebuilt into paragraphs.

Why PDFium: measured on PDFs that LibreOffice and Chromium made from our samples
(bench/pdf_libraries.py), pypdfium2 extracts a 3-page report in 0.03 s where pdfminer.six
takes 0.6 s, and it maps Chromium's CJK fonts back to ordinary characters (人民) where
pdfminer.six gives Kangxi radicals (⼈⺠) that no rule would match.

What is read (by checker/read/pdf_text.py): the characters of each page in content order, split into lines where PDFium
breaks them; spaces PDFium only infers from glyph gaps are dropped next to Chinese characters
(LibreOffice spaces "2024 年" apart without a space character); page numbers and running
headers and footers are dropped (checker/read/furniture.py); lines broken at the page width
are joined into paragraphs (checker/read/paragraphs.py).  ``origins[i]`` gives the page and
the line on that page where paragraph ``i`` starts.

What is not: pictures (a scanned page has no text: the file is refused as a scan, see
:func:`check_not_scanned`), annotations, form fields, attachments.

Bounds: ``--max-file-size`` (the bytes are read into memory), ``--max-pages``, objects per page
(``--max-elements``); PDFium runs in a child process (checker/read/pdf_text.py) capped at
``MEMORY_CAP`` of address space and killed after ``--max-read-seconds``, because one page of a
few KB can unpack into millions of objects before anything can be counted.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

from .furniture import strip_furniture
from .limits import DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PAGES, DEFAULT_MAX_READ_SECONDS, Limits, resolve
from .paragraphs import PageLine, line_on_page, rebuild
from .source import InputError, Origin, Source

SCAN_HINT = "请提供报告的原始文档（Word/WPS 文件或可复制文字的 PDF），或先对扫描件做文字识别（OCR）后再检查"
MIN_CHARS_PER_PAGE = 20  # a page of a report holds 300-800 characters; a scan holds none
MAX_BAD_SHARE = 0.3  # share of unusable characters (private-use, unassigned, controls) in a garbled layer
MEMORY_CAP = 1024 * 1024 * 1024  # address space of the extracting process (a 40-page report needs about 150 MB)


def read_pdf(data: bytes, path: str, limits: Limits | None = None) -> Source:
    """Read a PDF given as bytes."""
    limits = resolve(limits)
    if not data.startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise InputError(path, "不是有效的 PDF 文件（文件头不是 %PDF），可能已损坏或只是改了扩展名",
                         "请确认文件已完整下载")
    raw_pages = _extract(data, path, limits)
    pages = [[PageLine(text, number, left, right, top, size) for text, left, right, top, size in page["lines"]]
             for number, page in enumerate(raw_pages, start=1)]
    heights = [page["height"] for page in raw_pages]
    check_not_scanned([line for page in pages for line in page], len(pages), path)
    paragraphs = rebuild([line for page in strip_furniture(pages, heights) for line in page])
    lines = [p.text for p in paragraphs]
    origins = [Origin(line_on_page(pages, p.first), 1, p.first.page) for p in paragraphs]
    return Source(path=path, lines=lines, origins=origins, kind="pdf", encoding=None)


def _extract(data: bytes, path: str, limits: Limits | None) -> list[dict]:
    """Run checker/read/pdf_text.py in a child process under the limits; its pages."""
    max_pages = limits.max_pages if limits is not None else DEFAULT_MAX_PAGES
    max_objects = limits.max_elements if limits is not None else DEFAULT_MAX_ELEMENTS
    seconds = limits.max_read_seconds if limits is not None else DEFAULT_MAX_READ_SECONDS
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "checker.read.pdf_text", str(max_pages), str(max_objects), str(MEMORY_CAP)]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,  # noqa: S603
                            stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        out, _ = proc.communicate(data, timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise InputError(path, f"PDF 文字提取超过 {seconds} 秒的时间上限，已中止，未检查",
                         "请确认文件来源可靠；确需检查时可用 --max-read-seconds 调高上限（见 docs/limits.md）") from None
    finally:
        if proc.poll() is None:
            _kill(proc)
    try:
        result = json.loads(out) if proc.returncode == 0 else None
    except ValueError:
        result = None
    if result is None:
        raise InputError(path, "PDF 结构过于复杂或已损坏，读取时超过了内存上限或意外中止，未检查",
                         "请确认文件来源可靠；可用 PDF 阅读器另存为新的 PDF，或提供原始文档")
    if "error" in result:
        raise InputError(path, result["error"], result.get("hint", ""))
    return result["pages"]


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def check_not_scanned(lines: list[PageLine], pages: int, path: str) -> None:
    """Refuse a PDF without a usable text layer: a scan, or glyphs that map to no characters."""
    text = "".join("".join(line.text.split()) for line in lines)
    if len(text) < MIN_CHARS_PER_PAGE * max(pages, 1) / 4 or len(text) < MIN_CHARS_PER_PAGE:
        raise InputError(path, "这份 PDF 是扫描件（页面只有图片，没有可提取的文字），无法检查", SCAN_HINT)
    bad = sum(1 for ch in text if unicodedata.category(ch) in {"Co", "Cn", "Cs", "Cc"} or ch == "\ufffd")
    if bad > MAX_BAD_SHARE * len(text):
        raise InputError(path, "这份 PDF 的文字层是乱码（字体没有文字编码，可能是扫描件或图片转换而来），无法检查",
                         SCAN_HINT)


