"""Pool.each: results as the workers finish them, items read from the source only when a
worker is free."""
from __future__ import annotations

import time

from checker.run.isolate import Budget, Exceeded, Pool


def _nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_each_gives_results_as_they_finish_with_their_index():
    with Pool(2, Budget(timeout=30, memory_mb=200)) as pool:
        got = list(pool.each(_nap, [1.5, 0.0, 0.0, 0.0]))
    assert sorted(got) == [(0, 1.5), (1, 0.0), (2, 0.0), (3, 0.0)]
    assert got[-1] == (0, 1.5)  # the slow one came last, the others did not wait for it


def test_each_reads_a_generator_only_as_workers_free_up():
    taken = []

    def source():
        for i in range(6):
            taken.append(i)
            yield 0.0

    with Pool(2, Budget(timeout=30, memory_mb=200)) as pool:
        results = pool.each(_nap, source(), count=6)
        first = next(results)
        assert len(taken) <= 3  # two in the workers, at most one more asked for
        rest = list(results)
    assert sorted(i for i, _ in [first, *rest]) == list(range(6)) and len(taken) == 6


def test_each_stops_a_runaway_item_and_goes_on():
    with Pool(1, Budget(timeout=1, memory_mb=200)) as pool:
        got = dict(pool.each(_nap, [0.0, 30.0, 0.0]))
    assert got[0] == got[2] == 0.0 and isinstance(got[1], Exceeded) and got[1].kind == "timeout"
