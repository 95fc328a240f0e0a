"""Flat tables of a dataset (for CSV, Parquet and data frames) and their Frictionless description.

Every table is a list of rows; every row a dict from column name to a plain value (`str`,
`int`, `bool`, `datetime.date` or `None`). Partial dates appear as the EDTF string plus
`_earliest`, `_latest` and `_precision` columns. Many-to-many relations have link tables.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from ru_so_relations._dates import PartialDate
    from ru_so_relations._registry import Kind

from ru_so_relations._dates import Precision
from ru_so_relations._models import (
    ActorKind,
    AgreementLevel,
    AgreementType,
    Alternative,
    Citation,
    EventKind,
    Measure,
    PlaceKind,
    Qualifier,
    Role,
    StancePosition,
    Verification,
)
from ru_so_relations._registry import KEYS, KINDS, parts

Row = dict[str, Any]

_CATEGORIES: Final[dict[tuple[str, str], list[str]]] = {
    ("*", "verification"): [v.value for v in Verification],
    ("actors", "kind"): [k.value for k in ActorKind],
    ("places", "kind"): [k.value for k in PlaceKind],
    ("events", "kind"): [k.value for k in EventKind],
    ("agreements", "type"): [t.value for t in AgreementType],
    ("agreements", "level"): [v.value for v in AgreementLevel],
    ("agreement_links", "relation"): ["amends", "replaces"],
    ("stances", "position"): [p.value for p in StancePosition],
    ("event_actors", "role"): [r.value for r in Role],
    ("figures", "measure"): [m.value for m in Measure],
    ("figures", "qualifier"): [q.value for q in Qualifier],
    ("figure_actors", "role"): [r.value for r in Role],
    ("agreement_actors", "role"): ["party", "signatory"],
}

# column: (Frictionless type, description)
_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "verification": ("string", "confirmed, single_source, disputed or seed_only"),
    "notes": ("string", "caveats, disagreements and corrections"),
}


def _date_columns(name: str, value: PartialDate | None) -> Row:
    if value is None:
        return {
            name: None,
            f"{name}_earliest": None,
            f"{name}_latest": None,
            f"{name}_precision": None,
        }
    return {
        name: value.isoformat(),
        f"{name}_earliest": value.earliest,
        f"{name}_latest": value.latest,
        f"{name}_precision": value.precision.value,
    }


def _date_fields(name: str, what: str) -> list[tuple[str, str, str]]:
    return [
        (name, "string", f"{what}, as an EDTF date (year, month, day or span)"),
        (f"{name}_earliest", "date", f"the first day {what} may be"),
        (f"{name}_latest", "date", f"the last day {what} may be"),
        (f"{name}_precision", "string", "year, month or day"),
    ]


def _joined(values: Iterable[str]) -> str:
    return " | ".join(values)


class Table:
    """One table: its name, columns (name, Frictionless type, description), keys and rows."""

    def __init__(
        self,
        name: str,
        kind: str | None,
        description: str,
        fields: list[tuple[str, str, str]],
        rows: Callable[..., Iterator[Row]],
        primary_key: list[str],
        foreign_keys: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        """Describe a table.

        Args:
            name: The table's name.
            kind: The key of the kind of record its rows come from, or `None` for a table
                with rows from records of every kind (citations, names, ...).
            description: One sentence.
            fields: (column, Frictionless type, description) for each column.
            rows: Makes the rows from an iterable of records of `kind`; for a table of
                every kind, from the `Kind` and its records.
            primary_key: The columns that identify a row.
            foreign_keys: (column, other table, other column) for each reference.
        """
        self.name = name
        self.kind = kind
        self.description = description
        self.fields = fields
        self._rows = rows
        self.primary_key = primary_key
        self.foreign_keys = list(foreign_keys)

    def rows_of(self, kind: Kind, records: Iterable[Any]) -> Iterator[Row]:
        """The rows this table has for these records of one kind (none if not its kind)."""
        if self.kind is None:
            return self._rows(kind, records)
        if self.kind == kind.key:
            return self._rows(records)
        return iter(())

    def rows(self, collections: Mapping[str, Iterable[Any]]) -> Iterator[Row]:
        """The table's rows for a dataset's records, given by key (e.g. a `Dataset`'s)."""
        for kind in KINDS:
            if self.kind is None or self.kind == kind.key:
                yield from self.rows_of(kind, collections[kind.key])

    @property
    def categories(self) -> dict[str, list[str]]:
        """The columns that hold category values, with every value they may take."""
        out: dict[str, list[str]] = {}
        for column, _, _ in self.fields:
            values = _CATEGORIES.get((self.name, column)) or _CATEGORIES.get(("*", column))
            if values is None and column.endswith("_precision"):
                values = [p.value for p in Precision]
            if values is not None:
                out[column] = values
        return out

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return [f[0] for f in self.fields]

    def resource(self, path: str) -> dict[str, Any]:
        """This table's Frictionless Data Package resource."""
        schema: dict[str, Any] = {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in self.fields],
            "primaryKey": self.primary_key,
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": table, "fields": other}}
                for column, table, other in self.foreign_keys
            ]
        return {
            "name": self.name,
            "path": path,
            "description": self.description,
            "profile": "tabular-data-resource",
            "schema": schema,
        }


def _citations(kind: Kind, records: Iterable[Any]) -> Iterator[Row]:
    for record in records:
        for path, part in parts(record):
            if isinstance(part, Citation) or not hasattr(part, "sources"):
                continue
            for n, citation in enumerate(part.sources):
                yield {
                    "record_type": kind.name,
                    "record_id": record.id,
                    "part": path or "record",
                    "position": n,
                    "source": citation.source,
                    "quote": citation.quote,
                    "locator": citation.locator,
                }


def _names(kind: Kind, records: Iterable[Any]) -> Iterator[Row]:
    for record in records:
        for n, item in enumerate(getattr(record, "names", ())):
            yield {
                "record_type": kind.name,
                "record_id": record.id,
                "position": n,
                "language": item.language,
                "text": item.text,
            }


def _identifiers(kind: Kind, records: Iterable[Any]) -> Iterator[Row]:
    for record in records:
        for item in getattr(record, "identifiers", ()):
            yield {
                "record_type": kind.name,
                "record_id": record.id,
                "scheme": item.scheme.value,
                "value": item.value,
                "source": item.source,
            }


def _alternatives(kind: Kind, records: Iterable[Any]) -> Iterator[Row]:
    for record in records:
        for path, part in parts(record):
            if isinstance(part, Alternative):
                continue
            for n, alt in enumerate(getattr(part, "alternatives", ())):
                yield {
                    "record_type": kind.name,
                    "record_id": record.id,
                    "part": path or "record",
                    "position": n,
                    "field": alt.field,
                    "value": alt.value,
                }


RECORD_REF: Final = [
    ("record_type", "string", ", ".join(k.name for k in KINDS if k.key != "sources")),
    ("record_id", "string", "the id of the record"),
]

TABLES: Final[list[Table]] = [
    Table(
        "publishers",
        "publishers",
        "The publishers of the sources: one row however a publisher's name is spelt.",
        [
            ("id", "string", "the publisher's id"),
            ("name", "string", "the name it is usually cited by"),
            ("aliases", "string", "other names and spellings, separated by ' | '"),
            ("hosts", "string", "web hosts of its own sites, separated by ' | '"),
            ("description", "string", "one neutral sentence"),
        ],
        lambda records: (
            {
                "id": p.id,
                "name": p.name,
                "aliases": _joined(p.aliases),
                "hosts": _joined(p.hosts),
                "description": p.description,
            }
            for p in records
        ),
        ["id"],
    ),
    Table(
        "sources",
        "sources",
        "Every source cited by a record.",
        [
            ("id", "string", "the source's id"),
            ("title", "string", "the document's own title, if it shows one"),
            ("publisher", "string", "id of the original publisher of the text"),
            ("url", "string", "where it can be read"),
            *_date_fields("published", "it was published"),
            ("language", "string", "ISO 639 language code"),
        ],
        lambda records: (
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                **_date_columns("published", s.published),
                "language": s.language,
            }
            for s in records
        ),
        ["id"],
        [("publisher", "publishers", "id")],
    ),
    Table(
        "actors",
        "actors",
        "States, bodies, organisations, units, media and persons.",
        [
            ("id", "string", "the actor's id"),
            ("kind", "string", "ActorKind value"),
            ("name", "string", "usual English name"),
            ("aliases", "string", "other spellings, separated by ' | '"),
            ("part_of", "string", "id of the actor it belongs to (a ministry's government, ...)"),
            ("description", "string", "one neutral sentence"),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": a.id,
                "kind": a.kind.value,
                "name": a.name,
                "aliases": _joined(a.aliases),
                "part_of": a.part_of,
                "description": a.description,
                "verification": a.verification.value,
            }
            for a in records
        ),
        ["id"],
        [("part_of", "actors", "id")],
    ),
    Table(
        "places",
        "places",
        "Places where events happened.",
        [
            ("id", "string", "the place's id"),
            ("kind", "string", "PlaceKind value"),
            ("name", "string", "usual English name"),
            ("aliases", "string", "other spellings and former names, separated by ' | '"),
            ("located_in", "string", "id of the place that contains it"),
            ("description", "string", "one neutral sentence"),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": p.id,
                "kind": p.kind.value,
                "name": p.name,
                "aliases": _joined(p.aliases),
                "located_in": p.located_in,
                "description": p.description,
                "verification": p.verification.value,
            }
            for p in records
        ),
        ["id"],
        [("located_in", "places", "id")],
    ),
    Table(
        "offices",
        "offices",
        "Offices (posts) that persons held.",
        [
            ("id", "string", "the office's id"),
            ("name", "string", "English name of the post"),
            ("organisation", "string", "id of the actor whose post it is"),
        ],
        lambda records: (
            {"id": o.id, "name": o.name, "organisation": o.organisation} for o in records
        ),
        ["id"],
        [("organisation", "actors", "id")],
    ),
    Table(
        "tenures",
        "offices",
        "Who held each office, and when.",
        [
            ("office", "string", "the office's id"),
            ("position", "integer", "order among the office's holders"),
            ("person", "string", "the holder's actor id"),
            *_date_fields("start", "the tenure began"),
            *_date_fields("end", "the tenure ended"),
            ("acting", "boolean", "held in an acting capacity"),
            ("notes", *_FIELDS["notes"]),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "office": o.id,
                "position": n,
                "person": t.person,
                **_date_columns("start", t.start),
                **_date_columns("end", t.end),
                "acting": t.acting,
                "notes": t.notes,
                "verification": t.verification.value,
            }
            for o in records
            for n, t in enumerate(o.holders)
        ),
        ["office", "position"],
        [("office", "offices", "id"), ("person", "actors", "id")],
    ),
    Table(
        "stances",
        "stances",
        "Positions on the status of South Ossetia, attributed to their holders.",
        [
            ("id", "string", "the stance's id"),
            ("holder", "string", "actor id of the position's holder"),
            ("subject", "string", "actor id of what the position is about"),
            ("position", "string", "StancePosition value"),
            *_date_fields("since", "the position was taken"),
            *_date_fields("until", "the position ended"),
            ("summary", "string", "attributed neutral summary"),
            ("notes", *_FIELDS["notes"]),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": s.id,
                "holder": s.holder,
                "subject": s.subject,
                "position": s.position.value,
                **_date_columns("since", s.since),
                **_date_columns("until", s.until),
                "summary": s.summary,
                "notes": s.notes,
                "verification": s.verification.value,
            }
            for s in records
        ),
        ["id"],
        [("holder", "actors", "id"), ("subject", "actors", "id")],
    ),
    Table(
        "stance_events",
        "stances",
        "The events that began or ended each stance.",
        [("stance", "string", "stance id"), ("event", "string", "event id")],
        lambda records: ({"stance": s.id, "event": e} for s in records for e in s.events),
        ["stance", "event"],
        [("stance", "stances", "id"), ("event", "events", "id")],
    ),
    Table(
        "agreements",
        "agreements",
        "Treaties, agreements, protocols, decrees, laws and resolutions.",
        [
            ("id", "string", "the agreement's id"),
            ("title", "string", "English title"),
            ("type", "string", "AgreementType value"),
            ("level", "string", "AgreementLevel value"),
            *_date_fields("signed", "it was signed or adopted"),
            ("place", "string", "id of the place where it was signed"),
            *_date_fields("in_force", "it came into force"),
            *_date_fields("terminated", "it ceased to have effect"),
            ("number", "string", "official number"),
            ("terms", "string", "main terms, separated by ' | '"),
            ("notes", *_FIELDS["notes"]),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": a.id,
                "title": a.title,
                "type": a.type.value,
                "level": a.level.value,
                **_date_columns("signed", a.signed),
                "place": a.place,
                **_date_columns("in_force", a.in_force),
                **_date_columns("terminated", a.terminated),
                "number": a.number,
                "terms": _joined(a.terms),
                "notes": a.notes,
                "verification": a.verification.value,
            }
            for a in records
        ),
        ["id"],
        [("place", "places", "id")],
    ),
    Table(
        "agreement_links",
        "agreements",
        "How agreements change others: which it amends or supplements, which it replaces.",
        [
            ("agreement", "string", "id of the amending or replacing agreement"),
            ("relation", "string", "amends or replaces"),
            ("target", "string", "id of the agreement amended or replaced"),
        ],
        lambda records: (
            {"agreement": a.id, "relation": relation, "target": target}
            for a in records
            for relation, targets in (("amends", a.amends), ("replaces", a.replaces))
            for target in targets
        ),
        ["agreement", "relation", "target"],
        [("agreement", "agreements", "id"), ("target", "agreements", "id")],
    ),
    Table(
        "agreement_actors",
        "agreements",
        "Parties and signatories of each agreement.",
        [
            ("agreement", "string", "agreement id"),
            ("actor", "string", "actor id"),
            ("role", "string", "party or signatory"),
        ],
        lambda records: (
            {"agreement": a.id, "actor": actor, "role": role}
            for a in records
            for role, ids in (("party", a.parties), ("signatory", a.signatories))
            for actor in ids
        ),
        ["agreement", "actor", "role"],
        [("agreement", "agreements", "id"), ("actor", "actors", "id")],
    ),
    Table(
        "events",
        "events",
        "Events, in chronological order.",
        [
            ("id", "string", "the event's id"),
            *_date_fields("date", "it happened"),
            ("kind", "string", "EventKind value"),
            ("cameo", "string", "closest CAMEO event code (zero-padded)"),
            ("plover", "string", "PLOVER event type, where PLOVER has one"),
            ("title", "string", "short neutral title"),
            ("summary", "string", "one to three neutral sentences"),
            ("place", "string", "place id"),
            ("notes", *_FIELDS["notes"]),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": e.id,
                **_date_columns("date", e.date),
                "kind": e.kind.value,
                "cameo": e.cameo,
                "plover": e.plover,
                "title": e.title,
                "summary": e.summary,
                "place": e.place,
                "notes": e.notes,
                "verification": e.verification.value,
            }
            for e in records
        ),
        ["id"],
        [("place", "places", "id")],
    ),
    Table(
        "event_actors",
        "events",
        "The actors involved in each event, with their roles.",
        [
            ("event", "string", "event id"),
            ("actor", "string", "actor id"),
            ("role", "string", "Role value, where the sources say it"),
        ],
        lambda records: (
            {"event": e.id, "actor": p.actor, "role": None if p.role is None else p.role.value}
            for e in records
            for p in e.actors
        ),
        ["event", "actor"],
        [("event", "events", "id"), ("actor", "actors", "id")],
    ),
    Table(
        "event_agreements",
        "events",
        "The agreements each event concerns.",
        [("event", "string", "event id"), ("agreement", "string", "agreement id")],
        lambda records: ({"event": e.id, "agreement": a} for e in records for a in e.agreements),
        ["event", "agreement"],
        [("event", "events", "id"), ("agreement", "agreements", "id")],
    ),
    Table(
        "figures",
        "figures",
        "Figures (money, people, forces, residents), each attributed to who states it.",
        [
            ("id", "string", "the figure's id"),
            ("measure", "string", "Measure value"),
            ("value", "number", "the number as stated (for a range, its lower end)"),
            ("upper", "number", "the upper end of a range"),
            ("qualifier", "string", "exact, about, at_least, at_most or range"),
            ("unit", "string", "ISO 4217 currency code for money, else a plain unit"),
            *_date_fields("period", "the time it covers"),
            *_date_fields("stated", "it was stated"),
            ("claimed_by", "string", "actor id of who states it (empty: the source itself)"),
            ("event", "string", "id of the event it belongs to"),
            ("agreement", "string", "id of the agreement it concerns"),
            ("summary", "string", "one neutral sentence, attributed"),
            ("notes", *_FIELDS["notes"]),
            ("verification", *_FIELDS["verification"]),
        ],
        lambda records: (
            {
                "id": f.id,
                "measure": f.measure.value,
                "value": f.value,
                "upper": f.upper,
                "qualifier": f.qualifier.value,
                "unit": f.unit,
                **_date_columns("period", f.period),
                **_date_columns("stated", f.stated),
                "claimed_by": f.claimed_by,
                "event": f.event,
                "agreement": f.agreement,
                "summary": f.summary,
                "notes": f.notes,
                "verification": f.verification.value,
            }
            for f in records
        ),
        ["id"],
        [
            ("claimed_by", "actors", "id"),
            ("event", "events", "id"),
            ("agreement", "agreements", "id"),
        ],
    ),
    Table(
        "figure_actors",
        "figures",
        "The actors each figure concerns, with their roles (payer, recipient, counted, ...).",
        [
            ("figure", "string", "figure id"),
            ("actor", "string", "actor id"),
            ("role", "string", "Role value, where given"),
        ],
        lambda records: (
            {"figure": f.id, "actor": p.actor, "role": None if p.role is None else p.role.value}
            for f in records
            for p in f.actors
        ),
        ["figure", "actor"],
        [("figure", "figures", "id"), ("actor", "actors", "id")],
    ),
    Table(
        "citations",
        None,
        "Every citation of a source by a record (or part of one), with its quote.",
        [
            *RECORD_REF,
            ("part", "string", "'record' for the record itself, else e.g. 'holders[0]'"),
            ("position", "integer", "order among the part's citations"),
            ("source", "string", "source id"),
            ("quote", "string", "short verbatim quote in the source's language"),
            ("locator", "string", "where in the source"),
        ],
        _citations,
        ["record_type", "record_id", "part", "position"],
        [("source", "sources", "id")],
    ),
    Table(
        "names",
        None,
        "Names of actors, places, offices, agreements and publishers in other languages and "
        "scripts.",
        [
            *RECORD_REF,
            ("position", "integer", "order among the record's names"),
            ("language", "string", "ISO 639 language code"),
            ("text", "string", "the name"),
        ],
        _names,
        ["record_type", "record_id", "position"],
    ),
    Table(
        "identifiers",
        None,
        "Identifiers of actors and places in other registries, each with its source.",
        [
            *RECORD_REF,
            ("scheme", "string", "IdentifierScheme value"),
            ("value", "string", "the identifier"),
            ("source", "string", "id of the source that shows it"),
        ],
        _identifiers,
        ["record_type", "record_id", "scheme", "value"],
        [("source", "sources", "id")],
    ),
    Table(
        "alternatives",
        None,
        "Values that some sources give instead of a disputed record's (their sources are in "
        "citations, part 'alternatives[n]').",
        [
            *RECORD_REF,
            ("part", "string", "'record' for the record itself, else e.g. 'holders[0]'"),
            ("position", "integer", "order among the alternatives"),
            ("field", "string", "the field the sources disagree on"),
            ("value", "string", "the other value"),
        ],
        _alternatives,
        ["record_type", "record_id", "part", "position"],
    ),
]
"""Every table, in the order they are written."""

TABLES_BY_NAME: Final = {t.name: t for t in TABLES}

MAIN_TABLE: Final = {key: "tenures" if key == "offices" else key for key in KEYS}
"""The main table of each kind of record (for offices, one row a tenure)."""


def collection_table(kind: Kind, records: Iterable[Any]) -> tuple[Table, list[Row]]:
    """The main table of a kind of record, and the rows of these records in it."""
    table = TABLES_BY_NAME[MAIN_TABLE[kind.key]]
    return table, list(table.rows_of(kind, records))


def csv_value(value: Any) -> str:
    """A cell as CSV writes it: empty for `None`, ISO for dates, lowercase booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def datapackage(version: str, suffix: str = "csv") -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the tables written as `NAME.suffix`."""
    return {
        "profile": "tabular-data-package",
        "name": "ru-so-relations",
        "title": "Russia–South Ossetia relations",
        "version": version,
        "licenses": [{"name": "MIT", "title": "MIT License"}],
        "resources": [t.resource(f"{t.name}.{suffix}") for t in TABLES],
    }
