"""Input readers: turn a file (or bytes) into a :class:`checker.source.Source`.

Dispatch is by file suffix, falling back to sniffing the bytes (stdin, web uploads).
Every failure becomes :class:`checker.source.InputError` with a Chinese message, so the
caller can turn it into an ``input-error`` finding and carry on with the other files.
The HTML and DOCX readers import lxml/zipfile lazily: plain-text runs start fast.
"""
from __future__ import annotations

import os
from pathlib import Path

from checker.source import InputError, Source

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".docx"}

# A report is a few hundred KB; anything this big is not one and would only eat memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024

_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

_SUPPORTED_HINT = "支持的格式：.txt、.md、.html、.htm、.docx"


def kind_for_name(name: str) -> str | None:
    """Reader kind for a file name by its suffix (case-insensitive), or None if unknown."""
    return _KIND_BY_SUFFIX.get(Path(name).suffix.lower())


def read_path(path: str) -> Source:
    """Read one file from disk; the suffix decides the reader."""
    suffix = Path(path).suffix.lower()
    kind = _KIND_BY_SUFFIX.get(suffix)
    if kind is None:
        raise _unsupported(path, suffix)
    if kind == "docx":
        # zipfile seeks around the archive itself; no need to load it all into memory.
        _check_file(path)
        return _guarded(path, lambda: _read_docx(path, path))
    return _guarded(path, lambda: _dispatch(_read_file(path), path, kind))


def read_bytes(data: bytes, name: str, kind: str | None = None) -> Source:
    """Read an in-memory input (stdin ``-`` or an upload); kind from name, else sniffed."""
    if kind is None:
        kind = kind_for_name(name) or sniff_kind(data, name)
    if kind not in {"text", "markdown", "html", "docx"}:
        raise InputError(name, f"未知的输入类型：{kind}", _SUPPORTED_HINT)
    return _guarded(name, lambda: _dispatch(data, name, kind))


def sniff_kind(data: bytes, name: str = "-") -> str:
    """Guess the kind from the first bytes: zip → docx, an HTML start → html, else text."""
    head = data[:2048]
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(name, "这是旧版 Word（.doc）或其他 OLE 格式文件，无法直接读取",
                         "请用 Word/WPS 另存为 .docx 后重试")
    if head.startswith(b"%PDF"):
        raise InputError(name, "这是 PDF 文件，不受支持", "请提供 Word（.docx）、网页或纯文本格式")
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<html" in probe[:1024]:
        return "html"
    return "text"


def _dispatch(data: bytes, path: str, kind: str) -> Source:
    """Hand the bytes to the reader for ``kind``."""
    if kind == "html":
        from checker.readers.html import read_html

        return read_html(data, path)
    if kind == "docx":
        return _read_docx(data, path)
    from checker.readers.text import read_text

    return read_text(data, path, kind=kind)


def _read_docx(data: bytes | str, path: str) -> Source:
    from checker.readers.docx import read_docx

    return read_docx(data, path)


def _guarded(path: str, read) -> Source:  # noqa: ANN001 - a zero-argument callable
    """Run a reader; anything unexpected becomes an InputError rather than a traceback."""
    try:
        return read()
    except InputError:
        raise
    except MemoryError:
        raise InputError(path, "文件过大或结构过于复杂，内存不足", "请拆分文件或另存为纯文本后重试") from None
    except RecursionError:
        raise InputError(path, "文件结构嵌套过深，无法解析", "请另存为 .docx 或纯文本后重试") from None
    except Exception as exc:  # noqa: BLE001 - contract: no other exception escapes a reader
        raise InputError(path, f"无法读取文件：{type(exc).__name__}: {exc}",
                         "请确认文件未损坏；可另存为 UTF-8 纯文本后重试") from None


def _check_file(path: str) -> int:
    """Stat the path and explain, in Chinese, why it cannot be read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在", "请检查路径是否正确") from None
    except PermissionError:
        raise InputError(path, "无法读取文件：权限不足", "请检查文件权限") from None
    except OSError as exc:
        raise InputError(path, f"无法读取文件：{exc.strerror or exc}", "请检查路径和磁盘") from None
    if os.path.isdir(path):
        raise InputError(path, "这是一个目录，不是文件", "请指定文件，或把目录作为参数让工具递归查找")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(path, f"文件过大（{st.st_size // (1024 * 1024)} MB），不像是一份年度报告",
                         "请确认选择了正确的文件")
    return st.st_size


def _read_file(path: str) -> bytes:
    """Read the whole file (bounded), translating OS errors into InputError."""
    _check_file(path)
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise InputError(path, "无法读取文件：权限不足", "请检查文件权限") from None
    except IsADirectoryError:
        raise InputError(path, "这是一个目录，不是文件", "请指定文件") from None
    except OSError as exc:
        raise InputError(path, f"无法读取文件：{exc.strerror or exc}", "请检查文件是否可读") from None


def _unsupported(path: str, suffix: str) -> InputError:
    if suffix == ".doc":
        return InputError(path, "不支持旧版 Word（.doc）格式", "请用 Word/WPS 另存为 .docx 后重试")
    if suffix == ".pdf":
        return InputError(path, "不支持 PDF 格式", "请提供 Word（.docx）、网页或纯文本格式")
    label = suffix or "（无扩展名）"
    return InputError(path, f"不支持的文件类型：{label}", _SUPPORTED_HINT)


__all__ = ["SUPPORTED", "MAX_INPUT_BYTES", "read_path", "read_bytes", "sniff_kind", "kind_for_name"]
