"""axe-core finds no violation on the pages people use most, in English and in Arabic (issue 15).

One world per language (built with the services), then each page is opened by the person who
uses it and scanned with axe-core's default rules (WCAG 2.x A and AA plus best practices)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import sign_in
from tests.e2e.multilingual import PASSWORD, arabic_lesson, build_world

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()


def in_language(url: str, language: str) -> str:
    """The same address under another language prefix (/en/x/ → /ar/x/)."""
    parts = url.split("/", 2)
    if len(parts) > 2 and parts[1] in ("en", "fr", "ar", "ru", "es"):
        return f"/{language}/{parts[2]}"
    return url


def pages_to_scan(world, language):
    """(name, who opens it, address) for every page of the list in the issue."""
    course, lesson, quiz = world.course, world.lesson, world.quiz
    if language == "ar":
        course, lesson = world.ar_course, arabic_lesson(world)
        quiz = type(quiz).objects.get(translation_key=quiz.translation_key, locale__language_code="ar")

    def here(path):
        return f"/{language}{path}"

    return [
        ("home", None, here("/")),
        ("catalogue", None, here("/catalogue/")),
        ("login", None, here("/accounts/login/")),
        ("verify", None, f"/verify/{world.certificate.verification_code}/"),
        ("verify form", None, "/verify/"),
        ("course", "trainee", course.url),
        ("course not yet translated", "trainee", in_language(world.other_course.url, language)),
        ("module", "trainee", in_language(world.module.url, language)),
        ("lesson", "trainee", lesson.url),
        ("quiz intro", "trainee", quiz.url),
        ("question", "trainee", here(f"/learn/attempts/{world.attempt_in_progress.pk}/")),
        ("question summary", "trainee", here(f"/learn/attempts/{world.attempt_in_progress.pk}/summary/")),
        ("review", "trainee", here(f"/learn/attempts/{world.finished_attempt.pk}/review/")),
        ("dashboard", "trainee", here("/dashboard/")),
        # A trainee's certificates are listed on the dashboard (above); trainers have a list of their own.
        ("certificates", "trainer", here("/certificates/")),
        ("cohort certificates", "trainer", here(f"/certificates/cohorts/{world.cohort.pk}/")),
        ("profile", "trainee", here("/accounts/profile/")),
        ("cohort", "trainer", here(f"/cohorts/{world.cohort.pk}/")),
        ("cohort progress grid", "trainer", here(f"/cohorts/{world.cohort.pk}/progress/")),
        ("grading queue", "trainer", here("/trainer/grading/")),
        ("grading", "trainer", here(f"/trainer/grading/{world.essay_attempt.pk}/")),
        ("records", "officer", here("/records/")),
    ]


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]) for node in violation["nodes"]]
        lines.append(f"    {violation['id']} ({violation.get('impact')}): {violation['help']} → {targets[:5]}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation(browser, live_server, language):
    world = build_world(arabic_course=language == "ar")
    emails = {"trainee": world.trainee.email, "trainer": world.trainer.email, "officer": world.officer.email}
    contexts = {}

    def page_for(who):
        if who not in contexts:
            context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
            context.set_default_timeout(15000)
            # The verify pages have no language prefix: the language cookie chooses.
            context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            page = context.new_page()
            if who is not None:
                sign_in(page, emails[who], PASSWORD)
            contexts[who] = (context, page)
        return contexts[who][1]

    found, broken = {}, []
    try:
        for name, who, url in pages_to_scan(world, language):
            page = page_for(who)
            response = page.goto(url)
            if response.status != 200:
                broken.append(f"{name}: {url} answered {response.status}")
                continue
            if page.locator("html").get_attribute("lang") != language:
                broken.append(f"{name}: {url} is not in {language}")
            violations = AXE.run(page).response["violations"]
            if violations:
                found[f"{name} ({url})"] = violations
    finally:
        for context, _page in contexts.values():
            context.close()
    assert not broken, broken
    assert not found, f"axe-core violations in {language}:\n" + "\n".join(
        f"  {name}:\n{describe(violations)}" for name, violations in found.items()
    )
