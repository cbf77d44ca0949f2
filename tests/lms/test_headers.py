"""Headers on every answer: an enforced content policy, refused browser features, private caching."""

import re

import pytest
from django.urls import reverse

from assessments import services as assessing
from courses import services as learning
from lms import roles
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    lessons_of,
    single_choice,
    site_tree,
)

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    """The enforced policy as {directive: sources}."""
    assert "Content-Security-Policy-Report-Only" not in response
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def learning_world():
    course = build_course("Victim identification", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [single_choice()])
    trainee = UserFactory(email="awa@example.org")
    enrolment = learning.enrol(trainee=trainee, course=course)
    attempt = assessing.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    return {"course": course, "lesson": lessons_of(course)[0], "quiz": quiz, "trainee": trainee, "attempt": attempt}


@pytest.fixture
def admin_user():
    return UserFactory(role=roles.ADMINISTRATOR, organisation=None)


def site_pages(client, world, admin_user):
    """(name, response) for the trainee's pages, the public ones and the records dashboard."""
    home, _index = site_tree()
    yield "home (anonymous)", client.get(home.url)
    yield "verify (anonymous)", client.get(reverse("certificates_verify:form"))
    client.force_login(world["trainee"])
    yield "home", client.get(home.url)
    yield "lesson", client.get(world["lesson"].url)
    yield "quiz", client.get(world["quiz"].url)
    yield "attempt", client.get(reverse("attempt", args=[world["attempt"].pk]))
    yield "dashboard", client.get(reverse("dashboard"))
    client.force_login(admin_user)
    yield "records", client.get(reverse("records:dashboard"))


def test_site_pages_enforce_a_policy_without_inline_scripts(client, learning_world, admin_user):
    for name, response in site_pages(client, learning_world, admin_user):
        assert response.status_code == 200, name
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], name
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], name
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], name
        assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"], name
        assert policy["img-src"][:2] == ["'self'", "data:"], name
        # <style> elements only with this response's nonce, and every one carries it.
        (nonce,) = [source for source in policy["style-src"] if source.startswith("'nonce-")]
        assert "'unsafe-inline'" not in policy["style-src"], name
        page = response.content.decode()
        styles = re.findall(r"<style[^>]*>", page)
        assert styles and all(f'nonce="{nonce[7:-1]}"' in tag for tag in styles), name
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", page), name  # no inline script
        assert not re.search(r"\son[a-z]+=", page), name  # no inline event handler


def test_each_response_gets_its_own_nonce(client):
    home, _index = site_tree()
    first, second = client.get(home.url), client.get(home.url)
    assert directives(first)["style-src"] != directives(second)["style-src"]


def test_the_admin_has_a_policy_of_its_own(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin runs inline scripts
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert not any(source.startswith("'nonce-") for source in policy["style-src"])


def test_the_api_has_the_strict_policy_too(client):
    response = client.get("/api/schema/")
    assert directives(response)["script-src"] == ["'self'"]


def test_every_response_refuses_powerful_features(client):
    home, _index = site_tree()
    for response in (client.get(home.url), client.get("/en/no-such-page/"), client.get("/healthz"), client.get("/api/records/")):
        header = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
            assert f"{feature}=()" in header
        assert "interest-cohort" not in header  # unknown to browsers now: it only logs an error


def test_responses_for_a_signed_in_user_are_not_stored(client, learning_world, admin_user):
    for name, response in site_pages(client, learning_world, admin_user):
        if "anonymous" not in name:
            assert response["Cache-Control"] == "private, no-store", name


def test_public_pages_for_visitors_stay_cacheable(client):
    home, _index = site_tree()
    response = client.get(home.url)
    assert "no-store" not in response.get("Cache-Control", "")


def test_verify_pages_api_and_downloads_are_not_stored(client, learning_world):
    assert client.get(reverse("certificates_verify:form"))["Cache-Control"] == "private, no-store"
    assert client.get("/api/records/")["Cache-Control"] == "private, no-store"  # even the 401
    client.force_login(learning_world["trainee"])
    response = client.get(reverse("dashboard"))
    assert response["Cache-Control"] == "private, no-store"


def test_a_views_weaker_policy_is_replaced_and_a_stricter_one_kept(rf, admin_user):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from lms.middleware import PrivateResponseMiddleware

    def answer(cache_control):
        def view(request):
            response = HttpResponse("data", headers={"Content-Disposition": 'attachment; filename="r.csv"'})
            if cache_control:
                response["Cache-Control"] = cache_control
            return response

        request = rf.get("/en/records/download/")
        request.user = AnonymousUser()
        return PrivateResponseMiddleware(view)(request)["Cache-Control"]

    assert answer("") == "private, no-store"
    assert answer("public, max-age=3600") == "private, no-store"
    assert answer("max-age=0, no-cache, no-store, must-revalidate, private") == (
        "max-age=0, no-cache, no-store, must-revalidate, private"
    )
