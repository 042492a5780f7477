""" "Download all materials": one ZIP per training programme/module (or any resource with
materials), kept in private storage (``portal.storage``: never under a public URL; a bundle is
served only by the page's ``bundle/`` route, which Wagtail's view restrictions guard) under
``knowledge/bundles/<page id>/<signature>.zip``.

The signature hashes the pages, materials and document files that go in, so a bundle is rebuilt
exactly when its content changes (a republish, a replaced file, a new module). Requests never
build: they serve a ready bundle or enqueue ``build_bundle`` and say "being prepared".
"""

import hashlib
import posixpath
import shutil
import zipfile
from tempfile import SpooledTemporaryFile

from django.core.cache import cache
from django.core.files import File
from django_tasks import task
from wagtail.models import Page

from portal.storage import private_storage

from .models import Material

BUNDLE_DIR = "knowledge/bundles"


def bundle_materials(page):
    pages = page.bundle_pages()
    materials = list(
        Material.objects.filter(page__in=[p.pk for p in pages])
        .select_related("document")
        .order_by("sort_order", "pk")
    )
    by_page = {p.pk: [] for p in pages}
    for material in materials:
        by_page[material.page_id].append(material)
    return [(p, by_page[p.pk]) for p in pages]


def signature(groups):
    digest = hashlib.sha256()
    for page, materials in groups:
        digest.update(f"{page.pk}:{page.slug}|".encode())
        for m in materials:
            doc = m.document
            digest.update(f"{m.pk}:{doc.pk}:{doc.file.name}:{doc.file_hash}|".encode())
    return digest.hexdigest()[:20]


def bundle_name(page, groups):
    return f"{BUNDLE_DIR}/{page.pk}/{signature(groups)}.zip"


def bundle_status(page):
    """("empty" | "ready" | "building", storage name). Enqueues a build when none is ready."""
    groups = bundle_materials(page)
    if not any(materials for _page, materials in groups):
        return "empty", None
    name = bundle_name(page, groups)
    if private_storage().exists(name):
        return "ready", name
    if cache.add(f"knowledge-bundle-queued:{name}", True, timeout=300):  # once, not per request
        build_bundle.enqueue(page.pk)
    if private_storage().exists(name):  # an immediate backend has just built it
        return "ready", name
    return "building", name


def entries(groups, root):
    """(path in the ZIP, document) pairs: root materials at the top, module ones in folders."""
    seen = set()
    for page, materials in groups:
        folder = "" if page.pk == root.pk else f"{page.slug}/"
        for m in materials:
            arcname = folder + posixpath.basename(m.document.file.name)
            stem, dot, ext = arcname.rpartition(".")
            n = 2
            while arcname in seen:
                arcname = f"{stem}-{n}{dot}{ext}"
                n += 1
            seen.add(arcname)
            yield arcname, m.document


def build(page):
    groups = bundle_materials(page)
    if not any(materials for _page, materials in groups):
        return None
    name = bundle_name(page, groups)
    if private_storage().exists(name):
        return name
    with SpooledTemporaryFile(max_size=20 * 1024 * 1024) as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for arcname, document in entries(groups, page):
                with document.file.open("rb") as source, archive.open(arcname, "w") as target:
                    shutil.copyfileobj(source, target)  # streamed, never whole in memory
        buffer.seek(0)
        saved = private_storage().save(name, File(buffer))
    _remove_old(page, keep=saved)
    return saved


def _remove_old(page, keep):
    folder = f"{BUNDLE_DIR}/{page.pk}"
    try:
        _dirs, files = private_storage().listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        path = f"{folder}/{filename}"
        if path != keep:
            private_storage().delete(path)


@task()
def build_bundle(page_id: int):
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return None
    page = page.specific
    if not hasattr(page, "bundle_pages"):
        return None
    return build(page)
