"""Hostile .docx list numbering (issue 18): a tiny file must not render unbounded labels."""
from __future__ import annotations

import time
from xml.sax.saxutils import quoteattr

from tests.docbuild import W_NS, docx_from_body

from checker.read.dispatch import read_bytes

DEFAULT_NUMBERED_STYLE = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:styles xmlns:w="{W_NS}">'
                          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
                          '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>'
                          "</w:styles>")


def _numbering(fmt: str, text: str, start: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val={quoteattr(start)}/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val={quoteattr(text)}/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def _read(fmt: str, text: str, start: str, paragraphs: int):
    body = "<w:p><w:r><w:t>某区2024年法治政府建设情况报告</w:t></w:r></w:p>" + "<w:p/>" * paragraphs
    data = docx_from_body(body, numbering_xml=_numbering(fmt, text, start), styles_xml=DEFAULT_NUMBERED_STYLE)
    return len(data), read_bytes(data, "r.docx")


def test_huge_start_with_letters_is_bounded() -> None:
    began = time.monotonic()
    size, source = _read("upperLetter", "%1.", "999999999", 5000)
    assert size < 20_000
    assert time.monotonic() - began < 10
    assert sum(len(line) for line in source.lines) < 1_000_000


def test_repeated_level_text_is_no_label() -> None:
    size, source = _read("decimal", "%1" * 2000, "1", 5000)
    assert sum(len(line) for line in source.lines) < 100_000


def test_superscript_digit_start_is_not_an_int() -> None:
    _size, source = _read("chineseCounting", "%1、", "²", 1)
    # the bad start is ignored (counts from 1), the file is read, not refused
    assert any("报告" in line for line in source.lines)


def test_ordinary_labels_unchanged() -> None:
    body = "".join(f"<w:p><w:r><w:t>第{i}段</w:t></w:r></w:p>" for i in range(3))
    data = docx_from_body(body, numbering_xml=_numbering("chineseCounting", "%1、", "1"),
                          styles_xml=DEFAULT_NUMBERED_STYLE)
    assert [line for line in read_bytes(data, "r.docx").lines if line][:3] == ["一、第0段", "二、第1段", "三、第2段"]
