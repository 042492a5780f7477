"""Serializer fields for the page models' ``api_fields`` (Wagtail's content API, see
``portal.api_content``): taxonomy terms as ``{"slug", "name"}`` in the page's language, and
lists built from a page's own methods."""

from rest_framework.fields import Field


def _term_names(request, model, locale_id):
    """{translation_key: name} of every term of ``model`` in one locale, once per request
    (taxonomies are small; this keeps a listing with ``fields=*`` at one query per taxonomy)."""
    cache = getattr(request, "_api_term_names", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._api_term_names = cache
    key = (model._meta.label, locale_id)
    if key not in cache:
        cache[key] = dict(
            model.objects.filter(locale_id=locale_id).values_list("translation_key", "name")
        )
    return cache[key]


def term_representation(term, locale_id, request):
    names = _term_names(request, type(term), locale_id)
    return {"slug": term.slug, "name": names.get(term.translation_key, term.name)}


class WholeObjectField(Field):
    """A read-only field computed from the whole object (a page, an image), not one attribute."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        return instance


class TermsField(WholeObjectField):
    """A many-to-many taxonomy field: ``[{"slug", "name"}, …]``, names in the page's language
    (the relation holds default-language terms, wagtail-localize copies it unchanged)."""

    def to_representation(self, page):
        request = self.context.get("request")
        terms = getattr(page, self.field_name).all()
        return [term_representation(term, page.locale_id, request) for term in terms]


class TermField(TermsField):
    """A single taxonomy foreign key: ``{"slug", "name"}`` or null."""

    def to_representation(self, page):
        term = getattr(page, self.field_name)
        if term is None:
            return None
        return term_representation(term, page.locale_id, self.context.get("request"))


class MethodField(WholeObjectField):
    """The value of ``page.<method>(request)`` (a list of plain dicts)."""

    def __init__(self, method, *args, **kwargs):
        self.method = method
        super().__init__(*args, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return getattr(page, self.method)(getattr(request, "_request", request))
