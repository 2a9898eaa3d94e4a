"""The command line as the design brief fixes it: formats, exit codes, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.cli import main

from .conftest import REPO, SAMPLES


def run(*args: str, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=cwd or REPO, timeout=120)


def test_help_is_clear():
    proc = run("--help")
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    for word in ("--format", "--rules", "--fail-on", "--jobs", "-o", "退出码"):
        assert word in out


def test_nonexistent_path_exits_2_with_one_line():
    proc = run("no/such/report.docx")
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert len(err) == 1 and "no/such/report.docx" in err[0]
    assert b"Traceback" not in proc.stderr


def test_unknown_flag_exits_2_with_one_line():
    proc = run("--no-such-flag", str(SAMPLES / "clean-2024.txt"))
    assert proc.returncode == 2 and len(proc.stderr.decode().strip().splitlines()) == 1


def test_bad_rule_file_exits_2_naming_file_rule_field(tmp_path):
    rules = tmp_path / "bad.yaml"
    rules.write_text("extends: national\nrules:\n  - id: my-rule\n    kind: pattern\n    severity: info\n"
                     "    message: m\n    params: {patterns: ['[']}\n", encoding="utf-8")
    proc = run("--rules", str(rules), str(SAMPLES / "clean-2024.txt"))
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert proc.returncode == 2 and len(err) == 1
    assert str(rules) in err[0] and "my-rule" in err[0] and "params.patterns[0]" in err[0]


def test_error_finding_exits_1_and_fail_on_never_exits_0(capsys):
    sample = str(SAMPLES / "missing-duty-2024.txt")
    assert main([sample]) == 1
    assert main([sample, "--fail-on", "never"]) == 0
    assert main([str(SAMPLES / "thin-duty-2024.txt"), "--fail-on", "warning"]) == 1


def test_json_contract_shape(capsys):
    main([str(SAMPLES / "missing-duty-2024.txt"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"tool", "ruleset", "reports", "summary"}
    assert data["tool"]["name"] == "fzcheck" and data["ruleset"] == "national"
    report = data["reports"][0]
    assert set(report) == {"path", "metadata", "sections", "findings", "score"}
    assert set(report["metadata"]) == {"title", "issuer", "year", "published"}
    for section in report["sections"]:
        assert set(section) == {"key", "heading", "line", "embedded"}
    finding = next(f for f in report["findings"] if f["rule"] == "section-missing")
    assert set(finding) == {"rule", "severity", "message", "section", "line", "column", "end_line",
                            "end_column", "excerpt"}
    assert finding["section"] == "duty" and finding["severity"] == "error"
    assert 0 <= report["score"] <= 100
    assert data["summary"]["reports"] == 1 and data["summary"]["error"] >= 1


def test_text_format_lines(capsys):
    main([str(SAMPLES / "missing-duty-2024.txt")])
    out = capsys.readouterr().out
    assert "missing-duty-2024.txt:37:1: error section-missing 缺少“党政主要负责人" in out
    assert "\033[" not in out  # not a TTY: no colour
    assert out.rstrip().splitlines()[-1].startswith("共检查 1 份报告")


def test_output_file_and_directory_recursion(tmp_path):
    out = tmp_path / "sub" / "result.json"
    assert main([str(SAMPLES), "--format", "json", "-o", str(out), "--fail-on", "never", "--jobs", "1"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    paths = [r["path"] for r in data["reports"]]
    assert paths == sorted(paths) and any(p.endswith("clean-2024.txt") for p in paths)
    assert not list(tmp_path.glob("sub/.*.tmp"))


def test_refuses_to_write_over_an_input(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措和成效\n", encoding="utf-8")
    proc = run(str(report), "-o", str(report))
    assert proc.returncode == 2 and report.read_text(encoding="utf-8") == "一、主要举措和成效\n"


def test_stdin(tmp_path):
    data = (SAMPLES / "clean-2024.txt").read_bytes()
    proc = run("-", "--format", "json", stdin=data)
    report = json.loads(proc.stdout)["reports"][0]
    assert report["path"] == "-" and report["metadata"]["year"] == 2024
    assert {s["key"] for s in report["sections"]} >= {"measures", "problems", "duty", "plan"}


def test_unreadable_file_is_a_finding_and_the_batch_goes_on(tmp_path, capsys):
    bad = tmp_path / "a-broken.docx"
    bad.write_bytes(b"this is not a zip file")
    good = tmp_path / "b-good.txt"
    good.write_bytes((SAMPLES / "clean-2024.txt").read_bytes())
    code = main([str(tmp_path), "--format", "json", "--jobs", "1"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    first, second = data["reports"]
    assert first["findings"][0]["rule"] == "input-error" and "docx" in first["findings"][0]["message"]
    assert second["metadata"]["year"] == 2024


def test_python_dash_m_and_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("fzcheck ")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_works_from_another_directory(tmp_path, fmt):
    proc = run(str(SAMPLES / "clean-2024.txt"), "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()


def test_the_command_exits_without_teardown_yet_delivers_all_its_output_and_status(tmp_path):
    """checker.cli.entry skips Python's teardown (os._exit): every byte written to a pipe still
    arrives, the exit status is main()'s, and exit handlers still run."""
    piped = run(str(SAMPLES), "--format", "json", "--no-config")
    assert piped.returncode == 1 and len(piped.stdout) > 40000  # many times the output buffer
    out = tmp_path / "out.json"
    assert run(str(SAMPLES), "--format", "json", "--no-config", "-o", str(out)).returncode == 1
    assert piped.stdout == out.read_bytes()
    assert run(str(SAMPLES / "clean-2024.txt"), "--no-config", "--fail-on", "never").returncode == 0
    assert run("--no-such-flag").returncode == 2
    marker = tmp_path / "atexit-ran"
    code = ("import atexit, sys, pathlib\n"
            f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes')\n"
            f"sys.argv = ['fzcheck', {str(SAMPLES / 'clean-2024.txt')!r}, '--no-config']\n"
            "from checker.cli import entry\n"
            "entry()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=120)
    assert done.returncode == 0 and b"clean-2024.txt" in done.stdout
    assert marker.read_text() == "yes"


def test_closed_standard_output_is_a_usage_error_not_a_traceback(tmp_path):
    """`fzcheck FILE >&-`: nowhere to write the result — one line on stderr, exit 2; with -o the
    run needs no standard output and goes on."""
    sample = SAMPLES / "clean-2024.txt"
    closed = subprocess.run(f'"{sys.executable}" -m checker "{sample}" >&-', shell=True, cwd=REPO,
                            stderr=subprocess.PIPE, text=True, timeout=120)
    assert closed.returncode == 2 and "Traceback" not in closed.stderr
    assert closed.stderr.strip().splitlines() == ["fzcheck: error: 标准输出已关闭，结果无处可写；请用 -o 指定输出文件"]
    out = tmp_path / "out.json"
    written = subprocess.run(f'"{sys.executable}" -m checker "{sample}" --format json -o "{out}" >&-', shell=True,
                             cwd=REPO, stderr=subprocess.PIPE, text=True, timeout=120)
    assert written.returncode == 0 and "Traceback" not in written.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["reports"]
