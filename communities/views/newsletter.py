"""The newsletter pages: subscribe, confirm (double opt-in), unsubscribe (one click, RFC 8058)
and the signed-in reader's own subscription. No GET changes anything."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from ..models import NewsletterSubscription
from ..newsletter import limits, subscriptions, tokens
from ..newsletter.forms import ManageForm, SubscribeForm, country_choices

TEMPLATES = "communities/newsletter/"


@never_cache
def subscribe(request):
    if request.method == "POST":
        if limits.subscribe_limited(request):
            return render(request, TEMPLATES + "rate_limited.html", status=429)
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return render(request, TEMPLATES + "subscribe.html", {"form": form}, status=400)
        data = form.cleaned_data
        # The same answer whether the address is new, waiting or subscribed already.
        if not limits.address_limited(request, data["email"]):
            subscriptions.send_confirmation(
                data["email"], data["language"], data["countries"], data["frequency"]
            )
        return render(request, TEMPLATES + "check_inbox.html", {"email": data["email"]})
    initial = {}
    if request.user.is_authenticated:
        if NewsletterSubscription.objects.filter(user=request.user).exists():
            return redirect("newsletter:account")
        initial["email"] = request.user.email
    return render(request, TEMPLATES + "subscribe.html", {"form": SubscribeForm(initial=initial)})


@never_cache
def confirm(request, token):
    """GET shows what the link asks for and a button; POST subscribes (a link checker that
    opens the link subscribes nobody). A link that confirmed its subscription already says so
    again, and changes nothing."""
    try:
        if request.method == "POST":
            user = request.user if request.user.is_authenticated else None
            subscriptions.confirm(token, user=user)
            return render(request, TEMPLATES + "confirm.html", {"done": True})
        asked = tokens.read_confirmation(token)
    except tokens.TokenUsed:
        return render(request, TEMPLATES + "confirm.html", {"done": True})
    except tokens.TokenExpired:
        return render(request, TEMPLATES + "confirm.html", {"expired": True}, status=410)
    except tokens.TokenInvalid:
        return render(request, TEMPLATES + "confirm.html", {"invalid": True}, status=400)
    names = dict(country_choices())
    return render(
        request,
        TEMPLATES + "confirm.html",
        {"asked": asked, "countries": [names[c] for c in asked.countries if c in names]},
    )


@csrf_exempt  # the token is the authentication; mail clients POST without a session (RFC 8058)
@never_cache
def unsubscribe(request, token):
    try:
        subscription = tokens.read_unsubscribe(token)
    except tokens.TokenInvalid:
        return render(request, TEMPLATES + "unsubscribe.html", {"invalid": True}, status=400)
    if subscription is None:
        return render(request, TEMPLATES + "unsubscribe.html", {"done": True})
    if request.method == "POST":
        subscriptions.end(subscription)
        return render(request, TEMPLATES + "unsubscribe.html", {"done": True})
    return render(request, TEMPLATES + "unsubscribe.html", {"email": subscription.email})


@never_cache
def account(request):
    """The signed-in reader's subscription (the one confirmed while signed in with its
    address): change the choices, or unsubscribe."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    subscription = NewsletterSubscription.objects.filter(user=request.user).first()
    if subscription is None:
        return render(request, TEMPLATES + "account.html", {"subscription": None})
    form = ManageForm(request.POST or None, subscription=subscription)
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request,
                TEMPLATES + "account.html",
                {"subscription": subscription, "form": form},
                status=400,
            )
        form.save()
        messages.success(request, _("Your newsletter choices are saved."))
        return redirect("newsletter:account")
    return render(
        request,
        TEMPLATES + "account.html",
        {
            "subscription": subscription,
            "form": form,
            "unsubscribe_token": tokens.unsubscribe_token(subscription),
        },
    )
