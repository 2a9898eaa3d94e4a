"""What a line of a saved page is: the page's furniture (menu, column path, catalogue row, date and
source line, widgets, footer) or the text's own prose.  The parser reads the title block and the
body's bounds with these two tests; the checks use the first to leave furniture out of what they judge.
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import lazy

from . import dates
from .page_marks import ENCYCLOPEDIA_LEAD

# Page furniture at the start of a line (matched), or a breadcrumb anywhere in it (searched):
# two patterns, because one alternation that mixes ^ with unanchored words is tried at every
# position of every line.
HEADER_FURNITURE = lazy(  # also as the first cell of a Markdown table row (| 索引号 | … |) or in brackets ([ 索引号 ] …)
                        r"\s*[|｜\[【]?\s*(?:信息来源|来源|发布时间|发布日期|更新时间|浏览次数|点击数|字号|【字号|所属类目|主题分类|索\s*引\s*号|"
                        r"发文字号|发文日期|成文日期|生成日期|公开类别|公开方式|公开形式|机构名称|发布机构|体\s*裁|当前位置|您现在的位置|高级搜索)")


TABLE_RULE = lazy(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")  # |---|---|
# an image a page converted to Markdown left on its own line (![]() |, ![图片](a.png)): no words of the text
MARKDOWN_IMAGE = lazy(r"^\s*(?:!\[[^\]\n]*\]\([^)\n]*\)[\s|｜]*)+$")


BREADCRUMB = lazy(r"首页\s*>|>\s*正文")


FOOTER_FURNITURE = lazy(
                        r"读屏专用|二维码|附件下载|文件预览|相关文章|相关链接|相关阅读|打印本页|【打印】|关闭窗口|【关闭】|【字号|公网安备|"
                        r"分享到|扫一扫|责任编辑|版权所有|主办单位|承办单位|ICP|网站标识码|技术支持|联系我们|网站地图|上一篇|下一篇")
# The site's own sentences about itself: a document-sharing site's banner (《……报告.docx》由会员分享,可在线阅读,
# ……请在某文库上搜索。), a notice to upgrade the browser (当前浏览器版本过低……请切换至极速模式。)
SITE_NOTICE = lazy(r"由(?:会员|用户)(?:分享|上传)|可在线阅读|浏览器版本过低|(?:更换|升级)[^。]{0,4}浏览器|切换至?极速模式")


# A line made only of a page's widgets (字体大小:【大 中 小】, 分享至, 无障碍 简体|繁体, 登录 | 注册,
# 进入播报模式, 阅读:0): whole-line only, since 无障碍 or 打印 may be words of the report itself.
WIDGET = (r"(?:字体大小|字体|字号|[大中小]|默认|分享至|分享|收藏|打印|朗读|无障碍(?:浏览|访问|阅读)?|长者模式|关怀版|适老化|"
          r"语音播报|进入播报模式|智能问答|简体版?|繁体版?|繁體版?|English|登录|注册|跳转到内容|返回上一页|返回顶部|"
          r"微信公众号|微信|微博|(?:网站)?支持IPv6|手机端|手机版|政务邮箱|(?:阅读|浏览)(?:次数|量)?\s*[:：]?\s*\d*)")


WIDGET_LINE = lazy(rf"[\s|｜/:：【】\[\]()（）·•-]*{WIDGET}(?:[\s|｜/:：【】\[\]()（）·•-]*{WIDGET})*[\s|｜/:：【】\[\]()（）·•-]*",
                  re.I)


WIDGET_MAX = 40  # characters: a longer line is not a widget bar


BULLET = lazy(r"^\s*[•·●▪◆■]\s*")


PROSE_MARKS = "。!?;"


def is_furniture(line: str) -> bool:
    """A page's furniture line (menu, breadcrumb, footer, the page's date/source line)."""
    if BULLET.match(line) and len(line.strip()) < 24:
        return True
    if len(line.strip()) <= WIDGET_MAX and WIDGET_LINE.fullmatch(line.strip()):
        return True
    if HEADER_FURNITURE.match(line) or BREADCRUMB.search(line):
        return True
    if (FOOTER_FURNITURE.search(line) and "。" not in line) or SITE_NOTICE.search(line) or ENCYCLOPEDIA_LEAD.match(line):
        return True  # a footer's word in a sentence (……提供技术支持和数据支撑。) is the text's
    if TABLE_RULE.match(line) or MARKDOWN_IMAGE.match(line) or ("。" not in line and (dates.LEAD_DATE_RE.match(line) or dates.SITE_DATE_RE.match(line))):
        return True  # a table's rule line; a date line that starts with the date (2024年02月29日 17:29 来源:…) or the site's name
    # a page's date line however it is set: 网站名 时间:2022-03-07 来源:…, 日期 : 2026-01-15 …
    return "。" not in line and bool(dates.DATE_LABEL_RE.search(line) or dates.SOURCE_DATE_RE.search(line))


ANNOUNCES = lazy(r"现将.{2,40}如下\s*[:：]?$")  # 现将我局……情况总结如下: a sentence, however short


def is_prose(line: str) -> bool:
    """A line of the text itself: it has a sentence mark, runs long, or announces the report (现将……如下)."""
    stripped = line.strip()
    return any(mark in stripped for mark in PROSE_MARKS) or len(stripped) >= 40 or bool(ANNOUNCES.search(stripped))
