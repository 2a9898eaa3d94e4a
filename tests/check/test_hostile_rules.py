"""Hostile rule files from users: YAML alias bombs, recursion, wrong types, unknown keys, bad
and catastrophic regexes, extends loops, missing files.  Each exits 2 with one line naming the
file (and the rule and field when there is one); none runs code or hangs."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import cli
from checker.check.regex_safety import compile_safe
from checker.check.ruleset import RuleSetError, load

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str, name: str = "my.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _cli_error(tmp_path: Path, rules: str, capsys) -> str:
    sample = REPO / "samples" / "clean-2024.txt"
    code = cli.main([str(sample), "--no-config", "--rules", rules])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def _laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghijklmnop"[:levels - 1]:
        text += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
        previous = name
    return text


def test_billion_laughs_rule_file_fails_fast(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "extends: national\nrules:\n  - id: x\n    kind: pattern\n    severity: info\n"
                            "    message: m\n    params:\n      words: *i\n" + _laughs())
    start = time.perf_counter()
    err = _cli_error(tmp_path, path, capsys)
    assert time.perf_counter() - start < 5
    assert path in err and "alias" in err


def test_billion_laughs_in_a_lexicon(tmp_path: Path) -> None:
    path = _write(tmp_path, _laughs(7).replace("\n", "\n  ").join(["extends: national\nlexicons:\n  ", "\n"]))
    with pytest.raises(RuleSetError, match="alias"):
        load(path)


def test_recursive_alias(tmp_path: Path, capsys) -> None:
    err = _cli_error(tmp_path, _write(tmp_path, "extends: national\nlexicons: &x\n  loop: *x\n"), capsys)
    assert "recursive" in err


def test_python_tags_are_not_executed(tmp_path: Path, capsys) -> None:
    marker = tmp_path / "pwned"
    text = f"extends: national\nname: !!python/object/apply:os.system ['touch {marker}']\n"
    err = _cli_error(tmp_path, _write(tmp_path, text), capsys)
    assert not marker.exists() and "YAML" in err


def test_deeply_nested_yaml(tmp_path: Path, capsys) -> None:
    _cli_error(tmp_path, _write(tmp_path, "extends: national\nx: " + "[" * 50_000 + "]" * 50_000 + "\n"), capsys)


def test_huge_rule_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"extends: national\n# " + b"x" * (3 * 1024 * 1024) + b"\n")
    assert "larger than" in _cli_error(tmp_path, str(path), capsys)


@pytest.mark.parametrize(("text", "rule", "field"), [
    ("extends: 5\n", None, "extends"),
    ("extends: national\nrules: {a: 1}\n", None, "rules"),
    ("extends: national\nrules:\n  - id: section-order\n    severity: 3\n", "section-order", "severity"),
    ("extends: national\nrules:\n  - id: x\n    kind: pattern\n    severity: info\n    message: m\n"
     "    params: {words: 5}\n", "x", "params"),
    ("extends: national\nrules:\n  - id: x\n    kind: pattern\n    severity: info\n    message: m\n"
     "    colour: red\n    params: {words: [a]}\n", "x", None),
    ("extends: national\nsurprise: 1\n", None, None),
])
def test_wrong_types_and_unknown_keys(tmp_path: Path, capsys, text: str, rule, field) -> None:
    path = _write(tmp_path, text)
    err = _cli_error(tmp_path, path, capsys)
    assert path in err
    if rule:
        assert f"rule '{rule}'" in err
    if field:
        assert field in err


@pytest.mark.parametrize("pattern", ["(unclosed", "[z-a]", "a{2,1}", "(?P<x>a)(?P<x>b)"])
def test_regex_that_does_not_compile(tmp_path: Path, capsys, pattern: str) -> None:
    path = _write(tmp_path, "extends: national\nrules:\n  - id: bad-re\n    kind: pattern\n    severity: info\n"
                            f"    message: m\n    params:\n      patterns: ['{pattern}']\n")
    err = _cli_error(tmp_path, path, capsys)
    assert "rule 'bad-re'" in err and "params.patterns[0]" in err and "compile" in err


CATASTROPHIC = [r"(a+)+$", r"((a+))+$", r"(\w+\s?)+$", r"(a|aa)+$", r"(a|a)+$", r"(?:(?:a|b)+c?)+$",
                r"(.*a){12}", r"(a*)*b", r"((ab)*)+$", r"(a?){25}a{25}", r"(?:[一-龥]+，?)+。",
                # issue 18: overlapping alternatives through a capture, a class or a lookahead,
                # and polynomial runs of unbounded repeats
                r"(?:.|(.))*X", r"(?:\w|(\d))+X", r"(?:法|(法))+X", r"(?:(?=a)a|a)+b", r".*.*.*.*.*.*.*.*X",
                r"\d*\d*\d*\d*x"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_regex_is_refused_at_load(tmp_path: Path, capsys, pattern: str) -> None:
    with pytest.raises(ValueError, match="backtracking"):
        compile_safe(pattern, "patterns[0]")
    path = _write(tmp_path, "extends: national\nrules:\n  - id: slow-re\n    kind: pattern\n    severity: info\n"
                            f"    message: m\n    params:\n      patterns: ['{pattern}']\n")
    err = _cli_error(tmp_path, path, capsys)
    assert "rule 'slow-re'" in err and "params.patterns[0]" in err


@pytest.mark.parametrize("pattern", [r"(认真|严格)+", r"[一二三四五六七八九十]+、", r"\d*\d*\d*x",
                                     r"\d+\s*[×xX*]\s*\d+\s*小时", r"A.*B.*C", r"\d+(?:\.\d+)?%", r"第[一二三]+部分",
                                     r"(?:19|20)\d{2}年", r"《[^》]{1,40}》"])
def test_ordinary_patterns_still_compile(pattern: str) -> None:
    compile_safe(pattern, "patterns[0]")


def test_extends_itself_and_loops(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "extends: my.yaml\n")
    assert "extends itself" in _cli_error(tmp_path, path, capsys)
    _write(tmp_path, "extends: b.yaml\n", "a.yaml")
    _write(tmp_path, "extends: a.yaml\n", "b.yaml")
    assert "extends itself" in _cli_error(tmp_path, str(tmp_path / "a.yaml"), capsys)


def test_missing_rule_file_and_missing_parent(tmp_path: Path, capsys) -> None:
    assert "not found" in _cli_error(tmp_path, str(tmp_path / "none.yaml"), capsys)
    path = _write(tmp_path, "extends: nowhere.yaml\n")
    err = _cli_error(tmp_path, path, capsys)
    assert "nowhere.yaml" in err and "extends" in err


def test_rule_file_that_is_not_utf8_or_not_a_mapping(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("extends: national\nname: 规则\n".encode("gbk"))
    _cli_error(tmp_path, str(path), capsys)
    _cli_error(tmp_path, _write(tmp_path, "- just\n- a list\n"), capsys)


def test_rule_file_errors_never_print_a_traceback_in_a_subprocess(tmp_path: Path) -> None:
    path = _write(tmp_path, "extends: national\nrules:\n  - id: r\n    kind: pattern\n    severity: info\n"
                            "    message: m\n    params: {patterns: ['(x+)+y']}\n")
    proc = subprocess.run([sys.executable, "-m", "checker", str(REPO / "samples" / "clean-2024.txt"),
                           "--no-config", "--rules", path], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
