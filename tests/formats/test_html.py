"""``--format html``: escaping, self-containment, findings placed in the text, checklist,
deadline status, batch pages with Chinese names, and a golden file of the page structure.

Regenerate the golden files after an intended change of the page structure with
``FZCHECK_UPDATE_GOLDEN=1 pytest tests/formats/test_html.py`` and review the diff.
"""
from __future__ import annotations

import base64
import hashlib
import html as htmllib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from checker import __version__
from checker.check.finding import Finding
from checker.formats import get
from checker.formats import html as fmt
from checker.run.result import RunResult
from tests.browser.htmlcases import (
    INJECTED_NAME,
    INJECTED_TEXT,
    LINES,
    PWN_IMG,
    PWN_SCRIPT,
    fixed_findings,
    fixed_report,
    fixed_ruleset,
    fixed_run,
)

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "html"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
UPDATE = bool(os.environ.get("FZCHECK_UPDATE_GOLDEN"))
CHECKED_LABEL = "审查日期"  # the memo's row whose date is the day the page was made
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ----------------------------------------------------------------------------- helpers

class Outline(HTMLParser):
    """A page reduced to its structure: one line per element (tag, id, class, href, data-*,
    aria-*) and per text run, indented by depth; script and style bodies and version
    strings dropped."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source"}
    KEEP = ("id", "class", "href", "type", "name", "value", "colspan", "scope", "lang", "style")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0
        self.raw = False
        self.checked_next = False

    def handle_starttag(self, tag, attrs):
        keep = []
        for name, value in attrs:
            if name in self.KEEP or name.startswith(("data-", "aria-")):
                keep.append(f'{name}="{_unversion(value or "")}"')
        if tag == "meta" and dict(attrs).get("http-equiv"):
            keep.append(f'http-equiv="{dict(attrs)["http-equiv"]}"')
        self.out.append("  " * self.depth + f"<{tag}{' ' if keep else ''}{' '.join(keep)}>")
        if tag in ("script", "style"):
            self.raw = True
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.depth -= 1
        self.raw = False

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.raw:
            if self.checked_next and ISO_DATE.fullmatch(text):
                text = "TODAY"  # the memo's date checked: the golden page was rendered on another day
            self.checked_next = text == CHECKED_LABEL
            self.out.append("  " * self.depth + _unversion(text))


def _unversion(text: str) -> str:
    """Without the version, and without today's date (the date checked in the page's memo)."""
    import datetime

    text = text.replace(datetime.date.today().isoformat(), "TODAY")
    return re.sub(r"fzcheck \d+\.\d+[\w.+-]*", "fzcheck VERSION", text)


def outline(page: str) -> str:
    parser = Outline()
    parser.feed(page)
    parser.close()
    return "\n".join(parser.out) + "\n"


def check_golden(name: str, page: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {path} was missing and has been written; review and commit it")
    expected = outline(path.read_text(encoding="utf-8"))
    actual = outline(page)
    assert actual == expected, f"{name}: page structure changed (FZCHECK_UPDATE_GOLDEN=1 to accept)"


def scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)


# ----------------------------------------------------------------------------- golden

def test_golden_report_page():
    check_golden("report.html", fmt.render(fixed_run(), fixed_ruleset()))


def test_golden_index_page():
    second = fixed_report(findings=[], path="子目录/另一份报告.txt", published="2025-04-08")
    run = fixed_run([fixed_report(), second])
    check_golden("index.html", fmt.render_index(run, fixed_ruleset(), pages=fmt.page_names(run.reports)))


def test_outline_ignores_version_strings():
    page = fmt.render(fixed_run(), fixed_ruleset())
    assert __version__ in page
    assert __version__ not in outline(page).replace("VERSION", "")


# ----------------------------------------------------------------------------- safety

def test_report_text_is_escaped(national):
    from checker.run.pipeline import check_text

    report = check_text(INJECTED_TEXT, national, path=INJECTED_NAME)
    page = fmt.render(RunResult(ruleset="national", reports=[report]), national)
    assert "window.__pwned" in page  # the text is shown …
    assert PWN_SCRIPT not in page and PWN_IMG not in page  # … but never as markup
    assert "<b>注入" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;b&gt;注入报告2024.txt" in page
    assert len(re.findall(r"<script", page)) == 1
    assert "onerror=" not in page.replace("onerror=&#34;", "").replace("onerror=&quot;", "")


def test_only_the_pages_own_script_may_run():
    page = fmt.render(fixed_run(), fixed_ruleset())
    [body] = scripts(page)
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in htmllib.unescape(csp)
    assert "default-src 'none'" in htmllib.unescape(csp)


@pytest.mark.parametrize("which", ["report", "index"])
def test_pages_are_self_contained(which):
    run = fixed_run([fixed_report(), fixed_report(path="b.txt")])
    page = fmt.render(run if which == "index" else fixed_run(), fixed_ruleset())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    assert "<link" not in page
    assert '<html lang="zh-CN">' in page


def test_jinja_is_imported_only_by_the_html_format():
    import subprocess
    import sys

    code = "import sys, checker.cli, checker.formats.text, checker.formats.json; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------------- the text

def page_of(report=None, ruleset=None) -> str:
    return fmt.render(fixed_run([report or fixed_report()]), ruleset or fixed_ruleset())


def test_every_finding_has_an_item_a_place_and_a_note():
    page = page_of()
    for n, f in enumerate(fixed_findings(), start=1):
        assert f'id="fi-{n}"' in page and f'data-rule="{f.rule}"' in page
        assert page.count(f'id="f-{n}"') == 1, f"finding {n} must have exactly one anchor in the text"
        assert page.count(f'id="n-{n}"') == 1, f"finding {n} must have exactly one note"
        assert htmllib.escape(f.message, quote=False) in page or f.message in page
        assert f'href="#rule-{f.rule}"' in page
    assert len(re.findall(r'<li class="fi ', page)) == len(fixed_findings())


def test_overlapping_findings_are_both_marked():
    page = page_of()
    numbers = {f.rule + f.excerpt: n for n, f in enumerate(fixed_findings(), start=1)}
    both = f'{numbers["claim-unquantified各项工作取得显著成效，群众满意度大幅提升。"]} {numbers["slogan大幅提升"]}'
    assert re.search(rf'<mark class="hl sev-warning multi" data-f="{both}"[^>]*>大幅提升。?</mark>', page)


def test_a_span_across_lines_is_marked_on_each_line():
    page = page_of()
    n = [i for i, f in enumerate(fixed_findings(), start=1) if f.end_line > f.line][0]
    assert re.search(rf'data-f="{n}"[^>]*>执法水平不断提高，</mark>', page)
    assert re.search(rf'data-f="{n}"[^>]*>队伍素质明显增强。</mark>', page)


def test_missing_part_is_shown_where_it_belongs():
    page = page_of()
    gap = page.index('class="gapmark gap-block sev-error"')
    assert "缺少“党政主要负责人履行推进法治建设第一责任人职责情况”" in page[gap:gap + 400]
    assert page.index('id="L10"') < gap < page.index('id="L11"')


def test_a_gap_inside_a_line_and_a_finding_outside_the_text():
    page = page_of()
    line10 = page[page.index('id="L10"'):page.index('id="L11"')]
    assert 'class="gapmark sev-info"' in line10
    assert "涉及全文的问题" in page  # the input-error on line 99


def test_outline_headings_and_title():
    page = page_of()
    assert re.search(r'class="blk k-title" id="L1">\s*<a[^>]*>1</a>\s*<h2 class="txt hd">', page)
    assert re.search(r'class="blk k-heading lv-1" id="L4">\s*<a[^>]*>4</a>\s*<h3 class="txt hd">', page)
    # a heading that runs on into body text stays a paragraph with a bold run-in part
    assert re.search(r'id="L5">\s*<a[^>]*>5</a>\s*<p class="txt"><b class="runin">（一）健全依法决策机制</b>', page)
    assert "【举措和成效】" in page


def test_checklist_and_deadline():
    view = fmt.report_view(fixed_report(), fixed_ruleset())
    status = {c["key"]: c["status"] for c in view["checklist"]}
    assert status == {"measures": "present", "problems": "present", "duty": "missing", "plan": "present",
                      "other": "optional"}
    assert [c["key"] for c in view["checklist"]] == ["measures", "problems", "duty", "plan", "other"]
    assert view["deadline"]["label"] == "按时"


@pytest.mark.parametrize("published, year, findings, label", [
    ("2025-03-31", 2024, [], "按时"),
    ("2025-04-01", 2024, [], "逾期"),
    (None, 2024, [], "未知"),
    ("2025-03-01", None, [], "未知"),
    ("2025-03-01", 2024, [Finding("deadline", "error", "逾期公开", 1, 1, 1, 1)], "逾期"),
])
def test_deadline_status(published, year, findings, label):
    report = fixed_report(findings=findings, published=published)
    report.metadata["year"] = year
    assert fmt.deadline_status(report)["label"] == label


def test_empty_and_unreadable_reports_render():
    from checker.run.pipeline import input_error_result

    report = input_error_result("坏文件.docx", "文件已损坏")
    page = fmt.render(RunResult(ruleset="national", reports=[report]), fixed_ruleset())
    assert "没有可显示的报告文字" in page and 'id="f-1"' in page


def test_format_is_registered():
    assert get("html") is fmt


# ----------------------------------------------------------------------------- batch

def test_page_names_keep_chinese_and_are_unique():
    reports = [fixed_report(path=p) for p in ("甲/报告.txt", "乙/报告.docx", "<b>注入?.txt", "-", "index.txt", "")]
    names = fmt.page_names(reports, reserved={"index.html"})
    assert names[0] == "报告.html" and names[1] == "报告-2.html"
    assert "<" not in names[2] and "?" not in names[2]
    assert names[3] == "stdin.html" and names[4] == "index-2.html"
    assert len(set(names)) == len(names)


def test_write_one_file(tmp_path):
    target = tmp_path / "审查意见.html"
    fmt.write(fixed_run(), fixed_ruleset(), None, str(target))
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["审查意见.html"]


def test_write_a_batch_directory(tmp_path):
    run = fixed_run([fixed_report(path="报告/宝山区.txt"), fixed_report(path="报告/<b>注入.txt"),
                     fixed_report(path="另/宝山区.docx")])
    out = tmp_path / "输出"
    fmt.write(run, fixed_ruleset(), None, str(out) + "/")
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<td class="c-name"[^>]*>\s*<a href="([^"]+)"', index)
    assert len(hrefs) == 3
    for href in hrefs:
        assert (out / unquote(htmllib.unescape(href))).is_file()
        assert "%" in href  # Chinese names are percent-encoded in links
    page = (out / "宝山区.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in page


def test_cli_writes_a_batch_with_chinese_names(tmp_path, national):
    from checker.cli import main

    src = tmp_path / "各单位报告"
    src.mkdir()
    for sample in ("clean-2024.txt", "missing-duty-2024.txt"):
        (src / f"区司法局-{sample}").write_text((SAMPLES / sample).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "审查结果"
    code = main([str(src), "--format", "html", "-o", str(out) + "/", "--jobs", "1", "--fail-on", "never"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "区司法局-clean-2024.html",
                                                     "区司法局-missing-duty-2024.html"]
    page = (out / "区司法局-missing-duty-2024.html").read_text(encoding="utf-8")
    assert "section-missing" in page


def test_json_output_is_unchanged_by_the_extra_fields(national):
    from checker.run.pipeline import check_text

    report = check_text("\n".join(LINES), national)
    assert report.outline["headings"] and report.lines
    assert set(report.as_dict()) == {"path", "metadata", "sections", "findings", "score"}
    json.dumps(report.as_dict())


def test_a_label_alone_and_its_title_below_are_one_heading(national):
    from checker.run.pipeline import check_text
    from checker.run.result import RunResult

    text = ("云溪区人民政府2024年法治政府建设情况报告\n一、\n2024年主要举措和成效\n"
            "全年审核规范性文件37件。\n")
    page = fmt.render(RunResult(ruleset="national", reports=[check_text(text, national)]), national)
    assert re.search(r'class="blk k-heading lv-1" id="L2">\s*<a[^>]*>2</a>\s*<h3 class="txt hd">', page)
    assert re.search(r'class="blk k-heading lv-1" id="L3">\s*<a[^>]*>3</a>\s*<h3 class="txt hd">', page)
    assert re.search(r'id="L4">\s*<a[^>]*>4</a>\s*<p class="txt">', page)


def test_the_page_shows_the_coverage_map(national):
    """Task area / indicator → where it is named, with a figure or not; ✗ for what is never named."""
    from checker.run.pipeline import check_text

    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    text = text.replace("，行政机关负责人出庭应诉率100%", "").replace("修订区突发事件总体应急预案，组织应急演练26场，参演4,300人次。", "")
    page = fmt.render(RunResult(ruleset="national", reports=[check_text(text, national)]), national)
    table = page[page.index('<table class="coverage-map"'):]
    table = table[:table.index("</table>")]

    def row(name: str) -> tuple[str, str]:
        found = re.search(r'<tr class="cov-(\w+)">(?:<th[^>]*>[^<]*</th>)?\s*<td>' + re.escape(name) + r"</td>\s*<td>(.*?)</td>",
                          table, re.S)
        assert found, name
        return found.group(1), found.group(2)

    assert row("突发事件应对")[0] == "missing" and "没有提到" in row("突发事件应对")[1]
    assert row("行政机关负责人出庭应诉率")[0] == "missing"
    status, cell = row("行政复议收案和纠错")
    assert status == "present" and 'href="#L25"' in cell and "有数据" in cell


def test_no_coverage_map_for_a_short_report(national):
    from checker.run.pipeline import check_text

    page = fmt.render(RunResult(ruleset="national", reports=[check_text("\n".join(LINES), national)]), national)
    assert '<table class="coverage-map"' not in page


def test_each_rule_lists_its_places_once(national):
    from checker.run.pipeline import check_text

    report = check_text((SAMPLES / "unquantified-2024.txt").read_text(encoding="utf-8"), national)
    page = fmt.render(RunResult(ruleset="national", reports=[report]), national)
    article = page[page.index('id="rule-claim-unquantified"'):]
    article = article[:article.index("</article>")]
    assert article.count('<a href="#fi-') == 9 and "第9行" in article
    # on screen; the print-only memo (.memo-print, issue 16) gives its own advice once more
    screen = page[:page.index('<div class="memo-print">')] + page[page.index('<header class="top">'):]
    assert screen.count(national.rule("claim-unquantified").fix) == 1


def _trend_rows(names_years: list[tuple[str, int]]) -> list[dict]:
    """Dashboard rows with just what the trend view reads."""
    return [{"issuer": name, "year": year, "n": n, "score": 90 - n % 7, "score_band": "good", "counts": {},
             "href": f"r{n}.html", "name": f"r{n}"} for n, (name, year) in enumerate(names_years)]


def test_trend_groups_issuers_as_pairing_compares_them():
    """A name with higher places in front, 区政府 for 区人民政府 and spaces are one issuer; a bare
    tail shorter than four characters or with no place in front is not (the same test as pairing)."""
    from checker.formats.html_index import trend_view

    rows = _trend_rows([("云溪区人民政府", 2023), ("江澜市云溪区 政府", 2024), ("云溪区司法局", 2024),
                        ("东城区司法局", 2023), ("司法局", 2024), ("江澜市云溪区司法局", 2023)])
    trend = trend_view(rows)
    assert [(t["issuer"], [p["name"] for p in t["points"]]) for t in trend] == [
        ("云溪区人民政府", ["r0", "r1"]), ("云溪区司法局", ["r5", "r2"])]


def test_trend_of_many_issuers_is_not_name_by_name(monkeypatch):
    """3,000 distinct issuers: each row is compared only with the groups filed under its own
    name's tails (name by name would be 4.5 million comparisons; 10⁵ reports never finished)."""
    import checker.run.pairing as pairing
    from checker.formats.html_index import trend_view

    calls = []
    real = pairing.same_issuer
    monkeypatch.setattr(pairing, "same_issuer", lambda a, b: calls.append(1) or real(a, b))
    rows = _trend_rows([(f"江澜市第{n}区司法局", 2023 + n % 2) for n in range(3000)])
    assert trend_view(rows) == []
    assert len(calls) < 100
