"""Switching language lands on the page's translation, or on the page with a note: never a 404."""

import pytest
from django.urls import reverse

from courses import services as course_services
from tests.factories import UserFactory, build_course, lessons_of, site_tree, translate_page

pytestmark = pytest.mark.django_db


translate = translate_page


@pytest.fixture
def course():
    course = build_course("Identifying victims")
    course.save_revision().publish()
    return course


@pytest.fixture
def french(course):
    return translate(course, "fr", title="Identifier les victimes", slug="identifier-les-victimes")


@pytest.fixture
def arabic_site(course):
    """An Arabic home page and catalogue, with no Arabic version of the course."""
    home, index = site_tree()
    translate(index, "ar")
    return home


def switch(client, language, next_url, **extra):
    return client.post(reverse("set_language"), {"language": language, "next": next_url}, **extra)


def follow_to_the_end(client, response):
    hops = 0
    while response.status_code in (301, 302) and hops < 5:
        response = client.get(response["Location"])
        hops += 1
    return response


def test_switching_lands_on_the_translation(client, course, french):
    response = follow_to_the_end(client, switch(client, "fr", course.url))
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == french.url
    assert "<h1>Identifier les victimes</h1>" in response.content.decode()
    assert client.cookies["django_language"].value == "fr"


def test_after_a_first_switch_french_on_an_english_page_still_goes_to_french(
    client, course, french, arabic_site
):
    # The cookie says Arabic, the page is English: the page's own prefix decides.
    follow_to_the_end(client, switch(client, "ar", "/en/"))
    response = follow_to_the_end(client, switch(client, "fr", course.url))
    assert response.request["PATH_INFO"] == french.url


def test_without_a_translation_the_page_is_shown_with_a_note_and_its_own_direction(
    client, course, arabic_site
):
    response = follow_to_the_end(client, switch(client, "ar", course.url))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/ar/courses/identifying-victims/"
    assert '<html lang="ar" dir="rtl">' in html
    assert 'role="note"' in html and "English" in response.context["source"]["name"]
    assert '<h1 lang="en" dir="ltr">Identifying victims</h1>' in html


def test_a_prefixed_url_of_a_page_in_another_language_lands_on_a_page(
    client, course, french, arabic_site
):
    # /fr/ + the English path: French exists, so it is sent there.
    response = client.get("/fr/courses/identifying-victims/")
    assert response.status_code == 302 and response["Location"] == french.url
    # /ar/ + the English path: no Arabic version, the English page is shown.
    assert client.get("/ar/courses/identifying-victims/").status_code == 200


def test_every_page_type_switches_without_a_404(client, course, arabic_site):
    trainee = UserFactory()
    course_services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    module = course.get_children().first()
    lesson = lessons_of(course)[0]
    for page in (course, module, lesson):
        for language in ("fr", "ar", "ru", "es", "en"):
            response = follow_to_the_end(client, switch(client, language, page.url))
            assert response.status_code == 200, (page.url, language)
            if page is not module:  # a module page opens its first lesson, at that lesson's address
                assert response.request["PATH_INFO"].startswith(f"/{language}/"), (
                    page.url,
                    language,
                )


def test_pages_outside_the_course_tree_keep_their_place(client, arabic_site):
    client.force_login(UserFactory())
    response = switch(client, "es", "/en/dashboard/?tab=done")
    assert response["Location"] == "/es/dashboard/?tab=done"


def test_a_path_that_is_nowhere_is_still_a_404(client, course, arabic_site):
    assert client.get("/ar/courses/no-such-course/").status_code == 404
    assert client.get("/en/courses/no-such-course/").status_code == 404


def test_a_foreign_next_address_is_not_followed(client, course):
    response = switch(client, "fr", "https://attacker.example/phish")
    assert response["Location"] == "/fr/"
    response = switch(client, "fr", "//attacker.example/phish")
    assert response["Location"] == "/fr/"


def test_an_unknown_language_changes_nothing(client, course):
    response = switch(client, "xx", course.url)
    assert response["Location"] == course.url
    assert "django_language" not in client.cookies


def test_the_switch_needs_a_post(client, course):
    assert (
        client.get(reverse("set_language"), {"language": "fr", "next": course.url}).status_code
        == 405
    )


def test_an_unpublished_translation_is_not_offered(client, course, french):
    french.unpublish()
    response = client.get("/fr/courses/identifying-victims/")
    # No live French version: the English page, shown under the French interface with the note.
    assert response.status_code == 200
    assert 'role="note"' in response.content.decode()


def test_the_catalogue_marks_the_courses_not_yet_translated(client, course, arabic_site):
    response = client.get("/ar/courses/")
    html = response.content.decode()
    assert response.status_code == 200
    # The link keeps the Arabic interface: it opens the English course with its "not yet translated" note.
    assert (
        '<a href="/ar/courses/identifying-victims/" lang="en" dir="ltr">Identifying victims</a>'
        in html
    )
    assert 'href="/en/courses/identifying-victims/"' not in html
    assert 'class="tag untranslated"' in html
    opened = client.get("/ar/courses/identifying-victims/")
    assert opened.status_code == 200 and '<html lang="ar" dir="rtl">' in opened.content.decode()


def test_the_dashboard_links_each_course_in_the_interface_language(client, course, arabic_site):
    """An English-only course under /ar/; a course with an Arabic version to that version."""
    translated = build_course("Referral", slug="referral")
    arabic = translate(translated, "ar", title="الإحالة", slug="al-ihala")
    trainee = UserFactory()
    for enrolled in (course, translated):
        course_services.enrol(trainee=trainee, course=enrolled)
    client.force_login(trainee)
    html = client.get("/ar/dashboard/").content.decode()
    assert 'href="/ar/courses/identifying-victims/"' in html
    assert f'href="{arabic.url}"' in html
    assert 'href="/en/courses/' not in html
    # Hostile: in English, the same dashboard links to the English pages, not to the Arabic ones.
    html = client.get("/en/dashboard/").content.decode()
    assert 'href="/en/courses/identifying-victims/"' in html and 'href="/en/courses/referral/"' in html
    assert 'href="/ar/courses/' not in html


def test_name_fields_follow_the_direction_of_what_is_typed(client):
    client.force_login(UserFactory())
    html = client.get(reverse("profile")).content.decode()
    for name in ("first_name", "last_name", "certificate_name"):
        assert f'name="{name}"' in html
        field = html.split(f'name="{name}"', 1)[1].split(">", 1)[0]
        assert 'dir="auto"' in field, name


def test_the_site_name_is_the_same_in_header_and_footer(client, course, arabic_site):
    html = client.get("/ar/courses/").content.decode()
    header = html.split('class="brand"', 1)[1].split("</a>", 1)[0]
    footer = html.split('class="site-footer"', 1)[1]
    assert header.endswith("Passage") and "Passage" in footer
