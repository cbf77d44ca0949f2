"""A week of staff work in the browser (issue 14): an author previews a new lesson and a quiz and an
approver previews it before approving; a trainee reads the grader's comment; the cohort grid
shows a stuck trainee; an officer's dashboard tells a protecting cell from a small count."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from assessments import services as marking
from courses import services as learning
from courses.models import Enrolment, LessonPage, ModulePage
from lms import roles
from lms.models import Country, Organisation, Region
from tests.e2e.conftest import sign_in
from tests.factories import (
    CohortFactory,
    SectorFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    lessons_of,
    single_choice,
    true_false,
)
from tests.records.conftest import enrolment_for, officer

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery"


def open_preview(page):
    """Open Wagtail's preview side panel (it may already be open: the admin remembers it) and
    return the frame it shows the page in."""
    toggle = page.get_by_role("button", name="Toggle preview")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(page.get_by_role("complementary", name="Preview")).to_be_visible()
    # While it refreshes, Wagtail loads the new preview in a second, hidden frame (also titled
    # "Preview"), then drops the old one and gives the new one this id: the one on screen.
    return page.frame_locator("#w-preview-iframe")


def preview_in_new_tab(page):
    """The preview panel's "Preview in new tab": Wagtail posts the form as it is now, then opens it.
    (The panel itself refreshes on typed fields, not always on the rich text editor's changes.)"""
    with page.context.expect_page() as tab:
        page.get_by_role("link", name="Preview in new tab").click()
    return tab.value


def shows_when_stored(tab, locate, attempts=4):
    """The new tab may open before Wagtail has stored the form it posts: reload until it shows."""
    for _attempt in range(attempts):
        try:
            expect(locate(tab)).to_be_visible(timeout=5000)
            return
        except AssertionError:
            tab.reload()
    expect(locate(tab)).to_be_visible()


# --- 1. An author previews a new lesson and a quiz; an approver previews it and approves it -------


def test_author_previews_a_new_lesson_and_a_quiz_and_the_approver_previews_before_approving(browser, live_server):
    course = build_course("Managing reception centres", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [single_choice(), true_false()], title="Check your knowledge")
    module = ModulePage.objects.child_of(course).get()
    author = UserFactory(email="trainer@example.org", first_name="Ibrahima", last_name="Ndiaye", role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=author)
    UserFactory(email="admin@example.org", role=roles.ADMINISTRATOR, organisation=None)
    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Diallo")
    learning.enrol(trainee=trainee, course=course)
    body = "Registration on arrival takes place in a quiet room, with an interpreter."

    # The author writes a new lesson in the module and previews it before anything is saved.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "trainer@example.org", PASSWORD)
    page.goto(f"/admin/pages/{module.pk}/")
    page.get_by_role("link", name=re.compile(r"Add child page", re.I)).first.click()
    page.get_by_role("link", name=re.compile(r"^Lesson", re.I)).first.click()
    page.get_by_role("textbox", name=re.compile(r"^Title")).first.fill("Registration on arrival")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.type(body)
    page.get_by_role("textbox", name="Summary").fill("Where and how people are registered.")
    frame = open_preview(page)
    expect(frame.get_by_role("heading", name="Registration on arrival")).to_be_visible(timeout=15000)
    preview = preview_in_new_tab(page)
    shows_when_stored(preview, lambda tab: tab.get_by_role("heading", name="Registration on arrival"))
    expect(preview.get_by_text(body)).to_be_visible()
    expect(preview.get_by_role("button", name="Mark complete")).to_be_disabled()  # a preview records nothing
    preview.close()

    # She submits it for approval: the lesson exists as a draft, waiting for an administrator.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Administrator approval").click()
    page.get_by_text(re.compile(r"submitted", re.I)).first.wait_for()
    lesson = LessonPage.objects.get(title="Registration on arrival")
    assert not lesson.live
    assert WorkflowState.objects.get(object_id=str(lesson.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    # She previews the quiz: the rules as a trainee will read them, and no start. (Edited fields are
    # not retyped here: the quiz's side panel does not always refresh after an edit, see the note.)
    page.goto(f"/admin/pages/{quiz.pk}/edit/")
    open_preview(page)
    preview = preview_in_new_tab(page)
    shows_when_stored(preview, lambda tab: tab.get_by_role("heading", name="Check your knowledge"))
    expect(preview.get_by_text("2 questions")).to_be_visible()
    expect(preview.get_by_role("button", name="Start the quiz")).to_be_disabled()
    preview.close()
    context.close()

    # The approver finds the lesson on the admin dashboard, previews it, then approves it.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "admin@example.org", PASSWORD)
    page.goto("/admin/")
    waiting = page.get_by_role("region", name="Awaiting your review")
    row = waiting.get_by_role("row").filter(has_text="Registration on arrival")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    with context.expect_page() as preview_tab:
        page.get_by_role("link", name="Preview", exact=True).click()  # in the row's open menu
    preview = preview_tab.value
    expect(preview.get_by_role("heading", name="Registration on arrival")).to_be_visible()
    expect(preview.get_by_text(body)).to_be_visible()
    preview.close()
    row.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("region", name="Awaiting your review").get_by_text("Registration on arrival")).to_have_count(0)
    lesson.refresh_from_db()
    assert lesson.live
    context.close()

    # The trainee now finds the lesson in the course outline and reads it.
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "awa@example.org", PASSWORD)
    page.goto(course.url)
    page.get_by_role("link", name="Registration on arrival").first.click()
    expect(page.get_by_role("heading", name="Registration on arrival")).to_be_visible()
    expect(page.get_by_text(body)).to_be_visible()
    context.close()


# --- 2. A trainee reads the grader's comment --------------------------------------------------------


def test_trainee_reads_the_graders_comment_and_mark(browser, live_server):
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    question = essay("Describe a referral", default_mark=Decimal("4"))
    quiz = add_quiz(course, [question], title="Reflect on a case")
    cohort = CohortFactory(course=course, name="Dakar workshop", facilitator=UserFactory(
        email="trainer@example.org", first_name="Ibrahima", last_name="Ndiaye", role=roles.TRAINER
    ))
    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Diallo")
    enrolment = learning.enrol(trainee=trainee, course=course, cohort=cohort)
    attempt = marking.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    (answer,) = attempt.answers.all()
    marking.save_answers(attempt=attempt, responses={answer.position: {"text": "I would call the national referral hotline."}})
    marking.submit_attempt(attempt=attempt)
    comment = "Good first step. Say also who accompanies the person to the shelter."

    # The trainer grades the essay from the grading queue.
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "trainer@example.org", PASSWORD)
    page.get_by_role("link", name="My courses").click()
    page.get_by_role("link", name=re.compile(r"^Grading queue")).click()
    page.get_by_role("link", name=re.compile(r"^Grade\b.*Awa Diallo")).click()
    expect(page.get_by_text("I would call the national referral hotline.")).to_be_visible()
    page.get_by_label("Mark").fill("3")
    page.get_by_label("Comment for the trainee").fill(comment)
    page.get_by_role("button", name="Save the grades").click()
    expect(page.get_by_text("Grades saved.")).to_be_visible()
    context.close()

    # The trainee follows the dashboard's news to the review page: the comment and the mark.
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "awa@example.org", PASSWORD)
    page.get_by_role("link", name="My courses").click()
    expect(page.get_by_text("Your answers to “Reflect on a case” were graded")).to_be_visible()
    page.get_by_role("link", name="See your result and the grader's comments").click()
    expect(page.get_by_role("heading", name="Attempt 1: result")).to_be_visible()
    expect(page.get_by_text("75% (3 out of 4)")).to_be_visible()
    question_section = page.locator("section.question").filter(has=page.get_by_role("heading", name=re.compile("Question 1")))
    expect(question_section.get_by_role("heading", name=re.compile(r"Question 1"))).to_contain_text("3 / 4")
    expect(question_section.get_by_text("Comment from your trainer")).to_be_visible()
    expect(question_section.get_by_text(comment)).to_be_visible()
    context.close()


# --- 3. The cohort grid shows a stuck trainee --------------------------------------------------------


def test_cohort_grid_filters_the_stuck_trainee_and_links_to_their_progress(page):
    course = build_course("Identifying victims", modules=1, lessons_per_module=3)
    trainer = UserFactory(email="trainer@example.org", first_name="Ibrahima", last_name="Ndiaye", role=roles.TRAINER)
    cohort = CohortFactory(course=course, name="Dakar workshop", facilitator=trainer)
    lessons = lessons_of(course)
    now = timezone.now()

    active = learning.enrol(trainee=UserFactory(first_name="Awa", last_name="Diallo"), course=course, cohort=cohort)
    for lesson in lessons[:2]:
        learning.complete_lesson(enrolment=active, lesson=lesson)  # today
    stuck = learning.enrol(trainee=UserFactory(first_name="Bakary", last_name="Sow"), course=course, cohort=cohort)
    learning.complete_lesson(enrolment=stuck, lesson=lessons[0])
    Enrolment.objects.filter(pk=active.pk).update(enrolled_at=now - timedelta(days=30), last_activity_at=now)
    Enrolment.objects.filter(pk=stuck.pk).update(
        enrolled_at=now - timedelta(days=30), last_activity_at=now - timedelta(days=20)
    )

    sign_in(page, "trainer@example.org", PASSWORD)
    page.get_by_role("link", name="My courses").click()
    page.get_by_role("link", name=re.compile(r"^Cohorts")).click()
    page.get_by_role("link", name="Dakar workshop").click()
    page.get_by_role("link", name=re.compile(r"^Progress grid")).click()
    expect(page.get_by_role("heading", name="Progress in Dakar workshop")).to_be_visible()
    grid = page.get_by_role("table")
    expect(grid.get_by_role("link", name="Awa Diallo")).to_be_visible()
    expect(grid.get_by_role("link", name="Bakary Sow")).to_be_visible()

    page.get_by_label("Only trainees who seem stuck").check()
    page.get_by_label("No activity for at least (days)").fill("14")
    page.get_by_role("button", name="Show").click()
    expect(grid.locator("tbody").get_by_role("row")).to_have_count(1)
    row = grid.locator("tbody").get_by_role("row").first
    expect(row.get_by_role("link", name="Bakary Sow")).to_be_visible()
    expect(row).to_contain_text("stuck")
    expect(row).to_contain_text("1 / 3")
    expect(row.get_by_role("cell").filter(has_text=re.compile(r"^\s*20\s*$"))).to_have_count(1)
    expect(grid.get_by_text("Awa Diallo")).to_have_count(0)

    row.get_by_role("link", name="Bakary Sow").click()
    expect(page.get_by_role("heading", name="Bakary Sow", level=1)).to_be_visible()
    expect(page.get_by_text("(20 days ago)")).to_be_visible()
    lessons_table = page.get_by_role("region", name="Lessons")
    expect(lessons_table.get_by_role("row", name=re.compile("Lesson 1")).get_by_text(re.compile("^Done on"))).to_be_visible()
    expect(lessons_table.get_by_role("row", name=re.compile("Lesson 2"))).to_contain_text("Not yet")


# --- 4. An officer's dashboard shows "suppressed" for a protecting cell ------------------------------


def build_suppression_records():
    """Senegal, counted by organisation: Dakar border post 7 rounds (6 completed), Thiès court 2
    (none completed), Saint-Louis border post 9 (all completed). With cells under 5 hidden, Thiès
    is a true small count; Dakar, the next smallest, is hidden only to protect it."""
    senegal = Country.objects.create(code="SN", name="Senegal")
    dakar = Region.objects.create(country=senegal, name="Dakar")
    saint_louis = Region.objects.create(country=senegal, name="Saint-Louis")
    posts = {
        "Dakar border post": Organisation.objects.create(name="Dakar border post", country=senegal, region=dakar),
        "Thiès court": Organisation.objects.create(name="Thiès court", country=senegal, region=dakar),
        "Saint-Louis border post": Organisation.objects.create(name="Saint-Louis border post", country=senegal, region=saint_louis),
    }
    sector = SectorFactory(name="Border and immigration police")
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    march = datetime(2026, 3, 2, 9, tzinfo=UTC)
    for name, enrolled, completed in (("Dakar border post", 7, 6), ("Thiès court", 2, 0), ("Saint-Louis border post", 9, 9)):
        for number in range(enrolled):
            trainee = UserFactory(organisation=posts[name], sector=sector, country=senegal)
            done = march + timedelta(days=10) if number < completed else None
            enrolment_for(trainee, course, enrolled_at=march, completed_at=done, score=Decimal("80") if done else None)
    officer(countries=[senegal], email="officer@example.org", first_name="Fatou", last_name="Sow")


def test_officer_sees_suppressed_for_the_protecting_cell_and_less_than_five_only_for_the_small_one(page, settings):
    settings.RECORDS_MIN_CELL = 5
    build_suppression_records()
    sign_in(page, "officer@example.org", PASSWORD)
    page.get_by_role("link", name="Records").click()
    expect(page.get_by_role("heading", name="Completion records")).to_be_visible()

    by_organisation = page.get_by_role("region", name="By organisation")

    def cells(label):
        row = by_organisation.get_by_role("row").filter(has=page.get_by_role("rowheader", name=label, exact=True))
        expect(row).to_have_count(1)
        return [text.strip() for text in row.get_by_role("cell").all_inner_texts()]

    # Columns: enrolled, completed, completion rate.
    assert cells("Dakar border post") == ["suppressed", "suppressed", "suppressed"]  # 7 rounds: not "< 5"
    assert cells("Thiès court")[0] == "< 5"  # 2 rounds: a true small count
    assert "< 5" not in cells("Thiès court")[1:]
    assert cells("Saint-Louis border post") == ["9", "9", "100 %"]

    # The note says what each mark means.
    note = page.locator("#suppression-note")
    expect(note).to_contain_text('shown as "< 5"')
    expect(note).to_contain_text('shown as "suppressed"')

    # Nowhere else on the page does "< 5" stand for a count that is not small.
    shown = [text.strip() for text in page.locator("main td, main dd").all_inner_texts()]
    assert shown.count("< 5") == 1, shown
