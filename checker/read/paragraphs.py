"""Paragraphs rebuilt from laid-out lines (PDF, OFD): the page broke them at its width, the
parser wants one paragraph per line.

A fixed-layout file keeps no paragraphs, only lines placed on pages.  A line continues into
the next one when it runs to the right edge of the text block, does not end a sentence
(。；：！？, possibly followed by a closing quote or bracket), and the next line neither starts a
heading (一、 （一） 1. 第一章 …) nor is indented as a new paragraph.  A short line, a heading
and a line ending a sentence end their paragraph.  Where the document indents its paragraphs'
first lines, a full line ending a sentence is followed by a flush-left line of the same
paragraph, so there the indentation decides.

Each rebuilt paragraph keeps the page and the position of its first line.
"""
from __future__ import annotations

from collections import Counter

from checker.read.lazy_pattern import lazy
from checker.read.record import record

_SENTENCE_END = lazy(r"[。；：！？;:!?][”’）)」』】〕\"']*$")
HEADING_START = lazy(
                     r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节部分篇条]"
                     r"|[一二三四五六七八九十]+[、.．]"
                     r"|[（(][一二三四五六七八九十\d]+[）)]"
                     r"|\d{1,2}[、.．](?!\d)"
                     r"|[①-⑳])"
)


@record(frozen=True)
class PageLine:
    """One line as laid out: its text, page (1-based) and box in points from the top-left."""

    text: str
    page: int
    left: float
    right: float
    top: float
    size: float  # glyph height, about one CJK character's width


@record(frozen=True)
class Paragraph:
    """A rebuilt paragraph and the line it starts on."""

    text: str
    first: PageLine


def rebuild(lines: list[PageLine]) -> list[Paragraph]:
    """Join lines broken at the page width into paragraphs (see the module docstring)."""
    body = [line for line in lines if line.text.strip()]
    if not body:
        return []
    layout = _Layout(body)
    out: list[Paragraph] = []
    current: list[PageLine] = []
    for line in body:
        if current and not layout.continues(current[-1], line):
            out.append(_join(current))
            current = []
        current.append(line)
    if current:
        out.append(_join(current))
    return out


class _Layout:
    """The text block the lines were set in: its edges, line pitch and paragraph style."""

    def __init__(self, lines: list[PageLine]) -> None:
        self.edge = _right_edge(lines)
        self.margin = _left_margin(lines)
        self.indented = _indents_first_lines(lines, self.margin)
        self.pitch = _line_pitch(lines)

    def continues(self, prev: PageLine, line: PageLine) -> bool:
        """Whether ``line`` carries on the paragraph that ``prev`` belongs to."""
        unit = max(prev.size, 1.0)
        if self.edge - prev.right > _first_unit_width(line) + unit:
            return False  # the next line's first word would have fitted: the paragraph ended
        if HEADING_START.match(line.text):
            return False
        if abs(line.size - prev.size) > 0.25 * unit:  # a title or a heading set in another size
            return False
        if line.page == prev.page and self.pitch and line.top - prev.top > 1.6 * self.pitch:
            return False  # an empty line or paragraph spacing between them
        if line.left > self.margin + 1.2 * unit:  # an indented first line
            return False
        if _SENTENCE_END.search(prev.text.rstrip()):
            return self.indented  # flush-left after a full sentence: same paragraph only when paragraphs are indented
        return True


_OPENING = "（《“‘「『【〔([<"
_CLOSING = "，。、；：？！）》”’」』】〕,.;:?!)]>%"
_QUOTES = "”’\"'"


def _first_unit_width(line: PageLine) -> float:
    """Width of what a line breaker could not have split off the line's start: a Chinese
    character with its opening and closing marks, or a run of Latin letters and digits."""
    text = line.text.strip()
    i = 0
    while i < len(text) and text[i] in _OPENING:
        i += 1
    if i < len(text) and (text[i].isascii() and text[i].isalnum()):
        i = _latin_run(text, i)
    else:
        i += 1
    while i < len(text) and text[i] in _CLOSING:
        i += 1
        if text[i - 1] in _QUOTES and i < len(text) and text[i].isascii() and text[i].isalnum():
            i = _latin_run(text, i)  # no break after a closing quote (UAX #14 QU): 评”44.89 stays together
    return sum(0.6 * line.size if ch.isascii() else line.size for ch in text[:i])


def _latin_run(text: str, i: int) -> int:
    while i < len(text) and text[i].isascii() and (text[i].isalnum() or text[i] in ".,%-/:"):
        i += 1
    return i


def _line_pitch(lines: list[PageLine]) -> float:
    """The usual distance between the tops of two lines of one paragraph."""
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.top)
    return steps[len(steps) // 4] if steps else 0.0


def _join(lines: list[PageLine]) -> Paragraph:
    text = lines[0].text.strip()
    for line in lines[1:]:
        piece = line.text.strip()
        if text and piece and text[-1].isascii() and piece[0].isascii() and text[-1] != "-":
            text += " "  # Latin words broken at the line end; Chinese text runs on without a space
        text += piece
    return Paragraph(text, lines[0])


def _right_edge(lines: list[PageLine]) -> float:
    """Right edge of the text block: where the longest tenth of the lines end (not the very
    longest: a hanging mark or a wide table row reaches past the edge)."""
    rights = sorted((line.right for line in lines), reverse=True)
    return rights[len(rights) // 10]


def _left_margin(lines: list[PageLine]) -> float:
    """Left edge of the text block: the most common left edge among lines."""
    lefts = Counter(round(line.left) for line in lines)
    return float(min(lefts.most_common(3), key=lambda kv: kv[0])[0]) if lefts else 0.0


def _indents_first_lines(lines: list[PageLine], margin: float) -> bool:
    """Whether paragraphs start about two characters in (公文 style)."""
    indented = sum(1 for line in lines if 1.2 * line.size < line.left - margin < 3.5 * line.size)
    return indented >= max(2, len(lines) // 20)


def line_on_page(pages: list[list[PageLine]], line: PageLine) -> int:
    """1-based position of ``line`` among the text lines of its page (as laid out)."""
    for number, candidate in enumerate(pages[line.page - 1], start=1):
        if candidate is line:
            return number
    return 1
