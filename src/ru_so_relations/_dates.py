"""Partial dates: a year, a month, a day, or a span between two of them (EDTF level 0)."""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import Final, TypeAlias

import attrs


class Precision(enum.Enum):
    """How precisely a date is known."""

    YEAR = "year"
    """Only the year is known (`2009`)."""
    MONTH = "month"
    """The year and month are known (`2009-08`)."""
    DAY = "day"
    """The exact day is known (`2009-08-13`)."""


_POINT_RE: Final = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PRECISION_RANK: Final = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_NAMES: Final = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # in English whatever the locale, unlike calendar.month_name


def _days_in_month(year: int, month: int) -> int:
    # what calendar.monthrange gives, without working out the weekday
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month]


def _parse_point(text: str) -> tuple[int, int | None, int | None]:
    match = _POINT_RE.fullmatch(text)
    if match is None:
        msg = f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        raise ValueError(msg)
    year = int(match[1])
    month = None if match[2] is None else int(match[2])
    day = None if match[3] is None else int(match[3])
    _check_point(year, month, day, text)
    return year, month, day


def _check_point(year: int, month: int | None, day: int | None, text: str) -> None:
    if not 1 <= year <= 9999:
        msg = f"{text!r} is not a valid date: year must be from 0001 to 9999"
        raise ValueError(msg)
    if month is None:
        if day is not None:
            msg = f"{text!r} is not a valid date: a day needs a month"
            raise ValueError(msg)
        return
    if not 1 <= month <= 12:
        msg = f"{text!r} is not a valid date: month must be from 01 to 12"
        raise ValueError(msg)
    if day is not None and not 1 <= day <= _days_in_month(year, month):
        if day < 1:
            reason = "days are numbered from 01"
        else:
            reason = f"{_MONTH_NAMES[month]} {year} has {_days_in_month(year, month)} days"
        msg = f"{text!r} is not a valid date: {reason}"
        raise ValueError(msg)


def _check_types(year: object, month: object, day: object, end: object) -> None:
    if isinstance(year, str):
        msg = (
            f"PartialDate takes numbers (year, month, day); to read the text {year!r}, "
            f"use PartialDate.parse({year!r})"
        )
        raise TypeError(msg)
    for name, value in (("year", year), ("month", month), ("day", day)):
        if (value is not None or name == "year") and (
            not isinstance(value, int) or isinstance(value, bool)
        ):
            msg = f"PartialDate {name} must be an int, not {type(value).__name__}"
            raise TypeError(msg)
    if end is not None and not isinstance(end, PartialDate):
        msg = f"PartialDate end must be a PartialDate or None, not {type(end).__name__}"
        raise TypeError(msg)


def _format_point(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _point_bounds(
    year: int, month: int | None, day: int | None
) -> tuple[datetime.date, datetime.date]:
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if day is None:
        last = _days_in_month(year, month)
        return datetime.date(year, month, 1), datetime.date(year, month, last)
    one = datetime.date(year, month, day)
    return one, one


@attrs.frozen(eq=True, order=False, repr=False)
class PartialDate:
    """A date known to a year, a month or a day, or a span between two such dates.

    The text form is ISO 8601 / EDTF level 0: `2009`, `2009-08`, `2009-08-13`, or a span
    `2008-08-07/2008-08-08` whose two ends may have different precisions (`2008-08/2009`).
    Build one with [`PartialDate.parse`][ru_so_relations.PartialDate.parse] or
    [`PartialDate.of`][ru_so_relations.PartialDate.of].

    **Order.** Partial dates are totally ordered by
    ([`earliest`][ru_so_relations.PartialDate.earliest],
    [`latest`][ru_so_relations.PartialDate.latest], text): the one that can start earlier
    comes first; of two that start on the same day, the one that ends earlier comes first
    (so `2009-01-01` < `2009-01` < `2009`); remaining ties are broken by the text form, which
    is unique for each value. Equality is equality of the text form.

    Examples:
        >>> from ru_so_relations import PartialDate
        >>> d = PartialDate.parse("2009-08")
        >>> d.earliest, d.latest
        (datetime.date(2009, 8, 1), datetime.date(2009, 8, 31))
        >>> str(PartialDate.parse("2008-08-07/2008-08-08"))
        '2008-08-07/2008-08-08'
        >>> sorted(PartialDate.parse(t) for t in ["2009", "2009-01", "2008-12-31"])
        [PartialDate('2008-12-31'), PartialDate('2009-01'), PartialDate('2009')]
    """

    year: int
    """The year of the start (1 to 9999)."""
    month: int | None = None
    """The month of the start (1 to 12), or `None` when only the year is known."""
    day: int | None = None
    """The day of the start, or `None` when only the year or month is known."""
    end: PartialDate | None = None
    """For a span, the date it ends on (itself never a span); `None` for a single date."""

    earliest: datetime.date = attrs.field(init=False, eq=False, hash=False)
    """The first day this date or span can refer to."""
    latest: datetime.date = attrs.field(init=False, eq=False, hash=False)
    """The last day this date or span can refer to."""

    def __attrs_post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        if type(year) is int and type(month) is int and type(day) is int and self.end is None:
            # a single day, the common case: `datetime.date` makes the checks of
            # `_check_point` (year 1-9999, month 1-12, a day of that month); the general
            # path below gives the detailed message when one fails
            try:
                one = datetime.date(year, month, day)
            except ValueError:
                pass
            else:
                object.__setattr__(self, "earliest", one)
                object.__setattr__(self, "latest", one)
                return
        self._check_and_bound()

    def _check_and_bound(self) -> None:
        _check_types(self.year, self.month, self.day, self.end)
        text = _format_point(self.year, self.month, self.day)
        _check_point(self.year, self.month, self.day, text)
        earliest, latest = _point_bounds(self.year, self.month, self.day)
        if self.end is not None:
            if self.end.end is not None:
                msg = f"the end of a span cannot itself be a span: {self.end}"
                raise ValueError(msg)
            latest = self.end.latest
            if self.end.earliest < earliest or latest < earliest:
                msg = f"span {text}/{self.end} ends before it starts"
                raise ValueError(msg)
            if self.end == PartialDate(self.year, self.month, self.day):
                msg = f"span {text}/{self.end} starts and ends on the same date"
                raise ValueError(msg)
        object.__setattr__(self, "earliest", earliest)
        object.__setattr__(self, "latest", latest)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an EDTF level 0 date or span.

        Args:
            text: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or two of these joined by `/`.

        Returns:
            The partial date.

        Raises:
            ValueError: If the text is not a valid date or span.
        """
        if not isinstance(text, str):
            msg = f"a date must be a string, not {type(text).__name__}"
            raise TypeError(msg)
        start, sep, end = text.partition("/")
        if not sep:
            return cls(*_parse_point(text))
        return cls(*_parse_point(start), end=cls(*_parse_point(end)))

    @classmethod
    def of(cls, value: DateLike) -> PartialDate:
        """Convert a date-like value to a partial date.

        Args:
            value: A `PartialDate` (returned as is), a `datetime.date` (day precision;
                a `datetime.datetime` is reduced to its date), or an EDTF string.

        Returns:
            The partial date.

        Raises:
            TypeError: If the value is of another type.
            ValueError: If a string is not a valid date.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            return cls.parse(value)
        msg = (
            f"expected a PartialDate, a datetime.date or an ISO string, not {type(value).__name__}"
        )
        raise TypeError(msg)

    @property
    def precision(self) -> Precision:
        """The precision of the start, or for a span the coarser of its two ends."""
        own = _point_precision(self.month, self.day)
        if self.end is None:
            return own
        other = self.end.precision
        return own if _PRECISION_RANK[own] <= _PRECISION_RANK[other] else other

    @property
    def is_span(self) -> bool:
        """Whether this is a span between two dates (`start/end`)."""
        return self.end is not None

    def isoformat(self) -> str:
        """Return the EDTF level 0 text form, e.g. `2009-08` or `2008-08-07/2008-08-08`."""
        text = _format_point(self.year, self.month, self.day)
        return text if self.end is None else f"{text}/{self.end.isoformat()}"

    def contains(self, day: datetime.date) -> bool:
        """Whether the given day lies within this date's span (ends included)."""
        return self.earliest <= day <= self.latest

    def _key(self) -> tuple[datetime.date, datetime.date, str]:
        return (self.earliest, self.latest, self.isoformat())

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


def _point_precision(month: int | None, day: int | None) -> Precision:
    if month is None:
        return Precision.YEAR
    if day is None:
        return Precision.MONTH
    return Precision.DAY


DateLike: TypeAlias = "PartialDate | datetime.date | str"
"""What a query accepts as a date bound: a partial date, a `datetime.date` or an EDTF string."""
