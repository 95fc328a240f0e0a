"""The one cattrs converter between records and JSON-compatible data, with strict hooks.

This module imports cattrs; the package imports it only when data is first read or written.
"""

from __future__ import annotations

import decimal
import enum
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ru_so_relations._dates import PartialDate
from ru_so_relations._errors import FieldError, json_type
from ru_so_relations._fields import number_from_json

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


def _strict(kind: type[Any], expected: str) -> Callable[[object, type], Any]:
    """A structure hook that accepts only values of exactly this JSON type, never converting.

    cattrs' default hooks call `str()`, `int()` or `bool()`, turning `42` into `"42"` and
    `null` into `"None"`; these reject them instead. `bool` is not accepted as an integer.
    """

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            msg = f"expected {expected}, got {json_type(value)}"
            raise TypeError(msg)
        return value

    return structure


def _structure_date(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected a date string such as '2009-08-13', got {json_type(value)}"
        raise TypeError(msg)
    return PartialDate.parse(value)


def _structure_enum(value: object, enum_type: type[enum.Enum]) -> enum.Enum:
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in enum_type)
        msg = f"{value!r} is not a valid {enum_type.__name__}; expected one of {allowed}"
        raise ValueError(msg) from None


def _structure_number(value: object, _: Any) -> int | decimal.Decimal:
    """A JSON number as an exact number (see `_fields.number_from_json`).

    The field's validator then checks it.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        return number_from_json(value)
    if isinstance(value, decimal.Decimal):
        return value
    msg = f"expected a number, got {json_type(value)}"
    raise TypeError(msg)


def _structure_number_or_none(value: object, type_: Any) -> int | decimal.Decimal | None:
    if value is None and type(None) in get_args(type_):
        return None
    return _structure_number(value, type_)


def _unstructure_number(value: decimal.Decimal) -> float:
    # a field's Decimal is a fraction of at most 15 significant digits and decimal places,
    # so the float's shortest representation is its digits
    return float(value)


def _is_number_type(type_: Any) -> bool:
    args = set(get_args(type_))
    return bool(args) and decimal.Decimal in args and args <= {int, decimal.Decimal, type(None)}


def _is_var_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _var_tuple_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: object, target: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            msg = f"expected an array, got {json_type(value)}"
            raise TypeError(msg)
        return inner(value, target)  # type: ignore[no-any-return]

    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    converter.register_structure_hook_func(_is_number_type, _structure_number_or_none)
    converter.register_structure_hook(decimal.Decimal, _structure_number)
    converter.register_unstructure_hook(decimal.Decimal, _unstructure_number)
    converter.register_structure_hook_factory(_is_var_tuple, _var_tuple_factory)
    converter.register_unstructure_hook_func(
        _is_var_tuple, lambda v: [converter.unstructure(i) for i in v]
    )
    return converter


converter: Final = _make_converter()
"""The library's converter. Records unstructure to dicts keyed by attribute name."""


def error_messages(exc: BaseException, path: str = "") -> Iterator[str]:
    """Turn a structuring error into `path: message` lines, one per problem.

    Unlike `cattrs.transform_error`, this keeps the message of an attrs validator's error and
    names the field it concerns.

    Args:
        exc: The exception raised by `converter.structure`.
        path: The path of the structured value, e.g. `actors[0]`; empty for the top.

    Yields:
        One line per problem, e.g. `date: '2009-02-30' is not a valid date`.
    """
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                inner_path = f"{path}.{note.name}" if path else note.name
            elif isinstance(note, IterableValidationNote):
                inner_path = f"{path}[{note.index}]"
            else:  # pragma: no cover - cattrs only attaches these two notes
                inner_path = path
            yield from error_messages(inner, inner_path)
        for inner in without_notes:
            yield from error_messages(inner, path)
        return
    yield _one_message(exc, path)


def _one_message(exc: BaseException, path: str) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        names = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        message = f"unknown field{'s' if len(exc.extra_fields) > 1 else ''} {names}"
    elif isinstance(exc, KeyError):
        message = "required field is missing"
    elif (
        isinstance(exc, TypeError)
        and len(exc.args) >= 2
        and isinstance(exc.args[1], attrs.Attribute)
    ):
        # attrs.validators.instance_of: (message, attribute, expected type, value)
        field = exc.args[1].name
        path = f"{path}.{field}" if path else field
        message = f"expected {exc.args[2].__name__}, got {json_type(exc.args[3])}"
    elif isinstance(exc, FieldError):
        path = f"{path}.{exc.field}" if path else exc.field
        message = exc.message
    else:
        message = str(exc) or type(exc).__name__
    return f"{path}: {message}" if path else message
