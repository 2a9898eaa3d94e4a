"""checker/read/regex_cache.py: a pattern taken from the cache file is the pattern ``re`` makes
(same program, flags and groups); a file that is another Python's, damaged or unwritable is
ignored; a second run of the command reads what the first one wrote and says the same."""
from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from checker.read import regex_cache
from tests.conftest import REPO, SAMPLES
from tests.read.test_regex_charset import fzcheck_patterns

pytestmark = pytest.mark.skipif(sys.version_info[:2] not in regex_cache.VERSIONS or sys.implementation.name != "cpython",
                                reason="not installed on this Python")


@pytest.fixture()
def cache_file(tmp_path, monkeypatch):
    """The cache installed on a file of its own; the user's cache is put back afterwards."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setenv(regex_cache.ENV, str(path))
    regex_cache.uninstall()
    regex_cache.install()
    yield path
    monkeypatch.undo()
    regex_cache.uninstall()
    regex_cache.install()


def fresh(text: str, flags: int) -> re.Pattern:
    """What ``re`` compiles without the cache (its own compiler, its own memo bypassed)."""
    return regex_cache.ORIGINAL(text, flags)


def cached(text: str, flags: int) -> re.Pattern:
    """The same pattern compiled twice through the cache: the second comes from the entry."""
    regex_cache.compile_pattern(text, flags)
    assert (text, flags) in regex_cache._entries
    return regex_cache.compile_pattern(text, flags)


def same(a: re.Pattern, b: re.Pattern) -> bool:
    """Equal patterns in CPython have the same text, flags and program (compared word by word)."""
    return a == b and a.groups == b.groups and a.groupindex == b.groupindex


def test_every_fzcheck_pattern_comes_back_the_same(cache_file):
    patterns = fzcheck_patterns()
    assert len(patterns) > 150
    for text, flags in patterns:
        assert same(cached(text, flags), fresh(text, flags)), text


def test_groups_flags_and_bytes_patterns_survive(cache_file):
    for text, flags in [(r"(?P<year>\d{4})年(?P<month>\d+)月", 0), (r"(?i)abc|(d)", 0),
                        (r"^第.{1,3}条$", re.MULTILINE), (rb"\x00[a-z]+", 0)]:
        assert same(cached(text, flags), fresh(text, flags)), text
    match = cached(r"(?P<year>\d{4})年", 0).search("2024年")
    assert match.group("year") == "2024"


def test_a_second_process_reads_what_the_first_saved(cache_file):
    regex_cache.compile_pattern(r"[\u4e00-\u9fff]{2,}局", 0)
    regex_cache.save()
    assert cache_file.is_file()
    key, entries = marshal.loads(cache_file.read_bytes())
    assert key == regex_cache.KEY and (r"[\u4e00-\u9fff]{2,}局", 0) in entries
    regex_cache.uninstall()
    regex_cache.install()
    assert (r"[\u4e00-\u9fff]{2,}局", 0) in regex_cache._entries


def test_a_file_of_another_python_or_damaged_is_ignored(cache_file):
    cache_file.write_bytes(marshal.dumps(((0, "another", 1, 4, 0x10FFFF), {("a", 0): (0, b"", 0, {}, (), 1)})))
    assert regex_cache._read(cache_file) == {}
    cache_file.write_bytes(b"\x00garbage")
    assert regex_cache._read(cache_file) == {}
    cache_file.write_bytes(marshal.dumps((regex_cache.KEY, {("a", 0): "not an entry", 7: 8})))
    assert regex_cache._read(cache_file) == {}


def test_an_entry_the_engine_refuses_is_compiled_afresh(cache_file):
    text = r"某某(?:局|委)"
    cached(text, 0)
    flags, _program, groups, groupindex, indexgroup, number = regex_cache._entries[(text, 0)]
    regex_cache._entries[(text, 0)] = (flags, b"\xff\xff\xff\x7f" * 4, groups, groupindex, indexgroup, number)
    assert same(regex_cache.compile_pattern(text, 0), fresh(text, 0))
    assert regex_cache._entries[(text, 0)][1] != b"\xff\xff\xff\x7f" * 4  # the entry made again


def _entry(number: int) -> tuple:
    return (0, b"", 0, {}, (), number)


def test_a_save_keeps_recent_entries_and_drops_stale_ones(cache_file):
    """Entries no run used for KEEP_SAVES saves go; past MAX_ENTRIES the least recently used go;
    what this process used is stamped with the new save's number."""
    current = 100
    old = {(f"old{i}", 0): _entry(current - regex_cache.KEEP_SAVES - i) for i in range(5)}
    recent = {(f"recent{i}", 0): _entry(current - 1) for i in range(5)}
    mine = {("mine", 0): _entry(current)}
    kept = regex_cache._pruned({**old, **recent, **mine}, {("old0", 0): old[("old0", 0)]})
    assert set(kept) == {("old0", 0), *recent, *mine}  # old0 was used by this run, so it stays
    assert kept[("old0", 0)][5] == current + 1 and kept[("mine", 0)][5] == current
    many = {(f"p{i}", 0): _entry(i % 20 + 80) for i in range(regex_cache.MAX_ENTRIES + 50)}
    kept = regex_cache._pruned(many, {})
    assert len(kept) == regex_cache.MAX_ENTRIES
    assert min(e[5] for e in kept.values()) >= max(e[5] for k, e in many.items() if k not in kept)


def test_a_used_entry_is_stamped_by_the_next_save(cache_file):
    regex_cache.compile_pattern("甲乙", 0)
    regex_cache.save()
    first = regex_cache._read(cache_file)[("甲乙", 0)][5]
    regex_cache.uninstall()
    regex_cache.install()
    regex_cache.compile_pattern("甲乙", 0)  # from the file: used
    regex_cache.compile_pattern("丙丁", 0)  # new: the save writes
    regex_cache.save()
    entries = regex_cache._read(cache_file)
    assert entries[("甲乙", 0)][5] == entries[("丙丁", 0)][5] == first + 1


def test_an_unwritable_folder_is_not_an_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(regex_cache.ENV, str(blocked / "patterns.marshal"))
    regex_cache.uninstall()
    try:
        regex_cache.install()
        regex_cache.compile_pattern("不可写", 0)
        regex_cache.save()  # nothing raised, nothing written
        assert blocked.read_text(encoding="utf-8") == "not a folder"
    finally:
        monkeypatch.undo()
        regex_cache.uninstall()
        regex_cache.install()


def test_off_leaves_re_alone(monkeypatch):
    monkeypatch.setenv(regex_cache.ENV, "off")
    regex_cache.uninstall()
    try:
        assert regex_cache.install() is False
        assert regex_cache.location() is None
    finally:
        monkeypatch.undo()
        regex_cache.install()


def test_the_file_is_under_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(regex_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert os.path.dirname(regex_cache.location()) == str(tmp_path / "fzcheck")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert os.path.dirname(regex_cache.location()) == str(tmp_path / "home" / ".cache" / "fzcheck")


def test_a_home_folder_that_does_not_exist_is_not_made(tmp_path, monkeypatch):
    home = tmp_path / "gone" / "home"
    monkeypatch.delenv(regex_cache.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    regex_cache.uninstall()
    try:
        regex_cache.install()
        regex_cache.compile_pattern("无家可归", 0)
        regex_cache.save()
        assert not (tmp_path / "gone").exists()
    finally:
        monkeypatch.undo()
        regex_cache.uninstall()
        regex_cache.install()


def _run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", str(SAMPLES / "unquantified-2024.txt"), "--format", "json",
                           "--no-config"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def test_the_command_writes_the_cache_and_a_second_run_says_the_same(tmp_path):
    path = tmp_path / "cache" / "patterns.marshal"
    env = {**os.environ, regex_cache.ENV: str(path)}
    first = _run(env)
    assert path.is_file()  # written by the run (parent and worker), folder made as needed
    _key, entries = marshal.loads(path.read_bytes())
    assert len(entries) > 100
    second = _run(env)
    without = _run({**os.environ, regex_cache.ENV: "off"})
    assert first.returncode == second.returncode == without.returncode
    assert json.loads(first.stdout)["summary"]["warning"] > 0
    assert first.stdout == second.stdout == without.stdout
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_pattern_has_one_text_in_every_process_and_for_every_report(tmp_path):
    """The file stops growing once the patterns a kind of report needs are in it: no pattern's
    text depends on the process (a set's order) or on the report (a name, a unit)."""
    path = tmp_path / "patterns.marshal"
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        text = sample.read_text(encoding="utf-8")
        (renamed / sample.name).write_text(text.replace("云溪区", "青山县").replace("2024", "2023"), encoding="utf-8")

    def entries(seed: str, *folders) -> int:
        env = {**os.environ, regex_cache.ENV: str(path), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "checker", *map(str, folders), "--no-config"], cwd=REPO, env=env,
                       capture_output=True, timeout=300, check=False)
        return len(marshal.loads(path.read_bytes())[1])

    first = entries("1", SAMPLES)
    assert first > 100
    assert entries("2", SAMPLES, renamed) == first


def test_a_remembered_fact_is_computed_once_and_read_back_by_the_next_process(cache_file):
    calls = []

    def compute():
        calls.append(1)
        return (frozenset("甲乙"), [(1, 2)], None)

    assert regex_cache.remembered("test.fact", "甲|乙", 0, compute) == (frozenset("甲乙"), [(1, 2)], None)
    assert regex_cache.remembered("test.fact", "甲|乙", 0, compute) == (frozenset("甲乙"), [(1, 2)], None)
    assert len(calls) == 1
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()
    assert regex_cache.remembered("test.fact", "甲|乙", 0, compute) == (frozenset("甲乙"), [(1, 2)], None)
    assert len(calls) == 1
    assert regex_cache.remembered("test.other", "甲|乙", 0, lambda: object) is object  # not storable: computed
    assert ("甲|乙", 0, "test.other") not in regex_cache._entries


def test_a_latest_only_fact_replaces_the_older_ones_in_the_file(cache_file):
    """A bundled rule file's data is kept under its digest: after an upgrade the old version's
    data goes at the next save, while other names' facts stay."""
    regex_cache.remembered("test.data a", "1:aaaa", 0, lambda: ["old"], latest_only=True)
    regex_cache.remembered("test.data b", "1:bbbb", 0, lambda: ["other file"], latest_only=True)
    regex_cache.remembered("test.fact", "甲", 0, lambda: "kept")
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()
    assert regex_cache.remembered("test.data a", "2:cccc", 0, lambda: ["new"], latest_only=True) == ["new"]
    regex_cache.save()
    names = {key[2]: key[0] for key in regex_cache._read(cache_file) if len(key) == 3}
    assert names == {"test.data a": "2:cccc", "test.data b": "1:bbbb", "test.fact": "甲"}


def test_prefilter_facts_from_the_file_are_the_ones_derived_afresh(cache_file):
    """Every bundled pattern's prefilter facts, derived, saved, read back by a new process: equal."""
    from checker.check import prefilter

    # 200 patterns: with their programs and three facts each they stay within MAX_ENTRIES
    patterns = [re.compile(text, flags) for text, flags in fzcheck_patterns() if isinstance(text, str)][:200]
    derived = [(prefilter.requirements(p), getattr(prefilter.build(p), "chars", None), prefilter.first_class([p]))
               for p in patterns]
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()
    assert sum(len(k) == 3 for k in regex_cache._entries) >= len(patterns)  # read back, not derived again
    again = [(prefilter.requirements(p), getattr(prefilter.build(p), "chars", None), prefilter.first_class([p]))
             for p in patterns]
    assert [(r, c, getattr(f, "pattern", None)) for r, c, f in again] == \
        [(r, c, getattr(f, "pattern", None)) for r, c, f in derived]


def test_prefilter_facts_of_other_prefilter_code_are_not_used(cache_file, monkeypatch):
    """A fact derived by another version of checker/check/prefilter.py (say another COMMON) is
    named with that version's tag, so this version derives its own."""
    from checker.check import prefilter

    pattern = re.compile("锟斤拷")
    assert prefilter.build(pattern).chars == frozenset("锟")
    monkeypatch.setattr(prefilter, "_facts_tag", lambda: "another")
    text, flags = pattern.pattern, pattern.flags
    regex_cache._entries[(text, flags, "prefilter.chars@another")] = (frozenset("X"), 0)
    assert prefilter.build(pattern).chars == frozenset("X")  # what that version's fact says
    monkeypatch.undo()
    assert prefilter.build(pattern).chars == frozenset("锟")  # this version ignores it
