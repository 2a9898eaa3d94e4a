"""Check many files, in parallel when asked, with results in input order whatever ``jobs`` is."""
from __future__ import annotations

import os
from collections.abc import Callable

from checker.check.finding import Finding
from checker.check.ruleset import RuleSet

from .isolate import Budget, Exceeded, Pool
from .pipeline import check_file
from .result import ReportResult, RunResult
from .spill import Packed, Spill
from .streamed import StreamedRun

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
    """:func:`stream`'s results in memory (one upload in the web service, tests, scripts)."""
    streamed = stream(files, ruleset, spec, jobs, progress, config, keep_lines, previous, cache, budget)
    try:
        return RunResult(ruleset=streamed.ruleset, reports=list(streamed.reports))
    finally:
        streamed.close()


def stream(files: list[str], ruleset: RuleSet, spec: str, jobs: int,
           progress: Callable[[int, int], None] | None = None, config=None, keep_lines: bool = True,
           previous: str | None = None, cache: str | None = None, budget: Budget | None = None) -> StreamedRun:
    """Check every file; ``config`` gives per-path rule sets (``spec`` names the base set).

    The result lists reports in the order of ``files`` whatever ``jobs`` is; the results wait
    on disk (checker/run/spill.py), so memory does not grow with the number of files.
    ``keep_lines=False`` drops each report's text (only the HTML format shows it), which keeps a
    big parallel batch from shipping every report's text back from the workers.  ``cache`` is a
    directory of earlier results (checker/run/cache.py): files found there are not checked
    again, and only the others go to the workers.  Every check runs in a worker process within
    ``budget`` (time and memory, checker/run/isolate.py): a file past it gets an ``input-error``
    and the batch goes on."""
    from .rulesets import RuleSets

    rulesets = RuleSets(ruleset, config)
    budget = budget or Budget()
    if "-" in files:
        from .pipeline import read_stdin_now

        read_stdin_now()
    spill = Spill(len(files), decode_cached=_cached_result)
    try:
        if previous is not None:  # --previous FILE: one report, paired by hand
            _share(rulesets, keep_lines, None, previous)
            with Pool(1, budget) as pool:
                for index, result in pool.each(_work_by_hand, files, on_error=_crashed):
                    spill.put(index, _packed(files[index], result))
            if progress:
                progress(len(files), len(files))
            return StreamedRun(ruleset.name, spill)
        parallel = jobs > 1 and len([f for f in files if f != "-"]) > 1 and "-" not in files
        store = None
        if cache is not None:
            from .cache import ResultCache

            store = ResultCache(cache)
        _share(rulesets, keep_lines, store)
        with Pool(jobs if parallel else 1, budget) as pool:
            keys = _main_pass(files, rulesets, pool, progress, store, spill)
            if store is not None:
                store.prune()
            _cross_year(spill, rulesets, pool, store, keys)
        return StreamedRun(ruleset.name, spill)
    except BaseException:
        spill.close()
        raise


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


def _cached_result(data: bytes, path: str) -> ReportResult:
    """A result the cache gave (decoded only when a format needs more than its JSON text)."""
    from .cache import entry_result
    from .pipeline import input_error_result

    try:
        return entry_result(data, path)
    except (ValueError, KeyError, TypeError, AttributeError):  # an entry made to pass its own digest
        return input_error_result(path, "缓存中保存的检查结果已损坏", "请删除缓存目录后重新检查")


def _packed(path: str, result) -> Packed:
    """A worker's packed result, or the packed ``input-error`` report of a check that failed."""
    return result if isinstance(result, Packed) else Packed.of(_stopped(path, result))


def _main_pass(files: list[str], rulesets, pool: Pool, progress: Callable[[int, int], None] | None,
               store, spill: Spill) -> list[str | None]:
    """Every file's result into ``spill``: from the cache when it has it, else checked in the
    pool's worker processes (stored as they finish, whatever their order).  Returns each
    file's cache key (for the pairs' entries), or an empty list without a cache."""
    todo: list[tuple[int, str | None]] = []  # (index, cache key computed here: the workers only store)
    keys: list[str | None] = []
    done = 0
    if store is not None:
        for index, path in enumerate(files):
            ruleset, dropped = rulesets.for_path(path)
            key = store.key(path, ruleset, dropped, _WORKER_KEEP_LINES)
            keys.append(key)
            cached = store.packed(key, path) if key is not None else None
            if cached is None:
                todo.append((index, key))
                continue
            spill.put(index, cached)  # its row holds files[index] itself: one string per path
            done += 1
            if progress:
                progress(done, len(files))
    else:
        todo = [(index, None) for index in range(len(files))]

    def advance(count: int, _total: int) -> None:
        if progress:
            progress(done + count, len(files))

    if len(todo) == 1 and _plain_text(files[todo[0][0]]):
        index, key = todo[0]
        spill.put(index, _packed(files[index], pool.here(_work_here, (files[index], key), on_error=_crashed)))
        advance(1, 1)
        return keys
    tasks = ((files[index], key) for index, key in todo)
    for k, result in pool.each(_work, tasks, advance, on_error=_crashed, count=len(todo)):
        index = todo[k][0]
        packed = _packed(files[index], result)
        packed.row.path = files[index]  # the same string, not a copy from the worker (10⁵ paths)
        spill.put(index, packed)
    return keys


def _plain_text(path: str) -> bool:
    """A file whose check runs only Python code and ``re`` (a .txt or .md file: no C parser
    that a signal cannot stop), so that one such file alone is checked in this process."""
    from checker.read.dispatch import kind_for_name

    return path != "-" and kind_for_name(path) in ("text", "markdown")


def _cross_year(spill: Spill, rulesets, pool: Pool, store=None, keys: list[str | None] = ()) -> None:
    """Pair reports with last year's of the same issuer and add the cross-year findings
    (checker/run/pairing.py), in the pool's worker processes; only the reports that change are
    written to the spill again.  With a cache, a pair whose two files (and rule set) are
    unchanged takes its comparison from the cache (a repeat run over two years re-checks no pair)."""
    from checker.check.engine import cross_year_rules

    from .pairing import find_pairs, merge

    if not cross_year_rules(rulesets.base):
        return
    pairs = find_pairs(spill.rows, rulesets.config)
    if not pairs:
        return
    def add(index: int, extra) -> None:
        if extra is None:
            return
        report = spill.load(index)
        if isinstance(extra, Exceeded):
            extra = ([_cross_stopped(report.path, extra)], report.crossyear)
        merged = merge(report, extra, rulesets.for_path(report.path)[0])
        if merged is not report:
            packed = Packed.of(merged)
            packed.row.path = spill.rows[index].path
            spill.put(index, packed)

    todo: list[tuple[int, str, str, str | None]] = []  # (index, path, last year's path, pair's cache key)
    for i, j in pairs:
        path, previous = spill.rows[i].path, spill.rows[j].path
        pair_key = store.cross_key(keys[i], keys[j], previous) if store is not None and keys[i] and keys[j] else None
        cached = store.get_cross(pair_key, path) if pair_key is not None else None
        if cached is not None:
            add(i, cached)
        else:
            todo.append((i, path, previous, pair_key))
    tasks = ((path, previous, pair_key) for _i, path, previous, pair_key in todo)
    for k, extra in pool.each(_work_cross, tasks, on_error=lambda task, text: None, count=len(todo)):
        add(todo[k][0], extra)


def _cross_stopped(path: str, exceeded: Exceeded) -> Finding:
    problem, hint = exceeded.message()
    return Finding(rule="input-error", severity="warning", message=f"与上一年度报告比对时{problem}。{hint}",
                   line=1, column=1, end_line=1, end_column=1, path=path)


def _work_cross(task: tuple[str, str, str | None]):
    from .pairing import recheck

    path, previous, pair_key = task
    extra = recheck(path, previous, _WORKER_SETS)
    if pair_key is not None and extra is not None and _WORKER_CACHE is not None:
        _WORKER_CACHE.put_cross(pair_key, path, extra)  # None (a file that failed to read) is not kept
    return extra


def _work_by_hand(path: str) -> Packed:
    from .pairing import by_hand

    return Packed.of(by_hand(path, _WORKER_PREVIOUS, _WORKER_SETS, _WORKER_KEEP_LINES))


def _work_here(task: tuple[str, str | None]) -> Packed:
    """:func:`_work` in the batch's own process: the result is kept, not pickled."""
    path, key = task
    return Packed.held(check_file(path, _WORKER_SETS, _WORKER_KEEP_LINES, cache=_WORKER_CACHE, key=key))


def _work(task: tuple[str, str | None]) -> Packed:
    """One file checked in a worker, packed there (its JSON text written, the result pickled):
    the parent only stores it."""
    path, key = task
    return Packed.of(check_file(path, _WORKER_SETS, _WORKER_KEEP_LINES, cache=_WORKER_CACHE, key=key))
