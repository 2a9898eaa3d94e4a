"""What every answer of the web app shares: errors with a status, headers, the access log line."""
from __future__ import annotations

import base64
import json
import re
import sys
import time
from urllib.parse import quote

MB = 1024 * 1024
KNOWN_ROUTES = ("/", "/check", "/api/check", "/api/rulesets", "/healthz", "/favicon.ico")
SECURITY_HEADERS = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                    ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store")]
PAGE_CSP_META = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"
PAGE_CSP = PAGE_CSP_META + "; frame-ancestors 'none'"  # the header; a <meta> cannot carry frame-ancestors
# The findings page carries its own CSP in a <meta> (checker.formats.html); the header adds
# only what a <meta> cannot say.
REPORT_CSP = "frame-ancestors 'none'"
REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
           411: "Length Required", 413: "Payload Too Large", 415: "Unsupported Media Type",
           500: "Internal Server Error", 503: "Service Unavailable"}
TITLES = {400: "请求有误", 404: "页面不存在", 405: "不支持的请求方式", 408: "上传超时", 411: "缺少内容长度",
          413: "文件过大", 415: "不支持的提交方式", 500: "服务出错", 503: "服务繁忙"}


class HTTPError(Exception):
    """A request that gets a plain error answer (page or JSON) with this status."""

    def __init__(self, status: int, message: str, hint: str = "", retry_after: int | None = None):
        super().__init__(message)
        self.status, self.message, self.hint, self.retry_after = status, message, hint, retry_after


def access_line(method: str, path: str, size: int, status: int, seconds: float) -> str:
    """``2026-11-22T08:30:00 POST /check 48213 200 83ms`` — nothing else, by design."""
    route = path if path in KNOWN_ROUTES else "-"
    method = method if re.fullmatch(r"[A-Z]{1,10}", method) else "-"
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())
    return f"{stamp} {method} {route} {int(size)} {int(status)} {round(seconds * 1000)}ms"


def stderr_log(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def attachment(ctype: str, filename: str) -> list[tuple[str, str]]:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "fzcheck"
    return [("Content-Type", ctype),
            ("Content-Disposition", f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}")]


def html_headers(csp: str) -> list[tuple[str, str]]:
    return [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", csp)]


def json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def data_url(ctype: str, text: str) -> str:
    return f"data:{ctype};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def inject_bar(page: str, bar: str) -> str:
    """Put the web bar right after the page's ``<body …>`` tag (report text is escaped, so the
    first ``<body`` is the real one)."""
    match = re.search(r"<body\b[^>]*>", page)
    if not match:
        return bar + page
    return page[:match.end()] + "\n" + bar + page[match.end():]


def mb(n: int) -> str:
    value = n / MB
    return str(int(value)) if value == int(value) else f"{value:.1f}"
