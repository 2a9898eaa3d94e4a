"""``--write-baseline`` / ``--baseline``: accepted findings are matched by file, rule and excerpt."""
from __future__ import annotations

import json
import shutil

from checker.cli import main
from tests.conftest import SAMPLES


def _repo(tmp_path, monkeypatch):
    (tmp_path / "2024").mkdir()
    shutil.copy(SAMPLES / "missing-duty-2024.txt", tmp_path / "2024" / "a.txt")
    shutil.copy(SAMPLES / "thin-duty-2024.txt", tmp_path / "2024" / "b.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_then_only_new_findings_fail(tmp_path, monkeypatch, capsys):
    repo = _repo(tmp_path, monkeypatch)
    assert main(["2024", "--write-baseline", "baseline.json", "--no-config"]) == 0
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["entries"]
    assert {e["path"] for e in data["entries"]} <= {"2024/a.txt", "2024/b.txt"}
    assert all(set(e) == {"path", "rule", "excerpt", "count"} for e in data["entries"])
    capsys.readouterr()
    assert main(["2024", "--baseline", "baseline.json", "--no-config", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert all(r["findings"] == [] for r in out["reports"])
    # a new file with the same defect: new, so it fails
    shutil.copy(SAMPLES / "missing-duty-2024.txt", repo / "2024" / "c.txt")
    assert main(["2024", "--baseline", "baseline.json", "--no-config", "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [r["path"] for r in out["reports"] if r["findings"]] == ["2024/c.txt"]


def test_lines_moving_do_not_make_findings_new(tmp_path, monkeypatch, capsys):
    repo = _repo(tmp_path, monkeypatch)
    main(["2024/a.txt", "--write-baseline", "baseline.json", "--no-config"])
    text = (repo / "2024" / "a.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines.insert(5, "全年共办理行政复议案件12件。")  # shifts everything below
    (repo / "2024" / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    assert main(["2024/a.txt", "--baseline", "baseline.json", "--no-config"]) == 0


def test_multiplicity(tmp_path, monkeypatch, capsys):
    repo = _repo(tmp_path, monkeypatch)
    main(["2024/a.txt", "--write-baseline", "baseline.json", "--no-config"])
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        entry["count"] = 0
    (repo / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["2024/a.txt", "--baseline", "baseline.json", "--no-config"]) == 1


def test_baseline_from_config_and_paths_relative_to_baseline(tmp_path, monkeypatch, capsys):
    repo = _repo(tmp_path, monkeypatch)
    (repo / "ci").mkdir()
    main(["2024", "--write-baseline", "ci/baseline.json", "--no-config"])
    data = json.loads((repo / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert all(e["path"].startswith("../2024/") for e in data["entries"])
    (repo / ".fzcheck.yaml").write_text("baseline: ci/baseline.json\n", encoding="utf-8")
    monkeypatch.chdir(repo / "2024")
    assert main(["."]) == 0


def test_bad_baseline_exits_2(tmp_path, monkeypatch, capsys):
    repo = _repo(tmp_path, monkeypatch)
    (repo / "baseline.json").write_text("{}", encoding="utf-8")
    assert main(["2024", "--baseline", "baseline.json", "--no-config"]) == 2
    assert main(["2024", "--baseline", "missing.json", "--no-config"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "missing.json" in err[1]
