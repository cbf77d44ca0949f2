"""The records summary is made by the PDF renderer's child process, never by the web process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from lms.models import AuditLogEntry
from lms.pdf import pool

ROOT = Path(__file__).resolve().parents[2]

# Run by a fresh interpreter: a web process that has served nothing before this download.
DOWNLOAD = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
from lms.models import User
from lms.pdf import pool

override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
client = Client()
client.force_login(User.objects.get(pk=int(sys.argv[1])))
response = client.get(sys.argv[2], {"organisation": sys.argv[3]})
child = pool.child_modules()
print(json.dumps({
    "status": response.status_code,
    "type": response["Content-Type"],
    "start": response.content[:5].decode("latin-1"),
    "parent": sorted(name for name in ("weasyprint", "pydyf", "pyhanko") if name in sys.modules),
    "child": sorted(name for name in ("weasyprint", "pydyf") if name in child),
}))
"""


def database_url() -> str:
    """The test database, for another process to read what this test committed."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{credentials}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_the_web_process_downloads_the_summary_without_ever_importing_weasyprint(world, tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        "DATABASE_URL": database_url(),
        "PASSAGE_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("REDIS_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DOWNLOAD, str(world.officer_senegal.pk), reverse("records:summary_pdf"), str(world.dakar_post.pk)],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 200 and answer["type"] == "application/pdf" and answer["start"] == "%PDF-"
    assert answer["parent"] == []  # the web process never loaded the renderer...
    assert answer["child"] == ["pydyf", "weasyprint"]  # ...its child did
    assert AuditLogEntry.objects.filter(action__startswith="records.").count() == 1


@pytest.mark.django_db
def test_the_summary_is_rendered_by_the_pool_with_no_asset_to_fetch(world, client, monkeypatch):
    calls = []
    real_render = pool.render

    def spy(html, assets=None, **options):
        calls.append((html, assets, options))
        return real_render(html, assets, **options)

    monkeypatch.setattr(pool, "render", spy)
    client.force_login(world.officer_senegal)
    response = client.get(reverse("records:summary_pdf"), {"organisation": world.dakar_post.pk})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    [(html, assets, options)] = calls
    assert "Dakar border post" in html
    assert assets == {} and options == {"pdf_variant": None}


def summary_after_failure(client, world):
    client.force_login(world.officer_senegal)
    filters = {"organisation": world.dakar_post.pk}
    response = client.get(reverse("records:summary_pdf"), filters)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('records:dashboard')}?organisation={world.dakar_post.pk}"
    return client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_summary_past_its_time_limit_says_so_on_the_dashboard_and_nothing_is_recorded(world, client, settings):
    settings.PASSAGE_PDF_RENDER_SECONDS = 0.01
    page = summary_after_failure(client, world)
    assert "The PDF summary could not be made." in page
    assert "longer than 0.01 seconds" in page
    assert not AuditLogEntry.objects.filter(action__startswith="records.").exists()
    # The renderer goes on: the next summary, with the usual limit, is made.
    settings.PASSAGE_PDF_RENDER_SECONDS = 15
    response = client.get(reverse("records:summary_pdf"), {"organisation": world.dakar_post.pk})
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


@pytest.mark.django_db
def test_a_summary_past_its_memory_limit_says_so_on_the_dashboard(world, client, settings):
    settings.PASSAGE_PDF_RENDER_MEMORY_MB = 64  # less than the child already maps: nothing fits
    page = summary_after_failure(client, world)
    assert "The PDF summary could not be made." in page
    assert "64 MB memory limit" in page
    assert not AuditLogEntry.objects.filter(action__startswith="records.").exists()
