"""Question bank actions: versions on edit, duplicates, moves, translations."""

import dataclasses
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from assessments import importing, translations
from assessments.formats import parse_gift
from assessments.formats.model import QuestionData
from assessments.models import Answer, Question, QuestionCategory, QuestionTranslation
from assessments.types import registry


class TranslationRefused(Exception):
    """The texts cannot be saved as a translation; ``problems`` says why, in words."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


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


@transaction.atomic
def save_translation(*, question: Question, language: str, stem: str, general_feedback: str, options: dict, by=None) -> QuestionTranslation:
    """Write the translation of a question family into ``language``, made from its current version.

    Preconditions: ``language`` is one the question may be translated into; the texts pass
    ``translations.check_translation`` against the current version (else TranslationRefused,
    nothing saved). Only texts are stored: the key stays the source's.
    """
    current = Question.objects.select_for_update().filter(family=question.family, is_current=True).first()
    if current is None:
        raise TranslationRefused([_("This question no longer exists.")])
    if language not in dict(translations.translation_languages()):
        raise TranslationRefused([_("Questions cannot be translated into this language.")])
    current = current.get_real_instance()
    problems = translations.check_translation(current, stem=stem, general_feedback=general_feedback, options=options)
    if problems:
        raise TranslationRefused(problems)
    texts = translations.clean_translation(stem=stem, general_feedback=general_feedback, options=options)
    translation, _created = QuestionTranslation.objects.update_or_create(
        family=current.family,
        language=language,
        defaults={**texts, "source_version": current.version, "source_texts": translations.translatable_texts(current), "translated_by": by},
    )
    return translation


@dataclass
class TranslationImport:
    """What importing a translated bank did: the translations written and, in words, what was skipped."""

    saved: list[QuestionTranslation] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)


@transaction.atomic
def import_gift_translation(text: str, *, language: str, questions, by=None) -> TranslationImport:
    """Read a GIFT bank written in ``language`` as translations of ``questions`` (source questions,
    e.g. a quiz's): each matched by name (the ``::title::``), its options by position.

    A translated question of another type, or with another number of options, is skipped and
    named in ``problems``; so is a name that matches no source question. A file that does not
    parse saves nothing.
    """
    result = TranslationImport()
    parsed = parse_gift(text)
    if parsed.errors:
        result.problems.extend(parsed.errors)
        return result
    by_title = {}
    for question in questions:
        current = Question.objects.filter(family=question.family, is_current=True).first() or question
        by_title[current.title] = current.get_real_instance()
    category = QuestionCategory(name="-")  # the unsaved questions built to read the texts need one
    for data in parsed.questions:
        source = by_title.get(data.title)
        if source is None:
            result.problems.append(_("“%(title)s” matches no source question.") % {"title": data.title})
            continue
        if data.kind != source.kind:
            result.problems.append(_("“%(title)s” is not of the same type as the source question.") % {"title": data.title})
            continue
        built = importing.build(data, category=category)
        built_options = list(registry.for_model(type(built)).translatable_options(built).values())
        source_ids = list(registry.for_question(source).translatable_options(source))
        if len(built_options) != len(source_ids):
            result.problems.append(
                _("“%(title)s” has %(found)s answers to translate; the source question has %(expected)s.")
                % {"title": data.title, "found": len(built_options), "expected": len(source_ids)}
            )
            continue
        try:
            result.saved.append(
                save_translation(
                    question=source, language=language, stem=built.stem, general_feedback=built.general_feedback,
                    options=dict(zip(source_ids, built_options, strict=True)), by=by,
                )
            )
        except TranslationRefused as refused:
            result.problems.append(f"“{data.title}”: {refused}")
    return result
