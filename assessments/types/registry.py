"""Which class knows each question type: its name (as files and forms spell it) and its model.

The built-in types are listed in ``BUILTIN``; ``AssessmentsConfig.ready`` imports them and each
module registers its class with ``@register``. Everything outside ``assessments/types`` asks
here and never branches on a type's name.
"""

from importlib import import_module

from assessments.formats.model import register_variant, unregister_variant

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

_BY_NAME: dict = {}
_BY_MODEL: dict = {}


def register(cls):
    """Class decorator: make a question type known by its name and by its model."""
    question_type = cls()
    if question_type.name in _BY_NAME and type(_BY_NAME[question_type.name]) is not cls:
        raise ValueError(f"question type {question_type.name!r} is already registered")
    _BY_NAME[question_type.name] = question_type
    _BY_MODEL[question_type.model] = question_type
    if question_type.written_as:
        register_variant(question_type.name, written_as=question_type.written_as)
    return cls


def unregister(name: str) -> None:
    """Forget a type (tests register and remove their own)."""
    question_type = _BY_NAME.pop(name, None)
    if question_type is not None:
        _BY_MODEL.pop(question_type.model, None)
        unregister_variant(name)


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
