"""pattern kind (placeholder, secrecy-marker …): exceptions, and that the prefilter changes nothing."""
from __future__ import annotations

import dataclasses

from checker.kinds import pattern
from checker.pipeline import read_document

from .conftest import SAMPLES
from .reportkit import findings, report

RULE = "placeholder"


def test_a_long_bold_title_is_not_a_placeholder(national):
    """The ``**`` of a bold line longer than a few characters is Markdown, however long the line."""
    text = "**健全法治政府建设推进机制的主要做法和取得的实际成效**\n全年召开常务会议12次。"
    assert findings(report(measures=text), national, RULE) == []


def test_stars_in_a_sentence_are_still_placeholders(national):
    text = "**健全推进机制**\n全年召开会议*次，审核规范性文件37件。"
    got = findings(report(measures=text), national, RULE)
    assert [f.excerpt for f in got] == ["*"]


def _without_prefilter(rule):
    compiled = dict(rule.compiled, matchers=[(matcher, None) for matcher, _ in rule.compiled["matchers"]])
    return dataclasses.replace(rule, compiled=compiled)


def test_prefilter_changes_no_hit(national):
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = read_document(str(path), national)
        for rule in national.active():
            if rule.kind != "pattern":
                continue
            fast = [(h.start, h.end) for h in pattern.check(doc, rule, national)]
            slow = [(h.start, h.end) for h in pattern.check(doc, _without_prefilter(rule), national)]
            assert fast == slow, (path.name, rule.id)
