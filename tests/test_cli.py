from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import ru_so_relations as rso
from ru_so_relations._cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_timeline_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    lines = out.splitlines()
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
    assert "no actor is known as 'Medvedv'; did you mean 'Dmitry Medvedev'?" in err
    assert (
        err
        == "ru-so-relations: error: no actor is known as 'Medvedv'; did you mean 'Dmitry Medvedev'?\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--between", "2009-02-30"], "'2009-02-30' is not a valid date"),
        (["--between", "2009", "2008"], "before it starts"),
        (["--between", "2008", "2009", "2010"], "--between takes one or two dates"),
        (["--kind", "trip"], "invalid choice: 'trip'"),
        (["agreements", "--type", "pact"], "invalid choice: 'pact'"),
        (
            ["show", "medvedev-visit-tskhinvali-2008"],
            "no record with id 'medvedev-visit-tskhinvali-2008'; did you mean",
        ),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    status, _, err = run(capsys, *args)
    assert status == 2
    assert message in err


def test_agreements(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    status, out, _ = run(capsys, "agreements", "--type", "treaty", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == list(ds.agreements.of_type("treaty").ids)
    assert rows
    assert all(r["type"] == "treaty" for r in rows)
    status, out, _ = run(capsys, "agreements", "--actor", "Kokoity")
    assert len(out.splitlines()) == len(ds.agreements.involving("Kokoity")) > 0


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
    rso.dump(rso.Dataset(version="mine", sources=ds.sources, actors=ds.actors), path)
    status, out, _ = run(capsys, "timeline", "--data", str(path))
    assert (status, out) == (0, "")
    path.write_text("{", encoding="utf-8")
    status, _, err = run(capsys, "timeline", "--data", str(path))
    assert status == 1
    assert "not valid JSON" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out == f"ru-so-relations {rso.__version__} (data {rso.DATA_VERSION})\n"


@pytest.mark.slow
def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ru_so_relations", "timeline", "--between", "2008-08-26"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "2008-08-26" in result.stdout


def test_offices(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "offices", "president-of-russia", "--on", "2009-07-13")
    assert status == 0
    assert out.split()[:3] == ["2008-05-07", "2012-05-07", "dmitry-medvedev"]
    assert len(out.splitlines()) == 1
    status, out, _ = run(capsys, "offices", "--person", "Кокойты", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert {r["office"] for r in rows} == {o.id for o, _ in rso.load().offices.held_by("Kokoity")}
    assert all(r["person"] == "eduard-kokoity" for r in rows)
    status, out, _ = run(capsys, "offices", "--format", "json")
    total = sum(len(o.holders) for o in rso.load().offices)
    assert status == 0
    assert len(json.loads(out)) == total
    status, _, err = run(capsys, "offices", "no-such-office")
    assert status == 2
    assert "no office with id 'no-such-office'" in err
    status, _, err = run(capsys, "offices", "--on", "2009-13")
    assert status == 2
    assert "2009-13" in err


def test_stances_and_places(capsys: pytest.CaptureFixture[str]) -> None:
    ds = rso.load()
    status, out, _ = run(
        capsys, "stances", "--on", "2013-01-01", "--position", "recognises_independence"
    )
    assert status == 0
    holders = {line.split()[0] for line in out.splitlines()}
    expected = ds.stances.of_position("recognises_independence").on("2013-01-01")
    assert holders == {s.holder for s in expected}
    assert "tuvalu" in holders
    status, out, _ = run(capsys, "places", "--format", "csv")
    assert status == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == list(ds.places.ids)
    status, out, _ = run(capsys, "timeline", "--place", "Цхинвал", "--verified", "confirmed")
    assert status == 0
    events = ds.events.at("tskhinvali").verified("confirmed")
    assert len(out.splitlines()) == len(events) > 0
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
