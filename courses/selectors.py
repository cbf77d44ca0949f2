"""Read queries for the course tree and learning records."""

import functools
import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.models import Page

from courses import cohort_rules
from courses import items as item_kinds
from courses.models import (
    Cohort,
    CohortInvitation,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    Topic,
)
from lms import content_version, roles
from lms.i18n import language_of_locale
from lms.routing import page_from_values


@dataclass
class OutlineModule:
    page: ModulePage
    lessons: list = field(default_factory=list)


@dataclass
class Progress:
    required: int
    completed: int
    rules_met: bool

    @property
    def percent(self) -> int:
        if not self.required:
            return 100 if self.rules_met else 0
        return round(100 * self.completed / self.required)


def open_enrolment(*, trainee, course_key) -> Enrolment | None:
    """The trainee's round of a course that is still in progress, if any."""
    return Enrolment.objects.filter(trainee=trainee, course_key=course_key, status=Enrolment.Status.ACTIVE).first()


def course_of(lesson: LessonPage) -> Page:
    """The course a lesson belongs to: from the routed ancestors when there, else one query."""
    course_path = lesson.path[: -2 * LessonPage.steplen]
    for ancestor in getattr(lesson, "route_ancestors", ()):
        if ancestor.path == course_path:
            return ancestor
    return Page.objects.get(path=course_path)


def parent_of(page) -> Page:
    """A page's parent: from the routed ancestors when there, else one query."""
    parent_path = page.path[: -page.steplen]
    for ancestor in getattr(page, "route_ancestors", ()):
        if ancestor.path == parent_path:
            return ancestor
    return page.get_parent()


def current_enrolment(*, trainee, course: CoursePage) -> Enrolment | None:
    """The trainee's latest round of a course (open or completed), whatever its language."""
    if not trainee.is_authenticated:
        return None
    return _latest_round_of(trainee.pk, course.translation_key, withdrawn_too=False)


def latest_round(*, trainee, course: CoursePage) -> Enrolment | None:
    """The trainee's latest round of a course whatever its status (left ones included)."""
    if not trainee.is_authenticated:
        return None
    return _latest_round_of(trainee.pk, course.translation_key, withdrawn_too=True)


def _latest_round_of(trainee_id, course_key, *, withdrawn_too: bool) -> Enrolment | None:
    """What ``Enrolment.objects.filter(trainee=…, course_key=…)[.exclude(status=withdrawn)]
    .order_by("-round").first()`` returns, in SQL written once.

    Every lesson and course page asks it; the ORM spent about ten times the query's own time
    building and compiling it. Proven equal to the ORM's answer in tests/courses/test_hot_sql.py.
    """
    connection = connections[router.db_for_read(Enrolment)]
    key = Enrolment._meta.get_field("course_key").get_db_prep_value(course_key, connection)
    params = [trainee_id, key] if withdrawn_too else [trainee_id, key, Enrolment.Status.WITHDRAWN.value]
    rounds = Enrolment.objects.raw(_latest_round_sql(connection.vendor, withdrawn_too), params)
    return next(iter(rounds), None)


@functools.cache
def _latest_round_sql(vendor: str, withdrawn_too: bool) -> str:
    quote = connections[router.db_for_read(Enrolment)].ops.quote_name
    meta = Enrolment._meta
    columns = ", ".join(quote(field.column) for field in meta.concrete_fields)
    where = f"{quote('trainee_id')} = %s AND {quote('course_key')} = %s"
    if not withdrawn_too:
        where += f" AND NOT ({quote('status')} = %s)"
    # Names from the model's metadata, values only as parameters.
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {where} ORDER BY {quote('round')} DESC LIMIT 1"  # noqa: S608


_OUTLINE_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "translation_key", "locale_id", "content_type_id", "live")


def neighbours(course: CoursePage, page) -> tuple:
    """The lesson or quiz before and after ``page`` in the course, or None."""
    items = course_items(course)
    index = next((i for i, item in enumerate(items) if item.pk == page.pk), None)
    if index is None:
        return None, None
    return (items[index - 1] if index else None), (items[index + 1] if index + 1 < len(items) else None)


def course_outline(course: CoursePage, *, enrolment: Enrolment | None = None, version: str | None = None) -> list[OutlineModule]:
    """Modules with their lessons in reading order, the same in every language of the course.

    One enrolment serves every translation of a course, so its outline (and with it progress and
    completion) is the source course's, with each module, lesson and quiz replaced by its
    translation where there is one: a course half translated into Russian lists the English
    pages that remain, rather than being "complete" after its two Russian lessons. Pages added
    only in the translation join their module. One query for a course in the source language,
    three for a translation, whatever the size.

    With ``enrolment``, each item also tells whether that round marked it complete (read by
    ``completed_item_keys`` instead of a query of its own).

    With ``version`` (the request's ``lms.content_version`` token), the pages are read from the
    cache under it when they are there: then only the round's completions are read, in one query.
    """
    if version is None:
        return _merged_outline(course, enrolment)
    key = _OUTLINE_KEY.format(version=version, course=course.pk)
    cached = cache.get(key)
    if cached is None:
        outline = _merged_outline(course, enrolment)
        cache.set(key, [(_values(module.page), [_values(item) for item in module.lessons]) for module in outline], _OUTLINE_SECONDS)
        return outline
    outline = [
        OutlineModule(page=page_from_values(module), lessons=[page_from_values(item) for item in items])
        for module, items in cached
    ]
    done = _completed_lesson_keys(enrolment) if enrolment is not None else set()
    for module in outline:
        for item in (module.page, *module.lessons):
            item.outline_round = enrolment.pk if enrolment is not None else None
            if enrolment is not None:
                item.completed_in_round = item.translation_key in done
    return outline


_OUTLINE_KEY = "passage:course-outline:{version}:{course}"
_OUTLINE_SECONDS = 300
# What a round adds to an outline item; never cached.
_ROUND_FIELDS = ("outline_round", "completed_in_round")


def _values(page) -> dict:
    """An outline page's values, as read by ``_outline_of``, without what belongs to one round."""
    return {name: value for name, value in page.__dict__.items() if name != "_state" and name not in _ROUND_FIELDS}


def _completed_lesson_keys(enrolment: Enrolment) -> set:
    """Keys of the lessons a round marked complete (what ``_outline_of`` annotates per item).

    ``LessonCompletion.objects.filter(enrolment=…).values_list("lesson_key", flat=True)`` in SQL
    written once, as for ``_latest_round_of`` (proven equal in tests/courses/test_hot_sql.py).
    """
    connection = connections[router.db_for_read(LessonCompletion)]
    field = LessonCompletion._meta.get_field("lesson_key")
    with connection.cursor() as cursor:
        cursor.execute(_completions_sql(connection.vendor), [enrolment.pk])
        return {field.to_python(key) for (key,) in cursor.fetchall()}


@functools.cache
def _completions_sql(vendor: str) -> str:
    quote = connections[router.db_for_read(LessonCompletion)].ops.quote_name
    table = quote(LessonCompletion._meta.db_table)
    return f"SELECT {quote('lesson_key')} FROM {table} WHERE {quote('enrolment_id')} = %s"  # noqa: S608


def _merged_outline(course, enrolment: Enrolment | None) -> list[OutlineModule]:
    source = _source_course(course)
    outline = _outline_of(source, enrolment)
    if source.pk == course.pk:
        return outline
    translated = _outline_of(course, enrolment)
    replacement = {
        page.translation_key: page
        for module in translated
        for page in (module.page, *module.lessons)
    }
    source_keys = {
        page.translation_key for module in outline for page in (module.page, *module.lessons)
    }
    extra_lessons = {
        module.page.translation_key: [
            lesson for lesson in module.lessons if lesson.translation_key not in source_keys
        ]
        for module in translated
    }
    merged = []
    for module in outline:
        key = module.page.translation_key
        lessons = [replacement.get(lesson.translation_key, lesson) for lesson in module.lessons]
        merged.append(
            OutlineModule(
                page=replacement.get(key, module.page), lessons=lessons + extra_lessons.get(key, [])
            )
        )
    merged += [module for module in translated if module.page.translation_key not in source_keys]
    return merged


def _source_course(course: CoursePage):
    """The course in the site's default language if it is live there, else ``course`` itself."""
    if language_of_locale(course.locale_id) == settings.LANGUAGE_CODE:
        return course
    source = (
        Page.objects.live()
        .filter(
            translation_key=course.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .only("id", "path", "depth", "translation_key", "locale_id")
        .first()
    )
    return source or course


def _outline_of(course, enrolment: Enrolment | None = None) -> list[OutlineModule]:
    """The modules and items under one course page, in one query."""
    required = [F("lessonpage__is_required")]
    extra = {}
    for kind in item_kinds.kinds():
        required.append(F(f"{kind.relation}__is_required"))
        extra.update({name: F(f"{kind.relation}__{name}") for name in kind.fields})
    if enrolment is not None:
        extra["completed_in_round"] = Exists(
            LessonCompletion.objects.filter(enrolment_id=enrolment.pk, lesson_key=OuterRef("translation_key"))
        )
    rows = (
        Page.objects.live()
        .filter(path__startswith=course.path, depth__in=(course.depth + 1, course.depth + 2))
        .annotate(
            is_required=Coalesce(*required, Value(True)),
            estimated_minutes=F("lessonpage__estimated_minutes"),
            **extra,
        )
        .order_by("path")
        .values(*_OUTLINE_FIELDS, "is_required", "estimated_minutes", *extra)
    )
    modules: dict[str, OutlineModule] = {}
    steplen = CoursePage.steplen
    for item in map(page_from_values, rows):
        item.outline_round = enrolment.pk if enrolment is not None else None
        if item.depth == course.depth + 1:
            modules[item.path] = OutlineModule(page=item)
        elif item.path[:-steplen] in modules:
            modules[item.path[:-steplen]].lessons.append(item)
    return list(modules.values())


def course_items(course: CoursePage) -> list:
    """Lessons and quizzes of a course in reading order."""
    return [item for module in course_outline(course) for item in module.lessons]


def completed_item_keys(enrolment: Enrolment | None, items=()) -> set:
    """Keys of the lessons marked complete and of the other items (quizzes) done in this round."""
    if enrolment is None:
        return set()
    if items and all(getattr(item, "outline_round", None) == enrolment.pk for item in items):
        # The outline was read for this round: it says which of its lessons are complete.
        done = {item.translation_key for item in items if item.completed_in_round}
    else:
        done = set(LessonCompletion.objects.filter(enrolment=enrolment).values_list("lesson_key", flat=True))
    for kind in item_kinds.kinds():
        if kind.done_keys is not None:
            done |= kind.done_keys(enrolment=enrolment, items=items)
    return done


def progress_of(*, enrolment: Enrolment, course: CoursePage, lessons=None, done_keys=None) -> Progress:
    """How far a round has gone: required lessons completed and required quizzes passed."""
    if lessons is None:
        lessons = course_items(course)
    if done_keys is None:
        done_keys = completed_item_keys(enrolment, lessons)
    required_keys = {lesson.translation_key for lesson in lessons if lesson.is_required}
    completed = len(required_keys & done_keys)
    if enrolment is not None and enrolment.is_completed:
        # A recorded completion stays, whatever was added to the course since.
        return Progress(required=len(required_keys), completed=len(required_keys), rules_met=True)
    rules_met = completed == len(required_keys) and bool(required_keys or lessons)
    # Asked last, and only of a round in a cohort: a workshop's attendance, for instance.
    rules_met = rules_met and cohort_rules.met(enrolment=enrolment)
    return Progress(required=len(required_keys), completed=completed, rules_met=rules_met)


def _mark_done(lessons, done_keys) -> None:
    for lesson in lessons:
        lesson.is_done = lesson.translation_key in done_keys


def _link_outline(course, outline, request=None) -> None:
    """Give every outline item its URL, derived from the course's: one lookup, not one per item."""
    base = course.get_url(request)
    for module in outline:
        for item in module.lessons:
            item.link = base + item.url_path[len(course.url_path):]


def course_page_context(*, course: CoursePage, user, request=None) -> dict:
    """Everything the course page shows: outline, the trainee's round and progress, and the
    round they left (``left_round``) when their latest round is one they left."""
    enrolment = latest_round(trainee=user, course=course)
    left_round = None
    if enrolment is not None and enrolment.is_withdrawn:
        left_round, enrolment = enrolment, current_enrolment(trainee=user, course=course)
    version = content_version.of_request(request) if request is not None else None
    outline = course_outline(course, enrolment=enrolment, version=version)
    lessons = [lesson for module in outline for lesson in module.lessons]
    done = completed_item_keys(enrolment, lessons)
    _mark_done(lessons, done)
    _link_outline(course, outline, request)
    progress = progress_of(enrolment=enrolment, course=course, lessons=lessons, done_keys=done) if enrolment else None
    resume = None
    waiting = []
    if enrolment is not None and enrolment.is_active and not progress.rules_met and progress.completed >= progress.required:
        # Everything online is done: say what the cohort still waits for (a workshop's attendance...).
        waiting = cohort_rules.waiting_for(enrolment=enrolment)
    if enrolment is not None:
        resume = next((lesson for lesson in lessons if lesson.translation_key not in done), None)
        if enrolment.last_lesson_id:
            resume = next((lesson for lesson in lessons if lesson.pk == enrolment.last_lesson_id), resume)
    return {
        "catalogue_page": parent_of(course),
        "outline": outline,
        "lessons": lessons,
        "enrolment": enrolment,
        "left_round": left_round,
        "done_keys": done,
        "progress": progress,
        "first_lesson": lessons[0] if lessons else None,
        "resume_lesson": resume,
        "waiting_for": waiting,
        "translations": content_version.cached(
            version,
            f"course-translations:{course.pk}",
            lambda: list(course.get_translations(inclusive=True).live().select_related("locale")),
        ),
        "audiences": content_version.cached(version, f"course-audiences:{course.pk}", lambda: list(course.audiences.all())),
    }


def lesson_context(*, lesson: LessonPage, course: CoursePage, enrolment: Enrolment, request=None) -> dict:
    """The lesson's outline, neighbours and progress, in a fixed number of queries."""
    version = content_version.of_request(request) if request is not None else None
    outline = course_outline(course, enrolment=enrolment, version=version)
    lessons = [item for module in outline for item in module.lessons]
    done = completed_item_keys(enrolment, lessons)
    _mark_done(lessons, done)
    _link_outline(course, outline, request)
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    if index is not None:
        # The outline is read from the database; in the editor's preview the lesson is the unsaved
        # one, and the outline names it as it is being written.
        lessons[index].title = lesson.title
    previous_lesson = lessons[index - 1] if index else None
    next_lesson = lessons[index + 1] if index is not None and index + 1 < len(lessons) else None
    module = next((m for m in outline if any(item.pk == lesson.pk for item in m.lessons)), None)
    return {
        "course": course,
        "module": module,
        "outline": outline,
        "done_keys": done,
        "is_done": lesson.translation_key in done,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "progress": progress_of(enrolment=enrolment, course=course, lessons=lessons, done_keys=done),
        "enrolment": enrolment,
    }


def waiting_for(enrolment: Enrolment) -> list:
    """For a round whose lessons are all done (100 %) but still open in a cohort: what the cohort
    still waits for, in sentences for the trainee; empty otherwise (and no query)."""
    if enrolment.cohort_id is None or enrolment.status != Enrolment.Status.ACTIVE or enrolment.progress_percent < 100:
        return []
    return cohort_rules.waiting_for(enrolment=enrolment)


def enrolments_for_dashboard(trainee) -> QuerySet:
    """A trainee's rounds, latest first, with their course page."""
    return (
        Enrolment.objects.filter(trainee=trainee)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("course", "last_lesson", "cohort")
        .order_by("status", "-last_activity_at", "-enrolled_at")
    )


def courses_authored_by(user) -> QuerySet:
    """Course pages a user may edit as an author (all of them for an administrator)."""
    if roles.is_administrator(user):
        return CoursePage.objects.all()
    return CoursePage.objects.filter(translation_key__in=roles.authoring_grants(user))


def catalogue_index_for(home) -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().child_of(home).first()


def catalogue(*, index: CourseIndexPage, params, version: str | None = None) -> dict:
    """Published courses, filtered by audience, topic and language.

    Without a language filter each course appears once: in the catalogue's language when it
    is translated, otherwise in its original language. With one, only courses available in
    that language are listed. With ``version`` (the request's ``lms.content_version`` token),
    kept in the cache under it: it holds nothing of the person asking.
    """
    filters = {name: params.get(name) or "" for name in ("audience", "topic", "language")}
    digest = hashlib.blake2b(json.dumps([index.pk, filters]).encode(), digest_size=16).hexdigest()
    return content_version.cached(version, f"catalogue:{digest}", lambda: _catalogue(index, **filters))


def _catalogue(index: CourseIndexPage, *, audience: str, topic: str, language: str) -> dict:
    from lms.models import Sector

    catalogue_paths = Q()
    for path in index.get_translations(inclusive=True).values_list("path", flat=True):
        catalogue_paths |= Q(path__startswith=path)
    courses = CoursePage.objects.live().public().filter(catalogue_paths).select_related("locale")
    if language:
        courses = courses.filter(locale__language_code=language)
    if audience:
        courses = courses.filter(audiences__slug=audience)
    if topic:
        courses = courses.filter(topics__slug=topic)
    courses = list(courses.prefetch_related("audiences").order_by("path").distinct())
    if not language:
        courses = _one_per_course(courses, preferred=index.locale_id)
    return {
        "courses": courses,
        "audiences": list(Sector.objects.all()),
        "topics": list(Topic.objects.filter(locale_id=index.locale_id) or Topic.objects.filter(locale__language_code="en")),
        "filters": {"audience": audience, "topic": topic, "language": language},
        "is_filtered": bool(audience or topic or language),
    }


def _one_per_course(courses, *, preferred) -> list:
    chosen: dict = {}
    for course in courses:
        current = chosen.get(course.translation_key)
        if current is None or (course.locale_id == preferred and current.locale_id != preferred):
            chosen[course.translation_key] = course
        elif current.locale_id != preferred and course.alias_of_id is None and course.pk < current.pk:
            chosen[course.translation_key] = course  # the original before later translations
    order = {course.translation_key: i for i, course in enumerate(c for c in courses if c.locale_id == preferred)}
    return sorted(chosen.values(), key=lambda c: (order.get(c.translation_key, len(order)), c.path))


def cohorts_for_trainer(user) -> QuerySet:
    """Cohorts a user runs: their own as facilitator, or all of them for an administrator."""
    cohorts = Cohort.objects.select_related("course", "facilitator")
    if roles.is_administrator(user):
        return cohorts
    return cohorts.filter(facilitator=user)


def cohort_roster(cohort: Cohort) -> QuerySet:
    """The cohort's trainees with their progress and pending invitations."""
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("trainee", "trainee__organisation", "last_lesson")
        .prefetch_related("trainee__invitations")
        .order_by("trainee__last_name", "trainee__first_name", "trainee__email")
    )


def cohort_invitations(cohort: Cohort) -> QuerySet:
    """A cohort's invitations as the trainer sees them: what they typed and the status, nothing of the account."""
    return CohortInvitation.objects.filter(cohort=cohort).only(
        "pk", "cohort_id", "name", "email", "status", "created_at", "sent_at", "answered_at"
    )


def pending_cohort_invitations(trainee) -> QuerySet:
    """Invitations to cohorts waiting for the trainee's answer, with what they need to decide."""
    return (
        CohortInvitation.objects.filter(invitee=trainee, status=CohortInvitation.Status.PENDING)
        .select_related("cohort__course", "cohort__facilitator", "invited_by")
        .order_by("created_at", "pk")
    )


def catalogue_url() -> str:
    """The address of the catalogue in the active language (the home page if there is none)."""
    index = CourseIndexPage.objects.live().filter(locale__language_code=get_language() or "en").first()
    index = index or CourseIndexPage.objects.live().first()
    return index.url if index else "/"
