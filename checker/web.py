"""``fzcheck serve``'s web application: upload a draft (or paste text), read the findings.

A plain WSGI application, importable as ``checker.web:app`` for any WSGI server
(``waitress-serve --listen=127.0.0.1:8790 checker.web:app``); :mod:`checker.serve` starts it for
``fzcheck serve``.  Routes:

``GET /``            the upload page (Chinese, no JavaScript): a file input or a text box, the
                     rule set, and three buttons — view the findings, download them as HTML or JSON.
``POST /check``      multipart/form-data from that page → the same HTML findings page as
                     ``--format html`` with a bar on top (back, download HTML, download JSON; the
                     downloads are ``data:`` links built from this response, nothing is stored).
                     ``?download=html|json`` (or the form's ``action`` button) answers with an
                     attachment instead.
``POST /api/check``  for other systems: multipart (``file`` or ``text``, ``rules``), a urlencoded
                     ``text=``, or the raw file as the body (``?name=报告.docx&rules=national``) →
                     exactly the CLI's JSON contract with one report whose ``path`` is the file name.
``GET /api/rulesets`` the rule sets offered; ``GET /healthz`` → ``ok``.

Privacy: an upload lives only in memory for the request (a WSGI server may spool a large body
to an unlinked temp file, as waitress does above 512 KB) and nothing is written or kept
afterwards.  The access log has one line per request: time, method, route, request size,
status and duration — never a file name, a query string, a client address or content.

Limits: the body size (``max_bytes``, 20 MB; a larger ``Content-Length`` is refused with 413
before reading, and a body without one is read in bounded chunks and refused as soon as it
passes the limit), the number of checks running at once (``max_checks``, 2 × cores; a request
waits at most ``queue_wait`` seconds for a slot, then gets 503 with ``Retry-After``), and the
time of one check (``timeout``: the check runs in a worker thread; when it is not done in time
the request gets 503 and the slot stays taken until that thread ends, so runaway checks can
never pile up beyond ``max_checks``).  Malformed requests get 400, never a hang or a traceback.
"""
from __future__ import annotations

import base64
import email.message
import email.utils
import json
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, quote

from . import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"
MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
DEFAULT_TIMEOUT = 60.0
DEFAULT_QUEUE_WAIT = 10.0
MAX_PARTS = 16
MAX_PART_HEADERS = 8 * 1024
MAX_NAME_CHARS = 120
MAX_INLINE_DOWNLOAD = 8 * MB  # larger findings pages get no data: link for the HTML download
READ_CHUNK = 64 * 1024
PASTED_NAME = "粘贴的文本.txt"
RAW_DEFAULT_NAME = "upload"
KNOWN_ROUTES = ("/", "/check", "/api/check", "/api/rulesets", "/healthz", "/favicon.ico")
SECURITY_HEADERS = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                    ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store")]
PAGE_CSP_META = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"
PAGE_CSP = PAGE_CSP_META + "; frame-ancestors 'none'"  # the header; a <meta> cannot carry frame-ancestors
# The findings page carries its own CSP in a <meta> (checker.formats.html); the header adds
# only what a <meta> cannot say.
REPORT_CSP = "frame-ancestors 'none'"
BOUNDARY_RE = re.compile(r"^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$")
HEADER_NAME_RE = re.compile(rb"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
UNSAFE_NAME_RE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


class HTTPError(Exception):
    """A request that gets a plain error answer (page or JSON) with this status."""

    def __init__(self, status: int, message: str, hint: str = "", retry_after: int | None = None):
        super().__init__(message)
        self.status, self.message, self.hint, self.retry_after = status, message, hint, retry_after


REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
           411: "Length Required", 413: "Payload Too Large", 415: "Unsupported Media Type",
           500: "Internal Server Error", 503: "Service Unavailable"}
TITLES = {400: "请求有误", 404: "页面不存在", 405: "不支持的请求方式", 408: "上传超时", 411: "缺少内容长度",
          413: "文件过大", 415: "不支持的提交方式", 500: "服务出错", 503: "服务繁忙"}


@dataclass
class Upload:
    """One thing to check: its bytes and a display name (never logged)."""

    data: bytes
    name: str
    kind: str | None = None  # reader kind when known (pasted text), else from name or sniffed
    previous: Upload | None = None  # last year's report of the same unit, for the cross-year rules


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str
    data: bytes


# ----------------------------------------------------------------------------- the application

class WebApp:
    """The WSGI callable.  Rule sets are loaded once, here, from names or paths chosen by whoever
    starts the server; a request can only pick one of them by its name."""

    def __init__(self, rules: list[str] | tuple[str, ...] | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 timeout: float = DEFAULT_TIMEOUT, max_checks: int | None = None,
                 queue_wait: float = DEFAULT_QUEUE_WAIT, log: Callable[[str], None] | None = None):
        from .ruleset import bundled_names, load

        bundled = sorted(bundled_names(), key=lambda n: (n != "national", n))  # national first
        specs = list(rules or []) + [n for n in bundled if n not in (rules or [])]
        self.rulesets: dict[str, object] = {}
        for spec in specs or ["national"]:
            ruleset = load(spec)  # RuleSetError propagates: the server must not start with a bad file
            key = ruleset.name
            if key in self.rulesets:
                if spec in bundled and spec not in (rules or []):
                    continue  # a user's file named like a bundled set shadows it
                n = 2
                while f"{key}-{n}" in self.rulesets:
                    n += 1
                key = f"{key}-{n}"
            self.rulesets[key] = ruleset
        self.default_rules = next(iter(self.rulesets))
        self.max_bytes = int(max_bytes)
        self.timeout = float(timeout)
        self.max_checks = int(max_checks or 2 * _cores())
        self.queue_wait = float(queue_wait)
        self.slots = threading.BoundedSemaphore(self.max_checks)
        self.log = log or _stderr_log
        self._env = None
        self.check_fn = _check_upload  # replaceable in tests

    # -- WSGI entry
    def __call__(self, environ, start_response):
        started = time.monotonic()
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = environ.get("PATH_INFO") or "/"
        meta = {"size": 0, "api": path.startswith("/api/")}
        try:
            status, headers, body = self.route(environ, method, path, meta)
        except HTTPError as exc:
            status, headers, body = self.error(exc, meta["api"])
        except Exception:  # noqa: BLE001 - never a traceback to the user, never content in a log
            status, headers, body = self.error(HTTPError(500, "服务内部出错，请稍后重试", "如果反复出现，请联系管理员。"),
                                               meta["api"])
        if method == "HEAD":
            headers = [(k, v) for k, v in headers if k != "Content-Length"] + [("Content-Length", str(len(body)))]
            body = b""
        start_response(f"{status} {REASONS.get(status, 'Error')}", headers + SECURITY_HEADERS)
        self.log(access_line(method, path, meta["size"], status, time.monotonic() - started))
        return [body]

    def route(self, environ, method: str, path: str, meta: dict):
        if path == "/":
            self._allow(method, ("GET", "HEAD"))
            return self.index_page()
        if path == "/healthz":
            self._allow(method, ("GET", "HEAD"))
            return 200, [("Content-Type", "text/plain; charset=utf-8")], b"ok\n"
        if path == "/api/rulesets":
            self._allow(method, ("GET", "HEAD"))
            data = {"default": self.default_rules,
                    "rulesets": [{"name": k, "title": getattr(r, "title", "")} for k, r in self.rulesets.items()]}
            return 200, [("Content-Type", "application/json; charset=utf-8")], _json_bytes(data)
        if path == "/check":
            self._allow(method, ("POST",))
            return self.check_page(environ, meta)
        if path == "/api/check":
            self._allow(method, ("POST",))
            return self.check_api(environ, meta)
        raise HTTPError(404, "没有这个页面", "请回到首页上传文件。")

    @staticmethod
    def _allow(method: str, allowed: tuple[str, ...]) -> None:
        if method not in allowed:
            raise HTTPError(405, f"此地址不支持 {method} 请求", "请从首页上传文件。")

    # -- pages
    def index_page(self):
        html = self.env().get_template("web_index.html").render(
            page=self._page(), rulesets=self._ruleset_options(), default_rules=self.default_rules,
            limit_mb=_mb(self.max_bytes), timeout=int(self.timeout))
        return 200, _html_headers(PAGE_CSP), html.encode("utf-8")

    def check_page(self, environ, meta: dict):
        fields = self.read_form(environ, meta)
        query = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=8)
        action = (query.get("download") or [fields.get("action") or "view"])[0]
        if action not in ("view", "html", "json"):
            raise HTTPError(400, f"未知的操作：{action[:20]}", "可选：查看、下载 HTML、下载 JSON。")
        rules_key, ruleset = self.pick_rules(fields.get("rules"))
        upload = self.upload_from_fields(fields)
        report = self.run_check(upload, ruleset)
        from .formats import html as html_format
        from .result import RunResult

        run = RunResult(ruleset=ruleset.name, reports=[report])
        stem = download_stem(upload.name)
        if action == "json":
            return 200, _attachment("application/json; charset=utf-8", f"{stem}.json"), _json_run(run)
        page = html_format.render(run, ruleset)
        if action == "html":
            return 200, _attachment("text/html; charset=utf-8", f"{stem}.html"), page.encode("utf-8")
        bar = self.env().get_template("web_bar.html").render(
            name=upload.name, stem=stem, rules_title=_ruleset_label(rules_key, ruleset),
            html_href=_data_url("text/html", page) if len(page.encode("utf-8")) <= MAX_INLINE_DOWNLOAD else None,
            json_href=_data_url("application/json", _json_run(run).decode("utf-8")))
        return 200, _html_headers(REPORT_CSP), inject_bar(page, bar).encode("utf-8")

    def check_api(self, environ, meta: dict):
        ctype = (environ.get("CONTENT_TYPE") or "").lower()
        query = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=8)
        # ``?name=`` says the body is the file itself, whatever Content-Type a client sent
        # (curl --data-binary sends application/x-www-form-urlencoded).
        if "name" not in query and ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            fields = self.read_form(environ, meta)
            rules_key, ruleset = self.pick_rules(fields.get("rules") or (query.get("rules") or [None])[0])
            upload = self.upload_from_fields(fields)
        else:
            body = self.read_body(environ, meta)
            if not body:
                raise HTTPError(400, "请求体为空", "请在请求体中提交报告文件，或用 multipart/form-data 的 file 字段。")
            rules_key, ruleset = self.pick_rules((query.get("rules") or [None])[0])
            upload = Upload(body, safe_name((query.get("name") or [RAW_DEFAULT_NAME])[0]) or RAW_DEFAULT_NAME)
        report = self.run_check(upload, ruleset)
        from .result import RunResult

        run = RunResult(ruleset=ruleset.name, reports=[replace(report, lines=[], outline={})])
        return 200, [("Content-Type", "application/json; charset=utf-8")], _json_run(run)

    def error(self, exc: HTTPError, api: bool):
        headers = []
        if exc.retry_after is not None:
            headers.append(("Retry-After", str(exc.retry_after)))
        if api:
            data = {"error": {"status": exc.status, "message": exc.message, "hint": exc.hint}}
            return exc.status, [("Content-Type", "application/json; charset=utf-8")] + headers, _json_bytes(data)
        html = self.env().get_template("web_error.html").render(
            page=self._page(), status=exc.status, title=TITLES.get(exc.status, "出错了"), message=exc.message,
            hint=exc.hint)
        return exc.status, _html_headers(PAGE_CSP) + headers, html.encode("utf-8")

    # -- input
    def read_body(self, environ, meta: dict) -> bytes:
        """At most ``max_bytes``: refuse a larger declared length before reading; without a
        length, read in chunks and stop as soon as the limit is passed."""
        stream = environ.get("wsgi.input")
        raw_length = (environ.get("CONTENT_LENGTH") or "").strip()
        too_big = HTTPError(413, f"上传内容超过 {_mb(self.max_bytes)} MB 的限制",
                            "请压缩图片、删去附件，或另存为纯文本（.txt）后重试。")
        if raw_length:
            if not raw_length.isdigit():
                raise HTTPError(400, "请求头 Content-Length 无效")
            length = int(raw_length)
            if length > self.max_bytes:
                meta["size"] = length
                _discard(stream, length, self.max_bytes)
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
                if total > self.max_bytes:
                    raise too_big
        except OSError:  # a client that stalls past the server's socket timeout, or went away
            raise HTTPError(408, "上传未能在规定时间内完成", "请检查网络后重试。") from None
        if length is not None and total < length:
            raise HTTPError(400, "上传内容不完整（连接提前中断）", "请重新上传。")
        return b"".join(chunks)

    def read_form(self, environ, meta: dict) -> dict:
        """The page's form fields: ``file`` (a Part), ``text``, ``rules``, ``action`` (strings)."""
        ctype = environ.get("CONTENT_TYPE") or ""
        body = self.read_body(environ, meta)
        if ctype.lower().startswith("application/x-www-form-urlencoded"):
            try:
                pairs = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                                 max_num_fields=MAX_PARTS)
            except (UnicodeDecodeError, ValueError):
                raise HTTPError(400, "表单内容无法解析（应为 UTF-8 编码）") from None
            return {k: v[0] for k, v in pairs.items() if k in ("text", "rules", "action", "name")}
        if not ctype.lower().startswith("multipart/form-data"):
            raise HTTPError(415, "请用页面上的表单上传（multipart/form-data）")
        parts = parse_multipart(body, ctype)
        fields: dict = {}
        for part in parts:
            if part.name in fields:
                continue
            if part.name in ("file", "previous") and part.filename is not None:
                fields[part.name] = part
            elif part.name in ("text", "rules", "action", "name"):
                try:
                    fields[part.name] = part.data.decode("utf-8")
                except UnicodeDecodeError:
                    raise HTTPError(400, f"表单字段 {part.name} 不是 UTF-8 文字") from None
        return fields

    def upload_from_fields(self, fields: dict) -> Upload:
        """The report to check (a file, else pasted text), with last year's report if one came."""
        previous = self._previous_from_fields(fields)
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

    @staticmethod
    def _previous_from_fields(fields: dict) -> Upload | None:
        part = fields.get("previous")
        if part is None or not (part.data or part.filename):
            return None  # the optional field left empty: browsers send a part with no file name
        if not part.data:
            raise HTTPError(400, "上传的上一年度报告是空的", "请确认选择了正确的文件，或不选上一年度报告。")
        return Upload(part.data, safe_name(part.filename or "") or RAW_DEFAULT_NAME)

    def pick_rules(self, name: str | None):
        key = (name or "").strip() or self.default_rules
        if key not in self.rulesets:
            raise HTTPError(400, f"没有名为“{key[:40]}”的规则集", "可选：" + "、".join(self.rulesets))
        return key, self.rulesets[key]

    # -- checking, bounded
    def run_check(self, upload: Upload, ruleset):
        """Run the check in a worker thread holding one of ``max_checks`` slots; 503 when no
        slot frees up within ``queue_wait`` or the check outlives ``timeout``."""
        if not self.slots.acquire(timeout=self.queue_wait):
            raise HTTPError(503, "同时进行的检查过多，服务繁忙", "请稍候片刻再试。", retry_after=5)
        box: dict = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["report"] = self.check_fn(upload, ruleset)
            except BaseException as exc:  # noqa: BLE001 - handed to the request thread
                box["error"] = exc
            finally:
                self.slots.release()
                done.set()

        try:
            threading.Thread(target=work, name="fzcheck-check", daemon=True).start()
        except RuntimeError:
            self.slots.release()
            raise HTTPError(503, "服务繁忙，无法开始检查", "请稍候片刻再试。", retry_after=5) from None
        if not done.wait(self.timeout):
            raise HTTPError(503, f"检查超过 {int(self.timeout)} 秒仍未完成，已放弃",
                            "文件可能过大或过于复杂；请拆分文件或另存为纯文本后重试。", retry_after=30)
        if "error" in box:
            raise box["error"]
        return box["report"]

    # -- templates
    def env(self):
        if self._env is None:
            import jinja2

            self._env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                           trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        return self._env

    def _page(self) -> dict:
        from markupsafe import Markup

        return {"css": Markup(_css()), "version": __version__, "csp": PAGE_CSP_META}

    def _ruleset_options(self) -> list[dict]:
        return [{"key": k, "label": _ruleset_label(k, r)} for k, r in self.rulesets.items()]


def _check_upload(upload: Upload, ruleset):
    """Read and check one upload; an unreadable file is an ``input-error`` report, as in the CLI,
    and an unreadable last-year report an ``input-error`` warning, as with ``--previous``."""
    from .pipeline import check_source, input_error_result
    from .readers import read_bytes
    from .source import InputError

    try:
        source = read_bytes(upload.data, upload.name, kind=upload.kind)
    except InputError as exc:
        return input_error_result(upload.name, exc.problem, exc.hint)
    try:
        previous, unreadable = _previous_document(upload, ruleset)
        report = check_source(source, ruleset, previous=previous)
    except (RecursionError, MemoryError, ValueError) as exc:
        return input_error_result(upload.name, f"无法检查此文件（{type(exc).__name__}）")
    if unreadable is None:
        return report
    from .pairing import merge

    return merge(report, ([unreadable], report.crossyear), ruleset)


def _previous_document(upload: Upload, ruleset):
    """Last year's report parsed, or None and the warning that says why it could not be read."""
    from .pairing import previous_unreadable
    from .parse import parse
    from .readers import read_bytes
    from .source import InputError

    if upload.previous is None:
        return None, None
    try:
        return parse(read_bytes(upload.previous.data, upload.previous.name), ruleset.sections), None
    except InputError as exc:
        return None, previous_unreadable(upload.name, upload.previous.name, exc.problem)


# ----------------------------------------------------------------------------- multipart

def parse_multipart(body: bytes, content_type: str, max_parts: int = MAX_PARTS) -> list[Part]:
    """A strict multipart/form-data parser (RFC 7578): the boundary from the Content-Type,
    every part with a ``form-data`` Content-Disposition and a name, a closing delimiter.
    Anything else is a 400."""
    msg = email.message.Message()
    msg["Content-Type"] = content_type
    boundary = msg.get_param("boundary")
    if isinstance(boundary, tuple):
        boundary = email.utils.collapse_rfc2231_value(boundary)
    if not boundary or not isinstance(boundary, str) or not BOUNDARY_RE.match(boundary):
        raise HTTPError(400, "表单格式错误：缺少或无效的 boundary")
    dash = b"--" + boundary.encode("ascii")
    delim = b"\r\n" + dash
    if body.startswith(dash):
        pos = len(dash)
    else:  # a preamble is allowed, and ignored
        found = body.find(delim)
        if found < 0:
            raise HTTPError(400, "表单格式错误：找不到分隔符")
        pos = found + len(delim)
    parts: list[Part] = []
    while True:
        if body.startswith(b"--", pos):
            return parts  # the closing delimiter; an epilogue is ignored
        eol = body.find(b"\r\n", pos)
        if eol < 0 or body[pos:eol].strip(b" \t"):
            raise HTTPError(400, "表单格式错误：分隔符后应换行")
        start = eol + 2
        if body.startswith(b"\r\n", start):
            raw_headers, content_start = b"", start + 2
        else:
            end = body.find(b"\r\n\r\n", start, start + MAX_PART_HEADERS)
            if end < 0:
                raise HTTPError(400, "表单格式错误：字段头不完整或过长")
            raw_headers, content_start = body[start:end], end + 4
        nxt = body.find(delim, content_start)
        if nxt < 0:
            raise HTTPError(400, "表单格式错误：内容不完整（缺少结束分隔符）")
        if len(parts) >= max_parts:
            raise HTTPError(400, "表单字段过多")
        parts.append(_part(raw_headers, body[content_start:nxt]))
        pos = nxt + len(delim)


def _part(raw_headers: bytes, data: bytes) -> Part:
    headers: dict[str, str] = {}
    for line in (raw_headers.split(b"\r\n") if raw_headers else []):
        name, sep, value = line.partition(b":")
        if not sep or not HEADER_NAME_RE.match(name):
            raise HTTPError(400, "表单格式错误：字段头无效")
        headers[name.decode("ascii").lower()] = value.strip().decode("utf-8", errors="replace")
    disposition = headers.get("content-disposition")
    if not disposition:
        raise HTTPError(400, "表单格式错误：字段缺少 Content-Disposition")
    msg = email.message.Message()
    msg["Content-Disposition"] = disposition
    if msg.get_content_disposition() != "form-data":
        raise HTTPError(400, "表单格式错误：Content-Disposition 应为 form-data")
    name = msg.get_param("name", header="content-disposition")
    if isinstance(name, tuple):
        name = email.utils.collapse_rfc2231_value(name)
    if not name:
        raise HTTPError(400, "表单格式错误：字段缺少名称")
    filename = msg.get_filename()
    if filename is None and "filename=" in disposition.replace(" ", "").lower():
        filename = ""
    return Part(name=str(name), filename=filename, content_type=headers.get("content-type", "text/plain"),
                data=data)


# ----------------------------------------------------------------------------- helpers

def access_line(method: str, path: str, size: int, status: int, seconds: float) -> str:
    """``2026-11-22T08:30:00 POST /check 48213 200 83ms`` — nothing else, by design."""
    route = path if path in KNOWN_ROUTES else "-"
    method = method if re.fullmatch(r"[A-Z]{1,10}", method) else "-"
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())
    return f"{stamp} {method} {route} {int(size)} {int(status)} {round(seconds * 1000)}ms"


def _stderr_log(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


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


def _attachment(ctype: str, filename: str) -> list[tuple[str, str]]:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "fzcheck"
    return [("Content-Type", ctype),
            ("Content-Disposition", f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}")]


def _html_headers(csp: str) -> list[tuple[str, str]]:
    return [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", csp)]


def _json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_run(run) -> bytes:
    from .formats import json as json_format

    return json_format.render(run).encode("utf-8")


def _data_url(ctype: str, text: str) -> str:
    return f"data:{ctype};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def inject_bar(page: str, bar: str) -> str:
    """Put the web bar right after the page's ``<body …>`` tag (report text is escaped, so the
    first ``<body`` is the real one)."""
    match = re.search(r"<body\b[^>]*>", page)
    if not match:
        return bar + page
    return page[:match.end()] + "\n" + bar + page[match.end():]


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


def _ruleset_label(key: str, ruleset) -> str:
    title = getattr(ruleset, "title", "") or ""
    return f"{title}（{key}）" if title else key


def _mb(n: int) -> str:
    value = n / MB
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


_CSS: str | None = None


def _css() -> str:
    global _CSS
    if _CSS is None:
        _CSS = (TEMPLATES / "fzcheck.css").read_text(encoding="utf-8")
    return _CSS


# ----------------------------------------------------------------------------- ``checker.web:app``

def from_environment() -> WebApp:
    """An app configured by environment variables, for running under any WSGI server:
    ``FZCHECK_RULES`` (comma-separated names or paths), ``FZCHECK_MAX_MB``, ``FZCHECK_TIMEOUT``,
    ``FZCHECK_MAX_CHECKS``."""
    rules = [r.strip() for r in os.environ.get("FZCHECK_RULES", "").split(",") if r.strip()]
    return WebApp(rules=rules or None, max_bytes=int(float(os.environ.get("FZCHECK_MAX_MB", "20")) * MB),
                  timeout=float(os.environ.get("FZCHECK_TIMEOUT", DEFAULT_TIMEOUT)),
                  max_checks=int(os.environ.get("FZCHECK_MAX_CHECKS", "0")) or None)


class _LazyApp:
    """``checker.web:app``: built on the first request, so importing this module stays cheap."""

    def __init__(self):
        self._app: WebApp | None = None
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self._app is None:
            with self._lock:
                if self._app is None:
                    self._app = from_environment()
        return self._app(environ, start_response)


app = _LazyApp()
