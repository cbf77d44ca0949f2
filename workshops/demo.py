"""Demo workshops, loaded by ``seed_demo``: two past ones with real figures, one coming up.

Dakar: a national workshop for border police on identifying and referring victims of
trafficking. Niamey: a training of trainers for judges and prosecutors on the legal framework.
Participants take the pre-test and post-test as real graded attempts (through the quiz
services), are marked present by the facilitator, and answer both surveys, so the report shows
figures rather than suppressed cells. The third workshop, in Abidjan, is next month: the demo
trainer runs it. Idempotent: a workshop that exists is left as it is.
"""

import math
import random
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from assessments import services as quiz_services
from assessments.models import Attempt
from courses import services as learning
from courses.models import Cohort, LessonPage
from lms import roles
from lms.models import Country, Organisation, Region, Sector
from workshops import services, surveys
from workshops.models import AttendanceMark, FollowUpEmail, Workshop

PASSWORD = "passage-demo"  # noqa: S105 - demo accounts only

# Each session: day offset, start, minutes, topic.
DAKAR_SESSIONS = [
    (0, time(9), 180, "Le Protocole de Palerme et la loi sénégalaise de 2005 sur la traite des personnes"),
    (0, time(14), 150, "Indicateurs de traite aux frontières : documents, itinéraires, récits incohérents"),
    (1, time(9), 180, "Conduire un entretien avec une victime présumée : sécurité, interprète, consentement"),
    (1, time(14), 150, "Le mécanisme national d'orientation : qui appeler, quelles informations transmettre"),
    (2, time(9), 180, "Étude de cas au poste frontière de Rosso et restitution en plénière"),
]
NIAMEY_SESSIONS = [
    (0, time(8, 30), 210, "Legal framework: Palermo Protocol, ECOWAS instruments and Niger's Ordinance 2010-86"),
    (1, time(8, 30), 210, "The non-punishment principle and the rights of victims in criminal proceedings"),
    (2, time(8, 30), 210, "Adult learning: preparing and facilitating a session for magistrates"),
    (3, time(8, 30), 180, "Practice sessions by participants, with peer feedback"),
]
ABIDJAN_SESSIONS = [
    (0, time(9), 180, "Registration, safeguarding and confidentiality in a reception centre"),
    (1, time(9), 180, "Unaccompanied and separated children: best interests and guardianship"),
]

ABIDJAN_PEOPLE = [("Adjoa", "female", "Konan"), ("Yao", "male", "Kouadio"), ("Mariam", "female", "Bamba"), ("Sékou", "male", "Touré")]
GIVEN_NAMES = [
    ("Mamadou", "male"), ("Aminata", "female"), ("Abdoulaye", "male"), ("Ndeye", "female"), ("Babacar", "male"),
    ("Coumba", "female"), ("Saliou", "male"), ("Astou", "female"), ("Modou", "male"), ("Rokhaya", "female"),
    ("Pape", "male"), ("Seynabou", "female"), ("Alioune", "male"), ("Fatou", "female"), ("Lamine", "male"),
    ("Binta", "undisclosed"), ("Ousseynou", "male"), ("Mame Diarra", "female"), ("Ibrahima", "male"), ("Khadija", ""),
    ("Issoufou", "male"), ("Mariama", "female"), ("Boubacar", "male"), ("Zeinabou", "female"), ("Hamidou", "male"),
    ("Rahila", "female"), ("Abdourahamane", "male"), ("Habsatou", "female"), ("Soumaïla", "male"), ("Ramatou", "female"),
    ("Moussa", "male"), ("Aïchatou", "female"), ("Oumarou", "male"), ("Hadjara", "undisclosed"), ("Illiassou", "male"),
    ("Nafissa", "female"), ("Adamou", "male"), ("Safiatou", ""),
]
FAMILY_NAMES = ["Diouf", "Ndoye", "Faye", "Cissé", "Thiam", "Sy", "Seck", "Niang", "Gaye", "Lo", "Mané",
                "Mahamadou", "Moussa", "Garba", "Hama", "Saidou", "Boubacar", "Harouna", "Abdou", "Yacouba"]

NIGER_ORGANISATIONS = [
    ("Tribunal de grande instance hors classe de Niamey", Organisation.Kind.JUDICIARY, "Niamey"),
    ("Cour d'appel de Niamey", Organisation.Kind.JUDICIARY, "Niamey"),
    ("Parquet du tribunal de grande instance d'Agadez", Organisation.Kind.PROSECUTION, "Agadez"),
    ("Tribunal de grande instance de Zinder", Organisation.Kind.JUDICIARY, "Zinder"),
]
DAKAR_ORGANISATIONS = [
    "Direction de la Police de l'Air et des Frontières", "Commissariat central de Kédougou", "Ministère de l'Intérieur",
]

COMMENTS = [
    "Les études de cas étaient très proches de ce que nous voyons au poste frontière.",
    "Prévoir plus de temps pour le mécanisme d'orientation : nous ne savons pas toujours qui appeler le week-end.",
    "Very practical. The interview role-play should be longer.",
    "La salle était trop petite pour les exercices en groupe.",
    "Merci aux facilitateurs, les échanges avec les collègues des autres régions ont été précieux.",
    "The module on the non-punishment principle changed how I read these files.",
    "",
]
FOLLOW_UP_COMMENTS = [
    "J'ai orienté deux jeunes femmes vers le centre d'accueil en suivant la fiche de référence.",
    "I gave a two-hour session to the magistrates of my court using the workshop's materials.",
    "Nous n'avons pas encore de point focal désigné, ce qui freine l'orientation.",
    "",
]


def _user(email, given, family, gender, organisation, sector, language):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=PASSWORD, first_name=given, last_name=family, certificate_name=f"{given} {family}",
            organisation=organisation, sector=sector, country=organisation.country, preferred_language=language, gender=gender,
        )
        roles.assign_role(user, roles.TRAINEE)
    return user


def _sessions(workshop, plan, by):
    for offset, start, minutes, topic in plan:
        services.save_session(
            workshop=workshop, by=by,
            data={"date": workshop.starts_on + timedelta(days=offset), "start_time": start, "duration_minutes": minutes,
                  "topic": topic, "place": ""},
        )


def _difficulty(question_id: int) -> float:
    """A question's difficulty from 0.15 (easy) to 0.85 (hard), the same on every run."""
    return random.Random(question_id).uniform(0.15, 0.85)


def _knows(rng: random.Random, ability: float):
    """Whether a trainee of this ability gets a question right: likelier the abler they are and the
    easier the question (a logistic curve), so each question has its own facility."""

    def right(answer) -> bool:
        return rng.random() < 1 / (1 + math.exp(-6 * (ability - _difficulty(answer.question_id))))

    return right


def _attempt(quiz, trainee, enrolment, *, right_share, when, answers, rng):
    """A real attempt (drawn, answered, graded by the quiz services), then dated ``when``."""
    attempt = quiz_services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    quiz_services.save_answers(attempt=attempt, responses=answers(attempt, right_share=right_share, right=_knows(rng, right_share)))
    quiz_services.submit_attempt(attempt=attempt)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=when - timedelta(minutes=25), submitted_at=when)


def _past(*, key, title, cohort_name, course, quiz, trainer, starts_on, venue, country_code, region, zone, plan, people,
          answers, rng):
    if Workshop.objects.filter(cohort__name=cohort_name).exists():
        return
    country = Country.objects.get(code=country_code)
    cohort = learning.create_cohort(
        name=cohort_name, course=course, facilitator=trainer, starts_on=starts_on,
        ends_on=starts_on + timedelta(days=max(p[0] for p in plan)), place=venue,
    )
    workshop = services.create_workshop(cohort=cohort, by=trainer, data={
        "title": title, "starts_on": cohort.starts_on, "ends_on": cohort.ends_on, "venue": venue, "country": country,
        "region": Region.objects.filter(country=country, name=region).first(), "language": "fr", "time_zone": zone,
        "attendance_required_percent": 80, "pre_test": quiz, "post_test": quiz, "follow_up_months": 3,
    })
    _sessions(workshop, plan, trainer)
    sessions = list(workshop.sessions.all())
    first, last = sessions[0].starts_at, sessions[-1].ends_at
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    satisfaction = services.ensure_survey_items(workshop=workshop, survey=surveys.SATISFACTION)
    follow_up = services.ensure_survey_items(workshop=workshop, survey=surveys.FOLLOW_UP)
    after = services.survey_window(workshop, surveys.SATISFACTION).opens + timedelta(hours=6)
    follow_up_window = services.survey_window(workshop, surveys.FOLLOW_UP)
    for index, (given, gender, family, organisation, sector, language) in enumerate(people):
        email = f"{given.lower().replace(' ', '.').replace('ï', 'i')}.{family.lower()}.{key}@example.org"
        trainee = _user(email, given, family, gender, organisation, sector, language)
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=trainee)
        level = rng.uniform(0.2, 0.7)
        if index % 9 != 8:  # a few arrive without having taken the pre-test
            _attempt(quiz, trainee, enrolment, right_share=level, when=first - timedelta(days=rng.randint(1, 6)), answers=answers, rng=rng)
        present = [s for s in sessions if rng.random() < 0.9]
        for session in present:
            services.mark_attendance(
                session=session, trainee_id=trainee.pk, present=True, source=AttendanceMark.Source.FACILITATOR, by=trainer
            )
            AttendanceMark.objects.filter(session=session, trainee=trainee).update(made_at=session.starts_at + timedelta(minutes=10))
        if index % 11 != 10:  # and a few never take the post-test
            for lesson in lessons:
                learning.complete_lesson(enrolment=enrolment, lesson=lesson)
            _attempt(quiz, trainee, enrolment, right_share=min(1.0, level + rng.uniform(0.1, 0.45)),
                     when=last + timedelta(days=rng.randint(0, 4), hours=2), answers=answers, rng=rng)
            quiz_services.after_grading(Attempt.objects.filter(enrolment=enrolment).order_by("-number").first().pk)
        if rng.random() < 0.85:
            base = rng.choice([3, 4, 4, 5, 5])
            services.save_survey_response(
                workshop=workshop, survey=surveys.SATISFACTION, trainee=trainee,
                scores={item.pk: max(1, min(5, base + rng.choice([-1, 0, 0, 1]))) for item in satisfaction},
                recommend=rng.choice([6, 7, 8, 9, 9, 10, 10]), comment=rng.choice(COMMENTS), now=after,
            )
        FollowUpEmail.objects.get_or_create(workshop=workshop, trainee=trainee, defaults={"sent_at": follow_up_window.opens})
        if follow_up_window.opens <= timezone.now() and rng.random() < 0.55:
            services.save_survey_response(
                workshop=workshop, survey=surveys.FOLLOW_UP, trainee=trainee,
                scores={item.pk: rng.choice([2, 3, 4, 4, 5]) for item in follow_up}, recommend=None,
                comment=rng.choice(FOLLOW_UP_COMMENTS), now=follow_up_window.opens + timedelta(days=2),
            )


def load(*, trainer, courses, quizzes, answers):
    """The three demo workshops; ``answers(attempt, right_share=..., right=...)`` fills an attempt's form
    data, ``right(answer)`` saying which questions a trainee gets right (``_knows``)."""
    rng = random.Random(17)  # the same figures on every machine
    today = timezone.localdate()
    border = Sector.objects.get(slug="border-police")
    judiciary, prosecution = Sector.objects.get(slug="judiciary"), Sector.objects.get(slug="prosecution")
    niger = Country.objects.get(code="NE")
    niger_organisations = []
    for name, kind, region in NIGER_ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=name, country=niger, defaults={"kind": kind, "region": Region.objects.get(country=niger, name=region)}
        )
        niger_organisations.append(organisation)
    dakar_organisations = [Organisation.objects.get(name=name) for name in DAKAR_ORGANISATIONS]

    dakar_people = [
        (given, gender, FAMILY_NAMES[i % 11], dakar_organisations[0 if i % 4 else (i // 4) % 3], border, "fr" if i % 5 else "en")
        for i, (given, gender) in enumerate(GIVEN_NAMES[:20])
    ]
    niamey_people = [
        (given, gender, FAMILY_NAMES[11 + i % 9], niger_organisations[i % 4],
         prosecution if niger_organisations[i % 4].kind == Organisation.Kind.PROSECUTION else judiciary, "fr")
        for i, (given, gender) in enumerate(GIVEN_NAMES[20:])
    ]
    identification = "identifying-and-referring-victims-of-trafficking"
    legal = "legal-frameworks-against-trafficking"
    _past(
        key="dakar", title="Atelier national : identification et orientation des victimes de traite aux frontières",
        cohort_name="Dakar border police workshop", course=courses[identification], quiz=quizzes[identification],
        trainer=trainer, starts_on=today - timedelta(days=110), venue="École nationale de police, Dakar", country_code="SN",
        region="Dakar", zone="Africa/Dakar", plan=DAKAR_SESSIONS, people=dakar_people, answers=answers, rng=rng,
    )
    _past(
        key="niamey", title="Training of trainers for judges and prosecutors on trafficking in persons",
        cohort_name="Niamey training of trainers (judges)", course=courses[legal], quiz=quizzes[legal],
        trainer=trainer, starts_on=today - timedelta(days=45), venue="École de formation judiciaire du Niger, Niamey",
        country_code="NE", region="Niamey", zone="Africa/Niamey", plan=NIAMEY_SESSIONS, people=niamey_people,
        answers=answers, rng=rng,
    )
    if not Cohort.objects.filter(name="Abidjan reception centre staff").exists():
        reception = courses["managing-reception-centres"]
        cohort = learning.create_cohort(
            name="Abidjan reception centre staff", course=reception, facilitator=trainer,
            starts_on=today + timedelta(days=12), ends_on=today + timedelta(days=13), place="Abidjan",
        )
        country = Country.objects.get(code="CI")
        workshop = services.create_workshop(cohort=cohort, by=trainer, data={
            "title": "Managing a reception centre: safeguarding and children", "starts_on": cohort.starts_on,
            "ends_on": cohort.ends_on, "venue": "Maison de la femme, Abidjan-Plateau", "country": country,
            "region": Region.objects.filter(country=country, name="Abidjan").first(), "language": "fr",
            "time_zone": "Africa/Abidjan", "pre_test": quizzes["managing-reception-centres"],
            "post_test": quizzes["managing-reception-centres"],
        })
        _sessions(workshop, ABIDJAN_SESSIONS, trainer)
        centre, _ = Organisation.objects.get_or_create(
            name="Centre d'accueil et d'orientation des migrants d'Abidjan", country=country,
            defaults={"kind": Organisation.Kind.RECEPTION, "region": Region.objects.get(country=country, name="Abidjan")},
        )
        social = Sector.objects.get(slug="social-services")
        for given, gender, family in ABIDJAN_PEOPLE:
            email = f"{given.lower()}.{family.lower()}.abidjan@example.org"
            learning.add_to_cohort(cohort=cohort, trainee=_user(email, given, family, gender, centre, social, "fr"))
