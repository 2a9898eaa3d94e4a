"""Patterns that could backtrack on hostile text (issue 18): the national rule set over long runs
of digits, commas, spaces and brackets stays linear.  Before the fix 8,000 digits and a "%" took
6 s in the share pattern and 100 KB more than 100 s; now 100 KB of each shape takes well under a
second (the bound below leaves room for a loaded machine)."""
from __future__ import annotations

import time

import pytest

from checker.run.pipeline import check_text

N = 100_000
SHAPES = {
    "digits-percent": "1" * N + "%",
    "digits-x-percent": "1" * N + "x%",
    "thousands-x-percent": "1" + ",111" * (N // 4) + "x%",
    "share-without-percent": "1件占" * (N // 3) + "%",
    "spaces-percent": "1" + " " * N + "x%",
    "decimals-percent": "1.1" * (N // 3) + "x%",
    "han-percent": "法" * N + "%",
    "open-titles": "《" * N,
    "open-quotes": "“" * N,
    "open-parens": "（" * N,
    "rank": "排名" + "第" * N,
    "chinese-percent": "百分之" + "点" * N,
    "years": "2024年" * (N // 5),
}
HEAD = "某区2024年法治政府建设情况报告\n一、主要举措和成效\n"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_long_runs_stay_linear(national, shape: str) -> None:
    began = time.monotonic()
    check_text(HEAD + SHAPES[shape] + "\n", national)
    assert time.monotonic() - began < 15, shape


def test_share_still_checked_after_the_fix(national) -> None:
    report = check_text(HEAD + "全年受理复议案件412件，其中调解结案76件，占30%。\n", national)
    assert any(f.rule == "percent-invalid" and "30%" in f.message for f in report.findings)
