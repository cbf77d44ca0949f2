"""Builders with sensible defaults for tests: accounts, places and a small course tree."""

import json
from datetime import date

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from content.models import HomePage
from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, ModulePage
from lms import roles
from lms.models import Country, Organisation, Region, Sector


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "SN"
    name = "Senegal"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("country", "name")

    country = factory.SubFactory(CountryFactory)
    name = "Dakar"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = "border-police"
    name = "Border and immigration police"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("country", "name")

    name = factory.Sequence(lambda n: f"Border post {n}")
    kind = Organisation.Kind.BORDER_POLICE
    country = factory.SubFactory(CountryFactory)
    region = factory.LazyAttribute(lambda o: RegionFactory(country=o.country))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Awa"
    last_name = factory.Sequence(lambda n: f"Sarr{n}")
    certificate_name = factory.LazyAttribute(lambda u: f"{u.first_name} {u.last_name}")
    organisation = factory.SubFactory(OrganisationFactory)
    sector = factory.SubFactory(SectorFactory)
    country = factory.LazyAttribute(lambda u: u.organisation.country if u.organisation else None)
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            roles.assign_role(self, extracted or roles.TRAINEE)

    @factory.post_generation
    def email_verified(self, create, extracted, **kwargs):
        # Accounts from the builder can sign in: their address counts as verified
        # (UserFactory(email_verified=False) for one that still has to confirm it).
        if create and extracted is not False:
            from lms.services import mark_email_verified

            mark_email_verified(self)

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        # Administrators and officers must have a second factor before any page opens; the
        # builder gives them an authenticator app, as they would have set up at first sign-in
        # (UserFactory(role=..., second_factor=False) for one who has not yet).
        if not create or extracted is False:
            return
        from lms import mfa

        if extracted or mfa.requires_second_factor(self):
            self._totp_secret, self._recovery_codes = mfa.activate_totp(user=self)


def ensure_wagtail_base():
    """Wagtail's rows from data migrations (root page, locale, collection) and the roles.

    Transactional tests flush the database, which removes them; this puts them back.
    """
    from wagtail.models import Collection

    locale = Locale.objects.get_or_create(language_code="en")[0]
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    # wagtail-localize makes its "submit_translation" permission in a data migration, not from a model.
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    localize = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")[0]
    Permission.objects.get_or_create(
        content_type=localize, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    roles.ensure_roles()
    return locale


def site_tree():
    """Home page and catalogue (English), reusing them if they exist."""
    locale = ensure_wagtail_base()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        root.get_children().delete()  # Wagtail's initial "Welcome" page
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Passage", slug="home", locale=locale))
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    return home, index


def lesson_body(text="A lesson about indicators of trafficking."):
    return json.dumps([{"type": "text", "value": f"<p>{text}</p>"}])


def build_course(title="Identifying victims", *, modules=2, lessons_per_module=2, slug=None, optional=()):
    """A published course with modules and lessons; ``optional`` lists lesson numbers (1-based)."""
    _home, index = site_tree()
    course = index.add_child(
        instance=CoursePage(title=title, slug=slug or title.lower().replace(" ", "-"), summary=f"{title} in practice.")
    )
    number = 0
    for m in range(1, modules + 1):
        module = course.add_child(instance=ModulePage(title=f"Module {m}", slug=f"module-{m}"))
        for _ in range(lessons_per_module):
            number += 1
            module.add_child(
                instance=LessonPage(
                    title=f"Lesson {number}", slug=f"lesson-{number}", body=lesson_body(), is_required=number not in optional
                )
            )
    return course


def translate_page(page, language, *, title=None, slug=None):
    """A published translation of ``page`` (and of its missing parents), fetched afresh."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    copy = page.copy_for_translation(locale, copy_parents=True)
    if title:
        copy.title = title
    if slug:
        copy.slug = slug
    copy.save_revision().publish()
    return type(copy.specific).objects.get(pk=copy.pk)


def course_author(course, **extra):
    """A trainer who authors ``course`` (Wagtail rights on its pages, the bank)."""
    user = UserFactory(role=roles.TRAINER, **extra)
    roles.ensure_roles()
    roles.grant_course_authoring(course=course, user=user)
    return user


def lessons_of(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Workshop {n}")
    course = factory.LazyFunction(build_course)
    facilitator = factory.SubFactory(UserFactory, role=roles.TRAINER)
    starts_on = date(2026, 11, 16)
    ends_on = date(2026, 11, 20)
    place = "Dakar"


def stream(block_type, values):
    import uuid

    return json.dumps([{"type": block_type, "value": value, "id": str(uuid.uuid4())} for value in values])


def question_category(name="Demo"):
    from assessments.models import QuestionCategory

    return QuestionCategory.for_path([name])


def single_choice(title="Which is an indicator?", right="Employer keeps the passport", wrong=("Has a work contract", "Lives with family"), **extra):
    from assessments.models import SingleChoiceQuestion

    choices = [{"text": right, "fraction": "100", "feedback": "Yes: control of documents."}]
    choices += [{"text": text, "fraction": "0", "feedback": "Not in itself."} for text in wrong]
    return SingleChoiceQuestion.objects.create(
        category=extra.pop("category", None) or question_category(), title=title, stem=f"<p>{title}</p>", choices=stream("choice", choices), **extra
    )


def true_false(title="Consent of a child matters", correct=False, **extra):
    from assessments.models import TrueFalseQuestion

    return TrueFalseQuestion.objects.create(
        category=extra.pop("category", None) or question_category(), title=title, stem=f"<p>{title}</p>", correct_answer=correct,
        feedback_true="No: for children the means element is not required.", feedback_false="Right.", **extra
    )


def short_answer(title="Year of the Palermo Protocol in words", answers=(("two thousand", "100"),), **extra):
    from assessments.models import ShortAnswerQuestion

    values = [{"text": text, "fraction": fraction, "feedback": ""} for text, fraction in answers]
    return ShortAnswerQuestion.objects.create(
        category=extra.pop("category", None) or question_category(), title=title, stem=f"<p>{title}</p>", answers=stream("answer", values), **extra
    )


def ordering(title="Order the steps", items=("Identify", "Refer", "Assist", "Follow up"), **extra):
    from assessments.models import OrderingQuestion

    return OrderingQuestion.objects.create(
        category=extra.pop("category", None) or question_category(), title=title, stem=f"<p>{title}</p>", items=stream("item", list(items)), **extra
    )


def essay(title="Describe a referral", **extra):
    from assessments.models import EssayQuestion

    return EssayQuestion.objects.create(category=extra.pop("category", None) or question_category(), title=title, stem=f"<p>{title}</p>", **extra)


def add_quiz(course, questions, *, title="Check your knowledge", **settings):
    """A published quiz at the end of the course's last module, with these questions."""
    from assessments.models import QuizPage, QuizSlot

    module = ModulePage.objects.child_of(course).order_by("-path").first()
    quiz = QuizPage(title=title, slug=title.lower().replace(" ", "-"), **settings)
    for order, question in enumerate(questions):
        quiz.slots.add(QuizSlot(question=question, sort_order=order))
    module.add_child(instance=quiz)
    return quiz


def mark_reauthenticated(client, user, method="password"):
    """As if the person had just confirmed their password again (allauth's re-authentication record)."""
    import time

    session = client.session
    session["account_authentication_methods"] = [{"method": method, "at": time.time(), "reauthenticated": True}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
