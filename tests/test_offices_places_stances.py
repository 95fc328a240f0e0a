"""Offices over time, places, stances on status, verification statuses and identifiers."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
from hypothesis import strategies as st

import ru_so_relations as rso
from tests.strategies import points
from tests.test_bad_input import changed, problems_of, valid


def small() -> rso.Dataset:
    """The bad-input fixture plus a second office holder and a second place."""
    data = valid()
    cite = [{"source": "src", "quote": None, "locator": None}]
    data["actors"].append(dict(data["actors"][1], id="b-person", name="Bea Person"))
    data["offices"][0]["holders"].append(
        {
            "person": "b-person",
            "start": "2012-05-07",
            "end": None,
            "acting": False,
            "sources": cite,
            "notes": None,
            "verification": "single_source",
            "alternatives": [],
        }
    )
    data["places"].append(
        dict(
            data["places"][0],
            id="java",
            name="Java",
            names=[{"language": "ru", "text": "Дзау"}],
            aliases=["Dzau"],
        )
    )
    return rso.loads(json.dumps(data))


def test_office_holders_on_a_date() -> None:
    ds = small()
    assert ds.offices.holders("an-office", on="2010-01-01").ids == ("a-person",)
    assert ds.offices.holders("an-office", on="2013").ids == ("b-person",)
    # the day of handover: both held the office on part of it
    assert ds.offices.holders("an-office", on="2012-05-07").ids == ("a-person", "b-person")
    assert ds.offices.holders(ds.offices["an-office"]).ids == ("a-person", "b-person")
    assert ds.offices.holders("an-office", on="2000").ids == ()
    with pytest.raises(KeyError, match="no office with id 'no-office'"):
        ds.offices.holders("no-office")


def test_offices_held_by_a_person_by_any_name() -> None:
    ds = small()
    held = ds.offices.held_by("Bea Person")
    assert [(o.id, t.person, str(t.start)) for o, t in held] == [
        ("an-office", "b-person", "2012-05-07")
    ]
    assert ds.offices.held_by("russia") == ()
    with pytest.raises(LookupError, match="no actor is known as 'Nobody'"):
        ds.offices.held_by("Nobody")


def test_tenure_and_office_held_on() -> None:
    office = small().offices["an-office"]
    assert [t.person for t in office.held_on(datetime.date(2012, 5, 7))] == [
        "a-person",
        "b-person",
    ]
    assert office.held_on(datetime.date(1999, 1, 1)) == ()


def test_events_at_a_place_by_any_name() -> None:
    ds = small()
    assert ds.events.at("tskhinvali").ids == ("an-event-2009",)
    assert ds.events.at("ЦХИНВАЛ").ids == ("an-event-2009",)
    assert ds.events.at(ds.places["java"]).ids == ()
    assert ds.places.resolve("Дзау").id == "java"
    assert ds.places.resolve("dzau").id == "java"
    assert ds.places.of_kind("settlement").ids == ("java", "tskhinvali")
    with pytest.raises(LookupError, match="no place is known as 'Atlantis'"):
        ds.events.at("Atlantis")
    with pytest.raises(ValueError, match="give at least one place"):
        ds.events.at()


def test_stance_queries() -> None:
    ds = small()
    assert ds.stances.of_position("recognises_independence").ids == ("a-stance",)
    assert ds.stances.of_position("does_not_recognise_independence").ids == ()
    assert ds.stances.on("2008-08-26").ids == ("a-stance",)
    assert ds.stances.on("2008-08-25").ids == ()
    assert ds.stances.held_by("Russian Federation").ids == ("a-stance",)
    assert ds.stances.about("a-person").ids == ("a-stance",)
    assert ds.stances["a-stance"].held_on(datetime.date(2030, 1, 1))
    with pytest.raises(ValueError, match="not a valid StancePosition"):
        ds.stances.of_position("annexed")


def test_verified_filter() -> None:
    ds = small()
    assert ds.events.verified("single_source").ids == ("an-event-2009",)
    assert ds.events.verified(rso.Verification.CONFIRMED).ids == ()
    assert len(ds.actors.verified("single_source", "confirmed")) == len(ds.actors)
    with pytest.raises(ValueError, match="not a valid Verification"):
        ds.events.verified("true")


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "offices.0.holders.0.end",
            "2001",
            r"offices\[0\] \(id 'an-office'\): holders\[0\]\.end: 2001 is before 2008-05-07",
        ),
        (
            "stances.0.until",
            "2008-01",
            r"stances\[0\] \(id 'a-stance'\): until: 2008-01 is before 2008-08-26",
        ),
        (
            "offices.0.holders.0.person",
            "nobody",
            r"offices\[0\] \(id 'an-office'\): holders\[0\]\.person: unknown actor 'nobody'",
        ),
        (
            "offices.0.organisation",
            "nobody",
            r"offices\[0\] \(id 'an-office'\): organisation: unknown actor 'nobody'",
        ),
        (
            "stances.0.events",
            ["no-event"],
            r"stances\[0\] \(id 'a-stance'\): events\[0\]: unknown event 'no-event'",
        ),
        (
            "events.0.place",
            "atlantis",
            r"events\[0\] \(id 'an-event-2009'\): place: unknown place 'atlantis'",
        ),
        (
            "places.0.located_in",
            "atlantis",
            r"places\[0\] \(id 'tskhinvali'\): located_in: unknown place 'atlantis'",
        ),
        (
            "places.0.kind",
            "capital",
            r"places\[0\] \(id 'tskhinvali'\): kind: 'capital' is not a valid PlaceKind",
        ),
        (
            "stances.0.position",
            "occupied",
            r"stances\[0\] \(id 'a-stance'\): position: 'occupied' is not a valid StancePosition",
        ),
        (
            "events.0.verification",
            "probably",
            r"events\[0\] \(id 'an-event-2009'\): verification: 'probably' is not a valid",
        ),
        (
            "events.0.verification",
            "disputed",
            r"events\[0\] \(id 'an-event-2009'\): alternatives: a disputed record must give",
        ),
        (
            "events.0.alternatives",
            [{"field": "date", "value": "2009-07-14", "sources": [{"source": "src"}]}],
            r"events\[0\] \(id 'an-event-2009'\): alternatives: only a disputed record",
        ),
        (
            "events.0.verification",
            "confirmed",
            r"events\[0\] \(id 'an-event-2009'\): verification: 'confirmed' needs sources from "
            r"two or more publishers; these cite only 'A publisher'",
        ),
        (
            "actors.0.identifiers",
            [{"scheme": "wikidata", "value": "42", "source": "src"}],
            r"actors\[0\] \(id 'russia'\): identifiers\[0\]\.value: '42' is not a valid "
            r"wikidata identifier",
        ),
        (
            "actors.0.identifiers",
            [{"scheme": "isbn", "value": "42", "source": "src"}],
            r"actors\[0\] \(id 'russia'\): identifiers\[0\]\.scheme: 'isbn' is not a valid "
            r"IdentifierScheme",
        ),
        (
            "actors.0.identifiers",
            [{"scheme": "iso3166-1-alpha2", "value": "RU", "source": "nowhere"}],
            r"actors\[0\] \(id 'russia'\): identifiers\[0\]\.source: unknown source 'nowhere'",
        ),
        (
            "offices.0.holders.0.acting",
            "no",
            r"offices\[0\] \(id 'an-office'\): holders\[0\]\.acting: expected true or false",
        ),
    ],
)
def test_new_fields_are_checked(path: str, value: Any, message: str) -> None:
    problems = problems_of(changed(path, value))
    assert re.search(message, problems), problems


def test_disputed_record_with_alternatives_loads() -> None:
    alternative = {"field": "date", "value": "2009-07-14", "sources": [{"source": "src"}]}
    data = changed("events.0.verification", "disputed")
    data["events"][0]["alternatives"] = [alternative]
    event = rso.loads(json.dumps(data)).events[0]
    assert event.alternatives == (
        rso.Alternative(field="date", value="2009-07-14", sources=(rso.Citation(source="src"),)),
    )


# Laws on generated datasets, checked by tests/test_generated_datasets.py with the other
# properties of whole datasets on each drawn dataset (drawing one costs far more than a check).


def holders_match_the_documented_predicate(ds: rso.Dataset, data: st.DataObject) -> None:
    day = data.draw(points(min_year=1990, max_year=2030))
    for office in ds.offices:
        expected = [
            t.person
            for t in office.holders
            if (t.start is None or t.start.earliest <= day.latest)
            and (t.end is None or t.end.latest >= day.earliest)
        ]
        got = ds.offices.holders(office, on=day).ids
        assert got == tuple(dict.fromkeys(expected))


def stances_on_and_held_by(ds: rso.Dataset, data: st.DataObject) -> None:
    day = data.draw(points(min_year=1990, max_year=2030))
    on = ds.stances.on(day)
    assert list(on) == [
        s
        for s in ds.stances
        if (s.since is None or s.since.earliest <= day.latest)
        and (s.until is None or s.until.latest >= day.earliest)
    ]
    if ds.actors:
        actor = data.draw(st.sampled_from(list(ds.actors)))
        assert list(ds.stances.held_by(actor)) == [s for s in ds.stances if s.holder == actor.id]


OFFICE_AND_STANCE_LAWS = [holders_match_the_documented_predicate, stances_on_and_held_by]


def test_a_confirmed_tenure_with_one_publisher_is_reported_at_its_place() -> None:
    data = json.loads(rso.dumps(rso.load()))
    index, office = next((i, o) for i, o in enumerate(data["offices"]) if o["holders"])
    tenure = office["holders"][0]
    tenure.update(verification="confirmed", sources=tenure["sources"][:1], alternatives=[])
    with pytest.raises(rso.DataError) as caught:
        rso.loads(json.dumps(data))
    assert caught.value.problems[0].startswith(
        f"offices[{index}] (id {office['id']!r}): holders[0]: verification: 'confirmed' needs"
    )
