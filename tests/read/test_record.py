"""record: the dataclasses behaviour the project relies on, checked against dataclasses itself."""
from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys

import pytest

from checker.read.record import FrozenError, asdict, field, fields, is_record, record, replace


@record(frozen=True)
class Point:
    """A frozen record."""

    x: int
    y: int = 0
    tags: tuple = ()
    note: str = field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class PointDC:
    """The same with dataclasses."""

    x: int
    y: int = 0
    tags: tuple = ()
    note: str = dataclasses.field(default="", compare=False, repr=False)


@record
class Bag:
    """A mutable record with factories and a __post_init__."""

    name: str
    items: list = field(default_factory=list)
    extra: dict = field(default_factory=dict, compare=False)
    size: int = 0

    def __post_init__(self) -> None:
        self.size = len(self.items)


@record(slots=True)
class Slotted:
    """A record with __slots__."""

    a: int
    b: str = "b"


def test_init_defaults_and_repr_as_dataclasses():
    assert repr(Point(1, 2, (3,), "n")).replace("Point", "") == repr(PointDC(1, 2, (3,), "n")).replace("PointDC", "")
    assert Point(1).y == 0 and Point(1).tags == ()
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_equality_and_hash_use_the_compared_fields():
    assert Point(1, 2, note="a") == Point(1, 2, note="b")
    assert hash(Point(1, 2, note="a")) == hash(Point(1, 2, note="b"))
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != PointDC(1)  # another class is never equal
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_a_frozen_record_refuses_assignment():
    p = Point(1)
    with pytest.raises(FrozenError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.x


def test_a_mutable_record_is_unhashable_and_each_object_gets_its_own_factory_value():
    a, b = Bag("a"), Bag("b")
    a.items.append(1)
    assert b.items == [] and a.items == [1]
    with pytest.raises(TypeError):
        hash(a)
    assert Bag("x", [1, 2]).size == 2  # __post_init__ ran
    assert Bag("x", extra={"k": 1}) == Bag("x")  # extra is not compared


def test_slots():
    s = Slotted(1)
    assert s.b == "b" and not hasattr(s, "__dict__")
    with pytest.raises(AttributeError):
        s.c = 3  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(s)) == s


def test_replace_fields_asdict_is_record():
    p = Point(1, 2, note="n")
    q = replace(p, y=5)
    assert q == Point(1, 5) and q.note == "n" and p.y == 2
    assert [f.name for f in fields(Point)] == [f.name for f in dataclasses.fields(PointDC)]
    assert asdict(Bag("a", [Point(1)])) == {"name": "a", "items": [{"x": 1, "y": 0, "tags": (), "note": ""}],
                                             "extra": {}, "size": 1}
    assert is_record(p) and is_record(Point) and not is_record(PointDC(1)) and not is_record(1)
    with pytest.raises(TypeError):
        replace(p, nope=1)
    with pytest.raises(TypeError):
        fields(1)


def test_pickle_and_copy_keep_frozen_records():
    p = Point(1, 2, ("t",), "n")
    for other in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert other == p and other.note == "n"
    bag = Bag("a", [1])
    assert pickle.loads(pickle.dumps(bag)) == bag


def test_mistakes_in_a_class_are_refused():
    with pytest.raises(ValueError):
        @record
        class Bad:
            items: list = []  # noqa: RUF012 - the mistake under test
    with pytest.raises(TypeError):
        @record
        class Order:
            a: int = 0
            b: int  # type: ignore[misc]


def test_a_method_the_class_defines_is_kept():
    @record(frozen=True)
    class Shown:
        a: int

        def __repr__(self) -> str:
            return "mine"

    assert repr(Shown(1)) == "mine" and Shown(1) == Shown(1)


def test_a_one_report_run_imports_neither_dataclasses_nor_inspect(tmp_path):
    """The point of this module: ``fzcheck`` on one text file starts without them."""
    report = tmp_path / "r.txt"
    report.write_text("2024年度法治政府建设情况报告\n", encoding="utf-8")
    code = ("import sys; sys.argv = ['fzcheck', '--format', 'text', sys.argv[1]];\n"
            "from checker import cli\n"
            "try:\n    cli.main(sys.argv[1:])\nfinally:\n"
            "    print('LOADED', 'dataclasses' in sys.modules, 'inspect' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True, timeout=120)
    assert "LOADED False False" in done.stderr, done.stderr[-2000:]


def test_methods_are_compiled_on_first_use():
    """A record class that a run never uses costs no compile."""
    @record(frozen=True)
    class Late:
        a: int
        b: list = field(default_factory=list)

    assert "<record" not in Late.__init__.__code__.co_filename
    late = Late(1)
    assert "<record" in Late.__init__.__code__.co_filename and "<record" in Late.__eq__.__code__.co_filename
    assert late == Late(1, []) and repr(late).endswith("Late(a=1, b=[])")

    @record
    class Other:
        a: int

    assert Other(1) != Other(2) and Other(3) == Other(3)  # __eq__ first: it compiles __init__'s class too
