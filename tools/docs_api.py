"""A Griffe extension for the API reference: the public collections as a reader uses them.

`Events`, `Actors` and the other public collections get most of their queries from private,
generic base classes (`_Dated`, `_Verifiable`, `_Named`) that the reference does not show. This
extension copies each public method of a private base onto every public collection that
inherits it, with the base's type variables replaced by the record type (`resolve(name: N |
str) -> N` on `Actors` becomes `resolve(name: Actor | str) -> Actor`) and `Self` by the
collection's class, and gives each collection a constructor signature with its own record type
(`Iterable[Event]`, not `Iterable[R]`). The methods that `Collection` itself defines stay
documented there, once.

mkdocs.yml loads it in the mkdocstrings handler's `extensions`; `tests/test_docs.py` checks it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import griffe

MODULE = "_collections"
BASE = "Collection"


def _substitute(expression: Any, mapping: dict[str, griffe.Expr]) -> Any:
    """The expression with every type variable named in `mapping` replaced by its value."""
    if isinstance(expression, griffe.ExprName):
        return mapping.get(expression.name, expression)
    if isinstance(expression, list):
        return [_substitute(item, mapping) for item in expression]
    if isinstance(expression, griffe.Expr) and dataclasses.is_dataclass(expression):
        changes = {
            field.name: _substitute(getattr(expression, field.name), mapping)
            for field in dataclasses.fields(expression)
            if field.name != "parent"
        }
        return dataclasses.replace(expression, **changes)
    return expression


def _own_parameter(cls: griffe.Class) -> str | None:
    """The type variable a generic class passes to its base (`D` for `_Dated(_Verifiable[D])`)."""
    for base in cls.bases:
        if isinstance(base, griffe.ExprSubscript) and isinstance(base.slice, griffe.ExprName):
            return base.slice.name
    return None


def _type_arguments(
    cls: griffe.Class, module: griffe.Module, mapping: dict[str, griffe.Expr]
) -> dict[str, griffe.Expr]:
    """Map the type variable of every base of `cls`, transitively, to what it stands for."""
    for base in cls.bases:
        if not isinstance(base, griffe.ExprSubscript):
            continue
        target = module.members.get(str(base.left))
        if not isinstance(target, griffe.Class):
            continue
        parameter = _own_parameter(target)
        if parameter and parameter not in mapping:
            mapping[parameter] = _substitute(base.slice, mapping)
            _type_arguments(target, module, mapping)
    return mapping


def _copy(
    function: griffe.Function,
    parent: griffe.Class,
    mapping: dict[str, griffe.Expr],
    *,
    docstring: bool = True,
) -> griffe.Function:
    """A copy of a method for another class, its annotations made concrete."""
    parameters = griffe.Parameters(
        *(
            griffe.Parameter(
                p.name,
                annotation=_substitute(p.annotation, mapping),
                kind=p.kind,
                default=p.default,
                docstring=p.docstring,
            )
            for p in function.parameters
        )
    )
    copy = griffe.Function(
        function.name,
        lineno=function.lineno,
        endlineno=function.endlineno,
        parameters=parameters,
        returns=_substitute(function.returns, mapping),
        decorators=function.decorators,
        lines_collection=function.lines_collection,
        modules_collection=function.modules_collection,
    )
    copy.labels = set(function.labels)
    if docstring and function.docstring:
        original = function.docstring
        copy.docstring = griffe.Docstring(
            original.value,
            lineno=original.lineno,
            endlineno=original.endlineno,
            parent=copy,
            parser=original.parser,
            parser_options=original.parser_options,
        )
    parent.set_member(copy.name, copy)
    return copy


def public_collections(module: griffe.Module) -> list[griffe.Class]:
    """The public classes of the collections module that derive from `Collection`."""
    found = []
    for cls in module.classes.values():
        if cls.name.startswith("_") or cls.name == BASE:
            continue
        if any(ancestor.name == BASE for ancestor in cls.mro()):
            found.append(cls)
    return found


def complete(module: griffe.Module) -> None:
    """Give every public collection its inherited queries and constructor, made concrete."""
    for cls in public_collections(module):
        mapping = _type_arguments(cls, module, {"Self": griffe.ExprName(cls.name, parent=module)})
        for ancestor in cls.mro():
            if not ancestor.name.startswith("_"):
                continue
            for name, member in ancestor.members.items():
                if name.startswith("_") or name in cls.members:
                    continue
                if isinstance(member, griffe.Function):
                    _copy(member, cls, mapping)
        init = next(
            (c.members["__init__"] for c in [cls, *cls.mro()] if "__init__" in c.members), None
        )
        if isinstance(init, griffe.Function):
            own = init.parent is cls
            _copy(init, cls, mapping, docstring=own and init.docstring is not None)


class PublicCollections(griffe.Extension):
    """Complete the public collections of `ru_so_relations` once the package is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Complete the collections module of the package, if this is the package."""
        if pkg.name == "ru_so_relations" and MODULE in pkg.members:
            module = pkg.members[MODULE]
            if isinstance(module, griffe.Module):
                complete(module)
