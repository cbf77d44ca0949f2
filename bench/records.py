"""Benchmarks of completion records: a country dashboard, CSV and XLSX files, an API page.

The data are generated in bulk (``records.generate``): 20,000 trainees with five
rounds each (100,000 rows), or a tenth of that with --short, scaled in the names' units.
"""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.registry import Measurement, Run, benchmark, body, percentile, timed_gets
from lms import roles
from lms.models import Country, ReportingScope
from records import services
from records.generate import generate
from tests.factories import UserFactory

_state = {}


def _records(run: Run) -> dict:
    """Generate the rounds once per run, and an officer for one country with an API key."""
    if not _state:
        trainees = run.requests(full=20_000, short=2_000)
        generated = generate(trainees=trainees, enrolments_per_trainee=5)
        officer = UserFactory(role=roles.MINISTRY_OFFICER, organisation=None)
        ReportingScope.objects.create(officer=officer).countries.set([Country.objects.get(code="SN")])
        administrator = UserFactory(role=roles.ADMINISTRATOR, organisation=None)
        officer_client, admin_client = Client(), Client()
        officer_client.force_login(officer)
        admin_client.force_login(administrator)
        _token, key = services.create_api_token(user=administrator, name="bench")
        _state.update(rows=generated.enrolments, officer=officer_client, admin=admin_client, key=key)
    return _state


@benchmark
def records_dashboard(run: Run) -> list[Measurement]:
    """The dashboard of one country's officer (a fifth of the rounds), and its query count."""
    state = _records(run)
    samples = timed_gets(state["officer"], "/en/records/", run.requests(full=20, short=5))
    with CaptureQueriesContext(connection) as captured:
        state["officer"].get("/en/records/")
    return [
        Measurement("records_dashboard_country_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement("records_dashboard_queries", len(captured.captured_queries), "queries"),
    ]


@benchmark
def records_csv(run: Run) -> list[Measurement]:
    """Rows per second of the full CSV download (every round, administrator's scope)."""
    state = _records(run)
    started = time.perf_counter()
    data = body(state["admin"].get("/en/records/export.csv"))
    elapsed = time.perf_counter() - started
    rows = data.count(b"\r\n") - 1
    return [Measurement("records_csv_rows_per_s", round(rows / elapsed), "rows/s")]


@benchmark
def records_xlsx(run: Run) -> list[Measurement]:
    """Seconds for the XLSX of every round, scaled to 100,000 rows."""
    state = _records(run)
    started = time.perf_counter()
    body(state["admin"].get("/en/records/export.xlsx"))
    elapsed = time.perf_counter() - started
    return [Measurement("records_xlsx_100k_s", round(elapsed * 100_000 / state["rows"], 1), "s")]


@benchmark
def records_api_page(run: Run) -> list[Measurement]:
    """An API page of 1,000 rows, and its query count."""
    state = _records(run)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {state['key']}")
    url = "/api/records/?limit=1000&cursor=1000"
    samples = timed_gets(client, url, run.requests(full=20, short=5), warmup=0)  # rate-limited: no warm-up
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [
        Measurement("records_api_page_1000_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement("records_api_page_queries", len(captured.captured_queries), "queries"),
    ]
