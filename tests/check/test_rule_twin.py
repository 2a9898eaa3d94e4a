"""Tests for checker.check.rule_twin: a bundled rule file is read from its JSON twin only while the twin
was made from the YAML as it is."""


def test_bundled_rule_files_have_fresh_json_twins():
    """A bundled rule set is read from its JSON twin (fast start); the twin must be made from
    the YAML as it is now: run scripts/gen_rule_data.py after editing a bundled rule file."""
    import json

    from checker.check.rule_twin import data_twin, source_digest
    from checker.check.ruleset import twinned_files
    from checker.read.limits import load_yaml

    assert twinned_files()
    for path in twinned_files():
        text = path.read_text(encoding="utf-8")
        twin = json.loads(data_twin(path).read_text(encoding="utf-8"))
        assert twin["source"] == source_digest(text), f"stale {data_twin(path).name}: run scripts/gen_rule_data.py"
        assert twin["data"] == load_yaml(text)


def test_an_edited_bundled_file_is_read_from_its_yaml(tmp_path):
    """When the YAML no longer matches its twin (edited, twin not made again), the YAML wins."""
    import shutil

    from checker.check import ruleset as rs_module

    shutil.copy(rs_module.rules_dir() / "national.yaml", tmp_path / "national.yaml")
    shutil.copy(rs_module.rules_dir() / "national.data.json", tmp_path / "national.data.json")
    path = tmp_path / "national.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: 改过的", 1), encoding="utf-8")
    data = rs_module._read_yaml(path, bundled=True)
    assert str(data["title"]).startswith("改过的")


def test_a_checked_twin_is_remembered_until_either_file_changes(tmp_path, monkeypatch):
    """Once a twin is checked against its YAML, later loads take its data from the pattern cache
    without reading either file; an edit of the YAML (a new size or time) is checked afresh."""
    import shutil

    from checker.check import rule_twin
    from checker.check import ruleset as rs_module

    shutil.copy(rs_module.rules_dir() / "national.yaml", tmp_path / "national.yaml")
    shutil.copy(rs_module.rules_dir() / "national.data.json", tmp_path / "national.data.json")
    path = tmp_path / "national.yaml"
    first = rs_module._read_yaml(path, bundled=True)

    def unread(_path):
        raise AssertionError("read again")

    monkeypatch.setattr(rule_twin, "_twin_json", unread)
    assert rs_module._read_yaml(path, bundled=True) == first  # remembered: neither file read
    monkeypatch.undo()
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: 又改过的", 1), encoding="utf-8")
    assert str(rs_module._read_yaml(path, bundled=True)["title"]).startswith("又改过的")
