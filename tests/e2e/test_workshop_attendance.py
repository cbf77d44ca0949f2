"""A facilitator takes attendance on a 360 px phone while the server goes away and comes back;
a trainee checks in with the session's QR link.

The server is stopped for real (Chromium's offline switch does not stop every request): this test
runs its own server, single-threaded so that no kept-alive connection outlives it, and starts it
again on the same port.
"""

import time

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

from tests.e2e.conftest import sign_in
from tests.workshops.builders import member, session_now, workshop
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


class StoppableServer(LiveServerThread):
    """One request at a time, each on its own connection; the port can be bound again after a stop."""

    server_class = WSGIServer

    def _create_server(self, connections_override=None):
        return self.server_class((self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=True)


def start_server(port=0) -> StoppableServer:
    server = StoppableServer("127.0.0.1", StaticFilesHandler, port=port)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server


@pytest.fixture
def server(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    holder = {"server": start_server()}
    yield holder
    holder["server"].terminate()


def wait_until(check, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False


def test_facilitator_marks_at_360px_through_an_outage_and_a_trainee_checks_in(browser, server, settings):
    existing = workshop()
    session = session_now(existing)
    awa = member(existing, certificate_name="Awa Diop")
    binta = member(existing, certificate_name="Binta Fall")
    chidi = member(existing, certificate_name="Chidi Okafor", email="chidi@example.org")
    facilitator = existing.cohort.facilitator
    base = f"http://127.0.0.1:{server['server'].port}"
    settings.PUBLIC_BASE_URL = base

    context = browser.new_context(base_url=base, viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, facilitator.email, "correct horse battery")
    page.goto(f"/en/workshops/{existing.pk}/sessions/{session.pk}/")

    # The page fits the phone and each name is a large target.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    awa_button = page.get_by_role("button", name="Awa Diop")
    box = awa_button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 280

    awa_button.tap()
    page.get_by_text("All marks are saved.").wait_for()
    assert awa_button.get_attribute("aria-pressed") == "true"
    assert AttendanceMark.objects.get(trainee=awa).present

    # The connection drops: the server is gone.
    port = server["server"].port
    server["server"].terminate()
    binta_button = page.get_by_role("button", name="Binta Fall")
    binta_button.tap()
    page.get_by_text("1 mark waiting to be sent. It is kept on this device.").wait_for()
    assert binta_button.get_attribute("aria-pressed") == "true"
    kept = page.evaluate("JSON.parse(localStorage.getItem('passage.attendance.queue.v1'))")
    assert [(mark["trainee"], mark["present"]) for mark in kept] == [(str(binta.pk), True)]
    time.sleep(5)  # a retry or two fail while the server is away
    assert not AttendanceMark.objects.filter(trainee=binta).exists()

    # The server comes back on the same address; the kept mark arrives by itself.
    server["server"] = start_server(port)
    page.get_by_text("All marks are saved.").wait_for(timeout=20000)
    assert wait_until(lambda: AttendanceMark.objects.filter(trainee=binta, present=True).exists())
    assert page.evaluate("localStorage.getItem('passage.attendance.queue.v1')") == "[]"
    assert AttendanceMark.objects.filter(trainee=binta).get().source == "facilitator"
    context.close()

    # A trainee scans the code: the link asks them to sign in, then to confirm.
    trainee_context = browser.new_context(base_url=base, viewport=PHONE, has_touch=True, is_mobile=True)
    trainee_context.set_default_timeout(15000)
    phone = trainee_context.new_page()
    sign_in(phone, chidi.email, "correct horse battery")
    phone.goto(f"{base}/check-in/{session.checkin_token}/")
    phone.get_by_role("button", name="I am here: check me in").tap()
    phone.get_by_text("You are checked in: marked present for this session.").wait_for()
    mark = AttendanceMark.objects.get(trainee=chidi)
    assert (mark.present, mark.source) == (True, "qr")
    trainee_context.close()
