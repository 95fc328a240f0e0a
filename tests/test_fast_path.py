"""The fast path for reading valid data: it builds what the converter builds, and nothing else.

`loads` first structures records with plain checks (`_fast`), and only when that fails goes
through the cattrs converter, which builds the same records or reports every problem. These
properties check both halves of that promise, for every record type and for whole datasets,
and that the quick reference check agrees with the detailed one.

The soundness properties change valid data in ways that keep it close to valid (values copied
between records of one kind, and in one example in four a random change too; references
pointed elsewhere), so that most examples get past the fast path's checks, or the structure
checks, and reach the comparison. `event` counts how many do: run with
`--hypothesis-show-statistics` to see the share.
"""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import ru_so_relations as rso
from ru_so_relations import _codec, _dataset, _fast, _fields
from ru_so_relations._converter import converter
from ru_so_relations._models import is_slug
from ru_so_relations._registry import KEYS, KINDS, collect_references, references
from tests.strategies import (
    RECORD_TYPES,
    recombined_dataset,
    recombined_record,
    rereferenced,
)

ALL_RECORD_TYPES = [
    *RECORD_TYPES,
    rso.Citation,
    rso.Participant,
    rso.Name,
    rso.Identifier,
    rso.Alternative,
    rso.Tenure,
]
"""Every record class, top-level and nested."""


def as_json(record: Any) -> Any:
    return json.loads(json.dumps(converter.unstructure(record)))


def same(a: Any, b: Any) -> bool:
    """Equal, of the same class, with every field set (`repr` reads every field)."""
    return type(a) is type(b) and a == b and repr(a) == repr(b)


def fast_path_builds_every_valid_record(record_type: type[Any], record: Any) -> None:
    built = _fast.structure_for(record_type)(as_json(record))
    assert same(built, record)
    assert same(built, converter.structure(as_json(record), record_type))


def fast_path_accepts_nothing_the_converter_rejects(record_type: type[Any], value: Any) -> None:
    try:
        built = _fast.structure_for(record_type)(value)
    except Exception:
        event("the fast path refused the changed record")
        return
    event("the fast path built the changed record, compared with the converter's")
    # the fast path accepted it, so the converter must too, and build the same record
    assert same(built, converter.structure(value, record_type))


@pytest.mark.parametrize("record_type", ALL_RECORD_TYPES, ids=lambda t: t.__name__)
@given(data=st.data())
def test_fast_path_on_valid_and_changed_records(
    record_type: type[Any], data: st.DataObject
) -> None:
    """Two valid records are built as the converter builds them; then one, given values of the
    other, is built as the converter builds it, or refused."""
    record, donor = data.draw(st.lists(st.from_type(record_type), min_size=2, max_size=2))
    fast_path_builds_every_valid_record(record_type, record)
    fast_path_builds_every_valid_record(record_type, donor)
    changed = recombined_record(data.draw, as_json(record), as_json(donor))
    fast_path_accepts_nothing_the_converter_rejects(record_type, changed)


def fast_path_on_mutated_datasets(data: Any) -> None:
    if not isinstance(data, dict):
        return
    refused = 0
    for kind in KINDS:
        value = data.get(kind.key)
        if not isinstance(value, list):
            refused += 1
            continue
        built = _codec.structure_fast(value, kind.record)
        if built is None:
            refused += 1
        else:
            expected = [converter.structure(item, kind.record) for item in value]
            assert all(same(a, b) for a, b in zip(built, expected, strict=True))
    event(
        "the fast path refused a collection"
        if refused
        else "the fast path built every collection, compared with the converter's"
    )
    assert all(is_slug(slug) for slug in _fields.SLUG._seen)


def quick_reference_check_agrees_with_the_detailed_one(data: Any) -> None:
    if not isinstance(data, dict):
        return
    records: dict[str, list[Any]] = {}
    for kind in KINDS:
        try:
            records[kind.key] = _codec.structure_records(
                data.get(kind.key, []), kind.record, kind.key
            )
        except rso.DataError:
            event("a record is invalid, so references are not checked")
            return
    known = {key: {r.id for r in records[key]} for key in KEYS}
    referred: dict[str, set[str]] = {key: set() for key in KEYS}
    for key in KEYS:
        collect_references(records[key], referred)
    dangling = [
        (key, ref)
        for key in KEYS
        for record in records[key]
        for _, target, ref in references(record)
        if ref not in known[target]
    ]
    event("compared, with dangling references" if dangling else "compared, every reference known")
    assert all(referred[key] <= known[key] for key in KEYS) == (not dangling)
    problems = list(_dataset.reference_problems(records))
    assert len([p for p in problems if ": unknown " in p]) == len(dangling)


def generated_datasets_take_the_fast_path(ds: rso.Dataset) -> None:
    data = json.loads(rso.dumps(ds))
    for kind in KINDS:
        assert _codec.structure_fast(data[kind.key], kind.record) is not None, kind.key
    assert rso.loads(json.dumps(data)) == ds


# checked on generated datasets by tests/test_generated_datasets.py
def fast_path_on_generated_and_changed_datasets(ds: rso.Dataset, data: st.DataObject) -> None:
    """The valid dataset takes the fast path; a copy with values moved between records is built
    as the converter builds it, or refused; in another, with references changed, the quick and
    the detailed reference checks agree."""
    generated_datasets_take_the_fast_path(ds)
    text = rso.dumps(ds)
    fast_path_on_mutated_datasets(recombined_dataset(data.draw, json.loads(text)))
    quick_reference_check_agrees_with_the_detailed_one(rereferenced(data.draw, json.loads(text)))


def test_the_bundled_data_takes_the_fast_path() -> None:
    data = json.loads(rso.dumps(rso.load()))
    for kind in KINDS:
        built = _codec.structure_fast(data[kind.key], kind.record)
        assert built is not None, kind.key
        expected = [converter.structure(item, kind.record) for item in data[kind.key]]
        assert all(same(a, b) for a, b in zip(built, expected, strict=True))


@pytest.mark.parametrize("record_type", ALL_RECORD_TYPES, ids=lambda t: t.__name__)
def test_every_record_class_has_a_direct_builder(record_type: type[Any]) -> None:
    # a field declared without a constraint, a converter or a factory default would make the
    # builder go through the class (correct, but slower): declare it with a constraint
    assert _fast.has_direct_builder(record_type)


def test_events_have_the_builder_written_out_field_by_field() -> None:
    # a field added to, removed from or renamed in Event switches it off (the generic builder
    # then builds events, correctly but slower): bring `_event_builder` up to date
    assert _fast.has_written_out_builder(rso.Event)
    assert _fast.structure_for(rso.Event).__name__ == "event"


def test_the_written_out_builder_switches_off_for_other_fields() -> None:
    assert _fast._fields_of(rso.Event, _fast._EVENT_FIELDS[:-1]) is None
    assert _fast._fields_of(rso.Event, _fast._EVENT_FIELDS) is not None


def test_a_field_without_a_constraint_is_built_through_the_class() -> None:
    import attrs

    @attrs.frozen(kw_only=True)
    class Odd:
        name: str = attrs.field(validator=_fields.TEXT)
        size: int = attrs.field(validator=attrs.validators.instance_of(int))

        def __attrs_post_init__(self) -> None:
            if self.name == "bad":
                raise ValueError("name: bad")

    assert not _fast.has_direct_builder(Odd)
    build = _fast.structure_for(Odd)
    with pytest.raises(_fields.NotFast):  # no constraint for `size`: the converter decides
        build({"name": "a", "size": 1})


def test_the_direct_builder_runs_the_post_init_rules() -> None:
    # the rule that a tenure does not end before it starts lives in __attrs_post_init__
    tenure = {"person": "p", "start": "2010", "end": "2009", "sources": [{"source": "s"}]}
    tenure["verification"] = "single_source"
    with pytest.raises(ValueError, match="is before"):
        _fast.structure_for(rso.Tenure)(tenure)


VALID_EVENT: dict[str, Any] = {
    "id": "a-visit-2009",
    "date": "2009-07-13",
    "kind": "visit",
    "title": "A visit",
    "summary": "Somebody visited.",
    "actors": [{"actor": "somebody", "role": "visitor"}, {"actor": "host", "role": None}],
    "agreements": ["a-treaty"],
    "place": "a-town",
    "sources": [{"source": "a-source", "quote": "visited", "locator": "p. 2"}],
    "notes": None,
    "verification": "single_source",
    "alternatives": [],
}
_ALTERNATIVE = {"field": "date", "value": "2009-07-14", "sources": [{"source": "b"}]}

# one change each that makes the event invalid, for every check the hand-written builders make
INVALID_EVENT_CHANGES: list[tuple[str, Any]] = [
    ("id", "A-Visit"),
    ("id", 7),
    ("date", "2009-02-30"),
    ("date", 2009),
    ("kind", "party"),
    ("kind", ["visit"]),
    ("title", ""),
    ("title", " padded "),
    ("summary", None),
    ("actors", None),
    ("actors", {"actor": "somebody"}),
    ("actors", [{"actor": "somebody"}, {"actor": "somebody"}]),
    ("actors", [{"actor": "somebody", "role": "guest"}]),
    ("actors", [{"actor": "somebody", "colour": "red"}]),
    ("actors", [{"role": "visitor"}]),
    ("actors", ["somebody"]),
    ("agreements", ["a-treaty", "a-treaty"]),
    ("agreements", ["A Treaty"]),
    ("agreements", "a-treaty"),
    ("place", ""),
    ("place", ["a-town"]),
    ("sources", []),
    ("sources", None),
    ("sources", [{"source": "a-source", "quote": ""}]),
    ("sources", [{"source": "a-source", "locator": " p. 2"}]),
    ("sources", [{"source": "a source"}]),
    ("sources", [{"quote": "visited"}]),
    ("sources", [{"source": "a-source", "page": 2}]),
    ("notes", ""),
    ("notes", 5),
    ("verification", "sure"),
    ("verification", "disputed"),
    ("alternatives", None),
    ("alternatives", {}),
    ("alternatives", [_ALTERNATIVE]),
    ("colour", "red"),
    ("title", ...),
    ("verification", ...),
]
"""`...` drops the field."""


@pytest.mark.parametrize(("field", "value"), INVALID_EVENT_CHANGES)
def test_fast_path_rejects_each_invalid_event(field: str, value: Any) -> None:
    assert same(
        _fast.structure_for(rso.Event)(VALID_EVENT), rso.loads(json.dumps(VALID_EVENT), rso.Event)
    )
    event = dict(VALID_EVENT)
    if value is ...:
        del event[field]
    else:
        event[field] = value
    with pytest.raises(Exception):  # noqa: B017, PT011 - which one does not matter
        _fast.structure_for(rso.Event)(event)
    with pytest.raises(rso.DataError):
        rso.loads(json.dumps(event), rso.Event)


def test_a_disputed_event_with_alternatives_takes_the_fast_path() -> None:
    event = {**VALID_EVENT, "verification": "disputed", "alternatives": [_ALTERNATIVE]}
    assert same(_fast.structure_for(rso.Event)(event), rso.loads(json.dumps(event), rso.Event))


def test_a_record_the_fast_path_rejects_is_reported_by_the_converter() -> None:
    data = json.loads(rso.dumps(rso.load()))
    data["events"][3]["title"] = " padded "
    data["events"][5]["actors"].append(dict(data["events"][5]["actors"][0]))
    with pytest.raises(rso.DataError) as caught:
        rso.loads(json.dumps(data))
    problems = caught.value.problems
    assert len(problems) == 2
    assert problems[0].startswith("events[3] (id ")
    assert "title: must not start or end" in problems[0]
    assert problems[1].startswith("events[5] (id ")
    assert "is listed twice" in problems[1]


def test_only_the_records_the_fast_path_rejects_go_through_the_converter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = json.loads(rso.dumps(rso.load()))
    events = data["events"]
    events[1]["title"] = ""
    events.append(dict(events[0]))
    through_converter: list[Any] = []
    structure_one = _codec._structure_one

    def counting(value: Any, *args: Any) -> Any:
        through_converter.append(value)
        return structure_one(value, *args)

    monkeypatch.setattr(_codec, "_structure_one", counting)
    with pytest.raises(rso.DataError) as caught:
        rso.loads(json.dumps(data))
    assert through_converter == [events[1]]
    last = len(events) - 1
    assert caught.value.problems == (
        f"events[1] (id {events[1]['id']!r}): title: must be a non-empty string",
        f"events[{last}] (id {events[0]['id']!r}): id: duplicate id, also used by events[0]",
    )


def test_loads_never_touches_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    # switching the process-wide collector off and on races with other threads and callers
    def forbidden() -> None:
        raise AssertionError("loads must not change the garbage collector")

    monkeypatch.setattr(gc, "disable", forbidden)
    monkeypatch.setattr(gc, "enable", forbidden)
    monkeypatch.setattr(gc, "freeze", forbidden)
    text = rso.dumps(rso.load())
    assert rso.loads(text) == rso.load()
    with pytest.raises(rso.DataError):
        rso.loads("{}")
