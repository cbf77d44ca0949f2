"""Surveys: one response per trainee, kept answers on a mistake, closed means closed, follow-up email once."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.workshops.builders import member, new_cohort, session_now, workshop
from workshops import services, surveys
from workshops.models import FollowUpEmail, SurveyResponse

pytestmark = pytest.mark.django_db


def build(ends_days_ago=0):
    today = timezone.now().date() - timedelta(days=ends_days_ago)
    created = workshop(cohort=new_cohort(starts_on=today - timedelta(days=2), ends_on=today), time_zone="UTC")
    return created


@pytest.fixture
def setup(db):
    created = build()
    session_now(created, minutes_ago=60)
    trainee = member(created, preferred_language="fr")
    items = services.ensure_survey_items(workshop=created, survey=surveys.SATISFACTION)
    return created, trainee, items


def form_data(items, score=4, **extra):
    return {**{f"item_{item.pk}": str(score) for item in items}, "recommend": "9", "comment": "Utile", **extra}


def test_a_second_answer_changes_the_one_response(setup, client):
    created, trainee, items = setup
    client.force_login(trainee)
    url = reverse("workshop_survey", args=[created.pk, "satisfaction"])
    assert client.post(url, form_data(items, 4)).status_code == 302
    assert client.post(url, form_data(items, 2, comment="Changed my mind")).status_code == 302
    response = SurveyResponse.objects.get()
    assert response.comment == "Changed my mind" and {a.score for a in response.answers.all()} == {2}


def test_a_missing_answer_keeps_everything_typed(setup, client):
    created, trainee, items = setup
    client.force_login(trainee)
    data = form_data(items, comment="Mon commentaire <b>gras</b>")
    del data[f"item_{items[0].pk}"]
    response = client.post(reverse("workshop_survey", args=[created.pk, "satisfaction"]), data)
    assert response.status_code == 400 and not SurveyResponse.objects.exists()
    page = response.content.decode()
    assert "Mon commentaire &lt;b&gt;gras&lt;/b&gt;" in page
    assert page.count("checked") == len(items) - 1 + 1  # the other statements and the 0–10 answer stay ticked


def test_a_closed_survey_saves_nothing(db, client):
    created = build(ends_days_ago=60)
    trainee = member(created)
    items = services.ensure_survey_items(workshop=created, survey=surveys.SATISFACTION)
    client.force_login(trainee)
    response = client.post(reverse("workshop_survey", args=[created.pk, "satisfaction"]), form_data(items))
    assert response.status_code == 403 and not SurveyResponse.objects.exists()


def test_someone_outside_the_cohort_gets_404(setup, client):
    created, _trainee, _items = setup
    client.force_login(UserFactory())
    assert client.get(reverse("workshop_survey", args=[created.pk, "satisfaction"])).status_code == 404
    assert client.get(reverse("workshop_survey", args=[created.pk, "nonsense"])).status_code == 404


def test_the_follow_up_email_goes_once_in_the_trainees_language(setup, django_capture_on_commit_callbacks):
    created, trainee, _items = setup
    day = surveys.add_months(created.ends_on, created.follow_up_months)  # three months after the last day
    opens = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    assert services.send_follow_up_surveys(now=opens - timedelta(days=10)).sent == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_follow_up_surveys(now=opens).sent == 1
        assert services.send_follow_up_surveys(now=opens).sent == 0
    assert FollowUpEmail.objects.count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [trainee.email]
    assert "/surveys/follow_up/" in mail.outbox[0].body
