"""The second factor: who must have one, the check on every page, setting one up, resetting a lost one."""

import re
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lms import audit, roles

# Kinds that count as a second factor (recovery codes only back one up).
FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
SESSION_KEY = "passage_second_factor_checked"
# A session that passed the check is not asked the database again for this long.
RECHECK_SECONDS = 60
# Pages open to everyone signed in: the account pages (where the factor is set up), sign-out,
# language choice, files, health, public checks, and the token API (no session there).
_OPEN_PATHS = re.compile(r"^/(?:(?:[a-z]{2}(?:-[a-z]+)?/)?accounts/|i18n/|static/|media/|healthz|verify/|api/|favicon)")


def required_roles() -> set[str]:
    """The roles that must have a second factor: the setting, and administrators whatever it says."""
    return set(settings.PASSAGE_MFA_REQUIRED_ROLES) | {roles.ADMINISTRATOR}


def requires_second_factor(user) -> bool:
    """Whether this person's role obliges them to sign in with a second factor."""
    if not user.is_authenticated:
        return False
    return any(roles.has_role(user, role) for role in required_roles())


def has_second_factor(user) -> bool:
    """An authenticator app or a security key / passkey is set up."""
    return Authenticator.objects.filter(user_id=user.pk, type__in=FACTOR_TYPES).exists()


class SecondFactorRequiredMiddleware:
    """Send a signed-in administrator or officer without a second factor to set one up first.

    allauth asks for the factor at every sign-in once it exists; this makes sure it exists
    before anything but the account pages opens (the admin, the records, tokens, exports).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not _OPEN_PATHS.match(request.path_info):
            checked = request.session.get(SESSION_KEY)
            now = time.time()
            if not (checked and checked[0] == user.pk and checked[1] > now):
                if requires_second_factor(user) and not has_second_factor(user):
                    messages.warning(
                        request,
                        _("Your role gives access to personal data: set up a second factor (an authenticator app or a passkey) to continue."),
                    )
                    setup = reverse("mfa_activate_totp")
                    return HttpResponseRedirect(f"{setup}?{urlencode({'next': request.get_full_path()})}")
                request.session[SESSION_KEY] = [user.pk, now + RECHECK_SECONDS]
        return self.get_response(request)


@transaction.atomic
def activate_totp(*, user, secret: str | None = None) -> tuple[str, list[str]]:
    """Give a person an authenticator-app factor and recovery codes; returns the secret and the codes.

    For the demo accounts and tests; people set theirs up on the account pages (allauth).
    Precondition: the person has no authenticator app yet.
    """
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user).generate_codes()
    return secret, codes


@transaction.atomic
def reset_second_factor(*, user, by) -> int:
    """Remove every factor of a person who lost theirs (they set up a new one at next sign-in); audited."""
    kinds = sorted(set(Authenticator.objects.filter(user=user).values_list("type", flat=True)))
    removed, _details = Authenticator.objects.filter(user=user).delete()
    audit.record(actor=by, action="mfa.reset", obj=user, data={"email": user.email, "removed": kinds})
    return removed
