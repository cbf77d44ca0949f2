"""Under the enforced Content Security Policy, pages render and the quiz still saves as one answers."""

import pytest

from assessments.models import Answer
from courses import services as learning
from tests.e2e.conftest import sign_in
from tests.factories import UserFactory, add_quiz, build_course, lessons_of, single_choice

pytestmark = pytest.mark.django_db(transaction=True)

# Collects the browser's own report of every blocked script, style, frame or image.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(browser, live_server):
    """A page whose CSP violations (events and console errors) are recorded."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15000)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    yield page, console
    context.close()


def violations(page, console) -> list[str]:
    reported = page.evaluate("window.__cspViolations")
    logged = [text for text in console if "Content Security Policy" in text or "Permissions-Policy" in text]
    return reported + logged


def test_lesson_and_quiz_run_under_the_policy_and_autosave_still_works(watched):
    page, console = watched
    course = build_course("Victim identification", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [single_choice()], time_limit_minutes=20)
    trainee = UserFactory(email="awa@example.org")
    learning.enrol(trainee=trainee, course=course)
    sign_in(page, "awa@example.org", "correct horse battery")

    response = page.goto(lessons_of(course)[0].url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The branding colour comes from the nonce-carrying <style>: applied, not blocked.
    accent = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")
    assert accent == "#0b5c8a"
    assert violations(page, console) == []

    page.goto(quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    page.locator("[data-countdown]").wait_for()
    page.get_by_label("Employer keeps the passport").check()
    page.get_by_text("All answers saved").wait_for()  # saved by quiz.js, no button pressed
    (answer,) = Answer.objects.filter(attempt__trainee=trainee)
    assert answer.saved_at is not None and answer.response
    assert violations(page, console) == []
