from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ru_so_relations as rso
from tests.strategies import partial_dates


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2009", datetime.date(2009, 1, 1), datetime.date(2009, 12, 31), rso.Precision.YEAR),
        ("2009-02", datetime.date(2009, 2, 1), datetime.date(2009, 2, 28), rso.Precision.MONTH),
        ("2008-02", datetime.date(2008, 2, 1), datetime.date(2008, 2, 29), rso.Precision.MONTH),
        ("2009-08-13", datetime.date(2009, 8, 13), datetime.date(2009, 8, 13), rso.Precision.DAY),
        (
            "2008-08-07/2008-08-08",
            datetime.date(2008, 8, 7),
            datetime.date(2008, 8, 8),
            rso.Precision.DAY,
        ),
        (
            "2008-08/2009",
            datetime.date(2008, 8, 1),
            datetime.date(2009, 12, 31),
            rso.Precision.YEAR,
        ),
    ],
)
def test_parse(
    text: str, earliest: datetime.date, latest: datetime.date, precision: rso.Precision
) -> None:
    d = rso.PartialDate.parse(text)
    assert (d.earliest, d.latest, d.precision) == (earliest, latest, precision)
    assert str(d) == d.isoformat() == text
    assert d.is_span == ("/" in text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2009-02-30", "^'2009-02-30' is not a valid date: February 2009 has 28 days$"),
        ("2008-02-30", "^'2008-02-30' is not a valid date: February 2008 has 29 days$"),
        ("2009-04-31", "^'2009-04-31' is not a valid date: April 2009 has 30 days$"),
        ("2009-04-00", "^'2009-04-00' is not a valid date: days are numbered from 01$"),
        ("2009-13", "month must be from 01 to 12"),
        ("0000", "year must be from 0001 to 9999"),
        ("2009-8-1", "is not a date of the form"),
        ("09", "is not a date of the form"),
        ("2009-08-13T10:00", "is not a date of the form"),
        ("", "is not a date of the form"),
        ("2009/2008", "ends before it starts"),
        ("2009-05/2009", "ends before it starts"),
        ("2009-05/2009-05", "starts and ends on the same date"),
        ("2009/2010/2011", "is not a date of the form"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rso.PartialDate.parse(text)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="must be a string"):
        rso.PartialDate.parse(2009)  # type: ignore[arg-type]


def test_of() -> None:
    d = rso.PartialDate.parse("2009")
    assert rso.PartialDate.of(d) is d
    assert rso.PartialDate.of(datetime.date(2009, 1, 2)) == rso.PartialDate(2009, 1, 2)
    assert rso.PartialDate.of(datetime.datetime(2009, 1, 2, 3, 4)) == rso.PartialDate(2009, 1, 2)
    assert rso.PartialDate.of("2009-01") == rso.PartialDate(2009, 1)
    with pytest.raises(TypeError, match="expected a PartialDate"):
        rso.PartialDate.of(2009)  # type: ignore[arg-type]


def test_documented_order() -> None:
    texts = ["2009", "2009-01", "2009-01-01", "2008-12-31", "2008-08-07/2008-08-08", "2008-08"]
    ordered = [str(d) for d in sorted(rso.PartialDate.parse(t) for t in texts)]
    assert ordered == [
        "2008-08",
        "2008-08-07/2008-08-08",
        "2008-12-31",
        "2009-01-01",
        "2009-01",
        "2009",
    ]


def test_immutable_and_hashable() -> None:
    d = rso.PartialDate.parse("2009-08")
    with pytest.raises(AttributeError):
        d.year = 2010  # type: ignore[misc]
    assert len({d, rso.PartialDate(2009, 8)}) == 1


def test_contains() -> None:
    d = rso.PartialDate.parse("2009-08")
    assert d.contains(datetime.date(2009, 8, 31))
    assert not d.contains(datetime.date(2009, 9, 1))


@given(partial_dates())
def test_round_trip(d: rso.PartialDate) -> None:
    assert rso.PartialDate.parse(d.isoformat()) == d
    assert d.earliest <= d.latest


@given(partial_dates(), partial_dates())
def test_order_is_total_and_consistent(a: rso.PartialDate, b: rso.PartialDate) -> None:
    assert sum([a < b, a == b, a > b]) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a.earliest < b.earliest:
        assert a < b
    if a.earliest == b.earliest and a.latest < b.latest:
        assert a < b
    if a == b:
        assert hash(a) == hash(b)


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_transitive(a: rso.PartialDate, b: rso.PartialDate, c: rso.PartialDate) -> None:
    if a <= b and b <= c:
        assert a <= c


@given(st.dates())
def test_day_precision_from_date(day: datetime.date) -> None:
    d = rso.PartialDate.of(day)
    assert d.earliest == d.latest == day
    assert d.precision is rso.Precision.DAY
