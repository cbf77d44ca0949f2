"""Turn parsed questions (``assessments.formats``) into bank questions, and back for export."""

import html
import json
import uuid
from decimal import Decimal

import nh3
from django.db import transaction

from assessments import models
from assessments.formats.model import Choice, MatchPair, NumericAnswer, QuestionData, TextAnswer

# What a question's stem may keep from imported HTML; everything else (scripts, styles,
# event handlers, images from elsewhere) is dropped.
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a", "code", "sub", "sup"}


def to_html(text: str, text_format: str) -> str:
    """Rich text for Wagtail from an imported text in its declared format."""
    if text_format == "html":
        return nh3.clean(text, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="noopener noreferrer")
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs) or "<p></p>"


def plain(text: str) -> str:
    """Option texts are plain text: strip markup from HTML-formatted imports."""
    return html.unescape(nh3.clean(text, tags=set())).strip()


def _stream(block_type: str, values) -> str:
    return json.dumps([{"type": block_type, "value": value, "id": str(uuid.uuid4())} for value in values])


def _percent(fraction: float) -> str:
    return str(Decimal(str(round(fraction * 100, 5))).normalize())


def build(data: QuestionData, *, category: models.QuestionCategory, by=None) -> models.Question:
    """An unsaved bank question of the right type for one parsed question."""
    common = {
        "category": category,
        "title": (data.title or plain(data.stem))[:255] or "Question",
        "stem": to_html(data.stem, data.stem_format),
        "default_mark": Decimal(str(data.default_mark)),
        "general_feedback": to_html(data.general_feedback, data.stem_format) if data.general_feedback else "",
        "created_by": by,
    }
    kind = data.kind
    if kind in ("single_choice", "multiple_response"):
        model = models.SingleChoiceQuestion if kind == "single_choice" else models.MultipleResponseQuestion
        choices = [{"text": plain(c.text), "fraction": _percent(c.fraction), "feedback": plain(c.feedback)} for c in data.choices]
        return model(choices=_stream("choice", choices), **common)
    if kind == "true_false":
        return models.TrueFalseQuestion(
            correct_answer=bool(data.true_false),
            # GIFT gives feedback for a wrong and a right answer; store it by the answer given.
            feedback_true=plain(data.true_feedback),
            feedback_false=plain(data.false_feedback),
            **common,
        )
    if kind == "matching":
        pairs = [{"left": plain(p.left), "right": plain(p.right)} for p in data.pairs]
        return models.MatchingQuestion(pairs=_stream("pair", pairs), **common)
    if kind == "ordering":
        return models.OrderingQuestion(items=_stream("item", [plain(c.text) for c in data.choices]), **common)
    if kind == "short_answer":
        answers = [{"text": plain(a.text), "fraction": _percent(a.fraction), "feedback": plain(a.feedback)} for a in data.answers]
        return models.ShortAnswerQuestion(answers=_stream("answer", answers), **common)
    if kind == "numerical":
        def number(value):
            return None if value is None else str(value)

        answers = [
            {
                "value": number(a.value), "tolerance": number(a.tolerance), "low": number(a.low), "high": number(a.high),
                "fraction": _percent(a.fraction), "feedback": plain(a.feedback),
            }
            for a in data.numeric
        ]
        return models.NumericalQuestion(answers=_stream("answer", answers), **common)
    if kind == "essay":
        return models.EssayQuestion(**common)
    raise ValueError(f"unsupported question type {kind!r}")


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
        data.choices = [Choice(question.option_label(c["id"]), c["fraction"], c["feedback"]) for c in spec["choices"]]
    elif question.kind == "true_false":
        data.true_false = spec["correct"]
        data.true_feedback = spec["feedback_true"]
        data.false_feedback = spec["feedback_false"]
    elif question.kind == "matching":
        data.pairs = [MatchPair(p["left"], p["right"]) for p in spec["pairs"]]
    elif question.kind == "ordering":
        data.choices = [Choice(question.option_label(i), 1.0) for i in spec["items"]]
    elif question.kind == "short_answer":
        data.answers = [TextAnswer(a["text"], a["fraction"], a["feedback"]) for a in spec["answers"]]
    elif question.kind == "numerical":
        data.numeric = [
            NumericAnswer(a["value"], a["tolerance"], a["low"], a["high"], a["fraction"], a["feedback"]) for a in spec["answers"]
        ]
    return data
