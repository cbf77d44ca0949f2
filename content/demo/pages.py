"""Page fields from the demo course texts (courses_<language>.py), as seed_demo saves them."""

import json

from content.stream_migrations import list_items_with_ids


def course_fields(data) -> dict:
    """A course page's fields (not its topics and audiences, which are relations)."""
    return {
        "title": data["title"],
        "slug": data["slug"],
        "summary": data["summary"],
        "description": data["description"],
        "learning_outcomes": json.dumps([{"type": "outcome", "value": text} for text in data["outcomes"]]),
        "estimated_hours": data["hours"],
        "prerequisites": data.get("prerequisites", ""),
    }


def lesson_fields(data, terms) -> dict:
    """A lesson page's fields; ``terms`` maps glossary slugs to the terms of the lesson's language."""
    blocks = []
    for block_type, value in data["body"]:
        if block_type == "glossary_term":
            value = {"term": terms[value].pk}
        elif block_type == "key_points":
            # Wagtail's item format, which wagtail-localize needs to translate the items.
            value = {**value, "points": list_items_with_ids(value["points"])}
        blocks.append({"type": block_type, "value": value})
    return {
        "title": data["title"],
        "slug": data["slug"],
        "summary": data["summary"],
        "estimated_minutes": data["minutes"],
        "body": json.dumps(blocks),
    }
