"""The fast path from parsed JSON to records, for data that is valid.

Reading a large file through the converter costs most of its time in cattrs' per-field error
bookkeeping, which is only needed to say what is wrong. This module structures records with
plain type checks instead, then builds them through their classes, so every attrs validator
still runs. It accepts a subset of what the converter accepts: anything it does not accept
(a wrong type, a missing or unknown field, a failing validator, any exception at all) makes
the caller structure the same value again through the converter, which either builds the
same records or reports every problem. Tests check that both paths build equal records.
"""

from __future__ import annotations

import enum
import functools
import threading
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
    is_text,
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
# the fields directly, skipping the validators they have just done the work of; each is used
# only while its class has exactly the fields it sets (see `_SPECIAL`).

_new: Final = object.__new__
_set: Final = object.__setattr__
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


def _text_value(value: Any) -> str:
    if not is_text(value):
        raise NotFast
    return value  # type: ignore[no-any-return]


def _optional_text_value(value: Any) -> str | None:
    if value is not None and not is_text(value):
        raise NotFast
    return value  # type: ignore[no-any-return]


def _citation(value: Any) -> Citation:
    if type(value) is not dict:
        raise NotFast
    keys = value.keys()
    if not (keys <= _CITATION_FIELDS and keys >= _CITATION_REQUIRED):
        raise NotFast
    source = value["source"]
    if source not in _known_slugs:
        _slug_value(source)
    quote = value.get("quote")
    locator = value.get("locator")
    if (quote is not None and not is_text(quote)) or (locator is not None and not is_text(locator)):
        raise NotFast
    record = _new(Citation)
    _set(record, "source", source)
    _set(record, "quote", quote)
    _set(record, "locator", locator)
    return record


def _participant(value: Any) -> Participant:
    if type(value) is not dict:
        raise NotFast
    keys = value.keys()
    if not (keys <= _PARTICIPANT_FIELDS and keys >= _PARTICIPANT_REQUIRED):
        raise NotFast
    actor = value["actor"]
    if actor not in _known_slugs:
        _slug_value(actor)
    role = value.get("role")
    record = _new(Participant)
    _set(record, "actor", actor)
    _set(record, "role", None if role is None else _ROLES[role])
    return record


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise NotFast
    return value


def _event(value: Any) -> Event:
    if type(value) is not dict:
        raise NotFast
    keys = value.keys()
    if not (keys <= _EVENT_FIELDS and keys >= _EVENT_REQUIRED):
        raise NotFast
    get = value.get
    actors = tuple([_participant(item) for item in _list(get("actors", []))])
    if len(actors) > 1 and len({participant.actor for participant in actors}) != len(actors):
        raise NotFast
    agreements = tuple([_slug_value(item) for item in _list(get("agreements", []))])
    if len(agreements) > 1 and len(set(agreements)) != len(agreements):
        raise NotFast
    place = get("place")
    if place is not None:
        _slug_value(place)
    sources = tuple([_citation(item) for item in _list(value["sources"])])
    if not sources:
        raise NotFast
    status = _STATUSES[value["verification"]]
    alternatives = _list(get("alternatives", []))
    if (status is _DISPUTED) != bool(alternatives):
        raise NotFast
    record_id = value["id"]
    if record_id not in _known_slugs:
        _slug_value(record_id)
    title = value["title"]
    summary = value["summary"]
    notes = get("notes")
    if not (is_text(title) and is_text(summary)) or (notes is not None and not is_text(notes)):
        raise NotFast
    record = _new(Event)
    _set(record, "id", record_id)
    _set(record, "date", _partial_date(value["date"]))
    _set(record, "kind", _KINDS[value["kind"]])
    _set(record, "title", title)
    _set(record, "summary", summary)
    _set(record, "actors", actors)
    _set(record, "agreements", agreements)
    _set(record, "place", place)
    _set(record, "sources", sources)
    _set(record, "notes", notes)
    _set(record, "verification", status)
    _set(record, "alternatives", _alternatives(alternatives) if alternatives else ())
    return record


def _alternatives(value: Any) -> tuple[Alternative, ...]:
    structure = structure_for(Alternative)
    return tuple([structure(item) for item in _list(value)])


_SPECIAL: Final[dict[type[Any], tuple[frozenset[str], Structure]]] = {
    Citation: (_CITATION_FIELDS, _citation),
    Participant: (_PARTICIPANT_FIELDS, _participant),
    Event: (_EVENT_FIELDS, _event),
}


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
                fields, special = _SPECIAL.get(cls, (None, None))
                same = fields == frozenset(f.name for f in attrs.fields(cls))
                made = special if special is not None and same else _record(cls)
                _made[cls] = made
    return made
