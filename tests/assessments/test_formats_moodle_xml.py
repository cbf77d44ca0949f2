"""Reading and writing Moodle XML question files, without a database."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.formats import (
    Choice,
    Kind,
    MatchPair,
    NumericAnswer,
    QuestionData,
    TextAnswer,
    export_moodle_xml,
    parse_gift,
    parse_moodle_xml,
)
from tests.assessments.test_formats_gift import DEMO_QUIZZES, question_data

# As Moodle 4 writes it, shortened.
BANK = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Default for Demo/Identification</text></category>
    <info format="moodle_auto_format"><text></text></info>
  </question>
  <question type="multichoice">
    <name><text>The three elements</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which three elements must be present?</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Act, means, purpose.</p>]]></text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>An act, a means and a purpose</p>]]></text>
      <feedback format="html"><text>Correct.</text></feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>A border crossing</text>
      <feedback format="html"><text>No.</text></feedback>
    </answer>
  </question>
  <question type="multichoice">
    <name><text>Indicators</text></name>
    <questiontext format="html"><text>Which are indicators?</text></questiontext>
    <single>false</single>
    <answer fraction="33.33333"><text>Documents held</text></answer>
    <answer fraction="33.33333"><text>Growing debt</text></answer>
    <answer fraction="33.33333"><text>No address</text></answer>
    <answer fraction="-100"><text>Nationality</text><feedback><text>No.</text></feedback></answer>
  </question>
  <question type="truefalse">
    <name><text>Children and means</text></name>
    <questiontext format="moodle_auto_format"><text>The means must be shown for a child.</text></questiontext>
    <answer fraction="0" format="moodle_auto_format">
      <text>true</text>
      <feedback format="html"><text>Incorrect.</text></feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text>false</text>
      <feedback format="html"><text>Correct.</text></feedback>
    </answer>
  </question>
  <question type="shortanswer">
    <name><text>Referral</text></name>
    <questiontext format="plain_text"><text>Name the framework.</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>national referral mechanism</text></answer>
    <answer fraction="50"><text>referral*</text><feedback><text>Nearly.</text></feedback></answer>
  </question>
  <question type="numerical">
    <name><text>Reflection period</text></name>
    <questiontext format="markdown"><text>How many **days**?</text></questiontext>
    <answer fraction="100"><text>30</text><tolerance>0</tolerance><feedback><text>Yes.</text></feedback></answer>
    <answer fraction="50"><text>30</text><tolerance>5</tolerance></answer>
    <answer fraction="0"><text>*</text><feedback><text>Article 13.</text></feedback></answer>
    <units><unit><multiplier>1</multiplier><unit_name>days</unit_name></unit></units>
  </question>
  <question type="matching">
    <name><text>Situations</text></name>
    <questiontext format="html"><text>Match.</text></questiontext>
    <subquestion format="html"><text>Paid below minimum wage</text><answer><text>Labour-law violation</text></answer></subquestion>
    <subquestion format="html"><text>Paid a driver to cross</text><answer><text>Smuggling</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Forced marriage</text></answer></subquestion>
  </question>
  <question type="essay">
    <name><text>First conversation</text></name>
    <questiontext format="html"><text>Describe it.</text></questiontext>
    <responseformat>editor</responseformat>
    <graderinfo format="html"><text>Safety first.</text></graderinfo>
  </question>
  <question type="ordering">
    <name><text>Steps</text></name>
    <questiontext format="html"><text>Put the steps in order.</text></questiontext>
    <answer fraction="3"><text>Refer</text></answer>
    <answer fraction="1"><text>Identify</text></answer>
    <answer fraction="2"><text>Inform</text></answer>
  </question>
</quiz>
"""


def read(xml: str | bytes):
    return parse_moodle_xml(xml.encode() if isinstance(xml, str) else xml)


def quiz(*questions: str) -> bytes:
    return ("<quiz>" + "".join(questions) + "</quiz>").encode()


def questions_of(xml):
    result = read(xml)
    assert result.errors == []
    return result.questions


@pytest.fixture(scope="module")
def bank():
    result = parse_moodle_xml(BANK)
    assert result.errors == []
    return {question.title: question for question in result.questions}


def test_a_moodle_bank_reads_every_supported_type(bank):
    assert {title: question.kind for title, question in bank.items()} == {
        "The three elements": Kind.SINGLE_CHOICE,
        "Indicators": Kind.MULTIPLE_RESPONSE,
        "Children and means": Kind.TRUE_FALSE,
        "Referral": Kind.SHORT_ANSWER,
        "Reflection period": Kind.NUMERICAL,
        "Situations": Kind.MATCHING,
        "First conversation": Kind.ESSAY,
        "Steps": Kind.ORDERING,
    }


def test_the_category_entry_files_the_questions_that_follow(bank):
    assert {question.category for question in bank.values()} == {
        ("Default for Demo", "Identification")
    }


def test_a_single_choice_question_keeps_its_html_mark_and_feedback(bank):
    question = bank["The three elements"]
    assert (question.stem, question.stem_format) == (
        "<p>Which three elements must be present?</p>",
        "html",
    )
    assert question.default_mark == 2.0
    assert question.general_feedback == "<p>Act, means, purpose.</p>"
    assert question.choices == [
        Choice("<p>An act, a means and a purpose</p>", 1.0, "Correct."),
        Choice("A border crossing", 0.0, "No."),
    ]


def test_single_false_makes_a_multiple_response_question_with_exact_weights(bank):
    question = bank["Indicators"]
    assert not question.single
    assert [choice.fraction for choice in question.choices] == [
        0.3333333,
        0.3333333,
        0.3333333,
        -1.0,
    ]
    assert question.default_mark == 1.0


def test_true_false_feedback_belongs_to_the_answer_chosen(bank):
    question = bank["Children and means"]
    assert question.true_false is False
    assert (question.true_feedback, question.false_feedback) == ("Incorrect.", "Correct.")
    assert question.stem_format == "moodle"  # Moodle's auto-format, rendered as Moodle does


def test_short_answers_keep_weights_and_wildcards(bank):
    assert bank["Referral"].answers == [
        TextAnswer("national referral mechanism", 1.0),
        TextAnswer("referral*", 0.5, "Nearly."),
    ]


def test_numbers_keep_their_tolerance_and_the_catch_all(bank):
    question = bank["Reflection period"]
    assert question.stem_format == "markdown"
    assert question.numeric == [
        NumericAnswer(30.0, fraction=1.0, feedback="Yes."),
        NumericAnswer(30.0, tolerance=5.0, fraction=0.5),
        NumericAnswer(None, fraction=0.0, feedback="Article 13."),
    ]


def test_matching_keeps_a_distractor_with_an_empty_left_side(bank):
    assert bank["Situations"].pairs[-1] == MatchPair("", "Forced marriage")


def test_ordering_items_come_in_the_right_order(bank):
    assert [item.text for item in bank["Steps"].choices] == ["Identify", "Inform", "Refer"]


def test_the_format_is_html_when_not_given():
    (question,) = questions_of(
        quiz(
            '<question type="essay"><name><text>E</text></name><questiontext><text>Why?</text></questiontext></question>'
        )
    )
    assert question.stem_format == "html"


def test_a_question_without_a_name_is_titled_from_its_text():
    (question,) = questions_of(
        quiz(
            '<question type="essay"><questiontext format="html"><text>&lt;p&gt;Why   now?&lt;/p&gt;</text></questiontext></question>'
        )
    )
    assert question.title == "Why now?"


def test_nul_characters_are_removed():
    (question,) = questions_of(
        b'<quiz><question type="essay"><name><text>E\x00</text></name>'
        b"<questiontext><text>Wh\x00y?</text></questiontext></question></quiz>"
    )
    assert (question.title, question.stem) == ("E", "Why?")


# Security: nothing in the file is ever expanded or fetched.

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<quiz><question type="essay"><name><text>&e;</text></name>
<questiontext><text>&e;</text></questiontext></question></quiz>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="essay"><name><text>&lol9;</text></name>
<questiontext><text>&lol9;</text></questiontext></question></quiz>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://attacker.example/quiz.dtd">
<quiz><question type="essay"><name><text>E</text></name><questiontext><text>Why?</text></questiontext></question></quiz>"""


@pytest.mark.parametrize(
    "payload", [XXE, BILLION_LAUGHS, EXTERNAL_DTD], ids=["xxe", "billion-laughs", "external-dtd"]
)
def test_document_types_and_entities_are_refused(payload):
    result = parse_moodle_xml(payload)
    assert result.questions == []
    assert len(result.errors) == 1 and "refused" in result.errors[0]
    assert "root:" not in result.errors[0] and "lollol" not in result.errors[0]


# Errors


def test_an_error_names_the_question_by_position_and_name():
    xml = quiz(
        '<question type="category"><category><text>$course$/top/Demo</text></category></question>',
        '<question type="truefalse"><name><text>Fine</text></name><questiontext><text>Q</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>',
        '<question type="multichoice"><name><text>Indicators</text></name><questiontext><text>Q</text></questiontext>'
        '<single>false</single><answer fraction="50"><text>a</text></answer><answer fraction="30"><text>b</text></answer></question>',
    )
    result = read(xml)
    assert [question.title for question in result.questions] == ["Fine"]
    assert result.errors == [
        "Question 2 (“Indicators”): The positive weights add up to 80%; they must add up to 100%."
    ]


def test_an_error_names_the_question_by_position_when_it_has_no_name():
    result = read(
        quiz('<question type="shortanswer"><questiontext><text></text></questiontext></question>')
    )
    assert result.errors[0].startswith("Question 1: ")


def test_an_unsupported_type_is_an_error_that_names_it():
    result = read(quiz('<question type="calculated"><name><text>Speed</text></name></question>'))
    assert result.errors == [
        "Question 1 (“Speed”): Questions of type “calculated” cannot be imported."
    ]


@pytest.mark.parametrize(
    "answer",
    [
        '<answer fraction="lots"><text>a</text></answer>',
        '<answer fraction="100"><text>thirty</text></answer>',
        '<answer fraction="100"><text>30</text><tolerance>some</tolerance></answer>',
    ],
)
def test_weights_and_numbers_that_are_not_numbers_are_errors(answer):
    result = read(
        quiz(
            f'<question type="numerical"><name><text>N</text></name><questiontext><text>Q</text></questiontext>{answer}</question>'
        )
    )
    assert len(result.errors) == 1 and result.errors[0].startswith("Question 1 (“N”): Answer 1")


def test_a_mark_that_is_not_a_number_is_an_error():
    result = read(
        quiz(
            '<question type="essay"><name><text>E</text></name><questiontext><text>Q</text></questiontext><defaultgrade>two</defaultgrade></question>'
        )
    )
    assert "two" in result.errors[0]


@pytest.mark.parametrize(
    "data", [b"", b"not xml", b"<quiz><question>", "<quiz>é</quiz>".encode("utf-16")[:7]]
)
def test_unreadable_xml_is_an_error(data):
    result = parse_moodle_xml(data)
    assert result.questions == [] and len(result.errors) == 1


def test_another_xml_document_is_not_a_question_file():
    assert "<quiz>" in read("<html><body/></html>").errors[0]


def test_a_file_without_questions_says_so():
    assert read("<quiz/>").errors == ["No question found in the file."]


def test_a_file_over_the_size_limit_is_refused_without_being_read():
    result = parse_moodle_xml(BILLION_LAUGHS, max_bytes=100)
    assert result.questions == [] and len(result.errors) == 1 and "too large" in result.errors[0]


@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_never_an_exception(data):
    result = parse_moodle_xml(data)
    assert result.questions or result.errors


XML_PIECES = st.sampled_from(
    ["<quiz>", "</quiz>", '<question type="multichoice">', '<question type="truefalse">', '<question type="numerical">',
     '<question type="matching">', '<question type="category">', "</question>", "<name><text>N</text></name>",
     "<questiontext><text>Q</text></questiontext>", '<answer fraction="100">', '<answer fraction="x">', "</answer>",
     "<text>", "</text>", "<subquestion>", "</subquestion>", "<single>false</single>", "<tolerance>", "</tolerance>",
     "1", "true", "*", "<category>", "</category>", "<defaultgrade>", "</defaultgrade>", "<ordering/>"]
)  # fmt: skip


@given(st.lists(XML_PIECES, max_size=30).map(lambda pieces: "<quiz>" + "".join(pieces) + "</quiz>"))
def test_any_question_like_xml_gives_a_result_never_an_exception(xml):
    result = read(xml)
    assert result.questions or result.errors


# Writing


def test_written_xml_is_what_moodle_expects():
    xml = export_moodle_xml(
        [QuestionData(kind=Kind.SINGLE_CHOICE, title="Capital", stem="<p>Capital?</p>", stem_format="html",
                      category=("Demo",), choices=[Choice("Dakar", 1.0), Choice("Thiès", -0.5)])]
    )  # fmt: skip
    assert xml.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<quiz>")
    assert b"<text>$course$/top/Demo</text>" in xml
    assert b'<question type="multichoice">' in xml and b"<single>true</single>" in xml
    assert b'<answer fraction="-50" format="html">' in xml
    assert b"&lt;p&gt;Capital?&lt;/p&gt;" in xml


def test_a_numeric_range_is_written_as_its_midpoint_and_tolerance():
    question = QuestionData(
        kind=Kind.NUMERICAL, title="N", stem="Q?", numeric=[NumericAnswer(None, low=10, high=20)]
    )
    (read_back,) = questions_of(export_moodle_xml([question]))
    assert read_back.numeric == [NumericAnswer(15.0, tolerance=5.0)]


def test_characters_xml_cannot_carry_are_left_out():
    question = QuestionData(kind=Kind.ESSAY, title="E\x01", stem="Why\x0b?\ufffe")
    (read_back,) = questions_of(export_moodle_xml([question]))
    assert (read_back.title, read_back.stem) == ("E", "Why?")


@pytest.mark.parametrize("path", DEMO_QUIZZES, ids=lambda path: path.stem)
def test_each_demo_quiz_bank_survives_conversion_to_moodle_xml(path):
    questions = parse_gift(path.read_text(encoding="utf-8")).questions
    assert questions_of(export_moodle_xml(questions)) == questions


def test_the_sample_bank_survives_export_and_import(bank):
    questions = list(bank.values())
    assert questions_of(export_moodle_xml(questions)) == questions


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(question_data(gift=False), min_size=1, max_size=5))
def test_any_valid_questions_survive_export_and_import(questions):
    assert questions_of(export_moodle_xml(questions)) == questions
