"""Hostile .docx files: truncated, not a zip, DTDs and external entities, billion laughs, zip
bombs (declared and lying sizes), too many entries, too many elements, deep nesting."""
from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from checker.read.dispatch import read_bytes, read_path  # noqa: E402
from checker.read.docx import read_docx  # noqa: E402
from checker.read.limits import Limits  # noqa: E402
from checker.read.source import InputError  # noqa: E402
from checker.run.pipeline import check_path  # noqa: E402
from tests.docbuild import W_NS, docx_from_body, make_docx  # noqa: E402

LINES = ["某区2024年法治政府建设情况报告", "一、主要举措和成效", "全年办理行政复议案件12件。"]


def _document(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


@pytest.mark.parametrize("cut", [0, 10, 100, 0.5, 0.9, -1])
def test_truncated_docx_is_an_input_error(tmp_path: Path, national, cut) -> None:
    data = make_docx(LINES * 30)
    size = int(len(data) * cut) if isinstance(cut, float) else (cut if cut >= 0 else len(data) - 1)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[:size])
    result = check_path(str(path), national)
    assert [f.rule for f in result.findings] == ["input-error"]
    assert "docx" in result.findings[0].message


def test_text_renamed_docx(tmp_path: Path, national) -> None:
    path = tmp_path / "r.docx"
    path.write_text("\n".join(LINES), encoding="utf-8")
    (finding,) = check_path(str(path), national).findings
    assert finding.rule == "input-error" and "zip" in finding.message and "扩展名" in finding.message


def test_external_entities_and_dtds_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    prolog = (f'<!DOCTYPE w:document SYSTEM "file://{tmp_path}/evil.dtd" ['
              f'<!ENTITY file SYSTEM "file://{secret}">'
              '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">'
              f'<!ENTITY % pe SYSTEM "file://{secret}">]>')
    (tmp_path / "evil.dtd").write_text('<!ENTITY dtdent "FROM-DTD">', encoding="utf-8")
    document = _document(_p("前&file;后") + _p("网&net;络") + _p("外&dtdent;部"), prolog)
    source = read_docx(docx_from_body("", document_xml=document), "r.docx")
    text = "\n".join(source.lines)
    assert "TOP-SECRET" not in text and "FROM-DTD" not in text
    assert source.lines[:2] == ["前后", "网络"]


def test_entities_in_every_part_are_inert(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    core = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>标题&s;</dc:title></cp:coreProperties>')
    data = make_docx(LINES, title="占位")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, core if info.filename == "docProps/core.xml" else src.read(info))
    source = read_docx(buffer.getvalue(), "r.docx")
    assert "TOP-SECRET" not in (source.title_hint or "") and source.lines == LINES


def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    document = _document(_p("开始&j;结束"), f"<!DOCTYPE w:document [{entities}]>")
    start = time.perf_counter()
    try:
        source = read_docx(docx_from_body("", document_xml=document), "r.docx")
    except InputError as exc:  # libxml2 ≥ 2.13 refuses the amplification even unexpanded
        assert "实体" in exc.problem
    else:
        assert source.lines == ["开始结束"]
    assert time.perf_counter() - start < 2


def _bomb(declared: int | None = None, size: int = 60 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes; ``declared`` lies in the headers."""
    head = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [compressor.compress(head)]
    block = b" " * (1024 * 1024)
    for _ in range(size // len(block)):
        chunks.append(compressor.compress(block))
    chunks.append(compressor.flush())
    deflated = b"".join(chunks)
    base = make_docx(["x"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
    data = buffer.getvalue()
    # Append document.xml by hand so that the sizes in its headers can lie.
    real = len(head) + (size // len(block)) * len(block)
    stated = real if declared is None else declared
    crc = zlib.crc32(head + block * (size // len(block)))
    name = b"word/document.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        cd_offset = zf.start_dir
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), stated, len(name), 0)
    body = data[:cd_offset]
    offset = len(body)
    body += local + name + deflated
    central = bytearray()
    for info in infos:
        central += _central(info.filename.encode(), info.header_offset, info.CRC, info.compress_size,
                            info.file_size, info.compress_type)
    central += _central(name, offset, crc, len(deflated), stated, 8)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(infos) + 1, len(infos) + 1, len(central), len(body), 0)
    return bytes(body + central + end)


def _central(name: bytes, offset: int, crc: int, csize: int, usize: int, method: int) -> bytes:
    return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, csize, usize,
                       len(name), 0, 0, 0, 0, 0, offset) + name


def test_zip_bomb_declared_size_is_refused_before_inflating(tmp_path: Path, national) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb())
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    result = check_path(str(path), national)
    assert time.perf_counter() - start < 5
    (finding,) = result.findings
    assert finding.rule == "input-error" and "过大" in finding.message and "--max-part-size" in finding.message


def test_zip_bomb_lying_about_its_size_is_stopped_while_inflating(tmp_path: Path, national) -> None:
    path = tmp_path / "liar.docx"
    path.write_bytes(_bomb(declared=1000))
    (finding,) = check_path(str(path), national).findings
    assert finding.rule == "input-error"
    path.write_bytes(_bomb(declared=1000, size=3 * 1024 * 1024))
    with pytest.raises(InputError):
        read_path(str(path), limits=Limits(max_part_size=1024 * 1024))


def test_part_limit_is_configurable(tmp_path: Path) -> None:
    data = make_docx(LINES * 200)
    assert read_bytes(data, "r.docx", limits=Limits(max_part_size=10 * 1024 * 1024)).lines
    with pytest.raises(InputError, match="过大") as info:
        read_bytes(data, "r.docx", limits=Limits(max_part_size=2000))
    assert "--max-part-size" in info.value.hint


def test_too_many_zip_entries(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(LINES))) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        for i in range(300):
            dst.writestr(f"junk/{i}.bin", b"")
    with pytest.raises(InputError, match="条目"):
        read_bytes(buffer.getvalue(), "r.docx", limits=Limits(max_zip_entries=100))
    assert read_bytes(buffer.getvalue(), "r.docx").lines == LINES


def test_too_many_elements(tmp_path: Path) -> None:
    document = _document("<w:p/>" * 50_000 + _p("正文"))
    data = docx_from_body("", document_xml=document)
    with pytest.raises(InputError, match="元素") as info:
        read_bytes(data, "r.docx", limits=Limits(max_elements=10_000))
    assert "--max-elements" in info.value.hint
    assert read_bytes(data, "r.docx").lines[-1] == "正文"


def test_deeply_nested_xml(tmp_path: Path) -> None:
    depth = 5000
    body = "<w:sdt><w:sdtContent>" * depth + _p("正文") + "</w:sdtContent></w:sdt>" * depth
    data = docx_from_body("", document_xml=_document(body))
    with pytest.raises(InputError, match="嵌套过深"):
        read_bytes(data, "r.docx")


def test_deeply_nested_tables_within_libxml2_depth() -> None:
    depth = 60
    body = "<w:tbl><w:tr><w:tc>" * depth + _p("正文") + "</w:tc></w:tr></w:tbl>" * depth
    start = time.perf_counter()
    source = read_bytes(docx_from_body("", document_xml=_document(body)), "r.docx")
    assert time.perf_counter() - start < 5 and source.lines == ["正文"]


def test_empty_document_gets_a_warning(national, tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(make_docx([]))
    result = check_path(str(path), national)
    assert any(f.rule == "input-error" and f.severity == "warning" and "没有读到任何正文" in f.message
               for f in result.findings)


def test_zero_byte_docx(tmp_path: Path, national) -> None:
    path = tmp_path / "zero.docx"
    path.write_bytes(b"")
    (finding,) = check_path(str(path), national).findings
    assert finding.rule == "input-error" and "为空" in finding.message
