"""What trainer development does, shared by the site, the API and the admin: who may record
and certify, issuing and revoking certificates, the directory's rule (listed *and* holding a
valid certificate), and names and titles in the reader's language, read in a fixed number of
queries for a whole page of trainers."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from portal.models import Country, Topic

from ..models import Certificate, ProgrammeRecord, ProgrammeStatus, TrainerProfile

COORDINATORS = "Trainer coordinators"  # created by migration 0009 (it keeps its own copy)
NUMBER_RE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$")


def can_certify(user):
    return bool(user and user.is_authenticated and user.has_perm("communities.add_certificate"))


def can_see_certificate(user, certificate):
    """The certificate's PDF: its trainer and trainer coordinators only."""
    if not (user and user.is_authenticated):
        return False
    own = certificate.trainer is not None and certificate.trainer.user_id == user.pk
    return own or user.has_perm("communities.view_certificate")


def normalise_number(raw):
    """The certificate number ``raw`` spells (any case, spaces ignored), or None."""
    text = re.sub(r"\s+", "", str(raw or ""))[:40].upper()
    if len(text) == 16 and "-" not in text:
        text = "-".join(text[i : i + 4] for i in range(0, 16, 4))
    return text if NUMBER_RE.match(text) else None


def find_certificate(raw):
    number = normalise_number(raw)
    if number is None:
        return None
    return Certificate.objects.select_related("trainer", "programme").filter(number=number).first()


def programme_title(page, language):
    """The programme's title in ``language`` when a live translation exists, else its own."""
    translated = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=language, live=True
        )
        .values_list("title", flat=True)
        .first()
    )
    return translated or page.title


def fill_certificate(certificate):
    """Copy into an unsaved ``certificate`` (trainer, programme, language set) the trainer's
    name, the programme's title in the certificate's language and the completion date, or
    refuse when the trainer has not completed the programme."""
    if certificate.language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the portal's languages.")})
    record = (
        ProgrammeRecord.objects.filter(
            trainer=certificate.trainer,
            programme=certificate.programme,
            status=ProgrammeStatus.COMPLETED,
        )
        .order_by("-date")
        .first()
    )
    if record is None:
        raise ValidationError(
            {"programme": _("A certificate needs a completed record of this programme first.")}
        )
    certificate.trainer_name = certificate.trainer.name
    certificate.programme_title = programme_title(certificate.programme, certificate.language)
    certificate.completed_on = record.date
    return certificate


@transaction.atomic
def issue_certificate(trainer, programme, language, issued_by):
    """A new certificate for ``programme``, which ``trainer`` must have completed."""
    certificate = Certificate(
        trainer=trainer, programme=programme, language=language, issued_by=issued_by
    )
    fill_certificate(certificate)
    certificate.full_clean(exclude=["number"])
    certificate.save()
    return certificate


def revoke_certificate(certificate, revoked_by, reason=""):
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = revoked_by
        certificate.revocation_reason = reason[:300]
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


def directory():
    """Trainers shown publicly: they chose to be listed, their account is active and they
    hold at least one certificate that is not revoked."""
    valid = Certificate.objects.filter(trainer=OuterRef("pk"), revoked_at__isnull=True)
    return TrainerProfile.objects.filter(listed=True, user__is_active=True).filter(Exists(valid))


def with_entry_data(queryset):
    """``queryset`` with what a directory entry shows, prefetched (four queries a page)."""
    return queryset.prefetch_related(
        "languages",
        "countries",
        "topics",
        Prefetch(
            "certificates",
            queryset=Certificate.objects.filter(revoked_at__isnull=True)
            .annotate(programme_key=F("programme__translation_key"))
            .order_by("issued_at"),
            to_attr="valid_certificates",
        ),
    )


def reader_locales(language):
    """{locale id: language code} of ``language`` and the default language (one query)."""
    codes = {language, settings.LANGUAGE_CODE}
    return dict(Locale.objects.filter(language_code__in=codes).values_list("pk", "language_code"))


def term_names(model, language, locales=None):
    """{slug: name} of a taxonomy in ``language``, else the default language's (one query,
    and one for ``locales`` when not given)."""
    locales = reader_locales(language) if locales is None else locales
    names = {}
    rows = model.objects.filter(locale_id__in=list(locales)).values_list(
        "slug", "name", "locale_id"
    )
    for slug, name, locale_id in rows:
        if locales[locale_id] == language or slug not in names:
            names[slug] = name
    return names


def taxonomy_names(language):
    """{"country": {slug: name}, "topic": {slug: name}} in ``language`` (three queries)."""
    locales = reader_locales(language)
    return {
        "country": term_names(Country, language, locales),
        "topic": term_names(Topic, language, locales),
    }


def localized_titles(certificates, language):
    """{translation key: title in ``language``} of the programmes of ``with_entry_data``'s
    certificates (one query)."""
    keys = {c.programme_key for c in certificates if c.programme_key}
    if not keys:
        return {}
    return dict(
        Page.objects.filter(
            translation_key__in=keys, locale__language_code=language, live=True
        ).values_list("translation_key", "title")
    )


def entries(trainers, language, names=None):
    """Plain dicts for a page of ``with_entry_data`` trainers, names in ``language``
    (``names``: ``taxonomy_names(language)`` when the caller has them already)."""
    names = names or taxonomy_names(language)
    countries, topics = names["country"], names["topic"]
    certificates = [c for t in trainers for c in t.valid_certificates]
    titles = localized_titles(certificates, language)
    language_names = settings.LANGUAGE_NAMES_TRANSLATED
    out = []
    for trainer in trainers:
        programmes, seen = [], set()
        for certificate in trainer.valid_certificates:
            title = titles.get(certificate.programme_key, certificate.programme_title)
            if title not in seen:
                seen.add(title)
                programmes.append(
                    {
                        "title": title,
                        "certificate": certificate.number,
                        "since": certificate.completed_on,
                    }
                )
        out.append(
            {
                "id": trainer.pk,
                "name": trainer.name,
                "bio": trainer.bio,
                "languages": [
                    {
                        "code": lc.language_code,
                        "name": str(language_names.get(lc.language_code, lc.language_code)),
                    }
                    for lc in trainer.languages.all()
                ],
                "countries": sorted(
                    (
                        {"slug": c.slug, "name": countries.get(c.slug, c.name)}
                        for c in trainer.countries.all()
                    ),
                    key=lambda item: item["name"].lower(),
                ),
                "topics": sorted(
                    (
                        {"slug": t.slug, "name": topics.get(t.slug, t.name)}
                        for t in trainer.topics.all()
                    ),
                    key=lambda item: item["name"].lower(),
                ),
                "programmes": programmes,
            }
        )
    return out
