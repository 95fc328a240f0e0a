"""The fast path from parsed JSON to records, for data that is valid.

Reading a large file through the converter costs most of its time in cattrs' per-field error
bookkeeping, which is only needed to say what is wrong. This module builds records without
it, in two ways:

- Events, participants and citations, most of a large file, are built by hand-written
  functions that make the checks of the classes' validators themselves and set the fields
  through the classes' slots.
- Every other record is structured with plain type checks and built through its class, so
  its attrs validators run.

Both accept a subset of what the converter accepts: anything they do not accept (a wrong
type, a missing or unknown field, a failing check, any exception at all) makes the caller
structure that record again through the converter, which either builds the same record or
reports every problem. Tests check both halves of that promise.
"""

from __future__ import annotations

import enum
import functools
import threading
import types
import typing
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs

from ru_so_relations._dates import PartialDate
from ru_so_relations._models import (
    Alternative,
    Citation,
    Event,
    EventKind,
    Participant,
    Role,
    Verification,
    is_slug,
)

if TYPE_CHECKING:
    from collections.abc import Callable

Structure = typing.Callable[[Any], Any]


class NotFast(Exception):
    """The fast path does not accept this value; use the converter to build or report it."""


def _exactly(kind: type[Any]) -> Structure:
    """Accept values of exactly this JSON type (`bool` is not an `int`, nothing is converted)."""

    def structure(value: Any) -> Any:
        if type(value) is not kind:
            raise NotFast
        return value

    return structure


@functools.lru_cache(maxsize=1 << 16)
def _date(text: str) -> PartialDate:
    # partial dates are immutable, so one object can stand for every equal date; invalid
    # text raises and is not cached
    return PartialDate.parse(text)


def _partial_date(value: Any) -> PartialDate:
    if type(value) is not str:
        raise NotFast
    return _date(value)


def _enum(kind: type[enum.Enum]) -> Structure:
    members = {member.value: member for member in kind}

    def structure(value: Any) -> Any:
        if type(value) is not str:
            raise NotFast
        return members[value]

    return structure


def _optional(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        return None if value is None else inner(value)

    return structure


def _tuple_of(inner: Structure) -> Structure:
    def structure(value: Any) -> Any:
        if type(value) is not list:
            raise NotFast
        return tuple([inner(item) for item in value])

    return structure


def _record(cls: type[Any]) -> Structure:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Structure, bool]] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        required = field.default is attrs.NOTHING
        plan.append((field.name, _for_type(hints[field.name]), required))
    names = frozenset(name for name, _, _ in plan)
    required_names = frozenset(name for name, _, required in plan if required)
    steps = tuple((name, structure) for name, structure, _ in plan)

    def structure(value: Any) -> Any:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= names and required_names <= keys):
            raise NotFast
        return cls(**{name: step(value[name]) for name, step in steps if name in value})

    return structure


def _for_type(type_: Any) -> Structure:
    if type_ is str or type_ is int or type_ is bool:
        return _exactly(type_)
    if type_ is PartialDate:
        return _partial_date
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return _enum(type_)
    if attrs.has(type_):
        return structure_for(type_)
    args = get_args(type_)
    if get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_of(_for_type(args[0]))
    if type(None) in args and len(args) == 2:
        (inner,) = (arg for arg in args if arg is not type(None))
        return _optional(_for_type(inner))
    msg = f"no fast structuring for {type_!r}"
    raise TypeError(msg)


# Hand-written builders for the records a large file holds most of: an event, its
# participants and its citations. They make the checks the classes' validators make, then set
# the fields through the classes' slots, skipping the validators they have just done the work
# of; each is used only while its class has exactly the fields it sets, each in a slot (see
# `_SPECIAL`). A test checks that they accept every valid record and nothing else.

_new: Final = object.__new__
_ROLES: Final = {role.value: role for role in Role}
_KINDS: Final = {kind.value: kind for kind in EventKind}
_STATUSES: Final = {status.value: status for status in Verification}
_DISPUTED: Final = Verification.DISPUTED


def _fields_of(*pairs: tuple[str, bool]) -> tuple[frozenset[str], frozenset[str]]:
    names = frozenset(name for name, _ in pairs)
    return names, frozenset(name for name, required in pairs if required)


_CITATION_FIELDS, _CITATION_REQUIRED = _fields_of(
    ("source", True), ("quote", False), ("locator", False)
)
_PARTICIPANT_FIELDS, _PARTICIPANT_REQUIRED = _fields_of(("actor", True), ("role", False))
_EVENT_FIELDS, _EVENT_REQUIRED = _fields_of(
    ("id", True),
    ("date", True),
    ("kind", True),
    ("title", True),
    ("summary", True),
    ("actors", False),
    ("agreements", False),
    ("place", False),
    ("sources", True),
    ("notes", False),
    ("verification", True),
    ("alternatives", False),
)


def _slot_setters(cls: type[Any], names: frozenset[str]) -> dict[str, Callable[[Any, Any], None]]:
    """Each field's slot setter, which sets it on a new instance despite `frozen`.

    Empty unless the class has exactly these fields, each in a slot of its own.
    """
    descriptors = {field.name: cls.__dict__.get(field.name) for field in attrs.fields(cls)}
    if set(descriptors) != names:
        return {}
    if not all(isinstance(d, types.MemberDescriptorType) for d in descriptors.values()):
        return {}
    return {name: d.__set__ for name, d in descriptors.items()}  # type: ignore[union-attr]


# Ids seen valid: most ids in a file are references to a few thousand records, so a set
# lookup replaces most of the pattern matches. Bounded, and only ever holds valid ids.
_known_slugs: Final[set[str]] = set()
_KNOWN_SLUGS_MAX: Final = 1 << 17


def _slug_value(value: Any) -> str:
    if value in _known_slugs:
        return value  # type: ignore[no-any-return]
    if not is_slug(value):
        raise NotFast
    if len(_known_slugs) < _KNOWN_SLUGS_MAX:
        _known_slugs.add(value)
    return value  # type: ignore[no-any-return]


def _is_text(value: Any) -> bool:
    # what the `_text` validator accepts (non-empty, no white space at either end), for
    # the exact str that JSON gives
    return type(value) is str and value != "" and value == value.strip()


def _citation_builder() -> Structure | None:
    setters = _slot_setters(Citation, _CITATION_FIELDS)
    if not setters:
        return None
    set_source, set_quote, set_locator = (setters[n] for n in ("source", "quote", "locator"))
    fields, required, known = _CITATION_FIELDS, _CITATION_REQUIRED, _known_slugs

    def citation(value: Any) -> Citation:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= fields and keys >= required):
            raise NotFast
        source = value["source"]
        if source not in known:
            _slug_value(source)
        quote = value.get("quote")
        locator = value.get("locator")
        if (quote is not None and not _is_text(quote)) or (
            locator is not None and not _is_text(locator)
        ):
            raise NotFast
        record = _new(Citation)
        set_source(record, source)
        set_quote(record, quote)
        set_locator(record, locator)
        return record

    return citation


def _participant_builder() -> Structure | None:
    setters = _slot_setters(Participant, _PARTICIPANT_FIELDS)
    if not setters:
        return None
    set_actor, set_role = setters["actor"], setters["role"]
    fields, required, known, roles = (
        _PARTICIPANT_FIELDS,
        _PARTICIPANT_REQUIRED,
        _known_slugs,
        _ROLES,
    )

    def participant(value: Any) -> Participant:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= fields and keys >= required):
            raise NotFast
        actor = value["actor"]
        if actor not in known:
            _slug_value(actor)
        role = value.get("role")
        record = _new(Participant)
        set_actor(record, actor)
        set_role(record, None if role is None else roles[role])
        return record

    return participant


_citation: Final = _citation_builder()
_participant: Final = _participant_builder()


def _event_builder() -> Structure | None:
    setters = _slot_setters(Event, _EVENT_FIELDS)
    if not setters or _citation is None or _participant is None:
        return None
    (
        set_id,
        set_date,
        set_kind,
        set_title,
        set_summary,
        set_actors,
        set_agreements,
        set_place,
        set_sources,
        set_notes,
        set_verification,
        set_alternatives,
    ) = (setters[field.name] for field in attrs.fields(Event))
    fields, required, known = _EVENT_FIELDS, _EVENT_REQUIRED, _known_slugs
    kinds, statuses, disputed = _KINDS, _STATUSES, _DISPUTED
    participant, citation, empty = _participant, _citation, ()

    def event(value: Any) -> Event:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= fields and keys >= required):
            raise NotFast
        get = value.get
        actors = get("actors", empty)
        if actors:
            if type(actors) is not list:
                raise NotFast
            actors = tuple(map(participant, actors))
            if len(actors) > 1 and len({p.actor for p in actors}) != len(actors):
                raise NotFast
        elif actors is empty or type(actors) is list:
            actors = empty
        else:
            raise NotFast
        agreements = get("agreements", empty)
        if agreements:
            if type(agreements) is not list:
                raise NotFast
            agreements = tuple(map(_slug_value, agreements))
            if len(agreements) > 1 and len(set(agreements)) != len(agreements):
                raise NotFast
        elif agreements is empty or type(agreements) is list:
            agreements = empty
        else:
            raise NotFast
        place = get("place")
        if place is not None and place not in known:
            _slug_value(place)
        sources = value["sources"]
        if type(sources) is not list or not sources:
            raise NotFast
        sources = tuple(map(citation, sources))
        status = statuses[value["verification"]]
        alternatives = get("alternatives", empty)
        if alternatives:
            if type(alternatives) is not list or status is not disputed:
                raise NotFast
            alternatives = _alternatives(alternatives)
        elif (alternatives is empty or type(alternatives) is list) and status is not disputed:
            alternatives = empty
        else:
            raise NotFast
        record_id = value["id"]
        if record_id not in known:
            _slug_value(record_id)
        title = value["title"]
        summary = value["summary"]
        notes = get("notes")
        if not (_is_text(title) and _is_text(summary)) or (
            notes is not None and not _is_text(notes)
        ):
            raise NotFast
        record = _new(Event)
        set_id(record, record_id)
        set_date(record, _partial_date(value["date"]))
        set_kind(record, kinds[value["kind"]])
        set_title(record, title)
        set_summary(record, summary)
        set_actors(record, actors)
        set_agreements(record, agreements)
        set_place(record, place)
        set_sources(record, sources)
        set_notes(record, notes)
        set_verification(record, status)
        set_alternatives(record, alternatives)
        return record

    return event


_event: Final = _event_builder()


def _alternatives(value: Any) -> tuple[Alternative, ...]:
    structure = structure_for(Alternative)
    return tuple(map(structure, value))


_SPECIAL: Final[dict[type[Any], Structure | None]] = {
    Citation: _citation,
    Participant: _participant,
    Event: _event,
}
"""The hand-written builders; `None` where a class no longer matches its builder."""


_lock: Final = threading.RLock()  # a record's function makes its parts' functions
_made: Final[dict[type[Any], Structure]] = {}


def structure_for(cls: type[Any]) -> Callable[[Any], Any]:
    """The fast structuring function of a record class, made on first use.

    The function returns the record, or raises (`NotFast` or any other exception) when the
    value is not one it accepts.
    """
    made = _made.get(cls)
    if made is None:
        with _lock:
            made = _made.get(cls)
            if made is None:
                made = _SPECIAL.get(cls) or _record(cls)
                _made[cls] = made
    return made
