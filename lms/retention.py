"""Retention: unused trainee accounts erased after a warning, old audit entries deleted.

Run by the periodic job (lms.periodic); each step is idempotent. The records files made in the
background have their own retention (RECORDS_EXPORT_KEEP_DAYS, records).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit, erasure, roles
from lms.notify import notify

YEAR = timedelta(days=365)


def _idle_trainees(cutoff):
    """Active accounts whose only role is trainee, not used (signed in or joined) since ``cutoff``."""
    return (
        get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .annotate(roles=Count("groups"), trainee=Count("groups", filter=Q(groups__name=roles.TRAINEE)))
        .filter(roles=1, trainee=1)
        .annotate(active_at=Coalesce("last_login", "date_joined"))
        .filter(active_at__lt=cutoff)
    )


def warn_and_erase_inactive_accounts(*, now=None) -> tuple[int, int]:
    """Warn the owners of unused accounts; erase those still unused once the warning period is over."""
    years = settings.PASSAGE_INACTIVE_ACCOUNT_YEARS
    if not years:
        return 0, 0
    now = now or timezone.now()
    idle = _idle_trainees(now - years * YEAR)
    grace = timedelta(days=settings.PASSAGE_INACTIVE_WARNING_DAYS)
    warned = 0
    # Not yet warned since they were last active.
    for user in idle.filter(Q(inactivity_warned_at__isnull=True) | Q(inactivity_warned_at__lt=Coalesce("last_login", "date_joined"))):
        _warn(user, erase_on=now + grace)
        type(user).objects.filter(pk=user.pk).update(inactivity_warned_at=now)
        warned += 1
    erased = 0
    for user in idle.filter(inactivity_warned_at__lte=now - grace, inactivity_warned_at__gte=Coalesce("last_login", "date_joined")):
        with transaction.atomic():
            erasure.carry_out_erasure(erasure=erasure.request_erasure(user=user), by=None)
        erased += 1
    return warned, erased


def _warn(user, *, erase_on) -> None:
    notify(
        user,
        lambda: (
            _("Your Passage account will be erased"),
            _(
                "You have not used your Passage account for a long time. Unless you sign in before %(date)s, "
                "it will be erased with your personal data. Your certificates stay checkable on their verify page."
            )
            % {"date": erase_on.date().isoformat()},
        ),
    )


def prune_audit_log(*, now=None) -> int:
    """Delete audit entries older than PASSAGE_AUDIT_KEEP_YEARS; the chain stays verifiable."""
    years = settings.PASSAGE_AUDIT_KEEP_YEARS
    if not years:
        return 0
    return audit.prune_before((now or timezone.now()) - years * YEAR)


def apply_retention() -> None:
    """The periodic job: both retention rules."""
    warn_and_erase_inactive_accounts()
    prune_audit_log()
