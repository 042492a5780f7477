"""Low bandwidth (issue "Low bandwidth"): every public page type is at most 60 KB transferred on
a first visit, images aside, and at most 150 KB where it draws charts; a second visit fetches
only the HTML, the static files coming from the browser's cache, which may keep them for a year
because their names carry a hash of their content. Measured in Chromium against the production
stack (gunicorn, whitenoise, GZipMiddleware; tests/e2e/browser_fixtures.py).

How it is measured: Chromium's own network log, read through the DevTools protocol (a CDP
session on the page), not Playwright's request events, which do not say whether a response
came from the cache. For every request, `Network.loadingFinished.encodedDataLength` is what
went over the wire (headers and the compressed body) and is 0 for a response read from the
disk cache; `Network.requestServedFromCache` and `response.fromDiskCache` /
`fromPrefetchCache` say that the cache answered. A first visit is a new browser context (empty
cache); the second visit opens the same address in a new tab of that context, a normal
navigation (a reload would revalidate). Images (by CDP resource type or MIME type) are left
out of the budgets, as the issue says."""

import gzip
import re
import urllib.request

import pytest

from .support import CHART_PAGE_TYPES, PAGE_TYPES, visit_page_type

pytestmark = pytest.mark.e2e

KB = 1024
BUDGET = 60 * KB
CHART_BUDGET = 150 * KB
ONE_YEAR = 365 * 24 * 3600
LANGS = ["en", "ar"]


class NetworkLog:
    """Every request of one page as Chromium's network stack saw it (CDP Network domain)."""

    def __init__(self, page):
        self.requests = {}
        session = page.context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.responseReceived", self._received)
        session.on("Network.requestServedFromCache", self._from_cache)
        session.on("Network.loadingFinished", self._finished)
        session.send("Network.enable")
        self.session = session

    def _entry(self, request_id):
        return self.requests.setdefault(
            request_id,
            {"url": "", "type": "", "mime": "", "headers": {}, "cached": False, "bytes": 0},
        )

    def _sent(self, event):
        entry = self._entry(event["requestId"])
        entry["url"] = event["request"]["url"]
        entry["type"] = event.get("type", "")
        if "redirectResponse" in event:  # a redirect's own bytes (no loadingFinished for it)
            entry["bytes"] += event["redirectResponse"].get("encodedDataLength", 0)

    def _received(self, event):
        entry = self._entry(event["requestId"])
        response = event["response"]
        entry["type"] = event.get("type", entry["type"])
        entry["mime"] = response.get("mimeType", "")
        entry["status"] = response.get("status")
        entry["headers"] = {k.lower(): v for k, v in response.get("headers", {}).items()}
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            entry["cached"] = True

    def _from_cache(self, event):
        self._entry(event["requestId"])["cached"] = True

    def _finished(self, event):
        self._entry(event["requestId"])["bytes"] += event.get("encodedDataLength", 0)

    def entries(self):
        return [e for e in self.requests.values() if e["url"].startswith("http")]

    def without_images(self):
        return [
            e for e in self.entries() if e["type"] != "Image" and not e["mime"].startswith("image/")
        ]

    def close(self):
        self.session.detach()


def _addresses(browser, base_url):
    """The address of each page type in each language (following links where needed)."""
    context = browser.new_context()
    page = context.new_page()
    found = []
    try:
        for lang in LANGS:
            for name, address, follow in PAGE_TYPES:
                visit_page_type(page, base_url, lang, address, follow)
                found.append((f"{name} [{lang}]", name in CHART_PAGE_TYPES, page.url))
    finally:
        context.close()
    return found


def _visit(context, url):
    page = context.new_page()
    log = NetworkLog(page)
    page.goto(url, wait_until="networkidle")
    log.close()
    page.close()
    return log


def _max_age(cache_control):
    match = re.search(r"max-age=(\d+)", cache_control or "")
    return int(match.group(1)) if match else 0


def test_page_types_fit_the_budget_and_a_second_visit_fetches_only_the_html(browser, portal_server):
    problems = []
    report = []
    for where, has_chart, url in _addresses(browser, portal_server):
        context = browser.new_context()
        try:
            first = _visit(context, url)
            second = _visit(context, url)
        finally:
            context.close()

        counted = first.without_images()
        total = sum(e["bytes"] for e in counted)
        budget = CHART_BUDGET if has_chart else BUDGET
        report.append(f"{where}: {total / KB:.1f} KB in {len(counted)} responses")
        documents = [e for e in counted if e["type"] == "Document"]
        assert len(documents) == 1, (where, counted)
        # Every answered request was measured (the browser's favicon request is sometimes
        # still unanswered when the page goes idle: it has no response and no bytes yet).
        assert all(e["bytes"] > 0 for e in counted if "status" in e), (where, counted)
        if total > budget:
            sizes = ", ".join(f"{e['url']} {e['bytes']}" for e in counted)
            problems.append(f"{where}: {total} bytes > {budget} ({sizes})")
        html = documents[0]
        if html["headers"].get("content-encoding") != "gzip":
            encoding = html["headers"].get("content-encoding")
            problems.append(f"{where}: HTML not gzipped (Content-Encoding {encoding})")

        static = [e for e in first.entries() if "/static/" in e["url"]]
        assert static, f"{where}: no static file"
        for entry in static:
            cache_control = entry["headers"].get("cache-control", "")
            if _max_age(cache_control) < ONE_YEAR or not re.search(
                r"\b(immutable|public)\b", cache_control
            ):
                problems.append(f"{where}: {entry['url']} Cache-Control {cache_control!r}")

        fetched = [
            e
            for e in second.entries()
            if e["type"] != "Document"
            # The browser's own favicon fetch is not the page's: Chromium may revalidate it.
            and not (e["type"] == "Other" and "favicon" in e["url"])
            and (e["bytes"] > 0 or ("status" in e and not e["cached"]))
        ]
        if fetched:
            problems.append(
                f"{where}: second visit fetched {[(e['url'], e['bytes']) for e in fetched]}"
            )
        second_documents = [e for e in second.entries() if e["type"] == "Document"]
        assert len(second_documents) == 1, (where, second.entries())
    assert not problems, "\n".join(problems + [""] + report)


def _get(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.headers, response.read()


def test_html_is_gzipped_for_a_client_that_accepts_it(portal_server):
    headers, body = _get(f"{portal_server}/en/resources/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert headers["Content-Type"].startswith("text/html")
    html = gzip.decompress(body).decode()
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert len(body) < len(html.encode()) / 2

    # The admin's HTML is rewritten (CSP nonces) before it is compressed.
    admin_headers, admin = _get(f"{portal_server}/admin/login/", **{"Accept-Encoding": "gzip"})
    assert admin_headers["Content-Encoding"] == "gzip"
    assert b"<form" in gzip.decompress(admin)

    plain_headers, plain = _get(f"{portal_server}/en/resources/", **{"Accept-Encoding": "identity"})
    assert plain_headers["Content-Encoding"] is None
    assert plain.lstrip().lower().startswith(b"<!doctype html>")
