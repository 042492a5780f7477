"""Community discussions in site search: which threads a reader may find, and their facets.

Who may read a community is decided by ``communities.permissions`` alone; this module only
turns its answer into a filter. A thread whose opening post was hidden by a moderator is found
by that community's moderators only, and its text in the index is its visible posts only
(``Thread.searchable_text``).

Every facet of a thread is its community's: languages (a community that declares none is open
to every language, so its threads count under, and are found in, each of them), countries and
industries (communities carry no topics, so a topic selection leaves discussions out). So the
matching threads are counted once per community, and every disjunctive count is worked out
from those few rows and the communities' tags.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import Substr

from communities.models import Community, Post, Thread

from .highlight import plain_text

MAX_POST_CHARS = 4000
DISCUSSION = "discussion"


def readable_threads(user):
    """Threads the user may read (communities.permissions.readable_threads): a thread whose
    opening post was hidden is found by the community's moderators only."""
    return Thread.objects.readable_by(user)


@dataclass
class Tags:
    language: set = field(default_factory=set)  # locale ids; empty = every language
    country: set = field(default_factory=set)
    industry: set = field(default_factory=set)
    topic: set = field(default_factory=set)  # always empty: communities carry no topics
    publication: set = field(default_factory=set)  # always empty: threads are no publications


def community_tags(community_ids):
    """{community id: Tags} (three small queries, over the communities that matched)."""
    tags = {pk: Tags() for pk in community_ids}
    relations = (
        ("language", Community.languages.through, "locale_id"),
        ("country", Community.countries.through, "country__slug"),
        ("industry", Community.industries.through, "industry__slug"),
    )
    for facet, through, value in relations:
        rows = through.objects.filter(community_id__in=list(tags)).values_list(
            "community_id", value
        )
        for community_id, tag in rows:
            getattr(tags[community_id], facet).add(tag)
    return tags


class ThreadCounts:
    """Matching threads per community, and the counts and filters derived from them.

    ``filters`` are ``search.filters.Filters`` with languages given as locale ids."""

    def __init__(self, matches):
        self.per_community = dict(
            matches.values_list("community_id").annotate(n=Count("pk")).order_by()
        )
        self.tags = community_tags(self.per_community)

    def _passes(self, community_id, filters, skip=None):
        if skip != "type" and filters.type and DISCUSSION not in filters.type:
            return False
        tags = self.tags[community_id]
        for facet in ("language", "country", "industry", "topic", "publication"):
            chosen = getattr(filters, facet)
            if facet == skip or not chosen:
                continue
            have = getattr(tags, facet)
            if facet == "language" and not have:
                continue  # open to every language
            if not have & set(chosen):
                return False
        return True

    def communities(self, filters):
        """Ids of the communities whose matching threads pass every filter."""
        return [c for c in self.per_community if self._passes(c, filters)]

    def total(self, filters, skip=None):
        return sum(n for c, n in self.per_community.items() if self._passes(c, filters, skip))

    def by_tag(self, filters, facet, every=()):
        """{tag: threads} for one facet, ignoring that facet's own selection; threads whose
        community has no tag of a language count under each of ``every``."""
        counts = {}
        for community_id, n in self.per_community.items():
            if not self._passes(community_id, filters, skip=facet):
                continue
            tags = getattr(self.tags[community_id], facet) or (
                set(every) if facet == "language" else set()
            )
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + n
        return counts


def visible_texts(threads):
    """{thread id: [plain text of each visible post, oldest first]} for a page of results."""
    texts = {thread.pk: [] for thread in threads}
    posts = (
        Post.objects.filter(thread_id__in=list(texts), hidden=False)
        .order_by("thread_id", "created_at", "pk")
        .values_list("thread_id", Substr("html", 1, MAX_POST_CHARS))
    )
    for thread_id, html in posts:
        texts[thread_id].append(plain_text(html))
    return texts
