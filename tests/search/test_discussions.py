"""Community discussions in site search: only threads the reader may read (the rules of
communities.permissions), never deleted ones nor, except for moderators, hidden ones, counted
in the type facet as "discussion", shown beside the pages and paginated on their own."""

import pytest
from django.contrib.auth.models import AnonymousUser

from communities import permissions
from communities.models import Post, Thread
from portal.models import StandardPage
from search.filters import Filters
from search.query import site_search

from .conftest import MEMBERS, PRIVATE, PUBLIC, facet_counts, index, login, result_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def circles(make_community, make_thread):
    """A 'zebu' thread in a public, a members-only and a private community."""
    made = {}
    for visibility in (PUBLIC, MEMBERS, PRIVATE):
        community = make_community(visibility)
        made[visibility] = make_thread(
            community, f"Zebu {visibility} thread", body=f"Zebu talk for {visibility} readers."
        )
    return made


def titles(html):
    import re

    return set(re.findall(r'class="hit-title" href="[^"]+"[^>]*>(.*?)</a>', html))


def shown(client, user, **params):
    login(client, user)
    html = client.get("/en/search/", {"q": "zebu", **params}).content.decode()
    return html


READERS = {
    "anonymous": {PUBLIC},
    "nonmember": {PUBLIC},
    "pending": {PUBLIC},
    "suspended": {PUBLIC},
    "member": {PUBLIC, MEMBERS, PRIVATE},
    "moderator": {PUBLIC, MEMBERS, PRIVATE},
    "editor": {PUBLIC, MEMBERS, PRIVATE},
}


@pytest.mark.parametrize(("who", "visible"), READERS.items())
def test_only_threads_the_reader_may_read(client, people, circles, who, visible):
    html = shown(client, people[who])
    expected = {f"<mark>Zebu</mark> {v} thread" for v in visible}
    assert titles(html) == expected
    for visibility in {PUBLIC, MEMBERS, PRIVATE} - visible:
        assert f"{visibility} thread" not in html  # not in results, excerpts or facets
        assert circles[visibility].get_absolute_url() not in html
    assert facet_counts(html, "type") == {"discussion": len(visible)}
    assert result_count(html) == len(visible)


@pytest.mark.parametrize(("who", "visible"), READERS.items())
def test_agrees_with_the_permission_rules(people, circles, who, visible):
    user = people[who] or AnonymousUser()
    outcome = site_search("zebu", "en", Filters(language=("en",)), user=user)
    found = {thread.pk for thread in outcome.discussions[0:20]}
    allowed = {t.pk for t in circles.values() if permissions.can_read(user, t.community)}
    assert found == allowed == {circles[v].pk for v in visible}


@pytest.mark.parametrize("who", ["anonymous", "nonmember", "member"])
def test_api_applies_the_same_rules(client, people, circles, who):
    login(client, people[who])
    data = client.get("/api/v2/search/", {"q": "zebu"}).json()
    assert {r["title"] for r in data["results"]} == {f"Zebu {v} thread" for v in READERS[who]}
    assert {r["kind"] for r in data["results"]} == {"discussion"}
    assert data["results"][0]["url"].startswith("/en/communities/")
    assert data["count"] == len(READERS[who])


def test_hidden_opening_post_hides_the_thread_from_everyone_but_moderators(client, people, circles):
    thread = circles[PUBLIC]
    Post.objects.filter(thread=thread, is_opening=True).update(hidden=True)
    index(Thread.objects.get(pk=thread.pk))
    for who in ("anonymous", "nonmember", "member"):
        client.logout()
        assert f"{PUBLIC} thread" not in shown(client, people[who])
    for who in ("moderator", "editor"):  # they find it to restore it
        client.logout()
        assert f"{PUBLIC} thread" in shown(client, people[who])


def test_hidden_reply_is_neither_found_nor_quoted(client, people, make_community, make_thread):
    community = make_community(PUBLIC)
    thread = make_thread(
        community, "Grievance boxes", replies=["We tried a yak survey", "Boxes worked well"]
    )
    assert "yak" in shown(client, None, q="yak")
    Post.objects.filter(thread=thread, body__contains="yak").update(hidden=True)
    index(Thread.objects.get(pk=thread.pk))  # what communities.services.reindex does
    html = client.get("/en/search/", {"q": "yak"}).content.decode()
    assert "Grievance" not in html
    html = client.get("/en/search/", {"q": "boxes"}).content.decode()
    assert "Grievance" in html and "yak" not in html


def test_deleted_thread_is_gone_even_if_its_index_entry_is_stale(client, circles):
    circles[PUBLIC].delete()  # the index entry is not removed here
    html = shown(client, None)
    assert "No results" in html


def test_discussions_are_shown_beside_pages_with_a_link_to_all(
    client, people, make_community, make_thread
):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    page = StandardPage(title="Zebu farming", slug="zebu-farming", intro="zebu")
    about.add_child(instance=page)
    index(page)
    community = make_community(PUBLIC)
    for number in range(7):
        make_thread(community, f"Zebu question {number}")
    html = shown(client, None)
    assert result_count(html) == 1  # the page list
    aside = html[html.index('id="search-discussions"') :]
    assert "7 discussions" in aside
    assert aside.count('class="hit-title"') == 5
    assert "type=discussion" in aside
    assert facet_counts(html, "type") == {"discussion": 7, "standardpage": 1}
    data = client.get("/api/v2/search/", {"q": "zebu"}).json()
    assert data["count"] == 1 and data["discussions"]["count"] == 7
    assert len(data["discussions"]["results"]) == 5


def test_discussions_alone_are_paginated(client, make_community, make_thread):
    community = make_community(PUBLIC)
    made = {make_thread(community, f"Zebu question {n}").pk for n in range(13)}
    first = shown(client, None, type="discussion")
    assert result_count(first) == 13
    assert first.count('class="hit-title"') == 10
    second = client.get("/en/search/", {"q": "zebu", "type": "discussion", "page": 2})
    second = second.content.decode()
    assert second.count('class="hit-title"') == 3
    api = [
        client.get("/api/v2/search/", {"q": "zebu", "type": "discussion", "page": n}).json()
        for n in (1,)
    ]
    assert api[0]["count"] == 13 and {r["id"] for r in api[0]["results"]} == made
    assert "Page 2 of 2" in second


def test_page_types_leave_discussions_out(client, circles):
    html = shown(client, None, type="standardpage")
    assert "thread" not in titles(html)
    # The facet ignores its own selection; the selected type stays listed with its 0.
    assert facet_counts(html, "type") == {"discussion": 1, "standardpage": 0}


def test_thread_languages_follow_the_community(client, make_community, make_thread):
    french = make_community(PUBLIC, languages=["fr"])
    anywhere = make_community(PUBLIC)  # declares no language: open to every language
    make_thread(french, "Zebu en français")
    make_thread(anywhere, "Zebu anywhere")
    english = shown(client, None)
    assert titles(english) == {"<mark>Zebu</mark> anywhere"}
    assert facet_counts(english, "language") == {
        "fr": 2,
        "en": 1,
        "es": 1,
        "ar": 1,
        "bn": 1,
        "id": 1,
        "km": 1,
        "vi": 1,
    }
    french_html = client.get("/fr/search/", {"q": "zebu"}).content.decode()
    assert len(titles(french_html)) == 2
    chosen = shown(client, None, language="fr")
    assert len(titles(chosen)) == 2
    everywhere = shown(client, None, all="1")
    assert len(titles(everywhere)) == 2


def test_discussions_follow_the_community_country_and_industry(client, make_community, make_thread):
    from portal.models import Country, Industry

    tagged = make_community(PUBLIC)
    tagged.countries.set(Country.objects.filter(slug="jordan", locale__language_code="en"))
    tagged.industries.set(Industry.objects.filter(slug="apparel", locale__language_code="en"))
    tagged.save()
    make_thread(tagged, "Zebu in Jordan")
    make_thread(make_community(PUBLIC), "Zebu elsewhere")
    html = shown(client, None)
    assert facet_counts(html, "country") == {"jordan": 1}
    assert facet_counts(html, "industry") == {"apparel": 1}
    assert titles(shown(client, None, country="jordan")) == {"<mark>Zebu</mark> in Jordan"}
    assert titles(shown(client, None, topic="gender-equality")) == set()


def test_a_private_word_is_never_suggested(client, make_community, make_thread):
    make_thread(make_community(PRIVATE), "Confidentialissimo plans")
    html = client.get("/en/search/", {"q": "confidentialisimo"}).content.decode()
    assert "No results" in html
    assert "onfidentialissimo" not in html


def test_pages_paginate_with_the_discussions_beside_the_first_page(
    client, make_community, make_thread
):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    for number in range(12):
        page = StandardPage(title=f"Zebu page {number}", slug=f"zebu-{number}", intro="zebu")
        about.add_child(instance=page)
        index(page)
    community = make_community(PUBLIC)
    for number in range(2):
        make_thread(community, f"Zebu talk {number}")
    first = shown(client, None)
    assert result_count(first) == 12
    main = first[first.index('id="search-results"') : first.index('id="search-discussions"')]
    assert main.count('class="hit-title"') == 10
    assert "2 discussions" in first and "type=discussion" not in first  # all already shown
    second = client.get("/en/search/", {"q": "zebu", "page": 2}).content.decode()
    assert second.count('class="hit-title"') == 2 and "search-discussions" not in second
    assert "Page 2 of 2" in second
    pages = [client.get("/en/search/", {"q": "zebu", "page": n}).content.decode() for n in (1, 2)]
    seen = [t for html in pages for t in titles(html) if "page" in t]
    assert len(seen) == len(set(seen)) == 12  # no page shown twice or skipped


def test_a_discussions_community_is_named_in_the_readers_language(
    client, make_community, make_thread
):
    from communities.models import CommunityTranslation

    community = make_community(PUBLIC)
    CommunityTranslation.objects.create(community=community, language="fr", name="Cercle public")
    make_thread(community, "Zebu question")
    french = client.get("/fr/search/", {"q": "zebu"}).content.decode()
    assert '<span dir="auto">Cercle public</span>' in french
    khmer = client.get("/km/search/", {"q": "zebu"}).content.decode()
    assert '<span lang="en" dir="auto">Public circle</span>' in khmer
