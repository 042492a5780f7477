"""Translation status of every page and translatable snippet in one language.

States, per object of the default (source) language and target locale:

- ``missing``: no version in the target locale;
- ``outdated``: wagtail-localize's source changed since the target was last written from it: the
  source page was published after its TranslationSource was last extracted (not yet synced), or
  the TranslationSource was extracted after the last TranslationLog of that locale (synced but
  the translation not yet re-saved). wagtail-localize never fills ``Translation``'s own
  ``*_last_updated_at`` fields, so the log is the record of "last written";
- ``current``: everything else (including versions made by hand, which have no source).

The number of queries depends on the number of translatable models, never on the number of
objects: every table is read once with ``values()`` and the states are worked out in Python.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.urls import reverse
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from portal.models import Country

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"
STATES = (MISSING, OUTDATED, CURRENT)


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def page_models():
    return [m for m in get_page_models() if m is not Page]


def snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def type_choices():
    models = page_models() + snippet_models()
    return sorted(
        ((model_key(m), str(m._meta.verbose_name).capitalize()) for m in models),
        key=lambda choice: choice[1],
    )


@dataclass
class Row:
    model: type
    is_page: bool
    source_pk: object
    title: str
    translation_key: object
    target_pk: object = None
    source_id: int | None = None  # wagtail-localize TranslationSource
    translation_id: int | None = None
    state: str = MISSING

    @property
    def type_label(self):
        return str(self.model._meta.verbose_name).capitalize()

    @property
    def translate_url(self):
        if self.is_page:
            return reverse("wagtail_localize:submit_page_translation", args=[self.source_pk])
        meta = self.model._meta
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(self.source_pk)],
        )

    @property
    def edit_url(self):
        if self.target_pk is None:
            return ""
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[self.target_pk])
        return reverse(
            self.model.snippet_viewset.get_url_name("edit"), args=[quote(self.target_pk)]
        )

    @property
    def sync_url(self):
        if self.source_id is None or self.target_pk is None:
            return ""
        return reverse("wagtail_localize:update_translations", args=[self.source_id])

    @property
    def po_url(self):
        if self.translation_id is None:
            return ""
        return reverse("wagtail_localize:download_pofile", args=[self.translation_id])


def _country_filter(country):
    """Pages tagged with `country` (a ``countries`` relation or a ``country`` key)."""
    condition = Q(pk__in=[])
    for model in page_models():
        for name in ("countries", "country"):
            field = next((f for f in model._meta.get_fields() if f.name == name), None)
            if field is not None and field.related_model is Country:
                tagged = model.objects.filter(**{name: country}).values("pk")
                condition |= Q(pk__in=tagged)
    return condition


def _page_rows(source_locale, target, section, country, model):
    pages = Page.objects.filter(locale=source_locale, depth__gt=1)
    if model is not None:
        pages = pages.filter(content_type__model=model._meta.model_name).filter(
            content_type__app_label=model._meta.app_label
        )
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    if country is not None:
        pages = pages.filter(_country_filter(country))
    pages = pages.order_by("path")
    targets = dict(
        Page.objects.filter(
            locale=target, translation_key__in=pages.values("translation_key")
        ).values_list("translation_key", "pk")
    )
    rows = []
    changed_at = {}
    classes = {}
    for values in pages.values(
        "pk", "title", "translation_key", "content_type_id", "last_published_at"
    ):
        content_type = values["content_type_id"]
        if content_type not in classes:
            classes[content_type] = ContentType.objects.get_for_id(content_type).model_class()
        rows.append(
            Row(
                model=classes[content_type] or Page,
                is_page=True,
                source_pk=values["pk"],
                title=values["title"],
                translation_key=values["translation_key"],
                target_pk=targets.get(values["translation_key"]),
            )
        )
        changed_at[values["translation_key"]] = values["last_published_at"]
    return rows, changed_at


def _snippet_rows(source_locale, target, model):
    rows = []
    for snippet_model in snippet_models() if model is None else [model]:
        objects = list(snippet_model.objects.filter(locale=source_locale))
        targets = dict(
            snippet_model.objects.filter(
                locale=target, translation_key__in=[o.translation_key for o in objects]
            ).values_list("translation_key", "pk")
        )
        rows.extend(
            Row(
                model=snippet_model,
                is_page=False,
                source_pk=obj.pk,
                title=str(obj),
                translation_key=obj.translation_key,
                target_pk=targets.get(obj.translation_key),
            )
            for obj in objects
        )
    return rows


def status_rows(target, section=None, country=None, model=None):
    """Every row for `target` (a Locale) with its state, in tree then model order."""
    source_locale = Locale.get_default()
    rows, changed_at = [], {}
    is_page_model = model is not None and issubclass(model, Page)
    if model is None or is_page_model:
        rows, changed_at = _page_rows(source_locale, target, section, country, model)
    if (model is None or not is_page_model) and section is None and country is None:
        rows += _snippet_rows(source_locale, target, model)

    sources = {
        values["object_id"]: values
        for values in TranslationSource.objects.filter(locale=source_locale).values(
            "id", "object_id", "last_updated_at"
        )
    }
    translations = dict(
        Translation.objects.filter(target_locale=target, source__locale=source_locale).values_list(
            "source_id", "id"
        )
    )
    written_at = dict(
        TranslationLog.objects.filter(locale=target, source__locale=source_locale)
        .values("source_id")
        .annotate(last=Max("created_at"))
        .values_list("source_id", "last")
    )
    for row in rows:
        source = sources.get(row.translation_key)
        if source is not None:
            row.source_id = source["id"]
            row.translation_id = translations.get(source["id"])
        if row.target_pk is None:
            row.state = MISSING
        elif source is None:
            row.state = CURRENT
        else:
            published = changed_at.get(row.translation_key)
            written = written_at.get(source["id"])
            stale_source = published is not None and published > source["last_updated_at"]
            unwritten = written is None or written < source["last_updated_at"]
            row.state = OUTDATED if stale_source or unwritten else CURRENT
    return rows


def count_states(rows):
    counts = dict.fromkeys(STATES, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


def sections():
    """The top-level sections of the source tree (the home page's children)."""
    return Page.objects.filter(locale=Locale.get_default(), depth=3).order_by("path")


def source_countries():
    return Country.objects.filter(locale=Locale.get_default()).order_by("name")
