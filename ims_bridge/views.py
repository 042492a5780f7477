"""Views behind ComplianceIndexPage's routes. Public views read aggregates only; factory-level
views read through access.visible_factories(user) and log every read."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.models import Country
from portal.providers import provide

from . import access, reports
from .forms import BuyerAccessForm
from .models import FactoryAccessGrant, QuestionType, is_global_staff
from .pdf import factory_report_pdf


def _locale(page):
    return page.locale if page else Locale.get_active()


def _render(request, page, template, **context):
    context.setdefault("page", page)
    context.setdefault("self", page)
    return TemplateResponse(request, f"ims_bridge/{template}", context)


def comparison(request, page):
    """The cross-country comparison. The template caches its report part (everything between
    the site's header and footer, nothing of the user) with ``{% wagtailpagecache %}`` keyed by
    ``reports.cache_version()``, the language and the indicator, so the data behind it is read
    lazily: only when that fragment is not cached yet. Like the cached reports, the fragment's
    term names are those of the last recompute."""
    # The version first: a recompute while this request runs then only leaves newer data under
    # the older key, never older data under the newer one.
    version = reports.cache_version()
    locale = _locale(page)
    key = request.GET.get("indicator") or "overall"
    if reports.indicator_filter(key) is None:
        key = "overall"

    def parts():
        rows = reports.comparison(key, locale)
        choices = reports.indicators(locale)
        for row in rows:
            row.url = _country_url(page, row.key)
        return {
            "choices": choices,
            "label": dict(choices).get(key, key.partition(":")[2]).lstrip("— "),
            "rows": rows,
            "country_links": [
                (name, _country_url(page, slug)) for slug, name in reports.country_names(locale)
            ],
            "csv_url": page.url + page.reverse_subpage("comparison_csv") + f"?indicator={key}",
        }

    return _render(
        request,
        page,
        "compliance_index_page.html",
        indicator=key,
        report=SimpleLazyObject(parts),
        cache_version=version,
        cache_seconds=reports.REPORT_CACHE_SECONDS,
        min_cell=reports.min_cell(),
    )


def _country_url(page, slug):
    return page.url + page.reverse_subpage("country", kwargs={"slug": slug})


def comparison_csv(request, page):
    key = request.GET.get("indicator") or "overall"
    rows = reports.comparison(key, _locale(page))
    if rows is None:
        raise Http404
    return reports.csv_response(
        f"compliance-{key.replace(':', '-')}.csv",
        [_("Country"), _("Factories assessed"), _("Non-compliance rate (%)")],
        reports.public_csv_rows(rows),
    )


def _country(slug):
    return get_object_or_404(reports.default_terms(Country), slug=slug)


def country_report(request, page, slug):
    """A country's report; like the comparison, its report part is a cached fragment, so the
    report is read lazily (after the version, as in ``comparison``)."""
    version = reports.cache_version()
    country = _country(slug)
    locale = _locale(page)
    return _render(
        request,
        page,
        "country_report.html",
        country=country.get_translation_or_none(locale) or country,
        slug=country.slug,
        report=SimpleLazyObject(lambda: reports.country_report(country, locale)),
        cache_version=version,
        cache_seconds=reports.REPORT_CACHE_SECONDS,
        csv_base=_country_url(page, slug),
        min_cell=reports.min_cell(),
        comparison_url=page.url,
        # Outside the cached report part: it changes with the content, not the figures.
        labour_law=provide(
            "country_labour_law", language=get_language(), country=country, request=request
        ),
    )


def country_csv(request, page, slug, table):
    country = _country(slug)
    report = reports.country_report(country, _locale(page))
    header = [_("Indicator"), _("Factories assessed"), _("Non-compliance rate (%)")]
    if table == "clusters":
        rows = reports.public_csv_rows(report["clusters"])
    elif table == "points":
        rows = [
            (cluster, *row)
            for cluster, group in report["point_groups"]
            for row in reports.public_csv_rows(group)
        ]
        header = [_("Cluster"), *header]
    elif table == "questions":
        rows = [
            (row.key, *values)
            for row, values in zip(
                report["questions"], reports.public_csv_rows(report["questions"]), strict=True
            )
        ]
        header = [_("Global question id"), *header]
    else:
        trend = report["trend"] or {"cycles": [], "series": []}
        header = [_("Indicator")] + [_("Cycle %(n)s (%%)") % {"n": n} for n in trend["cycles"]]
        note = _("not enough factories")
        rows = [
            (label, *[note if v is None else v for v in values])
            for label, values in trend["series"]
        ]
    return reports.csv_response(f"compliance-{slug}-{table}.csv", header, rows)


def transparency(request, page):
    """Publicly reported issues of each factory's latest assessment, in publishing countries."""
    country_slug = request.GET.get("country", "")
    entries = reports.transparency_list(country_slug)
    return _render(request, page, "transparency.html", entries=entries, country_slug=country_slug)


def _login_required(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    return None


def dashboard(request, page):
    if redirect := _login_required(request):
        return redirect
    factories = list(access.visible_factories(request.user).order_by("country__name", "name"))
    grants = {
        g.factory_id: g for g in FactoryAccessGrant.objects.active().filter(buyer=request.user)
    }
    managed = set(request.user.ims_memberships.values_list("factory_id", flat=True))
    user = request.user
    staff_of_all = is_global_staff(user)
    staff_countries = set(user.ims_country_staff.values_list("country_id", flat=True))
    # The factory's own tools (self-assessments, plan, trainings, indicators): for its users,
    # programme staff and granted buyers; a labour inspector reads the reports only.
    with_tools = {
        f.pk
        for f in factories
        if f.pk in managed or f.pk in grants or staff_of_all or f.country_id in staff_countries
    }
    return _render(
        request,
        page,
        "dashboard.html",
        factories=factories,
        grants=grants,
        managed=managed,
        with_tools=with_tools,
    )


def _factory_urls(page, factory):
    kwargs = {"star_id": factory.star_id}
    return {
        "report": page.url + page.reverse_subpage("factory", kwargs=kwargs),
        "csv": page.url + page.reverse_subpage("factory_csv", kwargs=kwargs),
        "pdf": page.url + page.reverse_subpage("factory_pdf", kwargs=kwargs),
        "access": page.url + page.reverse_subpage("factory_access", kwargs=kwargs),
        "dashboard": page.url + page.reverse_subpage("dashboard"),
    }


def factory_report(request, page, star_id):
    if redirect := _login_required(request):
        return redirect
    factory = access.get_visible_factory(request.user, star_id, "page")
    return _render(
        request,
        page,
        "factory_report.html",
        factory=factory,
        assessments=access.factory_report(factory),
        urls=_factory_urls(page, factory),
        can_manage=access.can_manage_access(request.user, factory),
    )


def factory_csv(request, page, star_id):
    if redirect := _login_required(request):
        return redirect
    factory = access.get_visible_factory(request.user, star_id, "csv")
    rows = []
    for assessment in access.factory_report(factory):
        for finding in assessment.finding_list:
            question = finding.question
            rows.append(
                (
                    assessment.star_id,
                    assessment.start_date.isoformat(),
                    assessment.cycle,
                    question.compliance_point.cluster.name,
                    question.compliance_point.name,
                    question.star_id,
                    question.label,
                    question.type,
                    finding.value if question.type == QuestionType.NCQ else finding.text,
                )
            )
    return reports.csv_response(
        f"factory-{factory.star_id}.csv",
        [
            "assessment",
            "start_date",
            "cycle",
            "cluster",
            "compliance_point",
            "question_id",
            "question",
            "type",
            "finding",
        ],
        rows,
    )


def factory_pdf(request, page, star_id):
    """The factory report as PDF: same access path and same logging as the CSV export."""
    if redirect := _login_required(request):
        return redirect
    factory = access.get_visible_factory(request.user, star_id, "pdf")

    response = HttpResponse(
        factory_report_pdf(factory, access.factory_report(factory)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = reports.attachment(f"factory-{factory.star_id}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


def factory_access(request, page, star_id):
    """Factory users grant buyers access (optionally until a date) and revoke it."""
    if redirect := _login_required(request):
        return redirect
    factory = access.visible_factories(request.user).filter(star_id=star_id).first()
    if factory is None or not access.can_manage_access(request.user, factory):
        raise Http404
    urls = _factory_urls(page, factory)
    errors = []
    form = BuyerAccessForm()
    if request.method == "POST":
        if "revoke" in request.POST:
            grant = access.find_grant(factory, request.POST.get("revoke", ""))
            if grant is None:
                errors.append(_("That grant does not exist."))
            else:
                access.revoke(grant, request.user)
                messages.success(request, _("Access revoked."))
                return HttpResponseRedirect(urls["access"])
        else:
            form = BuyerAccessForm(request.POST)
            if form.is_valid():
                data = form.cleaned_data
                access.grant(factory, data["buyer"], request.user, data["expires"])
                messages.success(request, _("Access granted."))
                return HttpResponseRedirect(urls["access"])
            errors = [message for _field, message in form.problems()]
    grants = access.factory_grants(factory)
    response = _render(
        request,
        page,
        "factory_access.html",
        factory=factory,
        grants=grants,
        errors=errors,
        urls=urls,
        form=form,
    )
    if errors:
        response.status_code = 400
    return response
