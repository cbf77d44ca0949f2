"""Run every registered benchmark on the shared scene and report against the targets."""

import time

from django.test import Client

# Importing a benchmark module registers its benchmarks; new modules join this line.
from bench import certificates, pages, quizzes, records  # noqa: F401
from bench.registry import BENCHMARKS, Run
from bench.report import RESULTS_FILE, judge, load_targets, table, write_results
from bench.scene import build_scene


def run(*, short: bool) -> int:
    """Measure, print the table, write the results; 1 if an enforced target is missed."""
    targets = load_targets()  # before the slow part, so a broken targets file fails at once
    print("Building the courses and the trainee…", flush=True)
    scene = build_scene()
    client = Client()
    client.force_login(scene.trainee)  # a database session, as a real sign-in makes

    measurements = []
    for benchmark in BENCHMARKS:
        started = time.perf_counter()
        measurements += benchmark(Run(scene=scene, client=client, short=short))
        print(f"  {benchmark.__name__}: {time.perf_counter() - started:.1f} s", flush=True)

    results = judge(measurements, targets)
    write_results(results)
    print()
    print(table(results))
    print(f"\nResults written to {RESULTS_FILE}")
    unmeasured = sorted(set(targets) - {result["name"] for result in results})
    if unmeasured:
        print(f"Targets with no measurement: {', '.join(unmeasured)}")
    missed = [result["name"] for result in results if result["enforced"] and not result["ok"]]
    if missed:
        print(f"Enforced targets missed: {', '.join(missed)}")
        return 1
    return 0
