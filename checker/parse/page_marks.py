"""The marks a saved web page sets around a report's title line: Markdown marks, a site's
decorations before the title, the separator before a site suffix, a breadcrumb, a year that
leads the title.  Shared by the title, the date and the issuer readings, which each strip them.
"""
from __future__ import annotations

from checker.read.lazy_pattern import lazy

# A site suffix after the title: …报告_某区人民政府, …报告 | 某网, …报告-某某网, …报告 - 首页.
TITLE_SPLIT = lazy(r"[_|]| - |(?<=报告|总结|情况)\s*[-—–]+(?!\d)")
# Site decorations before a title: [权威发布], 【政策解读】 is not one (it says what the page is).
DECORATION = lazy(r"^\s*[\[【](?:权威发布|发布|最新|置顶|转载|原创|头条|重要)[\]】]\s*")
# A breadcrumb (首页 > 政务公开 > 年度法治政府建设情况报告) names the page's column, not the report.
# Also one set after its label with a single step (当前位置:心得体会 > 某某……情况), or a single step
# between two names (政府信息公开 > 法治政府建设年度报告): no title or sentence has ">" between words.
BREADCRUMB_MARK = lazy(r"首页\s*[>＞»]|[>＞»][^>＞»]*[>＞»]|(?:当前|您的|您当前的|当前所在)位置\s*[:：]"
                       r"|[\u4e00-\u9fff]\s*[>＞»]\s*[\u4e00-\u9fff]")
# Markdown's heading marks and bold (**……**); a longer run of stars (****年) masks figures and stays.
MARKUP = lazy(r"^#{1,6}\s*|(?<!\*)\*\*(?!\*)|__")
# A copying site's watermark run into the title (某某之家—全网资源每日更新www.example.com某县……报告):
# the site's name and address, up to the address, are not the title's.
WATERMARK = lazy(r"(?i)^[^。\n]{0,30}?(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org)(?:/\S*)?\s*(?=[\u4e00-\u9fff])")
# A page's 来源/发布机构 line and the body it names (来源:某县人民政府; 来源:陕西日报 names none).
SOURCE_LABEL = r"(?:信息来源|文章来源|来源|发布机构|发布单位|发文机关|发文单位|发布机关|制发机关)[\s:：|]*"
SOURCE_RE = lazy(SOURCE_LABEL + r"([\u4e00-\u9fff]{2,30}?"
                 r"(?:人民政府办公室|人民政府|政府|委员会|局|委|办公室|厅|部|中心|办事处))(?![\u4e00-\u9fff])")
# …or a town or street by its name alone (发布机构 | 蜀山街道 |): the town's government, the street's office
SOURCE_TOWN_RE = lazy(SOURCE_LABEL + r"([\u4e00-\u9fff]{2,20}?(?:街道|镇|乡))(?![\u4e00-\u9fff])")
# An encyclopedia's lead sentence about the document (《某市人民政府2016年度……报告》是2017年某市人民政府发布的报告。):
# the site's words about the report, not the report's, naming who published it, as a 发布机构 line does.
ENCYCLOPEDIA_LEAD = lazy(r"^\s*《[^《》]{4,80}》是(?:(?:19|20)\d{2}\s*年)?([^。《》]{2,30}?)(?:发布|發布|发表|發表|印发|印發|公布)的"
                         r"[\u4e00-\u9fff]{1,6}。\s*$")
LEADING_YEAR = lazy(r"^\s*(?:19|20)\d{2}\s*年?度?")

# Pinyin a mirror or learners' site inserts after a character (區(qū), 關(guān)于, 2024年(nián)): a
# bracketed syllable with a toned vowel right after a Han character.  (一), (2024), (试行) and
# a bracketed Latin word without a tone mark are the text's own and stay.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# The bracket first, the Han character as a look-behind after it: the same matches, but the engine
# jumps from bracket to bracket instead of trying a look-behind at every character (~4× faster).
INSERTED_PINYIN = lazy(rf"[(（](?<=[\u3400-\u9fff][(（])[a-zü{TONED}]{{0,6}}[{TONED}][a-zü{TONED}]{{0,6}}[)）]")


def without_pinyin(text: str) -> str:
    """The text as its reader sees it, the inserted pinyin left out; used for reading the title,
    issuer, year and dates, never for positions (findings point at the original text)."""
    return INSERTED_PINYIN.sub("", text) if "(" in text or "（" in text else text
