"""A run whose results stay on disk (checker/run/spill.py) until a format reads them.

It answers what :class:`checker.run.result.RunResult` answers (``ruleset``, ``reports``,
``summary()``, ``findings()``, ``fired()``), so every format reads either; ``reports`` is a
sequence that loads one result at a time, so a format that walks it once holds one result.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.check.finding import SEVERITIES, Finding

from .result import ReportResult
from .spill import Packed, Spill


class Reports(Sequence):
    """The run's results in input order, each loaded when it is asked for."""

    def __init__(self, spill: Spill) -> None:
        self.spill = spill

    def __len__(self) -> int:
        return len(self.spill)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.spill.load(index)

    def __iter__(self) -> Iterator[ReportResult]:
        for index in range(len(self)):
            yield self.spill.load(index)


class StreamedRun:
    """All reports of one run, in input order, read back from the spill."""

    def __init__(self, ruleset: str, spill: Spill) -> None:
        self.ruleset = ruleset
        self.spill = spill
        self.reports = Reports(spill)

    @property
    def rows(self):
        return self.spill.rows

    def summary(self) -> dict[str, int]:
        totals = [0, 0, 0]
        for row in self.spill.rows:
            for k in range(3):
                totals[k] += row.counts[k]
        return {"reports": len(self.spill), **dict(zip(SEVERITIES, totals))}

    def fired(self) -> list[str]:
        """Every rule that fired, in the order of its first finding in the run."""
        seen: dict[str, None] = {}
        for row in self.spill.rows:
            for rule in row.rules:
                seen.setdefault(rule, None)
        return list(seen)

    def findings(self) -> Iterator[Finding]:
        for report in self.reports:
            yield from report.findings

    def report_texts(self) -> Iterator[str]:
        """Each report's contract object as JSON text (``--format json``), without loading it."""
        for index in range(len(self.spill)):
            yield self.spill.text(index)

    def transformed(self, change) -> "StreamedRun":
        """This run with ``change(report)`` in place of each report (in input order); only the
        reports it changes are written again."""
        for index in range(len(self.spill)):
            report = self.spill.load(index)
            new = change(report)
            if new is not report:
                self.spill.put(index, Packed.of(new))
        return self

    def close(self) -> None:
        self.spill.close()
