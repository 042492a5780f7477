"""Sources of the newsletter digest: a one-way door like ``portal.providers``.

An app that owns content readers may want to hear about (knowledge resources, events…) registers
a source once, in its ``AppConfig.ready``::

    from portal.digest import register_digest_source
    register_digest_source("resources", new_resources, label=_("New resources"))

The newsletter (``communities.newsletter``) reads every registered source and never imports the
apps behind them. A source is called as ``fetch(language=…, countries=…, since=…, until=…)``:

- ``language``: a language code of ``settings.LANGUAGES``; return content *in* that language only;
- ``countries``: a set of country slugs (content for any of them, and global content, is wanted),
  or ``None`` for every country;
- ``since``, ``until``: aware datetimes; return what was *first published* in ``(since, until]``.

It returns a list of ``DigestItem``, newest first. It must return only live content that every
reader may see: nothing behind a view restriction, a login or a membership. The active language
is ``language`` while it runs, so labels it translates (``kind``) come out in the reader's
language. ``DigestItem.countries`` holds the slugs the item is about; empty means global."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    summary: str = ""
    kind: str = ""
    published_at: datetime | None = None
    countries: tuple[str, ...] = ()

    def concerns(self, countries):
        """Whether a reader of ``countries`` (slugs, or None for all) wants this item."""
        return countries is None or not self.countries or bool(set(self.countries) & countries)


@dataclass(frozen=True)
class DigestSource:
    name: str
    fetch: Callable
    label: str


_sources: dict[str, DigestSource] = {}


def register_digest_source(name, fetch, label=None):
    """Add (or replace) the source called ``name``; ``label`` heads its section of the e-mail."""
    _sources[name] = DigestSource(name=name, fetch=fetch, label=label or name)


def unregister_digest_source(name):
    _sources.pop(name, None)


def digest_sources():
    return list(_sources.values())


def absolute_url(url):
    """Links in an e-mail need the host: a site-relative URL gets ``SITE_BASE_URL``."""
    return settings.SITE_BASE_URL.rstrip("/") + url if url.startswith("/") else url


def collect(language, countries, since, until):
    """{source name: [DigestItem with absolute URLs]} from every registered source."""
    window = {"language": language, "countries": countries, "since": since, "until": until}
    return {
        source.name: [replace(item, url=absolute_url(item.url)) for item in source.fetch(**window)]
        for source in digest_sources()
    }
