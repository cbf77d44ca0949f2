"""bench/production.py's child process: the benchmark's scene, built on PostgreSQL and Redis.

    python -m bench.production_scene --var-dir DIR --database-url URL --redis-url URL --output FILE

Django here runs on the production topology's (migrated) database and Redis, with the bench's
overrides (tasks run inline, quick password hashing). It builds bench/scene.py's courses and
trainee, bench/served.py's quiz attempt with saved answers, and the trainee's session, saved in
PostgreSQL and in Redis as a sign-in saves it. To show where a page's time goes, it also times
each page through the test client (its queries and their time in PostgreSQL) and PostgreSQL's
round trip. Everything the parent needs is written to FILE as JSON.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROUND_TRIPS = 200


def round_trip_ms(count: int = ROUND_TRIPS) -> float:
    """Median milliseconds of ``SELECT 1`` on Django's connection: one round trip to the database."""
    from django.db import connection

    samples = []
    with connection.cursor() as cursor:
        for _ in range(count):
            started = time.perf_counter()
            cursor.execute("SELECT 1")
            cursor.fetchone()
            samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 3)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.production_scene", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--var-dir", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)

    from bench.environment import start_django

    start_django(
        args.var_dir, database_url=args.database_url, redis_url=args.redis_url, migrate=False
    )
    from django.test import Client

    from bench.registry import Run, query_profile
    from bench.scene import build_scene
    from bench.served import hot_pages
    from bench.web import _session_cookie

    scene = build_scene()
    client = Client()
    client.force_login(scene.trainee)
    pages = hot_pages(Run(scene=scene, client=client, short=False))
    result = {
        "pages": pages,
        "cookie": _session_cookie(scene.trainee),
        "profiles": {name: query_profile(client, path) for name, path in pages.items()},
        "round_trip_ms": round_trip_ms(),
    }
    Path(args.output).write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
