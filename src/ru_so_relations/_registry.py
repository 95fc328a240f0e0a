"""The one list of record kinds a dataset holds, and a walker over how records refer to others.

Every other module (reading and writing, the checks, the JSON Schema, the tables, the command
line, the docs) reads `KINDS` rather than listing the kinds again. Adding a kind of record
means adding its model (a record class and its collection class), its line here and its
`Dataset` attribute; a test checks that these agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._fields import Many, Nested, OneOf, Optional, Ref, constraint_of
from ru_so_relations._models import (
    Actor,
    Agreement,
    Event,
    Figure,
    Office,
    Place,
    Publisher,
    Source,
    Stance,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ru_so_relations._fields import Constraint


class Kind:
    """One kind of record: its key in a dataset, its record class and its collection class."""

    __slots__ = ("collection", "key", "name", "record")

    def __init__(self, key: str, record: type[Any], collection: str) -> None:
        self.key = key
        """The name of the collection: the dataset's attribute, the JSON key and the table."""
        self.record = record
        """The record class."""
        self.collection = collection
        """The name of the collection class (in `ru_so_relations`)."""
        self.name = record.__name__.lower()
        """The singular name used in messages and tables, e.g. `event`."""

    def __repr__(self) -> str:
        return f"Kind({self.key!r}, {self.record.__name__}, {self.collection!r})"


KINDS: Final = (
    Kind("publishers", Publisher, "Publishers"),
    Kind("sources", Source, "Sources"),
    Kind("actors", Actor, "Actors"),
    Kind("places", Place, "Places"),
    Kind("offices", Office, "Offices"),
    Kind("stances", Stance, "Stances"),
    Kind("agreements", Agreement, "Agreements"),
    Kind("events", Event, "Events"),
    Kind("figures", Figure, "Figures"),
)
"""Every kind of record, in the order a dataset file holds them (what is referred to first)."""

KEYS: Final = tuple(kind.key for kind in KINDS)
"""The keys of `KINDS`, in order."""

BY_KEY: Final = {kind.key: kind for kind in KINDS}
BY_RECORD: Final[dict[type[Any], Kind]] = {kind.record: kind for kind in KINDS}


def where(key: str, index: int, record_id: object) -> str:
    """Say where a record is, e.g. `events[12] (id 'medvedev-visit-tskhinvali-2009')`."""
    if isinstance(record_id, str):
        return f"{key}[{index}] (id {record_id!r})"
    return f"{key}[{index}]"


# How a field holds references: one id, an optional id, a tuple of ids, a nested record, a
# tuple of nested records. Fields that can hold none are left out of a class's plan.
_ONE, _MANY, _NESTED, _NESTED_MANY = range(4)


_PLANS: Final[dict[type[Any], tuple[tuple[str, int, Any], ...]]] = {}


def _plan(cls: type[Any]) -> tuple[tuple[str, int, Any], ...]:
    """For each field of a record class that can hold a reference: how, and to what."""
    plan = _PLANS.get(cls)
    if plan is None:
        steps: list[tuple[str, int, Any]] = []
        for field in attrs.fields(cls):
            step = _step(constraint_of(field))
            if step is not None:
                steps.append((field.name, *step))
        plan = _PLANS[cls] = tuple(steps)
    return plan


def _step(constraint: Constraint | None) -> tuple[int, Any] | None:
    if isinstance(constraint, Optional):
        constraint = constraint.inner
    if isinstance(constraint, Ref):
        return _ONE, constraint.target
    if isinstance(constraint, Nested):
        return (_NESTED, constraint.cls) if _plan(constraint.cls) else None
    if isinstance(constraint, Many):
        inner = constraint.inner
        if isinstance(inner, Ref):
            return _MANY, inner.target
        if isinstance(inner, Nested) and _plan(inner.cls):
            return _NESTED_MANY, inner.cls
    return None


_FLAT: Final[dict[type[Any], tuple[str, str] | None]] = {}


def _flat(cls: type[Any]) -> tuple[str, str] | None:
    """The one reference of a nested class that has exactly one, required, or `None`.

    A citation's source and a participant's actor are such; a tuple of them is then read in
    one go.
    """
    if cls not in _FLAT:
        plan = _plan(cls)
        flat = None
        if len(plan) == 1 and plan[0][1] == _ONE:
            field = attrs.fields_dict(cls)[plan[0][0]]
            if not isinstance(constraint_of(field), Optional):
                flat = (plan[0][0], plan[0][2])
        _FLAT[cls] = flat
    return _FLAT[cls]


def references(record: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """Every reference a record makes, its nested records' included.

    Args:
        record: A record of any kind, or a nested record such as a `Tenure`.
        path: What to put before each field's name.

    Yields:
        `(path, key, id)`: where the reference is (e.g. `holders[0].person`), the key of the
        collection it refers to (e.g. `actors`) and the id it gives.
    """
    for name, how, target in _plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if how == _ONE:
            yield f"{path}{name}", target, value
        elif how == _MANY:
            for index, item in enumerate(value):
                yield f"{path}{name}[{index}]", target, item
        elif how == _NESTED:
            yield from references(value, f"{path}{name}.")
        else:
            for index, item in enumerate(value):
                yield from references(item, f"{path}{name}[{index}].")


def collect_references(records: Iterable[Any], into: dict[str, set[str]]) -> None:
    """Add the id of every reference the records make to `into[key]` (the quick check)."""
    for record in records:
        plan = _plan(type(record))
        for name, how, target in plan:
            value = getattr(record, name)
            if not value:
                continue
            if how == _ONE:
                into[target].add(value)
            elif how == _MANY:
                into[target].update(value)
            elif how == _NESTED:
                collect_references((value,), into)
            else:
                flat = _flat(target)
                if flat is None:
                    collect_references(value, into)
                else:
                    name_in, key = flat
                    into[key].update([getattr(item, name_in) for item in value])


def parts(record: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """The record and every record nested in it, at any depth, with where each is.

    Yields:
        `(path, record)`, the record itself first with the path `""`, then e.g.
        `("holders[0]", tenure)` and `("holders[0].alternatives[1]", alternative)`.
    """
    yield path, record
    for field in attrs.fields(type(record)):
        constraint = constraint_of(field)
        if isinstance(constraint, Optional):
            constraint = constraint.inner
        value = getattr(record, field.name)
        if isinstance(constraint, Nested) and value is not None:
            yield from parts(value, f"{path}{'.' if path else ''}{field.name}")
        elif isinstance(constraint, Many) and isinstance(constraint.inner, Nested):
            for index, item in enumerate(value):
                yield from parts(item, f"{path}{'.' if path else ''}{field.name}[{index}]")


def declared_types() -> tuple[tuple[type[Any], ...], tuple[type[Any], ...]]:
    """Every record class (the kinds' first, then the nested ones) and every enumeration.

    Found by following the field declarations from the kinds' record classes, in order.
    """
    classes: list[type[Any]] = [kind.record for kind in KINDS]
    enums: list[type[Any]] = []
    for cls in classes:  # grows while it is walked
        for field in attrs.fields(cls):
            constraint = constraint_of(field)
            while isinstance(constraint, Optional | Many):
                constraint = constraint.inner
            if isinstance(constraint, Nested) and constraint.cls not in classes:
                classes.append(constraint.cls)
            elif isinstance(constraint, OneOf) and constraint.enum not in enums:
                enums.append(constraint.enum)
    return tuple(classes), tuple(enums)
