"""Hypothesis strategies for every model and for whole, consistent datasets.

Importing this module registers the strategies, so `st.from_type(Event)` works.

Drawing a whole dataset takes about a thousand choices, so the strategies are written to be
cheap: ids, identifiers and versions are built from plain text and integer draws rather than
regular expressions; names, titles and other text that queries and name matching read use the
whole of Unicode, while free text that is only stored and written back (summaries, notes,
quotes, locators, descriptions) uses one short draw from a small alphabet that still has
accents, Cyrillic, Georgian, quotes, commas and backslashes; and a strategy made from other
strategies is built once (`_once`), not again for every record, because Hypothesis checks
each new strategy object before its first draw.
"""

from __future__ import annotations

import copy
import datetime
import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import note
from hypothesis import strategies as st

import ru_so_relations as rso

T = TypeVar("T", bound=Any)
F = TypeVar("F", bound=Callable[..., Any])


def _once(factory: F) -> F:
    """Build the strategy for the same arguments once (strategies compare by identity)."""
    return functools.lru_cache(maxsize=256)(factory)  # type: ignore[return-value]


_LOWER = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
# `[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}`, without the cost of a regular expression strategy
slugs = st.lists(st.text(_LOWER + _DIGITS, min_size=1, max_size=8), min_size=1, max_size=4).map(
    "-".join
)
# one word of any script: no white space in it (the excluded categories hold every character
# that `str.strip` removes), so it never needs stripping
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")),
    min_size=1,
    max_size=30,
)
phrases = st.lists(texts, min_size=1, max_size=4).map(" ".join)
"""Names, titles and aliases: one to four words of any script."""
_PROSE_ALPHABET = _LOWER + "AZ09 .,;:'\"\\/-()éöüßяжЦხიɨ’–…"


def _words(text: str) -> str:
    return " ".join(text.split()) or "x"


prose = st.text(_PROSE_ALPHABET, min_size=1, max_size=24).map(_words)
"""Free text that is only stored and written back: one short draw from a small alphabet."""
optional_phrases = st.none() | phrases
optional_prose = st.none() | prose
languages = st.sampled_from(["en", "ru", "os", "ka", "de", "fr", "uk"])
urls = st.builds(
    "https://{}.example.org/{}".format,
    st.text(_LOWER, min_size=1, max_size=10),
    st.text(_LOWER + _LOWER.upper() + _DIGITS + "_%-", max_size=20),
)


@_once
@st.composite
def points(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2100) -> rso.PartialDate:
    """A partial date without a span: a year, a month or a day."""
    day = draw(st.dates(datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)))
    precision = draw(st.sampled_from(rso.Precision))
    if precision is rso.Precision.YEAR:
        return rso.PartialDate(day.year)
    if precision is rso.Precision.MONTH:
        return rso.PartialDate(day.year, day.month)
    return rso.PartialDate(day.year, day.month, day.day)


@_once
@st.composite
def partial_dates(draw: st.DrawFn) -> rso.PartialDate:
    """A partial date: a point, or a span between two points."""
    start = draw(points())
    if not draw(st.booleans()):
        return start
    end = draw(points(min_year=start.year, max_year=min(start.year + 3, 9999)))
    if end.earliest < start.earliest or end == start:
        return start
    return rso.PartialDate(start.year, start.month, start.day, end=end)


@_once
def citations(source_ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Citation]:
    return st.builds(rso.Citation, source=source_ids, quote=optional_prose, locator=optional_prose)


names = st.builds(rso.Name, language=languages, text=phrases)

_IDENTIFIER_VALUES: dict[rso.IdentifierScheme, st.SearchStrategy[str]] = {
    # r"Q[1-9][0-9]{0,8}"
    rso.IdentifierScheme.WIKIDATA: st.integers(1, 999_999_999).map("Q{}".format),
    # r"[A-Z]{2}", r"[A-Z]{3}", r"[0-9]{3}"
    rso.IdentifierScheme.ISO3166_1_ALPHA2: st.text(_LOWER.upper(), min_size=2, max_size=2),
    rso.IdentifierScheme.ISO3166_1_ALPHA3: st.text(_LOWER.upper(), min_size=3, max_size=3),
    rso.IdentifierScheme.ISO3166_1_NUMERIC: st.integers(0, 999).map("{:03d}".format),
    # r"[1-9][0-9]{0,3}"
    rso.IdentifierScheme.COW: st.integers(1, 9999).map(str),
    rso.IdentifierScheme.GWNO: st.integers(1, 9999).map(str),
}
_schemes = st.sampled_from(rso.IdentifierScheme)


@_once
@st.composite
def identifiers(draw: st.DrawFn, source_ids: st.SearchStrategy[str] = slugs) -> rso.Identifier:
    scheme = draw(_schemes)
    value = draw(_IDENTIFIER_VALUES[scheme])
    return rso.Identifier(scheme=scheme, value=value, source=draw(source_ids))


@_once
def alternatives(source_ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Alternative]:
    return st.builds(
        rso.Alternative,
        field=st.sampled_from(["date", "signed", "in_force", "figure", "start"]),
        value=prose,
        sources=cited(source_ids),
    )


_verifications = st.sampled_from(rso.Verification)


@_once
@st.composite
def statuses(draw: st.DrawFn, source_ids: st.SearchStrategy[str] = slugs) -> dict[str, object]:
    """A verification status with alternatives exactly when it is `disputed`."""
    status = draw(_verifications)
    found: tuple[rso.Alternative, ...] = ()
    if status is rso.Verification.DISPUTED:
        found = tuple(draw(_lists(alternatives(source_ids), min_size=1, max_size=2)))
    return {"verification": status, "alternatives": found}


_roles = st.none() | st.sampled_from(rso.Role)


@_once
def participants(actor_ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Participant]:
    return st.builds(rso.Participant, actor=actor_ids, role=_roles)


@_once
def unique_tuple(
    elements: st.SearchStrategy[str], max_size: int = 3
) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(elements, unique=True, max_size=max_size).map(tuple)


@_once
def _lists(elements: st.SearchStrategy[T], min_size: int = 0, max_size: int = 3) -> Any:
    """`st.lists(...).map(tuple)`, built once for each element strategy."""
    return st.lists(elements, min_size=min_size, max_size=max_size).map(tuple)


hosts = st.lists(st.text(_LOWER + _DIGITS, min_size=1, max_size=8), min_size=2, max_size=3).map(
    ".".join
)
"""Web host names such as `abc.de`."""


@_once
def publishers(ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Publisher]:
    return st.builds(
        rso.Publisher,
        id=ids,
        name=phrases,
        names=_lists(names),
        aliases=unique_tuple(phrases),
        hosts=unique_tuple(hosts),
        description=optional_prose,
    )


@_once
def sources(
    ids: st.SearchStrategy[str] = slugs, publisher_ids: st.SearchStrategy[str] = slugs
) -> st.SearchStrategy[rso.Source]:
    return st.builds(
        rso.Source,
        id=ids,
        title=optional_prose,
        publisher=publisher_ids,
        url=st.none() | urls,
        published=st.none() | partial_dates(),
        language=languages,
    )


@_once
def cited(source_ids: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[rso.Citation, ...]]:
    return _lists(citations(source_ids), min_size=1, max_size=2)  # type: ignore[no-any-return]


_actor_kinds = st.sampled_from(rso.ActorKind)
_place_kinds = st.sampled_from(rso.PlaceKind)
_names = _lists(names)
_aliases = unique_tuple(phrases)


@st.composite
def actors(
    draw: st.DrawFn, ids: st.SearchStrategy[str] = slugs, source_ids: st.SearchStrategy[str] = slugs
) -> rso.Actor:
    return rso.Actor(
        id=draw(ids),
        kind=draw(_actor_kinds),
        name=draw(phrases),
        names=draw(_names),
        aliases=draw(_aliases),
        identifiers=draw(_lists(identifiers(source_ids), max_size=2)),
        description=draw(optional_prose),
        sources=draw(cited(source_ids)),
        **draw(statuses(source_ids)),
    )


@_once
def _optional(elements: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | elements


@st.composite
def places(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
    place_ids: st.SearchStrategy[str] | None = slugs,
) -> rso.Place:
    return rso.Place(
        id=draw(ids),
        kind=draw(_place_kinds),
        name=draw(phrases),
        names=draw(_names),
        aliases=draw(_aliases),
        located_in=None if place_ids is None else draw(_optional(place_ids)),
        identifiers=draw(_lists(identifiers(source_ids), max_size=2)),
        description=draw(optional_prose),
        sources=draw(cited(source_ids)),
        **draw(statuses(source_ids)),
    )


@st.composite
def _signed_and_in_force(
    draw: st.DrawFn,
) -> tuple[rso.PartialDate | None, rso.PartialDate | None]:
    signed = draw(_optional_dates)
    in_force = draw(_optional_dates)
    if signed is not None and in_force is not None and in_force.latest < signed.earliest:
        signed, in_force = in_force, signed
        if in_force.latest < signed.earliest:
            in_force = None
    return signed, in_force


_optional_dates = st.none() | partial_dates()
_span = _signed_and_in_force()
"""Two optional dates, the second not before the first."""


@_once
@st.composite
def tenures(
    draw: st.DrawFn,
    actor_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Tenure:
    start, end = draw(_span)
    return rso.Tenure(
        person=draw(actor_ids),
        start=start,
        end=end,
        acting=draw(st.booleans()),
        sources=draw(cited(source_ids)),
        notes=draw(optional_prose),
        **draw(statuses(source_ids)),
    )


@st.composite
def offices(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Office:
    return rso.Office(
        id=draw(ids),
        name=draw(phrases),
        organisation=draw(actor_ids),
        names=draw(_lists(names, max_size=2)),
        holders=draw(_lists(tenures(actor_ids, source_ids), max_size=3)),
        sources=draw(cited(source_ids)),
    )


_positions = st.sampled_from(rso.StancePosition)


@st.composite
def stances(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    event_ids: st.SearchStrategy[str] | None = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Stance:
    since, until = draw(_span)
    return rso.Stance(
        id=draw(ids),
        holder=draw(actor_ids),
        subject=draw(actor_ids),
        position=draw(_positions),
        since=since,
        until=until,
        summary=draw(prose),
        events=() if event_ids is None else draw(unique_tuple(event_ids)),
        sources=draw(cited(source_ids)),
        notes=draw(optional_prose),
        **draw(statuses(source_ids)),
    )


_agreement_types = st.sampled_from(rso.AgreementType)
_numbers = st.none() | texts
_terms = unique_tuple(prose)


_agreement_levels = st.sampled_from(rso.AgreementLevel)


@st.composite
def agreements(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
    place_ids: st.SearchStrategy[str] | None = slugs,
    agreement_ids: st.SearchStrategy[str] | None = slugs,
) -> rso.Agreement:
    signed, in_force = draw(_span)
    agreement_id = draw(ids)
    terminated = draw(_optional_dates)
    if terminated is not None and any(
        start is not None and terminated.latest < start.earliest for start in (signed, in_force)
    ):
        terminated = None
    others = (
        st.nothing()
        if agreement_ids is None
        else agreement_ids.filter(lambda other: other != agreement_id)
    )
    return rso.Agreement(
        id=agreement_id,
        title=draw(phrases),
        names=draw(_names),
        type=draw(_agreement_types),
        level=draw(_agreement_levels),
        parties=draw(unique_tuple(actor_ids)),
        signatories=draw(unique_tuple(actor_ids)),
        signed=signed,
        place=None if place_ids is None else draw(_optional(place_ids)),
        in_force=in_force,
        terminated=terminated,
        amends=tuple(draw(st.lists(others, unique=True, max_size=2))),
        replaces=tuple(draw(st.lists(others, unique=True, max_size=1))),
        number=draw(_numbers),
        terms=draw(_terms),
        sources=draw(cited(source_ids)),
        notes=draw(optional_prose),
        **draw(statuses(source_ids)),
    )


_event_kinds = st.sampled_from(rso.EventKind)


@st.composite
def events(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    agreement_ids: st.SearchStrategy[str] | None = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
    place_ids: st.SearchStrategy[str] | None = slugs,
) -> rso.Event:
    people = draw(unique_tuple(actor_ids, max_size=4))
    return rso.Event(
        id=draw(ids),
        date=draw(_dates),
        kind=draw(_event_kinds),
        title=draw(phrases),
        summary=draw(prose),
        actors=tuple(rso.Participant(actor=a, role=draw(_roles)) for a in people),
        agreements=() if agreement_ids is None else draw(unique_tuple(agreement_ids)),
        place=None if place_ids is None else draw(_optional(place_ids)),
        sources=draw(cited(source_ids)),
        notes=draw(optional_prose),
        **draw(statuses(source_ids)),
    )


_dates = partial_dates()

_measures = st.sampled_from(rso.Measure)
_amounts = st.integers(0, 10**15) | st.decimals(
    min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False
).map(lambda d: d.normalize()).filter(lambda d: d != d.to_integral_value())
_currencies = st.sampled_from(["RUB", "USD", "EUR", "GEL"])
_plain_units = st.sampled_from(["people", "troops", "passports", "residents"])


@st.composite
def figures(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    event_ids: st.SearchStrategy[str] | None = slugs,
    agreement_ids: st.SearchStrategy[str] | None = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Figure:
    measure = draw(_measures)
    value = draw(_amounts)
    qualifier = draw(st.sampled_from(rso.Qualifier))
    upper = None
    if qualifier is rso.Qualifier.RANGE:
        upper = value + draw(st.integers(1, 10**6))
    if measure is rso.Measure.BUDGET_SHARE:
        unit = "percent"
    elif measure in (rso.Measure.FUNDING, rso.Measure.PLEDGE, rso.Measure.TRADE):
        unit = draw(_currencies)
    else:
        unit = draw(_plain_units)
    people = draw(unique_tuple(actor_ids, max_size=3))
    return rso.Figure(
        id=draw(ids),
        measure=measure,
        value=value,
        upper=upper,
        qualifier=qualifier,
        unit=unit,
        period=draw(_optional_dates),
        stated=draw(_dates),
        claimed_by=draw(_optional(actor_ids)),
        actors=tuple(rso.Participant(actor=a, role=draw(_roles)) for a in people),
        event=None if event_ids is None else draw(_optional(event_ids)),
        agreement=None if agreement_ids is None else draw(_optional(agreement_ids)),
        summary=draw(prose),
        sources=draw(cited(source_ids)),
        notes=draw(optional_prose),
        **draw(statuses(source_ids)),
    )


def _distinct_hosts(records: list[rso.Publisher]) -> list[rso.Publisher]:
    """Drop hosts that an earlier publisher already has, as a real list would."""
    seen: set[str] = set()
    kept = []
    for record in records:
        own = tuple(h for h in record.hosts if h not in seen)
        seen.update(own)
        kept.append(attrs.evolve(record, hosts=own))
    return kept


def _independent(record: T, publishers: dict[str, str]) -> T:
    """Downgrade `confirmed` to `single_source` where the citations share one publisher."""
    cited_by = {publishers[c.source] for c in record.sources}
    if record.verification is rso.Verification.CONFIRMED and len(cited_by) < 2:
        return attrs.evolve(record, verification=rso.Verification.SINGLE_SOURCE)
    return record


_versions = st.builds(  # r"20[0-9]{2}\.(0[1-9]|1[0-2])\.[0-9]"
    "{}.{:02d}.{}".format, st.integers(2000, 2099), st.integers(1, 12), st.integers(0, 9)
)


@st.composite
def datasets(draw: st.DrawFn, max_records: int = 8) -> rso.Dataset:
    """A valid dataset whose every reference resolves."""
    publisher_ids = draw(st.lists(slugs, min_size=1, max_size=3, unique=True))
    source_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    actor_ids = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    place_ids = draw(st.lists(slugs, max_size=3, unique=True))
    office_ids = draw(st.lists(slugs, max_size=2, unique=True))
    stance_ids = draw(st.lists(slugs, max_size=3, unique=True))
    agreement_ids = draw(st.lists(slugs, max_size=4, unique=True))
    event_ids = draw(st.lists(slugs, max_size=max_records, unique=True))
    figure_ids = draw(st.lists(slugs, max_size=3, unique=True))
    pick_source = st.sampled_from(source_ids)
    pick_actor = st.sampled_from(actor_ids)
    pick_place = st.sampled_from(place_ids) if place_ids else None
    pick_agreement = st.sampled_from(agreement_ids) if agreement_ids else None
    pick_event = st.sampled_from(event_ids) if event_ids else None
    the_publishers = _distinct_hosts([draw(publishers(st.just(i))) for i in publisher_ids])
    pick_publisher = st.sampled_from(publisher_ids)
    the_sources = [draw(sources(st.just(i), pick_publisher)) for i in source_ids]
    publisher_of = {s.id: s.publisher for s in the_sources}

    def fix(record: T) -> T:
        return _independent(record, publisher_of)

    the_offices = []
    for i in office_ids:
        office = draw(offices(st.just(i), pick_actor, pick_source))
        holders = tuple(fix(t) for t in office.holders)
        the_offices.append(attrs.evolve(office, holders=holders))
    return rso.Dataset(
        version=draw(_versions),
        publishers=rso.Publishers(the_publishers),
        sources=rso.Sources(the_sources),
        actors=rso.Actors(fix(draw(actors(st.just(i), pick_source))) for i in actor_ids),
        places=rso.Places(
            fix(draw(places(st.just(i), pick_source, pick_place))) for i in place_ids
        ),
        offices=rso.Offices(the_offices),
        stances=rso.Stances(
            fix(draw(stances(st.just(i), pick_actor, pick_event, pick_source))) for i in stance_ids
        ),
        agreements=rso.Agreements(
            fix(draw(agreements(st.just(i), pick_actor, pick_source, pick_place, pick_agreement)))
            for i in agreement_ids
        ),
        events=rso.Events(
            fix(draw(events(st.just(i), pick_actor, pick_agreement, pick_source, pick_place)))
            for i in event_ids
        ),
        figures=rso.Figures(
            fix(draw(figures(st.just(i), pick_actor, pick_event, pick_agreement, pick_source)))
            for i in figure_ids
        ),
    )


st.register_type_strategy(rso.PartialDate, partial_dates())
st.register_type_strategy(rso.Name, names)
st.register_type_strategy(rso.Identifier, identifiers())
st.register_type_strategy(rso.Alternative, alternatives())
st.register_type_strategy(rso.Place, places())
st.register_type_strategy(rso.Tenure, tenures())
st.register_type_strategy(rso.Office, offices())
st.register_type_strategy(rso.Stance, stances())
st.register_type_strategy(rso.Citation, citations())
st.register_type_strategy(rso.Participant, participants())
st.register_type_strategy(rso.Publisher, publishers())
st.register_type_strategy(rso.Source, sources())
st.register_type_strategy(rso.Actor, actors())
st.register_type_strategy(rso.Agreement, agreements())
st.register_type_strategy(rso.Event, events())
st.register_type_strategy(rso.Figure, figures())
st.register_type_strategy(rso.Dataset, datasets())
st.register_type_strategy(
    rso.Events, st.lists(events(), max_size=5, unique_by=lambda e: e.id).map(rso.Events)
)
st.register_type_strategy(
    rso.Agreements, st.lists(agreements(), max_size=5, unique_by=lambda a: a.id).map(rso.Agreements)
)
st.register_type_strategy(
    rso.Actors, st.lists(actors(), max_size=5, unique_by=lambda a: a.id).map(rso.Actors)
)
st.register_type_strategy(
    rso.Sources, st.lists(sources(), max_size=5, unique_by=lambda s: s.id).map(rso.Sources)
)
st.register_type_strategy(
    rso.Places, st.lists(places(), max_size=5, unique_by=lambda p: p.id).map(rso.Places)
)
st.register_type_strategy(
    rso.Offices, st.lists(offices(), max_size=5, unique_by=lambda o: o.id).map(rso.Offices)
)
st.register_type_strategy(
    rso.Stances, st.lists(stances(), max_size=5, unique_by=lambda s: s.id).map(rso.Stances)
)
st.register_type_strategy(
    rso.Figures, st.lists(figures(), max_size=5, unique_by=lambda f: f.id).map(rso.Figures)
)


RECORD_TYPES = [
    rso.Source,
    rso.Actor,
    rso.Place,
    rso.Office,
    rso.Stance,
    rso.Agreement,
    rso.Event,
    rso.Figure,
]
"""Every record type that `loads(text, into=...)` reads on its own."""
COLLECTION_TYPES = [
    rso.Sources,
    rso.Actors,
    rso.Places,
    rso.Offices,
    rso.Stances,
    rso.Agreements,
    rso.Events,
    rso.Figures,
]
"""Every collection type."""


# Invalid data: random JSON, and valid datasets changed at random.

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested lists and dicts, the root excluded."""
    found: list[tuple[Any, ...]] = []
    items: Any = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, inner in items:
        found.append((*prefix, key))
        found.extend(paths(inner, (*prefix, key)))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def mutate(draw: st.DrawFn, data: Any, max_changes: int = 4) -> Any:
    """Change JSON data in place in one to `max_changes` random ways, and return it."""
    for _ in range(draw(st.integers(1, max_changes))):
        where = paths(data)
        if not where:
            break
        path = draw(st.sampled_from(where))
        parent, key = parent_of(data, path), path[-1]
        action = draw(
            st.sampled_from(["drop", "duplicate", "retype", "corrupt", "reference", "nest"])
        )
        note(f"{action} at {path}")
        if action == "drop":
            del parent[key]
        elif action == "duplicate":
            if isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            else:
                parent[key + "_copy"] = copy.deepcopy(parent[key])
        elif action == "retype":
            parent[key] = draw(json_values)
        elif action == "corrupt":
            value = parent[key]
            if isinstance(value, str):
                parent[key] = draw(
                    st.sampled_from(["", " ", value[::-1], value + "!", "2009-02-30", "0000"])
                )
            else:
                parent[key] = draw(json_scalars)
        elif action == "reference":
            parent[key] = draw(st.sampled_from(["nobody", "no-such-id", "seed", "x" * 200]))
        else:
            parent[key] = [[[[parent[key]]]]]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid dataset as JSON data, then changed in one to four random ways."""
    return mutate(draw, json.loads(rso.dumps(draw(datasets(max_records=4)))))


# Valid data changed in ways that keep it close to valid, so that most examples get past the
# checks that random changes fail and reach the property under test. These take the drawn
# valid data (as JSON data, changed in place) and a draw function, such as `data.draw` of
# `st.data()`, so that a test can check the valid data and its changed copies on one draw.


def _shape(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A path with its list positions left out: the same field of another record has it too."""
    return tuple("*" if isinstance(key, int) else key for key in path)


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def recombine(
    draw: st.DrawFn, data: Any, donor: Any = None, max_changes: int = 3, min_depth: int = 1
) -> Any:
    """Copy one to `max_changes` values into `data`, each from the same field of another record.

    The donor is another record of the same kind, or, when it is `None`, the rest of `data`
    itself. Each value is valid in the field it lands in, but the record as a whole may no
    longer be: a `disputed` status without alternatives, an end before its start, an
    identifier value in another scheme's syntax, one id used twice. Fields at least
    `min_depth` keys deep are changed (3 for a dataset: collection, position, field).
    """
    donor = data if donor is None else donor
    for _ in range(draw(st.integers(1, max_changes))):
        fields: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
        for path in paths(donor):
            if isinstance(path[-1], str) and len(path) >= min_depth:
                fields.setdefault(_shape(path), []).append(path)
        targets = [
            p
            for p in paths(data)
            if isinstance(p[-1], str) and len(p) >= min_depth and _shape(p) in fields
        ]
        if not targets:
            break
        path = draw(st.sampled_from(targets))
        source = draw(st.sampled_from(fields[_shape(path)]))
        note(f"copy {source} to {path}")
        parent_of(data, path)[path[-1]] = copy.deepcopy(_at(donor, source))
    return data


def recombined_dataset(draw: st.DrawFn, data: Any) -> Any:
    """A valid dataset, with one to three values copied between its records.

    One example in four also gets one random change of `mutate`.
    """
    recombine(draw, data, min_depth=3)
    if draw(st.integers(0, 3)) == 3:  # not 0, which Hypothesis draws more often
        mutate(draw, data, max_changes=1)
    return data


def recombined_record(draw: st.DrawFn, data: Any, donor: Any) -> Any:
    """A valid record, with one or two values copied from another valid record, `donor`.

    One example in four also gets one random change of `mutate`.
    """
    recombine(draw, data, donor, max_changes=2)
    if draw(st.integers(0, 3)) == 3:  # not 0, which Hypothesis draws more often
        mutate(draw, data, max_changes=1)
    return data


REFERENCE_FIELDS = {
    "source": "sources",
    "actor": "actors",
    "holder": "actors",
    "subject": "actors",
    "organisation": "actors",
    "person": "actors",
    "parties": "actors",
    "signatories": "actors",
    "place": "places",
    "located_in": "places",
    "agreements": "agreements",
    "events": "events",
}
"""The fields that hold the id of another record, or a list of them, and its collection."""


def references(data: Any) -> list[tuple[Any, ...]]:
    """Every path to an id that refers to a record (not to a record's own id)."""
    return [
        path
        for path in paths(data)
        if isinstance(_at(data, path), str) and _field(path) in REFERENCE_FIELDS
    ]


def _field(path: tuple[Any, ...]) -> Any:
    return path[-2] if isinstance(path[-1], int) else path[-1]


def rereferenced(draw: st.DrawFn, data: Any) -> Any:
    """A valid dataset, with one to three references changed.

    A change points a reference at another record of the kind it names (so that it still
    resolves), at a record of another kind or at an id that nobody has, or leaves references
    dangling by removing the record they name. Every record stays valid on its own, and in
    about two examples in five every reference still resolves.
    """
    collections = [name for name, value in data.items() if isinstance(value, list)]
    ids = {name: [record["id"] for record in data[name]] for name in collections}
    every_id = sorted({i for name in collections for i in ids[name]})
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["same kind", "any kind", "unknown", "remove"]))
        if action == "remove":
            name = draw(st.sampled_from(collections))
            if data[name]:
                index = draw(st.integers(0, len(data[name]) - 1))
                note(f"remove {name}[{index}]")
                del data[name][index]
            continue
        where = references(data)
        if not where:
            continue
        path = draw(st.sampled_from(where))
        if action == "same kind":
            value = draw(st.sampled_from(ids[REFERENCE_FIELDS[_field(path)]]))
        elif action == "any kind":
            value = draw(st.sampled_from(every_id))
        else:
            value = draw(slugs)
        parent = parent_of(data, path)
        if path[-1] == "actor":  # an event lists each actor once
            taken = [participant["actor"] for participant in parent_of(data, path[:-1])]
        else:
            taken = parent if isinstance(parent, list) else []
        if value in taken:
            continue  # an id listed twice is another kind of error
        note(f"{action}: {path} = {value!r}")
        parent[path[-1]] = value
    return data
