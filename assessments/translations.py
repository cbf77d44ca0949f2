"""A question in another language: which texts a translator writes, and the question as read in it.

Only texts are translated: the stem, the general feedback and each option's words and feedback
(as the type names them, ``QuestionType.translatable_options``). The key is the source's, so
marks, results and item analysis are the same in every language. A short-answer question is the
one exception that touches grading: an accepted answer is words in a language, so its translated
accepted answers are accepted too, with the same credit (numbers are never translated).

The bank is written in the site's default language (``settings.LANGUAGE_CODE``): a text with no
translation is shown in it, marked as such. An out-of-date translation (made from an older
version) is still used until a translator updates it: option ids survive new versions, a new
option falls back to the source text, and switching a trainee's quiz to another language halfway
would be worse than a wording a version behind; the bank flags it for the translators.

Pure functions: the reads are in ``selectors``, the writes in ``bank``.
"""

import copy

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from assessments.formats.html import ALLOWED_TAGS
from assessments.types import registry

# Longest translated stem or general feedback (HTML), far above any real question.
RICH_TEXT_LIMIT = 20_000


# Rich text as the editor stores it (Wagtail's internal links included), and nothing else.
RICH_TEXT_ATTRIBUTES = {"a": {"href", "linktype", "id"}, "p": {"data-block-key"}, "li": {"data-block-key"}}


def sanitise(markup: str) -> str:
    return nh3.clean(markup, tags=ALLOWED_TAGS, attributes=RICH_TEXT_ATTRIBUTES, link_rel="noopener noreferrer")


def source_language() -> str:
    """The language the bank is written in."""
    return settings.LANGUAGE_CODE


def translation_languages() -> list[tuple[str, str]]:
    """The languages a question may be translated into: the site's, but the bank's own."""
    return [(code, name) for code, name in settings.LANGUAGES if code != source_language()]


def translatable_texts(question) -> dict:
    """The source texts a translator writes again: stem, general feedback, options by id."""
    question = question.get_real_instance()
    return {
        "stem": question.stem,
        "general_feedback": question.general_feedback,
        "options": registry.for_question(question).translatable_options(question),
    }


def check_translation(question, *, stem: str, general_feedback: str, options) -> list[str]:
    """What stops these texts from being saved as a translation of ``question``, in words.

    Option ids must be the current version's, parts those the type translates (an option left
    out keeps its source text), every text within the length its source field allows.
    """
    question = question.get_real_instance()
    question_type = registry.for_question(question)
    known = question_type.translatable_options(question)
    problems = []
    for label, text in ((_("The question"), stem), (_("The general feedback"), general_feedback)):
        if not isinstance(text, str):
            problems.append(_("%(field)s is not text.") % {"field": label})
        elif len(text) > RICH_TEXT_LIMIT:
            problems.append(
                _("%(field)s is longer than %(limit)s characters.") % {"field": label, "limit": f"{RICH_TEXT_LIMIT:,}"}
            )
    if not isinstance(options, dict):
        return [*problems, _("The answers' texts are not in the expected form.")]
    unknown = sorted(str(option_id) for option_id in options if option_id not in known)
    if unknown:
        problems.append(
            _("These answers are not in the current version of the question: %(ids)s. Reload the page and translate again.")
            % {"ids": ", ".join(unknown)}
        )
    for option_id, parts in options.items():
        if option_id not in known:
            continue
        if not isinstance(parts, dict):
            problems.append(_("The texts of answer %(id)s are not in the expected form.") % {"id": option_id})
            continue
        number = list(known).index(option_id) + 1
        for part, text in parts.items():
            if part not in known[option_id]:
                problems.append(_("Answer %(number)s has no text “%(part)s” to translate.") % {"number": number, "part": part})
            elif not isinstance(text, str):
                problems.append(_("Answer %(number)s: the translation is not text.") % {"number": number})
            elif len(text) > question_type.translated_parts[part]:
                problems.append(
                    _("Answer %(number)s: the translation is longer than %(limit)s characters.")
                    % {"number": number, "limit": question_type.translated_parts[part]}
                )
    return problems


def clean_translation(*, stem: str, general_feedback: str, options: dict) -> dict:
    """Checked texts as stored: rich text sanitised, plain texts trimmed, empty ones left out."""
    cleaned = {}
    for option_id, parts in options.items():
        texts = {part: text.strip() for part, text in parts.items() if text.strip()}
        if texts:
            cleaned[option_id] = texts
    return {
        "stem": sanitise(stem) if strip_tags(stem).strip() else "",
        "general_feedback": sanitise(general_feedback) if strip_tags(general_feedback).strip() else "",
        "options": cleaned,
    }


def localise(question, translation):
    """``question`` as read in the translation's language: an unsaved copy with the translated
    texts (the source's where a text is not translated), or the question itself without one."""
    question = question.get_real_instance()
    if translation is None:
        return question
    local = copy.copy(question)
    local.stem = translation.stem or question.stem
    local.general_feedback = translation.general_feedback or question.general_feedback
    registry.for_question(question).apply_translation(local, translation.options or {})
    local.language = translation.language
    return local


def changed_since(translation, question) -> dict:
    """Which source texts changed since the translation was made: {"stem": old text, ...,
    "options": {id: {part: old text}}}; new texts (nothing to compare with) are not listed."""
    if translation is None or not translation.source_texts:
        return {"options": {}}
    before, now = translation.source_texts, translatable_texts(question)
    changed = {key: before.get(key, "") for key in ("stem", "general_feedback") if before.get(key, "") != now[key]}
    changed["options"] = {}
    for option_id, parts in now["options"].items():
        old = before.get("options", {}).get(option_id)
        if old is None:
            continue
        diff = {part: old.get(part, "") for part, text in parts.items() if old.get(part, "") != text}
        if diff:
            changed["options"][option_id] = diff
    return changed
