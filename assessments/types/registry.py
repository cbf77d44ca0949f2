"""Which class knows each question type: its name (as files and forms spell it) and its model.

The built-in types are listed in ``BUILTIN``; ``AssessmentsConfig.ready`` imports them and each
module registers its class with ``@register``. Everything outside ``assessments/types`` asks
here and never branches on a type's name: the formats (GIFT, Moodle XML) ask which type reads a
block of answers or an XML question, and let that type read, write and check it.
"""

from enum import StrEnum
from importlib import import_module

BUILTIN = [
    "assessments.types.single_choice",
    "assessments.types.multiple_response",
    "assessments.types.true_false",
    "assessments.types.matching",
    "assessments.types.ordering",
    "assessments.types.short_answer",
    "assessments.types.numerical",
    "assessments.types.essay",
]


class Kind(StrEnum):
    """The built-in types' names, for code and tests that spell one out; members equal the strings."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    MATCHING = "matching"
    ESSAY = "essay"
    ORDERING = "ordering"


# GIFT names no type: the answers' syntax tells it. The types are tried in Moodle's order and the
# first whose ``gift_matches`` accepts the block wins, so each test may assume the earlier ones
# failed (nothing is an essay, "#" first is numerical, any "~" a choice, "=" with "->" matching,
# T or F true/false, anything else short answer). A type missing here has no GIFT syntax.
GIFT_ORDER = [
    Kind.ESSAY,
    Kind.NUMERICAL,
    Kind.SINGLE_CHOICE,
    Kind.MULTIPLE_RESPONSE,
    Kind.MATCHING,
    Kind.TRUE_FALSE,
    Kind.SHORT_ANSWER,
]

_BY_NAME: dict = {}
_BY_MODEL: dict = {}


def register(cls):
    """Class decorator: make a question type known by its name and by its model."""
    question_type = cls()
    if question_type.name in _BY_NAME and type(_BY_NAME[question_type.name]) is not cls:
        raise ValueError(f"question type {question_type.name!r} is already registered")
    _BY_NAME[question_type.name] = question_type
    _BY_MODEL[question_type.model] = question_type
    return cls


def unregister(name: str) -> None:
    """Forget a type (tests register and remove their own)."""
    question_type = _BY_NAME.pop(name, None)
    if question_type is not None and _BY_MODEL.get(question_type.model) is question_type:
        del _BY_MODEL[question_type.model]


def load_builtin() -> None:
    for module in BUILTIN:
        import_module(module)


def get(name: str):
    """The type of that name; KeyError for an unknown one."""
    return _BY_NAME[name]


def find(name: str):
    """The type of that name, or None."""
    return _BY_NAME.get(name)


def for_model(model):
    return _BY_MODEL[model]


def for_question(question):
    """The type of a bank question (a base Question row or its real subclass), without a query."""
    return _BY_MODEL[question.get_real_instance_class()]


def all_types() -> list:
    return list(_BY_NAME.values())


# --- The formats ask these --------------------------------------------------------------------


def syntax(name: str):
    """The type whose syntax reads, writes and checks questions of type ``name`` in the formats:
    the type itself, or the one named by its ``written_as``; None for an unknown name."""
    question_type = _BY_NAME.get(name)
    if question_type is None or not question_type.written_as:
        return question_type
    return _BY_NAME.get(question_type.written_as)


def is_carried(name: str) -> bool:
    """Whether the type rides on another's syntax (GIFT then names it in a ``// [type:name]`` hint)."""
    question_type = _BY_NAME.get(name)
    return bool(question_type and question_type.written_as)


def gift_type(block: str):
    """The type whose GIFT syntax the answers between the braces are written in, or None."""
    for name in GIFT_ORDER:
        question_type = _BY_NAME.get(name)
        if question_type is not None and question_type.gift_matches(block):
            return question_type
    return None


def hinted(hint: str | None, read_as: str) -> str:
    """The type a GIFT question is, given its ``// [type:name]`` hint and the syntax it was read
    with: the hinted type when it rides on that syntax; an unknown hint is only a comment."""
    question_type = _BY_NAME.get(hint) if hint else None
    if question_type is not None and question_type.written_as == read_as:
        return question_type.name
    return read_as


def moodle_type(xml_type: str, element):
    """The type that reads a Moodle XML question of that ``type`` attribute, or None."""
    for question_type in _BY_NAME.values():
        if not question_type.written_as and question_type.moodle_type == xml_type and question_type.xml_matches(element):
            return question_type
    return None
