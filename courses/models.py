"""The course tree (catalogue → course → module → lesson) and the learning records kept on it."""

import uuid

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from content.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from courses.page_permissions import CourseTreePage


class Topic(TranslatableMixin, models.Model):
    """A subject used to group courses in the catalogue (e.g. "Victim identification")."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("code"), max_length=60, help_text=_("Same in every language; used in catalogue links."))

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class CourseIndexPage(Page):
    """The catalogue: every published course, filterable by audience, topic and language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalogue
        from lms import content_version

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue(index=self, params=request.GET, version=content_version.of_request(request)))
        return context


class CoursePage(CourseTreePage, Page):
    """A course: what it teaches, to whom, how long it takes and when it counts as completed."""

    class CompletionRule(models.TextChoices):
        ALL_REQUIRED_LESSONS = "required_lessons", _("Complete every required lesson and pass every required quiz")

    summary = models.TextField(_("summary"), max_length=600, help_text=_("Two or three sentences shown in the catalogue."))
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    audiences = ParentalManyToManyField(
        "lms.Sector", blank=True, verbose_name=_("audiences"), help_text=_("Who the course is written for.")
    )
    topics = ParentalManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    learning_outcomes = StreamField(
        [
            (
                "outcome",
                blocks.CharBlock(
                    label=_("outcome"),
                    max_length=300,
                    help_text=_("One thing a trainee can do after the course, starting with a verb (300 characters at most)."),
                ),
            )
        ],
        blank=True,
        verbose_name=_("learning outcomes"),
        help_text=_("What a trainee can do after the course, one per line: 'Recognise the indicators of...'."),
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1, help_text=_("Study time printed on certificates.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=30,
        choices=CompletionRule.choices,
        default=CompletionRule.ALL_REQUIRED_LESSONS,
        help_text=_("Changes apply to enrolments made afterwards; recorded completions stay."),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certificate template"),
        help_text=_("Leave empty to use the default template."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when certificates never expire. Trainees are reminded before expiry."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("description")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("audiences", widget=forms.CheckboxSelectMultiple), FieldPanel("topics")],
            heading=_("Catalogue"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("estimated_hours"),
        FieldPanel("prerequisites"),
        FieldPanel("completion_rule"),
        MultiFieldPanel(
            [FieldPanel("certificate_template"), FieldPanel("certificate_validity_months")],
            heading=_("Certificate"),
        ),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    reordered_by_editors = True  # the course's authors put its modules in order

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user, request=request))
        return context


class ModulePage(CourseTreePage, Page):
    """A group of lessons inside a course."""

    summary = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "assessments.QuizPage"]
    template = "courses/module_page.html"
    reordered_by_editors = True  # the course's authors put its lessons and quizzes in order

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.get_parent()
        context["items"] = items = list(self.get_children().live().specific())
        for item in items:
            item.kind = item._meta.verbose_name  # "lesson", "quiz": named by their own app
        return context

    def serve(self, request, *args, **kwargs):
        # Trainees go straight to the first lesson: the course page holds the outline. The
        # template is what authors and moderators see in a preview.
        first = self.get_children().live().first()
        return HttpResponseRedirect((first or self.get_parent()).get_url(request))


class LessonPage(CourseTreePage, Page):
    """One lesson: text, cases, media; marked complete by the trainee."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One sentence shown in the course outline."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    is_required = models.BooleanField(
        _("required for completion"), default=True, help_text=_("Optional lessons do not count towards completion.")
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("estimated_minutes"),
        FieldPanel("is_required"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        from courses.views import serve_lesson

        return serve_lesson(request, self)

    def get_preview_context(self, request, mode_name):
        # A preview does not go through serve(): give the template what serve_lesson gives it,
        # with the previewer's own round if they have one, and record nothing.
        from courses.selectors import course_of, current_enrolment, lesson_context

        context = super().get_preview_context(request, mode_name)
        course = course_of(self)
        enrolment = current_enrolment(trainee=request.user, course=course)
        context.update(lesson_context(lesson=self, course=course, enrolment=enrolment, request=request))
        return context


class Cohort(models.Model):
    """A group of trainees taking a course together, e.g. for a workshop in Dakar."""

    name = models.CharField(_("name"), max_length=160)
    course = models.ForeignKey(
        CoursePage, on_delete=models.SET_NULL, null=True, related_name="cohorts", verbose_name=_("course")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_cohorts",
        verbose_name=_("facilitator"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=160, blank=True, help_text=_("City or 'online'."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start")
        ]

    def __str__(self):
        return self.name


class CohortInvitation(models.Model):
    """A trainer's invitation to join a cohort; nothing changes for the invitee until they accept.

    The trainer sees only what they typed (name, email) and the status: never whether the address
    had an account, nor anything of that account before the person accepts.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="cohort_invitations", verbose_name=_("cohort"))
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_invitations", verbose_name=_("invitee")
    )
    name = models.CharField(_("name as typed"), max_length=200, help_text=_("As written in the trainer's file."))
    email = models.EmailField(_("email as typed"), max_length=254)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    send_count = models.PositiveIntegerField(_("times sent"), default=1)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cohort invitation")
        verbose_name_plural = _("cohort invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "invitee"], condition=models.Q(status="pending"), name="cohort_invitation_one_pending"
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", answered_at__isnull=True) | (~models.Q(status="pending") & models.Q(answered_at__isnull=False)),
                name="cohort_invitation_answered_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.cohort_id} ({self.status})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class Enrolment(models.Model):
    """A trainee's round of a course, with where they worked when they took it.

    The organisation, sector and country are copied at enrolment so reports count the training
    where it happened, even after a job change. Retaking a course opens a new round.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("trainee")
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.SET_NULL, null=True, related_name="enrolments", verbose_name=_("course")
    )
    course_key = models.UUIDField(
        _("course identity"), db_index=True, help_text=_("The same for every translation of the course.")
    )
    course_title = models.CharField(_("course title"), max_length=255)
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments", verbose_name=_("cohort")
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    completion_rule = models.CharField(_("completion rule"), max_length=30, choices=CoursePage.CompletionRule.choices)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        LessonPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("last lesson")
    )
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    score = models.DecimalField(
        _("course score (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Weighted mean of the required quizzes' grades, recorded at completion."),
    )
    organisation = models.ForeignKey(
        "lms.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments", verbose_name=_("organisation")
    )
    sector = models.ForeignKey(
        "lms.Sector", on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments", verbose_name=_("sector")
    )
    country = models.ForeignKey(
        "lms.Country", on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments", verbose_name=_("country")
    )
    region = models.ForeignKey(
        "lms.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments", verbose_name=_("region")
    )

    class Meta:
        ordering = ["-enrolled_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["trainee", "course_key", "round"], name="enrolment_unique_round"),
            models.UniqueConstraint(
                fields=["trainee", "course_key"],
                condition=models.Q(status="active"),
                name="enrolment_one_open_round",
            ),
            models.CheckConstraint(
                condition=models.Q(status="completed", completed_at__isnull=False) | ~models.Q(status="completed"),
                name="enrolment_completed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "completed_at"], name="enrolment_status_completed")]

    def __str__(self):
        return f"{self.trainee} — {self.course_title} ({self.round})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_completed(self):
        return self.status == self.Status.COMPLETED

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN


class LessonCompletion(models.Model):
    """A lesson the trainee marked complete within one enrolment."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.SET_NULL, null=True, related_name="+")
    lesson_key = models.UUIDField(default=uuid.uuid4, help_text=_("The same for every translation of the lesson."))
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="lesson_completion_once")
        ]

    def __str__(self):
        return f"{self.enrolment_id}:{self.lesson_key}"
