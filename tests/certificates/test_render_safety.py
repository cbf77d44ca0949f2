"""The renderer reads only allow-listed static and media files, within a time and memory limit."""

import http.server
import struct
import threading
import time
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage

from lms.pdf import pool
from lms.pdf.assets import Asset, asset_key, asset_url
from lms.pdf.collector import AssetCollector
from lms.pdf.fetcher import AllowListFetcher

PAGE = "<html><head><style>@page {{ size: A4; margin: 10mm }}</style>{head}</head><body><p>Awa Sarr</p>{body}</body></html>"
CSS = "text/css"


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        body = b"body { background: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def render_page(head="", body="", assets=None, **limits):
    return pool.render(PAGE.format(head=head, body=body), assets or {}, **limits)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///dev/urandom",
        "/dev/urandom",
        "/etc/passwd",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "https://example.org/logo.png",
        "ftp://example.org/logo.png",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "file:///__passage_assets__/static/../../../etc/passwd",
        "file:///__passage_assets__/static/%2e%2e/%2e%2e/etc/passwd",
        "../../../../etc/passwd",
        "file://attacker.example/__passage_assets__/static/x.css",
    ],
)
def test_forbidden_urls_are_refused_as_images_stylesheets_and_imports(url):
    rendered = render_page(
        head=f'<link rel="stylesheet" href="{url}"><style>@import url("{url}");</style>',
        body=f'<img src="{url}"><div style="background: url(\'{url}\')">x</div>',
    )
    assert rendered.pages == 1
    assert rendered.served == []
    assert len(rendered.refused) >= 3
    for refused in rendered.refused:
        assert "passwd" in refused or "urandom" in refused or "example" in refused or "169.254" in refused or refused.startswith("data:") or "__passage_assets__" in refused


def test_no_http_request_leaves_the_renderer_not_even_a_redirect(http_server):
    rendered = render_page(
        head=f'<link rel="stylesheet" href="{http_server}/style.css"><link rel="stylesheet" href="{http_server}/redirect">',
        body=f'<img src="{http_server}/redirect">',
    )
    assert len(rendered.refused) == 3
    time.sleep(0.2)
    assert _Recorder.requests == []


def test_an_import_chain_is_followed_only_through_allowed_files():
    first = asset_url("static", "certificates/first.css")
    assets = {
        "static/certificates/first.css": Asset(b'@import url("second.css"); @import url("file:///etc/passwd"); body { color: black }', CSS),
        "static/certificates/second.css": Asset(
            b'@import url("first.css"); @import url("http://169.254.169.254/x.css"); @import url("../../../../../dev/urandom");', CSS
        ),
    }
    rendered = render_page(head=f'<link rel="stylesheet" href="{first}">', assets=assets)
    assert asset_url("static", "certificates/second.css") in rendered.served
    assert "file:///etc/passwd" in rendered.refused
    assert "http://169.254.169.254/x.css" in rendered.refused
    assert any("urandom" in url for url in rendered.refused)


@pytest.mark.parametrize(
    "url, key",
    [
        ("file:///__passage_assets__/static/certificates/pdf/certificate.css", "static/certificates/pdf/certificate.css"),
        ("file:///__passage_assets__/media/images/logo.png", "media/images/logo.png"),
        ("file:///__passage_assets__/static/a/../b.css", None),
        ("file:///__passage_assets__/other/x.css", None),
        ("file:///__passage_assets__/static/", None),
        ("file:///__passage_assets__/static/x.css?x=1", None),
        ("file:///etc/passwd", None),
        ("http://__passage_assets__/static/x.css", None),
    ],
)
def test_only_asset_urls_map_to_assets(url, key):
    assert asset_key(url) == key


def test_the_fetcher_serves_nothing_it_was_not_given():
    fetcher = AllowListFetcher({"static/a.css": Asset(b"p{}", CSS)})
    assert fetcher.fetch(asset_url("static", "a.css")).read() == b"p{}"
    with pytest.raises(ValueError):
        fetcher.fetch(asset_url("static", "b.css"))
    assert fetcher.refused == [asset_url("static", "b.css")]


def test_media_is_read_through_the_storage_api_so_any_backend_works():
    storage = InMemoryStorage()  # no file on disk at all, like S3
    name = storage.save("images/logo.png", ContentFile(b"\x89PNG fake"))
    collector = AssetCollector()
    url = collector.media(name, storage=storage)
    assert url == asset_url("media", name)
    assert collector.assets[f"media/{name}"].data == b"\x89PNG fake"


def test_static_files_come_from_the_finders_and_missing_ones_fail():
    collector = AssetCollector()
    collector.static("certificates/pdf/certificate.css")
    with pytest.raises(FileNotFoundError):
        collector.static("../../etc/passwd")


def test_oversized_assets_are_refused(settings):
    settings.PASSAGE_CERTIFICATE_ASSET_MAX_BYTES = 10
    storage = InMemoryStorage()
    storage.save("big.png", ContentFile(b"x" * 11))
    with pytest.raises(ValueError):
        AssetCollector().media("big.png", storage=storage)


def _slow_page(rows=4000):
    cells = "".join(f"<tr><td>Row {n}</td><td>Victim identification, referral and protection</td></tr>" for n in range(rows))
    return f"<table>{cells}</table>"


def test_a_rendering_past_its_time_limit_is_stopped_with_a_clear_error_and_the_next_goes_on():
    started = time.perf_counter()
    with pytest.raises(pool.RenderTimeLimit, match="longer than 1 seconds"):
        render_page(body=_slow_page(), time_limit=1)
    assert time.perf_counter() - started < 1 + pool.KILL_GRACE_SECONDS
    assert render_page().pages == 1


def test_a_rendering_stuck_beyond_the_grace_is_killed_and_the_pool_replaced(monkeypatch):
    monkeypatch.setattr(pool, "KILL_GRACE_SECONDS", -0.7)  # the parent gives up before the child's own alarm
    with pytest.raises(pool.RenderTimeLimit):
        render_page(body=_slow_page(), time_limit=1)
    monkeypatch.undo()
    assert render_page().pages == 1


def _large_png(width, height):
    """A PNG that is small on disk (flat colour) but large once decoded."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xf4\xf1\xe8" * width
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_a_rendering_over_its_memory_limit_fails_clearly_and_the_next_goes_on():
    # A background of 8,000 x 8,000 pixels: 200 KB uploaded, about 200 MB once decoded.
    background = asset_url("media", "images/background.png")
    assets = {"media/images/background.png": Asset(_large_png(8000, 8000), "image/png")}
    with pytest.raises(pool.RenderMemoryLimit, match="450 MB memory limit"):
        render_page(body=f'<img src="{background}" style="width: 10cm">', assets=assets, memory_mb=450, time_limit=60)
    assert render_page().pages == 1
