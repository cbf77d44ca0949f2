"""Signing in, registering, profiles and password reset."""

import pytest
from django.core import mail
from django.urls import reverse

from lms import roles
from lms.models import User
from tests.factories import OrganisationFactory, SectorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_in_any_case_and_land_in_my_language(client):
    user = UserFactory(email="awa.sarr@example.org", preferred_language="fr")
    response = client.post(reverse("login"), {"username": "Awa.Sarr@Example.org", "password": "correct horse battery"})
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")
    assert response.cookies["django_language"].value == "fr"
    assert client.get(response["Location"]).wsgi_request.user == user


def test_wrong_password_says_so_and_signs_nobody_in(client):
    UserFactory(email="awa@example.org")
    response = client.post(reverse("login"), {"username": "awa@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_open_registration_creates_a_trainee(client, settings):
    settings.PASSAGE_REGISTRATION = "open"
    organisation = OrganisationFactory()
    response = client.post(
        reverse("register"),
        {
            "email": "New.Person@Example.org",
            "first_name": "Nadia",
            "last_name": "Benali",
            "certificate_name": "نادية بن علي",
            "preferred_language": "ar",
            "organisation": organisation.pk,
            "sector": SectorFactory().pk,
            "country": organisation.country.pk,
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.certificate_name == "نادية بن علي"
    assert roles.has_role(user, roles.TRAINEE)
    assert user.gender == "" and user.year_of_birth is None


def test_registration_refuses_a_known_email_in_another_case(client):
    UserFactory(email="known@example.org")
    response = client.post(reverse("register"), {"email": "KNOWN@example.org"})
    assert "An account with this email address exists" in response.content.decode()
    assert User.objects.count() == 1


def test_invitation_only_platform_has_no_registration_form(client, settings):
    settings.PASSAGE_REGISTRATION = "invitation"
    response = client.get(reverse("register"))
    assert response.status_code == 404
    assert "by invitation" in response.content.decode()


def test_gender_and_year_of_birth_are_asked_only_when_switched_on(client, settings):
    user = UserFactory()
    client.force_login(user)
    assert 'name="gender"' not in client.get(reverse("profile")).content.decode()
    settings.PASSAGE_COLLECT_GENDER = True
    settings.PASSAGE_COLLECT_YEAR_OF_BIRTH = True
    page = client.get(reverse("profile")).content.decode()
    assert 'name="gender"' in page and "Prefer not to say" in page and 'name="year_of_birth"' in page


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
    client.post(reverse("password_reset"), {"email": "awa@example.org"}, HTTP_HOST="evil.example")
    assert len(mail.outbox) == 1
    assert "https://passage.test/" in mail.outbox[0].body
    assert "evil.example" not in mail.outbox[0].body


def test_unknown_url_gets_the_branded_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Passage" in response.content.decode()


def test_post_without_csrf_token_is_refused():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
