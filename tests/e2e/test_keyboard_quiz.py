"""A whole quiz with the keyboard only, and a timer that speaks at thresholds without taking focus (issue 15)."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt
from courses import services as learning
from tests.e2e.conftest import sign_in
from tests.e2e.multilingual import PASSWORD, matching, multiple_response
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    lessons_of,
    ordering,
    short_answer,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db(transaction=True)

ORDER = ("Identify", "Refer", "Assist", "Follow up")
MATCHES = {"Labour inspectorate": "Inspects workplaces", "Shelter": "Houses survivors", "Prosecutor": "Brings charges"}


def focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, key="Tab", limit=60):
    """Press Tab (or Shift+Tab) until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if focused(locator):
            return
        page.keyboard.press(key)
    pytest.fail(f"{locator} never received the focus with {key}")


def expect_focus_visible(page):
    """The focused element shows a focus indicator (an outline or a box shadow)."""
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert style[0] != "none" and style[1] != "0px" or style[2] != "none", style


@pytest.fixture
def keyboard_quiz():
    course = build_course("Victim identification", modules=1, lessons_per_module=1)
    quiz = add_quiz(
        course,
        [single_choice(), multiple_response(), short_answer(), ordering(items=ORDER), matching(), true_false()],
        title="Check your knowledge",
        pass_mark=60,
        shuffle_choices=False,
        show_correct_answers="immediately",
    )
    trainee = UserFactory(email="awa@example.org")
    enrolment = learning.enrol(trainee=trainee, course=course)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    return quiz


def press_button(page, name):
    button = page.get_by_role("button", name=name, exact=True)
    tab_to(page, button)
    expect_focus_visible(page)
    page.keyboard.press("Enter")


def test_a_whole_quiz_with_the_keyboard_only(page, keyboard_quiz):
    sign_in(page, "awa@example.org", PASSWORD)
    page.goto(keyboard_quiz.url)
    press_button(page, "Start the quiz")

    # 1. Single choice: Tab into the group, arrow keys move the choice, the last one pressed stays.
    expect(page.get_by_text("Question 1", exact=True)).to_be_visible()
    radios = page.locator("fieldset.question input[type=radio]")
    tab_to(page, radios.first)
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Has a work contract")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label("Employer keeps the passport")).to_be_checked()
    press_button(page, "Next")

    # 2. Multiple response: Tab from box to box, Space ticks.
    expect(page.get_by_text("Question 2", exact=True)).to_be_visible()
    for label in ("Debts that never shrink", "Identity papers withheld"):
        tab_to(page, page.get_by_label(label))
        page.keyboard.press("Space")
        expect(page.get_by_label(label)).to_be_checked()
    expect(page.get_by_label("A signed contract")).not_to_be_checked()
    press_button(page, "Next")

    # 3. Short answer: typed, and Shift+Tab goes back to the field from the buttons.
    expect(page.get_by_text("Question 3", exact=True)).to_be_visible()
    field = page.get_by_label("Your answer")
    tab_to(page, field)
    page.keyboard.type("two thousand")
    tab_to(page, page.get_by_role("button", name="Next"))
    tab_to(page, field, key="Shift+Tab")
    expect(field).to_have_value("two thousand")
    press_button(page, "Next")

    # 4. Ordering: each item's place is chosen in its list by typing the number.
    expect(page.get_by_text("Question 4", exact=True)).to_be_visible()
    for item in page.locator("ol.ordering li").all():
        label = item.locator("label").inner_text().strip()
        select = item.locator("select")
        tab_to(page, select)
        page.keyboard.type(str(ORDER.index(label) + 1))
        expect(select).to_have_value(str(ORDER.index(label) + 1))
    press_button(page, "Next")

    # 5. Matching: each prompt's answer is chosen by typing its first letters.
    expect(page.get_by_text("Question 5", exact=True)).to_be_visible()
    for prompt, answer in MATCHES.items():
        select = page.get_by_label(prompt)
        tab_to(page, select)
        page.keyboard.type(answer[:4])
        expect(select.locator("option:checked")).to_have_text(answer)
    press_button(page, "Next")

    # 6. True or false: arrow keys in the pair of radios.
    expect(page.get_by_text("Question 6", exact=True)).to_be_visible()
    tab_to(page, page.locator("fieldset.question input[type=radio]").first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("False")).to_be_checked()
    press_button(page, "Finish: review my answers")

    expect(page.get_by_text("Every question has an answer.")).to_be_visible()
    press_button(page, "Submit my answers")
    expect(page.get_by_text("100% (6 out of 6)")).to_be_visible()
    attempt = Attempt.objects.get()
    assert attempt.status == Attempt.Status.FINISHED and attempt.grade == 100


def test_the_timer_speaks_at_five_and_one_minute_without_taking_the_focus(page, keyboard_quiz):
    keyboard_quiz.time_limit_minutes = 6
    keyboard_quiz.save_revision().publish()
    page.clock.install()  # the page's clock, moved forward by the test; the server's deadline stays real
    sign_in(page, "awa@example.org", PASSWORD)
    page.goto(keyboard_quiz.url)
    press_button(page, "Start the quiz")
    press_button(page, "Next")
    press_button(page, "Next")
    field = page.get_by_label("Your answer")
    tab_to(page, field)
    page.keyboard.type("two")

    timer = page.get_by_role("timer")
    expect(timer).to_have_attribute("aria-live", "off")  # the ticking itself is never read aloud
    alert = page.locator("[data-countdown-alert]")
    expect(alert).to_have_attribute("aria-live", "polite")
    expect(alert).to_have_text("")
    page.clock.run_for("00:30")
    expect(alert).to_have_text("")  # nothing said while time simply passes
    assert focused(field)

    page.clock.run_for("00:40")  # about 4:50 left: the five-minute mark is passed
    expect(timer).to_contain_text(re.compile(r"4:\d\d"))
    expect(alert).to_have_text("5 minutes left.")
    assert focused(field)
    page.keyboard.type(" thousand")  # still typing in the same field
    expect(field).to_have_value("two thousand")

    page.clock.run_for("04:00")  # under a minute left
    expect(timer).to_contain_text(re.compile(r"0:\d\d"))
    expect(alert).to_have_text("1 minute left.")
    expect(page.locator(".countdown")).to_have_class(re.compile("urgent"))
    assert focused(field)
    expect(field).to_have_value("two thousand")
