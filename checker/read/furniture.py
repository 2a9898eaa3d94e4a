"""Page furniture of fixed-layout files (PDF, OFD): page numbers, running headers and footers.

They are printed on every page but are not report text; left in, a footer like "— 3 —" would
land in the middle of a paragraph broken across a page.  Only lines inside the top or bottom
band of a page are candidates, wherever they come in the content order (Chromium draws its
header and footer after the page body):

* a page number in one of the usual forms ("— 3 —", "-3-", "3", "第 3 页 共 9 页", "3/9",
  "Page 3 of 9");
* a line that recurs (digits ignored) at the same end of at least half the pages, three at least
  (a running title, a unit's name, a print date and address).
"""
from __future__ import annotations

import re
from collections import Counter

from checker.read.lazy_pattern import lazy

from .paragraphs import PageLine

_PAGE_NUMBER = lazy(
                    r"^[\s\-—–－―~～·•]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[\s\-—–－―~～·•]*$"
                    r"|^第\s*\d{1,4}\s*页\s*(?:[,，/、]?\s*共\s*\d{1,4}\s*页)?$"
                    r"|^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$"
                    r"|^\d{1,4}\s*/\s*\d{1,4}$"
                    r"|^(?:page\s*)?\d{1,4}\s*(?:of|/)\s*\d{1,4}$",
    re.I,
)
_DIGITS = lazy(r"\d+")
BAND = 0.15  # top and bottom share of the page height where headers and footers live


def is_page_number(text: str) -> bool:
    """Whether a line says nothing but the page number."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def strip_furniture(pages: list[list[PageLine]], heights: list[float]) -> list[list[PageLine]]:
    """The pages without their page numbers and running headers and footers."""
    top_seen: Counter[str] = Counter()
    bottom_seen: Counter[str] = Counter()
    for lines, height in zip(pages, heights):
        top_seen.update({_shape(line) for line in _top(lines, height)})
        bottom_seen.update({_shape(line) for line in _bottom(lines, height)})
    needed = max(3, (len(pages) + 1) // 2)
    out = []
    for lines, height in zip(pages, heights):
        drop: set[int] = set()
        for line in _top(lines, height):
            if is_page_number(line.text) or top_seen[_shape(line)] >= needed:
                drop.add(id(line))
        for line in _bottom(lines, height):
            if is_page_number(line.text) or bottom_seen[_shape(line)] >= needed:
                drop.add(id(line))
        out.append([line for line in lines if id(line) not in drop])
    return out


def _shape(line: PageLine) -> str:
    return _DIGITS.sub("#", "".join(line.text.split()))


def _top(lines: list[PageLine], height: float) -> list[PageLine]:
    return [line for line in lines if line.top <= height * BAND and line.text.strip()]


def _bottom(lines: list[PageLine], height: float) -> list[PageLine]:
    return [line for line in lines if line.top >= height * (1 - BAND) and line.text.strip()]
