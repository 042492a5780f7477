"""Publications: fact sheets, research briefs, working papers, annual reports and country
synthesis reports. A resource type like the others (``ResourcePage``: the library index,
search, the API and translations), with its kind, series, ordered authors, date, ISBN, DOI
and a generated citation. Each language version carries its own files (``Material``, linked
across languages by ``material_key``).

The series is a translatable snippet (``PublicationSeries``, a ``portal`` taxonomy term): a
short list editors keep (the Discussion Paper Series, the annual synthesis reports) whose
names are translated once and shown in every language, and whose slug stays the same across
languages. A free-text field would be spelt differently on every publication."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.api_fields import MethodField, TermField
from portal.models.taxonomy import TaxonomyTerm

from .resources import ResourcePage

PUBLISHER = "ILO/IFC Better Work"
DOI_RESOLVER = "https://doi.org/"
# Crossref's recommended pattern for modern DOIs: a registrant prefix 10.NNNN and a suffix.
DOI_PATTERN = re.compile(r"10\.\d{4,9}/[-._;()/:a-zA-Z0-9<>\[\]]+")


class PublicationKind(models.TextChoices):
    FACT_SHEET = "fact-sheet", _("Fact sheet")
    RESEARCH_BRIEF = "research-brief", _("Research brief")
    WORKING_PAPER = "working-paper", _("Working paper")
    ANNUAL_REPORT = "annual-report", _("Annual report")
    COUNTRY_SYNTHESIS = "country-synthesis", _("Country synthesis report")


def isbn_digits(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def validate_isbn(value):
    """ISBN-10 (last digit 0–9 or X, weighted sum 10..1 divisible by 11) or ISBN-13 (978/979,
    weights 1,3 alternating, divisible by 10); hyphens and spaces are ignored."""
    digits = isbn_digits(value)
    valid = False
    if re.fullmatch(r"\d{9}[\dX]", digits):
        values = [10 if c == "X" else int(c) for c in digits]
        valid = sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    elif re.fullmatch(r"97[89]\d{10}", digits):
        valid = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    if not valid:
        raise ValidationError(
            _("Enter a valid ISBN-10 or ISBN-13: its check digit does not match."),
            code="invalid_isbn",
        )


def validate_doi(value):
    if not DOI_PATTERN.fullmatch(value or ""):
        raise ValidationError(
            _("Enter a DOI such as 10.1234/abcd.5678 (without https://doi.org/)."),
            code="invalid_doi",
        )


class PublicationSeries(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("publication series")
        verbose_name_plural = _("publication series")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_publication_series_slug_locale"
            )
        ]


class PublicationAuthor(Orderable):
    page = ParentalKey(
        "knowledge.PublicationPage", on_delete=models.CASCADE, related_name="authors"
    )
    name = models.CharField(_("name"), max_length=150)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class PublicationPage(ResourcePage):
    resource_type = "publication"

    publication_kind = models.CharField(
        _("kind of publication"), max_length=20, choices=PublicationKind.choices
    )
    series = models.ForeignKey(
        PublicationSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("series"),
    )
    publication_date = models.DateField(_("publication date"))
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    citation_override = models.TextField(
        _("citation"),
        max_length=1000,
        blank=True,
        help_text=_("Leave empty to use the citation made from the authors, year, title and DOI."),
    )

    content_panels = ResourcePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("publication_kind"),
                FieldPanel("series"),
                FieldPanel("publication_date"),
                FieldPanel("isbn"),
                FieldPanel("doi"),
                FieldPanel("citation_override"),
            ],
            heading=_("Publication details"),
        ),
        InlinePanel("authors", label=_("Authors")),
    ]
    translatable_fields = ResourcePage.translatable_fields + [
        SynchronizedField("publication_kind"),
        TranslatableField("series"),  # the series' name in the translation's language
        SynchronizedField("publication_date"),
        SynchronizedField("isbn"),
        SynchronizedField("doi"),
        TranslatableField("citation_override"),
        SynchronizedField("authors"),
    ]
    search_fields = ResourcePage.search_fields + [
        index.FilterField("publication_kind"),
        index.SearchField("doi"),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]
    api_fields = ResourcePage.api_fields + [
        APIField("publication_kind"),
        APIField("series", serializer=TermField()),
        APIField("authors", serializer=MethodField("api_authors")),
        APIField("publication_date"),
        APIField("isbn"),
        APIField("doi"),
        APIField("doi_url"),
        APIField("citation"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    # --- the library index: one facet row for the kind --------------------------------------
    def extra_facets(self):
        return [("publication", self.publication_kind)]

    def type_facts(self):
        return [(_("Kind of publication"), self.get_publication_kind_display())]

    @property
    def doi_url(self):
        return f"{DOI_RESOLVER}{self.doi}" if self.doi else ""

    def author_list(self):
        return sorted(self.authors.all(), key=lambda a: (a.sort_order or 0, a.pk or 0))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publication_authors"] = self.author_list()
        return context

    def api_authors(self, request=None):
        return [{"name": a.name, "affiliation": a.affiliation} for a in self.author_list()]

    @property
    def citation(self):
        """The editor's citation, else one made like APA: authors (year). Title. Series.
        Publisher. DOI link."""
        if self.citation_override.strip():
            return self.citation_override.strip()
        names = [a.name for a in self.author_list()]
        if len(names) > 1:
            names = [", ".join(names[:-1]) + " & " + names[-1]]
        parts = [names[0] if names else PUBLISHER]
        parts[0] += f" ({self.publication_date.year})." if self.publication_date else "."
        parts.append(self.title.rstrip(".") + ".")
        if self.series_id:
            parts.append(self.series.name.rstrip(".") + ".")
        if names:
            parts.append(PUBLISHER + ".")
        if self.doi:
            parts.append(self.doi_url)
        elif self.isbn:
            parts.append(f"ISBN {self.isbn}.")
        return " ".join(parts)
