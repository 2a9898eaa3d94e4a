"""Word 97-2003 (.doc) and WPS Writer (.wps) files: converted to .docx by LibreOffice, then read
as .docx.

Both are OLE compound files, a binary format we do not parse ourselves.  LibreOffice reads
both (WPS saves .wps in the Word binary layout; LibreOffice also imports Kingsoft's own),
keeps automatic heading numbers and tables, and is packaged everywhere (Debian:
libreoffice-writer-nogui).  antiword, the light alternative, reads only .doc, loses automatic
numbering (一、 / （一） headings that Word numbers itself) and is no longer maintained.

The conversion never touches the input: its bytes are written to a fresh temporary
directory, LibreOffice runs there with its own throw-away profile (a second instance would
otherwise wait for the user's running one), in its own process group that is killed when the
time limit (``--max-read-seconds``) passes; the directory is removed in every case.
Encrypted documents are recognised before conversion (olefile) and refused with a clear
message: LibreOffice headless would fail on them without saying why.
"""
from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .limits import DEFAULT_MAX_READ_SECONDS, Limits, resolve
from .source import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PACKAGE = "libreoffice-writer-nogui"
TOOLS = ("soffice", "libreoffice")
ENCRYPTED_HINT = "请在 Word/WPS 中取消密码保护（文件 → 信息 → 保护文档）后重试"

# FIB (File Information Block) of the WordDocument stream: flags at offset 0x0A, fEncrypted is bit 8.
_FIB_FLAGS = 0x0A
_F_ENCRYPTED = 0x0100


def is_ole(data: bytes) -> bool:
    """Whether the bytes start an OLE compound file (.doc, .wps, .xls, an encrypted .docx…)."""
    return data[:8] == OLE_MAGIC


def find_tool() -> str | None:
    """Path of LibreOffice's command-line program, or None when it is not installed."""
    override = os.environ.get("FZCHECK_SOFFICE")
    if override:
        return override if Path(override).is_file() or shutil.which(override) else None
    for name in TOOLS:
        found = shutil.which(name)
        if found:
            return found
    return None


def check_convertible(data: bytes, path: str) -> None:
    """Refuse what LibreOffice cannot turn into a report: encrypted or non-Word OLE files."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError) as exc:
        raise InputError(path, f"旧版 Word/WPS 文件已损坏，无法打开（{exc}）", "请用 Word/WPS 打开后另存为 .docx 后重试") from None
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise InputError(path, "文件已加密（受密码保护），无法读取", ENCRYPTED_HINT)
        if not ole.exists("WordDocument"):
            raise InputError(path, "这个 OLE 文件不是 Word/WPS 文字文档（可能是表格或演示文稿），无法检查",
                             "请提供报告的文字版（.docx、.doc、.wps、PDF、网页或纯文本）")
        with ole.openstream("WordDocument") as stream:
            fib = stream.read(_FIB_FLAGS + 2)
        if len(fib) >= _FIB_FLAGS + 2 and int.from_bytes(fib[_FIB_FLAGS:_FIB_FLAGS + 2], "little") & _F_ENCRYPTED:
            raise InputError(path, "文件已加密（受密码保护），无法读取", ENCRYPTED_HINT)
    finally:
        ole.close()


def to_docx(data: bytes, path: str, limits: Limits | None = None) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps given as bytes."""
    limits = resolve(limits)
    seconds = limits.max_read_seconds if limits is not None else DEFAULT_MAX_READ_SECONDS
    check_convertible(data, path)
    tool = find_tool()
    if tool is None:
        raise InputError(path, "读取旧版 Word（.doc）和 WPS（.wps）文件需要 LibreOffice，但本机没有安装",
                         f"请安装 LibreOffice（Debian/Ubuntu：apt-get install {PACKAGE}），或用 Word/WPS 另存为 .docx 后重试")
    with tempfile.TemporaryDirectory(prefix="fzcheck-convert-") as tmp:
        work = Path(tmp)
        source = work / "input.doc"
        source.write_bytes(data)
        out = work / "out"
        out.mkdir()
        _run(tool, source, out, work / "profile", seconds, path)
        result = out / "input.docx"
        if not result.is_file():
            raise InputError(path, "LibreOffice 无法转换这个文件（文件可能已损坏或不是 Word/WPS 文档）",
                             "请用 Word/WPS 打开后另存为 .docx 后重试")
        return result.read_bytes()


def _run(tool: str, source: Path, out: Path, profile: Path, seconds: int, path: str) -> None:
    """Run one headless conversion in its own process group; kill the group past the limit."""
    command = [tool, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
               str(source)]
    env = dict(os.environ, HOME=str(profile.parent), SAL_USE_VCLPLUGIN="svp")
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,  # noqa: S603
                                stderr=subprocess.DEVNULL, cwd=str(out), env=env, start_new_session=True)
    except OSError as exc:
        raise InputError(path, f"无法启动 LibreOffice（{exc.strerror or exc}）",
                         f"请确认 LibreOffice 已正确安装（Debian/Ubuntu：apt-get install {PACKAGE}）") from None
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise InputError(path, f"LibreOffice 转换超过 {seconds} 秒的时间上限，已中止，未检查",
                         "请确认文件来源可靠，或用 Word/WPS 另存为 .docx；确需检查时可用 --max-read-seconds 调高上限") from None
    finally:
        _kill_group(proc)  # also helpers a finished LibreOffice may leave behind


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill LibreOffice and every helper it started (they share its process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if proc.returncode is None:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
