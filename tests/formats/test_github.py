"""``--format github``: workflow commands with GitHub's escaping."""
from __future__ import annotations

from checker.cli import main
from checker.formats import github
from tests import ci_fixtures as fx
from tests.conftest import SAMPLES


def test_golden():
    fx.check_golden("github/fixed-run.txt", github.render(fx.run(), fx.ruleset(), fx.Options()))


def test_escaping():
    assert github.escape_data("100%\r\n:,") == "100%25%0D%0A:,"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_commands_and_levels():
    lines = github.render(fx.run(), fx.ruleset(), fx.Options()).rstrip("\n").split("\n")
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::error", "::notice", "::error"]
    first = lines[0]
    assert first.startswith("::error file=reports/2024/区司法局 报告.txt,line=3,col=5,endLine=3,endColumn=7,"
                            "title=fzcheck placeholder::")
    assert "100%25%2C" not in first and "100%25, " in first  # data keeps ',' and ':'
    assert "\n" not in first and first.endswith("%0A> ××")
    assert "title=fzcheck section-order::顺序与规定不符：a,b:c" in lines[3]


def test_cli_github(capsys):
    code = main([str(SAMPLES / "missing-duty-2024.txt"), "--format", "github", "--no-config", "--draft"])
    out = capsys.readouterr().out
    assert code == 1 and out.startswith("::error file=") and "title=fzcheck section-missing::" in out
