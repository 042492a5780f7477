"""Signal receivers: keep the listing index current and rebuild "download all" bundles."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal.cache_versions import CONTENT, bump

from . import indexing
from .bundles import build_bundle
from .models import RESOURCE_TYPES, GlossaryTerm, LawReference


def on_published(sender, instance, **kwargs):
    if not indexing.is_resource(instance):
        return
    indexing.index_page(instance)
    build_bundle.enqueue(instance.pk)
    parent = instance.get_parent().specific
    if indexing.is_resource(parent):  # a module changed: its programme's bundle changes too
        build_bundle.enqueue(parent.pk)


def on_unpublished(sender, instance, **kwargs):
    if indexing.is_resource(instance):
        indexing.remove_page(instance)


def on_deleted(sender, instance, **kwargs):
    # The index rows go with the page (cascade); another version may become the primary one.
    indexing.refresh_primary(instance.translation_key)


def on_moved(sender, instance, **kwargs):
    indexing.reindex_subtree(instance)


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.reindex_subtree(page)


def on_glossary_or_law_changed(sender, **kwargs):
    # Marked resource bodies, the glossary page and the labour-law sections read them.
    bump(CONTENT)


def connect():
    for model in (GlossaryTerm, LawReference):
        for signal in (post_save, post_delete):
            signal.connect(
                on_glossary_or_law_changed,
                sender=model,
                dispatch_uid=f"kn-content-{model._meta.label}-{id(signal)}",
            )
    for model in RESOURCE_TYPES.values():
        page_published.connect(on_published, sender=model, dispatch_uid=f"kn-pub-{model}")
        page_unpublished.connect(on_unpublished, sender=model, dispatch_uid=f"kn-unpub-{model}")
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"kn-del-{model}")
        page_slug_changed.connect(on_moved, sender=model, dispatch_uid=f"kn-slug-{model}")
    post_page_move.connect(on_moved, dispatch_uid="kn-move")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="kn-r1")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="kn-r2")
