"""A batch's results on disk while the batch runs, so that the parent's memory does not grow
with the number of reports (10⁵ reports a year nationally; ~35 KB of result each in memory).

Every result the main pass produces goes into one unnamed temporary file (deleted when the run
ends, or by the system if fzcheck is killed), in the order the workers finish, with its place
kept per report.  The first IN_MEMORY bytes stay in memory: a run of one or a few reports makes
no file (and does not import ``tempfile``, which with ``shutil`` costs ~5 ms of every run).  The parent keeps only a :class:`Row` per report: what the summary, the exit
status, pairing with last year's report and the formats' headers need.  The formats then read the
results back one at a time in input order (random reads: the order the workers finished in does
not matter, and nothing is buffered to restore it).

Spilling rather than buffering is forced by the cross-year rules: the first report's final
findings are known only once every report's issuer and year are (pairing), i.e. after the main
pass; a bounded reorder buffer could not hold them.

Each entry holds the report's contract object as JSON text (checker/run/jsontext.py: what
``--format json`` writes, so that format never loads a result) and the whole result, either
pickled (from a worker: our own process, never an outside file) or as the cache's JSON entry
(checker/run/cache.py: decoded only when a format needs more than the JSON object).
"""
from __future__ import annotations

import os

from checker.check.finding import SEVERITIES
from checker.read.record import field, record

from .result import ReportResult

PICKLED, CACHED, HELD = 0, 1, 2  # how an entry's whole result is stored (HELD: the object itself, in memory)
IN_MEMORY = 4 * 1024 * 1024  # bytes of entries held before they go to the file (~100-500 reports)


@record(slots=True)
class Row:
    """What the parent keeps of one report (a few hundred bytes)."""

    path: str
    issuer: str | None
    year: int | None
    counts: tuple[int, int, int]  # error, warning, info
    score: int
    rules: tuple[str, ...]  # the rules that fired, in the order of their first finding
    title: str | None = None
    published: str | None = None
    unreadable: bool = False

    @property
    def metadata(self) -> dict:
        """The metadata pairing and the roster read (checker/run/pairing.py, formats/roster_view.py)."""
        return {"title": self.title, "issuer": self.issuer, "year": self.year, "published": self.published}

    @classmethod
    def of(cls, report: ReportResult) -> "Row":
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in report.findings:
            counts[finding.severity] += 1
        meta = report.metadata or {}
        return cls(path=report.path, issuer=meta.get("issuer"), year=meta.get("year"),
                   counts=(counts["error"], counts["warning"], counts["info"]), score=report.score,
                   rules=tuple(dict.fromkeys(f.rule for f in report.findings)), title=meta.get("title"),
                   published=meta.get("published"), unreadable=report.unreadable)


@record(frozen=True)
class Packed:
    """A result made ready for the spill where it was produced (a worker, or the cache): the
    row, the contract object's text and the whole result as bytes."""

    row: Row
    text: str
    kind: int
    blob: bytes
    report: ReportResult | None = field(default=None, repr=False, compare=False)  # HELD: the result itself

    @classmethod
    def of(cls, report: ReportResult) -> "Packed":
        import pickle  # here: a run that checks one file in its own process never pickles (~2 ms)

        return cls._made(report, PICKLED, pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))

    @classmethod
    def held(cls, report: ReportResult) -> "Packed":
        """A result checked in the spill's own process: kept as it is, not pickled, and its JSON
        text only made if a format asks for it (:meth:`Spill.text`): the text format never does."""
        return cls(Row.of(report), "", HELD, b"", report)

    @classmethod
    def _made(cls, report: ReportResult, kind: int, blob: bytes) -> "Packed":
        from .jsontext import report_text

        return cls(Row.of(report), report_text(report.as_dict()), kind, blob)


class Spill:
    """``count`` reports' entries in a temporary file; ``put`` in any order, ``text``/``load``
    by input index."""

    def __init__(self, count: int, directory: str | None = None, decode_cached=None) -> None:
        """``decode_cached(data, path)``: a cache entry's result JSON → its result (the batch
        gives it; the cache's own module is above this one)."""
        self.decode_cached = decode_cached
        self.directory = directory
        self.memory: bytearray | None = bytearray()  # the entries until they pass IN_MEMORY, then None
        self.handle = None
        self.fd = -1
        self.end = 0
        self.rows: list[Row | None] = [None] * count
        # per report: text offset, text size, blob offset, blob size — 64-bit words in one buffer
        # (a memoryview, not array: one shared library fewer to load on every run)
        self.places = memoryview(bytearray(8 * 4 * count)).cast("q")
        self.kinds = bytearray(count)
        self.held: dict[int, ReportResult] = {}  # HELD results (one file checked in this process)

    def __len__(self) -> int:
        return len(self.rows)

    def put(self, index: int, packed: Packed) -> None:
        text = packed.text.encode("utf-8", "surrogatepass")
        at = self.end
        self._write(text + packed.blob)
        self.end = at + len(text) + len(packed.blob)
        self.places[4 * index], self.places[4 * index + 1] = at, len(text)
        self.places[4 * index + 2], self.places[4 * index + 3] = at + len(text), len(packed.blob)
        self.kinds[index] = packed.kind
        self.rows[index] = packed.row
        if packed.kind == HELD:
            self.held[index] = packed.report
        else:
            self.held.pop(index, None)

    def text(self, index: int) -> str:
        if self.kinds[index] == HELD:
            from .jsontext import report_text

            return report_text(self.held[index].as_dict())
        at, size = self.places[4 * index], self.places[4 * index + 1]
        return self._read(size, at).decode("utf-8", "surrogatepass")

    def load(self, index: int) -> ReportResult:
        at, size = self.places[4 * index + 2], self.places[4 * index + 3]
        data = self._read(size, at)
        if self.kinds[index] == CACHED:
            return self.decode_cached(data, self.rows[index].path)
        if self.kinds[index] == HELD:
            return self.held[index]
        import pickle

        return pickle.loads(data)

    def _write(self, data: bytes) -> None:
        """Append ``data`` at ``self.end``: in memory while the entries fit, else in the file."""
        if self.memory is not None:
            if len(self.memory) + len(data) <= IN_MEMORY:
                self.memory += data
                return
            self._to_file()
        os.pwrite(self.fd, data, self.end)

    def _to_file(self) -> None:
        import tempfile

        self.handle = tempfile.TemporaryFile(prefix="fzcheck-batch-", dir=self.directory)
        self.fd = self.handle.fileno()
        os.pwrite(self.fd, bytes(self.memory), 0)
        self.memory = None

    def _read(self, size: int, at: int) -> bytes:
        if self.memory is not None:
            return bytes(self.memory[at:at + size])
        return _read(self.fd, size, at)

    def close(self) -> None:
        self.memory = None
        self.held.clear()
        if self.handle is not None:
            self.handle.close()


def _read(fd: int, size: int, at: int) -> bytes:
    data = os.pread(fd, size, at)
    while len(data) < size:  # pread may return less than asked on some file systems
        more = os.pread(fd, size - len(data), at + len(data))
        if not more:
            raise OSError(f"fzcheck: the batch's temporary file ended early ({len(data)} of {size} bytes)")
        data += more
    return data
