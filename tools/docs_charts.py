"""The documentation's charts: SVG drawn at build time from the bundled data, shown inline.

Each chart is an ``<svg>`` written straight into the page (so its ``<title>`` tooltips and links
work), at its natural width in a box that scrolls sideways where the page is narrower, with its
source line under it. Nothing is loaded from another host and there is no script. The page
styles are in ``docs/stylesheets/charts.css``.

The charts here are the timeline of events (dataset overview) and the positions on status
(offices, places and recognition); ``docs_hooks`` draws the register and funding charts with
`grid` and `stacked_bars` and shows them with `inline`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

import ru_so_relations as rso

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

FONT = 12
"""The charts' text size, in pixels of the viewBox; nothing is drawn smaller than `MIN_FONT`."""
MIN_FONT = 11
"""The smallest text size a chart uses, in pixels of the viewBox at its natural width."""
WIDTH = 680
"""The charts' natural width: the text column of a page at 1400 px, so nothing is shrunk."""

KIND_GROUPS = {
    "armed conflict and ceasefire": ("armed_conflict", "ceasefire", "military"),
    "recognition and diplomacy": ("recognition", "diplomatic_relations", "credentials"),
    "agreements": ("signing", "ratification", "entry_into_force", "legislative"),
    "visits and statements": ("visit", "statement"),
    "money and integration": ("aid", "integration", "referendum"),
    "elections and appointments": ("election", "appointment", "other"),
}
"""The timeline's groups of event kinds, in the order the bars stack them."""
COLOURS = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#7f7f7f")
"""A colour for each group of `KIND_GROUPS`, in order."""


class KeyEvent(NamedTuple):
    """A key event marked on the timeline: the records it is read from, and a short label.

    The dates are read from the records: a span runs from the first record's start to the last
    record's end.
    """

    ids: tuple[str, ...]
    label: str


KEY_EVENTS = (
    KeyEvent(
        ("georgian-offensive-tskhinvali-2008", "ceasefire-six-point-plan-2008"),
        "August 2008 war: from the Georgian offensive on Tskhinvali to the six-point ceasefire",
    ),
    KeyEvent(("russia-recognises-south-ossetia-2008",), ""),
    KeyEvent(("bibilov-decree-referendum-2022",), ""),
)
"""The events marked on the timeline besides the treaties; an empty label uses the title."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The months' short names, as the charts write them."""

STANCES_MARKER = "<!-- generated: stances chart -->"
"""Where a page gets the chart of positions on status."""


def esc(text: object) -> str:
    """Escape text for SVG or HTML."""
    return html.escape(str(text), quote=True)


def inline(svg: str, source: str, label: str, narrow: str = "", extra: str = "") -> str:
    """An SVG as a raw HTML block: a box that scrolls sideways, then the source line under it.

    With `narrow`, a second SVG for phones: the page's style shows one or the other by the
    screen's width. `extra` is HTML shown between the chart and its source line. The block
    has no blank line, so Markdown keeps it whole; `label` names the box for screen readers.
    """

    def box(svg: str, which: str) -> str:
        svg = "\n".join(line for line in svg.splitlines() if line.strip())
        return (
            f'<div class="rso-chart-scroll{which}" role="region" tabindex="0" '
            f'aria-label="{esc(label)}">\n{svg}\n</div>\n'
        )

    boxes = box(svg, " rso-chart-wide" if narrow else "")
    if narrow:
        boxes += box(narrow, " rso-chart-narrow")
    extra = "\n".join(line for line in extra.splitlines() if line.strip())
    return (
        f'<figure class="rso-chart" data-search-exclude>\n{boxes}'
        + (f'<div class="rso-chart-extra">\n{extra}\n</div>\n' if extra else "")
        + f'<figcaption class="rso-chart-source">{esc(source)}</figcaption>\n</figure>\n'
    )


def svg_open(width: float, height: float, label: str) -> str:
    """An ``<svg>`` at its natural size, with its accessible name as its first ``<title>``."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rso-chart-svg" viewBox="0 0 {width:g} '
        f'{height:g}" width="{width:g}" height="{height:g}" role="img" font-family="sans-serif" '
        f'font-size="{FONT}"><title>{esc(label)}</title>'
        f'<rect width="{width:g}" height="{height:g}" fill="white"/>'
    )


def grid(
    highest: int,
    base: float,
    scale: float,
    left: int,
    right: float,
    step: int | None = None,
) -> list[str]:
    """Horizontal grid lines with their values (about five, or every `step`) for a chart."""
    lines = []
    for tick in range(0, highest + 1, step or max(1, round(highest / 5))):
        y = base - tick * scale
        lines.append(
            f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    return lines


def stacked_bars(
    years: list[int],
    counts: dict[int, Counter[str]],
    colours: dict[str, str],
    geometry: tuple[float, float, float, float],
    label: Callable[[int], bool] = lambda year: True,
    y_of: Callable[[float], float] | None = None,
    note: Callable[[int], str] = lambda year: "",
    name: Callable[[int], str] = str,
) -> list[str]:
    """A bar per year, stacked by group in the order of `colours`, with the years below.

    `geometry` is the chart's left edge, a bar's width, the base line and the pixels per unit;
    `label(year)` says whether to write a year under its bar; `y_of(value)` places a value
    when the axis is not linear (a broken axis); `note(year)` is added to a bar's tooltips.
    Each segment's tooltip starts with `name(year)` (the year) and its count
    (``2008: 12 agreements``).
    """
    left, bar, base, scale = geometry
    place = y_of or (lambda value: base - value * scale)
    out = []
    for i, year in enumerate(years):
        x = left + i * bar
        total = 0
        for group, colour in colours.items():
            n = counts[year][group]
            if n:
                top, bottom = place(total + n), place(total)
                total += n
                out.append(
                    f'<rect x="{x + 1:.1f}" y="{top:.1f}" width="{bar - 2:.1f}" '
                    f'height="{bottom - top:.1f}" fill="{colour}"><title>{esc(name(year))}: {n} '
                    f"{esc(group)}{esc(note(year))}</title></rect>"
                )
        if label(year):
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{base + 16}" text-anchor="middle">{year}</text>'
            )
    return out


def lanes(xs: Iterable[float], gap: float) -> list[int]:
    """A lane for each x, in order, so that labels in one lane are at least `gap` apart."""
    last: list[float] = []
    out = []
    for x in xs:
        for lane, seen in enumerate(last):
            if x - seen >= gap:
                last[lane] = x
                out.append(lane)
                break
        else:
            last.append(x)
            out.append(len(last) - 1)
    return out


def year_fraction(day: dt.date) -> float:
    """A day as a year and the fraction of it gone, for placing it on a year axis."""
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / days


class Mark(NamedTuple):
    """A dated mark on the timeline: an event or a span of events, or a treaty."""

    start: dt.date
    end: dt.date
    text: str
    href: str
    kind: str  # "event" or "agreement"
    ids: tuple[str, ...]
    when: str


def key_marks(ds: rso.Dataset, prefix: str) -> list[Mark]:
    """The key events and the bilateral Russia–South Ossetia treaties with a signing date."""
    marks = []
    for key in KEY_EVENTS:
        found = [ds.events[i] for i in key.ids]
        start, end = found[0].date, found[-1].date
        when = str(start) if len(found) == 1 else f"{start.earliest} to {end.latest}"
        marks.append(
            Mark(
                start.earliest,
                end.latest,
                key.label or found[0].title,
                f"{prefix}events/{found[0].id}/",
                "event",
                key.ids,
                when,
            )
        )
    for treaty in treaties(ds):
        assert treaty.signed is not None
        marks.append(
            Mark(
                treaty.signed.earliest,
                treaty.signed.earliest,
                f"Treaty: {treaty.title}",
                f"{prefix}agreements/{treaty.id}/",
                "agreement",
                (treaty.id,),
                str(treaty.signed),
            )
        )
    return sorted(marks, key=lambda m: (m.start, m.kind != "event"))


def treaties(ds: rso.Dataset, dated: bool = True) -> list[rso.Agreement]:
    """The bilateral Russia–South Ossetia treaties, with (or without) a signing date."""
    return [
        a
        for a in ds.agreements.bilateral("Russia", "South Ossetia")
        if a.type is rso.AgreementType.TREATY and (a.signed is not None) is dated
    ]


class Timeline(NamedTuple):
    """What the timeline charts draw: events per year by group, the partial years, the marks."""

    first: int
    last: int
    counts: dict[int, Counter[str]]
    partial: dict[int, str]
    marks: list[Mark]
    numbers: dict[Mark, int]
    group_of: dict[str, str]
    colours: dict[str, str]

    @property
    def years(self) -> list[int]:
        """Every year of the coverage."""
        return list(range(self.first, self.last + 1))

    def total(self, year: int) -> int:
        """The events that began in a year."""
        return sum(self.counts[year].values())

    def cap(self) -> tuple[int, int]:
        """Where to break the count axis (the second-highest year, rounded up), and the top."""
        ranked = sorted((self.total(y) for y in self.years), reverse=True)
        tallest = ranked[0]
        cap = -(-ranked[1] // 10) * 10 if len(ranked) > 1 else tallest
        return (cap, tallest) if tallest > cap * 1.3 else (tallest, tallest)

    def note(self, year: int) -> str:
        """What a bar's tooltip adds: that its year is partial."""
        return f" ({self.partial[year]})" if year in self.partial else ""


def timeline_of(ds: rso.Dataset, prefix: str = "") -> Timeline:
    """Count the events per year and group, and find the partial years and the marks."""
    assert ds.coverage is not None
    covered_from, covered_to = ds.coverage
    group_of = {k: g for g, kinds in KIND_GROUPS.items() for k in kinds}
    first, last = covered_from.year, covered_to.year
    counts: dict[int, Counter[str]] = {y: Counter() for y in range(first, last + 1)}
    for event in ds.events:
        counts[event.date.earliest.year][group_of[event.kind.value]] += 1
    partial = {}
    if covered_from != dt.date(first, 1, 1):
        partial[first] = f"partial year: from {covered_from}"
    if covered_to != dt.date(last, 12, 31):
        partial[last] = f"partial year: to {covered_to}"
    marks = key_marks(ds, prefix)
    return Timeline(
        first,
        last,
        counts,
        partial,
        marks,
        {m: n for n, m in enumerate(marks, start=1)},
        group_of,
        dict(zip(KIND_GROUPS, COLOURS, strict=True)),
    )


def _mark_link(mark: Mark, number: int, inner: str) -> str:
    """A mark's drawing, as a link to its record with its tooltip and the ids it stands for."""
    tip = f"{number}. {mark.when}: {mark.text}"
    return (
        f'<a class="rso-mark" href="{esc(mark.href)}" data-{mark.kind}="'
        f'{esc(" ".join(mark.ids))}"><title>{esc(tip)}</title>{inner}</a>'
    )


def _mark_lines(
    marks: list[Mark],
    x_of: Callable[[dt.date], float],
    numbers: dict[Mark, int],
    lanes_top: float,
    base: float,
) -> list[str]:
    """The marks' lines (a band for a span) down to the base, numbered in lanes above."""
    out = []
    positions = [x_of(m.start) for m in marks]
    for mark, x, lane in zip(marks, positions, lanes(positions, 17), strict=True):
        y = lanes_top + lane * 16
        dash = ' stroke-dasharray="4,3"' if mark.kind == "agreement" else ""
        width = x_of(mark.end) - x
        band = (
            f'<rect x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="{base - y - 4:.1f}" '
            'fill="black" fill-opacity="0.12"/>'
            if width >= 2
            else ""
        )
        out.append(
            _mark_link(
                mark,
                numbers[mark],
                f'{band}<line x1="{x:.1f}" x2="{x:.1f}" y1="{y + 4}" y2="{base}" '
                f'stroke="black"{dash}/><text x="{x:.1f}" y="{y}" text-anchor="middle" '
                f'font-weight="bold">{numbers[mark]}</text>',
            )
        )
    return out


def _legend(colours: dict[str, str], left: float, top: float, columns: int) -> list[str]:
    """The groups of kinds with their colours, in columns; each names its kinds on hover."""
    out = []
    for i, (group, colour) in enumerate(colours.items()):
        x = left + (i % columns) * 300
        y = top + (i // columns) * 20
        kinds = ", ".join(k.replace("_", " ") for k in KIND_GROUPS[group])
        out.append(
            f"<g><title>{esc(group)}: {esc(kinds)}</title>"
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 18}" y="{y}">{esc(group)}</text></g>'
        )
    return out


HATCH = (
    '<defs><pattern id="rso-tl-hatch-{0}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" '
    'stroke-width="2"/></pattern></defs>'
)
"""The hatching of a partial year; each chart names its own (ids are shared by a page)."""


def timeline_svg(ds: rso.Dataset, prefix: str = "") -> str:
    """Events per year by group of kinds, 2008 shown by month below, the key events marked.

    The count axis is broken above the second-highest year, so one year (2008) does not
    flatten the others; a panel of that year by month follows. The partial first and last
    years of the coverage are marked. `prefix` is the path from the page to the dataset pages.
    """
    tl = timeline_of(ds, prefix)
    years = tl.years
    width, left, right = WIDTH, 56, WIDTH - 14
    bar = (right - left) / len(years)

    def x_of(day: dt.date) -> float:
        return left + (year_fraction(day) - tl.first) * bar

    lane_count = max(lanes([x_of(m.start) for m in tl.marks], 17)) + 1
    lanes_top = 58
    top = lanes_top + lane_count * 16
    chart = 230
    base = top + chart
    cap, tallest = tl.cap()
    broken = tallest > cap
    upper, gap = (36, 10) if broken else (0, 0)
    scale = (chart - upper - gap) / cap
    brk = base - cap * scale - gap / 2

    def y_of(value: float) -> float:
        if value <= cap:
            return base - value * scale
        return base - cap * scale - gap - (value - cap) * upper / (tallest - cap)

    out = [
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">Events per year, '
        f"{tl.first}–{tl.last} ({len(ds.events)} events, data {esc(ds.version)})</text>",
        f'<text x="{left}" y="42" fill="#333">Numbered lines: key events (solid) and the '
        "bilateral Russia–South Ossetia treaties (dashed).</text>",
    ]
    for year, text in tl.partial.items():
        x = left + years.index(year) * bar
        out.append(
            f'<rect x="{x + 0.5:.1f}" y="{top:.1f}" width="{bar - 1:.1f}" height="{chart:.1f}" '
            f'fill="url(#rso-tl-hatch-w)" stroke="#999" stroke-dasharray="2,2">'
            f"<title>{year}: {esc(text)}</title></rect>"
        )
        anchor, edge = ("start", x) if year == tl.first else ("end", x + bar)
        out.append(
            f'<text x="{edge:.1f}" y="{base + 30}" text-anchor="{anchor}" fill="#555">'
            f"{year}: partial year</text>"
        )
    out += grid(cap, base, scale, left, right, step=10)
    out += _mark_lines(tl.marks, x_of, tl.numbers, lanes_top, base)
    out += stacked_bars(
        years,
        tl.counts,
        tl.colours,
        (left, bar, base, scale),
        label=lambda year: year % 4 == 0 or year == tl.last,
        y_of=y_of,
        note=tl.note,
    )
    if broken:
        out.append(
            f'<line x1="{left}" x2="{right}" y1="{y_of(tallest):.1f}" y2="{y_of(tallest):.1f}" '
            f'stroke="#ddd"/><text x="{left - 6}" y="{y_of(tallest) + 4:.1f}" '
            f'text-anchor="end">{tallest}</text>'
            f'<path d="M{left - 6},{brk + 4:.1f} l12,-6 M{left - 6},{brk + 9:.1f} l12,-6" '
            f'stroke="#333"><title>The axis is broken between {cap} and {tallest}</title></path>'
        )
        for i, year in enumerate(years):
            if tl.total(year) > cap:
                x = left + i * bar
                out.append(
                    f'<path d="M{x:.1f},{brk + 3:.1f} l{bar / 2:.1f},-6 l{bar / 2:.1f},6 '
                    f'v4 l{-bar / 2:.1f},-6 l{-bar / 2:.1f},6 z" fill="white"/>'
                    f'<text x="{x + bar + 3:.1f}" y="{y_of(tl.total(year)) + 10:.1f}" '
                    f'font-weight="bold">{year}: {tl.total(year)}</text>'
                )
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{base + 30}" text-anchor="middle">Year (an event '
        "counts in the year it began)</text>"
        f'<text x="16" y="{top + chart / 2:.0f}" transform="rotate(-90 16 {top + chart / 2:.0f})"'
        ' text-anchor="middle">Events per year</text>'
    )
    out += _legend(tl.colours, left, base + 58, 2)
    inset, height = month_panel(ds, tl, 2008, base + 58 + 3 * 20 + 16, width)
    head = svg_open(
        width,
        height,
        f"Events per year by kind, {tl.first}–{tl.last}, with the key events and the "
        "bilateral treaties marked",
    )
    return "\n".join([head, HATCH.format("w"), *out, *inset, "</svg>"]) + "\n"


def timeline_narrow_svg(ds: rso.Dataset, prefix: str = "") -> str:
    """The timeline for a phone: a row per year, the bars across, the marks' numbers after.

    The same counts, marks, partial years and broken axis as `timeline_svg`, turned so that
    it fits a narrow screen without scrolling.
    """
    tl = timeline_of(ds, prefix)
    years = tl.years
    width, left, row = 360, 44, 15
    right = width - 64  # room after the longest bar for the marks' numbers
    top = 92
    base = top + row * len(years)
    cap, tallest = tl.cap()
    broken = tallest > cap
    upper, gap = (30, 8) if broken else (0, 0)
    scale = (right - left - upper - gap) / cap
    brk = left + cap * scale + gap / 2

    def x_of(value: float) -> float:
        if value <= cap:
            return left + value * scale
        return left + cap * scale + gap + (value - cap) * upper / (tallest - cap)

    out = [
        '<text x="8" y="20" font-size="15" font-weight="bold">Events per year, '
        f"{tl.first}–{tl.last}</text>",
        f'<text x="8" y="38" fill="#333">{len(ds.events)} events, data {esc(ds.version)}; '
        "numbers: marked events</text>",
        f'<text x="{left - 6}" y="{top - 8}" text-anchor="end">Year</text>',
    ]
    for tick in range(0, cap + 1, 10):
        x = left + tick * scale
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{base}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle">{tick}</text>'
        )
    if broken:
        out.append(
            f'<text x="{x_of(tallest):.1f}" y="{top - 8}" text-anchor="middle">{tallest}</text>'
            f'<path d="M{brk - 5:.1f},{top - 2} l6,8 M{brk:.1f},{top - 2} l6,8" stroke="#333">'
            f"<title>The axis is broken between {cap} and {tallest}</title></path>"
        )
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{top - 28}" text-anchor="middle">Events per '
        "year (by the year each began)</text>"
    )
    by_year: dict[int, list[Mark]] = {}
    for mark in tl.marks:
        by_year.setdefault(mark.start.year, []).append(mark)
    for i, year in enumerate(years):
        y = top + i * row
        if year in tl.partial:
            out.append(
                f'<rect x="{left}" y="{y + 1}" width="{right - left}" height="{row - 2}" '
                f'fill="url(#rso-tl-hatch-n)"><title>{year}: {esc(tl.partial[year])}</title>'
                "</rect>"
            )
        out.append(f'<text x="{left - 6}" y="{y + row - 3}" text-anchor="end">{year}</text>')
        total = 0
        for group, colour in tl.colours.items():
            n = tl.counts[year][group]
            if n:
                x0, x1 = x_of(total), x_of(total + n)
                total += n
                out.append(
                    f'<rect x="{x0:.1f}" y="{y + 2}" width="{x1 - x0:.1f}" height="{row - 4}" '
                    f'fill="{colour}"><title>{year}: {n} {esc(group)}{esc(tl.note(year))}'
                    "</title></rect>"
                )
        if total > cap:
            out.append(
                f'<path d="M{brk - 3:.1f},{y + 1} l6,{(row - 2) / 2:.1f} l-6,{(row - 2) / 2:.1f} '
                f'h4 l6,{-(row - 2) / 2:.1f} l-6,{-(row - 2) / 2:.1f} z" fill="white"/>'
            )
        after = x_of(total) + 5
        if year in tl.partial:
            out.append(f'<text x="{after:.1f}" y="{y + row - 3}" fill="#555">partial</text>')
            after += 46
        for mark in by_year.get(year, []):
            n = tl.numbers[mark]
            dash = "" if mark.kind == "event" else ' text-decoration="underline"'
            out.append(
                _mark_link(
                    mark,
                    n,
                    f'<text x="{after:.1f}" y="{y + row - 3}" font-weight="bold"{dash}>{n}</text>',
                )
            )
            after += 8 + 7 * len(str(n))
    out += _legend(tl.colours, 8, base + 24, 1)
    inset, height = month_panel(ds, tl, 2008, base + 24 + 6 * 20 + 12, width)
    head = svg_open(width, height, f"Events per year by kind, {tl.first}–{tl.last}")
    return "\n".join([head, HATCH.format("n"), *out, *inset, "</svg>"]) + "\n"


def month_panel(
    ds: rso.Dataset, tl: Timeline, year: int, top: float, width: float
) -> tuple[list[str], float]:
    """One year's events by month, with the marks in that year; returns it and its bottom."""
    left, right = (56, width - 14) if width > 400 else (36, width - 8)
    months = list(range(1, 13))
    counts: dict[int, Counter[str]] = {m: Counter() for m in months}
    vague = 0
    for event in ds.events:
        if event.date.earliest.year != year:
            continue
        if event.date.precision is rso.Precision.YEAR:
            vague += 1
            continue
        counts[event.date.earliest.month][tl.group_of[event.kind.value]] += 1
    dated = sum(sum(c.values()) for c in counts.values())
    tallest = max(sum(c.values()) for c in counts.values()) or 1
    within = [m for m in tl.marks if m.start.year == year]
    bar = (right - left) / 12

    def x_of(day: dt.date) -> float:
        start = dt.date(day.year, day.month, 1)
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return left + (day.month - 1 + (day - start).days / (following - start).days) * bar

    lane_count = max([0, *lanes([x_of(m.start) for m in within], 17)]) + 1
    title = f"{year} by month ({dated} events" + (
        f"; {vague} dated only to the year not shown)" if vague else ")"
    )
    out = [f'<text x="8" y="{top}" font-size="15" font-weight="bold">{esc(title)}</text>']
    lanes_top = top + 24
    chart_top = lanes_top + lane_count * 16
    chart = 130
    base = chart_top + chart
    scale = chart / tallest
    out += grid(tallest, base, scale, left, right, step=10 if tallest > 30 else 5)
    out += _mark_lines(within, x_of, tl.numbers, lanes_top, base)
    out += stacked_bars(
        months,
        counts,
        tl.colours,
        (left, bar, base, scale),
        label=lambda m: False,
        name=lambda m: f"{MONTHS[m - 1]} {year}",
    )
    for m in months:
        out.append(
            f'<text x="{left + (m - 1) * bar + bar / 2:.1f}" y="{base + 16}" '
            f'text-anchor="middle">{MONTHS[m - 1][: 3 if bar > 30 else 1]}</text>'
        )
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{base + 34}" text-anchor="middle">Month of '
        f"{year}</text>"
    )
    return out, base + 44


def key_list(ds: rso.Dataset, prefix: str = "") -> str:
    """The marks of the timeline as a numbered HTML list, each linked to its record."""
    tl = timeline_of(ds, prefix)
    items = [
        f'<li value="{tl.numbers[m]}"><a href="{esc(m.href)}">{esc(m.when)}</a>: {esc(m.text)}</li>'
        for m in tl.marks
    ]
    out = [
        '<p class="rso-chart-key-title">Marked on the timeline: the key events (solid lines) '
        "and the bilateral Russia–South Ossetia treaties with a signing date (dashed lines; "
        "underlined numbers on a phone).</p>",
        '<ol class="rso-chart-key">',
        *items,
        "</ol>",
    ]
    undated = treaties(ds, dated=False)
    if undated:
        out.append(
            "<p>Not marked, as the data has no signing date for "
            + ("it" if len(undated) == 1 else "them")
            + ": "
            + "; ".join(
                f'<a href="{esc(prefix)}agreements/{esc(a.id)}/">{esc(a.title)}</a>'
                for a in undated
            )
            + ".</p>"
        )
    return "\n".join(out)


POSITION_COLOURS = {
    rso.StancePosition.RECOGNISES_INDEPENDENCE: "#2166ac",
    rso.StancePosition.DOES_NOT_RECOGNISE_INDEPENDENCE: "#e08214",
}
"""A colour for each position on status."""


def stances_svg(ds: rso.Dataset, prefix: str = "", width: int = WIDTH) -> str:
    """Positions on South Ossetia's status over time: a row per holder, a bar per position.

    A bar runs from the position's `since` to its `until`; with no `until` it runs to the end
    of the coverage, and with no `since` it fades in from the start of the axis. `prefix` is
    the path from the page to the dataset pages; a `width` under 500 draws it for a phone.
    """
    narrow = width < 500
    tag = "n" if narrow else "w"  # ids are shared by the page's drawings
    assert ds.coverage is not None
    covered_from, covered_to = ds.coverage
    stances = list(ds.stances.about("south-ossetia"))
    first = covered_from.year
    holders: dict[str, list[rso.Stance]] = {}

    def order(s: rso.Stance) -> tuple[bool, dt.date, str]:
        recognises = any(
            t.position is rso.StancePosition.RECOGNISES_INDEPENDENCE
            for t in stances
            if t.holder == s.holder
        )
        since = min(
            (t.since.earliest if t.since else covered_from)
            for t in stances
            if t.holder == s.holder
            and (t.position is rso.StancePosition.RECOGNISES_INDEPENDENCE or not recognises)
        )
        return (not recognises, since, ds.actors[s.holder].name)

    for s in sorted(stances, key=order):
        holders.setdefault(s.holder, []).append(s)
    left, right = (110 if narrow else 130), width - 14
    span = year_fraction(covered_to) - first

    def x_of(day: dt.date) -> float:
        return left + (year_fraction(day) - first) * (right - left) / span

    top, row = 64, 26
    base = top + row * len(holders)
    out = [
        '<text x="14" y="22" font-size="15" font-weight="bold">Positions on '
        + ("status" if narrow else "the status of South Ossetia")
        + f", {first}–{covered_to.year}"
        + ("" if narrow else f" ({len(stances)} records)")
        + "</text>",
        '<text x="14" y="42" fill="#333">'
        + (
            "A row per holder, a bar per position."
            if narrow
            else "A row per holder, a bar per recorded position, from its start to its end "
            "or to the end of the data."
        )
        + "</text>",
    ]
    every = 8 if narrow else 4
    for year in range(first + (every - first % every) % every, covered_to.year + 1, every):
        x = x_of(dt.date(year, 1, 1))
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{base}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle">{year}</text>'
        )
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{base + 34}" text-anchor="middle">Year</text>'
    )
    faded = False
    for n, (holder, held) in enumerate(holders.items()):
        y = top + n * row
        out.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">'
            f"{esc(ds.actors[holder].name)}</text>"
        )
        for s in held:
            start = x_of(s.since.earliest) if s.since else left
            end = x_of(s.until.latest) if s.until else x_of(covered_to)
            colour = POSITION_COLOURS[s.position]
            fill = colour if s.since else f"url(#rso-st-fade-{tag}{colour.lstrip('#')})"
            faded = faded or s.since is None
            tip = (
                f"{ds.actors[s.holder].name}: {s.position.value.replace('_', ' ')}, "
                f"since {s.since or 'a date not recorded'}, "
                f"{f'until {s.until}' if s.until else 'no end recorded'}. {s.summary} ({s.id})"
            )
            out.append(
                f'<a class="rso-stance" href="{esc(prefix)}stances/{esc(s.id)}/" '
                f'data-stance="{esc(s.id)}"><title>{esc(tip)}</title>'
                f'<rect x="{start:.1f}" y="{y + 4}" width="{max(end - start, 2):.1f}" '
                f'height="16" fill="{fill}"/></a>'
            )
    defs = ["<defs>"]
    for colour in POSITION_COLOURS.values():
        defs.append(
            f'<linearGradient id="rso-st-fade-{tag}{colour.lstrip("#")}" '
            'gradientUnits="userSpaceOnUse" '
            f'x1="{left}" x2="{left + 90}" y1="0" y2="0"><stop offset="0" stop-color="{colour}" '
            f'stop-opacity="0.05"/><stop offset="1" stop-color="{colour}"/></linearGradient>'
        )
    defs.append(
        f'<linearGradient id="rso-st-fade-{tag}key"><stop offset="0" stop-color="#2166ac" '
        'stop-opacity="0.05"/><stop offset="1" stop-color="#2166ac"/></linearGradient></defs>'
    )
    y = base + 60
    for i, (position, colour) in enumerate(POSITION_COLOURS.items()):
        x, y = (14, y + 22 * i) if narrow else (14 + i * 300, y)
        out.append(
            f'<rect x="{x}" y="{y - 11}" width="24" height="12" fill="{colour}"/>'
            f'<text x="{x + 30}" y="{y}">{esc(position.value.replace("_", " "))}</text>'
        )
    y += 22
    if faded:
        out.append(
            f'<rect x="14" y="{y - 11}" width="24" height="12" fill="url(#rso-st-fade-{tag}key)"/>'
            f'<text x="44" y="{y}">start date not recorded'
            f"{'' if narrow else ' (the bar fades in)'}</text>"
        )
        y += 22
    out.append(
        f'<text x="14" y="{y}" fill="#555">'
        + (
            f"No end recorded: the bar runs to {covered_to}."
            if narrow
            else f"Bars without a recorded end run to the end of the data ({covered_to})."
        )
        + "</text>"
    )
    height = y + 14
    head = svg_open(width, height, "Positions on the status of South Ossetia over time")
    return "\n".join([head, *defs, *out, "</svg>"]) + "\n"


def timeline_html(ds: rso.Dataset, prefix: str = "") -> str:
    """The timeline, inline (a wide and a narrow drawing), its key and its source line."""
    return inline(
        timeline_svg(ds, prefix),
        f"Source: ru_so_relations data {ds.version}, ds.events (counted by the year and month "
        "each event began), the key events by id, and the treaties from "
        'ds.agreements.bilateral("Russia", "South Ossetia") of type treaty. Each bar, line and '
        "number shows its details on hover and links to its record.",
        "Timeline of events per year",
        narrow=timeline_narrow_svg(ds, prefix),
        extra=key_list(ds, prefix),
    )


def stances_html(ds: rso.Dataset, prefix: str = "") -> str:
    """The chart of positions on status, inline, with its source line."""
    return inline(
        stances_svg(ds, prefix),
        f"Source: ru_so_relations data {ds.version}, "
        'ds.stances.about("south-ossetia"): each position as attributed to its holder, with '
        "its since and until dates. Each bar shows its summary on hover and links to its record.",
        "Positions on status over time",
        narrow=stances_svg(ds, prefix, width=360),
    )


def fill(markdown: str) -> str:
    """Replace the chart markers of a page with their charts."""
    if STANCES_MARKER in markdown:
        # the page is one level below the site's root, like every page but the home page
        markdown = markdown.replace(STANCES_MARKER, stances_html(rso.load(), "../dataset/"))
    return markdown
