"""The batch dashboard: the totals row follows the filter, the rule filter, and print (a header
that repeats, no sort arrows)."""
from __future__ import annotations

import json


def _foot(page) -> list[str]:
    return page.eval("Array.prototype.map.call(document.querySelector('#reports tfoot tr').cells, "
                     "function (c) { return c.textContent.trim(); })")


def _choose(page, select: str, value: str) -> None:
    page.eval(f"var s=document.getElementById({json.dumps(select)}); s.value={json.dumps(value)}; "
              "s.dispatchEvent(new Event('change'))")


def _visible_sum(page, column: int) -> int:
    return page.eval(f"Array.prototype.reduce.call(document.querySelectorAll('#reports tbody tr:not([hidden])'), "
                     f"function (n, r) {{ return n + parseFloat(r.cells[{column}].getAttribute('data-v')); }}, 0)")


def test_totals_follow_the_filter(page, site):
    page.goto((site["out"] / "index.html").as_uri())
    error_col = page.eval("Array.prototype.findIndex.call(document.querySelectorAll('#reports thead th'), "
                          "function (th) { return th.textContent.trim() === '错误'; })")
    before = _foot(page)
    assert before[0] == "合计"
    _choose(page, "show", "clean")
    after = _foot(page)
    assert after != before and after[0].startswith("合计（显示的")
    errors_cell = int(after[error_col - 1])  # the label spans two columns
    assert errors_cell == _visible_sum(page, error_col) == 0
    _choose(page, "show", "error")
    assert int(_foot(page)[error_col - 1]) == _visible_sum(page, error_col) > 0
    _choose(page, "show", "")
    assert _foot(page) == before


def test_rule_filter_shows_only_reports_with_that_rule(page, site):
    page.goto((site["out"] / "index.html").as_uri())
    reports = [r for r in site["json"]["reports"] if any(f["rule"] == "section-missing" for f in r["findings"])]
    assert reports
    _choose(page, "rule", "section-missing")
    shown = page.eval("document.querySelectorAll('#reports tbody tr:not([hidden])').length")
    assert shown == len(reports)
    assert page.eval("document.getElementById('shown').textContent").startswith(f"显示 {len(reports)} /")
    _choose(page, "rule", "")


def test_print_has_a_readable_header_and_no_sort_arrows(page, site, tmp_path):
    page.resize(794, 1123)
    page.goto((site["out"] / "index.html").as_uri())
    page.media("print")
    try:
        arrows = page.eval("Array.prototype.map.call(document.querySelectorAll('#reports thead th button'), "
                           "function (b) { return getComputedStyle(b, '::after').content; })")
        assert arrows and all(a in ("none", "normal", "") for a in arrows)
        assert page.eval("getComputedStyle(document.querySelector('#reports thead')).display") == "table-header-group"
        th = page.eval("(function(){var s=getComputedStyle(document.querySelector('#reports thead th'));"
                       "return [s.color, s.backgroundColor, s.position];})()")
        assert th[2] == "static" and th[0] != th[1]
        page.screenshot(tmp_path / "print.png")
    finally:
        page.media("")
