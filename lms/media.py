"""The public media route of the embedded mode: Wagtail image files and nothing else.

Everything else under MEDIA_ROOT (documents, which Wagtail serves after its own checks) must not
be reachable, whatever the path says: each folder is served as its own root, and a path that
could climb out of it is refused before the file system is touched.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Wagtail writes renditions to images/ and uploaded originals to original_images/.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")

# A segment holding one of these was encoded twice, or tries Windows separators or a NUL.
_REFUSED_CHARACTERS = ("\\", "\x00", "%")


def safe_media_parts(path: str) -> tuple[str, list[str]] | None:
    """The public folder and the path inside it, or None if the path is not plainly inside one."""
    folder, *parts = path.split("/")
    if folder not in PUBLIC_MEDIA_FOLDERS or not parts:
        return None
    for part in parts:
        if part in ("", ".", "..") or any(character in part for character in _REFUSED_CHARACTERS):
            return None
    return folder, parts


def public_media(request, path):
    """Serve a Wagtail image file from local media; 404 for anything else."""
    found = safe_media_parts(path)
    if found is None:
        raise Http404
    folder, parts = found
    root = (Path(settings.MEDIA_ROOT) / folder).resolve()
    target = root.joinpath(*parts).resolve()
    # resolve() follows symbolic links: one pointing out of the folder ends here.
    if not target.is_relative_to(root) or not target.is_file():
        raise Http404
    return serve(request, target.relative_to(root).as_posix(), document_root=root)
