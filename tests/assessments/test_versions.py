"""Editing a question that was shown in an attempt creates a new version; attempts keep theirs."""

import pytest

from assessments import bank, services
from assessments.models import Question, SingleChoiceQuestion, TrueFalseQuestion
from courses import services as learning
from tests.factories import UserFactory, add_quiz, build_course, single_choice, true_false

pytestmark = pytest.mark.django_db


def test_editing_a_question_without_attempts_changes_it_in_place():
    question = true_false()
    question.title = "Reworded"
    saved = bank.save_edit(question)
    assert saved.pk == question.pk and Question.objects.count() == 1


def test_editing_a_question_with_attempts_creates_a_new_version_for_future_attempts():
    question = true_false(correct=False)
    course = build_course("Versions", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [question])
    trainee = UserFactory()
    enrolment = learning.enrol(trainee=trainee, course=course)
    old_attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    services.submit_attempt(attempt=old_attempt)

    edited = TrueFalseQuestion.objects.get(pk=question.pk)
    edited.stem = "<p>A child's consent changes nothing.</p>"
    edited.correct_answer = True
    new = bank.save_edit(edited)

    assert new.pk != question.pk and new.family == question.family and new.version == 2
    assert list(Question.objects.filter(family=question.family, is_current=True)) == [new]
    assert old_attempt.answers.get().question_id == question.pk  # the version it was shown
    second = UserFactory()
    new_attempt = services.start_attempt(quiz=quiz, trainee=second, enrolment=learning.enrol(trainee=second, course=course))
    assert new_attempt.answers.get().question_id == new.pk


def test_duplicate_has_its_own_identity():
    question = true_false()
    question.tags.add("children")
    copy = bank.duplicate(question)
    assert copy.family != question.family and copy.title.endswith("(copy)")
    assert list(copy.tags.names()) == ["children"]


def test_a_single_choice_question_with_attempts_gets_a_new_version_and_the_old_one_stays_intact():
    # Single choice sits two levels below Question (Question → ChoiceQuestion → SingleChoiceQuestion):
    # every level must get a new row, or the old version would be changed in place.
    question = single_choice()
    course = build_course("Versions", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [question])
    trainee = UserFactory()
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=learning.enrol(trainee=trainee, course=course))
    services.submit_attempt(attempt=attempt)

    edited = SingleChoiceQuestion.objects.get(pk=question.pk)
    edited.title = "Which is an indicator of trafficking?"
    new = bank.save_edit(edited)

    assert new.pk != question.pk and new.version == 2 and new.family == question.family
    old = SingleChoiceQuestion.objects.get(pk=question.pk)
    assert old.title == "Which is an indicator?" and old.version == 1 and not old.is_current
    assert SingleChoiceQuestion.objects.get(pk=new.pk).title == "Which is an indicator of trafficking?"
    assert attempt.answers.get().question_id == question.pk
