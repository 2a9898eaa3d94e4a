"""A result cache for repeat runs (``--cache DIR`` or the config's ``cache: DIR``), like ruff's.

A reports repository is checked on every push and a bureau re-runs a folder as units resubmit,
so most files are unchanged between runs.  An entry is keyed by what decides a file's result:

* the SHA-256 of the file's bytes and its suffix (which reader reads it);
* the fingerprint of the effective rule set for that file (its merged data, per-path overrides
  and ignores included; file paths of rule files excluded, so a cache moves between checkouts);
* fzcheck's version and a digest of its own source (an edited checkout never reuses old results);
* the active input limits and whether the report's text is kept (only the HTML page needs it).

The path is not part of the key: a moved or copied file is a hit, and its path is put back into
the result.  Entries are JSON, never pickle (a cache directory committed to a shared repository
or restored by CI must not be a way to run code), written atomically (a temporary file renamed
into place).  An entry is three parts: a one-line JSON header (the key, the row a batch keeps
for the report, the sizes of the other parts and their SHA-256), the report's ``--format json``
object without its path, and the whole result as JSON.  A warm run decodes the header only and
writes the JSON text as it is (checker/run/spill.py); the result is decoded when a format needs
more.  An entry that cannot be read, parsed, does not match or fails its sizes or digest is
ignored and the file is checked again; a cache that cannot be written is ignored too.  A hit
refreshes its entry's modification time (when older than a day), and at most once a day a run removes entries unused for ``MAX_AGE_DAYS`` (a
new fzcheck version or rule set leaves every old entry unused) and temporary files left by a run
that was killed; deleting the directory is always safe.

Pairing runs on every run from the cached metadata (checker/run/batch.py), as do the baseline
and the formats.  A pair's cross-year comparison is cached too, under both files' keys and last
year's path (:meth:`ResultCache.cross_key`): a repeat run over two unchanged years compares no pair.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import time
from pathlib import Path

from checker import __version__
from checker.check.finding import SEVERITIES, Finding
from checker.read import record
from checker.read.lazy_pattern import lazy
from checker.read.limits import Limits, active

from .result import ReportResult

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


FORMAT = 2  # bump when the entry layout changes
FOLDER = "v1"  # entries of any format live here: an old entry is never hit (its key holds the old code's digest) and is pruned
GITIGNORE = "# fzcheck --cache: results of earlier runs, safe to delete\n*\n"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by fzcheck (https://bford.info/cachedir/).\n")
_HASH_CHUNK = 1 << 20
MAX_AGE_DAYS = 30
PRUNE_EVERY = 24 * 3600  # seconds between two prunes of one cache
TOUCH_AFTER = 24 * 3600  # a hit refreshes its entry's modification time when it is older than this
STAMP = ".pruned"  # its modification time is the last prune
_CODE_DIGEST: str | None = None


class ResultCache:
    """Look-ups and stores of per-file results under one directory (``DIR/v1/ab/abcd….json``)."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.root = Path(directory) / FOLDER
        self.root_name = str(self.root)
        self._fingerprints: dict[int, tuple[Any, str]] = {}  # id(rule set) → (rule set, digest)
        self._last_settings: tuple[Any, tuple, str] | None = None

    def key(self, path: str, ruleset, dropped: set[str], keep_lines: bool) -> str | None:
        """The entry key for a file, or None when it is not cached (standard input, a file that
        cannot be read, or one larger than ``--max-file-size``: hashing it would read it all)."""
        limits = active() or _default_limits()
        if path == "-":
            return None
        try:
            if os.stat(path).st_size > limits.max_file_size:
                return None
            content = _file_digest(path)
        except OSError:
            return None
        settings = self._settings(ruleset, dropped, keep_lines, limits)
        # two hex digests and a suffix, joined by a character none of them holds
        text = f"{settings}\0{os.path.splitext(path)[1].lower()}\0{content}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _settings(self, ruleset, dropped: set[str], keep_lines: bool, limits) -> str:
        """Digest of everything in a key but the file itself (the same for most files of a run)."""
        held = (frozenset(dropped), keep_lines, limits)
        last = self._last_settings
        if last is None or last[0] is not ruleset or last[1] != held:  # the rule set by identity
            parts = [FORMAT, __version__, code_digest(), self.fingerprint(ruleset), sorted(dropped), keep_lines,
                     record.asdict(limits)]
            digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()
            last = self._last_settings = (ruleset, held, digest)
        return last[2]

    def fingerprint(self, ruleset) -> str:
        """Digest of a rule set's effective data (computed once per rule set object)."""
        held = self._fingerprints.get(id(ruleset))
        if held is None or held[0] is not ruleset:
            held = (ruleset, ruleset_fingerprint(ruleset))
            self._fingerprints[id(ruleset)] = held
        return held[1]

    def get(self, key: str, path: str) -> ReportResult | None:
        """The cached result for ``path``, or None when there is no usable entry."""
        found = self.packed(key, path)
        if found is None:
            return None
        try:
            return entry_result(found.blob, path)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def packed(self, key: str, path: str):
        """The entry for ``path`` ready for a batch (checker/run/spill.py: its row, its report's
        JSON text and its result still as JSON, decoded only if a format needs it), or None
        when there is no usable entry."""
        from .jsontext import with_path
        from .spill import CACHED, Packed, Row

        entry = self._entry_name(key)
        try:
            with open(entry, "rb") as handle:
                data = handle.read()
                used = os.fstat(handle.fileno()).st_mtime
            head, text, result = _split(data, key)
            issuer, year, counts, score, rules, title, published, unreadable = head["row"]
            if not (_metadata_ok({"issuer": issuer, "year": year, "title": title, "published": published})
                    and isinstance(counts, list) and len(counts) == 3 and _all(int, score, *counts)
                    and isinstance(rules, list) and _all(str, *rules) and isinstance(unreadable, bool)):
                return None
            row = Row(path=path, issuer=issuer, year=year, counts=tuple(counts), score=score, rules=tuple(rules),
                      title=title, published=published, unreadable=unreadable)
            packed = Packed(row, with_path(text.decode("utf-8", "surrogatepass"), path), CACHED, result)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, truncated, edited or foreign: check the file again
        if time.time() - used > TOUCH_AFTER:
            _touch(entry)  # in use: pruning keeps it (once a day is enough, and spares a write per hit)
        return packed

    def prune(self, now: float | None = None) -> int:
        """Remove entries unused for MAX_AGE_DAYS and stale temporary files, unless the cache
        was pruned less than a day ago; returns how many files went.  Never raises."""
        now = time.time() if now is None else now
        stamp = self.root / STAMP
        try:
            if now - stamp.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            if not self.root.is_dir():
                return 0  # nothing cached yet
        if not _ours(Path(self.directory)):
            return 0  # a folder fzcheck did not create (cache: api): never delete anything in it
        removed = 0
        for entry in _files(self.root):
            try:
                age = now - entry.stat().st_mtime
            except OSError:
                continue  # removed meanwhile by another run
            old_temp = _TEMP_NAME.fullmatch(entry.name) is not None and age > PRUNE_EVERY
            if old_temp or (_ENTRY_NAME.fullmatch(entry.name) is not None and age > MAX_AGE_DAYS * 86400):
                removed += _remove(entry.path)
        _touch(stamp, create=True)
        return removed

    def put(self, key: str, report: ReportResult) -> None:
        """Store a result (silently not, when it cannot be stored faithfully or written)."""
        from .jsontext import report_text, without_path
        from .spill import Row

        data = result_to_json(report)
        tail = without_path(report_text(report.as_dict()), report.path)
        if data is None or tail is None:
            return
        row = Row.of(report)
        text = tail.encode("utf-8", "surrogatepass")
        result = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
        head = {"format": FORMAT, "key": key, "row": [row.issuer, row.year, list(row.counts), row.score, list(row.rules),
                                                      row.title, row.published, row.unreadable],
                "sizes": [len(text), len(result)], "sha256": hashlib.sha256(text + result).hexdigest()}
        self._write(key, json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + text + b"\n" + result + b"\n")

    def _write(self, key: str, body: bytes) -> None:
        """An entry written atomically (silently not, when the cache cannot be written)."""
        target = self._entry(key)
        try:
            self._prepare(target.parent)
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(body)
                os.replace(temp, target)  # atomic: a reader sees the old entry, or the whole new one
            except BaseException:
                _remove(temp)
                raise
        except OSError:
            return

    # -- the cross-year comparison of a pair (checker/run/pairing.py) ---------------------------

    @staticmethod
    def cross_key(key: str, previous_key: str, previous_path: str) -> str:
        """The entry key of a pair's comparison: both files' keys (content, rule set, fzcheck)
        and last year's path (the page and an unreadable file's message name it)."""
        parts = ["cross", key, previous_key, previous_path]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()

    def get_cross(self, key: str, path: str) -> tuple | None:
        """A pair's cross-year findings, page data and suppressed counts, as
        :func:`checker.run.pairing.recheck` gives them, or None."""
        try:
            with open(self._entry_name(key), encoding="utf-8", errors="surrogatepass") as handle:
                entry = json.load(handle)
            if entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            data = entry["cross"]
            probe = {"metadata": {}, "sections": [], "score": 0, "lines": [], "outline": {}, "pages": [],
                     "findings": data["findings"], "crossyear": data["crossyear"], "suppressed": data["suppressed"]}
            found = result_from_json(probe, path)  # the same checks as a result's
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return found.findings, found.crossyear, found.suppressed

    def put_cross(self, key: str, path: str, extra: tuple) -> None:
        """Store a pair's comparison (silently not, when it cannot be stored faithfully)."""
        findings, crossyear = extra[0], extra[1]
        hidden = extra[2] if len(extra) > 2 else {}
        probe = ReportResult(path=path, metadata={}, sections=[], findings=list(findings), score=0,
                             crossyear=crossyear, suppressed=hidden)
        data = result_to_json(probe)
        if data is None:
            return
        cross = {"findings": data["findings"], "crossyear": data["crossyear"], "suppressed": hidden}
        self._write(key, json.dumps({"format": FORMAT, "key": key, "cross": cross}, ensure_ascii=False)
                    .encode("utf-8", "surrogatepass"))

    def _entry_name(self, key: str) -> str:
        return f"{self.root_name}{os.sep}{key[:2]}{os.sep}{key}.json"  # str, not Path: once per file of a warm run

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def _prepare(self, folder: Path) -> None:
        """Create the entry's folder; a new cache directory gets a .gitignore and a CACHEDIR.TAG."""
        if folder.is_dir():
            return
        top = Path(self.directory)
        if not top.exists():
            top.mkdir(parents=True, exist_ok=True)
            for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
                (top / name).write_text(text, encoding="utf-8")
        folder.mkdir(parents=True, exist_ok=True)


def _split(data: bytes, key: str) -> tuple[dict, bytes, bytes]:
    """An entry's header, report JSON text and result JSON; ValueError when it is not one of
    ours for ``key`` or is damaged (sizes and digest checked: a truncated or edited entry)."""
    cut = data.index(b"\n")
    head = json.loads(data[:cut])
    if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key:
        raise ValueError("not an entry for this key")
    text_size, result_size = head["sizes"]
    if not _all(int, text_size, result_size) or len(data) != cut + text_size + result_size + 3:
        raise ValueError("entry of the wrong size")
    text = data[cut + 1:cut + 1 + text_size]
    result = data[cut + 2 + text_size:cut + 2 + text_size + result_size]
    if hashlib.sha256(text + result).hexdigest() != head.get("sha256"):
        raise ValueError("damaged entry")
    return head, text, result


def entry_result(data: bytes, path: str) -> ReportResult:
    """A cached result (an entry's result JSON) for ``path``; ValueError and the like when malformed."""
    return result_from_json(json.loads(data), path)


@functools.cache
def _default_limits() -> Limits:
    """The readers' default limits, made once (a batch asks for every file)."""
    return Limits()


def _file_digest(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _remove(path: str) -> int:
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0


def _touch(path: Path | str, create: bool = False) -> None:
    """Set a file's modification time to now (a read-only cache is still usable)."""
    try:
        if create:
            Path(path).touch()
        else:
            os.utime(path)
    except OSError:
        pass


_ENTRY_NAME = lazy(r"[0-9a-f]{64}\.json")  # what put() names an entry
_TEMP_NAME = lazy(r"\.tmp-[^/]+\.json")  # what put()'s mkstemp names a temporary file
_FOLDER_NAME = lazy(r"[0-9a-f]{2}")


def _ours(top: Path) -> bool:
    """Whether fzcheck created this cache directory: it wrote the CACHEDIR.TAG there."""
    try:
        return "created by fzcheck" in (top / "CACHEDIR.TAG").read_text(encoding="utf-8", errors="replace")[:500]
    except OSError:
        return False


def _files(root: Path):
    """Entries (and temporary files) in the cache's two-character folders, skipping what fails."""
    try:
        folders = [d for d in os.scandir(root) if d.is_dir(follow_symlinks=False) and _FOLDER_NAME.fullmatch(d.name)]
    except OSError:
        return
    for folder in folders:
        try:
            yield from (f for f in os.scandir(folder.path) if f.is_file(follow_symlinks=False))
        except OSError:
            continue


def code_digest() -> str:
    """Digest of fzcheck's own Python source, by content (not mtime: a fresh ``pip install`` in
    CI rewrites every file, and must still hit)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        digest = hashlib.sha256()
        package = Path(__file__).resolve().parent.parent  # the checker package
        for source in sorted(package.rglob("*.py")):
            digest.update(source.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(source.read_bytes() + b"\0")
        _CODE_DIGEST = digest.hexdigest()
    return _CODE_DIGEST


def ruleset_fingerprint(ruleset) -> str:
    """SHA-256 of the data that decides findings: sections, order, scoring, deadlines, lexicons
    and every rule's kind, severity, message, scope, params and state.  File paths (``path``,
    ``chain``, a rule's ``origin``), examples and compiled objects are left out."""
    data = {"name": ruleset.name, "title": ruleset.title, "sections": _plain(ruleset.sections),
            "order": _plain(ruleset.order), "scoring": _plain(ruleset.scoring),
            "deadlines": _plain(ruleset.deadlines), "lexicons": _plain(ruleset.lexicons),
            "rules": [{name: _plain(getattr(rule, name)) for name in
                       ("id", "kind", "severity", "message", "summary", "scope", "params", "enabled")}
                      for rule in ruleset.rules]}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """JSON-able form of rule-set data (records, tuples, compiled patterns)."""
    if record.is_record(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in record.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": value.flags}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def result_to_json(report: ReportResult) -> dict | None:
    """A result as JSON data without its path, or None when JSON would not give it back exactly
    (a finding for another path, tuples in the page data)."""
    if any(f.path != report.path for f in report.findings):
        return None
    data = {"metadata": report.metadata, "sections": report.sections, "score": report.score,
            "findings": [[f.rule, f.severity, f.message, f.line, f.column, f.end_line, f.end_column,
                          f.excerpt, f.section] for f in report.findings],
            "lines": report.lines, "outline": report.outline, "crossyear": report.crossyear}
    if report.pages:
        data["pages"] = report.pages
    if report.suppressed:
        data["suppressed"] = report.suppressed
    try:
        if json.loads(json.dumps(data, ensure_ascii=False)) != data:
            return None
    except (TypeError, ValueError):
        return None
    return data


def result_from_json(data: dict, path: str) -> ReportResult:
    """The stored result, with ``path`` put back into it and its findings; raises
    TypeError/ValueError/KeyError on a malformed entry."""
    findings = []
    for item in data["findings"]:
        rule, severity, message, line, column, end_line, end_column, excerpt, section = item
        if not (_all(str, rule, severity, message, excerpt) and _all(int, line, column, end_line, end_column)
                and severity in SEVERITIES and (section is None or isinstance(section, str))):
            raise ValueError("malformed finding")
        findings.append(Finding(rule=rule, severity=severity, message=message, line=line, column=column,
                                end_line=end_line, end_column=end_column, excerpt=excerpt, section=section,
                                path=path))
    metadata, sections, score = data["metadata"], data["sections"], data["score"]
    lines, outline, crossyear, pages = data["lines"], data["outline"], data["crossyear"], data.get("pages", [])
    if not (_metadata_ok(metadata) and isinstance(sections, list) and all(_section_ok(s) for s in sections)
            and _all(int, score) and isinstance(lines, list) and _all(str, *lines)
            and isinstance(outline, dict) and isinstance(crossyear, dict)
            and isinstance(pages, list) and _all(int, *pages)):
        raise ValueError("malformed result")
    suppressed = data.get("suppressed") or {}
    if not (isinstance(suppressed, dict) and _all(str, *suppressed) and _all(int, *suppressed.values())):
        raise ValueError("malformed result")
    return ReportResult(path=path, metadata=metadata, sections=sections, findings=findings, score=score,
                        lines=lines, outline=outline, crossyear=crossyear, pages=pages, suppressed=suppressed)


def _all(kind: type, *values: Any) -> bool:
    return all(isinstance(v, kind) and not isinstance(v, bool) for v in values)


def _metadata_ok(metadata: Any) -> bool:
    """The metadata pairing and the formats read: strings or None, the year a number or None."""
    if not isinstance(metadata, dict):
        return False
    texts = [metadata.get(name) for name in ("title", "issuer", "published")]
    year = metadata.get("year")
    return all(v is None or isinstance(v, str) for v in texts) and (year is None or _all(int, year))


def _section_ok(section: Any) -> bool:
    return (isinstance(section, dict) and _all(str, section.get("key"), section.get("heading"))
            and _all(int, section.get("line")) and isinstance(section.get("embedded"), bool))
