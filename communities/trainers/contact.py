"""Writing to a trainer of the directory through the site: the trainer's address is never
shown; the message goes to it by e-mail, with the writer's own address as Reply-To (the form
says so), so the trainer decides whether to answer. Signed-in writers only, a few messages an
hour each (``TRAINERS_CONTACT_RATE``, default 5/h, django-ratelimit as ``ratelimits.py``)."""

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from ..models import member_name


def contact_limited(request):
    return is_ratelimited(
        request,
        group="trainers.contact",
        key="user",
        rate=lambda g, r: getattr(settings, "TRAINERS_CONTACT_RATE", "5/h"),
        method="POST",
        increment=True,
    )


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        min_length=20,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("Say who you are, which factory and what training you need."),
    )


def send_contact(request, trainer, message):
    """E-mail ``message`` to ``trainer`` in a language they train in (English otherwise)."""
    sender = request.user
    languages = [lc.language_code for lc in trainer.languages.all()]
    language = next((code for code in languages if code != "en"), "en")
    with translation.override(language):
        subject = gettext("A factory wrote to you through the Better Work portal")
        body = render_to_string(
            "communities/email/trainer_contact.txt",
            {"trainer": trainer, "sender_name": member_name(sender), "message": message},
        )
    EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [trainer.user.email],
        reply_to=[sender.email] if sender.email else None,
    ).send()
