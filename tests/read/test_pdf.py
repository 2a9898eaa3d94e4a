"""PDF reader: real PDFs from LibreOffice and Chromium, a scan made in the test, the page in
findings and on the HTML page, and hostile files (a page unpacking into a million objects,
too many pages, a reader that runs past the time limit)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from checker.read.dispatch import read_bytes, read_path
from checker.read.limits import Limits
from checker.read.paragraphs import PageLine
from checker.read.pdf import check_not_scanned
from checker.read.source import InputError
from checker.run.pipeline import check_path

from tests.conftest import REPO, SAMPLES
from tests.convertkit import chromium_pdf, plain_page, scan_of, soffice_convert


@pytest.fixture(scope="module")
def lo_pdfs(tmp_path_factory) -> dict[str, Path]:
    """clean-2024 and typos-2024 (3 pages each) printed to PDF by LibreOffice."""
    folder = tmp_path_factory.mktemp("pdf")
    made = soffice_convert([SAMPLES / "clean-2024.txt", SAMPLES / "typos-2024.txt"], "pdf", folder)
    return {path.stem: path for path in made}


@pytest.fixture(scope="module")
def lo_pdf(lo_pdfs) -> Path:
    return lo_pdfs["clean-2024"]


def test_reads_paragraphs_and_pages(lo_pdf):
    source = read_path(str(lo_pdf))
    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    expected = [line for line in text.split("\n") if line.strip()]
    assert source.kind == "pdf"
    # all the text in order: no page number, no inferred space, nothing lost
    assert "".join(source.lines) == "".join(expected)
    # no two paragraphs run together; a paragraph may come back split at a sentence that ends a
    # full line (without first-line indents nothing tells it from a paragraph end)
    assert all(any(line in paragraph for paragraph in expected) for line in source.lines)
    assert len(expected) <= len(source.lines) <= len(expected) + 2
    assert [o.page for o in source.origins] == sorted(o.page for o in source.origins)
    assert source.origins[0].page == 1 and source.origins[-1].page == 3
    assert all(o.line >= 1 for o in source.origins)


def test_read_bytes_sniffs_a_pdf(lo_pdf):
    source = read_bytes(lo_pdf.read_bytes(), "-")
    assert source.kind == "pdf" and source.lines[0].startswith("云溪区人民政府")


def test_input_is_not_modified(lo_pdf):
    before = (lo_pdf.read_bytes(), os.stat(lo_pdf).st_mtime_ns)
    read_path(str(lo_pdf))
    assert (lo_pdf.read_bytes(), os.stat(lo_pdf).st_mtime_ns) == before


def test_chromium_print_with_its_header_and_footer(tmp_path, national):
    """Chromium's own --print-to-pdf with the date, title, address and "1/3" it prints on every
    page: the running header and footer are dropped, the findings are those of the .txt."""
    report = SAMPLES / "typos-2024.txt"
    page = tmp_path / "typos.html"
    page.write_text(plain_page(report.read_text(encoding="utf-8").split("\n"), "某区人民政府门户网站"), encoding="utf-8")
    pdf = chromium_pdf(page, tmp_path / "typos.pdf", header_footer=True)
    result = check_path(str(pdf), national)
    reference = check_path(str(report), national)
    assert not any("file://" in line or "门户网站" in line for line in result.lines)
    assert sorted((f.rule, f.severity, f.excerpt) for f in result.findings) == \
        sorted((f.rule, f.severity, f.excerpt) for f in reference.findings)


def test_html_page_names_the_page(lo_pdfs, tmp_path):
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "checker", "--format", "html", "-o", str(out), str(lo_pdfs["typos-2024"])],
                   cwd=REPO, capture_output=True, check=False, timeout=120)
    page = out.read_text(encoding="utf-8")
    assert "第1页 · 第" in page and "第2页 · 第" in page


def test_json_output_keeps_its_shape(lo_pdf):
    proc = subprocess.run([sys.executable, "-m", "checker", "--format", "json", str(lo_pdf)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)["reports"][0]
    assert set(report) == {"path", "metadata", "sections", "findings", "score"}
    assert [s["key"] for s in report["sections"]] == ["measures", "problems", "duty", "plan", "other"]


# --- scans and garbled text layers --------------------------------------------------------

def test_scanned_pdf_is_refused_and_the_batch_goes_on(lo_pdf, tmp_path):
    scan = scan_of(lo_pdf, tmp_path / "扫描件.pdf")
    with pytest.raises(InputError, match="扫描件") as info:
        read_path(str(scan))
    assert "OCR" in info.value.hint
    proc = subprocess.run([sys.executable, "-m", "checker", "--format", "json", str(scan),
                           str(SAMPLES / "clean-2024.txt")], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    reports = json.loads(proc.stdout)["reports"]
    assert [f["rule"] for f in reports[0]["findings"]] == ["input-error"]
    assert "扫描件" in reports[0]["findings"][0]["message"]
    assert reports[1]["sections"] and not any(f["rule"] == "input-error" for f in reports[1]["findings"])


def _line(text: str) -> PageLine:
    return PageLine(text, 1, 50.0, 500.0, 100.0, 10.0)


def test_garbled_text_layer_is_refused():
    garbled = [_line("\ue000\ue001\ue002\ue003" * 20)]
    with pytest.raises(InputError, match="乱码"):
        check_not_scanned(garbled, 1, "x.pdf")
    check_not_scanned([_line("区政府全年审核规范性文件37件，提出修改意见126条。" * 2)], 1, "x.pdf")


def test_a_page_or_two_of_text_in_a_long_scan_is_still_a_scan():
    with pytest.raises(InputError, match="扫描件"):
        check_not_scanned([_line("第一页")], 30, "x.pdf")


# --- broken and hostile files ---------------------------------------------------------------

def test_not_a_pdf(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes("这不是 PDF".encode())
    with pytest.raises(InputError, match="不是有效的 PDF"):
        read_path(str(path))


def test_truncated_pdf(lo_pdf, tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(lo_pdf.read_bytes()[:2000])
    with pytest.raises(InputError):
        read_path(str(path))


def test_encrypted_pdf(tmp_path):
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    pdf = soffice_convert([SAMPLES / "clean-2024.txt"], options, tmp_path)[0]
    with pytest.raises(InputError, match="加密"):
        read_path(str(pdf))


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _page_of_rectangles(count: int, pages: int = 1) -> bytes:
    """A PDF whose pages share one Flate stream drawing ``count`` rectangles (a few KB that
    unpack into ``count`` objects)."""
    content = zlib.compress(b"0 0 1 1 re f\n" * count, 9)
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return _pdf(objects)


def test_a_page_with_a_million_objects_is_refused(tmp_path):
    path = tmp_path / "million.pdf"
    path.write_bytes(_page_of_rectangles(1_000_000))
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="绘图对象"):
        read_path(str(path))


def test_object_limit_follows_max_elements(tmp_path):
    path = tmp_path / "many.pdf"
    path.write_bytes(_page_of_rectangles(5_000))
    with pytest.raises(InputError, match="5000 个绘图对象"):
        read_path(str(path), Limits(max_elements=1_000))


def test_a_reader_past_the_time_limit_is_killed(tmp_path):
    """Six pages of a million objects each, allowed by the object limit, take seconds to read
    (on session 17's machine the refusal of one page over the default limit came within a second)."""
    path = tmp_path / "slow.pdf"
    path.write_bytes(_page_of_rectangles(1_000_000, pages=6))
    with pytest.raises(InputError, match="时间上限"):
        read_path(str(path), Limits(max_read_seconds=1, max_elements=10_000_000))


def test_page_limit(lo_pdf):
    with pytest.raises(InputError, match="超过 2 页的上限"):
        read_path(str(lo_pdf), Limits(max_pages=2))


def test_a_million_empty_objects_stay_bounded(tmp_path):
    """A 25 MB file of a million indirect objects: read (PDFium loads objects lazily) and
    refused as having no text, without holding the objects in this process."""
    base = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    path = tmp_path / "objects.pdf"
    path.write_bytes(_pdf(base + [b"null"] * 1_000_000))
    with pytest.raises(InputError, match="没有可提取的文字"):
        read_path(str(path), Limits(max_file_size=64 * 1024 * 1024))
