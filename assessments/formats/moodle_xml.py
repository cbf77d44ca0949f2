"""Moodle XML question files: read them into QuestionData and write QuestionData back.

Reading goes through defusedxml with DTDs refused, so no entity is ever expanded and no external
reference is ever fetched. Texts are kept as written (HTML is sanitised when it is saved), with
the surrounding white space trimmed. What a QuestionData has no place for is not read: embedded
files, units, hints, combined feedback, grader information, penalty, shuffling.

This module reads and writes what every question has (name, text, general feedback, mark,
category); the registry (``assessments.types.registry.moodle_type``) says which type reads a
``<question type="…">``, and that type reads and writes its answers with the helpers below.
"""

import re
from collections.abc import Iterable
from xml.etree.ElementTree import (  # noqa: S405 - building only; reading goes through defusedxml
    Element,
    SubElement,
    indent,
    tostring,
)

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext

from assessments.types import registry

from .checks import problems
from .common import (
    DEFAULT_MAX_BYTES,
    Problem,
    default_title,
    format_number,
    join_category_path,
    parse_number,
    parse_percent,
    size_error,
    split_category_path,
    strip_nul,
)
from .model import ImportResult, QuestionData

_ = gettext

__all__ = ["parse_moodle_xml", "export_moodle_xml"]

_FORMATS_IN = {
    "html": "html",
    "markdown": "markdown",
    "plain_text": "plain",
    "moodle_auto_format": "moodle",
}
_FORMATS_OUT = {"html": "html", "markdown": "markdown", "plain": "plain_text", "moodle": "moodle_auto_format"}
# Not a question: the <question type="category"> entry files the questions after it.
_CATEGORY = "category"
# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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
        xml_type = (element.get("type") or "").strip()
        if xml_type == _CATEGORY:
            category = split_category_path(text_of(element, "category"))
            continue
        position += 1
        name = text_of(element, "name")
        try:
            question = _read_question(element, xml_type, name, position, category)
        except Problem as problem:
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


def format_in(value: str | None) -> str:
    """Our name for a Moodle format attribute (absent means HTML; unknown ones read as plain)."""
    return _FORMATS_IN.get(value or "html", "plain")


def text_of(element: Element | None, path: str = "") -> str:
    """The trimmed text of path/text under element, or of element's own <text>; "" if absent."""
    if element is None:
        return ""
    node = element.find(f"{path}/text" if path else "text")
    if node is None:
        return ""
    return strip_nul("".join(node.itertext())).strip()


def _read_question(
    element: Element, xml_type: str, name: str, position: int, category: tuple[str, ...]
) -> QuestionData:
    question_type = registry.moodle_type(xml_type, element)
    if question_type is None:
        raise Problem(
            _("Questions of type “%(type)s” cannot be imported.") % {"type": xml_type or "?"}
        )
    text = element.find("questiontext")
    stem_format = format_in(text.get("format") if text is not None else None)
    stem = text_of(text)
    question = QuestionData(
        kind=question_type.name,
        title=name
        or default_title(stem, stem_format)
        or _("Question %(position)s") % {"position": position},
        stem=stem,
        stem_format=stem_format,
        default_mark=_default_mark(element),
        general_feedback=text_of(element, "generalfeedback"),
        category=category,
    )
    question_type.read_xml(question, element)
    return question


def _default_mark(element: Element) -> float:
    text = element.findtext("defaultgrade")
    if text is None or not text.strip():
        return 1.0
    try:
        return parse_number(text)
    except ValueError:
        raise Problem(_("The mark “%(mark)s” is not a number.") % {"mark": text.strip()}) from None


def fraction_of(answer: Element, number: int) -> float:
    """The weight of an <answer> (its fraction attribute, in percent) as a share of the mark."""
    text = answer.get("fraction") or "0"
    try:
        return parse_percent(text)
    except ValueError:
        raise Problem(
            _("Answer %(number)s has the weight “%(weight)s”, which is not a number.")
            % {"number": number, "weight": text}
        ) from None


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
            entry = SubElement(root, "question", type=_CATEGORY)
            add_text(entry, "category", join_category_path(category, context="$course$"))
        _write_question(root, question)
    indent(root)
    return tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def clean(text: str) -> str:
    """Text that XML 1.0 can carry, with Unix line ends."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def add_text(parent: Element, tag: str, text: str, text_format: str | None = None) -> Element:
    """<tag format="…"><text>text</text></tag> under parent."""
    element = SubElement(parent, tag)
    if text_format:
        element.set("format", text_format)
    SubElement(element, "text").text = clean(text)
    return element


def add_value(parent: Element, tag: str, value: str) -> Element:
    """<tag>value</tag> under parent, for a setting such as <single>true</single>."""
    element = SubElement(parent, tag)
    element.text = value
    return element


def _write_question(root: Element, question: QuestionData) -> None:
    text_format = _FORMATS_OUT.get(question.stem_format, "html")
    question_type = registry.syntax(question.kind)
    xml_type = question_type.moodle_type if question_type and question_type.moodle_type else str(question.kind)
    element = SubElement(root, "question", type=xml_type)
    add_text(element, "name", question.title)
    add_text(element, "questiontext", question.stem, text_format)
    add_text(element, "generalfeedback", question.general_feedback, text_format)
    SubElement(element, "defaultgrade").text = format_number(question.default_mark)
    if question_type is not None:
        question_type.write_xml(element, question, text_format)


def add_answer(
    parent: Element, text: str, fraction: str, feedback: str, text_format: str, *, plain=False
) -> Element:
    """An <answer>; plain ones (true/false, short answers, numbers) are never rich text."""
    answer_format = "moodle_auto_format" if plain else text_format
    answer = SubElement(parent, "answer", fraction=fraction, format=answer_format)
    SubElement(answer, "text").text = clean(text)
    add_text(answer, "feedback", feedback, text_format)
    return answer
