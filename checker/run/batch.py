"""Check many files, in parallel when asked, with results in input order whatever ``jobs`` is."""
from __future__ import annotations

import os
from typing import Callable

from checker.check.finding import Finding
from checker.check.ruleset import RuleSet

from .isolate import Budget, Exceeded, Pool
from .pipeline import check_file
from .result import ReportResult, RunResult

# Set in the parent before the workers fork (they inherit it; nothing is pickled):
_WORKER_SETS = None  # config.RuleSets: the rule set for each file (per-path overrides)
_WORKER_KEEP_LINES = True
_WORKER_CACHE = None  # cache.ResultCache of the run, or None
_WORKER_PREVIOUS: str | None = None  # --previous FILE


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run(files: list[str], ruleset: RuleSet, spec: str, jobs: int,
        progress: Callable[[int, int], None] | None = None, config=None, keep_lines: bool = True,
        previous: str | None = None, cache: str | None = None, budget: Budget | None = None) -> RunResult:
    """Check every file; ``config`` gives per-path rule sets (``spec`` names the base set).

    The result lists reports in the order of ``files`` whatever ``jobs`` is.  ``keep_lines=False``
    drops each report's text (only the HTML format shows it), which keeps a big parallel batch
    from shipping every report's text back from the workers.  ``cache`` is a directory of
    earlier results (checker/run/cache.py): files found there are not checked again, and only the
    others go to the workers.  Every check runs in a worker process within ``budget`` (time and
    memory, checker/run/isolate.py): a file past it gets an ``input-error`` and the batch goes on."""
    from .rulesets import RuleSets

    rulesets = RuleSets(ruleset, config)
    budget = budget or Budget()
    if "-" in files:
        from .pipeline import read_stdin_now

        read_stdin_now()
    if previous is not None:  # --previous FILE: one report, paired by hand
        _share(rulesets, keep_lines, None, previous)
        with Pool(1, budget) as pool:
            reports = pool.map(_work_by_hand, files, on_error=_crashed)
        reports = [_stopped(path, r) for path, r in zip(files, reports)]
        if progress:
            progress(len(files), len(files))
        return RunResult(ruleset=ruleset.name, reports=reports)
    parallel = jobs > 1 and len([f for f in files if f != "-"]) > 1 and "-" not in files
    store = None
    if cache is not None:
        from .cache import ResultCache

        store = ResultCache(cache)
    _share(rulesets, keep_lines, store)
    with Pool(jobs if parallel else 1, budget) as pool:
        reports = _main_pass(files, rulesets, pool, progress, store)
        if store is not None:
            store.prune()
        reports = _cross_year(reports, rulesets, pool)
    return RunResult(ruleset=ruleset.name, reports=reports)


def _share(rulesets, keep_lines: bool, store, previous: str | None = None) -> None:
    """What the forked workers inherit: the rule sets, whether to keep lines, the cache."""
    global _WORKER_SETS, _WORKER_KEEP_LINES, _WORKER_CACHE, _WORKER_PREVIOUS
    _WORKER_SETS, _WORKER_KEEP_LINES, _WORKER_CACHE, _WORKER_PREVIOUS = rulesets, keep_lines, store, previous


def _stopped(path: str, result):
    """A worker's result, or the ``input-error`` report of a check that was stopped."""
    if isinstance(result, Exceeded):
        from .pipeline import input_error_result

        return input_error_result(path, *result.message())
    return result


def _crashed(task, text: str) -> ReportResult:
    from .pipeline import input_error_result

    path = task[0] if isinstance(task, tuple) else task
    return input_error_result(path, f"无法检查此文件（{text}）")


def _main_pass(files: list[str], rulesets, pool: Pool, progress: Callable[[int, int], None] | None,
               store) -> list[ReportResult]:
    """Every file's result, in the order of ``files``: from the cache when it has it, else
    checked in the pool's worker processes."""
    found: dict[int, ReportResult] = {}
    keys: dict[int, str | None] = {}  # computed once here (hashing the file): the workers only store
    if store is not None:
        for index, path in enumerate(files):
            ruleset, dropped = rulesets.for_path(path)
            key = keys[index] = store.key(path, ruleset, dropped, _WORKER_KEEP_LINES)
            cached = store.get(key, path) if key is not None else None
            if cached is not None:
                found[index] = cached
                if progress:
                    progress(len(found), len(files))
    todo = [index for index in range(len(files)) if index not in found]
    done = len(found)

    def advance(count: int, _total: int) -> None:
        if progress:
            progress(done + count, len(files))

    checked = pool.map(_work, [(files[i], keys.get(i)) for i in todo], advance, on_error=_crashed)
    found.update((i, _stopped(files[i], r)) for i, r in zip(todo, checked))
    return [found[index] for index in range(len(files))]


def _cross_year(reports: list[ReportResult], rulesets, pool: Pool) -> list[ReportResult]:
    """Pair reports with last year's of the same issuer and add the cross-year findings
    (checker/run/pairing.py), in the pool's worker processes."""
    from checker.check.engine import cross_year_rules

    from .pairing import find_pairs, merge

    if not cross_year_rules(rulesets.base):
        return reports
    pairs = find_pairs(reports, rulesets.config)
    if not pairs:
        return reports
    tasks = [(reports[i].path, reports[j].path) for i, j in pairs]
    extras = pool.map(_work_cross, tasks, on_error=lambda task, text: None)
    out = list(reports)
    for (i, _j), extra in zip(pairs, extras):
        if isinstance(extra, Exceeded):
            extra = ([_cross_stopped(out[i].path, extra)], out[i].crossyear)
        out[i] = merge(out[i], extra, rulesets.for_path(out[i].path)[0])
    return out


def _cross_stopped(path: str, exceeded: Exceeded) -> Finding:
    problem, hint = exceeded.message()
    return Finding(rule="input-error", severity="warning", message=f"与上一年度报告比对时{problem}。{hint}",
                   line=1, column=1, end_line=1, end_column=1, path=path)


def _work_cross(task: tuple[str, str]):
    from .pairing import recheck

    return recheck(task[0], task[1], _WORKER_SETS)


def _work_by_hand(path: str) -> ReportResult:
    from .pairing import by_hand

    return by_hand(path, _WORKER_PREVIOUS, _WORKER_SETS, _WORKER_KEEP_LINES)


def _work(task: tuple[str, str | None]) -> ReportResult:
    path, key = task
    return check_file(path, _WORKER_SETS, _WORKER_KEEP_LINES, cache=_WORKER_CACHE, key=key)
