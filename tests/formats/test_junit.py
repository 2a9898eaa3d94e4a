"""``--format junit``: a testsuite per file, a testcase per active rule, failures at ``--fail-on``."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.cli import main
from checker.formats import junit
from tests import ci_fixtures as fx
from tests.conftest import SAMPLES


def test_golden():
    fx.check_golden("junit/fixed-run.xml", junit.render(fx.run(), fx.ruleset(), fx.Options("error")))


def test_golden_fail_on_warning():
    fx.check_golden("junit/fixed-run-fail-on-warning.xml", junit.render(fx.run(), fx.ruleset(), fx.Options("warning")))


def test_structure_and_counts():
    root = ET.fromstring(junit.render(fx.run(), fx.ruleset(), fx.Options("error")).encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["reports/2024/区司法局 报告.txt", "reports/2024/clean.md",
                                               "reports/2023/broken.docx"]
    first = suites[0]
    cases = {c.get("name"): c for c in first.findall("testcase")}
    # disabled rule section-order has a finding (made before it was disabled): it still gets a testcase
    assert set(cases) == {"section-missing", "section-thin", "placeholder", "section-order"}
    assert first.get("tests") == "4" and first.get("failures") == "1"
    failure = cases["placeholder"].find("failure")
    assert failure is not None and failure.get("type") == "error" and "2 处" in failure.get("message")
    assert "<b>&" in failure.text and "\x0b" not in failure.text
    assert cases["section-thin"].find("failure") is None and "单薄" in cases["section-thin"].find("system-out").text
    assert suites[1].get("failures") == "0" and all(c.find("failure") is None for c in suites[1])
    assert suites[2].find("testcase[@name='input-error']/failure") is not None
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites))
    assert root.get("failures") == "2"


def test_fail_on_never_has_no_failures():
    root = ET.fromstring(junit.render(fx.run(), fx.ruleset(), fx.Options("never")).encode("utf-8"))
    assert root.get("failures") == "0" and not root.findall(".//failure")


def test_cli_junit_parses(capsys):
    code = main([str(SAMPLES / "missing-duty-2024.txt"), str(SAMPLES / "clean-2024.txt"), "--format", "junit",
                 "--no-config"])
    root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    assert code == 1 and len(root.findall("testsuite")) == 2
    assert root.find("testsuite/testcase[@name='section-missing']/failure") is not None
