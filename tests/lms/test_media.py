"""The public media route serves Wagtail image files and refuses every way out of their folders."""

import io
import posixpath
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image as PILImage

from lms.media import PUBLIC_MEDIA_FOLDERS, safe_media_parts

pytestmark = pytest.mark.django_db

# Every form of "climb out of images/ into certificates/" seen in the wild, for a file NAME
# under MEDIA_ROOT (a PDF left there before files moved to private storage, or a document).
TRAVERSALS = {
    "raw dot-dot": "/media/images/../{name}",
    "encoded dots": "/media/images/%2e%2e/{name}",
    "encoded slash": "/media/images/..%2f{name}",
    "double encoded": "/media/images/%252e%252e%252f{name}",
    "backslash": "/media/images/..\\{name}",
    "encoded backslash": "/media/images/..%5c{name}",
    "nul byte": "/media/images/%00/../{name}",
    "nul in a name": "/media/images/..%00/{name}",
    "dot segment": "/media/images/./../{name}",
    "original images": "/media/original_images/../{name}",
    "twice up": "/media/images/sub/../../{name}",
    "not a public folder": "/media/{name}",
    "absolute": "/media/{absolute}",
    "absolute in folder": "/media/images/{absolute}",
    "absolute encoded": "/media/images/%2f{absolute}",
}


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def left_in_media(settings):
    """A certificate PDF lying under MEDIA_ROOT, as files did before the private storage."""
    path = Path(settings.MEDIA_ROOT) / "certificates" / "2026" / "PSG-2026-000001-0123abcd.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"%PDF-1.7 personal data")
    (Path(settings.MEDIA_ROOT) / "images").mkdir(exist_ok=True)
    return path


@pytest.mark.parametrize("form", TRAVERSALS.values(), ids=TRAVERSALS.keys())
def test_every_traversal_form_answers_404(client, settings, left_in_media, form):
    name = left_in_media.relative_to(settings.MEDIA_ROOT).as_posix()
    response = client.get(form.format(name=name, absolute=str(left_in_media).lstrip("/")))
    assert response.status_code == 404
    assert b"personal data" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_symbolic_link_out_of_the_images_folder_answers_404(client, settings, left_in_media):
    link = Path(settings.MEDIA_ROOT) / "images" / "innocent.pdf"
    link.symlink_to(left_in_media)
    assert client.get("/media/images/innocent.pdf").status_code == 404


def test_wagtail_image_files_are_still_served(client):
    from wagtail.images.models import Image

    image = Image.objects.create(title="Logo", file=ImageFile(io.BytesIO(_png()), name="logo.png"))
    rendition = image.get_rendition("fill-20x10")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert image.file.url.startswith("/media/original_images/")
    assert client.get(image.file.url).status_code == 200


def test_documents_are_not_served_from_media(client, settings):
    # Wagtail serves documents through its own view, after its privacy checks.
    path = Path(settings.MEDIA_ROOT) / "documents" / "guide.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"%PDF-1.7")
    assert client.get("/media/documents/guide.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["images", "images/", "images//x.png", "images/a/../x.png", "images/./x.png", "images/%2e%2e/x.png",
     "images/..\\x.png", "images/x\x00.png", "documents/x.pdf", "../images/x.png", "/images/x.png", ""],
)
def test_paths_that_are_not_plainly_inside_a_public_folder_are_refused(path):
    assert safe_media_parts(path) is None


def test_a_plain_path_is_accepted():
    assert safe_media_parts("images/logo.fill-20x10.png") == ("images", ["logo.fill-20x10.png"])
    assert safe_media_parts("original_images/a/b.jpg") == ("original_images", ["a", "b.jpg"])


@given(st.lists(st.sampled_from(["a", "b.png", "..", ".", "", "%2e", "\\", "x\x00", "images"]), max_size=6))
def test_an_accepted_path_never_leaves_its_folder(parts):
    for folder in PUBLIC_MEDIA_FOLDERS:
        found = safe_media_parts("/".join([folder, *parts]))
        if found is not None:
            joined = posixpath.normpath(posixpath.join("/root", found[0], *found[1]))
            assert joined.startswith(f"/root/{folder}/")
