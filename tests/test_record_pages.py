"""The record pages and indexes of the documentation site, checked on the generated Markdown.

tools/docs_records.py makes them from the bundled data; these tests call it directly (no site
build, no browser), so they run with the default tests in about a second.
"""

from __future__ import annotations

import html
import importlib
import itertools
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import ru_so_relations as rso

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
if not (TOOLS / "docs_records.py").exists():  # pragma: no cover - an installed copy without tools
    pytest.skip("tools/docs_records.py is not here", allow_module_level=True)
sys.path.insert(0, str(TOOLS))
docs_records: Any = importlib.import_module("docs_records")

KEYS = docs_records.RECORD_KEYS
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def ds() -> rso.Dataset:
    return rso.load()


@pytest.fixture(scope="module")
def pages(ds: rso.Dataset) -> dict[str, str]:
    return dict(docs_records.generated(ds))


def page_of(pages: dict[str, str], key: str, record_id: str) -> str:
    return pages[f"dataset/{key}/{record_id}.md"]


def text(value: str) -> str:
    """A text from the data as the pages write it."""
    return docs_records.esc(value)


def head(page: str) -> str:
    """What comes before a page's first section: the search's entry for the page itself."""
    return page.split("\n## ", 1)[0]


def test_every_record_has_a_page_and_nothing_else_does(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    expected = {f"dataset/{key}/{r.id}.md" for key in KEYS for r in getattr(ds, key)}
    record_pages = {p for p in pages if p.count("/") == 2}
    assert record_pages == expected
    assert {p for p in pages if p.count("/") == 1} == {f"dataset/{key}.md" for key in KEYS}
    assert len(record_pages) > 1000


def test_a_record_page_has_its_title_id_summary_status_notes_and_quotes(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    for key in KEYS:
        for record in getattr(ds, key):
            page = page_of(pages, key, record.id)
            where = f"{key}/{record.id}"
            assert page.startswith("---\nsearch:\n  boost: "), where
            assert f"id: <code>{text(record.id)}</code>" in head(page), where
            for field in ("summary", "description", "notes"):
                value = getattr(record, field, None)
                if value:
                    assert text(value) in page, (where, field)
            if key == "offices":
                parts: list[Any] = [record, *record.holders]
                for tenure in record.holders:
                    assert f"rso-{tenure.verification.value}" in page, where
            else:
                parts = [record]
                assert f'class="rso-badge rso-{record.verification.value}"' in head(page), where
            for part in parts:
                for citation in part.sources:
                    assert f'sources/#{text(citation.source)}"' in page, where
                    if citation.quote:
                        assert f">{text(citation.quote)}</blockquote>" in page, where
                    if citation.locator:
                        assert f"at {text(citation.locator)}" in page, where


def test_a_disputed_record_lists_each_alternative_with_its_sources(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    disputed = [(k, r) for k in KEYS if k != "offices" for r in getattr(ds, k) if r.alternatives]
    assert disputed
    for key, record in disputed:
        page = page_of(pages, key, record.id)
        section = page.split("\n## Disputed\n", 1)[1].split("\n## ", 1)[0]
        for alt in record.alternatives:
            assert f"<strong>{text(alt.field)}</strong>: {text(alt.value)}" in section
            for citation in alt.sources:
                assert f'sources/#{text(citation.source)}"' in section
                if citation.quote:
                    assert text(citation.quote) in section


def test_an_event_page_gives_the_date_with_its_precision(pages: dict[str, str]) -> None:
    page = page_of(pages, "events", "georgia-abolishes-south-ossetian-autonomous-oblast-1990")
    assert "11 December 1990</time> <small>(1990-12-11, to the day)</small>" in page
    page = page_of(pages, "events", "adamon-nykhas-founded-1988")
    assert "November 1988</time> <small>(1988-11, to the month)</small>" in page


def test_a_date_no_citation_supports_is_marked_and_no_other(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    review = importlib.import_module("date_review")
    flagged = review.listed()
    assert flagged, "the check has nothing to mark (then drop this test's first half)"
    marked = {
        path.removeprefix("dataset/").removesuffix(".md")
        for path, page in pages.items()
        if "date under review" in page
    }
    expected = {f"{kind}/{record.partition('/')[0]}" for kind, record, *_ in flagged}
    assert marked == expected
    kind, record, *_ = flagged[0]
    page = page_of(pages, kind, record.partition("/")[0])
    assert 'href="../../../review/"' in page


def test_names_and_aliases_in_every_script_come_before_the_first_section(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    for key in ("actors", "places", "agreements", "offices"):
        for record in getattr(ds, key):
            top = head(page_of(pages, key, record.id))
            for name in record.names:
                assert f'<span lang="{name.language}">{text(name.text)}</span>' in top
            for alias in getattr(record, "aliases", ()):
                assert text(alias) in top
    kokoity = head(page_of(pages, "actors", "eduard-kokoity"))
    assert "Кокойты" in kokoity
    assert "Цхинвал" in head(page_of(pages, "places", "tskhinvali"))


def links(page: str) -> set[str]:
    return set(HREF.findall(page))


def test_an_actor_page_links_to_every_record_that_refers_to_it(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    for actor in ds.actors:
        found = links(page_of(pages, "actors", actor.id))
        for event in ds.events.involving(actor):
            assert f"../../events/{event.id}/" in found, (actor.id, event.id)
        for agreement in ds.agreements.involving(actor):
            assert f"../../agreements/{agreement.id}/" in found, (actor.id, agreement.id)
        for office, _ in ds.offices.held_by(actor):
            assert f"../../offices/{office.id}/" in found, (actor.id, office.id)
        for stance in ds.stances.held_by(actor):
            assert f"../../stances/{stance.id}/" in found, (actor.id, stance.id)
        for figure in ds.figures.involving(actor):
            assert f"../../figures/{figure.id}/" in found, (actor.id, figure.id)
        for part in (a for a in ds.actors if a.part_of == actor.id):  # its direct parts
            assert f"../../actors/{part.id}/" in found, (actor.id, part.id)
    russia = page_of(pages, "actors", "russia")
    assert "### Events (" in russia
    assert "### Agreements (" in russia
    # other records' titles are listed here, but kept out of search (the page would match them)
    assert "## Referred to by { #referred-to-by data-search-exclude }" in russia
    assert '<ul class="rso-refs" data-search-exclude>' in russia


def test_agreement_event_and_place_pages_link_back(ds: rso.Dataset, pages: dict[str, str]) -> None:
    for agreement in ds.agreements:
        found = links(page_of(pages, "agreements", agreement.id))
        for event in ds.events.concerning(agreement):
            assert f"../../events/{event.id}/" in found, (agreement.id, event.id)
        for amending in ds.agreements.amending(agreement):
            assert f"../../agreements/{amending.id}/" in found, (agreement.id, amending.id)
    for figure in ds.figures:
        if figure.event:
            found = links(page_of(pages, "events", figure.event))
            assert f"../../figures/{figure.id}/" in found
    for place in ds.places:
        found = links(page_of(pages, "places", place.id))
        for event in ds.events.at(place):
            assert f"../../events/{event.id}/" in found


def test_a_record_page_links_to_every_record_it_refers_to(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    from ru_so_relations._registry import references

    for key in KEYS:
        for record in getattr(ds, key):
            found = links(page_of(pages, key, record.id))
            for _, target, target_id in references(record):
                if target in KEYS:
                    assert f"../../{target}/{target_id}/" in found, (key, record.id, target_id)


def test_every_link_between_generated_pages_leads_to_a_page_or_anchor(
    ds: rso.Dataset, pages: dict[str, str]
) -> None:
    sources = set(ds.sources.ids)
    for path, page in pages.items():
        # a page's address is its path without `.md`, as a folder; links are relative to it
        base = Path("/", path.removesuffix(".md"))
        for href in links(page):
            if href.startswith(("http://", "https://")):
                continue
            target, _, anchor = href.partition("#")
            resolved = (base / target).resolve() if target else base
            relative = str(resolved).lstrip("/")
            if relative == "dataset/sources":
                assert anchor in sources, (path, href)
            elif anchor and not target:
                assert f'id="{anchor}"' in page or f"#{anchor} }}" in page, (path, href)
            elif target.endswith(".md"):
                assert (ROOT / "docs" / Path(path).parent / target).exists(), (path, href)
            elif (ROOT / "docs" / f"{relative}.md").exists():  # a written page, not generated
                continue
            else:
                assert f"{relative}.md" in pages, (path, href)


def table_widths(page: str) -> list[int]:
    """The number of columns of each Markdown table on a page."""
    lines = page.splitlines()
    return [
        line.count("|") - 1
        for line, below in itertools.pairwise(lines)
        if line.startswith("|") and below.startswith("|---|")
    ]


@pytest.mark.parametrize("key", KEYS)
def test_an_index_is_narrow_and_links_every_record(
    key: str, ds: rso.Dataset, pages: dict[str, str]
) -> None:
    page = pages[f"dataset/{key}.md"]
    widths = table_widths(page)
    assert widths
    assert max(widths) <= 5
    for record in getattr(ds, key):
        # the link to the record's page, and the anchor old links (`events/#<id>`) land on
        assert f'<a id="{record.id}"></a><a href="{record.id}/">' in page


def test_an_index_with_groups_has_a_contents_line(pages: dict[str, str]) -> None:
    events = pages["dataset/events.md"]
    assert '<p class="rso-contents"><a href="#1988">1988</a>' in events
    assert "## 2008 { #2008 }" in events
    actors = pages["dataset/actors.md"]
    assert '<a href="#letter-a">A</a>' in actors


def test_text_from_the_data_is_escaped(pages: dict[str, str]) -> None:
    # no data text opens a tag or starts Markdown emphasis in a heading
    for path, page in pages.items():
        title = ("\n" + page).split("\n# ", 1)[1].split("\n", 1)[0]
        assert "<" not in title, path
        assert "*" not in title, path
        assert html.unescape(title).strip(), path


def test_html_blocks_are_lifted_for_markdown_and_restored_unchanged(pages: dict[str, str]) -> None:
    path = "dataset/actors/eduard-kokoity.md"
    page = pages[path].split("---\n", 2)[2]  # MkDocs takes the front matter off first
    lifted = docs_records.lift(path, page)
    assert "<li>" not in lifted
    assert "# Eduard Kokoity" in lifted
    assert "## Sources and quotes" in lifted
    rebuilt = docs_records.restore(path, lifted)
    assert rebuilt == page
    assert docs_records.restore(path, "<p>x</p>") == "<p>x</p>"  # once only
    assert not docs_records.is_record_page("dataset/events.md")
    assert docs_records.is_record_page(path)


def test_search_is_in_english_and_russian_and_leaves_out_the_sources_page() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"- search:\n\s+lang: \[en, ru\]", config)
    hooks = (TOOLS / "docs_hooks.py").read_text(encoding="utf-8")
    assert '"---\\nsearch:\\n  exclude: true\\n---\\n\\n"' in hooks
