"""The rules every office's holders follow, checked on the bundled data.

One holder at a time: a tenure ends before (or on the day) the next one starts. No gap while
the office existed, unless a tenure's notes say that holders are not recorded or the post was
vacant; a handover of up to a month (appointment procedures) is not a gap. A tenure followed
by another has an end, and every tenure after the first has a start.
"""

from __future__ import annotations

import datetime
import itertools

import pytest

import ru_so_relations as rso

HANDOVER = datetime.timedelta(days=31)
EXPLAINED = ("not recorded", "not listed", "vacant", "no holder")
COVERAGE_START = datetime.date(1990, 12, 31)  # the coverage begins in late 1988
BEGINS = ("creat", "establish", "formation", "formed", "first holder", "not recorded", "not listed")
"""Words in a first tenure's notes that say why the office's holders begin after 1990: the
post was created then (with a source), or earlier holders were not found."""


def explained(*tenures: rso.Tenure) -> bool:
    return any(t.notes and any(w in t.notes.lower() for w in EXPLAINED) for t in tenures)


def office_problems(office: rso.Office) -> list[str]:
    problems = []
    holders = office.holders
    first = holders[0] if holders else None
    if first is None:
        problems.append("no holders")
    elif first.start is None or first.start.earliest > COVERAGE_START:
        notes = (first.notes or "").lower()
        if not any(word in notes for word in BEGINS):
            problems.append(
                f"holders begin with {first.person} in {first.start}, and the notes do not say"
                " when the post was created or that earlier holders were not recorded"
            )
    for index, tenure in enumerate(holders):
        if index and tenure.start is None:
            problems.append(f"{tenure.person} has no start but follows another holder")
    for before, after in itertools.pairwise(holders):
        pair = f"{before.person} and {after.person}"
        if before.end is None:
            problems.append(f"{before.person} has no end but {after.person} follows")
            continue
        if after.start is None:
            continue
        if before.end.earliest > after.start.latest:
            problems.append(f"{pair} overlap ({before.end} is after {after.start})")
        elif after.start.earliest - before.end.latest > HANDOVER and not explained(before, after):
            problems.append(f"no holder from {before.end} to {after.start} between {pair}")
    return problems


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


def test_every_office_has_one_holder_at_a_time_and_no_unexplained_gap(ds: rso.Dataset) -> None:
    problems = {o.id: office_problems(o) for o in ds.offices}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize(
    ("holders", "expected"),
    [
        ([("a", "2000", "2004"), ("b", "2004", "2008")], []),
        ([("a", "2000", "2006"), ("b", "2004", "2008")], ["a and b overlap (2006 is after 2004)"]),
        ([("a", "2000", None), ("b", "2004", None)], ["a has no end but b follows"]),
        (
            [("a", "2000", "2001"), ("b", "2004", None)],
            ["no holder from 2001 to 2004 between a and b"],
        ),
        ([("a", "2000-01-10", "2000-01-20"), ("b", "2000-02-05", None)], []),
        ([("a", "2000", "2001"), ("b", None, None)], ["b has no start but follows another holder"]),
        ([], ["no holders"]),
    ],
)
def test_the_rules_catch_what_they_should(
    ds: rso.Dataset, holders: list[tuple[str, str | None, str | None]], expected: list[str]
) -> None:
    sample = ds.offices["president-of-russia"].holders[0]

    def date(text: str | None) -> rso.PartialDate | None:
        return None if text is None else rso.PartialDate.parse(text)

    tenures = tuple(
        rso.Tenure(
            person=person,
            start=date(start),
            end=date(end),
            # these cases are about what follows the first holder, whose start is explained
            notes=None if index else "The post was created then.",
            sources=sample.sources,
            verification=sample.verification,
        )
        for index, (person, start, end) in enumerate(holders)
    )
    office = rso.Office(
        id="x", name="X", organisation="russia", holders=tenures, sources=sample.sources
    )
    assert office_problems(office) == expected


@pytest.mark.parametrize(
    ("start", "notes", "ok"),
    [
        ("1990-10", None, True),  # within the coverage's first years
        ("1996", None, False),
        (None, None, False),
        ("1996", "The post was created by the 1996 constitution (source).", True),
        ("1996", "Earlier holders are not recorded in any stored source.", True),
    ],
)
def test_the_first_holder_starts_with_the_coverage_or_the_notes_say_why(
    ds: rso.Dataset, start: str | None, notes: str | None, ok: bool
) -> None:
    sample = ds.offices["president-of-russia"].holders[0]
    first = rso.Tenure(
        person="a",
        start=rso.PartialDate.parse(start) if start else None,
        notes=notes,
        sources=sample.sources,
        verification=sample.verification,
    )
    office = rso.Office(
        id="x", name="X", organisation="russia", holders=(first,), sources=sample.sources
    )
    assert (office_problems(office) == []) is ok


def test_a_gap_the_notes_explain_is_allowed(ds: rso.Dataset) -> None:
    sample = ds.offices["president-of-russia"].holders[0]
    first = rso.Tenure(
        person="a",
        start=rso.PartialDate.parse("2000"),
        end=rso.PartialDate.parse("2001"),
        notes="The post was created in 2000.",
        sources=sample.sources,
        verification=sample.verification,
    )
    second = rso.Tenure(
        person="b",
        start=rso.PartialDate.parse("2004"),
        notes="Holders between 2001 and 2004 are not recorded.",
        sources=sample.sources,
        verification=sample.verification,
    )
    office = rso.Office(
        id="x", name="X", organisation="russia", holders=(first, second), sources=sample.sources
    )
    assert office_problems(office) == []


def test_acting_holders_are_recorded_for_russia_too(ds: rso.Dataset) -> None:
    acting = [t for t in ds.offices["president-of-russia"].holders if t.acting]
    assert [(t.person, str(t.start), str(t.end)) for t in acting] == [
        ("vladimir-putin", "1999-12-31", "2000-05-07")
    ]
