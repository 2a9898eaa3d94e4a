"""Many findings on one line (issue 18): the HTML page cuts the line in one sweep, not by
scanning every finding for every piece (a 200 KB one-line report took 25-41 s to render)."""
from __future__ import annotations

import time

from checker.formats import html
from checker.run.pipeline import check_text
from checker.run.result import RunResult


def test_thousands_of_findings_on_one_line_render_fast(national) -> None:
    line = "全年办理复议案件××件，推进推进依法行政，出庭应诉率达120%，" * 3000  # ~250 KB, 3,000 findings
    report = check_text("某区2024年法治政府建设情况报告\n一、主要举措和成效\n" + line + "\n", national)
    assert len(report.findings) > 2000
    began = time.monotonic()
    page = html.render(RunResult(ruleset="national", reports=[report]), national)
    assert time.monotonic() - began < 20  # before: about 9 s idle, 25-41 s on a loaded machine
    assert page.count('data-ids="') >= 2000 or page.count("××") >= 3000


def test_segments_sweep_is_linear() -> None:
    from checker.formats.html_report import _segments

    k = 20_000  # all pairs: 20,000 × 40,000 range checks, minutes
    ranges = [(2 * i, 2 * i + 3, {"n": i, "severity": "warning", "anchor_line": 1, "anchor_col": 2 * i,
                                  "label": "警告", "rule": "r", "message": "m"}) for i in range(k)]
    began = time.monotonic()
    pieces = _segments(1, "字" * (2 * k + 3), ranges, [], None)
    assert time.monotonic() - began < 20
    assert [p["ids"] for p in pieces[:3]] == ["0", "0 1", "1"] and pieces[1]["starts"][0]["n"] == 1
