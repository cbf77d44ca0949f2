"""A trainer builds a quiz in the browser (issue 14): "Add questions" opens the question picker,
filtered to one category, two questions ticked at once; a random slot draws two questions from
another category; a draft is saved; then "Try as a trainee" runs the whole draft without enrolling,
and the preview never counts. A trainee cannot open the preview."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Attempt, QuestionCategory, QuizPage
from courses import services as learning
from courses.models import Enrolment
from lms import roles
from tests.e2e.conftest import sign_in
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    essay,
    short_answer,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery"

# What a trainee answers, rightly, to each question the preview may show (by its text).
RIGHT_ANSWERS = {
    # Indicators, Children included: what the random slot may draw.
    "Which is an indicator of forced labour?": ("check", "Employer keeps the passport"),
    "A victim always knows they are a victim": ("check", "False"),
    "Name the 2000 protocol on trafficking in one word": ("fill", "Palermo"),
    "A child cannot consent to being exploited": ("check", "True"),
    "Who should interview a child first?": ("check", "A trained child protection officer"),
    # Referral: the two questions the trainer picks.
    "Whom do you call first to refer a presumed victim?": ("check", "The national referral hotline"),
    "A referral needs the person's informed consent": ("check", "True"),
}
INDICATOR_TITLES = list(RIGHT_ANSWERS)[:5]


def build_bank():
    """Trafficking › Indicators (3 questions) › Children (2 more: 5 with its subcategory), and
    Trafficking › Referral (3 questions). Four types in all."""
    indicators = QuestionCategory.for_path(["Trafficking", "Indicators"])
    children = QuestionCategory.for_path(["Trafficking", "Indicators", "Children"])
    referral = QuestionCategory.for_path(["Trafficking", "Referral"])
    single_choice("Which is an indicator of forced labour?", category=indicators)
    true_false("A victim always knows they are a victim", correct=False, category=indicators)
    short_answer("Name the 2000 protocol on trafficking in one word", answers=(("Palermo", "100"),), category=indicators)
    true_false("A child cannot consent to being exploited", correct=True, category=children)
    single_choice(
        "Who should interview a child first?",
        right="A trained child protection officer",
        wrong=("Any police officer", "The employer"),
        category=children,
    )
    referral_questions = [
        single_choice(
            # Referral: the two questions the trainer picks.
    "Whom do you call first to refer a presumed victim?",
            right="The national referral hotline",
            wrong=("A journalist", "The employer"),
            category=referral,
        ),
        true_false("A referral needs the person's informed consent", correct=True, category=referral),
        essay("Describe a referral you made", category=referral),
    ]
    return indicators, referral, referral_questions


def answer_rightly(page):
    """Answer whichever question this page of the attempt shows."""
    question = page.locator("fieldset.question")
    stem = question.locator(".stem").inner_text().strip()
    action, value = RIGHT_ANSWERS[stem]
    if action == "check":
        question.get_by_label(value, exact=True).check()
    else:
        question.get_by_label("Your answer").fill(value)
    return stem


def test_trainer_builds_a_quiz_with_the_picker_and_a_random_slot_then_tries_it_without_enrolling(browser, live_server):
    indicators, _referral, (hotline, consent, _essay) = build_bank()
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [], title="Check your knowledge", pass_mark=50)  # published, no questions yet
    trainer = UserFactory(email="trainer@example.org", first_name="Ibrahima", last_name="Ndiaye", role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=trainer)
    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Diallo")
    learning.enrol(trainee=trainee, course=course)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "trainer@example.org", PASSWORD)
    page.goto(f"/admin/pages/{quiz.pk}/edit/")

    # "Add questions": the picker, filtered to the Referral category; two questions ticked at once.
    page.get_by_role("button", name="Add questions").click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("heading", name="Add questions")).to_be_visible()
    expect(modal.get_by_label("Which is an indicator of forced labour?")).to_be_visible()  # all categories at first
    modal.get_by_label("Category").select_option(label="— Referral")
    results = modal.locator("#search-results")
    expect(results.get_by_role("checkbox")).to_have_count(3)
    expect(results.get_by_text("Which is an indicator of forced labour?")).to_have_count(0)
    expect(results.get_by_text("Describe a referral you made").first).to_be_visible()
    modal.get_by_label("Type").select_option(label="true/false question")  # the type filter narrows it further
    expect(results.get_by_role("checkbox")).to_have_count(1)
    modal.get_by_label("Type").select_option(label="All types")
    expect(results.get_by_role("checkbox")).to_have_count(3)
    results.get_by_label("Whom do you call first to refer a presumed victim?").check()
    results.get_by_label("A referral needs the person's informed consent").check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    slots_panel = page.locator("#id_slots-FORMS")
    expect(slots_panel.get_by_text("Whom do you call first to refer a presumed victim?")).to_be_visible()
    expect(slots_panel.get_by_text("A referral needs the person's informed consent")).to_be_visible()

    # A random slot: each attempt draws 2 questions from Indicators (its subcategory included).
    page.get_by_role("button", name="Add random questions").click()
    page.locator("#id_random_slots-0-category").select_option(label="Indicators")
    page.locator("#id_random_slots-0-count").fill("2")

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"has been updated", re.I)).first).to_be_visible()

    # The draft holds the two questions and the random slot; the published quiz is unchanged.
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert sorted(slot.question.pk for slot in draft.slots.all()) == sorted([hotline.pk, consent.pk])
    (random_slot,) = draft.random_slots.all()
    assert (random_slot.category, random_slot.count, random_slot.include_subcategories) == (indicators, 2, True)
    live = QuizPage.objects.get(pk=quiz.pk)
    assert live.slots.count() == 0 and live.random_slots.count() == 0 and live.has_unpublished_changes

    # "Try as a trainee": the whole draft, 4 questions, answered and submitted; the mark shows.
    header = page.get_by_role("navigation", name="Actions")
    header.get_by_role("button", name="Actions", exact=True).click()  # the header's "…" menu
    header.get_by_role("link", name="Try as a trainee").click()
    expect(page.get_by_role("heading", name="Preview: Check your knowledge")).to_be_visible()
    expect(page.get_by_text("4 questions")).to_be_visible()
    page.get_by_role("button", name="Start a preview").click()
    expect(page.get_by_role("note").filter(has_text="never counts")).to_be_visible()
    shown = []
    for position in range(1, 5):
        expect(page.get_by_text(f"Question {position}", exact=True)).to_be_visible()
        shown.append(answer_rightly(page))
        page.get_by_role("button", name="Next" if position < 4 else "Finish: review my answers").click()
    assert set(shown[:2]) == {hotline.title, consent.title}  # the fixed questions, then the draw
    drawn = set(shown[2:])
    assert len(drawn) == 2 and drawn <= set(INDICATOR_TITLES)
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("100% (4 out of 4)")).to_be_visible()

    # Nothing counts: no enrolment, a preview attempt only, and the results page shows 0 attempts.
    assert not Enrolment.objects.filter(trainee=trainer).exists()
    preview = Attempt.all_objects.get(trainee=trainer)
    assert preview.is_preview and preview.enrolment is None and preview.status == Attempt.Status.FINISHED
    assert not Attempt.objects.filter(trainee=trainer).exists()
    page.goto(reverse("quiz_results", args=[quiz.pk]))
    expect(page.get_by_role("heading", name="Results: Check your knowledge")).to_be_visible()
    facts = page.locator("dl.facts")
    expect(facts.locator("dt", has_text=re.compile(r"^Attempts$")).locator("xpath=following-sibling::dd[1]")).to_have_text("0")
    context.close()

    # Hostile: the enrolled trainee cannot open or start the preview; nothing is created.
    client = Client()
    client.force_login(trainee)
    assert client.get(reverse("quiz_preview", args=[quiz.pk])).status_code == 404
    assert client.post(reverse("quiz_preview", args=[quiz.pk])).status_code == 404
    assert not Attempt.all_objects.filter(trainee=trainee).exists()
