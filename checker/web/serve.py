"""``fzcheck serve``: run the upload page (:mod:`checker.web.wsgi`) on this machine.

    fzcheck serve [--host 127.0.0.1] [--port 8790] [--rules NAME_OR_FILE ...]

With waitress installed (``pip install "fzcheck[serve]"``; it runs on Windows too) the app runs
under waitress, fit for an intranet; without it under the standard library's wsgiref server
with one thread per request, fit for one person on their own machine.  Startup says which, and
the address.  Binding to anything but a loopback address prints a warning: everyone who can
reach that address can use the service.  Ctrl-C stops it (exit 0).
"""
from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
import threading

from checker import __version__

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8790
SOCKET_TIMEOUT = 30  # seconds a client may stall while sending a request (stdlib server)
# Slow clients (slowloris) under waitress: every received byte resets waitress's idle timeout, so
# a client dribbling a byte every few seconds would hold its connection forever.  Request headers
# must arrive within HEADER_DEADLINE and a whole request within REQUEST_DEADLINE (a 20 MB upload
# over a slow 1 Mbit/s link takes about 3 minutes); CONNECTION_LIMIT is far above waitress's 100.
HEADER_DEADLINE = 20
REQUEST_DEADLINE = 600
CONNECTION_LIMIT = 1000
IDLE_TIMEOUT = 30  # seconds a kept-alive connection may sit idle
MAX_UPLOAD_MB = 1024
MAX_CHECKS = 256


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from checker.run.discover import UsageError

        raise UsageError(f"{message} (see 'fzcheck serve --help')")


def build_parser() -> Parser:
    parser = Parser(prog="fzcheck serve",
                    description="启动网页检查服务：在浏览器中上传报告或粘贴全文，查看审查意见。\n"
                                "Serve the upload page and the JSON API (POST /api/check).",
                    formatter_class=argparse.RawDescriptionHelpFormatter,
                    epilog="示例 examples:\n"
                           "  fzcheck serve                              仅本机可用 http://127.0.0.1:8790/\n"
                           "  fzcheck serve --host 0.0.0.0 --rules 省级.yaml  局域网可用（需 waitress，见 docs/serve.md）")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default: {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0 = any free port)")
    parser.add_argument("--rules", action="append", metavar="FILE_OR_NAME",
                        help="rule set offered on the page (repeatable; the first is the default; "
                             "bundled sets are always offered too)")
    parser.add_argument("--max-upload-mb", type=float, default=20, metavar="MB", help="largest upload (default: 20)")
    parser.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                        help="give up on one check after this long (default: 60)")
    parser.add_argument("--max-checks", type=int, default=None, metavar="N",
                        help="checks running at once; more wait up to 10 s, then get 503 (default: 2 x cores)")
    parser.add_argument("--max-memory-mb", type=int, default=None, metavar="MB",
                        help="memory one check may use; past it the check is stopped and the request gets 503 "
                             "(default: 2048)")
    parser.add_argument("--server", choices=["auto", "waitress", "stdlib"], default="auto",
                        help="WSGI server (default: waitress if installed, else the standard library's)")
    parser.add_argument("--version", action="version", version=f"fzcheck {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    from checker.check.ruleset import RuleSetError
    from checker.run.discover import UsageError

    try:
        args = build_parser().parse_args(argv)
        if not 0 <= args.port <= 65535:
            raise UsageError("--port must be between 0 and 65535")
        validate(args)
        from .http import MB
        from .wsgi import WebApp

        app = WebApp(rules=args.rules, max_bytes=int(args.max_upload_mb * MB), timeout=args.timeout,
                     max_checks=args.max_checks, max_memory_mb=args.max_memory_mb)
        server = make_server(app, args.host, args.port, args.server)
    except UsageError as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    except RuleSetError as exc:
        print(f"fzcheck: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"fzcheck: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"fzcheck serve: {server.kind_label} 正在监听 {server.url}", flush=True)
    print(f"  规则集：{'、'.join(app.rulesets)}；上传上限 {args.max_upload_mb:g} MB；单次检查限时 {args.timeout:g} 秒；"
          f"同时检查 {app.max_checks} 个。按 Ctrl-C 停止。", flush=True)
    warning = bind_warning(args.host)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    print("fzcheck serve: 已停止", flush=True)
    return 0


def validate(args) -> None:
    """Refuse settings that would start a server that cannot work (nan, inf, a port in --host,
    thousands of threads) with one line, not a traceback."""
    import math

    from checker.run.discover import UsageError

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    if not (math.isfinite(args.max_upload_mb) and 0 < args.max_upload_mb <= MAX_UPLOAD_MB):
        raise UsageError(f"--max-upload-mb must be a number of MB above 0 and at most {MAX_UPLOAD_MB}")
    if not (math.isfinite(args.timeout) and 0 < args.timeout <= 86400):
        raise UsageError("--timeout must be a number of seconds above 0 and at most 86400")
    if args.max_checks is not None and not 1 <= args.max_checks <= MAX_CHECKS:
        raise UsageError(f"--max-checks must be between 1 and {MAX_CHECKS}")
    if args.max_memory_mb is not None and not 64 <= args.max_memory_mb <= 1 << 20:
        raise UsageError("--max-memory-mb must be between 64 and 1048576")
    host = args.host.strip("[]")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise UsageError(f"--host {args.host}: give the address only, and the port with --port") from None


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_warning(host: str) -> str | None:
    """A warning for any address other than loopback (None for 127.0.0.1, ::1, localhost)."""
    if is_loopback(host):
        return None
    what = "所有网络接口" if host in ("0.0.0.0", "::", "") else host
    return (f"fzcheck serve: 警告：服务绑定在 {what}，能访问这台机器的人都可以上传文件使用本服务。"
            "请只在可信的内部网络中这样做，必要时用防火墙限制来源；上传内容不落盘、不记录，但会经网络明文传输"
            "（需要加密时请置于 HTTPS 反向代理之后）。"
            f"\nfzcheck serve: warning: bound to {host or '*'}, not loopback — anyone who can reach it can use it.")


# ----------------------------------------------------------------------------- servers

class Server:
    """A started server, waitress or wsgiref, with one interface: url, serve_forever, shutdown, close."""

    kind = ""
    kind_label = ""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port

    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", ""):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def shutdown(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def make_server(app, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, server: str = "auto") -> Server:
    """Bind now (port 0 → a free port, see ``.port``); ``serve_forever()`` later."""
    if server in ("auto", "waitress"):
        try:
            import waitress  # noqa: F401
        except ImportError:
            if server == "waitress":
                from checker.run.discover import UsageError

                raise UsageError("waitress is not installed (pip install \"fzcheck[serve]\")") from None
        else:
            return WaitressServer(app, host, port)
    return StdlibServer(app, host, port)


class WaitressServer(Server):
    kind = "waitress"

    def __init__(self, app, host: str, port: int):
        import waitress
        from waitress.server import create_server

        version = getattr(waitress, "__version__", None)
        if version is None:
            try:
                from importlib.metadata import version as dist_version

                version = dist_version("waitress")
            except Exception:  # noqa: BLE001
                version = ""
        self.kind_label = f"waitress {version}".strip() + "（适合局域网多人使用）"
        max_bytes = getattr(app, "max_bytes", 20 * 1024 * 1024)
        checks = getattr(app, "max_checks", 4)
        # waitress reads (spooling to an unlinked temp file above 512 KB) the whole body before
        # the app sees it; up to 2 × the limit it leaves the 413 to the app's Chinese page.
        self._server = create_server(app, host=host, port=port, threads=checks + 4, ident="fzcheck",
                                     max_request_body_size=2 * max_bytes, channel_timeout=IDLE_TIMEOUT,
                                     connection_limit=CONNECTION_LIMIT, cleanup_interval=5,
                                     expose_tracebacks=False, clear_untrusted_proxy_headers=True)
        _close_slow_clients(self._server)
        super().__init__(host, int(self._server.effective_port))
        self._stopping = threading.Event()

    def serve_forever(self) -> None:
        try:
            self._server.run()
        except (OSError, ValueError):
            # shutdown() closed the sockets under the loop's select(): EBADF (or a negative
            # descriptor) is how the loop learns it is over.  Otherwise it is a real error.
            if not self._stopping.is_set():
                raise

    def shutdown(self) -> None:
        """Stop from another thread: close the listener and every channel so the loop ends."""
        self._stopping.set()
        server = self._server
        server.task_dispatcher.shutdown(timeout=5)
        for channel in list(server._map.values()):
            try:
                channel.close()
            except OSError:
                pass

    def close(self) -> None:
        try:
            self._server.task_dispatcher.shutdown(timeout=5)
        finally:
            try:
                self._server.close()
            except OSError:
                pass


def _close_slow_clients(server) -> None:
    """Add to waitress's periodic clean-up: close a connection whose request headers have taken
    more than HEADER_DEADLINE, or whose request more than REQUEST_DEADLINE, to arrive."""
    import time
    import weakref

    started: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # channel → (request, first seen)
    original = server.maintenance

    def maintenance(now: float) -> None:
        original(now)
        clock = time.monotonic()
        for channel in list(server.active_channels.values()):
            request = getattr(channel, "request", None)
            if request is None or channel.requests:
                started.pop(channel, None)
                continue
            seen = started.get(channel)
            if seen is None or seen[0] is not request:
                started[channel] = (request, clock)
                continue
            age = clock - seen[1]
            if age > REQUEST_DEADLINE or (not getattr(request, "headers_finished", True) and age > HEADER_DEADLINE):
                channel.will_close = True

    server.maintenance = maintenance


class StdlibServer(Server):
    kind = "stdlib"
    kind_label = "Python 标准库服务器 wsgiref（仅适合单人本机使用；局域网请安装 waitress：pip install \"fzcheck[serve]\"）"

    def __init__(self, app, host: str, port: int):
        from socketserver import ThreadingMixIn
        from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

        class QuietHandler(ServerHandler):
            def log_exception(self, exc_info):  # the app answers every error itself; no tracebacks
                pass

        class Handler(WSGIRequestHandler):
            timeout = SOCKET_TIMEOUT  # a stalled client cannot hold a thread forever

            def log_message(self, format, *args):  # noqa: A002 - the app writes the access log
                pass

            def handle(self):  # wsgiref's own, with the quiet ServerHandler
                self.raw_requestline = self.rfile.readline(65537)
                if len(self.raw_requestline) > 65536:
                    self.requestline, self.request_version, self.command = "", "", ""
                    self.send_error(414)
                    return
                if not self.parse_request():
                    return
                handler = QuietHandler(self.rfile, self.wfile, self.get_stderr(), self.get_environ(),
                                       multithread=True)
                handler.request_handler = self
                handler.run(self.server.get_app())

        family = socket.AF_INET6 if ":" in host else socket.AF_INET

        class Threading(ThreadingMixIn, WSGIServer):
            daemon_threads = True
            block_on_close = False
            address_family = family
            allow_reuse_address = True
            request_queue_size = 64  # socketserver's 5 makes a burst of clients wait a SYN retry (1 s)

            def handle_error(self, request, client_address):  # a client that went away: not our problem
                pass

        self._server = Threading((host, port), Handler)
        self._server.set_app(app)
        super().__init__(host, int(self._server.server_address[1]))

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        self._server.shutdown()

    def close(self) -> None:
        self._server.server_close()
