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
    steps = tuple(plan)
    post_init = getattr(cls, "__attrs_post_init__", None)
    missing = _MISSING

    def build(value: Any) -> Any:
        if type(value) is not dict:
            raise NotFast
        keys = value.keys()
        if not (keys <= names and must <= keys):
            raise NotFast
        get = value.get
        record = _new(cls)
        for name, convert, set_field, default in steps:
            raw = get(name, missing)
            set_field(record, default if raw is missing else convert(raw))
        if post_init is not None:
            post_init(record)
        return record

    return build


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
                    made = _direct(cls) or _through_class(cls)
                except NotFast:  # a field without a constraint: the converter builds these

                    def made(value: Any) -> Any:
                        raise NotFast

                _made[cls] = made
    return made
