"""Fuzzing: mutated valid datasets and random JSON; the only exception that may escape is DataError.

`.ci/run` runs this file a second time with the `fuzz` Hypothesis profile (many examples).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import ru_so_relations as rso
from tests.strategies import COLLECTION_TYPES, RECORD_TYPES, json_values, mutated


def loads_or_data_error(text: str | bytes, into: type[Any] = rso.Dataset) -> None:
    try:
        rso.loads(text, into)
    except rso.DataError as error:
        assert error.problems
        assert all(isinstance(p, str) and p for p in error.problems)


@given(mutated(), st.integers(min_value=0))
def test_mutated_datasets_whole_or_truncated_load_or_fail_with_data_error(
    data: Any, cut: int
) -> None:
    """The whole file, then cut short, from one drawn dataset (the draw costs the most)."""
    text = json.dumps(data)
    loads_or_data_error(text)
    loads_or_data_error(text[: cut % (len(text) + 1)])


@given(json_values)
def test_random_json_fails_with_data_error(value: Any) -> None:
    loads_or_data_error(json.dumps(value))


@given(st.sampled_from(RECORD_TYPES + COLLECTION_TYPES), json_values)
def test_random_json_as_any_record_or_collection(into: type[Any], value: Any) -> None:
    loads_or_data_error(json.dumps(value), into)


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_and_text(text: bytes | str) -> None:
    loads_or_data_error(text)
