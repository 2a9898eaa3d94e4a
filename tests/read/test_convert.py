""".doc and .wps through LibreOffice headless: read as the .docx LibreOffice makes of them,
recognised by content as well as by name, input untouched, temporary files removed, the time
limit enforced by killing the converter, a missing LibreOffice and encrypted files explained."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import olefile
import pytest

from checker.read import convert
from checker.read.dispatch import read_bytes, read_path
from checker.read.limits import Limits
from checker.read.source import InputError

from tests.conftest import SAMPLES
from tests.convertkit import needs_soffice, soffice_convert

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def lo_doc(tmp_path_factory) -> Path:
    """typos-2024 saved as Word 97-2003 by LibreOffice."""
    return soffice_convert([SAMPLES / "typos-2024.txt"], "doc", tmp_path_factory.mktemp("doc"))[0]


@pytest.fixture(scope="module")
def long_doc(tmp_path_factory) -> Path:
    """A long .doc (typos-2024 six hundred times over, ~4 MB): LibreOffice needs seconds to convert it,
    where a short one can take under a second on a fast machine (session 17's)."""
    folder = tmp_path_factory.mktemp("long")
    text = folder / "long-2024.txt"
    text.write_text("\n".join([(SAMPLES / "typos-2024.txt").read_text(encoding="utf-8")] * 600), encoding="utf-8")
    return soffice_convert([text], "doc", folder)[0]


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Conversions in this test put their temporary folders here."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _expected() -> list[str]:
    return [line for line in (SAMPLES / "typos-2024.txt").read_text(encoding="utf-8").split("\n")]


def test_doc_reads_like_the_text_and_leaves_nothing_behind(lo_doc, private_tmp):
    before = (lo_doc.read_bytes(), os.stat(lo_doc).st_mtime_ns)
    source = read_path(str(lo_doc))
    assert source.kind == "doc"
    assert [line for line in source.lines if line.strip()] == [line for line in _expected() if line.strip()]
    assert (lo_doc.read_bytes(), os.stat(lo_doc).st_mtime_ns) == before
    assert list(private_tmp.iterdir()) == []


def test_wps_and_misnamed_files_are_read_by_content(lo_doc, tmp_path):
    """WPS Writer saves .wps in the Word binary layout; a .doc renamed .docx (or stdin) is
    told by its OLE signature."""
    for name in ("draft.wps", "renamed.docx"):
        path = tmp_path / name
        shutil.copyfile(lo_doc, path)
        assert read_path(str(path)).lines[0] == _expected()[0], name
    assert read_bytes(lo_doc.read_bytes(), "-").kind == "doc"


def test_docx_saved_as_doc_is_read_as_docx(tmp_path):
    docx = soffice_convert([SAMPLES / "typos-2024.txt"], "docx", tmp_path)[0]
    path = tmp_path / "actually-docx.doc"
    shutil.copyfile(docx, path)
    source = read_path(str(path))
    assert source.kind == "docx" and source.lines[0] == _expected()[0]


def test_encrypted_doc_is_explained(lo_doc, tmp_path):
    """The fEncrypted flag Word sets in the File Information Block of a password-protected file."""
    path = tmp_path / "locked.doc"
    shutil.copyfile(lo_doc, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[0x0B] |= 0x01  # 0x0100 of the little-endian flags word
        ole.write_stream("WordDocument", bytes(stream))
    with pytest.raises(InputError, match="加密") as info:
        read_path(str(path))
    assert "密码" in info.value.hint


def test_missing_libreoffice_names_the_package(lo_doc, monkeypatch):
    monkeypatch.setenv("FZCHECK_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(InputError) as info:
        read_path(str(lo_doc))
    assert "LibreOffice" in info.value.problem and convert.PACKAGE in info.value.hint


def test_converter_past_the_time_limit_is_killed_and_cleaned_up(long_doc, private_tmp):
    """One second is less than LibreOffice needs for a long document: the conversion is stopped,
    its process group killed and its folder removed."""
    with pytest.raises(InputError, match="时间上限"):
        read_path(str(long_doc), Limits(max_read_seconds=1))
    assert list(private_tmp.iterdir()) == []
    assert not _processes_mentioning(str(private_tmp))


def _processes_mentioning(text: str) -> list[int]:
    found: list[int] = []
    if not Path("/proc").is_dir():
        return found
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(int(entry.name))
    return found


def test_broken_ole_file(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(convert.OLE_MAGIC + b"\0" * 600)
    with pytest.raises(InputError, match="Word/WPS"):
        read_path(str(path))


def test_not_an_ole_file(tmp_path):
    path = tmp_path / "text.wps"
    path.write_bytes("只是一段文字".encode())
    with pytest.raises(InputError, match=r"\.doc/\.wps"):
        read_path(str(path))
