"""The roster: units expected to submit, against a batch — the dashboard, CSV and XLSX say who
has not submitted, who was late, who was on time."""
from __future__ import annotations

import csv
import io

import pytest

from checker.cli import main

from tests.conftest import SAMPLES
from tests.docbuild import make_html

ROSTER = """roster:
  - {name: 云溪区人民政府, level: 区政府}
  - {name: 云溪区司法局, level: 部门, deadline: 2025-03-15}
  - {name: 云溪区市场监督管理局, level: 部门}
  - {name: 云溪区教育局, level: 部门}
  - {name: 云溪区财政局, level: 部门, deadline: "03-20"}
"""
EXPECTED = {"云溪区人民政府": "按时", "云溪区司法局": "逾期", "云溪区市场监督管理局": "按时",
            "云溪区教育局": "未提交", "云溪区财政局": "未提交"}


@pytest.fixture
def batch(tmp_path):
    """Three of five units submitted, as saved web pages with their publication dates: the
    district government and the market regulator on time, the justice bureau after its own
    deadline (2025-03-15)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for sample, published in (("clean-2024.txt", "2025-03-28"), ("missing-duty-2024.txt", "2025-03-20"),
                              ("department-2024.txt", "2025-03-10")):
        lines = (SAMPLES / sample).read_text(encoding="utf-8").splitlines()
        page = make_html(lines[1:], title=lines[0], published=published)
        (folder / sample.replace(".txt", ".html")).write_text(page, encoding="utf-8")
    config = tmp_path / ".fzcheck.yaml"
    config.write_text(ROSTER, encoding="utf-8")
    return folder, config


def _run(batch, *extra) -> int:
    folder, config = batch
    return main([str(folder), "--config", str(config), "--no-progress", *extra])


def test_config_reads_the_roster(batch):
    from checker.run.config import load

    conf = load(batch[1])
    assert [u.name for u in conf.roster][:2] == ["云溪区人民政府", "云溪区司法局"]
    assert conf.roster[1].deadline == "2025-03-15" and conf.roster[4].deadline == "03-20"  # unquoted date kept as text
    assert conf.roster[0].level == "区政府"


def test_bad_roster_entry_is_a_config_error(tmp_path, capsys):
    config = tmp_path / ".fzcheck.yaml"
    config.write_text("roster:\n  - {level: 部门}\n", encoding="utf-8")
    assert main([str(SAMPLES / "clean-2024.txt"), "--config", str(config)]) == 2
    assert "roster" in capsys.readouterr().err


def test_dashboard_shows_who_submitted(batch, tmp_path, capsys):
    out = tmp_path / "site"
    _run(batch, "--format", "html", "-o", f"{out}/")
    assert str(out / "index.html") in capsys.readouterr().err  # the batch says where its dashboard is
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "报送情况" in page and "应报 <b>5</b> 个单位" in page
    import re

    rows = re.findall(r'<tr class="rs-row rs-(\w+)" data-status="\w+">\s*<td>\d+</td>\s*<td>([^<]+)</td>', page)
    labels = {"missing": "未提交", "late": "逾期", "ontime": "按时", "unknown": "未知"}
    assert {name: labels[key] for key, name in rows} == EXPECTED
    assert "未提交 <b>2</b>" in page and "逾期 <b>1</b>" in page and "按时 <b>2</b>" in page


def test_csv_says_who_submitted(batch, capsys):
    _run(batch, "--format", "csv")
    text = capsys.readouterr().out
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["序号", "单位", "层级", "报送情况"]
    assert {r[1]: r[3] for r in body} == EXPECTED
    missing = next(r for r in body if r[1] == "云溪区教育局")
    assert missing[2] == "部门" and all(cell == "" for cell in missing[4:])
    justice = next(r for r in body if r[1] == "云溪区司法局")
    assert justice[header.index("报告年度")] == "2024" and justice[header.index("发布日期")] == "2025-03-20"


def test_xlsx_says_who_submitted(batch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "汇总.xlsx"
    _run(batch, "--format", "xlsx", "-o", str(out))
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "单位", "层级", "报送情况")
    assert {r[1]: r[3] for r in rows[1:]} == EXPECTED
    header = list(rows[0])
    government = next(r for r in rows[1:] if r[1] == "云溪区人民政府")
    assert isinstance(government[header.index("得分")], int)  # numbers stay numbers
    assert sheet.freeze_panes == "A2"


def test_xlsx_needs_an_output_file(capsys):
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_without_roster_one_row_per_report(capsys):
    main([str(SAMPLES / "clean-2024.txt"), str(SAMPLES / "typos-2024.txt"), "--no-config", "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out[1:])))
    assert len(rows) == 3 and rows[1][1] == "云溪区人民政府" and rows[1][3] == ""


def test_report_outside_the_roster_is_listed(batch, tmp_path, capsys):
    folder, config = batch
    (folder / "typos.txt").write_text((SAMPLES / "typos-2024.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _run(batch, "--format", "csv")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out[1:])))
    assert rows[-1][3] == "名单外" and rows[-1][1] == "云溪区城市管理和综合执法局"
