"""Run every registered benchmark on the shared scene and report against the targets."""

import time

from django.test import Client

# Importing a benchmark module registers its benchmarks; new modules join this line.
from bench import certificates, pages, quizzes, records, served, web, workshops  # noqa: F401
from bench.national import NATIONAL
from bench.registry import BENCHMARKS, Run
from bench.report import judge, load_targets, publish
from bench.scene import build_scene


def run(*, short: bool, only: list[str] | None = None) -> int:
    """Measure, print the table, write the results; 1 if an enforced target is missed.

    With ``only``, just the benchmarks of those names run (their targets alone are judged).
    """
    benchmarks = list(BENCHMARKS)
    if only:
        unknown = sorted(set(only) - {benchmark.__name__ for benchmark in benchmarks})
        if unknown:
            names = ", ".join(benchmark.__name__ for benchmark in benchmarks)
            raise SystemExit(f"No benchmark named {', '.join(unknown)}. There are: {names}")
        benchmarks = [benchmark for benchmark in benchmarks if benchmark.__name__ in only]
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
    for benchmark in benchmarks:
        started = time.perf_counter()
        measurements += benchmark(Run(scene=scene, client=client, short=short))
        print(f"  {benchmark.__name__}: {time.perf_counter() - started:.1f} s", flush=True)

    if only:
        # The other benchmarks' targets were not meant to be measured in this run.
        measured = {measurement.name for measurement in measurements}
        targets = {name: target for name, target in targets.items() if name in measured}
    return publish(judge(measurements, targets), targets)
