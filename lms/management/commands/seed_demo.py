"""Load the demo: places, organisations, one account per role, four courses, a cohort.

The courses are written in English; some are translated (content/demo/courses_<language>.py):
French, Arabic and Spanish completely, Russian partly (to show the fallback to English).
Translations are then handed to wagtail-localize as synced translations (content.synced_translations).

Idempotent: run it again and it changes nothing that exists. It goes through the same
services as the site (enrol, complete_lesson, grant_course_authoring), so the demo obeys the
same rules as real use.
"""

from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from assessments import bank as question_bank
from assessments import importing
from assessments import selectors as quiz_selectors
from assessments import services as quiz_services
from assessments.formats import gift
from assessments.models import Attempt, Question, QuizPage, QuizSlot
from assessments.types import registry
from certificates.models import CertificateSignatory, CertificateTemplate, CertificateWording
from content.demo import (
    courses_ar,
    courses_en,
    courses_es,
    courses_fr,
    courses_ru,
    glossary,
    pages,
    site_text,
)
from content.models import GlossaryTerm, HomePage
from content.synced_translations import adopt_all_translations
from courses import services as learning
from courses.models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    Topic,
)
from lms import mfa, roles
from lms.models import Country, Organisation, Region, ReportingScope, Sector
from lms.services import mark_email_verified
from workshops import demo as workshop_demo

QUIZ_DIR = Path(__file__).resolve().parents[3] / "content" / "demo" / "quizzes"
# Translated courses, in the order they are seeded. Each page of a course_<language>.py file is
# the translation of the English page with the same slug; pages it leaves out stay untranslated.
TRANSLATIONS = [("fr", courses_fr), ("ar", courses_ar), ("es", courses_es), ("ru", courses_ru)]
DEMO_PASSWORD = "passage-demo"  # noqa: S105 - printed by make run; demo accounts only
# The demo administrator and officer must sign in with a second factor: fixed authenticator-app
# secrets (base32), printed by `make run`, so anyone can add them to an app and try the demo.
DEMO_TOTP_SECRETS = {
    "admin@passage.example": "PASSAGEDEMOADMINISTRATORTOTPKEYA",  # noqa: S105 - demo accounts only
    "officer@passage.example": "PASSAGEDEMOMINISTRYOFFICERTOTPKY",  # noqa: S105 - demo accounts only
}
DEMO_ACCOUNTS = [
    # email, role, given name, family name, printed name, organisation
    ("admin@passage.example", roles.ADMINISTRATOR, "Amina", "Diallo", "Amina Diallo", None),
    ("trainer@passage.example", roles.TRAINER, "Moussa", "Ndiaye", "Moussa Ndiaye", "Direction de la Police de l'Air et des Frontières"),
    ("officer@passage.example", roles.MINISTRY_OFFICER, "Fatou", "Sow", "Fatou Sow", "Ministère de l'Intérieur"),
    ("trainee@passage.example", roles.TRAINEE, "Awa", "Sarr", "Awa Sarr", "Direction de la Police de l'Air et des Frontières"),
]

COUNTRIES = {
    "SN": ("Senegal", ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kédougou"]),
    "CI": ("Côte d'Ivoire", ["Abidjan", "Yamoussoukro", "Bouaké"]),
    "NE": ("Niger", ["Niamey", "Agadez", "Zinder"]),
    "BF": ("Burkina Faso", ["Centre", "Hauts-Bassins"]),
    "ML": ("Mali", ["Bamako", "Kayes"]),
    "GN": ("Guinea", ["Conakry", "Kankan"]),
}
SECTORS = [
    ("border-police", "Border and immigration police"),
    ("police", "Police"),
    ("judiciary", "Judges and courts"),
    ("prosecution", "Prosecution"),
    ("labour-inspection", "Labour inspection"),
    ("social-services", "Social services and reception"),
    ("ngo", "NGOs and civil society"),
    ("government", "Ministries and government"),
]
ORGANISATIONS = [
    # name, kind, country, region
    ("Direction de la Police de l'Air et des Frontières", Organisation.Kind.BORDER_POLICE, "SN", "Dakar"),
    ("Ministère de l'Intérieur", Organisation.Kind.MINISTRY, "SN", "Dakar"),
    ("Commissariat central de Kédougou", Organisation.Kind.POLICE, "SN", "Kédougou"),
    ("Tribunal de première instance d'Abidjan-Plateau", Organisation.Kind.JUDICIARY, "CI", "Abidjan"),
    ("Parquet de Bouaké", Organisation.Kind.PROSECUTION, "CI", "Bouaké"),
    ("Association Tassaght pour la protection des migrants", Organisation.Kind.NGO, "NE", "Agadez"),
    ("Centre d'accueil et de transit de Niamey", Organisation.Kind.RECEPTION, "NE", "Niamey"),
    ("Inspection du travail de Bobo-Dioulasso", Organisation.Kind.LABOUR_INSPECTION, "BF", "Hauts-Bassins"),
    ("Brigade des mineurs de Bamako", Organisation.Kind.POLICE, "ML", "Bamako"),
    ("Office de protection du genre, de l'enfance et des mœurs", Organisation.Kind.POLICE, "GN", "Conakry"),
]
# Fictional colleagues who took the courses, so that certificates, the verify page and the
# ministry records have something to show: email, given name, family name, organisation,
# sector, language, [(course slug, share of quiz answers right, months ago)].
DEMO_TRAINEES = [
    ("ibrahima.fall@example.org", "Ibrahima", "Fall", "Direction de la Police de l'Air et des Frontières", "border-police", "fr",
     [("identifying-and-referring-victims-of-trafficking", 1.0, 7), ("collecting-and-protecting-personal-data", 0.9, 5)]),
    ("mariama.ba@example.org", "Mariama", "Ba", "Direction de la Police de l'Air et des Frontières", "border-police", "fr",
     [("identifying-and-referring-victims-of-trafficking", 0.9, 6)]),
    ("cheikh.diop@example.org", "Cheikh", "Diop", "Commissariat central de Kédougou", "police", "fr",
     [("identifying-and-referring-victims-of-trafficking", 0.8, 4), ("legal-frameworks-against-trafficking", 1.0, 2)]),
    ("khady.mbaye@example.org", "Khady", "Mbaye", "Commissariat central de Kédougou", "police", "en",
     [("identifying-and-referring-victims-of-trafficking", 1.0, 3)]),
    ("ousmane.gueye@example.org", "Ousmane", "Gueye", "Ministère de l'Intérieur", "government", "fr",
     [("collecting-and-protecting-personal-data", 1.0, 2), ("identifying-and-referring-victims-of-trafficking", None, 1)]),
    ("aissatou.kane@example.org", "Aïssatou", "Kane", "Direction de la Police de l'Air et des Frontières", "border-police", "en",
     [("managing-reception-centres", 0.9, 1), ("identifying-and-referring-victims-of-trafficking", None, 0)]),
    ("kouadio.yao@example.org", "Kouadio", "Yao", "Tribunal de première instance d'Abidjan-Plateau", "judiciary", "fr",
     [("legal-frameworks-against-trafficking", 1.0, 5)]),
    ("adjoua.kouassi@example.org", "Adjoua", "Kouassi", "Parquet de Bouaké", "prosecution", "fr",
     [("legal-frameworks-against-trafficking", 0.9, 3), ("identifying-and-referring-victims-of-trafficking", 1.0, 2)]),
    ("moussa.issoufou@example.org", "Moussa", "Issoufou", "Association Tassaght pour la protection des migrants", "ngo", "fr",
     [("managing-reception-centres", 1.0, 4), ("collecting-and-protecting-personal-data", 0.8, 3)]),
    ("hadiza.abdou@example.org", "Hadiza", "Abdou", "Centre d'accueil et de transit de Niamey", "social-services", "fr",
     [("managing-reception-centres", 0.9, 6)]),
    ("salif.ouedraogo@example.org", "Salif", "Ouédraogo", "Inspection du travail de Bobo-Dioulasso", "labour-inspection", "fr",
     [("identifying-and-referring-victims-of-trafficking", 1.0, 2)]),
    ("fatoumata.traore@example.org", "Fatoumata", "Traoré", "Brigade des mineurs de Bamako", "police", "fr",
     [("managing-reception-centres", 0.8, 1)]),
]

SITE_TEXT = {
    "en": ("Passage", "Training for the people who protect migrants: identify victims of trafficking, apply the law, run reception centres and protect personal data.", "Courses"),
    "fr": ("Passage", "La formation des personnes qui protègent les migrants : identifier les victimes de traite, appliquer le droit, gérer les centres d'accueil et protéger les données personnelles.", "Formations"),
    "ar": ("باساج", "تدريب العاملين على حماية المهاجرين: التعرّف على ضحايا الاتجار بالأشخاص، وتطبيق القانون، وإدارة مراكز الاستقبال، وحماية البيانات الشخصية.", "الدورات"),
    "ru": ("Passage", "Обучение специалистов, защищающих мигрантов: выявление жертв торговли людьми, применение права, управление центрами приёма и защита персональных данных.", "Курсы"),
    "es": ("Passage", "Formación para quienes protegen a las personas migrantes: identificar a víctimas de trata, aplicar la ley, gestionar centros de acogida y proteger los datos personales.", "Cursos"),
}


class Command(BaseCommand):
    help = "Load the demo data (idempotent)."

    def step(self, message):
        self.stdout.write(f"  · {message}")
        self.stdout.flush()

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Loading the demo…")
        roles.ensure_roles()
        self.step("languages, countries, regions, sectors, organisations")
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in SITE_TEXT}
        self.load_reference_data()
        self.step("demo accounts (one per role)")
        users = self.load_accounts()
        self.step("glossary and topics")
        terms = self.load_glossary(locales)
        topics = self.load_topics(locales)
        self.step("site pages in five languages")
        catalogues = self.load_site(locales)
        courses = {}
        for number, data in enumerate(courses_en.COURSES, start=1):
            self.step(f"course {number}/{len(courses_en.COURSES)}: {data['title']}")
            courses[data["slug"]] = self.load_course(catalogues["en"], data, terms["en"], topics["en"])
        for code, module in TRANSLATIONS:
            for data in module.COURSES:
                self.step(f"translation ({code}): {data['title']}")
                self.load_translation(courses[data["slug"]], locales[code], data, terms[code], topics[code])
        self.step("quizzes (question banks imported from GIFT files)")
        quizzes = {slug: self.load_quiz(course) for slug, course in courses.items()}
        self.step("certificate template, its wording in each language, and validity")
        self.load_certificate_policy(courses)
        self.step("authors, cohort and the demo trainee's progress")
        self.load_learning(users, courses)
        self.load_attempts(users[roles.TRAINEE], courses, quizzes)
        self.step("colleagues who completed courses (certificates are rendered by the task worker)")
        self.load_colleagues(users[roles.TRAINER], courses, quizzes)
        self.step("workshops in Dakar and Niamey (sessions, attendance, pre/post tests, surveys), one coming in Abidjan")
        workshop_demo.load(trainer=users[roles.TRAINER], courses=courses, quizzes=quizzes, answers=self.answers)
        self.step("translations kept in step with their source (wagtail-localize)")
        adopt_all_translations()
        self.stdout.write(self.style.SUCCESS("Demo ready."))

    # --- reference data -------------------------------------------------------------------

    def load_reference_data(self):
        for code, (name, regions) in COUNTRIES.items():
            country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
            for region in regions:
                Region.objects.get_or_create(country=country, name=region)
        for slug, name in SECTORS:
            Sector.objects.get_or_create(slug=slug, defaults={"name": name})
        for name, kind, code, region in ORGANISATIONS:
            country = Country.objects.get(code=code)
            Organisation.objects.get_or_create(
                name=name,
                country=country,
                defaults={"kind": kind, "region": Region.objects.get(country=country, name=region)},
            )

    def load_accounts(self):
        User = get_user_model()
        sector_of_kind = {
            Organisation.Kind.BORDER_POLICE: "border-police",
            Organisation.Kind.MINISTRY: "government",
        }
        users = {}
        for email, role, first_name, last_name, printed, organisation_name in DEMO_ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                organisation = Organisation.objects.filter(name=organisation_name).first() if organisation_name else None
                user = User.objects.create_user(
                    email=email,
                    password=DEMO_PASSWORD,
                    first_name=first_name,
                    last_name=last_name,
                    certificate_name=printed,
                    organisation=organisation,
                    country=organisation.country if organisation else Country.objects.get(code="SN"),
                    sector=Sector.objects.filter(slug=sector_of_kind.get(organisation.kind if organisation else None)).first(),
                    preferred_language="fr" if role == roles.MINISTRY_OFFICER else "en",
                    is_superuser=role == roles.ADMINISTRATOR,
                    is_staff=role == roles.ADMINISTRATOR,
                )
                roles.assign_role(user, role)
            mark_email_verified(user)
            if email in DEMO_TOTP_SECRETS and not mfa.has_second_factor(user):
                mfa.activate_totp(user=user, secret=DEMO_TOTP_SECRETS[email])
            users[role] = user
        scope, _ = ReportingScope.objects.get_or_create(officer=users[roles.MINISTRY_OFFICER])
        scope.countries.add(Country.objects.get(code="SN"))
        return users

    def load_glossary(self, locales):
        """Terms by language and slug; a language has the terms glossary.py defines in it."""
        terms = {code: {} for code in locales}
        for item in glossary.TERMS:
            english = GlossaryTerm.objects.filter(locale=locales["en"], term=item["en"]["term"]).first()
            if english is None:
                english = GlossaryTerm.objects.create(locale=locales["en"], **item["en"])
            terms["en"][item["slug"]] = english
            for code, locale in locales.items():
                if code == "en" or code not in item:
                    continue
                translated = GlossaryTerm.objects.filter(translation_key=english.translation_key, locale=locale).first()
                if translated is None:
                    translated = english.copy_for_translation(locale)
                    translated.term = item[code]["term"]
                    translated.definition = item[code]["definition"]
                    translated.save()
                terms[code][item["slug"]] = translated
        return terms

    def load_topics(self, locales):
        topics = {code: {} for code in locales}
        for slug, names in site_text.TOPICS.items():
            english, _ = Topic.objects.get_or_create(locale=locales["en"], slug=slug, defaults={"name": names["en"]})
            topics["en"][slug] = english
            for code, locale in locales.items():
                if code == "en" or code not in names:
                    continue
                translated = Topic.objects.filter(translation_key=english.translation_key, locale=locale).first()
                if translated is None:
                    translated = english.copy_for_translation(locale)
                    translated.name = names[code]
                    translated.save()
                topics[code][slug] = translated
        return topics

    # --- pages ----------------------------------------------------------------------------

    def load_site(self, locales):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locales["en"]).first()
        if home is None:
            # Wagtail's placeholder "Welcome" page (and the site pointing at it) makes way.
            for child in root.get_children():
                if child.specific_class is Page:
                    child.delete()
            title, intro, _ = SITE_TEXT["en"]
            home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro, locale=locales["en"]))
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Passage"}
            )
        catalogues = {}
        catalogue = CourseIndexPage.objects.filter(locale=locales["en"]).first()
        if catalogue is None:
            catalogue = home.add_child(
                instance=CourseIndexPage(
                    title=SITE_TEXT["en"][2],
                    slug="courses",
                    intro=site_text.CATALOGUE_INTROS["en"],
                )
            )
        catalogues["en"] = catalogue
        for code, (title, intro, catalogue_title) in SITE_TEXT.items():
            if code == "en":
                continue
            translated_home = home.get_translation_or_none(locales[code])
            if translated_home is None:
                translated_home = home.copy_for_translation(locales[code])
                translated_home.title = title
                translated_home.intro = intro
                translated_home.save_revision().publish()
            translated = catalogue.get_translation_or_none(locales[code])
            if translated is None:
                translated = catalogue.copy_for_translation(locales[code])
                translated.title = catalogue_title
                translated.intro = site_text.CATALOGUE_INTROS.get(code, "")
                translated.save_revision().publish()
            catalogues[code] = translated
        return catalogues

    def load_course(self, catalogue, data, terms, topics):
        course = CoursePage.objects.filter(slug=data["slug"], locale=catalogue.locale).first()
        if course is not None:
            return course
        course = CoursePage(**pages.course_fields(data))
        self.set_course_relations(course, data, topics)
        course = catalogue.add_child(instance=course)
        for module_data in data["modules"]:
            module = course.add_child(
                instance=ModulePage(title=module_data["title"], slug=module_data["slug"], summary=module_data["summary"])
            )
            for lesson_data in module_data["lessons"]:
                module.add_child(instance=LessonPage(**pages.lesson_fields(lesson_data, terms)))
        return course

    def load_translation(self, course, locale, data, terms, topics):
        """The course in ``locale``: each page ``data`` holds, found by slug; the others stay untranslated.

        Page by page, so that a translation completed later is seeded on the next run.
        """
        translated = course.get_translation_or_none(locale)
        if translated is None:
            translated = course.copy_for_translation(locale)
            for name, value in pages.course_fields(data).items():
                setattr(translated, name, value)
            self.set_course_relations(translated, data, topics)
            translated.save_revision().publish()
        modules = {page.slug: page for page in ModulePage.objects.child_of(course)}
        for module_data in data["modules"]:
            module = modules[module_data["slug"]]
            if module.get_translation_or_none(locale) is None:
                translated_module = module.copy_for_translation(locale)
                translated_module.title = module_data["title"]
                translated_module.summary = module_data["summary"]
                translated_module.save_revision().publish()
            lessons = {page.slug: page for page in LessonPage.objects.child_of(module)}
            for lesson_data in module_data["lessons"]:
                lesson = lessons[lesson_data["slug"]]
                if lesson.get_translation_or_none(locale) is None:
                    translated_lesson = lesson.copy_for_translation(locale)
                    for name, value in pages.lesson_fields(lesson_data, terms).items():
                        setattr(translated_lesson, name, value)
                    translated_lesson.save_revision().publish()

    def set_course_relations(self, course, data, topics):
        # Parental many-to-many: kept on the page until the next save or revision.
        course.audiences.set(Sector.objects.filter(slug__in=data["audiences"]))
        course.topics.set([topics[slug] for slug in data["topics"] if slug in topics])

    # --- quizzes --------------------------------------------------------------------------

    def load_quiz(self, course):
        quiz = QuizPage.objects.descendant_of(course).first()
        if quiz is None:
            questions = self.import_bank(QUIZ_DIR / f"{course.slug}.gift")
            module = ModulePage.objects.child_of(course).order_by("-path").first()
            first_course = course.slug == "identifying-and-referring-victims-of-trafficking"
            title, intro = site_text.QUIZ_TEXT["en"]
            quiz = QuizPage(
                title=title,
                slug="quiz",
                intro=intro,
                pass_mark=70,
                max_attempts=3,
                time_limit_minutes=30 if first_course else None,
                show_correct_answers="after_passing",
            )
            # Essays wait for a grader: they stay in the bank but the required quiz is marked automatically.
            for order, question in enumerate(q for q in questions if not registry.for_question(q).is_manual):
                quiz.slots.add(QuizSlot(question=question, sort_order=order))
            module.add_child(instance=quiz)
        for translation in course.get_translations():
            self.load_quiz_translation(quiz, course.slug, translation.locale)
        return quiz

    def load_quiz_translation(self, quiz, course_slug, locale):
        """The same quiz (same identity, settings, questions and answer keys) in a translated course.

        The translated page asks the source questions; a bank in quizzes/<language>/ gives their
        texts in that language (questions matched by name, options by position), stored as
        question translations, so item analysis counts each question once whatever the language.
        Not seeded while the quiz's module is untranslated: the source quiz is shown then.
        """
        if quiz.get_translation_or_none(locale) is not None or quiz.get_parent().get_translation_or_none(locale) is None:
            return
        code = locale.language_code
        translated = quiz.copy_for_translation(locale)
        translated.title, translated.intro = site_text.QUIZ_TEXT.get(code, (quiz.title, quiz.intro))
        bank = QUIZ_DIR / code / f"{course_slug}.gift"
        if bank.exists():
            # The whole English bank of the course (its essays too, kept out of the quiz itself).
            categories = {slot.question.category_id for slot in quiz.slots.select_related("question")}
            questions = list(Question.objects.filter(category_id__in=categories, is_current=True))
            result = question_bank.import_gift_translation(bank.read_text(encoding="utf-8"), language=code, questions=questions)
            if result.problems:
                raise CommandError(f"Demo quiz {code}/{bank.name}: {result.problems[:3]}")
        translated.save_revision().publish()

    def import_bank(self, path):
        result = gift.parse_gift(path.read_text(encoding="utf-8"))
        if result.errors:
            raise CommandError(f"Demo quiz {path}: {result.errors[:3]}")
        return importing.import_questions(result.questions)

    def load_attempts(self, trainee, courses, quizzes):
        """One attempt in progress (victim identification) and one finished (data protection)."""
        data_course = courses["collecting-and-protecting-personal-data"]
        data_enrolment = Enrolment.objects.filter(trainee=trainee, course_key=data_course.translation_key).first()
        data_quiz = quizzes["collecting-and-protecting-personal-data"]
        if not Attempt.objects.filter(trainee=trainee, quiz_key=data_quiz.translation_key).exists():
            attempt = quiz_services.start_attempt(quiz=data_quiz, trainee=trainee, enrolment=data_enrolment, seed=7)
            quiz_services.save_answers(attempt=attempt, responses=self.answers(attempt, right_share=0.6))
            quiz_services.submit_attempt(attempt=attempt)
        first_quiz = quizzes["identifying-and-referring-victims-of-trafficking"]
        enrolment = Enrolment.objects.filter(trainee=trainee, course_key=first_quiz.get_parent().get_parent().translation_key).first()
        if not Attempt.objects.filter(trainee=trainee, quiz_key=first_quiz.translation_key).exists():
            # A long deadline: the demo attempt should still be open whenever the demo is opened.
            attempt = quiz_services.start_attempt(quiz=first_quiz, trainee=trainee, enrolment=enrolment, seed=3)
            Attempt.objects.filter(pk=attempt.pk).update(deadline=None)
            quiz_services.save_answers(attempt=attempt, responses=self.answers(attempt, right_share=1, limit=4), page=4)

    def load_colleagues(self, trainer, courses, quizzes):
        """Trainees who finished courses months ago; None as the share means still studying."""
        User = get_user_model()
        cohort = Cohort.objects.get(name="Dakar workshop")
        now = timezone.now()
        for email, first_name, last_name, organisation_name, sector, language, rounds in DEMO_TRAINEES:
            if User.objects.filter(email=email).exists():
                continue
            organisation = Organisation.objects.get(name=organisation_name)
            trainee = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                certificate_name=f"{first_name} {last_name}",
                organisation=organisation,
                sector=Sector.objects.get(slug=sector),
                country=organisation.country,
                preferred_language=language,
            )
            roles.assign_role(trainee, roles.TRAINEE)
            for slug, right_share, months_ago in rounds:
                course = courses[slug]
                if course.pk == cohort.course_id and organisation.country.code == "SN":
                    enrolment = learning.add_to_cohort(cohort=cohort, trainee=trainee)
                else:
                    enrolment = learning.enrol(trainee=trainee, course=course)
                lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
                done = lessons if right_share is not None else lessons[: len(lessons) // 2]
                for lesson in done:
                    learning.complete_lesson(enrolment=enrolment, lesson=lesson)
                if right_share is not None:
                    attempt = quiz_services.start_attempt(quiz=quizzes[slug], trainee=trainee, enrolment=enrolment)
                    quiz_services.save_answers(attempt=attempt, responses=self.answers(attempt, right_share=right_share))
                    quiz_services.submit_attempt(attempt=attempt)
                    # Completion normally follows the commit; here it is needed now, to date it.
                    quiz_services.after_grading(attempt.pk)
                # Spread the rounds over the past months, as a real programme would.
                started = now - timedelta(days=30 * months_ago + 12)
                enrolment.refresh_from_db()
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    enrolled_at=started,
                    completed_at=started + timedelta(days=9) if enrolment.completed_at else None,
                )
                Attempt.objects.filter(enrolment=enrolment).update(
                    started_at=started + timedelta(days=8, hours=2), submitted_at=started + timedelta(days=8, hours=2, minutes=25)
                )

    def answers(self, attempt, *, right_share, limit=None, right=None):
        """Form-like responses: the right answer for the first share of questions, a wrong one after;
        or, given ``right(answer)``, the right answer wherever it says so."""
        responses = {}
        answers = quiz_selectors.with_real_questions(attempt.answers.order_by("position"))[:limit]
        right_count = round(len(answers) * right_share)
        for index, answer in enumerate(answers):
            responses[answer.position] = demo_response(answer, right=right(answer) if right else index < right_count)
        return responses

    # --- certificates ---------------------------------------------------------------------

    def load_certificate_policy(self, courses):
        """The default template with its signatory, and a validity on the data-protection course.

        Data-protection rules change: that course is the one a ministry asks staff to renew.
        """
        template = CertificateTemplate.objects.filter(is_default=True).first()
        changed = template is None
        if template is None:
            template = CertificateTemplate(
                name="Passage standard",
                is_default=True,
                issuer_name="Passage protection training programme",
            )
            template.signatories = [CertificateSignatory(name="Mariam Diallo", title="Head of training")]
        for code, words in site_text.CERTIFICATE_WORDING.items():
            if template.wording_for(code) is None:
                template.wordings.add(CertificateWording(language=code, **words))
                changed = True
        if changed:
            template.save()
        course = courses["collecting-and-protecting-personal-data"]
        if course.certificate_validity_months is None:
            course.certificate_validity_months = 36
            course.save_revision().publish()

    # --- learning -------------------------------------------------------------------------

    def load_learning(self, users, courses):
        trainer, trainee = users[roles.TRAINER], users[roles.TRAINEE]
        identification = courses["identifying-and-referring-victims-of-trafficking"]
        reception = courses["managing-reception-centres"]
        roles.grant_course_authoring(course=identification, user=trainer)
        roles.grant_course_authoring(course=reception, user=trainer)
        cohort = Cohort.objects.filter(name="Dakar workshop").first()
        if cohort is None:
            cohort = learning.create_cohort(
                name="Dakar workshop",
                course=identification,
                facilitator=trainer,
                starts_on=date(2026, 11, 16),
                ends_on=date(2026, 12, 11),
                place="Dakar",
            )
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=trainee)
        if not enrolment.lesson_completions.exists():
            first_lessons = LessonPage.objects.live().descendant_of(identification).order_by("path")[:2]
            for lesson in first_lessons:
                learning.complete_lesson(enrolment=enrolment, lesson=lesson)
        learning.enrol(trainee=trainee, course=courses["collecting-and-protecting-personal-data"])


def demo_response(answer, *, right: bool) -> dict:
    """A response in form fields (tokens, text) that is right or wrong for this answer's question."""
    question = answer.question.get_real_instance()
    return registry.for_question(question).demo_form_data(question, answer.layout or {}, right=right)
