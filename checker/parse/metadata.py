"""Title and report year, read from the text around the body.

Saved web pages put the title, a source line and a 发布时间 before the report; drafts have
just the title.  The report year is voted on by the title, the measures heading, the plan
heading (its year minus one) and the opening paragraph, because any one of them can be
the typo that ``year-mismatch`` has to point at.  The publication date is read in
``dates``, the reporting body in ``issuer``.
"""
from __future__ import annotations

from collections import Counter

from checker.read.lazy_pattern import lazy

from .dates import TITLE_DATE, TITLE_LEAD_DATE
from .issuer import ISSUER_SUFFIX, ISSUER_TAIL
from .page_marks import BREADCRUMB_MARK, DECORATION, MARKUP, TITLE_SPLIT, WATERMARK

# 法治政府部门建设: the term departments (交通运输部 and its bureaus) use for the same report.
# 依法行政: the name the report had before the 2015 outline (某市2015年度依法行政工作报告); a title
# may also close on the next year's plans (……工作情况及2016年工作打算).
# (……工作情况汇报: a report sent up to the body above, titled so)
# 法治政府工作总结: the subject named without 建设 (……关于2021年法治政府工作总结和2022年工作计划的报告).
TITLE_SUBJECT = r"法治(?:政府)?(?:部门)?建设|法治政府工作"  # what a report title is about, in both readings below
TITLE_RE = lazy(rf"(?:(?:{TITLE_SUBJECT}).{{0,20}}(?:报告|总结|情况|汇报)"
                r"|依法行政.{0,20}(?:报告|总结|汇报)"
                # 某乡2025年法治政府年度报告: the title without 建设 is a report's (title-format says what it lacks)
                r"|法治政府(?:工作)?年度报告)"
                # the year set after the title in brackets (某镇法治政府建设年度报告(2024年度))
                r"(?:\s*[(（](?:19|20)\d{2}\s*年度?[)）])?$"
                # ……工作情况及2016年工作打算, ……工作总结暨2025年工作计划, ……报告和下一步工作安排
                rf"|(?:{TITLE_SUBJECT}|依法行政).{{0,20}}(?:报告|总结|情况)(?:[和及暨与]|以及)"
                r"(?:(?:19|20)\d{2}\s*年度?|下一步|明年)?(?:工作)?(?:打算|计划|安排|思路|要点)(?:的报告)?$")
# A year before 年, also "2025 年" as text copied from a PDF viewer spaces it; see figures.YEAR.
# Neither end of a range counts: 2021-2025年, and 2021年—2025年 written with 年 on both ends.
YEAR_RE = lazy(r"(20(?<![\d\-—–~至]20)\d{2}|19(?<![\d\-—–~至]19)\d{2})(?=\s?年)"
               r"(?!\s?年度?\s*[-—–~至到]\s*(?:19|20)\d{2})")
# A catalogue's title entry (- 标题: …) and a document number set before the title
# ([天政发〔2026〕7号]天水市人民政府关于……报告): neither is part of the title.
# also a table's cell (| 标题:…报告 | |), the label 名称, and a label set off by spaces alone (标  题 某某……报告)
# also 标题 run into the title with no mark (标题某县林业局关于……; 名称 so is a word: 名称解读), and the
# catalogue's 内容概述/内容摘要 field
# also any catalogue's name for the field with its colon (信息名称:, 文件名称:, 题名:, 主题:, 标题名称:),
# its letter-spacing turned to question marks by a copy through a code page (标????题 |), and a label
# that lost its first character (题: 某县……报告)
CATALOGUE_TITLE_LABEL = lazy(r"^\s*(?:[-•·*|｜]\s*)?(?:(?:[\u4e00-\u9fff]{0,4}?(?:标[\s?？]*题|名\s*称|题\s*名)|主\s*题|题)\s*(?:[:：]\s*[|｜]?|[|｜])\s*"
                             r"|标\s*题(?:\s*[:：]\s*|\s+|(?=[\u4e00-\u9fff]))"
                             r"|名\s*称(?:\s*[:：]\s*|\s+)|内容(?:概述|摘要)\s*[:：]\s*"
                             # a catalogue's 信息名称 set off by a space alone (信息名称 关于……报告)
                             r"|(?:信息|文件|公文|文档)名\s*称\s+"
                             # a cover letter's note of its attachment (附件:某局……报告): the report it sends
                             r"|附\s*件\s*\d{0,2}\s*[:：]\s*"
                             # the label in brackets ([ 标 题 ] 某乡……报告, 【标题】……)
                             r"|[\[【]\s*(?:标\s*题|名\s*称|题\s*名)\s*[\]】]\s*)")
# a title alone in a table's cell (| 某街道2025年度……报告 |): the bars are the table's
TABLE_CELL = lazy(r"^\s*[|｜]\s*([^|｜]+?)\s*[|｜]\s*$")
# a catalogue's bulleted entry (  • 某某厅关于……的报告, ★ 某某……): the bullet is not part of the title
TITLE_BULLET = lazy(r"^\s*[•·▪◦●★☆◆◇■□▲△►▶]+\s*")
# a model-text site's number before each text it collects (第一篇：某局……报告)
COLLECTION_PIECE = lazy(r"^\s*第\s*[0-9一二三四五六七八九十]{1,2}\s*篇\s*[:：]\s*")
DOC_NUMBER_PREFIX = lazy(r"^\s*[\[【(（]\s*[\u4e00-\u9fff]{1,8}\s*[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d{1,4}\s*号\s*[\]】)）]\s*")
# …报告(潭县自然资字〔2025〕79号): the document number a page sets after the title.
DOC_NUMBER_SUFFIX = lazy(r"(?<=报告|总结|情况)\s*[(（\[【]\s*[\u4e00-\u9fff]{1,12}\s*[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d{1,4}\s*号\s*[\]】)）]\s*$")
# The issuer's name repeated after the title, before the date the page appends
# (……报告 上海市统计局 2020-06-08): the page's byline, not part of the title.
# Also set after it in brackets or after a dash (……报告（某县教育局）, ……报告——某县教育局).
TITLE_BYLINE = lazy(rf"(?<=报告|总结|情况)(?:\s*[(（]\s*|\s*——?\s*|\s+)((?:中共)?[\u4e00-\u9fff]{{2,30}}?{ISSUER_SUFFIX})\s*[)）]?$")
# The page's source and date labels set on the title's line (……报告 信息来源: 发布时间:2024-01-02).
# Also the page's widgets (【字体:大 中 小】, 浏览次数: 123, 打印 关闭, 分享到) and its 作者 label.
TITLE_PAGE_INFO = lazy(r"(?<=报告|总结|情况)\s*(?:\s(?:信息来源|来源|发布时间|发布日期|更新时间|作者)\s*[:：]"
                       r"|[\s【\[(（]\s*(?:字体|字号|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量)\s*[:：]?"
                       r"|\s(?:打印|关闭|分享到?|收藏)(?:本页|窗口)?(?=[\s:：]|$)).*$")
# A note a page sets after the title (……报告（全文）, ……报告(摘要)), or a draft's stage
# (……报告（征求意见稿）, （送审稿）, （公开版）), the month it was written (……报告（2025年3月）): not part of the title.
TITLE_NOTE = lazy(r"(?<=报告|总结|情况|计划|打算|安排|思路)\s*[(（](?:全文|摘要|摘登|原文|附全文|公开版|简版|节选"
                  r"|征求意见稿|送审稿|讨论稿|修改稿|修订稿|审议稿|初稿|草稿|草案|代拟稿|定稿"
                  r"|(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月|[.．]\s*\d{1,2}))[)）]\s*$")
# Any other short note in brackets after the title (……报告(农法日记), a column's name): no figures (the
# year in brackets is the title's, 报告（2023年度）) and no body's name (……报告（某县人民政府）is its byline).
TITLE_TAG = lazy(r"(?<=报告|总结)\s*[(（](?![^()（）]*(?:政府|局|委|办|厅|中心|室|会|处|院|部|署)[)）])[^()（）\d\s]{2,10}[)）]\s*$")
# The file a page links the report as (……报告.pdf, ……报告.docx (356KB), ……报告（PDF）): the name of
# the file is the report's title, its type and size are not.
FILE_SUFFIX = lazy(r"(?i)(?<=报告|总结|情况)\s*(?:[.．](?:pdf|docx?|wps|ofd)|[(（](?:pdf|word)版?[)）])"
                   r"(?:\s*[(（\[【]?\s*\d+(?:\.\d+)?\s*[kmg]i?b\s*[)）\]】]?)?\s*$")
YEAR_DIGITS = lazy(r"(?:19|20)\d{2}")
# A title set in quotation marks or title marks as a line of its own (《某区……报告》).
TITLE_WRAPPED = lazy(r"^[《“\"「『]([^《》“”\"「」『』]+)[》”\"」』]$")
# A title a PDF sets with letter spacing (云 溪 区 人 民 政 府 2 0 2 4 年 ……), or a year spaced out
# within it (2 0 2 4年): the spaces between single characters are not the title's.
LETTER_SPACED = lazy(r"^(?:[\u4e00-\u9fff\d][ \u3000]){6,}[\u4e00-\u9fff\d]")
SPACED_YEAR = lazy(r"(?<!\d)([12])[ \u3000](\d)[ \u3000](\d)[ \u3000](\d)(?=\s?年)")
# the closing word of an official document's title, set apart on its own line (关于……的 / 报 告)
SPACED_CLOSE = lazy(r"(报|总)[ \u3000]+(告|结)$")
VOTERS = ("title", "head", "opening", "measures")  # head: the document's own head below a page title


# Run-in text (no line breaks, copied from a PDF viewer): the title runs straight into the
# opening — "某县2025年度法治政府建设情况报告2025年,全县坚持……" — or into the first part.
# A document-sharing site numbers the pages of the copy it shows (1、某县……报告2025年,……): the 1、 is the site's,
# and it may print the title twice before the text, whose year a template leaves as xxxx年.
RUN_IN_TITLE = lazy(r"^\s*(?:1\s*、\s*)?([^\s。,，;；:：!?！？][^。,，;；:：!?！？]{3,60}?(?:法治(?:政府)?建设|依法行政)[^。,，;；]{0,20}?(?:报告|总结))"
                    # the page's labels the copy carried along (发布时间:2025-03-20 来源:某局) may stand between,
                    # and so may the document's number (威文政发〔2025〕2号) before its addressee
                    r"(?=(?:\s*\1)?(?:\s*(?:发布时间|发布日期|信息来源|来源|作者)\s*[:：]\s*[^\s:：]{2,24})*"
                    r"(?:\s*[\u4e00-\u9fff]{1,10}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d{1,4}\s*号)?"
                    r"\s*(?:(?:19|20)\d{2}\s?年|[xX×]{4}\s?年|[一二三四五六七八九十]、|[(（]一[)）]|根据|按照|为|在|今年|一年来|近年来"
                          # or the addressee line: 中共某市委、某市人民政府:
                          r"|(?:中共)?[\u4e00-\u9fff、 ]{2,30}?(?:委|政府|常委会)\s*[:：]))")


def run_in_title(line: str) -> str | None:
    """The title at the head of a line that runs on into the report (a text with no line
    breaks), or None when the line is a title or a sentence of its own."""
    line = WATERMARK.sub("", line)
    if is_title_line(line):
        return None
    match = RUN_IN_TITLE.match(line)
    return match.group(1).strip() if match and is_title_line(match.group(1)) else None


# A catalogue's classification field as the line's last (内容分类: 法治政府建设年度报告): the column's
# name, not the report's title, which the page prints on its own line.
CLASSIFICATION_VALUE = lazy(r"分\s*类\s*[:：|｜]\s*[^:：|｜]*[|｜\s]*$")


def is_title_line(line: str) -> bool:
    """A line that reads like a report title (short, names 法治政府建设, ends with 报告/总结),
    whatever site suffix or date the page appends to it."""
    stripped = MARKUP.sub("", line.strip()).strip()
    if not stripped or len(stripped) > 90 or "。" in stripped or BREADCRUMB_MARK.search(stripped) \
            or CLASSIFICATION_VALUE.search(stripped):
        return False
    return bool(TITLE_RE.search(HAN_GAP.sub("", clean_title(stripped).translate(UNQUOTED))))


# A site's column tag in square brackets before a title that names its body (【省政府法治建设报告】湖北省
# 人民政府关于……): the column's, not the report's (the body named after it is the issuer).
LEAD_TAG = lazy(r"^\s*【[^】。，,]{2,16}】\s*(?=[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县|州|旗|盟|镇|乡|街道))")
# Quotation marks a title sets around its words (2021年“法治政府”建设情况报告): not read when the
# title's words are recognised, kept in the title as printed.
UNQUOTED = str.maketrans("", "", "“”\"「」‘’'")
# …nor a stray space inside its words (……法治政府 建设情况报告)
HAN_GAP = lazy(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def clean_title(line: str) -> str:
    """Drop a web page's site suffix (``…报告_法治政府_某区人民政府门户网站``, ``…报告-某某网``),
    a date appended to the title (``…报告 2025-02-24``, also after the issuer's name, or the page's
    ``信息来源: 发布时间:…`` labels), a catalogue's
    ``标题:`` label, a document number set before or after the title, and Markdown marks."""
    text = LEAD_TAG.sub("", TABLE_CELL.sub(r"\1", _bare(line)))
    wrapped = TITLE_WRAPPED.match(text)
    if wrapped:
        text = wrapped.group(1).strip()
    text = DOC_NUMBER_PREFIX.sub("", CATALOGUE_TITLE_LABEL.sub("", TITLE_BULLET.sub("", TITLE_LEAD_DATE.sub("", text))))
    text = COLLECTION_PIECE.sub("", text)
    text = TITLE_TAG.sub("", TITLE_NOTE.sub("", text))
    text = TITLE_BYLINE.sub("", _before_byline(text)).strip()
    text = _after_site_and_column(TITLE_SPLIT.split(text)[0].strip())
    return TITLE_DATE.sub("", text).strip()


def _after_site_and_column(text: str) -> str:
    """济南市人民政府 通知公告 济南市2020年……报告: the site's name and its column set before the
    title on one line.  Only when a word before the title is neither a body's name nor dated (a
    column: 通知公告), so a joint title's bodies (中共某县委 某县人民政府 关于……) stay."""
    parts = text.split()
    if len(parts) < 3 or not TITLE_RE.search(parts[-1]) or parts[-1][0] in "年度":
        return text  # 县 2022 年……总结: a title spaced around its year, no column before it
    column = [p for p in parts[:-1] if len(p) >= 2 and not ISSUER_TAIL.search(p) and not YEAR_DIGITS.search(p)
              and "关于" not in p]
    return parts[-1] if column else text


def _bare(line: str) -> str:
    """The line without Markdown marks, a site's decorations and letter spacing."""
    return _unspaced(DECORATION.sub("", WATERMARK.sub("", MARKUP.sub("", line.strip()).strip())))


def _before_byline(text: str) -> str:
    text = TITLE_NOTE.sub("", FILE_SUFFIX.sub("", text))
    return TITLE_DATE.sub("", TITLE_PAGE_INFO.sub("", DOC_NUMBER_SUFFIX.sub("", text))).strip()


def title_byline(line: str) -> str | None:
    """The body's name set after a title that names none (……报告（某县教育局）, ……报告——某县教育局,
    ……报告 某县教育局 2025-03-20): the report's issuer, as a signature under the title would be."""
    match = TITLE_BYLINE.search(_before_byline(_bare(line)))
    return match.group(1) if match else None


def _unspaced(text: str) -> str:
    """The title without the spaces a letter-spaced line (or a spaced-out year) sets between
    single characters."""
    if LETTER_SPACED.match(text):
        return "".join(text.split())
    return SPACED_CLOSE.sub(r"\1\2", SPACED_YEAR.sub(r"\1\2\3\4", text))


def year_in(text: str) -> int | None:
    """The first four-digit year in a text, ignoring ranges such as 2021-2025年."""
    match = YEAR_RE.search(text)
    return int(match.group(1)) if match else None


# 现将我镇2024年法治政府建设情况报告如下: the year the opening says it reports on.
REPORT_YEAR = lazy(r"现将[^。]{0,40}?((?:19|20)\d{2})\s*年[^。]{0,40}?(?:报告|汇报|总结)如下")


# A year the text looks back on, not the one it reports: 在2023年工作基础上, 较2023年, 比2022年增长,
# 与2023年相比, 2023年同期.
EARLIER_BEFORE = lazy(r"(?:较|比|与|同)\s*$")
EARLIER_AFTER = lazy(r"^\s*年度?(?:工作|的)?(?:的)?基础上|^\s*年度?(?:相比|同期|同比)")


def own_years(text: str) -> list[int]:
    """The years a text speaks of as its own, in order: ranges (2021-2025年) and years it looks
    back on (在2023年工作基础上, 较2023年) left out."""
    years = []
    for match in YEAR_RE.finditer(text):
        if EARLIER_BEFORE.search(text[max(0, match.start() - 2):match.start()]):
            continue
        if EARLIER_AFTER.match(text[match.end():match.end() + 10]):
            continue
        years.append(int(match.group(1)))
    return years


def opening_year(text: str) -> int | None:
    """The opening's year: the one its 现将……N年……报告如下 names, else the first it speaks of as
    its own (在2023年工作基础上, 2024年…… reports on 2024)."""
    announced = REPORT_YEAR.search(text)
    if announced:
        return int(announced.group(1))
    years = own_years(text)
    return years[0] if years else None


BODY_YEAR_MIN = 2  # times the body must name its year, and more often than any other


def body_year(text: str) -> int | None:
    """The year the first part speaks of most (2022年我镇……, 《某市2022年……工作要点》), when no
    title, opening or heading gives one: named at least twice and more often than any other year;
    a text whose years are only ranges or looks back gives none rather than a guess."""
    counts = Counter(own_years(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < BODY_YEAR_MIN or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# The page's column path ending in the year the report is filed under (首页> 政务公开> 法治政府建设年度报告 > 2021年度)
COLUMN_YEAR = lazy(r"法治[^>＞»\n]{0,16}报告\s*[>＞»]\s*((?:19|20)\d{2})\s*年度?\s*[>＞»]?\s*$")


def column_year(head: list[str]) -> int | None:
    """The year a site files the report under, read from its column path above the text; only
    when nothing in the text names the year (a page that starts at its first part)."""
    for line in head:
        match = COLUMN_YEAR.search(line.strip())
        if match and BREADCRUMB_MARK.search(line):
            return int(match.group(1))
    return None


def vote_year(sources: dict[str, int]) -> int | None:
    """The report year most of the title, the opening sentence and the measures heading agree
    on; a tie goes to the title, then the opening, then the measures heading.  The plan
    heading (its year minus one) is checked against the year, never used to set it: a plan
    heading with the wrong year must show, not hide."""
    voters = {name: year for name, year in sources.items() if name in VOTERS}
    if not voters:
        return None
    counts = Counter(voters.values())
    best = max(counts.values())
    tied = [year for year, count in counts.items() if count == best]
    for name in VOTERS:
        if voters.get(name) in tied:
            return voters[name]
    return tied[0]
