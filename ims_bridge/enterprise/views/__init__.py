"""The factory list and the factory dashboard; each feature's pages live in its subpackage."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .. import access, staff_overview
from . import capacity, plans, self_assessment, staff

SECTIONS = {
    "self_assessment": self_assessment,
    "plans": plans,
    "capacity": capacity,
    "staff": staff,
}


@login_required
def factory_list(request):
    programme_staff = staff_overview.is_programme_staff(request.user)
    factories = access.enterprise_factories(request.user).order_by("name")
    if programme_staff:
        # Staff find their programme's factories, paged and filtered, on the programme page.
        factories = factories.filter(memberships__user=request.user)
    return render(
        request,
        "enterprise/factory_list.html",
        {
            "factories": factories,
            "programme_staff": programme_staff,
            "inspector": staff_overview.is_inspector(request.user),
        },
    )


@login_required
def dashboard(request, star_id):
    factory, role = access.enterprise_factory(request.user, star_id, "dashboard")
    if role in (None, access.Role.INSPECTOR):
        raise PermissionDenied
    sections = {
        name: module.dashboard_section(request, factory, role) for name, module in SECTIONS.items()
    }
    return render(
        request,
        "enterprise/dashboard.html",
        {"factory": factory, "role": role, "sections": sections},
    )
