"""GIFT, Moodle's plain-text question format: read a file into QuestionData and write it back.

Reading follows Moodle's own reader (question/format/gift), so that a file made for Moodle means
the same here:

- a question is a run of non-blank lines; lines starting with ``//`` are comments;
- ``$CATEGORY: a/b`` files the following questions under a/b (``$course$/`` and ``top/`` dropped);
- ``::title::`` then the text, with an optional ``[html]``, ``[markdown]`` or ``[plain]`` tag;
- the answers go between the first ``{`` and ``}``; inside the text, ``{…}`` becomes ``_____``;
- ``####text`` before the closing brace is the general feedback;
- ``\\~ \\= \\# \\{ \\} \\: \\\\`` are the characters themselves, ``\\n`` a line break.

The answers decide the type, in Moodle's order: nothing is an essay; ``#`` first is numerical;
any ``~`` is a choice question (one with ``=`` is single choice, one without is multiple
response); ``=`` with ``->`` is matching; ``T``, ``TRUE``, ``F`` or ``FALSE`` is true/false;
anything else is short answer. This module knows none of that: it takes a question apart and
asks the registry (``assessments.types.registry.gift_type``) which type the answers are written
in; that type reads them, and writes them back, with the helpers below.

``[moodle]`` is Moodle's auto-format (HTML allowed, line breaks kept). Moodle's ``// [id:…]`` and
``// [tag:…]`` lines are comments here, and a text without answers (a Moodle “description”)
is an error, not a question.

Two small departures from Moodle, both where Moodle would misread the text:
``\\>`` is ``>`` (the writer puts ``-\\>`` for a literal ``->``), and a ``=%50%`` weight is an
error rather than answer text starting with “%50%” (in Moodle ``=`` always means 100%).
"""

import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext

from assessments.types import registry

from .checks import problems
from .common import (
    DEFAULT_MAX_BYTES,
    Problem,
    default_title,
    format_percent,
    join_category_path,
    parse_percent,
    size_error,
    split_category_path,
    strip_nul,
)
from .model import ImportResult, QuestionData

_ = gettext

__all__ = ["parse_gift", "export_gift"]

# While a question is taken apart, each escaped character stands in for itself as a private-use
# character, so that splitting on ~ = # { } : never sees it. A private-use character that was
# already in the file is kept as U+E000 plus a hex digit, so nothing is lost.
_BASE = 0xE000
_ESCAPABLE = "\\~=#{}:>n"
_PLACEHOLDER = {char: chr(_BASE + 1 + index) for index, char in enumerate(_ESCAPABLE)}
_RESTORED = {held: ("\n" if char == "n" else char) for char, held in _PLACEHOLDER.items()}
_RESERVED = re.compile("[\ue000-\ue00f]")
_ESCAPE = re.compile(r"\\([\\~=#{}:>n])")
_HELD = re.compile("\ue000([0-9a-f])|[\ue001-\ue00f]")

_CATEGORY = "$CATEGORY:"
_FORMAT_TAG = re.compile(r"\[(html|markdown|plain|moodle)\]")
_FORMATS = {"html": "html", "markdown": "markdown", "plain": "plain", "moodle": "moodle"}
WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]+)?)%")
_BLANK = "_____"
_NEEDS_ESCAPE = re.compile(r"[\\~=#{}:]")
_TYPE_HINT = re.compile(r"//\s*\[type:([a-z0-9_]+)\]\s*$")


def parse_gift(text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportResult:
    """Read a GIFT file (text, or UTF-8 bytes); each problem names the line where its question starts."""
    result = ImportResult()
    too_large = size_error(text, max_bytes)
    if too_large:
        result.errors.append(too_large)
        return result
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            result.errors.append(
                _("The file is not UTF-8 text (unreadable byte at position %(position)s).")
                % {"position": exc.start}
            )
            return result
    text = strip_nul(text).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

    category: tuple[str, ...] = ()
    seen_question = False
    unclosed = False  # the previous question opened a brace and a blank line came before "}"
    for block, hint in _blocks(text):
        if block[0][1].startswith(_CATEGORY):
            category = split_category_path(block[0][1][len(_CATEGORY) :])
            block = block[1:]
            if not block:
                continue
        seen_question = True
        line = block[0][0]
        source = "\n".join(content for _number, content in block)
        held = _hold(source)
        if unclosed and held.find("}") != -1 and not -1 < held.find("{") < held.find("}"):
            # The rest of the question above, cut off by a blank line: its error is reported
            # there, where the brace was opened, and not again here.
            unclosed = False
            continue
        unclosed = held.rfind("{") > held.rfind("}")
        if unclosed:
            result.errors.append(
                _at_line(
                    line,
                    _(
                        "The brace opened in this question is not closed before the next blank "
                        "line; close the answers with } and leave no blank line between { and }."
                    ),
                )
            )
            continue
        try:
            question = _read_question(source, line, category)
        except Problem as problem:
            result.errors.append(_at_line(line, str(problem)))
            continue
        question.kind = registry.hinted(hint, question.kind)
        found = problems(question)
        if found:
            result.errors.extend(_at_line(line, message) for message in found)
        else:
            result.questions.append(question)
    if not seen_question:
        result.errors.append(_("No question found in the file."))
    return result


def _at_line(line: int, message: str) -> str:
    return _("Line %(line)s: %(message)s") % {"line": line, "message": message}


def _blocks(text: str) -> Iterator[tuple[list[tuple[int, str]], str | None]]:
    """Each run of non-blank lines as (line number, stripped line), comments left out, with the
    type named by a ``// [type:name]`` comment in or just before it (None without one)."""
    block: list[tuple[int, str]] = []
    hint = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            if block:
                yield block, hint
                block, hint = [], None
        elif line.startswith("//"):
            named = _TYPE_HINT.match(line)
            if named:
                hint = named[1]
        else:
            block.append((number, line))
    if block:
        yield block, hint


def _hold(text: str) -> str:
    text = _RESERVED.sub(lambda match: "\ue000" + format(ord(match[0]) - _BASE, "x"), text)
    return _ESCAPE.sub(lambda match: _PLACEHOLDER[match[1]], text)


def release(text: str) -> str:
    """Held text with its escaped characters given back."""

    def restore(match: re.Match) -> str:
        if match[1]:
            return chr(_BASE + int(match[1], 16))
        return _RESTORED.get(match[0], match[0])

    return _HELD.sub(restore, text)


def _formatted(text: str, default: str = "plain") -> tuple[str, str]:
    """(format, text) from held text that may start with a format tag."""
    text = text.strip()
    tag = _FORMAT_TAG.match(text)
    if tag:
        return _FORMATS[tag[1]], release(text[tag.end() :]).strip()
    return default, release(text).strip()


def plain(text: str) -> str:
    """Held answer or feedback text, released, without its format tag."""
    return _formatted(text)[1]


def _read_question(source: str, line: int, category: tuple[str, ...]) -> QuestionData:
    text = _hold(source).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            raise Problem(_("The title is not closed: write it as ::title:: before the question."))
        title = release(text[2:end]).strip()
        text = text[end + 2 :].strip()

    start, end = text.find("{"), text.find("}")
    if start == -1 and end == -1:
        raise Problem(
            _(
                "No answers between { and } were found (descriptions without answers are not imported)."
            )
        )
    if start == -1 or end == -1 or end < start:
        raise Problem(
            _(
                "A brace is missing or out of place; write a brace that is part of the text as \\{ or \\}."
            )
        )
    if text.find("{", start + 1) != -1 or text.find("}", end + 1) != -1:
        raise Problem(
            _(
                "There is more than one pair of braces; write a brace that is part of the text as \\{ or \\}."
            )
        )
    block = text[start + 1 : end].strip()
    if end == len(text) - 1:
        stem_text = text[:start]
    else:  # answers in the middle of the text: a missing-word question
        stem_text = text[:start] + _BLANK + text[end + 1 :]

    general_feedback = ""
    separator = block.rfind("####")
    if separator != -1:
        general_feedback = plain(block[separator + 4 :])
        block = block[:separator].strip()

    question_type = registry.gift_type(block)
    if question_type is None:
        raise Problem(_("The answers between { and } are not written in any syntax Passage knows."))
    stem_format, stem = _formatted(stem_text)
    question = QuestionData(
        kind=question_type.name,
        title=title
        or default_title(stem, stem_format)
        or _("Question at line %(line)s") % {"line": line},
        stem=stem,
        stem_format=stem_format,
        general_feedback=general_feedback,
        category=category,
        line=line,
    )
    question_type.read_gift(question, block)
    return question


# Reading answers: the types call these on the held text between the braces.


def answers(block: str, separator: str) -> list[str]:
    """The answers between separators, leaving out blank text before the first one."""
    parts = block.split(separator)
    if not parts[0].strip():
        parts.pop(0)
    return [part.strip() for part in parts]


def read_weight(answer: str, number: int, *, default: float) -> tuple[float, str]:
    """(fraction, rest) for an answer that may start with a %weight%."""
    match = WEIGHT.match(answer)
    if not match:
        return default, answer
    fraction = parse_percent(match[1])
    if not -1 <= fraction <= 1:
        raise Problem(
            _("Answer %(number)s has the weight %(weight)s; a weight goes from -100%% to 100%%.")
            % {"number": number, "weight": match[0]}
        )
    return fraction, answer[match.end() :]


def with_feedback(answer: str) -> tuple[str, str]:
    """(answer, feedback) of held text: what follows the first # is the feedback."""
    text, _sep, feedback = answer.partition("#")
    return text, plain(feedback)


# Writing


def export_gift(questions: Iterable[QuestionData]) -> str:
    """GIFT text for the questions, with a $CATEGORY line wherever the category changes.

    GIFT has no ordering questions and no marks: an ordering question is left out with a comment
    saying so, and every question is worth the quiz's default mark when read back.
    """
    parts = []
    category: tuple[str, ...] = ()
    for question in questions:
        block = _answer_block(question)
        if block is None:
            title = " ".join(question.title.split())
            parts.append(
                "// "
                + _(
                    "“%(title)s” (%(kind)s) is left out: GIFT cannot express this type of question."
                )
                % {"title": title, "kind": question.kind}
            )
            continue
        if tuple(question.category) != category:
            category = tuple(question.category)
            parts.append(f"{_CATEGORY} {join_category_path(category) or '$course$/top'}")
        hint = f"// [type:{question.kind}]\n" if registry.is_carried(question.kind) else ""
        parts.append(hint + _write_question(question, block))
    return "\n\n".join(parts) + "\n" if parts else ""


def _answer_block(question: QuestionData) -> str | None:
    """What goes between the braces, or None when GIFT cannot express the question."""
    question_type = registry.syntax(question.kind)
    if question_type is None:
        return None
    written = question_type.write_gift(question, _tag(question))
    return None if written is None else "{" + written + "}"


def _stem_format(question: QuestionData) -> str:
    return question.stem_format if question.stem_format in _FORMATS else "plain"


def _tag(question: QuestionData) -> str:
    return f"[{_stem_format(question)}]"


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped, on one line."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = _NEEDS_ESCAPE.sub(lambda match: "\\" + match[0], text)
    return text.replace("->", "-\\>").replace("\n", "\\n")


def escape_answer(text: str, tag: str) -> str:
    """Answer or feedback text; a tag in front keeps a leading “[” or “%” from reading as syntax."""
    escaped = escape(text)
    return tag + escaped if text.startswith(("[", "%")) else escaped


def _write_question(question: QuestionData, block: str) -> str:
    stem_format = _stem_format(question)
    head = f"::{escape(question.title)}::\n" if question.title else ""
    stem = question.stem
    if stem_format != "plain" or stem.startswith(("[", "//", "$")):
        head += _tag(question)  # a line starting with // or $CATEGORY would otherwise not be text
    blank = stem.find(_BLANK)
    if blank != -1 and stem[blank + len(_BLANK) :].strip():
        # Put the answers where the blank is, so that reading it back gives the same text.
        return head + escape(stem[:blank]) + block + escape(stem[blank + len(_BLANK) :])
    return head + escape(stem) + " " + block


# Writing answers: the types build what goes between the braces with these.


def lines(written: list[str], question: QuestionData, tag: str, opening: str = "") -> str:
    """Answers one per line, as people write them, then the general feedback."""
    if question.general_feedback:
        written.append(general_feedback(question, tag))
    return opening + "\n" + "".join(f"\t{line}\n" for line in written)


def general_feedback(question: QuestionData, tag: str) -> str:
    if not question.general_feedback:
        return ""
    return "####" + escape_answer(question.general_feedback, tag)


def feedback(text: str, tag: str) -> str:
    return "#" + escape_answer(text, tag) if text else ""


def weight(fraction: float) -> str:
    return f"%{format_percent(fraction)}%"
