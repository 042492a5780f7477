"""Hostile input is neutralised in the thread page and in the API."""

import io
from html.parser import HTMLParser

import pytest

from communities import services

from .conftest import login

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">click</a>',
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(1))",
    "[click me](&#106;avascript:alert(1))",
    "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '[x](https://example.org "title" onmouseover="alert(1)")',
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[a](vbscript:msgbox(1))",
    '<a href="java\tscript:alert(1)">tab</a>',
    "<style>body{background:url(javascript:alert(1))}</style>",
]
BAD_TAGS = {"script", "iframe", "svg", "style", "img", "object", "embed", "math", "form"}


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in BAD_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "formaction", "style"):
                squashed = "".join((value or "").split()).lower()
                if squashed.startswith(("javascript:", "vbscript:", "data:")) or (name == "style"):
                    self.problems.append(f"{tag}[{name}={value}]")


def _assert_clean(html):
    """No executable markup: checked on the parsed DOM, so escaped text is fine."""
    inspector = _Inspector()
    inspector.feed(html)
    assert inspector.problems == [], (inspector.problems, html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_neutralised_in_html_and_api(client, people, make_community, make_thread, payload):
    community = make_community("public")
    thread = make_thread(community, title="Safe title", body=f"Before {payload} after")
    services.create_reply(thread, people["member"], payload)
    page = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").content.decode()
    body = page.split('<article class="thread">', 1)[1].split('<section class="reply-section"', 1)[
        0
    ]
    _assert_clean(body)
    data = client.get(f"/api/v2/communities/threads/{thread.pk}/").json()
    for post in data["posts"]["results"]:
        _assert_clean(post["html"])


def test_title_is_escaped(client, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community, title="<script>alert(1)</script>")
    page = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_markdown_subset_still_works(client, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community, body="**bold** _it_ [ok](https://example.org)\n\n> q")
    html = thread.posts.get().html
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow noopener noreferrer ugc"' in html
    assert "<blockquote>" in html


@pytest.mark.parametrize(
    "name,content",
    [
        ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("evil.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("evil.txt", b"<html><script>alert(1)</script></html>"),
        ("evil.html", b"<script>alert(1)</script>"),
        ("evil.exe", b"MZ\x90\x00"),
        ("fake.pdf", b"not a pdf"),
        ("fake.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_dangerous_attachments_refused(client, people, make_community, name, content):
    community = make_community("public")
    login(client, people["member"])
    upload = io.BytesIO(content)
    upload.name = name
    response = client.post(
        f"/en/communities/{community.slug}/new/",
        {"title": "With a file", "body": "see file", "attachment": upload},
    )
    assert response.status_code == 400
    assert community.threads.count() == 0


def test_attachment_too_large(client, people, make_community, settings):
    settings.COMMUNITIES_ATTACHMENT_MAX_SIZE = 100
    community = make_community("public")
    login(client, people["member"])
    upload = io.BytesIO(b"%PDF-1.4\n" + b"x" * 200)
    upload.name = "big.pdf"
    response = client.post(
        f"/en/communities/{community.slug}/new/",
        {"title": "Big", "body": "file", "attachment": upload},
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()
