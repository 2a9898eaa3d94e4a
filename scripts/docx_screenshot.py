#!/usr/bin/env python3
"""Screenshot of a reviewed draft (``--format docx``) as LibreOffice prints it to PDF.

    python scripts/docx_screenshot.py [--out docs/screenshots/docx-comments.png]

Checks samples/typos-2024.txt with ``--format docx`` (a new .docx of its text with one comment
per finding), converts it to PDF with headless LibreOffice (comments exported as PDF notes) and
renders the first page with pypdfium2.  Needs ``soffice`` and pypdfium2.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def png_gray(pixels: bytes, width: int, height: int, stride: int) -> bytes:
    """An 8-bit greyscale PNG (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\0" + pixels[y * stride:y * stride + width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots" / "docx-comments.png"))
    args = parser.parse_args()
    import pypdfium2

    from checker.cli import main as fzcheck

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = folder / "typos-2024-审查.docx"
        fzcheck([str(REPO / "samples" / "typos-2024.txt"), "--no-config", "--format", "docx", "-o", str(docx)])
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                        "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                        "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
        pdf = pypdfium2.PdfDocument(str(folder / (docx.stem + ".pdf")))
        bitmap = pdf[0].render(scale=1.3, may_draw_forms=True, grayscale=True)
        Path(args.out).write_bytes(png_gray(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride))
        pdf.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
