"""The parsed report every rule kind reads: text, outline, sentences, sections, metadata.

Offsets are code-point offsets into ``Document.text`` (the lines as read, joined by '\\n').
``Document.norm`` is the same text folded by :mod:`checker.read.normalize`, with identical offsets,
so rules match on ``norm`` and quote ``text``.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from checker.read.record import field, record
from checker.read.source import Source

SECTION_KEYS = ("measures", "problems", "duty", "plan", "other")


@record
class Heading:
    """A numbered heading such as ``一、`` / ``(一)`` / ``1.`` with its title on the same line."""

    level: int
    style: str
    number: int
    label: str
    title: str
    line: int
    start: int
    end: int
    line_start: int = 0


@record
class Node:
    """A heading with the text it governs; the root node has no heading."""

    heading: Heading | None
    start: int
    end: int
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        """Yield this node and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@record
class Sentence:
    """A sentence ended by 。！？； (or a line end), with its span."""

    start: int
    end: int
    line: int
    text: str  # normalised text
    heading: bool = False


@record
class Section:
    """One of the five statutory items as found in the report."""

    key: str
    heading: str
    line: int
    start: int
    end: int
    heading_start: int
    heading_end: int
    embedded: bool = False
    nodes: list[Node] = field(default_factory=list)


@record
class Metadata:
    """What a reviewer needs to know before the findings: who reports on which year, when."""

    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    published: str | None = None
    delivered: str | None = None  # the date the report was made to a congress (its occasion line), if any
    title_line: int | None = None
    year_sources: dict[str, int] = field(default_factory=dict)
    from_page: bool = False  # the text of a saved web page (page furniture around the report)

    def as_dict(self) -> dict:
        return {"title": self.title, "issuer": self.issuer, "year": self.year,
                "published": self.published}


@record
class Document:
    """A report after reading and parsing; rules only ever see this."""

    source: Source
    text: str
    norm: str
    line_starts: list[int]
    body_start: int = 0
    body_end: int = 0
    headings: list[Heading] = field(default_factory=list)
    root: Node | None = None
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    previous: "Document | None" = None  # last year's report of the same issuer, when paired
    # What several kinds (and the score) would otherwise each work out again for the same
    # document: per figure spec, whether a sentence gives a figure; the coverage table.
    shared: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_source(cls, source: Source, normalize) -> "Document":
        text = "\n".join(source.lines)
        starts = [0] if source.lines else []  # no lines (an empty file): no line starts
        for line in source.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return cls(source=source, text=text, norm=normalize(text), line_starts=starts,
                   body_end=len(text))

    @property
    def path(self) -> str:
        return self.source.path

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        if not self.line_starts:
            return 1, 1
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line (without its line end)."""
        start = self.line_starts[line - 1]
        return start, start + len(self.source.lines[line - 1])

    def lines_in(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """(start, end) offsets of each line, or piece of a line, within ``[lo, hi)``."""
        start = lo
        while start < hi:
            end = self.norm.find("\n", start, hi)
            end = hi if end < 0 else end
            yield start, end
            start = end + 1

    def section(self, key: str) -> Section | None:
        for sec in self.sections:
            if sec.key == key:
                return sec
        return None

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """Sentences lying within ``[start, end)``; a binary search, since kinds call this per
        span and a big report has hundreds of thousands of sentences."""
        items = self.sentences
        if not self._sentences_in_order():
            return [s for s in items if s.start >= start and s.end <= end]
        lo = bisect.bisect_left(items, start, key=_sentence_start)
        hi = bisect.bisect_right(items, end, key=_sentence_end)
        return items[lo:hi] if lo < hi else []

    def part_sentences(self, sec: Section, item_titles: bool = False) -> list[Sentence]:
        """What a part says, the one reading every kind that weighs a part's content uses (size,
        cue words, stock phrasing, cross-year wording): its sentences without heading titles.
        ``item_titles`` keeps the titles of the items inside the part (a plan's
        （一）完善行政执法监督办法 is its content) and drops only the part's own heading."""
        inside = self.sentences_in(sec.start, sec.end)
        if item_titles:
            return [s for s in inside if not sec.heading_start <= s.start < max(sec.heading_end, sec.heading_start + 1)]
        return [s for s in inside if not s.heading]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence covering an offset, or None."""
        items = self.sentences
        if not self._sentences_in_order():
            return next((s for s in items if s.start <= offset < s.end), None)
        index = bisect.bisect_right(items, offset, key=_sentence_start) - 1
        if index >= 0 and items[index].start <= offset < items[index].end:
            return items[index]
        return None

    def _sentences_in_order(self) -> bool:
        """Sentences sorted and not overlapping (as the parser makes them); checked once per list."""
        items = self.sentences
        cached = self.__dict__.get("_order_cache")
        if cached is not None and cached[0] is items and cached[1] == len(items):
            return cached[2]
        ok = all(a.end <= b.start and a.start <= a.end for a, b in zip(items, items[1:]))
        self.__dict__["_order_cache"] = (items, len(items), ok)
        return ok

    def section_at(self, offset: int) -> Section | None:
        """The innermost section covering an offset (embedded sections win)."""
        best = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (best is None or sec.embedded):
                best = sec
        return best


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def _sentence_end(sentence: Sentence) -> int:
    return sentence.end
