"""Per-place suppression a drafter writes in the report: HTML-comment markers in .txt/.md,
a ``fzcheck: ignore <rule>`` Word comment in .docx; counted by ``--statistics``."""
from __future__ import annotations

import json

from checker.cli import main
from checker.read.dispatch import read_path
from checker.read.suppress import Region, ignore_comment, text_markers
from checker.run.pipeline import check_path

from tests import docbuild
from tests.conftest import SAMPLES

W_NS = docbuild.W_NS


def _claims(report) -> list[int]:
    return [f.line for f in report.findings if f.rule == "claim-unquantified"]


def _marked(tmp_path, start: int, end: int | None, rule: str = "claim-unquantified", suffix: str = ".md"):
    """The unquantified sample with disable/enable markers on their own lines around lines
    start..end (1-based; the enable marker is on line end), the markers replacing blank lines."""
    lines = (SAMPLES / "unquantified-2024.txt").read_text(encoding="utf-8").splitlines()
    assert lines[start - 2] == "" and (end is None or lines[end - 1] == "")
    lines[start - 2] = f"<!-- fzcheck: disable={rule} -->"
    if end is not None:
        lines[end - 1] = f"<!-- fzcheck: enable={rule} -->"
    path = tmp_path / f"marked{suffix}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_markers_make_regions_and_are_blanked():
    lines = ["甲", "<!-- fzcheck: disable=a, b -->", "乙", "丙 <!-- fzcheck: enable=a -->", "丁"]
    out, regions = text_markers(lines)
    assert out[1].strip() == "" and len(out[1]) == len(lines[1]) and out[3].startswith("丙 ") and len(out[3]) == len(lines[3])
    assert regions == [Region(frozenset({"a"}), 2, 4), Region(frozenset({"b"}), 2, 5)]  # b: to the end


def test_ignore_comment_text():
    assert ignore_comment("fzcheck: ignore claim-unquantified") == {"claim-unquantified"}
    assert ignore_comment(" fzcheck：ignore a, b ") == {"a", "b"}
    assert ignore_comment("请补充数据") == frozenset()


def test_markdown_region_suppresses_only_there(tmp_path, national):
    plain = check_path(str(SAMPLES / "unquantified-2024.txt"), national)
    claims = _claims(plain)
    assert 9 in claims and 13 in claims and 17 in claims
    report = check_path(str(_marked(tmp_path, 9, 14)), national)
    assert _claims(report) == [line for line in claims if not 9 <= line <= 14]
    assert report.suppressed == {"claim-unquantified": sum(1 for line in claims if 9 <= line <= 14)}
    # other rules in the region still report
    others = sorted((f.rule, f.line) for f in plain.findings if f.rule != "claim-unquantified")
    assert sorted((f.rule, f.line) for f in report.findings if f.rule != "claim-unquantified") == others


def test_txt_marker_without_enable_runs_to_the_end(tmp_path, national):
    report = check_path(str(_marked(tmp_path, 9, None, suffix=".txt")), national)
    assert _claims(report) == []


def test_marker_for_another_rule_changes_nothing(tmp_path, national):
    plain = check_path(str(SAMPLES / "unquantified-2024.txt"), national)
    report = check_path(str(_marked(tmp_path, 9, 14, rule="placeholder")), national)
    assert _claims(report) == _claims(plain)


def test_statistics_count_the_suppressed(tmp_path, capsys):
    path = _marked(tmp_path, 9, 14)
    main([str(path), "--statistics", "--no-config", "--format", "json"])
    rows = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["claim-unquantified"]["suppressed"] >= 2
    main([str(path), "--statistics", "--no-config"])
    assert "条按报告中的标注不报告" in capsys.readouterr().out


def test_statistics_without_markers_are_unchanged(capsys):
    main([str(SAMPLES / "unquantified-2024.txt"), "--statistics", "--no-config", "--format", "json"])
    assert all("suppressed" not in row for row in json.loads(capsys.readouterr().out))


def _docx_with_ignore(tmp_path, index: int, rules: str = "claim-unquantified"):
    """The unquantified sample as .docx with a Word comment 'fzcheck: ignore …' on paragraph ``index``."""
    lines = (SAMPLES / "unquantified-2024.txt").read_text(encoding="utf-8").splitlines()
    body = []
    for i, line in enumerate(lines):
        para = docbuild.paragraph_xml(line)
        if i == index:
            para = para.replace("<w:p>", '<w:p><w:commentRangeStart w:id="7"/>', 1).replace(
                "</w:p>", '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>')
        body.append(para)
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
                f'<w:comment w:id="7" w:author="起草人"><w:p><w:r><w:t>fzcheck: ignore {rules}</w:t></w:r></w:p>'
                "</w:comment></w:comments>")
    data = docbuild.docx_from_body("".join(body), extra_parts={"word/comments.xml": comments})
    import io
    import zipfile

    # declare the comments part (docx_from_body knows only numbering and styles)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in src.namelist():
            content = src.read(name)
            if name == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.'
                                          b'openxmlformats.org/officeDocument/2006/relationships/comments" '
                                          b'Target="comments.xml"/></Relationships>')
            zf.writestr(name, content)
    path = tmp_path / "批注.docx"
    path.write_bytes(out.getvalue())
    return path


def test_docx_ignore_comment_suppresses_its_paragraph(tmp_path, national):
    plain = check_path(str(SAMPLES / "unquantified-2024.txt"), national)
    target = 17  # a line with several unquantified claims
    assert _claims(plain).count(target) >= 2
    path = _docx_with_ignore(tmp_path, target - 1)
    assert read_path(str(path)).suppressions == [Region(frozenset({"claim-unquantified"}), target, target)]
    report = check_path(str(path), national)
    assert target not in _claims(report)
    assert sorted(_claims(report)) == sorted(line for line in _claims(plain) if line != target)
    assert report.suppressed == {"claim-unquantified": _claims(plain).count(target)}
