"""Video blocks play in the page, with captions and a transcript that even a draft cannot leave out."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents.models import Document
from wagtail.models import Page

from content.blocks import BodyStreamBlock, VideoBlock
from content.stream_migrations import VideoToPlayerOperation
from courses.models import LessonPage
from lms import roles
from tests.content.admin_forms import form_data
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:04.000\nIdentification is a process.\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(name, content=b"\x00\x00\x00\x18ftypmp42", title=None):
    return Document.objects.create(title=title or name, file=ContentFile(content, name=name))


def video_value(**changes):
    value = {"title": "Spotting the signs", "file": document("signs.mp4").pk, "captions": None, "transcript": "<p>What is said.</p>"}
    value.update(changes)
    return VideoBlock().to_python(value)


def errors_of(value, *, deferred=False):
    block = BodyStreamBlock()
    stream = block.to_python([{"type": "video", "value": VideoBlock().get_prep_value(value)}])
    try:
        block.clean_deferred(stream) if deferred else block.clean(stream)
    except StreamBlockValidationError as error:  # wrapping the video block's own errors
        return error.block_errors[0].block_errors
    return {}


# --- The player ------------------------------------------------------------------------------------


def test_the_video_plays_in_the_page_with_captions_and_the_download_link_kept():
    captions = document("signs.vtt", CAPTIONS)
    html = VideoBlock().render(video_value(captions=captions.pk))
    video = Document.objects.get(title="signs.mp4")
    assert '<video class="video-player" controls preload="none"' in html
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="en"' in html
    assert f'<a href="{video.url}" download>Download the video</a>' in html
    assert "What is said." in html
    assert "<iframe" not in html and "youtube" not in html.lower()


def test_a_video_without_captions_has_no_empty_track():
    html = VideoBlock().render(video_value())
    assert "<video" in html and "<track" not in html


def test_the_site_policy_lets_the_page_play_its_own_media_and_frames_no_other_site(client):
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    response = client.get(lesson.url)
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert policy["media-src"].split()[0] == "'self'"
    assert policy["frame-src"] == "'self'"


def test_the_media_origin_of_an_object_store_is_allowed(monkeypatch):
    """With a bucket, videos may come from the store's address (as images already do)."""
    import importlib

    import lms.settings

    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "passage-media")
    monkeypatch.setenv("AWS_PRIVATE_BUCKET_NAME", "passage-private")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://objects.example.org")
    try:
        reloaded = importlib.reload(lms.settings)
        media_src = reloaded.CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"]
        assert "https://objects.example.org" in media_src and "https://*.objects.example.org" in media_src
    finally:
        monkeypatch.undo()
        importlib.reload(lms.settings)


# --- Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("deferred", [False, True], ids=["publish", "draft"])
@pytest.mark.parametrize("transcript", ["", "<p></p>", "<p> &nbsp;<br/></p>"])
def test_a_missing_transcript_is_refused_even_for_a_draft(deferred, transcript):
    errors = errors_of(video_value(transcript=transcript), deferred=deferred)
    assert list(errors) == ["transcript"]
    assert errors["transcript"].messages == ["A transcript is required."]


def test_captions_must_be_a_webvtt_file():
    assert list(errors_of(video_value(captions=document("signs.srt", b"1\n00:00:00,000 --> 00:00:04,000\nHi\n").pk))) == ["captions"]
    not_vtt = errors_of(video_value(captions=document("signs.vtt", b"1\n00:00:00,000 --> 00:00:04,000\nHi\n").pk))
    assert not_vtt["captions"].messages == ["Choose a WebVTT caption file: a .vtt file whose first line reads WEBVTT."]
    assert errors_of(video_value(captions=document("bom.vtt", b"\xef\xbb\xbfWEBVTT - English\n\n").pk)) == {}
    assert list(errors_of(video_value(captions=document("almost.vtt", b"WEBVTTX\n").pk))) == ["captions"]


def test_the_video_must_be_a_file_a_browser_plays():
    errors = errors_of(video_value(file=document("handbook.pdf", b"%PDF-1.7").pk))
    assert errors["file"].messages == ["Choose a video file in MP4 or WebM format."]
    assert errors_of(video_value(file=document("clip.WEBM").pk)) == {}


def test_a_draft_may_wait_for_its_video_file_but_not_for_its_transcript():
    assert errors_of(video_value(file=None), deferred=True) == {}
    assert list(errors_of(video_value(file=None))) == ["file"]


# --- Saving a draft in the admin -------------------------------------------------------------------


def lesson_with_video(transcript):
    course = build_course(modules=1, lessons_per_module=1)
    lesson = lessons_of(course)[0]
    video = document("signs.mp4")
    lesson.body = json.dumps(
        [{"type": "video", "value": {"title": "Signs", "file": video.pk, "captions": None, "transcript": transcript}}]
    )
    lesson.save_revision()
    return course, lesson


def test_save_draft_without_a_transcript_fails_with_the_message(client):
    course, lesson = lesson_with_video("<p>Everything that is said.</p>")
    author = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=author)
    client.force_login(author)
    revisions = lesson.revisions.count()
    data = form_data(client, lesson)
    data["body-0-value-transcript"] = json.dumps({"blocks": [], "entityMap": {}})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 200
    assert "A transcript is required." in response.content.decode()
    assert lesson.revisions.count() == revisions


def test_save_draft_with_a_transcript_saves(client):
    course, lesson = lesson_with_video("<p>Everything that is said.</p>")
    author = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=author)
    client.force_login(author)
    revisions = lesson.revisions.count()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), form_data(client, lesson, title="Signs, again"))
    assert response.status_code == 302
    assert lesson.revisions.count() == revisions + 1


# --- The data migration ----------------------------------------------------------------------------


def test_old_video_blocks_keep_their_file_and_an_embed_only_one_becomes_a_link_with_its_transcript():
    old = [
        {"type": "text", "id": "a", "value": "<p>Intro</p>"},
        {"type": "video", "id": "b", "value": {"video": "", "file": 7, "title": "Kept", "transcript": "<p>T1</p>"}},
        {"type": "video", "id": "c", "value": {"video": "https://video.example.org/x?a=1&b=2", "file": None, "title": "Elsewhere <3", "transcript": "<p>T2</p>"}},
    ]
    new = VideoToPlayerOperation().apply(old)
    assert new[0] == old[0]
    assert new[1] == {"type": "video", "id": "b", "value": {"file": 7, "title": "Kept", "transcript": "<p>T1</p>", "captions": None}}
    assert new[2] == {
        "type": "text",
        "id": "c",
        "value": '<h3>Elsewhere &lt;3</h3><p><a href="https://video.example.org/x?a=1&amp;b=2">https://video.example.org/x?a=1&amp;b=2</a></p><p>T2</p>',
    }


def test_every_demo_video_has_a_transcript():
    from content.demo import courses_ar, courses_en, courses_es, courses_fr

    videos = [
        value
        for module in (courses_en, courses_fr, courses_es, courses_ar)
        for value in _block_values(vars(module), "video")
    ]
    assert all((value.get("transcript") or "").strip() for value in videos)


def _block_values(namespace, block_type):
    """Every value of a block type in the demo's nested lists of (type, value) tuples."""
    found, stack = [], list(namespace.values())
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 2 and item[0] == block_type and isinstance(item[1], dict):
            found.append(item[1])
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return found


def test_the_page_tree_is_untouched_by_a_refused_draft(client):
    course, lesson = lesson_with_video("<p>Said.</p>")
    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    data = form_data(client, lesson, title="Changed title")
    data["body-0-value-transcript"] = json.dumps({"blocks": [], "entityMap": {}})
    client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert Page.objects.get(pk=lesson.pk).specific.latest_revision.as_object().title != "Changed title"
    assert LessonPage.objects.get(pk=lesson.pk).title != "Changed title"
