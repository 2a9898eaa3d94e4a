"""Real writers for the format tests: LibreOffice and Chromium turn our samples into the PDFs
and .doc files that offices actually publish and send (never hand-made bytes).

Each helper runs the real program headless, with a throw-away LibreOffice profile, and
returns the output path; a missing program makes the calling test skip with the reason.
"""
from __future__ import annotations

import html
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: chromium)")


def soffice_convert(sources: list[Path], target: str, outdir: Path, timeout: int = 240) -> list[Path]:
    """Convert files with one LibreOffice run (``target``: "pdf", "doc", "docx" …)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".profile"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), *map(str, sources)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                   env=dict(os.environ, HOME=str(outdir)))
    out = [outdir / f"{source.stem}.{target.split(':')[0]}" for source in sources]
    missing = [p.name for p in out if not p.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return out


def plain_page(lines: list[str], title: str = "") -> str:
    """A report as a plain web page, one <p> per line, paragraphs indented two characters."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    return ("<!doctype html><html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;"
            "font-size:16px;line-height:1.6;margin:0}p{text-indent:2em;margin:0 0 .4em}</style></head>"
            f"<body>{body}</body></html>")


def chromium_pdf(page: Path, out: Path, timeout: int = 120, header_footer: bool = False) -> Path:
    """Print a web page to PDF with headless Chromium's ``--print-to-pdf``; with
    ``header_footer`` Chromium prints the date, title, address and page number on each page."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: chromium)")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               *([] if header_footer else ["--no-pdf-header-footer"]),
               f"--user-data-dir={out.parent / '.chromium'}", f"--print-to-pdf={out}", page.as_uri()]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    assert out.is_file() and out.stat().st_size > 0, "Chromium did not write the PDF"
    return out


def scan_of(pdf: Path, out: Path, scale: float = 1.5) -> Path:
    """A "scanned" copy of a PDF: each page rendered to a picture by PDFium and the picture
    put alone on a page of a new PDF, as a scanner or a photo-to-PDF app would."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(pdf))
    scanned = pdfium.PdfDocument.new()
    for index in range(len(source)):
        page = source[index]
        width, height = page.get_size()
        bitmap = page.render(scale=scale)
        target = scanned.new_page(width, height)
        image = pdfium.PdfImage.new(scanned)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        target.insert_obj(image)
        target.gen_content()
    scanned.save(str(out))
    return out
