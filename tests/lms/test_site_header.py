"""{% site_header %} gives the HTML that rendering components/site_header.html each time gives."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import _check_token_format, _unmask_cipher_token, get_token
from django.template import RequestContext, Template
from django.template.loader import get_template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from lms.templatetags import passage_layout
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def rendered(request, *, records_link=None, tag: bool):
    context = RequestContext(request)
    if records_link is not None:
        context.update({"show_records_link": records_link})
    if tag:
        return Template("{% load i18n passage_layout %}{% get_current_language as LANGUAGE_CODE %}{% site_header %}").render(context)
    template = get_template(passage_layout.TEMPLATE).template
    return Template("{% load i18n %}{% get_current_language as LANGUAGE_CODE %}").render(context) + template.render(context)


def without_tokens(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value="…"', html)


@pytest.fixture(autouse=True)
def _fresh():
    passage_layout._rendered.clear()
    yield
    passage_layout._rendered.clear()


@pytest.mark.parametrize(
    "language, signed_in, records_link, path",
    [
        ("en", False, None, "/en/courses/"),
        ("fr", True, False, "/fr/courses/identifying-victims/"),
        ("ar", True, True, '/ar/courses/?topic=<b>&audience="x"'),
        ("ru", True, False, "/ru/learn/attempts/1/?page=0&next=/en/%3Cscript%3E"),
    ],
)
def test_the_tag_writes_what_the_template_writes(language, signed_in, records_link, path):
    build_course("Identifying victims", modules=1, lessons_per_module=1)  # a site, for the branding
    user = UserFactory() if signed_in else AnonymousUser()
    with translation.override(language):
        for _twice in range(2):  # rendered, then from what was kept
            request = RequestFactory().get(path)
            request.user = user
            expected = rendered(request, records_link=records_link, tag=False)
            request = RequestFactory().get(path)
            request.user = user
            found = rendered(request, records_link=records_link, tag=True)
            assert without_tokens(found) == without_tokens(expected)
            secret = get_token(request) and request.META["CSRF_COOKIE"]
            tokens = TOKEN.findall(found)
            assert len(tokens) == (2 if signed_in else 1)
            for token in tokens:
                _check_token_format(token)
                assert _unmask_cipher_token(token) == secret
    assert 'value="/ar/courses/?topic=<b>' not in found


def test_another_language_or_person_never_gets_someone_elses_header(client):
    build_course("Identifying victims", modules=1, lessons_per_module=1)
    client.force_login(UserFactory())
    english = client.get(reverse("dashboard")).content.decode()
    assert 'href="/en/accounts/profile/"' in english and "Sign out" in english

    visitor = Client()
    french = visitor.get("/fr/courses/").content.decode()
    assert "Se connecter" in french or "Sign in" not in french
    assert 'href="/fr/accounts/login/"' in french and "accounts/profile" not in french
    assert '<option value="fr" lang="fr" selected>' in french


def test_the_forms_of_the_header_still_post_with_their_token():
    build_course("Identifying victims", modules=1, lessons_per_module=1)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())
    html = browser.get("/en/courses/?topic=x").content.decode()
    assert 'name="next" type="hidden" value="/en/courses/?topic=x"' in html
    token = TOKEN.findall(html)[-1]
    response = browser.post(reverse("set_language"), {"language": "fr", "next": "/en/courses/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    refused = browser.post(reverse("set_language"), {"language": "fr", "next": "/en/courses/"})
    assert refused.status_code == 403
