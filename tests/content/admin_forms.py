"""The page edit form as Wagtail's admin posts it, for tests that save, submit or preview pages."""

from django.urls import reverse
from wagtail.blocks import BooleanBlock, ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def block_data(block, state, prefix) -> dict:
    """POST fields for a block's form state (what Wagtail's StreamField widget submits)."""
    if isinstance(block, StreamBlock):
        data = {f"{prefix}-count": str(len(state or []))}
        for i, child in enumerate(state or []):
            data.update({f"{prefix}-{i}-type": child["type"], f"{prefix}-{i}-id": child["id"] or "", f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-order": str(i)})
            data.update(block_data(block.child_blocks[child["type"]], child["value"], f"{prefix}-{i}-value"))
        return data
    if isinstance(block, ListBlock):
        data = {f"{prefix}-count": str(len(state or []))}
        for i, item in enumerate(state or []):
            data.update({f"{prefix}-{i}-id": item["id"] or "", f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-order": str(i)})
            data.update(block_data(block.child_block, item["value"], f"{prefix}-{i}-value"))
        return data
    if isinstance(block, StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_data(child, (state or {}).get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, BooleanBlock):
        return {prefix: "on"} if state else {}
    if isinstance(block, ChooserBlock):
        return {prefix: str(state["id"]) if state else ""}
    return {prefix: "" if state is None else str(state)}


def form_data(client, page, **changes):
    """The page's edit form as the browser would submit it, with some fields changed."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    specific = page.get_latest_revision_as_object()
    for field in type(specific)._meta.get_fields():
        if isinstance(field, StreamField):
            block = field.stream_block
            data.update(block_data(block, block.get_form_state(getattr(specific, field.name)), field.name))
    for name, value in changes.items():
        data[name] = value
    return data
