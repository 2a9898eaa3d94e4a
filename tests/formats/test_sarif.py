"""``--format sarif``: golden output, the official SARIF 2.1.0 schema, code-point regions."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from checker.formats import sarif
from tests import ci_fixtures as fx
from tests.conftest import SAMPLES

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def _fixed(monkeypatch, tmp_path) -> dict:
    monkeypatch.chdir(tmp_path)
    data = sarif.build(fx.run(), fx.ruleset(), fx.Options())
    assert data["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    data["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/"
    return data


def test_golden(monkeypatch, tmp_path):
    data = _fixed(monkeypatch, tmp_path)
    fx.check_golden("sarif/fixed-run.sarif", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_valid_against_official_schema(monkeypatch, tmp_path, validator):
    data = _fixed(monkeypatch, tmp_path)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, errors[0].message


def test_rules_results_and_regions(monkeypatch, tmp_path):
    run = _fixed(monkeypatch, tmp_path)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == ["section-missing", "section-thin", "placeholder", "section-order", "input-error"]
    first = rules[0]
    assert first["name"] == "SectionMissing"
    assert first["shortDescription"]["text"] == "缺少规定必须报告的部分"
    assert first["fullDescription"]["text"].startswith("《法治政府建设")
    assert first["help"]["text"].startswith("按规定") and first["defaultConfiguration"]["level"] == "error"
    assert rules[3]["defaultConfiguration"] == {"level": "note", "enabled": False}
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error", "note", "error"]
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "reports/2024/%E5%8C%BA%E5%8F%B8%E6%B3%95%E5%B1%80%20%E6%8A%A5%E5%91%8A.txt",
                                       "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 7, "snippet": {"text": "××"}}
    # the same rule and excerpt twice in one file: different fingerprints
    assert results[0]["partialFingerprints"] != results[2]["partialFingerprints"]


def test_fingerprint_ignores_line_numbers():
    assert sarif.fingerprint("placeholder", "a.txt", "××", 1) == sarif.fingerprint("placeholder", "a.txt", "××", 1)
    assert sarif.fingerprint("placeholder", "a.txt", "××", 1) != sarif.fingerprint("placeholder", "b.txt", "××", 1)


def test_cli_sarif_on_samples_is_valid(tmp_path, capsys, validator, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    code = main(["samples", "--format", "sarif", "--no-config", "--jobs", "1", "--fail-on", "never"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    errors = list(validator.iter_errors(data))
    assert not errors, errors[0].message
    results = data["runs"][0]["results"]
    assert any(r["ruleId"] == "section-missing" for r in results)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert all(u.startswith("samples/") for u in uris)


def test_columns_are_code_points(tmp_path, capsys, monkeypatch):
    """A CJK excerpt's endColumn - startColumn is its length in code points, not bytes/UTF-16."""
    monkeypatch.chdir(SAMPLES.parent)
    main(["samples/missing-duty-2024.txt", "samples/wrong-plan-year-2024.txt", "--format", "sarif", "--no-config"])
    data = json.loads(capsys.readouterr().out)
    for result in data["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        snippet = region.get("snippet", {}).get("text", "")
        if snippet and "\n" not in snippet and region["startLine"] == region["endLine"]:
            assert region["endColumn"] - region["startColumn"] == len(snippet)
