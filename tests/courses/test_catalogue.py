"""The catalogue: filters by audience, topic and language, without JavaScript."""

import pytest
from wagtail.models import Locale

from courses.models import CoursePage, Topic
from lms.models import Sector
from tests.factories import build_course, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    _home, index = site_tree()
    border = Sector.objects.create(slug="border-police", name="Border police")
    judges = Sector.objects.create(slug="judiciary", name="Judges")
    identification = Topic.objects.create(slug="victim-identification", name="Victim identification", locale=index.locale)
    data = Topic.objects.create(slug="data-protection", name="Data protection", locale=index.locale)
    first = build_course("Identifying victims")
    first.audiences.set([border])
    first.topics.set([identification])
    first.save_revision().publish()
    second = build_course("Personal data")
    second.audiences.set([judges])
    second.topics.set([data])
    second.save_revision().publish()
    return index


def titles(response):
    return [course.title for course in response.context["courses"]]


def test_lists_every_course(client, catalogue):
    assert titles(client.get(catalogue.url)) == ["Identifying victims", "Personal data"]


def test_filter_by_audience_and_topic(client, catalogue):
    assert titles(client.get(catalogue.url, {"audience": "judiciary"})) == ["Personal data"]
    assert titles(client.get(catalogue.url, {"topic": "victim-identification"})) == ["Identifying victims"]
    response = client.get(catalogue.url, {"audience": "judiciary", "topic": "victim-identification"})
    assert titles(response) == []
    assert "No course matches these filters." in response.content.decode()


def test_filter_by_language_and_fallback_to_the_original(client, catalogue):
    french = Locale.objects.create(language_code="fr")
    home_fr = catalogue.get_parent().copy_for_translation(french)
    home_fr.save_revision().publish()
    index_fr = catalogue.copy_for_translation(french)
    index_fr.save_revision().publish()
    course = CoursePage.objects.get(title="Identifying victims")
    course_fr = course.copy_for_translation(french)
    course_fr.title = "Identifier les victimes"
    course_fr.save_revision().publish()

    assert titles(client.get(catalogue.url, {"language": "fr"})) == ["Identifier les victimes"]
    # The French catalogue shows the French version, and the untranslated course in English.
    assert titles(client.get(index_fr.specific.url)) == ["Identifier les victimes", "Personal data"]
