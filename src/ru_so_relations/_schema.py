"""The JSON Schema (draft 2020-12) of the dataset format, generated from the record classes."""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Final, Union, get_args, get_origin

import attrs

from ru_so_relations import _models
from ru_so_relations._dataset import COLLECTIONS
from ru_so_relations._dates import PartialDate

SCHEMA_ID: Final = "https://ru-so-relations.invalid/schema/dataset.json"
"""The schema's `$id`: a name, not an address to fetch (`.invalid` is reserved)."""

_EDTF_POINT = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_PATTERNS: Final[dict[Any, dict[str, Any]]] = {
    _models._slug: {"type": "string", "pattern": "^" + _models._SLUG_RE.pattern + "$"},
    _models._language: {"type": "string", "pattern": "^" + _models._LANGUAGE_RE.pattern + "$"},
    _models._url: {"type": "string", "pattern": "^" + _models._URL_RE.pattern + "$"},
    _models._text: {"type": "string", "minLength": 1, "pattern": r"^\S([\s\S]*\S)?$"},
}
_RECORDS: Final = {
    "sources": _models.Source,
    "actors": _models.Actor,
    "places": _models.Place,
    "offices": _models.Office,
    "stances": _models.Stance,
    "agreements": _models.Agreement,
    "events": _models.Event,
}


def _doc(cls: type) -> str:
    return " ".join((cls.__doc__ or "").split("\n\n")[0].split())


class _Builder:
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
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self.field(hints[field.name], field.validator)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "description": _doc(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if cls is _models.Identifier:
            out["allOf"] = [
                {
                    "if": {"properties": {"scheme": {"const": scheme.value}}},
                    "then": {"properties": {"value": {"pattern": f"^{pattern.pattern}$"}}},
                }
                for scheme, pattern in _models._IDENTIFIER_PATTERNS.items()
            ]
        return out

    def field(self, hint: Any, validator: Any) -> dict[str, Any]:
        origin, args = get_origin(hint), get_args(hint)
        if origin in (Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            assert len(inner) == 1, hint
            inner_validator = {
                _models._optional_text: _models._text,
                _models._optional_slug: _models._slug,
            }.get(validator, getattr(validator, "validator", validator))  # optional(...)
            return {"anyOf": [self.field(inner[0], inner_validator), {"type": "null"}]}
        if origin is tuple:
            item_validator = {
                _models._slugs: _models._slug,
                _models._texts: _models._text,
            }.get(validator)
            schema: dict[str, Any] = {"type": "array", "items": self.field(args[0], item_validator)}
            if validator in (_models._slugs, _models._texts):
                schema["uniqueItems"] = True
            if validator is _models._cited:
                schema["minItems"] = 1
            return schema
        if hint is PartialDate:
            return {
                "type": "string",
                "description": "An EDTF level 0 date: a year, a month or a day, or a span of two.",
                "pattern": f"^{_EDTF_POINT}(/{_EDTF_POINT})?$",
            }
        if isinstance(hint, type) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
            return self.ref(hint)
        if hint is bool:
            return {"type": "boolean"}
        if hint is str:
            return dict(_PATTERNS.get(validator, {"type": "string"}))
        msg = f"no JSON Schema for {hint!r}"  # pragma: no cover - every field type is handled
        raise TypeError(msg)


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
        >>> list(schema["properties"])
        ['version', 'sources', 'actors', 'places', 'offices', 'stances', 'agreements', 'events']
        >>> schema["properties"]["events"]["items"]
        {'$ref': '#/$defs/Event'}
    """
    builder = _Builder()
    properties: dict[str, Any] = {
        "version": {"type": "string", "minLength": 1, "description": "The data version."}
    }
    for name in COLLECTIONS:
        properties[name] = {"type": "array", "items": builder.ref(_RECORDS[name])}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ru_so_relations dataset",
        "description": (
            "A dataset of Russia–South Ossetia relations: sources, actors, places, offices, "
            "stances, agreements and events that refer to each other by id."
        ),
        "type": "object",
        "properties": properties,
        "required": ["version", *COLLECTIONS],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
