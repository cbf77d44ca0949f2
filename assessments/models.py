"""The question bank, quizzes and attempts.

Questions are models with stable identities: a question that was shown in an attempt is never
changed in place. Editing it creates a new version (same ``family``); attempts keep the version
they were shown and graded on.
"""

import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from polymorphic.models import PolymorphicModel
from taggit.managers import TaggableManager
from treebeard.mp_tree import MP_Node
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from assessments.quiz_forms import QuizPageForm
from courses.page_permissions import CourseTreePage

STEM_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class QuestionCategory(MP_Node):
    """A folder of the question bank; categories nest (e.g. Demo › Victim identification)."""

    name = models.CharField(_("name"), max_length=200)
    node_order_by = ["name"]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")

    def __str__(self):
        return self.name

    @classmethod
    def for_path(cls, names) -> "QuestionCategory":
        """The category at ``a/b/c``, created level by level when missing."""
        node = None
        for name in names:
            siblings = cls.get_root_nodes() if node is None else node.get_children()
            found = siblings.filter(name=name).first()
            if found is None:
                found = cls.add_root(name=name) if node is None else node.add_child(name=name)
            node = found
        return node


class Question(PolymorphicModel):
    """A scored question. Subclasses add the key for their type."""

    kind = ""
    family = models.UUIDField(_("question identity"), default=uuid.uuid4, db_index=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    is_current = models.BooleanField(_("current version"), default=True, editable=False)
    category = models.ForeignKey(QuestionCategory, on_delete=models.PROTECT, related_name="questions", verbose_name=_("category"))
    title = models.CharField(_("title"), max_length=255, help_text=_("A short name to find the question in the bank."))
    stem = RichTextField(_("question"), features=STEM_FEATURES)
    default_mark = models.DecimalField(
        _("default mark"), max_digits=6, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(Decimal("0"))]
    )
    general_feedback = RichTextField(
        _("general feedback"), features=STEM_FEATURES, blank=True, help_text=_("Shown after the attempt, whatever the answer.")
    )
    tags = TaggableManager(blank=True, verbose_name=_("tags"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )

    base_panels = [FieldPanel("category"), FieldPanel("title"), FieldPanel("stem"), FieldPanel("default_mark")]
    feedback_panels = [FieldPanel("general_feedback"), FieldPanel("tags")]

    class Meta:
        ordering = ["category__path", "title"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="question_unique_version"),
            models.UniqueConstraint(fields=["family"], condition=models.Q(is_current=True), name="question_one_current_version"),
        ]

    def __str__(self):
        return self.title

    def grading_spec(self) -> dict:
        """The key in the form ``assessments.grading`` reads."""
        return {}

    def option_ids(self) -> list[str]:
        """Ids of the things a trainee picks or orders, in authoring order (none by default)."""
        return []

    def option_label(self, option_id: str) -> str:
        return ""


class PlainDecimalBlock(blocks.DecimalBlock):
    """A number the edit form shows as people write it: 100 and 33.33333, never 1E+2."""

    def value_for_form(self, value):
        # A form shown again with errors hands back what was typed: "" or text that is no number.
        try:
            text = format(Decimal(value).normalize(), "f")
        except (TypeError, ArithmeticError):
            return value
        return "0" if text == "-0" else text


def _stream_options(stream) -> list[tuple[str, dict]]:
    return [(child.id, child.value) for child in stream]


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=500, help_text=_("The answer as the trainee reads it (500 characters at most)."))
    fraction = PlainDecimalBlock(
        label=_("credit (%)"),
        min_value=-100,
        max_value=100,
        default=0,
        help_text=_("100 for a right answer, 0 for a wrong one, between -100 and 100; negative to penalise a guess."),
    )
    feedback = blocks.CharBlock(
        label=_("feedback"), required=False, max_length=500, help_text=_("Optional: shown to a trainee who chose this answer, after the attempt.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class ChoiceQuestion(Question):
    """Shared by single choice and multiple response."""

    choices = StreamField([("choice", ChoiceBlock())], verbose_name=_("answers"))

    def grading_spec(self):
        return {
            "choices": [
                {"id": block_id, "fraction": float(value["fraction"]) / 100, "feedback": value["feedback"]}
                for block_id, value in _stream_options(self.choices)
            ]
        }

    def option_ids(self):
        return [block_id for block_id, _value in _stream_options(self.choices)]

    def option_label(self, option_id):
        return next((value["text"] for block_id, value in _stream_options(self.choices) if block_id == option_id), "")


class SingleChoiceQuestion(ChoiceQuestion):
    kind = "single_choice"

    class Meta:
        verbose_name = _("single choice question")


class MultipleResponseQuestion(ChoiceQuestion):
    kind = "multiple_response"

    class Meta:
        verbose_name = _("multiple response question")


class TrueFalseQuestion(Question):
    kind = "true_false"
    correct_answer = models.BooleanField(_("the statement is true"), default=True)
    feedback_true = models.CharField(_("feedback when answering “true”"), max_length=500, blank=True)
    feedback_false = models.CharField(_("feedback when answering “false”"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("true/false question")

    def grading_spec(self):
        return {"correct": self.correct_answer, "feedback_true": self.feedback_true, "feedback_false": self.feedback_false}


class MatchPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(
        label=_("prompt"),
        required=False,
        max_length=300,
        help_text=_("What the trainee matches, e.g. a situation (300 characters at most). Leave empty for an extra wrong answer."),
    )
    right = blocks.CharBlock(
        label=_("matching answer"), max_length=300, help_text=_("The answer that belongs to this prompt (300 characters at most).")
    )

    class Meta:
        icon = "link"
        label = _("Pair")


class MatchingQuestion(Question):
    kind = "matching"
    pairs = StreamField([("pair", MatchPairBlock())], verbose_name=_("pairs"))

    class Meta:
        verbose_name = _("matching question")

    def grading_spec(self):
        return {"pairs": [{"id": block_id, "left": v["left"], "right": v["right"]} for block_id, v in _stream_options(self.pairs)]}

    def prompts(self):
        return [(block_id, v["left"]) for block_id, v in _stream_options(self.pairs) if v["left"]]

    def option_ids(self):
        return [block_id for block_id, _v in _stream_options(self.pairs)]

    def option_label(self, option_id):
        return next((v["right"] for block_id, v in _stream_options(self.pairs) if block_id == option_id), "")


class OrderingQuestion(Question):
    kind = "ordering"
    items = StreamField(
        [
            (
                "item",
                blocks.CharBlock(
                    label=_("item"),
                    max_length=300,
                    help_text=_("One step (300 characters at most). Trainees see the items shuffled and put them back in this order."),
                ),
            )
        ],
        verbose_name=_("items in the right order"),
    )

    class Meta:
        verbose_name = _("ordering question")

    def grading_spec(self):
        return {"items": [block_id for block_id, _v in _stream_options(self.items)]}

    def option_ids(self):
        return self.grading_spec()["items"]

    def option_label(self, option_id):
        return next((v for block_id, v in _stream_options(self.items) if block_id == option_id), "")


class TextAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("accepted answer"),
        max_length=300,
        help_text=_("An answer to accept (300 characters at most); * matches any characters, e.g. 'refer*'."),
    )
    fraction = PlainDecimalBlock(
        label=_("credit (%)"), min_value=0, max_value=100, default=100, help_text=_("From 0 to 100: 100 for a fully right answer.")
    )
    feedback = blocks.CharBlock(
        label=_("feedback"), required=False, max_length=500, help_text=_("Optional: shown to a trainee who gave this answer.")
    )

    class Meta:
        label = _("Accepted answer")


class ShortAnswerQuestion(Question):
    kind = "short_answer"
    answers = StreamField([("answer", TextAnswerBlock())], verbose_name=_("accepted answers"))
    case_sensitive = models.BooleanField(_("letter case matters"), default=False)

    class Meta:
        verbose_name = _("short answer question")

    def grading_spec(self):
        return {
            "case_sensitive": self.case_sensitive,
            "answers": [
                {"text": v["text"], "fraction": float(v["fraction"]) / 100, "feedback": v["feedback"]}
                for _id, v in _stream_options(self.answers)
            ],
        }


class NumericAnswerBlock(blocks.StructBlock):
    value = PlainDecimalBlock(label=_("value"), required=False, help_text=_("The right number. Give either a value or a range."))
    tolerance = PlainDecimalBlock(
        label=_("tolerance (±)"), required=False, min_value=0, help_text=_("Optional: how far from the value an answer may be.")
    )
    low = PlainDecimalBlock(label=_("or from"), required=False, help_text=_("The lowest accepted number, for a range."))
    high = PlainDecimalBlock(label=_("to"), required=False, help_text=_("The highest accepted number, for a range."))
    fraction = PlainDecimalBlock(
        label=_("credit (%)"), min_value=0, max_value=100, default=100, help_text=_("From 0 to 100: 100 for a fully right answer.")
    )
    feedback = blocks.CharBlock(
        label=_("feedback"), required=False, max_length=500, help_text=_("Optional: shown to a trainee whose answer matched.")
    )

    class Meta:
        label = _("Accepted answer")


class NumericalQuestion(Question):
    kind = "numerical"
    answers = StreamField([("answer", NumericAnswerBlock())], verbose_name=_("accepted answers"))

    class Meta:
        verbose_name = _("numerical question")

    def grading_spec(self):
        def number(value):
            return None if value is None else float(value)

        return {
            "answers": [
                {
                    "value": number(v["value"]),
                    "tolerance": number(v["tolerance"]) or 0,
                    "low": number(v["low"]),
                    "high": number(v["high"]),
                    "fraction": float(v["fraction"]) / 100,
                    "feedback": v["feedback"],
                }
                for _id, v in _stream_options(self.answers)
            ]
        }


class EssayQuestion(Question):
    kind = "essay"
    rubric = RichTextField(_("grading notes"), features=STEM_FEATURES, blank=True, help_text=_("For graders only."))

    class Meta:
        verbose_name = _("essay question")


QUESTION_TYPES = [
    SingleChoiceQuestion,
    MultipleResponseQuestion,
    TrueFalseQuestion,
    MatchingQuestion,
    OrderingQuestion,
    ShortAnswerQuestion,
    NumericalQuestion,
    EssayQuestion,
]


class ReviewTiming(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately after each attempt")
    AFTER_PASSING = "after_passing", _("Once the trainee has passed")
    AFTER_CLOSE = "after_close", _("After the quiz closes")
    NEVER = "never", _("Never")


class QuizPage(CourseTreePage, Page):
    """A scored quiz inside a module."""

    class GradingMethod(models.TextChoices):
        HIGHEST = "highest", _("Highest grade")
        LAST = "last", _("Last attempt")
        FIRST = "first", _("First attempt")
        AVERAGE = "average", _("Average of attempts")

    class Layout(models.TextChoices):
        ONE_PER_PAGE = "one_per_page", _("One question per page")
        ALL_ON_ONE = "all_on_one", _("All questions on one page")

    intro = RichTextField(_("introduction"), features=STEM_FEATURES, blank=True)
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle answers"), default=True)
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, default=Layout.ONE_PER_PAGE)
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit (minutes)"), null=True, blank=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=0, help_text=_("0 means unlimited."))
    grading_method = models.CharField(_("grading method"), max_length=10, choices=GradingMethod.choices, default=GradingMethod.HIGHEST)
    pass_mark = models.DecimalField(
        _("pass mark (%)"), max_digits=5, decimal_places=2, default=Decimal("70"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    show_marks = models.CharField(_("show marks"), max_length=20, choices=ReviewTiming.choices, default=ReviewTiming.IMMEDIATELY)
    show_feedback = models.CharField(_("show feedback"), max_length=20, choices=ReviewTiming.choices, default=ReviewTiming.IMMEDIATELY)
    show_correct_answers = models.CharField(
        _("show correct answers"), max_length=20, choices=ReviewTiming.choices, default=ReviewTiming.AFTER_PASSING
    )
    is_required = models.BooleanField(_("required for course completion"), default=True)
    weight = models.DecimalField(
        _("weight in the course score"), max_digits=5, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(Decimal("0"))]
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        # "Add questions" opens the question picker (assessments.chooser): filters, several at once.
        MultipleChooserPanel("slots", chooser_field_name="question", label=_("questions")),
        InlinePanel(
            "random_slots",
            label=_("random questions"),
            help_text=_("Each attempt draws its own questions from the category; they follow the fixed questions."),
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("layout"), FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices"), FieldPanel("time_limit_minutes"),
             FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("max_attempts")],
            heading=_("Attempts"),
        ),
        MultiFieldPanel(
            [FieldPanel("grading_method"), FieldPanel("pass_mark"), FieldPanel("is_required"), FieldPanel("weight")],
            heading=_("Grading"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_marks"), FieldPanel("show_feedback"), FieldPanel("show_correct_answers")], heading=_("Review")
        ),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    base_form_class = QuizPageForm

    class Meta:
        verbose_name = _("quiz")

    def serve(self, request, *args, **kwargs):
        from assessments.views import quiz_intro

        return quiz_intro(request, self)

    def get_preview_context(self, request, mode_name):
        # A preview does not go through serve(): the same intro, without the enrolment it asks for.
        from assessments.views import intro_context

        return intro_context(request, self)


class QuizSlot(Orderable):
    """A fixed question of a quiz; the attempt uses the question's current version."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question"))
    mark = models.DecimalField(
        _("mark"), max_digits=6, decimal_places=2, null=True, blank=True, help_text=_("Empty: the question's default mark.")
    )

    panels = [FieldPanel("question"), FieldPanel("mark")]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz question")


class QuizRandomSlot(Orderable):
    """Moodle's random question: each attempt draws ``count`` questions of a category for itself.

    The draw is made when an attempt starts (``services.start_attempt``) and kept on the
    attempt's answers, so a reload or a resume shows the same questions; results and item
    analysis count each question drawn. A question already in the quiz is never drawn again.
    """

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="random_slots")
    category = models.ForeignKey(QuestionCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category"))
    include_subcategories = models.BooleanField(_("include subcategories"), default=True)
    count = models.PositiveSmallIntegerField(
        _("number of questions"), default=1, validators=[MinValueValidator(1)], help_text=_("How many questions each attempt draws.")
    )
    mark = models.DecimalField(
        _("mark"), max_digits=6, decimal_places=2, null=True, blank=True, help_text=_("Empty: each question's default mark.")
    )

    panels = [FieldPanel("category"), FieldPanel("include_subcategories"), FieldPanel("count"), FieldPanel("mark")]

    class Meta(Orderable.Meta):
        verbose_name = _("random questions")
        verbose_name_plural = _("random questions")
        constraints = [models.CheckConstraint(condition=models.Q(count__gte=1), name="random_slot_draws_one_or_more")]

    def __str__(self):
        return f"{self.count} × {self.category}"


class CountedAttemptManager(models.Manager):
    """Attempts that count: never an author's preview. Results, completion, grading and every
    report read ``Attempt.objects``; acting on an attempt one holds goes through ``all_objects``."""

    def get_queryset(self):
        return super().get_queryset().filter(is_preview=False)


class Attempt(models.Model):
    """One try at a quiz, with explicit states."""

    class Status(models.TextChoices):
        # An attempt not submitted in time is closed with its saved answers and graded: it ends
        # FINISHED too (services.close_overdue); no attempt is left ungraded.
        IN_PROGRESS = "in_progress", _("In progress")
        FINISHED = "finished", _("Finished")

    quiz = models.ForeignKey(QuizPage, on_delete=models.SET_NULL, null=True, related_name="attempts", verbose_name=_("quiz"))
    quiz_key = models.UUIDField(_("quiz identity"), db_index=True)
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("trainee"))
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.CASCADE, null=True, blank=True, related_name="attempts", verbose_name=_("enrolment")
    )
    # An author trying the quiz as a trainee would (services.start_preview): no enrolment, never
    # counted anywhere (``objects`` leaves it out), replaced by the author's next preview.
    is_preview = models.BooleanField(_("preview"), default=False)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    language = models.CharField(_("language"), max_length=10, blank=True, help_text=_("The language it started in; its questions stay in it."))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    current_page = models.PositiveSmallIntegerField(_("page"), default=0)
    marks = models.DecimalField(_("marks"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_marks = models.DecimalField(_("out of"), max_digits=8, decimal_places=2, default=Decimal("0"))
    grade = models.DecimalField(_("grade (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    needs_grading = models.BooleanField(_("waiting for a grader"), default=False)
    # Set when a person finishes grading the essays; the trainee's dashboard announces the result
    # until the trainee marks it as read (grade_seen_at catches up, services.mark_grade_seen).
    graded_at = models.DateTimeField(_("graded by a person"), null=True, blank=True)
    grade_seen_at = models.DateTimeField(_("grade seen by the trainee"), null=True, blank=True)

    all_objects = models.Manager()
    objects = CountedAttemptManager()

    class Meta:
        ordering = ["quiz_key", "trainee", "number"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        default_manager_name = "objects"
        base_manager_name = "all_objects"
        constraints = [
            models.UniqueConstraint(
                fields=["quiz_key", "trainee", "number"], condition=models.Q(is_preview=False), name="attempt_unique_number"
            ),
            models.UniqueConstraint(
                fields=["quiz_key", "trainee"],
                condition=models.Q(status="in_progress", is_preview=False),
                name="attempt_one_in_progress",
            ),
            models.UniqueConstraint(fields=["quiz_key", "trainee"], condition=models.Q(is_preview=True), name="attempt_one_preview"),
            models.CheckConstraint(condition=models.Q(is_preview=True) | models.Q(enrolment__isnull=False), name="attempt_enrolled_or_preview"),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="attempt_status_deadline")]

    def __str__(self):
        return f"{self.trainee} — {self.quiz_key} #{self.number}"

    @property
    def is_open(self):
        return self.status == self.Status.IN_PROGRESS

    @property
    def is_submitted(self):
        return self.status == self.Status.FINISHED

    @property
    def has_unread_grade(self) -> bool:
        """A person graded the attempt and the trainee has not marked that grade as read."""
        return self.graded_at is not None and (self.grade_seen_at is None or self.grade_seen_at < self.graded_at)

    def add_up(self, answers) -> None:
        """Set the totals from the attempt's answers: marks, grade (%) and whether some wait for a person."""
        self.needs_grading = any(answer.mark is None for answer in answers)
        self.marks = sum((answer.mark or Decimal("0")) for answer in answers)
        if self.max_marks:
            self.grade = (100 * self.marks / self.max_marks).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        else:
            self.grade = Decimal("100")


class Answer(models.Model):
    """A question as shown in one attempt (its version, its shuffled layout) and the response."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="attempt_answers")
    max_mark = models.DecimalField(max_digits=6, decimal_places=2)
    # {"tokens": {token: option_id}, "order": [token, ...], "right_order": [token, ...]}: opaque
    # per-attempt names, so the page reveals neither database ids nor the key.
    layout = models.JSONField(default=dict)
    response = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    fraction = models.DecimalField(max_digits=6, decimal_places=5, null=True, blank=True)
    mark = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    feedback = models.JSONField(default=list, blank=True)
    grader_comment = models.TextField(_("grader's comment"), blank=True)
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="answer_unique_position")]

    def __str__(self):
        return f"{self.attempt_id}:{self.position}"


from assessments.translation_models import QuestionTranslation  # noqa: E402, F401  (kept apart: this module is full)
