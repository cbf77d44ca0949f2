"""Benchmarks of the pages a trainee opens most: lessons and the catalogue."""

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.registry import Measurement, Run, benchmark, body, get_ok, percentile, timed_gets
from courses.models import CourseIndexPage

LESSON_NUMBER = 3  # not the first: that one is already completed, unlike most lessons read


@benchmark
def lesson_page_time(run: Run) -> list[Measurement]:
    """Server time of a lesson in the 50-lesson course."""
    url = run.scene.lesson(run.scene.large_course, LESSON_NUMBER).url
    samples = timed_gets(run.client, url, run.requests(full=200, short=30))
    return [
        Measurement("lesson_page_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement("lesson_page_p95_ms", round(percentile(samples, 95), 1), "ms"),
    ]


@benchmark
def catalogue_time(run: Run) -> list[Measurement]:
    """Server time of the catalogue, for the same signed-in trainee."""
    url = CourseIndexPage.objects.first().url
    samples = timed_gets(run.client, url, run.requests(full=200, short=30))
    return [Measurement("catalogue_p50_ms", round(percentile(samples, 50), 1), "ms")]


@benchmark
def lesson_page_queries(run: Run) -> list[Measurement]:
    """Queries for one warm lesson GET: the count must not grow with the course."""
    counts = []
    for course in (run.scene.small_course, run.scene.large_course):
        url = run.scene.lesson(course, LESSON_NUMBER).url
        get_ok(run.client, url)  # warm: fills caches and records the visit, as a second view does
        with CaptureQueriesContext(connection) as captured:
            get_ok(run.client, url)
        counts.append(len(captured.captured_queries))
    small, large = counts
    return [
        Measurement("lesson_page_queries_5_lessons", small, "queries"),
        Measurement("lesson_page_queries_50_lessons", large, "queries"),
        Measurement("lesson_page_queries_equal", int(small == large), "bool"),
    ]


@benchmark
def lesson_first_load(run: Run) -> list[Measurement]:
    """Gzipped bytes a browser fetches to show a lesson: the HTML, its stylesheets and scripts."""
    url = run.scene.lesson(run.scene.large_course, LESSON_NUMBER).url
    html = body(get_ok(run.client, url))
    links = _LinkedAssets()
    links.feed(html.decode())
    files = [html] + [_asset(run.client, href) for href in links.urls]
    size = sum(len(gzip.compress(data, compresslevel=6, mtime=0)) for data in files)
    return [Measurement("lesson_first_load_kb", round(size / 1024, 1), "KB")]


class _LinkedAssets(HTMLParser):
    """Collects `<link rel="stylesheet" href>` and `<script src>` addresses."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "link"
            and "stylesheet" in (attrs.get("rel") or "").lower().split()
            and attrs.get("href")
        ):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def _asset(client, href: str) -> bytes:
    """An asset's bytes through the client, else from the static finders (nothing collected)."""
    parts = urlsplit(href)
    if parts.netloc and parts.netloc != "testserver":
        # A third-party asset would be missed silently; the site should host its own.
        raise RuntimeError(f"the lesson links an external asset, not measured: {href}")
    response = client.get(parts.path)
    if response.status_code == 200:
        return body(response)
    response.close()
    if response.status_code == 404 and parts.path.startswith(settings.STATIC_URL):
        found = finders.find(unquote(parts.path.removeprefix(settings.STATIC_URL)))
        if found:
            return Path(found).read_bytes()
    raise RuntimeError(f"GET {href} answered {response.status_code} and no static finder has it")
