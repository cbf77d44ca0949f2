"""The second factor: required for administrators and officers, set up, asked at sign-in, reset."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import Client
from django.urls import reverse

from lms import mfa, roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory, mark_reauthenticated

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_administrators_always_need_a_second_factor_whatever_the_setting(settings):
    settings.PASSAGE_MFA_REQUIRED_ROLES = []
    assert mfa.requires_second_factor(UserFactory(role=roles.ADMINISTRATOR, second_factor=False))
    assert not mfa.requires_second_factor(UserFactory(role=roles.MINISTRY_OFFICER, second_factor=False))
    settings.PASSAGE_MFA_REQUIRED_ROLES = [roles.MINISTRY_OFFICER]
    assert mfa.requires_second_factor(UserFactory(role=roles.MINISTRY_OFFICER, second_factor=False))
    assert not mfa.requires_second_factor(UserFactory(role=roles.TRAINER))
    assert not mfa.requires_second_factor(UserFactory(role=roles.TRAINEE))


def test_an_officer_without_a_second_factor_sets_one_up_before_the_records_open(client):
    officer = UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER, second_factor=False)
    response = sign_in(client, "officer@example.org")
    assert response.status_code == 302 and "_auth_user_id" in client.session  # no factor to ask yet

    records = reverse("records:dashboard")
    response = client.get(records)
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_activate_totp"))
    for place in ["/admin/", reverse("records:tokens"), reverse("records:exports")]:
        assert client.get(place)["Location"].startswith(reverse("mfa_activate_totp"))

    # Setting up asks for the password again, then for a code from the app.
    mark_reauthenticated(client, officer)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert mfa.has_second_factor(officer)
    assert client.get(records).status_code == 200


def test_once_set_up_the_second_factor_is_asked_at_every_sign_in(client):
    officer = UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER)
    response = sign_in(client, "officer@example.org")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(officer._totp_secret)})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(officer.pk)
    assert client.get(reverse("records:dashboard")).status_code == 200


def test_a_recovery_code_works_once(client):
    officer = UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER)
    code = officer._recovery_codes[0]
    sign_in(client, "officer@example.org")
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.session["_auth_user_id"] == str(officer.pk)
    other = Client()
    sign_in(other, "officer@example.org")
    other.post(reverse("mfa_authenticate"), {"code": code})
    assert "_auth_user_id" not in other.session


def test_the_admin_sign_in_goes_through_the_same_flow(client):
    administrator = UserFactory(email="admin@example.org", role=roles.ADMINISTRATOR, is_staff=True)
    response = client.get("/admin/")
    login_url = response["Location"]
    assert login_url.startswith(reverse("account_login")) and "next=/admin/" in login_url
    response = client.post(login_url, {"login": "admin@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(administrator._totp_secret)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_trainers_and_trainees_sign_in_with_the_password_alone(client):
    UserFactory(email="trainer@example.org", role=roles.TRAINER)
    response = sign_in(client, "trainer@example.org")
    assert response.status_code == 302 and response["Location"] != reverse("mfa_authenticate")
    assert "_auth_user_id" in client.session
    assert client.get(reverse("dashboard")).status_code == 200


def test_an_administrator_resets_a_lost_second_factor_and_it_is_audited(client):
    administrator = UserFactory(role=roles.ADMINISTRATOR, is_staff=True)
    officer = UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER)
    client.force_login(administrator)
    url = reverse("lms_admin_second_factor")
    page = client.get(url, {"email": "OFFICER@example.org"})
    assert page.status_code == 200 and "TOTP" in page.content.decode()
    response = client.post(url, {"email": "officer@example.org", "confirm": "1"})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=officer).exists()
    entry = AuditLogEntry.objects.get(action="mfa.reset")
    assert entry.actor == administrator and entry.object_id == str(officer.pk)
    assert entry.data["removed"] == ["recovery_codes", "totp"]
    # At the next sign-in the officer is sent to set up a new one.
    other = Client()
    sign_in(other, "officer@example.org")
    assert other.get(reverse("records:dashboard"))["Location"].startswith(reverse("mfa_activate_totp"))


def test_only_administrators_may_reset_a_second_factor(client):
    officer = UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER)
    trainer = UserFactory(role=roles.TRAINER)
    client.force_login(trainer)
    response = client.post(reverse("lms_admin_second_factor"), {"email": "officer@example.org", "confirm": "1"}, follow=True)
    assert response.status_code == 404
    assert mfa.has_second_factor(officer)
    assert not AuditLogEntry.objects.filter(action="mfa.reset").exists()


def test_demo_logins_print_the_staff_authenticator_secrets_and_a_recovery_code():
    from io import StringIO

    from django.core.management import call_command

    from lms.management.commands.seed_demo import DEMO_TOTP_SECRETS

    admin = UserFactory(email="admin@passage.example", role=roles.ADMINISTRATOR, second_factor=False)
    _secret, codes = mfa.activate_totp(user=admin, secret=DEMO_TOTP_SECRETS["admin@passage.example"])
    output = StringIO()
    call_command("demo_logins", stdout=output)
    text = output.getvalue()
    assert DEMO_TOTP_SECRETS["admin@passage.example"] in text and codes[0] in text
    assert "trainee@passage.example" in text and "password alone" in text
