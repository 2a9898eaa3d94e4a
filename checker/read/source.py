"""What every reader hands to the parser: extracted text lines plus a way back to the file.

Readers differ (plain text, a saved web page, a Word file) but the parser sees one shape:
``Source.lines`` is the report text as read, one paragraph per line for HTML and DOCX, with
line ends removed.  Lines and columns in findings count code points in these lines.
``origins[i]`` says where line ``i`` came from in the original file (1-based line and
column), so a reviewer can find it in the raw HTML or XML too.
"""
from __future__ import annotations

from checker.read.record import field, record

from .suppress import Region


@record(frozen=True)
class Origin:
    """Position in the original file where an extracted line starts; ``page`` (1-based) for
    paged formats (PDF, OFD), where ``line`` counts the text lines of that page."""

    line: int
    column: int = 1
    page: int | None = None


@record
class Source:
    """Text of one input with its provenance and what the reader learnt on the way."""

    path: str
    lines: list[str]
    origins: list[Origin] = field(default_factory=list)
    kind: str = "text"  # text | markdown | html | docx | pdf | ofd (.doc/.wps are read as docx)
    encoding: str | None = None
    published: str | None = None  # YYYY-MM-DD from page metadata (HTML), if any
    title_hint: str | None = None  # page title from <title>/<h1>, if any
    site_names: tuple[str, ...] = ()  # names the page gives its publisher or site (HTML meta, <title> parts)
    page_info: tuple[str, ...] = ()  # the page's lines about the article outside its text (2025-03-21 来源:某局)
    expects_date: bool = False  # web pages carry a publication date; drafts do not
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message) for input-error warnings
    suppressions: list[Region] = field(default_factory=list)  # places the drafter marked (read/suppress.py)

    def origin(self, line: int) -> Origin:
        """Original position of a 1-based extracted line (identity when unknown)."""
        if 0 < line <= len(self.origins):
            return self.origins[line - 1]
        return Origin(line, 1)


class InputError(Exception):
    """A file exists but cannot be read as a report; becomes an ``input-error`` finding."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.hint = hint
