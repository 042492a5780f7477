"""A self-guided tool's progress is posted to its own URL, checked by its origin instead of a
CSRF token, so the tool's page carries no token and anonymous readers get it from the page
cache; a reader's progress stays in their own session."""

import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from wagtail.models import PageViewRestriction

from knowledge.models import GoodPracticeGuidePage, SelfGuidedToolPage

from .conftest import make_resource

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_ORIGIN": "http://localhost"}


@pytest.fixture
def tool(library):
    steps = [
        {"type": "step", "value": {"title": f"Step {n}", "text": "<p>x</p>", "worksheet": None}}
        for n in (1, 2, 3)
    ]
    return make_resource(library, SelfGuidedToolPage, "Tool", steps=json.dumps(steps))


def progress_url(page):
    return f"/en/tool-progress/{page.pk}/"


def mark(client, page, step, done="1", **headers):
    return client.post(progress_url(page), {"step": str(step), "done": done}, **headers)


def done_line(client, page):
    html = client.get(page.url).content.decode()
    return next(line for line in html.splitlines() if "steps done" in line).strip()


def test_marking_and_unmarking_steps(client, tool):
    assert mark(client, tool, 0, **SAME_SITE).status_code == 302
    assert mark(client, tool, 2, **SAME_SITE).status_code == 302
    assert "2 of 3 steps done" in done_line(client, tool)
    assert mark(client, tool, 0, done="0", **SAME_SITE).status_code == 302
    assert "1 of 3 steps done" in done_line(client, tool)


@pytest.mark.parametrize(
    "headers",
    [
        {},  # neither Origin nor Referer
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: URL
        {"HTTP_ORIGIN": "http://localhost.evil.example"},
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
    ids=["no origin", "other site", "null", "look-alike host", "other site's referer"],
)
def test_a_post_from_elsewhere_is_refused_and_changes_nothing(client, tool, headers):
    sessions = Session.objects.count()
    response = mark(client, tool, 1, **headers)
    assert response.status_code == 403
    assert Session.objects.count() == sessions
    assert "0 of 3 steps done" in done_line(client, tool)


def test_the_sites_own_referer_or_a_trusted_origin_is_accepted(client, tool, settings):
    assert mark(client, tool, 0, HTTP_REFERER=f"http://localhost{tool.url}").status_code == 302
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.betterwork.example"]
    assert mark(client, tool, 1, HTTP_ORIGIN="https://www.betterwork.example").status_code == 302
    assert "2 of 3 steps done" in done_line(client, tool)


def test_each_reader_keeps_their_own_progress(client, tool, django_user_model):
    from django.test import Client

    mark(client, tool, 0, **SAME_SITE)
    other = Client(HTTP_HOST="localhost")
    assert "0 of 3 steps done" in done_line(other, tool)
    member = django_user_model.objects.create_user("reader", password="x")
    other.force_login(member)
    mark(other, tool, 1, **SAME_SITE)
    mark(other, tool, 2, **SAME_SITE)
    assert "2 of 3 steps done" in done_line(other, tool)
    assert "1 of 3 steps done" in done_line(client, tool)


def test_only_a_live_tool_the_reader_may_read(client, library, tool, django_user_model):
    guide = make_resource(library, GoodPracticeGuidePage, "Guide")
    assert mark(client, guide, 0, **SAME_SITE).status_code == 404  # not a tool
    draft = make_resource(library, SelfGuidedToolPage, "Draft tool", publish=False)
    assert mark(client, draft, 0, **SAME_SITE).status_code == 404
    restriction = PageViewRestriction.objects.create(
        page=tool, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))
    refused = mark(client, tool, 0, **SAME_SITE)
    assert refused.status_code == 302 and "/login/" in refused["Location"]
    outsider = django_user_model.objects.create_user("outsider", password="x")
    client.force_login(outsider)
    assert "/login/" in mark(client, tool, 0, **SAME_SITE)["Location"]
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert mark(client, tool, 0, **SAME_SITE)["Location"] == f"{tool.url}#step-0"


def test_the_tools_page_has_no_form_token_and_is_cached_for_anonymous_readers(
    client, tool, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(tool.url)
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{progress_url(tool)}"' in html
    assert first["X-Page-Cache"] == "miss"
    assert client.get(tool.url)["X-Page-Cache"] == "hit"
    # A reader who marked a step has a session: their page is their own, never the cache's.
    mark(client, tool, 0, **SAME_SITE)
    own = client.get(tool.url)
    assert "X-Page-Cache" not in own
    assert "1 of 3 steps done" in own.content.decode()


def test_the_session_cookie_is_not_sent_by_other_sites_posts(client, tool):
    """The origin check's second half: a cross-site POST does not carry the reader's session."""
    mark(client, tool, 0, **SAME_SITE)
    assert client.cookies["sessionid"]["samesite"] == "Lax"
