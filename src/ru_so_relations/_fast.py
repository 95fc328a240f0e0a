"""The fast path from parsed JSON to records, for data that is valid.

Reading a large file through the converter costs most of its time in cattrs' per-field error
bookkeeping, which is only needed to say what is wrong. This module builds records without
it: for each record class it makes a builder from the class's own field declarations (the
constraints of `_fields`, which are also the classes' attrs validators). A builder converts
each JSON value with its field's constraint, which makes the same checks as the validator,
builds nested records and tuples the same way, sets the fields through the class's slots and
then calls the class's `__attrs_post_init__`, where the rules between fields are. So nothing
a record class declares can be skipped: a field whose validator is not a constraint, a
converter, a factory default or a pre-init hook makes the builder construct the record
through its class instead (every validator then runs), and a test checks that the bundled
classes all have the direct builder.

The builders accept a subset of what the converter accepts: anything they do not accept (a
wrong type, a missing or unknown field, a failing check, any exception at all) makes the
caller structure that record again through the converter, which either builds the same
record or reports every problem. Tests check both halves of that promise.
"""

from __future__ import annotations

import threading
import types
from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._fields import Many, Nested, NotFast, Optional, constraint_of
from ru_so_relations._models import Event

if TYPE_CHECKING:
    from collections.abc import Callable

    from ru_so_relations._fields import Constraint


_new: Final = object.__new__
_MISSING: Final = object()


def _convert(constraint: Constraint) -> Callable[[Any], Any]:
    """The function that makes a field's value from JSON, with the constraint's checks."""
    if isinstance(constraint, Optional):
        if not isinstance(constraint.inner, Nested | Many):
            return constraint.from_json  # scalars take None in one call
        inner = _convert(constraint.inner)

        def optional(value: Any) -> Any:
            return None if value is None else inner(value)

        return optional
    if isinstance(constraint, Nested):
        return structure_for(constraint.cls)
    if isinstance(constraint, Many):
        return _many(constraint)
    return constraint.from_json


def _many(constraint: Many) -> Callable[[Any], Any]:
    item = _convert(constraint.inner)
    check_items = constraint.check_items
    may_be_empty = constraint.at_least_one is None
    empty: tuple[Any, ...] = ()

    def many(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise NotFast
        if not value:
            if may_be_empty:
                return empty
            raise NotFast
        return tuple(map(item, value))

    def many_distinct(value: Any) -> tuple[Any, ...]:
        built = many(value)
        if len(built) > 1:
            check_items("", built)
        return built

    return many_distinct if constraint.unique or constraint.unique_by else many


def _direct(cls: type[Any]) -> Callable[[Any], Any] | None:
    """A builder that sets the fields through the slots, or `None` where that is not safe."""
    if "__attrs_pre_init__" in dir(cls):
        return None
    plan: list[tuple[str, Callable[[Any], Any], Callable[[Any, Any], None], Any]] = []
    required: set[str] = set()
    for field in attrs.fields(cls):
        constraint = constraint_of(field)
        slot = cls.__dict__.get(field.name)
        if (
            constraint is None
            or field.converter is not None
            or not field.init
            or isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            or not isinstance(slot, types.MemberDescriptorType)
        ):
            return None
        if field.default is attrs.NOTHING:
            required.add(field.name)
        plan.append((field.name, _convert(constraint), slot.__set__, field.default))
    names = frozenset(name for name, _, _, _ in plan)
    must = frozenset(required)
    # required fields are read directly; optional ones with their default
    needed = tuple((n, c, s) for n, c, s, _ in plan if n in required)
    optional = tuple(step for step in plan if step[0] not in required)
    post_init = getattr(cls, "__attrs_post_init__", None)
    missing = _MISSING

    def build(value: Any) -> Any:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= names and must <= keys):
            raise NotFast
        record = _new(cls)
        for name, convert, set_field in needed:
            set_field(record, convert(value[name]))
        get = value.get
        for name, convert, set_field, default in optional:
            raw = get(name, missing)
            set_field(record, default if raw is missing else convert(raw))
        if post_init is not None:
            post_init(record)
        return record

    return build


def _fields_of(
    cls: type[Any], names: tuple[str, ...]
) -> list[tuple[Callable[[Any], Any], Callable[[Any, Any], None], Any]] | None:
    """Each field's converter, slot setter and default, for a builder written out by hand.

    The converters come from the fields' declared constraints, in the order given. `None`
    unless the class declares exactly these fields, in this order, each with a
    constraint, in a slot, without converter or factory: a field added, removed, renamed or
    declared otherwise switches the written-out builder off (the generic one is used, and a
    test fails until the builder is brought up to date).
    """
    if _direct(cls) is None or tuple(f.name for f in attrs.fields(cls)) != names:
        return None
    out = []
    for field in attrs.fields(cls):
        constraint = constraint_of(field)
        assert constraint is not None  # _direct checked it
        out.append((_convert(constraint), cls.__dict__[field.name].__set__, field.default))
    return out


_EVENT_FIELDS: Final = (
    "id",
    "date",
    "kind",
    "title",
    "summary",
    "actors",
    "agreements",
    "place",
    "sources",
    "notes",
    "verification",
    "alternatives",
)


def _event_builder() -> Callable[[Any], Any] | None:
    """The builder of events, most of a large file, written out field by field.

    It does what `_direct` does (the same converters from the same declared constraints,
    the class's `__attrs_post_init__`), without the loop over fields.
    """
    fields = _fields_of(Event, _EVENT_FIELDS)
    if fields is None:
        return None
    (
        (c_id, s_id, _),
        (c_date, s_date, _),
        (c_kind, s_kind, _),
        (c_title, s_title, _),
        (c_summary, s_summary, _),
        (c_actors, s_actors, d_actors),
        (c_agreements, s_agreements, d_agreements),
        (c_place, s_place, d_place),
        (c_sources, s_sources, _),
        (c_notes, s_notes, d_notes),
        (c_verification, s_verification, _),
        (c_alternatives, s_alternatives, d_alternatives),
    ) = fields
    names = frozenset(_EVENT_FIELDS)
    must = frozenset(f.name for f in attrs.fields(Event) if f.default is attrs.NOTHING)
    post_init = Event.__attrs_post_init__
    missing = _MISSING

    def event(value: Any) -> Any:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= names and must <= keys):
            raise NotFast
        get = value.get
        record = _new(Event)
        s_id(record, c_id(value["id"]))
        s_date(record, c_date(value["date"]))
        s_kind(record, c_kind(value["kind"]))
        s_title(record, c_title(value["title"]))
        s_summary(record, c_summary(value["summary"]))
        raw = get("actors", missing)
        s_actors(record, d_actors if raw is missing else c_actors(raw))
        raw = get("agreements", missing)
        s_agreements(record, d_agreements if raw is missing else c_agreements(raw))
        raw = get("place", missing)
        s_place(record, d_place if raw is missing else c_place(raw))
        s_sources(record, c_sources(value["sources"]))
        raw = get("notes", missing)
        s_notes(record, d_notes if raw is missing else c_notes(raw))
        s_verification(record, c_verification(value["verification"]))
        raw = get("alternatives", missing)
        s_alternatives(record, d_alternatives if raw is missing else c_alternatives(raw))
        post_init(record)
        return record

    return event


def _through_class(cls: type[Any]) -> Callable[[Any], Any]:
    """A builder that converts each field and constructs through the class (validators run)."""
    steps = tuple(
        (field.name, _convert(constraint_of(field) or _unknown(cls, field.name)))
        for field in attrs.fields(cls)
        if field.init
    )
    names = frozenset(name for name, _ in steps)

    def build(value: Any) -> Any:
        if type(value) is not dict or not value.keys() <= names:
            raise NotFast
        return cls(**{name: convert(value[name]) for name, convert in steps if name in value})

    return build


def _unknown(cls: type[Any], name: str) -> Constraint:
    raise NotFast(f"{cls.__name__}.{name} has no declared constraint")


_WRITTEN_OUT: Final[dict[type[Any], Callable[[], Callable[[Any], Any] | None]]] = {
    Event: _event_builder,
}
"""The builders written out by hand (see `_fields_of` for their safeguard)."""


def has_written_out_builder(cls: type[Any]) -> bool:
    """Whether records of this class are built by a builder written out field by field."""
    written = _WRITTEN_OUT.get(cls)
    return written is not None and written() is not None


def has_direct_builder(cls: type[Any]) -> bool:
    """Whether records of this class are built through their slots (see the module doc)."""
    return _direct(cls) is not None


_lock: Final = threading.RLock()  # a record's builder makes its parts' builders
_made: Final[dict[type[Any], Callable[[Any], Any]]] = {}


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
                try:
                    written = _WRITTEN_OUT.get(cls)
                    made = (
                        (written() if written is not None else None)
                        or _direct(cls)
                        or _through_class(cls)
                    )
                except NotFast:  # a field without a constraint: the converter builds these

                    def made(value: Any) -> Any:
                        raise NotFast

                _made[cls] = made
    return made
