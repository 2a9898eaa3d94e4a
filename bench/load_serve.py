#!/usr/bin/env python3
"""Load test for ``fzcheck serve`` on loopback (not a test: it prints figures; exit 1 on any error).

    python bench/load_serve.py                       # waitress if installed, 8 clients x 25 uploads
    python bench/load_serve.py --server stdlib --clients 8 --per-client 25 --time-limit 120

Starts ``python -m checker serve --host 127.0.0.1 --port 0`` as a child process, warms it up,
then has N client threads each upload M samples (``samples/clean-2024.docx``, ``.html``, ``.txt``
and ``missing-duty-2024.txt`` in turn), alternating the JSON API (``POST /api/check``, whose
findings are compared with the expected ones) and the findings page (``POST /check``).  Reports
latency percentiles, throughput, every non-200 answer or lost request, and the server's resident
memory (VmRSS) after the warm-up, half-way and at the end, plus its peak (VmHWM).
Only loopback: the server binds 127.0.0.1 and nothing else is contacted.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("clean-2024.docx", "clean-2024.html", "clean-2024.txt", "missing-duty-2024.txt")


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "----fzload" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8") + data + \
        f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"rules\"\r\n\r\nnational\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def post(port: int, path: str, body: bytes, ctype: str, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": ctype})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def rss_kb(pid: int) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", choices=["auto", "waitress", "stdlib"], default="auto")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--per-client", type=int, default=25)
    parser.add_argument("--time-limit", type=float, default=120.0, help="give up after this many seconds (default 120)")
    parser.add_argument("--warmup", type=int, default=16)
    args = parser.parse_args()

    payloads = [(name, (ROOT / "samples" / name).read_bytes()) for name in SAMPLES]
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", "0",
                             "--server", args.server], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    log_lines: list[str] = []
    threading.Thread(target=lambda: log_lines.extend(proc.stderr), daemon=True).start()
    try:
        banner = proc.stdout.readline().strip()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        if not match:
            print(f"server did not start: {banner!r}", file=sys.stderr)
            return 1
        port = int(match.group(1))

        expected = {}
        for i in range(max(args.warmup, len(payloads))):
            name, data = payloads[i % len(payloads)]
            status, raw = post(port, "/api/check", *multipart(name, data), timeout=30)
            if status != 200:
                print(f"warm-up failed: {status} {raw[:200]!r}", file=sys.stderr)
                return 1
            expected[name] = [f["rule"] for f in json.loads(raw)["reports"][0]["findings"]]
        mem = {"after warm-up": rss_kb(proc.pid)}

        total = args.clients * args.per_client
        deadline = time.monotonic() + args.time_limit
        latencies: list[float] = []
        errors: list[str] = []
        done = [0]
        lock = threading.Lock()

        def client(index: int) -> None:
            for j in range(args.per_client):
                if time.monotonic() > deadline:
                    with lock:
                        errors.append(f"client {index}: time limit reached before request {j}")
                    return
                name, data = payloads[(index + j) % len(payloads)]
                path = "/api/check" if j % 2 == 0 else "/check"
                body, ctype = multipart(name, data)
                started = time.monotonic()
                try:
                    status, raw = post(port, path, body, ctype, timeout=max(1.0, deadline - started))
                except Exception as exc:  # noqa: BLE001 - a lost request is what we count
                    with lock:
                        errors.append(f"client {index} #{j}: {type(exc).__name__}: {exc}")
                    continue
                elapsed = time.monotonic() - started
                problem = None
                if status != 200:
                    problem = f"status {status}"
                elif path == "/api/check":
                    got = [f["rule"] for f in json.loads(raw)["reports"][0]["findings"]]
                    if got != expected[name]:
                        problem = "findings differ from the warm-up's"
                elif b'id="fzweb-bar"' not in raw or f"共 {len(expected[name])} 条".encode() not in raw:
                    problem = "findings page incomplete"
                with lock:
                    latencies.append(elapsed)
                    done[0] += 1
                    if problem:
                        errors.append(f"client {index} #{j} {path} {name}: {problem}")
                    if done[0] == total // 2:
                        mem["half-way"] = rss_kb(proc.pid)

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(0.1, deadline - time.monotonic() + 5))
        wall = time.monotonic() - started
        mem["end"] = rss_kb(proc.pid)
        answered = len(latencies)
        lost = total - answered
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def pct(p: float) -> float:
        ordered = sorted(latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000 if ordered else float("nan")

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"fzcheck serve load test: {args.clients} clients x {args.per_client} uploads = {total}, "
          f"loopback, time limit {args.time_limit:g} s")
    print(f"server: {banner.split('正在监听')[0].replace('fzcheck serve:', '').strip()}")
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print(f"samples: {', '.join(SAMPLES)} (alternating POST /api/check and POST /check)")
    print()
    print(f"answered {answered}/{total}, lost {lost}, errors {len(errors)}")
    print(f"wall {wall:.1f} s, {answered / wall:.1f} uploads/s")
    if latencies:
        print(f"latency ms: p50 {pct(50):.0f}  p90 {pct(90):.0f}  p99 {pct(99):.0f}  max {max(latencies) * 1000:.0f}  "
              f"mean {statistics.mean(latencies) * 1000:.0f}")
    for label, values in mem.items():
        print(f"server RSS {label:<14} {values.get('VmRSS', 0) / 1024:7.1f} MB   (peak so far {values.get('VmHWM', 0) / 1024:.1f} MB)")
    access = [line for line in log_lines if re.match(r"^\S+ POST /(api/)?check \d+ \d{3} \d+ms$", line.strip())]
    print(f"access log lines for uploads: {len(access)} (expected {total + max(args.warmup, len(payloads))})")
    for line in errors[:10]:
        print("  error:", line)
    return 0 if not errors and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
