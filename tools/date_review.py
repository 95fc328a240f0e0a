"""Which recorded dates no citation supports: the list a reviewer works through.

A date is *supported* when one of the record's citations shows it: its quote or locator
names the day (for a day-precise date), the month and year (month-precise) or the year, in
English, Russian or digits; or its source was published within a week after the day (a news
report of the day: "on Monday"), in that month, or in that year. For a span the start counts.

A date nothing supports is not wrong, only unchecked. `date-review.tsv` lists each one; a test
fails when the list and the data disagree (so a new unsupported date is a decision, not an
accident), and the site shows the list. The check reads text, not meaning: a supported date
can still be wrong, which is what the audits are for.

Run `python tools/date_review.py --write` to rewrite the list after a data change.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

import ru_so_relations as rso

if TYPE_CHECKING:
    from collections.abc import Iterator

REVIEW_FILE: Final = Path(__file__).with_name("date-review.tsv")
HEADER: Final = ("kind", "record", "field", "value")
REPORT_WINDOW: Final = datetime.timedelta(days=7)

# Month names as stems, so that inflected forms match ("16 декабря", "в декабре", "10.
# marts", "31. marca"): English and the other Latin-script languages of the sources, and
# Russian and Georgian. May is a whole word in any language ("may" is also an English verb).
_LATIN: Final = (
    ("jan", "ene", "gen"),
    ("feb", "fév", "fev"),
    ("mar", "mär"),
    ("apr", "avr", "abr"),
    (),
    ("jun", "jún", "juin", "giu"),
    ("jul", "júl", "juil", "lug"),
    ("aug", "ago", "aoû"),
    ("sep", "set"),
    ("oct", "okt", "out", "ott"),
    ("nov",),
    ("dec", "dez", "dic", "déc"),
)
_MAY: Final = frozenset({"may", "mai", "maj", "máj", "mája", "maja", "mayo", "maio", "maggio"})
_RUSSIAN: Final = (
    ("январ", "янв"),
    ("феврал", "фев"),
    ("март",),
    ("апрел", "апр"),
    ("мая", "май", "мае"),
    ("июн",),
    ("июл",),
    ("август", "авг"),
    ("сентябр", "сент"),
    ("октябр", "окт"),
    ("ноябр", "нояб"),
    ("декабр",),
)
_GEORGIAN: Final = (
    ("იანვარ",),
    ("თებერვალ",),
    ("მარტ",),
    ("აპრილ",),
    ("მაის",),
    ("ივნის",),
    ("ივლის",),
    ("აგვისტო",),
    ("სექტემბერ",),
    ("ოქტომბერ",),
    ("ნოემბერ",),
    ("დეკემბერ",),
)
_WORD: Final = re.compile(r"\d+|[^\W\d_]+")  # digits apart from letters: "1марта", "7th"


class Dated(NamedTuple):
    """One dated field of one record."""

    kind: str
    """The record's collection (`events`, ...); a tenure is under `offices`, its record
    `office-id/person-id`."""
    record: str
    field: str
    value: rso.PartialDate
    citations: tuple[rso.Citation, ...]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _is_month(word: str, month: int) -> bool:
    if month == 5 and word in _MAY:
        return True
    stems = (*_LATIN[month - 1], *_RUSSIAN[month - 1], *_GEORGIAN[month - 1])
    return any(word.startswith(stem) for stem in stems)


def names_day(text: str, day: datetime.date) -> bool:
    """Whether the text gives this day: "16 December", "December 16", "16 декабря", digits."""
    numeric = (
        f"{day:%Y-%m-%d}",
        f"{day.day}.{day.month:02d}.{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day:%y}",
        f"{day.month}/{day.day}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
    )
    if any(form in text for form in numeric):
        return True
    words = _words(text)
    for index, word in enumerate(words):
        if word.isdigit() and int(word) == day.day:
            near = words[max(0, index - 2) : index + 4]
            if any(_is_month(other, day.month) for other in near):
                return True
    return False


def names_month(text: str, year: int, month: int) -> bool:
    """Whether the text gives this month of this year."""
    if f"{year}-{month:02d}" in text or f".{month:02d}.{year}" in text:
        return True
    words = _words(text)
    return str(year) in words and any(_is_month(word, month) for word in words)


def start_precision(date: rso.PartialDate) -> rso.Precision:
    """The precision of a date's start (of the date itself when it is not a span)."""
    if date.day is not None:
        return rso.Precision.DAY
    return rso.Precision.YEAR if date.month is None else rso.Precision.MONTH


def supports(date: rso.PartialDate, citation: rso.Citation, source: rso.Source) -> bool:
    """Whether this citation of this source shows the date (see the module's docstring)."""
    text = " ".join(t for t in (citation.quote, citation.locator) if t)
    first = date.earliest
    published = source.published
    match start_precision(date):
        case rso.Precision.DAY:
            if names_day(text, first):
                return True
            return (
                published is not None
                and published.precision is rso.Precision.DAY
                and first <= published.earliest <= first + REPORT_WINDOW
            )
        case rso.Precision.MONTH:
            if names_month(text, first.year, first.month):
                return True
            return (
                published is not None
                and published.precision is not rso.Precision.YEAR
                and (published.earliest.year, published.earliest.month) == (first.year, first.month)
            )
        case _:
            return str(first.year) in _words(text) or (
                published is not None and published.earliest.year == first.year
            )


def dated_fields(ds: rso.Dataset) -> Iterator[Dated]:
    """Every dated field the check looks at, with the citations of its record."""
    for event in ds.events:
        yield Dated("events", event.id, "date", event.date, event.sources)
    for agreement in ds.agreements:
        for field in ("signed", "in_force", "terminated"):
            value = getattr(agreement, field)
            if value is not None:
                yield Dated("agreements", agreement.id, field, value, agreement.sources)
    for office in ds.offices:
        for tenure in office.holders:
            for field in ("start", "end"):
                value = getattr(tenure, field)
                if value is not None:
                    record = f"{office.id}/{tenure.person}"
                    yield Dated("offices", record, field, value, tenure.sources)
    for stance in ds.stances:
        for field in ("since", "until"):
            value = getattr(stance, field)
            if value is not None:
                yield Dated("stances", stance.id, field, value, stance.sources)
    for figure in ds.figures:
        yield Dated("figures", figure.id, "stated", figure.stated, figure.sources)


def unsupported(ds: rso.Dataset) -> list[tuple[str, str, str, str]]:
    """The (kind, record, field, value) of every date that no citation supports."""
    sources = {source.id: source for source in ds.sources}
    return [
        (item.kind, item.record, item.field, item.value.isoformat())
        for item in dated_fields(ds)
        if not any(supports(item.value, c, sources[c.source]) for c in item.citations)
    ]


def listed() -> list[tuple[str, ...]]:
    """The rows of `date-review.tsv`, without its header."""
    lines = REVIEW_FILE.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines[1:] if line]


def render(rows: list[tuple[str, str, str, str]]) -> str:
    """The text of `date-review.tsv` for these rows."""
    return "\n".join("\t".join(row) for row in [HEADER, *rows]) + "\n"


if __name__ == "__main__":
    rows = unsupported(rso.load())
    if "--write" in sys.argv:
        REVIEW_FILE.write_text(render(rows), encoding="utf-8")
    sys.stdout.write(f"{len(rows)} dates no citation supports\n")
