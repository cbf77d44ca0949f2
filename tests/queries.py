"""Query helpers for tests: what a request wrote to the database."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes_of(client, url: str, *, method: str = "get", data=None) -> tuple[object, list[str]]:
    """The response to one request, and every statement of it that changed a table."""
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    writes = [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().upper().startswith(WRITES)]
    return response, writes


def assert_get_writes_nothing(client, url: str, *, status: int = 200):
    """GET ``url``: the expected status, and not one INSERT, UPDATE or DELETE."""
    response, writes = writes_of(client, url)
    assert response.status_code == status, (url, response.status_code)
    assert not writes, f"GET {url} wrote: {writes}"
    return response
