"""Immutable, chainable collections of records and the queries on them."""

from __future__ import annotations

import bisect
import datetime
import enum
import functools
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, overload

from ru_so_relations._dates import DateLike, PartialDate, Precision
from ru_so_relations._models import (
    Actor,
    ActorKind,
    Agreement,
    AgreementLevel,
    AgreementType,
    Event,
    EventKind,
    Figure,
    Measure,
    Office,
    Place,
    PlaceKind,
    Publisher,
    Source,
    Stance,
    StancePosition,
    Tenure,
    Verification,
)
from ru_so_relations._names import name_key
from ru_so_relations._registry import BY_RECORD

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence

    from ru_so_relations._registry import Kind

R = TypeVar(
    "R", bound=Actor | Agreement | Event | Figure | Office | Place | Publisher | Source | Stance
)
V = TypeVar("V", bound=Actor | Agreement | Event | Figure | Place | Stance)
N = TypeVar("N", bound=Actor | Place | Publisher)
D = TypeVar("D", bound=Agreement | Event | Figure)
E = TypeVar("E", bound=enum.Enum)


class _SameAsStart:
    """The default `end` of a date range: the same span as `start`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<same as start>"


SAME_AS_START: Any = _SameAsStart()
"""The default `end` of `between`: the range is the one span of `start`."""


def _enum_values(enum_type: type[E], values: Sequence[E | str]) -> frozenset[E]:
    """Convert enum members or their string values to members, with a clear error."""
    if not values:
        msg = f"give at least one {enum_type.__name__}"
        raise ValueError(msg)
    members: set[E] = set()
    for value in values:
        if isinstance(value, enum_type):
            members.add(value)
            continue
        try:
            members.add(enum_type(value))
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum_type)
            msg = f"{value!r} is not a valid {enum_type.__name__}; expected one of {allowed}"
            raise ValueError(msg) from None
    return frozenset(members)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> PartialDate:
    """Parse a date bound given as text, remembering recent ones (queries repeat them)."""
    return PartialDate.parse(text)


def _bound(value: DateLike, name: str) -> PartialDate:
    try:
        if isinstance(value, str):
            return _parsed(value)
        return PartialDate.of(value)
    except TypeError as exc:
        msg = f"{name}: {exc}"
        raise TypeError(msg) from None
    except ValueError as exc:
        msg = f"{name}: {exc}"
        raise ValueError(msg) from None


def _edge(value: DateLike, name: str, *, latest: bool) -> datetime.date:
    """The first (or last) day of a bound; a plain `datetime.date` is its own bound."""
    if type(value) is datetime.date:
        return value
    bound = _bound(value, name)
    return bound.latest if latest else bound.earliest


def _date_range(
    start: DateLike | None, end: DateLike | None
) -> tuple[datetime.date, datetime.date]:
    if end is SAME_AS_START:
        end = start
    lo = datetime.date.min if start is None else _edge(start, "start", latest=False)
    hi = datetime.date.max if end is None else _edge(end, "end", latest=True)
    if hi < lo:
        msg = f"the range ends ({end}) before it starts ({start})"
        raise ValueError(msg)
    return lo, hi


def _actor_ids(record: Any) -> tuple[str, ...]:
    ids: tuple[str, ...] = record.actor_ids
    return ids


_CLASSES: dict[str, type[Collection[Any]]] = {}


def collection_class(kind: Kind) -> type[Collection[Any]]:
    """The collection class of a kind of record (see `_registry.KINDS`)."""
    return _CLASSES[kind.collection]


class Collection(Generic[R]):
    """An immutable, ordered collection of records with unique ids.

    Supports `len()`, iteration, `record_id in collection`, `collection[record_id]`,
    `collection[index]`, slicing and [`get`][ru_so_relations.Collection.get]. Every query
    returns a new collection of the same kind, so queries chain. Two collections are equal
    when they hold equal records in the same order.
    """

    __slots__ = ("_actors", "_base", "_base_positions", "_cache", "_id_map", "_places", "_records")

    _record_type: ClassVar[type[Any]]
    _records: tuple[R, ...]
    _id_map: dict[str, R] | None
    _actors: Actors | None
    _places: Places | None
    _cache: dict[str, Any]
    _base: Collection[R] | None
    _base_positions: Sequence[int] | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_record_type" in cls.__dict__:  # a concrete collection: the registry names it
            kind = BY_RECORD[cls._record_type]
            if kind.collection != cls.__name__:
                msg = f"the registry names {kind.collection} for {kind.key}, not {cls.__name__}"
                raise TypeError(msg)
            _CLASSES[cls.__name__] = cls

    def __init__(
        self,
        records: Iterable[R] = (),
        *,
        actors: Actors | None = None,
        places: Places | None = None,
    ) -> None:
        """Create a collection.

        Args:
            records: The records, in any order; the collection sorts them.
            actors: The actors that names given to queries such as `involving` are resolved
                against; for a dataset's collections, the dataset's actors. Made from
                another collection, a collection takes that one's actors and places unless
                given others. Without actors, queries take only actor ids, and an id that no
                record refers to is an error rather than an empty answer.
            places: The places that names given to [`Events.at`][ru_so_relations.Events.at]
                are resolved against; for a dataset's collections, the dataset's places.

        Raises:
            TypeError: If a record is not of the collection's record type.
            ValueError: If two records share an id.
        """
        if isinstance(records, Collection):
            # made from another collection: resolve names as it does, unless told otherwise
            actors = records._actors if actors is None else actors
            places = records._places if places is None else places
        items = tuple(records)
        by_id: dict[str, R] = {}
        for record in items:
            if not isinstance(record, self._record_type):
                msg = (
                    f"{type(self).__name__} holds {self._record_type.__name__} records, "
                    f"not {type(record).__name__}"
                )
                raise TypeError(msg)
            if record.id in by_id:
                msg = f"duplicate id {record.id!r} in {type(self).__name__}"
                raise ValueError(msg)
            by_id[record.id] = record
        object.__setattr__(self, "_records", self._sorted(items))
        object.__setattr__(self, "_id_map", by_id)
        object.__setattr__(self, "_actors", actors)
        object.__setattr__(self, "_places", places)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_base", None)
        object.__setattr__(self, "_base_positions", None)

    @staticmethod
    def _sort_key(record: Any) -> Any:
        return record.id

    @classmethod
    def _sorted(cls, records: tuple[R, ...]) -> tuple[R, ...]:
        return tuple(sorted(records, key=cls._sort_key))

    def _derive(self, records: Iterable[R]) -> Self:
        """Make a collection of the same kind from records already in order."""
        new = object.__new__(type(self))
        kept = tuple(records)
        object.__setattr__(new, "_records", kept)
        object.__setattr__(new, "_id_map", None)  # built on first lookup by id
        object.__setattr__(new, "_actors", self._actors)
        object.__setattr__(new, "_places", self._places)
        object.__setattr__(new, "_cache", {})
        object.__setattr__(new, "_base", None)
        object.__setattr__(new, "_base_positions", None)
        return new

    def _bind(self, *, actors: Actors, places: Places | None) -> Self:
        """The same records, resolving names against these actors and places.

        The records are already checked and in order, so nothing is sorted or checked again.
        """
        new = self._derive(self._records)
        object.__setattr__(new, "_id_map", self._id_map)
        object.__setattr__(new, "_actors", actors)
        object.__setattr__(new, "_places", places)
        return new

    @property
    def _by_id(self) -> dict[str, R]:
        """The records by id, built on first use for derived collections."""
        id_map = self._id_map
        if id_map is None:
            id_map = {r.id: r for r in self._records}
            object.__setattr__(self, "_id_map", id_map)
        return id_map

    def _postings(self, name: str, keys_of: Callable[[R], Iterable[Hashable]]) -> Any:
        """An index from each key to the positions of the records that have it, built once.

        Indexes are built lazily, on the first query that needs them, and kept with the
        collection (which never changes); a derived collection builds its own when asked.
        """
        index: dict[Hashable, list[int]] | None = self._cache.get(name)
        if index is None:
            index = {}
            for position, record in enumerate(self._records):
                for key in dict.fromkeys(keys_of(record)):
                    index.setdefault(key, []).append(position)
            self._cache[name] = index
        return index

    def _at(self, positions: Iterable[int]) -> Self:
        """The records at these positions (ascending), as a collection of the same kind.

        The new collection remembers where its records are in the first collection of the
        chain (its base), so that its own queries can use the base's indexes.
        """
        records = self._records
        if isinstance(positions, range) and positions.step == 1:
            new = self._derive(records[positions.start : positions.stop])
            mine: Sequence[int] | None = self._base_positions
            if mine is None:
                mapped: Sequence[int] = positions
            else:
                mapped = mine[positions.start : positions.stop]
        else:
            kept = positions if isinstance(positions, tuple) else tuple(positions)
            new = self._derive(tuple(map(records.__getitem__, kept)))
            mine = self._base_positions
            mapped = kept if mine is None else tuple(map(mine.__getitem__, kept))
        object.__setattr__(new, "_base", self if self._base is None else self._base)
        object.__setattr__(new, "_base_positions", mapped)
        return new

    def _positions_of(
        self, name: str, keys_of: Callable[[R], Iterable[Hashable]], key: Hashable
    ) -> Sequence[int]:
        """The positions (ascending) of the records that have this key.

        A collection made by a query finds them through its base's index when that is
        cheaper than indexing its own records: a step of a chain then costs time in
        proportion to its result, not to its input.
        """
        base, mine = self._base, self._base_positions
        if base is None or mine is None or name in self._cache or not mine:
            return self._postings(name, keys_of).get(key, ())  # type: ignore[no-any-return]
        in_base: Sequence[int] = base._postings(name, keys_of).get(key, ())
        first = bisect.bisect_left(in_base, mine[0])
        last = bisect.bisect_right(in_base, mine[-1])
        if isinstance(mine, range):  # consecutive positions of the base
            return [position - mine.start for position in in_base[first:last]]
        if (last - first) * len(mine).bit_length() > len(mine):
            return self._postings(name, keys_of).get(key, ())  # type: ignore[no-any-return]
        found = []
        for position in in_base[first:last]:
            i = bisect.bisect_left(mine, position)
            if mine[i] == position:
                found.append(i)
        return found

    def _select(self, name: str, keys_of: Callable[[R], Iterable[Hashable]], wanted: Any) -> Self:
        """The records that have any of the wanted keys, through the index `name`."""
        lists = [self._positions_of(name, keys_of, key) for key in wanted]
        if len(lists) == 1:
            return self._at(lists[0])
        return self._at(sorted({p for positions in lists for p in positions}))

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"{type(self).__name__} is immutable"
        raise AttributeError(msg)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __reversed__(self) -> Iterator[R]:
        return reversed(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        if isinstance(item, self._record_type):
            return bool(self._by_id.get(item.id) == item)
        return False

    @overload
    def __getitem__(self, key: str | int) -> R: ...
    @overload
    def __getitem__(self, key: slice) -> Self: ...
    def __getitem__(self, key: str | int | slice) -> R | Self:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(self._unknown_id_message(key)) from None
        if isinstance(key, slice):
            return self._derive(self._records[key])
        if isinstance(key, int) and not isinstance(key, bool):
            return self._records[key]
        msg = f"{type(self).__name__} indices must be ids, integers or slices, not {key!r}"
        raise TypeError(msg)

    def _unknown_id_message(self, key: str) -> str:
        import difflib

        close = difflib.get_close_matches(key, self._by_id, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        return f"no {self._record_type.__name__.lower()} with id {key!r}{hint}"

    def get(self, record_id: str, default: R | None = None) -> R | None:
        """Return the record with this id, or `default` if there is none."""
        return self._by_id.get(record_id, default)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in the collection's order."""
        return tuple(r.id for r in self._records)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Collection)
        return self._records == other._records

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._records))

    def __repr__(self) -> str:
        count = len(self._records)
        return f"<{type(self).__name__}: {count} record{'' if count == 1 else 's'}>"

    def to_pandas(self) -> Any:
        """The records as a `pandas.DataFrame`, one row a record (one a tenure, for offices).

        Columns are those of the collection's CSV table (see the data model): partial dates
        give an EDTF text column plus `_earliest` and `_latest` datetime columns and a
        `_precision` column; categories are `pandas.Categorical` with every allowed value;
        text is the `string` dtype. Needs the `pandas` extra
        (`pip install 'ru-so-relations[pandas]'`).

        Raises:
            ImportError: If pandas is not installed; the message names the extra.
        """
        from ru_so_relations._frames import table_to_pandas
        from ru_so_relations._tables import collection_table

        return table_to_pandas(*collection_table(BY_RECORD[self._record_type], self))

    def to_arrow(self) -> Any:
        """The records as a `pyarrow.Table`, with the columns of `to_pandas`.

        Needs the `arrow` extra (`pip install 'ru-so-relations[arrow]'`).

        Raises:
            ImportError: If pyarrow is not installed; the message names the extra.
        """
        from ru_so_relations._frames import table_to_arrow
        from ru_so_relations._tables import collection_table

        return table_to_arrow(*collection_table(BY_RECORD[self._record_type], self))

    def _actor_id(self, actor: Actor | str) -> str:
        if isinstance(actor, Actor):
            return actor.id
        if not isinstance(actor, str):
            msg = f"expected an Actor, an actor id or a name, not {type(actor).__name__}"
            raise TypeError(msg)
        if self._actors is None:
            return self._unresolved_actor(actor)
        return self._actors.resolve(actor).id

    def _unresolved_actor(self, actor: str) -> str:
        """An actor id given to a collection that has no actors to resolve names against.

        It is taken as an id if some record refers to it; otherwise an empty answer could
        only mislead, so it is an error.
        """
        if any(actor in _actor_ids(record) for record in self._records):
            return actor
        msg = (
            f"no record in this {type(self).__name__} refers to an actor with id {actor!r}, "
            "and it has no actors to resolve names against; query a dataset's collection "
            f"(such as ds.{type(self).__name__.lower()}) or make it with actors=ds.actors"
        )
        raise LookupError(msg)

    def _with_parts(self, actor_id: str) -> tuple[str, ...]:
        """The actor and every actor that is part of it, at any depth."""
        if self._actors is None:
            msg = (
                "including_parts needs the actors that say what belongs to what; query a "
                "dataset's collection or make this one with actors=ds.actors"
            )
            raise ValueError(msg)
        return self._actors.with_parts(actor_id)


class _Verifiable(Collection[V]):
    """A collection whose records carry a verification status."""

    __slots__ = ()

    def verified(self, *statuses: Verification | str) -> Self:
        """Keep the records with any of the given verification statuses.

        Args:
            *statuses: [`Verification`][ru_so_relations.Verification] members or their
                string values, e.g. `"confirmed"`.

        Returns:
            The records kept, in the collection's order.

        Raises:
            ValueError: If no status is given or a string is not a status's value.
        """
        wanted = _enum_values(Verification, statuses)
        return self._derive(r for r in self._records if r.verification in wanted)


class _Dated(_Verifiable[D]):
    """A collection whose records have dates: kept in chronological order."""

    __slots__ = ()

    @staticmethod
    def _date_of(record: Any) -> PartialDate | None:
        raise NotImplementedError

    @classmethod
    def _sort_key(cls, record: Any) -> Any:
        # by date (earliest day, latest day, text), then id; undated records last. The date
        # itself stands for its text: it is compared only when both days are equal, and
        # partial dates are equal, and ordered, by their text then
        date = cls._date_of(record)
        if date is None:
            return (1, datetime.date.max, datetime.date.max, None, record.id)
        return (0, date.earliest, date.latest, date, record.id)

    def between(
        self,
        start: DateLike | None,
        end: DateLike | None = SAME_AS_START,
        *,
        overlap: bool = False,
    ) -> Self:
        """Keep the records dated within a range.

        A bound is a `datetime.date`, an ISO string of year, month or day precision
        (`"2009"`, `"2009-08"`, `"2009-08-13"`) or a [`PartialDate`][ru_so_relations.PartialDate];
        a partial bound covers its whole span, so the range runs from the first day of `start`
        to the last day of `end`, both included. `None` leaves that end open. With only `start`
        given, the range is that one span (`between("2009-08")` is August 2009).

        Args:
            start: The first bound, or `None` for no lower bound.
            end: The last bound, or `None` for no upper bound; omitted, the same as `start`.
            overlap: If false (the default), keep a record when its whole date span lies in
                the range; if true, when its span and the range have a day in common.

        Returns:
            The records kept, in chronological order. Records without a date are never kept.

        Raises:
            ValueError: If a bound is not a valid date or the range ends before it starts.
            TypeError: If a bound is of another type.
        """
        lo, hi = _date_range(start, end)
        earliest, latest, longest = self._date_index()
        if overlap:
            # a record that overlaps starts at most `longest` days before the range
            try:
                floor = lo - longest
            except OverflowError:
                floor = datetime.date.min
            first = bisect.bisect_left(earliest, floor)
            last = bisect.bisect_right(earliest, hi)
            keep = range(first, last)
            return self._at(i for i in keep if latest[i] >= lo)
        first = bisect.bisect_left(earliest, lo)
        last = bisect.bisect_right(earliest, hi)
        if lo == hi:
            # one day: every candidate starts that day, and records with the same start are
            # sorted by their end, so the ones ending that day come first
            return self._at(range(first, bisect.bisect_right(latest, hi, first, last)))
        return self._at(i for i in range(first, last) if latest[i] <= hi)

    def _date_index(self) -> tuple[list[datetime.date], list[datetime.date], datetime.timedelta]:
        """The dated records' earliest and latest days (in order) and the longest span."""
        index = self._cache.get("dates")
        if index is None:
            earliest: list[datetime.date] = []
            latest: list[datetime.date] = []
            for record in self._records:
                date = self._date_of(record)
                if date is None:  # undated records sort last
                    break
                earliest.append(date.earliest)
                latest.append(date.latest)
            longest = max(
                (b - a for a, b in zip(earliest, latest, strict=True)),
                default=datetime.timedelta(0),
            )
            index = (earliest, latest, longest)
            self._cache["dates"] = index
        return index

    def involving(self, *actors: Actor | str, including_parts: bool = False) -> Self:
        """Keep the records that involve every one of the given actors.

        An event involves the actors among its participants; an agreement, its parties and
        signatories. Nothing else counts: an event involving only Georgia's parliament does
        not involve Georgia unless `including_parts` is true, and persons are never parts of
        anything (Medvedev's visit does not involve Russia unless Russia is a participant).

        Args:
            *actors: [`Actor`][ru_so_relations.Actor] records, actor ids, or any name or
                alias, matched regardless of case, accents and script.
            including_parts: If true, an actor also matches through any actor that is part
                of it, at any depth (see [`Actor.part_of`][ru_so_relations.Actor.part_of]):
                "Georgia" then matches its parliament, ministries and armed forces.

        Returns:
            The records kept, in chronological order.

        Raises:
            LookupError: If a name matches no actor, or several; the message lists the
                closest known names.
            ValueError: If no actor is given, or `including_parts` is asked of a collection
                without actors.

        Examples:
            >>> import ru_so_relations as rso
            >>> events = rso.load().events
            >>> len(events.involving("Georgia")) < len(
            ...     events.involving("Georgia", including_parts=True)
            ... )
            True
        """
        if not actors:
            msg = "give at least one actor"
            raise ValueError(msg)
        wanted = [self._actor_id(a) for a in actors]
        lists = sorted(
            (self._involving_one(a, including_parts) for a in dict.fromkeys(wanted)), key=len
        )
        if len(lists) == 1:
            return self._at(lists[0])
        common = set(lists[0])
        for positions in lists[1:]:
            common.intersection_update(positions)
        return self._at(sorted(common))

    def _involving_one(self, actor_id: str, including_parts: bool) -> Sequence[int]:
        """The positions of the records that involve an actor (or, if asked, its parts)."""
        if not including_parts:
            return self._positions_of("actors", _actor_ids, actor_id)
        lists = [
            self._positions_of("actors", _actor_ids, part) for part in self._with_parts(actor_id)
        ]
        if len(lists) == 1:
            return lists[0]
        return sorted({position for positions in lists for position in positions})


class Events(_Dated[Event]):
    """The events of a dataset, in chronological order (by date, then id)."""

    __slots__ = ()
    _record_type = Event

    @staticmethod
    def _date_of(record: Any) -> PartialDate | None:
        date: PartialDate = record.date
        return date

    def of_kind(self, *kinds: EventKind | str) -> Events:
        """Keep the events of any of the given kinds.

        Args:
            *kinds: [`EventKind`][ru_so_relations.EventKind] members or their string values.

        Returns:
            The events kept, in chronological order.

        Raises:
            ValueError: If no kind is given or a string is not a kind's value.
        """
        wanted = _enum_values(EventKind, kinds)
        return self._select("kinds", lambda e: (e.kind,), wanted)

    def at(self, *places: Place | str) -> Events:
        """Keep the events that happened at any of the given places.

        Args:
            *places: [`Place`][ru_so_relations.Place] records, place ids, or any name or
                alias ("Tskhinval", "Цхинвал"), resolved against the dataset's places.

        Returns:
            The events kept, in chronological order. Events whose place the sources do not
            give are never kept.

        Raises:
            LookupError: If a name matches no place, or several.
            ValueError: If no place is given.
        """
        if not places:
            msg = "give at least one place"
            raise ValueError(msg)
        wanted = {self._place_id(p) for p in places}
        return self._select("places", lambda e: (e.place,), wanted)

    def _place_id(self, place: Place | str) -> str:
        if isinstance(place, Place):
            return place.id
        if not isinstance(place, str):
            msg = f"expected a Place, a place id or a name, not {type(place).__name__}"
            raise TypeError(msg)
        if self._places is None:
            return place
        return self._places.resolve(place).id

    def concerning(self, *agreements: Agreement | str) -> Events:
        """Keep the events that concern any of the given agreements (by record or id)."""
        wanted = {a.id if isinstance(a, Agreement) else a for a in agreements}
        return self._select("agreements", lambda e: e.agreements, wanted)


class Agreements(_Dated[Agreement]):
    """The agreements of a dataset, in order of signature (undated ones last).

    Date queries use [`Agreement.date`][ru_so_relations.Agreement.date]: the signature date,
    or the entry into force where the signature date is unknown. `involving` looks at the
    parties and signatories.
    """

    __slots__ = ()
    _record_type = Agreement

    @staticmethod
    def _date_of(record: Any) -> PartialDate | None:
        date: PartialDate | None = record.date
        return date

    def of_type(self, *types: AgreementType | str) -> Agreements:
        """Keep the agreements of any of the given types.

        Args:
            *types: [`AgreementType`][ru_so_relations.AgreementType] members or their
                string values.

        Returns:
            The agreements kept, in order of signature.

        Raises:
            ValueError: If no type is given or a string is not a type's value.
        """
        wanted = _enum_values(AgreementType, types)
        return self._select("types", lambda a: (a.type,), wanted)

    def of_level(self, *levels: AgreementLevel | str) -> Agreements:
        """Keep the agreements concluded at any of the given levels.

        Args:
            *levels: [`AgreementLevel`][ru_so_relations.AgreementLevel] members or their
                string values, e.g. `"intergovernmental"`.

        Returns:
            The agreements kept, in order of signature.

        Raises:
            ValueError: If no level is given or a string is not a level's value.

        Examples:
            >>> import ru_so_relations as rso
            >>> agreements = rso.load().agreements
            >>> {a.level.value for a in agreements.of_level("interagency")}
            {'interagency'}
        """
        wanted = _enum_values(AgreementLevel, levels)
        return self._select("levels", lambda a: (a.level,), wanted)

    def in_force(self, on: DateLike) -> Agreements:
        """Keep the agreements known to be in force on a date: in force by then, not ended.

        An agreement counts when its [`in_force`][ru_so_relations.Agreement.in_force] date is
        known and its last possible day is not after the first day of `on` (in force on
        `"2009"` means in force on 1 January 2009), and it had not been
        [`terminated`][ru_so_relations.Agreement.terminated] by that day (a termination known
        only to the month or year counts from its first day). Agreements whose entry into
        force is unknown are **not** kept, even though many of them may well be in force: the
        answer is what the sources show, not every agreement that may apply.

        Args:
            on: A day, month or year: a `datetime.date`, an ISO string or a
                [`PartialDate`][ru_so_relations.PartialDate].

        Returns:
            The agreements kept, in order of signature.

        Raises:
            ValueError: If `on` is not a valid date.
            TypeError: If `on` is of another type.

        Examples:
            >>> import ru_so_relations as rso
            >>> agreements = rso.load().agreements
            >>> treaty = "treaty-friendship-cooperation-mutual-assistance-2008"  # from 2009-01-20
            >>> treaty in agreements.in_force("2009-01-20"), treaty in agreements.in_force("2009")
            (True, False)
        """
        first = _edge(on, "on", latest=False)
        return self._derive(a for a in self._records if a.in_force_on(first))

    def bilateral(self, first: Actor | str, second: Actor | str) -> Agreements:
        """Keep the instruments between two sides only, at any level.

        An agreement counts when it has a party on each side and no party on neither: a
        party is on a side if it is that actor or part of it at any depth (see
        [`Actor.part_of`][ru_so_relations.Actor.part_of]), so an agreement between two
        ministries counts for their states. Signatories are persons and do not decide the
        sides; multilateral instruments and unilateral acts are left out.

        Args:
            first: One side: an [`Actor`][ru_so_relations.Actor], an id or any name.
            second: The other side.

        Returns:
            The agreements kept, in order of signature.

        Raises:
            LookupError: If a name matches no actor, or several.
            ValueError: If both sides are the same actor, or the collection has no actors.

        Examples:
            >>> import ru_so_relations as rso
            >>> register = rso.load().agreements.bilateral("Russia", "South Ossetia")
            >>> "treaty-alliance-integration-2015" in register
            True
            >>> "six-point-ceasefire-plan-2008" in register  # Russia and Georgia
            False
        """
        one = set(self._with_parts(self._actor_id(first)))
        other = set(self._with_parts(self._actor_id(second)))
        if one & other:
            msg = "the two sides overlap: give two actors neither of which is part of the other"
            raise ValueError(msg)
        both = one | other

        def between(agreement: Agreement) -> bool:
            parties = set(agreement.parties)
            return parties <= both and bool(parties & one) and bool(parties & other)

        return self._derive(a for a in self._records if between(a))

    def amending(self, agreement: Agreement | str) -> Agreements:
        """Keep the agreements that amend, supplement or replace an agreement.

        Args:
            agreement: An agreement or its id.

        Returns:
            The protocols and agreements that list it in
            [`amends`][ru_so_relations.Agreement.amends] or
            [`replaces`][ru_so_relations.Agreement.replaces], in order of signature.

        Raises:
            TypeError: If `agreement` is neither an agreement nor a string.
        """
        if isinstance(agreement, Agreement):
            agreement = agreement.id
        elif not isinstance(agreement, str):
            msg = f"expected an agreement or its id, not {type(agreement).__name__}"
            raise TypeError(msg)
        return self._derive(
            a for a in self._records if agreement in a.amends or agreement in a.replaces
        )


class _Named(Collection[N]):
    """A collection of records with names, found by any name in any script."""

    __slots__ = ("_index",)

    _index: dict[str, tuple[str, ...]] | None

    def __init__(
        self,
        records: Iterable[N] = (),
        *,
        actors: Actors | None = None,
        places: Places | None = None,
    ) -> None:
        """Create a collection; see [`Collection`][ru_so_relations.Collection]."""
        super().__init__(records, actors=actors, places=places)
        object.__setattr__(self, "_index", None)

    def _derive(self, records: Iterable[N]) -> Self:
        new = super()._derive(records)
        object.__setattr__(new, "_index", None)
        return new

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        index = self._index
        if index is None:
            building: dict[str, dict[str, None]] = {}
            for record in self._records:
                for name in (record.id, *record.all_names):
                    key = name_key(name)
                    if key:
                        building.setdefault(key, {})[record.id] = None
            index = {key: tuple(ids) for key, ids in building.items()}
            object.__setattr__(self, "_index", index)
        return index

    def resolve(self, name: N | str) -> N:
        """Find the record that a name, alias or id refers to.

        Matching ignores case, accents, punctuation and script (Cyrillic and Georgian are
        transliterated), so "Kokoity", "KOKOITY" and "Кокойты" find the same actor. A name
        that matches no full name is tried as whole words of one: "Medvedev" finds
        "Dmitry Medvedev" when no other record's name contains that word.

        Args:
            name: An id, a name or alias in any language, or a record (checked to be here).

        Returns:
            The record.

        Raises:
            LookupError: If nothing matches, or several records do; the message lists the
                closest known names.
        """
        what = self._record_type.__name__.lower()
        if not isinstance(name, str):
            if not isinstance(name, self._record_type):
                article = "an" if what[0] in "aeiou" else "a"
                msg = f"expected {article} {what} id or name, not {type(name).__name__}"
                raise TypeError(msg)
            if self._by_id.get(name.id) != name:
                msg = f"{what} {name.id!r} is not in this collection"
                raise LookupError(msg)
            return self._by_id[name.id]
        found = self._by_id.get(name)
        if found is not None:
            return found
        index = self._name_index()
        key = name_key(name)
        ids = index.get(key, ())
        if not ids and key:
            words = set(key.split())
            ids = tuple(
                dict.fromkeys(
                    record_id
                    for indexed, record_ids in index.items()
                    if words <= set(indexed.split())
                    for record_id in record_ids
                )
            )
        if len(ids) == 1:
            return self._by_id[ids[0]]
        if ids:
            names = ", ".join(f"{self._by_id[i].name!r} ({i})" for i in ids)
            msg = f"{name!r} matches several {what}s: {names}; give an id or a fuller name"
            raise LookupError(msg)
        import difflib

        close = difflib.get_close_matches(key, index, n=5, cutoff=0.6)
        suggestions = dict.fromkeys(self._by_id[index[k][0]].name for k in close)
        hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        msg = f"no {what} is known as {name!r}{hint}"
        raise LookupError(msg)


class Actors(_Named[Actor], _Verifiable[Actor]):
    """The actors of a dataset, in order of id, with lookup by any name."""

    __slots__ = ()
    _record_type = Actor

    def of_kind(self, *kinds: ActorKind | str) -> Actors:
        """Keep the actors of any of the given kinds (members or their string values)."""
        wanted = _enum_values(ActorKind, kinds)
        return self._derive(a for a in self._records if a.kind in wanted)

    def with_parts(self, actor: Actor | str) -> tuple[str, ...]:
        """The id of an actor and of every actor that is part of it, at any depth.

        Args:
            actor: An [`Actor`][ru_so_relations.Actor], an actor id, or any name.

        Returns:
            The actor's id first, then the ids of its parts (breadth first, each level in
            order of id).

        Raises:
            LookupError: If a name matches no actor, or several.

        Examples:
            >>> import ru_so_relations as rso
            >>> "parliament-of-georgia" in rso.load().actors.with_parts("Georgia")
            True
        """
        root = self.resolve(actor).id
        children: dict[str, list[str]] | None = self._cache.get("parts")
        if children is None:
            children = {}
            for record in self._records:
                if record.part_of is not None:
                    children.setdefault(record.part_of, []).append(record.id)
            self._cache["parts"] = children
        found = [root]
        seen = {root}
        for current in found:  # grows while it is walked: breadth first
            for child in children.get(current, ()):
                if child not in seen:
                    seen.add(child)
                    found.append(child)
        return tuple(found)

    def parts_of(self, actor: Actor | str) -> Actors:
        """The actors that are part of an actor, at any depth (not the actor itself)."""
        parts = set(self.with_parts(actor)[1:])
        return self._derive(r for r in self._records if r.id in parts)


class Places(_Named[Place], _Verifiable[Place]):
    """The places of a dataset, in order of id, with lookup by any name."""

    __slots__ = ()
    _record_type = Place

    def of_kind(self, *kinds: PlaceKind | str) -> Places:
        """Keep the places of any of the given kinds (members or their string values)."""
        wanted = _enum_values(PlaceKind, kinds)
        return self._derive(p for p in self._records if p.kind in wanted)


class Offices(Collection[Office]):
    """The offices of a dataset, in order of id, with who held them when.

    Examples:
        >>> import ru_so_relations as rso
        >>> offices = rso.load().offices
        >>> [a.name for a in offices.holders("president-of-russia", on="2009-07-13")]
        ['Dmitry Medvedev']
    """

    __slots__ = ()
    _record_type = Office

    def holders(self, office: Office | str, *, on: DateLike | None = None) -> Actors:
        """Who held an office: on a day, during a partial date, or ever.

        Args:
            office: An [`Office`][ru_so_relations.Office] or its id.
            on: A day, month or year (as for `Events.between`);
                a person counts if their tenure overlaps it. `None` for every holder ever.

        Returns:
            The holders as actors, in the order they took office.

        Raises:
            KeyError: If there is no such office.
            LookupError: If the collection has no actors to give (it was made outside a
                dataset without `actors=`).
            ValueError: If `on` is not a valid date.
        """
        record = self[office.id if isinstance(office, Office) else office]
        lo, hi = _date_range(on, on) if on is not None else (datetime.date.min, datetime.date.max)
        ids = dict.fromkeys(t.person for t in record.holders if _tenure_overlaps(t, lo, hi))
        actors = self._actors
        if actors is None:
            msg = (
                "this Offices collection has no actors to give the holders as; query "
                "ds.offices or make it with actors=ds.actors"
            )
            raise LookupError(msg)
        return actors._derive(actors[i] for i in ids)

    def held_by(self, person: Actor | str) -> tuple[tuple[Office, Tenure], ...]:
        """Every office a person held, with the tenure, in order of start date.

        Args:
            person: An [`Actor`][ru_so_relations.Actor], an actor id, or any of the
                person's names (resolved against the dataset's actors).

        Returns:
            `(office, tenure)` pairs; a person who held an office twice appears twice.

        Raises:
            LookupError: If a name matches no actor, or several.
        """
        person_id = self._actor_id(person)
        pairs = [(o, t) for o in self._records for t in o.holders if t.person == person_id]
        return tuple(sorted(pairs, key=lambda pair: _start_key(pair[1])))


def _tenure_overlaps(tenure: Tenure, lo: datetime.date, hi: datetime.date) -> bool:
    start = datetime.date.min if tenure.start is None else tenure.start.earliest
    end = datetime.date.max if tenure.end is None else tenure.end.latest
    return start <= hi and end >= lo


def _start_key(tenure: Tenure) -> tuple[datetime.date, str]:
    start = datetime.date.min if tenure.start is None else tenure.start.earliest
    return (start, tenure.person)


class Stances(_Verifiable[Stance]):
    """Actors' positions on the status of South Ossetia, in order of their start dates.

    Examples:
        >>> import ru_so_relations as rso
        >>> stances = rso.load().stances
        >>> recognising = stances.of_position("recognises_independence")
        >>> "russia" in [s.holder for s in recognising.on("2010-01-01")]
        True
    """

    __slots__ = ()
    _record_type = Stance

    @staticmethod
    def _sort_key(record: Any) -> Any:
        since = datetime.date.min if record.since is None else record.since.earliest
        return (since, record.id)

    def of_position(self, *positions: StancePosition | str) -> Stances:
        """Keep the stances with any of the given positions (members or string values)."""
        wanted = _enum_values(StancePosition, positions)
        return self._derive(s for s in self._records if s.position in wanted)

    def on(self, day: DateLike) -> Stances:
        """Keep the stances that held at some time during a day, month or year."""
        lo, hi = _date_range(day, day)
        return self._derive(
            s
            for s in self._records
            if (s.since is None or s.since.earliest <= hi)
            and (s.until is None or s.until.latest >= lo)
        )

    def held_by(self, *actors: Actor | str) -> Stances:
        """Keep the stances held by any of the given actors (records, ids or names)."""
        wanted = {self._actor_id(a) for a in actors}
        return self._derive(s for s in self._records if s.holder in wanted)

    def about(self, subject: Actor | str) -> Stances:
        """Keep the stances about one subject (an actor record, id or name)."""
        wanted = self._actor_id(subject)
        return self._derive(s for s in self._records if s.subject == wanted)


class Figures(_Dated[Figure]):
    """Figures (money, people, forces, residents), in the order of the time they cover.

    Date queries use [`Figure.date`][ru_so_relations.Figure.date]: the period a figure
    covers, or the date it was stated where it covers no period. `involving` looks at the
    claimant and at the actors the figure concerns. Figures are claims: nothing here sums or
    averages them across claimants.

    Examples:
        >>> import ru_so_relations as rso
        >>> figures = rso.load().figures
        >>> funding = figures.of_measure("funding").involving("Russia")
        >>> all(f.unit.isupper() for f in funding)
        True
    """

    __slots__ = ()
    _record_type = Figure

    @staticmethod
    def _date_of(record: Any) -> PartialDate | None:
        date: PartialDate = record.date
        return date

    def of_measure(self, *measures: Measure | str) -> Figures:
        """Keep the figures of any of the given measures.

        Args:
            *measures: [`Measure`][ru_so_relations.Measure] members or their string values,
                e.g. `"funding"`.

        Returns:
            The figures kept, in order of the time they cover.

        Raises:
            ValueError: If no measure is given or a string is not a measure's value.
        """
        wanted = _enum_values(Measure, measures)
        return self._select("measures", lambda f: (f.measure,), wanted)

    def claimed_by(self, *actors: Actor | str, including_parts: bool = False) -> Figures:
        """Keep the figures stated by any of the given actors.

        Args:
            *actors: [`Actor`][ru_so_relations.Actor] records, actor ids, or any name or
                alias.
            including_parts: If true, a figure stated by a part of an actor (a ministry of
                a government, at any depth) counts as stated by it.

        Returns:
            The figures kept, in order of the time they cover. Figures with no claimant
            (counts by the source itself) are never kept.

        Raises:
            LookupError: If a name matches no actor, or several.
            ValueError: If no actor is given.
        """
        if not actors:
            msg = "give at least one actor"
            raise ValueError(msg)
        wanted: set[str] = set()
        for actor in actors:
            actor_id = self._actor_id(actor)
            wanted.update(self._with_parts(actor_id) if including_parts else (actor_id,))
        return self._select("claimants", lambda f: (f.claimed_by,), wanted)

    def per_year(self, measure: Measure | str) -> dict[int, Figures]:
        """The figures of one measure that cover exactly one calendar year, by year.

        Only figures whose `period` is a whole year (precision `year`) count; a figure for a
        month, a day or several years is not spread over years. Every claim stays its own
        record: two claimants' figures for one year are both in that year's collection, and
        nothing is summed or averaged.

        Args:
            measure: A [`Measure`][ru_so_relations.Measure] member or its string value.

        Returns:
            For each year with at least one such figure, in order, the figures for it.

        Raises:
            ValueError: If the string is not a measure's value.
        """
        years: dict[int, list[Figure]] = {}
        for figure in self.of_measure(measure):
            period = figure.period
            if period is not None and period.precision is Precision.YEAR and not period.is_span:
                years.setdefault(period.earliest.year, []).append(figure)
        return {year: self._derive(found) for year, found in sorted(years.items())}


class Publishers(_Named[Publisher]):
    """The publishers of a dataset's sources, in order of id, found by name, alias or host."""

    __slots__ = ()
    _record_type = Publisher

    def of_url(self, url: str) -> Publisher | None:
        """The publisher whose own site a URL is on, or `None` if it is on no known one.

        A host matches a publisher's host and every subdomain of it (`m.kavkaz-uzel.eu` is on
        `kavkaz-uzel.eu`); a leading `www.` is ignored.

        Args:
            url: An http or https URL.

        Returns:
            The publisher, or `None`.
        """
        import urllib.parse

        host = (urllib.parse.urlsplit(url).hostname or "").rstrip(".")
        hosts = self._cache.get("hosts")
        if hosts is None:
            hosts = {h: p for p in self._records for h in p.hosts}
            self._cache["hosts"] = hosts
        while host:
            found = hosts.get(host)
            if found is not None:
                return found  # type: ignore[no-any-return]
            host = host.partition(".")[2]
        return None


class Sources(Collection[Source]):
    """The sources of a dataset, in order of id."""

    __slots__ = ()
    _record_type = Source

    def published_by(self, *publishers: Publisher | str) -> Sources:
        """Keep the sources first published by any of the given publishers.

        Args:
            *publishers: [`Publisher`][ru_so_relations.Publisher] records or their ids.

        Returns:
            The sources kept, in order of id.

        Raises:
            ValueError: If no publisher is given.
            TypeError: If an argument is neither a publisher nor a string.
        """
        if not publishers:
            msg = "give at least one publisher"
            raise ValueError(msg)
        wanted: set[str] = set()
        for publisher in publishers:
            if isinstance(publisher, Publisher):
                wanted.add(publisher.id)
            elif isinstance(publisher, str):
                wanted.add(publisher)
            else:
                msg = f"expected a publisher or its id, not {type(publisher).__name__}"
                raise TypeError(msg)
        return self._select("publishers", lambda s: (s.publisher,), wanted)
