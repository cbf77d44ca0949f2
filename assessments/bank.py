"""Question bank actions: versions on edit, duplicates, moves."""

from django.db import transaction

from assessments.formats.model import QuestionData
from assessments.models import Answer, Question
from assessments.types import registry


def has_attempts(question: Question) -> bool:
    """Whether a trainee's attempt showed this version (an author's preview does not count)."""
    return Answer.objects.filter(question_id=question.pk, attempt__is_preview=False).exists()


def key_problems(question: Question) -> list[str]:
    """What the type's import check finds wrong with a (possibly unsaved) question, in words."""
    question_type = registry.for_model(type(question))
    data = QuestionData(
        kind=question_type.name,
        title=question.title,
        stem=question.stem,
        stem_format="html",
        default_mark=float(question.default_mark or 0),
    )
    question_type.to_data(question, data)
    return question_type.check(data)


def _as_new_row(question: Question) -> Question:
    # A multi-table (polymorphic) row: clear the links to every ancestor, not only the direct
    # parent (single choice → choice → question), so save() inserts new rows all the way up.
    question.pk = None
    question.id = None
    for model in [type(question), *question._meta.get_parent_list()]:
        for field in model._meta.parents.values():
            if field is not None:
                setattr(question, field.attname, None)
    question._state.adding = True
    return question


@transaction.atomic
def save_edit(question: Question, *, by=None) -> Question:
    """Save an edited question; once it has been shown in an attempt, as a new version instead.

    Attempts keep the version they were shown and graded on; quizzes use the new one from the
    next attempt. Correcting the key of past attempts is the separate regrade action.
    """
    if question.pk is None or not has_attempts(question):
        question.save()
        return question
    previous = Question.objects.select_for_update().get(pk=question.pk)
    Question.objects.filter(pk=previous.pk).update(is_current=False)
    question = _as_new_row(question)
    question.version = previous.version + 1
    question.is_current = True
    question.created_by = by
    question.save()
    return question


@transaction.atomic
def duplicate(question: Question, *, by=None) -> Question:
    """A copy with its own identity (a new family), e.g. to write a variant."""
    import uuid

    original = Question.objects.get(pk=question.pk)  # a fresh object: the copy must not alter the caller's
    tags = list(original.tags.names())
    copy = _as_new_row(original)
    copy.family = uuid.uuid4()
    copy.version = 1
    copy.is_current = True
    copy.title = f"{copy.title} (copy)"
    copy.created_by = by
    copy.save()
    copy.tags.set(tags)
    return copy
