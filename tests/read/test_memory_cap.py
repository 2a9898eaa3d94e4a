"""The CLI under a hard memory cap (RLIMIT_AS): a zip bomb and big text files finish with an
input-error or a result, never a MemoryError traceback or a kill (docs/limits.md)."""
from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")

from tests.docbuild import W_NS, make_docx  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CAP = 1024 * 1024 * 1024  # 1 GiB of address space; Python + lxml + the rules need ~150 MB
GIB = 1024 * 1024 * 1024


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def _run(path: Path, *flags: str) -> dict:
    """One run under the cap; the subprocess timeout is the guard against a stall (speed itself is
    bench/'s business, not a timed assertion on a shared machine)."""
    proc = subprocess.run([sys.executable, "-m", "checker", str(path), "--no-config", "--format", "json",
                           "--fail-on", "never", *flags], cwd=path.parent, capture_output=True, text=True,
                          timeout=120, preexec_fn=_capped)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    return json.loads(proc.stdout)["reports"][0]


def _bomb(path: Path, inflated: int, declared: int | None) -> None:
    """A .docx whose word/document.xml inflates to ``inflated`` bytes of spaces (about 1 MB on
    disk per GB); ``declared`` is what its headers claim."""
    head = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    block = b" " * (4 * 1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    parts = [compressor.compress(head)]
    for _ in range(inflated // len(block)):
        parts.append(compressor.compress(block))
        crc = zlib.crc32(block, crc)
    parts.append(compressor.flush())
    deflated = b"".join(parts)
    size = len(head) + (inflated // len(block)) * len(block)
    stated = size if declared is None else declared
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(["x"]))) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        infos, cd_offset = zf.infolist(), zf.start_dir
    body = bytearray(buffer.getvalue()[:cd_offset])
    name = b"word/document.xml"
    offset = len(body)
    body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), stated, len(name), 0)
    body += name + deflated
    central = bytearray()
    for info in infos:
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, info.compress_type, 0, 0, info.CRC,
                               info.compress_size, info.file_size, len(info.filename), 0, 0, 0, 0, 0,
                               info.header_offset) + info.filename.encode()
    central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(deflated), stated,
                           len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(infos) + 1, len(infos) + 1, len(central), len(body), 0)
    path.write_bytes(bytes(body + central + end))


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    honest, liar = folder / "bomb.docx", folder / "liar.docx"
    _bomb(honest, GIB, None)  # says 1 GB: refused from the directory entry
    _bomb(liar, GIB, 4096)  # says 4 KB: stopped while inflating, at the part limit
    return {"honest": honest, "liar": liar}


@pytest.mark.parametrize("kind", ["honest", "liar"])
def test_zip_bomb_under_a_memory_cap(bombs, kind: str) -> None:
    assert bombs[kind].stat().st_size < 5 * 1024 * 1024
    report = _run(bombs[kind])
    assert [f["rule"] for f in report["findings"]] == ["input-error"]


def _big_text(path: Path, megabytes: int) -> None:
    report = (REPO / "samples" / "clean-2024.txt").read_text(encoding="utf-8")
    body = "\n".join(report.splitlines()[1:]) + "\n"
    copies = megabytes * 1024 * 1024 // len(body.encode()) + 1
    with path.open("w", encoding="utf-8") as fh:
        fh.write(report)
        for _ in range(copies):
            fh.write(body)


def test_50_mb_text_file_is_refused_at_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    _big_text(path, 50)
    report = _run(path)
    assert [f["rule"] for f in report["findings"]] == ["input-error"]
    assert "--max-file-size" in report["findings"][0]["message"]


def test_text_file_at_the_default_limit_is_checked_within_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    _big_text(path, 30)
    report = _run(path)
    assert report["sections"] and not any(f["rule"] == "input-error" for f in report["findings"])
