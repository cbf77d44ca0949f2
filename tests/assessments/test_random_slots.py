"""Random questions from a category: saved only when drawable, drawn once per attempt, analysed
per question drawn."""

import random
import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from assessments import draw, results, selectors, services
from assessments.models import Attempt, QuestionCategory, QuizPage, QuizRandomSlot
from courses import services as learning
from tests.assessments.test_quiz_picker import add_random, edit_form, save_draft
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    course_author,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db


# --- builders ---------------------------------------------------------------------------------


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=1)


@pytest.fixture
def author(course):
    return course_author(course)


@pytest.fixture
def indicators():
    """Indicators (4 questions) › Children (2 questions)."""
    top = QuestionCategory.for_path(["Indicators"])
    children = QuestionCategory.for_path(["Indicators", "Children"])
    for n in range(4):
        single_choice(f"Indicator {n}", category=top)
    for n in range(2):
        true_false(f"Child {n}", category=children)
    return top


@pytest.fixture
def fixed(indicators):
    return single_choice("Fixed question", category=QuestionCategory.for_path(["Other"]))


def quiz_drawing(course, fixed, category, count, *, subcategories=True, **settings) -> QuizPage:
    quiz = add_quiz(course, [fixed], **settings)
    QuizRandomSlot.objects.create(quiz=quiz, category=category, count=count, include_subcategories=subcategories, sort_order=0)
    return quiz


def enrolled(course):
    user = UserFactory()
    learning.enrol(trainee=user, course=course)
    return user


def drawn_titles(attempt) -> list[str]:
    return [answer.question.title for answer in attempt.answers.select_related("question").order_by("position")]


# --- saving the quiz --------------------------------------------------------------------------


def test_a_random_slot_is_saved_when_the_category_has_enough(client, author, course, fixed, indicators):
    quiz = add_quiz(course, [fixed])
    client.force_login(author)
    response = save_draft(client, quiz, add_random(edit_form(client, quiz), indicators, 5))
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    [slot] = draft.random_slots.all()
    assert (slot.category, slot.count, slot.include_subcategories) == (indicators, 5, True)


def test_asking_for_more_than_the_category_holds_is_refused_at_save(client, author, course, fixed, indicators):
    quiz = add_quiz(course, [fixed])
    client.force_login(author)
    revisions = quiz.revisions.count()
    response = save_draft(client, quiz, add_random(edit_form(client, quiz), indicators, 7))
    assert response.status_code == 200
    assert "“Indicators” has only 6 questions to draw (questions already in the quiz do not count); 7 are asked for." in response.content.decode()
    response = save_draft(client, quiz, add_random(edit_form(client, quiz), indicators, 5, subcategories=False))
    assert "“Indicators” has only 4 questions to draw" in response.content.decode()  # its subcategory left out
    assert quiz.revisions.count() == revisions
    assert not QuizRandomSlot.objects.exists()


def test_two_slots_that_share_a_category_are_checked_together(client, author, course, fixed, indicators):
    """2 from Children and 5 from Indicators (with Children): 7 wanted out of 6."""
    quiz = add_quiz(course, [fixed])
    children = QuestionCategory.for_path(["Indicators", "Children"])
    client.force_login(author)
    data = add_random(add_random(edit_form(client, quiz), children, 2), indicators, 5)
    revisions = quiz.revisions.count()
    response = save_draft(client, quiz, data)
    assert response.status_code == 200
    assert "7 are asked for" in response.content.decode()
    assert quiz.revisions.count() == revisions


def test_questions_already_in_the_quiz_do_not_count_towards_a_draw(client, author, course, indicators):
    in_quiz = single_choice("Also fixed", category=indicators)
    quiz = add_quiz(course, [in_quiz])
    client.force_login(author)
    response = save_draft(client, quiz, add_random(edit_form(client, quiz), indicators, 7))
    assert "has only 6 questions to draw" in response.content.decode()


# --- each attempt draws its own -----------------------------------------------------------------


def test_an_attempt_draws_once_and_keeps_its_questions_on_reload_and_resume(client, course, fixed, indicators):
    quiz = quiz_drawing(course, fixed, indicators, 3, layout=QuizPage.Layout.ALL_ON_ONE)
    trainee = enrolled(course)
    client.force_login(trainee)
    response = client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(pk=int(re.search(r"/attempts/(\d+)/", response["Location"]).group(1)))
    titles = drawn_titles(attempt)
    assert titles[0] == "Fixed question" and len(titles) == 4 and len(set(titles)) == 4
    assert all(t.startswith(("Indicator", "Child")) for t in titles[1:])
    first = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    again = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    assert all(title in first and title in again for title in titles[1:])
    # Starting again (a second tab, a resume) gives the same attempt and the same questions.
    client.post(reverse("quiz_start", args=[quiz.pk]))
    assert Attempt.objects.filter(trainee=trainee).count() == 1
    assert drawn_titles(Attempt.objects.get(pk=attempt.pk)) == titles
    assert attempt.max_marks == 4


def test_attempts_draw_their_own_sets(course, fixed, indicators):
    quiz = quiz_drawing(course, fixed, indicators, 2)
    sets = set()
    for seed in range(12):
        trainee = enrolled(course)
        attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get(), seed=seed)
        sets.add(tuple(sorted(drawn_titles(attempt)[1:])))
    assert len(sets) > 1


def test_a_draw_without_subcategories_stays_in_the_category(course, fixed, indicators):
    quiz = quiz_drawing(course, fixed, indicators, 4, subcategories=False)
    trainee = enrolled(course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get())
    assert sorted(drawn_titles(attempt)[1:]) == [f"Indicator {n}" for n in range(4)]


def test_a_random_slot_mark_applies_to_each_question_drawn(course, fixed, indicators):
    quiz = add_quiz(course, [fixed])
    QuizRandomSlot.objects.create(quiz=quiz, category=indicators, count=2, mark="2.5", sort_order=0)
    trainee = enrolled(course)
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get())
    assert [a.max_mark for a in attempt.answers.order_by("position")] == [1, 2.5, 2.5]
    assert attempt.max_marks == 6
    assert selectors.question_count(quiz) == 3


def test_too_few_questions_at_start_is_a_clear_message_and_creates_nothing(client, course, fixed, indicators):
    quiz = quiz_drawing(course, fixed, indicators, 6)
    QuestionCategory.for_path(["Indicators", "Children"]).questions.update(category=QuestionCategory.for_path(["Elsewhere"]))
    trainee = enrolled(course)
    client.force_login(trainee)
    response = client.post(reverse("quiz_start", args=[quiz.pk]), follow=True)
    assert "has fewer questions than it asks for" in response.content.decode()
    assert not Attempt.all_objects.exists()
    with pytest.raises(services.NotEnoughQuestions):
        services.start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get())
    assert not Attempt.all_objects.exists()


# --- graded and analysed per question drawn -------------------------------------------------------


def test_results_and_item_analysis_count_each_question_drawn(course, fixed, indicators):
    quiz = quiz_drawing(course, fixed, indicators, 2, subcategories=False)
    cohort = CohortFactory(course=course)
    attempts = []
    for seed in range(8):
        trainee = UserFactory()
        learning.add_to_cohort(cohort=cohort, trainee=trainee)
        attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=trainee.enrolments.get(), seed=seed)
        attempts.append(services.submit_attempt(attempt=attempt))
    shown = {}
    for attempt in attempts:
        for title in drawn_titles(attempt):
            shown[title] = shown.get(title, 0) + 1
    figures = results.quiz_results(quiz, selectors.quiz_attempts(cohort.facilitator, quiz))
    by_title = {row.item.question.title: row for row in figures.items}
    assert by_title["Fixed question"].item.attempts == 8
    assert {title: row.item.attempts for title, row in by_title.items()} == shown
    assert sum(shown.values()) == 8 * 3
    for title, row in by_title.items():
        assert row.stats.count == shown[title]  # item analysis over the attempts that drew it
    assert [item.question.title for item in results.quiz_question_families(quiz)][0] == "Fixed question"


# --- the draw itself (pure) -----------------------------------------------------------------------


def test_shortfalls_check_nested_pools_together():
    inner = frozenset({1, 2})
    outer = frozenset({1, 2, 3, 4})
    assert draw.shortfalls([draw.Draw(2, inner), draw.Draw(2, outer)]) == []
    assert draw.shortfalls([draw.Draw(2, inner), draw.Draw(3, outer)]) == [draw.Shortfall(index=1, needed=5, available=4)]
    assert draw.shortfalls([draw.Draw(3, inner)]) == [draw.Shortfall(index=0, needed=3, available=2)]


@st.composite
def nested_draws(draw_):
    """Pools cut from a small category tree (with or without subcategories), and counts."""
    own = {name: frozenset(range(start, start + draw_(st.integers(0, 4)))) for name, start in (("a", 0), ("b", 10), ("c", 20), ("d", 30))}
    subtree = {"a": own["a"] | own["b"] | own["c"], "b": own["b"] | own["c"], "c": own["c"], "d": own["d"]}
    draws = []
    for _ in range(draw_(st.integers(1, 4))):
        name = draw_(st.sampled_from("abcd"))
        pool = subtree[name] if draw_(st.booleans()) else own[name]
        draws.append(draw.Draw(draw_(st.integers(0, 4)), pool))
    return draws


@given(nested_draws(), st.integers(0, 2**32))
def test_a_draw_that_passes_the_check_never_runs_short(draws, seed):
    if draw.shortfalls(draws):
        with pytest.raises(ValueError):
            draw.draw(draws, random.Random(seed))
        return
    chosen = draw.draw(draws, random.Random(seed))
    flat = [question for picks in chosen for question in picks]
    assert len(flat) == len(set(flat))
    for spec, picks in zip(draws, chosen, strict=True):
        assert len(picks) == spec.count and set(picks) <= spec.pool
    assert draw.draw(draws, random.Random(seed)) == chosen
