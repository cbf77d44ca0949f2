"""What a certificate of a workshop cohort says about the workshop (registered with ``certificates.extras``)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from lms.formatting import format_date, format_number
from workshops.models import Workshop
from workshops.selectors import hours_of


def _workshop_of(enrolment) -> Workshop | None:
    if enrolment is None or enrolment.cohort_id is None:
        return None
    return Workshop.objects.filter(cohort_id=enrolment.cohort_id).first()


def hours_for_enrolment(enrolment) -> Decimal | None:
    """Face-to-face plus online hours for a round in a workshop cohort; None for any other round."""
    workshop = _workshop_of(enrolment)
    return hours_of(workshop).total if workshop is not None else None


def lines_for_certificate(certificate) -> list[str]:
    """The workshop's title, dates and place, and its hours split face to face and online."""
    workshop = _workshop_of(certificate.enrolment)
    if workshop is None:
        return []
    hours = hours_of(workshop)
    if workshop.starts_on == workshop.ends_on:
        dates = format_date(workshop.starts_on)
    else:
        dates = _("%(start)s to %(end)s") % {"start": format_date(workshop.starts_on), "end": format_date(workshop.ends_on)}
    return [
        _("Workshop: %(title)s, %(venue)s, %(dates)s") % {"title": workshop.title, "venue": workshop.venue, "dates": dates},
        _("%(total)s hours: %(face)s face to face and %(online)s online")
        % {
            "total": format_number(hours.total), "face": format_number(hours.face_to_face),
            "online": format_number(hours.online),
        },
    ]
