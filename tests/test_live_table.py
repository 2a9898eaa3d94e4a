"""scripts/live_table.py --pool: the held-out table of docs/precision.md, one row a set and a pooled
row, with a page two sets hold counted once (the pooling script lived outside the repository and was
lost with a machine once)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORT = ("云溪区人民政府2024年度法治政府建设情况报告\n发布时间：2025-03-20\n"
          "2024年，云溪区人民政府坚持依法行政，全面推进法治政府建设。\n一、主要举措和成效\n全年审核文件37件。\n"
          "二、存在的不足和原因\n培训不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持会议4次。\n"
          "四、2025年工作安排\n6月底前出台执法监督办法。\n")
LABEL = ("  is_report: true\n  title: 云溪区人民政府2024年度法治政府建设情况报告\n  issuer: 云溪区人民政府\n"
         "  year: 2024\n  published: '2025-03-20'\n  first_part: measures\n")


def write_set(folder: Path, urls: list[str], issuer: str = "云溪区人民政府") -> None:
    folder.mkdir()
    labels = []
    for number, url in enumerate(urls, 1):
        (folder / f"{number:03}.txt").write_text(REPORT, encoding="utf-8")
        labels.append(f"{number:03}.txt:\n  url: {url}\n" + LABEL.replace("issuer: 云溪区人民政府", f"issuer: {issuer}"))
    (folder / "labels.yaml").write_text("".join(labels), encoding="utf-8")


def test_one_row_a_set_and_a_pooled_row_with_a_repeated_page_counted_once(tmp_path):
    write_set(tmp_path / "s99-a", ["https://example.org/a.html", "https://example.org/b.html"])
    write_set(tmp_path / "s99-b", ["https://example.org/b.html", "https://example.org/c.html"], issuer="云溪区司法局")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "live_table.py"), "--pool",
                          str(tmp_path / "s99-a"), str(tmp_path / "s99-b")], capture_output=True, text=True, check=True)
    rows = [line.split(" | ") for line in run.stdout.splitlines() if line.startswith("| ")]
    assert rows[0][1] == "报告判为报告" and len(rows) == 4  # heading, two sets, the pool
    assert rows[1][0] == "| s99-a（2 / 0）" and rows[1][4] == "2/2（100.0%）"
    assert rows[2][0] == "| s99-b（1 / 0）" and rows[2][4] == "0/1（0.0%）"  # b.html counted in s99-a only
    assert rows[3][4] == "**2/3（66.7%）**" and rows[3][3] == "**3/3（100.0%）**"
    assert "s99-b/001.txt" in run.stderr
