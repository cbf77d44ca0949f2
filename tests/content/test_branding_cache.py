"""The branding is cached under the content version: an edit shows on the next request in every
web process, and pages that are not Wagtail pages no longer run Wagtail's site lookup."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from content.models import Branding
from lms import content_version
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def signed_in(client):
    build_course("Identifying victims", modules=1, lessons_per_module=1)
    client.force_login(UserFactory())
    return client


def dashboard(client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_an_edited_site_name_shows_on_the_next_page(signed_in):
    assert "Passage</a>" in dashboard(signed_in)
    branding = Branding.for_site(Site.objects.get(is_default_site=True))
    branding.site_name = "Protection Academy"
    branding.save()
    assert "Protection Academy</a>" in dashboard(signed_in)


def test_an_edit_made_in_another_web_process_shows_here(signed_in, settings):
    # Two LocMem stores: the process that saves cannot clear the other's cache, and need not.
    def process(name):
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": LOCMEM, "LOCATION": f"passage-branding-{name}"}}
        return caches["default"]

    try:
        process("b")
        assert "Passage</a>" in dashboard(signed_in)
        process("a")
        branding = Branding.for_site(Site.objects.get(is_default_site=True))
        branding.site_name = "Protection Academy"
        branding.save()
        process("b")
        assert "Protection Academy</a>" in dashboard(signed_in)
    finally:
        for name in ("a", "b"):
            process(name).clear()


def test_saving_the_branding_changes_the_content_version(signed_in):
    before = content_version.current()
    Branding.for_site(Site.objects.get(is_default_site=True)).save()
    assert content_version.current() != before


def test_a_page_outside_wagtail_runs_no_site_lookup_once_warm(signed_in):
    dashboard(signed_in)
    with CaptureQueriesContext(connection) as queries:
        dashboard(signed_in)
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


def test_reading_the_branding_writes_nothing(signed_in):
    before = content_version.current()
    assert "Passage</a>" in dashboard(signed_in)
    assert not Branding.objects.exists()
    assert content_version.current() == before
