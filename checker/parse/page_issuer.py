"""The reporting body as the page around a report names it — its 来源/发布机构 line, its column
path, its site — rather than the report's own words.  A page often names the office that posted
it (a government's column holding a bureau's report), so each reading is taken only when the text
can speak as that body (``speaks_as``) and only with the body's place, written or completed.
"""
from __future__ import annotations

from checker.read.lazy_pattern import lazy

from .issuer import PLACE_PREFIX, SPEAKER_TAIL, full_government, place_body, speaker_name
from .shortform import BARE_LEVEL, qualify
from .page_marks import BREADCRUMB_MARK, ENCYCLOPEDIA_LEAD, SOURCE_RE, SOURCE_TOWN_RE

# the label before a column path (当前位置：, 您的位置:)
BREADCRUMB_MARK_LABEL = lazy(r"^.*?(?:当前|您的|您当前的|当前所在)?位置\s*[:：]")
# A site's name is its publisher's with the site's word after it (某区人民政府门户网站, 某市司法局网站,
# 某县人民政府网站, 某县政府网): the word goes, the publisher's name (政府 included) stays.
SITE_SUFFIX = lazy(r"(?:门户网站|官方网站|门户网|网站|门户|官网|政务网|(?<=政府)网)$")
SELF_GOVERNMENT = lazy(r"我(?:省|市|区|县|旗(?!帜)|镇|乡)")  # 我旗: a banner; 我旗帜鲜明 is not
SELF_DEPARTMENT = lazy(r"我(?:局|委|厅|办|中心)|本局")
TOWN_LEVEL = lazy(r"(?:街道|镇|乡)$")


def speaks_as(name: str, text: str) -> bool:
    """Whether a body a page names beside the text (its site, column or byline) can be the one that
    speaks: not a government for a text that calls itself 我局, nor a department for one that
    calls itself 我县."""
    government = name.endswith("人民政府")
    return not ((government and SELF_DEPARTMENT.search(text)) or (not government and SELF_GOVERNMENT.search(text)))


def issuer_from_site(names: tuple[str, ...] | list[str], text: str) -> str | None:
    """The publisher a saved page's meta tags or <title> name (某区人民政府门户网站 → 某区人民政府),
    as the last resort.  A body with its place only; not a government's site for a text that
    calls itself 我局, nor a department's site for one that calls itself 我市/我区."""
    for raw in names:
        name = SITE_SUFFIX.sub("", "".join(raw.split()))
        name = full_government(name)
        if not (PLACE_PREFIX.match(name) and SPEAKER_TAIL.search(name)) or len(name) > 30:
            continue
        if speaks_as(name, text):
            return name
    return None


# the steps of a page's column path (首页 > 部门信息公开 > 某县教育局 > 年度报告, 首页 / 政务公开 / …)
SLASH_CRUMB = lazy(r"\s*首页\s*/")
CRUMB_STEP = lazy(r"\s*(?:[>＞»›]+|\s/\s)\s*")


def issuer_from_breadcrumb(lines: list[str], text: str, head: str) -> str | None:
    """The body whose column the page sits in, named by the page's column path above the text
    (首页 > 部门信息公开 > 某县教育局 > 法治政府建设年度报告): the last step that is a body's name,
    a short form (县教育局) completed from the page's own lines.  Not a government's column for a
    text that calls itself 我局, nor a department's for one that calls itself 我县: a justice bureau
    posts its government's report in its own column."""
    for line in lines:
        if not (BREADCRUMB_MARK.search(line) or SLASH_CRUMB.match(line)):
            continue
        steps = [step.strip() for step in CRUMB_STEP.split(BREADCRUMB_MARK_LABEL.sub("", line))]
        for step in reversed(steps):
            name = speaker_name(step) if 3 <= len(step) <= 30 and SPEAKER_TAIL.search(step) else None
            if not name:
                continue
            name = _placed(name, text, head)
            if not name:
                break
            return name if speaks_as(name, text) else None
    return None


def issuer_from_source_line(lines: list[str], text: str = "", head: str = "") -> str | None:
    """The body a page's 来源/发布机构 line names, when it names one with its place
    (来源:某某县人民政府; 来源:司法局 or 来源:陕西日报 names no reporting body), or by its level
    (来源:县教育局) with the place the page's own lines give (某县人民政府门户网站 above it); an
    encyclopedia's lead sentence names its publisher the same way (……是2019年某市人民政府发布的通知。)."""
    for line in lines:
        match = SOURCE_RE.search(line) or ENCYCLOPEDIA_LEAD.match(line)
        if not match:
            continue
        name = match.group(1)
        named = PLACE_PREFIX.match(name) or (len(name) > 3 and SPEAKER_TAIL.search(name) and text)
        full = _placed(name, text, head) if named else None
        if full:
            return full
    return _town_source(lines, text)


def _town_source(lines: list[str], text: str) -> str | None:
    """The town or street a page's 发布机构 line names by its name alone (发布机构 | 蜀山街道 |): its
    government or office, when the text speaks of that level at all (2023年,街道在区委……的领导下); read
    only after every reading of the text itself has failed."""
    for line in lines:
        match = SOURCE_TOWN_RE.search(line)
        if match and TOWN_LEVEL.search(match.group(1)).group() in text:
            return place_body(match.group(1))
    return None


def _placed(name: str, text: str, head: str) -> str | None:
    """A body's name with its place: as written, or a short form (县教育局) completed from the
    text and the page's own lines; None when no place can be given."""
    if PLACE_PREFIX.match(name):
        return name
    full = qualify(name, text, head) if name[0] in BARE_LEVEL else None
    return full if full and PLACE_PREFIX.match(full) else None
