"""Wagtail's admin under the site's Content-Security-Policy (no 'unsafe-inline' for scripts).

Wagtail writes a few inline initialiser scripts from Python code that a project cannot
template away: date and time pickers (``initDateChooser("id_x", {...});``), chooser widgets
(``new PageChooser("id_x", {...});``) and inline panels (``(function() { var panel = new
InlinePanel(JSON.parse("...")); })();``). This middleware gives exactly those shapes, a known
initialiser called with JSON data only, the response's CSP nonce; every other inline script
stays blocked. It also allows inline styles in the admin, because Wagtail's bundled JavaScript
inserts <style> elements at run time (the public site keeps style-src 'self')."""

import json
import re

from csp.constants import UNSAFE_INLINE

ADMIN_PREFIX = "/admin/"
FUNCTIONS = {"initDateChooser", "initTimeChooser", "initDateTimeChooser"}
CONSTRUCTORS = {"Chooser", "PageChooser", "DocumentChooser", "ImageChooser", "SnippetChooser"}
PANELS = {"InlinePanel", "MultipleChooserPanel"}

BARE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)
CALL = re.compile(r"(?P<new>new )?(?P<name>[A-Za-z]+)\((?P<args>.*)\);?", re.S)
PANEL = re.compile(
    r"\(function\(\) \{ var panel = new (?P<name>[A-Za-z]+)"
    r'\(JSON\.parse\("(?P<data>[^"]*)"\)\); \}\)\(\);'
)


def _is_json(text):
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def is_wagtail_initialiser(body):
    """True for a known initialiser whose arguments are JSON (data, never code)."""
    body = " ".join(body.split())
    if panel := PANEL.fullmatch(body):
        # The argument is a JS string literal of JSON with \uXXXX escapes, as JSON spells it.
        return panel["name"] in PANELS and _is_json(f'"{panel["data"]}"')
    if call := CALL.fullmatch(body):
        allowed = CONSTRUCTORS if call["new"] else FUNCTIONS
        return call["name"] in allowed and _is_json(f"[{call['args']}]")
    return False


class WagtailAdminCSPMiddleware:
    """Listed after csp.middleware.CSPMiddleware, so the nonce it uses reaches the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(ADMIN_PREFIX) or not _is_html(response):
            return response
        update = getattr(response, "_csp_update", None) or {}
        styles = [*update.get("style-src", []), UNSAFE_INLINE]
        response._csp_update = {**update, "style-src": styles}
        html = response.content.decode(response.charset)
        if "<script>" not in html:
            return response

        def add_nonce(match):
            if is_wagtail_initialiser(match["body"]):
                return f'<script nonce="{request.csp_nonce}">{match["body"]}</script>'
            return match.group(0)

        response.content = BARE_SCRIPT.sub(add_nonce, html).encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def _is_html(response):
    content_type = response.get("Content-Type", "")
    return content_type.startswith("text/html") and not getattr(response, "streaming", False)
