"""Completion records at national scale on PostgreSQL: `python -m bench.national`.

100,000 trainees with five rounds each (500,000 rounds, about 260,000 certificates) across six
countries, generated once into their own database and kept for the next run (generation takes
a few minutes). Then, in this process, measured as people use them:

- the dashboard of an officer whose scope is the country with the most rounds (about 100,000);
- the CSV of every round, downloaded by an administrator, in rows per second, with the peak
  memory of the process while it streams;
- the XLSX of the officer's country, scaled to 100,000 rows;
- an API page of 1,000 rows.

The database is ``BENCH_POSTGRES_URL`` (default: ``passage_bench_national`` on the local
server); ``--regenerate`` drops it first. Results go to ``bench/results/national.json`` and are
judged against the ``national_*`` targets in ``bench/targets.toml``.
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/passage_bench_national"
TRAINEES = 100_000
ROUNDS = TRAINEES * 5
RESULTS_NAME = "national.json"
NATIONAL = "national_"  # the prefix of this benchmark's targets in bench/targets.toml
ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = ROOT / "var" / "bench-national"  # the demo's media and keys for that database


def _conninfo(url: str) -> str:
    """``url`` as psycopg reads it (``postgres://``, the form of DATABASE_URL, is Django's)."""
    return url.replace("postgres://", "postgresql://", 1)


def _database(url: str) -> tuple[str, str]:
    """The database's name and a URL of the server's maintenance database, to create it."""
    base, _slash, name = url.rpartition("/")
    return name, f"{base}/postgres"


def _server_answers(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(_conninfo(url), connect_timeout=3).close()
    except psycopg.Error as error:
        print(f"PostgreSQL does not answer at {url}: {error}")
        return False
    return True


def _prepare(url: str, *, regenerate: bool) -> float | None:
    """Make sure the database holds the generated rounds; seconds taken if they were generated."""
    import psycopg

    name, maintenance = _database(url)
    with psycopg.connect(_conninfo(maintenance), autocommit=True) as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and regenerate:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            server.execute(f'CREATE DATABASE "{name}"')
    environment = {**os.environ, "DATABASE_URL": url, "PASSAGE_VAR_DIR": str(VAR_DIR)}

    def manage(*arguments: str, quiet: bool = False) -> None:
        """A management command in its own process: this one keeps its memory for measuring."""
        command = [sys.executable, str(ROOT / "manage.py"), *arguments]
        output = subprocess.DEVNULL if quiet else None
        subprocess.run(command, check=True, env=environment, stdout=output)  # noqa: S603 -- our own manage.py

    manage("migrate", "--verbosity", "0")
    with psycopg.connect(_conninfo(url)) as database:
        rounds = database.execute("SELECT count(*) FROM courses_enrolment").fetchone()[0]
    if rounds >= ROUNDS:
        print(f"The database already holds {rounds:,} rounds; --regenerate makes them again.", flush=True)
        return None
    if rounds:
        raise SystemExit(f"{name} holds {rounds:,} rounds, fewer than {ROUNDS:,}: run again with --regenerate.")
    print(f"Generating {TRAINEES:,} trainees and {ROUNDS:,} rounds (a few minutes)…", flush=True)
    started = time.perf_counter()
    manage("seed_demo", quiet=True)
    manage("generate_records_data", "--trainees", str(TRAINEES))
    return time.perf_counter() - started


def _measure(generation_s: float | None) -> list:
    """Every measurement, in a process that has done nothing else yet (memory is its own)."""
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.registry import Measurement, body, percentile, timed_gets
    from courses.models import Enrolment
    from lms import mfa, roles
    from lms.models import Country, ReportingScope, User
    from records import services

    largest = Enrolment.objects.values("country_id").annotate(rounds=Count("pk")).order_by("-rounds").first()
    country = Country.objects.get(pk=largest["country_id"])
    officer, created = User.objects.get_or_create(
        email="bench-officer@records.invalid", defaults={"first_name": "Bench", "last_name": "Officer"}
    )
    if created:
        officer.groups.add(Group.objects.get_or_create(name=roles.MINISTRY_OFFICER)[0])
        ReportingScope.objects.create(officer=officer).countries.set([country])
    administrator, created = User.objects.get_or_create(
        email="bench-administrator@records.invalid",
        defaults={"first_name": "Bench", "last_name": "Administrator", "is_superuser": True, "is_staff": True},
    )
    # Both roles must have a second factor before the records open (lms.mfa).
    for user in (officer, administrator):
        if not mfa.has_second_factor(user):
            mfa.activate_totp(user=user)
    officer_client, admin_client = Client(), Client()
    officer_client.force_login(officer)
    admin_client.force_login(administrator)
    print(f"Officer's scope: {country.name}, {largest['rounds']:,} rounds.", flush=True)

    measurements = []
    if generation_s is not None:
        measurements.append(Measurement("national_records_generation_s", round(generation_s), "s"))

    # The CSV first, so the peak memory is the download's, not that of the pages before it.
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    response = admin_client.get("/en/records/export.csv")
    rows = sum(chunk.count(b"\r\n") for chunk in response.streaming_content) - 1
    response.close()
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"CSV: {rows:,} rows in {elapsed:.1f} s; memory {before_mb:.0f} MB before, {peak_mb:.0f} MB at peak.")
    measurements += [
        Measurement("national_records_csv_rows", rows, "rows"),
        Measurement("national_records_csv_rows_per_s", round(rows / elapsed), "rows/s"),
        Measurement("national_records_csv_peak_rss_mb", round(peak_mb), "MB"),
    ]

    samples = timed_gets(officer_client, "/en/records/", 20)
    with CaptureQueriesContext(connection) as captured:
        officer_client.get("/en/records/")
    measurements += [
        Measurement("national_records_dashboard_country_p50_ms", round(percentile(samples, 50), 1), "ms"),
        Measurement("national_records_dashboard_country_p95_ms", round(percentile(samples, 95), 1), "ms"),
        Measurement("national_records_dashboard_queries", len(captured.captured_queries), "queries"),
    ]

    started = time.perf_counter()
    body(officer_client.get("/en/records/export.xlsx"))
    elapsed = time.perf_counter() - started
    measurements.append(
        Measurement("national_records_xlsx_100k_s", round(elapsed * 100_000 / largest["rounds"], 1), "s")
    )

    _token, key = services.create_api_token(user=officer, name="bench")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    url = "/api/records/?limit=1000&cursor=" + str(Enrolment.objects.filter(country=country).order_by("pk")[5000].pk)
    samples = timed_gets(api, url, 20, warmup=0)
    measurements.append(Measurement("national_records_api_page_1000_p50_ms", round(percentile(samples, 50), 1), "ms"))
    return measurements


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.national", description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true", help="drop the database and generate it again")
    args = parser.parse_args(argv)

    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL)
    if not _server_answers(_database(url)[1]):
        print("National benchmark not run: it needs PostgreSQL (set BENCH_POSTGRES_URL).")
        return 1 if "BENCH_POSTGRES_URL" in os.environ else 0
    from bench.report import RESULTS_FILE, judge, load_targets, publish

    targets = {name: target for name, target in load_targets().items() if name.startswith(NATIONAL)}
    generation_s = _prepare(url, regenerate=args.regenerate)

    for name in ("REDIS_URL", "DEBUG", "PASSAGE_PRODUCTION", "TASK_BACKEND"):
        os.environ.pop(name, None)
    os.environ.update(DATABASE_URL=url, PASSAGE_VAR_DIR=str(VAR_DIR), DJANGO_SETTINGS_MODULE="lms.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Plain static storage: the manifest would need collectstatic, and is not what is measured.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(
        STORAGES={**settings.STORAGES, "staticfiles": static},
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ).enable()
    if generation_s is None:  # the rounds of an earlier run: no generation was timed
        targets.pop("national_records_generation_s", None)
    return publish(judge(_measure(generation_s), targets), targets, RESULTS_FILE.with_name(RESULTS_NAME))


if __name__ == "__main__":
    sys.exit(main())
