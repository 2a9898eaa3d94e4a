"""``--format docx``: the draft back with one Word comment per finding, anchored on its excerpt."""
from __future__ import annotations

import ctypes
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from checker.cli import main
from checker.formats import docx as docx_format
from checker.run.pipeline import check_path

from tests import docbuild
from tests.conftest import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOUCHED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
IMAGE = bytes(range(256)) * 8  # an image part's bytes: must come back unchanged
LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")  # numbered by Word in _draft


def _lines(name: str) -> list[str]:
    return (SAMPLES / name).read_text(encoding="utf-8").splitlines()


def _draft(tmp_path, sample: str = "typos-2024.txt", numbered: bool = True):
    """A real .docx of a sample: automatic numbering on the 一、 headings, styles, a tracked
    insertion and an image part, as drafts have."""
    lines = _lines(sample)
    levels, stripped = {}, []
    for i, line in enumerate(lines):
        match = LABEL.match(line)
        if match:
            levels[i] = 0 if match.group(0).endswith("、") else 1
        stripped.append(line[match.end():] if match else line)
    body = []
    for i, line in enumerate(stripped):
        body.append(docbuild.paragraph_xml(line, level=levels.get(i) if numbered else None))
    body.append('<w:p><w:ins w:id="900" w:author="起草人" w:date="2025-01-10T09:00:00Z">'
                '<w:r><w:t>新增的一句话。</w:t></w:r></w:ins></w:p>')
    data = docbuild.docx_from_body("".join(body), numbering_xml=docbuild.numbering_xml(),
                                   styles_xml=docbuild.styles_xml(), title="x",
                                   extra_parts={"word/media/image1.png": IMAGE})
    path = tmp_path / "报告.docx"
    path.write_bytes(data)
    return path


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _anchored(document: etree._Element) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in document.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            done[el.get(f"{W}id")] = "".join(open_ids.pop(el.get(f"{W}id"), []))
        elif el.tag == f"{W}t" and not any(a.tag == f"{W}del" for a in el.iterancestors()):
            for parts in open_ids.values():
                parts.append(el.text or "")
    return done


def _comments(data: bytes) -> list[etree._Element]:
    return etree.fromstring(_entries(data)["word/comments.xml"]).findall(f"{W}comment")


@pytest.mark.parametrize("sample", ["typos-2024.txt", "unquantified-2024.txt"])
def test_one_comment_per_finding_on_its_excerpt(tmp_path, national, sample):
    draft = _draft(tmp_path, sample)
    report = check_path(str(draft), national)
    assert len(report.findings) >= 8
    data = docx_format.reviewed(report, national)
    comments = _comments(data)
    assert len(comments) == len(report.findings)
    anchored = _anchored(etree.fromstring(_entries(data)["word/document.xml"]))
    headings = 0
    for finding, comment in zip(report.findings, comments):
        text = "".join(comment.itertext())
        assert comment.get(f"{W}author") == "fzcheck"
        assert finding.message in text and finding.rule in text
        if finding.excerpt:
            expected = LABEL.sub("", finding.excerpt)  # automatic numbering: Word draws it, the text lacks it
            headings += expected != finding.excerpt
            assert anchored[comment.get(f"{W}id")] == expected, finding
    if sample == "unquantified-2024.txt":
        assert headings >= 2  # findings on numbered headings were among them


def test_everything_else_is_kept_byte_for_byte(tmp_path, national):
    draft = _draft(tmp_path)
    before = draft.read_bytes()
    out = tmp_path / "审查.docx"
    assert main([str(draft), "--no-config", "--format", "docx", "-o", str(out)]) == 1
    assert draft.read_bytes() == before  # the input is never changed
    old, new = _entries(before), _entries(out.read_bytes())
    assert set(new) == set(old) | {"word/comments.xml"}
    for name in set(old) - TOUCHED:
        assert new[name] == old[name], name
    assert new["word/media/image1.png"] == IMAGE
    document = etree.fromstring(new["word/document.xml"])
    assert document.find(f".//{W}ins[@{W}author='起草人']") is not None  # the tracked change is still there
    # the text reads as before: splitting runs for the anchors changed no word
    strip = etree.fromstring(old["word/document.xml"])
    assert "".join(document.itertext()) == "".join(strip.itertext())


def test_comments_part_is_declared(tmp_path, national):
    data = docx_format.reviewed(check_path(str(_draft(tmp_path)), national), national)
    entries = _entries(data)
    assert b"/word/comments.xml" in entries["[Content_Types].xml"]
    assert b"relationships/comments" in entries["word/_rels/document.xml.rels"]


def test_existing_comments_are_kept_and_ids_do_not_clash(tmp_path, national):
    draft = _draft(tmp_path)
    first = docx_format.reviewed(check_path(str(draft), national), national)
    again = tmp_path / "again.docx"
    again.write_bytes(first)
    second = docx_format.reviewed(check_path(str(again), national), national)
    comments = _comments(second)
    ids = [c.get(f"{W}id") for c in comments]
    assert len(ids) == len(set(ids)) == 2 * len(_comments(first))


def test_text_input_becomes_a_new_docx_with_the_missing_part_where_it_should_go(tmp_path, national):
    out = tmp_path / "审查.docx"
    code = main([str(SAMPLES / "missing-duty-2024.txt"), "--no-config", "--format", "docx", "-o", str(out)])
    assert code == 1
    report = check_path(str(SAMPLES / "missing-duty-2024.txt"), national)
    document = etree.fromstring(_entries(out.read_bytes())["word/document.xml"])
    paragraphs = document.findall(f".//{W}p")
    lines = _lines("missing-duty-2024.txt")
    assert ["".join(p.itertext()) for p in paragraphs] == lines
    missing = next(f for f in report.findings if f.rule == "section-missing")
    holder = paragraphs[missing.line - 1]
    assert holder.find(f"{W}commentRangeStart") is not None  # the heading where the part should come
    assert len(_comments(out.read_bytes())) == len(report.findings)


def test_without_output_is_a_usage_error(capsys):
    assert main([str(SAMPLES / "clean-2024.txt"), "--no-config", "--format", "docx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_batch_writes_one_file_per_report(tmp_path, capsys):
    out = tmp_path / "out"
    main([str(SAMPLES / "missing-duty-2024.txt"), str(SAMPLES / "clean-2024.docx"), "--no-config",
          "--format", "docx", "-o", f"{out}/"])
    assert sorted(p.name for p in out.iterdir()) == ["clean-2024-审查.docx", "missing-duty-2024-审查.docx"]


def test_golden_comments(tmp_path, national):
    """The comments of the missing-duty sample, as Word stores them."""
    from tests import ci_fixtures as fx

    report = check_path(str(SAMPLES / "missing-duty-2024.txt"), national)
    data = docx_format.reviewed(report, national)
    fx.check_golden("docx/missing-duty-comments.xml", _entries(data)["word/comments.xml"].decode("utf-8"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_the_comments_are_in_the_pdf(tmp_path, national):
    pdfium = pytest.importorskip("pypdfium2")
    draft = _draft(tmp_path)
    out = tmp_path / "审查.docx"
    main([str(draft), "--no-config", "--format", "docx", "-o", str(out)])
    pdf = to_pdf(out, tmp_path)
    notes = pdf_annotations(pdfium, pdf)
    report = check_path(str(draft), national)
    for finding in report.findings:
        assert any(finding.message in note for note in notes), finding.rule


def to_pdf(docx, folder):
    """LibreOffice headless: .docx → .pdf with the comments exported as PDF notes."""
    profile = folder / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', "--outdir", str(folder),
         str(docx)], capture_output=True, text=True, timeout=180)
    pdf = folder / (docx.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return pdf


def pdf_annotations(pdfium, pdf) -> list[str]:
    """The text of every note (comment) annotation in a PDF."""
    raw = pdfium.raw
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    for index in range(len(doc)):
        page = doc[index]
        for k in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, k)
            size = raw.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
            buffer = (ctypes.c_ushort * max(1, size // 2))()
            raw.FPDFAnnot_GetStringValue(annot, b"Contents", buffer, size)
            out.append(bytes(buffer).decode("utf-16-le").rstrip("\x00"))
            raw.FPDFPage_CloseAnnot(annot)
    doc.close()
    return out

