"""Admin crawl: every menu entry and every registered viewset's screens open for an administrator.

The menu and the viewsets are walked from Wagtail's own registries, so a screen added later is
crawled without touching this file.
"""

import pytest
from django.contrib.admin.utils import quote
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from certificates import selectors as certificate_selectors
from content.models import GlossaryTerm
from courses import services as learning
from courses.models import Topic
from lms import audit, roles
from lms.models import ReportingScope
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    ordering,
    question_category,
    short_answer,
    single_choice,
    stream,
    true_false,
)
from tests.records.conftest import certificate_for

pytestmark = pytest.mark.django_db

# The screens of a viewset that show one row or the rows, without changing anything on GET.
ROW_VIEWS = ("inspect", "edit", "history", "usage", "delete")
LIST_VIEWS = ("index", "list")


def other_questions():
    """One question of each type the factories do not build."""
    from assessments.models import MatchingQuestion, MultipleResponseQuestion, NumericalQuestion

    category = question_category()
    return [
        MultipleResponseQuestion.objects.create(
            category=category, title="Which are indicators?", stem="<p>Pick all.</p>",
            choices=stream("choice", [{"text": "Debt bondage", "fraction": "50", "feedback": ""},
                                      {"text": "Restricted movement", "fraction": "50", "feedback": ""}]),
        ),
        MatchingQuestion.objects.create(
            category=category, title="Match the terms", stem="<p>Match.</p>",
            pairs=stream("pair", [{"left": "AVRR", "right": "Return help"}, {"left": "NRM", "right": "Referral"}]),
        ),
        NumericalQuestion.objects.create(
            category=category, title="Year of the protocol", stem="<p>Which year?</p>",
            answers=stream("answer", [{"value": "2000", "tolerance": "0", "low": None, "high": None, "fraction": "100", "feedback": ""}]),
        ),
    ]


@pytest.fixture
def platform():
    """One row of everything the admin lists: places, people, a course with a quiz, records, certificates."""
    reverse("wagtailadmin_home")  # loading the admin URLs registers the viewsets and their menu items
    admin = UserFactory(role=roles.ADMINISTRATOR, is_superuser=True, is_staff=True)
    course = build_course(modules=1, lessons_per_module=1)
    add_quiz(course, [single_choice(), true_false(), short_answer(), ordering(), essay(), *other_questions()])
    trainee = UserFactory()
    enrolment = learning.enrol(trainee=trainee, course=course)
    CohortFactory(course=course)
    audit.record(actor=admin, action="records.download", obj=enrolment, data={"rows": 1})
    certificate_for(enrolment)
    certificate_selectors.default_template()
    ReportingScope.objects.create(officer=UserFactory(role=roles.MINISTRY_OFFICER)).countries.add(trainee.country)
    GlossaryTerm.objects.create(term="Non-punishment principle", definition="<p>Victims are not punished.</p>")
    Topic.objects.create(name="Victim identification", slug="identification")
    return admin


def menu_urls(menu, request):
    """The admin's own links in a menu and its submenus (external help links left out)."""
    for item in menu.menu_items_for_request(request):
        if isinstance(item, SubmenuMenuItem):
            yield from menu_urls(item.menu, request)
        elif str(item.url).startswith("/"):
            yield item.name, str(item.url)


def viewset_urls():
    """Each registered viewset's listing, and its row screens for the first row of its model."""
    for viewset in viewsets.viewsets:
        if not getattr(viewset, "name", None) or not getattr(viewset, "model", None):
            continue
        names = {pattern.name for pattern in viewset.get_urlpatterns()}
        for name in LIST_VIEWS:
            if name in names:
                yield f"{viewset.url_namespace}:{name}", reverse(f"{viewset.url_namespace}:{name}")
        row = viewset.model._default_manager.order_by("pk").first() if isinstance(viewset.model, type) else None
        if row is None:
            continue
        for name in ROW_VIEWS:
            if name in names:
                yield f"{viewset.url_namespace}:{name}", reverse(f"{viewset.url_namespace}:{name}", args=[quote(row.pk)])


def test_every_menu_entry_opens_for_an_administrator(client, platform):
    for user in (platform, UserFactory(role=roles.ADMINISTRATOR)):
        client.force_login(user)
        request = RequestFactory().get("/admin/")
        request.user = user
        urls = dict(menu_urls(admin_menu, request))
        assert "explorer" in urls
        for name, url in urls.items():
            response = client.get(url, follow=True)
            assert response.status_code == 200, f"{name} ({url}) answered {response.status_code} for {user.email}"


def test_every_viewset_screen_opens_for_an_administrator(client, platform):
    client.force_login(platform)
    crawled = dict(viewset_urls())
    # The read-only record screens are among them (they answered 500 from a header link).
    assert {"auditlogentry:index", "auditlogentry:inspect", "enrolment:index", "enrolment:inspect"} <= set(crawled)
    for name, url in crawled.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"


def test_read_only_records_offer_no_change_links(client, platform):
    """Audit entries, enrolments and certificates are records: no add, edit or delete link anywhere."""
    client.force_login(platform)
    read_only = [vs for vs in viewsets.viewsets if isinstance(vs, ModelViewSet) and "edit" not in {p.name for p in vs.get_urlpatterns()}]
    assert {vs.name for vs in read_only} >= {"auditlogentry", "enrolment", "issued_certificates"}
    for viewset in read_only:
        row = viewset.model._default_manager.first()
        for url in (reverse(viewset.get_url_name("index")), reverse(viewset.get_url_name("inspect"), args=[quote(row.pk)])):
            html = client.get(url).content.decode()
            for action in ("/new/", "/edit/", "/delete/", "/copy/"):
                assert f"/admin/{viewset.url_prefix}{action}" not in html, f"{url} links to {action}"
    # The admin's "edit this object" finder must not point at a screen that does not exist.
    for viewset in read_only:
        assert AdminURLFinder(platform).get_edit_url(viewset.model._default_manager.first()) in (None, reverse(viewset.get_url_name("inspect"), args=[quote(viewset.model._default_manager.first().pk)]))


def test_every_page_screen_opens_for_an_administrator(client, platform):
    """Each page's explorer, edit, history and usage screens (usage lists the records that refer to it)."""
    from wagtail.models import Page

    client.force_login(platform)
    for page in Page.objects.exclude(depth=1).order_by("path"):
        for name in ("wagtailadmin_explore", "wagtailadmin_pages:edit", "wagtailadmin_pages:history", "wagtailadmin_pages:usage"):
            url = reverse(name, args=[page.pk])
            response = client.get(url, follow=True)
            assert response.status_code == 200, f"{name} of {page.title} ({url}) answered {response.status_code}"


def test_an_administrator_by_role_manages_people_and_places(client, platform):
    # The demo administrator is a superuser; an administrator made later by role alone must reach
    # the same screens the README promises: organisations, places, scopes, cohorts, enrolments, audit log.
    administrator = UserFactory(role=roles.ADMINISTRATOR)
    assert not administrator.is_superuser
    request = RequestFactory().get("/admin/")
    request.user = administrator
    urls = set(dict(menu_urls(admin_menu, request)).values())
    for name in ("organisation", "country", "region", "sector", "reportingscope", "auditlogentry", "cohort", "enrolment"):
        assert any(f"/{name}" in url for url in urls), f"no menu entry for {name}: {sorted(urls)}"
