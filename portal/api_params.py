"""Query parameters every API operation spells the same way."""

from django.conf import settings
from django.utils.translation import gettext as _

from .api_errors import ApiError

LANG_DESCRIPTION = (
    "The reader's language (`en`, `fr`, `es`, `ar`, `vi`, `km`, `id`, `bn`): content in that "
    "language where it exists."
)


def reader_language(code):
    """``code`` if the portal speaks it; otherwise a 400 ``unknown_language``."""
    if code not in dict(settings.LANGUAGES):
        raise ApiError(
            400,
            _("Unknown language '%(code)s'. Use one of: %(codes)s.")
            % {"code": code[:20], "codes": ", ".join(dict(settings.LANGUAGES))},
            "unknown_language",
        )
    return code
