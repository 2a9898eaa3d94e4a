"""Nested navigation and content boxes in a web page (issue 18): furniture removal and the
content-box search are linear (a 700 KB page of nested nav <div>s took 65 s)."""
from __future__ import annotations

import time

from checker.read.dispatch import read_bytes

ARTICLE = ("<p>某区2024年法治政府建设情况报告</p><p>一、主要举措和成效</p>"
           f"<p>{'全年办理行政复议案件12件。' * 50}</p>")


def _page(body: str) -> bytes:
    return f"<html><head><title>报告</title></head><body>{body}</body></html>".encode()


def test_nested_navigation_is_dropped_in_linear_time() -> None:
    nav = ('<div class="nav">' * 200 + '<a href="/">首页</a>' + "</div>" * 200) * 200  # ~900 KB, 40 000 divs
    began = time.monotonic()
    source = read_bytes(_page(nav + f"<div class='content'>{ARTICLE}</div>"), "r.html")
    assert time.monotonic() - began < 15  # before: about 25 s on this page
    assert "某区2024年法治政府建设情况报告" in source.lines and not any("首页" in line for line in source.lines)


def test_nested_content_boxes_pick_the_innermost_in_linear_time() -> None:
    boxes = '<div class="content">' * 250 + ARTICLE + "</div>" * 250
    began = time.monotonic()
    source = read_bytes(_page('<div class="menu"><a>首页</a></div>' * 2000 + boxes), "r.html")
    assert time.monotonic() - began < 15
    assert "某区2024年法治政府建设情况报告" in source.lines
