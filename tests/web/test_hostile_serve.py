"""``fzcheck serve`` under attack (issue 18): a runaway check or a memory hog is killed with its
worker process while /healthz keeps answering; slow clients cannot hold every connection; bad
settings are refused with one line."""
from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

from checker.cli import main
from checker.web import serve
from checker.web.wsgi import WebApp

waitress = pytest.importorskip("waitress", reason="waitress not installed (pip install 'fzcheck[serve]')")


def _start(app: WebApp):
    server = serve.make_server(app, "127.0.0.1", 0, "waitress")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def _health(url: str) -> float:
    began = time.monotonic()
    with urllib.request.urlopen(url + "healthz", timeout=10) as response:
        assert response.read() == b"ok\n"
    return time.monotonic() - began


def _spin_check(upload, ruleset):
    while True:  # holds the GIL like a backtracking regex would
        sum(range(10_000))


def _post_text(url: str) -> int:
    request = urllib.request.Request(url + "api/check?name=a.txt", data="报告".encode(), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_healthz_answers_while_checks_run_away() -> None:
    app = WebApp(timeout=3, max_checks=2, log=lambda line: None)
    app.check_fn = _spin_check
    server, thread = _start(app)
    try:
        statuses: list[int] = []
        attackers = [threading.Thread(target=lambda: statuses.append(_post_text(server.url))) for _ in range(2)]
        for attacker in attackers:
            attacker.start()
        time.sleep(0.5)
        latencies = [_health(server.url) for _ in range(5)]
        for attacker in attackers:
            attacker.join(30)
        assert statuses == [503, 503]
        assert max(latencies) < 1.0, latencies
    finally:
        server.shutdown()
        thread.join(10)
        server.close()


def test_slow_clients_neither_block_nor_stay(monkeypatch) -> None:
    monkeypatch.setattr(serve, "HEADER_DEADLINE", 2)
    server, thread = _start(WebApp(log=lambda line: None))
    sockets = []
    try:
        for _ in range(120):  # more than waitress's default connection limit (100)
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
            sockets.append(sock)
        assert _health(server.url) < 1.0
        deadline = time.monotonic() + 20
        closed = False
        while time.monotonic() < deadline and not closed:
            try:
                sockets[0].sendall(b"X")  # one byte at a time keeps waitress's idle timer fresh
                sockets[0].settimeout(0.5)
                closed = sockets[0].recv(1) == b""
            except socket.timeout:
                pass
            except OSError:
                closed = True
            time.sleep(0.5)
        assert closed, "a client dribbling its headers was never disconnected"
    finally:
        for sock in sockets:
            sock.close()
        server.shutdown()
        thread.join(10)
        server.close()


@pytest.mark.parametrize("args", [["--max-upload-mb", "nan"], ["--max-upload-mb", "inf"], ["--timeout", "nan"],
                                  ["--timeout", "inf"], ["--timeout", "1e300"], ["--max-checks", "30000"],
                                  ["--host", "127.0.0.1:8080"], ["--max-memory-mb", "1"]])
def test_bad_settings_are_one_line_errors(args, capsys) -> None:
    assert main(["serve", "--port", "0", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fzcheck: error:") and "Traceback" not in err
