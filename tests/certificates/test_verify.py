"""The public verify pages: by QR code, by serial and family name; rate limited; nothing more shown."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.serials import new_verification_code

pytestmark = pytest.mark.django_db


def comparable(response) -> str:
    """The page without what differs on every response (CSRF token, CSP nonce) or echoes the address."""
    page = response.content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    page = re.sub(r'nonce="[^"]*"', "", page)
    return re.sub(r'name="next" type="hidden" value="[^"]*"', "", page)


def verify_url(certificate):
    return reverse("certificates_verify:code", args=[certificate.verification_code])


def test_verify_urls_have_no_language_prefix(issued):
    assert verify_url(issued) == f"/verify/{issued.verification_code}/"
    assert reverse("certificates_verify:form") == "/verify/"


def test_a_valid_certificate_shows_name_course_date_issuer_and_status(client, issued):
    response = client.get(verify_url(issued))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is genuine and valid." in page
    for shown in ("Awa Sarr", issued.course_title, issued.serial, issued.issuer):
        assert shown in page
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_nothing_else_about_the_trainee_is_shown(client, issued):
    page = client.get(verify_url(issued)).content.decode()
    trainee = issued.trainee
    for hidden in (trainee.email, trainee.organisation.name, trainee.sector.name, str(issued.hours)):
        assert hidden not in page


def test_an_expired_certificate_says_so(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    page = client.get(verify_url(issued)).content.decode()
    assert "Expired" in page and "genuine but expired" in page


def test_a_revoked_certificate_says_so_without_the_reason(client, issued):
    services.revoke_certificate(certificate=issued, by=None, reason="Attendance sheet forged")
    page = client.get(verify_url(issued)).content.decode()
    assert "Revoked" in page and "no longer valid" in page
    assert "forged" not in page


def test_a_replaced_certificate_gives_the_newer_ones_date(client, issued):
    new = services.reissue_certificate(certificate=issued, by=None, reason="Name corrected", trainee_name="Awa N. Sarr")
    page = client.get(verify_url(issued)).content.decode()
    assert "replaced by a newer certificate issued on" in page
    assert new.serial not in page and new.verification_code not in page


@pytest.mark.parametrize("code", ["not-a-code", "x" * 43, "a" * 200, "%2e%2e%2fetc", "<script>"])
def test_unknown_and_malformed_codes_answer_alike(client, issued, code):
    unknown = client.get(reverse("certificates_verify:code", args=[new_verification_code()]))
    other = client.get(f"/verify/{code}/")
    assert unknown.status_code == other.status_code == 200
    assert "Not found" in unknown.content.decode()
    assert comparable(unknown) == comparable(other)


def test_the_form_finds_a_certificate_by_serial_and_family_name_ignoring_case_and_accents(client, course):
    from tests.certificates.conftest import complete_course
    from tests.factories import UserFactory

    trainee = UserFactory(first_name="Ndèye", last_name="N'Diaye", certificate_name="Ndèye N'Diaye")
    certificate = services.issue_certificate(enrolment=complete_course(trainee, course))
    response = client.post("/verify/", {"serial": certificate.serial.lower(), "family_name": "NDIAYE"})
    assert response.status_code == 200
    assert "genuine and valid" in response.content.decode()
    assert "Ndèye N&#x27;Diaye" in response.content.decode()


def test_a_serial_alone_reveals_nothing(client, issued):
    wrong_name = client.post("/verify/", {"serial": issued.serial, "family_name": "Diop"})
    unknown_serial = client.post("/verify/", {"serial": "PSG-1999-000001", "family_name": "Diop"})
    no_name = client.post("/verify/", {"serial": issued.serial, "family_name": ""})
    for response in (wrong_name, unknown_serial):
        page = response.content.decode()
        assert "No certificate matches this serial number and family name" in page
        assert "Awa" not in page and issued.course_title not in page
    assert comparable(wrong_name) == comparable(unknown_serial).replace("PSG-1999-000001", issued.serial)
    assert "Awa" not in no_name.content.decode()


def test_lookups_are_rate_limited_per_address(client, issued, settings):
    settings.PASSAGE_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(verify_url(issued)).status_code == 200
    limited = client.post("/verify/", {"serial": issued.serial, "family_name": "Sarr"})
    assert limited.status_code == 429
    assert "Wait ten minutes" in limited.content.decode()
    # The seconds left in this address's ten-minute window.
    assert 0 < int(limited["Retry-After"]) <= 600
    other_address = client.get(verify_url(issued), REMOTE_ADDR="203.0.113.9")
    assert other_address.status_code == 200


def test_the_31st_lookup_from_an_address_is_refused(client, issued):
    for _ in range(30):
        assert client.get(verify_url(issued)).status_code == 200
    refused = client.get(verify_url(issued))
    assert refused.status_code == 429
    assert "Too many checks" in refused.content.decode()
    assert refused["Cache-Control"] == "private, no-store"


def test_an_ipv6_client_is_counted_by_its_network(client, issued, settings):
    # One IPv6 client holds a whole /64: changing the last bits must not give a fresh count.
    settings.PASSAGE_VERIFY_RATE_LIMIT = 2
    for host in ("1", "2"):
        assert client.get(verify_url(issued), REMOTE_ADDR=f"2001:db8:1:2::{host}").status_code == 200
    assert client.get(verify_url(issued), REMOTE_ADDR="2001:db8:1:2::3").status_code == 429
    assert client.get(verify_url(issued), REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_the_empty_form_is_not_counted(client, settings):
    settings.PASSAGE_VERIFY_RATE_LIMIT = 1
    for _ in range(3):
        assert client.get("/verify/").status_code == 200


def test_the_verify_page_follows_the_visitors_language(client, issued):
    page = client.get(verify_url(issued), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Ce certificat est authentique et valide." in page


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(client, issued, settings):
    import ipaddress

    settings.PASSAGE_VERIFY_RATE_LIMIT = 2
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    proxy = {"REMOTE_ADDR": "10.1.2.3"}
    for _ in range(2):
        assert client.get(verify_url(issued), HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 200
    assert client.get(verify_url(issued), HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    # Another client behind the same proxy has its own count.
    assert client.get(verify_url(issued), HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 200
    # What the limited client writes to the left of the proxy's entry is not believed.
    spoofed = client.get(verify_url(issued), HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.7", **proxy)
    assert spoofed.status_code == 429


def test_a_forwarded_header_from_an_untrusted_peer_changes_nothing(client, issued, settings):
    import ipaddress

    settings.PASSAGE_VERIFY_RATE_LIMIT = 2
    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    for number in range(2):
        assert client.get(verify_url(issued), HTTP_X_FORWARDED_FOR=f"198.51.100.{number}").status_code == 200
    # A client straight on the server cannot take a fresh count by writing the header.
    assert client.get(verify_url(issued), HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429
