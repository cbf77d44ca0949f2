"""Jobs that run on a clock (the task framework has no scheduler).

Each app registers its own jobs in its ``AppConfig.ready`` with ``register``; this module knows
none of them. The embedded mode runs them from ``manage.py run_periodic`` beside the task worker;
in production, run ``manage.py run_periodic --once`` from cron every minute, or the loop as a
service. Every job must be idempotent, so running one twice does no harm.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    every: int  # seconds between runs
    run: Callable[[], object]


_jobs: dict[str, Job] = {}


def register(name: str, every: int, run: Callable[[], object]) -> None:
    """Run ``run`` every ``every`` seconds. Registering a name again replaces its job."""
    if every <= 0:
        raise ValueError("a periodic job needs a positive interval")
    _jobs[name] = Job(name=name, every=every, run=run)


def jobs() -> list[Job]:
    """The registered jobs, in the order they were first registered."""
    return list(_jobs.values())
