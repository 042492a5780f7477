"""Wagtail's content API (``api_content``, Django REST framework) described in the portal's
OpenAPI document, so the one document lists every operation under /api/v2/ and the contract
tests (the snapshot, schemathesis) cover these too. Written by hand from what the viewsets
accept and answer; ``tests/security/test_api_contract.py`` checks the description against the
running endpoints."""

TAG = "content (Wagtail API v2)"


def _query(name, description, schema=None):
    return {
        "in": "query",
        "name": name,
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ID = {"in": "path", "name": "id", "required": True, "schema": {"type": "integer", "minimum": 1}}
LISTING_PARAMETERS = [
    _query("limit", "Items per page, 1 to 50 (20 unless given).", {"type": "integer"}),
    _query("offset", "Items to skip.", {"type": "integer"}),
    _query(
        "fields",
        "Fields to add to each item (comma-separated; `*` for all; `-name` removes one).",
    ),
    _query("order", "A field to order by (`-field` for descending), or `random`."),
    _query("search", "Words to search for."),
    _query("search_operator", "`and` or `or`."),
]
DETAIL_PARAMETERS = [ID, _query("fields", "Fields to add or remove (as in the listing).")]
PAGE_FILTERS = [
    _query("type", "A page type, `app_label.ModelName` (e.g. `knowledge.TrainingModulePage`)."),
    _query("locale", "A language code: pages of that language only."),
    _query("child_of", "A page id: its children only.", {"type": "integer"}),
    _query("descendant_of", "A page id: everything below it.", {"type": "integer"}),
    _query("ancestor_of", "A page id: the pages above it.", {"type": "integer"}),
    _query("translation_of", "A page id: its translations.", {"type": "integer"}),
]
RICH_TEXT = _query("rich_text_format", "`html` (default) or `markdown`.")

SCHEMAS = {
    "ContentItem": {
        "type": "object",
        "description": "A page, image or document: `id`, `meta` (type, detail_url, and for "
        "pages html_url, slug, locale, first_published_at…) and the fields asked for.",
        "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}},
        "required": ["id", "meta"],
        "additionalProperties": True,
    },
    "ContentListing": {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer"}},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": _ref("ContentItem")},
        },
        "required": ["meta", "items"],
    },
}


def _listing(kind, filters=()):
    return {
        "get": {
            "operationId": f"wagtailapi_{kind}_listing",
            "tags": [TAG],
            "summary": f"Public {kind}, paged with limit and offset",
            "parameters": [*LISTING_PARAMETERS, *filters],
            "responses": {"200": _json(_ref("ContentListing"), f"A page of {kind}.")},
        }
    }


def _detail(kind, extra=()):
    return {
        "get": {
            "operationId": f"wagtailapi_{kind}_detail",
            "tags": [TAG],
            "summary": f"One of the public {kind}",
            "parameters": [*DETAIL_PARAMETERS, *extra],
            "responses": {"200": _json(_ref("ContentItem"), "The item.")},
        }
    }


def _find(kind, parameters, description):
    return {
        "get": {
            "operationId": f"wagtailapi_{kind}_find",
            "tags": [TAG],
            "summary": f"Find one of the {kind}: a redirect to its detail URL",
            "description": description,
            "parameters": parameters,
            "responses": {
                "302": {
                    "description": "Found: `Location` is its detail URL.",
                    "headers": {"Location": {"schema": {"type": "string"}}},
                },
                "404": _json(_ref("ErrorOut"), "Nothing public at that path or id."),
            },
        }
    }


def content_paths(prefix):
    html_path = _query("html_path", "A site path, language prefix included (`/fr/resources/`).")
    by_id = _query("id", "The item's id.", {"type": "integer"})
    return {
        f"{prefix}pages/": _listing("pages", [*PAGE_FILTERS, RICH_TEXT]),
        f"{prefix}pages/{{id}}/": _detail("pages", [RICH_TEXT]),
        f"{prefix}pages/find/": _find(
            "pages", [html_path, by_id], "By `html_path` (or `id`); 404 if not public."
        ),
        f"{prefix}images/": _listing("images"),
        f"{prefix}images/{{id}}/": _detail("images"),
        f"{prefix}documents/": _listing("documents"),
        f"{prefix}documents/{{id}}/": _detail("documents"),
        f"{prefix}page_preview/": {
            "get": {
                "operationId": "wagtailapi_page_preview",
                "tags": [TAG],
                "summary": "The draft a headless preview token stands for",
                "description": "Called by a headless front end with the `content_type` and "
                "`token` Wagtail's preview sent it (`HEADLESS_PREVIEW_URL`). 400 without them, "
                "404 for an unknown, tampered or expired token.",
                "parameters": [
                    _query("content_type", "`app_label.modelname` of the page."),
                    _query("token", "The signed preview token."),
                    RICH_TEXT,
                ],
                "responses": {
                    "200": _json(_ref("ContentItem"), "The draft, as a page detail."),
                    "404": _json(_ref("ErrorOut"), "No draft for this token."),
                },
            }
        },
    }
