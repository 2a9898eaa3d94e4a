"""Config files: discovery upward, pyproject [tool.fzcheck], strict keys, per-path overrides,
include/exclude, and command-line flags over the file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from checker.cli import main
from checker.run import config as cfg
from checker.run.globs import matches_any
from checker.run.rulesets import RuleSets
from tests.conftest import REPO, SAMPLES


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A reports repository: one folder per year, a government and a department report."""
    (tmp_path / "2024" / "dept").mkdir(parents=True)
    shutil.copy(SAMPLES / "thin-duty-2024.txt", tmp_path / "2024" / "gov.txt")
    shutil.copy(SAMPLES / "thin-duty-2024.txt", tmp_path / "2024" / "dept" / "market.txt")
    shutil.copy(SAMPLES / "missing-duty-2024.txt", tmp_path / "2024" / "dept" / "justice.txt")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, *args) -> tuple[int, dict]:
    code = main([*args, "--format", "json", "--jobs", "1"])
    data = json.loads(capsys.readouterr().out)
    return code, {r["path"].replace("\\", "/"): [(f["rule"], f["severity"]) for f in r["findings"]]
                  for r in data["reports"]}


def test_discovered_from_a_subdirectory_upward(repo, monkeypatch):
    (repo / ".fzcheck.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    monkeypatch.chdir(repo / "sub" / "deeper")
    assert cfg.discover() == str(repo / ".fzcheck.yaml")
    assert cfg.load(cfg.discover()).fail_on == "warning"


def test_yaml_beats_pyproject_and_pyproject_without_table_is_skipped(repo, monkeypatch):
    (repo / "pyproject.toml").write_text("[tool.fzcheck]\nfail_on = 'info'\n", encoding="utf-8")
    (repo / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(repo / "sub")
    found = cfg.discover()
    assert found == str(repo / "pyproject.toml") and cfg.load(found).fail_on == "info"
    (repo / ".fzcheck.yaml").write_text("fail_on: never\n", encoding="utf-8")
    assert cfg.discover() == str(repo / ".fzcheck.yaml")


def test_pyproject_table_with_kebab_keys(repo):
    (repo / "pyproject.toml").write_text(
        "[tool.fzcheck]\nfail-on = 'warning'\nexclude = ['2024/dept/**']\n\n"
        "[[tool.fzcheck.overrides]]\nfiles = '2024/gov.txt'\nseverity = {section-thin = 'error'}\n", encoding="utf-8")
    conf = cfg.load(cfg.discover())
    assert conf.fail_on == "warning" and conf.exclude == ("2024/dept/**",)
    assert conf.overrides[0].changes.severity == (("section-thin", "error"),)


@pytest.mark.parametrize("text, key", [
    ("fail_on: error\ncolour: always\n", "colour"),
    ("overrides:\n  - files: '*.txt'\n    severty: {section-thin: info}\n", "overrides[0].severty"),
    ("ignore:\n  - path: '*.txt'\n    rules: [section-thin]\n    why: old\n", "ignore[0].why"),
    ("severity: {section-thin: fatal}\n", "severity.section-thin"),
    ("disable: [no-such-rule]\n", "disable"),
    ("overrides:\n  - files: '*.txt'\n    params: {section-thin: {no_such_param: 1}}\n",
     "overrides[0].params.section-thin.no_such_param"),
    ("fail_on: sometimes\n", "fail_on"),
])
def test_bad_config_exits_2_naming_file_and_key(repo, text, key):
    (repo / ".fzcheck.yaml").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", "2024"], cwd=repo, capture_output=True, timeout=60)
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(err) == 1 and b"Traceback" not in proc.stderr
    assert ".fzcheck.yaml" in err[0] and key in err[0]


def test_unknown_pyproject_key_names_the_table(repo):
    (repo / "pyproject.toml").write_text("[tool.fzcheck]\nfial_on = 'info'\n", encoding="utf-8")
    with pytest.raises(cfg.ConfigError, match=r"pyproject.toml: \[tool.fzcheck\].fial_on: unknown key"):
        cfg.load(cfg.discover())


def test_invalid_yaml_exits_2(repo):
    (repo / ".fzcheck.yaml").write_text("fail_on: [\n", encoding="utf-8")
    assert main(["2024"]) == 2


def test_per_path_overrides_severity_and_disable(repo, capsys):
    (repo / ".fzcheck.yaml").write_text(
        "draft: true\n"  # the repo holds drafts: no note on the missing publication date
        "severity: {section-thin: info}\n"
        "overrides:\n"
        "  - files: '2024/dept/**'\n"
        "    severity: {section-thin: error}\n"
        "  - files: justice.txt\n"
        "    disable: [section-missing]\n", encoding="utf-8")
    code, found = findings(capsys, "2024")
    assert found["2024/gov.txt"] == [("duty-elements", "warning"), ("section-thin", "info")]
    assert sorted(found["2024/dept/market.txt"]) == [("duty-elements", "warning"), ("section-thin", "error")]
    assert ("section-missing", "error") not in found["2024/dept/justice.txt"]
    assert code == 1


def test_override_changes_params(repo, capsys):
    (repo / ".fzcheck.yaml").write_text(
        "overrides:\n  - files: '2024/gov.txt'\n    params: {section-thin: {min_chars: 1, min_substantive: 0}}\n",
        encoding="utf-8")
    conf = cfg.load(cfg.discover())
    from checker.check.ruleset import load

    base = load("national")
    if "min_chars" not in base.rule("section-thin").params:
        pytest.skip("section-thin params changed")
    sets = RuleSets(base, conf)
    sets.check()
    gov, _ = sets.for_path("2024/gov.txt")
    other, _ = sets.for_path("2024/dept/market.txt")
    assert gov.rule("section-thin").params["min_chars"] == 1
    assert other.rule("section-thin").params == base.rule("section-thin").params
    assert sets.for_path("2024/gov.txt")[0] is gov  # cached per combination of overrides


def test_deadline_shorthand_is_accepted(repo):
    (repo / ".fzcheck.yaml").write_text("overrides:\n  - files: '2024/dept/**'\n    deadline: '03-01'\n",
                                        encoding="utf-8")
    conf = cfg.load(cfg.discover())
    assert conf.overrides[0].deadline == "03-01"
    from checker.check.ruleset import load

    base = load("national")
    sets = RuleSets(base, conf)
    sets.check()
    dept, _ = sets.for_path("2024/dept/market.txt")
    if base.rule("deadline") is not None:
        assert dept.rule("deadline").params["deadline"] == "03-01"
    else:
        assert dept is sets.base


def test_ignore_per_path_and_rule(repo, capsys):
    (repo / ".fzcheck.yaml").write_text(
        "draft: true\nignore:\n  - path: '2024/dept/*'\n    rules: [section-thin, section-missing]\n", encoding="utf-8")
    code, found = findings(capsys, "2024")
    assert found["2024/gov.txt"] == [("duty-elements", "warning"), ("section-thin", "warning")]
    assert not any(rule in ("section-thin", "section-missing") for rule, _ in found["2024/dept/market.txt"])
    assert not any(rule == "section-missing" for rule, _ in found["2024/dept/justice.txt"])


def test_include_and_exclude(repo, capsys):
    (repo / "2024" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (repo / ".fzcheck.yaml").write_text("include: ['*.txt']\nexclude: ['2024/dept/justice.txt']\n", encoding="utf-8")
    _, found = findings(capsys, "2024")
    assert sorted(found) == ["2024/dept/market.txt", "2024/gov.txt"]
    _, found = findings(capsys, "2024", "--exclude", "gov.txt")
    assert sorted(found) == ["2024/dept/market.txt"]


def test_cli_flags_override_the_file(repo, capsys):
    (repo / ".fzcheck.yaml").write_text("fail_on: never\nformat: junit\ndraft: true\n", encoding="utf-8")
    assert main(["2024/dept/justice.txt"]) == 0
    assert capsys.readouterr().out.startswith("<?xml")
    assert main(["2024/dept/justice.txt", "--fail-on", "error", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error")
    assert main(["2024/dept/justice.txt", "--no-config"]) == 1


def test_rules_path_is_relative_to_the_config(repo, monkeypatch, capsys):
    (repo / "local.yaml").write_text("extends: national\nname: local\ndisable: [section-thin, duty-elements]\n",
                                     encoding="utf-8")
    (repo / ".fzcheck.yaml").write_text("rules: local.yaml\ndraft: true\n", encoding="utf-8")
    monkeypatch.chdir(repo / "sub")
    code = main(["../2024/gov.txt", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["ruleset"] == "local" and data["reports"][0]["findings"] == [] and code == 0


def test_show_config(repo, capsys):
    (repo / ".fzcheck.yaml").write_text(
        "fail_on: warning\noverrides:\n  - files: '2024/dept/**'\n    deadline: '03-01'\n", encoding="utf-8")
    assert main(["--show-config", "--jobs", "3"]) == 0
    out = capsys.readouterr().out
    import yaml

    shown = yaml.safe_load(out)
    assert shown["config_file"].endswith(".fzcheck.yaml") and shown["fail_on"] == "warning" and shown["jobs"] == 3
    assert shown["overrides"][0]["deadline"] == "03-01"
    assert shown["sources"]["jobs"] == "command line" and shown["sources"]["fail_on"].endswith(".fzcheck.yaml")


def test_glob_rules():
    rx = matches_any
    assert rx("2024/dept/a.txt", ["2024/dept/**"]) and rx("2024/dept/a.txt", ["dept"])
    assert rx("2024/dept/a.txt", ["*.txt"]) and not rx("2024/dept/a.txt", ["2024/*.txt"])
    assert rx("2024/a.txt", ["2024/*.txt"]) and rx("x/2024/a.txt", ["**/2024/*.txt"])
    assert not rx("2024/dept/a.txt", ["a.md"]) and rx("区/报告.docx", ["区/*.docx"])


def test_the_repository_itself_has_no_config():
    """The project's own pyproject.toml must not accidentally configure fzcheck runs in it."""
    assert cfg.discover(REPO) is None or os.path.dirname(cfg.discover(REPO)) != str(REPO)
