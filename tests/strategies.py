"""Hypothesis strategies for every model and for whole, consistent datasets.

Importing this module registers the strategies, so `st.from_type(Event)` works.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

import ru_so_relations as rso

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
texts = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
phrases = st.lists(texts, min_size=1, max_size=4).map(" ".join)
languages = st.sampled_from(["en", "ru", "os", "ka", "de", "fr", "uk"])
urls = st.builds(
    "https://{}.example.org/{}".format,
    st.from_regex(r"[a-z]{1,10}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9_%-]{0,20}", fullmatch=True),
)


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


def citations(source_ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Citation]:
    return st.builds(
        rso.Citation,
        source=source_ids,
        quote=st.none() | phrases,
        locator=st.none() | phrases,
    )


names = st.builds(rso.Name, language=languages, text=phrases)
identifiers = st.builds(rso.Identifier, scheme=slugs, value=texts)


def participants(actor_ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Participant]:
    return st.builds(rso.Participant, actor=actor_ids, role=st.none() | st.sampled_from(rso.Role))


def unique_tuple(
    elements: st.SearchStrategy[str], max_size: int = 3
) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(elements, unique=True, max_size=max_size).map(tuple)


def sources(ids: st.SearchStrategy[str] = slugs) -> st.SearchStrategy[rso.Source]:
    return st.builds(
        rso.Source,
        id=ids,
        title=st.none() | phrases,
        publisher=phrases,
        url=st.none() | urls,
        published=st.none() | partial_dates(),
        language=languages,
    )


def cited(source_ids: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[rso.Citation, ...]]:
    return st.lists(citations(source_ids), min_size=1, max_size=2).map(tuple)


def actors(
    ids: st.SearchStrategy[str] = slugs, source_ids: st.SearchStrategy[str] = slugs
) -> st.SearchStrategy[rso.Actor]:
    return st.builds(
        rso.Actor,
        id=ids,
        kind=st.sampled_from(rso.ActorKind),
        name=phrases,
        names=st.lists(names, max_size=3).map(tuple),
        aliases=unique_tuple(phrases),
        identifiers=st.lists(identifiers, max_size=2).map(tuple),
        description=st.none() | phrases,
        sources=cited(source_ids),
    )


@st.composite
def _signed_and_in_force(
    draw: st.DrawFn,
) -> tuple[rso.PartialDate | None, rso.PartialDate | None]:
    signed = draw(st.none() | partial_dates())
    in_force = draw(st.none() | partial_dates())
    if signed is not None and in_force is not None and in_force.latest < signed.earliest:
        signed, in_force = in_force, signed
        if in_force.latest < signed.earliest:
            in_force = None
    return signed, in_force


@st.composite
def agreements(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Agreement:
    signed, in_force = draw(_signed_and_in_force())
    return rso.Agreement(
        id=draw(ids),
        title=draw(phrases),
        type=draw(st.sampled_from(rso.AgreementType)),
        parties=draw(unique_tuple(actor_ids)),
        signatories=draw(unique_tuple(actor_ids)),
        signed=signed,
        in_force=in_force,
        number=draw(st.none() | texts),
        terms=draw(unique_tuple(phrases)),
        sources=draw(cited(source_ids)),
        notes=draw(st.none() | phrases),
    )


@st.composite
def events(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] = slugs,
    actor_ids: st.SearchStrategy[str] = slugs,
    agreement_ids: st.SearchStrategy[str] | None = slugs,
    source_ids: st.SearchStrategy[str] = slugs,
) -> rso.Event:
    people = draw(unique_tuple(actor_ids, max_size=4))
    roles = st.none() | st.sampled_from(rso.Role)
    return rso.Event(
        id=draw(ids),
        date=draw(partial_dates()),
        kind=draw(st.sampled_from(rso.EventKind)),
        title=draw(phrases),
        summary=draw(phrases),
        actors=tuple(rso.Participant(actor=a, role=draw(roles)) for a in people),
        agreements=() if agreement_ids is None else draw(unique_tuple(agreement_ids)),
        sources=draw(cited(source_ids)),
        notes=draw(st.none() | phrases),
    )


@st.composite
def datasets(draw: st.DrawFn, max_records: int = 8) -> rso.Dataset:
    """A valid dataset whose every reference resolves."""
    source_ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    actor_ids = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    agreement_ids = draw(st.lists(slugs, max_size=4, unique=True))
    event_ids = draw(st.lists(slugs, max_size=max_records, unique=True))
    pick_source = st.sampled_from(source_ids)
    pick_actor = st.sampled_from(actor_ids)
    pick_agreement = st.sampled_from(agreement_ids) if agreement_ids else None
    return rso.Dataset(
        version=draw(st.from_regex(r"20[0-9]{2}\.(0[1-9]|1[0-2])\.[0-9]", fullmatch=True)),
        sources=rso.Sources(draw(sources(st.just(i))) for i in source_ids),
        actors=rso.Actors(draw(actors(st.just(i), pick_source)) for i in actor_ids),
        agreements=rso.Agreements(
            draw(agreements(st.just(i), pick_actor, pick_source)) for i in agreement_ids
        ),
        events=rso.Events(
            draw(events(st.just(i), pick_actor, pick_agreement, pick_source)) for i in event_ids
        ),
    )


st.register_type_strategy(rso.PartialDate, partial_dates())
st.register_type_strategy(rso.Name, names)
st.register_type_strategy(rso.Identifier, identifiers)
st.register_type_strategy(rso.Citation, citations())
st.register_type_strategy(rso.Participant, participants())
st.register_type_strategy(rso.Source, sources())
st.register_type_strategy(rso.Actor, actors())
st.register_type_strategy(rso.Agreement, agreements())
st.register_type_strategy(rso.Event, events())
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
