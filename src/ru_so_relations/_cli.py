"""The `ru-so-relations` command: timelines, agreements, actors and records from the terminal."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ru_so_relations._codec import dumps
from ru_so_relations._collections import Collection, _tenure_overlaps
from ru_so_relations._dates import PartialDate
from ru_so_relations._errors import DataError
from ru_so_relations._io import dump, load
from ru_so_relations._models import (
    Actor,
    Agreement,
    AgreementType,
    Event,
    EventKind,
    Office,
    Place,
    Source,
    Stance,
    StancePosition,
    Tenure,
    Verification,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ru_so_relations._collections import Events
    from ru_so_relations._dataset import Dataset

PROG = "ru-so-relations"
_COMMANDS = (
    "timeline",
    "agreements",
    "actors",
    "places",
    "offices",
    "stances",
    "show",
    "validate",
    "export",
    "schema",
)


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
        "signed": _date_text(agreement.signed),
        "in_force": _date_text(agreement.in_force),
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


def _tenure_row(pair: tuple[Office, Tenure]) -> dict[str, str]:
    office, tenure = pair
    return {
        "office": office.id,
        "person": tenure.person,
        "start": _date_text(tenure.start),
        "end": _date_text(tenure.end),
        "acting": "acting" if tenure.acting else "",
        "name": office.name,
    }


_COLUMNS: dict[Callable[[Any], dict[str, str]], tuple[str, ...]] = {
    _event_row: ("id", "date", "kind", "title", "actors"),
    _agreement_row: ("id", "type", "signed", "in_force", "number", "title"),
    _actor_row: ("id", "kind", "name"),
    _place_row: ("id", "kind", "name"),
    _stance_row: ("id", "holder", "position", "since", "until", "subject"),
    _tenure_row: ("office", "person", "start", "end", "acting", "name"),
}


def _write_rows(
    out: TextIO,
    fmt: str,
    collection: Collection[Any] | Sequence[Any],
    row: Callable[[Any], dict[str, str]],
    text_columns: Sequence[str],
) -> None:
    if fmt == "json":
        if isinstance(collection, Collection):
            out.write(dumps(collection))
        else:
            out.write(json.dumps([row(r) for r in collection], ensure_ascii=False, indent=2))
            out.write("\n")
        return
    rows = [row(record) for record in collection]
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=_COLUMNS[row], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    widths = {c: max((len(r[c]) for r in rows), default=0) for c in text_columns[:-1]}
    for r in rows:
        cells = [r[c].ljust(widths[c]) for c in text_columns[:-1]]
        out.write("  ".join([*cells, r[text_columns[-1]]]) + "\n")


def _show_text(
    out: TextIO, record: Actor | Agreement | Event | Office | Place | Source | Stance
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


def _fail(message: str) -> NoReturn:
    """Exit with status 2 and a one-line message, as argparse does for usage errors."""
    sys.stderr.write(f"{PROG}: error: {message}\n")
    raise SystemExit(2)


def _event_filters(parser: argparse.ArgumentParser) -> None:
    """Add the options that select events (shared by `timeline` and `export`)."""
    parser.add_argument(
        "--between",
        nargs="+",
        metavar=("START", "END"),
        help="keep events within START (and END); dates like 2008, 2008-08, 2008-08-26",
    )
    parser.add_argument(
        "--overlap",
        action="store_true",
        help="with --between, keep events whose span overlaps the range",
    )
    parser.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="keep events involving this actor (id or any name); repeat for all of several",
    )
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=[k.value for k in EventKind],
        metavar="KIND",
        help="keep events of this kind; repeat for any of several",
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
        choices=[v.value for v in Verification],
        metavar="STATUS",
        help="keep events with this verification status; repeat for any of several",
    )


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="output format (default: text)",
    )
    common.add_argument(
        "--data",
        metavar="PATH",
        help="read this dataset file instead of the bundled dataset",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Query the Russia–South Ossetia relations dataset. "
        "Without a command, prints the timeline.",
    )
    parser.add_argument("--version", action="store_true", help="print the code and data versions")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    timeline = commands.add_parser(
        "timeline", parents=[common], help="one line per event, in chronological order"
    )
    _event_filters(timeline)

    agreements = commands.add_parser(
        "agreements", parents=[common], help="agreements in order of signature"
    )
    agreements.add_argument(
        "--type",
        action="append",
        default=[],
        choices=[t.value for t in AgreementType],
        metavar="TYPE",
        help="keep agreements of this type; repeat for any of several",
    )
    agreements.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="keep agreements involving this actor",
    )
    commands.add_parser("actors", parents=[common], help="every actor")
    commands.add_parser("places", parents=[common], help="every place")
    offices = commands.add_parser(
        "offices", parents=[common], help="who held which office, and when"
    )
    offices.add_argument("office", nargs="?", help="only this office (its id)")
    offices.add_argument("--on", metavar="DATE", help="only tenures that include this date")
    offices.add_argument(
        "--person", metavar="NAME", help="only the offices this person held (id or any name)"
    )
    stances = commands.add_parser(
        "stances", parents=[common], help="positions on South Ossetia's status, over time"
    )
    stances.add_argument("--on", metavar="DATE", help="only positions held on this date")
    stances.add_argument(
        "--position",
        choices=[p.value for p in StancePosition],
        help="only positions of this kind",
    )
    show = commands.add_parser("show", parents=[common], help="one record, by id")
    show.add_argument(
        "id", help="the id of an event, agreement, actor, place, office, stance or source"
    )
    export = commands.add_parser(
        "export",
        help="write the dataset, or the events selected, as JSON, JSON Lines, CSV or Parquet",
    )
    export.add_argument("out", metavar="OUT", help="the file (json) or folder to write")
    export.add_argument(
        "--format",
        choices=("json", "jsonl", "csv", "parquet"),
        default="json",
        help="json: one file; jsonl, csv, parquet: a folder of tables (default: json)",
    )
    export.add_argument(
        "--data", metavar="PATH", help="read this dataset file instead of the bundled dataset"
    )
    _event_filters(export)
    commands.add_parser("schema", help="print the JSON Schema of the dataset format")
    validate = commands.add_parser("validate", help="check a dataset file; exit 1 if invalid")
    validate.add_argument("path", help="the dataset file")
    return parser


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "validate":
        try:
            ds = load(args.path)
        except DataError as exc:
            out.write(f"{args.path}: invalid\n{exc}\n")
            return 1
        out.write(
            f"{args.path}: valid ({len(ds.events)} events, {len(ds.agreements)} agreements, "
            f"{len(ds.actors)} actors, {len(ds.places)} places, {len(ds.offices)} offices, "
            f"{len(ds.stances)} stances, {len(ds.sources)} sources)\n"
        )
        return 0
    if args.command == "schema":
        from ru_so_relations._schema import json_schema

        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
        return 0
    ds = load(args.data)
    if args.command == "export":
        return _export(args, ds, out)
    if args.command == "timeline":
        return _timeline(args, ds, out)
    if args.command == "agreements":
        found = ds.agreements
        try:
            if args.type:
                found = found.of_type(*args.type)
            if args.actor:
                found = found.involving(*args.actor)
        except LookupError as exc:
            _fail(str(exc.args[0]))
        _write_rows(out, args.format, found, _agreement_row, ("signed", "type", "title"))
        return 0
    if args.command == "actors":
        _write_rows(out, args.format, ds.actors, _actor_row, ("id", "kind", "name"))
        return 0
    if args.command == "places":
        _write_rows(out, args.format, ds.places, _place_row, ("id", "kind", "name"))
        return 0
    if args.command == "offices":
        return _offices(args, ds, out)
    if args.command == "stances":
        stances = ds.stances
        try:
            if args.position:
                stances = stances.of_position(args.position)
            if args.on:
                stances = stances.on(args.on)
        except ValueError as exc:
            _fail(str(exc))
        columns = ("holder", "position", "since", "until", "subject")
        _write_rows(out, args.format, stances, _stance_row, columns)
        return 0
    return _show(args, ds, out)


def _offices(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    try:
        if args.person:
            pairs = ds.offices.held_by(args.person)
        else:
            offices = [ds.offices[args.office]] if args.office else list(ds.offices)
            pairs = tuple((o, t) for o in offices for t in o.holders)
        if args.office:
            pairs = tuple(p for p in pairs if p[0].id == args.office)
        if args.on:
            when = PartialDate.of(args.on)
            pairs = tuple(p for p in pairs if _tenure_overlaps(p[1], when.earliest, when.latest))
    except KeyError as exc:
        _fail(str(exc.args[0]))
    except LookupError as exc:
        _fail(str(exc.args[0]))
    except ValueError as exc:
        _fail(str(exc))
    columns = ("start", "end", "person", "acting", "name")
    _write_rows(out, args.format, pairs, _tenure_row, columns)
    return 0


def _selected(args: argparse.Namespace, ds: Dataset) -> Events:
    events = ds.events
    try:
        if args.between:
            if len(args.between) > 2:
                _fail("--between takes one or two dates")
            events = events.between(*args.between, overlap=args.overlap)
        if args.kind:
            events = events.of_kind(*args.kind)
        if args.actor:
            events = events.involving(*args.actor)
        if args.place:
            events = events.at(*args.place)
        if args.verified:
            events = events.verified(*args.verified)
    except LookupError as exc:
        _fail(str(exc.args[0]))
    except ValueError as exc:
        _fail(str(exc))
    return events


def _timeline(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    events = _selected(args, ds)
    _write_rows(out, args.format, events, _event_row, ("date", "kind", "title"))
    return 0


def _export(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    import attrs

    events = _selected(args, ds)
    if len(events) != len(ds.events):
        # keep the stances whose events are all exported, so every reference resolves
        kept = set(events.ids)
        stances = ds.stances._derive(s for s in ds.stances if kept.issuperset(s.events))
        ds = attrs.evolve(ds, events=events, stances=stances)
    try:
        dump(ds, args.out, format=args.format)
    except ImportError as exc:
        _fail(str(exc))
    out.write(f"wrote {len(ds.events)} events ({args.format}) to {args.out}\n")
    return 0


def _show(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    collections = (
        ds.events,
        ds.agreements,
        ds.actors,
        ds.places,
        ds.offices,
        ds.stances,
        ds.sources,
    )
    for collection in collections:
        record = collection.get(args.id)
        if record is not None:
            if args.format == "text":
                _show_text(out, record)
            else:
                out.write(dumps(record))
            return 0
    everything = [i for collection in collections for i in collection.ids]
    import difflib

    close = difflib.get_close_matches(args.id, everything, n=3)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    _fail(f"no record with id {args.id!r}{hint}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments, without the program name; `None` for `sys.argv[1:]`.

    Returns:
        0 on success, 1 if `validate` finds problems; usage errors exit with status 2.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in _COMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "timeline")
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.version:
        from importlib.metadata import version

        from ru_so_relations._dataset import DATA_VERSION

        sys.stdout.write(f"{PROG} {version('ru-so-relations')} (data {DATA_VERSION})\n")
        return 0
    try:
        return _run(args, sys.stdout)
    except DataError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return 0
