"""The platform's own admin pages (erasure requests, second factor): administrators only, 404 for others."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lms import roles
from lms.models import ErasureRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def not_found(response, path) -> bool:
    """A 404; outside the language prefix, Django's LocaleMiddleware turns it into /en/<path>."""
    return response.status_code == 404 or (response.status_code == 302 and response["Location"] == f"/en{path}")


@pytest.fixture
def administrator():
    return UserFactory(role=roles.ADMINISTRATOR, is_staff=True)


@pytest.mark.parametrize("name", ["lms_admin_erasure_requests", "lms_admin_second_factor"])
def test_a_trainer_gets_not_found(client, name):
    client.force_login(UserFactory(role=roles.TRAINER, is_staff=True))
    assert not_found(client.get(reverse(name)), reverse(name))


def test_another_persons_request_cannot_be_carried_out_by_a_non_administrator(client):
    person = UserFactory(email="awa@example.org")
    request = ErasureRequest.objects.create(user=person)
    client.force_login(UserFactory(role=roles.TRAINER, is_staff=True))
    url = reverse("lms_admin_erasure_requests")
    assert not_found(client.post(url, {"request": request.pk}), url)
    person.refresh_from_db()
    assert person.email == "awa@example.org" and ErasureRequest.objects.get().is_pending


@pytest.mark.parametrize("value", ["", "not-a-number", "999999"])
def test_an_unknown_request_is_not_found(client, administrator, value):
    client.force_login(administrator)
    url = reverse("lms_admin_erasure_requests")
    assert not_found(client.post(url, {"request": value}), url)


def test_a_request_carried_out_already_is_not_found(client, administrator):
    person = UserFactory()
    done = ErasureRequest.objects.create(user=person, status=ErasureRequest.Status.DONE, done_at=timezone.now())
    client.force_login(administrator)
    url = reverse("lms_admin_erasure_requests")
    assert not_found(client.post(url, {"request": done.pk}), url)
    page = client.get(url).content.decode()
    assert "Erase this person&#x27;s data" not in page and "Erase this person's data" not in page
