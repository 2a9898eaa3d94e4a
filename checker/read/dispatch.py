"""Input readers: turn a file (or bytes) into a :class:`checker.read.source.Source`.

Dispatch is by file suffix, falling back to sniffing the bytes (stdin, web uploads).
Every failure becomes :class:`checker.read.source.InputError` with a Chinese message, so the
caller can turn it into an ``input-error`` finding and carry on with the other files.
The HTML, DOCX, PDF, OFD readers and the .doc/.wps converter are imported lazily: plain-text
runs start fast.
"""
from __future__ import annotations

import os
import stat

from .limits import DEFAULT_MAX_FILE_SIZE, Limits, format_size, resolve
from .paths import suffix
from .source import InputError, Source

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import BinaryIO


SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf", ".ofd"}

# A report is a few hundred KB; anything this big is not one and would only eat memory.
# The default of ``--max-file-size`` (see checker/read/limits.py); used when no Limits are given.
MAX_INPUT_BYTES = DEFAULT_MAX_FILE_SIZE

_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".pdf": "pdf",
    ".ofd": "ofd",
}
KINDS = {"text", "markdown", "html", "docx", "doc", "pdf", "ofd"}
_BINARY_KINDS = {"docx", "doc", "pdf", "ofd"}  # told apart by their first bytes, whatever the suffix says

_SUPPORTED_HINT = "支持的格式：.txt、.md、.html、.htm、.docx、.doc、.wps、.pdf、.ofd"


def kind_for_name(name: str) -> str | None:
    """Reader kind for a file name by its suffix (case-insensitive), or None if unknown."""
    return _KIND_BY_SUFFIX.get(suffix(name).lower())


def read_path(path: str, limits: Limits | None = None) -> Source:
    """Read one file from disk; the suffix decides the reader.

    Only regular files are opened (a FIFO, socket or device named ``x.txt`` would block or
    never end), without blocking, and never more than the size limit is read."""
    limits = resolve(limits)
    ending = suffix(path).lower()
    kind = _KIND_BY_SUFFIX.get(ending)
    if kind is None:
        if path.endswith(("/", os.sep)) or os.path.isdir(path):  # a folder the walk could not open
            raise InputError(path, "无法打开此文件夹（没有读取权限），其中的报告没有检查", "请检查文件夹的权限后重试")
        raise _unsupported(path, ending)
    if kind in _BINARY_KINDS:
        return _guarded(path, lambda: _read_binary_file(path, kind, limits))
    return _guarded(path, lambda: _dispatch(_read_file(path, limits), path, kind, limits))


def _read_binary_file(path: str, kind: str, limits: Limits | None) -> Source:
    """A .docx/.doc/.wps/.pdf/.ofd file: its first bytes decide the reader (a .docx saved as
    .doc, a .doc renamed .docx and an encrypted .docx, which is an OLE file, are common).

    zipfile seeks around an archive itself: a .docx or .ofd is not loaded into memory, so its
    size is not limited (pictures make real files big); its parts are."""
    with _open_regular(path) as fh:
        head = fh.read(8)
        fh.seek(0)
        kind = _kind_by_magic(head, kind)
        if kind in {"docx", "ofd"}:
            return _read_docx(fh, path, limits) if kind == "docx" else _read_ofd(fh, path, limits)
    return _dispatch(_read_file(path, limits), path, kind, limits)


def _kind_by_magic(head: bytes, fallback: str) -> str:
    if head.startswith(b"PK\x03\x04"):
        return fallback if fallback in {"docx", "ofd"} else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"%PDF"):
        return "pdf"
    return fallback


def read_bytes(data: bytes, name: str, kind: str | None = None, limits: Limits | None = None) -> Source:
    """Read an in-memory input (stdin ``-`` or an upload); kind from name, else sniffed."""
    limits = resolve(limits)
    cap = _file_cap(limits)
    if len(data) > cap:
        raise _too_big(name, len(data), cap)
    if kind is None:
        kind = kind_for_name(name) or sniff_kind(data, name)
    if kind in _BINARY_KINDS:
        kind = _kind_by_magic(data[:8], kind)
    if kind not in KINDS:
        raise InputError(name, f"未知的输入类型：{kind}", _SUPPORTED_HINT)
    return _guarded(name, lambda: _dispatch(data, name, kind, limits))


def read_stream(stream: BinaryIO, name: str = "-", kind: str | None = None, limits: Limits | None = None) -> Source:
    """Read standard input (or another stream), never more than the size limit."""
    limits = resolve(limits)
    cap = _file_cap(limits)
    try:
        data = stream.read(cap + 1)
    except OSError as exc:
        raise InputError(name, f"无法读取输入：{exc.strerror or exc}", "请检查输入是否可读") from None
    if len(data) > cap:
        raise _too_big(name, None, cap)
    return read_bytes(data, name, kind, limits)


def sniff_kind(data: bytes, name: str = "-") -> str:
    """Guess the kind from the first bytes: zip → OFD (it has OFD.xml) or docx, OLE → doc,
    %PDF → pdf, an HTML start → html, else text."""
    head = data[:2048]
    if head.startswith(b"PK\x03\x04"):
        return "ofd" if b"OFD.xml" in data and b"[Content_Types].xml" not in data else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"%PDF"):
        return "pdf"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<html" in probe[:1024]:
        return "html"
    return "text"


def _dispatch(data: bytes, path: str, kind: str, limits: Limits | None = None) -> Source:
    """Hand the bytes to the reader for ``kind``."""
    if kind == "html":
        from .html import read_html

        return read_html(data, path, limits)
    if kind == "docx":
        return _read_docx(data, path, limits)
    if kind == "ofd":
        return _read_ofd(data, path, limits)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, path, limits)
    if kind == "doc":
        from .convert import is_ole, to_docx

        if not is_ole(data):
            raise InputError(path, "不是有效的 .doc/.wps 文件（不是 Word/WPS 的二进制格式），可能已损坏或只是改了扩展名",
                             "请用 Word/WPS 打开后另存为 .docx 后重试")
        source = _read_docx(to_docx(data, path, limits), path, limits)
        source.kind = "doc"
        return source
    from .text import read_text

    return read_text(data, path, kind=kind)


def _read_docx(data, path: str, limits: Limits | None = None) -> Source:  # noqa: ANN001 - bytes, path or file
    from .docx import read_docx

    return read_docx(data, path, limits)


def _read_ofd(data, path: str, limits: Limits | None = None) -> Source:  # noqa: ANN001 - bytes or file
    from .ofd import read_ofd

    return read_ofd(data, path, limits)


def _guarded(path: str, read) -> Source:  # noqa: ANN001 - a zero-argument callable
    """Run a reader; anything unexpected becomes an InputError rather than a traceback."""
    try:
        return _one_line_each(read())
    except InputError:
        raise
    except MemoryError:
        raise  # the check's worker process reports it, naming --max-memory-mb (checker/run/isolate.py)
    except RecursionError:
        raise InputError(path, "文件结构嵌套过深，无法解析", "请另存为 .docx 或纯文本后重试") from None
    except Exception as exc:  # noqa: BLE001 - contract: no other exception escapes a reader
        raise InputError(path, f"无法读取文件：{type(exc).__name__}: {exc}",
                         "请确认文件未损坏；可另存为 UTF-8 纯文本后重试") from None


def _one_line_each(source: Source) -> Source:
    """The parser's contract: no line holds a line break (a CR inside a .docx run or a web
    page's text would shift every line after it).  One for one, so columns stay right."""
    if any("\n" in line or "\r" in line for line in source.lines):
        source.lines = [line.replace("\r", " ").replace("\n", " ") for line in source.lines]
    return source


def _file_cap(limits: Limits | None) -> int:
    return limits.max_file_size if limits is not None else MAX_INPUT_BYTES


def _too_big(path: str, size: int | None, cap: int) -> InputError:
    what = f"（{format_size(size)}）" if size is not None else ""
    return InputError(path, f"文件过大{what}，超过 {format_size(cap)} 的上限，不像是一份年度报告；未检查",
                      "请确认选择了正确的文件；确需检查时可用 --max-file-size 调高上限（见 docs/limits.md）")


def _open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading, explaining in Chinese why it cannot be.

    ``O_NONBLOCK`` keeps a FIFO from blocking the run; the type is then checked on the open
    descriptor, so a file swapped for something else between listing and reading is caught."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(path, "这是一个符号链接，但它指向的文件不存在", "请检查链接目标是否已被移动或删除") from None
        raise InputError(path, "文件不存在（可能在检查过程中被移动或删除）", "请检查路径是否正确") from None
    except PermissionError:
        raise InputError(path, "无法读取文件：权限不足", "请检查文件权限") from None
    except IsADirectoryError:
        raise InputError(path, "这是一个目录，不是文件", "请指定文件，或把目录作为参数让工具递归查找") from None
    except OSError as exc:
        raise InputError(path, f"无法打开文件：{exc.strerror or exc}", "请确认这是一个普通文件且可以读取") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "这是一个目录，不是文件", "请指定文件，或把目录作为参数让工具递归查找")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "这不是普通文件（而是管道、套接字或设备），未读取", "请指定保存在磁盘上的报告文件")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_file(path: str, limits: Limits | None = None) -> bytes:
    """Read the whole file (bounded), translating OS errors into InputError."""
    cap = _file_cap(limits)
    with _open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > cap:
            raise _too_big(path, size, cap)
        try:
            # read(n) allocates n bytes first: ask for the file's size (+1, to notice growth),
            # not the whole limit, and read on to the limit only when the file has grown
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(cap + 1 - len(data))
        except OSError as exc:
            raise InputError(path, f"无法读取文件：{exc.strerror or exc}", "请检查文件是否可读") from None
    if len(data) > cap:  # the file grew while we read it
        raise _too_big(path, len(data), cap)
    return data


def _unsupported(path: str, ending: str) -> InputError:
    label = ending or "（无扩展名）"
    return InputError(path, f"不支持的文件类型：{label}", _SUPPORTED_HINT)


__all__ = ["SUPPORTED", "MAX_INPUT_BYTES", "read_path", "read_bytes", "read_stream", "sniff_kind", "kind_for_name"]
