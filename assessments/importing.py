"""Turn parsed questions (``assessments.formats``) into bank questions, and back for export."""

import json
import uuid
from decimal import Decimal

from django.db import transaction

from assessments import models
from assessments.formats.html import ALLOWED_TAGS, to_html, to_plain
from assessments.formats.model import QuestionData
from assessments.types import registry

__all__ = ["ALLOWED_TAGS", "build", "import_questions", "plain", "preview_rows", "to_data", "to_html"]


def plain(text: str, text_format: str = "html") -> str:
    """Option texts are plain text: strip the markup of formatted imports."""
    return to_plain(text, text_format)


def _stream(block_type: str, values) -> str:
    return json.dumps([{"type": block_type, "value": value, "id": str(uuid.uuid4())} for value in values])


def _percent(fraction: float) -> str:
    """0.3333333 -> "33.33333", 1.0 -> "100": as a trainer reads it in the edit form, never "1E+2"."""
    text = format(Decimal(str(round(fraction * 100, 5))).normalize(), "f")
    return "0" if text == "-0" else text


def _fraction(percent) -> float:
    """The stored "33.33333" (percent) as the fraction 0.3333333, without float noise."""
    return float(Decimal(str(percent)).scaleb(-2))


def build(data: QuestionData, *, category: models.QuestionCategory, by=None) -> models.Question:
    """An unsaved bank question of the right type for one parsed question."""
    common = {
        "category": category,
        "title": (data.title or plain(data.stem, data.stem_format))[:255] or "Question",
        "stem": to_html(data.stem, data.stem_format),
        "default_mark": Decimal(str(data.default_mark)),
        "general_feedback": to_html(data.general_feedback, data.stem_format) if data.general_feedback else "",
        "created_by": by,
    }
    question_type = registry.find(data.kind)
    if question_type is None:
        raise ValueError(f"unsupported question type {data.kind!r}")
    return question_type.from_data(data, common)


def preview_rows(questions: list[QuestionData]) -> list[dict]:
    """What the import preview lists for each question: its type in words and its answers."""
    rows = []
    for data in questions:
        question_type = registry.get(data.kind)
        rows.append({"question": data, "type_label": question_type.label, "answers": question_type.answer_count(data)})
    return rows


@transaction.atomic
def import_questions(questions: list[QuestionData], *, default_category: tuple[str, ...] = ("Imported",), by=None) -> list[models.Question]:
    """Create the categories and questions of a checked import, all or nothing."""
    created = []
    categories: dict[tuple, models.QuestionCategory] = {}
    for data in questions:
        path = tuple(data.category) or default_category
        if path not in categories:
            categories[path] = models.QuestionCategory.for_path(path)
        question = build(data, category=categories[path], by=by)
        question.save()
        created.append(question)
    return created


def to_data(question: models.Question, category_path: tuple[str, ...]) -> QuestionData:
    """A bank question as neutral data, for GIFT export."""
    question = question.get_real_instance()
    data = QuestionData(
        kind=question.kind,
        title=question.title,
        stem=question.stem,
        stem_format="html",
        default_mark=float(question.default_mark),
        general_feedback=question.general_feedback,
        category=category_path,
    )
    registry.for_question(question).to_data(question, data)
    return data
