"""Wagtail documents, private by construction.

Every document file is kept in private storage (``STORAGES["default"]``, see ``portal.storage``)
whatever its collection or the pages that use it: Wagtail's serve view
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) is the only way out, and it applies collection
privacy and the ``before_serve_document`` hooks (knowledge's page privacy for materials). One
storage for all documents rather than moving a file whenever its privacy changes: privacy
depends on collections and on every page that uses the document, and can change without the
document being saved.

This module adds what Wagtail leaves open: an upload must be what its extension says
(``DocumentForm``, via ``WAGTAILDOCS_DOCUMENT_FORM_BASE``), and a served document is a download
that cannot run script (``serve``: ``nosniff``, ``Content-Disposition: attachment`` through
``WAGTAILDOCS_INLINE_CONTENT_TYPES = []``, and a sandboxing CSP).
"""

import os

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.serve import serve as wagtail_serve

from .file_checks import check_document, clean_filename

DOWNLOAD_CSP = "default-src 'none'; sandbox"


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            upload.name = clean_filename(upload.name)
            check_document(upload, os.path.splitext(upload.name)[1].lower())
        return upload


def serve(request, document_id, document_filename):
    response = wagtail_serve(request, document_id, document_filename)
    if response.status_code == 200:
        response["Content-Security-Policy"] = DOWNLOAD_CSP
        response["X-Content-Type-Options"] = "nosniff"
    return response
