"""Jobs that run on a clock (the task framework has no scheduler).

The embedded mode runs them from ``manage.py run_periodic`` beside the task worker; in
production, run ``manage.py run_periodic --once`` from cron every minute, or the loop as a
service. Every job is idempotent, so running one twice does no harm.

Each app adds its own jobs with ``register`` in its ``AppConfig.ready``: this module, in the
base layer, never imports the apps above it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from lms.retention import apply_retention


@dataclass(frozen=True)
class Job:
    name: str
    every: int  # seconds between runs
    run: Callable[[], object]


_jobs: dict[str, Job] = {}


def register(name: str, every: int, run: Callable[[], object]) -> None:
    """Run ``run()`` every ``every`` seconds (idempotent by name: registering again replaces it)."""
    _jobs[name] = Job(name=name, every=every, run=run)


def jobs() -> list[Job]:
    """The registered jobs, in the order they were registered."""
    return list(_jobs.values())


register("retention: unused accounts, old audit entries", 24 * 60 * 60, apply_retention)
