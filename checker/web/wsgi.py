"""``fzcheck serve``'s web application: upload a draft (or paste text), read the findings.

A plain WSGI application, importable as ``checker.web:app`` for any WSGI server
(``waitress-serve --listen=127.0.0.1:8790 checker.web:app``); :mod:`checker.web.serve` starts it for
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
time and memory of one check (``timeout``, ``max_memory_mb``: each check runs in a fresh worker
process, killed when it passes either, so the request gets 503 and the slot is free again at
once; a regex or parser that holds the GIL can no longer stall the other requests).  Malformed requests get 400, never a hang or a traceback.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from urllib.parse import parse_qs

from checker import __version__
from checker.read.record import replace

from .http import (
    MB,
    PAGE_CSP,
    PAGE_CSP_META,
    REASONS,
    REPORT_CSP,
    SECURITY_HEADERS,
    TITLES,
    HTTPError,
    access_line,
    attachment,
    data_url,
    html_headers,
    inject_bar,
    json_bytes,
    mb,
    stderr_log,
)
from .upload import RAW_DEFAULT_NAME, Upload, download_stem, read_body, read_form, safe_name, upload_from_fields

DEFAULT_MAX_BYTES = 20 * MB
DEFAULT_TIMEOUT = 60.0
DEFAULT_QUEUE_WAIT = 10.0
MAX_INLINE_DOWNLOAD = 8 * MB  # larger findings pages get no data: link for the HTML download
# The findings page carries its own CSP in a <meta> (checker.formats.html); the header adds
# only what a <meta> cannot say.


# ----------------------------------------------------------------------------- the application

class WebApp:
    """The WSGI callable.  Rule sets are loaded once, here, from names or paths chosen by whoever
    starts the server; a request can only pick one of them by its name."""

    def __init__(self, rules: list[str] | tuple[str, ...] | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 timeout: float = DEFAULT_TIMEOUT, max_checks: int | None = None,
                 queue_wait: float = DEFAULT_QUEUE_WAIT, log: Callable[[str], None] | None = None,
                 max_memory_mb: int | None = None):
        from checker.check.ruleset import bundled_names, load

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
        from checker.run.isolate import DEFAULT_MEMORY_MB, Budget

        self.max_memory_mb = int(max_memory_mb or DEFAULT_MEMORY_MB)
        self.budget = Budget(self.timeout, self.max_memory_mb)
        self.max_checks = int(max_checks or 2 * _cores())
        self.queue_wait = float(queue_wait)
        self.slots = threading.BoundedSemaphore(self.max_checks)
        self.log = log or stderr_log
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
            return 200, [("Content-Type", "application/json; charset=utf-8")], json_bytes(data)
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
            limit_mb=mb(self.max_bytes), timeout=int(self.timeout))
        return 200, html_headers(PAGE_CSP), html.encode("utf-8")

    def check_page(self, environ, meta: dict):
        fields = read_form(environ, meta, self.max_bytes)
        query = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=8)
        action = (query.get("download") or [fields.get("action") or "view"])[0]
        if action not in ("view", "html", "json"):
            raise HTTPError(400, f"未知的操作：{action[:20]}", "可选：查看、下载 HTML、下载 JSON。")
        rules_key, ruleset = self.pick_rules(fields.get("rules"))
        upload = upload_from_fields(fields)
        report = self.run_check(upload, ruleset)
        from checker.formats import html as html_format
        from checker.run.result import RunResult

        run = RunResult(ruleset=ruleset.name, reports=[report])
        stem = download_stem(upload.name)
        if action == "json":
            return 200, attachment("application/json; charset=utf-8", f"{stem}.json"), _json_run(run)
        page = html_format.render(run, ruleset)
        if action == "html":
            return 200, attachment("text/html; charset=utf-8", f"{stem}.html"), page.encode("utf-8")
        bar = self.env().get_template("web_bar.html").render(
            name=upload.name, stem=stem, rules_title=_ruleset_label(rules_key, ruleset),
            html_href=data_url("text/html", page) if len(page.encode("utf-8")) <= MAX_INLINE_DOWNLOAD else None,
            json_href=data_url("application/json", _json_run(run).decode("utf-8")))
        return 200, html_headers(REPORT_CSP), inject_bar(page, bar).encode("utf-8")

    def check_api(self, environ, meta: dict):
        ctype = (environ.get("CONTENT_TYPE") or "").lower()
        query = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=8)
        # ``?name=`` says the body is the file itself, whatever Content-Type a client sent
        # (curl --data-binary sends application/x-www-form-urlencoded).
        if "name" not in query and ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            fields = read_form(environ, meta, self.max_bytes)
            rules_key, ruleset = self.pick_rules(fields.get("rules") or (query.get("rules") or [None])[0])
            upload = upload_from_fields(fields)
        else:
            body = read_body(environ, meta, self.max_bytes)
            if not body:
                raise HTTPError(400, "请求体为空", "请在请求体中提交报告文件，或用 multipart/form-data 的 file 字段。")
            rules_key, ruleset = self.pick_rules((query.get("rules") or [None])[0])
            upload = Upload(body, safe_name((query.get("name") or [RAW_DEFAULT_NAME])[0]) or RAW_DEFAULT_NAME)
        report = self.run_check(upload, ruleset)
        from checker.run.result import RunResult

        run = RunResult(ruleset=ruleset.name, reports=[replace(report, lines=[], outline={})])
        return 200, [("Content-Type", "application/json; charset=utf-8")], _json_run(run)

    def error(self, exc: HTTPError, api: bool):
        headers = []
        if exc.retry_after is not None:
            headers.append(("Retry-After", str(exc.retry_after)))
        if api:
            data = {"error": {"status": exc.status, "message": exc.message, "hint": exc.hint}}
            return exc.status, [("Content-Type", "application/json; charset=utf-8")] + headers, json_bytes(data)
        html = self.env().get_template("web_error.html").render(
            page=self._page(), status=exc.status, title=TITLES.get(exc.status, "出错了"), message=exc.message,
            hint=exc.hint)
        return exc.status, html_headers(PAGE_CSP) + headers, html.encode("utf-8")

    def pick_rules(self, name: str | None):
        key = (name or "").strip() or self.default_rules
        if key not in self.rulesets:
            raise HTTPError(400, f"没有名为“{key[:40]}”的规则集", "可选：" + "、".join(self.rulesets))
        return key, self.rulesets[key]

    # -- checking, bounded
    def run_check(self, upload: Upload, ruleset):
        """Run the check in a fresh worker process (checker/run/isolate.py) holding one of
        ``max_checks`` slots; 503 when no slot frees up within ``queue_wait``, or when the check
        outlives ``timeout`` or needs more than ``max_memory_mb`` (the process is killed, its
        memory returned and its slot freed at once: a runaway check never stalls the server)."""
        from checker.run.isolate import Exceeded, call

        if not self.slots.acquire(timeout=self.queue_wait):
            raise HTTPError(503, "同时进行的检查过多，服务繁忙", "请稍候片刻再试。", retry_after=5)
        check = self.check_fn
        try:
            report = call(lambda _: check(upload, ruleset), None, self.budget)
        except OSError:  # no process could be started (out of processes or memory)
            raise HTTPError(503, "服务繁忙，无法开始检查", "请稍候片刻再试。", retry_after=5) from None
        finally:
            self.slots.release()
        if isinstance(report, Exceeded):
            if report.kind == "timeout":
                raise HTTPError(503, f"检查超过 {self.timeout:g} 秒仍未完成，已放弃",
                                "文件可能过大或过于复杂；请拆分文件或另存为纯文本后重试。", retry_after=30)
            raise HTTPError(503, "检查所需内存超过本服务的上限，已放弃",
                            "文件可能过大或结构异常；请拆分文件或另存为纯文本后重试。", retry_after=30)
        return report

    # -- templates
    @staticmethod
    def env():
        """The report pages' template environment: the upload pages share its templates and settings."""
        from checker.formats.html import jinja_env

        return jinja_env()

    def _page(self) -> dict:
        from markupsafe import Markup

        from checker.formats.html import asset

        return {"css": Markup(asset("fzcheck.css")), "version": __version__, "csp": PAGE_CSP_META}

    def _ruleset_options(self) -> list[dict]:
        return [{"key": k, "label": _ruleset_label(k, r)} for k, r in self.rulesets.items()]


def _check_upload(upload: Upload, ruleset):
    """Read and check one upload; an unreadable file is an ``input-error`` report, as in the CLI,
    and an unreadable last-year report an ``input-error`` warning, as with ``--previous``."""
    from checker.read.dispatch import read_bytes
    from checker.read.source import InputError
    from checker.run.pipeline import check_source, input_error_result

    try:
        source = read_bytes(upload.data, upload.name, kind=upload.kind)
    except InputError as exc:
        return input_error_result(upload.name, exc.problem, exc.hint)
    try:
        previous, unreadable = _previous_document(upload, ruleset)
        report = check_source(source, ruleset, previous=previous)
    except (RecursionError, ValueError) as exc:  # MemoryError: the worker answers 503 (run_check)
        return input_error_result(upload.name, f"无法检查此文件（{type(exc).__name__}）")
    if unreadable is None:
        return report
    from checker.run.pairing import merge

    return merge(report, ([unreadable], report.crossyear), ruleset)


def _previous_document(upload: Upload, ruleset):
    """Last year's report parsed, or None and the warning that says why it could not be read."""
    from checker.parse.parser import parse
    from checker.read.dispatch import read_bytes
    from checker.read.source import InputError
    from checker.run.pairing import previous_unreadable

    if upload.previous is None:
        return None, None
    try:
        return parse(read_bytes(upload.previous.data, upload.previous.name), ruleset.sections), None
    except InputError as exc:
        return None, previous_unreadable(upload.name, upload.previous.name, exc.problem)


# ----------------------------------------------------------------------------- multipart


# ----------------------------------------------------------------------------- helpers


def _json_run(run) -> bytes:
    from checker.formats import json as json_format

    return json_format.render(run).encode("utf-8")


def _ruleset_label(key: str, ruleset) -> str:
    title = getattr(ruleset, "title", "") or ""
    return f"{title}（{key}）" if title else key


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# ----------------------------------------------------------------------------- ``checker.web:app``

def from_environment() -> WebApp:
    """An app configured by environment variables, for running under any WSGI server:
    ``FZCHECK_RULES`` (comma-separated names or paths), ``FZCHECK_MAX_MB``, ``FZCHECK_TIMEOUT``,
    ``FZCHECK_MAX_CHECKS``, ``FZCHECK_MAX_MEMORY_MB``."""
    rules = [r.strip() for r in os.environ.get("FZCHECK_RULES", "").split(",") if r.strip()]
    return WebApp(rules=rules or None, max_bytes=int(float(os.environ.get("FZCHECK_MAX_MB", "20")) * MB),
                  timeout=float(os.environ.get("FZCHECK_TIMEOUT", DEFAULT_TIMEOUT)),
                  max_checks=int(os.environ.get("FZCHECK_MAX_CHECKS", "0")) or None,
                  max_memory_mb=int(os.environ.get("FZCHECK_MAX_MEMORY_MB", "0")) or None)


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
