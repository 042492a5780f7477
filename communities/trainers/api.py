"""Trainer development's read-only API, mounted at /api/v2/trainers/: the directory of
certified trainers (the site's filters, ``trainers.filters.TrainerFilter``) and the public
verification of a certificate by its number. Nothing here is private: a trainer who did not
opt in, or holds no valid certificate, is never listed; no e-mail address is ever given."""

import datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.api_params import LANG_DESCRIPTION, reader_language

from .certificates import verification_url
from .filters import MAX_QUERY, TrainerFilter
from .records import entries, find_certificate, with_entry_data

router = Router(tags=["trainers"])


class TrainerDirectoryParams(PageParams):
    lang: str = Field("en", description=LANG_DESCRIPTION)
    q: str | None = Field(
        None,
        description="Words in the name, bio or a certified programme's title "
        f"(at most {MAX_QUERY} characters).",
    )
    country: list[str] = Field([], description="Country slugs (`cambodia`); several are OR-ed.")
    language: list[str] = Field([], description="Language codes the trainer trains in (`km`).")
    topic: list[str] = Field([], description="Topic slugs (`social-dialogue`).")


class TrainerTermOut(Schema):
    slug: str
    name: str


class TrainerLanguageOut(Schema):
    code: str
    name: str


class TrainerProgrammeOut(Schema):
    title: str = Field(description="In the reader's language where the programme has it.")
    certificate: str = Field(description="Number of the certificate, to verify it.")
    since: datetime.date = Field(description="When the programme was completed.")


class TrainerOut(Schema):
    id: int
    name: str
    bio: str
    languages: list[TrainerLanguageOut]
    countries: list[TrainerTermOut]
    topics: list[TrainerTermOut]
    programmes: list[TrainerProgrammeOut]


class CertificateCheckOut(Schema):
    number: str
    status: str = Field(description="`valid` or `revoked`.")
    valid: bool
    trainer_name: str
    programme_title: str = Field(description="As printed, in the certificate's language.")
    language: str
    completed_on: datetime.date
    issued_at: datetime.datetime
    revoked_at: datetime.datetime | None
    url: str = Field(description="The public verification page, printed on the certificate.")


@router.get(
    "/",
    response={200: Paged[TrainerOut], 400: ErrorOut, 404: ErrorOut},
    summary="Certified trainers who chose to be listed (paged, by name)",
    description="Only trainers who opted in to the directory and hold at least one "
    "certificate that is not revoked. Filters take several values (`?country=cambodia&"
    "country=vietnam`): values of one filter are OR-ed, filters are AND-ed. An unknown "
    "country, topic or language, or a `q` that is too long or holds control characters, is "
    "a 400 `invalid_filter`.",
)
def directory(request, params: Query[TrainerDirectoryParams]):
    language = reader_language(params.lang)
    filterset = TrainerFilter(request.GET, language=language)
    if not filterset.is_valid():
        raise ApiError(400, filterset.error_message(), code="invalid_filter")
    return page_of(
        request,
        with_entry_data(filterset.results()),
        params,
        convert=lambda trainers: entries(trainers, language, filterset.names),
    )


@router.get(
    "/certificates/{number}/",
    response={200: CertificateCheckOut, 404: ErrorOut},
    summary="Verify a certificate by its number",
    description="Anyone may check a certificate: whether it is valid or revoked, for whom, "
    "which programme, issued when. A number nobody was given is a 404 `unknown_certificate`.",
)
def verify(request, number: str):
    certificate = find_certificate(number)
    if certificate is None:
        raise ApiError(404, _("No certificate has this number."), code="unknown_certificate")
    return {
        "number": certificate.number,
        "status": "valid" if certificate.is_valid else "revoked",
        "valid": certificate.is_valid,
        "trainer_name": certificate.trainer_name,
        "programme_title": certificate.programme_title,
        "language": certificate.language,
        "completed_on": certificate.completed_on,
        "issued_at": certificate.issued_at,
        "revoked_at": certificate.revoked_at,
        "url": verification_url(certificate),
    }
