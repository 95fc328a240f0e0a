"""The `ru-so-relations` command: timelines, agreements, actors and records from the terminal.

Every mistake a user can make (a path that cannot be read or written, an unknown command,
option value, name or id, a date that is not a date) ends with one line on stderr,
`ru-so-relations: error: ...`, and a documented exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import errno
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from ru_so_relations._citation import STYLES
from ru_so_relations._codec import dumps
from ru_so_relations._collections import Collection, _tenure_overlaps
from ru_so_relations._dates import PartialDate
from ru_so_relations._errors import DataError
from ru_so_relations._io import dump, load
from ru_so_relations._models import (
    Actor,
    Agreement,
    AgreementLevel,
    AgreementType,
    Event,
    EventKind,
    Figure,
    Measure,
    Office,
    Place,
    Source,
    Stance,
    StancePosition,
    Tenure,
    Verification,
)
from ru_so_relations._registry import KEYS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ru_so_relations._collections import Agreements, Events, Figures
    from ru_so_relations._dataset import Dataset

T = TypeVar("T")

PROG = "ru-so-relations"
_COMMANDS = (
    "timeline",
    "agreements",
    "actors",
    "places",
    "offices",
    "stances",
    "figures",
    "show",
    "cite",
    "validate",
    "export",
    "schema",
)

EXIT_OK = 0
"""Success, also when a query matches nothing (a note on stderr says so)."""
EXIT_INVALID = 1
"""A dataset is not valid (`validate`, or `--data` with an invalid file)."""
EXIT_USAGE = 2
"""A usage error, or a file that cannot be read or written."""
EXIT_INTERRUPTED = 130
"""Interrupted with Ctrl-C (128 + SIGINT, as shells report it)."""
EXIT_INTERNAL = 70
"""A bug in the library (EX_SOFTWARE); the message says how to see the traceback."""

_EPILOG = (
    "Without a command, the options are those of timeline. Run 'ru-so-relations COMMAND "
    "--help' for a command's options. Option values such as kinds, types and formats may be "
    "written in any case. Exit status: 0 on success, also when nothing matches (stderr says "
    "so); 1 if a dataset is not valid; 2 for a usage error or a file that cannot be read or "
    "written; 130 if interrupted; 70 for a bug in the library."
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: `ru-so-relations: error: ...`."""

    def error(self, message: str) -> NoReturn:
        _fail(message.removeprefix("argument "))


def _fail(message: str) -> NoReturn:
    """Exit with status 2 and a one-line message, as argparse does for usage errors."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    raise SystemExit(EXIT_USAGE)


def _note(message: str) -> None:
    """Say something on stderr that is not an error (stdout stays machine-readable)."""
    sys.stderr.write(f"{PROG}: {message}\n")


def _choice(values: Sequence[str], what: str) -> Callable[[str], str]:
    """An argparse type accepting one of `values` in any case, with `-` for `_`."""

    def parse(text: str) -> str:
        value = text.strip().lower().replace("-", "_")
        if value in values:
            return value
        close = difflib.get_close_matches(value, values, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        msg = f"{text!r} is not a {what}; {hint}expected one of: {', '.join(values)}"
        raise argparse.ArgumentTypeError(msg)

    return parse


def _date(text: str) -> PartialDate:
    """An argparse type for dates: `2008`, `2008-08`, `2008-08-26` or a span `A/B`."""
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_EVENT_KINDS = tuple(k.value for k in EventKind)
_AGREEMENT_TYPES = tuple(t.value for t in AgreementType)
_AGREEMENT_LEVELS = tuple(v.value for v in AgreementLevel)
_STATUSES = tuple(v.value for v in Verification)
_POSITIONS = tuple(p.value for p in StancePosition)
_MEASURES = tuple(m.value for m in Measure)
_STYLES = STYLES


# --- rows -------------------------------------------------------------------------------


def _date_text(value: object) -> str:
    return "" if value is None else str(value)


def _event_row(event: Event) -> dict[str, str]:
    return {
        "id": event.id,
        "date": str(event.date),
        "kind": event.kind.value,
        "title": event.title,
        "actors": " ".join(event.actor_ids),
    }


def _agreement_row(agreement: Agreement) -> dict[str, str]:
    return {
        "id": agreement.id,
        "type": agreement.type.value,
        "level": agreement.level.value,
        "signed": _date_text(agreement.signed),
        "place": agreement.place or "",
        "in_force": _date_text(agreement.in_force),
        "terminated": _date_text(agreement.terminated),
        "number": agreement.number or "",
        "title": agreement.title,
    }


def _actor_row(actor: Actor) -> dict[str, str]:
    return {"id": actor.id, "kind": actor.kind.value, "name": actor.name}


def _place_row(place: Place) -> dict[str, str]:
    return {"id": place.id, "kind": place.kind.value, "name": place.name}


def _stance_row(stance: Stance) -> dict[str, str]:
    return {
        "id": stance.id,
        "holder": stance.holder,
        "position": stance.position.value,
        "since": _date_text(stance.since),
        "until": _date_text(stance.until),
        "subject": stance.subject,
    }


def _figure_row(figure: Figure) -> dict[str, str]:
    return {
        "id": figure.id,
        "measure": figure.measure.value,
        "value": str(figure.value),
        "upper": "" if figure.upper is None else str(figure.upper),
        "qualifier": figure.qualifier.value,
        "unit": figure.unit,
        "amount": figure.amount,
        "period": _date_text(figure.period),
        "stated": str(figure.stated),
        "claimed_by": figure.claimed_by or "",
        "summary": figure.summary,
    }


def _tenure_row(ds: Dataset) -> Callable[[tuple[Office, Tenure]], dict[str, str]]:
    def row(pair: tuple[Office, Tenure]) -> dict[str, str]:
        office, tenure = pair
        person = ds.actors.get(tenure.person)
        return {
            "office": office.id,
            "person": tenure.person,
            "start": _date_text(tenure.start),
            "end": _date_text(tenure.end),
            "acting": "acting" if tenure.acting else "",
            "name": office.name,
            "person_name": person.name if person is not None else "",
        }

    return row


_EVENT_COLUMNS = ("id", "date", "kind", "title", "actors")
_AGREEMENT_COLUMNS = (
    "id",
    "type",
    "level",
    "signed",
    "place",
    "in_force",
    "terminated",
    "number",
    "title",
)
_NAMED_COLUMNS = ("id", "kind", "name")
_STANCE_COLUMNS = ("id", "holder", "position", "since", "until", "subject")
_FIGURE_COLUMNS = (
    "id",
    "measure",
    "value",
    "upper",
    "qualifier",
    "unit",
    "period",
    "stated",
    "claimed_by",
    "summary",
)
_TENURE_COLUMNS = ("office", "person", "start", "end", "acting", "name", "person_name")


def _write_rows(
    out: TextIO,
    fmt: str,
    found: Collection[Any] | Sequence[Any],
    row: Callable[[Any], dict[str, str]],
    columns: Sequence[str],
    text_columns: Sequence[str],
    labels: dict[str, str] | None = None,
) -> None:
    """Write a listing: JSON, CSV with a header, or aligned text with a header line.

    In text, the last column is not padded; `labels` names the columns in the header where
    the upper-cased column name would not say enough.
    """
    if fmt == "json":
        if isinstance(found, Collection):
            out.write(dumps(found))
        else:
            out.write(json.dumps([row(r) for r in found], ensure_ascii=False, indent=2))
            out.write("\n")
        return
    rows = [row(record) for record in found]
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    names = labels or {}
    header = {c: names.get(c, c.replace("_", " ").upper()) for c in text_columns}
    widths = {c: max(len(r[c]) for r in [header, *rows]) for c in text_columns[:-1]}
    for r in [header, *rows]:
        cells = [r[c].ljust(widths[c]) for c in text_columns[:-1]]
        out.write("  ".join([*cells, r[text_columns[-1]]]).rstrip() + "\n")


def _show_text(
    out: TextIO, record: Actor | Agreement | Event | Figure | Office | Place | Source | Stance
) -> None:
    data: dict[str, Any] = json.loads(dumps(record))
    out.write(f"{type(record).__name__} {record.id}\n")
    for key, value in data.items():
        if key == "id" or value in (None, [], ""):
            continue
        if isinstance(value, list):
            out.write(f"{key}:\n")
            for item in value:
                if isinstance(item, dict):
                    shown = ", ".join(f"{k}={v}" for k, v in item.items() if v is not None)
                else:
                    shown = str(item)
                out.write(f"  - {shown}\n")
        else:
            out.write(f"{key}: {value}\n")


# --- the parser -------------------------------------------------------------------------


def _values(values: Sequence[str]) -> str:
    return ", ".join(values)


def _format_option(parser: argparse.ArgumentParser, formats: Sequence[str], help: str) -> None:
    parser.add_argument(
        "--format",
        type=_choice(formats, "format"),
        default=formats[0],
        metavar="{" + ",".join(formats) + "}",
        help=help,
    )


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="read this dataset file (or a folder written by 'export --format jsonl') instead "
        "of the bundled dataset",
    )


def _between_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--between",
        nargs="+",
        type=_date,
        metavar=("START", "END"),
        help=f"keep {what} within START (and END); dates like 2008, 2008-08, 2008-08-26, "
        "each standing for its whole period",
    )


def _actor_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help=f"keep {what} involving this actor (id or any name); repeat for all of several",
    )
    parser.add_argument(
        "--including-parts",
        action="store_true",
        help="with --actor, an actor also matches through its parts (Georgia through its "
        "parliament, ministries and armed forces)",
    )


def _event_filters(parser: argparse.ArgumentParser) -> None:
    """Add the options that select events (shared by `timeline` and `export`)."""
    _between_option(parser, "events")
    parser.add_argument(
        "--overlap",
        action="store_true",
        help="with --between, keep events whose span overlaps the range",
    )
    _actor_options(parser, "events")
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        type=_choice(_EVENT_KINDS, "kind"),
        metavar="KIND",
        help=f"keep events of this kind ({_values(_EVENT_KINDS)}); repeat for any of several",
    )
    parser.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="NAME",
        help="keep events at this place (id or any name); repeat for any of several",
    )
    parser.add_argument(
        "--verified",
        action="append",
        default=[],
        type=_choice(_STATUSES, "verification status"),
        metavar="STATUS",
        help=f"keep events with this verification status ({_values(_STATUSES)}); repeat for "
        "any of several",
    )


def _parser() -> argparse.ArgumentParser:
    listing = _Parser(add_help=False)
    _format_option(listing, ("text", "json", "csv"), "output format (default: text)")
    _data_option(listing)
    parser = _Parser(
        prog=PROG,
        description="Query the Russia–South Ossetia relations dataset. "
        "Without a command, prints the timeline.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="store_true", help="print the code and data versions")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    timeline = commands.add_parser(
        "timeline", parents=[listing], help="one line per event, in chronological order"
    )
    _event_filters(timeline)

    agreements = commands.add_parser(
        "agreements", parents=[listing], help="agreements in order of signature"
    )
    agreements.add_argument(
        "--type",
        action="append",
        default=[],
        type=_choice(_AGREEMENT_TYPES, "type"),
        metavar="TYPE",
        help=f"keep agreements of this type ({_values(_AGREEMENT_TYPES)}); repeat for any of "
        "several",
    )
    agreements.add_argument(
        "--level",
        action="append",
        default=[],
        type=_choice(_AGREEMENT_LEVELS, "level"),
        metavar="LEVEL",
        help=f"keep agreements concluded at this level ({_values(_AGREEMENT_LEVELS)}); repeat "
        "for any of several",
    )
    _between_option(
        agreements, "agreements signed (or, where that date is unknown, entering into force)"
    )
    _actor_options(agreements, "agreements")
    agreements.add_argument(
        "--in-force-on",
        type=_date,
        metavar="DATE",
        help="keep agreements known to be in force on DATE: their entry into force is known and "
        "not after DATE's first day (in force on 2009 means by 1 January 2009), and they had "
        "not been terminated by then. Agreements whose entry into force is unknown are left out",
    )
    commands.add_parser("actors", parents=[listing], help="every actor")
    commands.add_parser("places", parents=[listing], help="every place")
    offices = commands.add_parser(
        "offices", parents=[listing], help="who held which office, and when"
    )
    offices.add_argument("office", nargs="?", help="only this office (its id)")
    offices.add_argument(
        "--on", type=_date, metavar="DATE", help="only tenures that include this date"
    )
    offices.add_argument(
        "--person", metavar="NAME", help="only the offices this person held (id or any name)"
    )
    stances = commands.add_parser(
        "stances", parents=[listing], help="positions on South Ossetia's status, over time"
    )
    stances.add_argument(
        "--on", type=_date, metavar="DATE", help="only positions held on this date"
    )
    stances.add_argument(
        "--position",
        type=_choice(_POSITIONS, "position"),
        metavar="POSITION",
        help=f"only positions of this kind ({_values(_POSITIONS)})",
    )
    figures = commands.add_parser(
        "figures",
        parents=[listing],
        help="figures (money, people killed or displaced, troops, residents), each with who "
        "states it",
    )
    figures.add_argument(
        "--measure",
        action="append",
        default=[],
        type=_choice(_MEASURES, "measure"),
        metavar="MEASURE",
        help=f"keep figures of this measure ({_values(_MEASURES)}); repeat for any of several",
    )
    _between_option(
        figures, "figures whose period (or, where they cover none, the date stated) lies"
    )
    _actor_options(figures, "figures")
    figures.add_argument(
        "--claimed-by",
        action="append",
        default=[],
        metavar="NAME",
        help="keep figures stated by this actor (id or any name); repeat for any of several",
    )
    show = commands.add_parser("show", help="one record, by id")
    show.add_argument(
        "id",
        help="the id of an event, agreement, figure, actor, place, office, stance or source",
    )
    _format_option(show, ("text", "json"), "output format (default: text)")
    _data_option(show)
    cite = commands.add_parser("cite", help="how to cite the dataset")
    cite.add_argument(
        "--style",
        type=_choice(_STYLES, "citation style"),
        default="text",
        metavar="{" + ",".join(_STYLES) + "}",
        help="text, BibTeX, or the content of CITATION.cff (default: text)",
    )
    export = commands.add_parser(
        "export",
        help="write the dataset, or the events selected, as JSON, JSON Lines, CSV or Parquet",
    )
    export.add_argument("out", metavar="OUT", help="the file (json) or folder to write")
    _format_option(
        export,
        ("json", "jsonl", "csv", "parquet"),
        "json: one file; jsonl, csv, parquet: a folder of tables (default: json)",
    )
    _data_option(export)
    _event_filters(export)
    commands.add_parser("schema", help="print the JSON Schema of the dataset format")
    validate = commands.add_parser(
        "validate", help="check a dataset file; exit 1 if it is not valid"
    )
    validate.add_argument("path", help="the dataset file (or a folder written as jsonl)")
    return parser


# --- files ------------------------------------------------------------------------------


def _reason(exc: OSError, *, writing: bool = False) -> str:
    """Why a file could not be read or written, in a few words."""
    if exc.errno == errno.ENOENT:
        return "its folder does not exist" if writing else "no such file or folder"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _load(path: str | None) -> Dataset:
    """The bundled dataset, or a user's file; a file that cannot be read is a usage error.

    Raises:
        DataError: If the file is not a valid dataset.
    """
    if path is None:
        return load()
    from ru_so_relations._formats.jsonl import META

    if Path(path).is_dir() and not (Path(path) / META).exists():
        _fail(
            f"cannot read {path!r}: it is a folder, not a dataset file (nor a folder written "
            f"by 'export --format jsonl', which has {META})"
        )
    try:
        return load(path)
    except OSError as exc:  # the file named may be one in a jsonl folder
        _fail(f"cannot read {str(exc.filename or path)!r}: {_reason(exc)}")


# --- the commands -----------------------------------------------------------------------


def _query(option: str | None, run: Callable[[], T]) -> T:
    """Run a query; an unknown name or an invalid value is a usage error naming the option."""
    try:
        return run()
    except LookupError as exc:
        _fail(str(exc.args[0]))
    except ValueError as exc:
        _fail(f"{option}: {exc}" if option else str(exc))


def _check_needs(args: argparse.Namespace) -> None:
    if getattr(args, "including_parts", False) and not args.actor:
        _fail("--including-parts: give --actor too")
    if getattr(args, "overlap", False) and not args.between:
        _fail("--overlap: give --between too")
    if getattr(args, "between", None) and len(args.between) > 2:
        _fail(f"--between: give one or two dates, not {len(args.between)}")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    _check_needs(args)
    if args.command == "validate":
        return _validate(args, out)
    if args.command == "schema":
        from ru_so_relations._schema import json_schema

        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.command == "cite":
        from ru_so_relations._citation import cite

        out.write(cite(args.style).rstrip("\n") + "\n")
        return EXIT_OK
    try:
        ds = _load(args.data)
    except DataError as exc:
        where = f"{args.data}: " if args.data else ""
        sys.stderr.write(f"{PROG}: error: {where}{exc}\n")
        return EXIT_INVALID
    if args.command == "export":
        return _export(args, ds, out)
    if args.command == "timeline":
        events = _selected(args, ds)
        if not events:
            _note("no events match")
        _write_rows(out, args.format, events, _event_row, _EVENT_COLUMNS, ("date", "kind", "title"))
        return EXIT_OK
    if args.command == "agreements":
        found = _agreements(args, ds)
        if not found:
            _note("no agreements match")
        columns = ("id", "level", "signed", "in_force", "title")
        _write_rows(out, args.format, found, _agreement_row, _AGREEMENT_COLUMNS, columns)
        return EXIT_OK
    if args.command in ("actors", "places"):
        records = ds.actors if args.command == "actors" else ds.places
        if not records:
            _note(f"the dataset has no {args.command}")
        row = _actor_row if args.command == "actors" else _place_row
        _write_rows(out, args.format, records, row, _NAMED_COLUMNS, _NAMED_COLUMNS)
        return EXIT_OK
    if args.command == "offices":
        return _offices(args, ds, out)
    if args.command == "stances":
        stances = ds.stances
        if args.position:
            stances = stances.of_position(args.position)
        if args.on:
            stances = _query("--on", lambda: stances.on(args.on))
        if not stances:
            _note("no positions match")
        shown = ("holder", "position", "since", "until", "subject")
        _write_rows(out, args.format, stances, _stance_row, _STANCE_COLUMNS, shown)
        return EXIT_OK
    if args.command == "figures":
        figures = _figures(args, ds)
        if not figures:
            _note("no figures match")
        shown = ("period", "measure", "amount", "claimed_by", "summary")
        _write_rows(out, args.format, figures, _figure_row, _FIGURE_COLUMNS, shown)
        return EXIT_OK
    return _show(args, ds, out)


def _figures(args: argparse.Namespace, ds: Dataset) -> Figures:
    found = ds.figures
    if args.measure:
        found = found.of_measure(*args.measure)
    if args.between:
        found = _query("--between", lambda: found.between(*args.between))
    if args.actor:
        found = _query(
            None, lambda: found.involving(*args.actor, including_parts=args.including_parts)
        )
    if args.claimed_by:
        found = _query(None, lambda: found.claimed_by(*args.claimed_by))
    return found


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        ds = _load(args.path)
    except DataError as exc:
        out.write(f"{args.path}: invalid\n{exc}\n")
        return EXIT_INVALID
    counts = ", ".join(f"{len(getattr(ds, key))} {key}" for key in reversed(KEYS))
    out.write(f"{args.path}: valid ({counts})\n")
    return EXIT_OK


def _agreements(args: argparse.Namespace, ds: Dataset) -> Agreements:
    found = ds.agreements
    if args.type:
        found = found.of_type(*args.type)
    if args.level:
        found = found.of_level(*args.level)
    if args.between:
        found = _query("--between", lambda: found.between(*args.between))
    if args.actor:
        found = _query(
            None, lambda: found.involving(*args.actor, including_parts=args.including_parts)
        )
    if args.in_force_on:
        found = found.in_force(args.in_force_on)
    return found


def _offices(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    if args.office:
        office = _query(None, lambda: ds.offices[args.office])
    if args.person:
        pairs = _query(None, lambda: ds.offices.held_by(args.person))
        if args.office:
            pairs = tuple(p for p in pairs if p[0].id == office.id)
    else:
        offices = [office] if args.office else list(ds.offices)
        pairs = tuple((o, t) for o in offices for t in o.holders)
    if args.on:
        when: PartialDate = args.on
        pairs = tuple(p for p in pairs if _tenure_overlaps(p[1], when.earliest, when.latest))
    if not pairs:
        _note("no tenures match")
    columns = ("start", "end", "acting", "person", "person_name", "office", "name")
    labels = {"name": "OFFICE NAME"}
    _write_rows(out, args.format, pairs, _tenure_row(ds), _TENURE_COLUMNS, columns, labels)
    return EXIT_OK


def _selected(args: argparse.Namespace, ds: Dataset) -> Events:
    events = ds.events
    if args.between:
        events = _query("--between", lambda: events.between(*args.between, overlap=args.overlap))
    if args.kind:
        events = events.of_kind(*args.kind)
    if args.actor:
        actors, parts = args.actor, args.including_parts
        events = _query(None, lambda: events.involving(*actors, including_parts=parts))
    if args.place:
        events = _query(None, lambda: events.at(*args.place))
    if args.verified:
        events = events.verified(*args.verified)
    return events


def _export(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    import attrs

    target = Path(args.out)
    if args.format == "json" and target.is_dir():
        _fail(f"cannot write {args.out!r}: it is a folder, and --format json writes one file")
    if args.format != "json" and target.exists() and not target.is_dir():
        _fail(
            f"cannot write {args.out!r}: it is a file, and --format {args.format} writes a "
            "folder of tables"
        )
    events = _selected(args, ds)
    if not events:
        _note("no events match")
    if len(events) != len(ds.events):
        # keep the stances whose events are all exported, and the figures whose event is
        # (or that belong to none), so every reference resolves
        kept = set(events.ids)
        stances = ds.stances._derive(s for s in ds.stances if kept.issuperset(s.events))
        figures = ds.figures._derive(f for f in ds.figures if f.event is None or f.event in kept)
        ds = attrs.evolve(ds, events=events, stances=stances, figures=figures)
    try:
        dump(ds, target, format=args.format)
    except ImportError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {args.out!r}: {_reason(exc, writing=True)}")
    out.write(f"wrote {len(ds.events)} events ({args.format}) to {args.out}\n")
    return EXIT_OK


def _show(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    collections = [getattr(ds, key) for key in reversed(KEYS)]  # events first
    for collection in collections:
        record = collection.get(args.id)
        if record is not None:
            if args.format == "text":
                _show_text(out, record)
            else:
                out.write(dumps(record))
            return EXIT_OK
    everything = [i for collection in collections for i in collection.ids]
    close = difflib.get_close_matches(args.id, everything, n=3)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    _fail(f"no record with id {args.id!r}{hint}")


# --- the entry point --------------------------------------------------------------------


def _unknown_command(word: str) -> NoReturn:
    close = difflib.get_close_matches(word.lower(), _COMMANDS, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    if not close:
        with contextlib.suppress(ValueError):
            PartialDate.parse(word)
            hint = f"; did you mean '--between {word}'?"
    _fail(f"unknown command {word!r} (commands: {', '.join(_COMMANDS)}){hint}")


def _arguments(argv: Sequence[str] | None) -> list[str]:
    """The arguments, with `timeline` added when they start with its options (or are none).

    A first word that is not a command is an error, so that a mistyped command is not taken
    for the timeline's arguments.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["help"]:  # `help` and `help COMMAND`, as many tools have
        return _arguments([*args[1:2], "--help"])
    if not args or (args[0].startswith("-") and args[0] not in ("-h", "--help", "--version")):
        return ["timeline", *args]
    if args[0] not in _COMMANDS and args[0] not in ("-h", "--help", "--version"):
        _unknown_command(args[0])
    return args


def _quiet_stdout() -> None:
    """After a broken pipe, send what is left of stdout nowhere, so exiting stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; `None` for `sys.argv[1:]`.

    Returns:
        0 on success (also when nothing matches), 1 if a dataset is not valid, 2 if a file
        cannot be read or written, 130 if interrupted, 70 for a bug in the library. Usage
        errors (an unknown command, option, value, name or id) exit with status 2 by raising
        `SystemExit`, as argparse does; every error is one line on stderr,
        `ru-so-relations: error: ...`.
    """
    try:
        args = _parser().parse_args(_arguments(argv))
        if args.version:
            from ru_so_relations._version import DATA_VERSION, __version__

            sys.stdout.write(f"{PROG} {__version__} (data {DATA_VERSION})\n")
            return EXIT_OK
        status = _run(args, sys.stdout)
        sys.stdout.flush()  # a closed pipe is found here rather than on exit
        return status
    except BrokenPipeError:  # e.g. piped into `head`
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except DataError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return EXIT_INVALID
    except OSError as exc:
        where = f" {exc.filename!r}" if exc.filename else ""
        sys.stderr.write(f"{PROG}: error: cannot read or write{where}: {_reason(exc)}\n")
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours: one line that says so, and how to see more
        if os.environ.get("RU_SO_RELATIONS_DEBUG"):
            raise
        sys.stderr.write(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} (a bug; please report it, "
            "with the command; RU_SO_RELATIONS_DEBUG=1 shows the traceback)\n"
        )
        return EXIT_INTERNAL
