from __future__ import annotations

import csv
import datetime
import errno
import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import ru_so_relations as rso
from ru_so_relations import _cli
from ru_so_relations._cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_timeline_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split() == ["DATE", "KIND", "TITLE"]
    assert len(lines) == len(rso.load().events)
    first = rso.load().events[0]
    assert lines[0].startswith(str(first.date))
    assert lines[0].endswith(first.title)
    assert run(capsys, "timeline")[1] == out


def test_timeline_filters(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    expected = ds.events.between("2009").involving("Medvedev").of_kind("visit")
    status, out, _ = run(
        capsys,
        "timeline",
        "--between",
        "2009",
        "--actor",
        "Medvedev",
        "--kind",
        "visit",
        "--format",
        "json",
    )
    assert status == 0
    assert rso.loads(out, rso.Events) == rso.Events(expected)
    status, out, _ = run(capsys, "--between", "2008-08-07", "2008-08-26", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == list(ds.events.between("2008-08-07", "2008-08-26").ids)
    assert set(rows[0]) == {"id", "date", "kind", "title", "actors"}


def test_timeline_overlap(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    _, out, _ = run(capsys, "--between", "2008-08-08", "--overlap", "--format", "csv")
    ids = [r["id"] for r in csv.DictReader(io.StringIO(out))]
    assert ids == list(ds.events.between("2008-08-08", overlap=True).ids)


def test_unknown_actor_exits_2_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "timeline", "--actor", "Medvedv")
    assert status == 2
    assert out == ""
    assert err == (
        "ru-so-relations: error: no actor is known as 'Medvedv'; "
        "did you mean 'Dmitry Medvedev', 'Nikolai Medvedev'?\n"
    )


def one_line_error(err: str) -> str:
    """The message of a one-line error on stderr, checking it is one."""
    assert "Traceback" not in err
    assert err.startswith("ru-so-relations: error: "), err
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    return err.removeprefix("ru-so-relations: error: ").removesuffix("\n")


KINDS = ", ".join(k.value for k in rso.EventKind)
TYPES = ", ".join(t.value for t in rso.AgreementType)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--between", "2009-02-30"],
            "--between: '2009-02-30' is not a valid date: February 2009 has 28 days",
        ),
        (
            ["--between", "2008-02-30"],
            "--between: '2008-02-30' is not a valid date: February 2008 has 29 days",
        ),
        (
            ["--between", "2008-13"],
            "--between: '2008-13' is not a valid date: month must be from 01 to 12",
        ),
        (
            ["--between", "0000"],
            "--between: '0000' is not a valid date: year must be from 0001 to 9999",
        ),
        (
            ["--between", "26.08.2008"],
            "--between: '26.08.2008' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (["--between", "2009", "2008"], "--between: the range ends (2008) before it starts (2009)"),
        (["--between", "2008", "2009", "2010"], "--between: give one or two dates, not 3"),
        (["--between"], "--between: expected at least one argument"),
        (["--overlap"], "--overlap: give --between too"),
        (["--including-parts"], "--including-parts: give --actor too"),
        (["agreements", "--including-parts"], "--including-parts: give --actor too"),
        (["--kind", "trip"], f"--kind: 'trip' is not a kind; expected one of: {KINDS}"),
        (
            ["--kind", "visits"],
            f"--kind: 'visits' is not a kind; did you mean 'visit'? expected one of: {KINDS}",
        ),
        (
            ["--verified", "yes"],
            "--verified: 'yes' is not a verification status; expected one of: confirmed, "
            "single_source, disputed, seed_only",
        ),
        (["--format", "xml"], "--format: 'xml' is not a format; expected one of: text, json, csv"),
        (
            ["agreements", "--type", "pact"],
            f"--type: 'pact' is not a type; expected one of: {TYPES}",
        ),
        (
            ["agreements", "--in-force-on", "2009-02-29"],
            "--in-force-on: '2009-02-29' is not a valid date: February 2009 has 28 days",
        ),
        (
            ["agreements", "--between", "2015", "2008"],
            "--between: the range ends (2008) before it starts (2015)",
        ),
        (
            ["stances", "--on", "2009-04-31"],
            "--on: '2009-04-31' is not a valid date: April 2009 has 30 days",
        ),
        (
            ["stances", "--position", "neutral"],
            "--position: 'neutral' is not a position; expected one of: "
            + ", ".join(p.value for p in rso.StancePosition),
        ),
        (
            ["offices", "--on", "2009-13"],
            "--on: '2009-13' is not a valid date: month must be from 01 to 12",
        ),
        (["offices", "no-such-office"], "no office with id 'no-such-office'"),
        (["offices", "--person", "Nobody Atall"], "no actor is known as 'Nobody Atall'"),
        (["--place", "Atlantis"], "no place is known as 'Atlantis'"),
        (
            ["show", "russia", "--format", "csv"],
            "--format: 'csv' is not a format; expected one of: text, json",
        ),
        (
            ["cite", "--style", "apa"],
            "--style: 'apa' is not a citation style; expected one of: text, bibtex, cff",
        ),
        (
            ["show", "medvedev-visit-tskhinvali-2008"],
            "no record with id 'medvedev-visit-tskhinvali-2008'; did you mean "
            "'medvedev-visit-tskhinvali-2009', 'civil-ge-medvedev-visits-tskhinvali-2009', "
            "'patrushev-visits-tskhinvali-2010'?",
        ),
        (["timeline", "extra"], "unrecognized arguments: extra"),
        (["export"], "the following arguments are required: OUT"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert one_line_error(err) == message


COMMANDS = (
    "timeline, agreements, actors, places, offices, stances, figures, show, cite, validate, "
    "export, schema"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["timelin"],
            f"unknown command 'timelin' (commands: {COMMANDS}); did you mean 'timeline'?",
        ),
        (
            ["Agreement"],
            f"unknown command 'Agreement' (commands: {COMMANDS}); did you mean 'agreements'?",
        ),
        (["visit", "--between", "2009"], f"unknown command 'visit' (commands: {COMMANDS})"),
        (
            ["2008"],
            f"unknown command '2008' (commands: {COMMANDS}); did you mean '--between 2008'?",
        ),
        (
            ["help", "offfices"],
            f"unknown command 'offfices' (commands: {COMMANDS}); did you mean 'offices'?",
        ),
    ],
)
def test_an_unknown_command_is_an_error(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert one_line_error(err) == message


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "help")
    assert status == 0
    assert out.startswith("usage: ru-so-relations [-h] [--version] COMMAND ...")
    assert "Exit status: 0 on success" in " ".join(out.split())
    status, out, _ = run(capsys, "help", "agreements")
    assert status == 0
    assert out.startswith("usage: ru-so-relations agreements")
    assert "--in-force-on DATE" in out


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        (["--kind", "VISIT", "--between", "2009"], ["--kind", "visit", "--between", "2009"]),
        (["--kind", "Armed-Conflict"], ["--kind", "armed_conflict"]),
        (["--verified", "Disputed"], ["--verified", "disputed"]),
        (["--format", "CSV"], ["--format", "csv"]),
        (["agreements", "--type", "Treaty"], ["agreements", "--type", "treaty"]),
        (
            ["stances", "--position", "RECOGNISES_INDEPENDENCE"],
            ["stances", "--position", "recognises_independence"],
        ),
        (["show", "russia", "--format", "JSON"], ["show", "russia", "--format", "json"]),
        (["cite", "--style", "BibTeX"], ["cite", "--style", "bibtex"]),
        (["export", "-", "--format", "JSONL"], ["export", "-", "--format", "jsonl"]),
    ],
)
def test_option_values_in_any_case(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    same_as: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    first = run(capsys, *args)
    assert first[0] == 0, first[2]
    assert first == run(capsys, *same_as)


def test_agreements(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    status, out, _ = run(capsys, "agreements", "--type", "treaty", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == list(ds.agreements.of_type("treaty").ids)
    assert rows
    assert all(r["type"] == "treaty" for r in rows)
    status, out, _ = run(capsys, "agreements", "--actor", "Kokoity")
    header, *lines = out.splitlines()
    assert header.split() == ["ID", "LEVEL", "SIGNED", "IN", "FORCE", "TITLE"]
    assert len(lines) == len(ds.agreements.involving("Kokoity")) > 0
    treaty = ds.agreements["treaty-alliance-integration-2015"]
    status, out, _ = run(capsys, "agreements", "--between", "2015-03", "--type", "treaty")
    assert out.splitlines()[1].split()[:4] == [treaty.id, "interstate", "2015-03-18", "2015-07-30"]
    assert out.splitlines()[1].endswith(treaty.title)
    status, out, _ = run(capsys, "agreements", "--between", "2008", "2015", "--format", "csv")
    ids = [r["id"] for r in csv.DictReader(io.StringIO(out))]
    assert ids == list(ds.agreements.between("2008", "2015").ids)


def test_agreements_in_force_on(capsys: pytest.CaptureFixture[str]) -> None:
    agreements = rso.load().agreements
    treaty = "treaty-friendship-cooperation-mutual-assistance-2008"  # in force from 2009-01-20
    assert treaty in agreements.in_force("2009-01-20")
    assert treaty in agreements.in_force(datetime.date(2009, 1, 21))
    assert treaty not in agreements.in_force("2009-01-19")
    assert treaty not in agreements.in_force("2009-01")  # not for the whole month
    assert treaty in agreements.in_force("2009-02")
    day = rso.PartialDate.parse("2016")
    kept = agreements.in_force(day)
    for agreement in agreements:
        known_by_then = agreement.in_force is not None and agreement.in_force.latest <= day.earliest
        not_ended = agreement.terminated is None or agreement.terminated.earliest > day.earliest
        assert (agreement in kept) == (known_by_then and not_ended)
    assert 0 < len(kept) < len(agreements)
    assert list(kept) == [a for a in agreements if a in kept]  # in order of signature
    with pytest.raises(ValueError, match="on: '2016-02-30' is not a valid date"):
        agreements.in_force("2016-02-30")
    status, out, _ = run(capsys, "agreements", "--in-force-on", "2016", "--format", "csv")
    assert status == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == list(kept.ids)
    assert "had not been terminated by then" in " ".join(
        run(capsys, "agreements", "--help")[1].split()
    )


def test_including_parts_is_passed_through(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ds = rso.load()
    part = "prosecutor-general-office-russia"
    actors = rso.Actors(
        attrs.evolve(a, part_of="government-of-russia") if a.id == part else a for a in ds.actors
    )
    path = tmp_path / "parts.json"
    rso.dump(attrs.evolve(ds, actors=actors), path)
    mine = rso.load(path)
    for command, collection in [("timeline", mine.events), ("agreements", mine.agreements)]:
        without = collection.involving("government-of-russia")
        with_parts = collection.involving("government-of-russia", including_parts=True)
        assert len(without) < len(with_parts)
        for flags, expected in [([], without), (["--including-parts"], with_parts)]:
            args = [command, "--data", str(path), "--actor", "government-of-russia", *flags]
            status, out, _ = run(capsys, *args, "--format", "csv")
            assert status == 0
            assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == list(expected.ids)
    out_path = tmp_path / "out.json"
    args = ["--data", str(path), "--actor", "government-of-russia", "--including-parts"]
    status, _, _ = run(capsys, "export", str(out_path), *args)
    assert status == 0
    assert (
        rso.load(out_path).events.ids
        == mine.events.involving("government-of-russia", including_parts=True).ids
    )


def test_actors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "actors", "--format", "json")
    assert status == 0
    assert rso.loads(out, rso.Actors) == rso.load().actors


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    event = ds.events[0]
    status, out, _ = run(capsys, "show", event.id, "--format", "json")
    assert status == 0
    assert rso.loads(out, rso.Event) == event
    status, out, _ = run(capsys, "show", event.id)
    assert out.startswith(f"Event {event.id}\n")
    assert f"title: {event.title}" in out
    status, out, _ = run(capsys, "show", "russia")
    assert out.startswith("Actor russia\n")


def test_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    rso.dump(rso.load(), good)
    status, out, _ = run(capsys, "validate", str(good))
    assert status == 0
    assert "valid (" in out
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "2009-02-30"
    bad.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(bad))
    assert status == 1
    assert "date: '2009-02-30' is not a valid date" in out


def test_data_option_reads_a_users_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    ds = rso.load()
    rso.dump(
        rso.Dataset(version="mine", publishers=ds.publishers, sources=ds.sources, actors=ds.actors),
        path,
    )
    status, out, err = run(capsys, "timeline", "--data", str(path))
    assert (status, out, err) == (0, "DATE  KIND  TITLE\n", "ru-so-relations: no events match\n")
    path.write_text("{", encoding="utf-8")
    status, _, err = run(capsys, "timeline", "--data", str(path))
    assert status == 1
    assert one_line_error(err) == (
        f"{path}: not valid JSON: Expecting property name enclosed in double quotes "
        "(line 1, column 2)"
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out == f"ru-so-relations {rso.__version__} (data {rso.DATA_VERSION})\n"


@pytest.mark.slow
def test_python_dash_m_and_a_real_mistake() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ru_so_relations", "timeline", "--between", "2008-08-26"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "2008-08-26" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "ru_so_relations", "--data", "/no/such/file.json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "ru-so-relations: error: cannot read '/no/such/file.json': no such file or folder\n"
    )


@pytest.mark.slow
def test_a_closed_pipe_is_quiet() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ru_so_relations", "timeline", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # like `| head`: the output (about 1 MB) fills the pipe, then fails
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert err == b""


OFFICES_HEADER = ["START", "END", "ACTING", "PERSON", "PERSON", "NAME", "OFFICE", "OFFICE", "NAME"]
"""The words of the `offices` listing's header line."""


def test_offices(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "offices", "president-of-russia", "--on", "2009-07-13")
    assert status == 0
    header, *lines = out.splitlines()
    assert header.split() == OFFICES_HEADER
    assert lines[0].split() == [
        "2008-05-07",
        "2012-05-07",
        "dmitry-medvedev",
        "Dmitry",
        "Medvedev",
        "president-of-russia",
        *["President", "of", "the", "Russian", "Federation"],
    ]
    assert len(lines) == 1
    status, out, _ = run(capsys, "offices", "--person", "Кокойты", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert {r["office"] for r in rows} == {o.id for o, _ in rso.load().offices.held_by("Kokoity")}
    assert all(r["person"] == "eduard-kokoity" for r in rows)
    assert all(r["person_name"] == "Eduard Kokoity" for r in rows)
    status, out, _ = run(capsys, "offices", "--format", "json")
    total = sum(len(o.holders) for o in rso.load().offices)
    assert status == 0
    assert len(json.loads(out)) == total
    status, out, err = run(capsys, "offices", "--person", "Kokoity", "president-of-russia")
    assert (status, err) == (0, "ru-so-relations: no tenures match\n")
    assert out.split() == OFFICES_HEADER


def test_stances_and_places(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    status, out, _ = run(
        capsys, "stances", "--on", "2013-01-01", "--position", "recognises_independence"
    )
    assert status == 0
    header, *lines = out.splitlines()
    assert header.split() == ["HOLDER", "POSITION", "SINCE", "UNTIL", "SUBJECT"]
    holders = {line.split()[0] for line in lines}
    expected = ds.stances.of_position("recognises_independence").on("2013-01-01")
    assert holders == {s.holder for s in expected}
    assert "tuvalu" in holders
    status, out, _ = run(capsys, "places", "--format", "csv")
    assert status == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == list(ds.places.ids)
    status, out, _ = run(capsys, "timeline", "--place", "Цхинвал", "--verified", "confirmed")
    assert status == 0
    events = ds.events.at("tskhinvali").verified("confirmed")
    assert len(out.splitlines()) == len(events) + 1 > 1
    status, out, _ = run(capsys, "show", "tskhinvali")
    assert status == 0
    assert out.startswith("Place tskhinvali\n")
    status, out, _ = run(capsys, "show", "president-of-russia", "--format", "json")
    assert status == 0
    assert json.loads(out)["id"] == "president-of-russia"


def documented_commands() -> list[str]:
    """Every `ru-so-relations` line in a shell block of the README or the docs."""
    root = Path(__file__).resolve().parent.parent
    found: list[str] = []
    for page in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        if not page.exists():
            continue
        blocks = re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
        found += [
            line.strip()
            for block in blocks
            for line in block.splitlines()
            if line.strip().startswith("ru-so-relations ")
        ]
    return found


@pytest.mark.parametrize("command", documented_commands())
def test_documented_command_runs(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    rso.dump(rso.load(), tmp_path / "my-dataset.json")
    status, out, err = run(capsys, *shlex.split(command)[1:])
    assert status == 0, err
    assert out.strip(), f"{command} printed nothing"


def test_some_commands_are_documented() -> None:
    commands = documented_commands()
    assert len(commands) >= 10
    # the README's tour of the command line, word for word
    for line in (
        "ru-so-relations timeline --between 2008-08 --actor Medvedev",
        "ru-so-relations agreements --type treaty --format csv",
        "ru-so-relations show decree-1261-recognition-south-ossetia-2008",
        "ru-so-relations validate my-dataset.json",
    ):
        assert line in commands, line
    # and the docs show each of these commands at least once
    shown = {shlex.split(command)[1] for command in commands}
    expected = {
        "timeline",
        "agreements",
        "offices",
        "stances",
        "show",
        "validate",
        "export",
        "schema",
    }
    assert expected <= shown, expected - shown


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out) == rso.json_schema()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out_path = tmp_path / ("out.json" if fmt == "json" else "out")
    status, out, err = run(capsys, "export", str(out_path), "--format", fmt, "--between", "2008")
    assert status == 0, err
    expected = rso.load().events.between("2008")
    assert out.startswith(f"wrote {len(expected)} events")
    if fmt == "json":
        assert rso.load(out_path).events == rso.load(out_path).events.between("2008")
        assert rso.load(out_path).events.ids == expected.ids
    elif fmt == "jsonl":
        assert rso.load(out_path).events.ids == expected.ids
    elif fmt == "csv":
        with (out_path / "events.csv").open(encoding="utf-8") as file:
            assert [r["id"] for r in csv.DictReader(file)] == list(expected.ids)
    else:
        assert (out_path / "events.parquet").exists()


def test_export_without_pyarrow_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, _, err = run(capsys, "export", str(tmp_path / "p"), "--format", "parquet")
    assert status == 2
    assert "ru-so-relations[arrow]" in err


# --- files that cannot be read or written ---------------------------------------------------


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    """Paths a user might give by mistake."""
    a_file = tmp_path / "a-file.json"
    a_file.write_text("{}", encoding="utf-8")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a dataset", encoding="utf-8")
    return {
        "missing": str(tmp_path / "missing.json"),
        "folder": str(folder),
        "inside a file": str(a_file / "x.json"),
        "a file": str(a_file),
        "missing folder": str(tmp_path / "no" / "out.json"),
    }


READ_ERRORS = {
    "missing": "cannot read '{path}': no such file or folder",
    "folder": "cannot read '{path}': it is a folder, not a dataset file (nor a folder written by "
    "'export --format jsonl', which has dataset-meta.json)",
    "inside a file": "cannot read '{path}': a part of the path is a file, not a folder",
}


@pytest.mark.parametrize(
    "command",
    [
        ["timeline", "--data"],
        ["agreements", "--data"],
        ["show", "russia", "--data"],
        ["export", "out.json", "--data"],
        ["validate"],
    ],
)
@pytest.mark.parametrize("mistake", list(READ_ERRORS))
def test_a_file_that_cannot_be_read(
    capsys: pytest.CaptureFixture[str],
    places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: list[str],
    mistake: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = places[mistake]
    status, out, err = run(capsys, *command, path)
    assert (status, out) == (2, "")
    assert one_line_error(err) == READ_ERRORS[mistake].format(path=path)
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("command", [["timeline", "--data"], ["validate"]])
def test_a_file_without_permission(
    capsys: pytest.CaptureFixture[str],
    places: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    path = places["a file"]

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(file))

    # tests may run as root, for whom permissions do not stop reading: refuse where load
    # opens the file
    monkeypatch.setattr("ru_so_relations._io.open", refuse, raising=False)
    status, out, err = run(capsys, *command, path)
    assert (status, out) == (2, "")
    assert one_line_error(err) == f"cannot read '{path}': permission denied"


@pytest.mark.parametrize(
    ("mistake", "fmt", "message"),
    [
        ("missing folder", "json", "cannot write '{path}': its folder does not exist"),
        (
            "inside a file",
            "json",
            "cannot write '{path}': a part of the path is a file, not a folder",
        ),
        (
            "inside a file",
            "csv",
            "cannot write '{path}': a part of the path is a file, not a folder",
        ),
        (
            "folder",
            "json",
            "cannot write '{path}': it is a folder, and --format json writes one file",
        ),
        (
            "a file",
            "csv",
            "cannot write '{path}': it is a file, and --format csv writes a folder of tables",
        ),
        (
            "a file",
            "jsonl",
            "cannot write '{path}': it is a file, and --format jsonl writes a folder of tables",
        ),
    ],
)
def test_a_file_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str],
    places: dict[str, str],
    mistake: str,
    fmt: str,
    message: str,
) -> None:
    path = places[mistake]
    status, out, err = run(capsys, "export", path, "--format", fmt)
    assert (status, out) == (2, "")
    assert one_line_error(err) == message.format(path=path)


def test_a_folder_without_permission(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(target: Path) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(target.parent))

    monkeypatch.setattr(
        "ru_so_relations._formats.atomic.new_temp_file", refuse
    )  # tests may run as root
    path = tmp_path / "out.json"
    status, out, err = run(capsys, "export", str(path))
    assert (status, out) == (2, "")
    assert one_line_error(err) == f"cannot write '{path}': permission denied"
    status, out, err = run(capsys, "export", str(tmp_path / "tables"), "--format", "csv")
    assert (status, out) == (2, "")
    assert one_line_error(err) == f"cannot write '{tmp_path / 'tables'}': permission denied"


def test_a_jsonl_folder_is_read_and_a_broken_one_is_invalid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "tables"
    assert run(capsys, "export", str(folder), "--format", "jsonl")[0] == 0
    status, out, _ = run(capsys, "validate", str(folder))
    assert (status, out.split(": ")[1].split()[0]) == (0, "valid")
    (folder / "events.jsonl").unlink()
    status, out, err = run(capsys, "validate", str(folder))
    assert (status, out, err) == (
        1,
        f"{folder}: invalid\nevents.jsonl: required file is missing\n",
        "",
    )
    status, out, err = run(capsys, "--data", str(folder))
    assert (status, out) == (1, "")
    assert one_line_error(err) == f"{folder}: events.jsonl: required file is missing"


# --- how the program ends ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "status", "err"),
    [
        (KeyboardInterrupt(), 130, ""),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 0, ""),
        (
            OSError(errno.EIO, "Input/output error", "/dev/sdz"),
            2,
            "ru-so-relations: error: cannot read or write '/dev/sdz': input/output error\n",
        ),
        (rso.DataError(["something is wrong"]), 1, "ru-so-relations: error: something is wrong\n"),
    ],
)
def test_no_traceback_escapes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    raised: BaseException,
    status: int,
    err: str,
) -> None:
    def fail(*args: object) -> int:
        raise raised

    monkeypatch.setattr(_cli, "_run", fail)
    assert run(capsys, "timeline") == (status, "", err)


# --- no results, headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "text", "note"),
    [
        (["--between", "2031"], "DATE  KIND  TITLE\n", "no events match"),
        (
            ["agreements", "--between", "2031"],
            "ID  LEVEL  SIGNED  IN FORCE  TITLE\n",
            "no agreements match",
        ),
        (
            ["agreements", "--in-force-on", "1990"],
            "ID  LEVEL  SIGNED  IN FORCE  TITLE\n",
            "no agreements match",
        ),
        (
            ["stances", "--data", "{empty}"],
            "HOLDER  POSITION  SINCE  UNTIL  SUBJECT\n",
            "no positions match",
        ),
        (
            ["offices", "president-of-russia", "--on", "1950"],
            "START  END  ACTING  PERSON  PERSON NAME  OFFICE  OFFICE NAME\n",
            "no tenures match",
        ),
    ],
)
def test_no_results_say_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], text: str, note: str
) -> None:
    empty = tmp_path / "empty.json"
    ds = rso.load()
    rso.dump(
        rso.Dataset(
            version="empty", publishers=ds.publishers, sources=ds.sources, actors=ds.actors
        ),
        empty,
    )
    args = [a.format(empty=empty) for a in args]
    note_line = f"ru-so-relations: {note}\n"
    assert run(capsys, *args) == (0, text, note_line)
    assert run(capsys, *args, "--format", "json") == (0, "[]\n", note_line)
    status, out, err = run(capsys, *args, "--format", "csv")
    assert (status, len(out.splitlines()), err) == (0, 1, note_line)


def test_every_text_listing_has_a_header(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    listings = {
        "timeline": ("DATE KIND TITLE", len(ds.events)),
        "agreements": ("ID LEVEL SIGNED IN FORCE TITLE", len(ds.agreements)),
        "actors": ("ID KIND NAME", len(ds.actors)),
        "places": ("ID KIND NAME", len(ds.places)),
        "offices": (
            "START END ACTING PERSON PERSON NAME OFFICE OFFICE NAME",
            sum(len(o.holders) for o in ds.offices),
        ),
        "stances": ("HOLDER POSITION SINCE UNTIL SUBJECT", len(ds.stances)),
    }
    for command, (header, count) in listings.items():
        status, out, err = run(capsys, command)
        assert (status, err) == (0, "")
        first, *lines = out.splitlines()
        assert " ".join(first.split()) == header
        assert len(lines) == count
    # the header names the columns where they are: the last column starts under its name
    _, out, _ = run(capsys, "agreements")
    first, *lines = out.splitlines()
    start = first.index("TITLE")
    assert [line[start:] for line in lines] == [a.title for a in ds.agreements]


def test_cite(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "cite") == (0, rso.cite() + "\n", "")
    assert run(capsys, "cite", "--style", "bibtex") == (0, rso.cite("bibtex") + "\n", "")
    assert run(capsys, "cite", "--style", "cff") == (0, rso.cite("cff"), "")


def test_a_bug_is_one_line_unless_debugging(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("ru_so_relations._cli._run", broken)
    status, out, err = run(capsys, "timeline")
    assert (status, out) == (70, "")
    assert err.count("\n") == 1
    assert err.startswith("ru-so-relations: internal error: ZeroDivisionError: division by zero")
    assert "RU_SO_RELATIONS_DEBUG=1" in err
    monkeypatch.setenv("RU_SO_RELATIONS_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["timeline"])
