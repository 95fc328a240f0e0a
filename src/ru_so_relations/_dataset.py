"""The dataset: four collections that refer to each other, and the checks that tie them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from ru_so_relations._collections import Actors, Agreements, Events, Sources
from ru_so_relations._errors import DataError

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator, Sequence

    from ru_so_relations._models import Actor, Agreement, Citation, Event, Source

DATA_VERSION: Final = "2026.11.0"
"""The version of the bundled dataset (CalVer `YYYY.MM.MICRO`)."""

COLLECTIONS: Final = ("sources", "actors", "agreements", "events")
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


def reference_problems(
    sources: Sequence[Source],
    actors: Sequence[Actor],
    agreements: Sequence[Agreement],
    events: Sequence[Event],
) -> Iterator[str]:
    """Report every reference to a source, actor or agreement id that does not exist."""
    source_ids = {s.id for s in sources}
    actor_ids = {a.id for a in actors}
    agreement_ids = {a.id for a in agreements}

    def cited(at: str, citations: Sequence[Citation]) -> Iterator[str]:
        for i, citation in enumerate(citations):
            if citation.source not in source_ids:
                yield f"{at}: sources[{i}].source: unknown source {citation.source!r}"

    def named(at: str, field: str, ids: Sequence[str], known: set[str], what: str) -> Iterator[str]:
        for i, ref in enumerate(ids):
            if ref not in known:
                yield f"{at}: {field}[{i}]: unknown {what} {ref!r}"

    for index, actor in enumerate(actors):
        yield from cited(where("actors", index, actor.id), actor.sources)
    for index, agreement in enumerate(agreements):
        at = where("agreements", index, agreement.id)
        yield from named(at, "parties", agreement.parties, actor_ids, "actor")
        yield from named(at, "signatories", agreement.signatories, actor_ids, "actor")
        yield from cited(at, agreement.sources)
    for index, event in enumerate(events):
        at = where("events", index, event.id)
        for i, participant in enumerate(event.actors):
            if participant.actor not in actor_ids:
                yield f"{at}: actors[{i}].actor: unknown actor {participant.actor!r}"
        yield from named(at, "agreements", event.agreements, agreement_ids, "agreement")
        yield from cited(at, event.sources)


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
    agreements: Agreements = attrs.field(factory=Agreements)
    """Every formal instrument: treaties, agreements, decrees, resolutions, ..."""
    events: Events = attrs.field(factory=Events)
    """Every event, in chronological order."""

    def __attrs_post_init__(self) -> None:
        for name, kind in zip(COLLECTIONS, (Sources, Actors, Agreements, Events), strict=True):
            value = getattr(self, name)
            if type(value) is not kind:
                msg = f"{name} must be {kind.__name__}, not {type(value).__name__}"
                raise TypeError(msg)
        problems = list(
            reference_problems(
                tuple(self.sources), tuple(self.actors), tuple(self.agreements), tuple(self.events)
            )
        )
        if problems:
            raise DataError(problems)
        object.__setattr__(self, "agreements", Agreements(self.agreements, actors=self.actors))
        object.__setattr__(self, "events", Events(self.events, actors=self.actors))

    @property
    def coverage(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day that the events cover, or `None` if there are none."""
        if not self.events:
            return None
        return (
            min(e.date.earliest for e in self.events),
            max(e.date.latest for e in self.events),
        )
