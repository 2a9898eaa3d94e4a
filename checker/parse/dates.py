"""The page's publication date, read from the lines around the report: a labelled date, a
source line with a date, a date alone on a line above the body, the date a page appends to
its title.  Page-header clocks (今天是……星期四) date the visit, not the report, and are refused.
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import LazyPattern, lazy

from .page_marks import MARKUP, TITLE_SPLIT

DATE_NUM = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|[/.](?!\d))?"  # also 2022/03/01/
CLOCK = r"(?:\s*\d{1,2}\s*[:时]\s*\d{1,2}(?:\s*分|\s*:\s*\d{1,2})?)?"
# A title line that carries the page's date: …报告 2025-02-24, …报告(2025-03-26).
TITLE_DATE = lazy(rf"\s*[(（\[【]?\s*{DATE_NUM}{CLOCK}\s*[)）\]】]?\s*$")
# …or sets before it (2025-03-20 某县……报告, [ 2025-03-20 ] 某县……报告): the date, then a space.
TITLE_LEAD_DATE = lazy(rf"^\s*[(（\[【]?\s*{DATE_NUM}{CLOCK}\s*[)）\]】]?\s+(?=[^\s\d])")
# Between a date's label and the date: colons, spaces, a table's bars, and the brackets a catalogue
# sets its labels or values in (发布日期:[2021-02-05], [ 发布日期 ] | 2026-02-25 |), also round ones
# (发布日期(2024-03-08)).
LABEL_GAP = r"[\s:：|｜\[\]【】(（]*"
DATE_LABEL_RE = lazy(
                     r"(?:发布时间|发布日期|发布|公布日期|公布时间|更新时间|更新日期|更新|发文日期|成文日期|日期|时间)" + LABEL_GAP + DATE_NUM)
# 来源:陕西日报 2026-03-16 08:15 (or 来源:某县司法局 | 2025-03-25, or run on: 来源:某市司法局2023-03-10) — a source line that dates the page without a label.
SOURCE_DATE_RE = lazy(r"来源\s*[:：]\s*[^\s\d|｜:：]{1,24}(?:\s*[|｜]\s*|\s*)" + DATE_NUM)
# A date alone on its line, also as an item of a catalogue set as a bulleted list (• 2020-05-07),
# or in brackets ([2025-03-20], 【2025-03-20】).
BARE_DATE_RE = lazy(rf"^\s*(?:[•·▪◦-]\s*)?[(（\[【]?\s*{DATE_NUM}{CLOCK}\s*[)）\]】]?\s*$")  # also - 2024-11-23
# A line above the report that names who posted it, then the date (政策法规科 2023-12-29).
NAMED_DATE_RE = lazy(rf"^\s*[\u4e00-\u9fff]{{2,20}}\s+{DATE_NUM}{CLOCK}\s*$")
# …the site's name before the date and the page's source label after it (某政府门户网站 2024-01-31 17:20:32 来源: 本网):
# a page's line, never a signature
SITE_DATE_RE = lazy(rf"^\s*[\u4e00-\u9fff]{{2,20}}\s+{DATE_NUM}{CLOCK}\s*(?:来源|信息来源|作者|浏览次数|浏览)\s*[:：]")
# The occasion line under a report made to a congress: 2025年3月17日在……人民代表大会常务委员会……会议上
# (the line may break after 大会); the whole line, so a sentence that starts with a date is not one.
SESSION_DATE_RE = lazy(rf"^\s*[(（]?\s*[—－-]*\s*{DATE_NUM}\s*在[^。，,]{{2,40}}?(?:会议|大会)上?\s*[)）]?\s*$")  # also in brackets
# The publication date said as such; a catalogue block's 生成日期/成文日期 date the document, not the page.
PUBLISHED_LABEL_RE = lazy(r"(?:发布时间|发布日期|公布日期|公布时间|更新时间|更新日期|发布于)" + LABEL_GAP + DATE_NUM)  # 公布日期: a law database's
# A catalogue's date of the document itself (公文生成日期:2026-01-08, 成文日期 …): a page's own
# 时间/日期 line is its publication date and wins over it.
DOCUMENT_DATE_RE = lazy(r"(?:生成|成文|发文|印发)日期" + LABEL_GAP + DATE_NUM)
# Of a catalogue's own dates, the day the document was drawn up (成文日期 2025-01-26) comes before
# the day it was sent out (发文日期 2025-02-12), which is the nearer to the page's publication.
DRAFTED_DATE_RE = lazy(r"(?:生成|成文)日期" + LABEL_GAP + DATE_NUM)
# A page's date line that starts with the date and goes on to its source or publisher
# (2023-03-31 17:05:00 来源: 某市司法局 打印; 2026-01-20 17:01 | 某市水务局; or the site's name alone),
# or to the page's hit counter (2024-04-02 点击 54 次, 2026-02-26 15:48 阅读人数:1).
LEAD_DATE_RE = lazy(rf"^\s*{DATE_NUM}{CLOCK}\s*(?:[|｜]|来源|信息来源|作者|发布机构|浏览|字号|点击|阅读|访问"
                    r"|[\u4e00-\u9fff]{2,20}(?:网|网站)\s*$"  # 2025-04-27 10:14 某省人民政府网
                    r"|[\u4e00-\u9fff]{2,20}(?:局|委|办|政府|中心|办事处|委员会)\s*$)")  # 2025-03-25 区司法局
# Page-header clocks ("今天是 2019年10月31日 星期四", "2019年12月3日星期二") date the visit, not the report.
HEADER_CLOCK = lazy(r"今天是|今日|星期|农历|周[一二三四五六日天]")
# A date alone on its line written day first (21.12.2017  21:39, a reposting site's layout): read
# only when it cannot be month first (the day is over 12) or another date of the page agrees.
DAY_FIRST_RE = lazy(rf"^\s*(\d{{1,2}})\s*([./])\s*(\d{{1,2}})\s*\2\s*((?:19|20)\d{{2}}){CLOCK}\s*$")
ANY_DATE = lazy(DATE_NUM)
# A signature's date, written in words (2024年1月19日), under the signing body's name alone on its line.
SIGNED_DATE = lazy(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
SIGNING_BODY = lazy(r"^\s*[\u4e00-\u9fff]{2,30}(?:人民政府|政府|委员会|局|委|办公室|厅|中心|办事处)\s*$")


def title_date(line: str) -> str | None:
    """The date a page appends to its title line, as YYYY-MM-DD."""
    text = TITLE_SPLIT.split(MARKUP.sub("", line.strip()).strip())[0]
    match = TITLE_DATE.search(text) or TITLE_DATE.search(line.strip()) or TITLE_LEAD_DATE.match(text)
    return _iso(match.groups()) if match else None



def _iso(groups) -> str | None:
    year, month, day = (int(g) for g in groups)
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def published_date(texts: list[str], head: list[str] | None = None) -> str | None:
    """The page's publication date from furniture lines, as YYYY-MM-DD: a labelled date
    (发布时间:2021-02-23, 日期 : 2026-01-15, 发布时间 | 2025-02-27 |), a source line with a date
    (来源:陕西日报 2026-03-16), else a date alone on a line of ``head`` (the lines above the
    body: 2025.02.25, 2023年03月30日 09时24分, • 2020-05-07 in a bulleted catalogue) or heading
    its source line (2023-03-31 17:05 来源: …, 2025-04-27 某省人民政府网), after who posted it
    (政策法规科 2023-12-29), or the occasion line of a report made to a congress (2025年3月17日在……会议上).  A date labelled as the publication's wins over a catalogue's 生成日期 or 成文日期,
    and so does the page's own 时间/日期 line, and its 发文日期 over its 成文日期; a day-first date line (21.12.2017) only when it
    reads one way.  Page-header clocks are refused."""
    for text in texts:
        match = PUBLISHED_LABEL_RE.search(text)  # its weekday after it is no clock (发布时间:2025年3月25日 星期二)
        if match and not HEADER_CLOCK.search(text[:match.start()]) and _iso(match.groups()):
            return _iso(match.groups())
    labelled = [match for text in texts if not HEADER_CLOCK.search(text)
                for match in [DATE_LABEL_RE.search(text) or SOURCE_DATE_RE.search(text)]
                if match and _iso(match.groups())]
    own = [match for match in labelled if not _dates_document(match)]
    issued = [match for match in labelled if not _dates_document(match, DRAFTED_DATE_RE)]
    if own or labelled:
        return _iso((own or issued or labelled)[0].groups())
    filled = [text for text in head or [] if text.strip()]
    for index, text in enumerate(filled):
        match = (BARE_DATE_RE.match(text) or LEAD_DATE_RE.match(text) or NAMED_DATE_RE.match(text)
                 or SITE_DATE_RE.match(text) or SESSION_DATE_RE.match(text))
        if match and index and SIGNED_DATE.match(text) and SIGNING_BODY.match(filled[index - 1]):
            continue  # a cover letter's signature above the report (某局 / 2024年1月19日) dates the letter
        if match and not HEADER_CLOCK.search(text) and _iso(match.groups()):
            return _iso(match.groups())
    return _day_first(head or [], texts)


def session_date(head: list[str]) -> str | None:
    """The date of the occasion line above a report made to a congress (2023年4月27日在……会议上):
    the day the report was delivered, which says nothing of when it was made public."""
    for text in head:
        match = SESSION_DATE_RE.match(text)
        if match and _iso(match.groups()):
            return _iso(match.groups())
    return None


def _day_first(head: list[str], texts: list[str]) -> str | None:
    """A day-first date line above the body (21.12.2017), when it reads one way only: its first
    number is over 12, or another date on the page (year first) is the day-first reading and
    none is the month-first one."""
    for text in head:
        match = DAY_FIRST_RE.match(text)
        if not match or HEADER_CLOCK.search(text):
            continue
        day, month, year = match.group(1), match.group(3), match.group(4)
        reading = _iso((year, month, day))
        if reading is None:
            continue
        if int(day) > 12 or day == month:
            return reading
        others = {_iso(m.groups()) for line in head + texts if line is not text for m in ANY_DATE.finditer(line)}
        if reading in others and _iso((year, day, month)) not in others:
            return reading
    return None


def _dates_document(match: re.Match, label: LazyPattern = DOCUMENT_DATE_RE) -> bool:
    """Whether a labelled date is a catalogue's date of the document (生成日期 reads as 日期),
    or with ``label`` one of those dates in particular (成文日期)."""
    return bool(label.search(match.string[max(0, match.start() - 2):match.end()]))

