"""The authorisation matrix: who gets what at every URL of the site.

Every URL pattern the resolver knows (outside ``/admin/``, and apart from Wagtail's page-serving
catch-all, whose pages are listed one by one) has an entry in ``MATRIX``: how to build a URL to an
object of the owner's side (the trainee's own attempt, their trainer's cohort, the Senegal
officer's token...), the method, and the status each actor must get. A pattern added without an
entry fails ``test_url_pattern_has_a_matrix_entry``.

The actors, all built once for the module:

- ``anonymous``: nobody signed in;
- ``trainee``: the owner (Mariama Tandian, Senegal), in the Dakar cohort, with an attempt in
  progress, a finished attempt waiting for a grade, a certificate and a training record;
- ``other_trainee``: a trainee in Mali, enrolled in the same course, outside the cohort;
- ``trainer``: runs the owner's cohort and authors its course;
- ``other_trainer``: runs a cohort of another course (with its own workshop) and authors that one;
- ``co_facilitator``: a trainer listed as a second facilitator of the owner's cohort's workshop,
  and nothing else: they take attendance and read its exact report, not its settings;
- ``officer``: a ministry officer whose reporting scope is Senegal (the owner's country);
- ``other_officer``: a ministry officer whose reporting scope is Mali;
- ``admin``: the platform administrator (superuser in the Administrator group, as the demo's).

Anything not one's own answers 404, never 403 and never 200; anonymous visitors are sent to the
sign-in page (401 on the token API, and on the attendance marks a device sends); public pages answer
everyone. Outside the language prefix a 404 reaches the browser as Django's redirect to ``/en/<path>``
(``NOT_FOUND_UNPREFIXED``). On top of the status, no
outsider (``other_*``) finds the owner's name in any page or file, except on the public
verification pages, whose purpose is to show it.

``test_huge_ids_are_not_found`` puts a number beyond any database integer in every numeric
parameter: "not found", never a crash.

``test_admin_refuses_non_staff`` walks every admin URL (with ids of the owner's side filled in)
as each actor without the ``wagtailadmin.access_admin`` permission: none may get a 200.
Trainers have that permission (they author courses in the admin); ``test_admin_other_trainer``
checks that a trainer opens nothing of another trainer's side beyond the shared authoring screens,
and ``test_admin_answers_the_administrator_without_error`` that the same screens work for the
administrator (which also proves their ids are real).
"""

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import int_to_base36, urlsafe_base64_encode
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from assessments import services as quizzes
from assessments.models import Attempt
from certificates import services as certificates
from certificates.models import TrainingRecord
from certificates.serials import new_verification_code
from content.models import StandardPage
from courses import services as learning
from courses.models import CohortInvitation, LessonPage, ModulePage
from lms import roles
from lms.models import Country, Invitation, Organisation, Region
from records import services as records
from records.models import ApiToken, RecordsExport
from tests.factories import (
    CohortFactory,
    SectorFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    lesson_body,
    lessons_of,
    single_choice,
    site_tree,
)
from tests.records.conftest import officer
from tests.workshops.builders import session_now
from tests.workshops.builders import workshop as build_workshop

OWNER_NAME = "Tandian"  # the owner's family name: no outsider may read it anywhere

ANONYMOUS = "anonymous"
TRAINEE = "trainee"
OTHER_TRAINEE = "other_trainee"
TRAINER = "trainer"
OTHER_TRAINER = "other_trainer"
OFFICER = "officer"
OTHER_OFFICER = "other_officer"
ADMIN = "admin"
CO_FACILITATOR = "co_facilitator"
ACTORS = (ANONYMOUS, TRAINEE, OTHER_TRAINEE, TRAINER, OTHER_TRAINER, OFFICER, OTHER_OFFICER, ADMIN, CO_FACILITATOR)
SIGNED_IN = ACTORS[1:]
OUTSIDERS = (OTHER_TRAINEE, OTHER_TRAINER, OTHER_OFFICER)
RECORDS_ROLES = (TRAINER, OTHER_TRAINER, OFFICER, OTHER_OFFICER, ADMIN, CO_FACILITATOR)
TRAINERS = (TRAINER, OTHER_TRAINER, ADMIN, CO_FACILITATOR)
# Those who run the owner's workshop: take attendance, add sessions, read its exact report.
RUN_WORKSHOP = (TRAINER, ADMIN, CO_FACILITATOR)
WITH_SECOND_FACTOR = (OFFICER, OTHER_OFFICER, ADMIN)  # required for their roles (PASSAGE_MFA_REQUIRED_ROLES)  # has_role(TRAINER) counts administrators

LOGIN = "login"  # a 302 to Passage's sign-in page (restricted pages and documents included)
# A 404 outside the language prefix: Django's locale middleware sends it on to /en/<path> (a 302),
# where it is answered (see the check-in).
NOT_FOUND_UNPREFIXED = "not-found-unprefixed"

FAST_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


# --- Expectations ---------------------------------------------------------------------------------


def everyone(status) -> dict:
    return {actor: status for actor in ACTORS}


def signed_in(status, anonymous=LOGIN) -> dict:
    """Any signed-in user gets ``status`` (their own view of the page)."""
    return {ANONYMOUS: anonymous, **{actor: status for actor in SIGNED_IN}}


def by_factor(status, *, without) -> dict:
    """``status`` for those with a second factor (officers, administrators), ``without`` for the others."""
    return {ANONYMOUS: LOGIN, **{actor: status if actor in WITH_SECOND_FACTOR else without for actor in SIGNED_IN}}


def only(status, *allowed, anonymous=LOGIN) -> dict:
    """``status`` for the allowed actors, 404 for every other signed-in one."""
    return {ANONYMOUS: anonymous, **{actor: status if actor in allowed else 404 for actor in SIGNED_IN}}


@dataclass(frozen=True)
class Case:
    """One concrete request to a URL pattern and the status each actor must get."""

    url: Callable  # world -> path
    expect: dict
    method: str = "GET"
    data: Callable | None = None  # world -> POST data
    label: str = ""
    token_auth: bool = False  # the API: each actor sends their own token instead of a session
    shows_owner_name: bool = False  # public verification pages print the certificate's name
    content_type: str = ""  # a POST body other than a form (the attendance marks' JSON)

    def __post_init__(self):
        assert set(self.expect) == set(ACTORS), f"{self.label}: an expectation for every actor"


def case(url, expect, **kwargs) -> list[Case]:
    return [Case(url=url, expect=expect, **kwargs)]


def post(url, expect, data=None, **kwargs) -> list[Case]:
    return [Case(url=url, expect=expect, method="POST", data=data, **kwargs)]


# --- The matrix: one entry per URL pattern (keyed by the resolver's route) ---------------------------

R = reverse
MATRIX: dict[str, list[Case]] = {
    # Wagtail documents: the serve view checks the collection's privacy.
    r"documents/^(\d+)/(.*)$": [
        Case(lambda w: w.document.url, everyone(200), label="public-document"),
        # A collection restricted to administrators: Wagtail sends everyone else to sign in.
        Case(lambda w: w.private_document.url, {**everyone(LOGIN), ADMIN: 200}, label="administrators-document"),
    ],
    "documents/authenticate_with_password/<int:restriction_id>/": case(
        lambda w: R("wagtaildocs_authenticate_with_password", args=[w.collection_restriction.pk]) + "?next=/", everyone(200)
    ),
    "i18n/setlang/": post(lambda w: R("set_language"), everyone(302), data=lambda w: {"language": "fr", "next": "/en/"}),
    "healthz": case(lambda w: R("health"), everyone(200)),
    # Readiness names only parts (database, cache, queue), for everyone alike.
    "readyz": case(lambda w: R("ready"), everyone(200)),
    # Public verification, outside the language prefix.
    "verify/": [
        Case(lambda w: R("certificates_verify:form"), everyone(200), shows_owner_name=True),
        Case(
            lambda w: R("certificates_verify:form"), everyone(200), method="POST", label="serial-and-name",
            data=lambda w: {"serial": w.certificate.serial, "family_name": OWNER_NAME}, shows_owner_name=True,
        ),
    ],
    "verify/<path:code>/": [
        Case(lambda w: R("certificates_verify:code", args=[w.certificate.verification_code]), everyone(200),
             label="certificate", shows_owner_name=True),
        Case(lambda w: R("certificates_verify:code", args=[w.training_record.verification_code]), everyone(200),
             label="training-record", shows_owner_name=True),
    ],
    # The records API: token authentication, scoped like the pages. A trainee's token (made while
    # they held a records role, say) opens nothing: 401, as no token.
    "api/schema/": case(lambda w: "/api/schema/", everyone(200)),
    "api/docs/": case(lambda w: "/api/docs/", everyone(200)),
    # Nothing at the API's root: outside the language prefix, Django sends the 404 on to /en/api/.
    "api/": case(lambda w: "/api/", everyone(302)),
    "api/records/": case(
        lambda w: "/api/records/?identity=name", {**everyone(401), **dict.fromkeys(RECORDS_ROLES, 200)}, token_auth=True
    ),
    "api/summary/": case(
        lambda w: "/api/summary/", {**everyone(401), **dict.fromkeys(RECORDS_ROLES, 200)}, token_auth=True
    ),
    # Embedded mode: public image files only; nothing else under media is reachable.
    r"^media/(?P<path>.*)$": [
        Case(lambda w: "/media/original_images/pixel.png", everyone(200), label="image"),
        Case(lambda w: f"/media/images/../{w.certificate.pdf.name}", everyone(404), label="dotdot-certificate"),
        Case(lambda w: f"/media/original_images/%2e%2e/{w.training_record.pdf.name}", everyone(404), label="encoded-dotdot-record"),
        Case(lambda w: f"/media/images/../{w.export.file.name}", everyone(404), label="dotdot-records-export"),
    ],
    # Accounts (django-allauth, and our profile, own-data and erasure pages).
    "en/accounts/login/": case(lambda w: R("account_login"), everyone(200)),
    "en/accounts/logout/": post(lambda w: R("account_logout"), everyone(302)),
    "en/accounts/signup/": case(lambda w: R("account_signup"), everyone(200)),
    "en/accounts/inactive/": case(lambda w: R("account_inactive"), everyone(200)),
    "en/accounts/profile/": case(lambda w: R("profile"), signed_in(200)),
    # Sensitive: each asks for the password again before anything is served.
    "en/accounts/profile/my-data.zip": case(lambda w: R("download_my_data"), signed_in(302)),
    "en/accounts/profile/erasure/": post(lambda w: R("request_erasure"), signed_in(302)),
    "en/accounts/invitation/<str:token>/": case(lambda w: R("accept_invitation", args=[w.invitation_token]), everyone(200)),
    "en/accounts/reauthenticate/": case(lambda w: R("account_reauthenticate"), signed_in(200)),
    # Re-authentication is by password or second factor only, never by a code sent by email.
    "en/accounts/reauthenticate/code/": case(lambda w: R("account_request_reauthentication_code"), signed_in(403)),
    "en/accounts/reauthenticate/code/confirm/": case(lambda w: R("account_confirm_reauthentication_code"), signed_in(403)),
    "en/accounts/email/": case(lambda w: R("account_email"), signed_in(200)),
    "en/accounts/confirm-email/": case(lambda w: R("account_email_verification_sent"), everyone(200)),
    r"en/accounts/^confirm-email/(?P<key>[-:\w]+)/$": case(
        lambda w: R("account_confirm_email", args=["not-a-key"]), everyone(200)
    ),
    # Sign-in by emailed code is off: nothing to confirm, back to the sign-in (or the dashboard).
    "en/accounts/login/code/confirm/": case(lambda w: R("account_confirm_login_code"), everyone(302)),
    "en/accounts/password/change/": case(lambda w: R("account_change_password"), signed_in(200)),
    "en/accounts/password/set/": case(lambda w: R("account_set_password"), signed_in(302)),
    "en/accounts/password/reset/": case(lambda w: R("account_reset_password"), everyone(200)),
    "en/accounts/password/reset/done/": case(lambda w: R("account_reset_password_done"), everyone(200)),
    r"en/accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": case(
        lambda w: R("account_reset_password_from_key", kwargs={"uidb36": w.reset_uid36, "key": "not-a-key"}), everyone(200)
    ),
    "en/accounts/password/reset/key/done/": case(lambda w: R("account_reset_password_from_key_done"), everyone(200)),
    # Second factor: one's own authenticators only.
    "en/accounts/2fa/": case(lambda w: R("mfa_index"), signed_in(200)),
    "en/accounts/2fa/authenticate/": case(lambda w: R("mfa_authenticate"), everyone(302)),
    "en/accounts/2fa/reauthenticate/": case(lambda w: R("mfa_reauthenticate"), by_factor(200, without=302)),
    "en/accounts/2fa/totp/activate/": case(lambda w: R("mfa_activate_totp"), signed_in(302)),
    "en/accounts/2fa/totp/deactivate/": case(lambda w: R("mfa_deactivate_totp"), by_factor(302, without=404)),
    "en/accounts/2fa/recovery-codes/": case(lambda w: R("mfa_view_recovery_codes"), by_factor(302, without=404)),
    "en/accounts/2fa/recovery-codes/generate/": case(lambda w: R("mfa_generate_recovery_codes"), signed_in(302)),
    "en/accounts/2fa/recovery-codes/download/": case(lambda w: R("mfa_download_recovery_codes"), by_factor(302, without=404)),
    "en/accounts/2fa/webauthn/": case(lambda w: R("mfa_list_webauthn"), signed_in(200)),
    "en/accounts/2fa/webauthn/add/": case(lambda w: R("mfa_add_webauthn"), signed_in(302)),
    "en/accounts/2fa/webauthn/reauthenticate/": case(lambda w: R("mfa_reauthenticate_webauthn"), signed_in(302)),
    # Password first (re-authentication), then only one's own key is found.
    "en/accounts/2fa/webauthn/keys/<int:pk>/remove/": case(
        lambda w: R("mfa_remove_webauthn", args=[w.admin_authenticator.pk]), signed_in(302)
    ),
    "en/accounts/2fa/webauthn/keys/<int:pk>/edit/": case(
        lambda w: R("mfa_edit_webauthn", args=[w.admin_authenticator.pk]), signed_in(302)
    ),
    "en/accounts/2fa/webauthn/login/": case(lambda w: R("mfa_login_webauthn"), everyone(302)),
    # Learning.
    "en/dashboard/": case(lambda w: R("dashboard"), signed_in(200)),
    "en/catalogue/": case(lambda w: R("catalogue"), everyone(302)),
    # Courses, lessons and quizzes are public: enrolling is one's own act, never another's.
    "en/learn/courses/<id:course_id>/enrol/": post(lambda w: R("enrol", args=[w.course.pk]), signed_in(302)),
    # Leaving a round: its trainee only (the confirmation, then the action); not even their trainer.
    "en/learn/enrolments/<id:enrolment_id>/leave/": [
        Case(lambda w: R("leave_course", args=[w.enrolment.pk]), only(200, TRAINEE), label="confirmation"),
        Case(lambda w: R("leave_course", args=[w.enrolment.pk]), only(302, TRAINEE), method="POST", label="leave"),
    ],
    "en/learn/lessons/<id:lesson_id>/complete/": post(lambda w: R("complete_lesson", args=[w.lessons[0].pk]), signed_in(302)),
    "en/cohorts/": case(lambda w: R("cohort_list"), only(200, *TRAINERS)),
    "en/cohorts/<id:cohort_id>/": case(lambda w: R("cohort_detail", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)),
    "en/cohorts/<id:cohort_id>/invite/": case(lambda w: R("cohort_invite", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)),
    # The cohort grid, its CSV and one trainee's progress in it: the cohort's trainer and administrators.
    "en/cohorts/<id:cohort_id>/progress/": case(lambda w: R("cohort_progress", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)),
    "en/cohorts/<id:cohort_id>/progress.csv": case(
        lambda w: R("cohort_progress_csv", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/cohorts/<id:cohort_id>/trainees/<id:trainee_id>/": case(
        lambda w: R("cohort_trainee", args=[w.cohort.pk, w.enrolment.trainee_id]), only(200, TRAINER, ADMIN)
    ),
    "en/invitations/<id:invitation_id>/resend/": post(
        lambda w: R("resend_invitation", args=[w.invitation.pk]), only(302, TRAINER, ADMIN)
    ),
    # An invitation to another cohort: only its invitee answers it; only that cohort's trainer resends it.
    "en/cohort-invitations/<id:invitation_id>/accept/": post(
        lambda w: R("accept_cohort_invitation", args=[w.cohort_invitation.pk]), only(302, TRAINEE)
    ),
    "en/cohort-invitations/<id:invitation_id>/decline/": post(
        lambda w: R("decline_cohort_invitation", args=[w.cohort_invitation.pk]), only(302, TRAINEE)
    ),
    "en/cohort-invitations/<id:invitation_id>/resend/": post(
        lambda w: R("resend_cohort_invitation", args=[w.cohort_invitation.pk]), only(302, OTHER_TRAINER, ADMIN)
    ),
    # Completion records: trainers (their cohorts), officers (their scope), administrators.
    "en/records/": case(lambda w: R("records:dashboard"), only(200, *RECORDS_ROLES)),
    "en/records/export.csv": case(lambda w: R("records:export_csv") + "?identity=name", only(200, *RECORDS_ROLES)),
    "en/records/export.xlsx": case(lambda w: R("records:export_xlsx") + "?identity=name", only(200, *RECORDS_ROLES)),
    "en/records/summary.pdf": case(lambda w: R("records:summary_pdf"), only(200, *RECORDS_ROLES)),
    "en/records/exports/": case(lambda w: R("records:exports"), only(200, *RECORDS_ROLES)),
    "en/records/exports/new/": post(
        lambda w: R("records:start_export"), only(302, *RECORDS_ROLES), data=lambda w: {"file_format": "csv"}
    ),
    # A background file and an API token belong to the officer who made them, and to nobody else.
    "en/records/exports/<id:export_id>/download/": case(
        lambda w: R("records:download_export", args=[w.export.pk]), only(200, OFFICER)
    ),
    "en/records/audit/": case(lambda w: R("records:audit"), only(200, ADMIN)),
    "en/records/tokens/": case(lambda w: R("records:tokens"), only(200, *RECORDS_ROLES)),
    "en/records/tokens/<id:token_id>/revoke/": post(
        lambda w: R("records:revoke_token", args=[w.api_token.pk]), only(302, OFFICER)
    ),
    # Quizzes: starting is one's own act; attempts are their trainee's only.
    "en/learn/quizzes/<id:quiz_id>/start/": post(lambda w: R("quiz_start", args=[w.quiz.pk]), signed_in(302)),
    # Trying a whole quiz without enrolling: those who may edit it (its course's author, administrators).
    "en/learn/quizzes/<id:quiz_id>/preview/": case(lambda w: R("quiz_preview", args=[w.quiz.pk]), only(200, TRAINER, ADMIN))
    + post(lambda w: R("quiz_preview", args=[w.quiz.pk]), only(302, TRAINER, ADMIN)),
    "en/learn/attempts/<id:attempt_id>/": case(lambda w: R("attempt", args=[w.open_attempt.pk]), only(200, TRAINEE)),
    "en/learn/attempts/<id:attempt_id>/save/": post(
        lambda w: R("attempt_autosave", args=[w.open_attempt.pk]), only(200, TRAINEE), data=lambda w: {"page": "0"}
    ),
    "en/learn/attempts/<id:attempt_id>/summary/": case(
        lambda w: R("attempt_summary", args=[w.open_attempt.pk]), only(200, TRAINEE)
    ),
    "en/learn/attempts/<id:attempt_id>/submit/": post(
        lambda w: R("attempt_submit", args=[w.open_attempt.pk]), only(302, TRAINEE)
    ),
    "en/learn/attempts/<id:attempt_id>/review/": case(
        lambda w: R("attempt_review", args=[w.finished_attempt.pk]), only(200, TRAINEE)
    ),
    "en/learn/attempts/<id:attempt_id>/grade-read/": post(
        lambda w: R("attempt_grade_read", args=[w.finished_attempt.pk]), only(302, TRAINEE)
    ),
    # Marking and results: the cohort's trainer (and the course's authors), administrators.
    "en/trainer/quizzes/": case(lambda w: R("trainer_quizzes"), only(200, *TRAINERS)),
    "en/trainer/grading/": case(lambda w: R("grading_queue"), only(200, *TRAINERS)),
    "en/trainer/grading/<id:attempt_id>/": case(
        lambda w: R("grade_attempt", args=[w.finished_attempt.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/trainer/quizzes/<id:quiz_id>/results/": case(lambda w: R("quiz_results", args=[w.quiz.pk]), only(200, TRAINER, ADMIN)),
    "en/trainer/quizzes/<id:quiz_id>/results.csv": case(
        lambda w: R("quiz_results_csv", args=[w.quiz.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/trainer/quizzes/<id:quiz_id>/questions/": case(
        lambda w: R("quiz_questions", args=[w.quiz.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/trainer/quizzes/<id:quiz_id>/questions/<uuid:family>/regrade/": case(
        lambda w: R("regrade_question", args=[w.quiz.pk, w.question.family]), only(200, TRAINER, ADMIN)
    ),
    # Certificates.
    "en/certificates/": case(lambda w: R("certificates:list"), only(200, *RECORDS_ROLES)),
    "en/certificates/download.zip": case(lambda w: R("certificates:bulk_download"), only(200, *RECORDS_ROLES)),
    "en/certificates/status/": case(lambda w: R("certificates:dashboard_status"), signed_in(200)),
    "en/certificates/<id:pk>/download/": case(
        lambda w: R("certificates:download", args=[w.certificate.pk]), only(200, TRAINEE, TRAINER, OFFICER, ADMIN)
    ),
    "en/certificates/<id:pk>/revoke/": case(
        lambda w: R("certificates:revoke", args=[w.certificate.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/certificates/<id:pk>/reissue/": case(
        lambda w: R("certificates:reissue", args=[w.certificate.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/certificates/cohorts/<id:cohort_id>/": case(
        lambda w: R("certificates:cohort", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/certificates/cohorts/<id:cohort_id>/download.zip": case(
        lambda w: R("certificates:cohort_bulk_download", args=[w.cohort.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/certificates/cohorts/<id:cohort_id>/issue/<id:enrolment_id>/": case(
        lambda w: R("certificates:issue", args=[w.cohort.pk, w.classmate_enrolment.pk]), only(200, TRAINER, ADMIN)
    ),
    "en/certificates/training-record/": post(lambda w: R("certificates:training_record"), signed_in(302)),
    "en/certificates/training-record/<id:pk>/download/": case(
        lambda w: R("certificates:training_record_download", args=[w.training_record.pk]), only(200, TRAINEE)
    ),
    # Workshops: the cohort's trainer, its listed facilitators and administrators run them (take
    # attendance, add sessions, read the exact report); its settings, survey statements and the
    # attendance file are the cohort's trainer's and administrators'. The cohort's trainees
    # answer its surveys and check in at its sessions. The other trainer runs another cohort's
    # workshop: nothing of this one.
    "en/workshops/": case(lambda w: R("workshop_list"), only(200, *TRAINERS)),
    # The cohort has its workshop already: its trainer is sent to it.
    "en/workshops/cohorts/<id:cohort_id>/new/": case(
        lambda w: R("workshop_create", args=[w.cohort.pk]), only(302, TRAINER, ADMIN)
    ),
    # Reports: every records role reads the aggregate of what is in their scope (here the Senegal
    # officer's holds the owner's workshop); one workshop's report, those who run it and the
    # officers with its trainees in scope.
    "en/workshops/reports/": case(lambda w: R("workshop_reports"), only(200, *RECORDS_ROLES)),
    "en/workshops/reports/report.<str:file_format>": case(
        lambda w: R("workshop_reports_download", args=["xlsx"]), only(200, *RECORDS_ROLES)
    ) + case(lambda w: R("workshop_reports_download", args=["pdf"]), only(200, *RECORDS_ROLES), label="pdf")
    + case(lambda w: R("workshop_reports_download", args=["csv"]), signed_in(404), label="unknown-format"),
    "en/workshops/<id:workshop_id>/report/": case(
        lambda w: R("workshop_report", args=[w.workshop.pk]), only(200, *RUN_WORKSHOP, OFFICER)
    ),
    "en/workshops/<id:workshop_id>/report.<str:file_format>": case(
        lambda w: R("workshop_report_download", args=[w.workshop.pk, "xlsx"]), only(200, *RUN_WORKSHOP, OFFICER)
    ) + case(
        lambda w: R("workshop_report_download", args=[w.workshop.pk, "pdf"]), only(200, *RUN_WORKSHOP, OFFICER), label="pdf"
    ) + case(
        lambda w: R("workshop_report_download", args=[w.workshop.pk, "csv"]), signed_in(404), label="unknown-format",
    ),
    "en/workshops/<id:workshop_id>/surveys/<str:survey>/": case(
        lambda w: R("workshop_survey", args=[w.workshop.pk, "satisfaction"]), only(200, TRAINEE)
    ) + case(
        lambda w: R("workshop_survey", args=[w.workshop.pk, "follow_up"]), only(200, TRAINEE), label="follow-up"
    ) + case(lambda w: R("workshop_survey", args=[w.workshop.pk, "unknown"]), signed_in(404), label="unknown-survey"),
    "en/workshops/<id:workshop_id>/surveys/<str:survey>/statements/": case(
        lambda w: R("workshop_survey_items", args=[w.workshop.pk, "satisfaction"]), only(200, TRAINER, ADMIN)
    ) + case(
        lambda w: R("workshop_survey_items", args=[w.workshop.pk, "follow_up"]), only(200, TRAINER, ADMIN), label="follow-up"
    ),
    "en/workshops/<id:workshop_id>/": case(lambda w: R("workshop_detail", args=[w.workshop.pk]), only(200, *RUN_WORKSHOP)),
    "en/workshops/<id:workshop_id>/edit/": case(lambda w: R("workshop_edit", args=[w.workshop.pk]), only(200, TRAINER, ADMIN)),
    "en/workshops/<id:workshop_id>/import/": case(
        lambda w: R("workshop_attendance_import", args=[w.workshop.pk]), only(200, *RUN_WORKSHOP)
    ),
    # The attendance grid with names and emails: the cohort's trainer and administrators.
    "en/workshops/<id:workshop_id>/attendance.<str:file_format>": case(
        lambda w: R("workshop_attendance_export", args=[w.workshop.pk, "csv"]), only(200, TRAINER, ADMIN)
    ) + case(
        lambda w: R("workshop_attendance_export", args=[w.workshop.pk, "xlsx"]), only(200, TRAINER, ADMIN), label="xlsx"
    ) + case(
        lambda w: R("workshop_attendance_export", args=[w.workshop.pk, "pdf"]), signed_in(404), label="unknown-format"
    ),
    "en/workshops/<id:workshop_id>/sessions/new/": case(
        lambda w: R("workshop_session_create", args=[w.workshop.pk]), only(200, *RUN_WORKSHOP)
    ),
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/": case(
        lambda w: R("workshop_session", args=[w.workshop.pk, w.workshop_session.pk]), only(200, *RUN_WORKSHOP)
    ) + post(
        lambda w: R("workshop_session", args=[w.workshop.pk, w.workshop_session.pk]), only(302, *RUN_WORKSHOP),
        data=lambda w: {"trainee": w.enrolment.trainee_id, "present": "1"}, label="mark",
    ) + case(
        # The other trainer's own session, under the owner's workshop: not found, even for them.
        lambda w: R("workshop_session", args=[w.workshop.pk, w.other_workshop_session.pk]), signed_in(404),
        label="session-of-another-workshop",
    ),
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/edit/": case(
        lambda w: R("workshop_session_edit", args=[w.workshop.pk, w.workshop_session.pk]), only(200, *RUN_WORKSHOP)
    ),
    # Deleting a session nobody was marked at: a confirmation, then the deletion.
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/delete/": case(
        lambda w: R("workshop_session_delete", args=[w.workshop.pk, w.workshop_session.pk]), only(200, *RUN_WORKSHOP)
    ) + post(
        lambda w: R("workshop_session_delete", args=[w.workshop.pk, w.workshop_session.pk]), only(302, *RUN_WORKSHOP),
        label="delete",
    ),
    # A device's mark: signed out, a 401 (not a redirect) so the device keeps the mark.
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/marks/": post(
        lambda w: R("workshop_session_mark", args=[w.workshop.pk, w.workshop_session.pk]),
        only(200, *RUN_WORKSHOP, anonymous=401), content_type="application/json",
        data=lambda w: {"client_mark_id": "0b6f1c1e-4a1d-4c43-9d0e-7d0c5f2a9e11", "trainee": w.enrolment.trainee_id, "present": True},
    ),
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/walk-in/": case(
        lambda w: R("workshop_walk_in", args=[w.workshop.pk, w.workshop_session.pk]), only(200, *RUN_WORKSHOP)
    ),
    "en/workshops/<id:workshop_id>/sessions/<id:session_id>/sign-in-sheet.pdf": case(
        lambda w: R("workshop_sign_in_sheet", args=[w.workshop.pk, w.workshop_session.pk]), only(200, *RUN_WORKSHOP)
    ),
    # The QR check-in link (outside the language prefix): the cohort's trainees only. Anyone else
    # holding the link gets its 404, which the locale middleware sends on to the prefixed twin,
    # whose 404 says why and shows nothing of the workshop.
    "check-in/<str:token>/": case(
        lambda w: R("workshops_checkin:check_in", args=[w.workshop_session.checkin_token]),
        only(200, TRAINEE) | dict.fromkeys(set(SIGNED_IN) - {TRAINEE}, NOT_FOUND_UNPREFIXED),
    ) + post(
        lambda w: R("workshops_checkin:check_in", args=[w.workshop_session.checkin_token]),
        only(200, TRAINEE) | dict.fromkeys(set(SIGNED_IN) - {TRAINEE}, NOT_FOUND_UNPREFIXED), label="check-in",
    ),
    "en/check-in/<str:token>/": case(
        lambda w: R("workshops_checkin_i18n:check_in", args=[w.workshop_session.checkin_token]), only(200, TRAINEE)
    ) + post(
        lambda w: R("workshops_checkin_i18n:check_in", args=[w.workshop_session.checkin_token]), only(200, TRAINEE),
        label="check-in",
    ),
    # Wagtail's helpers for password-protected pages.
    "en/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": case(
        lambda w: R("wagtailcore_authenticate_with_password", args=[w.page_restriction.pk, w.protected_page.pk]) + "?next=/",
        everyone(200),
    ),
    "en/_util/login/": case(lambda w: R("wagtailcore_login"), everyone(200)),
}


# Wagtail's page serving, through concrete pages of the owner's course.
PAGES: list[Case] = [
    Case(lambda w: w.home.url, everyone(200), label="home"),
    Case(lambda w: w.catalogue.url, everyone(200), label="catalogue"),
    Case(lambda w: w.course.url, everyone(200), label="course"),
    Case(lambda w: w.module.url, everyone(302), label="module"),
    # Lessons and quizzes: enrolled trainees (the owner, and the other trainee in their own round)
    # read them; everyone else is sent to the course page to enrol.
    Case(lambda w: w.lessons[0].url, {**everyone(302), TRAINEE: 200, OTHER_TRAINEE: 200}, label="lesson"),
    Case(lambda w: w.quiz.url, {**everyone(302), TRAINEE: 200, OTHER_TRAINEE: 200}, label="quiz"),
    Case(lambda w: w.draft_lesson_url, everyone(404), label="draft-lesson"),
    Case(lambda w: w.protected_page.url, everyone(200), label="password-page-form"),
]

SERVE_PATTERN = "en/^((?:[\\w\\-]+/)*)$"  # Wagtail's catch-all, covered by PAGES


# --- The resolver -----------------------------------------------------------------------------------


def walk(patterns, prefix="", namespace=None):
    """(name, route, callback) of every URL pattern, included modules and namespaces unfolded."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield name, prefix + str(pattern.pattern), pattern.callback


def site_patterns() -> list[tuple[str, str]]:
    """Every pattern outside the admin, in the resolver's order."""
    return [(name, route) for name, route, _cb in walk(get_resolver().url_patterns) if not route.startswith("admin/")]


def admin_patterns() -> list[tuple[str, str, object]]:
    return [(name, route, cb) for name, route, cb in walk(get_resolver().url_patterns) if route.startswith("admin/")]


def _case_id(route: str, case: Case) -> str:
    return f"{route}{'[' + case.label + ']' if case.label else ''}".replace(" ", "")


def _matrix_params():
    params = []
    for route, cases in MATRIX.items():
        for item in cases:
            for actor in ACTORS:
                params.append(pytest.param(item, actor, id=f"{_case_id(route, item)}-{actor}"))
    for item in PAGES:
        for actor in ACTORS:
            params.append(pytest.param(item, actor, id=f"page:{item.label}-{actor}"))
    return params


# --- The world, built once for the module ------------------------------------------------------------


@dataclass
class World:
    users: dict
    keys: dict
    sessions: dict
    media_root: object
    home: object = None
    catalogue: object = None
    course: object = None
    other_course: object = None
    module: object = None
    lessons: list = field(default_factory=list)
    draft_lesson_url: str = ""
    quiz: object = None
    question: object = None
    cohort: object = None
    other_cohort: object = None
    enrolment: object = None
    classmate_enrolment: object = None
    open_attempt: object = None
    finished_attempt: object = None
    certificate: object = None
    training_record: object = None
    invitation: object = None
    cohort_invitation: object = None
    invitation_token: str = ""
    export: object = None
    api_token: object = None
    document: object = None
    private_document: object = None
    collection_restriction: object = None
    page_restriction: object = None
    protected_page: object = None
    reset_uid: str = ""
    reset_uid36: str = ""
    admin_authenticator: object = None
    reset_token: str = ""
    revision: object = None
    workshop: object = None
    workshop_session: object = None
    other_workshop_session: object = None


def _pdf(name: str) -> ContentFile:
    return ContentFile(b"%PDF-1.4\n% matrix test file\n%%EOF\n", name=name)


def _take_quiz(quiz, trainee, enrolment, *, submit: bool) -> Attempt:
    attempt = quizzes.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment, seed=1)
    responses = {}
    for answer in attempt.answers.select_related("question"):
        if answer.question.get_real_instance().kind == "essay":
            responses[answer.position] = {"text": f"{OWNER_NAME}: I would refer the person to the NRM."}
    quizzes.save_answers(attempt=attempt, responses=responses)
    return quizzes.submit_attempt(attempt=attempt) if submit else attempt


def build_world(media_root) -> World:
    """Two countries, two courses, two cohorts and their trainers, two officers, an administrator."""
    from wagtail.documents import get_document_model

    home, catalogue = site_tree()
    senegal = Country.objects.get_or_create(code="SN", defaults={"name": "Senegal"})[0]
    mali = Country.objects.create(code="ML", name="Mali")
    dakar = Region.objects.get_or_create(country=senegal, name="Dakar")[0]
    bamako = Region.objects.create(country=mali, name="Bamako")
    dakar_post = Organisation.objects.create(name="Dakar border post", country=senegal, region=dakar)
    bamako_post = Organisation.objects.create(name="Bamako border post", country=mali, region=bamako)
    police = SectorFactory()

    course = build_course("Identifying victims", modules=1, lessons_per_module=2)
    other_course = build_course("Reception centres", modules=1, lessons_per_module=1)
    question = single_choice()
    quiz = add_quiz(course, [question, essay()])
    module = ModulePage.objects.child_of(course).get()
    draft = module.add_child(instance=LessonPage(title="Draft lesson", slug="draft-lesson", body=lesson_body(), live=False))

    trainer = UserFactory(role=roles.TRAINER, organisation=dakar_post, first_name="Ousmane", last_name="Trainer")
    other_trainer = UserFactory(role=roles.TRAINER, organisation=bamako_post, first_name="Aminata", last_name="Othertrainer")
    roles.grant_course_authoring(course=course, user=trainer)
    roles.grant_course_authoring(course=other_course, user=other_trainer)
    cohort = CohortFactory(name="Dakar workshop", course=course, facilitator=trainer)
    other_cohort = CohortFactory(name="Bamako workshop", course=other_course, facilitator=other_trainer, place="Bamako")

    owner = UserFactory(
        first_name="Mariama", last_name=OWNER_NAME, certificate_name=f"Mariama {OWNER_NAME}",
        organisation=dakar_post, sector=police, country=senegal, email="mariama@example.org",
    )
    classmate = UserFactory(first_name="Moussa", last_name="Classmate", organisation=dakar_post, sector=police)
    other_trainee = UserFactory(first_name="Fatou", last_name="Othertrainee", organisation=bamako_post, sector=police)

    enrolment = learning.enrol(trainee=owner, course=course, cohort=cohort)
    classmate_enrolment = learning.enrol(trainee=classmate, course=course, cohort=cohort)
    other_enrolment = learning.enrol(trainee=other_trainee, course=course)
    learning.enrol(trainee=other_trainee, course=other_course, cohort=other_cohort)

    # Typed by the other trainer without the family name: that trainer may read what they typed.
    cohort_invitation = CohortInvitation.objects.create(
        cohort=other_cohort, invitee=owner, name="M. T.", email=owner.email, invited_by=other_trainer
    )

    finished = _take_quiz(quiz, owner, enrolment, submit=True)
    open_attempt = _take_quiz(quiz, owner, enrolment, submit=False)
    _take_quiz(quiz, other_trainee, other_enrolment, submit=True)

    certificate = certificates.issue_certificate(enrolment=enrolment, issued_by=trainer)
    certificate.pdf.save(f"{certificate.serial}.pdf", _pdf("c.pdf"), save=False)
    type(certificate).objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    record = TrainingRecord.objects.create(
        trainee=owner, verification_code=new_verification_code(), trainee_name=f"Mariama {OWNER_NAME}", language="en",
        issuer="Passage", entries=[{"serial": certificate.serial, "course": course.title}],
    )
    record.pdf.save("record.pdf", _pdf("r.pdf"))

    officer_senegal = officer(countries=[senegal], first_name="Awa", last_name="Officer")
    officer_mali = officer(countries=[mali], first_name="Ibrahim", last_name="Otherofficer")
    admin = UserFactory(role=roles.ADMINISTRATOR, organisation=None, is_superuser=True, is_staff=True, last_name="Admin")
    users = {
        TRAINEE: owner, OTHER_TRAINEE: other_trainee, TRAINER: trainer, OTHER_TRAINER: other_trainer,
        OFFICER: officer_senegal, OTHER_OFFICER: officer_mali, ADMIN: admin,
    }
    keys = {actor: records.create_api_token(user=user, name=f"{actor} system")[1] for actor, user in users.items()}
    api_token = ApiToken.objects.get(user=officer_senegal)
    export = RecordsExport.objects.create(
        user=officer_senegal, file_format="csv", state=RecordsExport.State.DONE, finished_at=timezone.now(),
        parameters={"filters": {}, "identity": "name", "bom": False},
    )
    export.file.save("records.csv", ContentFile(f"trainee\nMariama {OWNER_NAME}\n".encode()))
    other_export = RecordsExport.objects.create(user=officer_mali, file_format="csv", state=RecordsExport.State.DONE)
    other_export.file.save("records.csv", ContentFile(b"trainee\n"))

    invitee = UserFactory(first_name="Khady", last_name="Invitee", organisation=dakar_post)
    learning.add_to_cohort(cohort=cohort, trainee=invitee)
    invitation_token = "matrix-invitation-token-0123456789abcdef"
    invitation = Invitation.objects.create(
        user=invitee, cohort=cohort, invited_by=trainer, token_hash=hashlib.sha256(invitation_token.encode()).hexdigest(),
        expires_at=timezone.now() + timedelta(days=14),
    )

    Document = get_document_model()
    root = Collection.get_first_root_node()
    document = Document(title="Indicators checklist", collection=root)
    document.file.save("indicators.txt", ContentFile(b"Indicators of trafficking"), save=False)
    document.save()
    handouts = root.add_child(instance=Collection(name="Workshop handouts"))
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=handouts, restriction_type=CollectionViewRestriction.PASSWORD, password="workshop"
    )
    staff_only = root.add_child(instance=Collection(name="Administrators only"))
    CollectionViewRestriction.objects.create(
        collection=staff_only, restriction_type=CollectionViewRestriction.GROUPS
    ).groups.set([Group.objects.get(name=roles.ADMINISTRATOR)])
    private_document = Document(title="Workshop answers", collection=staff_only)
    private_document.file.save("answers.txt", ContentFile(b"Answers"), save=False)
    private_document.save()

    protected = home.add_child(instance=StandardPage(title="Partners", slug="partners", body=lesson_body("For partners.")))
    page_restriction = PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="partners"
    )

    images = media_root / "original_images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "pixel.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    # The owner's cohort meets face to face: one session under way now, so its QR check-in is open.
    workshop = build_workshop(cohort=cohort, time_zone="UTC", required=0, country=senegal)
    workshop_session = session_now(workshop)
    co_facilitator = UserFactory(role=roles.TRAINER, organisation=dakar_post, first_name="Binta", last_name="Cofacilitator")
    workshop.facilitators.add(co_facilitator)
    users[CO_FACILITATOR] = co_facilitator
    keys[CO_FACILITATOR] = records.create_api_token(user=co_facilitator, name="co-facilitator system")[1]
    # The other trainer's cohort meets too: they run that workshop, and nothing of the owner's.
    other_workshop = build_workshop(cohort=other_cohort, time_zone="UTC", required=0, country=mali, title="Bamako workshop")
    other_workshop_session = session_now(other_workshop)

    # Signed in once: each test sends the actor's session cookie (a login per test costs more).
    sessions = {}
    for actor, user in users.items():
        client = Client()
        client.force_login(user)
        sessions[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    world = World(users=users, keys=keys, sessions=sessions, media_root=media_root)
    world.__dict__.update(
        home=home, catalogue=catalogue, course=course, other_course=other_course, module=module,
        lessons=lessons_of(course), draft_lesson_url=f"{course.url}module-1/draft-lesson/", quiz=quiz, question=question,
        cohort=cohort, other_cohort=other_cohort, enrolment=enrolment, classmate_enrolment=classmate_enrolment,
        open_attempt=open_attempt, finished_attempt=finished, certificate=certificate, training_record=record,
        invitation=invitation, invitation_token=invitation_token, cohort_invitation=cohort_invitation, export=export, api_token=api_token,
        document=document, private_document=private_document, collection_restriction=collection_restriction,
        page_restriction=page_restriction, protected_page=protected,
        reset_uid36=int_to_base36(classmate.pk),
        admin_authenticator=Authenticator.objects.filter(user=admin).first(),
        reset_uid=urlsafe_base64_encode(force_bytes(classmate.pk)), reset_token=default_token_generator.make_token(classmate),
        revision=draft.save_revision(), workshop=workshop, workshop_session=workshop_session,
        other_workshop_session=other_workshop_session,
    )
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, inside a transaction that is rolled back once the module is done."""
    media_root = tmp_path_factory.mktemp("matrix-media")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "lms.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("matrix-private")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with django_db_blocker.unblock(), override_settings(**FAST_SETTINGS, MEDIA_ROOT=media_root, STORAGES=storages):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=False):
                built = build_world(media_root)
            built.storages = storages
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def in_world(world, db, settings, monkeypatch):
    """Each test sees the world's files, and rolls back what it changes."""
    settings.MEDIA_ROOT = world.media_root
    settings.STORAGES = world.storages
    return world


def client_for(world, actor, *, token_auth=False) -> Client:
    client = Client()
    if token_auth:
        if actor != ANONYMOUS:
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {world.keys[actor]}"
    elif actor != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    return client


def body_of(response) -> bytes:
    """Everything a person could read in the answer, with zip files (ZIP, XLSX) opened."""
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist())
    return data


def check(response, expected, *, actor, url) -> None:
    status = response.status_code
    if expected == LOGIN:
        location = response.get("Location", "")
        sign_in = (reverse("account_login"),)
        assert status == 302 and location.split("?")[0].endswith(sign_in), (
            f"{actor} at {url}: expected a redirect to sign in, got {status} {location}"
        )
    elif expected == NOT_FOUND_UNPREFIXED:
        location = response.get("Location", "")
        assert status == 302 and location == f"/en{url}", f"{actor} at {url}: expected a 404 sent on to /en, got {status} {location}"
    else:
        assert status == expected, f"{actor} at {url}: expected {expected}, got {status} {response.get('Location', '')}"


# --- Tests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "route"), [pytest.param(n, r, id=f"{n}/{r}") for n, r in site_patterns()])
def test_url_pattern_has_a_matrix_entry(name, route):
    if route == SERVE_PATTERN:
        assert PAGES, "Wagtail's page serving is covered by concrete pages"
        return
    assert route in MATRIX, f"no matrix entry for {name}/{route}"


def test_matrix_has_no_entry_for_a_pattern_that_is_gone():
    routes = {route for _name, route in site_patterns()}
    assert not set(MATRIX) - routes


@pytest.mark.parametrize(("item", "actor"), _matrix_params())
def test_matrix(in_world, item, actor):
    url = item.url(in_world)
    client = client_for(in_world, actor, token_auth=item.token_auth)
    if item.method == "POST":
        extra = {"content_type": item.content_type} if item.content_type else {}
        response = client.post(url, item.data(in_world) if item.data else {}, **extra)
    else:
        response = client.get(url)
    check(response, item.expect[actor], actor=actor, url=url)
    if response.status_code == 200 and actor in OUTSIDERS and not item.shows_owner_name:
        assert OWNER_NAME.encode() not in body_of(response), f"{actor} reads the owner's name at {url}"


HUGE_ID = 2**64  # beyond any database integer: must be "not found", not a crash


def _huge_id_params():
    """Each pattern that takes a number, with the method its first matrix case uses."""
    params = []
    for name, route in site_patterns():
        if "<id:" in route and route in MATRIX:
            for actor in (TRAINEE, ADMIN):
                params.append(pytest.param(route, MATRIX[route][0], actor, id=f"{name}/{route}-{actor}"))
    return params


@pytest.mark.parametrize(("route", "item", "actor"), _huge_id_params())
def test_huge_ids_are_not_found(in_world, route, item, actor):
    url = "/" + re.sub(r"<id:\w+>", str(HUGE_ID), route)
    url = re.sub(r"<uuid:\w+>", str(in_world.question.family), url)
    client = client_for(in_world, actor)
    client.raise_request_exception = False
    extra = {"content_type": item.content_type} if item.content_type else {}
    response = client.post(url, item.data(in_world) if item.data else {}, **extra) if item.method == "POST" else client.get(url)
    if not route.startswith("en/") and response.status_code == 302:
        # Outside the language prefix, Django's LocaleMiddleware turns a 404 into /en/<path>.
        assert response["Location"] == f"/en{url}", f"{actor} at {url}: redirected to {response['Location']}"
    else:
        assert response.status_code == 404, f"{actor} at {url}: {response.status_code}"


# --- The admin ------------------------------------------------------------------------------------------

# Admin pages that are public by design: signing in, resetting a password, static helpers.
ADMIN_PUBLIC = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
# The admin lets in by permission, not by object: one officer stands for both.
NON_STAFF = (ANONYMOUS, TRAINEE, OTHER_TRAINEE, OFFICER)
# Admin models that hold people and their records: a trainer opens none of the owner's side.
PERSONAL_MODELS = {"lms.user", "auth.group", "certificates.certificate", "courses.enrolment", "courses.cohort",
                   "lms.reportingscope", "lms.auditlogentry"}
PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}
# Wagtail screens that answer any admin user about any page: a confirmation or a chooser showing
# titles (public anyway), whose action checks the page permissions itself.
TRAINER_MAY_OPEN = {
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_choose_page_child",
}


def _owner_side_ids(world) -> dict:
    """Values for the admin's URL parameters, taken from the owner's side of the world."""
    lesson = world.lessons[0]
    return {
        "page_id": lesson.pk, "parent_page_id": world.module.pk, "page_to_move_id": lesson.pk, "page_pk": lesson.pk,
        "destination_id": world.module.pk, "revision_id": world.revision.pk, "revision_id_a": "earliest",
        "revision_id_b": "latest", "document_id": world.document.pk, "doc_id": world.document.pk,
        "image_id": 1, "collection_id": world.collection_restriction.collection_id,
        "category_id": world.question.category_id, "question_id": world.question.pk,
        "content_type_app_name": "courses", "content_type_model_name": "lessonpage", "app_label": "courses",
        "model_name": "lessonpage", "app_name": "content", "action": "delete", "action_name": "approve",
        "filter_spec": "original", "language": "en", "object_id": lesson.pk, "uidb64": world.reset_uid,
        "token": world.reset_token,
    }


def _owner_side_objects(world) -> dict:
    """The object of each admin model that belongs to the owner's side."""
    from wagtail.documents import get_document_model

    from lms.models import ReportingScope

    return {
        get_user_model(): world.users[TRAINEE].pk,
        type(world.certificate): world.certificate.pk,
        type(world.enrolment): world.enrolment.pk,
        type(world.cohort): world.cohort.pk,
        ReportingScope: ReportingScope.objects.get(officer=world.users[OFFICER]).pk,
        get_document_model(): world.document.pk,
    }


def admin_url(route: str, callback, world) -> str | None:
    """A concrete URL for an admin pattern, or None for Wagtail's admin catch-all."""
    if route.endswith("^.*/$"):
        return None
    values = _owner_side_ids(world)
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if isinstance(model, type):
        objects = _owner_side_objects(world)
        pk = objects.get(model)
        if pk is None:
            first = model._default_manager.order_by("pk").first()
            pk = first.pk if first is not None else 1
        values = {**values, "pk": pk}
        if model._meta.label_lower == "courses.cohort":
            values["app_label"], values["model_name"] = "courses", "cohort"
    values.setdefault("pk", world.lessons[0].pk)

    def fill(match):
        name = match.group("name") or match.group("group")
        return str(values.get(name, 1))

    path = re.sub(r"<(?:\w+:)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)", fill, route)
    path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + path


def _admin_params():
    return [pytest.param(name, route, cb, id=f"{name or 'unnamed'}/{route}") for name, route, cb in admin_patterns()]


@pytest.mark.parametrize(("name", "route", "callback"), _admin_params())
def test_admin_refuses_non_staff(in_world, name, route, callback):
    url = admin_url(route, callback, in_world)
    if url is None or name in ADMIN_PUBLIC:
        return
    for actor in NON_STAFF:
        user = in_world.users.get(actor)
        assert user is None or not user.has_perm("wagtailadmin.access_admin"), f"{actor} is staff"
        response = client_for(in_world, actor).get(url)
        assert response.status_code in (302, 403, 404), f"{actor} at {url}: {response.status_code}"
        if response.status_code == 302:
            assert "login" in response["Location"], f"{actor} at {url}: redirected to {response['Location']}"



def _owner_side_admin_params():
    """Admin patterns that show one of the owner's pages or records of people."""
    params = []
    for name, route, callback in admin_patterns():
        model = getattr(callback, "view_initkwargs", {}).get("model")
        personal = isinstance(model, type) and model._meta.label_lower in PERSONAL_MODELS
        on_a_page = any(f":{parameter}>" in route for parameter in PAGE_PARAMETERS)
        if personal or on_a_page:
            params.append(pytest.param(name, route, callback, id=f"{name}/{route}"))
    return params


@pytest.mark.parametrize(("name", "route", "callback"), _owner_side_admin_params())
def test_admin_other_trainer(in_world, name, route, callback):
    """A trainer in the admin: nothing of another trainer's course, cohort or trainees."""
    url = admin_url(route, callback, in_world)
    response = client_for(in_world, OTHER_TRAINER).get(url)
    if name in TRAINER_MAY_OPEN:
        assert response.status_code in (200, 302, 403, 404)
    else:
        assert response.status_code != 200, f"other_trainer opens {url}"
    if response.status_code == 200:
        assert OWNER_NAME.encode() not in body_of(response), f"other_trainer reads the owner's name at {url}"



@pytest.mark.parametrize(("name", "route", "callback"), _owner_side_admin_params())
def test_admin_answers_the_administrator_without_error(in_world, name, route, callback):
    """The administrator's admin screens of the same objects work (and prove the ids are real)."""
    url = admin_url(route, callback, in_world)
    client = client_for(in_world, ADMIN)
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code < 500, f"admin at {url}: {response.status_code}"
