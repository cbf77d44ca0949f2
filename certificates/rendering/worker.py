"""The rendering child: HTML and allow-listed assets in, PDF bytes out, within limits.

Runs in a pre-started process of a pool (see ``pool``). The initializer caps the address space
(RLIMIT_AS), so a runaway rendering ends in MemoryError or in the child's death, never in the
task worker's; an interval timer stops a rendering that runs past its time. No Django, no
database: the child only sees what it is handed.
"""

import resource
import signal
import time
from dataclasses import dataclass, field

from certificates.rendering.fetcher import BASE_URL, AllowListFetcher, Asset

PDF_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class Job:
    html: str
    assets: dict[str, Asset] = field(default_factory=dict)
    time_limit: float = 15.0
    pdf_variant: str | None = PDF_VARIANT


@dataclass
class Outcome:
    pdf: bytes | None = None
    failure: str = ""  # "", "time", "memory" or "error"
    message: str = ""
    refused: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0


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
    import weasyprint  # noqa: F401 - imported here so the first rendering is not slower


def render(job: Job) -> Outcome:
    """Render one document; failures come back as an Outcome, never as an exception."""
    from weasyprint import HTML

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


def ping() -> int:
    """A no-op job that makes the pool start its process."""
    return 1
