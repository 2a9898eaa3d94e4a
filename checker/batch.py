"""Check many files, in parallel when asked, with results in input order whatever ``jobs`` is."""
from __future__ import annotations

import os
import sys
from typing import Callable

from .pipeline import check_path, input_error_result
from .result import ReportResult, RunResult
from .ruleset import RuleSet, load

_WORKER_RULES: RuleSet | None = None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def check_one(path: str, ruleset: RuleSet) -> ReportResult:
    """One file, with stdin as ``-``; an unexpected failure becomes that file's finding."""
    try:
        if path == "-":
            return _check_stdin(ruleset)
        return check_path(path, ruleset)
    except (OSError, RecursionError, MemoryError, ValueError) as exc:
        return input_error_result(path, f"无法检查此文件（{type(exc).__name__}: {exc}）")


def _check_stdin(ruleset: RuleSet) -> ReportResult:
    from .pipeline import check_source
    from .readers import read_bytes
    from .source import InputError

    data = sys.stdin.buffer.read()
    try:
        source = read_bytes(data, "-")
    except InputError as exc:
        return input_error_result("-", exc.problem, exc.hint)
    return check_source(source, ruleset)


def run(files: list[str], ruleset: RuleSet, spec: str, jobs: int,
        progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Check every file; ``spec`` lets worker processes load the same rule set."""
    parallel = jobs > 1 and len([f for f in files if f != "-"]) > 1 and "-" not in files
    if not parallel:
        reports = []
        for index, path in enumerate(files):
            reports.append(check_one(path, ruleset))
            if progress:
                progress(index + 1, len(files))
        return RunResult(ruleset=ruleset.name, reports=reports)
    return RunResult(ruleset=ruleset.name, reports=_parallel(files, spec, jobs, progress))


def _init_worker(spec: str) -> None:
    import signal

    global _WORKER_RULES
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops workers
    _WORKER_RULES = load(spec)


def _work(path: str) -> ReportResult:
    return check_one(path, _WORKER_RULES)


def _parallel(files: list[str], spec: str, jobs: int,
              progress: Callable[[int, int], None] | None) -> list[ReportResult]:
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(files) // (jobs * 8) or 1))
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_init_worker, initargs=(spec,))
    results: list[ReportResult] = []
    try:
        for index, report in enumerate(pool.map(_work, files, chunksize=chunk)):
            results.append(report)
            if progress:
                progress(index + 1, len(files))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        raise
    pool.shutdown()
    return results
