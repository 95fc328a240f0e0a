"""Figures: the record, its rules, its queries, its files, its command and the bundled data."""

from __future__ import annotations

import copy
import csv
import decimal
import json
import re
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ru_so_relations as rso
from tests import strategies
from tests.test_bad_input import problems_of, valid
from tests.test_cli import run

if TYPE_CHECKING:
    from pathlib import Path

D = decimal.Decimal
FIGURE = "figures[0] (id 'a-figure-2009')"


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


@pytest.fixture(scope="module")
def sample(ds: rso.Dataset) -> rso.Figure:
    return ds.figures.of_measure("funding")[0]


# --- the record ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"qualifier": rso.Qualifier.RANGE}, "upper: a range must give its upper end"),
        ({"upper": 10**12}, "upper: only a range has an upper end"),
        (
            {"qualifier": rso.Qualifier.RANGE, "value": 5, "upper": 5},
            "upper: 5 is not above the lower end 5",
        ),
        ({"unit": "people"}, "unit: a figure of funding is money"),
        ({"measure": rso.Measure.KILLED}, "unit: a figure of killed is not money, so not in RUB"),
        (
            {"measure": rso.Measure.BUDGET_SHARE, "unit": "people"},
            "unit: a budget share is in 'percent'",
        ),
        ({"value": -1}, "value: a figure of funding cannot be negative"),
        ({"value": D("2.0")}, "value: 2.0 is a whole number: give it as an int"),
        ({"value": D("2.50")}, "value: 2.50 has trailing zeros: write Decimal('2.5')"),
        (
            {"value": D("0.1234567890123456")},
            "value: 0.1234567890123456 has more than 15 significant digits",
        ),
        ({"value": D("NaN")}, "value: must be a finite number"),
        ({"unit": "Roubles"}, "unit: 'Roubles' is not a unit"),
    ],
)
def test_the_rules_of_a_figure(sample: rso.Figure, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        attrs.evolve(sample, **changes)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            1.5,
            "value: must be an int or a Decimal, not float (for a fraction, use decimal.Decimal)",
        ),
        (True, "value: must be an int or a Decimal, not bool"),
        ("8500000000", "value: must be an int or a Decimal, not str"),
    ],
)
def test_a_value_is_an_exact_number(sample: rso.Figure, value: object, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        attrs.evolve(sample, value=value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("changes", "amount"),
    [
        ({"value": 8_500_000_000}, "8,500,000,000 RUB"),
        ({"value": 2000, "qualifier": rso.Qualifier.AT_LEAST}, "at least 2,000 RUB"),
        ({"value": 1600, "qualifier": rso.Qualifier.ABOUT}, "about 1,600 RUB"),
        ({"value": 100, "qualifier": rso.Qualifier.AT_MOST}, "at most 100 RUB"),
        ({"value": 2000, "upper": 2500, "qualifier": rso.Qualifier.RANGE}, "2,000–2,500 RUB"),
        (
            {"value": D("86.9"), "measure": rso.Measure.BUDGET_SHARE, "unit": "percent"},
            "86.9 percent",
        ),
    ],
)
def test_amount_says_the_number_as_the_source_qualifies_it(
    sample: rso.Figure, changes: dict[str, Any], amount: str
) -> None:
    assert attrs.evolve(sample, **changes).amount == amount


def test_a_fraction_round_trips_digit_for_digit(sample: rso.Figure) -> None:
    for value in (D("86.9"), D("0.1"), D("1E-7"), D("123456789.123456"), 10**20):
        figure = attrs.evolve(sample, value=value, measure=rso.Measure.OTHER)
        again = rso.loads(rso.dumps(figure), rso.Figure)
        assert again == figure
        assert repr(again.value) == repr(figure.value)


def test_a_whole_number_written_as_a_float_reads_as_an_int(sample: rso.Figure) -> None:
    data = json.loads(rso.dumps(sample))
    data["value"] = 2.0
    assert rso.loads(json.dumps(data), rso.Figure).value == 2
    assert type(rso.loads(json.dumps(data), rso.Figure).value) is int


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("claimed_by", "nobody", f"{FIGURE}: claimed_by: unknown actor 'nobody'"),
        ("event", "no-event", f"{FIGURE}: event: unknown event 'no-event'"),
        ("agreement", "no-treaty", f"{FIGURE}: agreement: unknown agreement 'no-treaty'"),
        ("actors", [{"actor": "nobody", "role": "payer"}], f"{FIGURE}: actors[0].actor: unknown"),
        ("measure", "money", f"{FIGURE}: measure: 'money' is not a valid Measure"),
        ("qualifier", "roughly", f"{FIGURE}: qualifier: 'roughly' is not a valid Qualifier"),
        ("value", "8.5 billion", f"{FIGURE}: value: expected a number, got a string"),
        ("unit", "rub", f"{FIGURE}: unit: a figure of funding is money"),
        ("stated", None, f"{FIGURE}: stated: expected a date string"),
        ("upper", 1, f"{FIGURE}: upper: only a range has an upper end"),
    ],
)
def test_figures_are_checked_at_load(field: str, value: Any, message: str) -> None:
    data = valid()
    data["figures"][0][field] = value
    assert message in problems_of(data)


def test_a_json_fraction_loads_as_a_decimal() -> None:
    data = valid()
    data["figures"][0].update(measure="budget_share", unit="percent", value=86.9)
    assert repr(rso.loads(json.dumps(data)).figures[0].value) == "Decimal('86.9')"


def test_the_fixture_figure_loads_and_links_its_records() -> None:
    ds = rso.loads(json.dumps(valid()))
    figure = ds.figures["a-figure-2009"]
    assert figure.value == 8_500_000_000
    assert ds.events[figure.event].id == "an-event-2009"
    assert ds.figures.claimed_by("russia").ids == ("a-figure-2009",)


# --- queries ------------------------------------------------------------------------------


def _figure(sample: rso.Figure, figure_id: str, **changes: Any) -> rso.Figure:
    return attrs.evolve(sample, id=figure_id, event=None, agreement=None, **changes)


@pytest.fixture(scope="module")
def small(ds: rso.Dataset, sample: rso.Figure) -> rso.Figures:
    """Four figures of two claimants, bound to the bundled actors."""
    year = rso.PartialDate.parse
    records = [
        _figure(sample, "a", period=year("2009"), stated=year("2009-03-17"), claimed_by="russia"),
        _figure(
            sample, "b", period=year("2009"), stated=year("2010-05"), claimed_by="south-ossetia"
        ),
        _figure(sample, "c", period=year("2015/2017"), stated=year("2017-11-14"), claimed_by=None),
        _figure(
            sample,
            "d",
            measure=rso.Measure.KILLED,
            unit="people",
            period=None,
            stated=year("2008-08-20"),
            claimed_by="ministry-of-defence-of-russia",
        ),
    ]
    bound = attrs.evolve(
        ds, figures=rso.Figures(records), events=rso.Events(), stances=rso.Stances()
    )
    return bound.figures


def test_per_year_keeps_each_claim_and_only_whole_years(small: rso.Figures) -> None:
    years = small.per_year("funding")
    assert list(years) == [2009]
    assert years[2009].ids == ("a", "b")  # two claims for one year, neither summed
    assert small.per_year(rso.Measure.KILLED) == {}


def test_between_uses_the_period_or_else_the_date_stated(small: rso.Figures) -> None:
    assert small.between("2009").ids == ("a", "b")
    assert small.between("2008").ids == ("d",)
    assert small.between("2016", overlap=True).ids == ("c",)
    assert small.between("2016").ids == ()


def test_claimed_by_with_and_without_parts(small: rso.Figures) -> None:
    assert small.claimed_by("Russia").ids == ("a",)
    assert small.claimed_by("Russia", including_parts=True).ids == ("d", "a")
    assert small.claimed_by("South Ossetia", "russia").ids == ("a", "b")
    with pytest.raises(LookupError):
        small.claimed_by("Atlantis")
    with pytest.raises(ValueError, match="give at least one actor"):
        small.claimed_by()


def test_queries_chain_and_involving_counts_the_claimant(small: rso.Figures) -> None:
    assert small.of_measure("funding").involving("russia").ids == ("a", "b", "c")
    assert small.of_measure("funding").claimed_by("russia").verified("confirmed").ids in (
        ("a",),
        (),
    )
    assert small.involving("ministry-of-defence-of-russia").ids == ("d",)
    with pytest.raises(ValueError, match="'money' is not"):
        small.of_measure("money")


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_per_year_partitions_the_whole_year_figures(data: st.DataObject) -> None:
    ds = data.draw(strategies.datasets(max_records=4))
    for measure in rso.Measure:
        years = ds.figures.per_year(measure)
        whole = [
            f
            for f in ds.figures.of_measure(measure)
            if f.period is not None
            and f.period.precision is rso.Precision.YEAR
            and not f.period.is_span
        ]
        assert sorted(f.id for found in years.values() for f in found) == sorted(
            f.id for f in whole
        )
        for year, found in years.items():
            assert all(f.period is not None and f.period.earliest.year == year for f in found)


# --- files ----------------------------------------------------------------------------------


def test_figures_in_csv_and_json_lines(ds: rso.Dataset, tmp_path: Path) -> None:
    rso.dump(ds, tmp_path / "csv", format="csv")
    with (tmp_path / "csv" / "figures.csv").open(encoding="utf-8") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert set(rows) == set(ds.figures.ids)
    for figure in ds.figures:
        row = rows[figure.id]
        assert D(row["value"]) == figure.value  # exact, digit for digit
        assert row["unit"] == figure.unit
        assert row["period"] == ("" if figure.period is None else figure.period.isoformat())
        assert row["claimed_by"] == (figure.claimed_by or "")
    with (tmp_path / "csv" / "figure_actors.csv").open(encoding="utf-8") as file:
        links = list(csv.DictReader(file))
    assert len(links) == sum(len(f.actors) for f in ds.figures)
    rso.dump(ds, tmp_path / "jsonl", format="jsonl")
    assert rso.load(tmp_path / "jsonl").figures == ds.figures


def test_figures_in_parquet_and_pandas(ds: rso.Dataset, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    import pyarrow.parquet as pq

    rso.dump(ds, tmp_path, format="parquet")
    table = pq.read_table(tmp_path / "figures.parquet").to_pydict()
    assert table["id"] == list(ds.figures.ids)
    assert table["value"] == [float(f.value) for f in ds.figures]
    frame = ds.figures.to_pandas()
    assert str(frame["value"].dtype) == "Float64"
    assert list(frame["measure"].cat.categories) == [m.value for m in rso.Measure]


# --- the command line -------------------------------------------------------------------------


def test_cli_figures(ds: rso.Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "figures", "--measure", "killed", "--between", "2008")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["PERIOD", "MEASURE", "AMOUNT", "CLAIMED", "BY", "SUMMARY"]
    killed = ds.figures.of_measure("killed").between("2008")
    assert len(lines) == 1 + len(killed)
    code, out, err = run(capsys, "figures", "--measure", "funding", "--format", "json")
    assert (code, err) == (0, "")
    assert rso.loads(out, rso.Figures) == ds.figures.of_measure("funding")
    code, out, _ = run(capsys, "figures", "--claimed-by", "Putin", "--format", "csv")
    rows = list(csv.DictReader(out.splitlines()))
    assert {r["claimed_by"] for r in rows} == {"vladimir-putin"}
    assert len(rows) == len(ds.figures.claimed_by("vladimir-putin"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--measure", "money"), "--measure: 'money' is not a measure"),
        (("--claimed-by", "Nobody"), "no actor is known as 'Nobody'"),
        (("--between", "2008-02-30"), "February 2008 has 29 days"),
    ],
)
def test_cli_figures_mistakes(
    args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "figures", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_cli_show_finds_a_figure(ds: rso.Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    figure = ds.figures[0]
    code, out, _ = run(capsys, "show", figure.id)
    assert code == 0
    assert out.startswith(f"Figure {figure.id}\n")


# --- the bundled data ---------------------------------------------------------------------------

CLAIMANT_SIDES = {
    "russia": ("russia",),
    "south-ossetia": ("south-ossetia",),
    "georgia": ("georgia",),
}


def _side(ds: rso.Dataset, actor_id: str) -> str:
    """The state a claimant belongs to through part_of, or 'independent'."""
    for side in CLAIMANT_SIDES:
        if actor_id in ds.actors.with_parts(side):
            return side
    return "independent"


def _russia_to_south_ossetia(ds: rso.Dataset, figure: rso.Figure) -> bool:
    payers = set(ds.actors.with_parts("russia"))
    recipients = set(ds.actors.with_parts("south-ossetia"))
    roles = {(p.role, p.actor) for p in figure.actors}
    return any(r is rso.Role.PAYER and a in payers for r, a in roles) and any(
        r is rso.Role.RECIPIENT and a in recipients for r, a in roles
    )


def test_bundled_figures_meet_the_targets(ds: rso.Dataset) -> None:
    assert len(ds.figures) >= 80
    funding = ds.figures.of_measure("funding")
    assert len(funding) >= 14
    years = {
        year
        for year, found in funding.per_year("funding").items()
        if 2008 <= year <= 2025 and any(_russia_to_south_ossetia(ds, f) for f in found)
    }
    assert len(years) >= 14


def test_war_casualties_come_from_four_kinds_of_claimant(ds: rso.Dataset) -> None:
    war = ds.figures.of_measure("killed", "wounded").between("2008-08")
    claimed = {f.claimed_by for f in war if f.claimed_by is not None}
    persons = {a.id for a in ds.actors.of_kind("person")}
    sides = {_side(ds, c) for c in claimed if c not in persons}
    assert {"russia", "south-ossetia", "georgia", "independent"} <= sides


def test_every_figure_without_a_claimant_says_whose_count_it_is(ds: rso.Dataset) -> None:
    for figure in ds.figures:
        if figure.claimed_by is None:
            assert figure.notes, figure.id


def test_every_figure_citation_quotes_its_source(ds: rso.Dataset) -> None:
    for figure in ds.figures:
        assert all(c.quote for c in figure.sources), figure.id


def test_figures_of_money_name_who_pays(ds: rso.Dataset) -> None:
    for figure in ds.figures.of_measure("funding", "pledge"):
        assert rso.Role.PAYER in {p.role for p in figure.actors}, figure.id


def test_the_bundled_figures_survive_a_copy_through_json(ds: rso.Dataset) -> None:
    data = json.loads(rso.dumps(ds.figures))
    assert rso.loads(json.dumps(copy.deepcopy(data)), rso.Figures) == ds.figures
