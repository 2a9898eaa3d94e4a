"""Title, issuer, report year and publication date, read from the text around the body.

Saved web pages put the title, a source line and a 发布时间 before the report; drafts have
just the title.  The report year is voted on by the title, the measures heading, the plan
heading (its year minus one) and the opening paragraph, because any one of them can be
the typo that ``year-mismatch`` has to point at.
"""
from __future__ import annotations

import re
from collections import Counter

TITLE_RE = re.compile(r"法治(?:政府)?建设.{0,20}(?:报告|总结|情况)$")
TITLE_SPLIT = re.compile(r"[_|]| - ")
YEAR_RE = re.compile(r"(20(?<![\d\-—–~至]20)\d{2}|19(?<![\d\-—–~至]19)\d{2})(?=年)")  # see figures.YEAR
DATE_LABEL_RE = re.compile(
    r"(?:发布时间|发布日期|发布|更新时间|更新日期|发文日期|成文日期|日期|时间)\s*[:：]?\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
ISSUER_SUFFIX = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|府办|"
                 r"司法局|司法厅|[^\s,，。、]{1,10}?(?:局|委员会|委|办公室|办|厅|署|中心))")
ISSUER_TAIL = re.compile(rf"{ISSUER_SUFFIX}$")
ISSUER_RE = re.compile(rf"((?:中共)?[\u4e00-\u9fff]{{1,12}}?{ISSUER_SUFFIX})")
MARKUP = re.compile(r"^#{1,6}\s*|\*\*|__")
TITLE_NAME_SPLIT = re.compile(r"关于|(?:19|20)\d{2}|法治")
LEADING_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*年?度?")
TITLE_NAME_TRIM = " :：,，、"
PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|区|县|州|旗|盟|镇|乡|街道)$")


def is_title_line(line: str) -> bool:
    """A line that reads like a report title (short, names 法治政府建设, ends with 报告/总结)."""
    stripped = MARKUP.sub("", line.strip()).strip()
    if not stripped or len(stripped) > 90 or "。" in stripped:
        return False
    head = TITLE_SPLIT.split(stripped)[0].strip()
    return bool(TITLE_RE.search(head))


def clean_title(line: str) -> str:
    """Drop a web page's site suffix (``…报告_法治政府_某区人民政府门户网站``) and Markdown marks."""
    text = MARKUP.sub("", line.strip())
    return TITLE_SPLIT.split(text.strip())[0].strip()


def year_in(text: str) -> int | None:
    """The first four-digit year in a text, ignoring ranges such as 2021-2025年."""
    match = YEAR_RE.search(text)
    return int(match.group(1)) if match else None


def published_date(texts: list[str]) -> str | None:
    """A labelled publication date (发布时间 2021-02-23) from furniture lines, as YYYY-MM-DD."""
    for text in texts:
        match = DATE_LABEL_RE.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def title_name(title: str) -> str | None:
    """The body's name as the title writes it: what comes before the year, 关于 or 法治
    (宝山区人民政府, 闵行区, 云溪区城市管理和综合执法局); a title that starts with the year
    names the body between the year and 法治.  The one reading of a title's issuer that the
    metadata and ``issuer-mismatch`` share."""
    head = TITLE_NAME_SPLIT.split(title, maxsplit=1)[0].strip(TITLE_NAME_TRIM)
    if not head:
        tail = LEADING_YEAR.sub("", title)
        head = re.split(r"关于|法治", tail, maxsplit=1)[0].strip(TITLE_NAME_TRIM)
    return head if 2 <= len(head) <= 40 else None


def issuer_from_title(title: str) -> str | None:
    """The reporting body named in a title, e.g. 宝山区人民政府 or 闵行区 → 闵行区人民政府."""
    head = title_name(title)
    if head and PLACE_RE.match(head):
        return head + "人民政府"
    return head


def issuer_from_text(text: str) -> str | None:
    """The body speaking in the opening paragraph (长宁区府办坚持……)."""
    match = ISSUER_RE.match(text.strip())
    return match.group(1) if match else None


def vote_year(sources: dict[str, int]) -> int | None:
    """The report year most sources agree on; the title wins a tie."""
    if not sources:
        return None
    counts = Counter(sources.values())
    best = max(counts.values())
    tied = [year for year, count in counts.items() if count == best]
    for name in ("title", "measures", "plan", "opening"):
        if sources.get(name) in tied:
            return sources[name]
    return tied[0]
