"""The bundled samples: the clean ones give no structural finding, each defect sample its own."""
from __future__ import annotations

import pytest

from checker.run.pipeline import check_path

from .conftest import SAMPLES

STRUCTURE = {"section-missing", "section-order", "section-thin", "section-embedded", "year-mismatch"}

EXPECTED = {
    "clean-2024.txt": set(),
    "department-2024.txt": {("section-order", "duty")},
    "missing-duty-2024.txt": {("section-missing", "duty")},
    "wrong-plan-year-2024.txt": {("year-mismatch", "plan")},
    "out-of-order-2024.txt": {("section-order", "plan")},
    "thin-duty-2024.txt": {("section-thin", "duty")},
    "embedded-duty-2024.txt": {("section-embedded", "duty")},
    "stale-template-2024.txt": set(),
    "thin-causes-2024.txt": set(),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structural_findings(name, national):
    result = check_path(str(SAMPLES / name), national)
    got = {(f.rule, f.section) for f in result.findings if f.rule in STRUCTURE}
    assert got == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_has_title_issuer_and_year(name, national):
    meta = check_path(str(SAMPLES / name), national).metadata
    assert meta["title"] and meta["issuer"] and meta["year"] == 2024


def test_missing_duty_is_placed_before_the_plan(national):
    result = check_path(str(SAMPLES / "missing-duty-2024.txt"), national)
    finding = next(f for f in result.findings if f.rule == "section-missing")
    plan = next(s for s in result.sections if s["key"] == "plan")
    assert finding.line == plan["line"] and finding.excerpt == ""
    assert "第一责任人" in finding.message


def test_wrong_plan_year_points_at_the_year(national):
    result = check_path(str(SAMPLES / "wrong-plan-year-2024.txt"), national)
    finding = next(f for f in result.findings if f.rule == "year-mismatch")
    assert finding.excerpt == "2024年" and "2025" in finding.message


def test_stale_template_gives_exactly_its_three_findings(national):
    """…and the deadline rule's note that a draft with no date cannot be judged for timeliness."""
    result = check_path(str(SAMPLES / "stale-template-2024.txt"), national)
    got = [(f.rule, f.line, f.excerpt) for f in result.findings]
    assert got == [("deadline", 1, "云溪区人民政府2024年法治政府建设情况报告"),
                   ("plan-out-of-period", 3, "《法治政府建设实施纲要（2015—2020年）》"),
                   ("personal-data", 29, "13907318826"),
                   ("problem-unaddressed", 33, "四是法治宣传针对性有待增强。")]


def test_thin_causes_gives_only_the_soft_cause_finding(national):
    """One cause for four problems: cause-thin (info), not cause-missing, and nothing else."""
    result = check_path(str(SAMPLES / "thin-causes-2024.txt"), national)
    got = [f for f in result.findings if f.rule != "deadline"]  # a text without a date: timeliness not judged
    assert [(f.rule, f.severity, f.line) for f in got] == [("cause-thin", "info", 31)]
    assert "4项问题只对应一条原因" in got[0].message
