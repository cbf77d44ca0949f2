"""Reading and writing GIFT question files, without a database."""

from pathlib import Path

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
    export_gift,
    parse_gift,
)

DEMO_QUIZZES = sorted((Path(__file__).parents[2] / "content" / "demo" / "quizzes").glob("*.gift"))


def one(text):
    """The only question of a GIFT text, which must read without errors."""
    result = parse_gift(text)
    assert result.errors == []
    assert len(result.questions) == 1
    return result.questions[0]


def errors_of(text):
    result = parse_gift(text)
    assert not result.ok
    return result.errors


# Builders with defaults, for the writing tests.


def single_choice(**overrides):
    fields = {
        "kind": Kind.SINGLE_CHOICE,
        "title": "Capital",
        "stem": "Which city is the capital of Senegal?",
        "choices": [Choice("Dakar", 1.0, "Correct."), Choice("Thiès", 0.0, "No.")],
    }
    return QuestionData(**(fields | overrides))


def multiple_response(**overrides):
    fields = {
        "kind": Kind.MULTIPLE_RESPONSE,
        "title": "Indicators",
        "stem": "Which are indicators? Select all that apply.",
        "choices": [
            Choice("Documents held by someone else", 0.5),
            Choice("A growing debt", 0.5),
            Choice("Being a foreign national", -1.0, "No."),
        ],
        "single": False,
    }
    return QuestionData(**(fields | overrides))


def true_false(**overrides):
    fields = {
        "kind": Kind.TRUE_FALSE,
        "title": "Consent",
        "stem": "A signature is consent.",
        "true_false": False,
    }
    return QuestionData(**(fields | overrides))


def short_answer(**overrides):
    fields = {
        "kind": Kind.SHORT_ANSWER,
        "title": "Referral",
        "stem": "Name the referral framework.",
        "answers": [TextAnswer("national referral mechanism", 1.0), TextAnswer("NRM", 1.0)],
    }
    return QuestionData(**(fields | overrides))


def numerical(**overrides):
    fields = {
        "kind": Kind.NUMERICAL,
        "title": "Reflection period",
        "stem": "How many days?",
        "numeric": [NumericAnswer(30)],
    }
    return QuestionData(**(fields | overrides))


def matching(**overrides):
    fields = {
        "kind": Kind.MATCHING,
        "title": "Terms",
        "stem": "Match each term.",
        "pairs": [
            MatchPair("UAC", "Unaccompanied child"),
            MatchPair("BID", "Best interests determination"),
        ],
    }
    return QuestionData(**(fields | overrides))


def essay(**overrides):
    fields = {"kind": Kind.ESSAY, "title": "Essay", "stem": "Describe the first conversation."}
    return QuestionData(**(fields | overrides))


def round_trip(questions):
    result = parse_gift(export_gift(questions))
    assert result.errors == []
    return result.questions


# The demo quiz banks


@pytest.mark.parametrize("path", DEMO_QUIZZES, ids=lambda path: path.stem)
def test_each_demo_quiz_bank_reads_without_errors_and_with_all_its_questions(path):
    text = path.read_text(encoding="utf-8")
    titled = sum(1 for line in text.splitlines() if line.startswith("::"))

    result = parse_gift(text)

    assert result.ok, result.errors
    assert len(result.questions) == titled
    assert 12 <= titled <= 16
    assert {question.category[0] for question in result.questions} == {"Demo"}


def test_there_are_four_demo_quiz_banks():
    assert len(DEMO_QUIZZES) == 4


@pytest.mark.parametrize("path", DEMO_QUIZZES, ids=lambda path: path.stem)
def test_each_demo_quiz_bank_survives_export_and_import(path):
    questions = parse_gift(path.read_text(encoding="utf-8")).questions

    assert round_trip(questions) == questions


# Categories and titles


def test_a_category_applies_to_the_questions_that_follow():
    result = parse_gift(
        "$CATEGORY: Demo/Reception\n\n::A::Q? {T}\n\n::B::Q? {F}\n\n$CATEGORY: Demo/Return\n\n::C::Q? {T}\n"
    )
    assert [(question.title, question.category) for question in result.questions] == [
        ("A", ("Demo", "Reception")),
        ("B", ("Demo", "Reception")),
        ("C", ("Demo", "Return")),
    ]


def test_course_and_top_prefixes_are_dropped_from_a_category():
    assert one("$CATEGORY: $course$/top/Demo/Data\n\n::A::Q? {T}").category == ("Demo", "Data")


def test_a_double_slash_in_a_category_is_a_slash_in_its_name():
    assert one("$CATEGORY: Demo/Either//or\n\n::A::Q? {T}").category == ("Demo", "Either/or")


def test_a_category_line_may_head_the_first_question_of_its_block():
    question = one("$CATEGORY: Demo\n::A::Q? {T}")
    assert (question.category, question.line) == (("Demo",), 2)


def test_the_title_is_read_between_double_colons():
    assert (
        one("::Age of a child::\nUnder what age is a person a child? {#18}").title
        == "Age of a child"
    )


def test_without_a_title_the_start_of_the_text_becomes_the_title():
    question = one(
        "Under the Palermo Protocol, a child is any person under what age, in years? {#18}"
    )
    assert (
        question.title
        == "Under the Palermo Protocol, a child is any person under what age, in years?"
    )


def test_a_long_text_makes_a_shortened_title():
    question = one(("word " * 40) + "{#18}")
    assert len(question.title) <= 80 and question.title.endswith("…")


# Choice questions


def test_one_equals_answer_makes_a_single_choice_question():
    question = one("::Capital::Capital of Senegal? {=Dakar ~Thiès ~Saint-Louis}")
    assert question.kind == Kind.SINGLE_CHOICE and question.single
    assert question.choices == [
        Choice("Dakar", 1.0),
        Choice("Thiès", 0.0),
        Choice("Saint-Louis", 0.0),
    ]


def test_each_answer_may_have_its_own_feedback():
    question = one("Capital? {\n=Dakar#Correct.\n~Thiès#No, Thiès is a regional capital.\n}")
    assert [choice.feedback for choice in question.choices] == [
        "Correct.",
        "No, Thiès is a regional capital.",
    ]


def test_weights_make_a_multiple_response_question():
    question = one("Which apply? {~%50%Documents held ~%50%Growing debt ~%-100%Nationality#No.}")
    assert question.kind == Kind.MULTIPLE_RESPONSE and not question.single
    assert question.choices == [
        Choice("Documents held", 0.5),
        Choice("Growing debt", 0.5),
        Choice("Nationality", -1.0, "No."),
    ]


def test_decimal_weights_are_read_exactly():
    question = one("Which apply? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}")
    assert [choice.fraction for choice in question.choices] == [
        0.3333333,
        0.3333333,
        0.3333333,
        -1.0,
    ]


def test_choices_without_an_equals_sign_are_multiple_response_as_in_moodle():
    question = one("Which is right? {~%100%Dakar ~Thiès}")
    assert question.kind == Kind.MULTIPLE_RESPONSE


def test_a_weighted_answer_may_give_partial_credit_in_a_single_choice_question():
    question = one("Best answer? {=Refer ~%50%Ask a colleague ~Do nothing}")
    assert question.kind == Kind.SINGLE_CHOICE
    assert [choice.fraction for choice in question.choices] == [1.0, 0.5, 0.0]


def test_equals_with_a_weight_is_an_error_because_equals_means_full_marks():
    (error,) = errors_of("Best answer? {=%50%Refer ~Do nothing}")
    assert error.startswith("Line 1: Answer 1:") and "~%50%" in error


def test_a_weight_beyond_100_percent_is_an_error():
    (error,) = errors_of("Which apply? {~%150%a ~%-50%b}")
    assert "%150%" in error


def test_multiple_response_weights_must_add_up_to_100_percent():
    (error,) = errors_of("Which apply? {~%50%a ~%30%b ~%-100%c}")
    assert "80%" in error


def test_a_choice_question_needs_two_answers():
    (error,) = errors_of("Which? {=a ~}")
    assert "Answer 2 has no text" in error


# True/false


@pytest.mark.parametrize(
    "answer, expected", [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)]
)
def test_true_false_answers(answer, expected):
    question = one(f"The Protocol was adopted in 2000. {{{answer}}}")
    assert question.kind == Kind.TRUE_FALSE and question.true_false is expected


def test_true_false_feedback_comes_wrong_first_then_right():
    """{F#shown to a wrong answer#shown to a right answer}, as in Moodle."""
    question = one("A signature is consent. {F#Incorrect: consent must be free.#Correct.}")
    assert question.true_false is False
    assert question.true_feedback == "Incorrect: consent must be free."  # answering true is wrong
    assert question.false_feedback == "Correct."


def test_true_false_feedback_when_true_is_right():
    question = one("States must offer compensation. {T#Incorrect.#Correct.}")
    assert (question.true_feedback, question.false_feedback) == ("Correct.", "Incorrect.")


def test_lowercase_true_is_a_short_answer_as_in_moodle():
    assert one("Answer? {true}").kind == Kind.SHORT_ANSWER


# Short answer


def test_equals_answers_without_tilde_make_a_short_answer_question():
    question = one("Organisation? {=ILO =International Labour Organization}")
    assert question.kind == Kind.SHORT_ANSWER
    assert question.answers == [
        TextAnswer("ILO", 1.0),
        TextAnswer("International Labour Organization", 1.0),
    ]


def test_short_answers_may_have_weights_feedback_and_wildcards():
    question = one(
        "Who decides? {=data controller =%50%control*#Nearly: the full term is “data controller”.}"
    )
    assert question.answers == [
        TextAnswer("data controller", 1.0),
        TextAnswer("control*", 0.5, "Nearly: the full term is “data controller”."),
    ]


# Matching


def test_matching_pairs():
    question = one(
        "Match. {\n=Article 3 -> Definition\n=Article 6(6) -> Compensation\n=Article 26 -> Non-punishment\n}"
    )
    assert question.kind == Kind.MATCHING
    assert question.pairs[0] == MatchPair("Article 3", "Definition")
    assert len(question.pairs) == 3


def test_two_pairs_are_enough_for_a_matching_question():
    assert len(one("Match. {=a -> 1 =b -> 2}").pairs) == 2


def test_an_empty_left_side_is_a_distractor():
    question = one("Match. {=a -> 1 =b -> 2 = -> 3}")
    assert question.pairs[-1] == MatchPair("", "3")


def test_one_pair_is_not_enough():
    (error,) = errors_of("Match. {=a -> 1 = -> 2}")
    assert "two pairs" in error


def test_a_pair_without_an_arrow_is_an_error():
    (error,) = errors_of("Match. {=a -> 1 =b 2}")
    assert "Pair 2" in error


# Numerical


def test_a_number_with_a_margin_of_error():
    question = one("Hours to notify? {#72:2}")
    assert question.kind == Kind.NUMERICAL
    assert question.numeric == [NumericAnswer(72.0, tolerance=2.0)]


def test_an_exact_number():
    assert one("Living space? {#3.5}").numeric == [NumericAnswer(3.5)]


def test_a_range():
    assert one("Between? {#1..5}").numeric == [NumericAnswer(None, low=1.0, high=5.0)]


def test_negative_numbers_and_ranges():
    assert one("Below zero? {#-5..-1}").numeric == [NumericAnswer(None, low=-5.0, high=-1.0)]


def test_several_numbers_with_weights_and_feedback():
    question = one("Value? {#\n=%100%3:0#Exactly.\n=%50%3:1#Close.\n~#Have another look.\n}")
    assert question.numeric == [
        NumericAnswer(3.0, fraction=1.0, feedback="Exactly."),
        NumericAnswer(3.0, tolerance=1.0, fraction=0.5, feedback="Close."),
        NumericAnswer(None, fraction=0.0, feedback="Have another look."),
    ]


@pytest.mark.parametrize("block", ["{#three}", "{#3:x}", "{#1..}", "{#}", "{#5..1}", "{#1e999}"])
def test_what_is_not_a_number_is_an_error(block):
    assert errors_of(f"::N::Value? {block}")


# Essay and general feedback


def test_empty_braces_make_an_essay():
    question = one("Describe your reception procedure. {}")
    assert question.kind == Kind.ESSAY


def test_general_feedback_comes_after_four_hashes():
    question = one("Describe the procedure. {\n####A good answer puts safety first.\n}")
    assert (question.kind, question.general_feedback) == (
        Kind.ESSAY,
        "A good answer puts safety first.",
    )


def test_general_feedback_of_a_choice_question():
    question = one("Capital? {=Dakar ~Thiès ####Dakar has been the capital since 1960.}")
    assert question.general_feedback == "Dakar has been the capital since 1960."
    assert question.choices[-1] == Choice("Thiès", 0.0)


def test_general_feedback_of_a_number():
    question = one("Days? {#30####Article 13 sets at least 30 days.}")
    assert question.numeric == [NumericAnswer(30.0)]
    assert question.general_feedback == "Article 13 sets at least 30 days."


# Text: escapes, comments, lines, formats, blanks


def test_escaped_characters_are_the_characters_themselves():
    question = one(
        r"::Ratio\: 1\:2:: Is 2 \= 1\+1 \{really\}? {=Yes \~ of course\#1 ~No#Well\: no}"
    )
    assert question.title == "Ratio: 1:2"
    assert question.stem == r"Is 2 = 1\+1 {really}?"  # an unknown escape keeps its backslash
    assert question.choices == [Choice("Yes ~ of course#1", 1.0), Choice("No", 0.0, "Well: no")]


def test_backslash_n_is_a_line_break_and_double_backslash_a_backslash():
    question = one(r"First line\nsecond line, C\\temp {}")
    assert question.stem == "First line\nsecond line, C\\temp"


def test_comment_lines_are_ignored_even_inside_a_question():
    question = one("// A comment\n::A::Capital? {\n// not an answer\n=Dakar\n~Thiès\n}")
    assert [choice.text for choice in question.choices] == ["Dakar", "Thiès"]


def test_a_question_spans_several_lines_until_a_blank_line():
    result = parse_gift("::A::\nFirst line\nsecond line\n{=Dakar\n~Thiès}\n\n::B::Next? {T}")
    assert [question.stem for question in result.questions] == ["First line\nsecond line", "Next?"]


@pytest.mark.parametrize("tag", ["html", "markdown", "plain"])
def test_a_format_tag_sets_the_format_of_the_text(tag):
    question = one(f"::A::[{tag}]Is **this** <b>bold</b>? {{T}}")
    assert (question.stem_format, question.stem) == (tag, "Is **this** <b>bold</b>?")


def test_the_format_is_plain_without_a_tag():
    assert one("Plain? {T}").stem_format == "plain"


def test_format_tags_are_removed_from_answers_and_feedback():
    question = one("[html]<p>Capital?</p> {=[html]<b>Dakar</b>#[html]<i>Yes</i> ~Thiès}")
    assert question.choices[0] == Choice("<b>Dakar</b>", 1.0, "<i>Yes</i>")


def test_answers_in_the_middle_of_the_text_leave_a_blank():
    question = one(
        "Trafficking needs an act, a means and {=a purpose of exploitation ~a border} to be proven."
    )
    assert question.stem == "Trafficking needs an act, a means and _____ to be proven."


def test_nul_characters_are_removed():
    question = one("::Ti\x00tle::Capi\x00tal? {=Da\x00kar ~Thiès}")
    assert (question.title, question.stem, question.choices[0].text) == (
        "Title",
        "Capital?",
        "Dakar",
    )


def test_bytes_are_read_as_utf8_with_windows_line_endings_and_a_byte_order_mark():
    result = parse_gift("\ufeff::A::Capitale ?\r\n{=Dakar ~Thiès}\r\n\r\n::B::Vrai ? {T}".encode())
    assert [question.title for question in result.questions] == ["A", "B"]
    assert result.questions[0].stem == "Capitale ?"


def test_bytes_that_are_not_utf8_are_an_error():
    (error,) = errors_of("::A::Capitale ? {=Thiès ~Dakar}".encode("latin-1"))
    assert "UTF-8" in error


# Errors


def test_an_error_gives_the_line_where_its_question_starts():
    text = "// Quiz\n\n::A::Fine? {T}\n\n::B::\nBroken?\n{=a ~%50%b\n~c\n\n::C::Fine? {F}\n"
    result = parse_gift(text)
    assert [question.title for question in result.questions] == ["A", "C"]
    assert len(result.errors) == 1 and result.errors[0].startswith("Line 5: ")


def test_the_line_of_a_question_is_kept():
    result = parse_gift("// Quiz\n\n::A::Fine? {T}\n\n\n// about B\n::B::Fine? {F}")
    assert [question.line for question in result.questions] == [3, 7]


@pytest.mark.parametrize(
    "text, words",
    [
        ("::A::No answers here.", "No answers"),
        ("::A::Open { brace", "brace"),
        ("::A::Close } brace {", "brace"),
        ("::A::Two {=a ~b} blocks {T}", "more than one"),
        ("::A Title not closed {T}", "title"),
    ],
)
def test_malformed_questions_are_errors_that_say_what_is_wrong(text, words):
    (error,) = errors_of(text)
    assert error.startswith("Line 1: ") and words in error


@pytest.mark.parametrize("text", ["", "   \n\t\n", "// only a comment\n", "$CATEGORY: Demo\n"])
def test_a_file_without_questions_says_so(text):
    assert errors_of(text) == ["No question found in the file."]


def test_a_file_over_the_size_limit_is_refused_without_being_read():
    text = "::A::Capital? {=Dakar ~Thiès}\n" * 10
    result = parse_gift(text, max_bytes=100)
    assert result.questions == []
    assert len(result.errors) == 1 and "too large" in result.errors[0] and "100" in result.errors[0]


def test_the_size_limit_counts_bytes_not_characters():
    text = "::É::Ça? {T}"  # 12 characters, 14 bytes
    assert not parse_gift(text, max_bytes=13).ok
    assert parse_gift(text, max_bytes=14).ok


GIFT_PIECES = st.sampled_from(
    ["{", "}", "=", "~", "#", "####", "::", ":", "->", "%", "%50%", "%-100%", "\\", "\n", "\n\n", "//",
     "$CATEGORY:", "[html]", "T", "F", "..", "*", " ", "\t", "1", "-3", "\x00", "\r", "\ue000", "\ue004"]
)  # fmt: skip


@given(st.text())
def test_any_text_gives_a_result_never_an_exception(text):
    result = parse_gift(text)
    assert result.questions or result.errors


@given(st.lists(st.one_of(GIFT_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_any_gift_like_text_gives_a_result_never_an_exception(text):
    result = parse_gift(text)
    assert result.questions or result.errors
    assert all(
        error.startswith("Line ") or error.startswith("No question") for error in result.errors
    )


# Writing


def test_a_category_line_is_written_only_when_the_category_changes():
    text = export_gift(
        [
            true_false(title="A", category=("Demo", "One")),
            true_false(title="B", category=("Demo", "One")),
            true_false(title="C", category=("Demo", "Two")),
        ]
    )
    assert text.count("$CATEGORY:") == 2
    assert "$CATEGORY: Demo/One\n" in text and "$CATEGORY: Demo/Two\n" in text


def test_written_questions_look_like_hand_written_ones():
    text = export_gift([single_choice(general_feedback="Since 1960.")])
    assert (
        text
        == "::Capital::\nWhich city is the capital of Senegal? {\n\t=Dakar#Correct.\n\t~Thiès#No.\n\t####Since 1960.\n}\n"
    )


def test_true_false_is_written_with_wrong_then_right_feedback():
    text = export_gift([true_false(true_feedback="Incorrect.", false_feedback="Correct.")])
    assert "{F#Incorrect.#Correct.}" in text


def test_an_ordering_question_is_left_out_with_a_comment():
    ordering = QuestionData(
        kind=Kind.ORDERING, title="Steps", stem="Order.", choices=[Choice("a", 1), Choice("b", 1)]
    )
    text = export_gift([ordering, essay()])
    assert text.startswith("// “Steps” (ordering) is left out")
    assert [question.title for question in parse_gift(text).questions] == ["Essay"]


def test_every_kind_survives_export_and_import():
    questions = [
        single_choice(category=("Demo", "Either/or"), general_feedback="Dakar."),
        multiple_response(category=("top", "Demo")),
        true_false(
            true_feedback="Incorrect.", false_feedback="Correct.", general_feedback="See Article 3."
        ),
        true_false(true_false=True, false_feedback="Only wrong feedback."),
        short_answer(
            answers=[
                TextAnswer("NRM", 1.0),
                TextAnswer("referral*", 0.5, "Nearly."),
                TextAnswer("x", 0.0),
            ]
        ),
        numerical(
            numeric=[
                NumericAnswer(30, 2),
                NumericAnswer(None, low=20, high=40, fraction=0.5, feedback="Near."),
            ]
        ),
        numerical(numeric=[NumericAnswer(None, low=-1.5, high=1e-05)], general_feedback="A range."),
        numerical(
            numeric=[
                NumericAnswer(3.5, feedback="Yes."),
                NumericAnswer(None, fraction=0, feedback="No."),
            ]
        ),
        matching(
            pairs=[
                MatchPair("a -> b", "c -> d"),
                MatchPair("[html]e", "f"),
                MatchPair("", "distractor"),
            ]
        ),
        essay(general_feedback="A good answer…", stem_format="html", stem="<p>Describe.</p>"),
        essay(stem="The sky is _____ today."),
        short_answer(stem="The capital is _____, on the coast.", stem_format="markdown"),
    ]
    assert round_trip(questions) == questions


def test_special_characters_survive_export_and_import():
    tricky = (
        r"a ~ b = c # d { e } f : g \ h \n i -> j %50% k [html] l // m $CATEGORY: n"
        + "\n o \ue000 p"
    )
    questions = [
        single_choice(
            title=tricky,
            stem=tricky,
            general_feedback=tricky,
            choices=[Choice(tricky, 1.0, tricky), Choice("%50%", 0.0, "[plain]")],
        ),
        short_answer(stem="[html] is not a tag here", answers=[TextAnswer("%25%", 1.0, tricky)]),
        essay(stem="// not a comment"),
        essay(stem="$CATEGORY: not a category"),
    ]
    assert round_trip(questions) == questions


# Any valid question bank: Hypothesis builds the questions, exporting and importing gives them back.

SYNTAX = st.sampled_from(
    ["\\", "~", "=", "#", "{", "}", ":", "->", "-", ">", "%", "%50%", "[html]", "[", "]", "$", "//",
     "_____", "####", "\n", "\t", "*", "..", "T", " ", "\ue000", "\ue005", "\\n", "::", "<p>"]
)  # fmt: skip
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
TEXTS = (
    st.lists(st.one_of(SYNTAX, CHARACTERS), min_size=1, max_size=12)
    .map("".join)
    .map(str.strip)
    .filter(bool)
)
FEEDBACK = st.one_of(st.just(""), TEXTS)
NAMES = (
    st.text(alphabet="abcXYZé -_/.$", min_size=1, max_size=8)
    .map(str.strip)
    .filter(lambda name: name and not name.startswith("/") and not name.endswith("/"))
)
NUMBERS = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
WEIGHTS = st.floats(min_value=-1, max_value=1)
CREDITS = st.floats(min_value=0, max_value=1)


@st.composite
def with_one_full_mark(draw, items, make_full):
    """A non-empty list of items where one, anywhere, is worth 100%."""
    found = draw(st.lists(items, min_size=1, max_size=4))
    found[draw(st.integers(0, len(found) - 1))] = draw(make_full)
    return found


@st.composite
def multiple_response_choices(draw):
    right = draw(st.integers(1, 4))
    choices = [Choice(draw(TEXTS), 1 / right, draw(FEEDBACK)) for _ in range(right)]
    choices += draw(st.lists(st.builds(Choice, TEXTS, st.floats(-1, 0), FEEDBACK), max_size=3))
    return draw(st.permutations(choices))


def numeric_answers(*, ranges):
    exact = st.builds(
        NumericAnswer,
        NUMBERS,
        st.floats(min_value=0, max_value=1e6),
        fraction=CREDITS,
        feedback=FEEDBACK,
    )
    any_number = st.builds(NumericAnswer, st.none(), fraction=CREDITS, feedback=FEEDBACK)
    options = [exact, any_number]
    if ranges:
        options.append(
            st.tuples(NUMBERS, NUMBERS, CREDITS, FEEDBACK).map(
                lambda drawn: NumericAnswer(
                    None,
                    low=min(drawn[:2]),
                    high=max(drawn[:2]),
                    fraction=drawn[2],
                    feedback=drawn[3],
                )
            )
        )
    answer = st.one_of(options)
    # The full mark goes to a number or a range: "any number" alone would give everyone the mark.
    numbers = st.one_of([option for option in options if option is not any_number])
    full = numbers.map(lambda number: NumericAnswer(**(vars(number) | {"fraction": 1.0})))
    return with_one_full_mark(answer, full)


def question_data(*, gift=True):
    """Valid questions of every kind the format can hold (GIFT: no marks, no ordering)."""
    common = {
        "title": TEXTS,
        "stem": TEXTS,
        "stem_format": st.sampled_from(["plain", "html", "markdown"]),
        "general_feedback": FEEDBACK,
        "category": st.lists(NAMES, max_size=3).map(tuple),
        "default_mark": st.just(1.0) if gift else st.floats(min_value=0, max_value=100),
    }
    kinds = [
        st.builds(
            QuestionData,
            kind=st.just(Kind.SINGLE_CHOICE),
            choices=with_one_full_mark(
                st.builds(Choice, TEXTS, WEIGHTS, FEEDBACK),
                st.builds(Choice, TEXTS, st.just(1.0), FEEDBACK),
            ).filter(lambda choices: len(choices) >= 2),
            **common,
        ),
        st.builds(
            QuestionData,
            kind=st.just(Kind.MULTIPLE_RESPONSE),
            choices=multiple_response_choices().filter(lambda choices: len(choices) >= 2),
            single=st.just(False),
            **common,
        ),
        st.builds(
            QuestionData,
            kind=st.just(Kind.TRUE_FALSE),
            true_false=st.booleans(),
            true_feedback=FEEDBACK,
            false_feedback=FEEDBACK,
            **common,
        ),
        st.builds(
            QuestionData,
            kind=st.just(Kind.SHORT_ANSWER),
            answers=with_one_full_mark(
                st.builds(TextAnswer, TEXTS, CREDITS, FEEDBACK),
                st.builds(TextAnswer, TEXTS, st.just(1.0), FEEDBACK),
            ),
            **common,
        ),
        st.builds(
            QuestionData,
            kind=st.just(Kind.NUMERICAL),
            numeric=numeric_answers(ranges=gift),
            **common,
        ),
        st.builds(
            QuestionData,
            kind=st.just(Kind.MATCHING),
            pairs=st.tuples(
                st.lists(st.builds(MatchPair, TEXTS, TEXTS), min_size=2, max_size=4),
                st.lists(st.builds(MatchPair, st.just(""), TEXTS), max_size=2),
            ).map(lambda drawn: drawn[0] + drawn[1]),
            **common,
        ),
        st.builds(QuestionData, kind=st.just(Kind.ESSAY), **common),
    ]
    if not gift:
        kinds.append(
            st.builds(
                QuestionData,
                kind=st.just(Kind.ORDERING),
                choices=st.lists(
                    st.builds(Choice, TEXTS, st.just(1.0), FEEDBACK), min_size=2, max_size=4
                ),
                **common,
            )
        )
    return st.one_of(kinds)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(question_data(), min_size=1, max_size=5))
def test_any_valid_questions_survive_export_and_import(questions):
    assert round_trip(questions) == questions


# Size


def mixed_questions(count):
    builders = [
        single_choice,
        multiple_response,
        true_false,
        short_answer,
        numerical,
        matching,
        essay,
    ]
    return [
        builders[number % len(builders)](
            title=f"Question {number}", category=("Demo", f"Part {number // 100}")
        )
        for number in range(count)
    ]


def test_a_thousand_questions_export_and_import():
    result = parse_gift(export_gift(mixed_questions(1000)))
    assert result.ok
    assert len(result.questions) == 1000


def test_a_numerical_question_that_accepts_any_number_for_the_mark_is_refused():
    assert errors_of("Any? {#=*}") == ["Line 1: A numerical question needs at least one accepted number."]
    assert one("Age? {#=18 =%0%*#Under 18.}").numeric[-1].is_catch_all
