"""Plain-text reader: encodings, line ends, binary input, and the read_path/read_bytes front door."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.read.dispatch import SUPPORTED, read_bytes, read_path, sniff_kind
from checker.read.source import InputError, Origin
from checker.read.text import decode_bytes, read_text, split_lines

REPO = Path(__file__).resolve().parents[2]
TEXT = "某区2024年法治政府建设情况报告\n一、主要举措和成效\n（一）加强党的领导\n"
LINES = ["某区2024年法治政府建设情况报告", "一、主要举措和成效", "（一）加强党的领导"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    source = read_text(data, "r.txt")
    assert source.lines == LINES
    assert source.encoding == encoding
    assert source.warnings == []


def test_gbk_with_stray_byte_is_replaced_and_warned_on_its_line() -> None:
    data = "第一行\n第二行\n".encode("gbk") + b"\xff" + "第三行\n第四行\n".encode("gbk")
    source = read_text(data, "r.txt")
    assert source.encoding == "gb18030"
    assert source.lines[0] == "第一行" and source.lines[3] == "第四行"
    assert "\ufffd" in source.lines[2]
    assert len(source.warnings) == 1
    line, message = source.warnings[0]
    assert line == 3
    assert "第3行" in message and "UTF-8" in message


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends(newline: str) -> None:
    data = newline.join(["甲", "", "乙", "丙"]).encode("utf-8") + newline.encode()
    assert read_text(data, "r.txt").lines == ["甲", "", "乙", "丙"]


def test_mixed_line_ends_and_no_final_newline() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("a\u2028b") == ["a\u2028b"]  # only CR/LF end lines, as editors count them


def test_origins_are_identity() -> None:
    source = read_text("一\n二\n三".encode(), "r.txt")
    assert source.origins == [Origin(1, 1), Origin(2, 1), Origin(3, 1)]
    assert source.origin(2) == Origin(2, 1)


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError) as info:
        read_text("正文".encode() + b"\x00\x01\x02\x00\x00" + "正文".encode(), "r.txt")
    assert "NUL" in info.value.problem


def test_empty_and_blank_files_are_sources() -> None:
    assert read_text(b"", "r.txt").lines == []
    assert read_text(b"  \n\t\n", "r.txt").lines == ["  ", "\t"]


def test_markdown_kind_and_text_kind() -> None:
    assert read_text(b"# t", "r.md", kind="markdown").kind == "markdown"
    assert read_text(b"t", "r.txt").kind == "text"


def test_read_path_dispatches_on_suffix_case_insensitively(tmp_path: Path) -> None:
    for name in ("a.TXT", "b.Md", "c.markdown"):
        path = tmp_path / name
        path.write_bytes(TEXT.encode("gbk"))
        source = read_path(str(path))
        assert source.lines == LINES
        assert source.path == str(path)
    assert read_path(str(tmp_path / "b.Md")).kind == "markdown"


def test_read_path_does_not_modify_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    data = b"\xef\xbb\xbf" + TEXT.encode()
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    read_path(str(path))
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize(("name", "fragment"), [("r.pdf", "PDF"), ("r.doc", ".doc"), ("r.ofd", "OFD"), ("r.rtf", ".rtf")])
def test_unsupported_suffix_or_not_that_format(tmp_path: Path, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(InputError) as info:
        read_path(str(path))
    assert fragment in info.value.problem


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        read_path(str(tmp_path / "none.txt"))
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="目录"):
        read_path(str(folder))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("正文", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as info:
            read_path(str(path))
        assert info.value.problem == "无法读取文件：权限不足"
        assert info.value.hint == "请检查文件权限"
    finally:
        path.chmod(0o600)


def test_read_bytes_kind_from_name_else_sniffed() -> None:
    assert read_bytes(TEXT.encode(), "-").kind == "text"
    assert read_bytes(TEXT.encode(), "x.md").kind == "markdown"
    assert read_bytes(b"<!DOCTYPE html><html><body><p>\xe6\xad\xa3\xe6\x96\x87</p></body></html>", "-").kind == "html"
    assert read_bytes(b"\xef\xbb\xbf  <html><body>x</body></html>", "upload").kind == "html"
    assert read_bytes(TEXT.encode(), "-", kind="text").lines == LINES


def test_sniff_tells_the_binary_formats_apart() -> None:
    assert sniff_kind(b"PK\x03\x04rest") == "docx"
    assert sniff_kind(b"PK\x03\x04rest" + b"OFD.xml") == "ofd"
    assert sniff_kind(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100) == "doc"
    assert sniff_kind(b"%PDF-1.7\n") == "pdf"


def test_broken_doc_and_pdf_from_stdin_name_the_format() -> None:
    with pytest.raises(InputError, match="Word/WPS"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "-")
    with pytest.raises(InputError, match="PDF"):
        read_bytes(b"%PDF-1.7\n", "-")


def test_supported_set() -> None:
    assert SUPPORTED == {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf", ".ofd"}


def test_decode_prefers_declared_then_utf8() -> None:
    assert decode_bytes("中文".encode("gbk"), "gb18030").encoding == "gb18030"
    assert decode_bytes("中文".encode("utf-8"), "gb18030").text == "中文"  # valid UTF-8 beats a stale meta tag
    assert decode_bytes("中文".encode("big5"), "big5").encoding == "big5"


def test_importing_the_text_reader_does_not_load_lxml() -> None:
    code = "import sys, checker.read.dispatch, checker.read.text; print('lxml' in sys.modules, 'zipfile' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.split()[0] == "False"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["-", "r.txt", "r.md", "r.html", "r.docx"]))
def test_arbitrary_bytes_never_escape_as_other_exceptions(data: bytes, name: str) -> None:
    try:
        source = read_bytes(data, name)
    except InputError as exc:
        assert exc.problem
    else:
        assert len(source.origins) == len(source.lines)
