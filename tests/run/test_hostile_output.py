"""Outputs never replace what the user owns (issue 18): an input report (also one an HTML batch
would write a page over), --previous, the rule file, the baseline, the config file; --write-baseline
never overwrites a checked report; FIFOs and devices are written into, never replaced; an existing
output keeps its mode."""
from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from checker import cli
from tests.conftest import SAMPLES

REPORT = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def _reports(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    shutil.copy(SAMPLES / "clean-2024.html", folder / "report.html")
    return folder


def test_html_batch_into_the_checked_folder_keeps_the_inputs(tmp_path: Path, capsys) -> None:
    folder = _reports(tmp_path / "reports")
    before = (folder / "report.html").read_bytes()
    assert cli.main([str(folder), "--no-config", "-f", "html", "-o", str(folder) + "/", "--no-progress"]) == 2
    assert "refusing" in capsys.readouterr().err
    assert (folder / "report.html").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "report.html"]  # nothing half-written


@pytest.mark.parametrize("flag", ["--previous", "--rules", "--baseline", "--config"])
def test_output_over_a_file_given_by_flag_is_refused(tmp_path: Path, capsys, flag: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    given = tmp_path / {"--previous": "prev.txt", "--rules": "rules.yaml", "--baseline": "b.json",
                        "--config": ".fzcheck.yaml"}[flag]
    content = {"--previous": REPORT, "--rules": "extends: national\nname: mine\n",
               "--baseline": '{"version": 1, "findings": []}\n', "--config": "fail_on: never\n"}[flag]
    given.write_text(content, encoding="utf-8")
    args = [str(report), "-o", str(given), "--format", "json", flag, str(given)]
    if flag != "--config":
        args.append("--no-config")
    assert cli.main(args) == 2
    assert "refusing" in capsys.readouterr().err
    assert given.read_text(encoding="utf-8") == content


def test_write_baseline_never_overwrites_a_checked_report(tmp_path: Path, capsys) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert cli.main([str(report), "--no-config", "--write-baseline", str(report)]) == 2
    assert report.read_text(encoding="utf-8") == REPORT


def test_write_baseline_may_rewrite_the_baseline(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT.replace("。", "。××", 1), encoding="utf-8")
    baseline = tmp_path / "b.json"
    assert cli.main([str(report), "--no-config", "--write-baseline", str(baseline)]) == 0
    assert cli.main([str(report), "--no-config", "--baseline", str(baseline), "--write-baseline", str(baseline)]) == 0


def test_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert cli.main([str(report), "--no-config", "--format", "json", "-o", str(fifo)]) in (0, 1)
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"findings"' in got[0]


def test_symlink_to_a_device_stays_a_symlink(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    link = tmp_path / "null.json"
    link.symlink_to("/dev/null")
    assert cli.main([str(report), "--no-config", "--format", "json", "-o", str(link)]) in (0, 1)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_existing_output_keeps_its_mode(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert cli.main([str(report), "--no-config", "--format", "json", "-o", str(out)]) in (0, 1)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text(encoding="utf-8") != "old"


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli.main([str(report), "--no-config", "--format", "json", "-o", str(link)]) in (0, 1)
    assert link.is_symlink() and '"findings"' in real.read_text(encoding="utf-8")
