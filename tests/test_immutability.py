"""Immutability, sharing and safety: frozen records, immutable collections, JSON only."""

from __future__ import annotations

import datetime
import decimal
import enum
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import ru_so_relations as rso

SRC = Path(rso.__file__).resolve().parent
IMMUTABLE_LEAVES = (
    str,
    int,
    float,
    bool,
    type(None),
    datetime.date,
    enum.Enum,
    rso.PartialDate,
    decimal.Decimal,
)


def reachable(obj: Any, seen: set[int] | None = None) -> list[Any]:
    """Every object reachable from `obj` through public attributes and items."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    found = [obj]
    if isinstance(obj, IMMUTABLE_LEAVES):
        return found
    if attrs.has(type(obj)):
        children = [getattr(obj, f.name) for f in attrs.fields(type(obj))]
    elif isinstance(obj, rso.Collection | tuple | frozenset):
        children = list(obj)
    else:
        children = list(vars(obj).values()) if hasattr(obj, "__dict__") else []
    for child in children:
        found += reachable(child, seen)
    return found


def test_nothing_reachable_from_the_cached_dataset_is_mutable() -> None:
    everything = reachable(rso.load())
    assert len(everything) > 10_000
    kinds = {type(o) for o in everything}
    mutable = [k for k in kinds if issubclass(k, list | dict | set | bytearray)]
    assert not mutable
    for kind in kinds:
        if attrs.has(kind):
            assert kind.__setattr__ is not object.__setattr__, kind  # frozen
        else:
            assert issubclass(kind, (*IMMUTABLE_LEAVES, tuple, frozenset, rso.Collection)), kind


@pytest.mark.parametrize(
    "name", ["sources", "actors", "places", "offices", "stances", "agreements", "events"]
)
def test_records_are_frozen_and_hashable(name: str) -> None:
    collection = getattr(rso.load(), name)
    record = collection[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.id = "changed"
    assert all(isinstance(hash(r), int) for r in collection)
    again = rso.loads(rso.dumps(record), type(record))
    assert again == record
    assert hash(again) == hash(record)
    assert again is not record


def test_collections_and_the_dataset_cannot_be_changed() -> None:
    ds = rso.load()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.events = rso.Events()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="Events is immutable"):
        ds.events._records = ()
    with pytest.raises(AttributeError, match="Events is immutable"):
        del ds.events._by_id
    with pytest.raises(TypeError):
        ds.events[0] = ds.events[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        ds.events.append(ds.events[0])  # type: ignore[attr-defined]
    holders = ds.offices["president-of-russia"].holders
    assert isinstance(holders, tuple)
    assert rso.load() is ds
    assert rso.load() == rso.loads(rso.dumps(ds))


def test_no_unsafe_deserialisation_anywhere() -> None:
    """No eval, exec, pickle, marshal, shelve or YAML in the package: user data is JSON only."""
    pattern = re.compile(r"\b(eval|exec)\(|\b(pickle|cPickle|marshal|shelve|yaml)\b|__import__")
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{path.name}:{number}: {line.strip()}"


@pytest.mark.parametrize(
    "text",
    [
        "{'version': '1'}",  # a Python literal, not JSON
        "version: 1\nsources: []",  # YAML
        "__import__('os').system('true')",
        "\x80\x04\x95",  # the start of a pickle
    ],
)
def test_only_json_is_accepted(text: str) -> None:
    with pytest.raises(rso.DataError, match="not valid JSON"):
        rso.loads(text)
