"""Every kind of bad input gets a DataError whose message names the record and the field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import ru_so_relations as rso


def valid() -> dict[str, Any]:
    return {
        "version": "2026.11.0",
        "publishers": [
            {
                "id": "a-publisher",
                "name": "A publisher",
                "names": [],
                "aliases": [],
                "hosts": ["example.org"],
                "description": None,
            }
        ],
        "sources": [
            {
                "id": "src",
                "title": "A source",
                "publisher": "a-publisher",
                "url": "https://example.org/a",
                "published": "2009-01",
                "language": "en",
            }
        ],
        "actors": [
            {
                "id": "russia",
                "kind": "state",
                "name": "Russia",
                "names": [{"language": "ru", "text": "Россия"}],
                "aliases": ["Russian Federation"],
                "identifiers": [],
                "description": None,
                "sources": [{"source": "src", "quote": None, "locator": None}],
                "verification": "single_source",
                "alternatives": [],
            },
            {
                "id": "a-person",
                "kind": "person",
                "name": "A Person",
                "names": [],
                "aliases": [],
                "identifiers": [],
                "description": None,
                "sources": [{"source": "src", "quote": None, "locator": None}],
                "verification": "single_source",
                "alternatives": [],
            },
        ],
        "places": [
            {
                "id": "tskhinvali",
                "kind": "settlement",
                "name": "Tskhinvali",
                "names": [{"language": "ru", "text": "Цхинвал"}],
                "aliases": [],
                "located_in": None,
                "identifiers": [],
                "description": None,
                "sources": [{"source": "src", "quote": None, "locator": None}],
                "verification": "single_source",
                "alternatives": [],
            }
        ],
        "offices": [
            {
                "id": "an-office",
                "name": "An office",
                "organisation": "russia",
                "names": [],
                "holders": [
                    {
                        "person": "a-person",
                        "start": "2008-05-07",
                        "end": "2012-05-07",
                        "acting": False,
                        "sources": [{"source": "src", "quote": None, "locator": None}],
                        "notes": None,
                        "verification": "single_source",
                        "alternatives": [],
                    }
                ],
                "sources": [{"source": "src", "quote": None, "locator": None}],
            }
        ],
        "stances": [
            {
                "id": "a-stance",
                "holder": "russia",
                "subject": "a-person",
                "position": "recognises_independence",
                "since": "2008-08-26",
                "until": None,
                "summary": "Russia recognised it.",
                "events": ["an-event-2009"],
                "sources": [{"source": "src", "quote": None, "locator": None}],
                "notes": None,
                "verification": "single_source",
                "alternatives": [],
            }
        ],
        "agreements": [
            {
                "id": "treaty",
                "title": "A treaty",
                "type": "treaty",
                "level": "interstate",
                "parties": ["russia"],
                "signatories": [],
                "signed": "2008-09-17",
                "in_force": "2009-01-20",
                "number": None,
                "terms": [],
                "sources": [{"source": "src", "quote": "a quote", "locator": None}],
                "notes": None,
                "verification": "single_source",
                "alternatives": [],
            }
        ],
        "events": [
            {
                "id": "an-event-2009",
                "date": "2009-07-13",
                "kind": "visit",
                "title": "A visit",
                "summary": "Somebody visited.",
                "actors": [{"actor": "russia", "role": "visitor"}],
                "agreements": ["treaty"],
                "place": "tskhinvali",
                "sources": [{"source": "src", "quote": None, "locator": None}],
                "notes": None,
                "verification": "single_source",
                "alternatives": [],
            }
        ],
        "figures": [
            {
                "id": "a-figure-2009",
                "measure": "funding",
                "value": 8500000000,
                "upper": None,
                "qualifier": "exact",
                "unit": "RUB",
                "period": "2009",
                "stated": "2009-07-13",
                "claimed_by": "russia",
                "actors": [{"actor": "russia", "role": "payer"}],
                "event": "an-event-2009",
                "agreement": "treaty",
                "summary": "Russia said it would give this much.",
                "sources": [{"source": "src", "quote": "8.5 billion", "locator": None}],
                "notes": None,
                "verification": "single_source",
                "alternatives": [],
            }
        ],
    }


def problems_of(data: Any) -> str:
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    with pytest.raises(rso.DataError) as info:
        rso.loads(text)
    assert isinstance(info.value, ValueError)
    assert info.value.problems
    return str(info.value)


def changed(path: str, value: Any) -> dict[str, Any]:
    data = valid()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is DELETE:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


DELETE = object()
EVENT = "events[0] (id 'an-event-2009')"
AGREEMENT = "agreements[0] (id 'treaty')"


def test_valid_fixture_loads() -> None:
    ds = rso.loads(json.dumps(valid()))
    assert ds.events["an-event-2009"].agreements == ("treaty",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON: Expecting value (line 1, column 1)"),
        ('{"version": "1", "sources": [', "not valid JSON: Expecting value (line 1, column 30)"),
        ("", "not valid JSON: the text is empty"),
        ("  \n", "not valid JSON: the text is empty"),
        ("[]", "expected a dataset object at the top level, got an array"),
        ('"text"', "expected a dataset object at the top level, got a string"),
        (b'{"version": "\xff"}', "not valid UTF-8: byte 13: invalid start byte"),
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        ("\ufeff{}", "byte-order mark"),
        ('{"a": NaN}', "not valid JSON: NaN is not a valid JSON number"),
        ('{"a": Infinity}', "not valid JSON: Infinity is not a valid JSON number"),
        ('{"a": -Infinity}', "not valid JSON: -Infinity is not a valid JSON number"),
        (
            '{"a": ' + "9" * 5000 + "}",
            "not valid JSON: integer too long (5000 digits; at most 4300) (line 1, column 7)",
        ),
        (
            '{"a": "' + "9" * 5000 + '",\n "b": [1.5, -' + "9" * 5000 + "]}",
            "not valid JSON: integer too long (5000 digits; at most 4300) (line 2, column 13)",
        ),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
        ('{"a": 1, "a": 2}', "the key 'a' appears twice in one object"),
    ],
)
def test_unreadable_text(text: str | bytes, message: str) -> None:
    assert message in problems_of(text)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("events.0.summary", DELETE, f"{EVENT}: summary: required field is missing"),
        ("events.0.extra", 1, f"{EVENT}: unknown field 'extra'"),
        ("events.0.title", 42, f"{EVENT}: title: expected a string, got a number"),
        ("events.0.title", None, f"{EVENT}: title: expected a string, got null"),
        ("events.0.title", "", f"{EVENT}: title: must be a non-empty string"),
        ("events.0.title", "  ", f"{EVENT}: title: must be a non-empty string"),
        ("events.0.kind", "visitt", f"{EVENT}: kind: 'visitt' is not a valid EventKind"),
        ("events.0.kind", None, f"{EVENT}: kind: None is not a valid EventKind"),
        (
            "events.0.date",
            "2009-02-30",
            f"{EVENT}: date: '2009-02-30' is not a valid date: February 2009 has 28 days",
        ),
        ("events.0.date", 2009, f"{EVENT}: date: expected a date string"),
        ("events.0.date", "2009/2008", f"{EVENT}: date: span 2009/2008 ends before it starts"),
        ("events.0.actors", "russia", f"{EVENT}: actors: expected an array, got a string"),
        (
            "events.0.actors",
            [{"actor": "russia", "role": "hero"}],
            f"{EVENT}: actors[0].role: 'hero' is not a valid Role",
        ),
        (
            "events.0.actors",
            [{"actor": "russia"}, {"actor": "russia"}],
            f"{EVENT}: actors: actor 'russia' is listed twice",
        ),
        (
            "events.0.actors",
            [{"actor": "nobody"}],
            f"{EVENT}: actors[0].actor: unknown actor 'nobody'",
        ),
        ("events.0.agreements", ["none"], f"{EVENT}: agreements[0]: unknown agreement 'none'"),
        (
            "events.0.sources",
            [{"source": "none"}],
            f"{EVENT}: sources[0].source: unknown source 'none'",
        ),
        ("events.0.sources", [], f"{EVENT}: sources: must cite at least one source"),
        (
            "events.0.id",
            "Not A Slug",
            "events[0] (id 'Not A Slug'): id: 'Not A Slug' is not a valid id",
        ),
        ("events.0", [], "events[0]: expected an object, got an array"),
        ("events", {}, "events: expected an array, got an object"),
        ("events", DELETE, "events: required field is missing"),
        ("version", DELETE, "version: required field is missing"),
        ("version", 3, "version: expected a non-empty string, got a number"),
        ("extra", [], "unknown top-level field 'extra'"),
        (
            "agreements.0.in_force",
            "2008-01-01",
            f"{AGREEMENT}: in_force: 2008-01-01 is before the signature date 2008-09-17",
        ),
        ("agreements.0.parties", ["nobody"], f"{AGREEMENT}: parties[0]: unknown actor 'nobody'"),
        ("agreements.0.type", "pact", f"{AGREEMENT}: type: 'pact' is not a valid AgreementType"),
        ("agreements.0.number", 1261, f"{AGREEMENT}: number: expected a string, got a number"),
        (
            "sources.0.url",
            "ftp://example.org/a",
            "sources[0] (id 'src'): url: 'ftp://example.org/a' is not an http or https URL",
        ),
        (
            "sources.0.url",
            "javascript:alert(1)",
            "sources[0] (id 'src'): url: 'javascript:alert(1)' is not an http or https URL",
        ),
        (
            "sources.0.language",
            "English",
            "sources[0] (id 'src'): language: 'English' is not a language code",
        ),
        (
            "actors.0.kind",
            "country",
            "actors[0] (id 'russia'): kind: 'country' is not a valid ActorKind",
        ),
        (
            "actors.0.aliases",
            [True],
            "actors[0] (id 'russia'): aliases[0]: expected a string, got a boolean",
        ),
        (
            "actors.0.names",
            [{"language": "ru"}],
            "actors[0] (id 'russia'): names[0].text: required field is missing",
        ),
    ],
)
def test_invalid_field(path: str, value: Any, message: str) -> None:
    assert message in problems_of(changed(path, value))


def test_duplicate_id() -> None:
    data = valid()
    data["events"].append(copy.deepcopy(data["events"][0]))
    assert (
        "events[1] (id 'an-event-2009'): id: duplicate id, also used by events[0]"
        in problems_of(data)
    )


def test_every_problem_is_listed() -> None:
    data = changed("events.0.title", 1)
    data["events"][0]["date"] = "2009-13"
    data["sources"][0]["url"] = "file:///etc/passwd"
    message = problems_of(data)
    assert message.startswith("3 problems:")
    assert "title" in message
    assert "date" in message
    assert "url" in message


def test_deep_nesting_inside_a_record() -> None:
    data = valid()
    data["events"][0]["notes"] = [[[[[[]]]]]]
    assert f"{EVENT}: notes: expected a string, got an array" in problems_of(data)
    deep = "[" * 50_000 + "]" * 50_000
    text = json.dumps(valid()).replace('"notes": null', f'"notes": {deep}')
    assert "nested too deeply" in problems_of(text)


@pytest.mark.parametrize("record_type", [rso.Event, rso.Agreement, rso.Actor, rso.Source])
def test_single_record_errors(record_type: type[Any]) -> None:
    with pytest.raises(rso.DataError, match=r"^\w+: expected an object, got an array$"):
        rso.loads("[]", record_type)


def test_records_reject_wrong_python_values() -> None:
    source = rso.Source(id="s", title="t", publisher="p", url=None, language="en")
    with pytest.raises(TypeError, match="aliases: must be a tuple, not list"):
        rso.Actor(
            id="a",
            kind=rso.ActorKind.STATE,
            name="A",
            aliases=["x"],
            sources=(rso.Citation(source=source.id),),
            verification=rso.Verification.SINGLE_SOURCE,
        )  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sources: must cite at least one source"):
        rso.Actor(
            id="a",
            kind=rso.ActorKind.STATE,
            name="A",
            sources=(),
            verification=rso.Verification.SINGLE_SOURCE,
        )
    with pytest.raises(rso.DataError, match="unknown source 'missing'"):
        rso.Dataset(
            version="1",
            actors=rso.Actors(
                [
                    rso.Actor(
                        id="a",
                        kind=rso.ActorKind.STATE,
                        name="A",
                        sources=(rso.Citation(source="missing"),),
                        verification=rso.Verification.SINGLE_SOURCE,
                    )
                ]
            ),
        )


def test_strict_scalar_hooks() -> None:
    from ru_so_relations._converter import converter

    assert converter.structure(3, int) == 3
    assert converter.structure(True, bool) is True
    for value, target, message in [
        (True, int, "expected an integer, got a boolean"),
        ("3", int, "expected an integer, got a string"),
        (1, bool, "expected true or false, got a number"),
        (None, str, "expected a string, got null"),
        (42, str, "expected a string, got a number"),
    ]:
        with pytest.raises(TypeError, match=message):
            converter.structure(value, target)
