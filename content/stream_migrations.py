"""Operations on stored page bodies, used by data migrations (content's and courses')."""

import uuid

from django.utils.deconstruct import deconstructible
from django.utils.html import escape
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class VideoToPlayerOperation(BaseBlockOperation):
    """Video blocks from before the in-page player: drop the embed address, add empty captions.

    A block that had only an embed address (a video on another site) cannot play in the page: it
    becomes a text block with a link to the video and its transcript, so nothing written is lost.
    Applies to a body StreamBlock (block path "").
    """

    def apply(self, block_value):
        converted = []
        for child in block_value:
            if child.get("type") != "video":
                converted.append(child)
                continue
            value = dict(child.get("value") or {})
            address = value.pop("video", None) or ""
            if value.get("file") or not address:
                value.setdefault("captions", None)
                converted.append({**child, "value": value})
                continue
            title = escape(value.get("title") or address)
            html = f'<h3>{title}</h3><p><a href="{escape(address)}">{escape(address)}</a></p>{value.get("transcript") or ""}'
            converted.append({"type": "text", "id": child.get("id"), "value": html})
        return converted

    @property
    def operation_name_fragment(self):
        return "video_to_player"


@deconstructible
class ListItemsWithIdsOperation(BaseBlockOperation):
    """A ListBlock value stored as a plain list (as the demo wrote it) gets Wagtail's item format.

    ``[text, ...]`` becomes ``[{"type": "item", "value": text, "id": ...}, ...]``: the same items,
    each with an id. wagtail-localize extracts a list's items for translation only in that
    format; from a plain list it extracts nothing and a sync would copy the source's items over
    the translation's. Applies to a ListBlock (block path e.g. "key_points.points").
    """

    def apply(self, block_value):
        return list_items_with_ids(block_value)

    @property
    def operation_name_fragment(self):
        return "list_items_with_ids"


def list_items_with_ids(items):
    """Plain list items in Wagtail's item format (``{"type": "item", "value", "id"}``); others unchanged."""
    return [
        item if isinstance(item, dict) and item.get("type") == "item" else {"type": "item", "value": item, "id": str(uuid.uuid4())}
        for item in items or []
    ]
