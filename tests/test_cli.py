"""CI-facing command line: exit codes, --jobs determinism, --statistics, --quiet, progress bar."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from checker.cli import main
from checker.run import progress

from .conftest import REPO, SAMPLES


def run(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=cwd or REPO,
                          timeout=120, env=env)


def test_exit_codes(capsys):
    assert main([str(SAMPLES / "missing-duty-2024.txt"), "--no-config"]) == 1
    assert main([str(SAMPLES / "missing-duty-2024.txt"), "--no-config", "--fail-on", "never"]) == 0
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--fail-on", "error"]) == 0
    assert main([str(SAMPLES / "thin-duty-2024.txt"), "--no-config", "--fail-on", "warning"]) == 1
    assert main(["--no-such-flag"]) == 2
    assert main(["--jobs", "0", str(SAMPLES)]) == 2
    assert main(["--config", "no-such.yaml", str(SAMPLES)]) == 2
    assert main(["--config", "x.yaml", "--no-config", str(SAMPLES)]) == 2


def test_unknown_flag_one_line_no_traceback():
    proc = run("--frobnicate")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def _batch(tmp_path, count: int = 30):
    sources = sorted(SAMPLES.glob("*.txt"))
    for i in range(count):
        folder = tmp_path / "reports" / str(2020 + i % 3)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(sources[i % len(sources)], folder / f"{i:03d}.txt")
    return tmp_path / "reports"


def test_jobs_1_and_2_give_identical_json(tmp_path, capsys):
    reports = _batch(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        main([str(reports), "--format", "json", "--jobs", jobs, "--no-config", "--fail-on", "never"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["reports"]) == 30


def test_jobs_identical_with_config_overrides(tmp_path, capsys, monkeypatch):
    reports = _batch(tmp_path)
    for year in ("2020", "2021", "2022"):
        shutil.copy(SAMPLES / "thin-duty-2024.txt", reports / year / "thin.txt")
        shutil.copy(SAMPLES / "missing-duty-2024.txt", reports / year / "missing.txt")
    (tmp_path / ".fzcheck.yaml").write_text(
        "overrides:\n  - files: 'reports/2021/**'\n    severity: {section-thin: error}\n"
        "ignore:\n  - path: 'reports/2022'\n    rules: [section-missing]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        main(["reports", "--format", "json", "--jobs", jobs, "--fail-on", "never"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    thin = {(r["path"].split("/")[1], f["severity"]) for r in data["reports"] for f in r["findings"]
            if f["rule"] == "section-thin"}
    assert ("2021", "error") in thin and ("2020", "warning") in thin
    assert not any(f["rule"] == "section-missing" for r in data["reports"] if "/2022/" in r["path"]
                   for f in r["findings"])
    assert reports.is_dir()


def test_statistics(capsys):
    code = main([str(SAMPLES), "--statistics", "--no-config", "--jobs", "1"])
    out = capsys.readouterr().out
    first = out.splitlines()[0].split("\t")
    assert code == 1 and first[0].strip().isdigit() and first[2].startswith("[")
    main([str(SAMPLES), "--statistics", "--format", "json", "--no-config", "--jobs", "1"])
    rows = json.loads(capsys.readouterr().out)
    assert rows == sorted(rows, key=lambda r: (-r["count"], r["rule"]))
    assert {"rule", "count", "files", "severity", "summary"} == set(rows[0])


def test_quiet_lists_only_reports_with_findings(capsys):
    main([str(SAMPLES / "clean-2024.txt"), str(SAMPLES / "missing-duty-2024.txt"), "-q", "--no-config", "--draft"])
    out = capsys.readouterr().out
    assert "clean-2024.txt" not in out and "missing-duty-2024.txt" in out


def test_progress_only_on_a_terminal_outside_ci():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert progress.wanted(100, stream=Tty(), env={})
    assert not progress.wanted(100, stream=Tty(), env={"CI": "true"})
    assert not progress.wanted(100, stream=io.StringIO(), env={})
    assert not progress.wanted(5, stream=Tty(), env={})
    assert not progress.wanted(100, quiet=True, stream=Tty(), env={})
    stream = Tty()
    bar = progress.Bar(stream=stream)
    bar(50, 100)
    bar(100, 100)
    bar.close()
    assert "100/100" in stream.getvalue() and stream.getvalue().endswith("\r\033[K")


def test_no_progress_when_piped(tmp_path):
    reports = _batch(tmp_path, 25)
    proc = run(str(reports), "--fail-on", "never", "--jobs", "2", "--no-config")
    assert proc.returncode == 0 and b"\r" not in proc.stderr and proc.stderr == b""


@pytest.mark.parametrize("config", [["--no-config"], []])
def test_fast_start_imports_no_heavy_modules(config):
    """Checking one text report (config file looked for or not) must not import jsonschema,
    jinja2 or lxml, nor the standard modules it does not need: pathlib (with urllib.parse and
    ipaddress), json, copy, datetime (a report without a date), signal's enums, argparse (with
    gettext and locale) for a plain command line."""
    heavy = ("jsonschema", "jinja2", "lxml", "pathlib", "urllib.parse", "ipaddress", "json", "copy", "datetime",
             "signal", "yaml", "argparse", "gettext", "locale")
    code = (f"import sys; from checker.cli import main; main({config!r} + ['samples/clean-2024.txt']); "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=60)
    assert proc.stderr.decode().strip() == ""


def test_usage_errors_and_help_speak_chinese(capsys):
    """Issue 16: the command line speaks Chinese; --help keeps the English below it."""
    assert main([]) == 2
    assert "没有给出要检查的文件" in capsys.readouterr().err
    assert main(["--format", "nonsense", "x.txt"]) == 2
    err = capsys.readouterr().err
    assert "无效" in err and "fzcheck --help" in err and len(err.strip().splitlines()) == 1
    assert main(["--no-such-flag", "x.txt"]) == 2
    assert "无法识别的参数：--no-such-flag" in capsys.readouterr().err
    assert main(["does-not-exist.txt", "--no-config"]) == 2
    assert "没有这个文件或目录" in capsys.readouterr().err
    import pytest as _pytest

    with _pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("用法 usage: fzcheck")
    assert "显示本帮助并退出\n" in text and "show this help and exit" in text
    assert text.index("报告文件或目录") < text.index("report files or directories")


def test_draft_flag_quiets_the_undated_note_and_info_never_fails_the_run(capsys):
    """An undated draft gets one info note that timeliness could not be judged (exit 0 under
    the default --fail-on error); --draft says the inputs are drafts and the note goes."""

    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)["reports"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in found] == [("deadline", "info")]
    assert "无法判断是否按时公开" in found[0]["message"]
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--format", "json", "--draft"]) == 0
    assert json.loads(capsys.readouterr().out)["reports"][0]["findings"] == []
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--fail-on", "info"]) == 1
    capsys.readouterr()


def test_the_collector_is_paused_while_starting_and_on_while_checking():
    """checker/__main__.py pauses the garbage collector for start-up; files are checked with it
    on, and what start-up made is frozen (never scanned again)."""
    code = """
import gc, sys
import checker.__main__ as start
from checker import cli
from checker.run import pipeline
assert not gc.isenabled() and cli.GC_PAUSED
seen = []
original = pipeline.check_path
def spy(*args, **kwargs):
    seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
    return original(*args, **kwargs)
pipeline.check_path = spy
sys.argv = ["fzcheck", "--no-config", "--format", "json", sys.argv[1]]
code = cli.main(sys.argv[1:])
print("SEEN", seen, file=sys.stderr)
"""
    proc = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "clean-2024.txt")], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert "SEEN [(True, True)]" in proc.stderr, proc.stderr[-2000:]
