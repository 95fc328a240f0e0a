"""Records made in Python check the type of every field, tuple items included."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import ru_so_relations as rso
from ru_so_relations._errors import FieldError
from ru_so_relations._registry import KEYS, declared_types, parts

RECORD_CLASSES, _ = declared_types()


def samples() -> dict[type, Any]:
    """One record of every class, from the bundled data (nested ones included)."""
    found: dict[type, Any] = {}
    ds = rso.load()
    for key in KEYS:
        for record in getattr(ds, key):
            for _, part in parts(record):
                found.setdefault(type(part), part)
    return found


SAMPLES = samples()


def test_every_record_class_has_a_sample() -> None:
    assert set(SAMPLES) == set(RECORD_CLASSES)


class Odd:
    """A value of a type no field takes."""


@pytest.mark.parametrize(
    ("cls", "field"),
    [(cls, f.name) for cls in RECORD_CLASSES for f in attrs.fields(cls)],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_a_value_of_the_wrong_type_is_a_type_error_naming_the_field(cls: type, field: str) -> None:
    with pytest.raises(TypeError) as caught:
        attrs.evolve(SAMPLES[cls], **{field: Odd()})
    assert str(caught.value).startswith(f"{field}: ")
    assert isinstance(caught.value, FieldError)


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        (cls, f.name)
        for cls in RECORD_CLASSES
        for f in attrs.fields(cls)
        if str(f.type).startswith("tuple[")
    ],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_a_tuple_item_of_the_wrong_type_is_a_type_error_naming_the_item(
    cls: type, field: str
) -> None:
    with pytest.raises(TypeError, match=rf"^{field}\[0\]: must be"):
        attrs.evolve(SAMPLES[cls], **{field: (Odd(),)})


@pytest.mark.parametrize(
    ("cls", "field", "value", "message"),
    [
        (rso.Source, "published", "2008", "published: must be a PartialDate, not str"),
        (rso.Actor, "names", ("Russia",), "names[0]: must be a Name, not str"),
        (rso.Agreement, "signed", "2008", "signed: must be a PartialDate, not str"),
        (rso.Agreement, "in_force", "2009", "in_force: must be a PartialDate, not str"),
        (rso.Event, "actors", ("russia",), "actors[0]: must be a Participant, not str"),
        (rso.Event, "actors", ["russia"], "actors: must be a tuple, not list"),
        (rso.Event, "sources", ("src",), "sources[0]: must be a Citation, not str"),
        (rso.Event, "alternatives", ({},), "alternatives[0]: must be an Alternative, not dict"),
        (rso.Actor, "identifiers", ("Q1",), "identifiers[0]: must be an Identifier, not str"),
        (rso.Office, "holders", ("putin",), "holders[0]: must be a Tenure, not str"),
        (rso.Tenure, "acting", 1, "acting: must be True or False, not int"),
        (rso.Event, "kind", "visit", "kind: must be an EventKind, not str"),
        (rso.Event, "title", 5, "title: must be a string, not int"),
    ],
)
def test_the_reported_mistakes(cls: type, field: str, value: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        attrs.evolve(SAMPLES[cls], **{field: value})
    assert str(caught.value).startswith(message)


def test_text_for_a_date_says_to_parse_it() -> None:
    with pytest.raises(TypeError, match=r"use PartialDate.parse\('2008'\)"):
        attrs.evolve(SAMPLES[rso.Agreement], signed="2008")


def test_partial_date_from_text_says_to_use_parse() -> None:
    with pytest.raises(TypeError, match=r"use PartialDate.parse\('2009'\)"):
        rso.PartialDate("2009")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="month must be an int, not bool"):
        rso.PartialDate(2009, True)
    with pytest.raises(TypeError, match="end must be a PartialDate or None, not str"):
        rso.PartialDate(2009, end="2010")  # type: ignore[arg-type]
    assert rso.PartialDate(2009) == rso.PartialDate.parse("2009")


def test_values_are_still_checked_after_the_type() -> None:
    with pytest.raises(ValueError, match=r"^id: 'Not A Slug' is not a valid id"):
        attrs.evolve(SAMPLES[rso.Event], id="Not A Slug")
    with pytest.raises(ValueError, match=r"^alternatives: a disputed record must give"):
        attrs.evolve(SAMPLES[rso.Event], verification=rso.Verification.DISPUTED, alternatives=())


def test_collections_made_outside_a_dataset_resolve_or_raise() -> None:
    ds = rso.load()
    # made from a dataset's collection: names resolve as there
    assert rso.Events(ds.events).involving("Medvedev") == ds.events.involving("Medvedev")
    # made from bare records: ids that records use work, anything else is an error
    bare = rso.Events(list(ds.events))
    assert bare.involving("dmitry-medvedev") == ds.events.involving("dmitry-medvedev")
    with pytest.raises(LookupError, match="no actors to resolve names against"):
        bare.involving("Medvedev")
    with pytest.raises(ValueError, match="including_parts needs the actors"):
        bare.involving("russia", including_parts=True)
    with pytest.raises(LookupError, match="no actors to give the holders as"):
        rso.Offices(list(ds.offices)).holders("president-of-russia")
