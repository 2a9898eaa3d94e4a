"""The same report as .txt (UTF-8, GB18030, UTF-16), as a saved .html page and as .docx
gives the same sections and metadata."""
from __future__ import annotations

import pytest

from checker.run.pipeline import check_path
from tests.conftest import SAMPLES, SEEDS
from tests.docbuild import make_docx, make_html

REPORTS = [SAMPLES / "clean-2024.txt", SAMPLES / "embedded-duty-2024.txt", SAMPLES / "out-of-order-2024.txt"]
if SEEDS.is_dir():
    REPORTS += sorted(SEEDS.glob("*.txt"))


def _variants(text: str, tmp_path):
    lines = [line for line in text.split("\n")]
    yield "utf8.txt", text.encode("utf-8")
    yield "bom.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    yield "gb18030.txt", text.encode("gb18030")
    yield "utf16.txt", text.encode("utf-16")
    yield "page.html", make_html(lines).encode("utf-8")
    yield "draft.docx", make_docx(lines)


def _shape(result):
    return [(s["key"], s["embedded"], s["heading"]) for s in result.sections]


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_same_sections_in_every_format(report, tmp_path, national):
    text = report.read_text(encoding="utf-8")
    reference = check_path(str(report), national)
    assert reference.sections
    for suffix, data in _variants(text, tmp_path):
        path = tmp_path / f"{report.stem}.{suffix}"
        path.write_bytes(data)
        result = check_path(str(path), national)
        assert not [f for f in result.findings if f.rule == "input-error"], suffix
        assert _shape(result) == _shape(reference), suffix
        meta = dict(result.metadata)
        expected = dict(reference.metadata)
        if suffix == "page.html":
            meta.pop("published"), expected.pop("published")
            if expected["title"] is None:  # a web page always has a title; a bare draft may not
                continue
        assert meta == expected, suffix


def test_html_page_keeps_its_publication_date(tmp_path, national):
    lines = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").split("\n")
    page = tmp_path / "page.html"
    page.write_text(make_html(lines, published="2025-03-20"), encoding="utf-8")
    assert check_path(str(page), national).metadata["published"] == "2025-03-20"


def test_docx_with_automatic_heading_numbers(tmp_path, national):
    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    numbered = {}
    stripped = []
    for index, line in enumerate(lines):
        for label in ("一、", "二、", "三、", "四、", "五、"):
            if line.startswith(label):
                numbered[index] = 0
                line = line[len(label):]
        stripped.append(line)
    path = tmp_path / "auto.docx"
    path.write_bytes(make_docx(stripped, numbered=numbered))
    result = check_path(str(path), national)
    assert [s["key"] for s in result.sections] == ["measures", "problems", "duty", "plan", "other"]
    assert result.sections[0]["heading"].startswith("一、")
