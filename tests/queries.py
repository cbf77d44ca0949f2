"""Query helpers for tests: what a request wrote to the database."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# The session is the visitor's own bookkeeping, not what a page shows: the second-factor check
# is remembered in it for a minute (lms.mfa), whatever the page.
BOOKKEEPING_TABLES = ('"django_session"',)


def writes_of(client, url: str, *, method: str = "get", data=None) -> tuple[object, list[str]]:
    """The response to one request, and every statement of it that changed a table."""
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    writes = [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().upper().startswith(WRITES)]
    return response, writes


def settle(client) -> None:
    """One request to another page first: Wagtail creates the site's settings row (branding) on
    its first read. Another page, so that a write the page under test makes on its first view
    is still seen."""
    client.get(reverse("profile"))


def assert_get_writes_nothing(client, url: str, *, status: int = 200):
    """GET ``url``: the expected status, and not one INSERT, UPDATE or DELETE (the session aside)."""
    settle(client)
    response, writes = writes_of(client, url)
    writes = [sql for sql in writes if not any(table in sql for table in BOOKKEEPING_TABLES)]
    assert response.status_code == status, (url, response.status_code)
    assert not writes, f"GET {url} wrote: {writes}"
    return response
