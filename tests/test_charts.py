"""The documentation's charts (tools/docs_charts.py and the register and funding charts).

Each chart is drawn from the bundled data without building the site: these tests read the SVG
and HTML that the build writes inline into the pages.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import ru_so_relations as rso

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
if not (ROOT / "tools" / "docs_charts.py").is_file():  # pragma: no cover - an sdist without tools
    pytest.skip("the documentation tools are not here", allow_module_level=True)
sys.path.insert(0, str(ROOT / "tools"))
import docs_charts as charts  # noqa: E402

if TYPE_CHECKING:
    from types import ModuleType

WAR = ("georgian-offensive-tskhinvali-2008", "ceasefire-six-point-plan-2008")
RECOGNITION = "russia-recognises-south-ossetia-2008"
REFERENDUM_2022 = "bibilov-decree-referendum-2022"
TREATIES = (
    "treaty-friendship-cooperation-mutual-assistance-2008",
    "treaty-alliance-integration-2015",
)


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    pytest.importorskip("mkdocs")
    import docs_hooks

    return docs_hooks


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def marked(svg: str, kind: str) -> set[str]:
    """The record ids the chart's marks stand for (data-event or data-agreement)."""
    return {i for el in parse(svg).iter() for i in el.get(f"data-{kind}", "").split() if i}


def all_svgs(ds: rso.Dataset, hooks: ModuleType) -> dict[str, str]:
    return {
        "timeline": charts.timeline_svg(ds),
        "timeline (phone)": charts.timeline_narrow_svg(ds),
        "stances": charts.stances_svg(ds),
        "stances (phone)": charts.stances_svg(ds, width=360),
        "register": hooks.register_svg(ds),
        "funding": hooks.funding_svg(ds),
    }


def test_the_key_events_are_in_the_data_as_described(ds: rso.Dataset) -> None:
    war = [ds.events[i] for i in WAR]
    assert all(str(e.date).startswith("2008-08") for e in war)
    assert war[0].kind is rso.EventKind.ARMED_CONFLICT
    assert war[1].kind is rso.EventKind.CEASEFIRE
    recognition = ds.events[RECOGNITION]
    assert recognition.kind is rso.EventKind.RECOGNITION
    assert "russia" in recognition.actor_ids
    referendum = ds.events[REFERENDUM_2022]
    assert referendum.kind is rso.EventKind.REFERENDUM
    assert referendum.date.earliest.year == 2022
    assert {i for key in charts.KEY_EVENTS for i in key.ids} == {*WAR, RECOGNITION, REFERENDUM_2022}


@pytest.mark.parametrize("draw", [charts.timeline_svg, charts.timeline_narrow_svg])
def test_timeline_marks_the_key_events_and_treaties_by_id(ds: rso.Dataset, draw: object) -> None:
    assert callable(draw)
    svg = draw(ds)
    assert {*WAR, RECOGNITION, REFERENDUM_2022} <= marked(svg, "event")
    assert set(TREATIES) <= marked(svg, "agreement")
    # each mark links to its record and says what it is on hover
    for el in parse(svg).iter(f"{SVG}a"):
        if el.get("class") == "rso-mark":
            href = el.get("href", "")
            assert href.startswith(("events/", "agreements/"))
            assert href.endswith("/")
            assert el.find(f"{SVG}title") is not None


@pytest.mark.parametrize("draw", [charts.timeline_svg, charts.timeline_narrow_svg])
def test_timeline_marks_only_bilateral_treaties(ds: rso.Dataset, draw: object) -> None:
    assert callable(draw)
    agreements = marked(draw(ds), "agreement")
    bilateral = ds.agreements.bilateral("Russia", "South Ossetia")
    expected = {
        a.id for a in bilateral if a.type is rso.AgreementType.TREATY and a.signed is not None
    }
    assert agreements == expected
    assert "treaty-friendship-cooperation-south-ossetia-syria-2018" in ds.agreements.ids
    assert "treaty-friendship-cooperation-south-ossetia-syria-2018" not in agreements
    for agreement_id in agreements:
        assert ds.agreements[agreement_id].type is rso.AgreementType.TREATY


def test_undated_bilateral_treaties_are_named_as_not_marked(ds: rso.Dataset) -> None:
    undated = charts.treaties(ds, dated=False)
    html = charts.timeline_html(ds)
    for treaty in undated:
        assert f"agreements/{treaty.id}/" in html
    if undated:
        assert "Not marked" in html


def test_timeline_labels_the_partial_years(ds: rso.Dataset) -> None:
    assert ds.coverage is not None
    start, end = ds.coverage
    wide, narrow = charts.timeline_svg(ds), charts.timeline_narrow_svg(ds)
    assert (end.month, end.day) != (12, 31), "the data covers a whole last year: update the test"
    assert f"{end.year}: partial year" in wide
    assert f"partial year: to {end}" in wide
    assert f"partial year: to {end}" in narrow
    assert ">partial</text>" in narrow
    if (start.month, start.day) != (1, 1):
        assert f"{start.year}: partial year" in wide


def test_timeline_has_axis_labels_and_counts_every_event(ds: rso.Dataset) -> None:
    for svg in (charts.timeline_svg(ds), charts.timeline_narrow_svg(ds)):
        texts = [t.text or "" for t in parse(svg).iter(f"{SVG}text")]
        assert any(t.startswith("Events per year") for t in texts)
        assert any("Year" in t for t in texts)
        counted = sum(int(n) for n in re.findall(r"<title>\d{4}: (\d+) ", svg))
        assert counted == len(ds.events)


def _bar_heights(svg: str) -> dict[int, float]:
    heights: dict[int, float] = {}
    for rect in parse(svg).iter(f"{SVG}rect"):
        title = rect.find(f"{SVG}title")
        found = re.match(r"(\d{4}): \d+ ", title.text or "") if title is not None else None
        if found:
            year = int(found.group(1))
            heights[year] = heights.get(year, 0) + float(rect.get("height", 0))
    return heights


def test_the_tallest_year_does_not_flatten_the_others(ds: rso.Dataset) -> None:
    heights = _bar_heights(charts.timeline_svg(ds))
    ranked = sorted(heights.values(), reverse=True)
    # linear, the second year would be about half the tallest; the broken axis keeps it close
    assert ranked[1] >= 0.7 * ranked[0]
    assert charts.timeline_of(ds).cap()[0] < charts.timeline_of(ds).cap()[1]
    assert "2008 by month" in charts.timeline_svg(ds)


@pytest.mark.parametrize("width", [charts.WIDTH, 360])
def test_stances_chart_has_a_bar_per_position(ds: rso.Dataset, width: int) -> None:
    svg = charts.stances_svg(ds, width=width)
    assert marked(svg, "stance") == set(ds.stances.about("south-ossetia").ids)
    texts = {t.text for t in parse(svg).iter(f"{SVG}text")}
    assert {"recognises independence", "does not recognise independence"} <= texts
    for name in ("Russia", "Georgia", "Tuvalu", "Syria"):
        assert name in texts


def test_every_chart_has_tooltips(ds: rso.Dataset, hooks: ModuleType) -> None:
    for name, svg in all_svgs(ds, hooks).items():
        root = parse(svg)
        first = root[0]
        assert first.tag == f"{SVG}title", f"{name}: no accessible name"
        titles = [t for t in root.iter(f"{SVG}title") if (t.text or "").strip()]
        assert len(titles) > 10, name


def test_every_chart_is_legible_at_its_natural_width(ds: rso.Dataset, hooks: ModuleType) -> None:
    for name, svg in all_svgs(ds, hooks).items():
        root = parse(svg)
        _, _, width, height = map(float, root.get("viewBox", "").split())
        # drawn at its natural size: one unit of the viewBox is one CSS pixel
        assert float(root.get("width", 0)) == width, name
        assert float(root.get("height", 0)) == height, name
        assert width <= charts.WIDTH, name

        def check(el: ET.Element, inherited: float, name: str = name) -> None:
            size = float(el.get("font-size", inherited))
            if el.tag == f"{SVG}text":
                assert size >= charts.MIN_FONT, f"{name}: {el.text!r} at {size} px"
            for child in el:
                check(child, size)

        check(root, 16.0)
    css = (ROOT / "docs" / "stylesheets" / "charts.css").read_text(encoding="utf-8")
    assert re.search(r"\.rso-chart-scroll svg \{[^}]*max-width: none", css)
    assert re.search(r"\.rso-chart-scroll \{[^}]*overflow-x: auto", css)


def test_every_chart_has_its_source_line(ds: rso.Dataset, hooks: ModuleType) -> None:
    blocks = [
        charts.timeline_html(ds),
        charts.stances_html(ds),
        hooks.register_tables(ds),
        hooks.figures_summary(ds),
    ]
    for block in blocks:
        assert "<svg" in block
        assert f'class="rso-chart-source">Source: ru_so_relations data {ds.version}, ' in block
        # a raw HTML block with a blank line in it would be cut by Markdown
        chart = block[block.index('<figure class="rso-chart"') : block.index("</figure>")]
        assert "\n\n" not in chart
