"""`fzcheck serve` in a real (headless) Chromium: open the upload page served on loopback, put a
sample .docx into the file input, submit, and read the findings page — the same findings as the
CLI, no script errors or CSP violations; the JSON download link saves the CLI's JSON."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def served():
    from checker.web.serve import make_server
    from checker.web.wsgi import WebApp

    server = make_server(WebApp(log=lambda line: None), "127.0.0.1", 0, "stdlib")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    thread.join(10)
    server.close()


def cli_report(sample: Path, tmp_path: Path, *extra: str) -> dict:
    from checker.cli import main

    out = tmp_path / "cli.json"
    assert main([str(sample), "--format", "json", "-o", str(out), "--no-config", "--fail-on", "never",
                 "--jobs", "1", "--no-progress", *extra]) == 0
    return json.loads(out.read_text(encoding="utf-8"))["reports"][0]


def upload(page, url: str, sample: Path, previous: Path | None = None) -> None:
    """Put the sample (and last year's report) into the page's file inputs and submit."""
    page.goto(url)
    assert page.eval("document.querySelector('form').getAttribute('enctype')") == "multipart/form-data"
    root = page.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    for field, path in (("file", sample), ("previous", previous)):
        if path is None:
            continue
        node = page.send("DOM.querySelector", {"nodeId": root, "selector": f"#{field}"})["nodeId"]
        page.send("DOM.setFileInputFiles", {"files": [str(path)], "nodeId": node})
        assert page.eval(f"document.getElementById('{field}').files[0].name") == path.name
    page.click_and_wait("#submit")


def findings_on_page(page) -> list[str]:
    return page.eval("Array.from(document.querySelectorAll('#flist li.fi')).map(li => li.dataset.rule)")


@pytest.mark.parametrize("name", ["clean-2024.docx", "missing-duty-2024.txt"])
def test_upload_a_sample_and_read_its_findings(page, served, name, tmp_path):
    sample = SAMPLES / name
    expected = cli_report(sample, tmp_path)
    upload(page, served, sample)
    assert page.eval("location.pathname") == "/check"
    assert page.eval("document.getElementById('fzweb-bar') !== null")
    assert findings_on_page(page) == [f["rule"] for f in expected["findings"]]
    heading = page.eval("document.getElementById('findings-h').textContent")
    assert f"共 {len(expected['findings'])} 条" in heading
    assert page.eval("document.querySelector('.score-n').textContent.trim()") == str(expected["score"])
    if name == "missing-duty-2024.txt":
        assert len(expected["findings"]) > 0  # a sample with findings, so the count means something
    assert page.errors == []  # the report page's script ran under its CSP; the bar added nothing it blocks


def test_upload_with_last_years_report_shows_the_cross_year_findings(page, served, tmp_path):
    sample, previous = SAMPLES / "next-2024-followup.txt", SAMPLES / "prev-2023.txt"
    expected = cli_report(sample, tmp_path, "--previous", str(previous))
    upload(page, served, sample, previous)
    rules = findings_on_page(page)
    assert rules == [f["rule"] for f in expected["findings"]]
    assert {"plan-unaddressed", "copied-from-previous"} <= set(rules)
    assert page.errors == []


def test_the_json_download_link_saves_the_cli_json(page, served, tmp_path):
    sample = SAMPLES / "clean-2024.docx"
    expected = cli_report(sample, tmp_path)
    upload(page, served, sample)
    folder = tmp_path / "downloads"
    folder.mkdir()
    page.browser.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    page.click("#fzweb-json")
    target = folder / "clean-2024-审查意见.json"
    deadline = time.monotonic() + 20
    while not target.is_file() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert target.is_file(), f"no download; got {sorted(p.name for p in folder.iterdir())}"
    got = json.loads(target.read_text(encoding="utf-8"))
    assert got["reports"][0]["findings"] == expected["findings"]
    assert got["reports"][0]["path"] == sample.name


def test_oversize_upload_shows_a_chinese_413_page(page, tmp_path):
    from checker.web.serve import make_server
    from checker.web.wsgi import WebApp

    server = make_server(WebApp(max_bytes=4096, log=lambda line: None), "127.0.0.1", 0, "stdlib")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        upload(page, server.url, SAMPLES / "clean-2024.docx")  # ~9 KB > 4 KB
        assert page.eval("document.querySelector('h1').textContent") == "文件过大"
        assert page.eval("document.body.textContent").count("HTTP 413") == 1
    finally:
        server.shutdown()
        thread.join(10)
        server.close()
