"""The JSON Schema (draft 2020-12) of the dataset format, generated from the record classes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from ru_so_relations._fields import Many, Nested, OneOf, Optional, constraint_of
from ru_so_relations._models import IDENTIFIER_PATTERNS, Identifier
from ru_so_relations._registry import KEYS, KINDS

if TYPE_CHECKING:
    import enum

    from ru_so_relations._fields import Constraint

SCHEMA_ID: Final = "https://ru-so-relations.invalid/schema/dataset.json"
"""The schema's `$id`: a name, not an address to fetch (`.invalid` is reserved)."""


def _doc(cls: type) -> str:
    return " ".join((cls.__doc__ or "").split("\n\n")[0].split())


class _Builder:
    """Collects the definitions of the record classes and enums that fields refer to."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name against recursion
            self.defs[name] = self.record(cls) if attrs.has(cls) else self.enum(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        return {
            "description": _doc(cls),
            "type": "string",
            "enum": [member.value for member in cls],
        }

    def record(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            constraint = constraint_of(field)
            if constraint is None:  # pragma: no cover - a test checks every field has one
                msg = f"{cls.__name__}.{field.name} declares no constraint"
                raise TypeError(msg)
            self.define(constraint)
            properties[field.name] = constraint.schema()
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "description": _doc(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if cls is Identifier:
            out["allOf"] = [
                {
                    "if": {"properties": {"scheme": {"const": scheme.value}}},
                    "then": {"properties": {"value": {"pattern": f"^{pattern.pattern}$"}}},
                }
                for scheme, pattern in IDENTIFIER_PATTERNS.items()
            ]
        return out

    def define(self, constraint: Constraint) -> None:
        """Add the definitions of the records and enums a constraint refers to."""
        if isinstance(constraint, Optional | Many):
            self.define(constraint.inner)
        elif isinstance(constraint, Nested):
            self.ref(constraint.cls)
        elif isinstance(constraint, OneOf):
            self.ref(constraint.enum)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a dataset file, generated from the record classes.

    The schema checks the shape of every record: field names and types, required fields,
    categories, id, language, URL and date syntax. Rules that span several values (every
    reference resolves, entry into force is not before signature, a confirmed record cites two
    publishers, ...) are checked by [`load`][ru_so_relations.load] and
    `ru-so-relations validate`, not by the schema.

    Returns:
        The schema, as a dict ready for `json.dumps`.

    Examples:
        >>> import ru_so_relations as rso
        >>> schema = rso.json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> list(schema["properties"])  # doctest: +NORMALIZE_WHITESPACE
        ['version', 'publishers', 'sources', 'actors', 'places', 'offices', 'stances',
         'agreements', 'events', 'figures']
        >>> schema["properties"]["events"]["items"]
        {'$ref': '#/$defs/Event'}
    """
    builder = _Builder()
    properties: dict[str, Any] = {
        "version": {"type": "string", "minLength": 1, "description": "The data version."}
    }
    for kind in KINDS:
        properties[kind.key] = {"type": "array", "items": builder.ref(kind.record)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ru_so_relations dataset",
        "description": (
            "A dataset of Russia–South Ossetia relations: publishers, sources, actors, places, "
            "offices, stances, agreements, events and figures that refer to each other by id."
        ),
        "type": "object",
        "properties": properties,
        "required": ["version", *KEYS],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
