"""Issue #7: a report beside last year's — plan follow-through, copied text, pairing in a batch,
``--previous``; the matcher's own unit tests are in test_similarity.py."""
from __future__ import annotations

import json
import shutil

import pytest

from checker.check import crossyear
from checker.cli import main
from checker.run.batch import run
from checker.run.pairing import find_pairs, issuer_key, same_issuer
from checker.run.pipeline import check_path, read_document
from checker.run.result import ReportResult
from tests.conftest import SAMPLES, SEEDS, needs_seeds

PREV = SAMPLES / "prev-2023.txt"
NEXT = SAMPLES / "next-2024-followup.txt"


@pytest.fixture(scope="module")
def paired(national):
    return check_path(str(NEXT), national, previous=read_document(str(PREV), national))


def test_two_unaddressed_items_are_listed_with_last_years_wording(paired):
    found = [f for f in paired.findings if f.rule == "plan-unaddressed"]
    assert len(found) == 2
    assert "（三）“推行环评审批告知承诺制”" in found[0].message
    assert "（五）“建立企业环境信用评价制度”" in found[1].message
    for f in found:  # placed at this year's measures heading
        assert f.severity == "info" and f.section == "measures" and f.line == 5
        assert f.excerpt == "一、2024年推进法治政府建设主要举措和成效"


def test_three_addressed_items_are_matched_to_this_years_lines(paired):
    rows = paired.crossyear["plan_followup"]["items"]
    assert [r["label"] for r in rows] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert [r["matched"] for r in rows] == [True, True, False, True, False]
    lines = NEXT.read_text(encoding="utf-8").split("\n")
    assert "排污许可证后监管" in lines[rows[0]["this_line"] - 1]
    assert "线索" in lines[rows[1]["this_line"] - 1] or "赔偿" in lines[rows[1]["this_line"] - 1]
    assert "执法" in lines[rows[3]["this_line"] - 1]
    # a clear margin between matched and unmatched on the sample pair
    assert min(r["score"] for r in rows if r["matched"]) > 0.6 > 0.2 > max(r["score"] for r in rows if not r["matched"])


def test_copied_problems_are_flagged_as_a_warning_with_sentence_pairs(paired):
    found = [f for f in paired.findings if f.rule == "copied-from-previous"]
    assert [(f.section, f.severity) for f in found] == [("problems", "warning")]
    assert found[0].excerpt == "二、存在的不足和原因"
    part = next(p for p in paired.crossyear["copied"] if p["section"] == "problems")
    assert 0.8 <= part["score"] < 0.95
    assert part["same"] == part["sentences"] and all(p["last"] for p in part["pairs"])
    plan = next(p for p in paired.crossyear["copied"] if p["section"] == "plan")
    assert plan["score"] < 0.2


def test_identical_problems_are_an_error(national, tmp_path):
    copy = tmp_path / "copy-2024.txt"
    text = NEXT.read_text(encoding="utf-8")
    prev = PREV.read_text(encoding="utf-8")
    start, end = prev.index("二、存在的不足和原因"), prev.index("三、党政主要负责人")
    mine_start, mine_end = text.index("二、存在的不足和原因"), text.index("三、党政主要负责人")
    copy.write_text(text[:mine_start] + prev[start:end] + text[mine_end:], encoding="utf-8")
    result = check_path(str(copy), national, previous=read_document(str(PREV), national))
    assert [f.severity for f in result.findings if f.rule == "copied-from-previous"] == ["error"]


def test_alone_neither_report_gives_a_cross_year_finding(national):
    for path in (PREV, NEXT):
        result = check_path(str(path), national)
        assert not [f for f in result.findings if f.rule in ("plan-unaddressed", "copied-from-previous")]
        assert result.crossyear == {}


def test_json_contract_is_unchanged_by_the_comparison(paired):
    data = paired.as_dict()
    assert set(data) == {"path", "metadata", "sections", "findings", "score"}
    assert "crossyear" not in json.dumps(data, ensure_ascii=False)


@needs_seeds
def test_negative_control_other_issuer_matches_few_plan_items(national):
    """宝山 2020's plan against 闵行 2024's measures: another district, four years later."""
    result = check_path(str(SEEDS / "minhang-2024.txt"), national,
                        previous=read_document(str(SEEDS / "baoshan-2020.txt"), national))
    rows = result.crossyear["plan_followup"]["items"]
    assert len(rows) == 9
    assert sum(r["matched"] for r in rows) <= 1
    assert not [f for f in result.findings if f.rule == "copied-from-previous"]


# -- pairing -----------------------------------------------------------------------------------

def test_issuer_names_are_compared_after_normalising():
    assert issuer_key(" 云溪区 政府") == "云溪区人民政府"
    assert same_issuer("云溪区生态环境局", "江澜市云溪区生态环境局")
    assert same_issuer(issuer_key("江澜市云溪区政府"), "云溪区人民政府")
    assert not same_issuer("云溪区生态环境局", "云溪区司法局")
    assert not same_issuer("生态环境局", "云溪区生态环境局")  # the missing part is not a place above


def _report(path, issuer, year):
    return ReportResult(path=path, metadata={"title": None, "issuer": issuer, "year": year, "published": None},
                        sections=[], findings=[], score=100)


def test_find_pairs_by_issuer_and_previous_year():
    reports = [_report("a/2024.txt", "云溪区司法局", 2024), _report("b/2023.txt", "江澜市云溪区司法局", 2023),
               _report("c/2023.txt", "云溪区司法局", 2023), _report("d/2022.txt", "云溪区司法局", 2022),
               _report("e/2024.txt", "云溪区人民政府", 2024), _report("-", "云溪区司法局", 2025)]
    # exact name beats the longer form; 2023 pairs with 2022; the government has no 2023; stdin never pairs
    assert find_pairs(reports) == [(0, 2), (1, 3), (2, 3)]


def test_config_pairing_names_issuer_and_year_for_odd_file_names(tmp_path):
    from checker.run import config as cfg

    (tmp_path / ".fzcheck.yaml").write_text(
        "pairing:\n  - files: 'old/*.txt'\n    issuer: 云溪区生态环境局\n    year: 2023\n", encoding="utf-8")
    conf = cfg.load(tmp_path / ".fzcheck.yaml")
    reports = [_report(str(tmp_path / "new.txt"), "云溪区生态环境局", 2024),
               _report(str(tmp_path / "old" / "scan.txt"), None, None)]
    assert find_pairs(reports, conf) == [(0, 1)]
    assert conf.as_dict()["pairing"] == [{"files": ["old/*.txt"], "issuer": "云溪区生态环境局", "year": 2023}]


@pytest.mark.parametrize("text, key", [
    ("pairing:\n  - files: 'x'\n", "pairing[0]"),
    ("pairing:\n  - files: 'x'\n    year: '2023'\n", "pairing[0].year"),
    ("pairing:\n  - files: 'x'\n    issuer: a\n    when: 1\n", "pairing[0].when"),
    ("pairing: {files: x}\n", "pairing"),
])
def test_bad_pairing_entries_name_the_key(tmp_path, text, key):
    from checker.run import config as cfg

    (tmp_path / ".fzcheck.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(cfg.ConfigError) as err:
        cfg.load(tmp_path / ".fzcheck.yaml")
    assert err.value.key == key


def _year_folders(tmp_path, copies=3):
    """The pair in odd places among other samples, several times over."""
    root = tmp_path / "reports"
    for i in range(copies):
        (root / f"unit{i}").mkdir(parents=True)
        shutil.copy(NEXT, root / f"unit{i}" / "b.txt")
        shutil.copy(PREV, root / f"unit{i}" / "a.txt")
        shutil.copy(SAMPLES / "clean-2024.txt", root / f"unit{i}" / "c.txt")
    return root


def test_a_batch_pairs_by_itself_and_jobs_give_identical_json(tmp_path, capsys):
    root = _year_folders(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        main([str(root), "--format", "json", "--jobs", jobs, "--no-config", "--fail-on", "never"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    for report in data["reports"]:
        rules = sorted(f["rule"] for f in report["findings"] if f["rule"] in ("plan-unaddressed", "copied-from-previous"))
        expected = ["copied-from-previous", "plan-unaddressed", "plan-unaddressed"] if report["path"].endswith("b.txt") else []
        assert rules == expected, report["path"]


def test_batch_scores_count_the_cross_year_findings(tmp_path, national):
    root = _year_folders(tmp_path, copies=1)
    files = sorted(str(p) for p in root.rglob("*.txt"))
    result = run(files, national, "national", jobs=1)
    alone = check_path(str(NEXT), national)
    paired = next(r for r in result.reports if r.path.endswith("b.txt"))
    assert paired.score < alone.score and paired.crossyear["plan_followup"]["matched"] == 3


def test_previous_flag_pairs_one_report_by_hand(tmp_path, capsys):
    other = tmp_path / "去年.txt"
    shutil.copy(PREV, other)
    assert main([str(NEXT), "--previous", str(other), "--no-config", "--format", "json", "--fail-on", "never"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum(f["rule"] == "plan-unaddressed" for f in data["reports"][0]["findings"]) == 2
    assert main([str(NEXT), "--previous", str(other), "--no-config", "--fail-on", "warning"]) == 1


def test_previous_flag_usage_errors(tmp_path, capsys):
    assert main([str(NEXT), "--previous", str(tmp_path / "nope.txt"), "--no-config"]) == 2
    assert main([str(NEXT), str(PREV), "--previous", str(PREV), "--no-config"]) == 2
    assert "--previous" in capsys.readouterr().err


def test_previous_from_stdin(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    proc = subprocess.run([sys.executable, "-m", "checker", "-", "--previous", str(PREV), "--no-config",
                           "--format", "json", "--fail-on", "never"], input=NEXT.read_bytes(),
                          capture_output=True, cwd=REPO, timeout=60)
    data = json.loads(proc.stdout)
    assert sum(f["rule"] == "plan-unaddressed" for f in data["reports"][0]["findings"]) == 2


def test_unreadable_previous_is_a_warning_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    main([str(NEXT), "--previous", str(bad), "--no-config", "--format", "json", "--fail-on", "never"])
    findings = json.loads(capsys.readouterr().out)["reports"][0]["findings"]
    assert [f["severity"] for f in findings if f["rule"] == "input-error"] == ["warning"]


def test_html_page_shows_the_followup_table_and_the_copied_sentences(paired, national):
    from checker.formats import html as fmt
    from checker.run.result import RunResult

    page = fmt.render(RunResult(ruleset="national", reports=[paired]), national)
    assert "去年的安排 → 今年的落实" in page and "未找到相应的落实情况" in page
    assert page.count('class="fu-matched"') == 3 and page.count('class="fu-missing"') == 2
    assert "与上年相同程度 92%" in page and "上年第29行：一是执法精准度有待提高。" in page


def test_dashboard_shows_the_trend_per_issuer(tmp_path, national):
    from checker.formats import html as fmt

    root = _year_folders(tmp_path, copies=1)
    result = run(sorted(str(p) for p in root.rglob("*.txt")), national, "national", jobs=1)
    view = fmt.index_view(result, national, pages=None)
    assert [(t["issuer"], [p["year"] for p in t["points"]]) for t in view["trend"]] == [("云溪区生态环境局", [2023, 2024])]
    assert view["trend"][0]["points"][1]["trend"] == "down"
    page = fmt.render_index(result, national, pages=None)
    assert "各单位历年情况" in page


def test_followup_without_a_numbered_plan_uses_sentences(national):
    from checker.parse.parser import parse
    from checker.read.source import Source

    doc = parse(Source(path="p", lines=["云溪区司法局2023年法治政府建设情况报告", "一、主要举措和成效", "全年审核规范性文件12件。",
                                        "二、2024年工作安排", "6月底前出台行政执法案卷评查办法。年内建成8个公共法律服务工作站。"]),
                national.sections)
    items = crossyear.plan_items(doc, [])
    assert [i.text for i in items] == ["6月底前出台行政执法案卷评查办法。", "年内建成8个公共法律服务工作站。"]


def test_pairing_candidates_stay_few_when_names_share_a_tail():
    """Every government's key ends with 人民政府: that shared tail must not make every report of
    the year a candidate for every other (issue 17: pairing was quadratic at 20,000 reports)."""
    from checker.run.pairing import _possible, _suffix_index

    ids = [(f"云溪区第{n}街道人民政府", 2024) for n in range(500)] + [(f"云溪区第{n}街道人民政府", 2023) for n in range(500)]
    ids.append(("江澜市云溪区第7街道人民政府", 2023))
    index = _suffix_index(ids)
    assert _possible(index, "云溪区第7街道人民政府", 2023) == [507, 1000]
    assert max(len(_possible(index, key, year - 1)) for key, year in ids[:500]) <= 2
