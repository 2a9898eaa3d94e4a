"""Checks in worker processes with a hard wall-clock limit and a memory limit.

Python's ``re`` and lxml hold the GIL and have no timeout, so a thread cannot stop a runaway
check and a thread's memory is never given back.  Every check therefore runs in a forked child
process: its address space is capped (``RLIMIT_AS``: what it may add on top of what fzcheck
already holds), and the parent kills it (SIGKILL) when the wall-clock limit passes, then starts
a fresh one.  The caller gets a :class:`Exceeded` in place of that item's result and goes on.

:class:`Pool` keeps ``size`` long-lived workers for a batch (results in input order);
:func:`call` runs one function once in a fresh child (``fzcheck serve``: one child per request,
so a request's memory is returned to the system when it ends).  Workers are forked, so they
inherit the rule sets the parent already loaded and start in milliseconds.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable

try:  # the C module itself: ``signal`` only wraps it in enums, and building them was ~1.5 % of a
    import _signal as signals  # one-report run; numbers and handlers are the same
except ImportError:  # another Python
    import signal as signals

from checker.read import regex_cache
from checker.read.record import record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from typing import Any

MiB = 1024 * 1024
DEFAULT_TIMEOUT = 120.0  # seconds for one file (a 31 MB text file, the largest accepted, takes about 18 s)
DEFAULT_MEMORY_MB = 2048  # MB one check may add (a 31 MB text file peaks at about 400 MB)


@record(frozen=True)
class Budget:
    """How long one check may run and how much memory it may add."""

    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB


@record(frozen=True)
class Exceeded:
    """What a check that was stopped returns: ``kind`` is ``timeout``, ``memory`` or ``crash``."""

    kind: str
    budget: Budget

    def message(self) -> tuple[str, str]:
        """The problem and the hint, in the words of an ``input-error`` finding."""
        if self.kind == "timeout":
            return (f"检查超时：超过 {self.budget.timeout:g} 秒仍未完成，已停止",
                    "文件可能过大或结构异常；确需检查时可用 --timeout-per-file 放宽时限")
        if self.kind == "memory":
            return (f"内存超限：检查所需内存超过 {self.budget.memory_mb} MB，已停止",
                    "文件可能过大或结构异常；确需检查时可用 --max-memory-mb 放宽上限")
        return ("检查进程意外退出", "文件可能结构异常；请另存为纯文本后重试")


def _context():
    """Imported when the first worker starts (~15 ms): a run whose every file is in the cache,
    or --list-rules, starts none."""
    import multiprocessing

    return multiprocessing.get_context("fork")


def wait(connections: list, timeout: float | None = None) -> list:
    """``multiprocessing.connection.wait`` (imported with the first worker)."""
    from multiprocessing.connection import wait as wait_for

    return wait_for(connections, timeout=timeout)


def _limit_memory(memory_mb: int) -> None:
    """Cap the address space at what this process holds now plus ``memory_mb``."""
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            held = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        held = 0
    cap = held + memory_mb * MiB
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _worker(conn: Connection, memory_mb: int, task: tuple | None = None) -> None:
    """The child's loop: receive (func, arg), send ("ok", result) / ("memory",) / ("error", text).
    With ``task`` (inherited through fork, never pickled: it may be a closure) run only that."""
    signals.signal(signals.SIGINT, signals.SIG_IGN)  # the parent handles Ctrl-C and stops workers
    _limit_memory(memory_mb)
    while True:
        if task is None:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                regex_cache.save()  # the pool is done: the patterns this worker compiled, for the next run
                return
            once = False
        else:
            once = True
        reply = _run(*task)
        task = None
        if once and reply[0] == "ok":
            regex_cache.save()  # before the reply: the parent may end the run (and this process) on it
        try:
            conn.send(reply)
        except MemoryError:
            reply = ("memory",)
            conn.send(reply)
        if once or reply[0] == "memory":
            os._exit(0)  # a process that ran out of memory is not trusted with the next file


def _run(func: Callable[[Any], Any], arg) -> tuple:
    try:
        return ("ok", func(arg))
    except MemoryError:
        return ("memory",)
    except BaseException as exc:  # noqa: BLE001 - the parent turns it into that file's finding
        return ("error", f"{type(exc).__name__}: {exc}")


class _Worker:
    def __init__(self, budget: Budget, task: tuple | None = None):
        parent, child = _context().Pipe()
        self.process = _context().Process(target=_worker, args=(child, budget.memory_mb, task), daemon=True)
        import sys

        saved, sys.stdin = sys.stdin, None  # multiprocessing would close() it in the child; stdin was read already
        try:
            self.process.start()
        finally:
            sys.stdin = saved
        child.close()
        self.conn = parent
        self.index: int | None = None
        self.item: Any = None
        self.deadline = 0.0

    def kill(self) -> None:
        try:
            self.process.kill()
        except (OSError, ValueError, AttributeError):
            pass
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()
        self.conn.close()


class Pool:
    """``size`` forked workers; :meth:`map` gives each item's result or an :class:`Exceeded`."""

    def __init__(self, size: int, budget: Budget | None = None):
        self.size = max(1, size)
        self.budget = budget or Budget()
        self.workers: list[_Worker] = []

    def map(self, func: Callable[[Any], Any], items: list, progress: Callable[[int, int], None] | None = None,
            on_error: Callable[[Any, str], Any] | None = None) -> list:
        """``func`` over ``items``, results in input order.  An exception in ``func`` becomes
        ``on_error(item, text)`` (or is raised when there is none)."""
        results: list = [None] * len(items)
        for index, result in self.each(func, items, progress, on_error):
            results[index] = result
        return results

    def each(self, func: Callable[[Any], Any], items, progress: Callable[[int, int], None] | None = None,
             on_error: Callable[[Any, str], Any] | None = None, count: int | None = None):
        """``(index, result)`` for each item of ``items`` (a list or any iterable; ``count``: its
        length for the progress callback) as the workers finish them, in the order they finish:
        a batch consumes results as they come and holds none it does not need.  Items are taken
        from ``items`` only when a worker is free, so a generator is never read far ahead."""
        source = iter(items)
        total = len(items) if count is None and hasattr(items, "__len__") else (count or 0)
        taken = 0
        busy: list[_Worker] = []
        idle = self.workers
        self.workers = []
        done = 0
        exhausted = False
        try:
            while True:
                while not exhausted and (idle or len(busy) < self.size):
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    worker = idle.pop() if idle else _Worker(self.budget)
                    worker.index, worker.item = taken, item
                    worker.deadline = time.monotonic() + self.budget.timeout
                    worker.conn.send((func, item))
                    busy.append(worker)
                    taken += 1
                if not busy:
                    break
                now = time.monotonic()
                ready = wait([w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - now))
                for worker in list(busy):
                    outcome = None
                    if worker.conn in ready:
                        outcome = self._receive(worker)
                    elif time.monotonic() >= worker.deadline:
                        outcome = ("timeout",)
                    if outcome is None:
                        continue
                    busy.remove(worker)
                    result = self._result(outcome, worker.item, on_error)
                    index, worker.item = worker.index, None
                    if outcome[0] in ("ok", "error"):
                        idle.append(worker)
                    else:
                        worker.kill()  # stopped or dead: replaced by a fresh worker when needed
                    done += 1
                    if progress:
                        progress(done, max(total, done))
                    yield index, result
        except BaseException:
            for worker in busy + idle:
                worker.kill()
            raise
        self.workers = idle

    def here(self, func: Callable[[Any], Any], item, on_error: Callable[[Any, str], Any] | None = None):
        """``func(item)`` in this process under the pool's budget: its result, ``on_error``'s
        or an :class:`Exceeded`, as :meth:`each` would give.  For one plain-text file, whose
        check runs only Python and ``re`` (both stop at a signal): the wall-clock limit is an
        interval timer and the memory limit is this process's address space for the while.
        Forking a worker and importing ``multiprocessing`` cost more than that check does."""
        return self._result(in_this_process(func, item, self.budget), item, on_error)

    @staticmethod
    def _receive(worker: _Worker) -> tuple:
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            return ("memory",) if worker.process.exitcode in (0, -signals.SIGSEGV, -signals.SIGABRT) else ("crash",)

    def _result(self, outcome: tuple, item, on_error):
        if outcome[0] == "ok":
            return outcome[1]
        if outcome[0] == "error":
            if on_error is None:
                raise RuntimeError(outcome[1])
            return on_error(item, outcome[1])
        return Exceeded(outcome[0], self.budget)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Timeout(BaseException):
    """Raised by the interval timer in :func:`in_this_process`: not an ``Exception``, so no
    reader's or check's ``except Exception`` turns it into that file's finding."""


def _alarm(_signum, _frame) -> None:
    raise _Timeout


def in_this_process(func: Callable[[Any], Any], arg, budget: Budget) -> tuple:
    """``func(arg)`` here within ``budget``: ("ok", result), ("timeout",), ("memory",) or
    ("error", text) — what a worker replies.  Only for work that signals can stop (Python code
    and ``re``; not lxml or pdfium, which hold the process until they finish).  The main
    thread only (signal handlers); elsewhere it runs in a fresh worker instead."""
    import resource

    try:
        previous = signals.signal(signals.SIGALRM, _alarm)
    except ValueError:  # not the main thread
        return _one_worker(func, arg, budget)
    limits = resource.getrlimit(resource.RLIMIT_AS)
    try:
        _limit_memory(budget.memory_mb)
        signals.setitimer(signals.ITIMER_REAL, budget.timeout)
        try:
            return ("ok", func(arg))
        finally:
            signals.setitimer(signals.ITIMER_REAL, 0)
    except _Timeout:
        return ("timeout",)
    except MemoryError:
        return ("memory",)
    except Exception as exc:  # noqa: BLE001 - the caller turns it into that file's finding
        return ("error", f"{type(exc).__name__}: {exc}")
    finally:
        resource.setrlimit(resource.RLIMIT_AS, limits)
        signals.signal(signals.SIGALRM, previous)


def _one_worker(func: Callable[[Any], Any], arg, budget: Budget) -> tuple:
    worker = _Worker(budget, (func, arg))
    try:
        return Pool._receive(worker) if wait([worker.conn], timeout=budget.timeout) else ("timeout",)
    finally:
        worker.kill()


def call(func: Callable[[Any], Any], arg, budget: Budget):
    """``func(arg)`` once in a fresh child (``func`` may be a closure: it is inherited, not sent);
    its result, an :class:`Exceeded`, or RuntimeError with the child's exception."""
    outcome = _one_worker(func, arg, budget)
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "error":
        raise RuntimeError(outcome[1])
    return Exceeded(outcome[0], budget)
