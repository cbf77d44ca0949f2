"""From the Wagtail admin, those who may run workshops find them: a menu item to the workshop list."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from lms import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu_urls(response) -> list[str]:
    """The URLs of the admin sidebar's menu items, read from the props the sidebar is drawn from."""
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', response.content.decode(), re.S)
    assert props, "the admin page has its sidebar"
    return re.findall(r'"url": "([^"]*)"', json.dumps(json.loads(props.group(1))))


@pytest.mark.parametrize("role", [roles.TRAINER, roles.ADMINISTRATOR])
def test_trainers_and_administrators_find_the_workshops_in_the_admin_menu(client, role):
    client.force_login(UserFactory(role=role))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("workshop_list") in menu_urls(response)


def test_an_admin_user_who_may_not_run_workshops_does_not_see_it(client):
    person = UserFactory(role=roles.TRAINEE)
    person.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(person)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("workshop_list") not in menu_urls(response)
    # The list it would lead to is not theirs either.
    assert client.get(reverse("workshop_list")).status_code == 404


def test_the_link_follows_the_admin_language(client):
    """Menu items are built once and cached: the link is made per request, in its language."""
    client.force_login(UserFactory(role=roles.TRAINER))
    french = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="fr")
    assert "/fr/workshops/" in menu_urls(french)
    english = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert "/en/workshops/" in menu_urls(english)
