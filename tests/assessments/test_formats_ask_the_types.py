"""The formats take files apart and put them together; each question type reads and writes its own
answers. A type defined only here, with a Moodle XML type of its own, goes through both
without a line of the formats changing. No database.
"""

import re
from pathlib import Path

import pytest

from assessments.formats import (
    QuestionData,
    TextAnswer,
    export_gift,
    export_moodle_xml,
    parse_gift,
    parse_moodle_xml,
)
from assessments.formats import moodle_xml as xml
from assessments.types import registry
from assessments.types.base import QuestionType
from assessments.types.single_choice import SingleChoice

FORMATS = Path(__file__).parents[2] / "assessments" / "formats"

WORDS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="wordlimit">
    <name><text>Summary</text></name>
    <questiontext format="html"><text>Summarise the Palermo Protocol.</text></questiontext>
    <words>%s</words>
  </question>
</quiz>
"""


class WordLimit(QuestionType):
    """A test-only type: an essay with a word limit, which Moodle XML carries as <words>."""

    name = "word_limit"
    moodle_type = "wordlimit"

    def read_xml(self, data, element):
        data.answers = [TextAnswer(text=(element.findtext("words") or "").strip(), fraction=1.0)]

    def write_xml(self, element, data, text_format):
        xml.add_value(element, "words", data.answers[0].text)

    def check(self, data):
        return [] if data.answers and data.answers[0].text.isdigit() else ["The word limit must be a number."]


@pytest.fixture
def word_limit():
    registry.register(WordLimit)
    yield registry.get("word_limit")
    registry.unregister("word_limit")


def test_a_type_with_its_own_moodle_xml_type_reads_and_writes_itself(word_limit):
    (question,) = parse_moodle_xml(WORDS_XML % b"150").questions
    assert (question.kind, question.title, question.answers) == ("word_limit", "Summary", [TextAnswer("150", 1.0)])
    written = export_moodle_xml([question])
    assert b'<question type="wordlimit">' in written and b"<words>150</words>" in written
    assert parse_moodle_xml(written).questions == [question]


def test_the_type_checks_its_own_answers_on_import(word_limit):
    result = parse_moodle_xml(WORDS_XML % b"many")
    assert result.errors == ["Question 1 (“Summary”): The word limit must be a number."]


def test_a_type_without_gift_syntax_is_left_out_of_a_gift_export(word_limit):
    question = QuestionData(kind="word_limit", title="Summary", stem="Summarise.", answers=[TextAnswer("150", 1.0)])
    assert export_gift([question]).startswith("// “Summary” (word_limit) is left out")


def test_without_its_module_the_moodle_type_cannot_be_imported():
    result = parse_moodle_xml(WORDS_XML % b"150")
    assert result.errors == ["Question 1 (“Summary”): Questions of type “wordlimit” cannot be imported."]


def test_a_type_carried_by_another_syntax_never_reads_that_syntax_in_its_place():
    @registry.register
    class Poll(SingleChoice):
        name = "poll"
        model = None  # its own storage does not matter here; the single-choice model stays single choice
        written_as = "single_choice"

    try:
        assert parse_gift("Which? {=a ~b}").questions[0].kind == "single_choice"
        data = b"""<quiz><question type="multichoice"><name><text>Which?</text></name>
            <questiontext><text>Which?</text></questiontext>
            <answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer>
            </question></quiz>"""
        assert parse_moodle_xml(data).questions[0].kind == "single_choice"
        assert parse_gift("// [type:poll]\nWhich? {=a ~b}").questions[0].kind == "poll"
        assert parse_gift("// [type:poll]\nWhich? {T}").questions[0].kind == "true_false"  # not its syntax
    finally:
        registry.unregister("poll")


@pytest.mark.parametrize("module", ["gift.py", "moodle_xml.py", "checks.py", "model.py", "common.py"])
def test_the_formats_name_no_question_type(module):
    source = (FORMATS / module).read_text(encoding="utf-8")
    names = {t.name for t in registry.all_types()} | {t.moodle_type for t in registry.all_types() if t.moodle_type}
    quoted = {name for name in names if re.search(rf"[\"']{name}[\"']", source)}
    assert quoted == set() and not re.search(r"\bKind\b", source)
