from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ru_so_relations as rso
from ru_so_relations._registry import KEYS as COLLECTIONS
from tests.strategies import COLLECTION_TYPES, RECORD_TYPES

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("record_type", RECORD_TYPES)
@given(data=st.data())
def test_record_round_trip(record_type: type[Any], data: st.DataObject) -> None:
    record = data.draw(st.from_type(record_type))
    assert rso.loads(rso.dumps(record), record_type) == record


@pytest.mark.parametrize("collection_type", COLLECTION_TYPES)
@given(data=st.data())
def test_collection_round_trip(collection_type: type[Any], data: st.DataObject) -> None:
    collection = data.draw(st.from_type(collection_type))
    assert rso.loads(rso.dumps(collection), collection_type) == collection


# checked on generated datasets by tests/test_generated_datasets.py
def dataset_round_trip_from_text_and_bytes(ds: rso.Dataset, data: st.DataObject) -> None:
    text = rso.dumps(ds)
    again = rso.loads(text)
    assert again == ds
    assert rso.dumps(again) == text  # canonical: the same data gives the same text
    assert rso.loads(rso.dumps(ds).encode("utf-8")) == ds


def test_keys_are_attribute_names() -> None:
    ds = rso.load()
    data = json.loads(rso.dumps(ds))
    assert list(data) == ["version", *COLLECTIONS]
    event = ds.events[0]
    assert list(json.loads(rso.dumps(event))) == [a.name for a in type(event).__attrs_attrs__]


def test_dump_and_load_file(tmp_path: Path) -> None:
    ds = rso.load()
    path = tmp_path / "data.json"
    rso.dump(ds, path)
    assert rso.load(path) == ds
    assert path.read_text(encoding="utf-8") == rso.dumps(ds)
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_dump_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.json"
    path.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        rso.dump(rso.load(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_a_failure_mid_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Every file is either its old content or its complete new content; no temporary is left."""
    ds = rso.load()
    smaller = attrs.evolve(
        ds, events=ds.events.between("2009"), stances=rso.Stances(), figures=rso.Figures()
    )
    old_dir, new_dir, target_dir = tmp_path / "old", tmp_path / "new", tmp_path / "target"
    for folder, data in ((old_dir, ds), (new_dir, smaller), (target_dir, ds)):
        folder.mkdir()
        rso.dump(data, folder / "data" if fmt != "json" else folder / "data.json", format=fmt)

    def contents(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    old, new = contents(old_dir), contents(new_dir)
    calls = 0

    def fsync_then_fail(fd: int) -> None:
        nonlocal calls
        calls += 1
        if fmt == "json" or calls == 2:
            raise OSError("device error")

    monkeypatch.setattr("os.fsync", fsync_then_fail)
    target = target_dir / ("data.json" if fmt == "json" else "data")
    with pytest.raises(OSError, match="device error"):
        rso.dump(smaller, target, format=fmt)
    after = contents(target_dir)
    assert set(after) == set(old), "a temporary file was left, or a file lost"
    assert all(after[name] in (old[name], new.get(name)) for name in after)
    if fmt == "json":
        assert after == old


def test_dump_rejects_other_types(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="cannot write dict"):
        rso.dumps({"a": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot write"):
        rso.dump([1], tmp_path / "x.json")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_loads_rejects_other_targets() -> None:
    with pytest.raises(TypeError, match="cannot read"):
        rso.loads("{}", dict)
