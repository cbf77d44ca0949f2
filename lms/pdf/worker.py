"""The rendering child: HTML and allow-listed assets in, PDF bytes out, within limits.

Runs in a pre-started process of a pool (see ``pool``). The initializer caps the address space
(RLIMIT_AS), so a runaway rendering ends in MemoryError or in the child's death, never in the
web or task worker's; an interval timer stops a rendering that runs past its time. No Django,
no database: the child only sees what it is handed.

The parent imports this module too (to name its functions to the pool), so WeasyPrint is
imported only inside them: the fork server has it preloaded (``fetcher``), the parent never.
"""

import resource
import signal
import time

from lms.pdf.jobs import Job, Outcome


class _TimeUp(BaseException):
    # BaseException: WeasyPrint's own ``except Exception`` blocks must not swallow it.
    pass


def _time_up(signum, frame):
    raise _TimeUp()


def initialise(memory_limit_bytes: int) -> None:
    """Pool initializer: cap this process's memory, no core dumps, load the renderer once."""
    if memory_limit_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGALRM, _time_up)
    # Already loaded when the fork server preloaded it; imported here for a spawned child.
    import lms.pdf.fetcher  # noqa: F401


def render(job: Job) -> Outcome:
    """Render one document; failures come back as an Outcome, never as an exception."""
    from weasyprint import HTML

    from lms.pdf.assets import BASE_URL
    from lms.pdf.fetcher import AllowListFetcher

    started = time.perf_counter()
    fetcher = AllowListFetcher(job.assets)
    outcome = Outcome()
    signal.setitimer(signal.ITIMER_REAL, job.time_limit)
    try:
        document = HTML(string=job.html, base_url=BASE_URL, url_fetcher=fetcher).render()
        outcome.pages = len(document.pages)
        outcome.pdf = document.write_pdf(pdf_variant=job.pdf_variant, uncompressed_pdf=False)
    except _TimeUp:
        outcome.failure, outcome.message = "time", f"stopped after {job.time_limit:g} s"
    except MemoryError:
        outcome.failure, outcome.message = "memory", "ran out of its memory limit"
    except Exception as error:  # the document itself is broken: report, keep the process
        outcome.failure, outcome.message = "error", f"{type(error).__name__}: {error}"[:500]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    outcome.pdf = outcome.pdf if not outcome.failure else None
    outcome.refused, outcome.served = fetcher.refused, fetcher.served
    outcome.seconds = time.perf_counter() - started
    return outcome


def memory_high_water_kb() -> int:
    """Peak resident memory of this process (VmHWM), for the benchmarks."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def loaded_modules() -> list[str]:
    """The modules this process has imported (tests check the child, not the parent, has WeasyPrint)."""
    import sys

    return sorted(sys.modules)


def ping() -> int:
    """A no-op job that makes the pool start its process."""
    return 1
