"""``--cache DIR``: a warm run gives exactly the cold run's output; anything that changes a
file's result (its bytes, its rule set, an override) misses; a bad entry is checked again."""
from __future__ import annotations

import json
import shutil

import pytest

from checker.cli import main
from checker.run import pipeline
from tests.conftest import SAMPLES

FILES = ["clean-2024.txt", "clean-2024.html", "clean-2024.docx", "placeholders-2024.txt", "typos-2024.txt",
         "prev-2023.txt", "next-2024-followup.txt"]  # the last two pair across years


@pytest.fixture()
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture()
def checked(monkeypatch, tmp_path):
    """Paths actually read and checked (a cache hit is not).  Checks run in worker processes
    (checker/run/isolate.py), so the spy, inherited through fork, logs to a file."""
    log = _Seen(tmp_path / "checked.log")
    real = pipeline._check_one

    def spy(path, *args, **kwargs):
        with open(log.path, "a", encoding="utf-8") as handle:
            handle.write(path + "\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_check_one", spy)
    return log


class _Seen:
    """The spy's log read as a list of paths."""

    def __init__(self, path):
        self.path = path

    def items(self) -> list:
        return self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []

    def __len__(self) -> int:
        return len(self.items())

    def __eq__(self, other) -> bool:
        return self.items() == list(other)

    def clear(self) -> None:
        self.path.write_text("", encoding="utf-8")


def fzcheck(capsys, *args: str) -> str:
    capsys.readouterr()
    main([*args, "--format", "json", "--no-progress", "--fail-on", "never"])
    return capsys.readouterr().out


def entries(cache) -> list:
    return sorted((cache / "v1").rglob("*.json"))


def entry_parts(entry) -> tuple[dict, bytes, dict]:
    """An entry's header, report JSON text and result (checker/run/cache.py's layout)."""
    data = entry.read_bytes()
    cut = data.index(b"\n")
    head = json.loads(data[:cut])
    size, result_size = head["sizes"]
    text = data[cut + 1:cut + 1 + size]
    result = json.loads(data[cut + 2 + size:cut + 2 + size + result_size])
    return head, text, result


def write_entry(entry, head: dict, text: bytes, result: dict) -> None:
    """Write an entry back as it is laid out, keeping the header (sizes, digest) as it was."""
    body = json.dumps(result).encode("utf-8")
    entry.write_bytes(json.dumps(head).encode("utf-8") + b"\n" + text + b"\n" + body + b"\n")


def test_hit_gives_the_cold_output(tmp_path, reports, capsys, checked):
    cache = tmp_path / "cache"
    plain = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1")
    cold = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    assert len(checked) == 2 * len(FILES)
    warm = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    assert warm == cold == plain
    assert len(checked) == 2 * len(FILES)  # nothing checked again
    assert len(entries(cache)) == len(FILES) + 1  # and the one pair's comparison
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    crossyear = [f for r in json.loads(warm)["reports"] for f in r["findings"] if f["rule"] == "plan-unaddressed"]
    assert crossyear  # pairing with last year's report still runs on cached results


def test_html_keeps_lines_in_its_own_entries(tmp_path, reports, capsys):
    cache = tmp_path / "cache"
    one = str(reports / "typos-2024.txt")
    fzcheck(capsys, one, "--no-config", "--cache", str(cache))
    for out in ("a.html", "b.html"):
        main([one, "--no-config", "--format", "html", "-o", str(tmp_path / out), "--cache", str(cache)])
    assert len(entries(cache)) == 2
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    main([one, "--no-config", "--format", "html", "-o", str(tmp_path / "c.html")])
    assert (tmp_path / "c.html").read_bytes() == (tmp_path / "a.html").read_bytes()


def test_changed_file_misses(tmp_path, reports, capsys, checked):
    cache = tmp_path / "cache"
    target = reports / "clean-2024.txt"
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    target.write_text(target.read_text(encoding="utf-8").replace("37件", "××件"), encoding="utf-8")
    checked.clear()
    warm = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    assert checked == [str(target)]
    assert warm == fzcheck(capsys, str(reports), "--no-config", "--jobs", "1")
    assert any(f["rule"] == "placeholder" for r in json.loads(warm)["reports"] if r["path"] == str(target)
               for f in r["findings"])


def test_moved_file_hits_with_its_new_path(tmp_path, reports, capsys, checked):
    cache = tmp_path / "cache"
    fzcheck(capsys, str(reports / "typos-2024.txt"), "--no-config", "--cache", str(cache))
    moved = tmp_path / "elsewhere.txt"
    shutil.copy(reports / "typos-2024.txt", moved)
    checked.clear()
    warm = fzcheck(capsys, str(moved), "--no-config", "--cache", str(cache))
    assert checked == []
    assert warm == fzcheck(capsys, str(moved), "--no-config")
    assert str(moved) in warm and "typos-2024" not in warm


def write_config(folder, body: str) -> str:
    path = folder / ".fzcheck.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_changed_rule_set_or_override_misses(tmp_path, reports, capsys, checked):
    cache = tmp_path / "cache"
    base = f"cache: {cache}\n"
    one = str(reports / "placeholders-2024.txt")
    configs = [base,
               base + "severity: {placeholder: info}\n",
               base + "overrides:\n  - files: ['reports/placeholders-*']\n    severity: {placeholder: warning}\n",
               base + "overrides:\n  - files: ['reports/other-*']\n    severity: {placeholder: warning}\n"]
    outputs = []
    for index, body in enumerate(configs):
        conf = write_config(tmp_path, body)
        checked.clear()
        out = fzcheck(capsys, one, "--config", conf)
        outputs.append(out)
        assert out == fzcheck(capsys, one, "--config", conf, "--no-cache")  # same as without the cache
        # the last override does not apply to this file: its rule set is the first's, a hit
        assert len(checked) == (1 if index == 3 else 2)
    assert len({json.dumps(json.loads(o)["reports"]) for o in outputs[:3]}) == 3
    assert outputs[3] == outputs[0]
    assert len(entries(cache)) == 3


def test_no_cache_overrides_the_config(tmp_path, reports, capsys):
    cache = tmp_path / "cache"
    conf = write_config(tmp_path, f"cache: {cache}\n")
    fzcheck(capsys, str(reports / "clean-2024.txt"), "--config", conf, "--no-cache")
    assert not cache.exists()
    fzcheck(capsys, str(reports / "clean-2024.txt"), "--config", conf)
    assert len(entries(cache)) == 1


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[]", b'{"format": 1}', b"\xff\xfe",
                                    "keep key, bad finding", "keep key, bad metadata"])
def test_corrupt_entry_is_checked_again(tmp_path, reports, capsys, checked, damage):
    cache = tmp_path / "cache"
    cold = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    for entry in entries(cache):
        if isinstance(damage, bytes):
            entry.write_bytes(damage)
            continue
        if b'"cross"' in entry.read_bytes().split(b"\n")[0]:
            continue  # a pair's comparison: damaged with bytes above, its own test below
        head, text, data = entry_parts(entry)
        if damage.endswith("finding"):
            data["findings"] = [[1, 2, 3]]
        else:
            data["metadata"] = {"issuer": 12}
        write_entry(entry, head, text, data)  # the sizes or the digest no longer match
    checked.clear()
    assert fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache)) == cold
    assert len(checked) == len(FILES)  # every file checked again, no error
    checked.clear()
    assert fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache)) == cold
    assert checked == []  # the entries were written afresh


def test_jobs_1_and_2_agree_with_the_cache(tmp_path, reports, capsys):
    plain = fzcheck(capsys, str(reports), "--no-config", "--jobs", "1")
    outs = []
    for jobs, cache in (("2", "c2"), ("2", "c2"), ("1", "c2"), ("1", "c1"), ("2", "c1")):
        outs.append(fzcheck(capsys, str(reports), "--no-config", "--jobs", jobs, "--cache", str(tmp_path / cache)))
    assert all(out == plain for out in outs)
    assert entries(tmp_path / "c1") and len(entries(tmp_path / "c1")) == len(entries(tmp_path / "c2"))


def test_unwritable_cache_is_not_an_error(tmp_path, reports, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    out = fzcheck(capsys, str(reports / "clean-2024.txt"), "--no-config", "--cache", str(blocker / "cache"))
    assert out == fzcheck(capsys, str(reports / "clean-2024.txt"), "--no-config")


def test_json_dumps_matches_the_json_module():
    from checker.formats.json import dumps

    values = [{}, [], {"a": []}, {"a": {}, "b": [1, 2.5, None, True, False, "中文\n\"", float("nan")]},
              [(1, 2), {"x": [[], [{}]]}], "\u2028", -0.0, 10 ** 30, {1: "int key"}]
    for value in values:
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


DAY = 86400


def _age(path, days: float) -> None:
    import os
    import time

    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_unused_entries_are_pruned_and_used_ones_kept(tmp_path, reports, capsys):
    from checker.run.cache import MAX_AGE_DAYS, ResultCache

    cache = tmp_path / "cache"
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    for entry in entries(cache):
        _age(entry, MAX_AGE_DAYS + 1)
    temp = entries(cache)[0].parent / ".tmp-left-by-a-killed-run.json"
    temp.write_text("{", encoding="utf-8")
    _age(temp, 2)
    assert ResultCache(str(cache)).prune() == 0  # the run itself pruned less than a day ago
    _age(cache / "v1" / ".pruned", 2)
    fzcheck(capsys, str(reports / "typos-2024.txt"), "--no-config", "--cache", str(cache))  # a hit, refreshed
    left = entries(cache)
    assert len(left) == 1 and not temp.exists()
    assert entry_parts(left[0])[2]["metadata"]["issuer"] == "云溪区城市管理和综合执法局"


def test_prune_never_fails_on_a_missing_or_odd_cache(tmp_path):
    from checker.run.cache import ResultCache

    assert ResultCache(str(tmp_path / "none")).prune() == 0
    odd = tmp_path / "odd" / "v1"
    odd.mkdir(parents=True)
    (odd / "stray-file").write_text("x", encoding="utf-8")
    assert ResultCache(str(tmp_path / "odd")).prune() == 0


def test_prune_deletes_only_what_the_cache_wrote(tmp_path, reports, capsys):
    """issue 18: ``cache: api`` once deleted an unrelated api/v1/schemas/*.json."""
    from checker.run.cache import MAX_AGE_DAYS

    api = tmp_path / "api"
    schemas = api / "v1" / "schemas"
    schemas.mkdir(parents=True)
    mine = schemas / "user.json"
    mine.write_text("{}", encoding="utf-8")
    _age(mine, MAX_AGE_DAYS + 5)
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(api))
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(api))
    assert mine.exists()
    cache = tmp_path / "cache"  # a cache fzcheck made: a foreign file in an entry folder stays too
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "1", "--cache", str(cache))
    folder = entries(cache)[0].parent
    foreign = folder / "notes.json"
    foreign.write_text("{}", encoding="utf-8")
    for entry in entries(cache):
        _age(entry, MAX_AGE_DAYS + 1)
    _age(cache / "v1" / ".pruned", 2)
    fzcheck(capsys, str(reports / "typos-2024.txt"), "--no-config", "--cache", str(cache))
    assert foreign.exists() and len(entries(cache)) == 2  # notes.json and the entry just used


def test_a_pair_of_unchanged_files_is_not_compared_again(tmp_path, reports, capsys, monkeypatch):
    """The cross-year comparison of a pair is cached under both files' keys: a warm run over two
    years re-checks no pair; a changed previous year's file is compared again."""
    from checker.run import pairing

    log = tmp_path / "rechecked.log"
    real = pairing.recheck

    def spy(path, previous, rulesets):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(path + "\n")
        return real(path, previous, rulesets)

    monkeypatch.setattr(pairing, "recheck", spy)
    cache = str(tmp_path / "cache")
    plain = fzcheck(capsys, str(reports), "--no-config", "--jobs", "2")
    assert fzcheck(capsys, str(reports), "--no-config", "--jobs", "2", "--cache", cache) == plain
    assert log.read_text(encoding="utf-8").count("\n") == 2  # plain and cold: one pair each
    assert fzcheck(capsys, str(reports), "--no-config", "--jobs", "2", "--cache", cache) == plain
    assert log.read_text(encoding="utf-8").count("\n") == 2  # warm: from the cache
    previous = reports / "prev-2023.txt"
    previous.write_text(previous.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    fzcheck(capsys, str(reports), "--no-config", "--jobs", "2", "--cache", cache)
    assert log.read_text(encoding="utf-8").count("\n") == 3  # last year's file changed: compared again
