"""Routes, outlines and the catalogue are cached under the content version (lms.content_version):
every change an editor or a trainee makes shows on the very next request, in any web process."""

import pytest
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse
from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageViewRestriction

from courses import services
from courses.models import CourseIndexPage, LessonPage
from lms import content_version
from lms.models import Sector
from tests.factories import UserFactory, build_course, lesson_body, lessons_of

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=2, lessons_per_module=2)


@pytest.fixture
def trainee(client, course):
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    return trainee


def html_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def outline_titles(html: str) -> list[str]:
    """The lesson titles of the outline, in order."""
    outline = html.split('aria-label="Course outline"', 1)[1].split("</nav>", 1)[0]
    return [part.split("</span>", 1)[0] for part in outline.split("<span>")[1:]]


def assert_moved(client, old_url, new_url):
    """The old address is no longer served from the cache: the redirect Wagtail made on the move sends it on."""
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == new_url


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_the_token_changes_with_a_page_and_not_with_a_rolled_back_change(course):
    before = content_version.current()
    lesson = lessons_of(course)[0]
    publish(lesson, title="Renamed")
    after = content_version.current()
    assert after and after != before

    with pytest.raises(RuntimeError), transaction.atomic():
        publish(lesson, title="Never published")
        assert content_version.current() != after
        raise RuntimeError("rolled back")
    assert content_version.current() == after


def test_a_published_title_shows_at_once_on_the_lesson_the_course_and_the_catalogue(client, course, trainee):
    first, second, *_rest = lessons_of(course)
    catalogue_url = CourseIndexPage.objects.get().url
    for url in (second.url, course.url, catalogue_url):
        html_of(client, url)  # cached

    publish(first, title="Spotting the signs")
    publish(course, title="Identifying victims of trafficking")

    lesson_html = html_of(client, second.url)
    assert outline_titles(lesson_html)[0] == "Spotting the signs"
    assert "Identifying victims of trafficking" in lesson_html  # the breadcrumb
    assert outline_titles(html_of(client, course.url))[0] == "Spotting the signs"
    assert "Identifying victims of trafficking" in html_of(client, catalogue_url)
    assert "Spotting the signs" in html_of(client, first.url)


def test_a_new_lesson_joins_the_outline_at_once_and_opens(client, course, trainee):
    lesson = lessons_of(course)[0]
    assert "Lesson 5" not in html_of(client, lesson.url)
    module = lesson.get_parent()
    added = module.add_child(instance=LessonPage(title="Lesson 5", slug="lesson-5", body=lesson_body(), live=False))
    added.save_revision().publish()

    assert outline_titles(html_of(client, lesson.url)) == ["Lesson 1", "Lesson 2", "Lesson 5", "Lesson 3", "Lesson 4"]
    assert "Lesson 5" in html_of(client, course.url)
    assert html_of(client, added.url)


def test_an_unpublished_lesson_leaves_the_outline_and_its_address_at_once(client, course, trainee):
    first, second, *_rest = lessons_of(course)
    html_of(client, second.url)
    html_of(client, course.url)

    second.unpublish()

    assert client.get(second.url).status_code == 404
    assert "Lesson 2" not in outline_titles(html_of(client, first.url))
    assert "Lesson 2" not in html_of(client, course.url)


def test_a_deleted_lesson_and_a_moved_one_show_at_once(client, course, trainee):
    first, second, third, fourth = lessons_of(course)
    html_of(client, first.url)
    fourth.delete()
    assert client.get(fourth.url).status_code == 404
    assert outline_titles(html_of(client, first.url)) == ["Lesson 1", "Lesson 2", "Lesson 3"]

    # An author puts lesson 3 (module 2) first in module 1: the outline's order and its address.
    old_url = third.url
    MovePageAction(LessonPage.objects.get(pk=third.pk), first, pos="left").execute()
    assert outline_titles(html_of(client, first.url)) == ["Lesson 3", "Lesson 1", "Lesson 2"]
    new_url = LessonPage.objects.get(pk=third.pk).url
    assert new_url != old_url
    assert_moved(client, old_url, new_url)
    assert html_of(client, new_url)


def test_a_new_slug_moves_the_lesson_and_its_links_at_once(client, course, trainee):
    first, second, *_rest = lessons_of(course)
    old_url = second.url
    html_of(client, old_url)
    publish(second, slug="warning-signs")
    new_url = LessonPage.objects.get(pk=second.pk).url

    assert new_url != old_url
    assert client.get(old_url).status_code == 404  # no redirect was asked for: the old address is gone
    assert f'href="{new_url}"' in html_of(client, first.url)
    assert html_of(client, new_url)


def test_the_trainees_progress_shows_at_once(client, course, trainee):
    first, second, *_rest = lessons_of(course)
    html = html_of(client, second.url)
    assert 'class="lesson done' not in html and "0% complete" in html

    client.post(reverse("complete_lesson", args=[first.pk]))

    html = html_of(client, second.url)
    assert html.count('class="lesson done') == 1 and "25% complete" in html
    html = html_of(client, course.url)
    assert html.count('class="lesson done') == 1 and "25% complete" in html


def test_another_trainees_progress_never_comes_from_the_cache(client, course, trainee):
    first, second, *_rest = lessons_of(course)
    client.post(reverse("complete_lesson", args=[first.pk]))
    assert html_of(client, second.url).count('class="lesson done') == 1

    other = UserFactory()
    services.enrol(trainee=other, course=course)
    client.force_login(other)
    html = html_of(client, second.url)
    assert 'class="lesson done' not in html and "0% complete" in html


def test_a_restriction_added_after_the_route_was_cached_applies_at_once(client, course, trainee):
    lesson = lessons_of(course)[1]
    html_of(client, lesson.url)
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.PASSWORD, password="partners")
    html = html_of(client, lesson.url)
    assert 'name="password"' in html and "A lesson about indicators" not in html


def test_a_renamed_audience_shows_at_once_in_the_catalogue_and_on_the_course(client, course, trainee):
    sector = Sector.objects.create(slug="border", name="Border guards")
    course.audiences.add(sector)
    publish(course)
    catalogue_url = CourseIndexPage.objects.get().url
    assert "Border guards" in html_of(client, catalogue_url)
    assert "Border guards" in html_of(client, course.url)

    sector.name = "Border police"
    sector.save()

    assert "Border police" in html_of(client, catalogue_url)
    assert "Border police" in html_of(client, course.url)


def test_a_change_made_in_one_web_process_shows_at_once_in_another(client, settings, course, trainee):
    # Each process of the embedded mode has a cache of its own (two LocMem stores here): the
    # process that publishes cannot clear the other one's, and does not need to.
    def process(name):
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": LOCMEM, "LOCATION": f"passage-process-{name}"}}
        return caches["default"]

    first, second, *_rest = lessons_of(course)
    try:
        other = process("b")
        assert outline_titles(html_of(client, second.url))[0] == "Lesson 1"
        html_of(client, course.url)
        cached_in_b = len(other._cache)

        process("a")
        publish(first, title="Spotting the signs")
        client.post(reverse("complete_lesson", args=[first.pk]))

        other = process("b")
        assert len(other._cache) >= cached_in_b  # nothing was removed from b's cache
        html = html_of(client, second.url)
        assert outline_titles(html)[0] == "Spotting the signs"
        assert html.count('class="lesson done') == 1
        assert outline_titles(html_of(client, course.url))[0] == "Spotting the signs"
    finally:
        for name in ("a", "b"):
            process(name).clear()


def test_without_the_token_row_pages_are_still_right(client, course, trainee):
    # A flushed database (transactional tests) has no row: the first request makes it again.
    from lms.models import ContentVersion

    ContentVersion.objects.all().delete()
    lesson = lessons_of(course)[1]
    assert outline_titles(html_of(client, lesson.url))[1] == "Lesson 2"
    assert ContentVersion.objects.count() == 1
    assert outline_titles(html_of(client, lesson.url))[1] == "Lesson 2"
    publish(lesson, title="Second lesson")
    assert outline_titles(html_of(client, lesson.url))[1] == "Second lesson"
