"""What higher apps add to a certificate, registered in their ``AppConfig.ready``.

Certificates know nothing of the apps above them. A workshop, for instance, registers
``register_hours`` (the hours a certificate states: face to face plus online, not the course's
estimate alone) and ``register_lines`` (lines printed under the body: the workshop's name,
dates, place and hours). A provider returns None or an empty list when it has nothing to add.
"""

from collections.abc import Callable
from decimal import Decimal

# enrolment -> hours to print, or None to leave the course's estimate
_hours_providers: list[Callable[..., Decimal | None]] = []
# certificate -> lines to print (called in the certificate's language)
_line_providers: list[Callable[..., list[str]]] = []


def register_hours(provider: Callable[..., Decimal | None]) -> None:
    if provider not in _hours_providers:
        _hours_providers.append(provider)


def register_lines(provider: Callable[..., list[str]]) -> None:
    if provider not in _line_providers:
        _line_providers.append(provider)


def hours_for(enrolment) -> Decimal | None:
    """The first registered answer for the round's hours; None: the course's estimated hours."""
    for provider in _hours_providers:
        hours = provider(enrolment)
        if hours is not None:
            return hours
    return None


def lines_for(certificate) -> tuple[str, ...]:
    """Every registered line for this certificate, in order."""
    return tuple(str(line) for provider in _line_providers for line in (provider(certificate) or ()))
