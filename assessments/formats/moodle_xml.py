"""Moodle XML question files: read them into QuestionData and write QuestionData back.

Reading goes through defusedxml with DTDs refused, so no entity is ever expanded and no external
reference is ever fetched. Texts are kept as written (HTML is sanitised when it is saved), with
the surrounding white space trimmed. What a QuestionData has no place for is not read: embedded
files, units, hints, combined feedback, grader information, penalty, shuffling.
"""

import re
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import (  # noqa: S405 - building only; reading goes through defusedxml
    Element,
    SubElement,
    indent,
    tostring,
)

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext

from .checks import problems
from .common import (
    DEFAULT_MAX_BYTES,
    default_title,
    format_number,
    format_percent,
    join_category_path,
    parse_number,
    parse_percent,
    size_error,
    split_category_path,
    strip_nul,
)
from .model import (
    Choice,
    ImportResult,
    Kind,
    MatchPair,
    NumericAnswer,
    QuestionData,
    TextAnswer,
    syntax_of,
)

_ = gettext

__all__ = ["parse_moodle_xml", "export_moodle_xml"]

_FORMATS_IN = {
    "html": "html",
    "markdown": "markdown",
    "plain_text": "plain",
    "moodle_auto_format": "moodle",
}
_FORMATS_OUT = {"html": "html", "markdown": "markdown", "plain": "plain_text", "moodle": "moodle_auto_format"}
_TYPES_IN = {
    "multichoice": None,  # single or multiple, from <single>
    "truefalse": Kind.TRUE_FALSE,
    "shortanswer": Kind.SHORT_ANSWER,
    "numerical": Kind.NUMERICAL,
    "matching": Kind.MATCHING,
    "essay": Kind.ESSAY,
    "ordering": Kind.ORDERING,
}
_TYPES_OUT = {
    Kind.SINGLE_CHOICE: "multichoice",
    Kind.MULTIPLE_RESPONSE: "multichoice",
    Kind.TRUE_FALSE: "truefalse",
    Kind.SHORT_ANSWER: "shortanswer",
    Kind.NUMERICAL: "numerical",
    Kind.MATCHING: "matching",
    Kind.ESSAY: "essay",
    Kind.ORDERING: "ordering",
}
# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Problem(Exception):
    """A question cannot be read; the message is for the trainer."""


def parse_moodle_xml(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportResult:
    """Read a Moodle XML question file; every problem names its question by position and name."""
    result = ImportResult()
    too_large = size_error(data, max_bytes)
    if too_large:
        result.errors.append(too_large)
        return result
    if isinstance(data, bytes) and b"\x00" not in data[:4]:
        data = data.replace(b"\x00", b"")  # UTF-8 has no NUL byte but U+0000 itself
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        result.errors.append(
            _(
                "The file declares a document type or entities. Such files are refused: they can "
                "make the server read its own files or run out of memory. Export the questions "
                "from Moodle again."
            )
        )
        return result
    except (ParseError, ValueError, LookupError) as exc:
        result.errors.append(_("The file is not readable XML (%(reason)s).") % {"reason": exc})
        return result
    if root.tag != "quiz":
        result.errors.append(
            _("This is not a Moodle XML question file: it starts with <%(tag)s> instead of <quiz>.")
            % {"tag": root.tag}
        )
        return result

    category: tuple[str, ...] = ()
    position = 0
    for element in root.findall("question"):
        kind = (element.get("type") or "").strip()
        if kind == "category":
            category = split_category_path(_text(element, "category"))
            continue
        position += 1
        name = _text(element, "name")
        try:
            question = _read_question(element, kind, name, position, category)
        except _Problem as problem:
            result.errors.append(_about(position, name, str(problem)))
            continue
        found = problems(question)
        if found:
            result.errors.extend(_about(position, name, message) for message in found)
        else:
            result.questions.append(question)
    if not position:
        result.errors.append(_("No question found in the file."))
    return result


def _about(position: int, name: str, message: str) -> str:
    if name:
        return _("Question %(position)s (“%(name)s”): %(message)s") % {
            "position": position,
            "name": name,
            "message": message,
        }
    return _("Question %(position)s: %(message)s") % {"position": position, "message": message}


def _text(element: Element | None, path: str = "") -> str:
    """The trimmed text of path/text under element, or of element's own <text>; "" if absent."""
    if element is None:
        return ""
    node = element.find(f"{path}/text" if path else "text")
    if node is None:
        return ""
    return strip_nul("".join(node.itertext())).strip()


def _read_question(
    element: Element, kind: str, name: str, position: int, category: tuple[str, ...]
) -> QuestionData:
    if kind not in _TYPES_IN:
        raise _Problem(
            _("Questions of type “%(type)s” cannot be imported.") % {"type": kind or "?"}
        )
    text = element.find("questiontext")
    stem_format = _FORMATS_IN.get(
        (text.get("format") or "html") if text is not None else "html", "plain"
    )
    stem = _text(text)
    question = QuestionData(
        kind=_TYPES_IN[kind] or Kind.SINGLE_CHOICE,
        title=name
        or default_title(stem, stem_format)
        or _("Question %(position)s") % {"position": position},
        stem=stem,
        stem_format=stem_format,
        default_mark=_default_mark(element),
        general_feedback=_text(element, "generalfeedback"),
        category=category,
    )
    _READERS[kind](question, element)
    return question


def _default_mark(element: Element) -> float:
    text = element.findtext("defaultgrade")
    if text is None or not text.strip():
        return 1.0
    try:
        return parse_number(text)
    except ValueError:
        raise _Problem(_("The mark “%(mark)s” is not a number.") % {"mark": text.strip()}) from None


def _fraction(answer: Element, number: int) -> float:
    text = answer.get("fraction") or "0"
    try:
        return parse_percent(text)
    except ValueError:
        raise _Problem(
            _("Answer %(number)s has the weight “%(weight)s”, which is not a number.")
            % {"number": number, "weight": text}
        ) from None


def _read_multichoice(question: QuestionData, element: Element) -> None:
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    question.kind = Kind.SINGLE_CHOICE if single else Kind.MULTIPLE_RESPONSE
    question.single = single
    for number, answer in enumerate(element.findall("answer"), 1):
        question.choices.append(
            Choice(
                text=_text(answer),
                fraction=_fraction(answer, number),
                feedback=_text(answer, "feedback"),
            )
        )


def _read_true_false(question: QuestionData, element: Element) -> None:
    answers = element.findall("answer")
    true = false = None
    for number, answer in enumerate(answers, 1):
        word = _text(answer).lower()
        if word not in ("true", "false"):  # old files: true first, then false, as Moodle assumes
            word = "true" if number == 1 else "false"
        if word == "true":
            true = answer
        else:
            false = answer
    if true is not None:
        question.true_false = _fraction(true, 1) == 1
        question.true_feedback = _text(true, "feedback")
    if false is not None:
        if true is None:
            question.true_false = _fraction(false, 2) != 1
        question.false_feedback = _text(false, "feedback")


def _read_short_answer(question: QuestionData, element: Element) -> None:
    for number, answer in enumerate(element.findall("answer"), 1):
        question.answers.append(
            TextAnswer(
                text=_text(answer),
                fraction=_fraction(answer, number),
                feedback=_text(answer, "feedback"),
            )
        )


def _read_numerical(question: QuestionData, element: Element) -> None:
    for number, answer in enumerate(element.findall("answer"), 1):
        value = _text(answer)
        tolerance = (answer.findtext("tolerance") or "0").strip() or "0"
        fraction = _fraction(answer, number)
        feedback = _text(answer, "feedback")
        if value == "*":
            question.numeric.append(NumericAnswer(value=None, fraction=fraction, feedback=feedback))
            continue
        try:
            question.numeric.append(
                NumericAnswer(
                    value=parse_number(value),
                    tolerance=parse_number(tolerance),
                    fraction=fraction,
                    feedback=feedback,
                )
            )
        except ValueError:
            raise _Problem(
                _("Answer %(number)s (“%(value)s” ± “%(tolerance)s”) is not a number.")
                % {"number": number, "value": value, "tolerance": tolerance}
            ) from None


def _read_matching(question: QuestionData, element: Element) -> None:
    for sub in element.findall("subquestion"):
        question.pairs.append(MatchPair(left=_text(sub), right=_text(sub, "answer")))


def _read_essay(question: QuestionData, element: Element) -> None:
    """Nothing beyond the common parts: an essay has no answers."""


def _read_ordering(question: QuestionData, element: Element) -> None:
    # Moodle keeps each item's place in the right order in its fraction; sorting is stable, so
    # files that leave them all equal keep the order they are written in.
    items = []
    for number, answer in enumerate(element.findall("answer"), 1):
        item = Choice(text=_text(answer), fraction=1.0, feedback=_text(answer, "feedback"))
        items.append((_fraction(answer, number), item))
    question.choices = [choice for _place, choice in sorted(items, key=lambda item: item[0])]


_READERS: dict[str, Callable[[QuestionData, Element], None]] = {
    "multichoice": _read_multichoice,
    "truefalse": _read_true_false,
    "shortanswer": _read_short_answer,
    "numerical": _read_numerical,
    "matching": _read_matching,
    "essay": _read_essay,
    "ordering": _read_ordering,
}


# Writing


def export_moodle_xml(questions: Iterable[QuestionData]) -> bytes:
    """A Moodle XML file (UTF-8) for the questions, with a category entry wherever it changes.

    Moodle XML has no numeric ranges: low..high is written as its midpoint ± half its width.
    """
    root = Element("quiz")
    category: tuple[str, ...] | None = None
    for question in questions:
        if tuple(question.category) != category:
            category = tuple(question.category)
            entry = SubElement(root, "question", type="category")
            _add_text(entry, "category", join_category_path(category, context="$course$"))
        _write_question(root, question)
    indent(root)
    return tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _add_text(parent: Element, tag: str, text: str, text_format: str | None = None) -> Element:
    element = SubElement(parent, tag)
    if text_format:
        element.set("format", text_format)
    SubElement(element, "text").text = _clean(text)
    return element


def _write_question(root: Element, question: QuestionData) -> None:
    text_format = _FORMATS_OUT.get(question.stem_format, "html")
    element = SubElement(root, "question", type=_TYPES_OUT.get(syntax_of(question.kind), str(question.kind)))
    _add_text(element, "name", question.title)
    _add_text(element, "questiontext", question.stem, text_format)
    _add_text(element, "generalfeedback", question.general_feedback, text_format)
    SubElement(element, "defaultgrade").text = format_number(question.default_mark)
    writer = _WRITERS.get(syntax_of(question.kind))
    if writer:
        writer(element, question, text_format)


def _add_answer(
    parent: Element, text: str, fraction: str, feedback: str, text_format: str, *, plain=False
) -> Element:
    """An <answer>; plain ones (true/false, short answers, numbers) are never rich text."""
    answer_format = "moodle_auto_format" if plain else text_format
    answer = SubElement(parent, "answer", fraction=fraction, format=answer_format)
    SubElement(answer, "text").text = _clean(text)
    _add_text(answer, "feedback", feedback, text_format)
    return answer


def _write_choices(element: Element, question: QuestionData, text_format: str) -> None:
    SubElement(element, "single").text = "true" if syntax_of(question.kind) == Kind.SINGLE_CHOICE else "false"
    SubElement(element, "shuffleanswers").text = "true"
    SubElement(element, "answernumbering").text = "abc"
    for choice in question.choices:
        _add_answer(
            element, choice.text, format_percent(choice.fraction), choice.feedback, text_format
        )


def _write_true_false(element: Element, question: QuestionData, text_format: str) -> None:
    right = bool(question.true_false)
    _add_answer(
        element, "true", "100" if right else "0", question.true_feedback, text_format, plain=True
    )
    _add_answer(
        element, "false", "0" if right else "100", question.false_feedback, text_format, plain=True
    )


def _write_short_answer(element: Element, question: QuestionData, text_format: str) -> None:
    SubElement(element, "usecase").text = "0"
    for answer in question.answers:
        fraction = format_percent(answer.fraction)
        _add_answer(element, answer.text, fraction, answer.feedback, text_format, plain=True)


def _write_numerical(element: Element, question: QuestionData, text_format: str) -> None:
    for answer in question.numeric:
        if answer.value is not None:
            value, tolerance = format_number(answer.value), format_number(answer.tolerance)
        elif answer.low is not None and answer.high is not None:
            middle = (answer.low + answer.high) / 2
            value, tolerance = format_number(middle), format_number(answer.high - middle)
        else:
            value, tolerance = "*", "0"
        fraction = format_percent(answer.fraction)
        written = _add_answer(element, value, fraction, answer.feedback, text_format, plain=True)
        SubElement(written, "tolerance").text = tolerance


def _write_matching(element: Element, question: QuestionData, text_format: str) -> None:
    SubElement(element, "shuffleanswers").text = "true"
    for pair in question.pairs:
        sub = _add_text(element, "subquestion", pair.left, text_format)
        SubElement(SubElement(sub, "answer"), "text").text = _clean(pair.right)


def _write_essay(element: Element, question: QuestionData, text_format: str) -> None:
    SubElement(element, "responseformat").text = "editor"
    SubElement(element, "responserequired").text = "1"
    SubElement(element, "responsefieldlines").text = "15"
    SubElement(element, "attachments").text = "0"
    _add_text(element, "graderinfo", "", text_format)
    _add_text(element, "responsetemplate", "", text_format)


def _write_ordering(element: Element, question: QuestionData, text_format: str) -> None:
    SubElement(element, "layouttype").text = "VERTICAL"
    SubElement(element, "selecttype").text = "ALL"
    SubElement(element, "selectcount").text = "0"
    SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"
    for place, item in enumerate(question.choices, 1):
        _add_answer(element, item.text, str(place), item.feedback, text_format)


_WRITERS = {
    Kind.SINGLE_CHOICE: _write_choices,
    Kind.MULTIPLE_RESPONSE: _write_choices,
    Kind.TRUE_FALSE: _write_true_false,
    Kind.SHORT_ANSWER: _write_short_answer,
    Kind.NUMERICAL: _write_numerical,
    Kind.MATCHING: _write_matching,
    Kind.ESSAY: _write_essay,
    Kind.ORDERING: _write_ordering,
}
