"""Which changes bump the ``CONTENT`` version (``portal/cache_versions.py``): anything an
anonymous page can show besides compliance figures and community posts, which their apps bump
(``ims_bridge/cache_signals.py``, ``communities/cache_signals.py``). A draft saved in the
admin bumps nothing: readers do not see it."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache_versions import CONTENT, bump
from .models import NavigationSettings, TaxonomyTerm


def _content_changed(sender=None, **kwargs):
    bump(CONTENT)


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | TaxonomyTerm):
        bump(CONTENT)


def _saved(sender, instance, **kwargs):
    if isinstance(instance, TaxonomyTerm):
        bump(CONTENT)


CHANGED_BY_SAVE_OR_DELETE = (
    PageViewRestriction,
    CollectionViewRestriction,
    Collection,
    NavigationSettings,
    Locale,
    Site,
    SearchPromotion,  # editors' picks on the search page
)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=f"portal.cache.{id(signal)}")
    for model in (*CHANGED_BY_SAVE_OR_DELETE, get_document_model(), get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                _content_changed,
                sender=model,
                dispatch_uid=f"portal.cache.{model._meta.label}.{id(signal)}",
            )
    # Every page type and taxonomy model, including those added later.
    post_delete.connect(_deleted, dispatch_uid="portal.cache.deleted")
    post_save.connect(_saved, dispatch_uid="portal.cache.saved")
