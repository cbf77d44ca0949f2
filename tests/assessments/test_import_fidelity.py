"""Imports keep what the author wrote: found by importing a real question file as a trainer would."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments import importing
from assessments.formats import export_gift, export_moodle_xml, parse_gift, parse_moodle_xml
from assessments.formats.html import to_html
from assessments.models import (
    ChoiceBlock,
    MultipleResponseQuestion,
    NumericAnswerBlock,
    Question,
    QuestionCategory,
)
from lms import roles
from tests.factories import UserFactory

FILES = Path(__file__).parent / "files"
EVERY_GIFT = (FILES / "every_construct.gift").read_text(encoding="utf-8")
EVERY_XML = (FILES / "every_construct.xml").read_bytes()


def one(text):
    result = parse_gift(text)
    assert not result.errors, result.errors
    (question,) = result.questions
    return question


# Matching distractors


def test_a_distractor_on_its_own_line_is_a_distractor_not_the_end_of_the_previous_answer():
    question = one("Match {\n=Trafficking -> Exploitation\n=Smuggling -> A crossing offence\n-> Issuing a visa\n}")
    assert [(p.left, p.right) for p in question.pairs] == [
        ("Trafficking", "Exploitation"),
        ("Smuggling", "A crossing offence"),
        ("", "Issuing a visa"),
    ]


def test_a_distractor_written_equals_arrow_is_a_distractor():
    question = one("Match {\n=Trafficking -> Exploitation\n=Smuggling -> A crossing offence\n= -> Issuing a visa\n}")
    assert question.pairs[-1].left == "" and question.pairs[-1].right == "Issuing a visa"
    assert question.pairs[1].right == "A crossing offence"


def test_an_escaped_arrow_on_its_own_line_stays_in_the_answer():
    question = one("Match {\n=A -> B\n=C -> D\n-\\> E\n}")
    assert question.pairs[-1].right == "D\n-> E"


# Text formats


def test_markdown_renders_as_the_author_meant():
    assert to_html("Is **this** *bold*?", "markdown") == "<p>Is <strong>this</strong> <em>bold</em>?</p>"
    assert to_html("Steps:\n\n- identify\n- refer", "markdown") == "<p>Steps:</p><ul><li>identify</li><li>refer</li></ul>"
    assert to_html("1. one\n2. two", "markdown") == "<ol><li>one</li><li>two</li></ol>"
    assert to_html("See [the protocol](https://example.org/p) and `code`", "markdown") == (
        '<p>See <a href="https://example.org/p" rel="noopener noreferrer">the protocol</a> and <code>code</code></p>'
    )


def test_markdown_is_sanitised():
    rendered = to_html("<script>alert(1)</script> [x](javascript:alert(1)) **<img src=x onerror=alert(1)>**", "markdown")
    assert "<script" not in rendered and "javascript:" not in rendered and "<img" not in rendered
    assert "onerror" not in to_html("<b onclick=x>b</b>", "moodle")


def test_plain_and_moodle_formats():
    assert to_html("a <b>b</b>\nc\n\nd", "plain") == "<p>a &lt;b&gt;b&lt;/b&gt;<br>c</p><p>d</p>"
    assert to_html("a <b>b</b>\nsee https://example.org/x.", "moodle") == (
        '<p>a <b>b</b><br>see <a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>.</p>'
    )
    assert to_html("<p onclick='x'>Hi</p><script>x</script>", "html") == "<p>Hi</p>"


def test_every_gift_format_tag_is_read():
    assert [one(f"[{tag}]Hi {{T}}").stem_format for tag in ("html", "markdown", "plain", "moodle")] == [
        "html", "markdown", "plain", "moodle",
    ]


@pytest.mark.django_db
def test_an_imported_markdown_question_shows_no_literal_stars():
    (question,) = importing.import_questions([one("::M::[markdown]Is **this** bold? {=*yes* ~no}")])
    question = question.get_real_instance()
    assert question.stem == "<p>Is <strong>this</strong> bold?</p>"
    assert [child.value["text"] for child in question.choices] == ["yes", "no"]


# Errors


def test_an_unclosed_brace_is_reported_at_the_question_that_opened_it():
    result = parse_gift("::Q1:: First {\n=a\n~b\n\n~c\n}\n\n::Q2:: Second {=x ~y}\n")
    assert result.errors == [
        "Line 1: The brace opened in this question is not closed before the next blank line; "
        "close the answers with } and leave no blank line between { and }."
    ]
    assert [q.title for q in result.questions] == ["Q2"]


# Credits


def test_credits_show_as_percentages_in_the_edit_form():
    block = ChoiceBlock().child_blocks["fraction"]
    assert [block.get_form_state(Decimal(v)) for v in ("1E+2", "-1E+2", "5E+1", "33.33333", "0E-5")] == [
        "100", "-100", "50", "33.33333", "0",
    ]
    assert NumericAnswerBlock().child_blocks["value"].get_form_state(Decimal("1E+3")) == "1000"
    assert [importing._percent(f) for f in (1.0, -1.0, 0.5, 0.3333333, 0.0)] == ["100", "-100", "50", "33.33333", "0"]


@pytest.mark.django_db
def test_the_gift_export_writes_credits_as_moodle_does():
    importing.import_questions([one("::W:: Which? {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}")])
    question = MultipleResponseQuestion.objects.get()
    text = export_gift([importing.to_data(question, ("C",))])
    assert "%33.33333%a" in text and "%33.33334%c" in text and "%-100%d" in text
    assert "33.33332999" not in text and "E+" not in text


# The import preview


@pytest.mark.django_db
def test_the_import_preview_shows_the_answers_and_the_type_in_words(client):
    client.force_login(UserFactory(role=roles.TRAINER))
    text = "::A:: Pick {=a ~b ~c}\n\n::B:: True? {T}\n\n::C:: Match {=x -> 1\n=y -> 2\n-> 3}\n\n::D:: Essay {}\n"
    response = client.post(reverse("question_import"), {"file": SimpleUploadedFile("q.gift", text.encode())})
    rows = [(row["type_label"], row["answers"]) for row in response.context["rows"]]
    assert [(str(label), answers) for label, answers in rows] == [
        ("single choice question", 3), ("true/false question", 2), ("matching question", 3), ("essay question", 0),
    ]
    page = response.content.decode()
    assert "Single choice question" in page and "single_choice" not in page


# Round trips


def snapshot(question: Question) -> dict:
    """A bank question field by field, without its identity (ids, family, dates)."""
    question = question.get_real_instance()
    names = []
    node = question.category
    while node is not None:
        names.insert(0, node.name)
        node = node.get_parent()
    fields = {"type": type(question).__name__, "category": names}
    for field in question._meta.concrete_fields:
        if field.primary_key or field.name in {"id", "family", "created_at", "created_by", "polymorphic_ctype", "category"}:
            continue
        if field.name.endswith("_ptr"):
            continue
        value = getattr(question, field.name)
        if hasattr(value, "raw_data"):  # a StreamField: its values, not its block ids
            value = [dict(child.value) if hasattr(child.value, "items") else child.value for child in value]
        fields[field.name] = value
    return fields


def bank_snapshot():
    return [snapshot(q) for q in Question.objects.order_by("pk")]


def reimport(data):
    Question.objects.all().delete()
    QuestionCategory.objects.all().delete()
    importing.import_questions(data)
    return bank_snapshot()


def test_the_every_construct_file_reads_without_errors():
    result = parse_gift(EVERY_GIFT)
    assert result.errors == []
    kinds = {q.kind for q in result.questions}
    assert kinds == {"single_choice", "multiple_response", "true_false", "short_answer", "numerical", "matching", "essay"}
    escapes = next(q for q in result.questions if q.title == "Escapes: all of them")
    assert escapes.stem == "Braces { }, a tilde ~, an equals sign =, a hash #, a colon : and a backslash \\ stay;\nthis is a new line."
    assert [(c.text, c.feedback) for c in escapes.choices] == [("a = b", "Right # one"), ("c ~ d", "")]


def test_gift_import_export_import_gives_the_same_data():
    first = parse_gift(EVERY_GIFT).questions
    assert parse_gift(export_gift(first)).questions == first


def test_moodle_xml_import_export_import_gives_the_same_data():
    first = parse_moodle_xml(EVERY_XML)
    assert first.errors == []
    assert parse_moodle_xml(export_moodle_xml(first.questions)).questions == first.questions


@pytest.mark.django_db
def test_gift_round_trip_through_the_bank_keeps_every_field():
    importing.import_questions(parse_gift(EVERY_GIFT).questions)
    before = bank_snapshot()
    exported = export_gift(importing.to_data(q, tuple(s["category"])) for q, s in zip(Question.objects.order_by("pk"), before, strict=True))
    after = reimport(parse_gift(exported).questions)
    assert len(after) == len(before) == 16
    for old, new in zip(before, after, strict=True):
        assert new == old


@pytest.mark.django_db
def test_moodle_xml_round_trip_through_the_bank_keeps_every_field():
    importing.import_questions(parse_moodle_xml(EVERY_XML).questions)
    before = bank_snapshot()
    exported = export_moodle_xml(
        importing.to_data(q, tuple(s["category"])) for q, s in zip(Question.objects.order_by("pk"), before, strict=True)
    )
    after = reimport(parse_moodle_xml(exported).questions)
    assert len(after) == len(before) == 8
    for old, new in zip(before, after, strict=True):
        assert new == old


# Grading notes of essays (Moodle's <graderinfo>)

ESSAY_WITH_NOTES = b"""<quiz><question type="essay"><name><text>First conversation</text></name>
<questiontext format="html"><text>Describe it.</text></questiontext>
<graderinfo format="%s"><text>%s</text></graderinfo></question></quiz>"""


@pytest.mark.django_db
def test_moodle_xml_grading_notes_survive_import_and_export():
    xml = ESSAY_WITH_NOTES % (b"html", b"&lt;p&gt;Names the &lt;b&gt;NRM&lt;/b&gt; focal point.&lt;/p&gt;")
    (question,) = importing.import_questions(parse_moodle_xml(xml).questions)
    assert question.get_real_instance().rubric == "<p>Names the <b>NRM</b> focal point.</p>"
    exported = export_moodle_xml([importing.to_data(question, ("C",))])
    assert b'<graderinfo format="html">' in exported
    assert b"<text>&lt;p&gt;Names the &lt;b&gt;NRM&lt;/b&gt; focal point.&lt;/p&gt;</text>" in exported
    (read_back,) = parse_moodle_xml(exported).questions
    assert read_back.rubric == "<p>Names the <b>NRM</b> focal point.</p>"


def test_plain_text_grading_notes_are_read_as_text_and_scripts_are_dropped():
    (question,) = parse_moodle_xml(ESSAY_WITH_NOTES % (b"plain_text", b"Safety &lt;first&gt;")).questions
    assert question.rubric == "<p>Safety &lt;first&gt;</p>"
    (hostile,) = parse_moodle_xml(ESSAY_WITH_NOTES % (b"html", b"&lt;script&gt;x()&lt;/script&gt;Ok")).questions
    assert "<script" not in hostile.rubric and "Ok" in hostile.rubric
