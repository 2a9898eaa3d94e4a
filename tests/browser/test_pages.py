"""The HTML pages in a real (headless) Chromium: no script errors, every finding of the JSON
output on the page, the list jumps to the text, filters work, injected markup never runs,
the layout holds at 1400 and 800 px and in print."""
from __future__ import annotations

import json

import pytest

from .htmlcases import PWN_IMG, PWN_SCRIPT, fixed_findings


def visible_ids(page) -> list[str]:
    return page.eval("Array.from(document.querySelectorAll('#flist li.fi')).filter(li => !li.hidden)"
                     ".map(li => li.dataset.f)")


def in_viewport(page, selector: str) -> bool:
    return page.eval(f"(function(){{var r=document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                     "return r.bottom > 0 && r.top < window.innerHeight;})()")


def test_every_json_finding_is_on_its_report_page(page, site):
    reports = site["json"]["reports"]
    assert sum(len(r["findings"]) for r in reports) > 0
    for report in reports:
        page.goto((site["out"] / site["pages"][report["path"]]).as_uri())
        assert page.errors == []
        shown = page.eval("Array.from(document.querySelectorAll('#flist li.fi')).map(li => ({rule: li.dataset.rule,"
                          " where: li.querySelector('.where').textContent,"
                          " message: li.querySelector('.fi-msg').textContent,"
                          " placed: !!document.getElementById('f-' + li.dataset.f)}))")
        assert len(shown) == len(report["findings"]), report["path"]
        for item, finding in zip(shown, report["findings"]):
            assert item["rule"] == finding["rule"]
            assert item["message"] == finding["message"]
            assert f"第{finding['line']}行第{finding['column']}列" in item["where"]
            assert item["placed"], f"{finding['rule']} at {finding['line']} has no place in the text"


def test_clicking_a_finding_scrolls_to_and_highlights_its_text(page, site):
    page.goto(site["fixed"].as_uri())
    n = len(fixed_findings()) - 2  # one of the last ones: far enough down to need scrolling
    page.eval("window.scrollTo(0, 0)")
    assert not in_viewport(page, f"#f-{n}")
    page.click(f"#fi-{n} a.go")
    assert page.eval(f"document.getElementById('f-{n}').classList.contains('current')")
    assert page.eval("document.querySelectorAll('mark.hl.current').length") >= 1
    assert page.eval(f"Array.from(document.querySelectorAll('mark.hl.current'))"
                     f".every(m => m.dataset.f.split(' ').includes('{n}'))")
    assert page.eval(f"document.getElementById('n-{n}').classList.contains('current')")
    assert in_viewport(page, f"#f-{n}")
    assert page.eval("window.scrollY") > 0
    assert page.errors == []


def test_clicking_highlighted_text_selects_its_finding_in_the_list(page, site):
    page.goto(site["fixed"].as_uri())
    page.click("mark.hl.multi")
    current = page.eval("document.querySelector('#flist li.current').dataset.f")
    assert current in page.eval("document.querySelector('mark.hl.multi').dataset.f").split()


def test_overlapping_findings_both_show(page, site):
    page.goto(site["fixed"].as_uri())
    ids = page.eval("document.querySelector('mark.hl.multi').dataset.f").split()
    assert len(ids) == 2
    for n in ids:
        assert page.eval(f"!!document.getElementById('f-{n}') && !!document.getElementById('n-{n}')")


def test_severity_filter_hides_other_severities(page, site):
    page.goto(site["fixed"].as_uri())
    total = len(visible_ids(page))
    page.click("input[name=sev][value=warning]")
    page.click("input[name=sev][value=info]")
    shown = visible_ids(page)
    errors = [str(n) for n, f in enumerate(fixed_findings(), start=1) if f.severity == "error"]
    assert shown == errors and len(shown) < total
    assert page.eval("Array.from(document.querySelectorAll('.note')).filter(n => !n.hidden)"
                     ".every(n => n.dataset.sev === 'error')")
    assert page.eval("Array.from(document.querySelectorAll('mark.hl:not(.off)')).length") >= 1
    assert page.eval("Array.from(document.querySelectorAll('mark.hl.sev-warning:not(.off)')).length") == 0
    assert "显示 " in page.eval("document.getElementById('shown').textContent")
    page.click("input[name=sev][value=warning]")
    page.click("input[name=sev][value=info]")
    assert len(visible_ids(page)) == total
    assert page.errors == []


def test_rule_filter(page, site):
    page.goto(site["fixed"].as_uri())
    page.eval("var s=document.getElementById('rule-filter'); s.value='placeholder';"
              "s.dispatchEvent(new Event('change', {bubbles: true}))")
    rules = page.eval("Array.from(document.querySelectorAll('#flist li.fi')).filter(li => !li.hidden)"
                      ".map(li => li.dataset.rule)")
    assert rules and set(rules) == {"placeholder"}


def test_keyboard_steps_through_findings(page, site):
    page.goto(site["fixed"].as_uri())
    page.key("j")
    assert page.eval("document.querySelector('#flist li.current').dataset.f") == "1"
    page.key("j")
    assert page.eval("document.querySelector('#flist li.current').dataset.f") == "2"
    page.key("k")
    assert page.eval("document.querySelector('#flist li.current').dataset.f") == "1"
    # every list entry is a link: reachable with Tab and Enter without the script
    assert page.eval("Array.from(document.querySelectorAll('#flist li.fi')).every(li => li.querySelector('a.go[href^=\"#f-\"]'))")


def test_injected_script_sample_does_not_execute(page, site):
    page.goto(site["injected"].as_uri())
    assert page.eval("typeof window.__pwned") == "undefined"
    text = page.eval("document.body.textContent")
    assert PWN_SCRIPT in text and PWN_IMG in text
    assert page.eval("document.querySelectorAll('img').length") == 0
    assert page.eval("document.scripts.length") == 1
    assert page.errors == []
    page.goto((site["out"] / "index.html").as_uri())
    assert page.eval("typeof window.__pwned") == "undefined"
    assert "<b>注入报告2024.txt" in page.eval("document.body.textContent")


def test_batch_index(page, site):
    page.goto((site["out"] / "index.html").as_uri())
    assert page.errors == []
    rows = page.eval("document.querySelectorAll('#reports tbody tr').length")
    assert rows == len(site["json"]["reports"])
    assert page.eval("document.querySelectorAll('#reports tbody tr td.c-name a').length") == rows
    assert page.eval("document.querySelectorAll('.bars .bar').length") >= 1
    # sort by score (column after name, five items and three counts)
    page.click("#reports thead th:nth-child(11) button")
    scores = page.eval("Array.from(document.querySelectorAll('#reports tbody tr')).map(r => +r.cells[10].dataset.v)")
    assert scores == sorted(scores)
    page.click("#reports thead th:nth-child(11) button")
    scores = page.eval("Array.from(document.querySelectorAll('#reports tbody tr')).map(r => +r.cells[10].dataset.v)")
    assert scores == sorted(scores, reverse=True)
    # filter: only reports with errors
    page.eval("var s=document.getElementById('show'); s.value='error'; s.dispatchEvent(new Event('change'))")
    shown = page.eval("Array.from(document.querySelectorAll('#reports tbody tr')).filter(r => !r.hidden)"
                      ".map(r => +r.dataset.error)")
    with_errors = [r for r in site["json"]["reports"] if any(f["severity"] == "error" for f in r["findings"])]
    assert len(shown) == len(with_errors) and all(shown)
    page.eval("var s=document.getElementById('show'); s.value=''; s.dispatchEvent(new Event('change'))")
    page.eval("var q=document.getElementById('q'); q.value='云溪区司法局报告'; q.dispatchEvent(new Event('input'))")
    assert page.eval("Array.from(document.querySelectorAll('#reports tbody tr')).filter(r => !r.hidden).length") == 1
    # a Chinese file name: the link opens that report's page
    page.click_and_wait("#reports tbody tr:not([hidden]) td.c-name a")
    assert page.eval("location.pathname").endswith("%E4%BA%91%E6%BA%AA%E5%8C%BA%E5%8F%B8%E6%B3%95%E5%B1%80%E6%8A%A5%E5%91%8A.html")
    assert page.eval("!!document.getElementById('flist') || !!document.querySelector('.panel .none')")
    assert page.errors == []


@pytest.mark.parametrize("width", [1400, 800])
def test_layout_holds(page, site, width):
    page.resize(width, 900)
    for url in (site["fixed"].as_uri(), (site["out"] / "index.html").as_uri()):
        page.goto(url)
        overflow = page.eval("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} overflows by {overflow}px at {width}px"
    page.goto(site["fixed"].as_uri())
    position = page.eval("getComputedStyle(document.getElementById('panel')).position")
    assert position == ("sticky" if width == 1400 else "static")
    # notes beside the text when wide, under it when narrow
    note_left = page.eval("document.querySelector('.note').getBoundingClientRect().left")
    text_right = page.eval("document.querySelector('#L3 .txt').getBoundingClientRect().right")
    assert (note_left >= text_right) == (width == 1400)


def test_print_gives_the_memo_not_the_full_text(page, site):
    """Printing the report page prints its 审查意见 (issue 16), not 16 pages of report text."""
    page.resize(794, 1123)  # A4 at 96 dpi
    page.goto(site["fixed"].as_uri())
    assert page.eval("getComputedStyle(document.querySelector('.memo-print')).display") == "none"
    page.media("print")
    try:
        assert page.eval("getComputedStyle(document.querySelector('.memo-print')).display") == "block"
        for hidden in (".layout", "header.top", "#panel"):
            assert page.eval(f"getComputedStyle(document.querySelector('{hidden}')).display") == "none", hidden
        assert "审查意见" in page.eval("document.querySelector('.memo-print').innerText")
        assert page.eval("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        page.media("")
