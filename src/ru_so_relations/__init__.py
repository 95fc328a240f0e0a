"""A curated, sourced and typed dataset of Russia–South Ossetia relations.

Examples:
    >>> import ru_so_relations as rso
    >>> ds = rso.load()
    >>> ds.events.between("2008-08-26").of_kind("recognition")[0].title
    'Russia recognises the independence of South Ossetia and Abkhazia'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ru_so_relations._citation import cite
    from ru_so_relations._codec import dumps, loads
    from ru_so_relations._collections import (
        Actors,
        Agreements,
        Collection,
        Events,
        Figures,
        Offices,
        Places,
        Publishers,
        Sources,
        Stances,
    )
    from ru_so_relations._dataset import Dataset
    from ru_so_relations._dates import DateLike, PartialDate, Precision
    from ru_so_relations._errors import DataError
    from ru_so_relations._io import dump, load
    from ru_so_relations._models import (
        Actor,
        ActorKind,
        Agreement,
        AgreementLevel,
        AgreementType,
        Alternative,
        Citation,
        Event,
        EventKind,
        Figure,
        Identifier,
        IdentifierScheme,
        Measure,
        Name,
        Office,
        Participant,
        Place,
        PlaceKind,
        Publisher,
        Qualifier,
        Role,
        Source,
        Stance,
        StancePosition,
        Tenure,
        Verification,
    )
    from ru_so_relations._schema import json_schema
    from ru_so_relations._version import DATA_VERSION

_LAZY: dict[str, str] = {
    "Actor": "ru_so_relations._models",
    "ActorKind": "ru_so_relations._models",
    "Actors": "ru_so_relations._collections",
    "Agreement": "ru_so_relations._models",
    "AgreementLevel": "ru_so_relations._models",
    "AgreementType": "ru_so_relations._models",
    "Agreements": "ru_so_relations._collections",
    "Alternative": "ru_so_relations._models",
    "Citation": "ru_so_relations._models",
    "Collection": "ru_so_relations._collections",
    "DATA_VERSION": "ru_so_relations._version",
    "DataError": "ru_so_relations._errors",
    "Dataset": "ru_so_relations._dataset",
    "DateLike": "ru_so_relations._dates",
    "Event": "ru_so_relations._models",
    "EventKind": "ru_so_relations._models",
    "Events": "ru_so_relations._collections",
    "Figure": "ru_so_relations._models",
    "Figures": "ru_so_relations._collections",
    "Identifier": "ru_so_relations._models",
    "IdentifierScheme": "ru_so_relations._models",
    "Measure": "ru_so_relations._models",
    "Name": "ru_so_relations._models",
    "Office": "ru_so_relations._models",
    "Offices": "ru_so_relations._collections",
    "PartialDate": "ru_so_relations._dates",
    "Participant": "ru_so_relations._models",
    "Place": "ru_so_relations._models",
    "PlaceKind": "ru_so_relations._models",
    "Places": "ru_so_relations._collections",
    "Precision": "ru_so_relations._dates",
    "Publisher": "ru_so_relations._models",
    "Publishers": "ru_so_relations._collections",
    "Qualifier": "ru_so_relations._models",
    "Role": "ru_so_relations._models",
    "Source": "ru_so_relations._models",
    "Sources": "ru_so_relations._collections",
    "Stance": "ru_so_relations._models",
    "StancePosition": "ru_so_relations._models",
    "Stances": "ru_so_relations._collections",
    "Tenure": "ru_so_relations._models",
    "Verification": "ru_so_relations._models",
    "cite": "ru_so_relations._citation",
    "dump": "ru_so_relations._io",
    "dumps": "ru_so_relations._codec",
    "json_schema": "ru_so_relations._schema",
    "load": "ru_so_relations._io",
    "loads": "ru_so_relations._codec",
}
"""Where each public name lives; it is imported on first use, so importing is cheap."""

__all__ = [
    "DATA_VERSION",
    "Actor",
    "ActorKind",
    "Actors",
    "Agreement",
    "AgreementLevel",
    "AgreementType",
    "Agreements",
    "Alternative",
    "Citation",
    "Collection",
    "DataError",
    "Dataset",
    "DateLike",
    "Event",
    "EventKind",
    "Events",
    "Figure",
    "Figures",
    "Identifier",
    "IdentifierScheme",
    "Measure",
    "Name",
    "Office",
    "Offices",
    "PartialDate",
    "Participant",
    "Place",
    "PlaceKind",
    "Places",
    "Precision",
    "Publisher",
    "Publishers",
    "Qualifier",
    "Role",
    "Source",
    "Sources",
    "Stance",
    "StancePosition",
    "Stances",
    "Tenure",
    "Verification",
    "cite",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from ru_so_relations._version import __version__

        return __version__
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
