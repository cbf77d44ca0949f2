"""bench/served.py's hot pages again, served by the production topology (issue 16).

What `make serve-prod` starts (scripts/serve-prod.sh, docs/deploy.md), on this machine, with
bench/load/stack.py's tools:

- a PostgreSQL database of its own, ``passage_bench_prod_<random>`` on 127.0.0.1:5432, copied
  from the migrated template `make load` keeps (``passage_load_tpl_<digest>``; migrated first
  when the migrations changed), and dropped at the end: no other database is touched;
- Redis database BENCH_PROD_REDIS_DB (9 by default) on 127.0.0.1:6379 for the cache, the
  sessions and the task queue, emptied before and after (only that database);
- in a child process on that database and Redis (bench/production_scene.py), the scene of
  `python -m bench` built again, the quiz attempt with saved answers and the trainee's session;
- gunicorn with serve-prod.sh's settings (4 workers x 4 threads, TASK_BACKEND=rq, JSON request
  log) and one rq worker, waited for until it has registered.

Then bench/served.py's client times each page 200 times in a row (60 with --short) and counts
the lesson's pages/s over four connections (wrk where installed): the ``prod_*`` rows of
bench/targets.toml, issue 16's numbers. Printed beside each page, to show where its time goes:
the Django time the request log wrote, and the child's test-client profile on PostgreSQL (its
queries and their time) next to the same on the benchmark's SQLite database.

Not measured, with a line saying why, when PostgreSQL or Redis does not answer.
"""

import json
import os
import secrets
import statistics
import subprocess  # noqa: S404 - runs this project's own Python module
import sys
import time
from pathlib import Path

from django.conf import settings

from bench.load import stack
from bench.production_scene import round_trip_ms
from bench.registry import Measurement, Run, benchmark, query_profile
from bench.served import page_addresses, pages_per_s, sequential_ms, timing_measurements
from bench.web import CONNECTIONS, _collect_static, _get_pages

PREFIX = "prod_"  # this section's targets in bench/targets.toml
WEB_WORKERS = 4  # scripts/serve-prod.sh's defaults
THREADS = 4
PG_PORT = 5432
REDIS_PORT = 6379
REDIS_DB = int(os.environ.get("BENCH_PROD_REDIS_DB", "9"))


def _unavailable() -> str | None:
    """Why the topology cannot be started here, or None."""
    import psycopg
    import redis

    try:
        psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres", connect_timeout=3
        ).close()
    except psycopg.Error as error:
        return f"PostgreSQL does not answer at 127.0.0.1:{PG_PORT} ({error})"
    try:
        redis.Redis(port=REDIS_PORT, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis does not answer at 127.0.0.1:{REDIS_PORT} ({error})"
    return None


def _redis():
    import redis

    return redis.Redis(port=REDIS_PORT, db=REDIS_DB, socket_connect_timeout=2)


def _build_scene(*, var_dir: Path, database_url: str, redis_url: str, log_dir: Path) -> dict:
    output = log_dir / "scene.json"
    command = [
        sys.executable, "-m", "bench.production_scene", "--var-dir", str(var_dir),
        "--database-url", database_url, "--redis-url", redis_url, "--output", str(output),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=stack.ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(
            f"building the scene on PostgreSQL failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
        )
    return json.loads(output.read_text())


def _wait_for_worker(process, log: Path, *, seconds: float = 120) -> None:
    """Until the rq worker has registered: its start-up (importing Django) is over before timing."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if _redis().scard("rq:workers:default"):
            return
        time.sleep(0.3)
    raise RuntimeError(f"the rq worker did not start:\n{log.read_text(errors='replace')[-3000:]}")


def _logged_django_ms(log: Path, start: int, path: str) -> float | None:
    """Median duration the request log wrote for ``path`` after byte ``start`` of ``log``."""
    wanted = path.split("?", 1)[0]
    durations = []
    with open(log, "rb") as lines:
        lines.seek(start)
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if (
                entry.get("logger") == "passage.request"
                and entry.get("path") == wanted
                and "duration_ms" in entry
            ):
                durations.append(entry["duration_ms"])
    return statistics.median(durations) if durations else None


def _sqlite_profiles(run: Run) -> dict:
    """The same test-client profile on the benchmark's SQLite scene (no quiz attempt there)."""
    return {name: query_profile(run.client, path) for name, path in page_addresses(run).items()}


def _measure(run: Run, port: int, scene: dict, log: Path) -> list[Measurement]:
    pages, cookie, profiles = scene["pages"], scene["cookie"], scene["profiles"]
    sqlite = _sqlite_profiles(run)
    print(
        f"    a database round trip (SELECT 1): PostgreSQL {scene['round_trip_ms']} ms, SQLite {round_trip_ms()} ms",
        flush=True,
    )
    count = run.requests(full=200, short=60)
    measurements = []
    for name, path in pages.items():
        # New connections in each round reach other workers: each loads the page's code and
        # opens its threads' database connections before the timing.
        for _round in range(WEB_WORKERS):
            _get_pages(port, path, cookie, THREADS * CONNECTIONS)
        start = log.stat().st_size
        samples = sequential_ms(port, path, cookie, count)
        measurements += timing_measurements(PREFIX, name, samples)
        logged = _logged_django_ms(log, start, path)
        pg = profiles[name]
        line = f"    {name}: client {statistics.median(samples):.1f} ms, Django {logged if logged is not None else '?'} ms (request log);"
        line += f" test client on PostgreSQL {pg['django_ms']} ms, {pg['queries']} queries {pg['database_ms']} ms"
        if name in sqlite:
            line += f"; on SQLite {sqlite[name]['django_ms']} ms, {sqlite[name]['queries']} queries {sqlite[name]['database_ms']} ms"
        print(line, flush=True)
    rate = pages_per_s(run, port, pages["lesson"], cookie)
    measurements.append(Measurement(f"{PREFIX}lesson_pages_per_s", round(rate), "pages/s"))
    return measurements


@benchmark
def production_served_pages(run: Run) -> list[Measurement]:
    """The hot pages over HTTP from gunicorn on PostgreSQL and Redis, with an rq worker."""
    problem = _unavailable()
    if problem:
        print(f"    production topology not measured: {problem}", flush=True)
        return []
    _collect_static()  # into the benchmark's var dir, which the topology's processes share
    var_dir = Path(settings.VAR_DIR)
    log_dir = var_dir / "production"
    database = f"passage_bench_prod_{secrets.token_hex(4)}"
    redis_url = f"redis://127.0.0.1:{REDIS_PORT}/{REDIS_DB}"
    processes = stack.Stack(log_dir)
    try:
        started = time.perf_counter()
        database_url = stack.fresh_database(port=PG_PORT, name=database, var_dir=var_dir)
        _redis().flushdb()
        scene = _build_scene(
            var_dir=var_dir, database_url=database_url, redis_url=redis_url, log_dir=log_dir
        )
        port = stack.free_port()
        env = stack.django_env(
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            TASK_BACKEND="rq",
            LOG_FORMAT="json",
            LOG_LEVEL="WARNING",
            PASSAGE_VAR_DIR=var_dir,
            PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        )
        processes.start(
            "web", stack.gunicorn_command(port=port, workers=WEB_WORKERS, threads=THREADS), env=env
        )
        stack.wait_for(f"http://127.0.0.1:{port}/healthz", timeout=120)
        worker = processes.start("rqworker", stack.worker_command(env), env=env)
        _wait_for_worker(worker, log_dir / "rqworker.log")
        print(
            f"    {database}, Redis db {REDIS_DB}, gunicorn {WEB_WORKERS}x{THREADS} and an rq worker ready in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        return _measure(run, port, scene, log_dir / "web.log")
    finally:
        leftovers = processes.stop()
        stack.psql(PG_PORT, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)', check=False)
        _redis().flushdb()
        if leftovers:
            print(f"    processes left after the teardown (killed): {leftovers}", flush=True)
