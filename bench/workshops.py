"""The workshop report at scale: `python -m bench.workshops` (PostgreSQL, part of `make bench`).

Issue 17 asks that the aggregate report of 100 workshops and 5,000 participants render in
at most 1 s on PostgreSQL, its PDF in at most 3 s, with the query counts pinned. This builds
the workshops in bulk (``bench.workshop_data``: six sessions each, attendance marks, pre- and
post-test attempts with ten answers each, both surveys) into a fresh database, first 10
workshops with 500 participants, then 90 more with 4,500, and measures as an administrator
through the test client:

- the queries of the aggregate page, its PDF and one workshop's page, at 10 and at 100
  workshops (they must be the same: the report reads a fixed number of queries);
- at 100 workshops, the median time of the aggregate page, of its PDF and of one workshop's page.

The database is ``BENCH_WORKSHOPS_POSTGRES_URL`` (default ``passage_bench_workshops`` on the
local server), dropped and made again on each run, and dropped at the end. Results go to
``bench/results/workshops.json``, judged against the ``workshops_pg_*`` targets.

`python -m bench` (and its --short CI run) measures only the query counts, on its SQLite
database with 2 and then 5 workshops (200 participants): ``workshop_report_queries``.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

from bench.registry import Measurement, Run, benchmark

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/passage_bench_workshops"
PREFIX = "workshops_pg_"  # this benchmark's targets in bench/targets.toml
RESULTS_NAME = "workshops.json"
AGGREGATE_URL = "/en/workshops/reports/"
PDF_URL = "/en/workshops/reports/report.pdf"


def _administrator():
    """An administrator client (with the second factor the report pages ask of that role)."""
    from django.test import Client

    from lms import mfa
    from lms.models import User

    user = User.objects.create(email="bench-administrator@workshops.invalid", first_name="Bench", last_name="Administrator",
                               is_superuser=True, is_staff=True)
    mfa.activate_totp(user=user)
    client = Client()
    client.force_login(user)
    return client


def _ok(response) -> bytes:
    if response.status_code != 200:
        raise RuntimeError(f"{response.request['PATH_INFO']} answered {response.status_code}, expected 200")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return data


def _queries(client, url: str) -> int:
    """Queries of one warm GET of ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _ok(client.get(url))
    with CaptureQueriesContext(connection) as captured:
        _ok(client.get(url))
    return len(captured.captured_queries)


def _median_ms(client, url: str, runs: int, *, cpu: list | None = None) -> float:
    """Median wall time of ``runs`` GETs; with ``cpu``, appends the median CPU time of this
    process (the web side's own work, without PostgreSQL's or other processes' share of a busy machine)."""
    _ok(client.get(url))  # warm: templates, translations, the PDF renderer's process
    samples, cpu_samples = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        _ok(client.get(url))
        samples.append((time.perf_counter() - started) * 1000)
        cpu_samples.append((time.process_time() - started_cpu) * 1000)
    if cpu is not None:
        cpu.append(round(statistics.median(cpu_samples), 1))
    return round(statistics.median(samples), 1)


def _single_url(site) -> str:
    from workshops.models import Workshop

    return f"/en/workshops/{Workshop.objects.order_by('pk').values_list('pk', flat=True)[site.workshops // 2]}/report/"


@benchmark
def workshop_report_queries(run: Run) -> list[Measurement]:
    """Queries of the aggregate report, its PDF and one workshop's page, at 2 and at 5 workshops."""
    from bench import workshop_data

    site = workshop_data.prepare()
    client = _administrator()
    workshop_data.add_workshops(site, workshops=2, participants=80)
    few = (_queries(client, AGGREGATE_URL), _queries(client, PDF_URL))
    workshop_data.add_workshops(site, workshops=3, participants=120)
    many = (_queries(client, AGGREGATE_URL), _queries(client, PDF_URL))
    return [
        Measurement("workshop_report_queries_2", few[0], "queries"),
        Measurement("workshop_report_queries_5", many[0], "queries"),
        Measurement("workshop_report_queries_equal", int(few == many), "bool"),
        Measurement("workshop_single_report_queries", _queries(client, _single_url(site)), "queries"),
    ]


def _measure() -> list[Measurement]:
    from bench import workshop_data

    started = time.perf_counter()
    site = workshop_data.prepare()
    client = _administrator()
    workshop_data.add_workshops(site, workshops=10, participants=500)
    generation = time.perf_counter() - started
    single_url = _single_url(site)
    at_10 = {"aggregate": _queries(client, AGGREGATE_URL), "pdf": _queries(client, PDF_URL), "single": _queries(client, single_url)}
    started = time.perf_counter()
    workshop_data.add_workshops(site, workshops=90, participants=4500)
    generation += time.perf_counter() - started
    print(f"Generated 100 workshops, 5,000 participants in {generation:.0f} s.", flush=True)
    at_100 = {"aggregate": _queries(client, AGGREGATE_URL), "pdf": _queries(client, PDF_URL), "single": _queries(client, single_url)}
    print(f"Queries at 10 workshops {at_10}, at 100 {at_100}.", flush=True)
    cpu = []
    return [
        Measurement(f"{PREFIX}generation_s", round(generation), "s"),
        Measurement(f"{PREFIX}report_queries_10", at_10["aggregate"], "queries"),
        Measurement(f"{PREFIX}report_queries_100", at_100["aggregate"], "queries"),
        Measurement(f"{PREFIX}report_pdf_queries_100", at_100["pdf"], "queries"),
        Measurement(f"{PREFIX}single_report_queries", at_100["single"], "queries"),
        Measurement(f"{PREFIX}report_queries_equal", int(at_10 == at_100), "bool"),
        Measurement(f"{PREFIX}report_100_p50_ms", _median_ms(client, AGGREGATE_URL, 5, cpu=cpu), "ms"),
        Measurement(f"{PREFIX}report_100_cpu_ms", cpu[0], "ms"),
        Measurement(f"{PREFIX}report_pdf_100_p50_ms", _median_ms(client, PDF_URL, 3), "ms"),
        Measurement(f"{PREFIX}single_report_p50_ms", _median_ms(client, single_url, 5), "ms"),
    ]


def _recreate(url: str, *, drop_only: bool = False) -> None:
    import psycopg

    base, _slash, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres".replace("postgres://", "postgresql://", 1), autocommit=True, connect_timeout=3) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            server.execute(f'CREATE DATABASE "{name}"')


def _start_django(url: str, var_dir: str) -> None:
    """Django on the fresh database, with bench.environment's overrides, migrated."""
    from bench.environment import _DEVELOPER_ENVIRONMENT

    for name in _DEVELOPER_ENVIRONMENT:
        os.environ.pop(name, None)
    os.environ.update(DATABASE_URL=url, PASSAGE_VAR_DIR=var_dir, DJANGO_SETTINGS_MODULE="lms.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    override_settings(
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ).enable()
    print("Migrating a fresh PostgreSQL database…", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"Migrated in {time.perf_counter() - started:.0f} s.", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workshops", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    import psycopg

    url = os.environ.get("BENCH_WORKSHOPS_POSTGRES_URL", DEFAULT_URL)
    try:
        _recreate(url)
    except psycopg.Error as error:
        print(f"Workshop benchmark not run: it needs PostgreSQL (set BENCH_WORKSHOPS_POSTGRES_URL). {error}")
        return 1 if "BENCH_WORKSHOPS_POSTGRES_URL" in os.environ else 0
    from bench.report import RESULTS_FILE, judge, load_targets, publish

    targets = {name: target for name, target in load_targets().items() if name.startswith(PREFIX)}
    try:
        with tempfile.TemporaryDirectory(prefix="passage-bench-workshops-") as var_dir:
            _start_django(url, var_dir)
            return publish(judge(_measure(), targets), targets, RESULTS_FILE.with_name(RESULTS_NAME))
    finally:
        from django.db import connections

        connections.close_all()
        _recreate(url, drop_only=True)


if __name__ == "__main__":
    sys.exit(main())
