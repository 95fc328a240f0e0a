"""A curated, sourced and typed dataset of Russia–South Ossetia relations.

Examples:
    >>> import ru_so_relations as rso
    >>> ds = rso.load()
    >>> ds.events.between("2008-08-26").of_kind("recognition")[0].title
    'Russia recognises the independence of South Ossetia and Abkhazia'
"""

from __future__ import annotations

from typing import Any

from ru_so_relations._citation import cite
from ru_so_relations._collections import (
    Actors,
    Agreements,
    Collection,
    Events,
    Offices,
    Places,
    Sources,
    Stances,
)
from ru_so_relations._dataset import DATA_VERSION, Dataset
from ru_so_relations._dates import DateLike, PartialDate, Precision
from ru_so_relations._errors import DataError
from ru_so_relations._io import dump, dumps, load, loads
from ru_so_relations._models import (
    Actor,
    ActorKind,
    Agreement,
    AgreementType,
    Alternative,
    Citation,
    Event,
    EventKind,
    Identifier,
    IdentifierScheme,
    Name,
    Office,
    Participant,
    Place,
    PlaceKind,
    Role,
    Source,
    Stance,
    StancePosition,
    Tenure,
    Verification,
)
from ru_so_relations._schema import json_schema

__all__ = [
    "DATA_VERSION",
    "Actor",
    "ActorKind",
    "Actors",
    "Agreement",
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
    "Identifier",
    "IdentifierScheme",
    "Name",
    "Office",
    "Offices",
    "PartialDate",
    "Participant",
    "Place",
    "PlaceKind",
    "Places",
    "Precision",
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
    if name == "__version__":
        from importlib.metadata import version

        return version("ru-so-relations")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
