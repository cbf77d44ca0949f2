"""Ids in URLs and query strings: beyond what a database holds, or not numbers, they answer 404 or a message, never 500.

The routes are walked from the resolver, so a route added later is covered without touching this file.
"""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from lms import roles
from lms.converters import MAX_ID, DatabaseIdConverter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE_IDS = ("99999999999999999999", str(2**63))
ID_CONVERTERS = {"int", "id"}  # Django's own, and lms.converters.DatabaseIdConverter
_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
PROJECT_APPS = {"lms", "content", "courses", "assessments", "certificates", "records", "workshops"}
_SAMPLES = {"uuid": str(uuid.uuid4()), "path": "x", "slug": "x", "str": "x"}


def routes(resolver=None, prefix=""):
    """(route text, URL pattern) of every path() route, through includes and the language prefix."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            text = "en/"
        elif isinstance(pattern, RoutePattern):
            text = str(pattern)
        elif isinstance(pattern, RegexPattern) and isinstance(entry, URLResolver) and not re.search(r"[(\[\\.*+?]", str(pattern)[1:]):
            text = str(pattern).lstrip("^")  # a plain prefix written as a regex
        else:
            continue  # regex routes take text, not ids
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + text)
        elif isinstance(entry, URLPattern):
            yield prefix + text, entry


def id_routes():
    """(route, view) of every route that takes an id, sorted by route."""
    found = {}
    for route, entry in routes():
        if any(match["converter"] in ID_CONVERTERS for match in _PARAMETER.finditer(route)):
            found[route] = entry.callback
    return sorted(found.items())


def is_ours(view) -> bool:
    """A view of the project (Wagtail's own admin views keep Wagtail's converters)."""
    return view.__module__.split(".")[0] in PROJECT_APPS


def url_with(route, value):
    def fill(match):
        converter = match["converter"] or "str"
        return value if converter in ID_CONVERTERS else _SAMPLES.get(converter, "x")

    return "/" + _PARAMETER.sub(fill, route)


def test_the_walk_finds_the_project_routes():
    found = [route for route, _view in id_routes()]
    for route in (
        "en/learn/quizzes/<id:quiz_id>/start/",
        "en/learn/courses/<id:course_id>/enrol/",
        "en/learn/lessons/<id:lesson_id>/complete/",
        "en/trainer/quizzes/<id:quiz_id>/results/",
        "en/certificates/cohorts/<id:cohort_id>/issue/<id:enrolment_id>/",
        "en/records/exports/<id:export_id>/download/",
    ):
        assert route in found


def test_no_project_route_takes_a_plain_int():
    """Every id in the project's own URLconfs goes through the bounded converter."""
    plain = [route for route, view in id_routes() if is_ours(view) and "<int:" in route]
    assert plain == []
    assert "admin/question-bank/questions/<id:question_id>/preview/" in [route for route, _view in id_routes()]


def test_the_converter_takes_database_ids_only():
    converter = DatabaseIdConverter()
    assert converter.to_python("1") == 1 and converter.to_python(str(MAX_ID)) == MAX_ID
    for text in ("0", str(MAX_ID + 1), "9" * 19):
        with pytest.raises(ValueError):
            converter.to_python(text)
    assert not re.fullmatch(DatabaseIdConverter.regex, "9" * 20)


@pytest.mark.parametrize("value", HUGE_IDS)
def test_ids_beyond_the_database_answer_404(client, value):
    client.force_login(UserFactory(role=roles.ADMINISTRATOR, is_superuser=True, is_staff=True))
    client.raise_request_exception = False  # list every route that fails, not only the first
    failures = []
    for route, view in id_routes():
        url = url_with(route, value)
        for method in (client.get, client.post):
            # Followed: an admin URL that does not resolve is redirected (language prefix, slash) to a 404.
            status = method(url, follow=True).status_code
            # Wagtail's own admin views answer in their own way (a redirect with a message, 405):
            # what they must never do is fail.
            if status == 500 or (is_ours(view) and status != 404):
                failures.append(f"{method.__name__.upper()} {url}: {status}")
    assert failures == []


# --- Ids in query strings -------------------------------------------------------------------------

HOSTILE_VALUES = ("99999999999999999999", str(2**63), "-1", "0", "abc", "1.5", "²", "%00")


@pytest.fixture
def records_world(db):
    """An administrator, a trainer, a course with a quiz, a cohort and a round in it."""
    from courses import services as learning
    from tests.factories import CohortFactory, add_quiz, build_course, essay, true_false

    admin = UserFactory(role=roles.ADMINISTRATOR, is_superuser=True, is_staff=True)
    course = build_course(modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [true_false(), essay()])
    cohort = CohortFactory(course=course)
    learning.enrol(trainee=UserFactory(), course=course, cohort=cohort)
    return admin, quiz


def pages_with_id_filters(quiz):
    """Each page that reads ids (or numbers) from its query string, with the names it reads."""
    from django.urls import reverse

    filters = ("course", "cohort", "organisation", "sector", "country", "region", "status", "enrolled_from", "completed_to")
    return [
        (reverse("records:dashboard"), filters),
        (reverse("records:export_csv"), filters),
        (reverse("records:export_xlsx"), filters),
        (reverse("records:summary_pdf"), filters),
        (reverse("certificates:list"), ("cohort", "country", "organisation", "status", "course", "page")),
        (reverse("certificates:bulk_download"), ("cohort", "country", "organisation", "status", "course")),
        (reverse("quiz_results", args=[quiz.pk]), ("cohort",)),
        (reverse("quiz_results_csv", args=[quiz.pk]), ("cohort",)),
        (reverse("quiz_questions", args=[quiz.pk]), ("cohort",)),
        (reverse("grading_queue"), ("quiz", "page")),
        (reverse("certificates:dashboard_status"), ("page",)),
        (quiz.get_parent().get_parent().get_parent().url, ("language", "audience", "topic")),
    ]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_ids_in_query_strings_answer_a_message_or_404(client, records_world, value):
    admin, quiz = records_world
    client.force_login(admin)
    client.raise_request_exception = False
    failures = []
    for url, names in pages_with_id_filters(quiz):
        for name in names:
            response = client.get(url, {name: value})
            # A download refused for its filters answers 400 with the reason, as a page would show it.
            if response.status_code not in (200, 400, 404) or (response.status_code == 400 and not response.content):
                failures.append(f"{url}?{name}={value}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_ids_in_the_records_api_answer_422_or_nothing(client, records_world, value):
    from records import services

    _token, key = services.create_api_token(user=records_world[0], name="Registry")
    client.raise_request_exception = False
    failures = []
    for url in ("/api/records/", "/api/summary/"):
        for name in ("cohort", "organisation", "sector", "country", "region", "cursor", "limit"):
            response = client.get(url, {name: value}, HTTP_AUTHORIZATION=f"Bearer {key}")
            if response.status_code not in (200, 422):
                failures.append(f"{url}?{name}={value}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_ids_in_admin_listing_filters_never_fail(client, records_world, value):
    """Every registered admin listing, with each of its filters given a hostile value."""
    from django.urls import reverse
    from wagtail.admin.viewsets import viewsets

    client.force_login(records_world[0])
    client.raise_request_exception = False
    failures = []
    reverse("wagtailadmin_home")
    for viewset in viewsets.viewsets:
        names = {pattern.name for pattern in viewset.get_urlpatterns()} if getattr(viewset, "name", None) else set()
        index = next((name for name in ("index", "list") if name in names), None)
        if index is None:
            continue
        filters = viewset.list_filter if isinstance(getattr(viewset, "list_filter", None), list | tuple) else []
        params = [*(f if isinstance(f, str) else f[0] for f in filters), "p", "ordering", "locale"]
        for param in params:
            url = reverse(f"{viewset.url_namespace}:{index}")
            status = client.get(url, {param: value}).status_code
            if status not in (200, 302, 404):
                failures.append(f"{url}?{param}={value}: {status}")
    assert failures == []
