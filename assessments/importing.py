"""Turn parsed questions (``assessments.formats``) into bank questions, and back for export."""

import json
import uuid
from decimal import Decimal

from django.db import transaction

from assessments import models
from assessments.formats.html import ALLOWED_TAGS, to_html, to_plain
from assessments.formats.model import Choice, MatchPair, NumericAnswer, QuestionData, TextAnswer

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
    kind = data.kind
    fmt = data.stem_format  # answers and feedback are written in the question's format
    if kind in ("single_choice", "multiple_response"):
        model = models.SingleChoiceQuestion if kind == "single_choice" else models.MultipleResponseQuestion
        choices = [{"text": plain(c.text, fmt), "fraction": _percent(c.fraction), "feedback": plain(c.feedback, fmt)} for c in data.choices]
        return model(choices=_stream("choice", choices), **common)
    if kind == "true_false":
        return models.TrueFalseQuestion(
            correct_answer=bool(data.true_false),
            # GIFT gives feedback for a wrong and a right answer; store it by the answer given.
            feedback_true=plain(data.true_feedback, fmt),
            feedback_false=plain(data.false_feedback, fmt),
            **common,
        )
    if kind == "matching":
        pairs = [{"left": plain(p.left, fmt), "right": plain(p.right, fmt)} for p in data.pairs]
        return models.MatchingQuestion(pairs=_stream("pair", pairs), **common)
    if kind == "ordering":
        return models.OrderingQuestion(items=_stream("item", [plain(c.text, fmt) for c in data.choices]), **common)
    if kind == "short_answer":
        answers = [{"text": plain(a.text), "fraction": _percent(a.fraction), "feedback": plain(a.feedback, fmt)} for a in data.answers]
        return models.ShortAnswerQuestion(answers=_stream("answer", answers), **common)
    if kind == "numerical":
        def number(value):
            return None if value is None else str(value)

        answers = [
            {
                "value": number(a.value), "tolerance": number(a.tolerance), "low": number(a.low), "high": number(a.high),
                "fraction": _percent(a.fraction), "feedback": plain(a.feedback, fmt),
            }
            for a in data.numeric
        ]
        return models.NumericalQuestion(answers=_stream("answer", answers), **common)
    if kind == "essay":
        return models.EssayQuestion(**common)
    raise ValueError(f"unsupported question type {kind!r}")


def preview_rows(questions: list[QuestionData]) -> list[dict]:
    """What the import preview lists for each question: its type in words and its answers."""
    labels = {model.kind: model._meta.verbose_name for model in models.QUESTION_TYPES}
    return [
        {
            "question": data,
            "type_label": labels.get(data.kind, data.kind),
            "answers": len(data.choices) + len(data.pairs) + len(data.answers) + len(data.numeric)
            + (2 if data.true_false is not None else 0),
        }
        for data in questions
    ]


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
    spec = question.grading_spec()
    if question.kind in ("single_choice", "multiple_response"):
        data.single = question.kind == "single_choice"
        data.choices = [Choice(v["text"], _fraction(v["fraction"]), v["feedback"]) for v in (child.value for child in question.choices)]
    elif question.kind == "true_false":
        data.true_false = spec["correct"]
        data.true_feedback = spec["feedback_true"]
        data.false_feedback = spec["feedback_false"]
    elif question.kind == "matching":
        data.pairs = [MatchPair(p["left"], p["right"]) for p in spec["pairs"]]
    elif question.kind == "ordering":
        data.choices = [Choice(question.option_label(i), 1.0) for i in spec["items"]]
    elif question.kind == "short_answer":
        data.answers = [TextAnswer(v["text"], _fraction(v["fraction"]), v["feedback"]) for v in (c.value for c in question.answers)]
    elif question.kind == "numerical":
        data.numeric = [
            NumericAnswer(a["value"], a["tolerance"], a["low"], a["high"], _fraction(v["fraction"]), a["feedback"])
            for a, v in zip(spec["answers"], (c.value for c in question.answers), strict=True)
        ]
    return data
