"""A thread's dates and reply count in the reader's language and digits; the <time> element's
``datetime`` stays ISO (portal/formatting.py)."""

import re
from datetime import UTC, datetime

import pytest

from communities.models import Post, Thread

pytestmark = pytest.mark.django_db

WHEN = datetime(2025, 3, 7, 14, 5, tzinfo=UTC)
SHOWN = {
    "en": "03/07/2025 2:05 p.m.",
    "fr": "07/03/2025 14:05",
    "ar": "07\u200f/03\u200f/2025 2:05 م",
    "km": "៧ មិនា ២០២៥, ១៤:០៥",
    "bn": "৭ মার্চ, ২০২৫, ২:০৫ অপরাহ্ন",
}
ZERO = {"en": "0", "fr": "0", "ar": "0", "km": "០", "bn": "০"}


def test_thread_dates_and_counts(client, make_community, make_thread):
    thread = make_thread(make_community())
    Thread.objects.filter(pk=thread.pk).update(created_at=WHEN, last_activity_at=WHEN)
    Post.objects.filter(thread=thread).update(created_at=WHEN)
    # Without the language prefix: "communities/<slug>/t/<pk>/".
    thread_path = thread.get_absolute_url().split("/", 2)[2]
    community_path = thread.community.get_absolute_url().split("/", 2)[2]
    for lang, shown in SHOWN.items():
        html = client.get(f"/{lang}/{thread_path}").content.decode()
        assert f'<time datetime="2025-03-07T14:05:00+00:00">{shown}</time>' in html, lang
        meta = re.search(r'<p class="meta thread-meta">(.*?)</p>', html, re.S).group(1)
        replies = re.sub(r"<[^>]+>", "", meta).rsplit("·", 1)[1]
        assert ZERO[lang] in replies, replies
        if lang in ("km", "bn"):
            assert not re.search(r"[0-9]", replies), replies

        listing = client.get(f"/{lang}/{community_path}")
        assert f">{shown}</time>" in listing.content.decode(), lang
