"""Attack a local ``fzcheck serve`` (waitress, loopback only) and print how fast /healthz answers
during each attack (issue 18; the output is pasted in docs/limits.md).

    python bench/attack.py [--rounds 2]

Each attack runs for a bounded time against a server this script starts on 127.0.0.1 with a
free port; nothing leaves the machine.  Attacks: the inputs that once stalled the service (a
digit run before "%", a .docx list-numbering bomb, nested navigation <div>s, thousands of
findings on one line), a check past the time limit, a check past the memory limit, and
slowloris (150 connections dribbling request headers).
"""
from __future__ import annotations

import argparse
import io
import socket
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.web import serve  # noqa: E402
from checker.web.wsgi import WebApp  # noqa: E402

HOST = "127.0.0.1"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering_bomb() -> bytes:
    """1.6 KB: upperLetter from a huge start, applied by the default style to 20 000 empty paragraphs."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
                               'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/'
                       '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p>'
                             + "<w:p/>" * 20000 + "</w:body></w:document>",
        "word/numbering.xml": f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                              '<w:start w:val="999999999"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%1%1"/>'
                              '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                              "</w:numbering>",
        "word/styles.xml": f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="N">'
                           '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buffer.getvalue()


HEAD = "某区2024年法治政府建设情况报告\n一、主要举措和成效\n"
NAV = ('<div class="nav">' * 200 + '<a href="/">首页</a>' + "</div>" * 200) * 200
UPLOADS = {
    "digits before %, 100 KB": ("a.txt", (HEAD + "1" * 100_000 + "%\n").encode()),
    "docx numbering bomb": ("a.docx", numbering_bomb()),
    "nested nav divs, 900 KB": ("a.html", f"<html><body>{NAV}<div class='content'><p>{HEAD}</p></div></body></html>"
                                .encode()),
    "3 000 findings on one line": ("a.txt", (HEAD + "全年办理复议案件××件，推进推进依法行政，出庭应诉率达120%，" * 3000)
                                   .encode()),
    "past the time limit (19 MB)": ("a.txt", (HEAD + "全年办理行政复议案件12件，占比30%。\n" * 360_000).encode()),
}


def post(url: str, name: str, data: bytes, page: bool) -> int:
    route = "check?download=html&name=" if page else "api/check?name="
    request = urllib.request.Request(url + route + name, data=data, method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    if page:  # the page route takes a form: send the file as multipart
        boundary = "fzcheckbench"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(url + "check", data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def probe(url: str, stop: threading.Event, out: list[float]) -> None:
    while not stop.is_set():
        began = time.monotonic()
        try:
            with urllib.request.urlopen(url + "healthz", timeout=10) as response:
                response.read()
            out.append(time.monotonic() - began)
        except OSError:
            out.append(10.0)
        time.sleep(0.1)


def slowloris(url: str, port: int, seconds: float) -> list[int]:
    sockets = []
    for _ in range(150):
        try:
            sock = socket.create_connection((HOST, port), timeout=5)
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
            sockets.append(sock)
        except OSError:
            break
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for sock in sockets:
            try:
                sock.sendall(b"X")
            except OSError:
                pass
        time.sleep(1)
    alive = 0
    for sock in sockets:
        try:
            sock.sendall(b"X")
            sock.settimeout(0.2)
            alive += sock.recv(1) != b""
        except socket.timeout:
            alive += 1
        except OSError:
            pass
        sock.close()
    return [len(sockets), alive]


def run_attack(url: str, port: int, name: str, concurrent: int) -> tuple[str, float, list[float]]:
    latencies: list[float] = []
    stop = threading.Event()
    watcher = threading.Thread(target=probe, args=(url, stop, latencies), daemon=True)
    watcher.start()
    began = time.monotonic()
    if name == "slowloris (150 connections)":
        opened, alive = slowloris(url, port, 30)
        result = f"{opened} opened, {alive} still open after 30 s"
    else:
        filename, data = UPLOADS[name]
        statuses: list[int] = []
        page = name == "3 000 findings on one line"
        workers = [threading.Thread(target=lambda: statuses.append(post(url, filename, data, page)))
                   for _ in range(concurrent)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(300)
        result = "HTTP " + " ".join(str(s) for s in sorted(statuses))
    elapsed = time.monotonic() - began
    stop.set()
    watcher.join(15)
    return result, elapsed, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=2, help="requests at once per attack (default 2)")
    args = parser.parse_args()
    app = WebApp(timeout=10, max_checks=2, max_memory_mb=2048, log=lambda line: None)
    server = serve.make_server(app, HOST, 0, "waitress")
    assert server.host == HOST
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = server.url
    print(f"fzcheck serve (waitress) on {url}: --timeout 10, --max-checks 2, --max-memory-mb 2048; "
          f"{args.concurrent} attack requests at once; /healthz polled every 0.1 s")
    print(f"| attack | result | attack took | /healthz median | /healthz max |")
    print("|---|---|---|---|---|")
    attacks = list(UPLOADS) + ["slowloris (150 connections)"]
    try:
        for name in attacks:
            result, elapsed, latencies = run_attack(url, server.port, name, args.concurrent)
            median = statistics.median(latencies) if latencies else float("nan")
            print(f"| {name} | {result} | {elapsed:.1f} s | {median * 1000:.0f} ms | {max(latencies) * 1000:.0f} ms |",
                  flush=True)
        memory_app = WebApp(timeout=60, max_checks=2, max_memory_mb=128, log=lambda line: None)
        server2 = serve.make_server(memory_app, HOST, 0, "waitress")
        thread2 = threading.Thread(target=server2.serve_forever, daemon=True)
        thread2.start()
        UPLOADS["past the memory limit (19 MB, --max-memory-mb 128)"] = UPLOADS["past the time limit (19 MB)"]
        result, elapsed, latencies = run_attack(server2.url, server2.port,
                                                "past the memory limit (19 MB, --max-memory-mb 128)", args.concurrent)
        print(f"| past the memory limit (19 MB, --max-memory-mb 128) | {result} | {elapsed:.1f} s | "
              f"{statistics.median(latencies) * 1000:.0f} ms | {max(latencies) * 1000:.0f} ms |", flush=True)
        server2.shutdown()
        thread2.join(10)
        server2.close()
    finally:
        server.shutdown()
        thread.join(10)
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
