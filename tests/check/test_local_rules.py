"""rules/local/: a province's rule set written only in YAML (``extends: national``)."""
from __future__ import annotations

from pathlib import Path

import yaml

from checker.check.ruleset import bundled_names, load, rules_dir, validate


def test_example_province_is_bundled_and_valid():
    assert "example-province" in bundled_names()
    path = rules_dir() / "local" / "example-province.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validate(data, str(path))  # bundled files are not validated at load time; check it here
    assert data["extends"] == "national"


def test_it_changes_only_what_it_says():
    national, local = load("national"), load("example-province")
    assert local.name == "example-province" and local.chain[0].endswith("national.yaml")
    assert local.deadlines == {"government": "03-31", "department": "03-01"} and national.deadlines == {}
    assert local.rule("plan-unaddressed").severity == "warning" != national.rule("plan-unaddressed").severity
    changed = {r.id for r in local.rules
               if (r.severity, r.params, r.message) != (national.rule(r.id).severity, national.rule(r.id).params,
                                                       national.rule(r.id).message)}
    assert changed == {"plan-unaddressed"}
    assert [r.id for r in local.rules] == [r.id for r in national.rules]


def test_the_local_set_has_no_python_of_its_own():
    local = rules_dir() / "local"
    assert not list(local.glob("*.py"))
    assert all(p.suffix == ".yaml" for p in local.iterdir() if p.is_file())


def test_cli_uses_it_by_name(capsys, tmp_path):
    import json

    from checker.cli import main

    page = tmp_path / "司法局.html"
    page.write_text("<html><head><title>云溪区司法局2024年法治政府建设情况报告</title></head><body>"
                    "<h1>云溪区司法局2024年法治政府建设情况报告</h1><p>发布时间：2025-03-10</p>"
                    "<div class='content'><p>一、主要举措和成效</p><p>全年审核规范性文件37件。</p>"
                    "<p>二、存在的不足和原因</p><p>执法规范化水平不高，主要是培训不足。</p>"
                    "<p>三、党政主要负责人履行推进法治建设第一责任人职责情况</p><p>局长主持召开会议研究法治议题4次。</p>"
                    "<p>四、2025年工作安排</p><p>6月底前出台行政执法监督办法。</p></div></body></html>",
                    encoding="utf-8")
    results = {}
    for rules in ("national", "example-province"):
        main([str(page), "--rules", rules, "--no-config", "--format", "json", "--fail-on", "never"])
        data = json.loads(capsys.readouterr().out)
        assert data["ruleset"] == rules
        results[rules] = [f["rule"] for f in data["reports"][0]["findings"] if f["rule"] == "deadline"]
    meta_ok = Path(page).exists()
    assert meta_ok and results == {"national": [], "example-province": ["deadline"]}
