"""Markdown → safe HTML. markdown-it-py renders (raw HTML off), nh3 sanitises the result with
a small allow-list; @mentions become profile links and links to portal pages are collected so
the thread page can show them as cards."""

import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override
from markdown_it import MarkdownIt
from wagtail.models import Page, Site

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

MENTION_RE = re.compile(r"(?<![\w@/.:=&\"'-])@([A-Za-z0-9_][\w.+-]{0,148}[\w])")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.enable(["table", "strikethrough"])


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )


def mentioned_usernames(source):
    return {name.rstrip(".") for name in MENTION_RE.findall(source or "")}


def _link_mentions(html, users_by_name):
    """Wrap @name in text (not inside links or code) with a link to the person's profile."""
    if not users_by_name:
        return html
    out, skip = [], 0
    for part in _TAG_SPLIT.split(html):
        if part.startswith("<"):
            match = re.match(r"</?([a-zA-Z0-9]+)", part)
            tag = match.group(1).lower() if match else ""
            if tag in ("a", "code", "pre"):
                skip += -1 if part.startswith("</") else 1
            out.append(part)
            continue
        if skip > 0:
            out.append(part)
            continue

        def replace(match):
            user = users_by_name.get(match.group(1).lower())
            if user is None:
                return match.group(0)
            url = reverse("communities:person", kwargs={"username": user.get_username()})
            return f'<a class="mention" href="{escape(url)}">@{escape(user.get_username())}</a>'

        out.append(MENTION_RE.sub(replace, part))
    return "".join(out)


def render(source):
    """Return (html, mentioned_users)."""
    html = sanitise(_md.render(source or ""))
    names = mentioned_usernames(source)
    users = {}
    if names:
        User = get_user_model()
        lookup = {f"{User.USERNAME_FIELD}__in": list(names)[:50], "is_active": True}
        users = {u.get_username().lower(): u for u in User.objects.filter(**lookup)}
    html = _link_mentions(html, users)
    return html, list(users.values())


def _local_path(url):
    """The path of a link that points into this site, or None."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        base = urlsplit(settings.SITE_BASE_URL)
        if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
            return None
    if not parts.path.startswith("/"):
        return None
    return parts.path


_LINK_RE = re.compile(r"""href="([^"]+)\"""")


def linked_pages(html):
    """Live, public portal pages linked from already-sanitised HTML, in order, without repeats.

    Resolved generically through Wagtail's router (``Page.find_for_request``) in the language
    the link names, so no other app's internals are needed."""
    languages = {code for code, _name in settings.LANGUAGES}
    found, seen = [], set()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return found
    factory = RequestFactory()
    for href in _LINK_RE.findall(html)[:20]:
        path = _local_path(href.replace("&amp;", "&"))
        if not path:
            continue
        segments = [s for s in path.split("/") if s]
        if (
            not segments
            or segments[0] not in languages
            or (len(segments) > 1 and segments[1] == "communities")
        ):
            continue
        host = site.hostname if site.hostname != "*" else "localhost"
        request = factory.get(path, HTTP_HOST=host)
        with override(segments[0]):
            page = Page.find_for_request(request, "/".join(segments[1:]) + "/")
        if page is None or not page.live or page.depth <= 2 or page.pk in seen:
            continue
        if page.get_view_restrictions().exists():
            continue
        seen.add(page.pk)
        found.append(page)
    return found
