"""Preview on a headless front end (wagtail-headless-preview), switched on by the
``HEADLESS_PREVIEW_URL`` setting.

With the setting, "Preview" in the admin stores the draft (a ``PagePreview`` row under a signed,
timestamped token) and sends the editor to ``HEADLESS_PREVIEW_URL?content_type=…&token=…``; the
front end reads the draft as JSON from ``/api/v2/page_preview/?content_type=…&token=…``
(``portal.api_content``). A token is good for ``HEADLESS_PREVIEW_MAX_AGE`` seconds. Without the
setting, Wagtail's own preview runs unchanged.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.shortcuts import redirect
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_headless_preview.signals import preview_update


class HeadlessPreviewSwitch(HeadlessPreviewMixin):
    """On every portal page type (``BasePage``)."""

    def get_client_root_url(self, request):
        return settings.HEADLESS_PREVIEW_URL

    def serve_preview(self, request, mode_name):
        if not settings.HEADLESS_PREVIEW_URL:
            # Skip the package's preview: Wagtail's own (Page.serve_preview).
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        PagePreview.garbage_collect()
        preview = self.create_page_preview()
        preview_update.send(sender=HeadlessPreviewMixin, token=preview.token)
        return redirect(self.get_preview_url(request, preview.token))


def page_from_preview_token(content_type, token):
    """The draft a valid preview token stands for, or None (unknown type, tampered or expired
    token, no stored preview)."""
    app_label, _dot, model = (content_type or "").partition(".")
    try:
        ctype = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None
    model_class = ctype.model_class()
    if model_class is None or not issubclass(model_class, HeadlessPreviewSwitch):
        return None
    if not issubclass(model_class, Page):
        return None
    try:
        model_class.get_preview_signer().unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except BadSignature:  # includes SignatureExpired
        return None
    preview = PagePreview.objects.filter(content_type=ctype, token=token).first()
    if preview is None:
        return None
    return preview.as_page()
