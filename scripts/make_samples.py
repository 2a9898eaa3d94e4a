"""Regenerate samples/clean-2024.docx and samples/clean-2024.html from samples/clean-2024.txt.

The .txt is the source of truth; the other two let the readers be exercised on a real
sample.  In the .docx the 一、/二、… headings are produced by Word automatic numbering (the
literal labels are stripped), as in many real drafts, so the reader's numbering support is
covered; the .html is wrapped in a saved government-portal page with all its furniture.

Usage: python scripts/make_samples.py [SOURCE.txt] [--out DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from docbuild import make_docx, make_html  # noqa: E402

_CN_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
_TOP_HEADING = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")


def numbered_headings(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """Strip 一、/二、… from top-level headings when they run 一, 二, 三 … without gaps."""
    hits = [(i, m) for i, line in enumerate(lines) if (m := _TOP_HEADING.match(line.strip()))]
    labels = [m.group(1) for _, m in hits]
    if not hits or labels != _CN_NUMERALS[: len(labels)]:
        return lines, {}  # numbering would not reproduce the text: keep literal labels
    out = list(lines)
    for index, match in hits:
        out[index] = match.group(2)
    return out, {index: 0 for index, _ in hits}


def published_date(lines: list[str]) -> str | None:
    """The signature date at the end of the report (2025年3月20日) as YYYY-MM-DD."""
    for line in reversed(lines[-5:]):
        if match := _DATE.search(line.strip()):
            year, month, day = (int(g) for g in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=str(REPO / "samples" / "clean-2024.txt"))
    parser.add_argument("--out", default=None, help="output folder (default: beside the source)")
    args = parser.parse_args(argv)
    source = Path(args.source)
    if not source.is_file():
        print(f"make_samples: {source} not found", file=sys.stderr)
        return 2
    out_dir = Path(args.out) if args.out else source.parent
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = [line.strip() for line in source.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    title = lines[0] if lines else None
    docx_lines, numbered = numbered_headings(lines)
    docx_path = out_dir / f"{source.stem}.docx"
    html_path = out_dir / f"{source.stem}.html"
    docx_path.write_bytes(make_docx(docx_lines, title=title, numbered=numbered))
    html_path.write_text(make_html(lines, title=title, published=published_date(lines)), encoding="utf-8")
    print(f"wrote {docx_path} ({len(numbered)} auto-numbered headings) and {html_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
