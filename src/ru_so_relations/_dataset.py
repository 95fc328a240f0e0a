"""The dataset: seven collections that refer to each other, and the checks that tie them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._collections import (
    Actors,
    Agreements,
    Events,
    Offices,
    Places,
    Sources,
    Stances,
)
from ru_so_relations._errors import DataError
from ru_so_relations._models import Verification
from ru_so_relations._version import DATA_VERSION as DATA_VERSION  # written there; kept here

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator, Mapping, Sequence

    from ru_so_relations._collections import Collection
    from ru_so_relations._models import Citation

COLLECTIONS: Final = (
    "sources",
    "actors",
    "places",
    "offices",
    "stances",
    "agreements",
    "events",
)
"""The names of a dataset's collections, in the order they are written."""


def where(collection: str, index: int, record_id: object) -> str:
    """Say where a record is, e.g. `events[12] (id 'medvedev-visit-tskhinvali-2009')`."""
    if isinstance(record_id, str):
        return f"{collection}[{index}] (id {record_id!r})"
    return f"{collection}[{index}]"


def duplicate_problems(collection: str, ids: Sequence[object]) -> Iterator[str]:
    """Report every id that an earlier record of the same collection already has."""
    first: dict[str, int] = {}
    for index, record_id in enumerate(ids):
        if not isinstance(record_id, str):
            continue
        if record_id in first:
            yield (
                f"{where(collection, index, record_id)}: id: duplicate id, "
                f"also used by {collection}[{first[record_id]}]"
            )
        else:
            first[record_id] = index


def reference_problems(records: Mapping[str, Sequence[Any]]) -> Iterator[str]:
    """Report every reference to a record id that does not exist.

    Args:
        records: The records of each collection, keyed by the names in `COLLECTIONS`; a
            missing name counts as an empty collection.

    Yields:
        One line per dangling reference, e.g.
        `events[3] (id 'x-2009'): actors[0].actor: unknown actor 'nobody'`.
    """
    known = {name: {r.id for r in records.get(name, ())} for name in COLLECTIONS}
    if not _all_known(records, known):
        yield from _dangling(records, known)
        return
    yield from _part_of_cycles(records.get("actors", ()))


def _part_of_cycles(actors: Sequence[Any]) -> Iterator[str]:
    """Report every actor whose chain of `part_of` links comes back to it."""
    parent = {a.id: a.part_of for a in actors}
    for index, actor in enumerate(actors):
        seen = {actor.id}
        step = actor.part_of
        while step is not None:
            if step == actor.id:
                yield (
                    f"{where('actors', index, actor.id)}: part_of: {actor.id!r} is, through "
                    "its part_of links, part of itself"
                )
                break
            if step in seen:  # a cycle further up, reported at its own actors
                break
            seen.add(step)
            step = parent.get(step)


def _dangling(records: Mapping[str, Sequence[Any]], known: Mapping[str, set[str]]) -> Iterator[str]:
    """Find each reference that does not resolve, and say where it is."""
    singular = {name: name.removesuffix("s") for name in COLLECTIONS}

    def check(at: str, field: str, ref: str | None, collection: str) -> Iterator[str]:
        if ref is not None and ref not in known[collection]:
            yield f"{at}: {field}: unknown {singular[collection]} {ref!r}"

    def cited(at: str, field: str, citations: Sequence[Citation]) -> Iterator[str]:
        for i, citation in enumerate(citations):
            yield from check(at, f"{field}[{i}].source", citation.source, "sources")

    def common(at: str, record: Any) -> Iterator[str]:
        yield from cited(at, "sources", record.sources)
        for i, alternative in enumerate(getattr(record, "alternatives", ())):
            yield from cited(at, f"alternatives[{i}].sources", alternative.sources)
        for i, identifier in enumerate(getattr(record, "identifiers", ())):
            yield from check(at, f"identifiers[{i}].source", identifier.source, "sources")

    for name in COLLECTIONS:
        for index, record in enumerate(records.get(name, ())):
            at = where(name, index, record.id)
            if name != "sources":
                yield from common(at, record)
            if name == "places":
                yield from check(at, "located_in", record.located_in, "places")
            elif name == "actors":
                yield from check(at, "part_of", record.part_of, "actors")
            elif name == "offices":
                yield from check(at, "organisation", record.organisation, "actors")
                for i, tenure in enumerate(record.holders):
                    yield from check(at, f"holders[{i}].person", tenure.person, "actors")
                    yield from common(f"{at}: holders[{i}]", tenure)
            elif name == "stances":
                yield from check(at, "holder", record.holder, "actors")
                yield from check(at, "subject", record.subject, "actors")
                for i, ref in enumerate(record.events):
                    yield from check(at, f"events[{i}]", ref, "events")
            elif name == "agreements":
                for i, ref in enumerate(record.parties):
                    yield from check(at, f"parties[{i}]", ref, "actors")
                for i, ref in enumerate(record.signatories):
                    yield from check(at, f"signatories[{i}]", ref, "actors")
            elif name == "events":
                for i, participant in enumerate(record.actors):
                    yield from check(at, f"actors[{i}].actor", participant.actor, "actors")
                for i, ref in enumerate(record.agreements):
                    yield from check(at, f"agreements[{i}]", ref, "agreements")
                yield from check(at, "place", record.place, "places")


def _all_known(records: Mapping[str, Sequence[Any]], known: Mapping[str, set[str]]) -> bool:
    """Whether every reference resolves: the quick check before looking for what does not."""
    sources: set[str] = set()
    actors: set[str] = set()
    places: set[str | None] = set()

    def cite(record: Any) -> None:
        sources.update([c.source for c in record.sources])
        for alternative in getattr(record, "alternatives", ()):
            sources.update([c.source for c in alternative.sources])
        sources.update([i.source for i in getattr(record, "identifiers", ())])

    for name in ("actors", "places", "stances"):
        for record in records.get(name, ()):
            cite(record)
    for actor in records.get("actors", ()):
        if actor.part_of is not None:
            actors.add(actor.part_of)
    for place in records.get("places", ()):
        places.add(place.located_in)
    for office in records.get("offices", ()):
        cite(office)
        actors.add(office.organisation)
        for tenure in office.holders:
            cite(tenure)
            actors.add(tenure.person)
    stance_events = set()
    for stance in records.get("stances", ()):
        actors.update((stance.holder, stance.subject))
        stance_events.update(stance.events)
    agreements: set[str] = set()
    for agreement in records.get("agreements", ()):
        cite(agreement)
        actors.update(agreement.parties)
        actors.update(agreement.signatories)
    for event in records.get("events", ()):
        sources.update([c.source for c in event.sources])
        if event.alternatives:
            cite(event)
        actors.update([p.actor for p in event.actors])
        agreements.update(event.agreements)
        places.add(event.place)
    places.discard(None)
    return (
        sources <= known["sources"]
        and actors <= known["actors"]
        and places <= known["places"]
        and agreements <= known["agreements"]
        and stance_events <= known["events"]
    )


def verification_problems(records: Mapping[str, Sequence[Any]]) -> Iterator[str]:
    """Report records marked confirmed whose sources come from fewer than two publishers.

    Assumes every citation refers to a known source (check with `reference_problems` first).
    """
    publisher = {s.id: s.publisher for s in records.get("sources", ())}
    confirmed = Verification.CONFIRMED

    def problem(at: str, record: Any) -> str:
        publishers = {publisher.get(c.source) for c in record.sources}
        return (
            f"{at}: verification: 'confirmed' needs sources from two or more publishers; "
            f"these cite only {', '.join(sorted(map(repr, map(str, publishers))))}"
        )

    for name in COLLECTIONS:
        if name == "sources":
            continue
        for index, record in enumerate(records.get(name, ())):
            if name == "offices":
                for i, tenure in enumerate(record.holders):
                    if tenure.verification is confirmed and _one_publisher(publisher, tenure):
                        yield problem(f"{where(name, index, record.id)}: holders[{i}]", tenure)
            elif record.verification is confirmed and _one_publisher(publisher, record):
                yield problem(where(name, index, record.id), record)


def _one_publisher(publisher: Mapping[str, str], record: Any) -> bool:
    """Whether a record's sources come from fewer than two publishers."""
    citations = record.sources
    if len(citations) < 2:
        return True
    first = publisher.get(citations[0].source)
    return all(publisher.get(c.source) == first for c in citations[1:])


@attrs.frozen(kw_only=True)
class Dataset:
    """A complete dataset: sources, actors, agreements and events that refer to each other.

    Build one with [`load`][ru_so_relations.load] (the bundled data or a file) or
    [`loads`][ru_so_relations.loads], or directly from collections; every reference is
    checked on creation. The dataset's events and agreements resolve actor names against its
    actors, so `ds.events.involving("Medvedev")` works.
    """

    version: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The data version (CalVer `YYYY.MM.MICRO` for the bundled dataset)."""
    sources: Sources = attrs.field(factory=Sources)
    """Every source cited by a record."""
    actors: Actors = attrs.field(factory=Actors)
    """Every state, body, organisation, unit and person that records refer to."""
    places: Places = attrs.field(factory=Places)
    """Every place that events happened at or places lie in."""
    offices: Offices = attrs.field(factory=Offices)
    """Every office, with who held it when."""
    stances: Stances = attrs.field(factory=Stances)
    """Every recorded position on the status of South Ossetia: recognitions and their
    withdrawal, and non-recognition."""
    agreements: Agreements = attrs.field(factory=Agreements)
    """Every formal instrument: treaties, agreements, decrees, resolutions, ..."""
    events: Events = attrs.field(factory=Events)
    """Every event, in chronological order."""

    def __attrs_post_init__(self) -> None:
        kinds = (Sources, Actors, Places, Offices, Stances, Agreements, Events)
        for name, kind in zip(COLLECTIONS, kinds, strict=True):
            value = getattr(self, name)
            if type(value) is not kind:
                msg = f"{name} must be {kind.__name__}, not {type(value).__name__}"
                raise TypeError(msg)
        records = {name: tuple(getattr(self, name)) for name in COLLECTIONS}
        problems = list(reference_problems(records))
        if not problems:
            problems.extend(verification_problems(records))
        if problems:
            raise DataError(problems)
        self._bind_collections()

    @classmethod
    def _from_checked(cls, version: str, collections: Mapping[str, Collection[Any]]) -> Dataset:
        """A dataset from collections whose references and statuses are already checked.

        Used by the reader, which checks them in the order of the file, so that the messages
        give each record's position in the file rather than in its sorted collection.
        """
        self = object.__new__(cls)
        object.__setattr__(self, "version", version)
        for name in COLLECTIONS:
            object.__setattr__(self, name, collections[name])
        self._bind_collections()
        return self

    def _bind_collections(self) -> None:
        """Make the collections resolve names against this dataset's actors and places."""
        actors = self.actors
        places = self.places._bind(actors=actors, places=None)
        object.__setattr__(self, "places", places)
        for name in ("offices", "stances", "agreements", "events"):
            collection = getattr(self, name)._bind(actors=actors, places=places)
            object.__setattr__(self, name, collection)

    @property
    def coverage(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day that the events and agreements cover.

        Agreements count with their signature and entry-into-force dates. `None` if the
        dataset has no dated event or agreement.
        """
        dates = [e.date for e in self.events]
        dates += [d for a in self.agreements for d in (a.signed, a.in_force) if d is not None]
        if not dates:
            return None
        return (min(d.earliest for d in dates), max(d.latest for d in dates))
