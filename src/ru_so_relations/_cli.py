"""The `ru-so-relations` command: timelines, agreements, actors and records from the terminal."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ru_so_relations._errors import DataError
from ru_so_relations._io import dumps, load
from ru_so_relations._models import Actor, Agreement, AgreementType, Event, EventKind, Source

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ru_so_relations._collections import Collection
    from ru_so_relations._dataset import Dataset

PROG = "ru-so-relations"
_COMMANDS = ("timeline", "agreements", "actors", "show", "validate")


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


_COLUMNS: dict[Callable[[Any], dict[str, str]], tuple[str, ...]] = {
    _event_row: ("id", "date", "kind", "title", "actors"),
    _agreement_row: ("id", "type", "signed", "in_force", "number", "title"),
    _actor_row: ("id", "kind", "name"),
}


def _write_rows(
    out: TextIO,
    fmt: str,
    collection: Collection[Any],
    row: Callable[[Any], dict[str, str]],
    text_columns: Sequence[str],
) -> None:
    if fmt == "json":
        out.write(dumps(collection))
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


def _show_text(out: TextIO, record: Actor | Agreement | Event | Source) -> None:
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
    timeline.add_argument(
        "--between",
        nargs="+",
        metavar=("START", "END"),
        help="keep events within START (and END); dates like 2008, 2008-08, 2008-08-26",
    )
    timeline.add_argument(
        "--overlap",
        action="store_true",
        help="with --between, keep events whose span overlaps the range",
    )
    timeline.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="keep events involving this actor (id or any name); repeat for all of several",
    )
    timeline.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=[k.value for k in EventKind],
        metavar="KIND",
        help="keep events of this kind; repeat for any of several",
    )

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
    show = commands.add_parser("show", parents=[common], help="one record, by id")
    show.add_argument("id", help="the id of an event, agreement, actor or source")
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
            f"{len(ds.actors)} actors, {len(ds.sources)} sources)\n"
        )
        return 0
    ds = load(args.data)
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
    return _show(args, ds, out)


def _timeline(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
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
    except LookupError as exc:
        _fail(str(exc.args[0]))
    except ValueError as exc:
        _fail(str(exc))
    _write_rows(out, args.format, events, _event_row, ("date", "kind", "title"))
    return 0


def _show(args: argparse.Namespace, ds: Dataset, out: TextIO) -> int:
    for collection in (ds.events, ds.agreements, ds.actors, ds.sources):
        record = collection.get(args.id)
        if record is not None:
            if args.format == "text":
                _show_text(out, record)
            else:
                out.write(dumps(record))
            return 0
    everything = [*ds.events.ids, *ds.agreements.ids, *ds.actors.ids, *ds.sources.ids]
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
