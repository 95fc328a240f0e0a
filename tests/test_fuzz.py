"""Fuzzing: mutated valid datasets and random JSON; the only exception that may escape is DataError.

`.ci/run` runs this file a second time with the `fuzz` Hypothesis profile (many examples).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, note
from hypothesis import strategies as st

import ru_so_relations as rso
from tests.strategies import COLLECTION_TYPES, RECORD_TYPES, datasets

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested lists and dicts, the root excluded."""
    found: list[tuple[Any, ...]] = []
    items: Any = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, inner in items:
        found.append((*prefix, key))
        found.extend(paths(inner, (*prefix, key)))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid dataset as JSON data, then changed in one to four random ways."""
    data = json.loads(rso.dumps(draw(datasets(max_records=4))))
    for _ in range(draw(st.integers(1, 4))):
        where = paths(data)
        if not where:
            break
        path = draw(st.sampled_from(where))
        parent, key = parent_of(data, path), path[-1]
        action = draw(
            st.sampled_from(["drop", "duplicate", "retype", "corrupt", "reference", "nest"])
        )
        note(f"{action} at {path}")
        if action == "drop":
            del parent[key]
        elif action == "duplicate":
            if isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            else:
                parent[key + "_copy"] = copy.deepcopy(parent[key])
        elif action == "retype":
            parent[key] = draw(json_values)
        elif action == "corrupt":
            value = parent[key]
            if isinstance(value, str):
                parent[key] = draw(
                    st.sampled_from(["", " ", value[::-1], value + "!", "2009-02-30", "0000"])
                )
            else:
                parent[key] = draw(json_scalars)
        elif action == "reference":
            parent[key] = draw(st.sampled_from(["nobody", "no-such-id", "seed", "x" * 200]))
        else:
            parent[key] = [[[[parent[key]]]]]
    return data


def loads_or_data_error(text: str | bytes, into: type[Any] = rso.Dataset) -> None:
    try:
        rso.loads(text, into)
    except rso.DataError as error:
        assert error.problems
        assert all(isinstance(p, str) and p for p in error.problems)


@given(mutated())
def test_mutated_datasets_load_or_fail_with_data_error(data: Any) -> None:
    loads_or_data_error(json.dumps(data))


@given(json_values)
def test_random_json_fails_with_data_error(value: Any) -> None:
    loads_or_data_error(json.dumps(value))


@given(st.sampled_from(RECORD_TYPES + COLLECTION_TYPES), json_values)
def test_random_json_as_any_record_or_collection(into: type[Any], value: Any) -> None:
    loads_or_data_error(json.dumps(value), into)


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_and_text(text: bytes | str) -> None:
    loads_or_data_error(text)


@given(mutated(), st.integers(min_value=0))
def test_truncated_files(data: Any, cut: int) -> None:
    text = json.dumps(data)
    loads_or_data_error(text[: cut % (len(text) + 1)])
