"""Translations kept in step with their source by wagtail-localize, and their state.

Pages translated before wagtail-localize (``copy_for_translation``: the demo, early courses) are
ordinary pages that happen to share a translation key. ``adopt_translations`` makes each of them a
wagtail-localize *synced translation* without touching it: a ``TranslationSource`` for the
original, a ``Translation`` per language, and the translated page's own text recorded segment by
segment as the translation of the source's. Translators then see what changed in the source at the
next sync, and publishing from the translation editor rebuilds the same text.

Segments are matched by position: StreamField blocks carry fresh ids in each copy, so a block's
id in a path is replaced by its rank before comparing. A part whose shape differs (a paragraph
added in the translation, a block missing) is left unmatched and counted: its source text shows as
"to translate" in the editor, while the live page keeps its own until someone publishes.
"""

import json
import re
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, get_translatable_models
from wagtail_localize.models import (
    SegmentOverride,
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import Translation as SyncedTranslation
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class SyncState(models.TextChoices):
    UP_TO_DATE = "up_to_date", _("Up to date")
    SOURCE_CHANGED = "source_changed", _("Source changed since the last sync")
    WAITING = "waiting", _("Waiting for translations")


@dataclass
class Adoption:
    """What ``adopt_translations`` did for one source: languages brought in, strings recorded, strings left."""

    source: TranslationSource
    locales: list[str] = field(default_factory=list)
    strings: int = 0
    unmatched: list[str] = field(default_factory=list)


def source_of(instance) -> TranslatableMixin:
    """The original of a group of translations: the one wagtail-localize already knows, else the
    one in the default language, else the oldest."""
    instance = instance.specific if isinstance(instance, Page) else instance
    known = TranslationSource.objects.filter(object_id=instance.translation_key).first()
    family = instance.get_translations(inclusive=True)
    if isinstance(instance, Page):
        family = family.filter(alias_of__isnull=True)
    if known is not None:
        original = family.filter(locale_id=known.locale_id).first()
    else:
        original = family.filter(locale=Locale.get_default()).first() or family.order_by("pk").first()
    original = original or instance
    return original.specific if isinstance(original, Page) else original


@transaction.atomic
def adopt_translations(instance) -> Adoption | None:
    """Make every existing translation of ``instance``'s original a synced translation (idempotent).

    Leaves the translated objects as they are; records their text as translations of the source's
    segments. Translations wagtail-localize already manages, or that were stopped, are left alone.
    Returns None when there is nothing to translate from (no other language).
    """
    original = source_of(instance)
    translations = original.get_translations()
    if isinstance(original, Page):
        translations = translations.filter(alias_of__isnull=True)
    translations = list(translations.select_related("locale"))
    if not translations:
        return None
    source, _created = TranslationSource.get_or_create_from_instance(original)
    adoption = Adoption(source=source)
    known = set(source.translations.values_list("target_locale_id", flat=True))
    source_segments = _shaped(extract_segments(original))
    for translated in translations:
        if translated.locale_id in known:
            continue
        translated = translated.specific if isinstance(translated, Page) else translated
        strings, unmatched = _record_segments(source, source_segments, translated)
        SyncedTranslation.objects.create(source=source, target_locale=translated.locale, enabled=True)
        adoption.locales.append(translated.locale.language_code)
        adoption.strings += strings
        adoption.unmatched += [f"{translated.locale.language_code}: {path}" for path in unmatched]
    return adoption


def adopt_all_translations() -> list[Adoption]:
    """Bring every translated page and translatable snippet into wagtail-localize (idempotent)."""
    done, adoptions = set(), []
    for model in get_translatable_models():
        queryset = model.objects.all()
        if issubclass(model, Page):
            queryset = queryset.filter(depth__gt=1, alias_of__isnull=True)
        keys = (
            queryset.order_by().values("translation_key")
            .annotate(languages=models.Count("locale", distinct=True))
            .filter(languages__gt=1)
            .values_list("translation_key", flat=True)
        )
        for key in keys:
            if key in done:
                continue
            done.add(key)
            adoption = adopt_translations(queryset.filter(translation_key=key).first())
            if adoption is not None and adoption.locales:
                adoptions.append(adoption)
    return adoptions


def sync_state(translation: SyncedTranslation) -> SyncState:
    """Where a synced translation stands: its source edited since the last sync, strings missing, or done."""
    source = translation.source
    try:
        original = source.get_source_instance()
    except models.ObjectDoesNotExist:
        return SyncState.WAITING
    edited_at = getattr(original, "latest_revision_created_at", None)
    if edited_at is not None and edited_at > source.last_updated_at:
        return SyncState.SOURCE_CHANGED
    total, translated = translation.get_progress()
    return SyncState.UP_TO_DATE if translated == total else SyncState.WAITING


@dataclass
class LocaleStatus:
    """One language of a synced translation, as its translators see it."""

    translation: SyncedTranslation
    state: SyncState
    waiting: int
    target: Page | None


def translation_statuses(page: Page) -> tuple[TranslationSource | None, list[LocaleStatus]]:
    """The source of ``page``'s translations and where each language stands (none when the page
    has no synced translation)."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key, specific_content_type__isnull=False)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None, []
    translations = list(source.translations.select_related("target_locale").order_by("target_locale__language_code"))
    targets = {
        target.locale_id: target
        for target in Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
    }
    statuses = []
    for translation in translations:
        translation.source = source  # one source read for all the languages
        total, translated = translation.get_progress()
        statuses.append(
            LocaleStatus(
                translation=translation,
                state=sync_state(translation),
                waiting=total - translated,
                target=targets.get(translation.target_locale_id),
            )
        )
    return source, statuses


# --- matching segments ------------------------------------------------------------------------


def _shaped(segments) -> dict[str, list]:
    """Segments grouped by their path with block ids replaced by their rank, in document order."""
    ranks: dict[str, dict[str, int]] = {}
    groups: dict[str, list] = {}
    for segment in segments:
        parts, shape = segment.path.split("."), []
        for index, part in enumerate(parts):
            if _UUID.match(part):
                prefix = ".".join(shape)
                seen = ranks.setdefault(prefix, {})
                part = str(seen.setdefault(parts[index], len(seen)))
            shape.append(part)
        groups.setdefault(".".join(shape), []).append(segment)
    return groups


def _signature(segment):
    if isinstance(segment, TemplateSegmentValue):
        return ("template", segment.format, segment.template, segment.string_count)
    if isinstance(segment, StringSegmentValue):
        return ("string",)
    if isinstance(segment, RelatedObjectSegmentValue):
        return ("related", segment.content_type.pk)
    return ("overridable",)


def _record_segments(source, source_segments, translated) -> tuple[int, list[str]]:
    """Record ``translated``'s text as translations of ``source``'s strings; returns (recorded, unmatched paths)."""
    target_segments = _shaped(extract_segments(translated))
    recorded, unmatched = 0, []
    for shape, originals in source_segments.items():
        copies = target_segments.get(shape, [])
        if [_signature(s) for s in originals] != [_signature(s) for s in copies]:
            unmatched.append(shape)
            continue
        for original, copy in zip(originals, copies, strict=True):
            if isinstance(original, StringSegmentValue):
                _record_string(source, original, copy, translated.locale)
                recorded += 1
            elif isinstance(original, OverridableSegmentValue) and copy.data != original.data:
                context, _created = TranslationContext.objects.get_or_create(object_id=source.object_id, path=original.path)
                SegmentOverride.objects.update_or_create(
                    locale=translated.locale,
                    context=context,
                    defaults={"data_json": json.dumps(copy.data)},
                )
    return recorded, unmatched


def _record_string(source, original: StringSegmentValue, copy: StringSegmentValue, locale) -> None:
    context, _created = TranslationContext.objects.get_or_create(object_id=source.object_id, path=original.path)
    StringTranslation.objects.update_or_create(
        translation_of=String.from_value(source.locale, original.string),
        locale=locale,
        context=context,
        defaults={
            "data": copy.string.data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "has_error": False,
            "field_error": "",
        },
    )
