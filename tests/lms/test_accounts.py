"""Signing in, registering, verifying addresses, resetting passwords (django-allauth, adapted)."""

import re
import time
from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from allauth.core.internal import ratelimit
from diskcache import DjangoCache
from django.core import mail
from django.test import Client
from django.urls import reverse

from lms import roles
from lms.models import User
from tests.factories import OrganisationFactory, SectorFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def sign_in(client, email, password, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def without_tokens(html: str) -> str:
    """A page with its per-request tokens (CSRF, CSP nonce) blanked, to compare two answers byte for byte."""
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)
    return re.sub(r'(nonce=")[^"]+', r"\1", html)


def test_sign_in_with_email_in_any_case_and_land_in_my_language(client):
    user = UserFactory(email="awa.sarr@example.org", preferred_language="fr")
    response = sign_in(client, "Awa.Sarr@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")
    assert response.cookies["django_language"].value == "fr"
    assert client.get(response["Location"]).wsgi_request.user == user


def test_wrong_password_says_so_and_signs_nobody_in(client):
    UserFactory(email="awa@example.org")
    response = sign_in(client, "awa@example.org", "nope")
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert not signed_in(client)


def _fake_clock(monkeypatch):
    """Move allauth's rate-limit clock by hand (the stored history is compared to it)."""
    now = [time.time()]
    clock = SimpleNamespace(time=lambda: now[0], monotonic=time.monotonic, sleep=time.sleep)
    monkeypatch.setattr(ratelimit, "time", clock)
    return now


def test_thirty_failed_sign_ins_over_two_processes_lock_the_account_until_the_lockout_ends(client, settings, monkeypatch):
    UserFactory(email="officer@example.org", role=roles.MINISTRY_OFFICER)
    now = _fake_clock(monkeypatch)
    # Two web processes: two clients of the same shared store, each with its own connection.
    location = settings.CACHES["ratelimit"]["LOCATION"]
    processes = [DjangoCache(location, {}), DjangoCache(location, {})]
    for attempt in range(30):
        monkeypatch.setattr(ratelimit, "cache", processes[attempt % 2])
        # From thirty addresses: the lock is on the account, not only on one address.
        response = sign_in(client, "officer@example.org", f"guess {attempt}", REMOTE_ADDR=f"10.0.{attempt}.1")
        assert response.status_code == 200 and not signed_in(client)

    for process in processes:
        monkeypatch.setattr(ratelimit, "cache", process)
        response = sign_in(Client(), "officer@example.org", PASSWORD, REMOTE_ADDR="192.0.2.7")
        assert response.status_code == 200
        assert "Too many failed login attempts" in response.content.decode()

    now[0] += settings.PASSAGE_LOGIN_LOCKOUT + 1
    response = sign_in(client, "officer@example.org", PASSWORD, REMOTE_ADDR="192.0.2.7")
    # The password is accepted; an officer's second factor comes next.
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")


def test_the_lockout_counts_in_the_shared_store_not_in_the_process(client, settings, monkeypatch):
    UserFactory(email="awa@example.org")
    for attempt in range(5):
        sign_in(client, "awa@example.org", f"guess {attempt}")
    # A web process started after the attempts (a new client of the store) still refuses.
    monkeypatch.setattr(ratelimit, "cache", DjangoCache(settings.CACHES["ratelimit"]["LOCATION"], {}))
    response = sign_in(Client(), "awa@example.org", PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()


def _signup_data(email, organisation, sector):
    return {
        "email": email,
        "first_name": "Nadia",
        "last_name": "Benali",
        "certificate_name": "نادية بن علي",
        "preferred_language": "ar",
        "organisation": organisation.pk,
        "sector": sector.pk,
        "country": organisation.country.pk,
        "password1": "a long pass phrase",
        "password2": "a long pass phrase",
    }


def test_open_registration_creates_a_trainee_who_must_verify_the_address(client, settings):
    settings.PASSAGE_REGISTRATION = "open"
    organisation, sector = OrganisationFactory(), SectorFactory()
    response = client.post(reverse("account_signup"), _signup_data("New.Person@Example.org", organisation, sector))
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.person@example.org")
    assert user.certificate_name == "نادية بن علي" and user.organisation == organisation
    assert roles.has_role(user, roles.TRAINEE)
    assert user.gender == "" and user.year_of_birth is None
    assert not signed_in(client)

    # Not before the address is confirmed...
    response = sign_in(Client(), "new.person@example.org", "a long pass phrase")
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")

    # ...then through the link in the email (on the public address), confirmed by a POST.
    link = re.search(r"https://passage\.test(/\S+)", mail.outbox[0].body).group(1)
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert sign_in(Client(), "new.person@example.org", "a long pass phrase").status_code == 302


def test_registration_and_password_reset_do_not_tell_whether_an_address_has_an_account(settings):
    settings.PASSAGE_REGISTRATION = "open"
    UserFactory(email="known@example.org")
    organisation, sector = OrganisationFactory(), SectorFactory()

    def answers(url, data):
        client = Client()
        posted = client.post(url, data)
        followed = client.get(posted["Location"])
        # The page repeats the address that was typed: that tells nothing, so it is set aside too.
        page = re.sub(re.escape(data["email"]), "ADDRESS", without_tokens(followed.content.decode()), flags=re.I)
        return posted.status_code, posted["Location"], followed.status_code, page

    known = answers(reverse("account_signup"), _signup_data("KNOWN@example.org", organisation, sector))
    unknown = answers(reverse("account_signup"), _signup_data("nobody@example.org", organisation, sector))
    assert known == unknown
    assert User.objects.filter(email="known@example.org").count() == 1
    # The owner of the known address is told by email instead.
    assert "already" in next(m.body for m in mail.outbox if m.to == ["known@example.org"])

    mail.outbox.clear()
    known = answers(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = answers(reverse("account_reset_password"), {"email": "stranger@example.org"})
    assert known == unknown
    assert sorted(m.to[0] for m in mail.outbox) == ["known@example.org", "stranger@example.org"]
    assert "/password/reset/key/" in next(m.body for m in mail.outbox if m.to == ["known@example.org"])
    assert "/password/reset/key/" not in next(m.body for m in mail.outbox if m.to == ["stranger@example.org"])


def test_invitation_only_platform_has_no_registration_form(client, settings):
    settings.PASSAGE_REGISTRATION = "invitation"
    response = client.get(reverse("account_signup"))
    assert "by invitation" in response.content.decode()
    assert 'name="password1"' not in response.content.decode()
    client.post(reverse("account_signup"), _signup_data("new@example.org", OrganisationFactory(), SectorFactory()))
    assert not User.objects.filter(email="new@example.org").exists()
    assert "Create an account" not in client.get(reverse("account_login")).content.decode()


def test_gender_and_year_of_birth_are_asked_only_when_switched_on(client, settings):
    user = UserFactory()
    client.force_login(user)
    assert 'name="gender"' not in client.get(reverse("profile")).content.decode()
    settings.PASSAGE_COLLECT_GENDER = True
    settings.PASSAGE_COLLECT_YEAR_OF_BIRTH = True
    page = client.get(reverse("profile")).content.decode()
    assert 'name="gender"' in page and "Prefer not to say" in page and 'name="year_of_birth"' in page
    client.logout()
    page = client.get(reverse("account_signup")).content.decode()
    assert 'name="gender"' in page and 'name="year_of_birth"' in page


def test_profile_update_keeps_any_script_for_the_printed_name(client):
    user = UserFactory()
    client.force_login(user)
    data = {
        "first_name": "Иван",
        "last_name": "Петров",
        "certificate_name": "Иван Петров",
        "preferred_language": "ru",
        "organisation": user.organisation.pk,
        "sector": user.sector.pk,
        "country": user.country.pk,
    }
    response = client.post(reverse("profile"), data)
    assert response.status_code == 302 and response["Location"].startswith("/ru/")
    user.refresh_from_db()
    assert user.certificate_name == "Иван Петров"


def test_password_reset_link_uses_the_public_address(client, settings):
    settings.ALLOWED_HOSTS = ["*"]  # even behind a proxy that forwards any Host header
    UserFactory(email="awa@example.org")
    client.post(reverse("account_reset_password"), {"email": "awa@example.org"}, HTTP_HOST="evil.example")
    assert len(mail.outbox) == 1
    assert "https://passage.test/" in mail.outbox[0].body
    assert "evil.example" not in mail.outbox[0].body


def test_a_password_reset_sets_a_new_password_that_signs_in(client):
    UserFactory(email="awa@example.org")
    client.post(reverse("account_reset_password"), {"email": "awa@example.org"})
    link = re.search(r"https://passage\.test(/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"password1": "a new long phrase", "password2": "a new long phrase"})
    assert response.status_code == 302
    assert sign_in(Client(), "awa@example.org", "a new long phrase").status_code == 302


def test_short_and_common_passwords_are_refused(client, settings):
    settings.PASSAGE_REGISTRATION = "open"
    data = _signup_data("new@example.org", OrganisationFactory(), SectorFactory())
    data["password1"] = data["password2"] = "password12"
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200 and "too common" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_the_wagtail_admin_has_no_sign_in_of_its_own(client):
    UserFactory(email="admin@example.org", role=roles.ADMINISTRATOR)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert client.get("/admin/login/")["Location"].startswith(reverse("account_login"))
    client.post("/admin/login/", {"username": "admin@example.org", "password": PASSWORD})
    assert not signed_in(client)
    assert client.get("/admin/password_reset/", follow=True).status_code == 404


def test_unknown_url_gets_the_branded_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Passage" in response.content.decode()


def test_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


def test_existing_accounts_get_a_verified_address_from_the_migration():
    """Accounts made before allauth sign in as before: the data migration verifies their address."""
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("lms", "0002_invitation_cohort"), ("account", "0009_emailaddress_unique_primary_email")]
    old_apps = MigrationExecutor(connection).loader.project_state(before).apps
    OldUser = old_apps.get_model("lms", "User")
    older = OldUser.objects.create(email="older@example.org", password="x")
    already = UserFactory(email="already@example.org")  # has its address: left as it is
    EmailAddress.objects.filter(user=already).update(verified=False)

    migration = importlib.import_module("lms.migrations.0003_existing_addresses_verified")
    new_apps = MigrationExecutor(connection).loader.project_state([("lms", "0003_existing_addresses_verified")]).apps
    migration.verify_existing_addresses(new_apps, connection.schema_editor())

    address = EmailAddress.objects.get(user_id=older.pk)
    assert address.email == "older@example.org" and address.verified and address.primary
    assert EmailAddress.objects.filter(user=already).count() == 1
    assert not EmailAddress.objects.get(user=already).verified


def test_an_older_account_signs_in_with_its_old_password(client):
    import importlib

    from django.apps import apps

    user = UserFactory(email="older@example.org", email_verified=False)
    importlib.import_module("lms.migrations.0003_existing_addresses_verified").verify_existing_addresses(apps, None)
    response = sign_in(client, "older@example.org", PASSWORD)
    assert response.status_code == 302 and client.get(response["Location"]).wsgi_request.user == user
