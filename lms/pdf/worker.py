"""The rendering child: HTML and allow-listed assets in, PDF bytes out, within limits.

Runs in a pre-started process of a pool (see ``pool``). The initializer caps the address space
(RLIMIT_AS), so a runaway rendering ends in MemoryError or in the child's death, never in the
web or task worker's; an interval timer stops a rendering that runs past its time. No Django,
no database: the child only sees what it is handed. Its font configuration, made before the cap,
serves every document that adds no fonts of its own (``childfonts``); each outcome says whether
the pool should replace the child (``replace_process``).

The parent imports this module too (to name its functions to the pool), so WeasyPrint is
imported only inside them: the fork server has it preloaded (``fetcher``), the parent never.
"""

import os
import resource
import signal
import time

from lms.pdf.jobs import Job, Outcome


class _TimeUp(BaseException):
    # BaseException: WeasyPrint's own ``except Exception`` blocks must not swallow it.
    pass


def _time_up(signum, frame):
    raise _TimeUp()


# This child's shared font configuration (``childfonts``), made before its memory limit applies.
_fonts = None
_rendered = 0
_renders_per_process = 0
_memory_limit = 0

# Asks for a new child when this one has used this share of its address space.
RECYCLE_AT_SHARE_OF_LIMIT = 0.7


def initialise(memory_limit_bytes: int, fontconfig_file: str = "", renders_per_process: int = 0) -> None:
    """Pool initializer: the renderer's own fontconfig file, one font configuration made while
    memory is not yet limited, then the memory cap; no core dumps; the renderer loaded once."""
    global _fonts, _renders_per_process, _memory_limit
    if fontconfig_file:
        # Read by fontconfig whenever a configuration is made (the fork server has it too).
        os.environ["FONTCONFIG_FILE"] = fontconfig_file
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGALRM, _time_up)
    # Already loaded when the fork server preloaded it; imported here for a spawned child.
    import lms.pdf.fetcher  # noqa: F401
    from lms.pdf import childfonts

    _fonts = childfonts.make()
    _warm_up(_fonts)
    _renders_per_process = renders_per_process
    if memory_limit_bytes:
        # The soft limit is the cap; the hard one stays where it was, so that ``childfonts.make``
        # can lift the cap while fontconfig reads the fonts.
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = memory_limit_bytes if hard == resource.RLIM_INFINITY else min(memory_limit_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        _memory_limit = soft


def _warm_up(fonts) -> None:
    """One small document, before the cap: Pango and HarfBuzz load the usual fonts now, so the
    first real document (after the pool replaced a child, too) is as fast as the next ones."""
    from weasyprint import HTML

    try:
        HTML(string=_WARM_UP).render(font_config=fonts).write_pdf()
    except Exception:  # noqa: S110 - only a head start: a real document reports its own failure
        pass


_WARM_UP = '<p>Passage <b>certificat</b> <i>شهادة</i> сертификат</p>'


def _fonts_for_document():
    """The shared font configuration, or a new one once a document has added fonts to it."""
    from lms.pdf import childfonts

    if _fonts is not None and not _fonts.faces_added:
        return _fonts
    return childfonts.make()


def _should_be_replaced() -> bool:
    """Whether the pool should start a new child: a document's fonts are in the shared
    configuration, enough documents were made, or the address space is filling up."""
    if _fonts is None or _fonts.faces_added:
        return True
    if _renders_per_process and _rendered >= _renders_per_process:
        return True
    return bool(_memory_limit) and _status_kb("VmSize:") * 1024 > _memory_limit * RECYCLE_AT_SHARE_OF_LIMIT


def render(job: Job) -> Outcome:
    """Render one document; failures come back as an Outcome, never as an exception."""
    from weasyprint import HTML

    from lms.pdf.assets import BASE_URL
    from lms.pdf.fetcher import AllowListFetcher

    global _rendered
    started = time.perf_counter()
    _rendered += 1
    fetcher = AllowListFetcher(job.assets)
    outcome = Outcome()
    signal.setitimer(signal.ITIMER_REAL, job.time_limit)
    try:
        fonts = _fonts_for_document()
        document = HTML(string=job.html, base_url=BASE_URL, url_fetcher=fetcher).render(font_config=fonts)
        outcome.pages = len(document.pages)
        outcome.pdf = document.write_pdf(pdf_variant=job.pdf_variant, uncompressed_pdf=False)
    except _TimeUp:
        outcome.failure, outcome.message = "time", f"stopped after {job.time_limit:g} s"
    except MemoryError:
        outcome.failure, outcome.message = "memory", "ran out of its memory limit"
    except Exception as error:
        if _out_of_memory(error):
            outcome.failure, outcome.message = "memory", "ran out of its memory limit"
        else:  # the document itself is broken: report, keep the process
            outcome.failure, outcome.message = "error", f"{type(error).__name__}: {error}"[:500]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    outcome.pdf = outcome.pdf if not outcome.failure else None
    outcome.refused, outcome.served = fetcher.refused, fetcher.served
    outcome.replace_process = _should_be_replaced()
    outcome.seconds = time.perf_counter() - started
    return outcome


def _out_of_memory(error: Exception) -> bool:
    """Whether a failure came from the memory cap rather than from the document.

    Under the cap, a C library (Pango, cairo, HarfBuzz through cffi) whose allocation fails often
    surfaces as a SystemError ("error return without exception set") or an error naming memory,
    not as MemoryError; the address space having reached the cap tells the same.
    """
    if not _memory_limit:
        return False
    if isinstance(error, SystemError) or "memory" in str(error).lower():
        return True
    return _status_kb("VmPeak:") * 1024 >= _memory_limit * 0.9


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory_high_water_kb() -> int:
    """Peak resident memory of this process (VmHWM), for the benchmarks."""
    return _status_kb("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def font_state() -> dict:
    """This child's fontconfig file, its shared configuration's font count and renderings (tests)."""
    return {
        "pid": os.getpid(),
        "fontconfig_file": os.environ.get("FONTCONFIG_FILE", ""),
        "fonts": _fonts.font_count() if _fonts is not None else 0,
        "rendered": _rendered,
        "memory_limit": resource.getrlimit(resource.RLIMIT_AS)[0],
    }


def loaded_modules() -> list[str]:
    """The modules this process has imported (tests check the child, not the parent, has WeasyPrint)."""
    import sys

    return sorted(sys.modules)


def ping() -> int:
    """A no-op job that makes the pool start its process."""
    return 1
