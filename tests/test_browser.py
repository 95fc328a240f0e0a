"""The built documentation site, opened in a real browser at a phone's and a desktop's width.

Selenium drives Debian's `chromium` through its `chromium-driver` (both named by path, so
Selenium never downloads a browser or a driver of its own), headless, against the built site
served by a local HTTP server on a free port. The tests check that no page is wider than the
window, that a Cyrillic search finds an actor's page, that a record page shows its summary,
status and quotes, that the timeline's marks carry their tooltips, and that no request leaves
the local server.

They are marked `browser` and `slow`: the default run leaves them out, `nox -s browser` runs
them, and they skip when Selenium, the browser or the driver is missing (unless
$RU_SO_RELATIONS_REQUIRE_BROWSER is set, as `.ci/run` sets it once it has installed them: then
they fail). The site is the one built into $RU_SO_RELATIONS_SITE_DIR, or built here once.
Screenshots of the pages at both widths go to $RU_SO_RELATIONS_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

import ru_so_relations as rso
from tests.test_docs_site import built_site

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
"""The environment variable naming a folder where the site is already built."""
REQUIRE = "RU_SO_RELATIONS_REQUIRE_BROWSER"
"""When set (CI sets it), a missing browser, driver or Selenium fails the tests instead."""
SCREENSHOTS = "RU_SO_RELATIONS_SCREENSHOTS"
"""When set, a folder for screenshots of the pages the tests open."""
CHROMIUM = os.environ.get("RU_SO_RELATIONS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("RU_SO_RELATIONS_CHROMEDRIVER", "/usr/bin/chromedriver")
WIDTHS = (390, 1400)
"""A phone's width and a desktop's, in CSS pixels."""
HEIGHT = 900
SEARCH_WAIT = 15.0
"""Seconds to wait for Material's search, which builds its index in a web worker."""

PAGES = {
    "home": "",
    "tutorial": "tutorial/",
    "events": "dataset/events/",
    "event": "dataset/events/medvedev-visit-tskhinvali-2009/",
    "actor": "dataset/actors/eduard-kokoity/",
    "timeline": "dataset/",
    "figures": "figures/",
    "register": "register/",
    "download": "download/",
    "offices-and-status": "offices-and-status/",
    "agreements": "dataset/agreements/",
    "review": "review/",
    "event-under-review": "dataset/events/adamon-nykhas-founded-1988/",
}
"""The pages checked for width, with a short name for their screenshots."""
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def missing(reason: str) -> None:
    """Skip the tests, or fail them when CI requires a browser."""
    if os.environ.get(REQUIRE):
        pytest.fail(f"{reason} (and ${REQUIRE} is set)")
    pytest.skip(reason)


def _webdriver() -> Any:
    try:
        from selenium import webdriver
    except ImportError:
        missing("Selenium is not installed (pip install selenium, or the dev extra)")
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            missing(f"{tool} is missing (apt-get install chromium chromium-driver)")
    return webdriver


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (see `tests.test_docs_site.built_site`); no build for tests that skip."""
    return built_site(tmp_path_factory, check=_webdriver)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port; yields its address, ending in `/`."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def browser(request: pytest.FixtureRequest, server: str) -> Iterator[Any]:
    """Headless Chromium with the window as wide as the parameter, logging its requests."""
    webdriver = _webdriver()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--hide-scrollbars",  # overlay scrollbars, as on a phone: the window's width is all page
        "--force-prefers-reduced-motion",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        driver.set_window_size(request.param, HEIGHT)
        driver.get(server)
        inner = driver.execute_script("return window.innerWidth")
        assert inner == request.param, f"asked for a {request.param} px window, got {inner} px"
        driver.get_log("performance")  # drop the first page's requests: each test checks its own
        yield driver
    finally:
        driver.quit()


def width(driver: Any) -> int:
    """The window's width in CSS pixels."""
    return int(driver.execute_script("return window.innerWidth"))


def open_page(driver: Any, server: str, path: str) -> None:
    """Open a page and wait until Material's scripts have run (they wrap the tables)."""
    driver.get(server + path)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready = driver.execute_script(
            "return document.readyState === 'complete' && typeof document$ !== 'undefined'"
            " && [...document.querySelectorAll('.md-typeset table:not([class])')]"
            "      .every((t) => t.closest('.md-typeset__scrollwrap'))"
        )
        if ready:
            return
        time.sleep(0.05)
    pytest.fail(f"{path} did not finish loading")


def screenshot(driver: Any, name: str, element: Any = None) -> None:
    """Save the page's first 4000 px, or one element, in $RU_SO_RELATIONS_SCREENSHOTS.

    The file is NAME-WIDTHpx.png. The page is scrolled to its top first, or the sticky header
    would land in the middle of the picture.
    """
    folder = os.environ.get(SCREENSHOTS)
    if not folder:
        return
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    w = width(driver)
    driver.execute_script("window.scrollTo(0, 0)")
    if element is None:
        box = {"x": 0, "y": 0, "width": w, "height": 4000}
        height = int(driver.execute_script("return document.documentElement.scrollHeight"))
        box["height"] = min(height, 4000)
    else:
        box = driver.execute_script(
            "const b = arguments[0].getBoundingClientRect();"
            "return {x: b.left, y: b.top, width: b.width, height: b.height}",
            element,
        )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": {**box, "scale": 1}},
    )
    (out / f"{name}-{w}px.png").write_bytes(base64.b64decode(shot["data"]))


def requested(driver: Any) -> list[str]:
    """The addresses the page asked for since the last call, from the DevTools log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def foreign(urls: list[str]) -> list[str]:
    """The addresses that are neither on the local server nor inline (data:, blob:)."""
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname not in LOCAL_HOSTS
    ]


OVERFLOW = """
const limit = window.innerWidth;
// inside a box of the window's width that scrolls (or, for the theme's hidden panels, clips)
const contained = (el, kinds) => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX;
    if (kinds.includes(x) && p.getBoundingClientRect().right <= limit + 1) return true;
  }
  return false;
};
const scrolls = (el) => contained(el, ['auto', 'scroll']);
const clipped = (el) => contained(el, ['auto', 'scroll', 'hidden', 'clip']);
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
const wide = [];
for (const el of document.querySelectorAll('body *')) {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.right <= limit + 1 || clipped(el)) continue;
  if (getComputedStyle(el).visibility === 'hidden') continue;
  wide.push(name(el) + ' right=' + Math.round(box.right));
  if (wide.length >= 5) break;
}
const tables = [...document.querySelectorAll('.md-content table')];
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: limit,
  wide: wide,
  tables: tables.length,
  unwrapped: tables.filter((t) => t.getBoundingClientRect().right > limit + 1 && !scrolls(t)).length,
};
"""


@pytest.mark.parametrize(("name", "path"), PAGES.items(), ids=list(PAGES))
def test_no_page_is_wider_than_the_window(browser: Any, server: str, name: str, path: str) -> None:
    open_page(browser, server, path)
    found = browser.execute_script(OVERFLOW)
    screenshot(browser, name)
    assert found["scrollWidth"] <= found["innerWidth"], f"{path} at {found}"
    assert not found["unwrapped"], f"{path}: a table wider than the window does not scroll"
    assert not found["wide"], f"{path}: past the window's right edge: {found['wide']}"


def test_wide_tables_scroll_inside_their_own_box(browser: Any, server: str) -> None:
    open_page(browser, server, "register/")
    boxes = browser.execute_script(
        "return [...document.querySelectorAll('.md-content table')].map((t) => {"
        "  const box = t.closest('.md-typeset__scrollwrap');"
        "  return box && [box.clientWidth, box.scrollWidth, getComputedStyle(box).overflowX];"
        "})"
    )
    assert boxes, "the register has no table"
    assert all(boxes), "a table is not in Material's scrolling box"
    for client, scroll, overflow in boxes:
        assert client <= width(browser)
        assert scroll <= client or overflow in {"auto", "scroll"}


def test_cyrillic_search_lists_the_actors_page(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, server, "")
    button = browser.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__search']")
    if button.is_displayed():  # on a phone the search box opens from a button
        button.click()
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    deadline = time.monotonic() + SEARCH_WAIT
    links: list[str] = []
    while time.monotonic() < deadline:  # the index loads in a worker: retype until it answers
        box.clear()
        box.send_keys("Кокойты")
        time.sleep(0.5)
        links = browser.execute_script(
            "return [...document.querySelectorAll('.md-search-result__list a')]"
            ".map((a) => a.getAttribute('href'))"
        )
        if any("dataset/actors/eduard-kokoity/" in link for link in links):
            break
    screenshot(browser, "search")
    assert any("dataset/actors/eduard-kokoity/" in link for link in links), links
    first = browser.find_element(By.CSS_SELECTOR, ".md-search-result__list a")
    assert "eduard-kokoity" in first.get_attribute("href"), "the actor's page is not first"


def test_record_page_shows_summary_status_and_quotes(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    event = rso.load().events["medvedev-visit-tskhinvali-2009"]
    open_page(browser, server, "dataset/events/medvedev-visit-tskhinvali-2009/")
    heading = browser.find_element(By.CSS_SELECTOR, ".md-content h1")
    assert heading.text.strip() == event.title
    summary = browser.find_element(By.CSS_SELECTOR, ".md-content .rso-summary")
    assert summary.is_displayed()
    assert " ".join(summary.text.split()) == " ".join(event.summary.split())
    badge = browser.find_element(By.CSS_SELECTOR, ".md-content .rso-meta .rso-badge")
    assert badge.is_displayed()
    assert badge.text.strip().replace(" ", "_") == event.verification.value
    quotes = browser.find_elements(By.CSS_SELECTOR, ".md-content .rso-citations blockquote")
    shown = {" ".join(q.text.split()) for q in quotes if q.is_displayed()}
    wanted = {" ".join(c.quote.split()) for c in event.sources if c.quote}
    assert wanted
    assert wanted <= shown, wanted - shown
    for quote in quotes[:3]:  # each quote fits the window: it wraps, it is not cut off
        box = quote.rect
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width(browser) + 1


HOVER = """
const el = document.elementFromPoint(arguments[0], arguments[1]);
if (!el) return null;
const title = [...el.children].find((c) => c.tagName.toLowerCase() === 'title');
return {tag: el.tagName.toLowerCase(), title: title ? title.textContent : null,
        svg: !!el.closest('svg.rso-chart-svg'), hovered: el.matches(':hover')};
"""


def test_timeline_marks_show_their_tooltip_on_hover(browser: Any, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, server, "dataset/")
    charts = [
        svg
        for svg in browser.find_elements(By.CSS_SELECTOR, "svg.rso-chart-svg")
        if svg.is_displayed()
    ]
    assert len(charts) == 1, "one drawing of the timeline shows at each width"
    timeline = charts[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", timeline)
    screenshot(browser, "timeline-chart", timeline)
    marks = browser.execute_script(  # the bars: a year's events of a kind
        "return [...arguments[0].querySelectorAll('rect')].filter((r) => {"
        "  const t = r.querySelector(':scope > title');"
        "  return !!t && /^\\d{4}: \\d+ /.test(t.textContent);"
        "})",
        timeline,
    )
    assert marks, "the timeline has no mark with a tooltip"
    hovered = []
    for mark in marks[:: max(1, len(marks) // 6)][:6]:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(browser).move_to_element(mark).perform()
        box = browser.execute_script(
            "const b = arguments[0].getBoundingClientRect();"
            "return [b.left + b.width / 2, b.top + b.height / 2]",
            mark,
        )
        under = browser.execute_script(HOVER, *box)
        assert under, "nothing under the pointer"
        assert under["svg"], f"the pointer is not on the chart: {under}"
        assert under["hovered"], f"the mark under the pointer is not hovered: {under}"
        assert under["title"], f"the hovered mark has no tooltip: {under}"
        hovered.append(under["title"])
    assert all(title[:4].isdigit() for title in hovered), hovered


def test_no_request_leaves_the_local_server(browser: Any, server: str) -> None:
    seen: list[str] = []
    for path in ("", "dataset/", "dataset/events/medvedev-visit-tskhinvali-2009/", "download/"):
        requested(browser)  # what earlier tests asked for is theirs
        open_page(browser, server, path)
        time.sleep(0.3)  # late requests (the search index, fonts) show in the log too
        logged = requested(browser)
        timed = browser.execute_script(
            "return performance.getEntriesByType('resource').map((e) => e.name)"
        )
        assert logged, f"the DevTools log recorded no request for {path}"
        assert not foreign(logged), f"{path} asked another host for {foreign(logged)[:5]}"
        assert not foreign(timed), f"{path} loaded {foreign(timed)[:5]} from another host"
        seen += logged
    assert any(url.endswith(".css") for url in seen)
    assert any(url.endswith(".js") for url in seen)
