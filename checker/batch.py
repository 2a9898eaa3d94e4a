"""Check many files, in parallel when asked, with results in input order whatever ``jobs`` is."""
from __future__ import annotations

import os
import sys
from typing import Callable

from dataclasses import replace

from .pipeline import check_path, input_error_result
from .result import ReportResult, RunResult
from .ruleset import RuleSet, load

_WORKER_RULES: RuleSet | None = None
_WORKER_SETS = None  # config.RuleSets: the rule set for each file (per-path overrides)
_WORKER_KEEP_LINES = True


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def check_file(path: str, rulesets, keep_lines: bool = True, previous=None) -> ReportResult:
    """One file with the rule set its config overrides give it (``previous``: last year's
    parsed report, for the cross-year rules)."""
    ruleset, dropped = rulesets.for_path(path)
    report = check_one(path, ruleset, previous)
    if dropped:
        report = replace(report, findings=[f for f in report.findings if f.rule not in dropped])
    if not keep_lines and report.lines:
        report = replace(report, lines=[])
    return report


def check_one(path: str, ruleset: RuleSet, previous=None) -> ReportResult:
    """One file, with stdin as ``-``; an unexpected failure becomes that file's finding."""
    try:
        if path == "-":
            return _check_stdin(ruleset, previous)
        return check_path(path, ruleset, previous=previous)
    except Exception as exc:  # noqa: BLE001 - contract: one odd file never stops the batch with a traceback
        return input_error_result(path, f"无法检查此文件（{type(exc).__name__}: {exc}）")


def _check_stdin(ruleset: RuleSet, previous=None) -> ReportResult:
    from .pipeline import check_source
    from .readers import read_stream
    from .source import InputError

    try:
        source = read_stream(sys.stdin.buffer, "-")  # bounded by --max-file-size
    except InputError as exc:
        return input_error_result("-", exc.problem, exc.hint)
    return check_source(source, ruleset, previous=previous)


def run(files: list[str], ruleset: RuleSet, spec: str, jobs: int,
        progress: Callable[[int, int], None] | None = None, config=None, keep_lines: bool = True,
        previous: str | None = None) -> RunResult:
    """Check every file; ``spec`` and ``config`` let worker processes build the same rule sets.

    The result lists reports in the order of ``files`` whatever ``jobs`` is.  ``keep_lines=False``
    drops each report's text (only the HTML format shows it), which keeps a big parallel batch
    from shipping every report's text back from the workers."""
    from .config import RuleSets
    from .pairing import by_hand

    rulesets = RuleSets(ruleset, config)
    if previous is not None:  # --previous FILE: one report, paired by hand
        reports = [by_hand(path, previous, rulesets, keep_lines) for path in files]
        if progress:
            progress(len(files), len(files))
        return RunResult(ruleset=ruleset.name, reports=reports)
    parallel = jobs > 1 and len([f for f in files if f != "-"]) > 1 and "-" not in files
    if not parallel:
        reports = []
        for index, path in enumerate(files):
            reports.append(check_file(path, rulesets, keep_lines))
            if progress:
                progress(index + 1, len(files))
    else:
        reports = _parallel(files, spec, jobs, progress, config, keep_lines)
    return RunResult(ruleset=ruleset.name, reports=_cross_year(reports, rulesets, spec, jobs if parallel else 1,
                                                               config, keep_lines))


def _cross_year(reports: list[ReportResult], rulesets, spec: str, jobs: int, config,
                keep_lines: bool) -> list[ReportResult]:
    """Pair reports with last year's of the same issuer and add the cross-year findings
    (checker/pairing.py); in worker processes when the main pass used them."""
    from .pairing import find_pairs, merge, recheck

    if not any(cross_year_ids(rulesets.base)):
        return reports
    pairs = find_pairs(reports, rulesets.config)
    if not pairs:
        return reports
    tasks = [(reports[i].path, reports[j].path) for i, j in pairs]
    if jobs > 1 and len(tasks) > 1:
        extras = _pool_map(_work_cross, tasks, spec, jobs, None, config, keep_lines)
    else:
        extras = [recheck(path, prev, rulesets) for path, prev in tasks]
    out = list(reports)
    for (i, _j), extra in zip(pairs, extras):
        out[i] = merge(out[i], extra, rulesets.for_path(out[i].path)[0])
    return out


def cross_year_ids(ruleset) -> set[str]:
    from .crossyear import cross_year_rules

    return cross_year_rules(ruleset)


def _work_cross(task: tuple[str, str]):
    from .pairing import recheck

    return recheck(task[0], task[1], _WORKER_SETS)


def _init_worker(spec: str, config=None, keep_lines: bool = True) -> None:
    import signal

    from .config import RuleSets

    global _WORKER_RULES, _WORKER_SETS, _WORKER_KEEP_LINES
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops workers
    _WORKER_RULES = load(spec)
    _WORKER_SETS = RuleSets(_WORKER_RULES, config)
    _WORKER_KEEP_LINES = keep_lines


def _work(path: str) -> ReportResult:
    return check_file(path, _WORKER_SETS, _WORKER_KEEP_LINES)


def _parallel(files: list[str], spec: str, jobs: int, progress: Callable[[int, int], None] | None,
              config=None, keep_lines: bool = True) -> list[ReportResult]:
    return _pool_map(_work, files, spec, jobs, progress, config, keep_lines)


def _pool_map(func, items: list, spec: str, jobs: int, progress: Callable[[int, int], None] | None,
              config=None, keep_lines: bool = True) -> list:
    """``func`` over ``items`` in worker processes, results in input order; Ctrl-C (or any
    error) terminates the workers at once instead of waiting for their tasks."""
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(items) // (jobs * 8) or 1))
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), initializer=_init_worker,
                               initargs=(spec, config, keep_lines))
    results: list = []
    try:
        for index, result in enumerate(pool.map(func, items, chunksize=chunk)):
            results.append(result)
            if progress:
                progress(index + 1, len(items))
    except BaseException:
        # Terminate the workers first: shutdown() sets pool._processes to None.
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results
