#!/usr/bin/env python3
"""Throughput and start-up benchmark for fzcheck (not a test: it prints figures, asserts nothing).

    python bench/bench.py --reports 2000            # batch + one-report figures
    python bench/bench.py --reports 200 --jobs 1 2  # compare worker counts
    python bench/bench.py --reports 20000           # scale run: 2,000 and 20,000 reports, memory
    python bench/bench.py --reports 100000 --pairs  # the national volume, two years paired

It writes N synthetic reports (the ``samples/*.txt`` reports, each copy with its unit name,
figures and year varied so that no two files are alike) into a temporary folder, then in the
same run times:

* a naive scan: one Python process that reads every file, decodes it as UTF-8 and runs one
  regular expression (placeholders, vague claim words, 第一责任人) over it, counting line numbers
  of the matches — the least a "grep for problems" script would do;
* ``python -m checker DIR --format json -o FILE`` for each ``--jobs`` value (wall time, start-up
  and everything included), best of ``--repeat`` runs: cold, no cache;
* the same with ``--cache DIR`` warm: the cache is filled by one untimed run, then the timed runs
  find every file in it (a repeat run over unchanged files);
* one report: ``python -m checker samples/clean-2024.txt`` against ``python -c pass``
  (median of ``--one-repeat`` runs);
* with ``--reports N`` above 2,000 (a scale run; or ``--scale N`` beside the main table): the
  batch at 2,000 reports and at N reports, once each, each beside its own naive scan, with the
  ratio of the N run to the 2,000 run and the peak resident memory of the parent process and of
  the largest worker (VmHWM from /proc, sampled every 20 ms); the N run's output is written to
  a file as a user would (``-o``), so the figures include writing it.  ``--pairs`` makes every
  issuer report two years running (so the cross-year rules compare every second report).

Figures: reports/s, MB/s and the ratio of fzcheck's time to the naive scan's.  Record them in
docs/performance.md with the machine they were measured on.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
NAIVE_SOURCE = r'''
import re, sys, os
RX = re.compile(r"×{2,}|X{2,}|某某|有效提升|显著提高|进一步加强|第一责任人")
hits = 0
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    dirnames.sort()
    for name in sorted(filenames):
        with open(os.path.join(dirpath, name), "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace")
        for m in RX.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            hits += 1
print(hits)
'''
BASE_REPORTS = 2000  # the run a scale run is compared with
UNITS = ["云溪区", "青山县", "临江市", "东湖区", "石门县", "北川市", "南岭区", "西林县"]


def make_reports(folder: Path, count: int, pairs: bool = False) -> tuple[int, int]:
    """Write ``count`` varied copies of the samples; returns (files, bytes).  With ``pairs``,
    report ``i`` and ``i + 1`` (``i`` even) are the same issuer's for two years running."""
    sources = sorted(p for p in SAMPLES.glob("*.txt"))
    if not sources:
        sys.exit(f"bench: no samples/*.txt under {SAMPLES}")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    total = 0
    for i in range(count):
        text = texts[i % len(texts)]
        unit = UNITS[i % len(UNITS)] + (f"第{i // len(UNITS)}" if i >= len(UNITS) else "")
        year = 2020 + i % 5
        if pairs:
            text = texts[(i // 2) % len(texts)]
            unit = UNITS[(i // 2) % len(UNITS)] + f"第{i // 2}"
            year = 2023 + i % 2
            text = text.replace("2024", str(year)).replace("2025", str(year + 1))
        text = text.replace("云溪区", unit)
        text = re.sub(r"(\d+)(件|次|人次|个|场|项)", lambda m, i=i: f"{int(m.group(1)) + i % 97}{m.group(2)}", text)
        year_dir = folder / str(year)
        year_dir.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (year_dir / f"{i:05d}-{sources[i % len(sources)].stem}.txt").write_bytes(data)
        total += len(data)
    return count, total


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return elapsed


def _hwm_kb(pid: int) -> int:
    """A process's peak resident memory so far (VmHWM), 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(c) for c in handle.read().split()]
    except (OSError, ValueError):
        return []


def peak_memory(cmd: list[str]) -> tuple[float, float, float]:
    """Run ``cmd`` once and return (wall s, parent peak MB, largest worker peak MB): each
    process's VmHWM from /proc, sampled every 20 ms until it exits (Linux only; a peak in the
    last 20 ms of a process's life can be missed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent = worker = 0
    while proc.poll() is None:
        parent = max(parent, _hwm_kb(proc.pid))
        for child in _children(proc.pid):
            worker = max(worker, _hwm_kb(child), *(_hwm_kb(g) for g in _children(child)))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode(errors='replace')}")
    return elapsed, parent / 1024, worker / 1024


def best(cmd: list[str], repeat: int) -> float:
    return min(timed(cmd) for _ in range(repeat))


def one_report(python: str, repeat: int) -> None:
    """One report against bare Python: with the compiled patterns an earlier run left in the
    pattern cache (every run after the first; checker/read/regex_cache.py) and without them.
    The cache is a file of this benchmark's own, filled by a run over the samples and one
    over the report, as a user's would be after using this version: the user's cache on a
    development machine also holds the rule data of every checkout and CI clone run there,
    which a user's does not.  Wall and CPU time (the process and its worker, from getrusage):
    on a busy machine the CPU figure is the steadier of the two."""
    one = SAMPLES / "clean-2024.txt"
    command = [python, "-m", "checker", str(one), "--no-config"]
    before = os.environ.get("FZCHECK_REGEX_CACHE")
    with tempfile.TemporaryDirectory(prefix="fzcheck-bench-cache-") as folder:
        os.environ["FZCHECK_REGEX_CACHE"] = os.path.join(folder, "patterns.marshal")
        try:
            timed([python, "-m", "checker", str(SAMPLES), "--no-config"])
            timed(command)
            bare = medians([python, "-c", "pass"], repeat)
            single = medians(command, repeat)
            os.environ["FZCHECK_REGEX_CACHE"] = "off"
            uncached = medians(command, repeat)
        finally:
            if before is None:
                del os.environ["FZCHECK_REGEX_CACHE"]
            else:
                os.environ["FZCHECK_REGEX_CACHE"] = before
    print(f"{'one report':<36}{'wall ms':>9}{'cpu ms':>9}")
    for name, (wall, cpu) in [("python -c pass", bare), ("fzcheck samples/clean-2024.txt", single),
                              ("  the same, no pattern cache", uncached)]:
        extra = "" if name.startswith("python") else f"   (+{(wall - bare[0]) * 1000:.0f} ms wall, +{(cpu - bare[1]) * 1000:.0f} ms cpu over bare Python)"
        print(f"{name:<36}{wall * 1000:>9.0f}{cpu * 1000:>9.0f}{extra}")


def medians(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, with the workers it waited for)."""
    import resource

    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(timed(cmd))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _load() -> str:
    """The 1, 5 and 15-minute load averages (other work on the machine skews every figure)."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000, help="number of synthetic reports (default 2000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=None,
                        help="worker counts to time (default: 1 and all cores)")
    parser.add_argument("--repeat", type=int, default=3, help="batch runs per setting; the best is kept")
    parser.add_argument("--one-repeat", type=int, default=15, help="runs for the one-report figure (median)")
    parser.add_argument("--one", action="store_true", help="only the one-report figures (no batch)")
    parser.add_argument("--keep", metavar="DIR", help="write the reports to DIR and keep them")
    parser.add_argument("--load", action="store_true", help="print the load average before and after")
    parser.add_argument("--pairs", action="store_true",
                        help="make the reports pairs: each issuer's report for two years running")
    parser.add_argument("--scale", type=int, default=0, metavar="N",
                        help="also run N reports (e.g. 20000) once with all cores, with the naive scan beside it, "
                             "and print the cost ratio to the main run and the peak memory of the parent and "
                             "of the largest worker")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs_list = args.jobs or sorted({1, cores})
    python = sys.executable
    if args.one:
        print(f"load average before: {_load()}")
        one_report(python, args.one_repeat)
        print(f"load average after: {_load()}")
        return

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="fzcheck-bench-"))
    if args.reports > BASE_REPORTS:  # a scale run: the 2,000 run and the N run, nothing else
        try:
            print(f"fzcheck scale run: {BASE_REPORTS} and {args.reports} reports{' (paired)' if args.pairs else ''}, "
                  f"{cores} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}")
            print(f"load average before: {_load()}\n")
            scale_run(work, args.reports, python, cores, args.pairs)
            print(f"load average after: {_load()}")
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    try:
        reports_dir = work / "reports"
        if reports_dir.exists():
            shutil.rmtree(reports_dir)
        files, size = make_reports(reports_dir, args.reports, args.pairs)
        mb = size / 1e6
        print(f"fzcheck benchmark: {files} reports, {mb:.1f} MB, {cores} cores, Python {sys.version.split()[0]}")
        env_note = os.uname().machine if hasattr(os, "uname") else ""
        print(f"machine: {env_note}, {time.strftime('%Y-%m-%d')}")
        if args.load:
            print(f"load average before: {_load()}")
        print()

        naive = best([python, "-c", NAIVE_SOURCE, str(reports_dir)], args.repeat)
        rows = [("naive regex scan (1 process)", naive)]
        out = work / "out.json"
        cache = work / "cache"
        if cache.exists():
            shutil.rmtree(cache)

        def fzcheck(jobs: int, *extra: str) -> list[str]:
            return [python, "-m", "checker", str(reports_dir), "--format", "json", "-o", str(out),
                    "--fail-on", "never", "--jobs", str(jobs), "--no-progress", "--no-config", *extra]

        for jobs in jobs_list:
            rows.append((f"fzcheck --jobs {jobs} (cold)", best(fzcheck(jobs), args.repeat)))
        for jobs in jobs_list:
            warm = fzcheck(jobs, "--cache", str(cache))
            if jobs == jobs_list[0]:
                timed(warm)  # fills the cache; not timed
            rows.append((f"fzcheck --jobs {jobs} --cache (warm)", best(warm, args.repeat)))
        print(f"{'batch':<36}{'wall s':>9}{'reports/s':>12}{'MB/s':>9}{'× naive':>10}")
        for name, seconds in rows:
            print(f"{name:<36}{seconds:>9.2f}{files / seconds:>12.0f}{mb / seconds:>9.2f}{seconds / naive:>10.1f}")
        print()

        if args.scale:
            scale_run(work, args.scale, python, cores, args.pairs)
        one_report(python, args.one_repeat)
        if args.load:
            print(f"\nload average after: {_load()}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def scale_run(work: Path, count: int, python: str, cores: int, pairs: bool = False) -> None:
    """The batch at BASE_REPORTS and at ``count`` reports (cold, all cores, ``-o`` a JSON file),
    each beside its naive scan: the cost ratio and the peak memory of the parent and of the
    largest worker."""
    rows = []
    for n in (BASE_REPORTS, count):
        folder = work / f"scale-{n}"
        if folder.exists():
            shutil.rmtree(folder)
        files, size = make_reports(folder, n, pairs)
        naive = timed([python, "-c", NAIVE_SOURCE, str(folder)])
        cmd = [python, "-m", "checker", str(folder), "--format", "json", "-o", str(work / f"scale-{n}.json"),
               "--fail-on", "never", "--jobs", str(cores), "--no-progress", "--no-config"]
        seconds, parent_mb, worker_mb = peak_memory(cmd)
        output_mb = (work / f"scale-{n}.json").stat().st_size / 1e6
        rows.append((files, size, naive, seconds, parent_mb, worker_mb, output_mb))
        shutil.rmtree(folder, ignore_errors=True)
    base = rows[0][3]
    print(f"{'':<30}{'MB in':>8}{'naive s':>9}{'wall s':>9}{'× naive':>9}{'× 2,000':>9}{'parent MB':>11}"
          f"{'worker MB':>11}{'MB out':>8}")
    for files, size, naive, seconds, parent_mb, worker_mb, output_mb in rows:
        print(f"{f'fzcheck --jobs {cores} ({files} reports)':<30}{size / 1e6:>8.0f}{naive:>9.2f}{seconds:>9.2f}"
              f"{seconds / naive:>9.1f}{seconds / base:>9.2f}{parent_mb:>11.0f}{worker_mb:>11.0f}{output_mb:>8.0f}")
    print(f"cost ratio {rows[1][3] / base:.2f} for {rows[1][0] / rows[0][0]:.0f}× the reports "
          f"(naive: {rows[1][2] / rows[0][2]:.2f})\n")


if __name__ == "__main__":
    main()
