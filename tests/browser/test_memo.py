"""The 审查意见 printed by Chromium (print to PDF, A4): one or two pages for a typical report,
at most three for the richest real report."""
from __future__ import annotations

import pytest

from checker.cli import main

from tests.conftest import SAMPLES, SEEDS, needs_seeds


def _pages(page, tmp_path, report) -> int:
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "memo.html"
    main([str(report), "--no-config", "--format", "memo", "-o", str(out)])
    page.goto(out.as_uri())
    pdf = page.pdf(tmp_path / "memo.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def test_typical_report_memo_fits_two_pages(page, tmp_path):
    assert 1 <= _pages(page, tmp_path, SAMPLES / "missing-duty-2024.txt") <= 2


def test_memo_with_many_findings_fits_two_pages(page, tmp_path):
    assert _pages(page, tmp_path, SAMPLES / "typos-2024.txt") <= 2


@needs_seeds
def test_richest_seed_memo_fits_three_pages(page, tmp_path, national):
    from checker.run.pipeline import check_path

    richest = max(sorted(SEEDS.glob("*.txt")), key=lambda p: len(check_path(str(p), national).findings))
    assert _pages(page, tmp_path, richest) <= 3


def test_report_page_prints_as_its_memo(page, tmp_path):
    """The HTML report page printed: the memo's pages, not the full text's."""
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "report.html"
    main([str(SAMPLES / "typos-2024.txt"), "--no-config", "--format", "html", "-o", str(out)])
    page.goto(out.as_uri())
    doc = pdfium.PdfDocument(str(page.pdf(tmp_path / "report.pdf")))
    try:
        assert len(doc) <= 2
        assert "审查意见" in doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
