"""Where a report's title stands in a page's first lines, and over how many lines it runs.

A title is one line on most pages; offices and saved pages also break it after the body's name,
after the year or after 关于, set it over two or three short lines (关于……的 / 报 告), put a party
committee's line above the government's, or repeat the document's own head under the page's title.
"""
from __future__ import annotations

from collections.abc import Callable

from checker.read.lazy_pattern import lazy

from . import issuer
from . import metadata as meta
from . import page_marks as marks
from .page_lines import is_furniture, is_prose


def find_title(lines: list[str], is_heading: Callable[[int], bool]) -> tuple[int | None, int]:
    """The line the report's title starts on and how many lines it spans (blank ones included):
    one line, or the ways offices and saved pages break a title (the body's name above it, a
    break after the year or after 关于, two or three short lines, a party committee's line above
    the government's, the document's own head repeated under a page title)."""
    title_index = _title_index(lines, is_heading)
    title_lines = 1
    if title_index and issuer_above_title(lines, title_index) and _names_no_body(lines[title_index]):
        above = _filled_above(lines, title_index, SPLIT_TITLE_GAP)  # 大河乡人民政府 / (blank) / 关于……报告
        title_index, title_lines = above, title_index - above + 1
    elif title_index and (_title_runs_on(lines[title_index - 1], lines[title_index])
                          or _broken_after_guanyu(lines, title_index)):
        title_index, title_lines = title_index - 1, 2
    elif title_index and (lead := _year_broken_off(lines, title_index)):  # 关于 / 2018 / 年某市人民政府……的报告
        title_index, title_lines = title_index - lead, lead + 1
    if title_index is None:
        title_index, title_lines = _split_title_index(lines, is_heading)
        if title_index and issuer_above_title(lines, title_index) and _names_no_body(lines[title_index]):
            title_index, title_lines = title_index - 1, title_lines + 1  # 某市人民政府 / 关于……工作 / 情况的报告
    if title_index and _party_line_above(lines, title_index):
        title_index, title_lines = title_index - 1, title_lines + 1  # 中共某市委 / 某市人民政府 / 关于……
    if title_index is not None and title_lines == 1:
        title_index, title_lines = _document_head(lines, title_index, is_heading)
    return title_index, title_lines


def _names_no_body(line: str) -> bool:
    """A title line that starts with 关于 or the year: the body's name is on the line above."""
    stripped = marks.MARKUP.sub("", line.strip())
    return stripped.startswith("关于") or bool(marks.LEADING_YEAR.match(stripped))


YEAR_TAIL = lazy(r"(?:19|20)\d{2}\s*年度?$")


def _title_runs_on(above: str, line: str) -> bool:
    """A title broken after its year (某区某局2024年度 / 法治政府建设工作报告): the line above names
    something and ends with the year, the title line names no body, and the two read as one title."""
    top, bottom = marks.MARKUP.sub("", above.strip()), line.strip()
    year = YEAR_TAIL.search(top)
    return (bool(year) and len(top[:year.start()].strip()) >= 2 and issuer.title_name(bottom) is None
            and not is_prose(top) and not is_furniture(top) and meta.is_title_line(top + bottom))


def _title_index(lines: list[str], is_heading: Callable[[int], bool]) -> int | None:
    """The line holding the report title, preferring one without a site suffix."""
    candidates = []
    for index, line in enumerate(lines[:60]):
        if is_heading(index):
            break
        if meta.is_title_line(line):
            candidates.append(index)
    clean = [i for i in candidates if not marks.TITLE_SPLIT.search(lines[i])]
    chosen = clean or candidates
    if len(chosen) > 1 and _column_name(lines[chosen[0]]) and chosen[1] - chosen[0] <= COLUMN_GAP \
            and not _column_name(lines[chosen[1]]):
        return chosen[1]  # 法治政府建设年度报告和工作要点 (the column) / 某局2023年……报告 (the title)
    return chosen[0] if chosen else None


COLUMN_GAP = 3  # lines: a column's name stands right above the title it holds


def _column_name(line: str) -> bool:
    """A title-like line that names neither a body nor a year: a site column's name above the title."""
    stripped = marks.MARKUP.sub("", line.strip())
    return issuer.title_name(stripped) is None and not meta.YEAR_DIGITS.search(stripped)


SPLIT_TITLE_GAP = 2  # blank lines a saved page may leave between the two lines of a split title


def _split_title_index(lines: list[str], is_heading: Callable[[int], bool]) -> tuple[int | None, int]:
    """A title set over two lines (金华市教育局关于2023年法治政府 / 建设工作情况的报告), or over two
    lines with a blank line between on a saved page: the first of two short lines that read as a
    title only together, and how many lines the title spans (blank ones included)."""
    for index in range(min(len(lines), 60) - 1):
        if is_heading(index) or is_heading(index + 1):
            return None, 1
        top = lines[index].strip()
        if not top or is_prose(top) or is_furniture(top):
            continue
        below = _next_filled(lines, index, SPLIT_TITLE_GAP)
        if below is None or is_heading(below):
            continue
        bottom = lines[below].strip()
        if not is_prose(bottom) and meta.is_title_line(top + bottom):
            return index, below - index + 1
    return None, 1


def _next_filled(lines: list[str], index: int, gap: int) -> int | None:
    """The next line after ``index`` with text, at most ``gap`` blank lines further down."""
    for below in range(index + 1, min(len(lines), index + gap + 2)):
        if lines[below].strip():
            return below
    return None


def issuer_above_title(lines: list[str], title_index: int | None) -> str | None:
    """Joint or long titles put the issuer on the line above: 中共某区委 某区人民政府 / 关于……的报告
    (a saved page may leave a blank line or two between them)."""
    if not title_index:
        return None
    above = _filled_above(lines, title_index, SPLIT_TITLE_GAP)
    name = lines[above].strip() if above is not None else ""
    return name if _names_body(name) else None


# a cover letter's 关于 and its verb before the report's own title (某管委会关于报送 / 《……情况》的报告)
SENDS = lazy(r"关于" + issuer.SEND_VERBS + "$")


def _broken_after_guanyu(lines: list[str], title_index: int) -> bool:
    """A title broken after its 关于 (某市人民政府关于 / 2023年度法治政府建设情况的报告): the line
    above is a body's name and 关于, the title line names no body.  A cover letter's title broken
    after 关于报送 (某管委会关于报送 / 《某新区2022年度法治政府建设情况》的报告): the line below
    starts with the report's own title in 《》."""
    above = marks.MARKUP.sub("", lines[title_index - 1].strip())
    own = lines[title_index].strip()
    sends = SENDS.search(above)
    if sends and own.startswith("《"):
        return _names_body(above[:sends.start()].strip())
    if not above.endswith("关于") or issuer.title_name(own) is not None:
        return False
    return _names_body(above[:-2].strip())


BARE_YEAR_LINE = lazy(r"^(?:19|20)\d{2}$")


def _year_broken_off(lines: list[str], title_index: int) -> int:
    """How many lines above a title that starts with 年 hold its year and its 关于, as a copy of a
    PDF breaks them off (关于 / 2018 / 年某市人民政府……的报告): 0, 1 (the year) or 2."""
    if title_index < 1 or not lines[title_index].strip().startswith("年"):
        return 0
    if not BARE_YEAR_LINE.match(lines[title_index - 1].strip()):
        return 0
    return 2 if title_index >= 2 and lines[title_index - 2].strip() == "关于" else 1


JOINT_PARTY_LINE = lazy(r"^中共[\u4e00-\u9fff]{2,12}?(?:委员会|委)$")


def _party_line_above(lines: list[str], title_index: int) -> bool:
    """A joint report's party committee on its own line above the government's that heads the
    title (中共某市委 / 某市人民政府 / 关于……的报告): both lines are the title's."""
    above, own = lines[title_index - 1].strip(), lines[title_index].strip()
    return bool(JOINT_PARTY_LINE.match(above)) and own.endswith("政府") and not is_furniture(above)


def _document_head(lines: list[str], title_index: int, is_heading: Callable[[int], bool]) -> tuple[int, int]:
    """A page title that names no body (关于2025年法治政府建设情况的报告) repeated below as the
    document's own head under the body's name (某区人民政府 / (blank) / 关于……的报告): the title is
    that head, both its lines.  Otherwise the title as found, one line."""
    if not _names_no_body(lines[title_index]):
        return title_index, 1
    title = lines[title_index].strip()
    for index in range(title_index + 1, min(len(lines), title_index + 20)):
        if is_heading(index) or is_prose(lines[index]):
            break
        if lines[index].strip() != title:
            continue
        above = _filled_above(lines, index, SPLIT_TITLE_GAP)
        if above is not None and above > title_index and _names_body(lines[above].strip()):
            return above, index - above + 1
    return title_index, 1


def _filled_above(lines: list[str], index: int, gap: int) -> int | None:
    """The line before ``index`` with text, at most ``gap`` blank lines further up."""
    for above in range(index - 1, max(-1, index - gap - 2), -1):
        if lines[above].strip():
            return above
    return None


def _names_body(line: str) -> bool:
    """A short line that is a body's name (某区人民政府, 某市某局), not page furniture."""
    return 2 <= len(line) <= 40 and bool(issuer.ISSUER_TAIL.search(line)) and not is_furniture(line)
