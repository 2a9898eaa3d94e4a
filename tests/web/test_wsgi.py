"""The web app (checker.web.wsgi) in-process, and `fzcheck serve` on loopback.

Every sample uploaded through ``POST /api/check`` gives exactly the CLI's JSON (path = the
uploaded name); the findings page is the ``--format html`` page plus a bar; limits answer
413/503/400 instead of hanging; hostile names and text are escaped; the access log holds
method, route, size, status and duration only."""
from __future__ import annotations

import base64
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from checker.web import http, upload
from checker.web import wsgi as web
from checker.web.http import HTTPError
from checker.web.upload import parse_multipart
from checker.web.wsgi import WebApp

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir()
                      if p.suffix in (".txt", ".md", ".html", ".docx") and p.name != "README.md")
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d (GET|POST|HEAD|PUT|DELETE|-) (/\S*|-) \d+ \d{3} \d+ms$")


# ----------------------------------------------------------------------------- helpers

class Client:
    """Calls a WSGI app in-process."""

    def __init__(self, app):
        self.app = app

    def request(self, method: str, path: str, body: bytes = b"", ctype: str | None = None, query: str = "",
                length: str | None = None, stream=None, extra: dict | None = None):
        environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
                   "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8790", "SERVER_PROTOCOL": "HTTP/1.1",
                   "wsgi.input": stream if stream is not None else io.BytesIO(body), "wsgi.url_scheme": "http",
                   "CONTENT_LENGTH": str(len(body)) if length is None else length}
        if ctype:
            environ["CONTENT_TYPE"] = ctype
        environ.update(extra or {})
        seen = {}

        def start_response(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, headers

        data = b"".join(self.app(environ, start_response))
        return Response(int(seen["status"].split()[0]), dict(seen["headers"]), data)

    def upload(self, path: str, fields: list, **kw):
        body, ctype = multipart(fields)
        return self.request("POST", path, body, ctype, **kw)


class Response:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


def multipart(fields: list, boundary: str = "----fzcheckTestBoundary7MA4YWxk") -> tuple[bytes, str]:
    """fields: (name, value) for text, (name, filename, bytes) for a file."""
    out = b""
    for field in fields:
        out += f"--{boundary}\r\n".encode()
        if len(field) == 3:
            name, filename, data = field
            filename = filename.replace('"', "%22")  # as browsers send it (WHATWG form encoding)
            out += (f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                    "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + b"\r\n"
        else:
            name, value = field
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode("utf-8") + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


@pytest.fixture(scope="module")
def logs():
    return []


@pytest.fixture(scope="module")
def app(logs):
    return WebApp(log=logs.append)


@pytest.fixture(scope="module")
def client(app):
    return Client(app)


def cli_json(sample: Path, tmp_path: Path, *extra: str) -> dict:
    from checker.cli import main

    out = tmp_path / (sample.name + ".json")
    assert main([str(sample), "--format", "json", "-o", str(out), "--no-config", "--fail-on", "never",
                 "--jobs", "1", "--no-progress", *extra]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for report in data["reports"]:
        report["path"] = Path(report["path"]).name
    return data


# ----------------------------------------------------------------------------- the contract

@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_api_json_is_the_cli_json(client, sample, tmp_path):
    expected = cli_json(sample, tmp_path)
    got = client.upload("/api/check", [("file", sample.name, sample.read_bytes()), ("rules", "national")])
    assert got.status == 200 and got.headers["Content-Type"].startswith("application/json")
    assert got.json() == expected


@pytest.mark.parametrize("name", ["clean-2024.docx", "missing-duty-2024.txt", "clean-2024.html"])
def test_api_raw_body_with_name(client, name, tmp_path):
    sample = SAMPLES / name
    got = client.request("POST", "/api/check", sample.read_bytes(), "application/octet-stream",
                         query=f"name={name}&rules=national")
    assert got.status == 200
    assert got.json() == cli_json(sample, tmp_path)


def test_api_raw_body_with_form_content_type_and_name_is_the_file(client, tmp_path):
    sample = SAMPLES / "clean-2024.docx"  # what `curl --data-binary @f.docx '…?name=f.docx'` sends
    got = client.request("POST", "/api/check", sample.read_bytes(), "application/x-www-form-urlencoded",
                         query="name=clean-2024.docx")
    assert got.status == 200 and got.json() == cli_json(sample, tmp_path)


def test_api_urlencoded_text(client):
    from urllib.parse import urlencode

    text = (SAMPLES / "missing-duty-2024.txt").read_text(encoding="utf-8")
    got = client.request("POST", "/api/check", urlencode({"text": text}).encode(), "application/x-www-form-urlencoded")
    assert got.status == 200
    report = got.json()["reports"][0]
    assert report["path"] == upload.PASTED_NAME
    assert any(f["rule"] == "section-missing" and f["section"] == "duty" for f in report["findings"])


def test_pasted_text_gives_the_same_findings_as_the_file(client, tmp_path):
    sample = SAMPLES / "missing-duty-2024.txt"
    got = client.upload("/api/check", [("text", sample.read_text(encoding="utf-8"))]).json()
    expected = cli_json(sample, tmp_path)
    assert got["reports"][0]["findings"] == expected["reports"][0]["findings"]


PREVIOUS, FOLLOWUP = SAMPLES / "prev-2023.txt", SAMPLES / "next-2024-followup.txt"


def test_api_with_last_years_report_is_the_cli_with_previous(client, tmp_path):
    expected = cli_json(FOLLOWUP, tmp_path, "--previous", str(PREVIOUS))
    got = client.upload("/api/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes()),
                                       ("previous", PREVIOUS.name, PREVIOUS.read_bytes())])
    assert got.status == 200 and got.json() == expected
    rules = {f["rule"] for f in got.json()["reports"][0]["findings"]}
    assert {"plan-unaddressed", "copied-from-previous"} <= rules


def test_page_with_last_years_report_shows_the_cross_year_findings(client):
    got = client.upload("/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes()),
                                   ("previous", PREVIOUS.name, PREVIOUS.read_bytes()), ("action", "view")])
    assert got.status == 200 and "plan-unaddressed" in got.text and "copied-from-previous" in got.text


def test_previous_left_empty_is_ignored(client):
    """A browser sends an unselected file input as a part with an empty file name."""
    with_empty = client.upload("/api/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes()),
                                              ("previous", "", b"")]).json()
    alone = client.upload("/api/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes())]).json()
    assert with_empty == alone
    assert not {"plan-unaddressed", "copied-from-previous"} & {f["rule"] for f in alone["reports"][0]["findings"]}


def test_unreadable_previous_is_a_warning_and_the_report_is_still_checked(client):
    got = client.upload("/api/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes()),
                                       ("previous", "old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600)])
    report = got.json()["reports"][0]
    errors = [f for f in report["findings"] if f["rule"] == "input-error"]
    assert got.status == 200 and len(errors) == 1 and errors[0]["severity"] == "warning"
    assert "old.doc" in errors[0]["message"] and report["sections"]


def test_empty_previous_file_is_400(client):
    got = client.upload("/api/check", [("file", FOLLOWUP.name, FOLLOWUP.read_bytes()),
                                       ("previous", "2023.txt", b"")])
    assert got.status == 400 and "上一年度" in got.json()["error"]["message"]


def test_unreadable_upload_is_an_input_error_report(client):
    got = client.upload("/api/check", [("file", "old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600)])
    assert got.status == 200
    findings = got.json()["reports"][0]["findings"]
    assert [f["rule"] for f in findings] == ["input-error"] and findings[0]["severity"] == "error"


def test_rulesets_endpoint_and_unknown_rules(client):
    data = client.request("GET", "/api/rulesets").json()
    assert data["default"] == "national" and "national" in [r["name"] for r in data["rulesets"]]
    got = client.upload("/api/check", [("file", "a.txt", "报告".encode()), ("rules", "../../etc/passwd")])
    assert got.status == 400 and "规则集" in got.json()["error"]["message"]


# ----------------------------------------------------------------------------- the pages

def test_upload_page_is_chinese_and_needs_no_script(client):
    got = client.request("GET", "/")
    assert got.status == 200 and got.headers["Content-Type"] == "text/html; charset=utf-8"
    page = got.text
    assert '<html lang="zh-CN">' in page and "上传报告" in page
    assert '<form method="post" action="/check" enctype="multipart/form-data"' in page
    assert 'type="file"' in page and 'name="text"' in page and 'name="rules"' in page
    assert "<script" not in page
    assert "form-action 'self'" in got.headers["Content-Security-Policy"]
    assert got.headers["X-Content-Type-Options"] == "nosniff" and got.headers["Cache-Control"] == "no-store"


def test_findings_page_is_the_html_format_page_plus_a_bar(client, monkeypatch, capsys):
    from checker.cli import main

    sample = SAMPLES / "missing-duty-2024.txt"
    monkeypatch.chdir(SAMPLES)
    assert main([sample.name, "--format", "html", "--no-config", "--fail-on", "never", "--no-progress"]) == 0
    expected = capsys.readouterr().out
    got = client.upload("/check", [("file", sample.name, sample.read_bytes()), ("rules", "national"),
                                   ("action", "view")])
    assert got.status == 200
    page = got.text
    bar = re.search(r'\n<style>\n\.fzweb-bar.*?</nav>(?=\n)', page, re.S)
    assert bar, "the web bar is missing"
    assert page[:bar.start()] + page[bar.end():] == expected
    assert 'href="/"' in bar.group(0)
    # both downloads are data: links built from this response; the HTML one is the plain page
    links = dict(re.findall(r'id="fzweb-(html|json)" href="data:[^;]+;charset=utf-8;base64,([A-Za-z0-9+/=]+)"', page))
    assert base64.b64decode(links["html"]).decode("utf-8") == expected
    data = json.loads(base64.b64decode(links["json"]))
    assert data["reports"][0]["path"] == sample.name and data["summary"]["reports"] == 1
    n = len(data["reports"][0]["findings"])
    assert f"共 {n} 条" in page and page.count('class="fi sev-') == n
    assert got.headers["Content-Security-Policy"] == "frame-ancestors 'none'"


@pytest.mark.parametrize("action,ctype,suffix", [("html", "text/html", ".html"), ("json", "application/json", ".json")])
def test_download_buttons_answer_with_an_attachment(client, action, ctype, suffix):
    sample = SAMPLES / "clean-2024.docx"
    got = client.upload("/check", [("file", "云溪区 报告.docx", sample.read_bytes()), ("action", action)])
    assert got.status == 200 and got.headers["Content-Type"].startswith(ctype)
    disposition = got.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert "filename*=UTF-8''%E4%BA%91%E6%BA%AA%E5%8C%BA%20%E6%8A%A5%E5%91%8A-%E5%AE%A1%E6%9F%A5%E6%84%8F%E8%A7%81" + suffix \
        in disposition
    if action == "json":
        assert got.json()["reports"][0]["path"] == "云溪区 报告.docx"
    else:
        assert got.text.startswith("<!DOCTYPE html>") and "fzweb-bar" not in got.text
    by_query = client.upload("/check", [("file", "a.docx", sample.read_bytes())], query=f"download={action}")
    assert by_query.headers["Content-Disposition"].startswith("attachment")


def test_hostile_text_and_name_are_escaped(client):
    text = ("<script>alert('x')</script>\n某区2024年法治政府建设情况报告\n一、主要举措和成效\n"
            "\"><img src=x onerror=alert(1)>依法行政工作取得成效。\n")
    name = '<script>alert(1)</script>".txt'
    for fields in ([("file", name, text.encode("utf-8"))], [("text", text), ("name", name)]):
        page = client.upload("/check", fields).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert "script_%22.txt" in page or "script_.txt" in page  # folders (after "/") and <>" dropped
    got = client.upload("/check", [("file", name, text.encode("utf-8")), ("action", "json")])
    assert "\r" not in got.headers["Content-Disposition"] and "\n" not in got.headers["Content-Disposition"]
    assert '"' not in got.headers["Content-Disposition"].split("filename=", 1)[1].strip('"').split('";')[0]


def test_safe_name_drops_folders_and_control_characters():
    assert upload.safe_name("C:\\fakepath\\报告.docx") == "报告.docx"
    assert upload.safe_name("../../etc/passwd") == "passwd"
    assert upload.safe_name("a\r\nb<c>.txt") == "a_b_c_.txt"
    assert upload.safe_name("长" * 300 + ".docx").endswith(".docx") and len(upload.safe_name("长" * 300 + ".docx")) == 120


# ----------------------------------------------------------------------------- errors and limits

def test_oversize_upload_is_refused_before_reading():
    small = Client(WebApp(max_bytes=1000, log=lambda line: None))

    class Exploding(io.RawIOBase):
        def read(self, n=-1):
            raise AssertionError("a declared oversize body beyond 2 × the limit must not be read")

    got = small.request("POST", "/check", ctype="multipart/form-data; boundary=x", length="5000", stream=Exploding())
    assert got.status == 413 and "文件过大" in got.text and "MB" in got.text
    api = small.request("POST", "/api/check", ctype="application/octet-stream", length="5000", stream=Exploding())
    assert api.status == 413 and api.json()["error"]["status"] == 413


def test_oversize_within_twice_the_limit_is_drained_then_refused():
    small = Client(WebApp(max_bytes=1000, log=lambda line: None))
    stream = io.BytesIO(b"x" * 1500)
    got = small.request("POST", "/api/check", ctype="application/octet-stream", length="1500", stream=stream)
    assert got.status == 413 and stream.tell() == 1500  # read (so the client sees the answer), not kept


def test_body_without_length_is_read_in_bounded_chunks():
    small = Client(WebApp(max_bytes=100_000, log=lambda line: None))

    class Endless(io.RawIOBase):
        total = 0

        def read(self, n=-1):
            n = 65536 if n is None or n < 0 else n
            self.total += n
            return b"a" * n

    stream = Endless()
    got = small.request("POST", "/api/check", ctype="application/octet-stream", length="", stream=stream,
                        extra={"wsgi.input_terminated": True}, query="name=a.txt")
    assert got.status == 413 and stream.total <= 100_000 + upload.READ_CHUNK
    chunked = small.request("POST", "/api/check", ctype="application/octet-stream", length="", stream=Endless(),
                            extra={"HTTP_TRANSFER_ENCODING": "chunked"})
    assert chunked.status == 411


def test_body_shorter_than_its_length_is_400(client):
    got = client.request("POST", "/api/check", ctype="application/octet-stream", length="1000",
                         stream=io.BytesIO(b"short"), query="name=a.txt")
    assert got.status == 400 and "不完整" in got.json()["error"]["message"]


@pytest.mark.parametrize("body,ctype", [
    (b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data"),
    (b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=\"\""),
    (b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc", "multipart/form-data; boundary=b"),
    (b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"--b\r\nContent-Disposition: attachment; name=\"text\"\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"--b\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"--b\r\nno colon here\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"--b garbage\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"nothing like a multipart body", "multipart/form-data; boundary=b"),
    (b"--b\r\n" + b"X-Long: " + b"a" * 9000 + b"\r\n\r\nabc\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    (b"".join(b"--b\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n" % i for i in range(40)) + b"--b--\r\n",
     "multipart/form-data; boundary=b"),
    (b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\xff\xfe\r\n--b--\r\n", "multipart/form-data; boundary=b"),
])
@pytest.mark.parametrize("route", ["/check", "/api/check"])
def test_malformed_multipart_is_400(client, body, ctype, route):
    got = client.request("POST", route, body, ctype)
    assert got.status == 400, got.body[:300]
    if route == "/api/check":
        assert got.json()["error"]["status"] == 400
    else:
        assert "请求有误" in got.text and "Traceback" not in got.text


def test_multipart_parser_reads_what_browsers_send():
    body, ctype = multipart([("file", "云溪区.docx", b"PK\x03\x04\r\n--not-the-boundary\r\n"), ("text", "第一行\r\n第二行"),
                             ("rules", "national")])
    parts = parse_multipart(body, ctype)
    assert [(p.name, p.filename) for p in parts] == [("file", "云溪区.docx"), ("text", None), ("rules", None)]
    assert parts[0].data == b"PK\x03\x04\r\n--not-the-boundary\r\n"
    assert parts[1].data.decode() == "第一行\r\n第二行"
    rfc2231 = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.txt\r\n\r\n"
               b"x\r\n--b--\r\n")
    assert parse_multipart(rfc2231, "multipart/form-data; boundary=b")[0].filename == "报告.txt"
    with pytest.raises(HTTPError):
        parse_multipart(b"--b\r\n", "multipart/form-data; boundary=b")


def test_nothing_to_check_and_empty_file_are_400(client):
    assert client.upload("/check", [("text", "  "), ("rules", "national")]).status == 400
    assert client.upload("/check", [("file", "a.txt", b"")]).status == 400
    assert client.upload("/check", [("file", "", b""), ("text", "")]).status == 400


def test_wrong_method_path_and_media_type(client):
    assert client.request("GET", "/check").status == 405
    assert client.request("DELETE", "/").status == 405
    assert client.request("GET", "/etc/passwd").status == 404
    assert client.request("POST", "/check", b"{}", "application/json").status == 415
    head = client.request("HEAD", "/")
    assert head.status == 200 and head.body == b"" and int(head.headers["Content-Length"]) > 1000
    assert client.request("GET", "/healthz").body == b"ok\n"


def test_busy_gives_503_with_retry_after():
    app = WebApp(max_checks=1, queue_wait=0.05, log=lambda line: None)
    c = Client(app)
    assert app.slots.acquire(timeout=1)
    try:
        page = c.upload("/check", [("text", "报告")])
        api = c.upload("/api/check", [("text", "报告")])
    finally:
        app.slots.release()
    assert page.status == 503 and page.headers["Retry-After"] and "服务繁忙" in page.text
    assert api.status == 503 and api.headers["Retry-After"] and api.json()["error"]["status"] == 503
    assert c.upload("/api/check", [("text", "报告")]).status == 200


def test_a_check_over_the_time_limit_gives_503_and_frees_its_slot():
    app = WebApp(max_checks=1, timeout=0.5, queue_wait=0.05, log=lambda line: None)
    real = app.check_fn

    def slow(upload, ruleset):
        time.sleep(30)  # in the worker process, which is killed at the time limit
        return real(upload, ruleset)

    app.check_fn = slow
    c = Client(app)
    started = time.monotonic()
    got = c.upload("/api/check", [("text", "报告")])
    assert got.status == 503 and time.monotonic() - started < 5 and "秒" in got.json()["error"]["message"]
    # the runaway check was killed with its process: the slot is free at once
    app.check_fn = real
    assert c.upload("/api/check", [("text", "报告")]).status == 200


def test_a_check_over_the_memory_limit_gives_503():
    app = WebApp(max_checks=1, max_memory_mb=100, log=lambda line: None)

    def hog(upload, ruleset):
        return len(bytearray(500 * 1024 * 1024))

    app.check_fn = hog
    got = Client(app).upload("/api/check", [("text", "报告")])
    assert got.status == 503 and "内存" in got.json()["error"]["message"]


def test_an_unexpected_error_is_a_500_page_without_details():
    lines = []
    app = WebApp(log=lines.append)

    def broken(upload, ruleset):
        raise RuntimeError("secret content 机密")

    app.check_fn = broken
    got = Client(app).upload("/check", [("text", "报告")])
    assert got.status == 500 and "机密" not in got.text and "Traceback" not in got.text
    assert "机密" not in "".join(lines) and LOG_LINE.match(lines[-1])


# ----------------------------------------------------------------------------- the access log

def test_access_log_holds_method_route_size_status_duration_only(logs, client):
    secret_name, secret_text = "机密-云溪区报告.txt", "这是不应出现在日志中的正文内容"
    before = len(logs)
    client.upload("/check", [("file", secret_name, secret_text.encode("utf-8"))])
    client.upload("/api/check", [("text", secret_text)], query="rules=national&name=" + secret_name)
    client.request("GET", "/some/" + secret_name)
    new = logs[before:]
    assert len(new) == 3
    for line in new:
        assert LOG_LINE.match(line), line
        assert secret_name not in line and secret_text not in line and "rules=" not in line
    assert new[0].split()[1:3] == ["POST", "/check"] and new[0].split()[4] == "200"
    assert new[2].split()[1:3] == ["GET", "-"] and new[2].split()[4] == "404"
    size = int(new[0].split()[3])
    assert size > len(secret_text.encode("utf-8"))


def test_access_line_format():
    line = http.access_line("POST", "/api/check", 48213, 200, 0.0834)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d POST /api/check 48213 200 83ms", line)
    assert http.access_line("GET", "/x?secret", 0, 404, 0).split()[2] == "-"


# ----------------------------------------------------------------------------- `fzcheck serve`

def test_bind_warning_only_for_non_loopback():
    from checker.web.serve import bind_warning

    for host in ("127.0.0.1", "127.0.0.2", "::1", "localhost"):
        assert bind_warning(host) is None
    for host in ("0.0.0.0", "192.168.1.10", "::"):
        warning = bind_warning(host)
        assert warning and "警告" in warning and "not loopback" in warning


def test_cli_dispatches_serve_and_reports_usage_errors(capsys):
    from checker.cli import main

    assert main(["serve", "--port", "notaport"]) == 2
    assert "fzcheck serve --help" in capsys.readouterr().err
    assert main(["serve", "--rules", "/nonexistent/rules.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fzcheck: error:") and "Traceback" not in err


def test_module_level_app_is_a_wsgi_app(monkeypatch):
    monkeypatch.setenv("FZCHECK_MAX_MB", "1")
    lazy = web._LazyApp()
    got = Client(lazy).request("GET", "/")
    assert got.status == 200 and "不超过 1 MB" in got.text
    assert callable(web.app)


def _serve_in_thread(kind: str):
    from checker.web.serve import make_server

    server = make_server(WebApp(log=lambda line: None), "127.0.0.1", 0, kind)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def _post(url: str, body: bytes, ctype: str):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": ctype}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.parametrize("kind", ["stdlib", "waitress"])
def test_real_server_on_loopback(kind, tmp_path):
    if kind == "waitress":
        pytest.importorskip("waitress", reason="waitress not installed (pip install 'fzcheck[serve]')")
    server, thread = _serve_in_thread(kind)
    try:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0
        with urllib.request.urlopen(server.url, timeout=10) as response:
            assert response.status == 200 and "上传报告" in response.read().decode("utf-8")
        sample = SAMPLES / "clean-2024.docx"
        body, ctype = multipart([("file", sample.name, sample.read_bytes())])
        status, data = _post(server.url + "api/check", body, ctype)
        assert status == 200 and json.loads(data) == cli_json(sample, tmp_path)
        too_big = b"x" * (WebApp().max_bytes + 10)
        status, data = _post(server.url + "api/check?name=a.txt", too_big, "application/octet-stream")
        assert status == 413 and json.loads(data)["error"]["status"] == 413
    finally:
        server.shutdown()
        thread.join(10)
        server.close()


def _as_in_a_terminal() -> None:
    """A shell runs background jobs (and so this test run, sometimes) with SIGINT ignored, and
    the server would keep it ignored; a terminal's foreground command has it at the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt(proc: subprocess.Popen) -> tuple[str, str]:
    """Ctrl-C a served process and collect its output; kill it if it does not stop."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        return proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()


@pytest.mark.parametrize("kind", ["stdlib", "waitress"])
def test_serve_command_starts_says_which_server_and_stops_on_ctrl_c(kind):
    if kind == "waitress":
        pytest.importorskip("waitress", reason="waitress not installed")
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0", "--server", kind],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=_as_in_a_terminal)
    try:
        first = proc.stdout.readline()
        assert ("waitress" in first) if kind == "waitress" else ("wsgiref" in first and "单人本机" in first), first
        url = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
        with urllib.request.urlopen(url + "healthz", timeout=10) as response:
            assert response.read() == b"ok\n"
    finally:
        out, err = _interrupt(proc)
    assert proc.returncode in (0, 130)
    assert "Traceback" not in err and "已停止" in out
    assert "警告" not in err  # loopback: no warning
    assert re.search(r"^\S+ GET /healthz 0 200 \d+ms$", err, re.M)


def test_serve_warns_when_not_on_loopback():
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "0.0.0.0", "--port", "0",
                             "--server", "stdlib"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            preexec_fn=_as_in_a_terminal)
    try:
        proc.stdout.readline()
        time.sleep(0.5)
    finally:
        out, err = _interrupt(proc)
    assert "警告" in err and "所有网络接口" in err and "not loopback" in err
    assert proc.returncode in (0, 130) and "Traceback" not in err


def test_rule_set_choice_national_default_and_local_sets(tmp_path):
    from checker.check.ruleset import bundled_names, load

    others = [n for n in bundled_names() if n != "national"]
    default_app = Client(WebApp(log=lambda line: None))
    listed = default_app.request("GET", "/api/rulesets").json()
    assert listed["default"] == "national" and [r["name"] for r in listed["rulesets"]][0] == "national"
    if not others:
        pytest.skip("no local rule set bundled")
    local = others[0]
    name = load(local).name
    app = Client(WebApp(rules=[local], log=lambda line: None))
    page = app.request("GET", "/").text
    assert f'<option value="{name}" selected>' in page and '<option value="national">' in page
    sample = SAMPLES / "missing-duty-2024.txt"
    from checker.cli import main

    out = tmp_path / "local.json"
    assert main([str(sample), "--rules", local, "--format", "json", "-o", str(out), "--no-config",
                 "--fail-on", "never", "--no-progress"]) == 0
    expected = json.loads(out.read_text(encoding="utf-8"))
    expected["reports"][0]["path"] = sample.name
    got = app.upload("/api/check", [("file", sample.name, sample.read_bytes())]).json()
    assert got == expected and got["ruleset"] == name
    national = app.upload("/api/check", [("file", sample.name, sample.read_bytes()), ("rules", "national")]).json()
    assert national["ruleset"] == "national"
