"""Where uploaded files live: public media for image renditions only, a private folder for
everything else.

``STORAGES["private"]`` (and ``STORAGES["default"]``, so that a file field which names no
storage is private too) is a ``PrivateStorage`` at ``PRIVATE_MEDIA_ROOT``. It has no URL: its
files reach a reader only through a view that checks permission first (Wagtail's document
serve view, community attachments, resource bundles); the IMS uploads are never served.
``STORAGES["public"]`` is ``MEDIA_ROOT`` under ``MEDIA_URL``, the folder a web server may serve;
Wagtail writes image renditions there (``WAGTAILIMAGES_RENDITION_STORAGE``).

``FileSystemStorage(base_url=None)`` is not enough: it falls back to ``MEDIA_URL``. A private
file's ``url()`` raises ``NotImplementedError`` instead, the Storage API's "no URL", which
Wagtail's document view expects. (Django's ``ClearableFileInput`` asks for a URL, so a form
over a private file field uses a plain ``FileInput``.)
"""

import logging
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)


class PrivateStorage(FileSystemStorage):
    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def base_url(self):
        return None

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them through their view.")


def private_storage():
    """For ``FileField(storage=private_storage)``: the ``private`` storage, looked up when used
    (so tests may swap it) and kept out of migrations as a reference."""
    return storages["private"]


def public_media_storage():
    """The folder under ``MEDIA_URL`` (what a web server may serve)."""
    return FileSystemStorage(location=settings.MEDIA_ROOT, base_url=settings.MEDIA_URL)


def move_out_of_public_media(names, label, reverse=False):
    """Move stored files named ``names`` from public media to private storage (or back, with
    ``reverse``). A file already at its destination stays; a missing one is logged and skipped,
    so a migration never fails on a file an operator deleted. Returns (moved, missing)."""
    public, private = public_media_storage(), storages["private"]
    if _same_folder(public, private):
        raise RuntimeError("PRIVATE_MEDIA_ROOT must not be MEDIA_ROOT")
    source, target = (private, public) if reverse else (public, private)
    moved = missing = 0
    for name in names:
        if not name:
            continue
        if target.exists(name):
            if source.exists(name):
                logger.warning(
                    "%s: %s is in both folders; remove the one in %s", label, name, source.location
                )
            continue
        if not source.exists(name):
            missing += 1
            logger.warning("%s: %s is missing from %s; left as it is", label, name, source.location)
            continue
        with source.open(name, "rb") as handle:
            saved = target.save(name, handle)
        if saved != name:  # cannot happen after the exists() check, but never lose a file
            raise RuntimeError(f"{label}: {name} was stored as {saved}")
        source.delete(name)
        moved += 1
    if moved or missing:
        logger.warning("%s: %d file(s) moved, %d missing", label, moved, missing)
    return moved, missing


def move_folder_out_of_public_media(folder, label, reverse=False):
    """Every file under ``folder`` (e.g. ready-made bundles, which have no database rows)."""
    source = storages["private"] if reverse else public_media_storage()
    return move_out_of_public_media(list(_walk(source, folder)), label, reverse=reverse)


def _walk(storage, folder):
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        yield f"{folder}/{filename}"
    for sub in dirs:
        yield from _walk(storage, f"{folder}/{sub}")


def _same_folder(a, b):
    return os.path.realpath(a.location) == os.path.realpath(b.location)
