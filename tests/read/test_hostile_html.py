"""Hostile saved web pages: entity tricks, deep nesting, tag floods, scripts, binary content."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.read.dispatch import read_bytes
from checker.read.limits import Limits
from checker.read.source import InputError
from checker.run.pipeline import check_path


def test_billion_laughs_in_an_internal_subset(tmp_path: Path) -> None:
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    page = f"<!DOCTYPE html [{entities}]><html><body><p>开始&j;结束</p></body></html>"
    start = time.perf_counter()
    source = read_bytes(page.encode(), "p.html")
    assert time.perf_counter() - start < 2
    assert "哈哈哈哈哈哈哈哈哈哈哈" not in "\n".join(source.lines)


def test_external_entity_and_xinclude_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY s SYSTEM "file://{secret}">]>'
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>正文&s;</p>'
            f'<xi:include href="file://{secret}" parse="text"/><iframe src="file://{secret}"></iframe>'
            f'<object data="file://{secret}"></object><p>结束</p></body></html>')
    text = "\n".join(read_bytes(page.encode(), "p.html").lines)
    assert "TOP-SECRET" not in text and "正文" in text


@pytest.mark.parametrize("open_tag,close_tag", [
    ("<div>", "</div>"), ("<div class='nav'>", "</div>"), ("<div class='content'>", "</div>"),
    ("<table><tr><td>", "</td></tr></table>"), ("<span>", "</span>"), ("<h1>", "</h1>"), ("<div><p>段落", ""),
])
def test_deep_nesting_is_refused_quickly_not_silently_truncated(open_tag: str, close_tag: str) -> None:
    depth = 3000
    page = "<html><body>" + open_tag * depth + "<p>正文内容</p>" + close_tag * depth + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(InputError, match="嵌套过深"):
        read_bytes(page.encode(), "p.html")
    assert time.perf_counter() - start < 5


def test_nested_tables_within_the_depth_limit_are_linear() -> None:
    depth = 80  # 240 levels: just inside libxml2's 256; nested layout tables used to cost 2^depth
    page = "<html><body>" + "<table><tr><td>" * depth + "正文" + "</td></tr></table>" * depth + "</body></html>"
    start = time.perf_counter()
    assert read_bytes(page.encode(), "p.html").lines == ["正文"]
    assert time.perf_counter() - start < 5


def test_tag_flood_is_refused_before_parsing() -> None:
    page = ("<html><body>" + "法治<br>" * 300_000 + "</body></html>").encode()
    start = time.perf_counter()
    with pytest.raises(InputError, match="标签") as info:
        read_bytes(page, "p.html", limits=Limits(max_elements=100_000))
    assert "--max-elements" in info.value.hint
    assert time.perf_counter() - start < 2
    assert len(read_bytes(page, "p.html").lines) == 300_000  # under the default limit it is read


def test_huge_text_node_is_refused_not_dropped() -> None:
    page = ("<html><body><p>" + "法治" * 2_000_000 + "</p></body></html>").encode()
    with pytest.raises(InputError, match="过长"):
        read_bytes(page, "p.html")


def test_scripts_and_handlers_are_not_report_text(tmp_path: Path, national) -> None:
    page = ("<html><head><title>某区2024年法治政府建设情况报告</title>"
            "<script>document.write('一、恶意注入的标题')</script></head><body onload=\"alert('x')\">"
            "<div class=content><p>一、主要举措和成效</p><p onclick=\"evil()\">全年办理行政复议案件12件。</p>"
            "<style>p{}</style><noscript>一、脚本</noscript></div></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    source = read_bytes(page.encode(), "p.html")
    text = "\n".join(source.lines)
    assert "恶意" not in text and "alert" not in text and "evil" not in text and "脚本" not in text
    assert check_path(str(path), national).sections


def test_empty_and_content_free_pages_get_a_warning(tmp_path: Path, national) -> None:
    for name, page in (("empty.html", ""), ("images.html", "<html><body><img src='p1.png'><script>x()</script></body></html>")):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        result = check_path(str(path), national)
        assert any(f.rule == "input-error" and f.severity == "warning" for f in result.findings), name


def test_gbk_page_with_a_stray_byte_warns_on_the_extracted_line(national, tmp_path: Path) -> None:
    page = ("<html><head><meta charset='gbk'></head><body><div class=content>"
            "<p>一、主要举措和成效</p>\n<p>全年办理行政复议案件12件。</p>\n<p>").encode("gbk") + b"\xff" + \
        "二、存在的不足和原因</p></div></body></html>".encode("gbk")
    path = tmp_path / "gbk.html"
    path.write_bytes(page)
    result = check_path(str(path), national)
    warnings = [f for f in result.findings if f.rule == "input-error"]
    assert len(warnings) == 1 and warnings[0].severity == "warning" and "无法解码" in warnings[0].message
    assert 1 <= warnings[0].line <= len(result.lines or [1, 2, 3])
