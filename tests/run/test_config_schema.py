"""rules/config.schema.json: the shape of a config file, and the one-line errors it gives."""
from __future__ import annotations

import pytest

from checker.formats import names
from checker.run import config as cfg
from checker.run.config_schema import ConfigError, key_of, schema


def test_format_names_in_the_schema_are_the_registered_formats():
    """The config cannot import the formats (a later stage): the schema lists them, this keeps it true."""
    assert schema()["properties"]["format"]["enum"] == names()


def test_every_top_level_key_is_documented():
    from tests.conftest import REPO

    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [key for key in schema()["properties"] if f"`{key}`" not in doc]
    assert not missing


@pytest.mark.parametrize("data, key, words", [
    ({"colour": "always"}, "colour", "unknown key"),
    ({"jobs": True}, "jobs", "whole number"),
    ({"jobs": 0}, "jobs", "whole number"),
    ({"include": ["a", 3]}, "include[1]", "glob string"),
    ({"include": ""}, "include", "glob string"),
    ({"severity": {"section-thin": "fatal"}}, "severity.section-thin", "must be one of error, warning, info"),
    ({"params": {"section-thin": 3}}, "params.section-thin", "mapping of param names"),
    ({"overrides": [{"severity": {}}]}, "overrides[0].files", "missing"),
    ({"overrides": [{"files": "a", "deadline": "3-1"}]}, "overrides[0].deadline", "03-01"),
    ({"pairing": [{"files": "a"}]}, "pairing[0]", "give 'issuer', 'year' or both"),
    ({"pairing": [{"files": "a", "year": 1800}]}, "pairing[0].year", "four-digit year"),
    ({"ignore": [{"path": "a"}]}, "ignore[0].rules", "missing"),
    ({"format": "pdf"}, "format", "must be one of text"),
    (["a"], None, "mapping of keys to values"),
])
def test_one_line_error_names_the_key(data, key, words):
    with pytest.raises(ConfigError) as err:
        cfg.parse(data, "/x/.fzcheck.yaml", "/x")
    assert err.value.key == key and words in err.value.problem
    assert "\n" not in str(err.value)


def test_kebab_keys_in_entries_but_not_in_rule_ids():
    conf = cfg.parse({"fail-on": "warning", "overrides": [{"files": "a", "severity": {"section-thin": "info"}}]},
                     "/x/.fzcheck.yaml", "/x")
    assert conf.fail_on == "warning" and conf.overrides[0].changes.severity == (("section-thin", "info"),)


def test_a_string_is_a_list_of_one():
    conf = cfg.parse({"exclude": "drafts/**", "disable": "section-thin"}, "/x/.fzcheck.yaml", "/x")
    assert conf.exclude == ("drafts/**",) and conf.changes.disable == ("section-thin",)


def test_a_bad_glob_is_a_config_error():
    with pytest.raises(ConfigError) as err:
        cfg.parse({"exclude": ["[z-a]"]}, "/x/.fzcheck.yaml", "/x")
    assert err.value.key == "exclude" and "[z-a]" in err.value.problem


def test_key_of():
    assert key_of(["overrides", 0, "severty"]) == "overrides[0].severty"
    assert key_of([]) == ""
