"""What each field of a record accepts, declared once.

A record class declares each field with one constraint as its attrs validator, e.g.
`id: str = attrs.field(validator=SLUG)`. Everything that needs to know what a field accepts
reads that one object:

- attrs calls it when a record is made in Python, and it raises `TypeError` or `ValueError`
  (as `FieldTypeError` or `FieldError`) naming the field;
- the fast path from parsed JSON (`_fast`) asks it to convert a JSON value, with the same
  checks, and builds nested records and tuples from its structure;
- the JSON Schema (`_schema`) asks it for its schema;
- the record walker (`_registry`) asks it which fields refer to which kind of record.

Rules that span several fields (a disputed record has alternatives, a span does not end
before it starts) are the records' `__attrs_post_init__`, which the fast path calls too.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from typing import TYPE_CHECKING, Any, Final

from ru_so_relations._dates import PartialDate
from ru_so_relations._errors import FieldError, FieldTypeError

if TYPE_CHECKING:
    import enum

    import attrs


class NotFast(Exception):
    """The fast path does not accept this JSON value; the converter builds or reports it."""


def _type_name(value: object) -> str:
    return type(value).__name__


def _a(name: str) -> str:
    """The name with its indefinite article: `a Name`, `an Identifier`."""
    return f"{'an' if name[0] in 'AEIOUaeiou' else 'a'} {name}"


class Constraint:
    """What values one field accepts: a check, a conversion from JSON and a JSON Schema.

    Instances are attrs validators: attrs calls them with the instance, the attribute and
    the value.
    """

    __slots__ = ()

    def check(self, field: str, value: Any) -> None:
        """Raise `FieldTypeError` or `FieldError`, naming `field`, unless the value is valid."""
        raise NotImplementedError

    def from_json(self, value: Any) -> Any:
        """The field's value for a parsed JSON value; raise `NotFast` if not accepted.

        Only scalar constraints convert; records and tuples of them are built by the fast
        path from `Nested` and `Many`.
        """
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the field's JSON value (records are referred to by name)."""
        raise NotImplementedError

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        self.check(attribute.name, value)

    @property
    def optional(self) -> Optional:
        """The same constraint, also accepting `None`."""
        return Optional(self)


class Optional(Constraint):
    """`None`, or a value the inner constraint accepts."""

    __slots__ = ("_inner_from_json", "inner")

    def __init__(self, inner: Constraint) -> None:
        self.inner = inner
        self._inner_from_json = inner.from_json

    def check(self, field: str, value: Any) -> None:
        if value is not None:
            self.inner.check(field, value)

    def from_json(self, value: Any) -> Any:
        return None if value is None else self._inner_from_json(value)

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.schema(), {"type": "null"}]}

    def __repr__(self) -> str:
        return f"{self.inner!r}.optional"


def is_text(value: object) -> bool:
    """Whether a value is non-empty text without white space at either end."""
    return isinstance(value, str) and value != "" and value == value.strip()


class Text(Constraint):
    """Non-empty text that neither starts nor ends with white space."""

    __slots__ = ()

    def check(self, field: str, value: Any) -> None:
        if is_text(value):
            return
        if not isinstance(value, str):
            raise FieldTypeError(field, f"must be a string, not {_type_name(value)}")
        if not value.strip():
            raise FieldError(field, "must be a non-empty string")
        raise FieldError(field, f"must not start or end with white space: {value!r}")

    def from_json(self, value: Any) -> Any:
        if type(value) is str and value != "" and value == value.strip():
            return value
        raise NotFast

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "pattern": r"^\S([\s\S]*\S)?$"}

    def __repr__(self) -> str:
        return "TEXT"


class Pattern(Constraint):
    """Text that matches a regular expression as a whole."""

    __slots__ = ("_seen", "message", "name", "regex")

    _SEEN_MAX: Final = 1 << 17

    def __init__(self, name: str, pattern: str, message: str) -> None:
        self.name = name
        self.regex = re.compile(pattern)
        self.message = message
        """The error message; `{value!r}` stands for the value."""
        # values seen valid: most ids in a file are references to a few thousand records,
        # so a set lookup replaces most matches. Bounded, and only ever holds valid values.
        self._seen: set[str] = set()

    def accepts(self, value: object) -> bool:
        """Whether the value is text that matches the pattern."""
        if value in self._seen:
            return True
        if not isinstance(value, str) or self.regex.fullmatch(value) is None:
            return False
        if len(self._seen) < self._SEEN_MAX:
            self._seen.add(value)
        return True

    def check(self, field: str, value: Any) -> None:
        if self.accepts(value):
            return
        if not isinstance(value, str):
            raise FieldTypeError(field, f"must be a string, not {_type_name(value)}")
        raise FieldError(field, self.message.format(value=value))

    def from_json(self, value: Any) -> Any:
        if value in self._seen or (type(value) is str and self.accepts(value)):
            return value
        raise NotFast

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.regex.pattern}$"}

    def __repr__(self) -> str:
        return self.name


class Ref(Constraint):
    """The id of a record of another collection (a slug); the walker follows it."""

    __slots__ = ("slug", "target")

    def __init__(self, target: str, slug: Pattern) -> None:
        self.target = target
        """The registry key of the collection referred to, e.g. `actors`."""
        self.slug = slug

    def check(self, field: str, value: Any) -> None:
        self.slug.check(field, value)

    def from_json(self, value: Any) -> Any:
        return self.slug.from_json(value)

    def schema(self) -> dict[str, Any]:
        return self.slug.schema()

    def __repr__(self) -> str:
        return f"Ref({self.target!r})"


class OneOf(Constraint):
    """A member of an enumeration (in JSON, its value)."""

    __slots__ = ("enum", "members")

    def __init__(self, enum_type: type[enum.Enum]) -> None:
        self.enum = enum_type
        self.members = {member.value: member for member in enum_type}

    def check(self, field: str, value: Any) -> None:
        if not isinstance(value, self.enum):
            msg = f"must be {_a(self.enum.__name__)}, not {_type_name(value)}"
            raise FieldTypeError(field, msg)

    def from_json(self, value: Any) -> Any:
        if type(value) is str:
            member = self.members.get(value)
            if member is not None:
                return member
        raise NotFast

    def schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.enum.__name__}"}

    def __repr__(self) -> str:
        return f"OneOf({self.enum.__name__})"


@functools.lru_cache(maxsize=1 << 16)
def _date(text: str) -> PartialDate:
    # partial dates are immutable, so one object stands for every equal date; invalid
    # text raises and is not cached
    return PartialDate.parse(text)


_EDTF_POINT: Final = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"


class Date(Constraint):
    """A [`PartialDate`][ru_so_relations.PartialDate]; in JSON, its EDTF text."""

    __slots__ = ()

    def check(self, field: str, value: Any) -> None:
        if isinstance(value, PartialDate):
            return
        hint = ""
        if isinstance(value, str):
            hint = f"; to read text, use PartialDate.parse({value!r})"
        msg = f"must be a PartialDate, not {_type_name(value)}{hint}"
        raise FieldTypeError(field, msg)

    def from_json(self, value: Any) -> Any:
        if type(value) is not str:
            raise NotFast
        return _date(value)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "description": "An EDTF level 0 date: a year, a month or a day, or a span of two.",
            "pattern": f"^{_EDTF_POINT}(/{_EDTF_POINT})?$",
        }

    def __repr__(self) -> str:
        return "DATE"


class Flag(Constraint):
    """`True` or `False`."""

    __slots__ = ()

    def check(self, field: str, value: Any) -> None:
        if not isinstance(value, bool):
            raise FieldTypeError(field, f"must be True or False, not {_type_name(value)}")

    def from_json(self, value: Any) -> Any:
        if type(value) is bool:
            return value
        raise NotFast

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def __repr__(self) -> str:
        return "FLAG"


class Number(Constraint):
    """An exact number: an `int`, or a `decimal.Decimal` for a fraction; in JSON, a number.

    A fraction has at most 15 significant digits and 15 decimal places, and is written
    without trailing zeros (`Decimal("90.5")`, not `Decimal("90.50")`): what a JSON reader's
    double keeps exactly, so a number read back is the number written, digit for digit. A
    whole number is an `int`.
    """

    __slots__ = ()

    DIGITS: Final = 15

    def problem(self, value: decimal.Decimal) -> str | None:
        """What is wrong with a `Decimal` as a value of this field, or `None`."""
        if not value.is_finite():
            return f"must be a finite number, not {value}"
        if value == value.to_integral_value():
            return f"{value} is a whole number: give it as an int"
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # finite
        if len(digits) > self.DIGITS or -exponent > self.DIGITS:
            return f"{value} has more than {self.DIGITS} significant digits or decimal places"
        if digits[-1] == 0:
            return f"{value} has trailing zeros: write Decimal({str(value.normalize())!r})"
        return None

    def check(self, field: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | decimal.Decimal):
            hint = " (for a fraction, use decimal.Decimal)" if isinstance(value, float) else ""
            msg = f"must be an int or a Decimal, not {_type_name(value)}{hint}"
            raise FieldTypeError(field, msg)
        if isinstance(value, decimal.Decimal):
            problem = self.problem(value)
            if problem is not None:
                raise FieldError(field, problem)

    def from_json(self, value: Any) -> Any:
        kind = type(value)
        if kind is int:
            return value
        if kind is float:
            number = number_from_json(value)
            if isinstance(number, int) or self.problem(number) is None:
                return number
        raise NotFast

    def schema(self) -> dict[str, Any]:
        return {"type": "number"}

    def __repr__(self) -> str:
        return "NUMBER"


def number_from_json(value: float) -> int | decimal.Decimal:
    """The exact number a JSON number read as a float stands for.

    A whole number below 2**53 is an `int`; any other finite float is the `Decimal` of its
    shortest representation (`0.1` is `Decimal('0.1')`). Raises `ValueError` for NaN or
    infinity.
    """
    if not math.isfinite(value):
        msg = f"{value} is not a finite number"
        raise ValueError(msg)
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return decimal.Decimal(repr(value))


class Nested(Constraint):
    """A record of another class, e.g. a `Citation`; in JSON, an object."""

    __slots__ = ("cls",)

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls

    def check(self, field: str, value: Any) -> None:
        if not isinstance(value, self.cls):
            msg = f"must be {_a(self.cls.__name__)}, not {_type_name(value)}"
            raise FieldTypeError(field, msg)

    def from_json(self, value: Any) -> Any:
        raise NotFast  # the fast path builds records itself

    def schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.cls.__name__}"}

    def __repr__(self) -> str:
        return f"Nested({self.cls.__name__})"


class Many(Constraint):
    """A tuple of values that one constraint accepts; in JSON, an array."""

    __slots__ = ("at_least_one", "inner", "unique", "unique_by")

    def __init__(
        self,
        inner: Constraint,
        *,
        unique: bool = False,
        unique_by: str | None = None,
        at_least_one: str | None = None,
    ) -> None:
        self.inner = inner
        self.unique = unique
        """Whether no item may appear twice."""
        self.unique_by = unique_by
        """The attribute of nested records that no two items may share, e.g. `actor`."""
        self.at_least_one = at_least_one
        """If set, the tuple may not be empty, and this is the message when it is."""

    def check(self, field: str, value: Any) -> None:
        if not isinstance(value, tuple):
            raise FieldTypeError(field, f"must be a tuple, not {_type_name(value)}")
        inner = self.inner
        for index, item in enumerate(value):
            inner.check(f"{field}[{index}]", item)
        self.check_items(field, value)

    def check_items(self, field: str, value: tuple[Any, ...]) -> None:
        """The checks on the tuple as a whole: not empty, no repeats."""
        if not value:
            if self.at_least_one is not None:
                raise FieldError(field, self.at_least_one)
            return
        if len(value) < 2:
            return
        if self.unique and len(set(value)) != len(value):
            raise FieldError(field, f"{_first_repeat(value)!r} is listed twice")
        if self.unique_by is not None:
            keys = [getattr(item, self.unique_by) for item in value]
            if len(set(keys)) != len(keys):
                repeat = _first_repeat(keys)
                raise FieldError(field, f"{self.unique_by} {repeat!r} is listed twice")

    def from_json(self, value: Any) -> Any:
        raise NotFast  # the fast path builds tuples itself, with `check_items`

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.inner.schema()}
        if self.unique:
            out["uniqueItems"] = True
        if self.at_least_one is not None:
            out["minItems"] = 1
        return out

    def __repr__(self) -> str:
        return f"Many({self.inner!r})"


def _first_repeat(values: Any) -> Any:
    seen: set[Any] = set()
    for item in values:
        if item in seen:
            return item
        seen.add(item)
    return None  # pragma: no cover - called only when there is a repeat


SLUG: Final = Pattern(
    "SLUG",
    r"[a-z0-9]+(?:-[a-z0-9]+)*",
    "{value!r} is not a valid id: use lowercase letters, digits and single hyphens",
)
"""A record id: lowercase letters, digits and single hyphens."""

LANGUAGE: Final = Pattern(
    "LANGUAGE",
    r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*",
    "{value!r} is not a language code such as 'en', 'ru', 'os' or 'ka'",
)
"""An ISO 639 language code, optionally with subtags (`en`, `ru`, `os`, `ka`, `sr-Latn`)."""

HOST: Final = Pattern(
    "HOST",
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?",
    "{value!r} is not a host name such as 'tass.ru' (lowercase, no scheme, no path)",
)
"""A web host name in lowercase, such as `tass.ru` (without scheme, port or path)."""

UNIT: Final = Pattern(
    "UNIT",
    r"[A-Z]{3}|[a-z]+(?:[ _][a-z]+)*",
    "{value!r} is not a unit: an ISO 4217 currency code such as 'RUB', or a plain unit in "
    "lowercase such as 'people' or 'percent'",
)
"""The unit of a figure: an ISO 4217 currency code (`RUB`, `USD`, `EUR`) for money, else a
plain lowercase unit such as `people`, `troops` or `percent`."""

URL: Final = Pattern(
    "URL",
    r"https?://[^\s/?#{}]+[^\s{}]*",
    "{value!r} is not an http or https URL "
    "(no white space, no braces such as a template's {{{{url}}}})",
)
"""An http or https URL without white space or braces (a template placeholder left in)."""

TEXT: Final = Text()
DATE: Final = Date()
FLAG: Final = Flag()
NUMBER: Final = Number()


def ref(target: str) -> Ref:
    """A field that holds the id of a record of the collection `target` (a registry key)."""
    return Ref(target, SLUG)


def refs(target: str) -> Many:
    """A tuple of distinct ids of records of the collection `target`."""
    return Many(ref(target), unique=True)


def texts() -> Many:
    """A tuple of distinct texts."""
    return Many(TEXT, unique=True)


def records(cls: type[Any], **options: Any) -> Many:
    """A tuple of nested records of one class (options as for `Many`)."""
    return Many(Nested(cls), **options)


def constraint_of(attribute: attrs.Attribute[Any]) -> Constraint | None:
    """The constraint a record field is declared with, or `None` if it has another validator."""
    validator = attribute.validator
    return validator if isinstance(validator, Constraint) else None
