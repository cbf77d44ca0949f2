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
anything else is short answer.

True/false feedback comes as ``{T#wrong#right}``: the first text is shown to a trainee who
answers wrongly, the second to one who answers rightly, as in Moodle.

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
    VARIANTS,
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
_WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]+)?)%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_BLANK = "_____"
_NEEDS_ESCAPE = re.compile(r"[\\~=#{}:]")
_TYPE_HINT = re.compile(r"//\s*\[type:([a-z0-9_]+)\]\s*$")


class _Problem(Exception):
    """A question cannot be read; the message is for the trainer."""


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
        except _Problem as problem:
            result.errors.append(_at_line(line, str(problem)))
            continue
        if hint and VARIANTS.get(hint) == question.kind:
            question.kind = hint  # a type carried by this syntax (an unknown hint is a comment)
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


def _release(text: str) -> str:
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
        return _FORMATS[tag[1]], _release(text[tag.end() :]).strip()
    return default, _release(text).strip()


def _plain(text: str) -> str:
    return _formatted(text)[1]


def _read_question(source: str, line: int, category: tuple[str, ...]) -> QuestionData:
    text = _hold(source).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            raise _Problem(_("The title is not closed: write it as ::title:: before the question."))
        title = _release(text[2:end]).strip()
        text = text[end + 2 :].strip()

    start, end = text.find("{"), text.find("}")
    if start == -1 and end == -1:
        raise _Problem(
            _(
                "No answers between { and } were found (descriptions without answers are not imported)."
            )
        )
    if start == -1 or end == -1 or end < start:
        raise _Problem(
            _(
                "A brace is missing or out of place; write a brace that is part of the text as \\{ or \\}."
            )
        )
    if text.find("{", start + 1) != -1 or text.find("}", end + 1) != -1:
        raise _Problem(
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
        general_feedback = _plain(block[separator + 4 :])
        block = block[:separator].strip()

    stem_format, stem = _formatted(stem_text)
    question = QuestionData(
        kind=Kind.ESSAY,
        title=title
        or default_title(stem, stem_format)
        or _("Question at line %(line)s") % {"line": line},
        stem=stem,
        stem_format=stem_format,
        general_feedback=general_feedback,
        category=category,
        line=line,
    )
    if not block:
        return question
    if block.startswith("#"):
        _read_numerical(question, block[1:])
    elif "~" in block:
        _read_choices(question, block)
    elif "=" in block and "->" in block:
        _read_matching(question, block)
    elif block.split("#", 1)[0].strip() in _TRUE_FALSE:
        _read_true_false(question, block)
    else:
        _read_short_answer(question, block)
    return question


def _answers(block: str, separator: str) -> list[str]:
    """The answers between separators, leaving out blank text before the first one."""
    parts = block.split(separator)
    if not parts[0].strip():
        parts.pop(0)
    return [part.strip() for part in parts]


def _read_weight(answer: str, number: int, *, default: float) -> tuple[float, str]:
    """(fraction, rest) for an answer that may start with a %weight%."""
    match = _WEIGHT.match(answer)
    if not match:
        return default, answer
    fraction = parse_percent(match[1])
    if not -1 <= fraction <= 1:
        raise _Problem(
            _("Answer %(number)s has the weight %(weight)s; a weight goes from -100%% to 100%%.")
            % {"number": number, "weight": match[0]}
        )
    return fraction, answer[match.end() :]


def _with_feedback(answer: str) -> tuple[str, str]:
    """(answer, feedback) of held text: what follows the first # is the feedback."""
    text, _sep, feedback = answer.partition("#")
    return text, _plain(feedback)


def _read_choices(question: QuestionData, block: str) -> None:
    single = "=" in block
    question.kind = Kind.SINGLE_CHOICE if single else Kind.MULTIPLE_RESPONSE
    question.single = single
    for number, answer in enumerate(_answers(block.replace("=", "~="), "~"), 1):
        if answer.startswith("="):
            answer = answer[1:]
            if _WEIGHT.match(answer.lstrip()):
                raise _Problem(
                    _(
                        "Answer %(number)s: “=” already means 100%%; write a partly right answer "
                        "with “~” and its weight, for example ~%%50%%answer."
                    )
                    % {"number": number}
                )
            fraction = 1.0
        else:
            fraction, answer = _read_weight(answer, number, default=0.0)
        text, feedback = _with_feedback(answer)
        question.choices.append(Choice(text=_plain(text), fraction=fraction, feedback=feedback))


def _read_matching(question: QuestionData, block: str) -> None:
    question.kind = Kind.MATCHING
    # A distractor may be written on its own line as "-> text", without "=": it is a pair of
    # its own, not the end of the previous answer.
    block = re.sub(r"\n[ \t]*->", "\n=->", block)
    for number, answer in enumerate(_answers(block, "="), 1):
        left, arrow, right = answer.partition("->")
        if not arrow:
            raise _Problem(
                _("Pair %(number)s has no “->”; write each pair as =left -> right.")
                % {"number": number}
            )
        question.pairs.append(MatchPair(left=_plain(left), right=_release(right).strip()))


def _read_true_false(question: QuestionData, block: str) -> None:
    question.kind = Kind.TRUE_FALSE
    parts = block.split("#", 2)
    right_answer = _TRUE_FALSE[parts[0].strip()]
    wrong = _plain(parts[1]) if len(parts) > 1 else ""
    right = _plain(parts[2]) if len(parts) > 2 else ""
    question.true_false = right_answer
    question.true_feedback, question.false_feedback = (
        (right, wrong) if right_answer else (wrong, right)
    )


def _read_short_answer(question: QuestionData, block: str) -> None:
    question.kind = Kind.SHORT_ANSWER
    for number, answer in enumerate(_answers(block, "="), 1):
        fraction, answer = _read_weight(answer, number, default=1.0)
        text, feedback = _with_feedback(answer)
        question.answers.append(TextAnswer(text=_plain(text), fraction=fraction, feedback=feedback))


def _read_numerical(question: QuestionData, block: str) -> None:
    question.kind = Kind.NUMERICAL
    otherwise = ""
    tilde = block.find("~")
    if tilde != -1:  # {#3:1 ~#feedback for any other number}
        block, otherwise = block[:tilde], block[tilde:]
    for number, answer in enumerate(_answers(block, "="), 1):
        fraction, answer = _read_weight(answer, number, default=1.0)
        value, feedback = _with_feedback(answer)
        question.numeric.append(_number(value.strip(), number, fraction, feedback))
    if otherwise:
        question.numeric.append(
            NumericAnswer(value=None, fraction=0.0, feedback=_with_feedback(otherwise)[1])
        )


def _number(text: str, number: int, fraction: float, feedback: str) -> NumericAnswer:
    try:
        if text == "*":
            return NumericAnswer(value=None, fraction=fraction, feedback=feedback)
        if text.find("..") > 0:
            low, high = text.split("..", 1)
            return NumericAnswer(
                value=None,
                low=parse_number(low),
                high=parse_number(high),
                fraction=fraction,
                feedback=feedback,
            )
        if text.find(":") > 0:
            value, tolerance = text.split(":", 1)
            return NumericAnswer(
                value=parse_number(value),
                tolerance=parse_number(tolerance),
                fraction=fraction,
                feedback=feedback,
            )
        return NumericAnswer(value=parse_number(text), fraction=fraction, feedback=feedback)
    except ValueError:
        raise _Problem(
            _(
                "Answer %(number)s (“%(text)s”) is not a number; write 3, 3:0.5 (with a margin "
                "of error) or 2..4 (a range)."
            )
            % {"number": number, "text": _release(text)}
        ) from None


# Writing


def export_gift(questions: Iterable[QuestionData]) -> str:
    """GIFT text for the questions, with a $CATEGORY line wherever the category changes.

    GIFT has no ordering questions and no marks: an ordering question is left out with a comment
    saying so, and every question is worth the quiz's default mark when read back.
    """
    parts = []
    category: tuple[str, ...] = ()
    for question in questions:
        if syntax_of(question.kind) not in _ANSWER_WRITERS:
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
        hint = f"// [type:{question.kind}]\n" if question.kind in VARIANTS else ""
        parts.append(hint + _write_question(question))
    return "\n\n".join(parts) + "\n" if parts else ""


def _escape(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = _NEEDS_ESCAPE.sub(lambda match: "\\" + match[0], text)
    return text.replace("->", "-\\>").replace("\n", "\\n")


def _escape_answer(text: str, tag: str) -> str:
    """Answer or feedback text; a tag in front keeps a leading “[” or “%” from reading as syntax."""
    escaped = _escape(text)
    return tag + escaped if text.startswith(("[", "%")) else escaped


def _write_question(question: QuestionData) -> str:
    stem_format = question.stem_format if question.stem_format in _FORMATS else "plain"
    tag = f"[{stem_format}]"
    head = f"::{_escape(question.title)}::\n" if question.title else ""
    stem = question.stem
    if stem_format != "plain" or stem.startswith(("[", "//", "$")):
        head += tag  # a line starting with // or $CATEGORY would otherwise not be text
    block = "{" + _ANSWER_WRITERS[syntax_of(question.kind)](question, tag) + "}"
    blank = stem.find(_BLANK)
    if blank != -1 and stem[blank + len(_BLANK) :].strip():
        # Put the answers where the blank is, so that reading it back gives the same text.
        return head + _escape(stem[:blank]) + block + _escape(stem[blank + len(_BLANK) :])
    return head + _escape(stem) + " " + block


def _lines(lines: list[str], question: QuestionData, tag: str, opening: str = "") -> str:
    """Answers one per line, as people write them, then the general feedback."""
    if question.general_feedback:
        lines.append(_general_feedback(question, tag))
    return opening + "\n" + "".join(f"\t{line}\n" for line in lines)


def _general_feedback(question: QuestionData, tag: str) -> str:
    if not question.general_feedback:
        return ""
    return "####" + _escape_answer(question.general_feedback, tag)


def _feedback(text: str, tag: str) -> str:
    return "#" + _escape_answer(text, tag) if text else ""


def _weight(fraction: float) -> str:
    return f"%{format_percent(fraction)}%"


def _write_choices(question: QuestionData, tag: str) -> str:
    lines = []
    marked = syntax_of(question.kind) != Kind.SINGLE_CHOICE  # only a single-choice question has a “=”
    for choice in question.choices:
        answer = _escape_answer(choice.text, tag) + _feedback(choice.feedback, tag)
        if not marked and choice.fraction == 1:
            # One “=” makes the question single choice; other full marks are written as weights,
            # so that a “~” remains and the question is not read back as short answer.
            marked = True
            lines.append("=" + answer)
        else:
            lines.append("~" + (_weight(choice.fraction) if choice.fraction else "") + answer)
    return _lines(lines, question, tag)


def _write_matching(question: QuestionData, tag: str) -> str:
    lines = [
        f"={_escape_answer(pair.left, tag)} -> {_escape(pair.right)}" for pair in question.pairs
    ]
    return _lines(lines, question, tag)


def _write_short_answer(question: QuestionData, tag: str) -> str:
    lines = [
        "="
        + (_weight(answer.fraction) if answer.fraction != 1 else "")
        + _escape_answer(answer.text, tag)
        + _feedback(answer.feedback, tag)
        for answer in question.answers
    ]
    return _lines(lines, question, tag)


def _write_numerical(question: QuestionData, tag: str) -> str:
    answers = question.numeric
    if len(answers) == 1 and answers[0].fraction == 1 and not answers[0].feedback:
        return "#" + _write_number(answers[0]) + _general_feedback(question, tag)
    lines = [
        "="
        + (_weight(answer.fraction) if answer.fraction != 1 else "")
        + _write_number(answer)
        + _feedback(answer.feedback, tag)
        for answer in answers
    ]
    return _lines(lines, question, tag, opening="#")


def _write_number(answer: NumericAnswer) -> str:
    if answer.value is not None:
        if answer.tolerance:
            return f"{format_number(answer.value)}:{format_number(answer.tolerance)}"
        return format_number(answer.value)
    if answer.low is not None and answer.high is not None:
        return f"{format_number(answer.low)}..{format_number(answer.high)}"
    return "*"


def _write_true_false(question: QuestionData, tag: str) -> str:
    right_answer = bool(question.true_false)
    if right_answer:
        right, wrong = question.true_feedback, question.false_feedback
    else:
        right, wrong = question.false_feedback, question.true_feedback
    text = "T" if right_answer else "F"
    if wrong or right:
        text += "#" + _escape_answer(wrong, tag)
    if right:
        text += "#" + _escape_answer(right, tag)
    return text + _general_feedback(question, tag)


def _write_essay(question: QuestionData, tag: str) -> str:
    return _general_feedback(question, tag)


_ANSWER_WRITERS = {
    Kind.SINGLE_CHOICE: _write_choices,
    Kind.MULTIPLE_RESPONSE: _write_choices,
    Kind.TRUE_FALSE: _write_true_false,
    Kind.SHORT_ANSWER: _write_short_answer,
    Kind.NUMERICAL: _write_numerical,
    Kind.MATCHING: _write_matching,
    Kind.ESSAY: _write_essay,
}
