"""Check many files, in parallel when asked, with results in input order whatever ``jobs`` is."""
from __future__ import annotations

import os
from typing import Callable

from checker.check.ruleset import RuleSet, load

from .pipeline import check_file
from .result import ReportResult, RunResult

_WORKER_SETS = None  # config.RuleSets: the rule set for each file (per-path overrides)
_WORKER_KEEP_LINES = True
_WORKER_CACHE = None  # cache.ResultCache of the run, or None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run(files: list[str], ruleset: RuleSet, spec: str, jobs: int,
        progress: Callable[[int, int], None] | None = None, config=None, keep_lines: bool = True,
        previous: str | None = None, cache: str | None = None) -> RunResult:
    """Check every file; ``spec`` and ``config`` let worker processes build the same rule sets.

    The result lists reports in the order of ``files`` whatever ``jobs`` is.  ``keep_lines=False``
    drops each report's text (only the HTML format shows it), which keeps a big parallel batch
    from shipping every report's text back from the workers.  ``cache`` is a directory of
    earlier results (checker/run/cache.py): files found there are not checked again, and only the
    others go to the workers."""
    from .pairing import by_hand
    from .rulesets import RuleSets

    rulesets = RuleSets(ruleset, config)
    if previous is not None:  # --previous FILE: one report, paired by hand
        reports = [by_hand(path, previous, rulesets, keep_lines) for path in files]
        if progress:
            progress(len(files), len(files))
        return RunResult(ruleset=ruleset.name, reports=reports)
    parallel = jobs > 1 and len([f for f in files if f != "-"]) > 1 and "-" not in files
    store = None
    if cache is not None:
        from .cache import ResultCache

        store = ResultCache(cache)
    reports = _main_pass(files, rulesets, spec, jobs if parallel else 1, progress, config, keep_lines, store)
    if store is not None:
        store.prune()
    return RunResult(ruleset=ruleset.name, reports=_cross_year(reports, rulesets, spec, jobs if parallel else 1,
                                                               config, keep_lines))


def _main_pass(files: list[str], rulesets, spec: str, jobs: int, progress: Callable[[int, int], None] | None,
               config, keep_lines: bool, store) -> list[ReportResult]:
    """Every file's result, in the order of ``files``: from the cache when it has it, else
    checked (in worker processes when ``jobs`` > 1 and more than one file is left)."""
    found: dict[int, ReportResult] = {}
    keys: dict[int, str | None] = {}  # computed once here (hashing the file): the workers only store
    if store is not None:
        for index, path in enumerate(files):
            ruleset, dropped = rulesets.for_path(path)
            key = keys[index] = store.key(path, ruleset, dropped, keep_lines)
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

    if jobs > 1 and len(todo) > 1:
        checked = _pool_map(_work, [(files[i], keys.get(i)) for i in todo], spec, jobs, advance, config,
                            keep_lines, store.directory if store is not None else None)
    else:
        checked = []
        for count, index in enumerate(todo, 1):
            checked.append(check_file(files[index], rulesets, keep_lines, cache=store, key=keys.get(index)))
            advance(count, len(todo))
    found.update(zip(todo, checked))
    return [found[index] for index in range(len(files))]


def _cross_year(reports: list[ReportResult], rulesets, spec: str, jobs: int, config,
                keep_lines: bool) -> list[ReportResult]:
    """Pair reports with last year's of the same issuer and add the cross-year findings
    (checker/run/pairing.py); in worker processes when the main pass used them."""
    from checker.check.engine import cross_year_rules

    from .pairing import find_pairs, merge, recheck

    if not cross_year_rules(rulesets.base):
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


def _work_cross(task: tuple[str, str]):
    from .pairing import recheck

    return recheck(task[0], task[1], _WORKER_SETS)


def _init_worker(spec: str, config=None, keep_lines: bool = True, cache: str | None = None) -> None:
    import signal

    from .rulesets import RuleSets

    global _WORKER_SETS, _WORKER_KEEP_LINES, _WORKER_CACHE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops workers
    _WORKER_SETS = RuleSets(load(spec), config)
    _WORKER_KEEP_LINES = keep_lines
    if cache is not None:
        from .cache import ResultCache

        _WORKER_CACHE = ResultCache(cache)


def _work(task: tuple[str, str | None]) -> ReportResult:
    path, key = task
    return check_file(path, _WORKER_SETS, _WORKER_KEEP_LINES, cache=_WORKER_CACHE, key=key)


def _pool_map(func, items: list, spec: str, jobs: int, progress: Callable[[int, int], None] | None,
              config=None, keep_lines: bool = True, cache: str | None = None) -> list:
    """``func`` over ``items`` in worker processes, results in input order; Ctrl-C (or any
    error) terminates the workers at once instead of waiting for their tasks."""
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(items) // (jobs * 8) or 1))
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)), initializer=_init_worker,
                               initargs=(spec, config, keep_lines, cache))
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
