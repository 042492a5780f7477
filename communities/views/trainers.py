"""Trainer development pages under /<lang>/trainers/: the public directory of certified
trainers, a trainer's own profile, the public verification of a certificate and its PDF.

Refusals: an anonymous reader of a signed-in page is sent to log in; a signed-in reader who
may not download a certificate gets 403; an account without a trainer profile, or a
certificate number nobody was given, gets 404 with a page that says so."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import cache_versions
from portal.components import Card

from ..models import TrainerProfile
from ..trainers import records as trainer_records
from ..trainers.certificates import certificate_pdf, verification_url
from ..trainers.contact import ContactForm, contact_limited, send_contact
from ..trainers.filters import TrainerFilter
from ..trainers.forms import TrainerProfileForm
from ..trainers.records import (
    can_see_certificate,
    entries,
    find_certificate,
    normalise_number,
    with_entry_data,
)

PAGE_SIZE = 20


def directory(request):
    cache_versions.depend(cache_versions.COMMUNITIES)
    language = get_language()
    filterset = TrainerFilter(request.GET or None, language=language, request=request)
    context = {"filter": filterset, "form": filterset.form}
    if filterset.is_bound and not filterset.is_valid():
        context["error"] = filterset.error_message()
        return render(request, "communities/trainers/directory.html", context, status=400)
    paginator = Paginator(with_entry_data(filterset.results()), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context.update(
        page_obj=page_obj,
        trainers=[
            Card(
                title=entry["name"],
                url="",
                anchor=f"trainer-{entry['id']}",
                css="trainer-card",
                data=entry,
            )
            for entry in entries(list(page_obj.object_list), language, filterset.names)
        ],
        result_count=paginator.count,
    )
    return render(request, "communities/trainers/directory.html", context)


@never_cache
def my_profile(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    profile = (
        TrainerProfile.objects.filter(user=request.user)
        .prefetch_related("records", "certificates")
        .first()
    )
    if profile is None:
        return render(request, "communities/trainers/no_profile.html", status=404)
    form = TrainerProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your trainer profile is saved."))
            return redirect("trainers:profile")
        status = 400
    else:
        status = 200
    context = {
        "form": form,
        "profile": profile,
        "records": profile.records.select_related("programme").order_by("-date"),
        "certificates": profile.certificates.order_by("-issued_at"),
    }
    return render(request, "communities/trainers/profile.html", context, status=status)


@never_cache
def verify_lookup(request):
    """The form a reader types a printed certificate number into."""
    raw = request.GET.get("number")
    if raw is None:
        return render(request, "communities/trainers/verify_form.html")
    number = normalise_number(raw)
    if number is None:
        error = _("A certificate number has four groups of four letters and digits.")
        context = {"error": error, "number": raw[:40]}
        return render(request, "communities/trainers/verify_form.html", context, status=400)
    return redirect("trainers:verify", number=number)


@never_cache
def verify(request, number):
    """Anyone may check a certificate: valid or revoked, for whom, which programme, when."""
    certificate = find_certificate(number)
    if certificate is None:
        context = {"number": number[:40]}
        return render(request, "communities/trainers/verify_unknown.html", context, status=404)
    if certificate.number != number:
        return redirect("trainers:verify", number=certificate.number)
    context = {"certificate": certificate, "url": verification_url(certificate)}
    return render(request, "communities/trainers/verify.html", context)


def download(request, number):
    certificate = find_certificate(number)
    if certificate is None:
        context = {"number": number[:40]}
        return render(request, "communities/trainers/verify_unknown.html", context, status=404)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    if not can_see_certificate(request.user, certificate):
        raise PermissionDenied
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def contact(request, pk):
    """Write to a trainer of the directory (only those it lists: anyone else is not found)."""
    trainer = get_object_or_404(trainer_records.directory().select_related("user"), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    form = ContactForm(request.POST or None)
    context = {"trainer": trainer, "form": form}
    if request.method != "POST":
        return render(request, "communities/trainers/contact.html", context)
    if contact_limited(request):
        context["limited"] = True
        return render(request, "communities/trainers/contact.html", context, status=429)
    if not form.is_valid():
        return render(request, "communities/trainers/contact.html", context, status=400)
    send_contact(request, trainer, form.cleaned_data["message"])
    messages.success(request, _("Your message is sent to %(name)s.") % {"name": trainer.name})
    return redirect("trainers:directory")
