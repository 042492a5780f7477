"""Build and send the digests that are due (``tasks.send_newsletters``, from cron through
``manage.py send_newsletter``).

A weekly reader gets at most one digest per ISO week, a monthly one per calendar month: each
run *claims* the current period of every due subscription by inserting a ``NewsletterDigest``
(unique per subscription and period) before building anything, so a second run, or one running
at the same time, finds nothing left to send. A digest lists what the registered sources
(``portal.digest``) first published since the reader's previous digest (else since they
confirmed), in their language, for their countries and global content; an empty one is recorded
but not sent. An e-mail the mail server refuses is logged and its claim dropped, so the next run
tries that reader again, from the same date. Subscriptions are read in batches of ``BATCH``;
each batch costs a fixed number of queries plus two per language and source, whatever its
size."""

import logging
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.digest import absolute_url, collect, digest_sources
from portal.models import Country

from ..models import Frequency, NewsletterDigest, NewsletterSubscription
from .tokens import unsubscribe_token

logger = logging.getLogger(__name__)

BATCH = 200
MAX_ITEMS_PER_SECTION = 15


def period(frequency, now):
    if frequency == Frequency.MONTHLY:
        return f"{now.year}-{now.month:02d}"
    year, week, _day = now.isocalendar()
    return f"{year}-W{week:02d}"


def send_due(now=None):
    """Send every due digest; returns how many e-mails were sent."""
    now = now or timezone.now()
    run = uuid.uuid4()
    sent = 0
    with get_connection() as connection:  # one connection to the mail server for the run
        for frequency in Frequency.values:
            sent += _send_frequency(frequency, now, run, connection)
    return sent


def _send_frequency(frequency, now, run, connection):
    """The due readers of one frequency, ``BATCH`` at a time (keyset paging on the id)."""
    current = period(frequency, now)
    due = NewsletterSubscription.objects.filter(frequency=frequency).exclude(
        digests__period=current
    )
    countries = Prefetch("countries", queryset=Country.objects.only("pk", "slug"))
    sent, last_pk = 0, 0
    while batch := list(
        due.filter(pk__gt=last_pk).order_by("pk").prefetch_related(countries)[:BATCH]
    ):
        last_pk = batch[-1].pk
        sent += _send_batch(batch, current, run, now, connection)
    return sent


def _claim(subscriptions, current, run, now):
    """Insert this run's digest of each subscription for the period; {subscription id: digest}
    of those this run got (another run may have claimed some, a reader may have left)."""
    digests = [
        NewsletterDigest(subscription=s, period=current, since=s.content_since, until=now, run=run)
        for s in subscriptions
    ]
    try:
        with transaction.atomic():
            NewsletterDigest.objects.bulk_create(digests, ignore_conflicts=True)
    except IntegrityError:  # a reader unsubscribed since the batch was read
        ids = [s.pk for s in subscriptions]
        still = set(NewsletterSubscription.objects.filter(pk__in=ids).values_list("pk", flat=True))
        NewsletterDigest.objects.bulk_create(
            [d for d in digests if d.subscription_id in still], ignore_conflicts=True
        )
    return {
        d.subscription_id: d
        for d in NewsletterDigest.objects.filter(
            run=run, subscription_id__in=[s.pk for s in subscriptions]
        )
    }


def _send_batch(subscriptions, current, run, now, connection):
    claimed = _claim(subscriptions, current, run, now)
    mine = [s for s in subscriptions if s.pk in claimed]
    by_language = defaultdict(list)
    for subscription in mine:
        by_language[subscription.language].append(subscription)
    done, failed = [], []
    for language, readers in by_language.items():
        wanted = [_countries(s) for s in readers]
        everywhere = any(c is None for c in wanted)
        with translation.override(language):
            found = collect(
                language,
                None if everywhere else set().union(*wanted),
                min(s.content_since for s in readers),
                now,
            )
            for subscription, countries in zip(readers, wanted, strict=True):
                sections = _sections(found, countries, subscription.content_since)
                digest = claimed[subscription.pk]
                if sections:
                    try:
                        _send(subscription, sections, connection)
                    except Exception:  # a refused address or a mail server hiccup: go on
                        logger.exception("Newsletter to subscription %s not sent", subscription.pk)
                        failed.append(subscription.pk)
                        continue
                    digest.sent_at = now
                    digest.urls = [item.url for _label, items in sections for item in items]
                    done.append(digest)
    if done:
        NewsletterDigest.objects.bulk_update(done, ["sent_at", "urls"])
    if failed:  # given up: the next run tries again, from the same date
        NewsletterDigest.objects.filter(run=run, subscription_id__in=failed).delete()
    considered = [s.pk for s in mine if s.pk not in failed]
    NewsletterSubscription.objects.filter(pk__in=considered).update(last_digest_at=now)
    return len(done)


def _countries(subscription):
    slugs = {c.slug for c in subscription.countries.all()}
    return slugs or None


def _sections(found, countries, since):
    """[(label, items)] of one reader: only the non-empty sections, in registration order."""
    sections = []
    for source in digest_sources():
        items = [
            item
            for item in found.get(source.name, [])
            if item.concerns(countries) and (item.published_at is None or item.published_at > since)
        ][:MAX_ITEMS_PER_SECTION]
        if items:
            sections.append((str(source.label), items))
    return sections


def _send(subscription, sections, connection):
    """One multipart e-mail in the active (the reader's) language, with RFC 8058 headers."""
    unsubscribe_url = absolute_url(
        reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe_token(subscription)})
    )
    context = {
        "sections": sections,
        "unsubscribe_url": unsubscribe_url,
        "site_url": settings.SITE_BASE_URL,
        "language": translation.get_language(),
        "bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=_("New on the Better Work knowledge portal"),
        body=render_to_string("communities/newsletter/email/digest.txt", context),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )
    message.attach_alternative(
        render_to_string("communities/newsletter/email/digest.html", context), "text/html"
    )
    message.send()
