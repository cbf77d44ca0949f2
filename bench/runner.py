"""Run every registered benchmark on the shared scene and report against the targets."""

import time

from django.test import Client

# Importing a benchmark module registers its benchmarks; new modules join this line.
from bench import certificates, pages, quizzes, records, served, web, workshops  # noqa: F401
from bench.national import NATIONAL
from bench.registry import BENCHMARKS, Run
from bench.report import judge, load_targets, publish
from bench.scene import build_scene


def run(*, short: bool) -> int:
    """Measure, print the table, write the results; 1 if an enforced target is missed."""
    # Before the slow part, so a broken targets file fails at once; the national targets
    # belong to bench.national, the workshops_pg_ ones to bench.workshops.
    targets = {
        name: target for name, target in load_targets().items() if not name.startswith((NATIONAL, workshops.PREFIX))
    }
    print("Building the courses and the trainee…", flush=True)
    scene = build_scene()
    client = Client()
    client.force_login(scene.trainee)  # a database session, as a real sign-in makes

    measurements = []
    for benchmark in BENCHMARKS:
        started = time.perf_counter()
        measurements += benchmark(Run(scene=scene, client=client, short=short))
        print(f"  {benchmark.__name__}: {time.perf_counter() - started:.1f} s", flush=True)

    return publish(judge(measurements, targets), targets)
