"""Who may download which certificate: own, cohorts', reporting scope's; everything else is 404."""

import pytest
from django.urls import reverse

from certificates import selectors, services
from certificates.models import Certificate
from lms import roles
from lms.models import AuditLogEntry, ReportingScope
from tests.certificates.conftest import complete_course
from tests.factories import CohortFactory, CountryFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_certificate(django_capture_on_commit_callbacks):
    cohort = CohortFactory()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = complete_course(UserFactory(), cohort.course, cohort=cohort)
    return Certificate.objects.get(enrolment=enrolment)


def download(client, user, certificate):
    client.force_login(user)
    return client.get(reverse("certificates:download", args=[certificate.pk]))


def test_the_trainee_downloads_their_own_certificate_and_it_is_logged(client, issued):
    response = download(client, issued.trainee, issued)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{issued.serial}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AuditLogEntry.objects.filter(action="certificate.downloaded", object_id=str(issued.pk)).exists()


def test_another_trainee_gets_404_like_a_missing_certificate(client, issued):
    other = UserFactory()
    assert download(client, other, issued).status_code == 404
    client.force_login(other)
    assert client.get(reverse("certificates:download", args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, issued):
    response = client.get(reverse("certificates:download", args=[issued.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_cohorts_trainer_may_download_another_trainer_may_not(client, cohort_certificate):
    facilitator = cohort_certificate.enrolment.cohort.facilitator
    assert download(client, facilitator, cohort_certificate).status_code == 200
    assert download(client, UserFactory(role=roles.TRAINER), cohort_certificate).status_code == 404


def test_a_trainer_cannot_act_on_certificates_outside_their_cohorts(client, issued):
    client.force_login(UserFactory(role=roles.TRAINER))
    assert client.get(reverse("certificates:revoke", args=[issued.pk])).status_code == 404
    assert client.post(reverse("certificates:reissue", args=[issued.pk]), {"reason": "x"}).status_code == 404
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.VALID


def test_the_trainee_cannot_revoke_their_own(client, issued):
    client.force_login(issued.trainee)
    assert client.post(reverse("certificates:revoke", args=[issued.pk]), {"reason": "x"}).status_code == 404


def test_a_ministry_officer_sees_only_their_scope(client, issued, course):
    officer = UserFactory(role=roles.MINISTRY_OFFICER)
    scope = ReportingScope.objects.create(officer=officer)
    assert download(client, officer, issued).status_code == 404  # empty scope: nothing

    scope.countries.add(issued.enrolment.country)
    assert download(client, officer, issued).status_code == 200

    elsewhere = OrganisationFactory(name="Tribunal de Bamako", country=CountryFactory(code="ML", name="Mali"))
    outside = services.issue_certificate(enrolment=complete_course(UserFactory(organisation=elsewhere), course))
    assert outside.pk not in selectors.certificates_visible_to(officer).values_list("pk", flat=True)

    scope.countries.clear()
    scope.organisations.add(elsewhere)
    visible = set(selectors.certificates_visible_to(officer).values_list("pk", flat=True))
    assert visible == {outside.pk}
    # Ministry officers see, they do not revoke.
    client.force_login(officer)
    assert client.get(reverse("certificates:revoke", args=[outside.pk])).status_code == 404


def test_an_administrator_sees_everything(client, issued):
    assert download(client, UserFactory(role=roles.ADMINISTRATOR), issued).status_code == 200


def test_a_certificate_without_its_pdf_yet_is_not_downloadable(client, completed):
    certificate = services.issue_certificate(enrolment=completed)  # on_commit not run: no PDF
    assert download(client, completed.trainee, certificate).status_code == 404


def test_the_training_record_is_the_trainees_only(client, issued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = services.request_training_record(trainee=issued.trainee)
    record.refresh_from_db()
    client.force_login(issued.trainee)
    url = reverse("certificates:training_record_download", args=[record.pk])
    assert client.get(url).status_code == 200
    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    assert client.get(url).status_code == 404
