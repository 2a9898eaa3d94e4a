"""Loading rule sets: the bundled ones are valid; broken user files exit with file, rule, field."""
from __future__ import annotations

import json

import pytest
import yaml

from checker.check.ruleset import RuleSetError, bundled_names, load, rules_dir, validate


@pytest.mark.parametrize("name", bundled_names())
def test_bundled_rule_sets_match_the_schema(name):
    path = rules_dir() / f"{name}.yaml"
    if not path.is_file():
        path = rules_dir() / "local" / f"{name}.yaml"
    validate(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def test_schema_is_valid_json_schema():
    import jsonschema

    schema = json.loads((rules_dir() / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_national_has_the_fixed_rule_ids():
    ids = {r.id for r in load("national").rules}
    assert {"section-missing", "section-order", "section-thin", "year-mismatch"} <= ids


def _write(tmp_path, text: str, name: str = "my.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_extends_national_overrides_severity_and_params(tmp_path):
    path = _write(tmp_path, "extends: national\nname: mine\nrules:\n"
                            "  - id: section-order\n    severity: warning\n"
                            "  - id: section-thin\n    params:\n      min_chars: {duty: 200}\n")
    ruleset = load(path)
    assert ruleset.name == "mine"
    assert ruleset.rule("section-order").severity == "warning"
    assert ruleset.rule("section-thin").params["min_chars"] == {"duty": 200}
    assert ruleset.rule("section-missing").severity == "error"


def test_disable_a_rule(tmp_path):
    ruleset = load(_write(tmp_path, "extends: national\ndisable: [section-order]\n"))
    assert not ruleset.rule("section-order").enabled


def test_new_rule_in_yaml_only(tmp_path):
    path = _write(tmp_path, "extends: national\nrules:\n  - id: no-dengdeng\n    kind: pattern\n"
                            "    severity: info\n    message: 避免用“等等”结尾\n    params: {words: [等等]}\n")
    from checker.run.pipeline import check_text

    result = check_text("一、主要举措和成效\n推进改革等等。", load(path))
    assert [f.excerpt for f in result.findings if f.rule == "no-dengdeng"] == ["等等"]


@pytest.mark.parametrize("text,expected", [
    ("rules: [\n", "invalid YAML"),
    ("extends: national\nrules:\n  - id: x-y\n    kind: nosuch\n    severity: info\n    message: m\n", "rule 'x-y': field 'kind'"),
    ("extends: national\nrules:\n  - id: x-y\n    kind: pattern\n    severity: fatal\n    message: m\n", "rule 'x-y': field 'severity'"),
    ("extends: national\nrules:\n  - id: x-y\n    kind: pattern\n    severity: info\n    message: m\n    params: {patterns: ['(']}\n", "field 'params.patterns[0]'"),
    ("extends: national\nrules:\n  - id: x-y\n    kind: pattern\n    severity: info\n    message: m\n    params: {patterns: ['(a+)+$']}\n", "catastrophic"),
    ("extends: national\nrules:\n  - id: x-y\n    kind: pattern\n    severity: info\n    message: m\n    params: {colour: red}\n", "field 'params.colour'"),
    ("extends: national\nbogus: 1\n", "unknown key"),
    ("extends: nowhere-such\n", "extends 'nowhere-such'"),
    ("extends: national\nrules:\n  - id: x-y\n    severity: info\n", "rule 'x-y': field 'kind'"),
    ("- just\n- a list\n", "schema" ),
    ("extends: national\nsections:\n  - key: duty\n    heading_patterns: ['(']\n", "field 'sections.duty.heading_patterns[0]'"),
])
def test_broken_rule_files_name_file_rule_field(tmp_path, text, expected):
    path = _write(tmp_path, text)
    with pytest.raises(RuleSetError) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(path)
    if expected != "schema":
        assert expected in message


def test_extends_itself(tmp_path):
    a = _write(tmp_path, "extends: b.yaml\n", "a.yaml")
    _write(tmp_path, "extends: a.yaml\n", "b.yaml")
    with pytest.raises(RuleSetError, match="extends itself"):
        load(a)


def test_missing_rule_file():
    with pytest.raises(RuleSetError, match="not found"):
        load("/nonexistent/rules.yaml")


@pytest.mark.parametrize("name", bundled_names())
def test_bundled_patterns_pass_the_backtracking_checks(name, monkeypatch):
    """A bundled rule set compiles its patterns without the backtracking analysis (it is
    trusted, for a faster start): here every one of them is analysed as a user's would be."""
    from checker.check import regex_safety, ruleset as rs_module

    analysed: list[str] = []
    real = regex_safety._nested_repeat

    def counting(pattern: str) -> bool:
        analysed.append(pattern)
        return real(pattern)

    monkeypatch.setattr(regex_safety, "_nested_repeat", counting)
    monkeypatch.setattr(rs_module, "_is_bundled", lambda path: False)  # analyse as a user's file
    rs_module.load(name)
    assert analysed


def test_a_user_file_extending_national_is_analysed(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("extends: national\nrules:\n  - id: mine\n    kind: pattern\n    severity: info\n"
                    "    message: m\n    params: {patterns: ['(a+)+b']}\n", encoding="utf-8")
    with pytest.raises(RuleSetError, match="catastrophic"):
        load(str(path))
