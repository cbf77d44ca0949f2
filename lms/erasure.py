"""Erasure at a person's request: they ask, an administrator carries it out.

What stays, and why: the account row, pseudonymised (no name, no address, no sign-in), so the
rounds, attempts and certificates attached to it keep every aggregate count of the records
unchanged; gender and year of birth stay on it for the same statistics, with nothing left to tie
them to a person. Certificates keep what the verify page shows (or are revoked, by
PASSAGE_ERASURE_CERTIFICATES). Audit entries keep their hashes: who and the details are blanked,
their digest stays in the chain, so ``verify_audit_log`` still passes.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit, personal_data
from lms.models import AuditLogEntry, ErasureRequest, Invitation
from lms.notify import notify


class ErasureNotPending(Exception):
    """The request was already carried out."""


ERASED_DOMAIN = "erased.invalid"


@transaction.atomic
def request_erasure(*, user) -> ErasureRequest:
    """Record a person's request (one pending at a time; asking again returns the pending one)."""
    pending = ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
    if pending is not None:
        return pending
    erasure = ErasureRequest.objects.create(user=user)
    audit.record(actor=user, action="erasure.request", obj=erasure)
    return erasure


@transaction.atomic
def carry_out_erasure(*, erasure: ErasureRequest, by) -> ErasureRequest:
    """Erase or pseudonymise everything held about the person. Precondition: the request is pending."""
    erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    if erasure.status != ErasureRequest.Status.PENDING or erasure.user is None:
        raise ErasureNotPending(_("This request was already carried out."))
    user = erasure.user
    email = user.email
    for section in personal_data.sections():
        if section.erase is not None:
            section.erase(user, by=by)
    # The audit log: entries by or about the person, and any that wrote down their address.
    about = Q(actor=user) | Q(object_type=user._meta.label, object_id=str(user.pk))
    mentions = audit_entries_mentioning(email)
    audit.erase_personal_details(AuditLogEntry.objects.filter(about | Q(pk__in=mentions)))

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Invitation.objects.filter(user=user).delete()
    user.email = f"erased-{user.pk}@{ERASED_DOMAIN}"
    user.first_name = user.last_name = user.certificate_name = ""
    user.organisation = user.sector = user.country = None
    user.is_active = False
    user.set_unusable_password()  # also ends every session of the account
    user.save()
    user.groups.clear()

    erasure.status = ErasureRequest.Status.DONE
    erasure.done_at = timezone.now()
    erasure.done_by = by
    erasure.save(update_fields=["status", "done_at", "done_by"])
    audit.record(actor=by, action="erasure.done", obj=erasure, data={"account": user.pk})
    # The last message to the address, then it is gone from Passage.
    notify(
        user,
        lambda: (
            _("Your data on Passage is erased"),
            _("As you asked, your account on Passage is closed and your personal data is erased."),
        ),
        to=email,
    )
    return erasure


def audit_entries_mentioning(email: str):
    """Ids of audit entries whose details contain the address (e.g. a resent invitation)."""
    return (
        AuditLogEntry.objects.annotate(text=Cast("data", TextField()))
        .filter(text__icontains=email)
        .values("pk")
    )
