"""Pages for country programme staff (the programme's factories) and labour inspectorates
(their countries' reports), and the staff box on a factory's dashboard (see urls.py)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from ... import access, staff_overview
from ...staff_forms import ProgrammeFilterForm


@login_required
def programme(request):
    if not staff_overview.is_programme_staff(request.user):
        raise PermissionDenied
    factories = staff_overview.programme_factories(request.user)
    names = staff_overview.term_names()
    countries, industries = staff_overview.filter_choices(factories, names)
    form = ProgrammeFilterForm(request.GET, countries, industries)
    context = {"form": form, "several_countries": len(countries) > 1}
    if not form.is_valid():
        return render(request, "enterprise/staff/programme.html", context, status=400)
    page, rows = staff_overview.programme_page(
        form.apply(factories), request.GET.get("page"), names
    )
    context.update(page=page, rows=rows)
    return render(request, "enterprise/staff/programme.html", context)


@login_required
def inspectorate(request):
    if not staff_overview.is_inspector(request.user):
        raise PermissionDenied
    countries = staff_overview.inspected_countries(request.user, "inspectorate:list")
    return render(request, "enterprise/staff/inspectorate.html", {"countries": countries})


def dashboard_section(request, factory, role):
    """Staff only: a link back to the programme list and who read the factory's data."""
    if role != access.Role.STAFF:
        return {}
    return {
        "programme_url": reverse("enterprise:programme") + f"?country={factory.country.slug}",
        "reads": staff_overview.reads_this_month(factory),
    }
