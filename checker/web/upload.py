"""Reading what a request sends: the body within its size limit, the page's form fields, the
upload to check.

multipart/form-data is parsed by ``multipart`` (a maintained, strict RFC 7578 parser) inside our
own limits: the body is read in bounded chunks before parsing (``max_bytes``), at most
``MAX_PARTS`` parts with ``MAX_PART_HEADERS`` bytes of headers each; anything malformed is a 400.
"""
from __future__ import annotations

import email.utils
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote

from checker.read.lazy_pattern import lazy
from checker.read.record import record

from .http import HTTPError, mb

MAX_PARTS = 16
MAX_PART_HEADERS = 8 * 1024
MAX_NAME_CHARS = 120
READ_CHUNK = 64 * 1024
PASTED_NAME = "粘贴的文本.txt"
RAW_DEFAULT_NAME = "upload"
FORM_FIELDS = ("text", "rules", "action", "name")
FILE_FIELDS = ("file", "previous")
BOUNDARY_RE = lazy(r"^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$")
UNSAFE_NAME_RE = lazy(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
FILENAME_STAR_RE = lazy(r"""filename\*\s*=\s*([^;]+)""", re.I)


@record
class Upload:
    """One thing to check: its bytes and a display name (never logged)."""

    data: bytes
    name: str
    kind: str | None = None  # reader kind when known (pasted text), else from name or sniffed
    previous: Upload | None = None  # last year's report of the same unit, for the cross-year rules


@record
class Part:
    name: str
    filename: str | None
    content_type: str
    data: bytes


def read_body(environ, meta: dict, max_bytes: int) -> bytes:
    """At most ``max_bytes``: refuse a larger declared length before reading; without a
    length, read in chunks and stop as soon as the limit is passed."""
    stream = environ.get("wsgi.input")
    raw_length = (environ.get("CONTENT_LENGTH") or "").strip()
    too_big = HTTPError(413, f"上传内容超过 {mb(max_bytes)} MB 的限制",
                        "请压缩图片、删去附件，或另存为纯文本（.txt）后重试。")
    if raw_length:
        if not (raw_length.isascii() and raw_length.isdigit()):  # "²".isdigit() is true
            raise HTTPError(400, "请求头 Content-Length 无效")
        length = int(raw_length)
        if length > max_bytes:
            meta["size"] = length
            _discard(stream, length, max_bytes)
            raise too_big
    elif environ.get("wsgi.input_terminated"):
        length = None
    elif (environ.get("HTTP_TRANSFER_ENCODING") or "").lower() == "chunked":
        raise HTTPError(411, "请求未给出内容长度（Content-Length）", "请在请求头中给出 Content-Length。")
    else:
        return b""
    if stream is None:
        return b""
    chunks, total = [], 0
    try:
        while length is None or total < length:
            want = READ_CHUNK if length is None else min(READ_CHUNK, length - total)
            chunk = stream.read(want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            meta["size"] = total
            if total > max_bytes:
                raise too_big
    except OSError:  # a client that stalls past the server's socket timeout, or went away
        raise HTTPError(408, "上传未能在规定时间内完成", "请检查网络后重试。") from None
    if length is not None and total < length:
        raise HTTPError(400, "上传内容不完整（连接提前中断）", "请重新上传。")
    return b"".join(chunks)


def read_form(environ, meta: dict, max_bytes: int) -> dict:
    """The page's form fields: ``file`` and ``previous`` (Parts), ``text``, ``rules``, ``action``,
    ``name`` (strings); the first of each name counts."""
    ctype = environ.get("CONTENT_TYPE") or ""
    body = read_body(environ, meta, max_bytes)
    if ctype.lower().startswith("application/x-www-form-urlencoded"):
        try:
            pairs = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                             max_num_fields=MAX_PARTS)
        except (UnicodeDecodeError, ValueError):
            raise HTTPError(400, "表单内容无法解析（应为 UTF-8 编码）") from None
        return {k: v[0] for k, v in pairs.items() if k in FORM_FIELDS}
    if not ctype.lower().startswith("multipart/form-data"):
        raise HTTPError(415, "请用页面上的表单上传（multipart/form-data）")
    fields: dict = {}
    for part in parse_multipart(body, ctype):
        if part.name in fields:
            continue
        if part.name in FILE_FIELDS and part.filename is not None:
            fields[part.name] = part
        elif part.name in FORM_FIELDS:
            try:
                fields[part.name] = part.data.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPError(400, f"表单字段 {part.name} 不是 UTF-8 文字") from None
    return fields


def parse_multipart(body: bytes, content_type: str, max_parts: int = MAX_PARTS) -> list[Part]:
    """Every part of a multipart/form-data body (RFC 7578, strictly: a boundary in the
    Content-Type, a ``form-data`` Content-Disposition with a name on every part, a closing
    delimiter).  Anything else is a 400."""
    import multipart

    _, options = multipart.parse_options_header(content_type)
    boundary = options.get("boundary", "")
    if not boundary or not BOUNDARY_RE.match(boundary):
        raise HTTPError(400, "表单格式错误：缺少或无效的 boundary")
    parser = multipart.PushMultipartParser(boundary, content_length=len(body), max_header_size=MAX_PART_HEADERS,
                                           max_header_count=8, max_segment_count=max_parts, strict=True)
    parts: list[Part] = []
    segment, chunks = None, []
    try:
        with parser:
            for event in parser.parse(body):
                if isinstance(event, multipart.MultipartSegment):
                    segment, chunks = event, []
                elif event:
                    chunks.append(bytes(event))
                elif segment is not None:
                    parts.append(_part(segment, b"".join(chunks)))
                    segment = None
            for _ in parser.parse(b""):  # the end of the body: a missing closing delimiter raises
                pass
    except multipart.ParserLimitReached:
        raise HTTPError(400, "表单字段过多，或字段头过长") from None
    except multipart.MultipartError as exc:
        raise HTTPError(400, f"表单格式错误（{exc}）") from None
    return parts


def _part(segment, data: bytes) -> Part:
    """A parsed segment as a :class:`Part`; a file name given only in the RFC 2231 form
    (``filename*=UTF-8''%E6%8A%A5…``) is decoded too."""
    filename = segment.filename
    if filename is None:
        disposition = segment.header("Content-Disposition", "") or ""
        star = FILENAME_STAR_RE.search(disposition)
        if star:
            filename = _rfc2231(star.group(1).strip().strip('"'))
    return Part(name=segment.name, filename=filename, content_type=segment.content_type or "text/plain",
                data=data)


def _rfc2231(value: str) -> str:
    charset, _, rest = value.partition("'")
    _, _, encoded = rest.partition("'")
    if not encoded:
        return unquote(value)
    try:
        return unquote(encoded, encoding=charset or "utf-8", errors="strict")
    except (LookupError, UnicodeDecodeError):
        return email.utils.collapse_rfc2231_value((charset, "", encoded))


def upload_from_fields(fields: dict) -> Upload:
    """The report to check (a file, else pasted text), with last year's report if one came."""
    previous = _previous_from_fields(fields)
    part = fields.get("file")
    if part is not None and (part.data or part.filename):
        name = safe_name(part.filename or "") or safe_name(fields.get("name") or "") or RAW_DEFAULT_NAME
        if not part.data:
            raise HTTPError(400, "上传的文件是空的", "请确认选择了正确的文件。")
        return Upload(part.data, name, previous=previous)
    text = fields.get("text") or ""
    if text.strip():
        name = safe_name(fields.get("name") or "") or PASTED_NAME
        return Upload(text.replace("\r\n", "\n").encode("utf-8"), name, kind="text", previous=previous)
    raise HTTPError(400, "没有收到要检查的内容", "请选择一个文件，或在文本框中粘贴报告全文。")


def _previous_from_fields(fields: dict) -> Upload | None:
    part = fields.get("previous")
    if part is None or not (part.data or part.filename):
        return None  # the optional field left empty: browsers send a part with no file name
    if not part.data:
        raise HTTPError(400, "上传的上一年度报告是空的", "请确认选择了正确的文件，或不选上一年度报告。")
    return Upload(part.data, safe_name(part.filename or "") or RAW_DEFAULT_NAME)


def safe_name(name: str) -> str:
    """The file's own name (no folders: old browsers send ``C:\\fakepath\\…``), without control
    or path characters, at most 120 characters, suffix kept."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = UNSAFE_NAME_RE.sub("_", name).strip(" .")
    if len(name) > MAX_NAME_CHARS:
        suffix = Path(name).suffix[:10]
        name = name[:MAX_NAME_CHARS - len(suffix)] + suffix
    return name


def download_stem(name: str) -> str:
    stem = Path(name).stem if Path(name).suffix else name
    return (stem or "report") + "-审查意见"


def _discard(stream, length: int, limit: int) -> None:
    """Read and drop a too-large body up to 2 × the limit, so the client (still sending) sees
    our 413 page instead of a reset connection; beyond that, just answer."""
    if stream is None or length > 2 * limit:
        return
    left, deadline = length, time.monotonic() + 10
    try:
        while left > 0 and time.monotonic() < deadline:
            chunk = stream.read(min(READ_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
    except OSError:
        pass
