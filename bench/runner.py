"""Run every registered benchmark on the shared scene and report against the targets."""

import time

from django.test import Client

# Importing a benchmark module registers its benchmarks; new modules join this line.
from bench import certificates, pages, quizzes, records, served, web, workshops  # noqa: F401
from bench.national import NATIONAL
from bench.registry import BENCHMARKS, Run
from bench.report import RESULTS_FILE, judge, load_targets, publish
from bench.scene import build_scene


def run(*, short: bool, only: list[str] | None = None) -> int:
    """Measure, print the table, write the results; 1 if an enforced target is missed.
    ``only``: the names of the benchmarks to run (all when empty)."""
    selected = [benchmark for benchmark in BENCHMARKS if not only or benchmark.__name__ in only]
    unknown = sorted(set(only or ()) - {benchmark.__name__ for benchmark in BENCHMARKS})
    if unknown:
        raise SystemExit(f"No benchmark named {', '.join(unknown)}; there are: {', '.join(b.__name__ for b in BENCHMARKS)}")
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
    for benchmark in selected:
        started = time.perf_counter()
        measurements += benchmark(Run(scene=scene, client=client, short=short))
        print(f"  {benchmark.__name__}: {time.perf_counter() - started:.1f} s", flush=True)

    if only:
        # A partial run: judged on its own targets, written beside (not over) a full run's results.
        measured = {measurement.name for measurement in measurements}
        targets = {name: target for name, target in targets.items() if name in measured}
        return publish(judge(measurements, targets), targets, RESULTS_FILE.with_name("latest-only.json"))
    return publish(judge(measurements, targets), targets)
