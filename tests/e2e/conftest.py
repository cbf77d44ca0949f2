"""Browser journeys in Debian's Chromium, driven by Playwright against a live server."""

import shutil

import pytest
from playwright.sync_api import sync_playwright

from tests.factories import ensure_wagtail_base

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def wagtail_base(transactional_db):
    """Wagtail's base rows and the roles, which the flush between browser tests removes."""
    ensure_wagtail_base()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, email, password):
    page.goto("/en/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    # Administrators and officers are then asked for a code from their authenticator app.
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from allauth.mfa.utils import decrypt

    app = Authenticator.objects.filter(user__email__iexact=email, type=Authenticator.Type.TOTP).first()
    if app is not None:
        secret = decrypt(app.data["secret"])
        page.get_by_label("Code").fill(format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time()))))
        page.locator("main").get_by_role("button", name="Sign In", exact=True).click()
