"""Account actions: invite, resend, accept an invitation, mark an address verified."""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import audit, roles
from lms.invitations import InviteeRow
from lms.models import Invitation
from lms.notify import notify
from lms.signals import invitation_accepted


class InvitationInvalid(Exception):
    """The link is unknown, already used or expired."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str, language: str) -> str:
    with translation.override(language):
        path = reverse("accept_invitation", kwargs={"token": token})
    return f"{settings.PUBLIC_BASE_URL}{path}"


def _send_invitation(invitation: Invitation, token: str) -> None:
    user = invitation.user

    def compose():
        context = {
            "user": user,
            "cohort": invitation.cohort,
            "url": invitation_url(token, translation.get_language()),
            "expires_at": invitation.expires_at,
            "inviter": invitation.invited_by,
        }
        return _("You are invited to a training course on Passage"), render_to_string("accounts/email/invitation.txt", context)

    notify(user, compose)


def _issue_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _token_hash(token)
    invitation.expires_at = timezone.now() + timedelta(days=settings.PASSAGE_INVITATION_DAYS)
    return token


@transaction.atomic
def create_invited_account(*, row: InviteeRow, cohort=None, invited_by) -> Invitation:
    """Create the account a checked CSV row names and send its one-time link to set a password.

    Precondition: no account has this email yet. The account joins no cohort here: the courses
    app lets it in when the person follows the link (see ``lms.signals.invitation_accepted``).
    """
    User = get_user_model()
    user = User.objects.create_user(
        email=row.email,
        certificate_name=row.name,
        organisation=row.organisation,
        sector=row.sector,
        country=row.country,
        preferred_language=row.language or settings.LANGUAGE_CODE,
    )
    roles.assign_role(user, roles.TRAINEE)
    invitation = Invitation(user=user, cohort=cohort, invited_by=invited_by)
    token = _issue_token(invitation)
    invitation.save()
    _send_invitation(invitation, token)
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, by) -> Invitation:
    """Send a fresh link (the old one stops working) with a new expiry date."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid(_("This invitation was already accepted."))
    token = _issue_token(invitation)
    invitation.sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save(update_fields=["token_hash", "expires_at", "sent_at", "send_count"])
    _send_invitation(invitation, token)
    audit.record(actor=by, action="invitation.resend", obj=invitation, data={"email": invitation.user.email})
    return invitation


def pending_invitation(token: str) -> Invitation:
    """The invitation a link points to, or InvitationInvalid (unknown, used or expired alike)."""
    invitation = (
        Invitation.objects.select_related("user", "cohort")
        .filter(token_hash=_token_hash(token), accepted_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.is_expired:
        raise InvitationInvalid(_("This invitation link is no longer valid. Ask your trainer to send a new one."))
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, password: str, first_name: str, last_name: str, certificate_name: str, preferred_language: str):
    """Set the invitee's password and names; the link then stops working."""
    invitation = pending_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid(_("This invitation link is no longer valid. Ask your trainer to send a new one."))
    user = invitation.user
    user.first_name = first_name
    user.last_name = last_name
    user.certificate_name = certificate_name
    user.preferred_language = preferred_language
    user.is_active = True
    user.set_password(password)
    user.save(update_fields=["first_name", "last_name", "certificate_name", "preferred_language", "is_active", "password"])
    mark_email_verified(user)
    invitation.accepted_at = timezone.now()
    invitation.token_hash = ""
    invitation.save(update_fields=["accepted_at", "token_hash"])
    invitation_accepted.send(sender=Invitation, user=user, invitation=invitation)
    return user


def mark_email_verified(user) -> None:
    """Record the user's address as verified and primary (the proof came by another way: an invitation link)."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
