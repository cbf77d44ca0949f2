"""Read queries for certificates: who may see which, the dashboard, verification, expiry."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from certificates.models import Certificate, CertificateTemplate, TrainingRecord
from courses.selectors import cohorts_for_trainer
from lms import roles
from lms.i18n import language_of
from lms.models import Country, Organisation
from lms.selectors import reporting_scope_filter

CURRENT = (Certificate.Status.VALID, Certificate.Status.REVOKED)


# --- Policies ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoursePolicy:
    template: CertificateTemplate
    validity_months: int | None


def default_template() -> CertificateTemplate:
    """The template of courses that choose none; created with the standard wording if missing."""
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        template, _created = CertificateTemplate.objects.get_or_create(
            is_default=True, defaults={"name": "Standard"}
        )
    return template


def course_policy(course) -> CoursePolicy:
    """The template and validity a course sets for its certificates.

    Read from ``CoursePage.certificate_template`` and ``CoursePage.certificate_validity_months``
    when the course has them; the default template and no expiry otherwise.
    """
    template = getattr(course, "certificate_template", None) if course is not None else None
    months = getattr(course, "certificate_validity_months", None) if course is not None else None
    return CoursePolicy(template=template or default_template(), validity_months=months or None)


def course_title_in(course, language: str) -> str | None:
    """The course's title in a language, when the course is translated into it."""
    if course is None:
        return None
    if course.locale.language_code == language:
        return course.title
    translation = course.get_translations().filter(locale__language_code=language).only("title").first()
    return translation.title if translation else None


def score_of(enrolment) -> Decimal | None:
    """The final score of a round, for courses with graded quizzes (filled by the assessments work)."""
    score = getattr(enrolment, "final_score", None)
    return Decimal(str(score)) if score is not None else None


def current_certificate(enrolment) -> Certificate | None:
    """The round's certificate that is not replaced (valid, expired or revoked), if any."""
    if enrolment is None or enrolment.pk is None:
        return None
    return Certificate.objects.filter(enrolment=enrolment, status__in=CURRENT).first()


# --- Who sees what ------------------------------------------------------------------------------------------


def certificates_visible_to(user) -> QuerySet:
    """Certificates a user may see and download: their own, their cohorts', their reporting scope's.

    Administrators see all. The one rule used by downloads, lists, bulk ZIPs and the admin.
    """
    certificates = Certificate.objects.select_related("enrolment", "enrolment__cohort", "trainee")
    if not user.is_authenticated:
        return certificates.none()
    if roles.is_administrator(user):
        return certificates
    visible = Q(trainee=user)
    if roles.has_role(user, roles.TRAINER):
        visible |= Q(enrolment__cohort__facilitator=user)
    scope = officer_scope_filter(user)
    if scope is not None:
        visible |= scope
    return certificates.filter(visible)


def officer_scope_filter(user) -> Q | None:
    """Certificates in a ministry officer's reporting scope, by where the round was taken."""
    if not roles.has_role(user, roles.MINISTRY_OFFICER):
        return None
    return reporting_scope_filter(user, through="enrolment__")


@dataclass
class CertificateFilters:
    cohort: int | None = None
    course_key: str | None = None
    status: str | None = None
    country: int | None = None
    organisation: int | None = None
    completed_from: date | None = None
    completed_to: date | None = None


def filter_certificates(certificates: QuerySet, filters: CertificateFilters, *, today: date | None = None) -> QuerySet:
    """Narrow a visible set by cohort, course, status (expiry computed today), place and period."""
    today = today or timezone.localdate()
    if filters.cohort:
        certificates = certificates.filter(enrolment__cohort_id=filters.cohort)
    if filters.course_key:
        certificates = certificates.filter(course_key=filters.course_key)
    if filters.country:
        certificates = certificates.filter(enrolment__country_id=filters.country)
    if filters.organisation:
        certificates = certificates.filter(enrolment__organisation_id=filters.organisation)
    if filters.completed_from:
        certificates = certificates.filter(completed_on__gte=filters.completed_from)
    if filters.completed_to:
        certificates = certificates.filter(completed_on__lte=filters.completed_to)
    if filters.status == Certificate.Status.EXPIRED:
        certificates = certificates.filter(status=Certificate.Status.VALID, expires_on__lt=today)
    elif filters.status == Certificate.Status.VALID:
        certificates = certificates.filter(status=Certificate.Status.VALID).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )
    elif filters.status:
        certificates = certificates.filter(status=filters.status)
    return certificates


def filter_choices(user) -> dict:
    """What the certificate list's filter offers a user: their cohorts (trainers), countries, organisations."""
    return {
        "cohorts": cohorts_for_trainer(user) if roles.has_role(user, roles.TRAINER) else [],
        "countries": Country.objects.all(),
        "organisations": Organisation.objects.all()[:500],
    }


def manual_issue_initial(cohort, enrolment) -> dict:
    """What the form to issue by hand proposes: the workshop's last day (not in the future), the trainee's language."""
    return {"completed_on": min(cohort.ends_on, timezone.localdate()), "language": language_of(enrolment.trainee)}


def reissue_initial(certificate: Certificate) -> dict:
    """What the reissue form proposes: the name as the account holds it now, else as printed."""
    trainee = certificate.trainee
    return {
        "trainee_name": trainee.get_full_name() if trainee else certificate.trainee_name,
        "family_name": (trainee.last_name if trainee else "") or certificate.family_name,
        "language": certificate.language,
    }


def certificates_of_cohort(cohort) -> QuerySet:
    return Certificate.objects.filter(enrolment__cohort=cohort).select_related("enrolment", "trainee")


def cohort_roster_with_certificates(cohort) -> list:
    """The cohort's rounds, each with its current certificate (or None), for the trainer's page."""
    from courses.models import Enrolment

    enrolments = list(
        Enrolment.objects.filter(cohort=cohort)
        .select_related("trainee")
        .order_by("trainee__last_name", "trainee__first_name", "trainee__email")
    )
    current = {
        certificate.enrolment_id: certificate
        for certificate in Certificate.objects.filter(enrolment__in=enrolments, status__in=CURRENT)
    }
    for enrolment in enrolments:
        enrolment.certificate = current.get(enrolment.pk)
    return enrolments


# --- The trainee's dashboard ------------------------------------------------------------------------------


@dataclass
class DashboardCertificates:
    certificates: list = field(default_factory=list)
    pending_courses: list = field(default_factory=list)
    training_record: TrainingRecord | None = None
    can_request_record: bool = False

    def __bool__(self):
        return bool(self.certificates or self.pending_courses or self.training_record or self.can_request_record)

    @property
    def anything_pending(self) -> bool:
        return bool(
            self.pending_courses
            or any(not c.is_ready for c in self.certificates)
            or (self.training_record is not None and not self.training_record.is_ready)
        )


def certificates_for_dashboard(user) -> DashboardCertificates:
    """The trainee's certificates (newest first), rounds whose certificate is being prepared, and
    their latest training record. Three queries."""
    from courses.models import Enrolment

    if not user.is_authenticated:
        return DashboardCertificates()
    certificates = list(
        Certificate.objects.filter(trainee=user).exclude(status=Certificate.Status.REPLACED).order_by("-issued_at")
    )
    with_certificate = Certificate.objects.filter(enrolment=OuterRef("pk"), status__in=CURRENT)
    pending = list(
        Enrolment.objects.filter(trainee=user, status=Enrolment.Status.COMPLETED)
        .filter(~Exists(with_certificate))
        .only("id", "course_title", "completed_at")
    )
    record = TrainingRecord.objects.filter(trainee=user).first()
    return DashboardCertificates(
        certificates=certificates,
        pending_courses=pending,
        training_record=record,
        can_request_record=bool(certificates or pending),
    )


def training_record_entries(trainee) -> list[dict]:
    """What a training record lists: each completed round (or round with a certificate), oldest first."""
    from courses.models import Enrolment

    certificates = {
        c.enrolment_id: c
        for c in Certificate.objects.filter(trainee=trainee, status=Certificate.Status.VALID).exclude(enrolment=None)
    }
    rounds = (
        Enrolment.objects.filter(trainee=trainee)
        .filter(Q(status=Enrolment.Status.COMPLETED) | Q(pk__in=list(certificates)))
        .select_related("course")
        .order_by("completed_at", "enrolled_at")
    )
    entries = []
    for enrolment in rounds:
        certificate = certificates.get(enrolment.pk)
        completed_on = certificate.completed_on if certificate else timezone.localtime(enrolment.completed_at).date()
        hours = certificate.hours if certificate else (enrolment.course.estimated_hours if enrolment.course else 0)
        score = certificate.score if certificate else score_of(enrolment)
        entries.append(
            {
                "course_title": certificate.course_title if certificate else enrolment.course_title,
                "completed_on": completed_on.isoformat(),
                "hours": str(hours),
                "score": str(score) if score is not None else None,
                "serial": certificate.serial if certificate else "",
            }
        )
    return entries


# --- Verification ------------------------------------------------------------------------------------------


def certificate_by_code(code: str) -> Certificate | None:
    return Certificate.objects.select_related("replaced_by").filter(verification_code=code).first()


def certificate_by_serial(serial: str) -> Certificate | None:
    return Certificate.objects.select_related("replaced_by").filter(serial=serial).first()


def training_record_by_code(code: str) -> TrainingRecord | None:
    return TrainingRecord.objects.filter(verification_code=code).exclude(pdf="").first()


def statuses_of_serials(serials: list[str]) -> dict[str, str]:
    """The status today of each certificate a training record lists."""
    today = timezone.localdate()
    return {c.serial: c.current_status(today) for c in Certificate.objects.filter(serial__in=[s for s in serials if s])}


# --- Expiry ------------------------------------------------------------------------------------------------


def certificates_expiring(*, today: date, within_days: int) -> QuerySet:
    """Valid certificates that expire between today and ``within_days`` from now."""
    return (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=within_days),
            trainee__isnull=False,
            trainee__is_active=True,
        )
        .select_related("trainee", "course")
        .order_by("expires_on", "pk")
    )


def recertified(certificate: Certificate) -> bool:
    """Whether the trainee holds a newer valid certificate for the same course."""
    return (
        Certificate.objects.filter(
            trainee_id=certificate.trainee_id,
            course_key=certificate.course_key,
            status=Certificate.Status.VALID,
            completed_on__gt=certificate.completed_on,
        )
        .exclude(pk=certificate.pk)
        .exists()
    )
