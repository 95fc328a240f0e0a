"""The dataset: eight collections that refer to each other, and the checks that tie them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._collections import (
    Actors,
    Agreements,
    Events,
    Figures,
    Offices,
    Places,
    Publishers,
    Sources,
    Stances,
    collection_class,
)
from ru_so_relations._errors import DataError
from ru_so_relations._fields import Many, Nested, Optional, constraint_of
from ru_so_relations._models import Verification
from ru_so_relations._registry import (
    BY_KEY,
    KEYS,
    KINDS,
    collect_references,
    parts,
    references,
    where,
)
from ru_so_relations._version import DATA_VERSION as DATA_VERSION  # written there; kept here

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator, Mapping, Sequence

    from ru_so_relations._collections import Collection


def duplicate_problems(key: str, ids: Sequence[object]) -> Iterator[str]:
    """Report every id that an earlier record of the same collection already has."""
    first: dict[str, int] = {}
    for index, record_id in enumerate(ids):
        if not isinstance(record_id, str):
            continue
        if record_id in first:
            yield (
                f"{where(key, index, record_id)}: id: duplicate id, "
                f"also used by {key}[{first[record_id]}]"
            )
        else:
            first[record_id] = index


def reference_problems(records: Mapping[str, Sequence[Any]]) -> Iterator[str]:
    """Report every reference to a record id that does not exist, and cycles of `part_of`.

    Args:
        records: The records of each collection, keyed by the keys of `KINDS`; a missing
            key counts as an empty collection.

    Yields:
        One line per dangling reference, e.g.
        `events[3] (id 'x-2009'): actors[0].actor: unknown actor 'nobody'`.
    """
    known = {key: {r.id for r in records.get(key, ())} for key in KEYS}
    referred: dict[str, set[str]] = {key: set() for key in KEYS}
    for key in KEYS:
        collect_references(records.get(key, ()), referred)
    if all(referred[key] <= known[key] for key in KEYS):
        yield from _part_of_cycles(records.get("actors", ()))
        return
    for kind in KINDS:
        for index, record in enumerate(records.get(kind.key, ())):
            for path, target, ref in references(record):
                if ref not in known[target]:
                    at = where(kind.key, index, record.id)
                    yield f"{at}: {path}: unknown {BY_KEY[target].name} {ref!r}"


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


def verification_problems(records: Mapping[str, Sequence[Any]]) -> Iterator[str]:
    """Report records (and parts, such as tenures) marked confirmed with one publisher.

    Assumes every citation refers to a known source (check with `reference_problems` first).
    """
    publisher = {s.id: s.publisher for s in records.get("sources", ())}
    name = {p.id: p.name for p in records.get("publishers", ())}
    for kind in KINDS:
        nested = _holds_verified_parts(kind.record)
        for index, record in enumerate(records.get(kind.key, ())):
            if nested:  # e.g. an office, whose tenures have statuses of their own
                candidates = [(path, part) for path, part in parts(record) if _confirmed(part)]
            elif _confirmed(record):
                candidates = [("", record)]
            else:
                continue
            for path, part in candidates:
                if _one_publisher(publisher, part):
                    at = where(kind.key, index, record.id) + (f": {path}" if path else "")
                    cited = {str(publisher.get(c.source)) for c in part.sources}
                    publishers = sorted(name.get(p, p) for p in cited)
                    yield (
                        f"{at}: verification: 'confirmed' needs sources from two or more "
                        f"publishers; these cite only {', '.join(map(repr, publishers))}"
                    )


def _confirmed(record: Any) -> bool:
    return getattr(record, "verification", None) is Verification.CONFIRMED


_HOLDS_VERIFIED: Final[dict[type[Any], bool]] = {}


def _holds_verified_parts(cls: type[Any]) -> bool:
    """Whether records of a class hold, at any depth, records with a verification status."""
    holds = _HOLDS_VERIFIED.get(cls)
    if holds is None:
        holds = False
        for field in attrs.fields(cls):
            inner = constraint_of(field)
            while isinstance(inner, Many | Optional):
                inner = inner.inner
            if isinstance(inner, Nested) and (
                "verification" in attrs.fields_dict(inner.cls) or _holds_verified_parts(inner.cls)
            ):
                holds = True
        _HOLDS_VERIFIED[cls] = holds
    return holds


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
    publishers: Publishers = attrs.field(factory=Publishers)
    """Every publisher of a source, one record however its name is spelt."""
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
    figures: Figures = attrs.field(factory=Figures)
    """Every figure (money, people, forces), each attributed to who states it."""

    def __attrs_post_init__(self) -> None:
        for kind in KINDS:
            value = getattr(self, kind.key)
            if type(value) is not collection_class(kind):
                msg = f"{kind.key} must be {kind.collection}, not {type(value).__name__}"
                raise TypeError(msg)
        records = {key: tuple(getattr(self, key)) for key in KEYS}
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
        for key in KEYS:
            object.__setattr__(self, key, collections[key])
        self._bind_collections()
        return self

    def _bind_collections(self) -> None:
        """Make the collections resolve names against this dataset's actors and places."""
        actors = self.actors
        places = self.places._bind(actors=actors, places=None)
        for key in KEYS:
            if key == "actors":
                continue
            collection = places if key == "places" else getattr(self, key)
            object.__setattr__(self, key, collection._bind(actors=actors, places=places))

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
