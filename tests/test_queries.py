"""Query laws, checked on generated datasets, and the documented predicates."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ru_so_relations as rso
from tests.strategies import partial_dates, points

bounds = st.none() | points()


def predicate(
    date: rso.PartialDate | None, lo: datetime.date, hi: datetime.date, *, overlap: bool
) -> bool:
    """The documented rule, written independently of the library."""
    if date is None:
        return False
    if overlap:
        return not (date.latest < lo or date.earliest > hi)
    return lo <= date.earliest and date.latest <= hi


def ordered(start: rso.PartialDate | None, end: rso.PartialDate | None) -> bool:
    return start is None or end is None or start.earliest <= end.latest


# Laws of queries on generated datasets, in QUERY_LAWS. Drawing a dataset costs far more than
# checking a law, so tests/test_generated_datasets.py checks these laws and the other
# properties of whole datasets on each drawn dataset; each law draws what else it needs from
# `data`, and a `return` ends that law only.


def between_matches_the_documented_predicate(ds: rso.Dataset, data: st.DataObject) -> None:
    start, end, overlap = data.draw(bounds), data.draw(bounds), data.draw(st.booleans())
    if not ordered(start, end):
        with pytest.raises(ValueError, match=r"ends .* before it starts"):
            ds.events.between(start, end)
        return
    lo = datetime.date.min if start is None else start.earliest
    hi = datetime.date.max if end is None else end.latest
    expected = [e for e in ds.events if predicate(e.date, lo, hi, overlap=overlap)]
    assert list(ds.events.between(start, end, overlap=overlap)) == expected
    expected_agreements = [a for a in ds.agreements if predicate(a.date, lo, hi, overlap=overlap)]
    assert list(ds.agreements.between(start, end, overlap=overlap)) == expected_agreements


def between_is_a_subset_of_overlap(ds: rso.Dataset, data: st.DataObject) -> None:
    start, end = data.draw(bounds), data.draw(bounds)
    if not ordered(start, end):
        return
    inside = set(ds.events.between(start, end))
    assert inside <= set(ds.events.between(start, end, overlap=True))


def splitting_a_range(ds: rso.Dataset, data: st.DataObject) -> None:
    """Records of day precision split cleanly at a day: [a, b] + (b, c] == [a, c]."""
    a, b, c = data.draw(points()), data.draw(points()), data.draw(points())
    lo, mid, hi = sorted([a.earliest, b.latest, c.latest])
    days = rso.Events(
        [e for e in ds.events if e.date.precision is rso.Precision.DAY and not e.date.is_span]
    )
    left = days.between(lo, mid)
    right = days.between(mid + datetime.timedelta(days=1), hi) if mid < hi else days[0:0]
    assert list(left) + list(right) == list(days.between(lo, hi))


def overlap_split_covers_the_whole(ds: rso.Dataset, data: st.DataObject) -> None:
    """With overlap, the union of the halves is the whole range's result."""
    start, end = data.draw(bounds), data.draw(bounds)
    if start is None or end is None or not ordered(start, end):
        return
    lo, hi = start.earliest, end.latest
    if lo == hi:
        return
    mid = lo + (hi - lo) // 2
    whole = ds.events.between(lo, hi, overlap=True)
    halves = set(ds.events.between(lo, mid, overlap=True)) | set(
        ds.events.between(mid + datetime.timedelta(days=1), hi, overlap=True)
    )
    assert halves == set(whole)


def filters_commute(ds: rso.Dataset, data: st.DataObject) -> None:
    kinds = data.draw(st.lists(st.sampled_from(rso.EventKind), min_size=1, max_size=3))
    actor = data.draw(st.sampled_from(ds.actors.ids))
    year = data.draw(points())
    a = ds.events.of_kind(*kinds).involving(actor).between(year, overlap=True)
    b = ds.events.between(year, overlap=True).involving(actor).of_kind(*kinds)
    c = ds.events.involving(actor).between(year, overlap=True).of_kind(*kinds)
    assert a == b == c


def chains_match_the_documented_predicates(ds: rso.Dataset, data: st.DataObject) -> None:
    """Any chain of queries equals filtering a plain list step by step.

    A collection made by a query answers later steps through the indexes of the chain's
    first collection, or through its own; both must give what the predicates give.
    """
    chain, expected = ds.events, list(ds.events)
    for _ in range(data.draw(st.integers(1, 5))):
        steps = ["between", "day", "involving", "of_kind", "at", "slice"]
        step = data.draw(st.sampled_from(steps))
        if step == "between":
            start, end = data.draw(bounds), data.draw(bounds)
            if not ordered(start, end):
                continue
            overlap = data.draw(st.booleans())
            lo = datetime.date.min if start is None else start.earliest
            hi = datetime.date.max if end is None else end.latest
            chain = chain.between(start, end, overlap=overlap)
            expected = [e for e in expected if predicate(e.date, lo, hi, overlap=overlap)]
        elif step == "involving":
            actor = data.draw(st.sampled_from(ds.actors.ids))
            chain = chain.involving(actor)
            expected = [e for e in expected if actor in e.actor_ids]
        elif step == "of_kind":
            kinds = data.draw(st.lists(st.sampled_from(rso.EventKind), min_size=1, max_size=3))
            chain = chain.of_kind(*kinds)
            expected = [e for e in expected if e.kind in kinds]
        elif step == "at" and len(ds.places):
            place = data.draw(st.sampled_from(ds.places.ids))
            chain = chain.at(place)
            expected = [e for e in expected if e.place == place]
        elif step == "day" and expected:
            day = data.draw(st.sampled_from(expected)).date.earliest
            chain = chain.between(day)
            expected = [e for e in expected if predicate(e.date, day, day, overlap=False)]
        elif step == "slice":
            a, b = data.draw(st.integers(-3, 12)), data.draw(st.integers(-3, 12))
            chain = chain[a:b]
            expected = expected[a:b]
        assert list(chain) == expected


def involving_several_is_involving_each(ds: rso.Dataset, data: st.DataObject) -> None:
    x = data.draw(st.sampled_from(ds.actors.ids))
    y = data.draw(st.sampled_from(ds.actors.ids))
    assert ds.events.involving(x).involving(y) == ds.events.involving(x, y)
    assert ds.events.involving(x, y) == ds.events.involving(y, x)
    assert list(ds.events.involving(x)) == [e for e in ds.events if x in e.actor_ids]
    assert list(ds.agreements.involving(x)) == [a for a in ds.agreements if x in a.actor_ids]


def results_are_chronological_and_unique(ds: rso.Dataset, data: st.DataObject) -> None:
    for collection in (ds.events, ds.events.between(None, None, overlap=True)):
        keys = [(e.date.earliest, e.date.latest, str(e.date), e.id) for e in collection]
        assert keys == sorted(keys)
        assert len(set(collection.ids)) == len(collection)


def of_kind_and_of_type(ds: rso.Dataset, data: st.DataObject) -> None:
    kinds = data.draw(st.lists(st.sampled_from(rso.EventKind), min_size=1))
    assert list(ds.events.of_kind(*kinds)) == [e for e in ds.events if e.kind in kinds]
    assert ds.events.of_kind(*(k.value for k in kinds)) == ds.events.of_kind(*kinds)
    types = data.draw(st.lists(st.sampled_from(rso.AgreementType), min_size=1))
    assert list(ds.agreements.of_type(*types)) == [a for a in ds.agreements if a.type in types]


def overlap_keeps_an_event_on_any_day_of_its_span(ds: rso.Dataset, data: st.DataObject) -> None:
    if not ds.events:
        return
    event = data.draw(st.sampled_from(list(ds.events)))
    day = data.draw(st.dates(event.date.earliest, event.date.latest))
    assert event in ds.events.between(day, overlap=True)
    whole_span_is_that_day = event.date.earliest == event.date.latest == day
    assert (event in ds.events.between(day)) == whole_span_is_that_day


QUERY_LAWS = [
    between_matches_the_documented_predicate,
    between_is_a_subset_of_overlap,
    splitting_a_range,
    overlap_split_covers_the_whole,
    filters_commute,
    chains_match_the_documented_predicates,
    involving_several_is_involving_each,
    results_are_chronological_and_unique,
    of_kind_and_of_type,
    overlap_keeps_an_event_on_any_day_of_its_span,
]


def test_a_chain_uses_the_first_collections_indexes() -> None:
    ds = rso.load()
    year = ds.events.between("2008")
    aug = year.between("2008-08")
    month = list(ds.events.between("2008-08"))
    # an actor in few of the month's events is found through the first collection's index,
    # without indexing the month's events
    assert list(aug.involving("osce")) == [e for e in month if "osce" in e.actor_ids]
    assert "actors" not in aug._cache
    assert "actors" in ds.events._cache
    # one in most of them is cheaper to find by indexing the month's events
    assert list(aug.involving("georgia")) == [e for e in month if "georgia" in e.actor_ids]
    assert "actors" in aug._cache


def test_every_second_step_on_the_bundled_data() -> None:
    """Each way a second step finds its records, checked exhaustively against predicates.

    A fresh first step each time, so that no index built by an earlier query is reused: a
    year or a day of the events, then each actor, kind and place in turn.
    """
    ds = rso.load()
    events = list(ds.events)
    years = sorted({e.date.earliest.year for e in events})
    days = sorted(
        {
            e.date.earliest
            for e in events
            if e.date.precision is rso.Precision.DAY and not e.date.is_span
        }
    )
    firsts: list[tuple[str, Any]] = [(str(y), lambda y=y: ds.events.between(str(y))) for y in years]
    firsts += [(str(d), lambda d=d: ds.events.between(d)) for d in days]
    # a day within a year: a run of consecutive records of a collection made by a query
    firsts += [
        (f"{d} in {d.year}", lambda d=d: ds.events.between(str(d.year)).between(d)) for d in days
    ]
    for label, first in firsts:
        records = list(first())
        assert records, label
        for actor in ds.actors.ids:
            expected = [e for e in records if actor in e.actor_ids]
            assert list(first().involving(actor)) == expected, (label, actor)
        for kind in rso.EventKind:
            expected = [e for e in records if e.kind is kind]
            assert list(first().of_kind(kind)) == expected, (label, kind)
        for place in ds.places.ids:
            expected = [e for e in records if e.place == place]
            assert list(first().at(place)) == expected, (label, place)


@given(partial_dates())
def test_one_bound_is_its_own_span(d: rso.PartialDate) -> None:
    assert rso.Events().between(d) == rso.Events()
    # between(d) keeps exactly what lies within d's span
    event = rso.Event(
        id="e",
        date=d,
        kind=rso.EventKind.OTHER,
        title="t",
        summary="s",
        sources=(rso.Citation(source="s"),),
        verification=rso.Verification.SINGLE_SOURCE,
    )
    events = rso.Events([event])
    assert list(events.between(d)) == [event]
    assert list(events.between(d.earliest, d.latest)) == [event]


def test_query_errors() -> None:
    events = rso.load().events
    with pytest.raises(ValueError, match="'trip' is not a valid EventKind; expected one of"):
        events.of_kind("trip")
    with pytest.raises(ValueError, match="give at least one EventKind"):
        events.of_kind()
    with pytest.raises(ValueError, match="give at least one actor"):
        events.involving()
    with pytest.raises(ValueError, match="start: '2009-13' is not a valid date"):
        events.between("2009-13")
    with pytest.raises(TypeError, match="end: expected a PartialDate"):
        events.between("2009", 2010)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"the range ends \(2008\) before it starts \(2009\)"):
        events.between("2009", "2008")
    with pytest.raises(
        LookupError, match="no actor is known as 'Medvedv'; did you mean 'Dmitry Medvedev'"
    ):
        events.involving("Medvedv")
    with pytest.raises(
        KeyError, match="no event with id 'medvedev-visit-tskhinvali-2008'; did you mean"
    ):
        events["medvedev-visit-tskhinvali-2008"]
    with pytest.raises(TypeError, match="indices must be ids, integers or slices"):
        events[1.5]  # type: ignore[call-overload]


def test_collection_protocol() -> None:
    ds = rso.load()
    first = ds.events[0]
    assert first.id in ds.events
    assert first in ds.events
    assert "no-such-id" not in ds.events
    assert ds.events.get("no-such-id") is None
    assert ds.events.get(first.id) is first
    assert ds.events[first.id] is first
    assert list(ds.events[:2]) == list(ds.events)[:2]
    assert list(reversed(ds.events))[-1] is first
    assert len(ds.events) == len(list(ds.events)) == len(ds.events.ids)
    assert repr(ds.events[:1]) == "<Events: 1 record>"
    with pytest.raises(AttributeError, match="immutable"):
        ds.events._records = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        ds.events.foo = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        ds.events = rso.Events()  # type: ignore[misc]


def test_collections_check_their_records() -> None:
    ds = rso.load()
    with pytest.raises(TypeError, match="Events holds Event records, not Actor"):
        rso.Events([ds.actors[0]])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="duplicate id"):
        rso.Events([ds.events[0], ds.events[0]])


def test_concerning_and_actor_kinds() -> None:
    ds = rso.load()
    treaty = ds.agreements["treaty-friendship-cooperation-mutual-assistance-2008"]
    events = ds.events.concerning(treaty)
    assert events == ds.events.concerning(treaty.id)
    assert "treaty-friendship-2008-signing" in events
    assert all(treaty.id in e.agreements for e in events)
    people = ds.actors.of_kind(rso.ActorKind.PERSON)
    assert "eduard-kokoity" in people
    assert all(a.kind is rso.ActorKind.PERSON for a in people)
    states = ds.actors.of_kind("state", "de_facto_state")
    assert {"abkhazia", "georgia", "russia", "south-ossetia", "united-states"} <= set(states.ids)
    assert list(states) == [a for a in ds.actors if a.kind.value in {"state", "de_facto_state"}]


def test_overlap_on_the_bundled_data() -> None:
    ds = rso.load()
    offensive = ds.events["georgian-offensive-tskhinvali-2008"]  # 2008-08-07/2008-08-08
    assert offensive not in ds.events.between("2008-08-08")
    assert offensive in ds.events.between("2008-08-08", overlap=True)
    assert offensive in ds.events.between("2008-08-07", "2008-08-08")


def test_one_day_among_records_that_start_that_day() -> None:
    """A day query keeps the records of that day, not longer ones that start the same day."""

    def event(record_id: str, date: str) -> rso.Event:
        return rso.Event(
            id=record_id,
            date=rso.PartialDate.parse(date),
            kind=rso.EventKind.OTHER,
            title="An event",
            summary="Something happened.",
            sources=(rso.Citation(source="s"),),
            verification=rso.Verification.SINGLE_SOURCE,
        )

    events = rso.Events(
        [
            event("a-year", "2009"),
            event("a-month", "2009-03"),
            event("a-day", "2009-03-01"),
            event("a-span", "2009-03-01/2009-03-02"),
            event("next-day", "2009-03-02"),
        ]
    )
    assert events.between("2009-03-01").ids == ("a-day",)
    assert events.between(datetime.date(2009, 3, 1)).ids == ("a-day",)
    assert set(events.between("2009-03-01", overlap=True).ids) == {
        "a-year",
        "a-month",
        "a-day",
        "a-span",
    }
    assert events.between("2009-03").ids == ("a-day", "a-span", "a-month", "next-day")
