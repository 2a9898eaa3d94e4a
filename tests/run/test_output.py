"""Output: never over an input, atomic -o, and hostile report text escaped in every format."""
from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker import cli
from checker.check.finding import Finding
from checker.run import output
from checker.run.result import ReportResult, RunResult

REPO = Path(__file__).resolve().parents[2]
REPORT = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8")
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;"\'`{{7*7}}${x}</textarea>'


def test_output_over_an_input_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    for target in (str(path), str(tmp_path / "." / "r.txt")):
        assert cli.main([str(path), "--no-config", "-o", target]) == 2
        assert "refusing" in capsys.readouterr().err
    link = tmp_path / "hard.txt"
    os.link(path, link)
    assert cli.main([str(path), "--no-config", "-o", str(link)]) == 2
    symlink = tmp_path / "sym.json"
    symlink.symlink_to(path)
    assert cli.main([str(path), "--no-config", "-o", str(symlink), "--format", "json"]) == 2
    assert path.read_text(encoding="utf-8") == REPORT
    dangling = tmp_path / "in.txt"  # an input that is a link to where the output would go
    dangling.symlink_to(tmp_path / "new.json")
    assert cli.main([str(dangling), "--no-config", "-o", str(tmp_path / "new.json")]) == 2
    assert not (tmp_path / "new.json").exists()


def test_output_over_a_file_found_in_a_directory_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    assert cli.main([str(tmp_path), "--no-config", "-o", str(tmp_path / "a.txt")]) == 2
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == REPORT


def test_interrupted_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    real_replace = os.replace

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(str(target), "new" * 1000)
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_ctrl_c_during_the_run_leaves_no_output(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    from checker.run import batch

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "stream", interrupt)  # what the CLI calls
    out = tmp_path / "out.json"
    assert cli.main([str(path), "--no-config", "-o", str(out)]) == 130
    err = capsys.readouterr().err
    assert "Traceback" not in err and "interrupted" in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_output_to_a_directory_or_unwritable_place_is_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert cli.main([str(path), "--no-config", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli.main([str(path), "--no-config", "-o", str(blocker / "out.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def _hostile_run() -> RunResult:
    finding = Finding(rule="placeholder", severity="error", message=f"消息{EVIL}", line=2, column=1, end_line=2,
                      end_column=5, excerpt=f"摘录{EVIL}", section="measures", path=f"dir/{EVIL}.txt")
    report = ReportResult(path=f"dir/{EVIL}.txt",
                          metadata={"title": f"标题{EVIL}", "issuer": f"机关{EVIL}", "year": 2024, "published": None},
                          sections=[{"key": "measures", "heading": f"一、{EVIL}", "line": 2, "embedded": False}],
                          findings=[finding], score=50,
                          lines=[f"标题{EVIL}", f"一、{EVIL}", f"正文{EVIL}"],
                          outline={"title_line": 1, "body": [2, 3],
                                   "headings": [{"line": 2, "level": 1, "label": "一、", "title": EVIL,
                                                 "column": 1, "end_column": 10}],
                                   "sections": [{"key": "measures", "line": 2, "end_line": 3, "embedded": False}]})
    return RunResult(ruleset="national", reports=[report])


def test_json_and_sarif_stay_valid_with_hostile_text(national) -> None:
    from checker.formats import get

    options = SimpleNamespace(colour=False, quiet=False, statistics=False, format="json")
    data = json.loads(get("json").render(_hostile_run(), national, options))
    assert data["reports"][0]["findings"][0]["excerpt"] == f"摘录{EVIL}"
    json.loads(get("sarif").render(_hostile_run(), national, options))


def test_html_escapes_every_field(national, tmp_path: Path) -> None:
    html_format = pytest.importorskip("checker.formats.html")
    options = SimpleNamespace(colour=False, quiet=False, statistics=False, format="html")
    page = html_format.render(_hostile_run(), national, options)
    assert "<script>alert" not in page and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    assert "<img src=x" not in page and "</textarea><" not in page
    for field in ("标题", "机关", "消息", "摘录", "正文"):
        assert field in page
    assert "&lt;script&gt;" in page
    # a batch written to a directory: the index and the report pages
    out = tmp_path / "site"
    if hasattr(html_format, "write"):
        run = _hostile_run()
        run.reports.append(ReportResult(path="other.txt", metadata=dict(run.reports[0].metadata), sections=[],
                                        findings=[], score=100))
        html_format.write(run, national, options, str(out))
        for page_path in (out.rglob("*.html") if out.is_dir() else [out]):
            text = page_path.read_text(encoding="utf-8")
            assert "<script>alert" not in text and "<img src=x" not in text, page_path


def test_text_format_renders_hostile_text(national) -> None:
    from checker.formats import get

    options = SimpleNamespace(colour=False, quiet=False, statistics=False, format="text")
    text = get("text").render(_hostile_run(), national, options)
    assert "摘录" in text or "消息" in text
