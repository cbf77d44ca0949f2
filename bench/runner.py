"""Run every registered benchmark on the shared scene and report against the targets."""

import time

from django.test import Client

# Importing a benchmark module registers its benchmarks; new modules join this line.
from bench import certificates, pages, production, quizzes, records, served, web, workshops  # noqa: F401
from bench.national import NATIONAL
from bench.registry import BENCHMARKS, Run
from bench.report import RESULTS_FILE, judge, load_targets, publish
from bench.scene import build_scene


def run(*, short: bool, only: str | None = None) -> int:
    """Measure, print the table, write the results; 1 if an enforced target is missed. With
    ``only``, just the benchmarks whose name contains it, judged on their own targets and written
    to bench/results/only.json (a full run's latest.json stays as it was)."""
    # Before the slow part, so a broken targets file fails at once; the national targets
    # belong to bench.national, the workshops_pg_ ones to bench.workshops.
    targets = {
        name: target for name, target in load_targets().items() if not name.startswith((NATIONAL, workshops.PREFIX))
    }
    benchmarks = [benchmark for benchmark in BENCHMARKS if only is None or only in benchmark.__name__]
    if not benchmarks:
        print(f"No benchmark's name contains {only!r}; they are: {', '.join(b.__name__ for b in BENCHMARKS)}")
        return 2
    print("Building the courses and the trainee…", flush=True)
    scene = build_scene()
    client = Client()
    client.force_login(scene.trainee)  # a database session, as a real sign-in makes

    measurements = []
    for benchmark in benchmarks:
        started = time.perf_counter()
        measurements += benchmark(Run(scene=scene, client=client, short=short))
        print(f"  {benchmark.__name__}: {time.perf_counter() - started:.1f} s", flush=True)

    if only is not None:
        measured = {measurement.name for measurement in measurements}
        mine = {name: target for name, target in targets.items() if name in measured}
        return publish(judge(measurements, mine), mine, RESULTS_FILE.with_name("only.json"))
    return publish(judge(measurements, targets), targets)
