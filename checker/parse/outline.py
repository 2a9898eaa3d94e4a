"""The outline of a Chinese official document: numbered headings, sentences, body bounds.

Headings follow GB/T 9704 habits: ``一、`` → ``(一)`` → ``1.``/``1、`` → ``(1)`` → ``①``, with
``第一部分`` above them.  A heading often runs on into body text on the same line
(``(一)加强统筹协调。召开……``): the heading then ends at the first sentence mark.
All matching is done on normalised text (full-width folded to ASCII, NBSP/U+3000 to spaces).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from checker.read.lazy_pattern import lazy
from checker.read.numerals import CIRCLED, cn_number

from .document import Document, Heading, Node, Sentence

CN_NUM = "[一二三四五六七八九十百零〇两]+"

# (style, level, regex).  The regex matches the label at the start of a stripped line.
HEADING_STYLES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("part", 0, lazy(rf"第({CN_NUM})部分[、.:, ]?")),
    # a mirror's stray comma before the mark (一,、) is read past
    ("cn-dun", 1, lazy(rf"({CN_NUM}),?[、.](?![一二三四五六七八九十])")),
    ("cn-paren", 2, lazy(rf"\(({CN_NUM})\)[、.]?")),
    ("arabic-dot", 3, lazy(r"(\d{1,2})(?:[、]|\.(?!\d))")),
    ("arabic-paren", 4, lazy(r"\((\d{1,2})\)[、.]?")),
    ("circled", 5, lazy(f"([{CIRCLED}])")),
)
PLAIN_MAX = 40  # characters: a part heading, not a sentence
LABEL_MAX = 24  # characters: longer than any label alone on its line, with indent and marks
SPLIT_LEVELS = 3  # 第一部分, 一、, （一） may stand alone above their title; a bare 1. is often a table cell
LABEL_STARTS = frozenset("第一二三四五六七八九十百零〇两(0123456789" + CIRCLED)  # what a label can begin with
SENTENCE_END = "。!?;"
CLOSERS = "”’\")》】」』"
SENTENCE_BREAK = lazy(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*")
MD_PREFIX = lazy(r"#{1,6} +|> *|[-*+] +(?=\S)")


def _content_start(norm_line: str) -> int:
    """Offset in the line where its content starts (after spaces and Markdown marks)."""
    pos = len(norm_line) - len(norm_line.lstrip(" "))
    match = MD_PREFIX.match(norm_line, pos)
    while match and match.end() > pos:
        pos = match.end()
        pos += len(norm_line[pos:]) - len(norm_line[pos:].lstrip(" "))
        match = MD_PREFIX.match(norm_line, pos)
    return pos


def _strip_emphasis(segment: str) -> str:
    return segment.replace("**", "").replace("__", "").strip()


def detect_heading(norm_line: str, line_no: int, line_start: int) -> Heading | None:
    """Recognise a numbered heading at the start of a (normalised) line."""
    pos = _content_start(norm_line)
    rest = norm_line[pos:]
    lead = len(rest) - len(rest.lstrip("*_"))
    rest = rest[lead:]
    if rest[:1] not in LABEL_STARTS:  # most lines are prose: one set look-up instead of six regexes
        return None
    for style, level, pattern in HEADING_STYLES:
        match = pattern.match(rest)
        if not match:
            continue
        after = rest[match.end():]
        if not after.strip() or after.lstrip()[:1] in SENTENCE_END + ",、":
            return None
        title_end = _title_end(after)
        label = rest[: match.end()]
        title = _strip_emphasis(after[:title_end])
        if not title:
            return None
        start = line_start + pos + lead
        end = start + match.end() + title_end
        return Heading(level=level, style=style, number=cn_number(match.group(1)), label=label,
                       title=title, line=line_no, start=start, end=end, line_start=line_start)
    return None


def plain_heading(norm_line: str, line_no: int, line_start: int,
                  names_part: Callable[[str], bool]) -> Heading | None:
    """A line that is only an unnumbered part title (存在的不足和原因, ## 下一年度工作安排).

    Some reports, and many Markdown or Word drafts, set their parts as bare lines in bold or
    as a heading style with no 一、.  Such a line is short, has no sentence mark or comma,
    and names a statutory part (``names_part``); it becomes a part-level heading with no label."""
    pos = _content_start(norm_line)
    rest = norm_line[pos:]
    lead = len(rest) - len(rest.lstrip("*_"))
    title = _strip_emphasis(rest).rstrip(":")
    if not 2 <= len(title) <= PLAIN_MAX or any(mark in title for mark in SENTENCE_END + ",:"):
        return None
    if not names_part(title):
        return None
    start = line_start + pos + lead
    end = line_start + len(norm_line.rstrip(" *_:"))
    return Heading(level=1, style="plain", number=0, label="", title=title, line=line_no,
                   start=start, end=end, line_start=line_start)


RUN_IN_PART = lazy(r"(?:(?<=[。;!?:])|(?<=[。;!?:][”’\"]))\s*([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])")
RUN_IN_ITEM = lazy(r"\s*\(([一二三四五六七八九十]{1,3})\)")
RUN_IN_TITLE_MAX = 60  # characters from the label to the end of a run-in heading's title


def run_in_headings(doc: Document, start: int, end: int) -> list[Heading]:
    """Numbered parts found in mid-line, for text with no line breaks (copied from a PDF
    viewer): ``……提供法治保障。一、以思想引领为先导(一)强化理论武装。……二、……``.

    A part label counts only right after a sentence end (so 第一、二季度 never splits), and
    only in order (一, 二, 三 …); its title runs to the first sentence mark or the first
    (一) item label, which becomes a level-2 heading in the same way."""
    norm = doc.norm
    found: list[Heading] = []
    expected = 1
    for match in RUN_IN_PART.finditer(norm, start, end):
        if cn_number(match.group(1)) != expected:
            continue
        heading = _run_in(doc, match.start(1), match.end(), match.group(1), "cn-dun", 1)
        if heading is None:
            continue
        found.append(heading)
        expected += 1
        item = RUN_IN_ITEM.match(norm, heading.end)
        if item and cn_number(item.group(1)) == 1:
            sub = _run_in(doc, item.start(1) - 1, item.end(), item.group(1), "cn-paren", 2)
            if sub is not None:
                found.append(sub)
    return found


def _run_in(doc: Document, label_start: int, label_end: int, number: str, style: str,
            level: int) -> Heading | None:
    norm = doc.norm
    limit = min(len(norm), label_end + RUN_IN_TITLE_MAX)
    stop = limit
    for index in range(label_end, limit):
        ch = norm[index]
        if (ch in SENTENCE_END or ch == "\n" or (ch == "(" and RUN_IN_ITEM.match(norm, index))
                or (ch == " " and index - label_end >= 4)):  # PDF text: a space ends the heading line
            stop = index
            break
    else:
        return None  # no end within reach: a sentence, not a heading
    title = _strip_emphasis(norm[label_end:stop])
    if not title or stop == label_end:
        return None
    line, _ = doc.position(label_start)
    return Heading(level=level, style=style, number=cn_number(number), label=norm[label_start:label_end],
                   title=title, line=line, start=label_start, end=stop, line_start=label_start)


def _title_end(after: str) -> int:
    """Where a heading's title ends on its line: the first sentence mark, else the line end."""
    for index, ch in enumerate(after):
        if ch in SENTENCE_END:
            return index
    return len(after.rstrip())


class LineHeadings:
    """The heading of each line of a document (or None), detected at most once per line.

    The parser asks about the same lines several times (title search, first and last body
    line, then the outline); detecting a heading is the costliest per-line test, so the answer
    is kept."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._found: dict[int, Heading | None] = {}

    def at(self, index: int) -> Heading | None:
        """The heading on 0-based line ``index``, with offsets into the document."""
        if index not in self._found:
            line_start = self.doc.line_starts[index]
            line = self._line(index)
            if not line.strip():  # a blank line is no heading, nor a label above one
                self._found[index] = None
                return None
            heading = detect_heading(line, index + 1, line_start)
            below = self._next_nonblank(index) if heading is None and len(line) <= LABEL_MAX else None
            if below is not None:
                heading = split_heading(line, self._line(below), index + 1, line_start,
                                        self.doc.line_starts[below])
            self._found[index] = heading
        return self._found[index]

    def _next_nonblank(self, index: int) -> int | None:
        """The next line with text, skipping one blank line (paragraphs separated by a blank line)."""
        for below in (index + 1, index + 2):
            if below >= len(self.doc.line_starts):
                return None
            if self._line(below).strip():
                return below
        return None

    def _line(self, index: int) -> str:
        start = self.doc.line_starts[index]
        return self.doc.norm[start: start + len(self.doc.source.lines[index])]


def split_heading(norm_line: str, next_line: str, line_no: int, line_start: int,
                  next_start: int) -> Heading | None:
    """A label alone on its line with the title on the next (``一、`` / ``2024年主要举措和成效``),
    as in text copied from a PDF or a page that sets the label apart.  The heading spans both lines;
    the title line must be short, hold no sentence mark, and not be a heading itself."""
    if len(norm_line) > LABEL_MAX:
        return None
    pos = _content_start(norm_line)
    rest = norm_line[pos:]
    lead = len(rest) - len(rest.lstrip("*_"))
    label_text = _strip_emphasis(rest)
    for style, level, pattern in HEADING_STYLES[:SPLIT_LEVELS]:
        match = pattern.fullmatch(label_text)
        if match is None:
            continue
        title_pos = _content_start(next_line)
        title = _strip_emphasis(next_line[title_pos:])
        if not title or len(title) > PLAIN_MAX or any(mark in title for mark in SENTENCE_END):
            return None
        if detect_heading(next_line, line_no + 1, next_start) is not None:
            return None
        start = line_start + pos + lead
        return Heading(level=level, style=style, number=cn_number(match.group(1)), label=label_text,
                       title=title, line=line_no, start=start,
                       end=next_start + len(next_line.rstrip(" *_")), line_start=line_start)
    return None


def find_headings(doc: Document, start: int, end: int, detected: LineHeadings | None = None) -> list[Heading]:
    """All numbered headings between two offsets (``detected``: headings already found)."""
    detected = detected or LineHeadings(doc)
    headings = []
    for index, line_start in enumerate(doc.line_starts):
        if line_start < start or line_start >= end:
            continue
        heading = detected.at(index)
        if heading:
            headings.append(heading)
    return headings


CHUNK_MIN = 100  # characters: a document-sharing site's page chunk, far longer than any item heading
CHUNK_CUTS = 2  # chunk boundaries cut mid-clause before a series counts as page chunks
OPEN_END = lazy(r"[\u4e00-\u9fffA-Za-z0-9]\s*$")  # a line that stops inside a clause


def page_chunk_numbers(doc: Document, headings: list[Heading]) -> list[Heading]:
    """The ``1、`` ``2、`` ``3、`` a document-sharing site puts before each page chunk of a report.

    Such a site cuts the text into pieces of a few hundred characters wherever the page ends and
    numbers them at the start of a line; read as items they are half sentences.  They are told
    from an outline by the cuts: a series of consecutive arabic labels at line starts where each
    labelled line but the last is a long block, and at least two of the lines before a label stop
    in mid-clause (no mark at all) — the next "heading" goes on with the sentence.  A real list
    whose items lack their full stop has short titles or stops at a mark somewhere."""
    found: list[Heading] = []
    series: list[Heading] = []
    for heading in headings + [None]:  # type: ignore[list-item]
        if heading is not None and heading.style == "arabic-dot" and series \
                and heading.number == series[-1].number + 1 and _chunk_line(doc, series[-1]):
            series.append(heading)
            continue
        if len(series) >= CHUNK_CUTS + 1 and sum(_cut_before(doc, h) for h in series[1:]) >= CHUNK_CUTS:
            found.extend(series)
        series = [heading] if heading is not None and heading.style == "arabic-dot" and heading.number == 1 else []
    return found


def _chunk_line(doc: Document, heading: Heading) -> bool:
    """Whether the labelled line is a long block of text (a page chunk, not an item title)."""
    index = heading.line - 1
    return len(doc.source.lines[index].strip()) >= CHUNK_MIN


def _cut_before(doc: Document, heading: Heading) -> bool:
    """Whether the last line with text before this label stops in mid-clause."""
    index = heading.line - 2
    while index >= 0 and not doc.source.lines[index].strip():
        index -= 1
    return index >= 0 and bool(OPEN_END.search(doc.norm[doc.line_starts[index]: heading.line_start]))


def build_tree(headings: list[Heading], start: int, end: int) -> Node:
    """Nest headings by level; a node spans up to the next heading of its level or above."""
    root = Node(heading=None, start=start, end=end)
    stack: list[Node] = [root]
    for heading in headings:
        while len(stack) > 1 and stack[-1].heading.level >= heading.level:
            stack.pop().end = heading.line_start
        node = Node(heading=heading, start=heading.start, end=end)
        stack[-1].children.append(node)
        stack.append(node)
    return root


def split_sentences(doc: Document, start: int, end: int, heading_spans: set[tuple[int, int]]) -> list[Sentence]:
    """Split body text into sentences on 。！？； and line ends, keeping heading titles whole."""
    sentences: list[Sentence] = []
    heading_spans = sorted(heading_spans)  # looked up by bisect per line: linear, not lines × headings
    norm = doc.norm
    for index, line_start in enumerate(doc.line_starts):
        line_end = line_start + len(doc.source.lines[index])
        if line_end <= start or line_start >= end:
            continue
        if not norm[line_start:line_end].strip(" "):
            continue  # an empty line, or spaces only: no sentence (headings never start on one)
        sentences.extend(_line_sentences(doc, index + 1, max(line_start, start), min(line_end, end),
                                         heading_spans))
    return sentences


def _line_sentences(doc: Document, line_no: int, lo: int, hi: int,
                    heading_spans: list[tuple[int, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    norm = doc.norm
    cursor = lo
    first = bisect.bisect_left(heading_spans, (lo,))
    if first > 0 and heading_spans[first - 1][1] > lo:  # the title line of a heading split over two lines
        cursor = min(hi, heading_spans[first - 1][1])
    index = first
    while index < len(heading_spans) and heading_spans[index][0] < hi:
        h_start, h_end = heading_spans[index]
        index += 1
        if h_start < cursor:
            continue
        if index > first + 1 or norm[cursor:h_start].strip(" #*>-+_"):  # a heading in mid-line (run-in text)
            _prose(out, norm, cursor, h_start, line_no)
        out.append(Sentence(h_start, h_end, line_no, norm[h_start:h_end], heading=True))
        cursor = h_end
        if cursor < hi and norm[cursor] in SENTENCE_END:
            cursor += 1
    _prose(out, norm, cursor, hi, line_no)
    return out


def _prose(out: list[Sentence], norm: str, begin: int, hi: int, line_no: int) -> None:
    for match in SENTENCE_BREAK.finditer(norm, begin, hi):  # a regex scan: several MB lines stay fast
        _append(out, norm, begin, match.end(), line_no)
        begin = match.end()
    _append(out, norm, begin, hi, line_no)


def _append(out: list[Sentence], norm: str, begin: int, end: int, line_no: int) -> None:
    while begin < end and norm[begin] == " ":
        begin += 1
    while end > begin and norm[end - 1] == " ":
        end -= 1
    if end > begin:
        out.append(Sentence(begin, end, line_no, norm[begin:end]))
