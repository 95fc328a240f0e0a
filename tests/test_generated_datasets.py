"""Every property of whole generated datasets, checked on one draw.

Drawing a consistent dataset costs far more than checking any one property of it, so the
properties are plain functions in the test files they belong to, and this test checks all of
them on each drawn dataset; each draws from `data` what else it needs (dates, actors, changes
to make), and a `return` in one ends that one only. A failure names the property it is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, note
from hypothesis import strategies as st

from tests.strategies import datasets
from tests.test_fast_path import fast_path_on_generated_and_changed_datasets
from tests.test_names import every_name_resolves_to_its_actor_or_is_ambiguous
from tests.test_offices_places_stances import OFFICE_AND_STANCE_LAWS
from tests.test_queries import QUERY_LAWS
from tests.test_serialization import dataset_round_trip_from_text_and_bytes

if TYPE_CHECKING:
    import ru_so_relations as rso

PROPERTIES = [
    dataset_round_trip_from_text_and_bytes,
    fast_path_on_generated_and_changed_datasets,
    every_name_resolves_to_its_actor_or_is_ambiguous,
    *QUERY_LAWS,
    *OFFICE_AND_STANCE_LAWS,
]


@given(datasets(max_records=12), st.data())
def test_properties_of_generated_datasets(ds: rso.Dataset, data: st.DataObject) -> None:
    for check in PROPERTIES:
        note(f"checking {check.__module__}.{check.__name__}")
        check(ds, data)
