"""What the citations must show, checked on the bundled data.

- A participant is named by a source: every person listed in an event's actors or an
  agreement's signatories is named, by surname in any script or inflection, in a quote of one
  of the record's citations or in a cited source's title. (The check reads names, not roles:
  the audits check the role.)
- A date that no citation supports (no quote or locator names it, no source was published
  then) is listed in `tools/date-review.tsv`, which the site shows; the list and the data agree.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

import ru_so_relations as rso
from ru_so_relations._names import name_key

TOOLS = Path(__file__).resolve().parents[1] / "tools"
if not (TOOLS / "date_review.py").exists():  # pragma: no cover - an installed copy without tools
    pytest.skip("tools/date_review.py is not here", allow_module_level=True)
sys.path.insert(0, str(TOOLS))
import date_review  # noqa: E402

INFLECTION = 4  # letters a declension may add to a surname's stem ("Путин" -> "Путиным")


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


def surname_stems(actor: rso.Actor) -> set[str]:
    """The stems of an actor's surnames in every recorded spelling: the last words of each name,
    without their final vowels (so "Захарова" and "Захаровой" share one), or whole if short."""
    stems = set()
    for form in actor.all_names:
        words = name_key(form).split()
        for word in words[1:] or words:
            stem = word.rstrip("aeiou")
            if len(stem) >= 4:
                stems.add(stem)
            elif len(word) >= 3:  # a short surname ("Keke") is matched whole
                stems.add(word)
    return stems


def names(actor: rso.Actor, texts: list[str]) -> bool:
    stems = surname_stems(actor)
    return any(
        word.startswith(stem) and len(word) - len(stem) <= INFLECTION
        for text in texts
        for word in name_key(text).split()
        for stem in stems
    )


def cited_texts(ds: rso.Dataset, citations: tuple[rso.Citation, ...]) -> list[str]:
    texts = [c.quote for c in citations if c.quote]
    titles = (ds.sources[c.source].title for c in citations)
    return texts + [title for title in titles if title]


def unnamed_participants(ds: rso.Dataset) -> list[str]:
    problems = []
    people = {a.id: a for a in ds.actors if a.kind is rso.ActorKind.PERSON}
    for event in ds.events:
        texts = cited_texts(ds, event.sources)
        for part in event.actors:
            if part.actor in people and not names(people[part.actor], texts):
                problems.append(f"events/{event.id}: {part.actor} ({part.role})")
    for agreement in ds.agreements:
        texts = cited_texts(ds, agreement.sources)
        for person in agreement.signatories:
            if person in people and not names(people[person], texts):
                problems.append(f"agreements/{agreement.id}: {person} (signatory)")
    return problems


def person(name: str, *aliases: str, russian: str | None = None) -> rso.Actor:
    return rso.Actor(
        id="someone",
        kind=rso.ActorKind.PERSON,
        name=name,
        names=(rso.Name(text=russian, language="ru"),) if russian else (),
        aliases=aliases,
        sources=(rso.Citation(source="a-source"),),
        verification=rso.Verification.SINGLE_SOURCE,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча Владимира Путина с Эдуардом Кокойты", True),
        ("Президент России встретился с Путиным", True),
        ("Putin's visit to Tskhinvali", True),
        ("PUTIN", True),
        ("President of Russia received the delegation", False),
        ("Rasputin", False),  # a word must begin with the surname
        ("Putinskaya street", False),  # more than an inflection added to it
        ("Vladimir visited", False),  # a first name alone does not name him
    ],
)
def test_a_surname_names_a_person_in_any_script_and_case(text: str, expected: bool) -> None:
    putin = person("Vladimir Putin", russian="Владимир Путин")
    assert names(putin, [text]) is expected


def test_a_feminine_surname_matches_its_inflections() -> None:
    zakharova = person("Maria Zakharova", russian="Мария Захарова")
    assert names(zakharova, ["заявила Марии Захаровой"])
    assert not names(zakharova, ["заявил официальный представитель МИД"])


def test_a_short_surname_is_matched_whole() -> None:
    keke = person("Kieren Keke")
    assert names(keke, ["Foreign Minister Kieren Keke signed"])
    assert not names(keke, ["a kek"])


def test_an_alias_counts_as_a_spelling() -> None:
    shoygu = person("Sergey Shoygu", "Šojgu")
    assert names(shoygu, ["Sergej Šojgu a jeho juhoosetský náprotivok"])
    assert not names(person("Sergey Shoygu"), ["Sergej Šojgu"])


def test_every_participant_is_named_by_a_cited_source(ds: rso.Dataset) -> None:
    problems = unnamed_participants(ds)
    assert not problems, "no cited quote names:\n" + "\n".join(problems)


def citation(quote: str | None = None, locator: str | None = None) -> rso.Citation:
    return rso.Citation(source="a-source", quote=quote, locator=locator)


def source(published: str | None = None) -> rso.Source:
    return rso.Source(
        id="a-source",
        title=None,
        publisher="someone",
        url="https://example.org/",
        published=rso.PartialDate.parse(published) if published else None,
        language="en",
    )


DAY = rso.PartialDate.parse("2009-12-16")


@pytest.mark.parametrize(
    "quote",
    [
        "recognized South Ossetia on December 16",
        "16 декабря 2009 года",
        "on 16 Dec. the island",
        "Dne 16. decembra 2009",
        "16.12.2009 г.",
        "16/12/2009",
        "on the 16th of December",
        "16декабря 2009 года",
        "2009 წლის 16 დეკემბერს",
        "on 16 and 17 December 2009",
        "2009-12-16",
    ],
)
def test_a_quote_that_names_the_day_supports_it(quote: str) -> None:
    assert date_review.supports(DAY, citation(quote), source())


@pytest.mark.parametrize(
    "quote",
    [
        "recognized South Ossetia on Wednesday",
        "on December 17",
        "16 ноября 2009 года",
        "in 2009, 16 deputies",
    ],
)
def test_a_quote_that_does_not_name_the_day_does_not(quote: str) -> None:
    assert not date_review.supports(DAY, citation(quote), source())


def test_a_report_published_within_a_week_supports_the_day() -> None:
    quote = citation("recognized South Ossetia on Wednesday")
    assert date_review.supports(DAY, quote, source("2009-12-17"))
    assert date_review.supports(DAY, quote, source("2009-12-16"))
    assert not date_review.supports(DAY, quote, source("2009-12-24"))
    assert not date_review.supports(DAY, quote, source("2009-12-15"))  # before the day
    assert not date_review.supports(DAY, quote, source("2009-12"))  # not a day


def test_a_locator_counts_like_a_quote() -> None:
    assert date_review.supports(DAY, citation(locator="entry of 16 December"), source())


def test_months_and_years() -> None:
    month = rso.PartialDate.parse("2004-08")
    assert date_review.supports(month, citation("в августе 2004 года"), source())
    assert date_review.supports(month, citation("In August 2004"), source())
    assert not date_review.supports(month, citation("In August"), source())  # no year
    assert not date_review.supports(month, citation("in 2004, may be"), source())
    assert date_review.supports(month, citation(), source("2004-08-30"))
    year = rso.PartialDate.parse("1997")
    assert date_review.supports(year, citation("в 1997 году"), source())
    assert date_review.supports(year, citation(), source("1997-05"))
    assert not date_review.supports(year, citation("в 1998 году"), source())


def test_a_span_is_dated_by_its_start() -> None:
    span = rso.PartialDate.parse("2008-08-08/2008-08-12")
    assert date_review.supports(span, citation("8 August 2008"), source())
    assert not date_review.supports(span, citation("12 August 2008"), source())


def test_the_review_list_matches_the_data(ds: rso.Dataset) -> None:
    found = date_review.unsupported(ds)
    listed = date_review.listed()
    missing = sorted(set(found) - set(listed))
    stale = sorted(set(listed) - set(found))
    assert not missing, f"dates no citation supports, not listed for review: {missing}"
    assert not stale, f"listed for review but now supported (or gone): {stale}"
    assert listed == found, "keep the list in data order: python tools/date_review.py --write"


def test_the_review_list_covers_every_kind_of_dated_record(ds: rso.Dataset) -> None:
    kinds = {item.kind for item in date_review.dated_fields(ds)}
    assert kinds == {"events", "agreements", "offices", "stances", "figures"}
    assert all(isinstance(item.value, rso.PartialDate) for item in date_review.dated_fields(ds))
    assert datetime.date(2008, 8, 8) in {
        item.value.earliest for item in date_review.dated_fields(ds)
    }
