"""score(): severity weights, per-rule weights, the global cap and per-rule caps."""
from __future__ import annotations

from checker.check.engine import score
from checker.check.finding import Finding
from tests.conftest import SEEDS, SHARED, needs_seeds


def _f(rule: str, severity: str = "warning") -> Finding:
    return Finding(rule=rule, severity=severity, message="m", line=1, column=1, end_line=1, end_column=1)


def test_rule_caps_limit_per_sentence_rules():
    scoring = {"start": 100, "weights": {"warning": 4}, "rule_weights": {"claim-unquantified": 2},
               "rule_caps": {"claim-unquantified": 12}, "rule_cap": 30}
    assert score([_f("claim-unquantified")] * 20, scoring) == 88


def test_global_cap_applies_without_a_rule_cap():
    assert score([_f("x", "error")] * 5, {"weights": {"error": 15}, "rule_cap": 30}) == 70


def test_national_weights(national):
    s = national.scoring
    assert s["rule_weights"]["section-missing"] > s["rule_weights"]["claim-unquantified"]
    assert score([_f("claim-unquantified")] * 40, s) == 100 - s["rule_caps"]["claim-unquantified"]


def test_per_sentence_rules_weigh_by_length():
    scoring = {"weights": {"warning": 4}, "length_reference": 4000, "length_scaled": ["x"], "rule_cap": 30}
    assert score([_f("x")] * 3, scoring, {"chars": 4000}) == 88
    assert score([_f("x")] * 3, scoring, {"chars": 12000}) == 96  # three in a report three times as long
    assert score([_f("y")] * 3, scoring, {"chars": 12000}) == 88  # only the listed rules are scaled


def test_few_sentences_with_figures_cost_up_to_the_max():
    scoring = {"substance": {"reference": 30, "max": 20}}
    assert score([], scoring, {"chars": 3000, "figure_sentences": 30}) == 100
    assert score([], scoring, {"chars": 3000, "figure_sentences": 15}) == 90
    assert score([], scoring, {"chars": 3000, "figure_sentences": 0}) == 80
    assert score([], scoring) == 100  # without what the document weighs, findings alone


EMPTY = "云溪区人民政府2024年法治政府建设情况报告\n一、2024年主要举措和成效\n二、存在的不足和原因\n三、履行推进法治建设第一责任人职责情况\n四、2025年工作安排"


def _score_of(path_or_text, national) -> int:
    from checker.run.pipeline import check_text

    text = path_or_text.read_text(encoding="utf-8") if hasattr(path_or_text, "read_text") else path_or_text
    return check_text(text, national).score


def test_thin_and_empty_reports_never_score_above_full_ones(national):
    from tests.conftest import SAMPLES

    full = [_score_of(SAMPLES / name, national) for name in ("clean-2024.txt", "department-2024.txt", "prev-2023.txt")]
    thin = [_score_of(SAMPLES / "unquantified-2024.txt", national), _score_of(EMPTY, national),
            _score_of("云溪区人民政府2024年法治政府建设情况报告\n全年审核规范性文件37件。", national)]
    assert max(thin) < min(full)
    assert _score_of(EMPTY.split("\n")[0], national) <= _score_of(EMPTY, national)


@needs_seeds
def test_real_reports_rank_as_a_reviewer_ranks_them(national):
    """闵行 2024 (a long report, many figures) and 宝山 2020 above 长宁区府办 2024 (few figures,
    thin problems and duty parts); every opening of a page (three parts cut off) below all three."""
    scores = {p.name: _score_of(p, national) for p in SEEDS.glob("*.txt")}
    assert scores["changning-office-2024.txt"] < min(scores["minhang-2024.txt"], scores["baoshan-2020.txt"])
    live = [_score_of(p, national) for p in (SHARED / "live").glob("*.txt")]
    assert max(live) < min(scores.values())
    assert _score_of(EMPTY, national) < min(scores.values())


def test_a_note_that_a_check_could_not_run_costs_nothing(national):
    """The deadline rule's info on an undated draft says timeliness was not judged: no deduction."""
    from checker.run.pipeline import check_text
    from tests.conftest import SAMPLES

    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    result = check_text(text, national, "clean-2024.txt")
    assert [(f.rule, f.severity) for f in result.findings] == [("deadline", "info")] and result.score == 100
