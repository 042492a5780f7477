"""System checks for what settings alone cannot promise."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register
from ninja.throttling import SimpleRateThrottle


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


@register()
def api_write_rates_are_valid(app_configs, **kwargs):
    """The API's write throttles (portal/api_throttling.py) parse their rates on every write: a
    malformed one would fail every write, so refuse to start with it."""
    errors = []
    for name in ("API_WRITE_RATE_PER_TOKEN", "API_WRITE_RATE_PER_IP"):
        rate = getattr(settings, name, None)
        try:
            count, duration = SimpleRateThrottle.parse_rate(SimpleRateThrottle, rate)
            valid = count is not None and count > 0 and duration > 0
        except (ValueError, TypeError, AttributeError):
            valid = False
        if not valid:
            errors.append(
                Error(
                    f"{name} is {rate!r}, not a rate.",
                    hint='Write "<count>/<period>", e.g. "300/h" (periods: s, m, h, d).',
                    id="portal.E002",
                )
            )
    return errors
