"""The batch's results on disk: stored in any order, read back by input index, rewritten."""
from __future__ import annotations

import os

from checker.check.finding import Finding
from checker.run.result import ReportResult
import pytest

from checker.run import spill as spill_module
from checker.run.spill import Packed, Row, Spill


def _report(path: str, n: int) -> ReportResult:
    findings = [Finding(rule="placeholder", severity="error" if i % 2 else "info", message=f"第{i}处", line=i + 1,
                        column=1, end_line=i + 1, end_column=3, excerpt="××", path=path) for i in range(n)]
    return ReportResult(path=path, metadata={"title": "标题", "issuer": "云溪区人民政府", "year": 2024,
                                             "published": None}, sections=[], findings=findings, score=90 - n)


@pytest.fixture(params=["memory", "file"])
def where(request, monkeypatch):
    """Both places an entry lives: memory (a small run) and the file (past IN_MEMORY bytes)."""
    if request.param == "file":
        monkeypatch.setattr(spill_module, "IN_MEMORY", 3000)  # the file from the second entry or so
    return request.param


def test_results_put_in_any_order_come_back_by_index(tmp_path, where):
    reports = [_report(f"报告{i}.txt", i) for i in range(6)]
    spill = Spill(len(reports), directory=str(tmp_path))
    try:
        for i in (3, 0, 5, 1, 4, 2):  # the order workers finish in
            spill.put(i, Packed.of(reports[i]))
        assert [spill.load(i) for i in range(6)] == reports
        assert spill.rows[3] == Row(path="报告3.txt", issuer="云溪区人民政府", year=2024, counts=(1, 0, 2), score=87,
                                    rules=("placeholder",), title="标题", published=None, unreadable=False)
        assert spill.text(0).startswith('{\n      "path": "报告0.txt"')
        changed = _report("报告3.txt", 0)
        spill.put(3, Packed.of(changed))  # a report rewritten (cross-year findings, baseline)
        assert spill.load(3) == changed and spill.rows[3].counts == (0, 0, 0)
        assert spill.load(2) == reports[2] and spill.load(4) == reports[4]
        assert not os.listdir(tmp_path)  # an unnamed file: nothing left behind, even if killed
        assert (spill.memory is None) == (where == "file")
    finally:
        spill.close()


def test_a_file_name_that_is_not_utf8_survives_the_spill(tmp_path, where):
    path = "报告\udcff.txt"  # a byte of a non-UTF-8 name (surrogateescape)
    spill = Spill(1, directory=str(tmp_path))
    try:
        spill.put(0, Packed.of(_report(path, 1)))
        assert spill.load(0).path == path and path in spill.text(0)
    finally:
        spill.close()


def test_a_result_checked_in_this_process_is_held_not_pickled(tmp_path):
    report = _report("报告.txt", 2)
    spill = Spill(2, directory=str(tmp_path))
    try:
        spill.put(0, Packed.held(report))
        spill.put(1, Packed.of(report))
        assert spill.load(0) is report and spill.load(1) == report and spill.load(1) is not report
        assert spill.text(0) == spill.text(1) and spill.rows[0] == spill.rows[1]
        spill.put(0, Packed.of(_report("报告.txt", 0)))  # rewritten: no longer held
        assert spill.load(0).findings == [] and 0 not in spill.held
    finally:
        spill.close()
