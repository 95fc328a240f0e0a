"""MkDocs hooks: generate the dataset pages, the charts and the CLI reference.

Everything here is built from the bundled data and the installed package at build time, so
the pages can never drift from the data. The charts are SVG drawn at build time and written
inline into their pages (see `docs_charts`), with no script and no remote asset, so they show
offline.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections import Counter
from contextlib import redirect_stdout
from typing import TYPE_CHECKING, Any

import date_review
import docs_records
from docs_charts import WIDTH, fill, grid, inline, stacked_bars, svg_open, timeline_html
from mkdocs.structure.files import File, InclusionLevel

import ru_so_relations as rso
from ru_so_relations._registry import KEYS, declared_types, parts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def esc(text: object) -> str:
    """Escape text for a Markdown table cell (HTML-escaped, pipes and newlines removed)."""
    return html.escape(str(text), quote=True).replace("|", "&#124;").replace("\n", " ")


def link(page: str, record_id: str, text: str | None = None) -> str:
    """A link to a record's own page, or to its anchor on the sources or publishers page."""
    if page.rpartition("/")[2] in docs_records.RECORD_KEYS:
        return f'<a href="../{page}/{esc(record_id)}/">{esc(text or record_id)}</a>'
    return f'<a href="../{page}/#{esc(record_id)}">{esc(text or record_id)}</a>'


def anchor(record_id: str) -> str:
    """An anchor for a record, as the first thing in its row."""
    return f'<a id="{esc(record_id)}"></a>'


def date(value: object) -> str:
    """A date or an empty cell."""
    return "" if value is None else esc(value)


def cited(citations: Any) -> str:
    """Links to the sources a record cites, without repeats."""
    ids = dict.fromkeys(c.source for c in citations)
    return ", ".join(link("sources", i) for i in ids)


def status(record: Any) -> str:
    """The verification status, with the number of alternatives for a disputed record."""
    value = record.verification.value.replace("_", " ")
    if record.alternatives:
        value += f" ({len(record.alternatives)} alternative{'s' * (len(record.alternatives) > 1)})"
    return value


def actors_cell(ds: rso.Dataset, ids: Any) -> str:
    """Links to actors, by name."""
    return ", ".join(link("actors", i, ds.actors[i].name) for i in ids)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def names_cell(record: Any) -> str:
    """Other names with their language, then aliases."""
    names = [f"{esc(n.text)} <small>({esc(n.language)})</small>" for n in record.names]
    return ", ".join([*names, *map(esc, record.aliases)])


def sources_page(ds: rso.Dataset) -> str:
    """Every source with its address and how many records cite it."""
    counts: Counter[str] = Counter()
    for key in KEYS:
        for record in getattr(ds, key):
            # each record counts once per source, whichever of its parts cites it
            counts.update(
                {
                    c.source
                    for _, part in parts(record)
                    if not isinstance(part, rso.Citation)
                    for c in getattr(part, "sources", ())
                }
            )
    rows = []
    for s in ds.sources:
        title = esc(s.title or "(untitled)")
        shown = f'<a href="{esc(s.url)}">{title}</a>' if s.url else title
        published = f" · {date(s.published)}" if s.published is not None else ""
        rows.append(
            [
                anchor(s.id) + f"{shown}<br><small>"
                f"{link('publishers', s.publisher, ds.publishers[s.publisher].name)}"
                f'{published} · <span class="rso-id">{esc(s.id)}</span></small>',
                esc(s.language),
                str(counts[s.id]),
            ]
        )
    header = ["Source, publisher, date", "Language", "Cited by"]
    intro = (
        # kept out of search, which it would otherwise top: a record page shows its sources
        "---\nsearch:\n  exclude: true\n---\n\n"
        f"# Sources\n\nAll {len(ds.sources)} sources. The publisher is the original publisher "
        "of the text; where a copy was consulted (a mirror or a reprint), the address is the "
        "copy's. Links lead to other sites and are not needed to read this documentation.\n\n"
    )
    return intro + table(header, rows)


def overview_page(ds: rso.Dataset) -> str:
    """The dataset at a glance: version, coverage, counts and the timeline picture."""
    assert ds.coverage is not None
    first, last = ds.coverage
    records = {
        "events": ds.events,
        "agreements": ds.agreements,
        "actors": ds.actors,
        "places": ds.places,
        "stances": ds.stances,
        "figures": ds.figures,
    }
    tenures = [t for o in ds.offices for t in o.holders]
    statuses = list(rso.Verification)
    rows = [
        [
            f"[{name}]({name}.md)",
            str(len(coll)),
            *(str(sum(r.verification is s for r in coll)) for s in statuses),
        ]
        for name, coll in records.items()
    ]
    rows.append(
        [
            "[office tenures](offices.md)",
            str(len(tenures)),
            *(str(sum(t.verification is s for t in tenures)) for s in statuses),
        ]
    )
    kinds = Counter(e.kind.value for e in ds.events)
    years = Counter(e.date.earliest.year for e in ds.events)
    year_rows = [[str(year), str(years[year])] for year in range(min(years), max(years) + 1)]
    kind_rows = [[esc(k.value), str(kinds[k.value])] for k in rso.EventKind]
    return "\n".join(
        [
            "# The dataset\n",
            f"Data version **{esc(ds.version)}**, covering **{first}** to **{last}**: "
            f"{len(ds.events)} events, {len(ds.agreements)} agreements, {len(ds.actors)} "
            f"actors, {len(ds.places)} places, {len(ds.offices)} offices with {len(tenures)} "
            f"tenures, {len(ds.stances)} positions on status, {len(ds.figures)} figures, and "
            f"{len(ds.sources)} sources. "
            "These pages are generated from the bundled data when the documentation is built.\n",
            "## Timeline\n",
            timeline_html(ds),
            "## Records by verification status\n",
            table(["Records", "Total", *(s.value for s in statuses)], rows),
            "## Events by kind\n",
            table(["Kind", "Events"], kind_rows),
            "## Events per year\n",
            "How deep the record is in each year (a test checks at least 80 events in "
            "1989–2007 and at least 8 in every year from 2008 to 2025).\n",
            table(["Year", "Events"], year_rows),
        ]
    )


def cli_page() -> str:
    """The help of the command and of each of its subcommands."""
    from ru_so_relations import _cli

    parser = _cli._parser()
    out = [
        "# Command line\n",
        "The package installs the `ru-so-relations` command (also `python -m "
        "ru_so_relations`). Without a command it prints the timeline. This page is generated "
        "from the command's own help.\n",
    ]
    blocks = [("ru-so-relations", parser)]
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for name, sub in getattr(action, "choices", {}).items():
            blocks.append((f"ru-so-relations {name}", sub))
    for title, sub in blocks:
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            sub.print_help()
        out.append(f"## `{title}`\n\n```text\n{buffer.getvalue().rstrip()}\n```\n")
    return "\n".join(out)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and picture to the site."""
    ds = rso.load()
    pages = {"publishers": publishers_page, "sources": sources_page}
    # every other kind has an index page and a page per record (tools/docs_records.py)
    if set(pages) | set(docs_records.RECORD_KEYS) != set(KEYS):
        msg = f"dataset pages for {sorted(pages)}, but the registry has {sorted(KEYS)}"
        raise RuntimeError(msg)
    generated = {
        "dataset/index.md": overview_page(ds),
        **{f"dataset/{key}.md": page(ds) for key, page in pages.items()},
        **docs_records.generated(ds),
        "cli.md": cli_page(),
        "schema.json": json.dumps(rso.json_schema(), ensure_ascii=False, indent=2) + "\n",
    }
    for src_uri, content in generated.items():
        # a record page is reached from its index, not from the navigation
        inclusion = (
            InclusionLevel.NOT_IN_NAV
            if docs_records.is_record_page(src_uri)
            else InclusionLevel.UNDEFINED
        )
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    return files


RECORD_CLASSES, ENUM_TYPES = declared_types()
RECORDS = tuple(cls.__name__ for cls in RECORD_CLASSES)
"""Every record class, found from the registry's kinds through their fields."""
ENUMS = (*(cls.__name__ for cls in ENUM_TYPES), "Precision")
"""Every enumeration the fields use, and the precision of dates."""
MARKER = "<!-- generated: fields and values -->"


def _first_paragraph(docstring: Any) -> str:
    text = docstring.value if docstring else ""
    return " ".join(text.split("\n\n")[0].split())


def _cell(text: str) -> str:
    # keep mkdocstrings-style cross-references readable as plain text
    text = re.sub(r"\[`([^`]+)`\]\[[^\]]+\]", r"`\1`", text)
    return esc(text).replace("&#x27;", "'").replace("&quot;", '"')


def data_model_tables() -> str:
    """Tables of every record type's fields and every enum's values, from the source code."""
    import griffe

    package = griffe.load("ru_so_relations", resolve_aliases=True)
    out = []
    out.append("## Records and their fields\n")
    out.append(
        "Each record is a frozen class; in JSON it is an object whose keys are exactly these "
        "field names. A field whose type includes `None` may be `null`; a tuple is a JSON "
        "array.\n"
    )
    for name in RECORDS:
        cls = package[name]
        out.append(f"### {name}\n")
        api = f"api/records.md#ru_so_relations.{name}"
        out.append(_cell(_first_paragraph(cls.docstring)) + f" ([API]({api}))\n")
        rows = []
        derived = []
        for member_name, member in cls.members.items():
            if not member.is_attribute or member_name.startswith("_"):
                continue
            row = [
                f"`{member_name}`",
                f"<code>{esc(member.annotation)}</code>",
                _cell(_first_paragraph(member.docstring)),
            ]
            (derived if "property" in member.labels else rows).append(row)
        out.append(table(["Field", "Type", "Meaning"], rows))
        if derived:
            out.append("Derived (not stored):\n")
            out.append(table(["Property", "Type", "Meaning"], derived))
    out.append("## Categories and their values\n")
    for name in ENUMS:
        cls = package[name]
        out.append(f"### {name}\n")
        out.append(_cell(_first_paragraph(cls.docstring)) + "\n")
        rows = [
            [
                f"`{esc(str(member.value).strip(chr(39)))}`",
                _cell(_first_paragraph(member.docstring)),
            ]
            for member_name, member in cls.members.items()
            if member.is_attribute and member_name.isupper()
        ]
        out.append(table(["Value", "Meaning"], rows))
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """Fill the data-model page's marker with the generated tables."""
    del config, files
    if docs_records.is_record_page(page.file.src_uri):
        return docs_records.lift(page.file.src_uri, markdown)
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, data_model_tables())
    if CODES_MARKER in markdown:
        markdown = markdown.replace(CODES_MARKER, event_codes_table())
    if REGISTER_MARKER in markdown:
        markdown = markdown.replace(REGISTER_MARKER, register_tables(rso.load()))
    if PUBLISHERS_MARKER in markdown:
        markdown = markdown.replace(PUBLISHERS_MARKER, publishers_table(rso.load()))
    if REVIEW_MARKER in markdown:
        markdown = markdown.replace(REVIEW_MARKER, review_table(rso.load()))
    if FIGURES_MARKER in markdown:
        # its links are written for a page under dataset/, and this page is one level up
        summary = figures_summary(rso.load()).replace('href="../', 'href="../dataset/')
        markdown = markdown.replace(FIGURES_MARKER, summary)
    return fill(markdown)


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """Put back a record page's HTML, which Markdown did not need to read."""
    del config, files
    return docs_records.restore(page.file.src_uri, html)


REVIEW_MARKER = "<!-- generated: date review -->"


def review_table(ds: rso.Dataset) -> str:
    """The dates no citation supports, by kind of record, each linked to its record's page."""
    rows = date_review.listed()
    if not rows:
        return "No date is under review: every date is given by a quoted source.\n"
    site = docs_records.Site(ds)
    counts = Counter(kind for kind, *_ in rows)
    out = [
        f"{len(rows)} dates are under review: "
        + ", ".join(f"{n} of {docs_records.PLURAL[kind].lower()}" for kind, n in counts.items())
        + ".\n",
        "| Record | Field | Date |",
        "|---|---|---|",
    ]
    for kind, record, field, value in rows:
        target, _, person = record.partition("/")
        if kind == "offices":
            office = ds.offices[target]
            text = f"{ds.actors[person].name}, {office.name}"
        else:
            text = site.title(kind, getattr(ds, kind)[target])
        date = docs_records.human_date(rso.PartialDate.parse(value))
        link = f'<a href="../dataset/{kind}/{html.escape(target)}/">{html.escape(text)}</a>'
        out.append(f"| {link} | `{field}` | {html.escape(date)} (`{value}`) |")
    return "\n".join(out) + "\n"


PUBLISHERS_MARKER = "<!-- generated: publishers -->"


def publishers_table(ds: rso.Dataset) -> str:
    """The publishers cited by the most records, with how many records cite them."""
    by_record: Counter[str] = Counter()
    records: list[Any] = [
        *ds.actors,
        *ds.places,
        *ds.stances,
        *ds.agreements,
        *ds.events,
        *(t for o in ds.offices for t in o.holders),
    ]
    for record in records:
        by_record.update({ds.sources[c.source].publisher for c in record.sources})
    sources = Counter(s.publisher for s in ds.sources)
    rows = [
        [
            f'<a href="../dataset/publishers/#{esc(publisher)}">'
            f"{esc(ds.publishers[publisher].name)}</a>",
            str(n),
            str(sources[publisher]),
        ]
        for publisher, n in by_record.most_common(25)
    ]
    intro = (
        f"The 25 publishers cited by the most records, of {len(sources)} publishers in all "
        f"(generated from data version {esc(ds.version)}).\n\n"
    )
    return intro + table(["Publisher", "Records citing it", "Sources"], rows)


CODES_MARKER = "<!-- generated: event codes -->"


def event_codes_table() -> str:
    """Each event kind with its CAMEO code, the codebook's label, and its PLOVER type."""
    rows = [
        [f"`{k.value}`", f"`{k.cameo}`", esc(k.cameo_label), esc(k.plover or "—")]
        for k in rso.EventKind
    ]
    return table(["Event kind", "CAMEO", "CAMEO codebook label", "PLOVER"], rows)


LEVEL_COLOURS = {
    "interstate": "#2166ac",
    "intergovernmental": "#1b7837",
    "interagency": "#e08214",
    "other": "#7f7f7f",
}
REGISTER_MARKER = "<!-- generated: register -->"
COUNT_PREFIX = "treaty-base-count-"
"""Events whose ids start so are the officials' counts of the treaty base (kind statement)."""


def register_of(ds: rso.Dataset) -> rso.Agreements:
    """The bilateral Russia–South Ossetia instruments, at every level."""
    return ds.agreements.bilateral("russia", "south-ossetia")


def lifecycle(ds: rso.Dataset, a: rso.Agreement) -> str:
    """Where an instrument stands: in force since, ended, or what is not known."""
    if a.terminated is not None:
        return f"ended {esc(a.terminated)}"
    if a.in_force is not None:
        return f"in force from {esc(a.in_force)}"
    ratified = [e for e in ds.events.concerning(a) if e.kind is rso.EventKind.RATIFICATION]
    if ratified:
        return f"ratification recorded ({esc(ratified[-1].date)}); entry into force not found"
    return "entry into force not found"


def register_svg(ds: rso.Dataset) -> str:
    """Instruments per year by level, and the running total beside the officials' counts."""
    register = [a for a in register_of(ds) if a.signed is not None]
    counts_said = [e for e in ds.events if e.id.startswith(COUNT_PREFIX)]
    first = min(a.signed.earliest.year for a in register if a.signed)
    last = max(
        [a.signed.earliest.year for a in register if a.signed]
        + [e.date.earliest.year for e in counts_said]
    )
    years = list(range(first, last + 1))
    per_year: dict[int, Counter[str]] = {y: Counter() for y in years}
    for a in register:
        assert a.signed is not None
        per_year[a.signed.earliest.year][a.level.value] += 1
    width, left, top, chart = WIDTH, 50, 50, 220
    base = top + chart
    bar = (width - left - 14) / len(years)
    tallest = max(sum(c.values()) for c in per_year.values()) or 1
    scale = chart / tallest
    out = [
        svg_open(
            width,
            base + 100 + 220 + 30,
            "Bilateral Russia–South Ossetia instruments per year by level, and the running "
            "total beside officials' counts",
        ),
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">Instruments signed per '
        f"year, by level ({len(register)} dated instruments)</text>",
    ]
    out += grid(tallest, base, scale, left, width - 14)
    out += stacked_bars(
        years,
        per_year,
        LEVEL_COLOURS,
        (left, bar, base, scale),
        label=lambda year: len(years) <= 20 or year % 2 == 1,
    )
    for i, (level, colour) in enumerate(LEVEL_COLOURS.items()):
        x = left + i * 150
        out.append(
            f'<rect x="{x}" y="{base + 30}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 18}" y="{base + 40}">{level}</text>'
        )
    # the running total, and what officials said the total was
    top2, chart2 = base + 100, 220
    base2 = top2 + chart2
    highest = max([len(register)] + [_said(e) for e in counts_said]) or 1
    scale2 = chart2 / highest
    out.append(
        f'<text x="{left}" y="{top2 - 20}" font-size="15" font-weight="bold">Running total in '
        "this register (line) and the totals officials gave (dots)</text>"
    )
    out += grid(highest, base2, scale2, left, width - 14)

    def x_of(day: Any) -> float:
        return float(left + (day.year - first + (day.timetuple().tm_yday - 1) / 366) * bar)

    points = []
    days = sorted(a.signed.earliest for a in register if a.signed is not None)
    for total, day in enumerate(days, start=1):
        points.append(f"{x_of(day):.1f},{base2 - total * scale2:.1f}")
    out.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#2166ac" stroke-width="2"/>'
    )
    for e in counts_said:
        n = _said(e)
        cx, cy = x_of(e.date.earliest), base2 - n * scale2
        out.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="#b2182b"><title>{esc(e.date)}: '
            f"{esc(e.title)}</title></circle>"
            # a number near the right edge goes left of its dot, so it is not cut off
            f'<text x="{cx + 7 if cx < width - 40 else cx - 7:.1f}" y="{cy - 6:.1f}" '
            f'font-size="11" text-anchor="{"start" if cx < width - 40 else "end"}">{n}</text>'
        )
    for i, year in enumerate(years):
        if len(years) <= 20 or year % 2 == 1:
            out.append(
                f'<text x="{left + i * bar + bar / 2:.1f}" y="{base2 + 16}" '
                f'text-anchor="middle">{year}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _said(event: rso.Event) -> int:
    """The number an official count gives ("more than 120" gives 120)."""
    found = re.search(r"\b(\d{2,3})\b", event.title)
    assert found, event.id
    return int(found.group(1))


def register_tables(ds: rso.Dataset) -> str:
    """The register: counts by year and level, the officials' counts, then every instrument."""
    register = register_of(ds)
    levels = [v.value for v in rso.AgreementLevel]
    by_year: dict[str, Counter[str]] = {}
    for a in register:
        year = str(a.signed.earliest.year) if a.signed is not None else "undated"
        by_year.setdefault(year, Counter())[a.level.value] += 1
    day = sum(
        1 for a in register if a.signed is not None and a.signed.precision is rso.Precision.DAY
    )
    rows = [
        [year, *(str(c[lv]) for lv in levels), str(sum(c.values()))]
        for year, c in sorted(by_year.items(), key=lambda kv: (kv[0] == "undated", kv[0]))
    ]
    totals = Counter(a.level.value for a in register)
    rows.append(["**all**", *(f"**{totals[lv]}**" for lv in levels), f"**{len(register)}**"])
    out = [
        f"The register holds **{len(register)}** bilateral instruments (data version "
        f"{esc(ds.version)}): every agreement whose parties are Russia, South Ossetia or bodies "
        f"of either, and at least one of each. {day} of them "
        f"({100 * day // max(1, len(register))} %) "
        "have a signing date to the day. In Python: "
        '`ds.agreements.bilateral("Russia", "South Ossetia")`.\n',
        inline(
            register_svg(ds),
            f"Source: ru_so_relations data {ds.version}, "
            'ds.agreements.bilateral("Russia", "South Ossetia") (dated instruments, by the year '
            "they were signed) and the officials' counts recorded as events (kind statement, ids "
            f"starting {COUNT_PREFIX}), each with its source in the table below.",
            "Treaty register chart",
        ),
        "## By year and level\n",
        table(["Signed", *levels, "all"], rows),
        "## What officials said the total was\n",
    ]
    said_rows = []
    for e in (e for e in ds.events if e.id.startswith(COUNT_PREFIX)):
        by_then = sum(
            1 for a in register if a.signed is not None and a.signed.latest <= e.date.earliest
        )
        said_rows.append(
            [
                esc(e.date),
                link("dataset/events", e.id, e.title),
                str(by_then),
                str(_said(e) - by_then),
                cited(e.sources).replace("../sources/", "../dataset/sources/"),
            ]
        )
    out.append(
        'Each count is recorded as an event (kind `statement`) with its source. "Here by '
        'then" counts the instruments in this register signed on or before that day; the gap '
        "is the count said minus that number: instruments the officials counted that this "
        "register has not found (or not dated), if their counts are complete and "
        "comparable.\n"
    )
    out.append(table(["Date", "Statement", "Here by then", "Gap", "Source"], said_rows))
    out.append("## Every instrument\n")
    for level in levels:
        chosen = register.of_level(level)
        if not chosen:
            continue
        out.append(f"### {level.capitalize()} ({len(chosen)})\n")
        rows = []
        for a in chosen:
            russian = "".join(
                f'<br><small lang="{esc(n.language)}">{esc(n.text)}</small>' for n in a.names
            )
            changes = [
                *(f"amends {link('dataset/agreements', t)}" for t in a.amends),
                *(f"replaces {link('dataset/agreements', t)}" for t in a.replaces),
                *(
                    f"amended by {link('dataset/agreements', b.id)}"
                    for b in ds.agreements.amending(a)
                ),
            ]
            place = ds.places[a.place].name if a.place else "place not found"
            rows.append(
                [
                    date(a.signed),
                    link("dataset/agreements", a.id, a.title)
                    + russian
                    + f"<br><small>{esc(a.type.value)} · {esc(place)}</small>",
                    lifecycle(ds, a),
                    "<br>".join(changes),
                    esc(status(a)),
                ]
            )
        out.append(table(["Signed", "Instrument", "Status", "Changes", "Verification"], rows))
    return "\n".join(out)


def publishers_page(ds: rso.Dataset) -> str:
    """Every publisher with its names, hosts and how many sources it published."""
    sources = Counter(s.publisher for s in ds.sources)
    rows = [
        [
            anchor(p.id) + f"**{esc(p.name)}**<br><small>{esc(p.id)}</small>",
            names_cell(p),
            ", ".join(f"<code>{esc(h)}</code>" for h in p.hosts),
            str(sources[p.id]),
        ]
        for p in ds.publishers
    ]
    intro = (
        f"# Publishers\n\nAll {len(ds.publishers)} publishers of the sources, one record "
        "however a publisher's name is spelt. A record is `confirmed` when its sources come "
        "from two or more of these publishers; a mirror or reprint of a text counts as its "
        "original publisher. Hosts are the publisher's own sites (a host's subdomains are "
        "its too); no host belongs to two publishers.\n\n"
    )
    return intro + table(["Publisher", "Other names", "Hosts", "Sources"], rows)


# --- figures ------------------------------------------------------------------------------

FIGURES_MARKER = "<!-- generated: figures -->"
"""Where the figures page gets its chart and tables."""

CLAIMANT_COLOURS = {
    "Russia": "#b2182b",
    "South Ossetia": "#2166ac",
    "Georgia": "#1b7837",
    "others": "#762a83",
    "the source itself": "#7f7f7f",
}
"""The claimant groups of the figures' charts and tables, with their colours."""


def claimant_group(ds: rso.Dataset, figure: rso.Figure) -> str:
    """Which side states a figure: a state (or any body or person of it), others, or none."""
    claimant = figure.claimed_by
    if claimant is None:
        return "the source itself"
    for side, name in (
        ("russia", "Russia"),
        ("south-ossetia", "South Ossetia"),
        ("georgia", "Georgia"),
    ):
        if claimant in ds.actors.with_parts(side) or claimant in _persons_of(ds, side):
            return name
    return "others"


def _persons_of(ds: rso.Dataset, side: str) -> set[str]:
    """The persons who held an office of a state or of a body of it, at any time."""
    bodies = set(ds.actors.with_parts(side))
    return {t.person for o in ds.offices if o.organisation in bodies for t in o.holders}


def claimant_cell(ds: rso.Dataset, figure: rso.Figure) -> str:
    """The claimant's name, linked, or who counted it where no actor states it."""
    if figure.claimed_by is None:
        return "<em>the source itself</em>"
    return actors_cell(ds, [figure.claimed_by])


def russia_to_south_ossetia(ds: rso.Dataset, figure: rso.Figure) -> bool:
    """Whether Russia (or a body of it) pays and South Ossetia (or a body of it) receives."""
    payers = set(ds.actors.with_parts("russia"))
    recipients = set(ds.actors.with_parts("south-ossetia"))
    roles = {(p.role, p.actor) for p in figure.actors}
    return any(r is rso.Role.PAYER and a in payers for r, a in roles) and any(
        r is rso.Role.RECIPIENT and a in recipients for r, a in roles
    )


def funding_years(ds: rso.Dataset) -> dict[int, list[rso.Figure]]:
    """Russian funding of South Ossetia for exactly one year, by year (every claim kept)."""
    years = {
        year: [f for f in found if russia_to_south_ossetia(ds, f)]
        for year, found in ds.figures.per_year("funding").items()
    }
    return {year: found for year, found in years.items() if found}


def funding_points(ds: rso.Dataset) -> list[tuple[int, float, rso.Figure]]:
    """Russian funding of South Ossetia in roubles for one year: (year, billions, figure)."""
    return [
        (year, float(figure.value) / 1e9, figure)
        for year, found in funding_years(ds).items()
        for figure in found
        if figure.unit == "RUB"
    ]


def funding_svg(ds: rso.Dataset) -> str:
    """Russian funding per year in billions of roubles: a dot per claim, never summed."""
    points = funding_points(ds)
    first, last = 2008, max([2025, *(y for y, _, _ in points)])
    years = list(range(first, last + 1))
    width, left, top, chart = WIDTH, 60, 58, 300
    base = top + chart
    step = (width - left - 14) / len(years)
    highest = max([10, *(int(b) + 1 for _, b, _ in points)])
    scale = chart / highest
    out = [
        svg_open(
            width,
            base + 86,
            "Russian funding of South Ossetia per year, in billions of roubles, one dot per claim",
        ),
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">Russian funding per year, '
        "billion roubles: one dot per claim</text>",
        f'<text x="{left}" y="40" fill="#333">Figures for exactly one year; claims are never '
        "summed or averaged.</text>",
        *grid(highest, base, scale, left, width - 14),
        f'<text x="14" y="{top + chart / 2:.0f}" transform="rotate(-90 14 {top + chart / 2:.0f})" '
        'text-anchor="middle">billion roubles</text>',
    ]
    groups = list(CLAIMANT_COLOURS)
    for year in years:
        i = years.index(year)
        out.append(
            f'<text x="{left + i * step + step / 2:.1f}" y="{base + 16}" '
            f'text-anchor="middle">{year}</text>'
        )
    seen: Counter[int] = Counter()
    for year, billions, figure in points:
        i = years.index(year)
        group = claimant_group(ds, figure)
        # claims for one year side by side, so equal amounts do not hide each other
        offset = (seen[year] % 5 - 2) * 7
        seen[year] += 1
        cx = left + i * step + step / 2 + offset
        cy = base - billions * scale
        out.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{CLAIMANT_COLOURS[group]}" '
            f'fill-opacity="0.85"><title>{year}: {esc(figure.amount)}, according to '
            f"{esc(group if figure.claimed_by is None else ds.actors[figure.claimed_by].name)}"
            f" ({esc(figure.id)})</title></circle>"
        )
    for n, group in enumerate(groups):
        x = left + (n % 3) * 200
        y = base + 44 + (n // 3) * 20
        out.append(
            f'<circle cx="{x + 6}" cy="{y - 4}" r="5" fill="{CLAIMANT_COLOURS[group]}"/>'
            f'<text x="{x + 16}" y="{y}">stated by {esc(group)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def figures_summary(ds: rso.Dataset) -> str:
    """The figures page's generated part: counts, the funding chart, years, casualty claims."""
    figures = ds.figures
    measures = Counter(f.measure.value for f in figures)
    years = {y for y, _, _ in funding_points(ds)}
    any_year = set(funding_years(ds))
    with_funding = [y for y in range(2008, 2026) if y in any_year]
    without = [y for y in range(2008, 2026) if y not in any_year]
    out = [
        f"The dataset holds **{len(figures)}** figures (data version {esc(ds.version)}): "
        + ", ".join(f"{n} {esc(m.replace('_', ' '))}" for m, n in measures.most_common())
        + ".\n",
        "## Russian funding per year\n",
        inline(
            funding_svg(ds),
            f'Source: ru_so_relations data {ds.version}, ds.figures.per_year("funding") '
            "(figures in roubles for exactly one year, paid by Russia or a Russian body to South "
            "Ossetia or a South Ossetian body); each dot cites its own sources (see the table "
            "below).",
            "Funding chart",
        ),
        "Russian funding of South Ossetia means a figure whose payer is Russia or a Russian body "
        "and whose recipient is South Ossetia or a South Ossetian body. "
        f"Years 2008–2025 with such a figure for exactly that year: **{len(with_funding)}** "
        f"({', '.join(map(str, with_funding))}); without: {', '.join(map(str, without))}. "
        f"The chart shows the {len(years)} years with a figure in roubles; figures in dollars "
        "and figures for several years are in the tables on the "
        "[figures page](dataset/figures.md).\n",
    ]
    rows = []
    for year, found in funding_years(ds).items():
        for f in found:
            rows.append(
                [
                    str(year),
                    esc(f.amount),
                    claimant_cell(ds, f),
                    date(f.stated),
                    esc(f.summary),
                    cited(f.sources),
                ]
            )
    out.append(table(["Year", "Amount", "Claimed by", "Stated", "Summary", "Sources"], rows))
    out.append("## August 2008: casualty claims compared\n")
    out.append(
        "Each claim as its claimant made it, with the date it was made; revisions are separate "
        "rows. Nothing here is summed or reconciled.\n"
    )
    for measure in ("killed", "wounded"):
        war = sorted(
            figures.of_measure(measure).between("2008-08", overlap=True),
            key=lambda f: (claimant_group(ds, f), f.stated.earliest, f.id),
        )
        rows = [
            [
                esc(claimant_group(ds, f)),
                claimant_cell(ds, f),
                date(f.stated),
                esc(f.amount),
                esc(f.summary),
                cited(f.sources),
            ]
            for f in war
        ]
        out.append(f"### {measure.capitalize()}\n")
        out.append(table(["Side", "Claimed by", "Stated", "Number", "Summary", "Sources"], rows))
    return "\n".join(out)
