"""A page shown untranslated, in its source language, keeps its reader's interface language: its
links (rich text, breadcrumbs, outline, pager, "mark complete and continue") stay under /ar/."""

import json
import re

import pytest

from courses import services as course_services
from tests.factories import UserFactory, build_course, lessons_of, site_tree, translate_page

pytestmark = pytest.mark.django_db

HREF = re.compile(r'\shref="(/[^"]*)"')


@pytest.fixture
def world(client):
    course = build_course("Identifying victims", modules=2, lessons_per_module=2)
    _home, index = site_tree()
    translate_page(index, "ar", title="الدورات")  # an Arabic site, with no Arabic version of the course
    first, second, third, _fourth = lessons_of(course)
    first.body = json.dumps(
        [{"type": "text", "value": f'<p>See <a linktype="page" id="{third.pk}">the referral lesson</a>.</p>'}]
    )
    first.save_revision().publish()
    trainee = UserFactory(preferred_language="ar")
    course_services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    return {"course": course, "lessons": lessons_of(course)}


def page_links(html):
    """Internal links to pages and views (not static files)."""
    return [href for href in HREF.findall(html) if not href.startswith(("/static/", "/media/"))]


def test_links_inside_an_untranslated_lesson_stay_in_the_readers_language(client, world):
    first, second, third, _fourth = world["lessons"]
    response = client.get("/ar/courses/identifying-victims/module-1/lesson-1/")
    html = response.content.decode()

    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert 'role="note"' in html  # "not yet translated"
    links = page_links(html)
    assert links and all(link.startswith("/ar/") for link in links), links
    assert '<a href="/ar/courses/identifying-victims/module-2/lesson-3/">the referral lesson</a>' in html
    assert 'href="/ar/courses/identifying-victims/"' in html  # breadcrumb
    assert 'rel="next" href="/ar/courses/identifying-victims/module-1/lesson-2/"' in html
    # The language menu (a form, not a link) still switches from this very page.
    assert '<input name="next" type="hidden" value="/ar/courses/identifying-victims/module-1/lesson-1/">' in html


def test_following_the_links_goes_on_in_arabic(client, world):
    first, second, _third, _fourth = world["lessons"]
    # Mark complete and continue: the next lesson, still under /ar/.
    response = client.post(f"/ar/learn/lessons/{first.pk}/complete/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/courses/identifying-victims/module-1/lesson-2/"
    following = client.get(response["Location"])
    html = following.content.decode()
    assert following.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert '<h1 lang="en" dir="ltr">Lesson 2</h1>' in html


def test_a_link_to_a_lesson_that_is_translated_lands_on_the_translation(client, world):
    first, second, _third, _fourth = world["lessons"]
    arabic = translate_page(second, "ar", title="الدرس 2", slug="al-dars-2")
    response = client.post(f"/ar/learn/lessons/{first.pk}/complete/")
    assert response["Location"] == arabic.url
    # The prefixed path of the English lesson, from a link in a fallback page, also gets there.
    answer = client.get("/ar/courses/identifying-victims/module-1/lesson-2/")
    assert answer.status_code == 302 and answer["Location"] == arabic.url


def test_pages_in_the_readers_language_are_not_rewritten(client, world):
    """An English reader of the English course sees English links: nothing is rewritten."""
    client.force_login(UserFactory())
    html = client.get("/en/courses/identifying-victims/module-1/lesson-1/").content.decode()
    assert 'role="note"' not in html
    assert all(link.startswith("/en/") for link in page_links(html))
