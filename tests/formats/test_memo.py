"""``--format memo``: the 审查意见 of each report (HTML for print, .docx), and a batch's summary."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from checker.cli import main
from checker.formats import memo
from checker.formats.memo_view import memo_view
from checker.run.pipeline import check_path

from tests.conftest import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_view_groups_opinions_by_part(national):
    report = check_path(str(SAMPLES / "unquantified-2024.txt"), national)
    view = memo_view(report, national, checked="2025-03-01")
    assert view["issuer"] == report.metadata["issuer"] and view["year"] == "2024年度"
    assert [item["status"] for item in view["checklist"]].count("missing") == 0
    numbers = [op["n"] for g in view["groups"] for op in g["opinions"]]
    assert numbers == list(range(1, len(numbers) + 1))
    # one opinion per rule and part: eleven unquantified claims are one opinion with their lines
    claims = [op for g in view["groups"] for op in g["opinions"] if op["rule"] == "claim-unquantified"]
    found = [f for f in report.findings if f.rule == "claim-unquantified"]
    assert len(claims) == len({f.section for f in found}) and f"共 {len(found)} 处" in claims[0]["problem"]
    assert all(op["fix"] for op in claims) and len(claims[0]["excerpts"]) <= 3
    assert sum(len(g["opinions"]) for g in view["groups"]) == view["opinions"]


def test_missing_part_is_an_opinion_under_that_part(national):
    report = check_path(str(SAMPLES / "missing-duty-2024.txt"), national)
    view = memo_view(report, national, checked="2025-03-01")
    duty = next(item for item in view["checklist"] if item["key"] == "duty")
    assert duty["status"] == "missing"
    group = next(g for g in view["groups"] if g["part"] == duty["name"])
    assert group["opinions"][0]["rule"] == "section-missing"
    line = next(f.line for f in report.findings if f.rule == "section-missing")
    assert group["opinions"][0]["where"].startswith(f"第{line}行之前")


def test_html_memo_says_what_a_memo_says(capsys):
    assert main([str(SAMPLES / "typos-2024.txt"), "--no-config", "--format", "memo"]) == 1
    page = capsys.readouterr().out
    for words in ("审查意见", "报送单位", "报告标题", "报告年度", "审查日期", "五项报告内容", "位置：", "原文：",
                  "问题：", "修改建议：", "审核人：", "云溪区城市管理和综合执法局"):
        assert words in page, words
    assert "typos-2024" not in page  # no file names in what a drafter reads
    assert "<script>" not in page.split("</style>", 1)[1].replace("<script></script>", "")


def test_batch_has_a_summary_and_one_memo_per_unit(tmp_path, capsys):
    files = [str(SAMPLES / n) for n in ("missing-duty-2024.txt", "typos-2024.txt", "clean-2024.txt")]
    out = tmp_path / "memos"
    main(files + ["--no-config", "--format", "memo", "-o", f"{out}/"])
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["审查意见汇总.html", "missing-duty-2024-审查意见.html", "missing-duty-2024-审查意见.docx",
                            "typos-2024-审查意见.html", "typos-2024-审查意见.docx", "clean-2024-审查意见.html",
                            "clean-2024-审查意见.docx"])
    summary = (out / memo.SUMMARY_NAME).read_text(encoding="utf-8")
    assert "审查意见汇总" in summary and summary.count('class="memo-page"') == 3
    assert "审查意见汇总" in capsys.readouterr().err


def test_docx_memo(tmp_path, national):
    out = tmp_path / "审查意见.docx"
    assert main([str(SAMPLES / "missing-duty-2024.txt"), "--no-config", "--format", "memo", "-o", str(out)]) == 1
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
    text = "\n".join("".join(p.itertext()) for p in document.iter(f"{W}p"))
    report = check_path(str(SAMPLES / "missing-duty-2024.txt"), national)
    view = memo_view(report, national)
    assert "审查意见" in text and "审核人" in text and "修改建议" in text
    for group in view["groups"]:
        assert group["part"] in text
        for op in group["opinions"]:
            assert f"{op['n']}. 问题：{op['problem']}" in text


def test_golden(national):
    from tests import ci_fixtures as fx

    class Options:
        checked = "2025-03-20"

    page = memo.render(fx.run(), fx.ruleset(), Options())
    body = "<body" + page.split("<body", 1)[1]  # the memo; the stylesheet before it is shared with the pages
    fx.check_golden("memo/fixed-run.html", body.replace(__import__("checker").__version__, "VERSION"))
