"""Every sample (and every seed) printed to PDF by LibreOffice and by Chromium, saved as OFD by
our 公文-style writer, and every sample saved as .doc by LibreOffice gives the same sections, the same metadata
and the same findings (rule, severity, excerpt) as its .txt form.

The files are made once per test session by the real programs (tests/convertkit.py); a
missing program skips its column with the reason.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.run.pipeline import check_path

from tests.browser.cdp import Browser, find_chromium
from tests.conftest import SAMPLES, SEEDS
from tests.convertkit import SOFFICE, plain_page, soffice_convert
from tests.ofdbuild import make_ofd

SAMPLE_REPORTS = sorted(SAMPLES.glob("*.txt"))
REPORTS = SAMPLE_REPORTS + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.fixture(scope="session")
def paged_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("paged-formats")


@pytest.fixture(scope="session")
def libreoffice_files(paged_dir) -> dict[str, dict[str, Path]]:
    """{"pdf": {stem: path}, "doc": {stem: path}} made by one LibreOffice run per format."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    out = {}
    for target, reports in (("pdf", REPORTS), ("doc", SAMPLE_REPORTS)):
        made = soffice_convert(reports, target, paged_dir / f"lo-{target}")
        out[target] = {path.stem: path for path in made}
    return out


@pytest.fixture(scope="session")
def chromium_pdfs(paged_dir) -> dict[str, Path]:
    """Each report as a plain web page, printed to PDF by headless Chromium (A4-ish Letter
    default, no header or footer: printToPDF's default)."""
    if find_chromium() is None:
        pytest.skip("Chromium is not installed (Debian: chromium)")
    folder = paged_dir / "chromium"
    folder.mkdir()
    out = {}
    with Browser() as browser:
        page = browser.page()
        for report in REPORTS:
            html_path = folder / f"{report.stem}.html"
            html_path.write_text(plain_page(report.read_text(encoding="utf-8").split("\n"), report.stem),
                                 encoding="utf-8")
            page.goto(html_path.as_uri())
            out[report.stem] = page.pdf(folder / f"{report.stem}.pdf")
        page.close()
    return out


@pytest.fixture(scope="session")
def ofd_files(paged_dir) -> dict[str, Path]:
    folder = paged_dir / "ofd"
    folder.mkdir()
    out = {}
    for report in REPORTS:
        path = folder / f"{report.stem}.ofd"
        path.write_bytes(make_ofd(report.read_text(encoding="utf-8").split("\n")))
        out[report.stem] = path
    return out


def _findings(result) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.severity, f.excerpt) for f in result.findings)


def _shape(result):
    return [(s["key"], s["embedded"], s["heading"]) for s in result.sections]


def _assert_same(path: Path, report: Path, national) -> None:
    reference = check_path(str(report), national)
    result = check_path(str(path), national)
    assert not [f.message for f in result.findings if f.rule == "input-error"], path.name
    assert _shape(result) == _shape(reference)
    assert result.metadata == reference.metadata
    assert _findings(result) == _findings(reference)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_libreoffice_pdf(report, libreoffice_files, national):
    _assert_same(libreoffice_files["pdf"][report.stem], report, national)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_chromium_pdf(report, chromium_pdfs, national):
    _assert_same(chromium_pdfs[report.stem], report, national)


@pytest.mark.parametrize("report", SAMPLE_REPORTS, ids=lambda p: p.stem)  # each costs a LibreOffice start
def test_libreoffice_doc(report, libreoffice_files, national):
    _assert_same(libreoffice_files["doc"][report.stem], report, national)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_ofd(report, ofd_files, national):
    _assert_same(ofd_files[report.stem], report, national)


def test_paged_findings_carry_their_page(libreoffice_files, ofd_files, national):
    """A finding in a PDF or OFD knows its page: the last section of a 3-page report is on a
    later page than the first."""
    for path in (libreoffice_files["pdf"]["clean-2024"], ofd_files["clean-2024"]):
        result = check_path(str(path), national)
        assert len(result.pages) == len(result.lines)
        first, last = result.sections[0]["line"], result.sections[-1]["line"]
        assert result.pages[first - 1] == 1
        assert result.pages[last - 1] >= 2, path.name
