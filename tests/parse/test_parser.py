"""checker.parse.parser: reports whose parts carry no 一、 numbering are still read part by part."""
from __future__ import annotations

import re

import pytest

from checker.run.pipeline import check_path, check_text
from tests.conftest import SAMPLES
from tests.docbuild import make_docx, make_html

TOP = re.compile(r"^[一二三四五六七八九十]+、")
CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def _unnumbered(text: str, wrap: str = "{}") -> list[str]:
    """The report with 一、…五、 removed from its part titles, each title written as ``wrap``."""
    return [wrap.format(TOP.sub("", line)) if TOP.match(line) else line for line in text.split("\n")]


def _shape(result):
    return [(s["key"], s["line"], s["embedded"]) for s in result.sections]


def _findings(result):
    """The findings, less the deadline rule's note that an undated draft cannot be judged for
    timeliness: it is the same for every layout of the report."""
    return [(f.rule, f.line) for f in result.findings if not (f.rule == "deadline" and f.severity == "info")]


@pytest.fixture(scope="module")
def reference(national):
    result = check_text(CLEAN, national, "clean-2024.txt")
    assert _findings(result) == []
    return result


@pytest.mark.parametrize("name, wrap", [
    ("bare.txt", "{}"),
    ("bold.txt", "**{}**"),
    ("headings.md", "## {}"),
])
def test_unnumbered_part_titles_as_text(name, wrap, reference, national, tmp_path):
    path = tmp_path / name
    path.write_text("\n".join(_unnumbered(CLEAN, wrap)), encoding="utf-8")
    result = check_path(str(path), national)
    assert _shape(result) == _shape(reference)
    assert _findings(result) == []
    assert all(h["label"] == "" for h in result.outline["headings"] if h["level"] == 1)


@pytest.mark.parametrize("name", ["plain.docx", "plain.html"])
def test_unnumbered_part_titles_in_word_and_web_pages(name, reference, national, tmp_path):
    lines = _unnumbered(CLEAN)
    path = tmp_path / name
    path.write_bytes(make_docx(lines) if name.endswith(".docx") else make_html(lines).encode("utf-8"))
    result = check_path(str(path), national)
    assert [s["key"] for s in result.sections] == [s["key"] for s in reference.sections]
    assert [f.rule for f in result.findings if f.severity == "error"] == []


def test_one_bare_line_is_not_an_outline(national):
    """A single line naming a part (a lead-in, a table cell) does not make the report's outline."""
    text = ("云溪区人民政府2024年法治政府建设情况报告\n"
            "全年审核规范性文件37件，办理行政复议案件412件。\n"
            "重点工作\n"
            "全年组织执法培训1,260人次。\n")
    result = check_text(text, national)
    assert result.outline["headings"] == []


def test_numbered_reports_ignore_bare_lines(national):
    """With 一、 parts, a bare line that names a part stays body text."""
    lines = CLEAN.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    lines.insert(at - 1, "工作计划")
    result = check_text("\n".join(lines), national)
    assert all(h["label"] for h in result.outline["headings"])


def test_a_subtitle_is_not_a_part(national):
    """A title-like line before any prose (a subtitle) is not taken for the measures part."""
    lines = _unnumbered(CLEAN)
    lines.insert(1, "——2024年度法治政府建设工作情况")
    result = check_text("\n".join(lines), national)
    assert [s["line"] for s in result.sections if s["key"] == "measures"] == [6]


ITEM = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(.+)$")


def test_labels_alone_above_their_titles(reference, national):
    """一、 and （一） on lines of their own (text copied from a PDF) make the same outline."""
    lines = []
    for line in CLEAN.split("\n"):
        match = ITEM.match(line)
        lines.extend([match.group(1), match.group(2)] if match and "。" not in match.group(2) else [line])
    result = check_text("\n".join(lines), national)
    assert [(s["key"], s["heading"]) for s in result.sections] == \
        [(s["key"], s["heading"]) for s in reference.sections]
    assert _findings(result) == []
    assert len(result.outline["headings"]) == len(reference.outline["headings"])


def test_a_blank_line_between_label_and_title(national):
    from checker.parse.parser import parse
    from checker.read.source import Source

    text = "云溪区人民政府2024年法治政府建设情况报告\n\n一、\n\n2024年主要举措和成效\n\n全年审核规范性文件37件。\n"
    doc = parse(Source(path="t.txt", lines=text.split("\n")), national.sections)
    assert [(h.line, h.label, h.title) for h in doc.headings] == [(3, "一、", "2024年主要举措和成效")]
    assert [s.text for s in doc.sentences if not s.heading] == ["全年审核规范性文件37件。"]


def test_a_split_title_is_not_also_a_sentence(national):
    from checker.parse.parser import parse
    from checker.read.source import Source

    text = "云溪区人民政府2024年法治政府建设情况报告\n一、\n2024年主要举措和成效\n全年审核规范性文件37件。\n"
    doc = parse(Source(path="t.txt", lines=text.split("\n")), national.sections)
    assert [(s.text, s.heading) for s in doc.sentences] == [
        ("一、\n2024年主要举措和成效", True), ("全年审核规范性文件37件。", False)]


def _parts(text: str, national) -> list[tuple[str, int]]:
    from checker.parse.parser import parse
    from checker.read.source import Source

    doc = parse(Source(path="t.txt", lines=text.split("\n")), national.sections)
    return [(s.key, s.line) for s in doc.sections if not s.embedded]


OPENING = ("2024年，某某部坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实《法治政府建设实施纲要"
           "（2021—2025年）》，各项工作取得新进展。")


def test_a_part_title_on_two_unnumbered_lines(national):
    """Ministries print part titles as two short lines with no 一、 and no mark: each pair
    between paragraphs is a part; the first one, naming no statutory item, is the measures."""
    text = "\n".join([
        OPENING,
        "坚持依法科学民主决策",
        "持续提升行政决策质量",
        "全年审核重大行政决策事项12件，组织听证3次，开展合法性审查86件。",
        "深化行政执法体制改革",
        "全面推进严格规范公正文明执法",
        "全年办理行政复议案件45件，纠错7件，组织执法人员培训600人次。",
    ])
    assert _parts(text, national) == [("measures", 2)]


@pytest.mark.parametrize("lines", [
    # one short line between paragraphs: a lead-in or a table cell, not a part title
    [OPENING, "持续提升行政决策质量", "全年审核重大行政决策事项12件，组织听证3次，开展合法性审查86件。"],
    # two short lines closing the text: the signature block
    [OPENING, "全年审核重大行政决策事项12件，组织听证3次，开展合法性审查86件。", "某某县人民政府", "二〇二五年三月"],
    # two short lines with a mark: a list, not a title
    [OPENING, "决策事项：12件", "听证会：3次", "全年开展合法性审查86件，组织执法人员培训600人次。"],
])
def test_short_lines_that_are_no_part_title(lines, national):
    assert _parts("\n".join(lines), national) == []


@pytest.mark.parametrize("heading", ["一、强化主要责任人责任，夯实组织基础", "一、压实主要负责人责任",
                                     "一、严格落实主要负责人职责"])
def test_a_main_leaders_duty_heading_is_the_duty_part(heading, national):
    """主要负责人/主要责任人 with 责任 or 职责 in a part heading names the 第一责任人 part."""
    text = "\n".join(["某某镇2024年度法治政府建设情况报告", OPENING, heading,
                      "镇党委书记主持召开专题会议研究法治建设4次。", "二、存在的不足和原因",
                      "执法培训不足。"])
    assert _parts(text, national) == [("duty", 3), ("problems", 5)]
