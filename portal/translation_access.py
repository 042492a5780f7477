"""Which content languages a user may edit, and the checks that keep translators to them.

Pages need nothing extra: Wagtail grants page rights per subtree and every language has its own
home page (portal/roles.py). Snippets have no per-language permission in Wagtail, so a user's
languages are read from their page rights: change rights on the tree root mean every language,
on a language's home page that language. The snippet hooks (portal/wagtail_hooks.py) and
`TranslationLanguageMiddleware` (wagtail-localize's own views, which check only the snippet
type) use that."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Locale, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import user_can_edit_instance

from .machine_translation import unreviewed_machine_strings

EVERY_LANGUAGE = None


def editable_language_codes(user):
    """The language codes `user` may edit, or EVERY_LANGUAGE. Cached on the user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return EVERY_LANGUAGE
    if not hasattr(user, "_portal_language_codes"):
        rows = GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page", page__depth__lte=2
        ).values_list("page__depth", "page__locale__language_code")
        if any(depth == 1 for depth, _code in rows):
            user._portal_language_codes = EVERY_LANGUAGE
        else:
            user._portal_language_codes = frozenset(code for _depth, code in rows)
    return user._portal_language_codes


def may_edit_language(user, language_code):
    codes = editable_language_codes(user)
    return codes is EVERY_LANGUAGE or language_code in codes


def may_edit_instance(user, instance):
    if not isinstance(instance, TranslatableMixin):
        return True
    return may_edit_language(user, Locale.objects.get(pk=instance.locale_id).language_code)


def may_edit_translation_target(user, instance):
    """wagtail-localize's own check (page rights; for snippets only the type) and the language."""
    return user_can_edit_instance(user, instance) and may_edit_instance(user, instance)


def requested_locale_code(request):
    code = request.GET.get("locale")
    return code or Locale.get_default().language_code


class TranslationLanguageMiddleware:
    """Refuses wagtail-localize's translation views for a language the user may not edit, and
    publishing a sync while a translation still holds unreviewed machine strings."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtail_localize":
            return None

        user = request.user
        if "translation_id" in view_kwargs:
            translation = Translation.objects.filter(pk=view_kwargs["translation_id"]).first()
            if translation is not None and not may_edit_language(
                user, translation.target_locale.language_code
            ):
                raise PermissionDenied
        if request.method != "POST":
            return None
        if match.url_name in ("submit_page_translation", "submit_snippet_translation"):
            chosen = Locale.objects.filter(pk__in=request.POST.getlist("locales"))
            if any(not may_edit_language(user, locale.language_code) for locale in chosen):
                raise PermissionDenied
        if match.url_name == "update_translations":
            source = TranslationSource.objects.filter(
                pk=view_kwargs.get("translation_source_id")
            ).first()
            if source is None:
                return None
            translations = list(
                source.translations.filter(enabled=True).select_related("target_locale")
            )
            if any(
                not may_edit_language(user, t.target_locale.language_code) for t in translations
            ):
                raise PermissionDenied
            if request.POST.get("publish_translations") and any(
                unreviewed_machine_strings(t) for t in translations
            ):
                messages.error(
                    request,
                    _(
                        "Translations were not updated: a translation of this item still has "
                        "machine-translated text nobody has reviewed. Review it in the "
                        "translation editor, then publish."
                    ),
                )
                return redirect(request.get_full_path())
        return None
