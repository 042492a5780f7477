"""System checks for what settings alone cannot promise."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_media_is_not_served(app_configs, **kwargs):
    """PRIVATE_MEDIA_ROOT must not be, contain or lie inside a folder a web server serves."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if not served:
            continue
        served = Path(served).resolve()
        if private == served or served in private.parents or private in served.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({served}), which a web "
                    "server serves: private files would be public.",
                    hint=f"Point PRIVATE_MEDIA_ROOT at a folder outside {name}.",
                    id="portal.E001",
                )
            )
    return errors
