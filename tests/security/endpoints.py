"""Every endpoint of the portal, discovered rather than listed by hand.

Sources: the URL resolver of ``portal.urls`` (the i18n patterns under ``/en/``), Wagtail's page
models (one endpoint per page type, plus one per RoutablePage sub-route), and the OpenAPI
document served at ``/api/v2/openapi.json`` (one endpoint per path and method). The Wagtail and
Django admin sites are one endpoint each (a sample of their URLs is checked, not every one).

Each endpoint has a key (what the permission table is indexed by) and a path template with
``{name}`` placeholders that the table's cases fill from the world.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

LANGUAGE = "en"
ADMIN_GROUPS = {"admin/": "wagtail-admin", "django-admin/": "django-admin"}
# Regex URL patterns of third-party apps, written as templates (a new regex route fails
# discovery until it is added here or can be read by _regex_template).
REGEX_TEMPLATES = {
    "wagtaildocs_serve": "{document_id}/{document_filename}",
    "wagtail_serve": "{page_path}",  # expanded into one endpoint per page type and route
    "api_moved": "api/{rest}",
}
# The HTML views' documented filters and paging (README, app READMEs): the hostile-input walk
# sends them to every HTML endpoint.
HTML_QUERY_PARAMETERS = (
    "q",
    "page",
    "country",
    "industry",
    "topic",
    "audience",
    "type",
    "language",
    "indicator",
    "sort",
    "all",
    "compliance_point",
    "quote",
    "next",
)


@dataclass(frozen=True)
class Endpoint:
    key: str
    template: str  # absolute path with {name} placeholders
    methods: tuple = ("GET",)
    query: tuple = ()  # known query parameter names
    api: bool = False
    page_model: str = ""  # for Wagtail page endpoints: the page model's label

    @property
    def path_params(self):
        return tuple(re.findall(r"{(\w+)}", self.template))


def _route_template(route):
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def _regex_template(regex):
    template = re.sub(r"\(\?P<(\w+)>[^()]*\)", r"{\1}", regex).lstrip("^")
    # Without an end anchor the pattern takes any rest of the path.
    template = template[:-1] if template.endswith("$") else template + "{rest}"
    if re.search(r"[\\()\[\]*+?|^$]", template):
        return None
    return template


def _pattern_template(pattern, name):
    if isinstance(pattern, LocalePrefixPattern):
        return f"{LANGUAGE}/"
    if isinstance(pattern, RoutePattern):
        return _route_template(str(pattern))
    if isinstance(pattern, RegexPattern):
        if name in REGEX_TEMPLATES:
            return REGEX_TEMPLATES[name]
        template = _regex_template(str(pattern))
        if template is None:
            raise AssertionError(f"Cannot build a URL for the regex pattern {pattern} ({name}).")
        return template
    raise AssertionError(f"Unknown pattern type {type(pattern)}")


def _callback_name(pattern):
    callback = pattern.callback
    return f"{callback.__module__}.{getattr(callback, '__name__', type(callback).__name__)}"


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            template = prefix + _pattern_template(entry.pattern, entry.namespace)
            if prefix == "" and str(entry.pattern) in ADMIN_GROUPS:
                yield ADMIN_GROUPS[str(entry.pattern)], "/" + template + "{sample}", None
                continue
            if entry.namespace == "api":
                yield "api", "/" + template, entry
                continue
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from _walk(entry.url_patterns, template, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or _callback_name(entry)
            key = f"{namespace}:{name}" if namespace and entry.name else name
            yield key, "/" + prefix + _pattern_template(entry.pattern, entry.name), entry


@cache
def openapi_document():
    response = Client().get("/api/v2/openapi.json")
    assert response.status_code == 200, response.status_code
    return response.json()


def api_endpoints(api_resolver_template, api_resolver):
    """One endpoint per path and method of the OpenAPI document, plus the API's routes that
    the document does not describe."""
    endpoints = []
    documented = set()
    for path, operations in openapi_document()["paths"].items():
        documented.add(path)
        for method, operation in operations.items():
            if operation["operationId"].startswith("wagtailapi_"):
                continue  # Wagtail's content API: its URL patterns are its endpoints (wagtailapi:*)
            endpoints.append(
                Endpoint(
                    key=f"api:{operation['operationId']}",
                    template=path,
                    methods=(method.upper(),),
                    query=tuple(
                        p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
                    ),
                    api=True,
                )
            )
    # Routes the document does not describe (the document itself, its viewer, the API root).
    for pattern in api_resolver.url_patterns:
        path = api_resolver_template + _route_template(str(pattern.pattern))
        if path not in documented:
            endpoints.append(Endpoint(key=f"api:{pattern.name}", template=path, api=True))
    return endpoints


def page_endpoints():
    endpoints = []
    for model in get_page_models():
        if model is Page:
            continue
        label = model._meta.label
        if issubclass(model, RoutablePageMixin):
            seen = set()
            for route in model.get_subpage_urls():
                suffix = _pattern_template(route.pattern, route.name)
                if suffix in seen:  # shadowed by an earlier route (RoutablePage's index_route)
                    continue
                seen.add(suffix)
                endpoints.append(
                    Endpoint(
                        key=f"page:{label}:{route.name}",
                        template="{page_path}" + suffix,
                        methods=("GET", "POST"),
                        page_model=label,
                    )
                )
        else:
            endpoints.append(
                Endpoint(
                    key=f"page:{label}",
                    template="{page_path}",
                    methods=("GET", "POST"),
                    page_model=label,
                )
            )
    return endpoints


@cache
def discover():
    """All endpoints, keyed by their table key."""
    endpoints = []
    for key, template, pattern in _walk(get_resolver().url_patterns):
        if key == "api":
            endpoints.extend(api_endpoints(template, pattern))
        elif key == "wagtail_serve":
            endpoints.extend(page_endpoints())
        else:
            endpoints.append(Endpoint(key=key, template=template, methods=("GET", "POST")))
    by_key = {}
    for endpoint in endpoints:
        if endpoint.key in by_key:  # one URL, several methods (the API's GET and POST)
            first = by_key[endpoint.key]
            assert first.template == endpoint.template, endpoint.key
            by_key[endpoint.key] = Endpoint(
                **{**first.__dict__, "methods": first.methods + endpoint.methods}
            )
        else:
            by_key[endpoint.key] = endpoint
    return by_key
