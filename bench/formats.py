#!/usr/bin/env python3
"""Time to check one 10-page PDF and one .doc (not a test: it prints figures, asserts nothing).

    python bench/formats.py                # 5 runs each, median
    python bench/formats.py --repeat 9

Builds a report of about ten A4 pages from ``samples/clean-2024.txt`` (its measures paragraphs
repeated so the outline stays that of one report), has LibreOffice print it to PDF and save it
as .doc in a temporary folder, and times ``python -m checker FILE --format json`` (wall time,
start-up included) for the .txt, the PDF and the .doc, plus the reader alone (``read_path``
in this process) for each.  Record the figures in docs/performance.md with the machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.read.dispatch import read_path  # noqa: E402

from tests.convertkit import soffice_convert  # noqa: E402


def ten_pages(folder: Path) -> Path:
    """clean-2024 with the paragraphs of its first part written six more times."""
    lines = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8").split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    first = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    body = [line for line in lines[first + 1:second] if line.strip() and not line.startswith("（")]
    extra = []
    for round_ in range(6):
        for line in body:
            extra += [line.replace("2024年", "2024年" if round_ == 0 else "全年"), ""]
    out = folder / "ten-pages-2024.txt"
    out.write_text("\n".join(lines[:second] + extra + lines[second:]), encoding="utf-8")
    return out


def timed(command: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env=dict(os.environ, PYTHONPATH=str(REPO)))
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def timed_read(path: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_path(str(path))
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-formats-") as tmp:
        folder = Path(tmp)
        text = ten_pages(folder)
        pdf = soffice_convert([text], "pdf", folder)[0]
        doc = soffice_convert([text], "doc", folder)[0]
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))
        print(f"report: {text.stat().st_size / 1024:.0f} KB of text, PDF {pages} pages "
              f"({pdf.stat().st_size / 1024:.0f} KB), .doc {doc.stat().st_size / 1024:.0f} KB; "
              f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; median of {args.repeat}")
        for label, path in (("txt", text), ("pdf", pdf), ("doc", doc)):
            whole = timed([sys.executable, "-m", "checker", str(path), "--format", "json"], args.repeat)
            read = timed_read(path, args.repeat)
            print(f"{label:4} fzcheck --format json: {whole:6.2f} s   reader alone: {read:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
