"""A new trainee accepts an invitation, enrols, reads every lesson and completes the course."""

import re

import pytest
from django.core import mail

from courses import services as learning
from courses.models import Enrolment
from lms.invitations import InviteeRow
from tests.e2e.conftest import sign_in
from tests.factories import CohortFactory, lessons_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_invited_trainee_completes_a_course(page, live_server):
    cohort = CohortFactory(name="Dakar workshop")
    learning.invite_to_cohort(
        cohort=cohort,
        rows=[InviteeRow(line=2, name="Awa Sarr", email="awa@example.org", language="en")],
        invited_by=cohort.facilitator,
    )
    link = re.search(r"https://passage\.test(/\S+)", mail.outbox[-1].body).group(1)

    # Accept the invitation: names checked, password chosen.
    page.goto(link)
    page.get_by_label("Given name(s)").fill("Awa")
    page.get_by_label("Family name").fill("Sarr")
    page.get_by_label("Password", exact=True).fill("a long pass phrase")
    page.get_by_label("Password again").fill("a long pass phrase")
    page.get_by_role("button", name="Set my password and start").click()
    page.get_by_text("Your account is ready").wait_for()

    # Sign out and back in, as on another day.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "awa@example.org", "a long pass phrase")
    page.get_by_role("heading", name="My courses").wait_for()

    # Setting her password through the cohort's link enrolled her; open the course from the dashboard.
    page.get_by_role("link", name=cohort.course.title).click()
    page.get_by_role("link", name="Start the course").click()

    lessons = lessons_of(cohort.course)
    for number, lesson in enumerate(lessons, start=1):
        page.get_by_role("heading", name=lesson.title, level=1).wait_for()
        expected = round(100 * (number - 1) / len(lessons))
        assert page.locator(".lesson-aside .progress-label").inner_text() == f"{expected}% complete"
        button = "Mark complete and continue" if number < len(lessons) else "Mark complete"
        page.get_by_role("button", name=button).click()

    page.get_by_text("you have completed").wait_for()
    assert "100% complete" in page.locator(".course-actions").inner_text()
    assert page.get_by_text("Completed on").is_visible()
    enrolment = Enrolment.objects.get(trainee__email="awa@example.org")
    assert enrolment.status == Enrolment.Status.COMPLETED

    page.get_by_role("link", name="My courses").click()
    completed = page.locator("section", has_text="Completed")
    assert completed.get_by_role("link", name=cohort.course.title, exact=True).first.is_visible()
