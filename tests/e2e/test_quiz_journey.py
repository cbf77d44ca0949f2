"""A trainee takes a timed quiz with JavaScript, leaves mid-way, resumes elsewhere, submits and
completes the course; the same quiz also works with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt
from courses import services as learning
from courses.models import Enrolment
from tests.e2e.conftest import sign_in
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    lessons_of,
    short_answer,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def quiz_course():
    course = build_course("Victim identification", modules=1, lessons_per_module=1)
    quiz = add_quiz(
        course,
        [single_choice(), true_false(), short_answer()],
        title="Check your knowledge",
        time_limit_minutes=20,
        pass_mark=60,
        show_correct_answers="immediately",
    )
    trainee = UserFactory(email="awa@example.org")
    enrolment = learning.enrol(trainee=trainee, course=course)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    return course, quiz


def answer_page(page, position):
    """Answer whichever question this page shows, rightly."""
    question = page.locator("fieldset.question")
    legend = question.locator(".stem").inner_text()
    if "indicator" in legend:
        question.get_by_label("Employer keeps the passport").check()
    elif "Consent" in legend:
        question.get_by_label("False").check()
    else:
        question.get_by_label("Your answer").fill("two thousand")
        question.get_by_label("Your answer").blur()


def test_timed_quiz_resumes_on_another_device_and_completes_the_course(browser, live_server, quiz_course):
    course, quiz = quiz_course
    first = browser.new_context(base_url=live_server.url)
    page = first.new_page()
    sign_in(page, "awa@example.org", "correct horse battery")
    page.goto(quiz.url)
    assert page.get_by_text("Time limit: 20 minutes").is_visible()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("[data-countdown]")).to_have_text(re.compile(r"^(19|20):\d\d$"))  # the countdown runs
    answer_page(page, 1)
    page.get_by_text("All answers saved").wait_for()  # autosaved, no button pressed
    page.get_by_role("button", name="Next").click()
    answer_page(page, 2)
    page.get_by_text("All answers saved").wait_for()
    first.close()  # the tab is closed mid-way

    second = browser.new_context(base_url=live_server.url)  # another device: no shared cookies
    page = second.new_page()
    sign_in(page, "awa@example.org", "correct horse battery")
    page.goto(quiz.url)
    page.get_by_role("link", name="Continue your attempt").click()
    assert page.get_by_text("Question 2").is_visible()  # exactly where she stopped
    page.get_by_role("button", name="Previous").click()
    checked = page.locator("input[type=radio]:checked, input[type=text]")
    assert checked.count() >= 1  # the first answer is still there
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    answer_page(page, 3)
    page.get_by_role("button", name="Finish: review my answers").click()
    assert page.get_by_text("Every question has an answer.").is_visible()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("100% (3 out of 3)").wait_for()
    assert page.get_by_text("The right answer:").first.is_visible()
    attempt = Attempt.objects.get()
    assert attempt.status == Attempt.Status.FINISHED
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.score == 100
    page.goto(course.url)
    assert page.get_by_text("Completed on").is_visible()
    second.close()


def test_the_same_quiz_works_with_javascript_off(browser, live_server, quiz_course):
    _course, quiz = quiz_course
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "awa@example.org", "correct horse battery")
    page.goto(quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    for position in (1, 2, 3):
        answer_page(page, position)
        name = "Next" if position < 3 else "Finish: review my answers"
        page.get_by_role("button", name=name).click()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("100% (3 out of 3)").wait_for()
    assert Attempt.objects.get().grade == 100
    context.close()
