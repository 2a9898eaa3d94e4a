"""HTML reader: report text out of saved government pages, furniture and scripts left behind."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.read.dispatch import read_bytes, read_path  # noqa: E402
from checker.read.html import read_html  # noqa: E402
from checker.read.source import InputError  # noqa: E402
from tests.docbuild import make_html  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if SHARED.is_dir() else []

TITLE = "某区人民政府2024年法治政府建设情况报告"
REPORT = [
    TITLE,
    "2024年，区政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
    "一、2024年推进法治政府建设的主要举措和成效",
    "（一）坚持党的领导，全面落实法治建设责任。区政府常务会议专题学法12次，培训执法人员2300人次。",
    "（二）严格规范公正文明执法。全年开展行政执法检查156次，行政复议纠错率为8.6%。",
    "二、存在的不足和原因",
    "一是行政执法规范化水平仍需提升，二是基层法治队伍力量相对薄弱。",
]
FURNITURE = ["读屏专用", "声音开关", "语速", "当前位置", "首页", "政务公开", "主办单位", "ICP备案",
             "网站标识码", "分享到", "相关文章", "信息来源", "字号", "打印本页", "搜索", "统计代码",
             "脚本里的段落", "hover", "请输入关键词"]


def lines_of(page: str, encoding: str = "utf-8") -> list[str]:
    return read_bytes(page.encode(encoding), "page.html").lines


def test_furniture_is_removed_and_report_kept() -> None:
    source = read_bytes(make_html(REPORT, published="2025-03-20").encode(), "page.html")
    assert source.lines == REPORT
    text = "\n".join(source.lines)
    for word in FURNITURE:
        assert word not in text, word
    assert source.kind == "html" and source.expects_date


def test_title_and_published_from_meta() -> None:
    source = read_bytes(make_html(REPORT, published="2025-03-20").encode(), "page.html")
    assert source.title_hint == TITLE
    assert source.published == "2025-03-20"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("发布时间：2021-02-23 10:30:00", "2021-02-23"),
        ("发布日期：2021年2月3日", "2021-02-03"),
        ("发布时间 2021/2/23", "2021-02-23"),
        ("日期：2021.02.23", "2021-02-23"),
        ("更新时间：2021-12-01 08:00", "2021-12-01"),
    ],
)
def test_published_from_labelled_page_text(label: str, expected: str) -> None:
    page = (f"<html><head><title>{TITLE}_某市政府</title></head><body>"
            f"<div class='info'>{label}</div><div class='content'>"
            + "".join(f"<p>{line}</p>" for line in REPORT) + "</div></body></html>")
    assert read_bytes(page.encode(), "p.html").published == expected


def test_meta_date_variants_and_invalid_dates() -> None:
    head = '<meta property="article:published_time" content="2024-03-05T08:00:00+08:00">'
    page = f"<html><head>{head}</head><body><p>{REPORT[1]}</p></body></html>"
    assert read_bytes(page.encode(), "p.html").published == "2024-03-05"
    page = "<html><body><p>发布时间：2024-13-45</p></body></html>"
    assert read_bytes(page.encode(), "p.html").published is None


def test_title_from_title_tag_without_site_suffix() -> None:
    for sep in ("_", "|", " - "):
        page = f"<html><head><title>{TITLE}{sep}上海市某区人民政府</title></head><body><div id='zoom'><p>{REPORT[1]}</p></div></body></html>"
        source = read_bytes(page.encode(), "p.html")
        assert source.title_hint == TITLE
        assert source.lines == [TITLE, REPORT[1]]  # title prepended: not the first content line


def test_title_not_repeated_when_content_starts_with_it() -> None:
    source = read_bytes(make_html(REPORT, title=TITLE).encode(), "p.html")
    assert source.lines.count(TITLE) == 1


def test_script_inside_report_text_is_text() -> None:
    lines = ["关于在网页中禁止使用<script>标签的规定已落实。", "示例：<p>不是段落</p> & 其他"]
    source = read_bytes(make_html(lines, title=TITLE).encode(), "p.html")
    assert source.lines[1:] == lines


def test_blocks_breaks_and_tables() -> None:
    page = (
        "<html><body><div class='TRS_Editor'>\n"
        "<p>第一段，<b>加粗</b>部分\n继续</p>\n"
        "<div>第二段<br>第二段下一行<br/><br/>第三行</div>\n"
        "<table><tr><th>项目</th><th>数量</th></tr>\n<tr><td>行政复议</td><td>12件</td></tr></table>\n"
        "<ul><li>列表一</li><li>列表二</li></ul>\n"
        "<h2>二、存在的不足</h2>\n"
        "</div></body></html>"
    )
    assert lines_of(page) == ["第一段，加粗部分 继续", "第二段", "第二段下一行", "第三行",
                              "项目\t数量", "行政复议\t12件", "列表一", "列表二", "二、存在的不足"]


def test_whitespace_ascii_collapsed_but_nbsp_and_ideographic_space_kept() -> None:
    page = "<html><body><div class='content'><p>  a \t\n b&nbsp;&nbsp;c\u3000d  </p><p>&nbsp;\u3000</p></div></body></html>"
    assert lines_of(page) == ["a b\xa0\xa0c\u3000d"]


def test_origins_point_at_source_lines() -> None:
    page = "<html>\n<body>\n<div class='content'>\n<p>第一段</p>\n\n<p>第二段</p>\n</div>\n</body>\n</html>"
    source = read_bytes(page.encode(), "p.html")
    assert [o.line for o in source.origins] == [4, 6]


def test_gbk_page_with_meta_charset() -> None:
    page = make_html(REPORT, published="2025-03-20", charset="gb2312")
    source = read_bytes(page.encode("gbk"), "p.htm")
    assert source.lines == REPORT
    assert source.encoding == "gb18030"


def test_layout_table_page_without_content_class() -> None:
    article = "".join(f"<p>{line}</p>" for line in REPORT)
    page = ("<html><body><table><tr><td class='left'><a>首页</a><br><a>机构概况</a></td>"
            f"<td>{article}</td></tr></table><div>版权所有 某区人民政府</div></body></html>")
    assert lines_of(page) == REPORT


def test_aspnet_form_wrapper_is_not_dropped() -> None:
    article = "".join(f"<p>{line}</p>" for line in REPORT)
    page = f"<html><body><form id='form1'><div class='nav'>首页</div><div>{article}</div></form></body></html>"
    assert lines_of(page) == REPORT


def test_furniture_by_tag_and_by_class() -> None:
    article = "".join(f"<p>{line}</p>" for line in REPORT)
    page = ("<html><body><nav>首页 政务公开</nav><header>某区人民政府</header>"
            "<div id='wzaBar'>无障碍 读屏专用</div><div class='crumbs'>当前位置</div>"
            f"<article>{article}<div class='bdsharebuttonbox'>分享到</div><div class='ewm'>扫一扫</div></article>"
            "<footer>主办单位</footer><aside>热点</aside></body></html>")
    text = "\n".join(lines_of(page))
    for word in ("首页", "某区人民政府\n", "无障碍", "当前位置", "分享到", "扫一扫", "主办单位", "热点"):
        assert word not in text
    assert lines_of(page) == REPORT


def test_empty_and_odd_pages() -> None:
    assert read_bytes(b"", "p.html").lines == []
    assert read_bytes(b"   \n", "p.html").lines == []
    assert read_bytes(b"<html></html>", "p.html").lines == []
    assert read_bytes("<p>只有一段</p>".encode(), "p.html").lines == ["只有一段"]


def test_deeply_nested_page_does_not_crash() -> None:
    depth = 5000
    page = "<html><body>" + "<div>" * depth + "<p>正文内容</p>" + "</div>" * depth + "</body></html>"
    try:
        source = read_bytes(page.encode(), "p.html")
    except InputError as exc:
        assert exc.problem
    else:
        assert all(isinstance(line, str) for line in source.lines)


def test_comments_and_entities_are_safe(tmp_path: Path) -> None:
    page = ('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
            "<div class='content'><!-- 注释不是正文 --><p>正文&x;结束</p></div></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    source = read_path(str(path))
    text = "\n".join(source.lines)
    assert "注释" not in text and "root:" not in text
    assert path.read_text(encoding="utf-8") == page


def test_read_html_nul_is_input_error() -> None:
    with pytest.raises(InputError):
        read_html(b"<html>\x00\x00\x00</html>", "p.html")


@pytest.mark.skipif(not SEEDS, reason="shared seeds not available")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_real_seeds_survive_a_round_trip(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8").splitlines()
    expected = [re.sub(r"[ \t\n\r\f\v]+", " ", line.strip()) for line in raw if line.strip()]
    source = read_bytes(make_html(raw, title=TITLE, published="2025-03-20").encode(), seed.name + ".html")
    got = [line.strip() for line in source.lines if line.strip()]
    assert got[0] == TITLE == source.title_hint  # the page title, prepended
    assert got[1:] == expected
    assert source.published == "2025-03-20"


def test_sample_html_matches_its_text() -> None:
    repo = Path(__file__).resolve().parents[2]
    html_path, txt_path = repo / "samples" / "clean-2024.html", repo / "samples" / "clean-2024.txt"
    if not (html_path.is_file() and txt_path.is_file()):
        pytest.skip("samples not generated yet (scripts/make_samples.py)")
    expected = [line.strip() for line in txt_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert read_path(str(html_path)).lines == expected


def _page(title_tag: str, heading: str) -> str:
    """A page whose <title> is ``title_tag`` and whose report title is set as ``heading``, outside
    the article's text, with a link to another year's report beside it."""
    body = "".join(f"<p>{line}</p>" for line in REPORT[1:])
    return (f"<html><head><meta charset='utf-8'><title>{title_tag}</title></head><body>"
            "<ul class='links'><li><a href='/x'>某区人民政府2023年法治政府建设情况报告</a></li></ul>"
            f"<div class='article'>{heading}<div class='content'>{body}</div></div></body></html>")


@pytest.mark.parametrize("heading", [
    f"<h1>{TITLE}</h1>",
    f"<div class='tit'>{TITLE}</div>",  # a CMS's short class name
    f"<div class='art_bt'>{TITLE}</div>",
    f"<div>{TITLE}</div>",  # no class at all: the nearest title-like line above the content
])
def test_a_sites_name_in_the_title_tag_does_not_hide_the_reports_title(heading) -> None:
    source = read_bytes(_page("某区人民政府门户网站", heading).encode(), "page.html")
    assert source.title_hint == TITLE and source.lines[0] == TITLE


def test_a_page_with_only_the_sites_name_and_a_link_has_no_title() -> None:
    """The link beside the article names another year's report: not this page's title."""
    source = read_bytes(_page("某区人民政府门户网站", "").encode(), "page.html")
    assert source.title_hint is None


@pytest.mark.parametrize("info, published, issuer", [
    ("<span class='date'>2025-03-21</span>", "2025-03-21", None),  # a bare date in the article's info line
    ("2025-03-21 10:20 来源：岚山县司法局", "2025-03-21", "岚山县司法局"),  # the date, then the source
    ("<span>发布时间：2025-03-21</span> <span>来源：岚山县司法局</span>", "2025-03-21", "岚山县司法局"),
])
def test_the_pages_info_line_above_the_text_dates_it_and_names_its_source(info, published, issuer) -> None:
    """The content's container leaves the info line out of the text; the reader keeps it aside."""
    from checker.check.ruleset import load
    from checker.run.pipeline import check_source

    body = "".join(f"<p>{line}</p>" for line in ["2024年，我局坚持依法行政。", *REPORT[2:]])
    page = (f"<html><head><meta charset='utf-8'><title>2024年度法治政府建设情况报告</title></head><body>"
            f"<div class='article'><h1>2024年度法治政府建设情况报告</h1><div class='info'>{info}</div>"
            f"<div class='content'>{body}</div></div></body></html>")
    source = read_bytes(page.encode(), "page.html")
    assert source.page_info and not any("来源" in line or "2025-03-21" in line for line in source.lines)
    meta = check_source(source, load("national")).metadata
    assert meta["published"] == published and meta["issuer"] == issuer


def test_a_title_tag_with_the_publisher_after_a_dash() -> None:
    page = ("<html><head><meta charset='utf-8'><title>2024年度法治政府建设情况报告-岚山县司法局</title></head>"
            "<body><div class='content'>" + "".join(f"<p>{line}</p>" for line in REPORT[1:]) + "</div></body></html>")
    assert read_bytes(page.encode(), "page.html").site_names == ("岚山县司法局",)
